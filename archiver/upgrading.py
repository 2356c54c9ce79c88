"""What an upgrade adds besides the schema: the derived data of articles archived before it.

A migration adds tables; the articles already archived then have no rows in them. Left so,
an upgraded archive looks fine and is not: its old articles would never be found as the
source of a copy. So, in the upgrade's transaction, after the migrations:

- articles without a reuse index (archived before migration 0005 made one) get their passage
  signatures and LSH bands, and their pairs with the articles indexed before them are found,
  verified and stored, oldest first, as if they had been added one by one today. Their stored
  text is not changed: boilerplate they share is learned (never a pair), and removing it from
  them is for `archiver reclean`;
- when migration 0003 made the outlets' template counts, every old article's lines are
  counted into its outlet's template, as adding it would have done.

- when migration 0010 made ``pair_shingles``, the shingles reaching into every stored pair's
  spans are written into it, as storing the pair would have done.

The full-text index needs nothing here: migration 0004 builds it from the articles.

An archive upgraded by an archiver that did not do this is at the newest schema with old
articles still unindexed: `archiver db upgrade` indexes them (:func:`index_unindexed`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from .settings import Settings
from .storage import storage_for

if TYPE_CHECKING:
    from .options import Options


#: The migration that made the outlets' template counts.
TEMPLATES_REVISION = "0003"
#: The migration that made the shingles reaching into the pairs' spans.
PAIR_SHINGLES_REVISION = "0010"
#: Stored pairs read per query when filling ``pair_shingles``.
PAIRS_PER_QUERY = 2000


def applied_revisions(old: str, head: str) -> set[str]:
    """The migrations an upgrade from ``old`` to ``head`` ran."""
    from alembic.script import ScriptDirectory

    from .store import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.iterate_revisions(head, old)}


def unindexed_articles(conn: Connection) -> list[int]:
    """Articles with no reuse index at all, oldest first."""
    return storage_for(conn).unsigned_article_ids()


def index_what_is_missing(
    conn: Connection,
    old: str,
    head: str,
    progress: Callable[[int, int], None] | None = None,
    options: Options | None = None,
) -> int:
    """Index the articles an upgrade from ``old`` left without derived data, in ``conn``'s
    transaction, with ``options``' reuse and provenance settings (the defaults without);
    ``progress(done, total)`` after each article. Returns how many articles were indexed
    for reuse."""
    applied = applied_revisions(old, head)
    if PAIR_SHINGLES_REVISION in applied:
        index_stored_pairs(conn)
    templated = storage_for(conn).article_ids() if TEMPLATES_REVISION in applied else []
    unindexed = unindexed_articles(conn)
    total, done = len(templated) + len(unindexed), 0
    if not total:
        return 0
    from .reuse import index_stored
    from .templates import TemplateLines, count, line_hashes, outlet_hash

    for article_id in templated:
        outlet, text = _template_text(conn, article_id)
        if outlet and text:
            count(conn, TemplateLines(outlet_hash(outlet), tuple(line_hashes(text))), +1)
        done += 1
        if progress is not None:
            progress(done, total)
    reuse, provenance = _settings(options)
    for article_id in unindexed:
        text = storage_for(conn).clean_text(article_id)
        index_stored(conn, article_id, text, reuse, provenance)
        done += 1
        if progress is not None:
            progress(done, total)
    return len(unindexed)


def index_stored_pairs(conn: Connection) -> int:
    """Write the shingles reaching into every stored pair's spans into ``pair_shingles``;
    returns how many pairs were read."""
    from .reuse import Pair, index_pair_spans

    storage = storage_for(conn)
    done, after = 0, (-1, -1)
    while True:
        rows = storage.pairs_after(after, PAIRS_PER_QUERY)
        if not rows:
            return done
        pairs = [Pair.from_row(r) for r in rows]
        texts = storage.clean_texts(sorted({i for p in pairs for i in (p.a, p.b)}))
        index_pair_spans(conn, [p for p in pairs if p.a in texts and p.b in texts], texts)
        done += len(pairs)
        after = (pairs[-1].a, pairs[-1].b)


def index_unindexed(
    db, progress: Callable[[int, int], None] | None = None, options: Options | None = None
) -> int:
    """Index for reuse, in one transaction, the articles of an archive at the newest schema
    that have no reuse index (left so by an upgrade that did not index them), with
    ``options``' settings; returns how many were."""
    from .reuse import index_stored

    reuse, provenance = _settings(options)
    with db.writing() as conn:
        unindexed = unindexed_articles(conn)
        for done, article_id in enumerate(unindexed, 1):
            text = storage_for(conn).clean_text(article_id)
            index_stored(conn, article_id, text, reuse, provenance)
            if progress is not None:
                progress(done, len(unindexed))
    return len(unindexed)


def _settings(options: Options | None):
    """The reuse and provenance settings to index with."""
    from .options import DEFAULTS

    options = options or DEFAULTS
    return options.reuse, options.provenance


def _template_text(conn: Connection, article_id: int) -> tuple[str | None, str | None]:
    """The article's outlet and the lines adding it counted into the outlet's template: the
    page's text for a plain-text page (decoded again from its original bytes), the extracted
    text for HTML."""
    from .errors import InputError
    from .reading import decode

    row = storage_for(conn).with_original(article_id)
    if not row.outlet:
        return None, None
    if row.format != "text":
        return row.outlet, row.clean_text
    try:
        decoded = decode(
            row.data,
            name=f"article {article_id}",
            format="text",
            max_bytes=max(Settings().max_bytes, len(row.data)),
        )
    except InputError:
        return row.outlet, row.clean_text
    return row.outlet, decoded.text
