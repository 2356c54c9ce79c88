"""The archive as a library object: store articles, read them back, list, export and count."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from .document import CORE_FIELDS, Decoded, Extraction, Field, RemovedLine
from .errors import ArchiveError
from .storage import ArticleFilter, storage_for
from .store import Database, Progress, open_database

if TYPE_CHECKING:  # reuse detection and templates are imported when first used: commands
    # that only read the archive start without the cleaner's rules, numpy or jusText.
    from .options import Options
    from .reuse import Ahead, Pair
    from .templates import TemplateLines


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

    def __init__(self, db: Database, options: Options | None = None):
        self.db = db
        self._options = options

    @property
    def options(self) -> Options:
        """The settings this archive's work follows (``Options()`` unless given)."""
        if self._options is None:
            from .options import DEFAULTS

            self._options = DEFAULTS
        return self._options

    @classmethod
    def open(
        cls,
        location: str | None = None,
        *,
        create: bool = False,
        progress: Progress | None = None,
        options: Options | None = None,
    ) -> Archive:
        """Open (or with ``create``, make) an archive; an older one is backed up and upgraded,
        ``progress(done, total)`` hearing how its indexing goes. ``options``: the settings
        of cleaning, reuse, provenance and limits (the defaults without)."""
        db = open_database(location, create=create, progress=progress, options=options)
        return cls(db, options)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def find_sha256(self, sha256: str) -> int | None:
        with self.db.reading() as conn:
            return storage_for(conn).article_id(sha256)

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
        ahead: Ahead | None = None,
    ) -> Stored:
        """Store one article in one transaction, with its reuse index and verified pairs.

        ``template``: the article's lines, counted into its outlet's template. Bytes already
        archived are not stored again: the result then names the existing article. Lines
        found to be boilerplate shared with other articles are removed from the stored text
        (``Stored.extraction`` is what was stored). ``ahead``: the article's reuse looked up
        ahead (:meth:`look_ahead`), checked by :meth:`ahead_holds` in this transaction.
        """
        from .templates import count as count_template_lines

        with self.db.writing() as conn:
            storage = storage_for(conn)
            existing = storage.article_id(sha256)
            if existing is not None:
                return Stored(existing, False)
            row = _article_row(decoded, extraction, metadata)
            row.update(
                source_path=source_path,
                ingested_at=datetime.now(timezone.utc).replace(tzinfo=None),
            )
            article_id = storage.add_article(sha256, data, row)
            storage.add_details(article_id, metadata, extraction.removed)
            if template is not None:
                count_template_lines(conn, template, +1)
            extraction, pairs = _find_reuse(conn, article_id, extraction, self.options, ahead)
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
            storage = storage_for(conn)
            unindex_article(conn, article_id, self.options.reuse)
            storage.update_article(article_id, _article_row(decoded, extraction, metadata))
            storage.drop_details(article_id)
            storage.add_details(article_id, metadata, extraction.removed)
            if old_template is not None:
                count_template_lines(conn, old_template, -1)
            if new_template is not None:
                count_template_lines(conn, new_template, +1)
            return _find_reuse(conn, article_id, extraction, self.options)[1]

    def strip_boilerplate(self, extraction: Extraction) -> Extraction:
        """The extraction without the lines the archive has learned to be boilerplate."""
        from .boilerplate import strip_known

        with self.db.reading() as conn:
            return strip_known(conn, extraction, self.options.reuse)

    def look_ahead(self, extraction: Extraction) -> Ahead:
        """A new cleaning without the boilerplate the archive has learned, and its reuse looked
        up against the archive as it stands (an `add` worker does this ahead of the writer)."""
        from .reuse import look_ahead

        with self.db.reading() as conn:
            return look_ahead(conn, extraction, self.options.reuse)

    def ahead_holds(self, ahead: Ahead) -> bool:
        """Whether a lookup made ahead is still what looking up now would give (the writer
        asks this in the transaction that stores the article)."""
        from .reuse import ahead_holds

        with self.db.reading() as conn:
            return ahead_holds(conn, ahead)

    def index_is_current(self, article_id: int) -> bool:
        """Whether the article's reuse index was made by this version (``reclean`` redoes it)."""
        from .reuse import index_is_current

        with self.db.reading() as conn:
            return index_is_current(conn, article_id, self.options.reuse)

    def template_counts(self, outlet_hash: int, line_hashes: Iterable[int]) -> dict[int, int]:
        """How many archived articles of the outlet contain each of these lines."""
        from .templates import counts as template_counts

        with self.db.reading() as conn:
            return template_counts(conn, outlet_hash, line_hashes)

    # -- reading -------------------------------------------------------------------------

    def get(self, article_id: int, *, removed: bool = False) -> ArticleRecord:
        records = list(self._records(ids=[article_id], removed=removed))
        if not records:
            raise ArchiveError(
                f"there is no article {article_id} in {self.db.location}; "
                "`archiver list` shows the ids"
            )
        return records[0]

    def raw(self, article_id: int) -> bytes:
        with self.db.reading() as conn:
            data = storage_for(conn).original_of(article_id)
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
        return self._records(
            ArticleFilter(outlet=outlet, since=since, until=until),
            newest_first=newest_first,
            limit=limit,
            with_fields=with_fields,
        )

    def _records(
        self,
        filters: ArticleFilter | None = None,
        *,
        ids: list[int] | None = None,
        newest_first: bool = True,
        limit: int | None = None,
        removed: bool = False,
        with_fields: bool = True,
    ) -> Iterator[ArticleRecord]:
        with self.db.reading() as conn:
            storage = storage_for(conn)
            rows = storage.articles(filters, ids=ids, newest_first=newest_first, limit=limit)
            for row in rows:
                record = ArticleRecord(**row)
                if with_fields:
                    record.fields = storage.fields_of(record.id)
                if removed:
                    record.removed = storage.removed_of(record.id)
                yield record

    def pairs(self, article_id: int) -> list[Pair]:
        """Every verified pair the article is part of."""
        from .reuse import pairs_of

        with self.db.reading() as conn:
            return pairs_of(conn, article_id)

    def count(self) -> int:
        with self.db.reading() as conn:
            return storage_for(conn).count_articles()

    def stats(self) -> Stats:
        with self.db.reading() as conn:
            summary = storage_for(conn).summary()
        reasons = summary["reasons"]
        return Stats(
            articles=summary["articles"],
            outlets=summary["outlets"],
            first_published=summary["first_published"],
            last_published=summary["last_published"],
            original_bytes=summary["original_bytes"],
            clean_chars=summary["clean_chars"],
            removed_lines=sum(count for _, count in reasons),
            removed_by_reason=reasons,
            formats=summary["formats"],
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


def _find_reuse(
    conn, article_id: int, extraction: Extraction, options: Options, ahead: Ahead | None = None
) -> tuple[Extraction, list[Pair]]:
    from .reuse import find_reuse

    found = find_reuse(conn, article_id, extraction, options.reuse, options.provenance, ahead)
    return found.extraction or extraction, found.pairs
