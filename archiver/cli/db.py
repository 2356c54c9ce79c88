"""`archiver db upgrade` and `archiver db check`: the archive's schema."""

from __future__ import annotations

import sys

import click

from ..printable import printable
from ..store import head_revision, open_database
from . import EXIT_INPUT_FAILED, App, db_option, pass_app

#: The order of `db check`'s summary lines.
SUMMARY = ("Originals", "Search", "Reuse", "Integrity")


@click.group()
def db():
    """The archive itself: upgrade its schema, check it, or copy it to another backend.

    \b
    Examples:
        archiver db check
        archiver db upgrade --db old-archive.db
        archiver db copy archive.db postgresql+psycopg://me@db.example/news
    """


@db.command()
@db_option
@pass_app
def upgrade(app: App):
    """Bring an archive's schema up to date (backing the file up first), and index what the
    old schema lacked, so that its old articles are found as sources of reuse.

    Commands do this by themselves when they open an older archive. Run on an archive
    already at the newest schema, it indexes articles an earlier upgrade left without a
    reuse index.

    \b
    Example:
        archiver db upgrade --db archive.db
    """
    from ..upgrading import index_unindexed
    from . import UpgradeProgress
    from .add import Progress

    archive = app.open()
    if archive.db.upgraded is None:
        with UpgradeProgress(Progress) as progress:
            indexed = index_unindexed(archive.db, progress, archive.options)
        if indexed:
            click.echo(
                f"Indexed {indexed} article{'s' if indexed != 1 else ''} of "
                f"{printable(archive.db.location)} for reuse that an earlier upgrade had left "
                "unindexed."
            )
        location = printable(archive.db.location)
        click.echo(f"{location} is up to date (schema {head_revision()}).")


@db.command()
@click.option(
    "--repair",
    is_flag=True,
    help="Rebuild what is derived from the articles (the search index, the reuse index and "
    "its pairs, missing indexes and triggers); original bytes are never changed.",
)
@db_option
@pass_app
def check(app: App, repair: bool):
    """Check an archive: schema, original bytes, search index, reuse index, SQLite integrity.

    Every original is hashed again and compared with the SHA-256 it was archived under; the
    search index and the reuse index (signatures, LSH bands, pairs) are compared with the
    articles. Each problem is one sentence; the exit status is then 1. Nothing is changed
    unless --repair is given, which rebuilds the derived data only and checks again.

    \b
    Examples:
        archiver db check
        archiver db check --repair
    """
    from ..check import check as check_archive
    from ..check import repair as repair_archive
    from .add import Progress

    database = open_database(app.db, upgrade=False)
    try:
        report = check_archive(database)
        click.echo(f"Archive     {printable(database.location)}")
        click.echo(f"Schema      {report.revision} (this archiver writes {report.head})")
        for label, value in sorted(report.summary, key=lambda item: SUMMARY.index(item[0])):
            click.echo(f"{label:<12}{value}")
        for problem in report.problems:
            click.echo(f"Problem     {problem.sentence}")
        if repair and report.problems:
            if report.damaged_file:
                click.echo(
                    "Nothing was repaired: SQLite finds the file itself damaged, and writing "
                    "to it could spread the damage; restore the archive from a backup."
                )
                sys.exit(EXIT_INPUT_FAILED)
            if report.repairable:
                with Progress(len(report.plan.reindex), "Indexing for reuse") as bar:
                    done = repair_archive(database, report, progress=bar.update)
                for sentence in done:
                    click.echo(f"Repaired    {sentence}")
                report = check_archive(database)
                for problem in report.problems:
                    click.echo(f"Remains     {problem.sentence}")
        if report.ok:
            click.echo("OK")
            return
        count = len(report.problems)
        closing = f"{count} problem{'' if count == 1 else 's'}"
        if repair:
            closing += f" {'remains' if count == 1 else 'remain'}: repair rebuilds only what is "
            closing += "derived from the articles"
        elif report.repairable:
            closing += (
                "; `archiver db check --repair` rebuilds the search and reuse indexes and "
                "what else is derived from the articles (never the originals)"
            )
        click.echo(closing + ".")
        sys.exit(EXIT_INPUT_FAILED)
    finally:
        database.close()


@db.command()
@click.argument("source")
@click.argument("target")
@pass_app
def copy(app: App, source: str, target: str):
    """Copy a whole archive to another place or backend: SQLite to PostgreSQL and back.

    SOURCE and TARGET are paths or SQLAlchemy URLs. Everything is copied: original bytes,
    articles, fields, removed lines, template counts, learned boilerplate, the reuse index
    and pairs. TARGET must be new or empty; the copy is one transaction on it (a failure
    leaves it as it was) and is then checked as `archiver db check` does.

    \b
    Examples:
        archiver db copy archive.db 'postgresql+psycopg://me@db.example/news'
        archiver db copy 'postgresql+psycopg://me@db.example/news' backup.db
    """
    from ..check import check as check_archive
    from ..copying import copy_archive, row_count
    from ..store import hide_password
    from .add import Progress

    source_db = open_database(source)
    try:
        target_db = open_database(target, create=True)
        try:
            with Progress(row_count(source_db), "Copying") as bar:
                copied = copy_archive(source_db, target_db, progress=bar.update)
            report = check_archive(target_db)
        finally:
            target_db.close()
    finally:
        source_db.close()
    where = f"{printable(hide_password(source))} to {printable(hide_password(target))}"
    rows = sum(copied.rows.values())
    click.echo(f"Copied {copied.articles} articles ({rows:,} rows) from {where}.")
    if report.ok:
        click.echo("Checked the copy: OK.")
        return
    for problem in report.problems:
        click.echo(f"Problem     {problem.sentence}")
    click.echo("The copy does not check out; `archiver db check` on it says more.")
    sys.exit(EXIT_INPUT_FAILED)
