"""Reuse in the archive: index an article's passages, verify candidates, store the pairs."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import Connection, bindparam, delete, insert, or_, select

from .align import align
from .minhash import band_keys, from_bytes, is_empty, scheme, sign, to_bytes
from .models import Article, ArticleField, LshBand, ReusePair, ReuseSignature
from .passages import DEFAULT, ReuseSettings, shingle_hashes, split_passages, tokenize
from .provenance import ArticleFacts, Provenance, decide

articles_t = Article.__table__
fields_t = ArticleField.__table__
bands_t = LshBand.__table__
pairs_t = ReusePair.__table__
signatures_t = ReuseSignature.__table__

#: A passage id is its article id shifted left by this many bits, plus its index.
PASSAGE_BITS = 16
#: Band keys looked up per query (SQLite allows 32,766 parameters).
KEYS_PER_QUERY = 5000
#: A band key shared by more articles than this is boilerplate found all over the archive
#: (a stock paragraph, a standard notice), not evidence of reuse: it is skipped. Wire copy
#: carried by fewer outlets than this is still found.
MAX_BAND_ARTICLES = 1000
#: Fields that provenance reads besides the core columns.
PROVENANCE_FIELDS = ("republished", "original_outlet")

_CANDIDATES = select(bands_t.c.key, bands_t.c.passage).where(
    bands_t.c.key.in_(bindparam("keys", expanding=True))
)
_INSERT_BANDS = insert(bands_t)
_INSERT_SIGNATURE = insert(signatures_t)
_INSERT_PAIR = insert(pairs_t)


@dataclass
class Pair:
    """Two articles sharing verified passages; ``a < b``; spans are character offsets."""

    a: int
    b: int
    shared_words: int
    coverage_a: float
    coverage_b: float
    spans: list[list[int]]
    source: int | None
    confidence: str
    attributed: bool
    evidence: list[str] = field(default_factory=list)

    def other(self, article_id: int) -> int:
        return self.b if article_id == self.a else self.a

    def to_json(self) -> dict:
        return {
            "a": self.a,
            "b": self.b,
            "source": self.source,
            "confidence": self.confidence,
            "attributed": self.attributed,
            "shared_words": self.shared_words,
            "coverage_a": round(self.coverage_a, 4),
            "coverage_b": round(self.coverage_b, 4),
            "spans": self.spans,
            "evidence": self.evidence,
        }

    @classmethod
    def from_row(cls, row) -> Pair:
        return cls(
            row.a,
            row.b,
            row.shared_words,
            row.coverage_a,
            row.coverage_b,
            json.loads(row.spans),
            row.source,
            row.confidence,
            bool(row.attributed),
            json.loads(row.evidence),
        )


def signatures(text: str, settings: ReuseSettings = DEFAULT) -> np.ndarray:
    """MinHash signatures of a clean text's passages: shape (passages, num_perm)."""
    tokens = tokenize(text)
    return sign(
        shingle_hashes(tokens, settings.shingle), split_passages(tokens, settings), settings
    )


def index_article(
    conn: Connection, article_id: int, text: str, settings: ReuseSettings = DEFAULT
) -> None:
    """Store an article's signatures and add its passages to the LSH index (incremental)."""
    sigs = signatures(text, settings)
    conn.execute(
        _INSERT_SIGNATURE,
        {
            "article_id": article_id,
            "scheme": json.dumps(scheme(settings), sort_keys=True),
            "passages": len(sigs),
            "data": to_bytes(sigs),
        },
    )
    rows = _band_rows(article_id, sigs, settings)
    if rows:
        conn.execute(_INSERT_BANDS, rows)


def _band_rows(article_id: int, sigs: np.ndarray, settings: ReuseSettings) -> list[dict]:
    if not len(sigs):
        return []
    keys = band_keys(sigs, settings)
    base = article_id << PASSAGE_BITS
    return [
        {"key": int(key), "passage": base + int(index)}
        for index in np.flatnonzero(~is_empty(sigs))
        for key in keys[index]
    ]


def unindex_article(conn: Connection, article_id: int, settings: ReuseSettings = DEFAULT) -> None:
    """Take an article out of the index (before it is cleaned again): bands, signatures, pairs."""
    stored = conn.execute(
        select(signatures_t.c.data).where(signatures_t.c.article_id == article_id)
    ).scalar()
    if stored is not None and stored:
        sigs = np.atleast_2d(from_bytes(stored, settings.num_perm))
        rows = _band_rows(article_id, sigs, settings)
        if rows:
            conn.execute(
                delete(bands_t).where(
                    bands_t.c.key == bindparam("k"), bands_t.c.passage == bindparam("p")
                ),
                [{"k": r["key"], "p": r["passage"]} for r in rows],
            )
    conn.execute(delete(signatures_t).where(signatures_t.c.article_id == article_id))
    conn.execute(delete(pairs_t).where(or_(pairs_t.c.a == article_id, pairs_t.c.b == article_id)))


def candidates(
    conn: Connection, article_id: int, text: str, settings: ReuseSettings = DEFAULT
) -> list[int]:
    """Archived articles sharing an LSH band with one of this text's passages, most bands
    first (unverified: every one must go through :func:`verify`)."""
    sigs = signatures(text, settings)
    if not len(sigs):
        return []
    keys = band_keys(sigs[~is_empty(sigs)], settings).ravel()
    postings: dict[int, list[int]] = {}
    unique = [int(k) for k in np.unique(keys)]
    for start in range(0, len(unique), KEYS_PER_QUERY):
        chunk = unique[start : start + KEYS_PER_QUERY]
        for key, passage in conn.execute(_CANDIDATES, {"keys": chunk}):
            postings.setdefault(key, []).append(passage >> PASSAGE_BITS)
    hits: Counter[int] = Counter()
    for articles in postings.values():
        if len(articles) > MAX_BAND_ARTICLES:
            continue
        hits.update(other for other in articles if other != article_id)
    return [other for other, _ in hits.most_common()]


def facts(conn: Connection, ids: list[int]) -> dict[int, ArticleFacts]:
    """What provenance needs about each article, read from the archive."""
    if not ids:
        return {}
    rows = conn.execute(
        select(
            articles_t.c.id,
            articles_t.c.outlet,
            articles_t.c.clean_text,
            articles_t.c.published,
            articles_t.c.ingested_at,
        ).where(articles_t.c.id.in_(ids))
    ).all()
    found = {
        r.id: ArticleFacts(
            id=r.id,
            outlet=r.outlet,
            text=r.clean_text,
            published=r.published,
            ingested=r.ingested_at.timestamp() if r.ingested_at else None,
        )
        for r in rows
    }
    for r in conn.execute(
        select(fields_t).where(
            fields_t.c.article_id.in_(ids),
            fields_t.c.name.in_(("published", *PROVENANCE_FIELDS)),
        )
    ):
        item = found.get(r.article_id)
        if item is None:
            continue
        if r.name == "published":
            item.published_confidence, item.published_source = r.confidence, r.source
        else:
            item.extra[r.name] = r.value
    return found


def verify(
    conn: Connection, article_id: int, others: list[int], settings: ReuseSettings = DEFAULT
) -> list[Pair]:
    """Align the article with each candidate; store and return the verified pairs."""
    known = facts(conn, [article_id, *others])
    me = known.get(article_id)
    if me is None:
        return []
    mine = tokenize(me.text)
    pairs = []
    for other_id in others:
        other = known.get(other_id)
        if other is None:  # a stale band of an article no longer archived
            continue
        first, second = (me, other) if article_id < other_id else (other, me)
        ta, tb = (mine, tokenize(other.text)) if first is me else (tokenize(other.text), mine)
        alignment = align(ta, tb, settings)
        if not alignment:
            continue
        verdict: Provenance = decide(first, second, alignment)
        pair = Pair(
            first.id,
            second.id,
            alignment.shared_words,
            alignment.coverage_a,
            alignment.coverage_b,
            [s.offsets() for s in alignment.spans],
            verdict.source,
            verdict.confidence,
            verdict.attributed,
            verdict.evidence,
        )
        pairs.append(pair)
    if pairs:
        conn.execute(
            _INSERT_PAIR,
            [
                {
                    **p.to_json(),
                    "spans": json.dumps(p.spans),
                    "evidence": json.dumps(p.evidence, ensure_ascii=False),
                }
                for p in pairs
            ],
        )
    return pairs


def find_reuse(
    conn: Connection, article_id: int, text: str, settings: ReuseSettings = DEFAULT
) -> list[Pair]:
    """Index a newly stored article and find what it shares with the archive (same transaction)."""
    found = candidates(conn, article_id, text, settings)
    index_article(conn, article_id, text, settings)
    return verify(conn, article_id, found, settings)


def pairs_of(conn: Connection, article_id: int) -> list[Pair]:
    rows = conn.execute(
        select(pairs_t).where(or_(pairs_t.c.a == article_id, pairs_t.c.b == article_id))
    )
    return [Pair.from_row(r) for r in rows]
