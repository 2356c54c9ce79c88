"""Full-text search over titles and clean text: the query syntax ``archiver search``
documents, and hits ranked and numbered. Each backend runs the search with its own index
(``Storage.search``: FTS5 with BM25 on SQLite, ``tsvector`` on PostgreSQL)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import UsageError
from .storage import ArticleFilter, SearchRequest, storage_for

if TYPE_CHECKING:
    from .archive import Archive

#: Marks around matched words in snippets; private-use characters never found in news text.
HIT_START, HIT_END = "\ue000", "\ue001"
SNIPPET_TOKENS = 16
#: A character of a script written without spaces (kana, CJK ideographs): a query holding one
#: searches the trigram index, which matches any substring of three characters or more.
CJK_CHAR = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
TRIGRAM = 3
#: Characters of context each side of the first match in a snippet made without FTS5.
LIKE_CONTEXT = 20
#: What makes a query more than plain words.
SYNTAX = re.compile(r"[()*^:]|\b(?:AND|OR|NOT|NEAR)\b")
ORDERS = ("relevance", "date")
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
    """Articles matching a query (phrases, prefix*, AND/OR/NOT, NEAR, title:...), by the
    archive's own full-text index (FTS5 on SQLite, ``tsvector`` on PostgreSQL).

    ``archive`` is an open Archive, or a path/URL (None: $ARCHIVER_DB or ./archive.db) opened
    for this search only. A query the index cannot parse raises ``UsageError`` suggesting
    ``literal`` (``--quote``).
    """
    from .archive import Archive

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
    if not (quote(query) if literal else soften(query)).strip():
        raise UsageError("the query is empty; give words to search for")
    request = SearchRequest(
        query,
        literal=literal,
        filters=ArticleFilter(outlet=outlet, since=since, until=until, author=author),
        order=order,
        limit=limit,
    )
    with archive.db.reading() as conn:
        rows = storage_for(conn).search(request)
    return _ranked(
        [
            SearchHit(*row[:5], row[7], _SPACES.sub(" ", row[5] or "").strip(), row[6])
            for row in rows
        ]
    )


def _ranked(hits: list[SearchHit]) -> list[SearchHit]:
    """Number the hits in their order and give each its relevance next to the best."""
    best = min((h.score for h in hits), default=0.0)  # BM25 in SQLite: more negative is better
    for rank, hit in enumerate(hits, 1):
        hit.rank = rank
        hit.relevance = hit.score / best if best < 0 else 1.0
    return hits


def terms(query: str) -> list[str]:
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


def short_terms(query: str, literal: bool) -> list[str]:
    """The words of a query too short for the trigram index to match."""
    return [w for w in (query.split() if literal else terms(query)) if len(w) < TRIGRAM]


def substring_snippet(body: str, terms: list[str]) -> str:
    """Text around the first match of a term, every term in it marked as FTS5 marks them."""
    folded = body.casefold()
    found = [i for t in terms if (i := folded.find(t.casefold())) >= 0]
    first = min(found, default=0)
    start, end = max(0, first - LIKE_CONTEXT), min(len(body), first + 3 * LIKE_CONTEXT)
    window = _SPACES.sub(" ", body[start:end])
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.I)
    marked = pattern.sub(lambda m: HIT_START + m.group(0) + HIT_END, window)
    return ("…" if start else "") + marked.strip() + ("…" if end < len(body) else "")
