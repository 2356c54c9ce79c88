"""The archive in an SQLite file: the write lock is ``BEGIN IMMEDIATE`` (``store.py``), bulk
writes go through sqlite3's ``executemany``, and full-text search is FTS5 (BM25 ranking over
the word index; a trigram index for Chinese and Japanese, migration 0007)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from sqlalchemy import text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.sql.dml import Insert

from ..errors import UsageError
from .base import CJK_RANGES, SearchRequest, SearchRow, Storage, search_conditions

#: BM25 column weights: a match in the title counts ten times one in the body.
TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0
#: The word index, and the trigram index of Chinese and Japanese text (migration 0007).
WORD_TABLE, CJK_TABLE = "articles_fts", "articles_cjk_fts"
#: Snippets of the trigram index count characters, not words.
CJK_SNIPPET_TOKENS = 40
#: How many band rows become Python tuples at once: the longest pages have hundreds of
#: thousands of them.
_ROWS_AT_ONCE = 1 << 16

_FTS_ERROR = re.compile(r"^(?:fts5: )?(.*)$")
_PUBLISHED_SOURCE = (
    "SELECT f.source FROM article_fields f WHERE f.article_id = a.id AND f.name = 'published'"
)


class SQLiteStorage(Storage):
    dialect = "sqlite"

    def take_turns(self) -> None:
        """Nothing to do: ``Database.writing`` opens SQLite's write transactions with
        ``BEGIN IMMEDIATE``, which waits for the write lock (the busy timeout)."""

    def _append_bands(self, segment: int, rows: np.ndarray) -> None:
        # Straight to the driver: building SQLAlchemy parameters for ~800 rows costs more
        # than inserting them. A slice of rows at a time becomes Python tuples.
        for lo in range(0, len(rows), _ROWS_AT_ONCE):
            self.conn.exec_driver_sql(
                "INSERT INTO lsh_bands (segment, key, passage) VALUES (?, ?, ?)",
                [
                    (segment, key, passage)
                    for key, passage in rows[lo : lo + _ROWS_AT_ONCE].tolist()
                ],
            )

    def add_pair_shingles(self, rows: Sequence[tuple[int, int]]) -> None:
        if rows:
            self.conn.exec_driver_sql(
                "INSERT OR IGNORE INTO pair_shingles (hash, article_id) VALUES (?, ?)", rows
            )

    def texts_holding_cjk(self):
        pattern = f"*[{CJK_RANGES}]*"
        sql = "SELECT id, clean_text FROM articles WHERE clean_text GLOB ?"
        return iter(self.conn.exec_driver_sql(sql, (pattern,)))

    def run_plain(self, sql: str):
        return self.conn.exec_driver_sql(sql)

    def after_copy(self) -> None:
        """Nothing to do: a new row's id follows the highest one in its table."""

    @staticmethod
    def _insert(table) -> Insert:
        return sqlite_insert(table)

    def _one_of(self, column: str, values: Sequence) -> tuple[str, tuple]:
        return f"{column} IN ({','.join('?' * len(values))})", tuple(values)

    # -- full-text search --------------------------------------------------------------------

    def search(self, request: SearchRequest) -> list[SearchRow]:
        from .. import fts

        query, literal = request.query, request.literal
        match = fts.quote(query) if literal else fts.soften(query)
        filters, params = search_conditions(request.filters, "LIKE")
        params.update(query=match, limit=request.limit)
        if not fts.CJK_CHAR.search(query):
            return self._fts5(WORD_TABLE, query, match, filters, params, request.order)
        short = fts.short_terms(query, literal)
        if not short:
            return self._fts5(CJK_TABLE, query, match, filters, params, request.order)
        # Trigrams cannot match one or two characters: such words are looked for as they are.
        if not literal and fts.SYNTAX.search(query):
            raise UsageError(
                f"{short[0]!r} is too short to combine with search operators (Chinese and "
                "Japanese words of one or two characters are searched as plain words only); "
                "search for the words alone or use longer ones"
            )
        terms = query.split() if literal else fts.terms(query)
        return self._substrings(terms, filters, params, request.order)

    def _fts5(
        self, table: str, query: str, match: str, filters: list[str], params: dict, order: str
    ) -> list[SearchRow]:
        try:
            ranked = self.conn.execute(text(_ranking_sql(filters, order, table)), params).all()
            # Snippets and article fields only for the hits shown, not for every match; one
            # rowid at a time, which FTS5 answers without evaluating the query over the index.
            # The score comes from the ranking: BM25 here would count each term's documents
            # again for every hit (20 ms a hit for a word in every article of 100,000).
            details = text(_details_sql(table))
            rows = [
                self.conn.execute(details, {"query": match, "id": i}).one_or_none()
                for i, _ in ranked
            ]
        except OperationalError as exc:
            raise UsageError(_explain(query, exc)) from None
        by_id = {row[0]: row for row in rows if row is not None}
        return [(*by_id[i][:7], score) for i, score in ranked if i in by_id]

    def _substrings(
        self, terms: list[str], filters: list[str], params: dict, order: str
    ) -> list[SearchRow]:
        """Articles of the Chinese and Japanese index holding every term as it is (SQL LIKE),
        scored like BM25's sign (lower is better): -(title occurrences x TITLE_WEIGHT + text
        occurrences x BODY_WEIGHT) over the text's length in thousands of characters. Ranked
        in SQL; texts are read back only for the snippets of the hits shown."""
        from ..fts import substring_snippet

        likes, counts = [], []
        title = "coalesce(a.title, '')"
        for i, term in enumerate(terms):
            params[f"t{i}"] = "%" + re.sub(r"([\\%_])", r"\\\1", term) + "%"
            params[f"w{i}"] = term
            likes.append(f"(a.title LIKE :t{i} ESCAPE '\\' OR a.clean_text LIKE :t{i} ESCAPE '\\')")
            counts.append(
                f"{TITLE_WEIGHT} * {_occurrences(title, i)} "
                f"+ {BODY_WEIGHT} * {_occurrences('a.clean_text', i)}"
            )
        score = f"-({' + '.join(counts)}) / max(1.0, length(a.clean_text) / 1000.0)"
        where = " AND ".join([f"a.id IN (SELECT id FROM {CJK_TABLE}_docsize)", *likes, *filters])
        ordering = (
            "score, a.id"
            if order == "relevance"
            else "a.published IS NULL, a.published DESC, a.id DESC"
        )
        ranking = f"SELECT a.id, {score} AS score FROM articles a WHERE {where} ORDER BY {ordering}"
        details = text(
            "SELECT a.id, a.title, a.outlet, a.author, a.published, a.clean_text, "
            f"({_PUBLISHED_SOURCE}) FROM articles a WHERE a.id = :id"
        )
        rows = []
        for article_id, score_ in self.conn.execute(text(ranking + " LIMIT :limit"), params).all():
            row = self.conn.execute(details, {"id": article_id}).one()
            rows.append((*row[:5], substring_snippet(row[5], terms), row[6], float(score_)))
        return rows


def _score(table: str) -> str:
    return f"bm25({table}, {TITLE_WEIGHT}, {BODY_WEIGHT})"


def _details_sql(table: str) -> str:
    from ..fts import HIT_END, HIT_START, SNIPPET_TOKENS

    tokens = CJK_SNIPPET_TOKENS if table == CJK_TABLE else SNIPPET_TOKENS
    return f"""
    SELECT a.id, a.title, a.outlet, a.author, a.published,
           snippet({table}, 1, '{HIT_START}', '{HIT_END}', '…', {tokens}),
           ({_PUBLISHED_SOURCE})
    FROM {table} JOIN articles a ON a.id = {table}.rowid
    WHERE {table} MATCH :query AND {table}.rowid = :id
"""


def _ranking_sql(filters: list[str], order: str, table: str = WORD_TABLE) -> str:
    """The ids and scores of the best ``limit`` matches, from the index alone where it can
    (BM25 costs nothing more here: each term's document count is taken once a statement)."""
    score = _score(table)
    if order == "relevance":
        restrict = (
            f" AND rowid IN (SELECT a.id FROM articles a WHERE {' AND '.join(filters)})"
            if filters
            else ""
        )
        return (
            f"SELECT rowid, {score} FROM {table} WHERE {table} MATCH :query{restrict} "
            f"ORDER BY {score} LIMIT :limit"
        )
    where = " AND ".join([f"{table} MATCH :query", *filters])
    return (
        f"SELECT a.id, {score} FROM {table} JOIN articles a ON a.id = {table}.rowid "
        f"WHERE {where} ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT :limit"
    )


def _occurrences(column: str, i: int) -> str:
    """How many times term ``i`` occurs in ``column`` (ASCII case ignored, as LIKE does)."""
    return (
        f"((length(lower({column})) - length(replace(lower({column}), :w{i}, ''))) / length(:w{i}))"
    )


def _explain(query: str, exc: OperationalError) -> str:
    detail = _FTS_ERROR.match(str(exc.orig)).group(1)
    return (
        f"the query {query!r} is not valid search syntax ({detail}); "
        "retry with --quote to search for the words literally"
    )
