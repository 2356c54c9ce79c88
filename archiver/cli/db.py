"""`archiver db upgrade` and `archiver db check`: the archive's schema."""

from __future__ import annotations

import sys

import click

from ..printable import printable
from ..store import head_revision, open_database
from . import EXIT_INPUT_FAILED, App, db_option, pass_app


@click.group()
def db():
    """The archive's schema: upgrade it, or check it.

    \b
    Examples:
        archiver db check
        archiver db upgrade --db old-archive.db
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
            indexed = index_unindexed(archive.db, progress)
        if indexed:
            click.echo(
                f"Indexed {indexed} article{'s' if indexed != 1 else ''} of "
                f"{printable(archive.db.location)} for reuse that an earlier upgrade had left unindexed."
            )
        location = printable(archive.db.location)
        click.echo(f"{location} is up to date (schema {head_revision()}).")


@db.command()
@db_option
@pass_app
def check(app: App):
    """Check an archive without changing it: schema version, tables, reuse index, integrity.

    Exits with status 1 when the archive needs an upgrade or does not match this version.

    \b
    Example:
        archiver db check
    """
    database = open_database(app.db, upgrade=False)
    try:
        current, head = database.revision(), head_revision()
        problems = []
        click.echo(f"Archive     {printable(database.location)}")
        click.echo(f"Schema      {current} (this archiver writes {head})")
        if current != head:
            problems.append("the schema is older: run `archiver db upgrade`")
        else:
            differences = database.schema_differences()
            if differences:
                problems.append(f"the tables differ from what this archiver expects: {differences}")
            else:
                from ..reuse import stale_signatures

                with database.reading() as conn:
                    stale = stale_signatures(conn)
                if stale:
                    problems.append(
                        f"{stale} article{' was' if stale == 1 else 's were'} indexed for reuse "
                        "by another version and not matched against new ones: run "
                        "`archiver reclean --all`"
                    )
        if database.path is not None:
            with database.engine.connect() as conn:
                integrity = conn.exec_driver_sql("PRAGMA quick_check").scalar()
            click.echo(f"Integrity   {integrity}")
            if integrity != "ok":
                problems.append("SQLite reports damage: restore the archive from a backup")
        for problem in problems:
            click.echo(f"Problem     {problem}")
        if problems:
            sys.exit(EXIT_INPUT_FAILED)
        click.echo("OK")
    finally:
        database.close()
