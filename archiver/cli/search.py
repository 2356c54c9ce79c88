"""`archiver search`: full-text search with ranked, highlighted snippets."""

from __future__ import annotations

import json

import click

from ..document import CRAWL_DATE_NOTE, is_crawl_date
from ..fts import HIT_END, HIT_START, ORDERS
from ..fts import search as run_search
from ..printable import printable
from . import COUNT, App, db_option, pass_app
from .read import filter_options


@click.command()
@click.argument("query")
@filter_options
@click.option("--author", help="Only articles whose author contains this.")
@click.option(
    "--limit",
    type=COUNT,
    default=20,
    show_default=True,
    help="At most this many results.",
)
@click.option(
    "--order",
    type=click.Choice(ORDERS),
    default="relevance",
    show_default=True,
    help="Best match first, or newest first.",
)
@click.option(
    "--quote",
    is_flag=True,
    help="Search the words literally (no operators): for queries with stray quotes or symbols.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per result.")
@db_option
@pass_app
def search(app: App, query, outlet, since, until, author, limit, order, quote, as_json):
    """Search titles and clean text (SQLite FTS5, best match first).

    QUERY takes words (all must appear), "exact phrases", prefix* searches, AND / OR /
    NOT, NEAR(word other, 5) and title:word. Accents are ignored: "Sao Paulo" finds
    "São Paulo". A match in the title ranks above one in the body. Chinese and Japanese
    words are found inside sentences (words of one or two characters as plain words only).

    \b
    Examples:
        archiver search dockworkers
        archiver search '"wind farm" NOT scallop*' --since 2024-05-01
        archiver search 'title:ferry' --outlet "Riverside Courier" --json
        archiver search 港口
    """
    archive = app.open()
    hits = run_search(
        archive,
        query,
        outlet=outlet,
        author=author,
        since=since,
        until=until,
        limit=limit,
        order=order,
        literal=quote,
    )
    marked = False
    for hit in hits:
        if as_json:
            click.echo(json.dumps(hit.to_json(), ensure_ascii=False))
            continue
        published = (hit.published or "")[:10] or "-"
        mark = "*" if hit.published and is_crawl_date(hit.published_source) else " "
        marked = marked or mark == "*"
        click.echo(
            f"{hit.id:>5}  {published:<10}{mark} {printable(hit.outlet) or '-'}: "
            f"{printable(hit.title) or '(untitled)'}"
        )
        click.echo("       " + _bold(hit.snippet))
    if marked:
        click.echo(f"* {CRAWL_DATE_NOTE}")
    if not hits and not as_json:
        click.echo("No article matches.", err=True)


def _bold(snippet: str) -> str:
    # click.echo drops the styling when the output is not a terminal.
    parts = snippet.replace(HIT_END, HIT_START).split(HIT_START)
    parts = [printable(p) for p in parts]
    return "".join(click.style(p, bold=True) if i % 2 else p for i, p in enumerate(parts))
