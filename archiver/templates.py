"""An outlet's page template: lines hashed and counted per outlet in the template_lines table."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from .models import TemplateLine
from .textclean import CleanOptions, template_key

templates_t = TemplateLine.__table__
#: A line in this many articles of an outlet (the article itself included) is its template.
TEMPLATE_MIN_ARTICLES = CleanOptions().template_min_count
_COUNTS = select(templates_t.c.line_hash, templates_t.c.articles).where(
    templates_t.c.outlet_hash == bindparam("outlet"),
    templates_t.c.line_hash.in_(bindparam("lines", expanding=True)),
)


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
    lines = list(hashes)
    if not lines:
        return {}
    return dict(conn.execute(_COUNTS, {"outlet": outlet_hash, "lines": lines}).all())


def count(conn: Connection, template: TemplateLines, step: int) -> None:
    """Add (step +1) or take back (-1) an article's lines in its outlet's template counts."""
    if not template.line_hashes:
        return
    rows = [
        {"outlet_hash": template.outlet_hash, "line_hash": h, "articles": 1}
        for h in template.line_hashes
    ]
    if step > 0:
        dialect_insert = sqlite_insert if conn.dialect.name == "sqlite" else pg_insert
        stmt = dialect_insert(templates_t)
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["outlet_hash", "line_hash"],
                set_={"articles": templates_t.c.articles + 1},
            ),
            rows,
        )
        return
    where = (templates_t.c.outlet_hash == bindparam("o")) & (
        templates_t.c.line_hash == bindparam("h")
    )
    conn.execute(
        update(templates_t).where(where).values(articles=templates_t.c.articles - 1),
        [{"o": r["outlet_hash"], "h": r["line_hash"]} for r in rows],
    )
    conn.execute(delete(templates_t).where(templates_t.c.articles <= 0))
