"""Storage faults told apart: what SQLite or the file system refused, said as one sentence.

A read-only file, folder or disk, a full disk, a file SQLite keeps beside the archive that
cannot be written, a write lock held too long: none of them is a bug, and none damages the
archive (SQLite rolls back what it was writing). Each becomes a :class:`StorageError` that says
what happened, that nothing was lost, and what to do. Damage (``SQLITE_CORRUPT``, not a
database) is not a storage fault: it stays an :class:`ArchiveError` for the caller to word.
"""

from __future__ import annotations

import errno
import math
import os
import sqlite3
from pathlib import Path

from .errors import ArchiveBusyError, DiskFullError, ReadOnlyError, StorageError, UsageError

#: SQLite's primary result codes (the low byte of an extended code) and the extended ones used.
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_READONLY_DBMOVED = 1032
#: I/O errors while writing or growing a file (or the shared-memory file): what a full disk
#: that SQLite does not see as one (the -shm) or a file size limit (EFBIG) gives.
SQLITE_IOERR_WRITES = (778, 1546, 4874, 5386)  # _WRITE, _TRUNCATE, _SHMSIZE, _SHMMAP
#: Less free space than this after a failed write means the disk is full.
NEARLY_FULL = 1 << 20

BUSY_TIMEOUT_ENV = "ARCHIVER_BUSY_TIMEOUT"
#: Seconds a writer waits for another process's write lock before giving up.
DEFAULT_BUSY_TIMEOUT = 30.0


def busy_timeout() -> float:
    """Seconds to wait for the write lock: ``$ARCHIVER_BUSY_TIMEOUT``, else 30."""
    raw = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    if not raw:
        return DEFAULT_BUSY_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value >= 0):
        raise UsageError(
            f"${BUSY_TIMEOUT_ENV} must be a number of seconds, such as 30; it is {raw!r}"
        )
    return value


def storage_error(location: str, path: Path | None, exc: BaseException) -> StorageError | None:
    """The storage fault behind ``exc`` (an SQLite, SQLAlchemy or OS error met while using the
    archive at ``path``), or None when it is something else (damage, a bug)."""
    if path is None:  # another database server: its own messages say it
        return None
    exc = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's error
    if isinstance(exc, OSError):
        return _from_errno(location, path, exc)
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(exc, sqlite3.Error) or code is None:
        return None
    primary = code & 0xFF
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return busy(location)
    if primary == SQLITE_FULL:
        return disk_full(location)
    if code == SQLITE_READONLY_DBMOVED:
        return StorageError(
            f"the archive {location} was moved, renamed or deleted while archiver had it open; "
            "nothing was written to it after that; put it back, or point --db at where it is "
            "now, then run the command again"
        )
    if primary == SQLITE_READONLY:
        return not_writable(location, path) or ReadOnlyError(
            f"cannot write to the archive {location}: SQLite opened it read-only "
            f"({exc.sqlite_errorname}); nothing in it was changed or lost; check that you can "
            f"write it and the files beside it ({path.name}-wal, {path.name}-shm), then run "
            "the command again"
        )
    if primary == SQLITE_CANTOPEN:
        return (
            unreadable(location, path)
            or not_writable(location, path)
            or StorageError(
                f"SQLite could not open the archive {location} or a file it keeps beside it "
                f"({path.name}-wal, {path.name}-shm); nothing in the archive was changed; check "
                "that these are files you can read and write, then run the command again"
            )
        )
    if primary == SQLITE_IOERR:
        return _io_error(location, path, exc.sqlite_errorname, writing=code in SQLITE_IOERR_WRITES)
    return None


def busy(location: str) -> ArchiveBusyError:
    return ArchiveBusyError(
        f"the archive {location} is busy: another process has held its write lock for more "
        f"than {busy_timeout():g} seconds; nothing was changed or lost; run the command again "
        f"when that process has finished (${BUSY_TIMEOUT_ENV} sets how many seconds to wait)"
    )


def disk_full(location: str) -> DiskFullError:
    return DiskFullError(
        f"cannot write to the archive {location}: the disk holding it is full; what was being "
        "written was rolled back and nothing archived before was lost; free some space there, "
        "then run the command again"
    )


def _from_errno(location: str, path: Path, exc: OSError) -> StorageError | None:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full(location)
    if exc.errno == errno.EFBIG:
        return _io_error(location, path, exc.strerror, writing=True)
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (
            unreadable(location, path)
            or not_writable(location, path)
            or ReadOnlyError(
                f"cannot use the archive {location}: {exc.strerror}"
                + (f" ({exc.filename})" if exc.filename else "")
                + "; nothing in the archive was changed or lost; check its permissions, then "
                "run the command again"
            )
        )
    if exc.errno == errno.EIO:
        return _io_error(location, path, exc.strerror)
    return None


def read_only_file_system(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def not_writable(location: str, path: Path) -> ReadOnlyError | None:
    """Why the archive cannot be written, when a read-only disk, file or folder says so."""
    folder = path.parent
    if read_only_file_system(folder):
        return ReadOnlyError(
            f"the archive {location} is on a read-only file system, so archiver cannot write "
            "it (nor create the files SQLite keeps beside it while it reads); nothing in the "
            "archive was changed or lost; copy it to a writable disk and point --db at the "
            "copy, or remount the disk read-write, then run the command again"
        )
    if path.exists() and not os.access(path, os.W_OK):
        return ReadOnlyError(
            f"cannot write to the archive {location}: the file is read-only for you; nothing in "
            "it was changed or lost; make it writable (chmod u+w) or point --db at a copy you "
            "can write, then run the command again"
        )
    for suffix in ("-wal", "-shm"):
        held = Path(f"{path}{suffix}")
        if held.exists() and not os.access(held, os.W_OK):
            keep = " (never delete it: it may hold the latest articles)" if suffix == "-wal" else ""
            return ReadOnlyError(
                f"cannot write to the archive {location}: the file SQLite keeps beside it, "
                f"{held}, is read-only for you (it belongs to another user, or its permissions "
                "were changed); nothing in the archive was changed or lost; give yourself write "
                f"permission on {held}{keep}, then run the command again"
            )
    if not os.access(folder, os.W_OK | os.X_OK):
        return ReadOnlyError(
            f"cannot use the archive {location}: its folder {folder} is not writable for you, "
            f"and SQLite must create {path}-wal and {path}-shm beside the archive, even to read "
            "it; nothing in the archive was changed or lost; make the folder writable, or copy "
            "the archive to a folder you can write and point --db at the copy"
        )
    return None


def cannot_create(location: str, path: Path) -> ReadOnlyError | None:
    """Why a new archive cannot be made at ``path`` (whose folder exists), if it cannot."""
    folder = path.parent
    if read_only_file_system(folder):
        return ReadOnlyError(
            f"cannot create the archive {location}: the folder {folder} is on a read-only file "
            "system; nothing was written; choose a folder on a writable disk"
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        return ReadOnlyError(
            f"cannot create the archive {location}: the folder {folder} is not writable for "
            "you; nothing was written; choose a folder you can write, or make this one writable"
        )
    return None


def unreadable(location: str, path: Path) -> ReadOnlyError | None:
    """Why the archive cannot be read, when a file of it is not readable for this user."""
    for held in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if held.exists() and not os.access(held, os.R_OK):
            what = "the file" if held == path else f"the file SQLite keeps beside it, {held},"
            return ReadOnlyError(
                f"cannot read the archive {location}: {what} is not readable for you; nothing "
                "in it was changed; give yourself read permission (chmod u+r), or run archiver "
                "as the user who owns it"
            )
    return None


def _size_limit(location: str) -> DiskFullError | None:
    import resource

    limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    if limit == resource.RLIM_INFINITY:
        return None
    return DiskFullError(
        f"cannot write to the archive {location}: a file reached this process's file size "
        f"limit ({limit} bytes, `ulimit -f`); what was being written was rolled back and "
        "nothing archived before was lost; raise the limit, then run the command again"
    )


def _io_error(location: str, path: Path, what: str, *, writing: bool = False) -> StorageError:
    if writing:
        try:
            stat = os.statvfs(path.parent)
            if stat.f_bavail * stat.f_frsize < NEARLY_FULL:
                return disk_full(location)
        except OSError:
            pass
        limited = _size_limit(location)
        if limited is not None:
            return limited
    return StorageError(
        f"the system reported an I/O error ({what}) while archiver used the archive "
        f"{location}; SQLite rolled back what it was writing, so what was archived before is "
        f"kept; check the disk (and that {path.name}-wal and {path.name}-shm were not deleted "
        "while archiver ran), run the command again, and `archiver db check` if it fails again"
    )


def wal_replaced(
    location: str, path: Path, saved: str | None, *, others_wrote: bool = False
) -> StorageError:
    """The write-ahead log this process writes to is no longer the archive's (deleted or
    replaced under it); ``saved`` is None when what it held was saved into the archive file,
    else why it could not be; ``others_wrote`` when another process wrote to the archive
    file meanwhile (through a log of its own, whose work the save may have overwritten)."""
    never = f"never delete {path.name}-wal or {path.name}-shm while archiver runs"
    if saved is not None:
        return StorageError(
            f"the archive's write-ahead log {path}-wal was deleted or replaced while archiver "
            f"had the archive open, and what archiver had written to it could not be saved "
            f"into {location} ({saved}); stopped: `archiver list` shows what the archive "
            f"holds, and adding the rest again goes on; {never}"
        )
    if others_wrote:
        return StorageError(
            f"the archive's write-ahead log {path}-wal was deleted or replaced while archiver "
            f"had the archive open, and another process wrote to {location} meanwhile; what "
            "this archiver had written has been saved into the archive file, over what the "
            "other one wrote since the log was deleted; stopped: run `archiver db check`, add "
            f"what `archiver list` does not show again, and {never}"
        )
    return StorageError(
        f"the archive's write-ahead log {path}-wal was deleted or replaced while archiver "
        f"had the archive open; what archiver had written to it has been saved into "
        f"{location} itself; stopped before writing more: run the command again to go on, "
        f"and {never}"
    )
