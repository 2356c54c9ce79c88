"""Removed lines name the rule that removed them: a nullable ``rule`` column holding the
rule's id from archiver/rules.py ("eu-navigation"), empty for lines no rule matched (the
page's shape, its header or its outlet's template removed them) and for lines removed before
this revision until `archiver reclean` cleans them again.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("removed_lines") as batch:
        batch.add_column(sa.Column("rule", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("removed_lines") as batch:
        batch.drop_column("rule")
