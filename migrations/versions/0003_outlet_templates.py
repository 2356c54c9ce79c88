"""Learn each outlet's page template: how many of its articles contain each line.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "template_lines",
        sa.Column("outlet_hash", sa.BigInteger(), nullable=False),
        sa.Column("line_hash", sa.BigInteger(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("outlet_hash", "line_hash", name=op.f("pk_template_lines")),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("template_lines")
