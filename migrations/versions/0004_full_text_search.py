"""Search titles and clean text: an FTS5 index kept in step with the articles by triggers.

Diacritics are folded ("Sao Paulo" finds "São Paulo"). The index holds no copy of the
text (external content): it reads titles and clean text from the articles table.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

STATEMENTS = (
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, clean_text, content='articles', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, clean_text)
        VALUES (new.id, new.title, new.clean_text);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, clean_text)
        VALUES ('delete', old.id, old.title, old.clean_text);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, clean_text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, clean_text)
        VALUES ('delete', old.id, old.title, old.clean_text);
        INSERT INTO articles_fts(rowid, title, clean_text)
        VALUES (new.id, new.title, new.clean_text);
    END""",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # FTS5 is SQLite's; other databases are searched without it
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER articles_fts_{name}")
    op.execute("DROP TABLE articles_fts")
