"""An outlet's page template: lines hashed and counted per outlet in the template_lines table."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection

from .storage import storage_for
from .textclean import CleanOptions, template_key

#: A line in this many articles of an outlet (the article itself included) is its template.
TEMPLATE_MIN_ARTICLES = CleanOptions().template_min_count


@dataclass(frozen=True)
class TemplateLines:
    """An article's distinct lines, counted under its outlet."""

    outlet_hash: int
    line_hashes: tuple[int, ...]


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


def counts(conn: Connection, outlet_hash: int, hashes: Iterable[int]) -> dict[int, int]:
    """How many archived articles of the outlet contain each of these lines."""
    return storage_for(conn).template_counts(outlet_hash, hashes)


def count(conn: Connection, template: TemplateLines, step: int) -> None:
    """Add (step +1) or take back (-1) an article's lines in its outlet's template counts."""
    storage_for(conn).count_template(template.outlet_hash, template.line_hashes, step)
