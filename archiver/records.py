"""Inputs that hold many records: WARC (plain or gzipped), WACZ, JSON lines and JSON arrays.

Each record becomes a :class:`Record`: its payload (the bytes stored as the article's original),
how to read it, and the container's metadata as fields with their own sources (``warc-header``,
``json-field``). Containers are streamed, record by record: a WARC of many gigabytes is never
read whole, and the size limit applies to each record's payload.
"""

from __future__ import annotations

import json
import os
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from .document import Field
from .errors import InputError
from .metanorm import normalize_date, normalize_language
from .reading import human_size

#: Bytes looked at to recognise a container.
SNIFF_BYTES = 65536
CONTAINER_SUFFIXES = {
    ".warc": "warc",
    ".arc": "warc",
    ".wacz": "wacz",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
}
#: Payload types that hold a page: anything else in a WARC is skipped and counted.
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
#: WARC record types that hold a page.
PAGE_RECORDS = frozenset({"response", "resource"})

TOO_LARGE_RECORD = "the record is larger than {limit}; raise --max-size to add it"
BAD_JSON_LINE = "the line is not valid JSON ({why}); fix or remove the line"
NO_ARTICLE = (
    "the JSON record holds no article (no text, maintext or html field); "
    "give each record its article's text or HTML"
)
NOT_RECORD = "the JSON value is not a record (an object with text or html); give one object a line"
NOT_JSON = (
    "the file looks like JSON but is not valid JSON ({why}); fix it, or add it with --format text"
)
ARRAY_TOO_LARGE = (
    "the JSON array is larger than {limit}; JSON arrays are read whole, so write it as JSON "
    "lines (one record a line) or raise --max-size"
)
BAD_WARC = (
    "the WARC file is damaged after {count} records ({why}); the records before it were read, "
    "download or write the file again for the rest"
)
BAD_WACZ = "the WACZ file is not a readable zip archive ({why}); download or write it again"
EMPTY_WACZ = "the WACZ file holds no WARC files under archive/; check that it is a web archive"


@dataclass
class Record:
    """One record of a container, ready to be archived as an article (or an error)."""

    #: Names the record in messages and ``--json``: ``file.warc.gz#1234`` or ``file.jsonl:3``.
    name: str
    payload: bytes = b""
    #: How to read the payload: ``html``, ``text`` or ``auto``.
    format: str = "auto"
    fields: dict[str, Field] = field(default_factory=dict)
    #: The charset the HTTP headers give, tried before guessing.
    charset: str | None = None
    error: str | None = None


@dataclass
class Skipped:
    """Records a container held that are not articles, by kind ("request", "image/png"...)."""

    kinds: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str) -> None:
        self.kinds[kind] = self.kinds.get(kind, 0) + 1

    @property
    def total(self) -> int:
        return sum(self.kinds.values())

    def sentence(self, name: str) -> str:
        parts = ", ".join(f"{n} {kind}" for kind, n in sorted(self.kinds.items()))
        records = "record" if self.total == 1 else "records"
        return f"{name}: skipped {self.total} {records} that hold no page ({parts})."


def sniff(head: bytes, name: str) -> str | None:
    """``warc``, ``wacz`` or ``jsonl`` when the first bytes of an input (gunzipped if need be)
    show a container, by content first and then by extension; None for a page."""
    lower = name.lower().removesuffix(".gz")
    suffix = os.path.splitext(lower)[1]
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 4096)
        except zlib.error:
            return None
    if head.startswith(b"WARC/") or head.startswith(b"filedesc://"):
        return "warc"
    if head.startswith(b"PK\x03\x04"):
        return "wacz" if suffix == ".wacz" or b"archive/" in head[:SNIFF_BYTES] else None
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start == b"{" or (start == b"[" and (suffix in (".json", ".jsonl") or _array_start(head))):
        return "jsonl"
    return None


def _array_start(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[1:].lstrip()[:1] == b"{"


# ---------------------------------------------------------------------------------------------
# WARC and WACZ
# ---------------------------------------------------------------------------------------------


def warc_records(
    stream: IO[bytes], name: str, max_bytes: int, skipped: Skipped
) -> Iterator[Record]:
    """The page records of a WARC stream (gzipped or not), one at a time."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    iterator = ArchiveIterator(stream, arc2warc=True)
    count = 0
    try:
        for record in iterator:
            count += 1
            found = _warc_record(record, max_bytes, skipped)
            # The offset is known once the record is read (warcio reads to its end to tell).
            offset = iterator.get_record_offset()
            found.name = f"{name}#{offset}"
            if "record" in found.fields:
                record_id = found.fields["record"].value
                found.fields["record"] = Field(
                    f"WARC record {record_id} at offset {offset}"
                    if record_id
                    else f"offset {offset}",
                    "warc-header",
                    1.0,
                )
            yield found
    except (ArchiveLoadFailed, ValueError, OSError, EOFError, zlib.error) as exc:
        why = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(name, BAD_WARC.format(count=count, why=why[:120])) from None


def _warc_record(record, max_bytes: int, skipped: Skipped) -> Record:
    """A WARC record as a Record (named by the caller, who knows its offset)."""
    name = ""
    kind = record.rec_type
    if kind not in PAGE_RECORDS:
        skipped.add(kind)
        return Record(name, error="")  # an empty error: skipped, counted, nothing said
    headers = record.http_headers if kind == "response" else None
    if kind == "response" and headers is None:
        skipped.add("response without HTTP headers")
        return Record(name, error="")
    content_type = (
        headers.get_header("Content-Type")
        if headers
        else record.rec_headers.get_header("Content-Type")
    ) or ""
    mime, charset = _content_type(content_type)
    if mime not in PAGE_TYPES:
        skipped.add(mime or "payload without a type")
        return Record(name, error="")
    status = headers.get_statuscode() if headers else "200"
    if status and not status.startswith("2"):
        skipped.add(f"HTTP {status}")
        return Record(name, error="")
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return Record(name, error=TOO_LARGE_RECORD.format(limit=human_size(max_bytes)))
    fields: dict[str, Field] = {}
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if uri:
        fields["url"] = Field(uri.strip("<>"), "warc-header", 1.0)
    captured = record.rec_headers.get_header("WARC-Date")
    if captured:
        fields["captured"] = Field(captured, "warc-header", 1.0)
    fields["record"] = Field(
        record.rec_headers.get_header("WARC-Record-ID") or "", "warc-header", 1.0
    )
    if charset:
        fields["charset"] = Field(charset, "http-header" if headers else "warc-header", 1.0)
    return Record(
        name,
        payload,
        "text" if mime == "text/plain" else "html",
        fields,
        charset,
    )


def _content_type(value: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in value.split(";")]
    mime = parts[0].lower()
    charset = None
    for part in parts[1:]:
        key, _, val = part.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return mime, charset


def wacz_records(
    path: str | IO[bytes], name: str, max_bytes: int, skipped: Skipped
) -> Iterator[Record]:
    """The page records of every WARC under ``archive/`` in a WACZ (a zip), streamed."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(name, BAD_WACZ.format(why=exc)) from None
    with archive:
        members = [
            m
            for m in archive.namelist()
            if m.startswith("archive/") and m.lower().endswith((".warc", ".warc.gz"))
        ]
        if not members:
            raise InputError(name, EMPTY_WACZ)
        for member in members:
            with archive.open(member) as stream:
                yield from warc_records(stream, f"{name}#{member}", max_bytes, skipped)


# ---------------------------------------------------------------------------------------------
# JSON lines and JSON arrays
# ---------------------------------------------------------------------------------------------

#: Keys of the article's text and HTML in the common scrapers' records, in order of preference.
TEXT_KEYS = ("maintext", "text", "raw_text", "content", "body", "article_text", "clean_text")
HTML_KEYS = ("html", "raw_html", "article_html", "content_html")
TITLE_KEYS = ("title", "headline")
AUTHOR_KEYS = ("authors", "author", "byline")
DATE_KEYS = ("date_publish", "date", "publish_date", "published", "date_published")
URL_KEYS = ("url", "source", "source_url", "canonical_link")
#: The outlet's name first; a host name is a weaker guess.
OUTLET_KEYS = (("sitename", 0.9), ("outlet", 0.9), ("source_domain", 0.6), ("hostname", 0.6))
LANGUAGE_KEYS = ("language", "meta_lang", "lang")


def json_records(stream: IO[bytes], name: str, max_bytes: int) -> Iterator[Record]:
    """The records of a JSON-lines file, of a JSON array or of one JSON object (pretty-printed
    over many lines), one at a time."""
    first = stream.readline(max_bytes + 1)
    start = first.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    value = _parse(first) if start == b"{" and len(first) <= max_bytes else None
    # One object over many lines starts with a line that is not a whole object ("{" alone);
    # a line that is (ends with "}") but does not parse is a bad line of JSON lines.
    whole = start == b"[" or (start == b"{" and not first.rstrip().endswith(b"}"))
    if value is None and whole:
        # A JSON array or one object over many lines: read whole, within the size limit.
        data = first + stream.read(max_bytes + 1 - len(first))
        if len(data) > max_bytes:
            raise InputError(name, ARRAY_TOO_LARGE.format(limit=human_size(max_bytes)))
        try:
            values = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise InputError(name, NOT_JSON.format(why=_why(exc))) from None
        if isinstance(values, list):
            for number, item in enumerate(values, 1):
                yield json_record(item, f"{name}[{number}]")
        else:
            yield json_record(values, f"{name}:1")
        return
    pending = [first]
    yield from _json_lines(
        lambda: pending.pop() if pending else stream.readline(max_bytes + 1), name, max_bytes
    )


def _parse(line: bytes) -> object | None:
    try:
        return json.loads(line.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return None


def _json_lines(readline, name: str, max_bytes: int) -> Iterator[Record]:
    number = 0
    while True:
        line = readline()
        if not line:
            return
        number += 1
        where = f"{name}:{number}"
        if len(line) > max_bytes:
            yield Record(where, error=TOO_LARGE_RECORD.format(limit=human_size(max_bytes)))
            while line and not line.endswith(b"\n"):  # skip the rest of the line
                line = readline()
            continue
        if not line.strip():
            continue
        try:
            value = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            yield Record(where, error=BAD_JSON_LINE.format(why=_why(exc)))
            continue
        yield json_record(value, where)


def _why(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at line {exc.lineno}, column {exc.colno}"
    return "it is not UTF-8" if isinstance(exc, UnicodeDecodeError) else str(exc)


def json_record(value: object, where: str) -> Record:
    """One scraper record (news-please, trafilatura, newspaper4k, ``{url, html}``...)."""
    if not isinstance(value, dict):
        return Record(where, error=NOT_RECORD)
    html = _first_text(value, HTML_KEYS)
    text = _first_text(value, TEXT_KEYS)
    if html is None and text is None:
        return Record(where, error=NO_ARTICLE)
    fields: dict[str, Field] = {}
    if title := _first_text(value, TITLE_KEYS):
        fields["title"] = Field(" ".join(title.split()), "json-field", 1.0)
    if author := _author(value):
        fields["author"] = Field(author, "json-field", 1.0)
    for key in DATE_KEYS:
        raw = value.get(key)
        if isinstance(raw, str) and (published := normalize_date(raw)):
            fields["published"] = Field(published, "json-field", 1.0)
            break
    url = _first_text(value, URL_KEYS)
    if url and url.startswith(("http://", "https://")):
        fields["url"] = Field(url.strip(), "json-field", 1.0)
    for key, confidence in OUTLET_KEYS:
        if outlet := _first_text(value, (key,)):
            fields["outlet"] = Field(outlet.strip().removeprefix("www."), "json-field", confidence)
            break
    for key in LANGUAGE_KEYS:
        if language := normalize_language(_first_text(value, (key,))):
            fields["language"] = Field(language, "json-field", 1.0)
            break
    fields["record"] = Field(where.rsplit("/", 1)[-1], "json-field", 1.0)
    if html is not None:
        return Record(where, html.encode("utf-8"), "html", fields)
    return Record(where, text.encode("utf-8"), "text", fields)


def _first_text(value: dict, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        found = value.get(key)
        if isinstance(found, str) and found.strip():
            return found
    return None


def _author(value: dict) -> str | None:
    for key in AUTHOR_KEYS:
        found = value.get(key)
        if isinstance(found, list):
            names = [n.strip() for n in found if isinstance(n, str) and n.strip()]
            if names:
                return ", ".join(names)
        elif isinstance(found, str) and found.strip():
            return " ".join(found.split())
    return None
