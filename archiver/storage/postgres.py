"""The archive on a PostgreSQL server, shared by many writers: the write lock is an advisory
lock, bulk writes send one array per column (``unnest``), and full-text search is a
``tsquery`` over each article's ``search_vector`` (migration 0008: title weighted above the
body, accents folded), ranked with ``ts_rank`` and shown with ``ts_headline`` snippets."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sqlalchemy import Integer, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.sql.dml import Insert

from ..models import Base
from .base import CJK_RANGES, SearchRequest, SearchRow, Storage, search_conditions

#: The advisory lock writers take ("ARCV" as a number).
WRITE_LOCK = 0x41524356
#: Rank weights for the body and the title, as tsvector weights {D, C, B, A}: a match in the
#: title counts ten times one in the body (as FTS5's column weights on SQLite).
WEIGHTS = "{0.1, 0.1, 0.1, 1.0}"


class PostgresStorage(Storage):
    dialect = "postgresql"

    def take_turns(self) -> None:
        """Wait for the advisory write lock, as SQLite's BEGIN IMMEDIATE does; two processes
        starting on an empty database thus do not both create the tables."""
        self.conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")

    def _append_bands(self, segment: int, rows: np.ndarray) -> None:
        # One statement with two arrays, not one per row.
        self.conn.exec_driver_sql(
            "INSERT INTO lsh_bands (segment, key, passage) "
            "SELECT %s, * FROM unnest(%s::bigint[], %s::bigint[])",
            (segment, rows[:, 0].tolist(), rows[:, 1].tolist()),
        )

    def drop_bands(self, rows: Sequence[tuple[int, int]]) -> None:
        if rows:  # one statement with two arrays, not one per row
            self.conn.exec_driver_sql(
                "DELETE FROM lsh_bands WHERE segment IN (SELECT id FROM lsh_segments) "
                "AND (key, passage) IN (SELECT * FROM unnest(%s::bigint[], %s::bigint[]))",
                _columns(rows),
            )

    def add_pair_shingles(self, rows: Sequence[tuple[int, int]]) -> None:
        if rows:
            self.conn.exec_driver_sql(
                "INSERT INTO pair_shingles (hash, article_id) "
                "SELECT * FROM unnest(%s::bigint[], %s::bigint[]) ON CONFLICT DO NOTHING",
                _columns(rows),
            )

    def texts_holding_cjk(self):
        pattern = f"[{CJK_RANGES}]"
        sql = "SELECT id, clean_text FROM articles WHERE clean_text ~ %s"
        return iter(self.conn.exec_driver_sql(sql, (pattern,)))

    def run_plain(self, sql: str):
        # psycopg reads % as the start of a parameter: doubled, it is the character.
        return self.conn.exec_driver_sql(sql.replace("%", "%%"))

    def after_copy(self) -> None:
        """Ids were copied as they are: the sequences must go on after the highest (a column
        without a sequence gives none, and setval then does nothing)."""
        for table in Base.metadata.sorted_tables:
            (column, *more) = table.primary_key.columns
            if more or not isinstance(column.type, Integer):
                continue
            self.conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                    f"coalesce(max({column.name}), 0) + 1, false) FROM {table.name}"
                )
            )

    @staticmethod
    def _insert(table) -> Insert:
        return pg_insert(table)

    def _one_of(self, column: str, values: Sequence) -> tuple[str, tuple]:
        # One array: psycopg would otherwise parse thousands of placeholders a query.
        return f"{column} = ANY(%s)", (list(values),)

    # -- full-text search --------------------------------------------------------------------

    def search(self, request: SearchRequest) -> list[SearchRow]:
        from ..fts import HIT_END, HIT_START, SNIPPET_TOKENS, quote
        from ..pgsearch import tsquery

        query = tsquery(quote(request.query) if request.literal else request.query)
        filters, params = search_conditions(request.filters, "ILIKE")
        where = " AND ".join(["a.search_vector @@ q.query", *filters])
        order_by = (
            "rank DESC, a.id"
            if request.order == "relevance"
            else "a.published IS NULL, a.published DESC, a.id DESC"
        )
        options = (
            f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords={SNIPPET_TOKENS}, "
            f"MinWords={max(SNIPPET_TOKENS // 2, 1)}, MaxFragments=1, FragmentDelimiter=…"
        )
        sql = f"""
            WITH q AS (SELECT to_tsquery('simple', unaccent(CAST(:tsquery AS text))) AS query),
            best AS (
                SELECT a.id, ts_rank('{WEIGHTS}', a.search_vector, q.query) AS rank
                FROM articles a, q WHERE {where}
                ORDER BY {order_by} LIMIT :limit
            )
            SELECT a.id, a.title, a.outlet, a.author, a.published,
                   ts_headline('simple', a.clean_text, q.query, CAST(:options AS text)),
                   (SELECT f.source FROM article_fields f WHERE f.article_id = a.id
                    AND f.name = 'published'),
                   best.rank
            FROM best JOIN articles a ON a.id = best.id, q
            ORDER BY {order_by.replace("rank", "best.rank")}
        """
        params.update(tsquery=query, options=options, limit=request.limit)
        rows = self.conn.execute(text(sql), params).all()
        # ts_rank: higher is better; scores are negated to keep SQLite's sign. ts_headline
        # marks each word of a phrase on its own: one mark around the phrase, as FTS5 gives it.
        joined = f"{HIT_END} {HIT_START}"
        return [
            (*row[:5], (row[5] or "").replace(joined, " "), row[6], -float(row[7])) for row in rows
        ]


def _columns(rows: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    first, second = map(list, zip(*rows, strict=True))
    return first, second
