"""The LSH band index in sorted segments, merged in the background (archiver/storage/bands.py).

``lsh_bands`` gains the segment holding each row, first in its primary key, so that a write
appends a segment at the end of the table instead of touching a page per row all through it;
``lsh_segments`` lists the segments, their tier and the progress of merges. The rows already
indexed become one live segment.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

import math

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

#: As archiver.storage.bands.ROWS_AT_TIER_0 and FANOUT (a migration does not import the
#: package it migrates).
ROWS_AT_TIER_0 = 400
FANOUT = 4


def _rebuild_bands(columns: list[sa.Column], primary_key: list[str], copy: str) -> None:
    """Make lsh_bands again with these columns, copying its rows with ``copy`` (a SELECT
    from lsh_bands_old)."""
    op.rename_table("lsh_bands", "lsh_bands_old")
    if op.get_bind().dialect.name == "postgresql":  # names of constraints are schema-wide
        op.execute("ALTER TABLE lsh_bands_old RENAME CONSTRAINT pk_lsh_bands TO pk_lsh_bands_old")
    op.create_table(
        "lsh_bands",
        *columns,
        sa.PrimaryKeyConstraint(*primary_key, name=op.f("pk_lsh_bands")),
        sqlite_with_rowid=False,
    )
    op.execute(f"INSERT INTO lsh_bands ({', '.join(c.name for c in columns)}) {copy}")
    op.drop_table("lsh_bands_old")


def upgrade() -> None:
    op.create_table(
        "lsh_segments",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("tier", sa.Integer(), nullable=False),
        sa.Column("rows", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("merge_into", sa.BigInteger(), nullable=True),
        sa.Column("slices", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("done", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lsh_segments")),
    )
    _rebuild_bands(
        [
            sa.Column("segment", sa.BigInteger(), autoincrement=False, nullable=False),
            sa.Column("key", sa.BigInteger(), autoincrement=False, nullable=False),
            sa.Column("passage", sa.BigInteger(), autoincrement=False, nullable=False),
        ],
        ["segment", "key", "passage"],
        "SELECT 1, key, passage FROM lsh_bands_old ORDER BY key, passage",
    )
    rows = op.get_bind().execute(sa.text("SELECT count(*) FROM lsh_bands")).scalar_one()
    if rows:
        tier = max(0, int(math.log(rows / ROWS_AT_TIER_0, FANOUT)))
        op.execute(
            "INSERT INTO lsh_segments (id, tier, rows, state, slices, done) "
            f"VALUES (1, {tier}, {rows}, 'live', 0, 0)"
        )


def downgrade() -> None:
    # Only live segments answer lookups: a merge under way is dropped, its sources kept.
    _rebuild_bands(
        [
            sa.Column("key", sa.BigInteger(), autoincrement=False, nullable=False),
            sa.Column("passage", sa.BigInteger(), autoincrement=False, nullable=False),
        ],
        ["key", "passage"],
        "SELECT DISTINCT key, passage FROM lsh_bands_old WHERE segment IN "
        "(SELECT id FROM lsh_segments WHERE state = 'live') ORDER BY key, passage",
    )
    op.drop_table("lsh_segments")
