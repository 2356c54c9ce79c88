"""The whole error surface of the library: every expected failure is one of these."""

from .printable import printable


class ArchiverError(Exception):
    """Base class. ``str(error)`` is one sentence a person can act on."""


class InputError(ArchiverError):
    """One input could not be archived (empty, binary, undecodable, no article text...).

    The batch goes on with the next input; nothing already archived is touched.
    """

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        # The path as it prints safely: a name may hold a newline or an escape sequence.
        super().__init__(f"{printable(path)}: {reason}")


class ArchiveError(ArchiverError):
    """The archive itself cannot be used: missing, not an archive, from a newer version."""


class UsageError(ArchiverError):
    """A value given by the user is not valid (a bad date, an unknown format...)."""
