"""The `archiver` command line: parses options, calls one library function, prints the result."""

from __future__ import annotations

import sys
import traceback

import click

from .. import __version__
from ..archive import Archive
from ..errors import (
    ArchiveBusyError,
    ArchiveError,
    ArchiverError,
    InputError,
    StorageError,
    UsageError,
)
from ..printable import printable

#: Exit statuses, one per kind of failure (documented in the README); the library's errors
#: carry theirs (``exit_status``).
EXIT_INPUT_FAILED = InputError.exit_status  # 1: some inputs of a batch could not be archived
EXIT_USAGE = UsageError.exit_status  # 2: bad options or values (click's own status for those)
EXIT_ARCHIVE = ArchiveError.exit_status  # 3: missing, not an archive, newer version, damaged
EXIT_STORAGE = StorageError.exit_status  # 4: read-only, disk full, no permission: intact
EXIT_BUSY = ArchiveBusyError.exit_status  # 5: another process held the write lock too long
EXIT_BUG = 70  # an unexpected failure: a bug to report
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)
INTERRUPTED = (
    "Interrupted; whatever was written before is kept whole (each article is stored in its "
    "own transaction)."
)


class App:
    """What every command gets: where the archive is, and the archive once opened."""

    def __init__(self, db: str | None, show_traceback: bool):
        self.db = db
        self.show_traceback = show_traceback
        self._archive: Archive | None = None

    def open(self, *, create: bool = False) -> Archive:
        """The archive, opened once; says on stderr when it was created or upgraded (with a
        progress bar on a terminal while an upgrade indexes many articles)."""
        if self._archive is None:
            from .add import Progress

            with UpgradeProgress(Progress) as progress:
                self._archive = Archive.open(self.db, create=create, progress=progress)
            db = self._archive.db
            if db.upgraded:
                old, new, backup = db.upgraded
                indexed = (
                    f" and indexed {db.indexed} article{'s' if db.indexed != 1 else ''} "
                    "archived before for reuse"
                    if db.indexed
                    else ""
                )
                if old is None:
                    click.echo(f"Created the archive {printable(db.location)}.", err=True)
                else:
                    kept = f"; the old file is kept at {printable(str(backup))}" if backup else ""
                    click.echo(
                        f"Upgraded the archive {printable(db.location)} from schema "
                        f"{old} to {new}{indexed}{kept}.",
                        err=True,
                    )
        return self._archive

    def storage_error(self, exc: BaseException) -> StorageError | None:
        """``exc`` as the storage fault it is, if it is one (for errors met outside the
        library's own checks)."""
        from ..faults import storage_error
        from ..store import hide_password, resolve_location, sqlite_path, to_url

        location = resolve_location(self.db)
        try:
            path = sqlite_path(to_url(location))
        except Exception:
            return None
        return storage_error(hide_password(location), path, exc)

    def scrub(self, message: str) -> str:
        """``message`` with the archive URL's password masked (drivers repeat URLs)."""
        from ..store import resolve_location, scrub

        return scrub(message, resolve_location(self.db))

    def close(self) -> None:
        if self._archive is not None:
            archive, self._archive = self._archive, None
            try:
                archive.close()
            except KeyboardInterrupt:
                # After the command, while the archive is closed (a checkpoint may take a
                # moment): what was written is whole; click alone would say "Aborted!", 1.
                click.echo(INTERRUPTED, err=True)
                raise click.exceptions.Exit(EXIT_INTERRUPTED) from None


class UpgradeProgress:
    """A progress bar for an upgrade's indexing, made when it first reports (so nothing shows
    when there is nothing to index)."""

    def __init__(self, factory):
        self.factory = factory
        self.bar = None

    def __enter__(self) -> UpgradeProgress:
        return self

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = self.factory(total, "Indexing for the upgrade").__enter__()
        self.bar.update(1)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


pass_app = click.make_pass_decorator(App)


def db_option(command):
    """``--db`` on a subcommand too, so it can go after the command name."""

    def remember(ctx: click.Context, _param, value):
        if value is not None:
            ctx.find_object(App).db = value
        return value

    return click.option(
        "--db",
        metavar="PATH|URL",
        expose_value=False,
        callback=remember,
        help="The archive (a file path or SQLAlchemy URL). Default: $ARCHIVER_DB or ./archive.db.",
    )(command)


class DateType(click.ParamType):
    """An ISO date (YYYY-MM-DD) or timestamp, validated and normalised."""

    name = "DATE"

    def convert(self, value, param, ctx):
        from ..ingest import validate_date

        try:
            return validate_date(value)
        except UsageError as exc:
            self.fail(str(exc), param, ctx)


DATE = DateType()

#: The largest integer the archive can store (SQLite and PostgreSQL integers are 64-bit).
INT64_MAX = 2**63 - 1


class WholeNumber(click.ParamType):
    """A whole number from ``low`` to ``high``: a number past what the archive can store is
    the user's mistake (status 2, one sentence), never a failure deep in the database."""

    name = "integer"

    def __init__(self, low: int = 1, high: int = INT64_MAX, *, ids: bool = False):
        self.low, self.high, self.ids = low, high, ids

    def convert(self, value, param, ctx):
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            try:
                number = int(str(value).strip(), 10)
            except ValueError:
                self.fail(f"{value!r} is not a whole number", param, ctx)
        if self.low <= number <= self.high:
            return number
        if self.ids:
            self.fail(
                f"{value} is not an article id; ids are whole numbers from {self.low:,} to "
                f"{self.high:,} (`archiver list` shows them)",
                param,
                ctx,
            )
        self.fail(
            f"{value} is out of range; give a whole number from {self.low:,} to {self.high:,}",
            param,
            ctx,
        )


#: An article id; a count or limit (``--limit``, ``--min-words``).
ARTICLE_ID = WholeNumber(ids=True)
COUNT = WholeNumber()


class ArchiverGroup(click.Group):
    """Turns the library's expected failures into one sentence and an exit status."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ArchiverError as exc:
            app = ctx.find_object(App)
            message = app.scrub(str(exc)) if app is not None else str(exc)
            click.echo(f"Error: {printable(message)}", err=True)
            ctx.exit(exc.exit_status)
        except KeyboardInterrupt:
            click.echo(INTERRUPTED, err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            app = ctx.find_object(App)
            if app is not None and app.show_traceback:
                raise
            fault = app.storage_error(exc) if app is not None else None
            if fault is not None:  # met outside the library's own checks
                click.echo(f"Error: {app.scrub(str(fault))}", err=True)
                ctx.exit(fault.exit_status)
            if isinstance(exc, BrokenPipeError):  # `archiver export | head`
                sys.stderr.close()
                ctx.exit(0)
            name = type(exc).__name__
            message = app.scrub(str(exc)) if app is not None else str(exc)
            click.echo(
                f"Error: unexpected failure ({name}: {printable(message)}); rerun with "
                "--traceback and report it with the output",
                err=True,
            )
            if app is None:
                traceback.print_exc()
            ctx.exit(EXIT_BUG)


@click.group(cls=ArchiverGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    metavar="PATH|URL",
    help="The archive (a file path or SQLAlchemy URL). Default: $ARCHIVER_DB or ./archive.db.",
)
@click.option("--traceback", is_flag=True, help="Show the full traceback of unexpected errors.")
@click.version_option(__version__, prog_name="archiver")
@click.pass_context
def main(ctx: click.Context, db: str | None, traceback: bool):
    """Archive scraped news articles and trace where their text came from.

    Strips the boilerplate scrapers leave in, keeps the clean text, its metadata and the
    original bytes in one SQLite file.

    \b
    Example:
        archiver add samples/
        archiver list
        archiver show 1 --removed
    """
    app = App(db, traceback)
    ctx.obj = app
    ctx.call_on_close(app.close)


def _register() -> None:
    from . import add, db, read, reclean, report, search, trace

    main.add_command(add.add)
    main.add_command(trace.trace)
    main.add_command(report.report)
    main.add_command(reclean.reclean)
    main.add_command(search.search)
    for command in (read.show, read.list_, read.export, read.stats):
        main.add_command(command)
    main.add_command(db.db)


_register()
