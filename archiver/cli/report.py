"""`archiver report`: the duplicate-content report in five formats."""

from __future__ import annotations

import click

from ..render import FORMATS
from . import COUNT, App, db_option, pass_app
from .read import filter_options, output_option


@click.command()
@click.option(
    "--format",
    "format_",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Terminal text, Markdown, JSON, CSV (pairs) or HTML.",
)
@click.option(
    "--min-words",
    type=COUNT,
    default=None,
    metavar="N",
    help="Only pairs sharing N words or more (raises the bar detection used when adding).",
)
@output_option
@filter_options
@db_option
@pass_app
def report(app: App, format_, min_words, output, outlet, since, until):
    """Report reused passages: pairs, clusters, who copies whom, each outlet's originality.

    Every pair is verified word by word; its source is the article judged first (from
    dates and their reliability, credits in the text, containment, ingest order), or
    undetermined. Filters keep the pairs touching the matching articles.

    \b
    Examples:
        archiver report
        archiver report --format html -o reuse.html
        archiver report --outlet "The National Ledger" --format json
        archiver report --min-words 100 --since 2024-05-01
    """
    from ..render import write
    from ..report import build_report

    archive = app.open()
    data = build_report(
        archive,
        outlet=outlet,
        since=since,
        until=until,
        with_texts=format_ in ("html", "markdown"),
        min_words=min_words,
    )
    write(data, format_, output)
