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

from sqlalchemy import Integer, func, insert, select, text

from .errors import ArchiveError
from .models import Base
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
    tables = Base.metadata.sorted_tables
    with target.reading() as conn:
        held = conn.execute(text("SELECT count(*) FROM originals")).scalar()
    if held:
        raise ArchiveError(
            f"{hide_password(target.location)} already holds articles; "
            "copy into a new, empty archive"
        )
    copied = Copied()
    with source.reading() as reading, target.writing() as writing:
        for table in tables:
            count = 0
            rows = reading.execution_options(yield_per=CHUNK).execute(select(table))
            for chunk in rows.mappings().partitions(CHUNK):
                writing.execute(insert(table), [dict(row) for row in chunk])
                count += len(chunk)
                if progress is not None:
                    progress(len(chunk))
            copied.rows[table.name] = count
        if writing.dialect.name == "postgresql":
            _restart_sequences(writing, tables)
    return copied


def row_count(database: Database) -> int:
    """How many rows :func:`copy_archive` will copy (for a progress bar)."""
    with database.reading() as conn:
        return sum(
            conn.execute(select(func.count()).select_from(table)).scalar()
            for table in Base.metadata.sorted_tables
        )


def _restart_sequences(conn, tables) -> None:
    """Ids were copied as they are: PostgreSQL's sequences must go on after the highest (a
    column without a sequence gives none, and setval then does nothing)."""
    for table in tables:
        (column, *more) = table.primary_key.columns
        if more or not isinstance(column.type, Integer):
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                f"coalesce(max({column.name}), 0) + 1, false) FROM {table.name}"
            )
        )
