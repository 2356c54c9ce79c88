"""Reuse in the archive: index an article's passages, verify candidates, store the pairs."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, replace

import numpy as np
from sqlalchemy import Connection, delete, func, insert, or_, select

from .align import align
from .minhash import band_keys, from_bytes, is_empty, scheme_json, sign, to_bytes
from .models import Article, ArticleField, LshBand, ReusePair, ReuseSignature
from .passages import (
    DEFAULT,
    ReuseSettings,
    Tokens,
    common_set,
    shingle_hashes,
    split_passages,
    tokenize,
)
from .provenance import ArticleFacts, Provenance, decide
from .templates import TEMPLATE_MIN_ARTICLES, line_hashes, outlet_hash
from .templates import counts as template_counts
from .textclean import template_key

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
#: A line in this many articles of one outlet (the new one included) is its template for
#: reuse detection. One more than the cleaner needs: an outlet that ran the same wire story
#: twice has not made it a template.
REUSE_TEMPLATE_ARTICLES = TEMPLATE_MIN_ARTICLES + 1
#: Fields that provenance reads besides the core columns.
PROVENANCE_FIELDS = ("republished", "original_outlet")

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


NOTHING = np.zeros(0, dtype=np.uint64)


def signatures(
    text: str, settings: ReuseSettings = DEFAULT, ignore: np.ndarray | None = None
) -> np.ndarray:
    """MinHash signatures of a clean text's passages: shape (passages, num_perm)."""
    tokens = tokenize(text)
    return sign(
        shingle_hashes(tokens, settings.shingle), split_passages(tokens, settings), settings, ignore
    )


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Each non-blank line with its character range."""
    out, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((at, at + len(line), line))
        at += len(line) + 1
    return out


def _shingles_within(
    tokens: Tokens, ranges: list[tuple[int, int]], settings: ReuseSettings
) -> np.ndarray:
    """Hashes of the shingles lying wholly inside the character ranges (sorted, unique)."""
    if not ranges or len(tokens) < settings.shingle:
        return NOTHING
    inside = np.zeros(len(tokens), dtype=bool)
    for start, end in ranges:
        inside |= (tokens.starts >= start) & (tokens.ends <= end)
    k = settings.shingle
    window = np.lib.stride_tricks.sliding_window_view(inside, k).all(axis=1)
    return common_set(shingle_hashes(tokens, k)[window])


def template_shingles(
    conn: Connection, text: str, outlet: str | None, settings: ReuseSettings = DEFAULT
) -> np.ndarray:
    """Shingles of the lines that recur across the outlet's articles (its template): they
    are no evidence of reuse, however long (bios, standing disclaimers, boxes)."""
    if not outlet:
        return NOTHING
    hashes = line_hashes(text)
    known = template_counts(conn, outlet_hash(outlet), hashes)
    common = {hashes[h] for h, n in known.items() if n >= REUSE_TEMPLATE_ARTICLES}
    if not common:
        return NOTHING
    ranges = [(s, e) for s, e, line in _lines(text) if template_key(line) in common]
    return _shingles_within(tokenize(text), ranges, settings)


def shared_lines_shingles(a: str, b: str, settings: ReuseSettings = DEFAULT) -> np.ndarray:
    """Shingles of the lines two texts have word for word: what two articles of one outlet
    share this way is their template, even before the archive has counted it."""
    b_lines = {line.strip() for _, _, line in _lines(b)}
    ranges = [(s, e) for s, e, line in _lines(a) if line.strip() in b_lines]
    return _shingles_within(tokenize(a), ranges, settings)


def index_article(
    conn: Connection,
    article_id: int,
    text: str,
    settings: ReuseSettings = DEFAULT,
    ignore: np.ndarray | None = None,
) -> None:
    """Store an article's signatures and add its passages to the LSH index (incremental)."""
    stored = signatures(text, settings, ignore)
    conn.execute(
        _INSERT_SIGNATURE,
        {
            "article_id": article_id,
            "scheme": scheme_json(settings),
            "passages": len(stored),
            "data": to_bytes(stored),
        },
    )
    rows = _band_rows(article_id, stored, settings)
    if rows:
        # Straight to the driver: building SQLAlchemy parameters for ~800 rows costs more
        # than inserting them.
        conn.exec_driver_sql("INSERT INTO lsh_bands (key, passage) VALUES (?, ?)", rows)


def _band_rows(article_id: int, sigs: np.ndarray, settings: ReuseSettings) -> list[tuple[int, int]]:
    if not len(sigs):
        return []
    keys = band_keys(sigs, settings)
    base = article_id << PASSAGE_BITS
    return [
        (int(key), base + int(index))
        for index in np.flatnonzero(~is_empty(sigs))
        for key in keys[index]
    ]


def stale_signatures(conn: Connection, settings: ReuseSettings = DEFAULT) -> int:
    """How many articles were signed under another scheme (other settings or datasketch):
    their passages cannot match new ones until they are cleaned and indexed again."""
    return conn.execute(
        select(func.count())
        .select_from(signatures_t)
        .where(signatures_t.c.scheme != scheme_json(settings))
    ).scalar_one()


def index_is_current(conn: Connection, article_id: int, settings: ReuseSettings = DEFAULT) -> bool:
    """Whether the article is indexed for reuse under this version's scheme."""
    stored = conn.execute(
        select(signatures_t.c.scheme).where(signatures_t.c.article_id == article_id)
    ).scalar()
    return stored == scheme_json(settings)


def _settings_of(stored_scheme: str, settings: ReuseSettings) -> ReuseSettings:
    """The settings a stored signature was made with, as far as its band keys depend on them."""
    try:
        known = json.loads(stored_scheme)
        return replace(settings, **{k: int(known[k]) for k in ("num_perm", "bands", "rows")})
    except (ValueError, KeyError, TypeError):
        return settings


def unindex_article(conn: Connection, article_id: int, settings: ReuseSettings = DEFAULT) -> None:
    """Take an article out of the index (before it is cleaned again): bands, signatures, pairs.
    Band rows are found from the scheme the article was signed with, whatever it was."""
    row = conn.execute(
        select(signatures_t.c.data, signatures_t.c.scheme).where(
            signatures_t.c.article_id == article_id
        )
    ).first()
    if row is not None and row.data:
        signed = _settings_of(row.scheme, settings)
        sigs = np.atleast_2d(from_bytes(row.data, signed.num_perm))
        rows = _band_rows(article_id, sigs, signed)
        if rows:
            conn.exec_driver_sql("DELETE FROM lsh_bands WHERE key = ? AND passage = ?", rows)
    conn.execute(delete(signatures_t).where(signatures_t.c.article_id == article_id))
    conn.execute(delete(pairs_t).where(or_(pairs_t.c.a == article_id, pairs_t.c.b == article_id)))


def candidates(
    conn: Connection,
    article_id: int,
    text: str,
    settings: ReuseSettings = DEFAULT,
    ignore: np.ndarray | None = None,
) -> list[int]:
    """Archived articles sharing an LSH band with one of this text's passages, most bands
    first (unverified: every one must go through :func:`verify`)."""
    sigs = signatures(text, settings, ignore)
    if not len(sigs):
        return []
    keys = band_keys(sigs[~is_empty(sigs)], settings).ravel()
    postings: dict[int, list[int]] = {}
    unique = [int(k) for k in np.unique(keys)]
    for start in range(0, len(unique), KEYS_PER_QUERY):
        chunk = unique[start : start + KEYS_PER_QUERY]
        # Straight to the driver: SQLAlchemy would render ~1,700 bind parameters each time.
        marks = ",".join("?" * len(chunk))
        rows = conn.exec_driver_sql(
            f"SELECT key, passage FROM lsh_bands WHERE key IN ({marks})", tuple(chunk)
        )
        for key, passage in rows:
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
    conn: Connection,
    article_id: int,
    others: list[int],
    settings: ReuseSettings = DEFAULT,
    ignore: np.ndarray | None = None,
) -> list[Pair]:
    """Align the article with each candidate; store and return the verified pairs.

    ``ignore``: shingles that are no evidence (the outlet's template). Two articles of the
    same outlet also ignore the lines they share word for word.
    """
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
        skip = ignore if ignore is not None else NOTHING
        if me.outlet and other.outlet and outlet_hash(me.outlet) == outlet_hash(other.outlet):
            skip = np.union1d(skip, shared_lines_shingles(me.text, other.text, settings))
        alignment = align(ta, tb, settings, ignore=skip if len(skip) else None)
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
    conn: Connection,
    article_id: int,
    text: str,
    outlet: str | None = None,
    settings: ReuseSettings = DEFAULT,
) -> list[Pair]:
    """Index a newly stored article and find what it shares with the archive (same
    transaction). Lines of the outlet's template are left out of both."""
    ignore = template_shingles(conn, text, outlet, settings)
    ignore = ignore if len(ignore) else None
    found = candidates(conn, article_id, text, settings, ignore)
    index_article(conn, article_id, text, settings, ignore)
    return verify(conn, article_id, found, settings, ignore)


def pairs_of(conn: Connection, article_id: int) -> list[Pair]:
    rows = conn.execute(
        select(pairs_t).where(or_(pairs_t.c.a == article_id, pairs_t.c.b == article_id))
    )
    return [Pair.from_row(r) for r in rows]
