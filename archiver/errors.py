"""The whole error surface of the library: every expected failure is one of these.

Each class carries the exit status the command line ends with (documented in the README):
1 an input could not be archived, 2 a bad value, 3 the archive cannot be used (missing, not
an archive, newer, damaged), 4 its storage refused (read-only, full, no permission, I/O
error) and 5 it is busy (another process held its write lock too long). 4 and 5 leave the
archive intact: fix the cause (or wait) and run the command again.
"""

from .printable import printable


class ArchiverError(Exception):
    """Base class. ``str(error)`` is one sentence a person can act on."""

    exit_status = 1


class InputError(ArchiverError):
    """One input could not be archived (empty, binary, undecodable, no article text...).

    The batch goes on with the next input; nothing already archived is touched.
    """

    exit_status = 1

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        # The path as it prints safely: a name may hold a newline or an escape sequence.
        super().__init__(f"{printable(path)}: {reason}")


class UsageError(ArchiverError):
    """A value given by the user is not valid (a bad date, an unknown format...)."""

    exit_status = 2


class ArchiveError(ArchiverError):
    """The archive itself cannot be used: missing, not an archive, from a newer version."""

    exit_status = 3


class StorageError(ArchiveError):
    """The archive is intact, but where it is stored refused to read or write it: a read-only
    file, folder or disk, no permission, a full disk, an I/O error. What was being written was
    rolled back; nothing archived before is lost. A batch stops here (every later input would
    fail the same way); running it again once the cause is fixed goes on."""

    exit_status = 4


class ReadOnlyError(StorageError):
    """The archive, a file SQLite keeps beside it, its folder or its disk cannot be written."""


class DiskFullError(StorageError):
    """The disk holding the archive is full (or a size limit was reached)."""


class ArchiveBusyError(StorageError):
    """Another process held the archive's write lock longer than the busy timeout."""

    exit_status = 5
