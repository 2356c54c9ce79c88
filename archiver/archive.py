"""The archive as a library object: store articles, read them back, list, export and count."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from sqlalchemy import Select, bindparam, delete, func, insert, select, update

from .document import CORE_FIELDS, Decoded, Extraction, Field, RemovedLine
from .errors import ArchiveError
from .models import Article, ArticleField, Original
from .models import RemovedLine as RemovedRow
from .store import Database, Progress, open_database

if TYPE_CHECKING:  # reuse detection and templates are imported when first used: commands
    # that only read the archive start without the cleaner's rules, numpy or jusText.
    from .reuse import Pair
    from .templates import TemplateLines

articles_t = Article.__table__
fields_t = ArticleField.__table__
removed_t = RemovedRow.__table__
originals_t = Original.__table__

# Built once: constructing statements costs more than running them on the ingest path.
_ID_BY_SHA = select(articles_t.c.id).where(articles_t.c.sha256 == bindparam("sha"))
_ORIGINAL_EXISTS = select(originals_t.c.sha256).where(originals_t.c.sha256 == bindparam("sha"))
_INSERT_ORIGINAL = insert(originals_t)
_INSERT_ARTICLE = insert(articles_t)
_INSERT_FIELDS = insert(fields_t)
_INSERT_REMOVED = insert(removed_t)


@dataclass
class Stored:
    """What ``Archive.store`` did: the article's id, whether it is new, and the reuse found."""

    id: int
    created: bool
    pairs: list[Pair] = field(default_factory=list)
    extraction: Extraction | None = None


@dataclass
class ArticleRecord:
    """One archived article as the library hands it out."""

    id: int
    sha256: str
    source_path: str
    ingested_at: datetime
    format: str
    encoding: str
    extractor: str
    extractor_version: str
    clean_text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    #: Where the published date came from (``header-date`` is often the crawl date).
    published_source: str | None = None
    fields: dict[str, Field] = field(default_factory=dict)
    removed: list[RemovedLine] | None = None

    def to_dict(self, *, text: bool = True) -> dict:
        """The JSON form (``archiver export`` / ``show --json``): core fields, then the rest."""
        data = {
            "id": self.id,
            "path": self.source_path,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "author": self.author,
            "published": self.published,
            "published_source": self.published_source,
            "language": self.language,
            "sha256": self.sha256,
            "ingested_at": self.ingested_at.isoformat(timespec="seconds") + "Z",
            "format": self.format,
            "encoding": self.encoding,
            "extractor": self.extractor,
            "extractor_version": self.extractor_version,
            "fields": {
                name: {"value": f.value, "source": f.source, "confidence": f.confidence}
                for name, f in self.fields.items()
            },
        }
        if text:
            data["clean_text"] = self.clean_text
        if self.removed is not None:
            data["removed"] = [
                {"line": r.lineno, "reason": r.reason, "rule": r.rule, "text": r.text}
                for r in self.removed
            ]
        return data


@dataclass
class Stats:
    articles: int
    outlets: list[tuple[str | None, int]]
    first_published: str | None
    last_published: str | None
    original_bytes: int
    clean_chars: int
    removed_lines: int
    removed_by_reason: list[tuple[str, int]]
    formats: list[tuple[str, int]]
    size_bytes: int | None

    def to_dict(self) -> dict:
        return {
            "articles": self.articles,
            "outlets": [{"outlet": o, "articles": n} for o, n in self.outlets],
            "first_published": self.first_published,
            "last_published": self.last_published,
            "original_bytes": self.original_bytes,
            "clean_chars": self.clean_chars,
            "removed_lines": self.removed_lines,
            "removed_by_reason": dict(self.removed_by_reason),
            "formats": dict(self.formats),
            "size_bytes": self.size_bytes,
        }


class Archive:
    """An open archive. ``Archive.open(path_or_url)``; use it as a context manager."""

    def __init__(self, db: Database):
        self.db = db

    @classmethod
    def open(
        cls, location: str | None = None, *, create: bool = False, progress: Progress | None = None
    ) -> Archive:
        """Open (or with ``create``, make) an archive; an older one is backed up and upgraded,
        ``progress(done, total)`` hearing how its indexing goes."""
        return cls(open_database(location, create=create, progress=progress))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def find_sha256(self, sha256: str) -> int | None:
        with self.db.reading() as conn:
            return conn.execute(_ID_BY_SHA, {"sha": sha256}).scalar()

    def store(
        self,
        *,
        data: bytes,
        sha256: str,
        source_path: str,
        decoded: Decoded,
        extraction: Extraction,
        metadata: dict[str, Field],
        template: TemplateLines | None = None,
    ) -> Stored:
        """Store one article in one transaction, with its reuse index and verified pairs.

        ``template``: the article's lines, counted into its outlet's template. Bytes already
        archived are not stored again: the result then names the existing article. Lines
        found to be boilerplate shared with other articles are removed from the stored text
        (``Stored.extraction`` is what was stored).
        """
        from .templates import count as count_template_lines

        with self.db.writing() as conn:
            existing = conn.execute(_ID_BY_SHA, {"sha": sha256}).scalar()
            if existing is not None:
                return Stored(existing, False)
            if conn.execute(_ORIGINAL_EXISTS, {"sha": sha256}).first() is None:
                conn.execute(_INSERT_ORIGINAL, {"sha256": sha256, "size": len(data), "data": data})
            row = _article_row(decoded, extraction, metadata)
            row.update(
                sha256=sha256,
                source_path=source_path,
                ingested_at=datetime.now(timezone.utc).replace(tzinfo=None),
            )
            article_id = conn.execute(_INSERT_ARTICLE, row).inserted_primary_key[0]
            _write_details(conn, article_id, extraction, metadata)
            if template is not None:
                count_template_lines(conn, template, +1)
            extraction, pairs = _find_reuse(conn, article_id, extraction)
            return Stored(article_id, True, pairs, extraction)

    def replace_extraction(
        self,
        article_id: int,
        *,
        decoded: Decoded,
        extraction: Extraction,
        metadata: dict[str, Field],
        old_template: TemplateLines | None,
        new_template: TemplateLines | None,
    ) -> list[Pair]:
        """Swap in a new cleaning of a stored article (``reclean``), in one transaction:
        clean text, metadata, removed lines, template counts, reuse index and pairs (found
        again). The original bytes stay."""
        from .reuse import unindex_article
        from .templates import count as count_template_lines

        with self.db.writing() as conn:
            unindex_article(conn, article_id)
            conn.execute(
                update(articles_t)
                .where(articles_t.c.id == article_id)
                .values(**_article_row(decoded, extraction, metadata))
            )
            conn.execute(delete(fields_t).where(fields_t.c.article_id == article_id))
            conn.execute(delete(removed_t).where(removed_t.c.article_id == article_id))
            _write_details(conn, article_id, extraction, metadata)
            if old_template is not None:
                count_template_lines(conn, old_template, -1)
            if new_template is not None:
                count_template_lines(conn, new_template, +1)
            return _find_reuse(conn, article_id, extraction)[1]

    def strip_boilerplate(self, extraction: Extraction) -> Extraction:
        """The extraction without the lines the archive has learned to be boilerplate."""
        from .boilerplate import strip_known

        with self.db.reading() as conn:
            return strip_known(conn, extraction)

    def index_is_current(self, article_id: int) -> bool:
        """Whether the article's reuse index was made by this version (``reclean`` redoes it)."""
        from .reuse import index_is_current

        with self.db.reading() as conn:
            return index_is_current(conn, article_id)

    def template_counts(self, outlet_hash: int, line_hashes: Iterable[int]) -> dict[int, int]:
        """How many archived articles of the outlet contain each of these lines."""
        from .templates import counts as template_counts

        with self.db.reading() as conn:
            return template_counts(conn, outlet_hash, line_hashes)

    # -- reading -------------------------------------------------------------------------

    def get(self, article_id: int, *, removed: bool = False) -> ArticleRecord:
        records = list(
            self._records(select_articles().where(articles_t.c.id == article_id), removed=removed)
        )
        if not records:
            raise ArchiveError(
                f"there is no article {article_id} in {self.db.location}; "
                "`archiver list` shows the ids"
            )
        return records[0]

    def raw(self, article_id: int) -> bytes:
        with self.db.reading() as conn:
            data = conn.execute(
                select(originals_t.c.data)
                .join(articles_t, articles_t.c.sha256 == originals_t.c.sha256)
                .where(articles_t.c.id == article_id)
            ).scalar()
        if data is None:
            self.get(article_id)  # raises the "no such article" error
        return data

    def articles(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        newest_first: bool = True,
        with_fields: bool = True,
    ) -> Iterator[ArticleRecord]:
        """Articles matching the filters, by publication date (undated ones last), then id.

        ``since``/``until`` are ISO dates compared with the published date (inclusive).
        """
        query = select_articles()
        if outlet is not None:
            query = query.where(func.lower(articles_t.c.outlet) == outlet.lower())
        if since is not None:
            query = query.where(articles_t.c.published >= since)
        if until is not None:
            # "2024-03-03T10:00" is still on 2024-03-03: compare the date prefix.
            query = query.where(func.substr(articles_t.c.published, 1, len(until)) <= until)
        dated = articles_t.c.published.is_(None)
        if newest_first:
            query = query.order_by(dated, articles_t.c.published.desc(), articles_t.c.id.desc())
        else:
            query = query.order_by(dated, articles_t.c.published, articles_t.c.id)
        if limit is not None:
            query = query.limit(limit)
        return self._records(query, with_fields=with_fields)

    def _records(
        self, query: Select, *, removed: bool = False, with_fields: bool = True
    ) -> Iterator[ArticleRecord]:
        with self.db.reading() as conn:
            for row in conn.execute(query).mappings():
                record = ArticleRecord(**row)
                if with_fields:
                    record.fields = {
                        r.name: Field(r.value, r.source, r.confidence)
                        for r in conn.execute(
                            select(fields_t)
                            .where(fields_t.c.article_id == record.id)
                            .order_by(fields_t.c.name)
                        )
                    }
                if removed:
                    record.removed = [
                        RemovedLine(r.lineno, r.text, r.reason, r.rule)
                        for r in conn.execute(
                            select(removed_t)
                            .where(removed_t.c.article_id == record.id)
                            .order_by(removed_t.c.lineno)
                        )
                    ]
                yield record

    def pairs(self, article_id: int) -> list[Pair]:
        """Every verified pair the article is part of."""
        from .reuse import pairs_of

        with self.db.reading() as conn:
            return pairs_of(conn, article_id)

    def count(self) -> int:
        with self.db.reading() as conn:
            return conn.execute(select(func.count()).select_from(articles_t)).scalar_one()

    def stats(self) -> Stats:
        with self.db.reading() as conn:
            n, first, last, chars = conn.execute(
                select(
                    func.count(),
                    func.min(articles_t.c.published),
                    func.max(articles_t.c.published),
                    func.coalesce(func.sum(func.length(articles_t.c.clean_text)), 0),
                )
            ).one()
            outlets = _pairs(
                conn.execute(
                    select(articles_t.c.outlet, func.count())
                    .group_by(articles_t.c.outlet)
                    .order_by(func.count().desc(), articles_t.c.outlet)
                )
            )
            formats = _pairs(
                conn.execute(
                    select(articles_t.c.format, func.count())
                    .group_by(articles_t.c.format)
                    .order_by(articles_t.c.format)
                )
            )
            reasons = _pairs(
                conn.execute(
                    select(removed_t.c.reason, func.count())
                    .group_by(removed_t.c.reason)
                    .order_by(func.count().desc(), removed_t.c.reason)
                )
            )
            original_bytes = conn.execute(
                select(func.coalesce(func.sum(originals_t.c.size), 0))
            ).scalar_one()
        return Stats(
            articles=n,
            outlets=outlets,
            first_published=first,
            last_published=last,
            original_bytes=original_bytes,
            clean_chars=chars,
            removed_lines=sum(count for _, count in reasons),
            removed_by_reason=reasons,
            formats=formats,
            size_bytes=self.db.size_bytes(),
        )


def _article_row(decoded: Decoded, extraction: Extraction, metadata: dict[str, Field]) -> dict:
    row = {name: metadata[name].value if name in metadata else None for name in CORE_FIELDS}
    row.update(
        format=decoded.format,
        encoding=decoded.encoding,
        extractor=extraction.extractor,
        extractor_version=extraction.extractor_version,
        clean_text=extraction.text,
    )
    return row


def _write_details(conn, article_id: int, extraction: Extraction, metadata: dict[str, Field]):
    if metadata:
        conn.execute(
            _INSERT_FIELDS,
            [
                {
                    "article_id": article_id,
                    "name": name,
                    "value": f.value,
                    "source": f.source,
                    "confidence": f.confidence,
                }
                for name, f in metadata.items()
            ],
        )
    if extraction.removed:
        conn.execute(
            _INSERT_REMOVED,
            [
                {
                    "article_id": article_id,
                    "lineno": r.lineno,
                    "text": r.text,
                    "reason": r.reason,
                    "rule": r.rule,
                }
                for r in extraction.removed
            ],
        )


def _find_reuse(conn, article_id: int, extraction: Extraction) -> tuple[Extraction, list[Pair]]:
    from .reuse import find_reuse

    found = find_reuse(conn, article_id, extraction)
    return found.extraction or extraction, found.pairs


def select_articles() -> Select:
    # The published date's source comes along (one primary-key lookup), so that listings can
    # mark a site header date without reading every field.
    published_source = (
        select(fields_t.c.source)
        .where(fields_t.c.article_id == articles_t.c.id, fields_t.c.name == "published")
        .scalar_subquery()
        .label("published_source")
    )
    return select(*(c for c in articles_t.c), published_source)


def _pairs(rows: Iterable) -> list[tuple]:
    return [tuple(r) for r in rows]
