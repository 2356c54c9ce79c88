"""Counters of the archive as a whole (``archive_state``): ``rewrites`` counts the changes that
take articles' passages out of the reuse index, so that `add`'s workers can look up reuse
ahead of the writer and the writer can tell whether what they found still holds.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "archive_state",
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_archive_state")),
    )
    # No rows yet: a counter missing is 0, and its first count makes its row.


def downgrade() -> None:
    op.drop_table("archive_state")
