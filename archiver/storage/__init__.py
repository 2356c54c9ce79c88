"""Where the archive keeps its data: one interface (:class:`Storage`), two implementations
(SQLite files and PostgreSQL servers). ``storage_for(conn)`` gives the one for a connection."""

from __future__ import annotations

from sqlalchemy import Connection

from ..errors import ArchiveError
from .base import KEYS_PER_QUERY, ArticleFilter, SearchRequest, SearchRow, Storage
from .postgres import PostgresStorage
from .sqlite import SQLiteStorage

__all__ = [
    "KEYS_PER_QUERY",
    "ArticleFilter",
    "PostgresStorage",
    "SQLiteStorage",
    "SearchRequest",
    "SearchRow",
    "Storage",
    "storage_for",
]

IMPLEMENTATIONS: dict[str, type[Storage]] = {
    implementation.dialect: implementation for implementation in (SQLiteStorage, PostgresStorage)
}


def storage_for(conn: Connection) -> Storage:
    """The storage operations of the database ``conn`` is connected to."""
    implementation = IMPLEMENTATIONS.get(conn.dialect.name)
    if implementation is None:
        raise ArchiveError(
            f"archiver keeps archives in SQLite or PostgreSQL, not {conn.dialect.name}; "
            "give --db a file path or a postgresql:// URL"
        )
    return implementation(conn)
