"""The archive's storage operations, as one interface.

Every operation the archive performs on its database is a method of :class:`Storage`, bound
to one connection inside a transaction (``Database.writing()`` or ``reading()``). What SQL
every database accepts is written here once, in SQLAlchemy Core; what differs between SQLite
and PostgreSQL (the write lock, bulk writes of the reuse index, upserts, full-text search,
sequences) is left abstract and written by :class:`~archiver.storage.sqlite.SQLiteStorage`
and :class:`~archiver.storage.postgres.PostgresStorage`. Nothing outside this package and
the engine set-up in ``store.py`` looks at which database it is talking to.

Values stay in the shapes the caller works with (ids, hashes as signed 64-bit integers,
rows); what they mean (reuse, provenance, templates) is for the modules that call these.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import (
    Connection,
    Row,
    bindparam,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.sql.dml import Insert

from ..document import Field, RemovedLine
from ..models import (
    ArchiveState,
    Article,
    ArticleField,
    Base,
    BoilerplateShingle,
    Original,
    PairShingle,
    ReusePair,
    ReuseSignature,
    TemplateLine,
)
from ..models import RemovedLine as RemovedRow
from .bands import BandIndex

articles_t = Article.__table__
fields_t = ArticleField.__table__
removed_t = RemovedRow.__table__
originals_t = Original.__table__
templates_t = TemplateLine.__table__
shingles_t = BoilerplateShingle.__table__
pair_shingles_t = PairShingle.__table__
signatures_t = ReuseSignature.__table__
pairs_t = ReusePair.__table__
state_t = ArchiveState.__table__

#: Keys (band keys, shingle hashes) looked up per query: SQLite allows 32,766 parameters.
KEYS_PER_QUERY = 5000
#: The characters of Chinese and Japanese text: Han ideographs and kana of the basic plane.
CJK_RANGES = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"

# Built once: constructing statements costs more than running them on the ingest path.
_ID_BY_SHA = select(articles_t.c.id).where(articles_t.c.sha256 == bindparam("sha"))
_ORIGINAL_EXISTS = select(originals_t.c.sha256).where(originals_t.c.sha256 == bindparam("sha"))
_INSERT_ORIGINAL = insert(originals_t)
_INSERT_ARTICLE = insert(articles_t)
_INSERT_FIELDS = insert(fields_t)
_INSERT_REMOVED = insert(removed_t)
_INSERT_SIGNATURE = insert(signatures_t)
_INSERT_PAIR = insert(pairs_t)
_TEMPLATE_COUNTS = select(templates_t.c.line_hash, templates_t.c.articles).where(
    templates_t.c.outlet_hash == bindparam("outlet"),
    templates_t.c.line_hash.in_(bindparam("lines", expanding=True)),
)
#: The published date's source comes along with an article (one primary-key lookup), so that
#: listings can mark a site header date without reading every field.
_PUBLISHED_SOURCE = (
    select(fields_t.c.source)
    .where(fields_t.c.article_id == articles_t.c.id, fields_t.c.name == "published")
    .scalar_subquery()
    .label("published_source")
)
#: What provenance needs of an article besides its fields.
_FACT_COLUMNS = (
    articles_t.c.id,
    articles_t.c.outlet,
    articles_t.c.title,
    articles_t.c.clean_text,
    articles_t.c.published,
    articles_t.c.ingested_at,
)
#: What the report lists of every article.
_LISTED_COLUMNS = (
    articles_t.c.id,
    articles_t.c.title,
    articles_t.c.outlet,
    articles_t.c.published,
    articles_t.c.source_path,
    func.length(articles_t.c.clean_text).label("length"),
    _PUBLISHED_SOURCE,
)


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles a listing or a search keeps: an outlet (any case), and published dates
    from ``since`` to ``until`` (ISO, inclusive; "2024-03-03T10:00" is still on 2024-03-03)."""

    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    #: Search only: part of the author's name, any case.
    author: str | None = None


@dataclass(frozen=True)
class SearchRequest:
    """A full-text search as ``archiver search`` takes it: the query in the documented syntax
    (or words to find literally), filters, order (``relevance`` or ``date``) and how many."""

    query: str
    literal: bool = False
    filters: ArticleFilter = ArticleFilter()
    order: str = "relevance"
    limit: int = 20


#: One search hit as a backend gives it: id, title, outlet, author, published, snippet (its
#: matches between the marks of ``archiver.fts``), the published date's source, and a score
#: that is lower for a better match (SQLite BM25's sign).
SearchRow = tuple


class Storage(BandIndex, ABC):
    """The archive's operations on ``conn`` (SQLite or PostgreSQL: see :func:`storage_for`).

    Abstract methods are the places where the two databases need different SQL."""

    #: The SQLAlchemy dialect name this implementation is for.
    dialect: ClassVar[str]

    def __init__(self, conn: Connection):
        self.conn = conn

    # -- transactions ----------------------------------------------------------------------

    @abstractmethod
    def take_turns(self) -> None:
        """Wait for the archive's write lock, held until the transaction ends: writers take
        turns, so what one article's transaction reads (template counts, the reuse index,
        learned boilerplate) is what the articles committed before it left."""

    # -- originals, articles, fields and removed lines --------------------------------------

    def article_id(self, sha256: str) -> int | None:
        """The id of the article stored from the bytes with this SHA-256, if any."""
        return self.conn.execute(_ID_BY_SHA, {"sha": sha256}).scalar()

    def add_article(self, sha256: str, data: bytes, row: dict) -> int:
        """Store an article (``row``: the articles table's columns) and its original bytes
        (once, however many articles they make); its new id."""
        if self.conn.execute(_ORIGINAL_EXISTS, {"sha": sha256}).first() is None:
            self.conn.execute(_INSERT_ORIGINAL, {"sha256": sha256, "size": len(data), "data": data})
        return self.conn.execute(_INSERT_ARTICLE, {**row, "sha256": sha256}).inserted_primary_key[0]

    def update_article(self, article_id: int, row: dict) -> None:
        self.conn.execute(update(articles_t).where(articles_t.c.id == article_id).values(**row))

    def add_details(
        self, article_id: int, fields: dict[str, Field], removed: Sequence[RemovedLine]
    ) -> None:
        """Store an article's metadata fields and the lines the cleaner removed."""
        if fields:
            self.conn.execute(
                _INSERT_FIELDS,
                [
                    {
                        "article_id": article_id,
                        "name": name,
                        "value": f.value,
                        "source": f.source,
                        "confidence": f.confidence,
                    }
                    for name, f in fields.items()
                ],
            )
        if removed:
            self.conn.execute(
                _INSERT_REMOVED,
                [
                    {
                        "article_id": article_id,
                        "lineno": r.lineno,
                        "text": r.text,
                        "reason": r.reason,
                        "rule": r.rule,
                    }
                    for r in removed
                ],
            )

    def drop_details(self, article_id: int) -> None:
        """Forget an article's fields and removed lines (before it is cleaned again)."""
        self.conn.execute(delete(fields_t).where(fields_t.c.article_id == article_id))
        self.conn.execute(delete(removed_t).where(removed_t.c.article_id == article_id))

    def articles(
        self,
        filters: ArticleFilter | None = None,
        *,
        ids: Iterable[int] | None = None,
        newest_first: bool = True,
        limit: int | None = None,
    ) -> Iterator[Row]:
        """Article rows (every column, and ``published_source``) matching the filters, by
        publication date (undated ones last), then id."""
        query = select(*articles_t.c, _PUBLISHED_SOURCE)
        if ids is not None:
            query = query.where(articles_t.c.id.in_(list(ids)))
        query = _filtered(query, filters or ArticleFilter())
        undated = articles_t.c.published.is_(None)
        if newest_first:
            query = query.order_by(undated, articles_t.c.published.desc(), articles_t.c.id.desc())
        else:
            query = query.order_by(undated, articles_t.c.published, articles_t.c.id)
        if limit is not None:
            query = query.limit(limit)
        return iter(self.conn.execute(query).mappings())

    def article_ids(self, filters: ArticleFilter | None = None) -> list[int]:
        """The ids of the articles matching the filters (every article without), in order."""
        query = select(articles_t.c.id).order_by(articles_t.c.id)
        return list(self.conn.execute(_filtered(query, filters or ArticleFilter())).scalars())

    def fields_of(self, article_id: int) -> dict[str, Field]:
        rows = self.conn.execute(
            select(fields_t).where(fields_t.c.article_id == article_id).order_by(fields_t.c.name)
        )
        return {r.name: Field(r.value, r.source, r.confidence) for r in rows}

    def removed_of(self, article_id: int) -> list[RemovedLine]:
        query = select(removed_t).where(removed_t.c.article_id == article_id)
        rows = self.conn.execute(query.order_by(removed_t.c.lineno))
        return [RemovedLine(r.lineno, r.text, r.reason, r.rule) for r in rows]

    def original_of(self, article_id: int) -> bytes | None:
        """The bytes the article was made from (None: no such article)."""
        return self.conn.execute(
            select(originals_t.c.data)
            .join(articles_t, articles_t.c.sha256 == originals_t.c.sha256)
            .where(articles_t.c.id == article_id)
        ).scalar()

    def with_original(self, article_id: int) -> Row:
        """The article's outlet, format and clean text, and the bytes it was made from."""
        a = articles_t.c
        return self.conn.execute(
            select(a.outlet, a.format, a.clean_text, originals_t.c.data)
            .join(originals_t, originals_t.c.sha256 == a.sha256)
            .where(a.id == article_id)
        ).one()

    def clean_text(self, article_id: int) -> str | None:
        return self.conn.execute(
            select(articles_t.c.clean_text).where(articles_t.c.id == article_id)
        ).scalar()

    def clean_texts(self, ids: Iterable[int]) -> dict[int, str]:
        ids = list(ids)
        texts: dict[int, str] = {}
        for start in range(0, len(ids), KEYS_PER_QUERY):
            chunk = ids[start : start + KEYS_PER_QUERY]
            query = select(articles_t.c.id, articles_t.c.clean_text)
            texts.update(self.conn.execute(query.where(articles_t.c.id.in_(chunk))).all())
        return texts

    def fact_rows(self, ids: Sequence[int], field_names: Sequence[str]) -> tuple[list, list]:
        """What provenance reads of these articles: rows (id, outlet, title, clean_text,
        published, ingested_at), and their fields of these names."""
        if not ids:
            return [], []
        ids = list(ids)
        rows = self.conn.execute(select(*_FACT_COLUMNS).where(articles_t.c.id.in_(ids))).all()
        fields = self.conn.execute(
            select(fields_t).where(
                fields_t.c.article_id.in_(ids), fields_t.c.name.in_(list(field_names))
            )
        ).all()
        return rows, fields

    def listed(self, ids: Sequence[int] | None = None) -> Iterator[Row]:
        """What a report shows of each article (id, title, outlet, published, source_path,
        length, published_source), by id: every one, or these (sorted); read from the
        database as they are taken."""
        query = select(*_LISTED_COLUMNS).order_by(articles_t.c.id)
        if ids is None:
            yield from self.conn.execution_options(yield_per=1000).execute(query)
            return
        for start in range(0, len(ids), KEYS_PER_QUERY):
            chunk = list(ids[start : start + KEYS_PER_QUERY])
            yield from self.conn.execute(query.where(articles_t.c.id.in_(chunk)))

    def outlet_sizes(self, filters: ArticleFilter | None = None) -> list[tuple]:
        """(outlet, articles, characters of clean text) of every outlet among the articles
        matching the filters (every article without)."""
        a = articles_t.c
        size = func.coalesce(func.sum(func.length(a.clean_text)), 0)
        query = select(a.outlet, func.count(), size).group_by(a.outlet)
        rows = self.conn.execute(_filtered(query, filters or ArticleFilter()))
        return [tuple(r) for r in rows]

    def count_articles(self) -> int:
        return self.conn.execute(select(func.count()).select_from(articles_t)).scalar_one()

    def summary(self) -> dict[str, Any]:
        """Counts for ``archiver stats``: articles, first and last published dates, clean
        characters and original bytes, and articles by outlet and format, removed lines by
        reason (each a list of (name, count), most first)."""
        n, first, last, chars = self.conn.execute(
            select(
                func.count(),
                func.min(articles_t.c.published),
                func.max(articles_t.c.published),
                func.coalesce(func.sum(func.length(articles_t.c.clean_text)), 0),
            )
        ).one()

        def counted(column, order) -> list[tuple]:
            query = select(column, func.count()).group_by(column).order_by(*order)
            return [tuple(r) for r in self.conn.execute(query)]

        return {
            "articles": n,
            "first_published": first,
            "last_published": last,
            "clean_chars": chars,
            "original_bytes": self.conn.execute(
                select(func.coalesce(func.sum(originals_t.c.size), 0))
            ).scalar_one(),
            "outlets": counted(articles_t.c.outlet, (func.count().desc(), articles_t.c.outlet)),
            "formats": counted(articles_t.c.format, (articles_t.c.format,)),
            "reasons": counted(removed_t.c.reason, (func.count().desc(), removed_t.c.reason)),
        }

    # -- outlets' template counts ------------------------------------------------------------

    def template_counts(self, outlet_hash: int, line_hashes: Iterable[int]) -> dict[int, int]:
        """How many archived articles of the outlet hold each of these lines (by hash)."""
        lines = list(line_hashes)
        if not lines:
            return {}
        return dict(
            self.conn.execute(_TEMPLATE_COUNTS, {"outlet": outlet_hash, "lines": lines}).all()
        )

    def count_template(self, outlet_hash: int, line_hashes: Sequence[int], step: int) -> None:
        """Count an article's lines into its outlet's template (step +1), or take them back
        (-1; a line no article holds any more is forgotten)."""
        if not line_hashes:
            return
        if step > 0:
            stmt = self._insert(templates_t)
            self.conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=["outlet_hash", "line_hash"],
                    set_={"articles": templates_t.c.articles + 1},
                ),
                [{"outlet_hash": outlet_hash, "line_hash": h, "articles": 1} for h in line_hashes],
            )
            return
        where = (templates_t.c.outlet_hash == bindparam("o")) & (
            templates_t.c.line_hash == bindparam("h")
        )
        self.conn.execute(
            update(templates_t).where(where).values(articles=templates_t.c.articles - 1),
            [{"o": outlet_hash, "h": h} for h in line_hashes],
        )
        self.conn.execute(delete(templates_t).where(templates_t.c.articles <= 0))

    def template_rows(self, min_articles: int) -> list[Row]:
        """Every (outlet_hash, line_hash, articles) counted in at least ``min_articles``."""
        t = templates_t.c
        query = select(t.outlet_hash, t.line_hash, t.articles).where(t.articles >= min_articles)
        return self.conn.execute(query).all()

    # -- learned boilerplate -----------------------------------------------------------------

    def known_shingles(self, hashes: Sequence[int]) -> list[int]:
        """Which of these shingle hashes (signed, unique) are learned boilerplate."""
        return [row[0] for row in self._lookup("boilerplate_shingles", "hash", "hash", hashes)]

    def learn_shingles(
        self, hashes: Sequence[int], articles: int, learned_by: int, known_to_learner: bool
    ) -> None:
        """Remember shingles as boilerplate held by ``articles`` more articles; a shingle
        keeps the first article that taught it."""
        if not hashes:
            return
        stmt = self._insert(shingles_t)
        self.conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["hash"],
                set_={"articles": shingles_t.c.articles + stmt.excluded.articles},
            ),
            [
                {
                    "hash": h,
                    "articles": articles,
                    "learned_by": learned_by,
                    "known_to_learner": known_to_learner,
                }
                for h in hashes
            ],
        )

    def learned_shingles(self) -> list[Row]:
        """Every learned shingle: (hash, learned_by, known_to_learner)."""
        return self.conn.execute(
            select(shingles_t.c.hash, shingles_t.c.learned_by, shingles_t.c.known_to_learner)
        ).all()

    # -- signatures and the band index -------------------------------------------------------

    def add_signature(self, article_id: int, scheme: str, passages: int, data: bytes) -> None:
        self.conn.execute(
            _INSERT_SIGNATURE,
            {"article_id": article_id, "scheme": scheme, "passages": passages, "data": data},
        )

    def signature(self, article_id: int) -> Row | None:
        """The article's stored signatures: (data, scheme), or None."""
        return self.conn.execute(
            select(signatures_t.c.data, signatures_t.c.scheme).where(
                signatures_t.c.article_id == article_id
            )
        ).first()

    def signature_scheme(self, article_id: int) -> Row | None:
        """The scheme the article was signed with, and its clean text; None if not signed."""
        return self.conn.execute(
            select(signatures_t.c.scheme, articles_t.c.clean_text)
            .join(articles_t, articles_t.c.id == signatures_t.c.article_id)
            .where(signatures_t.c.article_id == article_id)
        ).first()

    def signatures_of(self, article_ids: Sequence[int], scheme: str) -> list[Row]:
        """(article_id, data) of these articles' signatures made under ``scheme``."""
        found: list[Row] = []
        for start in range(0, len(article_ids), KEYS_PER_QUERY):
            chunk = list(article_ids[start : start + KEYS_PER_QUERY])
            found += self.conn.execute(
                select(signatures_t.c.article_id, signatures_t.c.data).where(
                    signatures_t.c.article_id.in_(chunk), signatures_t.c.scheme == scheme
                )
            ).all()
        return found

    def unsigned_article_ids(self) -> list[int]:
        """The articles with no reuse signatures at all, oldest first."""
        unsigned = ~exists().where(signatures_t.c.article_id == articles_t.c.id)
        query = select(articles_t.c.id).where(unsigned).order_by(articles_t.c.id)
        return list(self.conn.execute(query).scalars())

    def count_signed_otherwise(self, schemes: Iterable[str]) -> int:
        """How many articles were signed under a scheme not among these."""
        return self.conn.execute(
            select(func.count())
            .select_from(signatures_t)
            .where(signatures_t.c.scheme.not_in(sorted(schemes)))
        ).scalar_one()

    def unindex(self, article_id: int, band_rows: Sequence[tuple[int, int]]) -> None:
        """Take an article out of the reuse index: its band rows (key, passage), its
        signatures and its pairs (a rewrite: see :meth:`rewrites`)."""
        self.count_rewrite()
        if band_rows:
            self.drop_bands(band_rows)
        self.conn.execute(delete(signatures_t).where(signatures_t.c.article_id == article_id))
        self.conn.execute(
            delete(pairs_t).where(or_(pairs_t.c.a == article_id, pairs_t.c.b == article_id))
        )

    def rewrites(self) -> int:
        """How many times passages were taken out of the reuse index (an article cleaned
        again, a repair): what was looked up before and after one may differ by more than
        the articles added in between."""
        value = self.conn.execute(
            select(state_t.c.value).where(state_t.c.name == "rewrites")
        ).scalar_one_or_none()
        return value or 0

    def count_rewrite(self) -> None:
        """Count one more rewrite of the reuse index (in the caller's transaction)."""
        done = self.conn.execute(
            update(state_t).where(state_t.c.name == "rewrites").values(value=state_t.c.value + 1)
        )
        if not done.rowcount:
            self.conn.execute(insert(state_t).values(name="rewrites", value=1))

    # -- pairs ---------------------------------------------------------------------------------

    def add_pairs(self, rows: Sequence[dict]) -> None:
        """Store pairs (the reuse_pairs table's columns; spans and evidence as JSON)."""
        if rows:
            self.conn.execute(_INSERT_PAIR, list(rows))

    def drop_pair(self, a: int, b: int) -> None:
        self.conn.execute(delete(pairs_t).where(pairs_t.c.a == a, pairs_t.c.b == b))

    def drop_all_pairs(self) -> None:
        """Forget every pair and what their spans held (``archiver batch`` recomputes them)."""
        self.conn.execute(delete(pairs_t))
        self.conn.execute(delete(pair_shingles_t))

    def pairs_of(self, article_ids: Iterable[int]) -> list[Row]:
        """Every stored pair one of these articles is part of, by (a, b)."""
        ids = sorted(set(article_ids))
        found: dict[tuple[int, int], Row] = {}
        for start in range(0, len(ids), KEYS_PER_QUERY):  # two parameters an id
            chunk = ids[start : start + KEYS_PER_QUERY]
            query = select(pairs_t).where(or_(pairs_t.c.a.in_(chunk), pairs_t.c.b.in_(chunk)))
            found.update(((r.a, r.b), r) for r in self.conn.execute(query))
        return [found[key] for key in sorted(found)]

    def all_pairs(self, min_words: int | None = None) -> Iterator[Row]:
        """Every stored pair (sharing at least ``min_words`` words), by (a, b)."""
        query = select(pairs_t).order_by(pairs_t.c.a, pairs_t.c.b)
        if min_words:
            query = query.where(pairs_t.c.shared_words >= min_words)
        return iter(self.conn.execute(query))

    def pairs_after(self, after: tuple[int, int], limit: int) -> list[Row]:
        """The next ``limit`` stored pairs after the pair (a, b), in (a, b) order: every pair
        read a page at a time."""
        a, b = pairs_t.c.a, pairs_t.c.b
        later = (a > after[0]) | ((a == after[0]) & (b > after[1]))
        return self.conn.execute(select(pairs_t).where(later).order_by(a, b).limit(limit)).all()

    @abstractmethod
    def add_pair_shingles(self, rows: Sequence[tuple[int, int]]) -> None:
        """Remember (shingle hash, article id) rows of shingles reaching into stored pairs'
        spans; rows already held are left as they are."""

    def articles_with_pair_shingles(self, hashes: Sequence[int]) -> set[int]:
        """The articles holding one of these shingles in a stored pair's spans."""
        found = self._lookup("pair_shingles", "article_id", "hash", hashes, distinct=True)
        return {row[0] for row in found}

    # -- full-text search ----------------------------------------------------------------------

    @abstractmethod
    def search(self, request: SearchRequest) -> list[SearchRow]:
        """The best matches of a search, best first (or newest first with order "date").
        A query the backend cannot parse raises ``UsageError`` in one sentence."""

    # -- the whole archive, table by table (``db copy``) ----------------------------------------

    @staticmethod
    def tables() -> list[str]:
        """Every table of the archive's models, each after the tables it refers to."""
        return [table.name for table in Base.metadata.sorted_tables]

    def table_rows(self, table: str, chunk: int) -> Iterator[list[dict]]:
        """Every row of a table, ``chunk`` rows at a time (streamed, not read at once)."""
        query = select(Base.metadata.tables[table])
        rows = self.conn.execution_options(yield_per=chunk).execute(query)
        for part in rows.mappings().partitions(chunk):
            yield [dict(row) for row in part]

    def add_table_rows(self, table: str, rows: list[dict]) -> None:
        """Rows of :meth:`table_rows` written as they are, ids included."""
        if rows:
            self.conn.execute(insert(Base.metadata.tables[table]), rows)

    def count_rows(self, table: str) -> int:
        query = select(func.count()).select_from(Base.metadata.tables[table])
        return self.conn.execute(query).scalar_one()

    @abstractmethod
    def after_copy(self) -> None:
        """Called when rows were copied in with their ids as they were (``db copy``): new
        rows must get ids after the highest."""

    # -- maintenance ---------------------------------------------------------------------------

    @abstractmethod
    def texts_holding_cjk(self) -> Iterator[Row]:
        """(id, clean_text) of the articles whose text holds a Han ideograph or kana of the
        basic plane (which may be read in characters)."""

    @abstractmethod
    def run_plain(self, sql: str):
        """Run SQL that takes no parameters, straight through the driver; its result."""

    # -- what the implementations provide ------------------------------------------------------

    @staticmethod
    @abstractmethod
    def _insert(table) -> Insert:
        """The dialect's INSERT, which knows ``ON CONFLICT``."""

    @abstractmethod
    def _one_of(self, column: str, values: Sequence) -> tuple[str, tuple]:
        """A condition that ``column`` is one of ``values`` for SQL sent straight to the
        driver, and its parameters."""

    def _lookup(
        self, table: str, wanted: str, column: str, values: Sequence, *, distinct: bool = False
    ) -> Iterator[tuple]:
        """The ``wanted`` columns of the rows of ``table`` whose ``column`` is one of
        ``values``, looked up in chunks, straight through the driver (SQLAlchemy would render
        thousands of bind parameters each time)."""
        unique = "DISTINCT " if distinct else ""
        for start in range(0, len(values), KEYS_PER_QUERY):
            where, params = self._one_of(column, values[start : start + KEYS_PER_QUERY])
            yield from self.conn.exec_driver_sql(
                f"SELECT {unique}{wanted} FROM {table} WHERE {where}", params
            )


def _filtered(query, filters: ArticleFilter):
    if filters.outlet is not None:
        query = query.where(func.lower(articles_t.c.outlet) == filters.outlet.lower())
    if filters.since is not None:
        query = query.where(articles_t.c.published >= filters.since)
    if filters.until is not None:
        # "2024-03-03T10:00" is still on 2024-03-03: compare the date prefix.
        until = filters.until
        query = query.where(func.substr(articles_t.c.published, 1, len(until)) <= until)
    return query


def search_conditions(filters: ArticleFilter, like: str) -> tuple[list[str], dict]:
    """A search's filters as SQL conditions on ``articles a``, and their parameters;
    ``like``: the operator that matches a pattern in any case (LIKE in SQLite, ILIKE in
    PostgreSQL)."""
    conditions, params = [], {}
    if filters.outlet:
        conditions.append("lower(a.outlet) = lower(:outlet)")
        params["outlet"] = filters.outlet
    if filters.author:
        conditions.append(f"a.author {like} :author")
        params["author"] = f"%{filters.author}%"
    if filters.since:
        conditions.append("a.published >= :since")
        params["since"] = filters.since
    if filters.until:
        conditions.append("substr(a.published, 1, :until_len) <= :until")
        params.update(until=filters.until, until_len=len(filters.until))
    return conditions, params
