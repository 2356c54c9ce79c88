"""Plain data passed between the pipeline stages: decoded input, extraction results, fields."""

from __future__ import annotations

from dataclasses import dataclass, field

#: The metadata fields every article has a column for; extractors may add others
#: (``dateline``, ``section``, ``caption``, ``republished``, ``original_outlet``...).
CORE_FIELDS = ("title", "author", "outlet", "url", "published", "language")
#: How an input may be read: ``auto`` recognises HTML, WARC/WACZ and JSON by their content;
#: ``warc`` (also WACZ) and ``jsonl`` (also a JSON array) are files of many records.
FORMATS = ("auto", "text", "html", "warc", "jsonl")
#: Date sources that may say when the page was seen rather than when it was published: a
#: date in a site's header (tagDiv themes print today's date there), or a fetch time.
CRAWL_DATE_SOURCES = frozenset({"header-date", "crawl-date"})
#: How such a date is marked wherever one is printed, and what the mark means.
CRAWL_DATE_MARK = "header date"
CRAWL_DATE_NOTE = (
    "a date from the site's header, often the day the page was scraped rather than when it "
    "was published"
)


def is_crawl_date(source: str | None) -> bool:
    """Whether a published date with this source may be the crawl date, not publication."""
    return source in CRAWL_DATE_SOURCES


@dataclass(frozen=True)
class Field:
    """One metadata value with where it came from and how far to trust it.

    ``source`` is a short tag: ``cli``, ``html-meta``, ``json-ld``, ``text-line``, ``dateline``,
    ``header-date``, ``disclaimer``, ``filename``... ``confidence`` runs from 0 to 1.
    ``published`` values are ISO 8601 strings (``2024-03-03`` or a full timestamp).
    """

    value: str
    source: str
    confidence: float = 1.0


@dataclass(frozen=True)
class RemovedLine:
    """A line the cleaner dropped, and the rule that dropped it.

    ``lineno`` is 1-based in the text the cleaner was given (the decoded file for plain text,
    trafilatura's output for HTML). ``reason`` is the kind of line, such as ``ad-marker`` (a
    rule's category) or ``outside-article``. ``rule`` is the id of the rule in
    :mod:`archiver.rules` that matched the line (``eu-navigation``), or None when no rule did:
    the page's shape, its header or its outlet's template removed it.
    """

    lineno: int
    text: str
    reason: str
    rule: str | None = None


@dataclass
class Decoded:
    """Input bytes turned into text: what format they are and how they were decoded."""

    text: str
    format: str  # "text" or "html"
    encoding: str  # codec name as Python knows it, e.g. "utf-8", "cp1252", "utf-16"
    repaired: bool = False  # mojibake was found and repaired
    #: What reading had to do that a user should know ("removed 22 stray NUL bytes"); stored
    #: as the article's ``reading`` field.
    notes: list[str] = field(default_factory=list)


@dataclass
class Extraction:
    """What an extractor made of one document: clean text, removed lines, metadata."""

    text: str
    removed: list[RemovedLine] = field(default_factory=list)
    metadata: dict[str, Field] = field(default_factory=dict)
    extractor: str = ""
    extractor_version: str = ""
    #: The line number (as in ``removed``) of each line of ``text``, in order, when known:
    #: lines removed later (learned boilerplate) are reported under their own number.
    linenos: list[int] = field(default_factory=list)
    #: How the text was obtained when it was not the usual way, for the ``reading`` field.
    notes: list[str] = field(default_factory=list)
