"""The archive's tables as SQLAlchemy 2 typed models (the migrations create them)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Float,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints let Alembic's batch mode drop and recreate them on SQLite.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Original(Base):
    """The untouched bytes of an input, content-addressed by their SHA-256."""

    __tablename__ = "originals"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Article(Base):
    """One archived article: its clean text, how it was obtained, and its chosen metadata.

    The metadata columns hold the chosen value of each core field; ``fields`` holds every
    field with its source and confidence (and extra fields such as ``dateline``).
    """

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("originals.sha256"), unique=True)
    source_path: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime]
    format: Mapped[str] = mapped_column(String(16))
    encoding: Mapped[str] = mapped_column(String(32))
    extractor: Mapped[str] = mapped_column(String(32))
    extractor_version: Mapped[str] = mapped_column(String(32))
    clean_text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(32))
    language: Mapped[str | None] = mapped_column(String(16))

    fields: Mapped[list[ArticleField]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="ArticleField.name"
    )
    removed: Mapped[list[RemovedLine]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="RemovedLine.lineno"
    )

    __table_args__ = (
        Index("ix_articles_outlet", "outlet"),
        Index("ix_articles_published", "published"),
    )


class ArticleField(Base):
    """One metadata field of an article with where it came from and a confidence in 0..1."""

    __tablename__ = "article_fields"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(32))
    confidence: Mapped[float] = mapped_column(Float)

    article: Mapped[Article] = relationship(back_populates="fields")


class RemovedLine(Base):
    """A line the cleaner removed from an article, and the rule that removed it."""

    __tablename__ = "removed_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    lineno: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(32))
    #: The id of the rule (archiver/rules.py) that matched the line; None when none did.
    rule: Mapped[str | None] = mapped_column(String(64))

    article: Mapped[Article] = relationship(back_populates="removed")

    __table_args__ = (
        UniqueConstraint("article_id", "lineno"),
        Index("ix_removed_lines_reason", "reason"),
    )


class TemplateLine(Base):
    """How many articles of an outlet contain a line (both hashed): the outlet's template."""

    __tablename__ = "template_lines"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 - SQLAlchemy's own protocol

    outlet_hash: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    line_hash: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    articles: Mapped[int]


class BoilerplateShingle(Base):
    """A word shingle learned to be boilerplate (a template or a network's standing text), and
    how many articles were found holding it: lines made of such shingles are removed."""

    __tablename__ = "boilerplate_shingles"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 - SQLAlchemy's own protocol

    hash: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    articles: Mapped[int]
    #: The article whose adding first learned it (0: learned before this was kept).
    learned_by: Mapped[int] = mapped_column(BigInteger, server_default="0")
    #: Whether that article's reuse was then found again knowing it (the lines of it made of
    #: the block were removed first), or found before it was learned.
    known_to_learner: Mapped[bool] = mapped_column(server_default=false())


class PairShingle(Base):
    """A word shingle reaching into a stored pair's spans (sharing a word with one), and the
    article whose text holds it there: which stored pairs a block learned to be boilerplate
    may change (``add`` aligns them again). Rows are only added (a superset: a pair aligned
    again, or an article cleaned again, leaves its old rows, which merely ask for a check)."""

    __tablename__ = "pair_shingles"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 - SQLAlchemy's own protocol

    hash: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    article_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)


class ReuseSignature(Base):
    """MinHash signatures of an article's passages (little-endian uint32), and their scheme."""

    __tablename__ = "reuse_signatures"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    scheme: Mapped[str] = mapped_column(Text)
    passages: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)


class LshSegment(Base):
    """A sorted segment of the LSH index (see archiver/storage/bands.py): ``live`` ones are
    looked up; a ``merging`` one is being written from the live ones whose ``merge_into``
    names it, ``slices`` key ranges in all, ``done`` of them so far; a ``retired`` one (merged
    into another) is being deleted, slice by slice."""

    __tablename__ = "lsh_segments"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    tier: Mapped[int]
    rows: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(8))
    merge_into: Mapped[int | None] = mapped_column(BigInteger)
    slices: Mapped[int] = mapped_column(server_default="0")
    done: Mapped[int] = mapped_column(server_default="0")


class ArchiveState(Base):
    """Counters of the archive as a whole. ``rewrites`` counts the changes that take
    articles' passages out of the reuse index (an article cleaned again, a repair): a lookup
    an `add` worker made ahead against the archive as it stood is used only when none
    happened since (archiver/reuse.py, ``Ahead``)."""

    __tablename__ = "archive_state"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class LshBand(Base):
    """The LSH index: one row per band of a passage (passage = article id << 16 | index), in
    the sorted segment that holds it. Ordered by segment first, a new segment's rows are
    appended at the end of the table instead of being scattered through it."""

    __tablename__ = "lsh_bands"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 - SQLAlchemy's own protocol

    segment: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    passage: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)


class ReusePair(Base):
    """Two articles (a < b) that share verified passages, and who was likely first."""

    __tablename__ = "reuse_pairs"

    a: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    b: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    shared_words: Mapped[int]
    coverage_a: Mapped[float] = mapped_column(Float)
    coverage_b: Mapped[float] = mapped_column(Float)
    spans: Mapped[str] = mapped_column(Text)  # JSON [[a_start, a_end, b_start, b_end], ...]
    source: Mapped[int | None]
    confidence: Mapped[str] = mapped_column(String(16))
    attributed: Mapped[bool]
    evidence: Mapped[str] = mapped_column(Text)  # JSON list of sentences
    kind: Mapped[str] = mapped_column(String(16), server_default="copy")  # or "quotation"

    __table_args__ = (Index("ix_reuse_pairs_b", "b"),)
