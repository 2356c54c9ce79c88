"""Which stored pairs a newly learned block of boilerplate touches, and which article taught
the archive each boilerplate shingle.

``pair_shingles``: which stored pairs a newly learned block touches: the word shingles reaching
into each pair's spans, with the article holding them. `add` looks the block's shingles up
here to align again every pair they change, not only the pairs of the articles its LSH lookup
happened to find. Filled for the pairs already stored by the upgrade (archiver/upgrading.py).

``boilerplate_shingles.learned_by``: the article whose adding learned the shingle (0 when
learned before this revision: known from the start), and ``known_to_learner``: whether that
article's reuse was then found again knowing it (its lines made of it removed first), so that
`archiver batch` judges each article with what `add` knew when it added it.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pair_shingles",
        sa.Column("hash", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("hash", "article_id", name=op.f("pk_pair_shingles")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("boilerplate_shingles") as batch:
        batch.add_column(
            sa.Column("learned_by", sa.BigInteger(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("known_to_learner", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("boilerplate_shingles") as batch:
        batch.drop_column("known_to_learner")
        batch.drop_column("learned_by")
    op.drop_table("pair_shingles")
