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
#: The word index, and the trigram index of Chinese and Japanese text (migration 0007).
WORD_TABLE, CJK_TABLE = "articles_fts", "articles_cjk_fts"
#: Snippets of the trigram index count characters, not words.
CJK_SNIPPET_TOKENS = 40
#: A character of a script written without spaces (kana, CJK ideographs): a query holding one
#: searches the trigram index, which matches any substring of three characters or more.
CJK_CHAR = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
TRIGRAM = 3
#: Characters of context each side of the first match in a snippet made without FTS5.
LIKE_CONTEXT = 20
_SYNTAX = re.compile(r"[()*^:]|\b(?:AND|OR|NOT|NEAR)\b")
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
    table = CJK_TABLE if CJK_CHAR.search(query) else WORD_TABLE
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
    if table == CJK_TABLE and (short := _short_terms(query, literal)):
        # Trigrams cannot match one or two characters: such words are looked for as they are.
        if not literal and _SYNTAX.search(query):
            raise UsageError(
                f"{short[0]!r} is too short to combine with search operators (Chinese and "
                "Japanese words of one or two characters are searched as plain words only); "
                "search for the words alone or use longer ones"
            )
        terms = query.split() if literal else _terms(query)
        hits = _substring_search(archive, terms, filters, params, order, limit)
        return _ranked(hits)
    try:
        with archive.db.reading() as conn:
            ranked = conn.execute(text(_ranking_sql(filters, order, table)), params).all()
            # Snippets and article fields only for the hits shown, not for every match; one
            # rowid at a time, which FTS5 answers without evaluating the query over the index.
            # The score comes from the ranking: BM25 here would count each term's documents
            # again for every hit (20 ms a hit for a word in every article of 100,000).
            details = text(_details_sql(table))
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
    return _ranked(hits)


def _ranked(hits: list[SearchHit]) -> list[SearchHit]:
    """Number the hits in their order and give each its relevance next to the best."""
    best = min((h.score for h in hits), default=0.0)  # BM25 in SQLite: more negative is better
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


def _score(table: str) -> str:
    return f"bm25({table}, {TITLE_WEIGHT}, {BODY_WEIGHT})"


def _details_sql(table: str) -> str:
    tokens = CJK_SNIPPET_TOKENS if table == CJK_TABLE else SNIPPET_TOKENS
    return f"""
    SELECT a.id, a.title, a.outlet, a.author, a.published,
           snippet({table}, 1, '{HIT_START}', '{HIT_END}', '…', {tokens}),
           ({_PUBLISHED_SOURCE})
    FROM {table} JOIN articles a ON a.id = {table}.rowid
    WHERE {table} MATCH :query AND {table}.rowid = :id
"""


_PUBLISHED_SOURCE = (
    "SELECT f.source FROM article_fields f WHERE f.article_id = a.id AND f.name = 'published'"
)


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


def _terms(query: str) -> list[str]:
    """The words of a query without operators, quotes taken off phrases, and a column filter,
    a leading ^ and a trailing * taken off words (NEAR's distance is no word)."""
    found, previous = [], ""
    for token in _QUOTED_OR_TOKEN.findall(query):
        if token.isspace():
            continue
        if token.startswith('"'):
            word = token.strip('"').replace('""', '"')
        elif (
            token in "(),"
            or token in _OPERATORS
            or token.startswith("NEAR")
            or (previous == "," and token.isdigit())
        ):
            word = ""
        else:
            word = _TOKEN_PARTS.match(token).group(3)
        previous = token
        if word.strip():
            found.append(word.strip())
    return found


def _short_terms(query: str, literal: bool) -> list[str]:
    """The words of a query too short for the trigram index to match."""
    return [w for w in (query.split() if literal else _terms(query)) if len(w) < TRIGRAM]


def _substring_search(
    archive: Archive, terms: list[str], filters: list[str], params: dict, order: str, limit: int
) -> list[SearchHit]:
    """Articles of the Chinese and Japanese index holding every term as it is (SQL LIKE),
    scored like BM25's sign (lower is better): -(title occurrences x TITLE_WEIGHT + text
    occurrences x BODY_WEIGHT) over the text's length in thousands of characters. Ranked in
    SQL; texts are read back only for the snippets of the hits shown."""
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
    hits = []
    with archive.db.reading() as conn:
        ranked = conn.execute(text(ranking + " LIMIT :limit"), params).all()
        for article_id, score_ in ranked:
            row = conn.execute(details, {"id": article_id}).one()
            snippet = _substring_snippet(row[5], terms)
            hits.append(SearchHit(*row[:5], float(score_), snippet, row[6]))
    return hits


def _occurrences(column: str, i: int) -> str:
    """How many times term ``i`` occurs in ``column`` (ASCII case ignored, as LIKE does)."""
    return (
        f"((length(lower({column})) - length(replace(lower({column}), :w{i}, ''))) / length(:w{i}))"
    )


def _substring_snippet(body: str, terms: list[str]) -> str:
    """Text around the first match of a term, every term in it marked as FTS5 marks them."""
    folded = body.casefold()
    found = [i for t in terms if (i := folded.find(t.casefold())) >= 0]
    first = min(found, default=0)
    start, end = max(0, first - LIKE_CONTEXT), min(len(body), first + 3 * LIKE_CONTEXT)
    window = _SPACES.sub(" ", body[start:end])
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.I)
    marked = pattern.sub(lambda m: HIT_START + m.group(0) + HIT_END, window)
    return ("…" if start else "") + marked.strip() + ("…" if end < len(body) else "")


def _explain(query: str, exc: OperationalError) -> str:
    reason = str(exc.orig)
    detail = _FTS_ERROR.match(reason).group(1)
    return (
        f"the query {query!r} is not valid search syntax ({detail}); "
        "retry with --quote to search for the words literally"
    )
