"""Search on PostgreSQL: a tsvector of each article, the title weighted above the body,
accents folded, kept in step by a trigger and indexed with GIN. SQLite archives search with
FTS5 (0004) and are left as they are.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

#: The text search configuration: words as they are (no stemming), like FTS5's unicode61.
CONFIG = "simple"

STATEMENTS = (
    # unaccent is a trusted extension (PostgreSQL 13 and later): the database's owner may
    # create it.
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "ALTER TABLE articles ADD COLUMN search_vector tsvector",
    f"""CREATE FUNCTION archiver_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('{CONFIG}', unaccent(coalesce(NEW.title, ''))), 'A')
            || setweight(to_tsvector('{CONFIG}', unaccent(coalesce(NEW.clean_text, ''))), 'B');
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER articles_search_vector BEFORE INSERT OR UPDATE OF title, clean_text
        ON articles FOR EACH ROW EXECUTE FUNCTION archiver_search_vector()""",
    "UPDATE articles SET title = title",
    "CREATE INDEX articles_search ON articles USING gin (search_vector)",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX articles_search")
    op.execute("DROP TRIGGER articles_search_vector ON articles")
    op.execute("DROP FUNCTION archiver_search_vector()")
    op.execute("ALTER TABLE articles DROP COLUMN search_vector")
