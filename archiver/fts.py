"""Full-text search over titles and clean text (SQLite FTS5, BM25 ranking, snippets)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from .archive import Archive
from .errors import ArchiveError, UsageError

#: Marks around matched words in snippets; private-use characters never found in news text.
HIT_START, HIT_END = "\ue000", "\ue001"
#: BM25 column weights: a match in the title counts ten times one in the body.
TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0
SNIPPET_TOKENS = 16
ORDERS = ("relevance", "date")
_FTS_ERROR = re.compile(r"^(?:fts5: )?(.*)$")
# A query is quoted strings and other tokens; "don't", "COVID-19" and "U.N." are words to a
# person but syntax errors to FTS5, so such tokens are quoted (keeping a column filter, a
# leading ^ and a trailing * outside the quotes).
_QUOTED_OR_TOKEN = re.compile(r'"(?:[^"]|"")*"?|[^\s(),"]+|[(),]|\s+')
_TOKEN_PARTS = re.compile(r"^(\^?)((?:\w+:)?)(.*?)(\*?)$")
_OPERATORS = {"AND", "OR", "NOT"}
_WORD = re.compile(r"^\w+$")
_SPACES = re.compile(r"\s+")


@dataclass
class SearchHit:
    """One matching article, with a snippet whose matches sit between HIT_START/HIT_END."""

    id: int
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    score: float  # BM25: lower is better (SQLite's sign convention)
    snippet: str
    published_source: str | None = None  # ``header-date`` is often the crawl date
    #: Place in the answer, 1 first (by relevance, or by date with ``order="date"``).
    rank: int = 0
    #: How well it matches next to the best match of the answer: 1.0 for the best, towards 0
    #: for the weakest (the BM25 score over the best one's). Not comparable across queries.
    relevance: float = 0.0

    @property
    def plain_snippet(self) -> str:
        return self.snippet.replace(HIT_START, "").replace(HIT_END, "")

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "author": self.author,
            "published": self.published,
            "published_source": self.published_source,
            "score": round(self.score, 4),
            "rank": self.rank,
            "relevance": round(self.relevance, 4),
            "snippet": self.plain_snippet,
        }


def quote(query: str) -> str:
    """The words of ``query`` as FTS5 strings: searched literally, operators and all."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in query.split())


def soften(query: str) -> str:
    """Quote the tokens FTS5 would reject although they are plain words to a reader."""
    out = []
    for token in _QUOTED_OR_TOKEN.findall(query):
        if (
            token.startswith('"')
            or token.isspace()
            or token in "(),"
            or token in _OPERATORS
            or token.startswith("NEAR")
        ):
            out.append(token)
            continue
        caret, column, core, star = _TOKEN_PARTS.match(token).groups()
        if core and not _WORD.match(core):
            core = '"' + core + '"'
        out.append(caret + column + core + star)
    return "".join(out)


def search(
    archive: Archive | str | None,
    query: str,
    *,
    outlet: str | None = None,
    author: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    order: str = "relevance",
    literal: bool = False,
) -> list[SearchHit]:
    """Articles matching an FTS5 query (phrases, prefix*, AND/OR/NOT, NEAR, title:...).

    ``archive`` is an open Archive, or a path/URL (None: $ARCHIVER_DB or ./archive.db) opened
    for this search only. A query FTS5 cannot parse raises ``UsageError`` suggesting
    ``literal`` (``--quote``).
    """
    if not isinstance(archive, Archive):
        with Archive.open(archive) as opened:
            return search(
                opened,
                query,
                outlet=outlet,
                author=author,
                since=since,
                until=until,
                limit=limit,
                order=order,
                literal=literal,
            )
    if order not in ORDERS:
        raise UsageError(f"unknown order {order!r}; use relevance or date")
    match = quote(query) if literal else soften(query)
    if not match.strip():
        raise UsageError("the query is empty; give words to search for")
    postgres = archive.db.engine.dialect.name == "postgresql"
    if not postgres and archive.db.engine.dialect.name != "sqlite":
        raise ArchiveError("search needs an SQLite or PostgreSQL archive")
    filters, params = [], {"query": match, "limit": limit}
    if outlet:
        filters.append("lower(a.outlet) = lower(:outlet)")
        params["outlet"] = outlet
    if author:
        filters.append("a.author ILIKE :author" if postgres else "a.author LIKE :author")
        params["author"] = f"%{author}%"
    if since:
        filters.append("a.published >= :since")
        params["since"] = since
    if until:
        filters.append("substr(a.published, 1, :until_len) <= :until")
        params.update(until=until, until_len=len(until))
    if postgres:
        return _ranked_hits(_postgres_rows(archive, query, literal, filters, params, order))
    try:
        with archive.db.reading() as conn:
            ranked = conn.execute(text(_ranking_sql(filters, order)), params).all()
            # Snippets and article fields only for the hits shown, not for every match; one
            # rowid at a time, which FTS5 answers without evaluating the query over the index.
            # The score comes from the ranking: BM25 here would count each term's documents
            # again for every hit (20 ms a hit for a word in every article of 100,000).
            details = text(_DETAILS_SQL)
            rows = [
                conn.execute(details, {"query": match, "id": i}).one_or_none() for i, _ in ranked
            ]
    except OperationalError as exc:
        raise UsageError(_explain(query, exc)) from None
    by_id = {row[0]: row for row in rows if row is not None}
    return _ranked_hits([(*by_id[i][:7], score) for i, score in ranked if i in by_id])


def _ranked_hits(rows: list[tuple]) -> list[SearchHit]:
    """Hits from rows (id, title, outlet, author, published, snippet, published source,
    score), in order; the score is lower for a better match (BM25's sign in SQLite)."""
    hits = [
        SearchHit(*row[:5], row[7], _SPACES.sub(" ", row[5] or "").strip(), row[6]) for row in rows
    ]
    best = min((h.score for h in hits), default=0.0)
    for rank, hit in enumerate(hits, 1):
        hit.rank = rank
        hit.relevance = hit.score / best if best < 0 else 1.0
    return hits


def _postgres_rows(
    archive: Archive, query: str, literal: bool, filters: list[str], params: dict, order: str
) -> list[tuple]:
    from . import pgsearch

    terms = pgsearch.tsquery(quote(query) if literal else query)
    with archive.db.reading() as conn:
        rows = pgsearch.ranked(
            conn, terms, filters, params, order, (HIT_START, HIT_END), SNIPPET_TOKENS
        )
    # ts_rank: higher is better; scores are negated to keep SQLite's sign.
    return [(*row[:7], -float(row[7])) for row in rows]


_SCORE = f"bm25(articles_fts, {TITLE_WEIGHT}, {BODY_WEIGHT})"
_DETAILS_SQL = f"""
    SELECT a.id, a.title, a.outlet, a.author, a.published,
           snippet(articles_fts, 1, '{HIT_START}', '{HIT_END}', '…', {SNIPPET_TOKENS}),
           (SELECT f.source FROM article_fields f WHERE f.article_id = a.id
            AND f.name = 'published')
    FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
    WHERE articles_fts MATCH :query AND articles_fts.rowid = :id
"""


def _ranking_sql(filters: list[str], order: str) -> str:
    """The ids and scores of the best ``limit`` matches, from the index alone where it can
    (BM25 costs nothing more here: each term's document count is taken once a statement)."""
    if order == "relevance":
        restrict = (
            f" AND rowid IN (SELECT a.id FROM articles a WHERE {' AND '.join(filters)})"
            if filters
            else ""
        )
        return (
            f"SELECT rowid, {_SCORE} FROM articles_fts WHERE articles_fts MATCH :query{restrict} "
            f"ORDER BY {_SCORE} LIMIT :limit"
        )
    where = " AND ".join(["articles_fts MATCH :query", *filters])
    return (
        f"SELECT a.id, {_SCORE} FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
        f"WHERE {where} ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT :limit"
    )


def _explain(query: str, exc: OperationalError) -> str:
    reason = str(exc.orig)
    detail = _FTS_ERROR.match(reason).group(1)
    return (
        f"the query {query!r} is not valid search syntax ({detail}); "
        "retry with --quote to search for the words literally"
    )
