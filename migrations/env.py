"""Alembic environment: runs the archive's migrations on the connection archiver hands it."""

from alembic import context
from sqlalchemy import create_engine

from archiver.models import Base

config = context.config


def include_object(obj, name, type_, reflected, compare_to):
    # Full-text tables (FTS5 and its shadow tables) are written by hand in migrations,
    # so autogenerate must not try to drop them.
    return not (type_ == "table" and name and ("_fts" in name))


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables instead
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:  # the `alembic` command line, for developers writing a new migration
    with create_engine(config.get_main_option("sqlalchemy.url")).connect() as conn:
        run(conn)
