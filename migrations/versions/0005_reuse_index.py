"""Find reused passages: passage signatures, their LSH band index, and verified pairs.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reuse_signatures",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("scheme", sa.Text(), nullable=False),
        sa.Column("passages", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_reuse_signatures_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_reuse_signatures")),
    )
    op.create_table(
        "lsh_bands",
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("passage", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("key", "passage", name=op.f("pk_lsh_bands")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "reuse_pairs",
        sa.Column("a", sa.Integer(), nullable=False),
        sa.Column("b", sa.Integer(), nullable=False),
        sa.Column("shared_words", sa.Integer(), nullable=False),
        sa.Column("coverage_a", sa.Float(), nullable=False),
        sa.Column("coverage_b", sa.Float(), nullable=False),
        sa.Column("spans", sa.Text(), nullable=False),
        sa.Column("source", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.String(16), nullable=False),
        sa.Column("attributed", sa.Boolean(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["a"], ["articles.id"], name=op.f("fk_reuse_pairs_a_articles"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["b"], ["articles.id"], name=op.f("fk_reuse_pairs_b_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("a", "b", name=op.f("pk_reuse_pairs")),
    )
    op.create_index("ix_reuse_pairs_b", "reuse_pairs", ["b"])


def downgrade() -> None:
    op.drop_index("ix_reuse_pairs_b", table_name="reuse_pairs")
    op.drop_table("reuse_pairs")
    op.drop_table("lsh_bands")
    op.drop_table("reuse_signatures")
