"""`archiver add`: archive files, folders, globs or standard input."""

from __future__ import annotations

import json
import os
import sys
import time
from typing import TYPE_CHECKING

import click

from ..document import CRAWL_DATE_MARK, FORMATS, is_crawl_date
from ..printable import printable
from ..settings import MB, Settings
from . import (
    DATE,
    EXIT_INPUT_FAILED,
    EXIT_INTERRUPTED,
    INT64_MAX,
    App,
    WholeNumber,
    db_option,
    pass_app,
)

if TYPE_CHECKING:
    from ..ingest import AddResult

#: From this many inputs on, a terminal gets a progress bar.
PROGRESS_FROM = 10


def _given(ctx: click.Context, name: str) -> bool:
    """Whether the user set the option (on the command line or in the environment)."""
    source = ctx.get_parameter_source(name)
    return source not in (None, click.core.ParameterSource.DEFAULT)


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--outlet", help="The outlet that published it (overrides what is found).")
@click.option("--url", help="The article's address.")
@click.option("--published", type=DATE, help="Publication date, YYYY-MM-DD or YYYY-MM-DDTHH:MM.")
@click.option("--author", help="The author.")
@click.option("--title", help="The title.")
@click.option(
    "--format",
    "format_",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help=(
        "Read inputs as plain text, HTML, WARC/WACZ or JSON lines (also a JSON array); auto "
        "recognises each by its content and extension."
    ),
)
@click.option(
    "--max-size",
    type=WholeNumber(1, INT64_MAX // MB),
    default=Settings.max_bytes // MB,
    show_default=True,
    metavar="MB",
    help=(
        "Refuse inputs larger than this (after gzip decompression); for a WARC or JSON-lines "
        "file, each record (the file itself may be larger)."
    ),
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print one JSON object per article (per record)."
)
@click.option("--quiet", "-q", is_flag=True, help="Print only failures and the summary.")
@click.option(
    "--jobs",
    "-j",
    type=WholeNumber(1, 256),
    default=default_jobs(),
    show_default="the machine's cores",
    help=(
        "Processes to use: N-1 read and clean pages while one stores them, in order. By "
        "default only a long run starts them (200 pages or more); given, they start at once."
    ),
)
@click.option(
    "--commit-every",
    type=WholeNumber(1, 10_000),
    default=Settings.commit_every,
    show_default=True,
    metavar="N",
    help=(
        "Store N pages per transaction: faster than one by one; a crash or Ctrl-C loses at "
        "most the N being stored, none of which was reported as added."
    ),
)
@db_option
@pass_app
def add(
    app: App,
    paths,
    outlet,
    url,
    published,
    author,
    title,
    format_,
    max_size,
    as_json,
    quiet,
    jobs,
    commit_every,
):
    """Archive scraped articles: plain-text page dumps, HTML pages, web archives
    (WARC, WACZ) and scrapers' JSON lines.

    PATH may be a file, a folder (walked recursively for .txt, .html, .htm, .warc,
    .wacz, .jsonl and extensionless files, also gzipped), a glob, or - for standard
    input. HTML, WARC and JSON are recognised by content whatever the extension;
    encodings are detected. Each HTML or text response of a WARC and each record of a
    JSON-lines file (news-please, trafilatura --json, newspaper4k, {url, html}) becomes
    an article, with the record's URL, title, author and date. Adding the same bytes
    again reports the existing article. A failing input or record is reported and the
    batch goes on; the exit status is then 1.

    \b
    Examples:
        archiver add samples/
        archiver add crawl.warc.gz
        archiver add articles.jsonl --quiet
        archiver add page.html --outlet "Khaama Press" --published 2024-03-03
        curl -s https://example.org/story | archiver add - --url https://example.org/story
    """
    from ..ingest import Finished, Overrides, add_many, expand_paths
    from ..records import Skipped

    overrides = Overrides(outlet=outlet, url=url, published=published, author=author, title=title)
    overrides.fields()  # a value that is not valid stops here, before the archive is opened
    settings = Settings(max_bytes=max_size * MB, commit_every=commit_every)
    inputs, skipped = expand_paths(list(paths))
    from ..errors import StorageError

    archive = app.open(create=True)
    counts = {"added": 0, "duplicate": 0, "error": 0}
    skipped_records = Skipped()
    finished = 0
    try:
        with Progress(len(inputs), "Archiving") as bar:
            events = add_many(
                archive,
                inputs,
                overrides,
                format=format_,
                settings=settings,
                stdin=sys.stdin.buffer.read,
                skipped=skipped_records,
                jobs=jobs,
                workers_from=1 if _given(click.get_current_context(), "jobs") else None,
            )
            item = inputs[0] if inputs else None
            number = 0
            try:
                for event in events:
                    number, item = event.number, event.item
                    if isinstance(event, Finished):
                        if event.skipped_after > event.skipped_before:
                            bar.clear()
                            click.echo(
                                _skipped_records(
                                    item.name, event.skipped_after - event.skipped_before
                                ),
                                err=True,
                            )
                        bar.update(1)
                        finished = number
                        continue
                    result = event.result
                    counts[result.status] += 1
                    if result.record is None:  # a page: the input is done
                        finished = number
                    bar.record()
                    if result.error:
                        bar.clear()
                        click.echo(f"error: {result.error}", err=True)
                    if as_json:
                        bar.clear()
                        click.echo(json.dumps(result.to_json(), ensure_ascii=False))
                    elif result.status != "error" and not quiet:
                        bar.clear()
                        click.echo(_line(result))
            except StorageError as exc:
                # Every later input would fail the same way: stop, saying how far it got.
                bar.clear()
                number, item = getattr(exc, "at", (number, item))
                name = item.name if item is not None else ""
                if as_json:
                    click.echo(json.dumps(_error_json(name, str(exc)), ensure_ascii=False))
                click.echo(f"Error: {exc}", err=True)
                click.echo(_stopped(name, max(number, 1), len(inputs), counts), err=True)
                sys.exit(exc.exit_status)
    except KeyboardInterrupt:
        click.echo(
            f"Interrupted after {finished} of {len(inputs)} inputs: "
            f"{_summary(counts, 0)} Everything listed is archived and nothing is half-written; "
            "run the same command again to go on (what is archived is reported as already "
            "archived).",
            err=True,
        )
        sys.exit(EXIT_INTERRUPTED)
    if not as_json and (len(inputs) > 1 or sum(counts.values()) > 1 or quiet):
        click.echo(_summary(counts, skipped), err=True)
    elif skipped:
        click.echo(_skipped(skipped), err=True)
    if counts["error"]:
        sys.exit(EXIT_INPUT_FAILED)


def _skipped_records(name: str, count: int) -> str:
    from ..printable import printable as shown

    records = "record" if count == 1 else "records"
    return (
        f"{shown(name)}: skipped {count} {records} that hold no HTML or text page "
        "(requests, metadata, revisits, other payloads)."
    )


def _line(result: AddResult) -> str:
    published = result.published and result.published[:10]
    if published and is_crawl_date(result.published_source):
        published += f" ({CRAWL_DATE_MARK}, maybe the day it was scraped)"
    where = ", ".join(printable(v) for v in (result.outlet, published) if v)
    parts = [f"{result.status:<9} #{result.id:<5}", printable(result.title) or "(untitled)"]
    if result.record:
        parts.insert(1, f"[{printable(_short_record(result.record))}]")
    if where:
        parts.append(f"— {where}")
    if result.status == "added":
        reuse = (
            "; shares passages with " + ", ".join(f"#{i}" for i in result.reused_from)
            if result.reused_from
            else ""
        )
        parts.append(f"({result.removed_lines} lines removed{reuse})")
    return " ".join(parts)


def _short_record(record: str) -> str:
    """A record's name without its folders: ``crawl.warc.gz#1234``, ``news.jsonl:3``."""
    return record.replace("\\", "/").rsplit("/", 1)[-1]


def _error_json(path: str, error: str) -> dict:
    from ..ingest import AddResult

    return AddResult(path, "error", error=error).to_json()


def _stopped(name: str, number: int, total: int, counts: dict[str, int]) -> str:
    left = total - number
    after = (
        f"; the {left} input{'s' if left != 1 else ''} after it {'were' if left != 1 else 'was'} "
        "not tried"
        if left
        else ""
    )
    return (
        f"Stopped at {name}, input {number} of {total}: {_summary(counts, 0)[:-1]}{after}. "
        "Everything listed is archived and nothing is half-written; run the same command "
        "again to go on (what is archived is reported as already archived)."
    )


def _summary(counts: dict[str, int], skipped: int) -> str:
    text = (
        f"{counts['added']} added, {counts['duplicate']} already archived, "
        f"{counts['error']} failed."
    )
    if skipped:
        text += " " + _skipped(skipped)
    return text


def _skipped(skipped: int) -> str:
    files = "file" if skipped == 1 else "files"
    return (
        f"Skipped {skipped} {files} in folders whose extension is not .txt/.html; "
        "name a file to add it anyway."
    )


class Progress:
    """A progress bar on stderr when it is a terminal and the job is long; else nothing."""

    def __init__(self, total: int, label: str):
        self.bar = None
        self.records = 0
        self.started = time.monotonic()
        self.total = total
        self.label = label
        self.terminal = _is_terminal(sys.stderr)
        if total >= PROGRESS_FROM and self.terminal:
            self.bar = click.progressbar(
                length=total,
                label=label,
                file=sys.stderr,
                item_show_func=lambda _: self._rate(),
            )

    def _rate(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        return f"{self.records:,} articles, {self.records / elapsed:,.1f}/s"

    def record(self) -> None:
        """One more article archived (or failed): shown on the bar as a count and a rate.
        Few inputs holding many records (a WARC) get a counter once there are 10 of them."""
        self.records += 1
        if self.bar is None and self.terminal and self.records >= PROGRESS_FROM:
            self.bar = click.progressbar(
                length=max(self.total, 1),
                label=self.label,
                file=sys.stderr,
                item_show_func=lambda _: self._rate(),
            )
            self.bar.show_eta = self.bar.show_percent = self.bar.show_pos = False
            self.bar.__enter__()
        if self.bar is not None and self.records % 10 == 0:
            self.bar.update(0)

    def __enter__(self) -> Progress:
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def clear(self) -> None:
        """Wipe the bar's line so that a line printed now is not mixed into it."""
        if self.bar is not None:
            click.echo("\r\x1b[K", nl=False, err=True)

    def update(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
