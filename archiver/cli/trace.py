"""`archiver trace`: where else does this passage appear, and who had it first?"""

from __future__ import annotations

import json

import click

from ..errors import UsageError
from ..printable import printable
from ..settings import Settings
from . import ARTICLE_ID, COUNT, App, db_option, pass_app

EXCERPT = 160


@click.command()
@click.argument("text", required=False)
@click.option(
    "--file",
    "file_",
    type=click.File("r", encoding="utf-8"),
    help="Read the passage from this file (- for standard input).",
)
@click.option("--id", "article_id", type=ARTICLE_ID, help="Trace an archived article's text.")
@click.option("--limit", type=COUNT, help="At most this many articles.")
@click.option(
    "--json", "as_json", is_flag=True, help="Print the result as one JSON object on one line."
)
@click.option(
    "--format",
    "format_",
    type=click.Choice(("text", "json", "html")),
    default=None,
    help="Terminal text (the default), JSON (as --json) or one self-contained HTML page "
    "with a timeline.",
)
@db_option
@pass_app
def trace(app: App, text, file_, article_id, limit, as_json, format_):
    """Find every archived article containing a passage, earliest first.

    Give the passage as TEXT, with --file, or as an archived article with --id. Lightly
    edited copies are found too (the same MinHash signatures and word alignment as reuse
    detection). Each article is shown with its date and how far that date can be trusted.

    \b
    Examples:
        archiver trace "The national energy regulator on Friday approved plans for a wind farm"
        archiver trace --file paragraph.txt --json
        archiver trace --id 12
        archiver trace --id 12 --format html > trace.html
    """
    from ..tracing import trace as run_trace

    given = [x is not None for x in (text, file_, article_id)]
    if sum(given) != 1:
        raise click.UsageError("give the passage as TEXT, or --file FILE, or --id ID (one of them)")
    if file_ is not None:
        # Never more than a page may hold: `--file /dev/zero` or an endless pipe must stop.
        most = Settings.max_chars
        text = file_.read(most + 1)
        if len(text) > most:
            raise UsageError(
                f"the passage in {printable(file_.name)} is longer than {most:,} characters; "
                "trace a paragraph of it, or an archived article with --id"
            )
    archive = app.open()
    result = run_trace(archive, text, article_id=article_id, limit=limit)
    if format_ == "html":
        from ..render import trace_html

        click.echo(trace_html(result, archive.db.location), nl=False)
        return
    if as_json or format_ == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False))
        return
    if not result.hits:
        click.echo(f"Passage of {result.length()}: found in no archived article.")
        return
    click.echo(
        f"Passage of {result.length()}: found in {result.total} "
        f"article{'s' if result.total > 1 else ''}, earliest first"
        + (f" (the first {len(result.hits)} shown)." if len(result.hits) < result.total else ".")
    )
    for hit in result.hits:
        date = (hit.published or "undated")[:10]
        trust = f" ({_date_words(hit.published_source)})" if hit.published else ""
        click.echo(
            f"{hit.id:>5}  {date}{trust}  {printable(hit.outlet) or '(unknown outlet)'}: "
            f"{printable(hit.title) or '(untitled)'}"
        )
        excerpt = printable(" ".join(hit.excerpt.split()))
        if len(excerpt) > EXCERPT:
            cut = excerpt.rfind(" ", 0, EXCERPT)  # between words, never inside one
            excerpt = excerpt[: cut if cut > 0 else EXCERPT - 1].rstrip() + " …"
        click.echo(
            f"       {hit.coverage:.0%} of the passage, {result.length(hit.matched_length)} "
            f'at characters {hit.spans[0][2]}-{hit.spans[-1][3]}: "{excerpt}"'
        )


def _date_words(source: str | None) -> str:
    """Where a date came from, in words: ``header-date`` says it is likely the crawl day."""
    from ..provenance import DATE_SOURCE_WORDS

    if source is None:
        return "source unknown"
    return DATE_SOURCE_WORDS.get(source, f"from {source}")
