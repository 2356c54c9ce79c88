"""Open an archive: find it, refuse what is not one, back it up and migrate it, tune SQLite."""

from __future__ import annotations

import glob
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, DBAPIError

import archiver

from .errors import ArchiveError, StorageError
from .faults import busy_timeout, cannot_create, storage_error, unreadable, wal_replaced
from .storage import bands, storage_for

if TYPE_CHECKING:  # Alembic is imported only to migrate or check: opening an archive whose
    # schema is current reads the revision with one query (Alembic takes 0.2 s to import).
    from alembic.config import Config

    from .options import Options

DEFAULT_LOCATION = "archive.db"
ENV_VAR = "ARCHIVER_DB"
#: PRAGMA application_id of an archive ("ARCV"), set by the first migration.
APPLICATION_ID = 0x41524356
SQLITE_MAGIC = b"SQLite format 3\x00"
#: The database header: the magic string, then page size, versions... (100 bytes).
SQLITE_HEADER = 100
#: Where the header keeps PRAGMA application_id (big-endian).
APPLICATION_ID_OFFSET = 68
#: The header's file format version bytes: 2 in a database in WAL mode.
WAL_FLAG_OFFSET = 18
#: A write-ahead log of this size holds no transaction yet.
WAL_HEADER = 32
#: The newest migration in migrations/versions (tests/test_store.py checks it is Alembic's
#: head): an archive at this revision opens without Alembic.
SCHEMA_HEAD = "0012"
WAL_CHECKPOINT_PAGES = 10_000
#: Page cache per connection, in KiB (SQLite's default is 2 MiB). Adding one article dirties
#: hundreds of pages of the LSH band index, scattered across it (one per band row): with the
#: default cache they spilled to the WAL before the commit, and finding and indexing an
#: article's reuse among 1M passages took 28 ms instead of 18 (bench/reuse_scale.py, with 32
#: bands). A bound, not a share of the archive.
CACHE_KIB = 32_768


def resolve_location(db: str | None = None) -> str:
    """The archive to use: ``db`` if given, else ``$ARCHIVER_DB``, else ``./archive.db``."""
    return db or os.environ.get(ENV_VAR) or DEFAULT_LOCATION


#: The password of a URL's user part, for URLs SQLAlchemy cannot parse.
_URL_PASSWORD = re.compile(r"(://[^/@:]*:)([^/@]*)@")
#: Shortest password replaced wherever it appears in a message (shorter ones would mask
#: ordinary letters; the URL itself is masked whatever its password).
SCRUBBED_PASSWORD = 4


def hide_password(location: str) -> str:
    """``location`` as archiver shows it: a database URL with its password masked
    (``postgresql://editor:***@host/news``), a file path as given."""
    if "://" not in location:
        return location
    try:
        return make_url(location).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return _URL_PASSWORD.sub(r"\1***@", location)


def _password(location: str) -> str | None:
    if "://" not in location:
        return None
    try:
        return make_url(location).password
    except (ArgumentError, ValueError):
        match = _URL_PASSWORD.search(location)
        return match.group(2) if match else None


def scrub(message: str, location: str | None) -> str:
    """``message`` with the archive's URL shown masked and its password nowhere (drivers
    and SQLAlchemy may repeat either in their errors)."""
    if not location or "://" not in location:
        return message
    message = message.replace(location, hide_password(location))
    secret = _password(location)
    if secret and len(secret) >= SCRUBBED_PASSWORD:
        from urllib.parse import quote

        for form in {secret, quote(secret, safe="")}:
            message = message.replace(form, "***")
    return message


def to_url(location: str) -> str:
    """An SQLAlchemy URL for a path or URL (a plain path means an SQLite file)."""
    if "://" in location:
        return location
    return f"sqlite:///{Path(location).expanduser().absolute()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:" or parsed.database.startswith("file:"):
        return None
    return Path(parsed.database)


def migrations_dir() -> Path:
    """The Alembic scripts: inside the installed package, or at the top of a source checkout."""
    package = Path(archiver.__file__).parent
    for candidate in (package / "migrations", package.parent / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise ArchiveError(  # pragma: no cover - only a broken installation gets here
        "archiver's migrations are missing from this installation; reinstall archiver"
    )


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def make_engine(url: str) -> Engine:
    """An engine; for SQLite: WAL, a busy timeout (``$ARCHIVER_BUSY_TIMEOUT`` seconds, else
    30), foreign keys, and real transactions."""
    if not url.startswith("sqlite"):
        return create_engine(url)
    timeout = busy_timeout()
    engine = create_engine(url, connect_args={"timeout": timeout})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Take transactions out of pysqlite's hands so that BEGIN (IMMEDIATE) is ours:
        # DDL then runs inside transactions too, and writers queue on the busy timeout.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {round(timeout * 1000)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        # Checkpoints fsync; every 1,000 pages (the default) they cost more than the commits.
        cursor.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        # A writer takes the write lock up front: a deferred transaction that reads and then
        # writes fails at once (no busy wait) when another process wrote in between.
        mode = connection.get_execution_options().get("sqlite_begin", "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


class Database:
    """An open archive's engine, after checks and migrations. Use ``open_database``."""

    def __init__(self, location: str, url: str, engine: Engine):
        self.location = location
        self.url = url
        self.engine = engine
        self._path = sqlite_path(url)
        #: Set when opening upgraded the schema: (old revision, new revision, backup path).
        self.upgraded: tuple[str | None, str, Path | None] | None = None
        #: How many articles that upgrade indexed (for reuse, templates) that the old
        #: schema had no index for.
        self.indexed = 0
        #: The connection of the write transaction ``together`` holds open, if any.
        self._together: Connection | None = None

    @property
    def path(self) -> Path | None:
        return self._path

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction (``BEGIN IMMEDIATE`` on SQLite), committed on success.

        A storage fault (read-only, disk full, write lock held too long...) rolls it back and
        raises a :class:`StorageError` saying so. Inside ``together``, a savepoint of its
        transaction: a failure rolls back this block's writes alone."""
        if self._together is not None:
            with self._storage_faults(), self._together.begin_nested():
                yield self._together
            return
        with self._storage_faults(), self.engine.connect() as conn:
            if self.path is not None:
                self._check_wal(conn)
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                storage_for(conn).take_turns()
                yield conn
            if self.path is not None:
                self._remember_wal(conn)
            if conn.info.get("band_debt"):
                self._compact(conn)

    def _compact(self, conn: Connection) -> None:
        """Pay the band index's merging owed by what was just committed, a short transaction
        a step (archiver/storage/bands.py). Upkeep, not part of the write: a step that cannot
        be made now (the archive locked, read-only, full) is left for a later one, the index
        being whole at every step."""
        debt = conn.info["band_debt"]
        try:
            while debt > 0:
                # Small steps (the merges of a few articles' segments) share a transaction;
                # one holds the write lock for about a slice's rows at most.
                with conn.begin():
                    storage = storage_for(conn)
                    storage.take_turns()
                    handled = 0
                    while debt > 0 and handled < bands.SLICE_ROWS:
                        done = storage.compact_step()
                        handled += done
                        debt = debt - done if done else 0
                if self.path is not None:
                    self._remember_wal(conn)
        except (DBAPIError, sqlite3.Error):
            return
        finally:
            conn.info["band_debt"] = max(debt, 0)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        if self._together is not None:  # what was written since is seen
            with self._storage_faults():
                yield self._together
            return
        with self._storage_faults(), self.engine.connect() as conn, conn.begin():
            yield conn

    def in_transaction(self) -> bool:
        """Whether ``writing`` and ``reading`` blocks now share one write transaction
        (``together``): what one reads, no other process changes before the rest is written."""
        return self._together is not None

    @contextmanager
    def together(self) -> Iterator[None]:
        """Make the ``writing`` (and ``reading``) blocks inside one write transaction: they
        are committed together at the end, or not at all. Storing many small articles one
        transaction each spends most of its time committing."""
        if self._together is not None:
            yield
            return
        with self.writing() as conn:
            self._together = conn
            try:
                yield
            finally:
                self._together = None

    @contextmanager
    def _storage_faults(self) -> Iterator[None]:
        try:
            yield
        except (DBAPIError, sqlite3.Error) as exc:
            error = storage_error(self.location, self.path, exc)
            if error is None:
                raise
            raise error from None

    # A process that writes to an SQLite archive in WAL mode keeps its write-ahead log open
    # from its first write on. When someone deletes the log (and -shm) meanwhile, what this
    # process commits goes to a file nobody else can see, and a process opening the archive
    # then starts a new log: the two drift apart. Each connection remembers which file its log
    # is (and how the archive file looked after its last commit); before writing again it
    # checks that the archive's log is still that file, and if not saves what it wrote into
    # the archive file (a checkpoint, which SQLite would make anyway when this process closes
    # the archive) and stops, saying whether another process wrote to the archive meanwhile.

    def _remember_wal(self, conn: Connection) -> None:
        info = conn.connection.info
        if "archiver_wal" not in info:
            info["archiver_wal"] = _file_id(Path(f"{self.path}-wal"))
        info["archiver_file"] = _file_stamp(self.path)

    def _check_wal(self, conn: Connection) -> None:
        info = conn.connection.info
        seen = info.get("archiver_wal")
        if seen is None or _file_id(Path(f"{self.path}-wal")) == seen:
            return
        # Another process writing meanwhile started a log of its own (which stays, since
        # this process keeps the archive open), or already saved into the archive file.
        log = _file_stamp(Path(f"{self.path}-wal"))
        others = (log is not None and log[1] > WAL_HEADER) or _file_stamp(self.path) != info.get(
            "archiver_file"
        )
        raw = conn.connection.dbapi_connection
        try:
            busy, frames, copied = raw.execute("PRAGMA wal_checkpoint(FULL)").fetchone()
            failed = None if busy == 0 and frames == copied else "other processes were using it"
        except sqlite3.Error as exc:
            failed = str(exc)
        conn.invalidate()  # this connection's log is not the archive's: never use it again
        self.engine.dispose()
        raise wal_replaced(self.location, self.path, failed, others_wrote=others)

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            return _current_revision(conn)

    def schema_differences(self) -> list:
        """Differences between the models and the database (empty when they agree)."""
        from alembic.autogenerate import compare_metadata
        from alembic.runtime.migration import MigrationContext

        from .models import Base

        with self.engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "include_object": _include_in_compare}
            )
            return compare_metadata(context, Base.metadata)

    def size_bytes(self) -> int | None:
        path = self.path
        if path is None:
            return None
        return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())

    def close(self) -> None:
        self.engine.dispose()


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def _file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


#: What the search index adds to a PostgreSQL archive (migration 0008), which the models leave
#: to the migrations as they leave SQLite's FTS5 tables.
_SEARCH_OBJECTS = {("column", "search_vector"), ("index", "articles_search")}


def _include_in_compare(obj, name, type_, reflected, compare_to) -> bool:
    if type_ == "table" and name and "_fts" in name:
        return False
    return (type_, name) not in _SEARCH_OBJECTS


#: Called as ``progress(done, total)`` while an upgrade indexes the articles it holds.
Progress = Callable[[int, int], None]


def open_database(
    location: str | None = None,
    *,
    create: bool = False,
    upgrade: bool = True,
    progress: Progress | None = None,
    options: Options | None = None,
) -> Database:
    """Open the archive at ``location`` (a path or SQLAlchemy URL).

    ``create`` makes a new archive when none exists; otherwise a missing archive is an
    ``ArchiveError`` and nothing is created. An older archive is backed up and migrated
    (unless ``upgrade`` is false), and what the old schema lacked is indexed (``progress``
    hears how far that got). Files that are not archives, and archives written by a newer
    archiver, are refused before anything in them is changed. A storage fault (read-only,
    disk full, busy) is a :class:`StorageError`. ``options``: the reuse and provenance
    settings that indexing follows (the defaults without).
    """
    given = resolve_location(location)
    location = hide_password(given)  # what messages show
    try:
        url = to_url(given)
        path = sqlite_path(url)
    except (ArgumentError, ValueError):
        raise ArchiveError(
            f"{location} is neither a file path nor a database URL archiver understands; "
            "give a path such as archive.db or a URL such as sqlite:///archive.db"
        ) from None
    if path is not None:
        _check_file(location, path, create)
    try:
        engine = make_engine(url)
    except ArgumentError as exc:  # an unknown dialect
        raise ArchiveError(
            f"{location} cannot be opened ({scrub(str(exc), given)}); check the --db URL"
        ) from None
    except ImportError as exc:  # the dialect's driver is not installed
        raise ArchiveError(
            f"{location} needs the database driver {exc.name!r}; install it with pip"
        ) from None
    db = Database(location, url, engine)
    if path is None:
        _connect(db, given)
    try:
        current = _classify(db, create)
        if current != SCHEMA_HEAD:
            head = head_revision()
            if current != head and upgrade:
                db.upgraded = _migrate(db, head, progress, options)
    except (DatabaseError, sqlite3.Error, OSError) as exc:
        db.close()
        error = storage_error(location, path, exc)
        if error is not None:
            raise error from None
        if isinstance(exc, OSError):
            raise
        reason = scrub(str(getattr(exc, "orig", exc)), given)
        raise ArchiveError(
            f"{location} could not be read as an archive ({' '.join(reason.split())}); "
            "check the path, or restore it from a backup"
        ) from None
    except BaseException:
        db.close()
        raise
    return db


def _connect(db: Database, given: str) -> None:
    """Reach a database server, or say in one sentence (its password masked) why not."""
    try:
        with db.engine.connect():
            pass
    except DBAPIError as exc:
        db.close()
        reason = " ".join(scrub(str(getattr(exc, "orig", exc)), given).split())
        raise ArchiveError(
            f"cannot connect to the database {db.location} ({reason}); check that its server "
            "is running and that the URL's host, port, user and password are right"
        ) from None


def _check_file(location: str, path: Path, create: bool) -> None:
    if path.is_dir():
        raise ArchiveError(f"{location} is a folder, not an archive; give a file path for --db")
    if not path.exists() or path.stat().st_size == 0:
        if not create:
            raise ArchiveError(
                f"no archive at {location}; create one with `archiver add FILE...`, "
                f"or point --db (or ${ENV_VAR}) at an existing archive"
            )
        if not path.parent.is_dir():
            raise ArchiveError(
                f"cannot create the archive {location}: the folder {path.parent} does not exist"
            )
        refused = cannot_create(location, path)
        if refused is not None:
            raise refused
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(SQLITE_HEADER)
    except OSError as exc:
        raise unreadable(location, path) or StorageError(
            f"cannot read the archive {location} ({exc.strerror}); nothing in it was changed; "
            "check the disk, then run the command again"
        ) from None
    if header[: len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        raise ArchiveError(
            f"{location} is not an archiver archive (it is not an SQLite database); "
            "point --db at an archive, or at a new file to create one"
        )
    _refuse_foreign(location, path, header, create)


def _refuse_foreign(location: str, path: Path, header: bytes, create: bool) -> None:
    """Refuse another program's SQLite file before anything in it is changed (opening an
    archive switches it to WAL mode, which rewrites the file's header)."""
    found = int.from_bytes(header[APPLICATION_ID_OFFSET : APPLICATION_ID_OFFSET + 4], "big")
    tables: list[str] = []
    if found == 0:
        # An empty database, another program's, or an archive whose first page is still only
        # in its write-ahead log: look inside, read-only. A file in WAL mode without a log
        # holds everything itself, and is read as immutable: a read-only connection would
        # leave a -wal and -shm beside it.
        wal_mode = header[WAL_FLAG_OFFSET] == 2
        mode = "immutable=1" if wal_mode and not Path(f"{path}-wal").exists() else "mode=ro"
        try:
            peek = sqlite3.connect(f"{Path(os.path.abspath(path)).as_uri()}?{mode}", uri=True)
            try:
                found = peek.execute("PRAGMA application_id").fetchone()[0]
                tables = [
                    name
                    for (name,) in peek.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'table'"
                    )
                ]
            finally:
                peek.close()
        except sqlite3.Error as exc:
            error = storage_error(location, path, exc)
            if error is not None:
                raise error from None
            return  # opening it says what is wrong
    if found == APPLICATION_ID:
        return
    if found != 0:
        raise ArchiveError(
            f"{location} is an SQLite database of another program, not an archiver archive; "
            "point --db at an archive, or at a new file to create one"
        )
    if [t for t in tables if t != "alembic_version"]:
        raise ArchiveError(
            f"{location} is a database but not an archiver archive; point --db at an archive, "
            "or at a new file to create one"
        )
    if not tables and not create:
        raise ArchiveError(
            f"no archive at {location} (the database is empty); create one with "
            "`archiver add FILE...`"
        )


def _current_revision(conn: Connection) -> str | None:
    """The schema revision Alembic recorded, or None for a database it never touched."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _classify(db: Database, create: bool) -> str | None:
    """The archive's schema revision; refuses foreign databases and newer archives."""
    with db.engine.connect() as conn:
        current = _current_revision(conn)
        if db.path is not None:
            app_id = conn.exec_driver_sql("PRAGMA application_id").scalar()
            if app_id not in (0, APPLICATION_ID):
                raise ArchiveError(
                    f"{db.location} is an SQLite database of another program, not an "
                    "archiver archive; point --db at an archive, or at a new file to create one"
                )
        if current is None:
            tables = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
            if tables:
                raise ArchiveError(
                    f"{db.location} is a database but not an archiver archive; point --db "
                    "at an archive, or at a new file to create one"
                )
            if not create:
                raise ArchiveError(
                    f"no archive at {db.location} (the database is empty); create one "
                    "with `archiver add FILE...`"
                )
    if current is None or current == SCHEMA_HEAD:
        return current
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    if current not in {rev.revision for rev in script.walk_revisions()}:
        raise ArchiveError(
            f"{db.location} was written by a newer version of archiver (schema {current}); "
            "upgrade archiver to open it"
        )
    return current


def _migrate(
    db: Database, head: str, progress: Progress | None = None, options: Options | None = None
) -> tuple[str | None, str, Path | None] | None:
    """Bring the schema to ``head`` under the write lock, backing the file up first, then
    index what the old schema lacked (see :mod:`archiver.upgrading`), in one transaction: a
    failure or a kill leaves the archive as it was."""
    sqlite = db.path is not None
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        if sqlite:
            # Batch migrations drop and rebuild tables: with foreign keys on, dropping a
            # parent table would cascade-delete its children. The pragma is a no-op inside a
            # transaction, so it goes straight to the driver, before BEGIN.
            raw.execute("PRAGMA foreign_keys = OFF")
        backup = None
        try:
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                storage_for(conn).take_turns()
                # Another process may have migrated while we waited for the lock.
                current = _current_revision(conn)
                if current == head:
                    return None
                backup = backup_file(db.path, current) if sqlite and current else None
                from alembic import command

                from .upgrading import index_what_is_missing

                command.upgrade(alembic_config(conn), "head")
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise ArchiveError(
                            f"upgrading {db.location} would break {len(broken)} references; "
                            "nothing was changed, please report this"
                        )
                if current is not None:
                    db.indexed = index_what_is_missing(conn, current, head, progress, options)
        except BaseException:
            # The transaction was rolled back: the archive is as it was, so the backup is
            # only a second copy of it (and retrying on a full disk would pile them up).
            if backup is not None:
                backup.unlink(missing_ok=True)
            raise
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys = ON")
    return current, head, backup


#: A backup being written is named so; renamed to ``.bak`` only once it is complete.
PARTIAL = ".partial"


def backup_file(path: Path, revision: str | None) -> Path:
    """A consistent copy of an SQLite archive beside it, named after its schema revision.

    It is written under a temporary name (``....bak.partial``) and renamed when complete, so
    a file named ``.bak`` is always a whole backup; a partial one left by a process killed
    meanwhile is removed by the next upgrade (which holds the write lock, so no other
    backup of this archive is being written)."""
    for left in path.parent.glob(f"{glob.escape(path.name)}.*.bak{PARTIAL}*"):
        left.unlink(missing_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.{revision or 'new'}-{stamp}.bak")
    partial = target.with_name(target.name + PARTIAL)
    try:
        # The backup API copies a consistent snapshot, WAL content included.
        source = sqlite3.connect(path)
        try:
            dest = sqlite3.connect(partial)
            try:
                # No journal: a partial copy is thrown away, never rolled back.
                dest.execute("PRAGMA journal_mode = OFF")
                source.backup(dest)
            finally:
                dest.close()
        finally:
            source.close()
        shutil.copymode(path, partial)
        with partial.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)
    return target


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (best effort: not every system can)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
