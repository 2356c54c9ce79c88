"""An outlet's page template: the lines and outlet names hashed as the archive counts them."""

from __future__ import annotations

import hashlib
import re

from .textclean import template_key

_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _hash64(text: str) -> int:
    # A signed 64-bit integer fits every SQL integer column.
    return int.from_bytes(
        hashlib.blake2b(text.encode(), digest_size=8).digest(), "little", signed=True
    )


def outlet_hash(outlet: str) -> int:
    """ "The National Ledger" and "national ledger" share one template."""
    return _hash64(_THE.sub("", " ".join(outlet.split())).casefold())


def line_hashes(text: str) -> dict[int, str]:
    """Each distinct non-blank line of ``text``: hash -> :func:`template_key` of the line."""
    keys: dict[int, str] = {}
    for line in text.splitlines():
        if line.strip():
            key = template_key(line)
            if key:
                keys[_hash64(key)] = key
    return keys


def as_template(counts: dict[int, int], keys: dict[int, str]) -> dict[str, int]:
    """Stored counts (by hash) as the cleaner's template (by line key)."""
    return {keys[h]: n for h, n in counts.items() if h in keys and n > 0}
