"""Turn input paths into archived articles: expand paths, read, extract, merge metadata, store."""

from __future__ import annotations

import glob
import gzip
import hashlib
import io
import itertools
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .archive import Archive
from .document import Decoded, Extraction, Field
from .errors import InputError, StorageError, UsageError
from .html import extract_html, visible_text
from .printable import NAME_NOT_UTF8, is_undecodable_name, name_text
from .reading import GZIP_CORRUPT, TOO_LARGE, decode, human_size
from .records import SNIFF_BYTES, Record, Skipped, json_records, sniff, wacz_records, warc_records
from .settings import Settings
from .templates import TemplateLines, as_template, line_hashes, outlet_hash
from .textclean import CleanOptions, clean_text
from .textclean.options import DEFAULT_OPTIONS as DEFAULT_CLEANING

if TYPE_CHECKING:
    from .options import Options
    from .reuse import Ahead

STDIN = "-"
#: What a folder walk picks up (also with ``.gz`` on top); name any other file to add it.
FOLDER_SUFFIXES = frozenset(
    {"", ".txt", ".text", ".htm", ".html", ".xhtml", ".shtml", ".warc", ".wacz", ".jsonl"}
)
GLOB_CHARS = re.compile(r"[*?\[]")
#: Standard input is read in pieces of this many bytes, stopping once past the size limit.
READ_CHUNK = 1 << 20

# Messages: the second half of "PATH: REASON", one sentence a person can act on.
TOO_LARGE_INPUT = "the input is larger than {limit}; split it or raise --max-size"
NOT_A_FILE = {
    stat.S_IFIFO: "is a named pipe (FIFO), not a file; archiver reads regular files only",
    stat.S_IFSOCK: "is a socket, not a file; archiver reads regular files only",
    stat.S_IFCHR: (
        "is a device, not a file; archiver reads regular files only (use - for standard input)"
    ),
    stat.S_IFBLK: (
        "is a device, not a file; archiver reads regular files only (use - for standard input)"
    ),
    stat.S_IFDIR: "is a folder; name the folder itself to add what is in it",
}
UNREADABLE_FOLDER = (
    "the folder cannot be read ({why}), so the files in it were not added; check its permissions"
)
TOO_MANY_LINES = (
    "the file has more than {limit:,} lines, far more than any page holds; split it into its "
    "articles and add those"
)
TOO_LONG_TEXT = (
    "the file's text is longer than {limit:,} characters, far more than any page holds; "
    "split it into its articles and add those"
)
TOO_LONG_ARTICLE = (
    "the article in it is longer than {limit:,} characters, far more than any article; "
    "split it into its articles and add those"
)
TOO_LONG_PAGE = (
    "the page is longer than {limit:,} characters (not counting inline images), far more "
    "than any web page; save the article's page alone, or add its text with --format text"
)
TOO_MANY_WORDS = (
    "the file holds more than {limit:,} words, far more than any article; split it into its "
    "articles and add those"
)
TOO_MANY_TAGS = (
    "the page has more than {limit:,} HTML tags, far more than any web page; save the "
    "article's page alone, or add its text with --format text"
)


@dataclass(frozen=True)
class Overrides:
    """Metadata given by the user; each value wins over whatever extraction found."""

    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    title: str | None = None

    def fields(self) -> dict[str, Field]:
        for option, value in vars(self).items():
            # A value from a command line that is not UTF-8 (its bytes come as surrogates).
            if value and is_undecodable_name(value):
                raise UsageError(
                    f"the value of --{option} is not UTF-8 text; give it in UTF-8 "
                    "(as the terminal types it)"
                )
        given = {
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published and validate_date(self.published),
            "author": self.author,
            "title": self.title,
        }
        return {name: Field(value, "cli", 1.0) for name, value in given.items() if value}


@dataclass
class AddResult:
    """What happened to one input; ``to_json`` is the ``archiver add --json`` contract."""

    path: str
    status: str  # "added", "duplicate" or "error"
    id: int | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    removed_lines: int = 0
    reused_from: list[int] = field(default_factory=list)
    error: str | None = None
    #: Where ``published`` came from; ``header-date`` is often the day the page was scraped.
    published_source: str | None = None
    #: The record of a many-record input (``file.warc.gz#1234``, ``file.jsonl:3``); else None.
    record: str | None = None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            # Stored and printed as text: a name that is not UTF-8 has its bytes escaped.
            "path": name_text(self.path),
            "status": self.status,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "published_source": self.published_source,
            "removed_lines": self.removed_lines,
            "reused_from": self.reused_from,
            "error": self.error,
            "record": self.record and name_text(self.record),
        }


@dataclass(frozen=True)
class Input:
    """One thing to archive: a file path or standard input, or a path that failed to expand."""

    name: str
    error: str | None = None

    def read(self, stdin: Callable[[int], bytes], max_bytes: int) -> bytes:
        """The input's bytes, never reading more than ``max_bytes`` + 1 of them.

        A file's size is checked before it is opened, and only regular files are opened: a
        named pipe would block forever, a device (``/dev/zero``) never ends. ``stdin`` is
        called as ``read(size)`` until it gives nothing or the input is over the limit.
        """
        if self.name == STDIN:
            return _read_stream(stdin, max_bytes, self.name)
        try:
            info = os.stat(self.name)
            _check_file(self.name, info.st_mode, info.st_size, max_bytes)
            # O_NONBLOCK: should the path have become a pipe since, opening cannot block.
            fd = os.open(self.name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(fd, "rb") as file:
                info = os.fstat(file.fileno())
                _check_file(self.name, info.st_mode, info.st_size, max_bytes)
                data = file.read(max_bytes + 1)
        except PermissionError:
            raise InputError(
                self.name, "cannot be read (permission denied); check its permissions"
            ) from None
        except IsADirectoryError:
            raise InputError(self.name, NOT_A_FILE[stat.S_IFDIR]) from None
        except OSError as exc:
            raise InputError(
                self.name, f"cannot be read ({exc.strerror}); check the path"
            ) from None
        if len(data) > max_bytes:  # it grew while being read
            raise InputError(self.name, TOO_LARGE.format(limit=human_size(max_bytes)))
        return data


def _check_file(name: str, mode: int, size: int, max_bytes: int) -> None:
    """Refuse what is not a regular file, and a file over the size limit, before reading."""
    if not stat.S_ISREG(mode):
        kind = stat.S_IFMT(mode)
        raise InputError(
            name, NOT_A_FILE.get(kind, "is not a regular file; archiver reads regular files only")
        )
    if size > max_bytes:
        raise InputError(name, TOO_LARGE.format(limit=human_size(max_bytes)))


def _read_stream(read: Callable[[int], bytes], max_bytes: int, name: str) -> bytes:
    """Read a stream to its end in pieces, refusing it as soon as it passes ``max_bytes``."""
    data = bytearray()
    while True:
        chunk = read(min(READ_CHUNK, max_bytes + 1 - len(data)))
        if not chunk:
            return bytes(data)
        data += chunk
        if len(data) > max_bytes:
            raise InputError(name, TOO_LARGE_INPUT.format(limit=human_size(max_bytes)))


def expand_paths(paths: list[str]) -> tuple[list[Input], int]:
    """Files, folders (recursive), globs and ``-`` as a list of inputs, plus how many files
    in folders were skipped for their extension. Missing paths become inputs with an error."""
    inputs: list[Input] = []
    skipped = 0
    for raw in paths:
        if raw == STDIN:
            inputs.append(Input(STDIN))
            continue
        if os.path.isdir(raw):
            found, passed = _walk(raw)
            inputs.extend(found)
            skipped += passed
        elif os.path.lexists(raw):
            inputs.append(Input(raw))
        elif GLOB_CHARS.search(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                inputs.append(Input(raw, "no file matches this pattern; check the pattern"))
            for match in matches:
                if os.path.isdir(match):
                    found, passed = _walk(match)
                    inputs.extend(found)
                    skipped += passed
                else:
                    inputs.append(Input(match))
        else:
            inputs.append(Input(raw, "no such file or folder; check the path"))
    return inputs, skipped


def _walk(folder: str) -> tuple[list[Input], int]:
    """The files a folder holds, in order; a folder that cannot be read is an input with
    its error (its files cannot be added, and the user must hear of it)."""
    found: list[Input] = []
    skipped = 0

    def unreadable(exc: OSError) -> None:
        why = "permission denied" if isinstance(exc, PermissionError) else exc.strerror
        found.append(Input(exc.filename, UNREADABLE_FOLDER.format(why=why)))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            stem = name[:-3] if name.endswith(".gz") else name
            suffix = os.path.splitext(stem)[1].lower()
            if suffix in FOLDER_SUFFIXES:
                found.append(Input(os.path.join(root, name)))
            else:
                skipped += 1
    return found, skipped


def extract(
    data: bytes,
    name: str,
    *,
    format: str = "auto",
    url: str | None = None,
    settings: Settings | None = None,
) -> tuple[Decoded, Extraction]:
    """Decode bytes and extract the article (pure: no archive needed). Raises InputError."""
    settings = settings or Settings()
    decoded = decode(data, name=name, format=format, max_bytes=settings.max_bytes)
    return decoded, extract_decoded(decoded, name, url=url, settings=settings)


def extract_decoded(
    decoded: Decoded,
    name: str,
    *,
    url: str | None = None,
    settings: Settings | None = None,
    template: dict[str, int] | None = None,
    options: CleanOptions = DEFAULT_CLEANING,
) -> Extraction:
    """The article in decoded input: trafilatura for HTML, the line cleaner for text.

    A page over the limits of ``settings`` (lines, characters, words, HTML tags) is refused
    before the work that grows with them starts (InputError), and so is an article extracted
    from HTML that is longer than a plain-text page may be."""
    settings = settings or Settings()
    if decoded.format == "html":
        check_html_size(decoded.text, name, settings)
        extraction = extract_html(decoded.text, url=url)
        if _too_short(extraction.text, settings):
            extraction = _html_as_text(decoded, extraction, name, settings, template, url, options)
        check_article_size(extraction.text, name, settings)
    else:
        check_text_size(decoded.text, name, settings)
        extraction = clean_text(decoded.text, template=template, url=url, options=options)
        if _too_short(extraction.text, settings):
            raise InputError(
                name,
                "every line of it looks like boilerplate, so no article text is left; "
                "check that it is an article",
            )
    return extraction


_WORD_RUN = re.compile(r"\w+")
#: An inline image or font (``src="data:image/png;base64,..."``, ``url(data:...)``).
_DATA_URI = re.compile(r"data:[\w/+.;=-]{0,100},[\w+/=%.-]*")
#: What is not an HTML page's text (scripts, styles, comments, tags), each matched whole, or
#: a word of its text (group 2).
_MARKUP_OR_WORD = re.compile(
    r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<[^<>]*>|(\w+)",
    re.IGNORECASE | re.DOTALL,
)


def _too_short(text: str, settings: Settings) -> bool:
    """Fewer than ``settings.min_words`` words: no article. Chinese and Japanese, written
    without spaces, count :data:`passages.CHARS_PER_WORD` characters a word."""
    if len(text.split()) >= settings.min_words:
        return False
    from .passages import CHARS, tokenize, unit_of, words_equivalent

    if unit_of(text) != CHARS:
        return True
    return words_equivalent(len(tokenize(text, CHARS)), CHARS) < settings.min_words


def check_text_size(text: str, name: str, settings: Settings) -> None:
    """Refuse a page's text with more lines, characters or words than the settings allow
    (InputError). Counting stops at the limit: the cost is bounded whatever the text."""
    if text.count("\n") >= settings.max_lines:
        raise InputError(name, TOO_MANY_LINES.format(limit=settings.max_lines))
    if len(text) > settings.max_chars:
        raise InputError(name, TOO_LONG_TEXT.format(limit=settings.max_chars))
    if len(text) > settings.max_words and _more_than(settings.max_words, _WORD_RUN.finditer(text)):
        raise InputError(name, TOO_MANY_WORDS.format(limit=settings.max_words))


def check_html_size(text: str, name: str, settings: Settings) -> None:
    """Refuse an HTML page with more tags, more characters (its inline images left out) or
    more words of text outside its markup than the settings allow (InputError)."""
    if text.count("<") > settings.max_tags:
        raise InputError(name, TOO_MANY_TAGS.format(limit=settings.max_tags))
    if len(text) > settings.max_html_chars:
        inline = sum(m.end() - m.start() for m in _DATA_URI.finditer(text))
        if len(text) - inline > settings.max_html_chars:
            raise InputError(name, TOO_LONG_PAGE.format(limit=settings.max_html_chars))
    if len(text) > settings.max_words and _more_than(
        settings.max_words, (m for m in _MARKUP_OR_WORD.finditer(text) if m.group(2))
    ):
        raise InputError(name, TOO_MANY_WORDS.format(limit=settings.max_words))


def check_article_size(text: str, name: str, settings: Settings) -> None:
    """Refuse an extracted article longer than the settings allow: what is stored, indexed
    and searched is bounded, and every passage of it gets a number in the reuse index."""
    if len(text) > settings.max_chars:
        raise InputError(name, TOO_LONG_ARTICLE.format(limit=settings.max_chars))
    if len(text) > settings.max_words and _more_than(settings.max_words, _WORD_RUN.finditer(text)):
        raise InputError(name, TOO_MANY_WORDS.format(limit=settings.max_words))


def _more_than(limit: int, items: Iterator) -> bool:
    """Whether ``items`` holds more than ``limit`` things, looking at no more than limit + 1."""
    return any(True for _ in islice(items, limit, limit + 1))


#: Said in the ``reading`` field when HTML extraction found nothing and the text path did.
HTML_AS_TEXT = (
    "HTML extraction found no article text, so the page's visible text was cleaned as a "
    "plain-text page"
)


def _html_as_text(
    decoded: Decoded,
    found: Extraction,
    name: str,
    settings: Settings,
    template: dict[str, int] | None,
    url: str | None,
    options: CleanOptions = DEFAULT_CLEANING,
) -> Extraction:
    """The text path for something read as HTML in which trafilatura found no article (a text
    dump with markup in it, a page built of odd markup): its visible text, cleaned line by
    line. The page's own metadata (meta tags, JSON-LD) still wins over what the lines say."""
    text = visible_text(decoded.text)
    check_text_size(text, name, settings)
    extraction = clean_text(text, template=template, url=url, options=options)
    if _too_short(extraction.text, settings):
        raise InputError(
            name,
            "no article text was found in this HTML page; check that it is an article "
            "page, or add its text with --format text",
        )
    extraction.metadata = {**extraction.metadata, **found.metadata}
    extraction.notes.append(HTML_AS_TEXT)
    return extraction


def merge_metadata(
    found: dict[str, Field], given: dict[str, Field], notes: list[str] | None = None
) -> dict[str, Field]:
    """Extracted fields overridden by the user's; an outlet guessed from the URL if none;
    what reading had to do (``notes``) as the ``reading`` field."""
    merged = {**found, **given}
    if notes:
        merged["reading"] = Field("; ".join(notes), "reading", 1.0)
    if "outlet" not in merged and "url" in merged:
        host = urlsplit(merged["url"].value).hostname or ""
        host = host.removeprefix("www.")
        if host:
            merged["outlet"] = Field(host, "url", 0.5)
    return merged


def template_lines(text: str, outlet: str | None) -> TemplateLines | None:
    """The lines an article adds to its outlet's template: those the cleaner saw (the page
    text for plain text, trafilatura's output for HTML), when the outlet is known."""
    return _template_lines(line_hashes(text), outlet) if outlet else None


def _template_lines(keys: dict[int, str], outlet: str | None) -> TemplateLines | None:
    return TemplateLines(outlet_hash(outlet), tuple(keys)) if outlet else None


def clean_with_template(
    archive: Archive,
    decoded: Decoded,
    name: str,
    given: dict[str, Field],
    *,
    settings: Settings | None = None,
    exclude: TemplateLines | None = None,
) -> tuple[Extraction, dict[str, Field], TemplateLines | None]:
    """Extract, then clean again with the outlet's learned template when it knows some lines;
    then leave out the boilerplate the archive has learned.

    ``exclude`` takes an article's own earlier contribution out of the counts (``reclean``).
    """
    cleaned = _clean(archive, decoded, name, given, settings=settings, exclude=exclude)
    return archive.strip_boilerplate(cleaned.extraction), cleaned.metadata, cleaned.lines


@dataclass
class _Cleaned:
    """A page cleaned with its outlet's template as the archive held it: the result, and
    what of the archive it depended on (the outlet's lines looked up, those that were
    template), so that a writer can tell whether it still holds."""

    extraction: Extraction
    metadata: dict[str, Field]
    lines: TemplateLines | None
    looked_up: tuple[int, tuple[int, ...]] | None = None  # (outlet hash, line hashes)
    template: frozenset[int] = frozenset()


def _clean(
    archive: Archive,
    decoded: Decoded,
    name: str,
    given: dict[str, Field],
    *,
    settings: Settings | None = None,
    exclude: TemplateLines | None = None,
) -> _Cleaned:
    url = given["url"].value if "url" in given else None
    cleaning = archive.options.cleaning
    extraction = extract_decoded(decoded, name, url=url, settings=settings, options=cleaning)
    metadata = merge_metadata(extraction.metadata, given, decoded.notes + extraction.notes)
    if decoded.format != "text":
        lines = template_lines(extraction.text, _outlet(metadata))
        return _Cleaned(extraction, metadata, lines)
    keys = line_hashes(decoded.text)  # the lines the cleaner saw, hashed once
    lines = _template_lines(keys, _outlet(metadata))
    if lines is None:
        return _Cleaned(extraction, metadata, lines)
    template = _template(archive, lines.outlet_hash, tuple(keys), exclude)
    looked_up = (lines.outlet_hash, tuple(keys))
    if template:
        extraction = extract_decoded(
            decoded,
            name,
            url=url,
            settings=settings,
            template=as_template(template, keys),
            options=cleaning,
        )
        metadata = merge_metadata(extraction.metadata, given, decoded.notes + extraction.notes)
        lines = _template_lines(keys, _outlet(metadata))
    return _Cleaned(extraction, metadata, lines, looked_up, frozenset(template))


def _outlet(metadata: dict[str, Field]) -> str | None:
    return metadata["outlet"].value if "outlet" in metadata else None


def _template(
    archive: Archive, outlet: int, keys: tuple[int, ...], exclude: TemplateLines | None = None
) -> dict[int, int]:
    """The lines among ``keys`` that are the outlet's template (in enough of its articles),
    with their counts."""
    counts = archive.template_counts(outlet, keys)
    if exclude is not None and exclude.outlet_hash == outlet:
        for h in exclude.line_hashes:
            if h in counts:
                counts[h] -= 1
    least = archive.options.cleaning.template_min_count
    return {h: n for h, n in counts.items() if n >= least}


def add_input(
    archive: Archive,
    item: Input,
    overrides: Overrides,
    *,
    format: str = "auto",
    settings: Settings | None = None,
    stdin: Callable[[int], bytes] = lambda size=-1: b"",
    data: bytes | None = None,
) -> AddResult:
    """Archive one input that is one page; every expected failure comes back as an ``error``
    result. (``add_item`` also takes inputs of many records.)

    ``stdin`` reads standard input (``-``): called as ``read(size)``, like a binary file's
    ``read``; the input is refused once it passes ``settings.max_bytes``. ``data``, when
    given, is the input's bytes, already read."""
    settings = settings or archive.options.limits
    try:
        if item.error:
            raise InputError(item.name, item.error)
        if data is None:
            data = item.read(stdin, settings.max_bytes)
        return _add_page(
            archive,
            data,
            item.name,
            _source_path(item.name),
            overrides.fields(),
            format=format,
            settings=settings,
        )
    except InputError as exc:
        return AddResult(exc.path, "error", error=str(exc))


def _add_page(
    archive: Archive,
    data: bytes,
    name: str,
    source_path: str,
    given: dict[str, Field],
    *,
    format: str,
    settings: Settings,
    charset: str | None = None,
    record: str | None = None,
    path: str | None = None,
) -> AddResult:
    """Archive one page's bytes (a file's, or a record's payload). Raises InputError."""
    page = Page(data, name, source_path, given, format, charset, record, path)
    return commit(archive, page, prepare(archive, page, settings), settings)


@dataclass
class Page:
    """One page to archive as the reader found it: a file's bytes or a record's payload,
    what to call it, and the fields that came with it."""

    data: bytes
    name: str
    source_path: str
    given: dict[str, Field]
    format: str
    charset: str | None = None
    record: str | None = None
    path: str | None = None  # the input the page came from (a record's container)


@dataclass
class Prepared:
    """A page made ready to store, computed once, anywhere (a worker process does it while
    the writer stores the pages before it): its SHA-256, whether it was already archived,
    and its decoding and cleaning. What depends on the pages stored since (duplicates, the
    outlet's template, learned boilerplate, reuse) the writer checks when it commits."""

    sha: str
    archived: bool = False
    decoded: Decoded | None = None
    cleaned: _Cleaned | None = None
    error: tuple[str, str] | None = None  # an InputError's (path, reason)
    #: Its reuse looked up against the archive as it stood (``prepare(..., ahead=True)``).
    ahead: Ahead | None = None


def prepare(archive: Archive, page: Page, settings: Settings, *, ahead: bool = False) -> Prepared:
    """Decode and clean a page with the archive as it stands (its outlet's template); with
    ``ahead`` (a worker), look its reuse up too (:class:`archiver.reuse.Ahead`)."""
    sha = hashlib.sha256(page.data).hexdigest()
    if archive.find_sha256(sha) is not None:
        return Prepared(sha, archived=True)
    try:
        decoded = decode(
            page.data,
            name=page.name,
            format=page.format,
            max_bytes=settings.max_bytes,
            charset=page.charset,
        )
        if is_undecodable_name(page.name):
            decoded.notes.append(NAME_NOT_UTF8)
        cleaned = _clean(archive, decoded, page.name, page.given, settings=settings)
    except InputError as exc:
        return Prepared(sha, error=(exc.path, exc.reason))
    looked_up = None
    if ahead:
        try:
            looked_up = archive.look_ahead(cleaned.extraction)
        except StorageError:  # the writer looks it up as it stores it
            looked_up = None
    return Prepared(sha, decoded=decoded, cleaned=cleaned, ahead=looked_up)


def _still_holds(archive: Archive, prepared: Prepared) -> bool:
    """Whether the page would be cleaned the same now: its outlet's template is the same."""
    cleaned = prepared.cleaned
    if cleaned is None or cleaned.looked_up is None:
        return True
    outlet, keys = cleaned.looked_up
    return set(_template(archive, outlet, keys)) == cleaned.template


def commit(
    archive: Archive,
    page: Page,
    prepared: Prepared,
    settings: Settings,
    preparing: Preparing | None = None,
) -> AddResult:
    """Store a prepared page (one transaction), preparing it again first if the archive
    changed under it since: the result is what adding the pages one by one gives. Raises
    InputError."""
    path = page.name if page.path is None else page.path
    existing = archive.find_sha256(prepared.sha)
    if existing is not None:
        found = archive.get(existing)
        return AddResult(
            path,
            "duplicate",
            existing,
            found.title,
            found.outlet,
            found.published,
            published_source=found.published_source,
            record=page.record,
        )
    if prepared.archived or not _still_holds(archive, prepared):
        prepared = prepare(archive, page, settings)
        if preparing is not None:
            preparing.again += 1
    if prepared.error is not None:
        raise InputError(*prepared.error)
    decoded, cleaned, ahead = prepared.decoded, prepared.cleaned, prepared.ahead
    assert decoded is not None and cleaned is not None
    if ahead is not None:
        # Used only in the transaction that stores it (``together``): nothing changes between.
        holds = archive.db.in_transaction() and archive.ahead_holds(ahead)
        if preparing is not None:
            preparing.ahead_used += holds
            preparing.ahead_stale += not holds
        ahead = ahead if holds else None
    if ahead is not None:
        extraction = ahead.extraction
    else:
        extraction = archive.strip_boilerplate(cleaned.extraction)
    metadata = cleaned.metadata
    stored = archive.store(
        data=page.data,
        sha256=prepared.sha,
        source_path=page.source_path,
        decoded=decoded,
        extraction=extraction,
        metadata=metadata,
        template=cleaned.lines,
        ahead=ahead,
    )
    status = "added" if stored.created else "duplicate"
    value = {key: f.value for key, f in metadata.items()}
    return AddResult(
        path,
        status,
        stored.id,
        value.get("title"),
        value.get("outlet"),
        value.get("published"),
        len((stored.extraction or extraction).removed),
        sorted(p.other(stored.id) for p in stored.pairs),
        published_source=metadata["published"].source if "published" in metadata else None,
        record=page.record,
    )


def container_kind(
    item: Input, format: str, stdin: Callable[[int], bytes], max_bytes: int
) -> tuple[str | None, bytes | None]:
    """Whether an input holds many records (``warc``, ``wacz``, ``jsonl``) or is one page
    (None), and standard input's bytes when they had to be read to tell. Raises InputError."""
    if format in ("text", "html"):
        return None, None
    if item.name == STDIN:
        data = item.read(stdin, max_bytes)
        head = data[:SNIFF_BYTES]
    else:
        data = None
        try:
            info = os.stat(item.name)
            if not stat.S_ISREG(info.st_mode):
                return None, None  # add_input says what it is
            fd = os.open(item.name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(fd, "rb") as file:
                head = file.read(SNIFF_BYTES)
        except OSError:
            return None, None  # add_input says why it cannot be read
    kind = sniff(head, item.name)
    if format == "warc":
        kind = "wacz" if kind == "wacz" else "warc"
    elif format == "jsonl":
        kind = "jsonl"
    return kind, data


def add_item(
    archive: Archive,
    item: Input,
    overrides: Overrides,
    *,
    format: str = "auto",
    settings: Settings | None = None,
    stdin: Callable[[int], bytes] = lambda size=-1: b"",
    skipped: Skipped | None = None,
) -> Iterator[AddResult]:
    """Archive one input: one result for a page, one per record for a WARC, WACZ or JSON-lines
    file. A bad record is reported and skipped; the records after it are still read. Records
    that hold no page (requests, metadata, images...) are counted in ``skipped``."""
    for event in add_many(
        archive, [item], overrides, format=format, settings=settings, stdin=stdin, skipped=skipped
    ):
        if isinstance(event, Added):
            yield event.result


@dataclass
class Preparing:
    """``add_many``: how its pages were prepared (decoded and cleaned)."""

    by_workers: int = 0  # in worker processes, ahead of storing
    again: int = 0  # again as they were stored: their outlet's template had changed since
    #: Reuse looked up by the workers that the writer used (still holding at commit), and
    #: that it looked up again (a block of boilerplate learned or a rewrite since).
    ahead_used: int = 0
    ahead_stale: int = 0


@dataclass
class Added:
    """``add_many``: what happened to a page (or a failed input or record) of input
    ``number`` (counted from 1)."""

    number: int
    item: Input
    result: AddResult


@dataclass
class Finished:
    """``add_many``: input ``number`` is done; its records that held no page are
    ``skipped_after - skipped_before`` of the ``Skipped`` count."""

    number: int
    item: Input
    skipped_before: int
    skipped_after: int


#: With more than one process, pages are prepared in worker processes once at least this
#: many are waiting: starting a worker (a Python process that loads the cleaners and the
#: language model) costs about 1.5 s of CPU, which a short run does not earn back.
WORKERS_FROM = 200


def add_many(
    archive: Archive,
    inputs: list[Input],
    overrides: Overrides,
    *,
    format: str = "auto",
    settings: Settings | None = None,
    stdin: Callable[[int], bytes] = lambda size=-1: b"",
    skipped: Skipped | None = None,
    jobs: int = 1,
    preparing: Preparing | None = None,
    workers_from: int | None = None,
) -> Iterator[Added | Finished]:
    """Archive the inputs in order and tell what happened, a few pages at a time.

    Pages are prepared (``prepare``: decoded and cleaned) a group at a time, then stored
    together in one transaction (``commit``, in order, each with its reuse). With ``jobs`` >
    1 and enough pages, ``jobs`` - 1 worker processes prepare the next group while this process
    stores the current one. A page whose outlet's template changed since it was prepared is
    prepared again as it is stored, so the archive ends up exactly as adding the pages one
    by one leaves it. Stopping (Ctrl-C, kill, a storage fault) loses at most the group being
    stored (``settings.commit_every`` pages), which was not reported, and never part of a page.
    ``preparing`` counts the pages prepared by workers, and again. Workers start once
    ``workers_from`` pages are waiting (:data:`WORKERS_FROM` by default; 1: at once)."""
    settings = settings or archive.options.limits
    preparing = Preparing() if preparing is None else preparing
    skipped = Skipped() if skipped is None else skipped
    units = _units(inputs, overrides, format, settings, stdin, skipped)
    size = settings.commit_every
    if any(item.name == STDIN for item in inputs):
        # Reading standard input waits for whoever writes it: what came before is stored
        # and reported first, and nothing is read ahead of it.
        jobs, size = 1, 1
    ahead: list = []
    if jobs > 1:
        for unit in units:
            ahead.append(unit)
            if sum(isinstance(u[0], Page) for u in ahead) >= (workers_from or WORKERS_FROM):
                break
        else:
            jobs = 1
    units = itertools.chain(ahead, units)
    # ``jobs`` processes in all: the writer keeps a core of its own.
    workers = _Workers(archive, jobs - 1, settings) if jobs > 1 else None
    try:
        group = list(itertools.islice(units, size))
        prepared = _prepare_all(archive, group, workers, settings)
        while group:
            following = list(itertools.islice(units, size)) if workers else []
            after = _prepare_all(archive, following, workers, settings) if workers else []
            if workers:  # wait for the workers before taking the write lock
                with _at(group[0][1], group[0][2]):
                    prepared = [workers.result(p) for p in prepared]
                preparing.by_workers += sum(p is not None for p in prepared)
            yield from _store(archive, group, prepared, settings, preparing)
            if workers:
                group, prepared = following, after
            else:
                group = list(itertools.islice(units, size))
                prepared = _prepare_all(archive, group, None, settings)
    finally:
        if workers:
            workers.close()


def _store(
    archive: Archive, group: list, prepared: list, settings: Settings, preparing: Preparing
) -> list:
    """Store a group's pages in one transaction; their outcomes, once it is committed."""
    pages = [(number, item) for unit, number, item in group if isinstance(unit, Page)]
    if not pages:  # failures to report, ends of inputs: nothing to write
        return [_outcome(archive, *unit, settings, None, preparing) for unit in group]
    outcomes = []
    with _at(*pages[0]), archive.db.together():
        for (unit, number, item), ready in zip(group, prepared, strict=True):
            with _at(number, item):
                outcomes.append(_outcome(archive, unit, number, item, settings, ready, preparing))
    return outcomes


def _prepare_all(archive: Archive, group: list, workers: _Workers | None, settings: Settings):
    """The group's pages prepared (or being prepared by the workers), in order: a
    ``Prepared``, a future of one, or None for what is not a page (a failure to report, the
    end of an input) and for a page no worker took (the writer prepares it)."""
    ready = []
    for unit, number, item in group:
        if not isinstance(unit, Page):
            ready.append(None)
        elif workers is not None:
            ready.append(workers.submit(unit))
        else:
            with _at(number, item):
                ready.append(prepare(archive, unit, settings))
    return ready


@contextmanager
def _at(number: int, item: Input) -> Iterator[None]:
    """A storage fault says which input it stopped at (``exc.at``: its number and Input)."""
    try:
        yield
    except StorageError as exc:
        exc.at = (number, item)
        raise


def _outcome(
    archive: Archive,
    unit: Page | AddResult | Finished,
    number: int,
    item: Input,
    settings: Settings,
    prepared: Prepared | None,
    preparing: Preparing,
) -> Added | Finished:
    if isinstance(unit, Finished):
        return unit
    if isinstance(unit, AddResult):
        return Added(number, item, unit)
    try:
        if prepared is None:
            prepared = prepare(archive, unit, settings)
        result = commit(archive, unit, prepared, settings, preparing)
    except InputError as exc:
        if unit.record is None:
            result = AddResult(exc.path, "error", error=str(exc))
        else:
            result = AddResult(item.name, "error", error=str(exc), record=unit.record)
    return Added(number, item, result)


def _units(
    inputs: list[Input],
    overrides: Overrides,
    format: str,
    settings: Settings,
    stdin: Callable[[int], bytes],
    skipped: Skipped,
) -> Iterator[tuple[Page | AddResult | Finished, int, Input]]:
    """What the inputs hold, read in order: pages to add, failures to report, and the end of
    each input."""
    for number, item in enumerate(inputs, 1):
        before = skipped.total
        try:
            if item.error:
                raise InputError(item.name, item.error)
            kind, data = container_kind(item, format, stdin, settings.max_bytes)
            if kind is None:
                page_format = format if format in ("text", "html") else "auto"
                if data is None:
                    data = item.read(stdin, settings.max_bytes)
                page = Page(
                    data, item.name, _source_path(item.name), overrides.fields(), page_format
                )
                yield page, number, item
            else:
                given = overrides.fields()
                for record in _records(item, kind, data, settings.max_bytes, skipped):
                    if record.error == "":
                        continue  # not a page: counted in skipped
                    if record.error:
                        error = str(InputError(record.name, record.error))
                        failed = AddResult(item.name, "error", error=error, record=record.name)
                        yield failed, number, item
                        continue
                    page = Page(
                        record.payload,
                        record.name,
                        _source_path(item.name) + record.name[len(item.name) :],
                        {**record.fields, **given},
                        record.format,
                        record.charset,
                        record.name,
                        item.name,
                    )
                    yield page, number, item
        except InputError as exc:
            yield AddResult(exc.path, "error", error=str(exc)), number, item
        yield Finished(number, item, before, skipped.total), number, item


class _Workers:
    """Worker processes that prepare pages, each with its own connection to the archive
    (reading only: the process that made them is the one writer)."""

    def __init__(self, archive: Archive, count: int, settings: Settings):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # A fresh process, not a fork of this one: this one holds the archive's connection.
        context = multiprocessing.get_context("spawn")
        self.settings = settings
        self.pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            count,
            mp_context=context,
            initializer=_worker_start,
            initargs=(archive.db.location, os.getpid(), archive.options),
        )

    def submit(self, page: Page):
        """A future of the prepared page, or None once the workers are gone."""
        if self.pool is None:
            return None
        try:
            return self.pool.submit(_worker_prepare, page, self.settings)
        except RuntimeError:  # the pool broke (a worker was killed): prepare here
            self.close()
            return None

    def result(self, future) -> Prepared | None:
        """The prepared page, or None for the writer to prepare it (no worker had it, or
        the workers are gone)."""
        from concurrent.futures.process import BrokenProcessPool

        if future is None or isinstance(future, Prepared):
            return future
        try:
            return future.result()
        except BrokenProcessPool:
            self.close()
            return None

    def close(self) -> None:
        """Stop the workers now (a page one was preparing is prepared again by the next run).

        They are ended first and then waited for: a pool left running at exit makes Python's
        own exit hook write to its closed wake-up pipe and print a traceback after Ctrl-C."""
        if self.pool is None:
            return
        pool, self.pool = self.pool, None
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


_worker_archive: Archive | None = None


def _worker_start(location: str, writer: int, options: Options) -> None:
    import signal

    global _worker_archive
    # Ctrl-C is the writer's to handle: it stops, and the workers with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(writer)
    _worker_archive = Archive.open(location, options=options)


#: prctl(2): the signal a process gets when its parent dies.
_PR_SET_PDEATHSIG = 1


def _die_with(writer: int) -> None:
    """End this worker when the writer that started it ends, however it ends (``kill -9``
    included): left behind, it would wait for work forever, holding the writer's output
    open. Linux only; elsewhere the workers end when their queue closes."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != writer:  # it died before the line above
        os._exit(0)


def _worker_prepare(page: Page, settings: Settings) -> Prepared:
    assert _worker_archive is not None
    return prepare(_worker_archive, page, settings, ahead=True)


def _records(
    item: Input, kind: str, data: bytes | None, max_bytes: int, skipped: Skipped
) -> Iterator[Record]:
    """The records of a container input, read from the file (streamed) or from ``data``."""
    try:
        stream = io.BufferedReader(io.BytesIO(data)) if data is not None else open(item.name, "rb")  # noqa: SIM115
    except OSError as exc:
        raise InputError(item.name, f"cannot be read ({exc.strerror}); check the path") from None
    with stream:
        if kind == "warc":
            yield from warc_records(stream, item.name, max_bytes, skipped)
        elif kind == "wacz":
            yield from wacz_records(stream, item.name, max_bytes, skipped)
        else:
            if stream.peek(2)[:2] == b"\x1f\x8b":
                with gzip.GzipFile(fileobj=stream) as unzipped:
                    try:
                        yield from json_records(unzipped, item.name, max_bytes)
                    except (OSError, EOFError, zlib.error):
                        raise InputError(item.name, GZIP_CORRUPT) from None
            else:
                yield from json_records(stream, item.name, max_bytes)


#: Field sources that come with the input rather than from extraction: kept by ``reclean``.
GIVEN_SOURCES = frozenset({"cli", "warc-header", "http-header", "json-field"})


@dataclass
class RecleanResult:
    """What re-cleaning one stored article changed."""

    id: int
    status: str  # "updated", "unchanged" or "error"
    removed_before: int = 0
    removed_after: int = 0
    changed: list[str] = field(default_factory=list)  # "text" and the names of changed fields
    error: str | None = None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "status": self.status,
            "removed_before": self.removed_before,
            "removed_after": self.removed_after,
            "changed": self.changed,
            "error": self.error,
        }


def reclean_article(
    archive: Archive, article_id: int, *, settings: Settings | None = None
) -> RecleanResult:
    """Clean a stored article again from its original bytes, with today's rules and the
    outlet's learned template. Values the user gave (source ``cli``) are kept; the original
    bytes are never touched; a failure leaves the article as it was."""
    before = archive.get(article_id, removed=True)
    settings = settings or archive.options.limits
    try:
        data = archive.raw(article_id)
        charset = before.fields.get("charset")
        decoded = decode(
            data,
            name=before.source_path,
            format=before.format,
            max_bytes=max(settings.max_bytes, len(data)),
            charset=charset and charset.value,
        )
        given = {name: f for name, f in before.fields.items() if f.source in GIVEN_SOURCES}
        seen = decoded.text if decoded.format == "text" else before.clean_text
        old_lines = template_lines(seen, before.outlet)
        extraction, metadata, lines = clean_with_template(
            archive, decoded, before.source_path, given, settings=settings, exclude=old_lines
        )
    except InputError as exc:
        return RecleanResult(article_id, "error", error=str(exc))
    changed = [] if extraction.text == before.clean_text else ["text"]
    changed += sorted(
        name
        for name in set(before.fields) | set(metadata)
        if before.fields.get(name) != metadata.get(name)
    )
    removed_now = [(r.lineno, r.reason, r.rule) for r in extraction.removed]
    if removed_now != [(r.lineno, r.reason, r.rule) for r in before.removed or []]:
        changed.append("removed lines")
    if not archive.index_is_current(article_id):
        changed.append("reuse index")
    if changed:
        archive.replace_extraction(
            article_id,
            decoded=decoded,
            extraction=extraction,
            metadata=metadata,
            old_template=old_lines,
            new_template=lines,
        )
    return RecleanResult(
        article_id,
        "updated" if changed else "unchanged",
        len(before.removed or []),
        len(extraction.removed),
        changed,
    )


def add_paths(
    archive: Archive,
    paths: list[str],
    overrides: Overrides = Overrides(),
    **options,
) -> Iterator[AddResult]:
    """Archive every input under ``paths`` in one process (``add_many`` also takes worker
    processes); yields one result per page, record or failure."""
    inputs, _ = expand_paths(paths)
    for item in inputs:
        yield from add_item(archive, item, overrides, **options)


def _source_path(name: str) -> str:
    """Where the input came from, as text that can be stored (see ``printable.name_text``)."""
    return name if name == STDIN else name_text(os.path.abspath(name))


ISO_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"
)


def validate_date(text: str) -> str:
    """An ISO 8601 date or timestamp given by a user, normalised; UsageError otherwise."""
    value = text.strip()
    if ISO_DATE.match(value):
        try:
            if len(value) == 10:
                return date.fromisoformat(value).isoformat()
            return datetime.fromisoformat(
                value.replace(" ", "T").replace("Z", "+00:00")
            ).isoformat()
        except ValueError:
            pass
    raise UsageError(
        f"{text!r} is not a valid date; use YYYY-MM-DD (e.g. 2024-03-03) "
        "or YYYY-MM-DDTHH:MM (e.g. 2024-03-03T14:30)"
    )
