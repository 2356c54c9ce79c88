"""Commands that read the archive: show, list, export, stats."""

from __future__ import annotations

import csv
import json
import sys

import click

from ..archive import ArticleRecord
from ..document import CRAWL_DATE_NOTE, is_crawl_date
from ..printable import fit, printable
from . import ARTICLE_ID, COUNT, DATE, App, db_option, pass_app

#: Below this confidence a value is flagged as doubtful when shown.
LOW_CONFIDENCE = 0.5
EXPORT_COLUMNS = (
    "id",
    "path",
    "url",
    "outlet",
    "title",
    "author",
    "published",
    "published_source",
    "language",
    "sha256",
    "ingested_at",
    "format",
    "encoding",
    "extractor",
    "extractor_version",
    "clean_text",
)


output_option = click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write to this file instead of standard output.",
)


def filter_options(command):
    """--outlet / --since / --until, shared by the commands that list articles."""
    command = click.option("--until", type=DATE, help="Published on or before this date.")(command)
    command = click.option("--since", type=DATE, help="Published on or after this date.")(command)
    command = click.option("--outlet", help="Only this outlet (case-insensitive).")(command)
    return command


@click.command()
@click.argument("article_id", type=ARTICLE_ID, metavar="ID")
@click.option(
    "--removed",
    is_flag=True,
    help="List every removed line: why it went, and the id of the rule that matched it.",
)
@click.option("--raw", is_flag=True, help="Print the original bytes exactly as they were added.")
@click.option("--json", "as_json", is_flag=True, help="Print the article as one JSON object.")
@db_option
@pass_app
def show(app: App, article_id: int, removed: bool, raw: bool, as_json: bool):
    """Show one article: metadata (with where each value came from) and clean text.

    \b
    Examples:
        archiver show 1
        archiver show 1 --removed
        archiver show 1 --raw > original.html
    """
    archive = app.open()
    if raw:
        sys.stdout.buffer.write(archive.raw(article_id))
        sys.stdout.buffer.flush()
        return
    record = archive.get(article_id, removed=removed)
    pairs = archive.pairs(article_id)
    if as_json:
        data = record.to_dict()
        data["reuse"] = [p.to_json() for p in pairs]
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    click.echo(_header(record))
    for pair in pairs:
        click.echo(_reuse_line(article_id, pair))
    if removed:
        click.echo("")
        click.echo(f"Removed lines ({len(record.removed or [])}):")
        lines = record.removed or []
        width = max((len(r.reason) for r in lines), default=0)
        # The rule's id, or "-" for a line no rule matched (the page's shape removed it).
        rule_width = max((len(r.rule or "-") for r in lines), default=0)
        for line in lines:
            rule = line.rule or "-"
            click.echo(
                f"  {line.lineno:>4}  {line.reason:<{width}}  {rule:<{rule_width}}  "
                f"{printable(line.text)}"
            )
    else:
        click.echo("")
        click.echo(printable(record.clean_text, multiline=True))


def _reuse_line(article_id: int, pair) -> str:
    other = pair.other(article_id)
    if pair.source is None:
        verdict = "which came first is undetermined"
    elif pair.source == article_id:
        verdict = f"this one was first ({pair.confidence})"
    else:
        credit = "credited" if pair.attributed else "not credited"
        verdict = f"#{other} was first ({pair.confidence}, {credit})"
    return f"  {'reuse':<16} shares {pair.shared_words} words with #{other}; {verdict}"


def _header(record: ArticleRecord) -> str:
    lines = [f"Article {record.id}: {printable(record.title) or '(untitled)'}"]
    for name, f in record.fields.items():
        note = " (low confidence)" if f.confidence < LOW_CONFIDENCE else ""
        if name == "published" and is_crawl_date(f.source):
            note = " (low confidence: a site header date, often the day it was scraped)"
        lines.append(f"  {name:<16} {printable(f.value)}  [{f.source}, {f.confidence:.2f}]{note}")
    lines += [
        f"  {'path':<16} {printable(record.source_path)}",
        f"  {'sha256':<16} {record.sha256}",
        f"  {'read as':<16} {record.format}, {record.encoding}; "
        f"extracted by {record.extractor} {record.extractor_version}",
        f"  {'archived':<16} {record.ingested_at.isoformat(timespec='seconds')}Z",
    ]
    return "\n".join(lines)


@click.command("list")
@filter_options
@click.option("--limit", type=COUNT, help="At most this many articles.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per article.")
@db_option
@pass_app
def list_(app: App, outlet, since, until, limit, as_json):
    """List archived articles, newest first (undated ones last).

    \b
    Examples:
        archiver list
        archiver list --outlet "Riverside Courier" --since 2024-05-01
        archiver list --json | jq .title
    """
    archive = app.open()
    records = archive.articles(
        outlet=outlet, since=since, until=until, limit=limit, with_fields=as_json
    )
    marked = False
    for record in records:
        if as_json:
            click.echo(json.dumps(record.to_dict(text=False), ensure_ascii=False))
        else:
            published = (record.published or "")[:10] or "-"
            mark = "*" if record.published and is_crawl_date(record.published_source) else " "
            marked = marked or mark == "*"
            click.echo(
                f"{record.id:>5}  {published:<10}{mark} "
                f"{fit(printable(record.outlet) or '-', 24, ellipsis=True)}  "
                f"{printable(record.title) or '(untitled)'}"
            )
    if marked:
        click.echo(f"* {CRAWL_DATE_NOTE}")


@click.command()
@click.option(
    "--format",
    "format_",
    type=click.Choice(["jsonl", "csv"]),
    default="jsonl",
    show_default=True,
    help="JSON lines (with every field's source) or CSV (one row per article).",
)
@output_option
@filter_options
@db_option
@pass_app
def export(app: App, format_, output, outlet, since, until):
    """Export every article with its metadata and clean text.

    \b
    Examples:
        archiver export > articles.jsonl
        archiver export --format csv -o articles.csv
    """
    archive = app.open()
    records = archive.articles(
        outlet=outlet, since=since, until=until, newest_first=False, with_fields=format_ == "jsonl"
    )
    if format_ == "jsonl":
        for record in records:
            output.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        return
    from ..spreadsheet import csv_row

    writer = csv.DictWriter(output, fieldnames=EXPORT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for record in records:
        writer.writerow(csv_row(record.to_dict()))


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@db_option
@pass_app
def stats(app: App, as_json: bool):
    """Counts: articles, outlets, date range, removed lines, archive size.

    \b
    Example:
        archiver stats
    """
    archive = app.open()
    figures = archive.stats()
    if as_json:
        click.echo(json.dumps(figures.to_dict(), ensure_ascii=False))
        return
    click.echo(f"Archive      {printable(archive.db.location)}")
    click.echo(
        f"Articles     {figures.articles}"
        + (f" ({', '.join(f'{n} {f}' for f, n in figures.formats)})" if figures.formats else "")
    )
    click.echo(f"Outlets      {sum(1 for o, _ in figures.outlets if o)}")
    for outlet, count in figures.outlets:
        click.echo(f"  {count:>6}  {printable(outlet) or '(unknown outlet)'}")
    if figures.first_published:
        click.echo(f"Published    {figures.first_published[:10]} to {figures.last_published[:10]}")
    click.echo(f"Removed      {figures.removed_lines} boilerplate lines")
    for reason, count in figures.removed_by_reason:
        click.echo(f"  {count:>6}  {reason}")
    click.echo(
        f"Originals    {_size(figures.original_bytes)}; "
        f"clean text {figures.clean_chars:,} characters"
    )
    if figures.size_bytes is not None:
        click.echo(f"File size    {_size(figures.size_bytes)}")


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1000
    return f"{n}"
