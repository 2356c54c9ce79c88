"""Keep every removed line with the rule that removed it; index articles by outlet and date.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "removed_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("lineno", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_removed_lines_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_removed_lines")),
        sa.UniqueConstraint("article_id", "lineno", name=op.f("uq_removed_lines_article_id")),
    )
    op.create_index("ix_removed_lines_reason", "removed_lines", ["reason"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_index("ix_articles_published", "articles", ["published"])


def downgrade() -> None:
    op.drop_index("ix_articles_published", table_name="articles")
    op.drop_index("ix_articles_outlet", table_name="articles")
    op.drop_index("ix_removed_lines_reason", table_name="removed_lines")
    op.drop_table("removed_lines")
