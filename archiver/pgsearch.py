"""The search syntax of ``archiver search`` as a PostgreSQL ``tsquery``: a PostgreSQL archive
runs it over each article's ``search_vector`` (``storage/postgres.py``).

The syntax ``archiver search`` documents is translated: words (all must match), "phrases",
prefix*, AND, OR, NOT, parentheses and ``title:`` (a word or phrase in the title). NEAR has
no equivalent and is refused with a sentence saying what to use instead.
"""

from __future__ import annotations

import re

from .errors import UsageError

_TOKEN = re.compile(r'"(?:[^"]|"")*"?|[^\s()"]+|[()]|\s+')
_WORD = re.compile(r"\w+")
_COLUMN = re.compile(r"^(title|clean_text):(.*)$", re.IGNORECASE)


def tsquery(query: str) -> str:
    """The ``to_tsquery`` text of a search query; raises :class:`UsageError` on what it
    cannot translate."""
    out: list[str] = []
    pending: str | None = None  # the operator written before the next term
    negate = False
    column = ""  # "title:" before a quoted phrase
    depth = 0
    for token in _TOKEN.findall(query):
        if token.isspace():
            continue
        if token.startswith('"') and (len(token) == 1 or not token.endswith('"')):
            raise _invalid(query, "unterminated string")
        if _COLUMN.match(token) and token.endswith(":"):
            column = token
            continue
        if token in ("AND", "OR"):
            if not out or out[-1] == "(" or pending or negate:
                raise _invalid(query, f"syntax error near {token!r}")
            pending = "&" if token == "AND" else "|"
            continue
        if token == "NOT":
            negate = True  # "a NOT b" is "a & !b"
            continue
        if token.startswith("NEAR"):
            raise UsageError(
                f"the query {query!r} uses NEAR, which a PostgreSQL archive cannot search; "
                'use a "quoted phrase" or words that must all match'
            )
        if token == ")":
            depth -= 1
            if depth < 0:
                raise UsageError(f"the query {query!r} closes a bracket it never opened")
            out.append(")")
            continue
        term = "(" if token == "(" else _term(column + token)
        column = ""
        if term is None:
            continue
        if out and out[-1] != "(":
            out.append(pending or "&")
        pending = None
        if negate:
            out.append("!")
            negate = False
        depth += term == "("
        out.append(term)
    if depth:
        raise UsageError(f"the query {query!r} opens a bracket it never closes")
    if pending or negate:
        raise _invalid(query, "it ends with an operator")
    if not any(_WORD.search(part) for part in out):
        raise UsageError("the query is empty; give words to search for")
    return " ".join(out)


def _invalid(query: str, detail: str) -> UsageError:
    """The sentence SQLite's search gives a query it cannot parse."""
    return UsageError(
        f"the query {query!r} is not valid search syntax ({detail}); "
        "retry with --quote to search for the words literally"
    )


def _term(token: str) -> str | None:
    weight = ""
    match = _COLUMN.match(token)
    if match:
        weight = "A" if match.group(1).lower() == "title" else "B"
        token = match.group(2)
    token = token.lstrip("^")
    prefix = token.endswith("*") and not token.startswith('"')
    words = _WORD.findall(token.strip('"*').replace('""', '"').lower())
    if weight and len(words) > 1:
        marks = ":" + weight
        return "(" + " <-> ".join(f"'{w}'{marks}" for w in words) + ")"
    if not words:
        return None
    marks = ":" + weight if weight else ""
    lexemes = [f"'{w}'{marks}" for w in words]
    if prefix:
        lexemes[-1] = f"'{words[-1]}':*{weight}"
    return lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")"
