"""Turn input paths into archived articles: expand paths, read, extract, merge metadata, store."""

from __future__ import annotations

import glob
import hashlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from .archive import Archive
from .document import Decoded, Extraction, Field
from .errors import InputError, UsageError
from .settings import Settings

STDIN = "-"
#: What a folder walk picks up (also with ``.gz`` on top); name any other file to add it.
FOLDER_SUFFIXES = frozenset({"", ".txt", ".text", ".htm", ".html", ".xhtml", ".shtml"})
GLOB_CHARS = re.compile(r"[*?\[]")
FORMATS = ("auto", "text", "html")


@dataclass(frozen=True)
class Overrides:
    """Metadata given by the user; each value wins over whatever extraction found."""

    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    title: str | None = None

    def fields(self) -> dict[str, Field]:
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

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "path": self.path,
            "status": self.status,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "removed_lines": self.removed_lines,
            "reused_from": self.reused_from,
            "error": self.error,
        }


@dataclass(frozen=True)
class Input:
    """One thing to archive: a file path or standard input, or a path that failed to expand."""

    name: str
    error: str | None = None

    def read(self, stdin: Callable[[], bytes]) -> bytes:
        if self.name == STDIN:
            return stdin()
        try:
            return Path(self.name).read_bytes()
        except PermissionError:
            raise InputError(self.name, "cannot be read (permission denied); check its permissions") from None
        except IsADirectoryError:
            raise InputError(self.name, "is a folder; name the folder itself to add what is in it") from None
        except OSError as exc:
            raise InputError(self.name, f"cannot be read ({exc.strerror}); check the path") from None


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
            inputs.extend(Input(p) for p in found)
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
                    inputs.extend(Input(p) for p in found)
                    skipped += passed
                else:
                    inputs.append(Input(match))
        else:
            inputs.append(Input(raw, "no such file or folder; check the path"))
    return inputs, skipped


def _walk(folder: str) -> tuple[list[str], int]:
    found, skipped = [], 0
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            stem = name[:-3] if name.endswith(".gz") else name
            suffix = os.path.splitext(stem)[1].lower()
            if suffix in FOLDER_SUFFIXES:
                found.append(os.path.join(root, name))
            else:
                skipped += 1
    return found, skipped


def extract(
    data: bytes, name: str, *, format: str = "auto", url: str | None = None,
    settings: Settings | None = None,
) -> tuple[Decoded, Extraction]:
    """Decode bytes and extract the article (pure: no archive needed). Raises InputError."""
    from .reading import decode

    settings = settings or Settings()
    decoded = decode(data, name=name, format=format, max_bytes=settings.max_bytes)
    if decoded.format == "html":
        from .html import extract_html

        extraction = extract_html(decoded.text, url=url)
        if len(extraction.text.split()) < settings.min_words:
            raise InputError(
                name,
                "no article text was found in this HTML page; check that it is an article "
                "page, or add its text with --format text",
            )
    else:
        from .textclean import clean_text

        extraction = clean_text(decoded.text)
        if len(extraction.text.split()) < settings.min_words:
            raise InputError(
                name,
                "every line of it looks like boilerplate, so no article text is left; "
                "check that it is an article",
            )
    return decoded, extraction


def merge_metadata(found: dict[str, Field], given: dict[str, Field]) -> dict[str, Field]:
    """Extracted fields overridden by the user's; an outlet guessed from the URL if none."""
    merged = {**found, **given}
    if "outlet" not in merged and "url" in merged:
        host = urlsplit(merged["url"].value).hostname or ""
        host = host.removeprefix("www.")
        if host:
            merged["outlet"] = Field(host, "url", 0.5)
    return merged


def add_input(
    archive: Archive,
    item: Input,
    overrides: Overrides,
    *,
    format: str = "auto",
    settings: Settings | None = None,
    stdin: Callable[[], bytes] = lambda: b"",
) -> AddResult:
    """Archive one input; every expected failure comes back as an ``error`` result."""
    try:
        if item.error:
            raise InputError(item.name, item.error)
        data = item.read(stdin)
        sha = hashlib.sha256(data).hexdigest()
        existing = archive.find_sha256(sha)
        if existing is not None:
            record = archive.get(existing)
            return AddResult(item.name, "duplicate", existing, record.title, record.outlet,
                             record.published)
        given = overrides.fields()
        url = given["url"].value if "url" in given else None
        decoded, extraction = extract(data, item.name, format=format, url=url, settings=settings)
        metadata = merge_metadata(extraction.metadata, given)
        article_id, created = archive.store(
            data=data, sha256=sha, source_path=_source_path(item.name), decoded=decoded,
            extraction=extraction, metadata=metadata,
        )
        status = "added" if created else "duplicate"
        value = {name: f.value for name, f in metadata.items()}
        return AddResult(item.name, status, article_id, value.get("title"), value.get("outlet"),
                         value.get("published"), len(extraction.removed))
    except InputError as exc:
        return AddResult(exc.path, "error", error=str(exc))


def add_paths(
    archive: Archive,
    paths: list[str],
    overrides: Overrides = Overrides(),
    **options,
) -> Iterator[AddResult]:
    """Archive every input under ``paths``, one transaction each; yields one result each."""
    inputs, _ = expand_paths(paths)
    for item in inputs:
        yield add_input(archive, item, overrides, **options)


def _source_path(name: str) -> str:
    return name if name == STDIN else os.path.abspath(name)


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")


def validate_date(text: str) -> str:
    """An ISO 8601 date or timestamp given by a user, normalised; UsageError otherwise."""
    value = text.strip()
    if ISO_DATE.match(value):
        try:
            if len(value) == 10:
                return date.fromisoformat(value).isoformat()
            return datetime.fromisoformat(value.replace(" ", "T").replace("Z", "+00:00")).isoformat()
        except ValueError:
            pass
    raise UsageError(
        f"{text!r} is not a valid date; use YYYY-MM-DD (e.g. 2024-03-03) "
        "or YYYY-MM-DDTHH:MM (e.g. 2024-03-03T14:30)"
    )
