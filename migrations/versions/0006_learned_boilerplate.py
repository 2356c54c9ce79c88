"""Learn boilerplate from the archive (the word shingles of text judged to be shared
templates), and tell shared quotations from copies among the reuse pairs.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "boilerplate_shingles",
        sa.Column("hash", sa.BigInteger(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("hash", name=op.f("pk_boilerplate_shingles")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("reuse_pairs") as batch:
        batch.add_column(sa.Column("kind", sa.String(16), nullable=False, server_default="copy"))


def downgrade() -> None:
    with op.batch_alter_table("reuse_pairs") as batch:
        batch.drop_column("kind")
    op.drop_table("boilerplate_shingles")
