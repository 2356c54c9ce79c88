"""`archiver reclean`: clean stored articles again from their original bytes."""

from __future__ import annotations

import json
import sys

import click

from . import ARTICLE_ID, EXIT_INPUT_FAILED, App, db_option, pass_app
from .add import Progress


@click.command()
@click.argument("ids", nargs=-1, type=ARTICLE_ID, metavar="[ID...]")
@click.option("--outlet", help="Every article of this outlet (case-insensitive).")
@click.option("--all", "all_", is_flag=True, help="Every article in the archive.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per article.")
@db_option
@pass_app
def reclean(app: App, ids, outlet, all_, as_json):
    """Clean stored articles again from their original bytes.

    Use it after the outlet's template was learned from more articles, or after an
    upgrade improved the rules. Clean text, metadata and removed lines are replaced;
    values given with --outlet/--title/... when adding, and those a WARC or JSON record
    gave, are kept; the original bytes are never changed. Give IDs, or --outlet NAME, or --all.

    \b
    Examples:
        archiver reclean 3 7
        archiver reclean --outlet "Riverside Courier"
        archiver reclean --all
    """
    from ..ingest import reclean_article

    if sum(bool(x) for x in (ids, outlet, all_)) != 1:
        raise click.UsageError("give article IDs, or --outlet NAME, or --all (one of them)")
    archive = app.open()
    if ids:
        targets = list(ids)
        for article_id in targets:
            archive.get(article_id)  # an unknown id stops here, before anything changes
    else:
        targets = [
            r.id for r in archive.articles(outlet=outlet, newest_first=False, with_fields=False)
        ]
        if outlet and not targets:
            raise click.UsageError(
                f"no article of the outlet {outlet!r}; `archiver stats` lists them"
            )
    counts = {"updated": 0, "unchanged": 0, "error": 0}
    with Progress(len(targets), "Re-cleaning") as bar:
        for article_id in sorted(targets):
            result = reclean_article(archive, article_id)
            counts[result.status] += 1
            bar.clear()
            if result.error:
                click.echo(f"error: #{article_id}: {result.error}", err=True)
            if as_json:
                click.echo(json.dumps(result.to_json(), ensure_ascii=False))
            elif result.status == "updated":
                click.echo(
                    f"updated   #{article_id:<5} {', '.join(result.changed)} "
                    f"({result.removed_before} -> {result.removed_after} lines removed)"
                )
            bar.update(1)
    if not as_json:
        click.echo(
            f"{counts['updated']} updated, {counts['unchanged']} unchanged, "
            f"{counts['error']} failed.",
            err=True,
        )
    if counts["error"]:
        sys.exit(EXIT_INPUT_FAILED)
