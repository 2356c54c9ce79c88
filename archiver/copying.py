"""`archiver db copy`: move an archive between backends (SQLite and PostgreSQL), whole.

Every table the models declare is copied row for row, in an order that satisfies the foreign
keys: original bytes, articles, their fields and removed lines, outlets' template counts,
learned boilerplate, reuse signatures, LSH bands and pairs. SQLite's search index is filled by
its triggers as the articles arrive. The copy is one transaction on the destination, which
must be a new or empty archive: a failure leaves it as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import ArchiveError
from .storage import storage_for
from .store import Database, hide_password

#: Rows read and written at a time.
CHUNK = 1000


@dataclass
class Copied:
    """How many rows of each table were copied."""

    rows: dict[str, int] = field(default_factory=dict)

    @property
    def articles(self) -> int:
        return self.rows.get("articles", 0)


def copy_archive(
    source: Database, target: Database, progress: Callable[[int], None] | None = None
) -> Copied:
    """Copy every row of ``source`` into the empty archive ``target``. ``progress`` hears
    how many rows were written since it was last called."""
    with target.reading() as conn:
        held = storage_for(conn).count_articles()
    if held:
        raise ArchiveError(
            f"{hide_password(target.location)} already holds articles; "
            "copy into a new, empty archive"
        )
    copied = Copied()
    with source.reading() as reading, target.writing() as writing:
        origin, destination = storage_for(reading), storage_for(writing)
        for table in origin.tables():
            count = 0
            for chunk in origin.table_rows(table, CHUNK):
                destination.add_table_rows(table, chunk)
                count += len(chunk)
                if progress is not None:
                    progress(len(chunk))
            copied.rows[table] = count
        destination.after_copy()
    return copied


def row_count(database: Database) -> int:
    """How many rows :func:`copy_archive` will copy (for a progress bar)."""
    with database.reading() as conn:
        storage = storage_for(conn)
        return sum(storage.count_rows(table) for table in storage.tables())
