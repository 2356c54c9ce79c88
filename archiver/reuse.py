"""Reuse in the archive: index an article's passages, verify candidates, store the pairs."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

import numpy as np
from sqlalchemy import Connection

from .align import Alignment, align
from .boilerplate import (
    Page,
    _signed,
    judge,
    known_lines,
    known_shingles,
    line_ranges,
    lines_under,
    shingles_inside,
    strip_lines,
    word_mask,
)
from .boilerplate import learn as remember
from .document import Extraction
from .minhash import EMPTY, band_keys, from_bytes, is_empty, scheme_json, schemes, sign, to_bytes
from .passages import (
    DEFAULT,
    ReuseSettings,
    Tokens,
    in_unit,
    is_member,
    resolve,
    shingle_hashes,
    split_passages,
    tokenize,
    unit_of,
    words_equivalent,
)
from .provenance import (
    DEFAULT_PROVENANCE,
    ArticleFacts,
    Provenance,
    ProvenanceSettings,
    as_quotation,
    decide,
    is_quotation,
)
from .storage import storage_for
from .templates import TEMPLATE_MIN_ARTICLES, line_hashes, outlet_hash
from .textclean import template_key

#: A passage id is its article id shifted left by this many bits, plus its index.
PASSAGE_BITS = 16
PASSAGE_MASK = (1 << PASSAGE_BITS) - 1
#: A band key shared by more articles than this is boilerplate found all over the archive
#: (a stock paragraph, a standard notice), not evidence of reuse: it is skipped. Wire copy
#: carried by fewer outlets than this is still found.
MAX_BAND_ARTICLES = 1000
#: A key shared by more articles than this is common: a window colliding only through common
#: keys is a stock phrase ("spoke on condition of anonymity because they were not authorized to
#: discuss the matter publicly", in 421 of 100,000 news-like articles) unless three or more of
#: the new article's windows collide with the same article (a passage, however widely carried).
COMMON_BAND_ARTICLES = 50
#: A line in this many articles of one outlet (the new one included) is its template for
#: reuse detection. One more than the cleaner needs: an outlet that ran the same wire story
#: twice has not made it a template (and two articles telling the same story never share
#: template, whatever the counts say: see boilerplate.judge).
REUSE_TEMPLATE_ARTICLES = TEMPLATE_MIN_ARTICLES + 1
#: Fields that provenance reads besides the core columns.
PROVENANCE_FIELDS = ("republished", "original_outlet")


@dataclass
class Pair:
    """Two articles sharing verified passages; ``a < b``; spans are character offsets.
    ``shared_words`` counts words, or characters / ``CHARS_PER_WORD`` for articles read in
    characters (Chinese, Japanese), so figures and thresholds mix both scripts fairly."""

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
    #: "copy", or "quotation" when what they share is a statement both quote.
    kind: str = "copy"

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
            "kind": self.kind,
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
            row.kind,
        )


def signatures(
    text: str | Tokens, settings: ReuseSettings = DEFAULT, ignore: np.ndarray | None = None
) -> np.ndarray:
    """MinHash signatures of a clean text's passages: shape (passages, num_perm).

    ``ignore``: shingles learned to be boilerplate, left out; a window made mostly of them
    (``settings.boilerplate_window``) is left out whole (its signature is empty). A text in
    a script without word spaces is signed in characters (:func:`passages.resolve`)."""
    tokens, settings = resolve(text, settings)
    shingles = shingle_hashes(tokens, settings.shingle)
    passages = split_passages(tokens, settings)
    sigs = sign(shingles, passages, settings, ignore)
    if ignore is not None and len(ignore) and len(passages):
        known = np.concatenate(([0], np.cumsum(is_member(shingles, ignore))))
        last = len(shingles)
        starts = np.array([min(p.word_start, last) for p in passages])
        ends = np.array([min(max(p.word_end - settings.shingle + 1, 0), last) for p in passages])
        counts = np.maximum(ends - starts, 1)
        share = (known[ends] - known[starts]) / counts
        sigs[share >= settings.boilerplate_window] = EMPTY
    return sigs


def index_article(
    conn: Connection,
    article_id: int,
    text: str | Tokens,
    settings: ReuseSettings = DEFAULT,
    ignore: np.ndarray | None = None,
    *,
    signed: np.ndarray | None = None,
) -> None:
    """Store an article's signatures and add its passages to the LSH index (incremental).
    ``signed``: the signatures when already computed."""
    tokens, settings = resolve(text, settings)
    stored = signatures(tokens, settings, ignore) if signed is None else signed
    storage = storage_for(conn)
    storage.add_signature(article_id, scheme_json(settings), len(stored), to_bytes(stored))
    storage.add_bands(_band_array(article_id, stored, settings))


def _band_rows(article_id: int, sigs: np.ndarray, settings: ReuseSettings) -> list[tuple[int, int]]:
    """(band key, passage id) of every indexed window."""
    return [(key, passage) for key, passage in _band_array(article_id, sigs, settings).tolist()]


def _band_array(article_id: int, sigs: np.ndarray, settings: ReuseSettings) -> np.ndarray:
    """:func:`_band_rows` as an (n, 2) int64 array, in the same order: no Python object a
    row, which the longest pages would count by the hundred thousand."""
    if not len(sigs):
        return np.empty((0, 2), dtype=np.int64)
    if len(sigs) > PASSAGE_MASK + 1:
        # Its passages would be numbered into the next article's: never index it wrongly.
        # Settings.max_words keeps every article that `add` accepts well under this.
        raise ValueError(
            f"article {article_id} has {len(sigs):,} passages; the reuse index numbers at "
            f"most {PASSAGE_MASK + 1:,} an article"
        )
    indexed = np.flatnonzero(~is_empty(sigs))
    keys = band_keys(sigs[indexed], settings)
    passages = np.repeat((article_id << PASSAGE_BITS) + indexed.astype(np.int64), keys.shape[1])
    return np.column_stack((keys.reshape(-1), passages))


def stale_signatures(conn: Connection, settings: ReuseSettings = DEFAULT) -> int:
    """How many articles were signed under another scheme (other settings or datasketch):
    their passages cannot match new ones until they are cleaned and indexed again. Words
    and characters are both this version's schemes."""
    return storage_for(conn).count_signed_otherwise(schemes(settings))


def index_is_current(conn: Connection, article_id: int, settings: ReuseSettings = DEFAULT) -> bool:
    """Whether the article is indexed for reuse under this version's scheme for its text's
    unit (a Chinese article signed in words before characters existed is not)."""
    row = storage_for(conn).signature_scheme(article_id)
    if row is None:
        return False
    return row.scheme == scheme_json(in_unit(settings, unit_of(row.clean_text or "")))


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
    storage = storage_for(conn)
    row = storage.signature(article_id)
    rows: list[tuple[int, int]] = []
    if row is not None and row.data:
        signed = _settings_of(row.scheme, settings)
        rows = _band_rows(article_id, np.atleast_2d(from_bytes(row.data, signed.num_perm)), signed)
    storage.unindex(article_id, rows)


def candidates(
    conn: Connection,
    article_id: int,
    text: str | Tokens,
    settings: ReuseSettings = DEFAULT,
    ignore: np.ndarray | None = None,
    *,
    signed: np.ndarray | None = None,
    min_similarity: float | None = None,
) -> list[int]:
    """Archived articles with a passage like one of this text's, most alike first
    (unverified: every one must go through alignment).

    The LSH index gives the passages sharing a band; each is then compared with the stored
    signature of the passage it collided with, and the article is kept only when one of its
    passages is estimated ``min_similarity`` alike (Jaccard of their shingles; by default
    ``settings.candidate_similarity``; 0 keeps every collision). A band collides for windows
    that merely share a stock phrase (about 15% of the time for nine words in common); the
    full signature tells them from a copied passage for the price of a comparison, not an
    alignment. ``signed``: the text's signatures when already computed.
    """
    text, settings = resolve(text, settings)
    sigs = signatures(text, settings, ignore) if signed is None else signed
    if not len(sigs):
        return []
    holders = _holders(sigs, settings)
    postings = storage_for(conn).band_postings(list(holders))
    threshold = settings.candidate_similarity if min_similarity is None else min_similarity
    collided, holding = collide(article_id, holders, postings, threshold)
    if threshold <= 0 or not collided:
        return weigh(collided, holding, {}, threshold)
    return weigh(collided, holding, _similarities(conn, sigs, collided, settings), threshold)


def collide(
    article_id: int,
    holders: dict[int, list[int]],
    postings: dict[int, list[int]],
    threshold: float,
) -> tuple[dict[int, set[tuple[int, int]]], dict[tuple[int, int], int]]:
    """What the LSH lookup of one article found (pure: ``archiver batch`` calls it too).

    ``holders``: band key -> the article's windows with that key; ``postings``: band key ->
    the indexed passages holding it. Returns each candidate article's colliding (my window,
    its window) pairs, and for each (candidate, my window) how many articles hold the
    commonest key they share (only when ``threshold`` > 0: else nothing is weighed). Keys
    held by more than ``MAX_BAND_ARTICLES`` articles are skipped."""
    collided: dict[int, set[tuple[int, int]]] = {}
    holding: dict[tuple[int, int], int] = {}
    for key, passages in postings.items():
        articles = len({p >> PASSAGE_BITS for p in passages})
        if articles > MAX_BAND_ARTICLES:
            continue
        for passage in passages:
            other = passage >> PASSAGE_BITS
            if other != article_id:
                theirs = passage & PASSAGE_MASK
                collided.setdefault(other, set()).update((w, theirs) for w in holders[key])
                if threshold <= 0:
                    continue  # every collision is kept: nothing to weigh
                for window in holders[key]:
                    at = (other, window)
                    holding[at] = max(holding.get(at, 0), articles)
    return collided, holding


def weigh(
    collided: dict[int, set[tuple[int, int]]],
    holding: dict[tuple[int, int], int],
    alike: dict[int, float],
    threshold: float,
) -> list[int]:
    """The candidates worth aligning, most alike first (pure: ``archiver batch`` calls it too).

    ``alike``: each candidate's best estimated Jaccard similarity (:func:`similarity`; a
    candidate missing from it counts as alike). Three or more colliding windows are a passage;
    fewer must collide through keys few articles hold (``COMMON_BAND_ARTICLES``): two such
    windows, or one that is ``threshold`` alike. ``threshold`` <= 0 keeps every collision."""
    if threshold <= 0 or not collided:
        return sorted(collided, key=lambda o: -len(collided[o]))
    # My windows that collided with each candidate through keys few articles hold.
    rare: dict[int, set[int]] = {}
    for (other, window), articles in holding.items():
        if articles <= COMMON_BAND_ARTICLES:
            rare.setdefault(other, set()).add(window)

    def keep(other: int) -> bool:
        windows = len({w for w, _ in collided[other]})
        if windows >= 3:  # a passage (a stock phrase spans one or two windows)
            return True
        few = len(rare.get(other, ()))
        return few >= 2 or (few >= 1 and alike.get(other, 1.0) >= threshold)

    kept = [o for o in collided if keep(o)]
    return sorted(kept, key=lambda o: (-alike.get(o, 1.0), -len(collided[o])))


def similarity(
    sigs: np.ndarray, theirs: np.ndarray, collided: set[tuple[int, int]]
) -> float | None:
    """The best estimated Jaccard similarity of the colliding (my window, its window) pairs
    (the share of equal MinHash values), or None when none of them can be compared."""
    pairs, alike = _likeness(sigs, theirs, collided)
    return float(alike.max()) if len(pairs) else None


def _likeness(
    sigs: np.ndarray, theirs: np.ndarray, collided: set[tuple[int, int]]
) -> tuple[np.ndarray, np.ndarray]:
    """The colliding (my window, its window) pairs that can be compared (its window is in
    ``theirs``), and each one's estimated likeness (the share of equal MinHash values)."""
    pairs = np.array(sorted(collided), dtype=np.intp)
    pairs = pairs[pairs[:, 1] < len(theirs)]
    return pairs, (sigs[pairs[:, 0]] == theirs[pairs[:, 1]]).mean(axis=1)


def _similarities(
    conn: Connection,
    sigs: np.ndarray,
    collided: dict[int, set[tuple[int, int]]],
    settings: ReuseSettings,
) -> dict[int, float]:
    """For each candidate, the best estimated Jaccard similarity of a colliding window pair
    (the share of equal MinHash values). Articles signed under another scheme are left out
    (their signatures cannot be compared): the caller keeps them."""
    out: dict[int, float] = {}
    for other, data in storage_for(conn).signatures_of(list(collided), scheme_json(settings)):
        theirs = np.atleast_2d(from_bytes(data, settings.num_perm))
        alike = similarity(sigs, theirs, collided[other])
        if alike is not None:
            out[other] = alike
    return out


def facts(conn: Connection, ids: list[int]) -> dict[int, ArticleFacts]:
    """What provenance needs about each article, read from the archive."""
    rows, fields = storage_for(conn).fact_rows(ids, ("published", *PROVENANCE_FIELDS))
    found = {
        r.id: ArticleFacts(
            id=r.id,
            outlet=r.outlet,
            text=r.clean_text,
            published=r.published,
            ingested=r.ingested_at.timestamp() if r.ingested_at else None,
            title=r.title,
        )
        for r in rows
    }
    for r in fields:
        item = found.get(r.article_id)
        if item is None:
            continue
        if r.name == "published":
            item.published_confidence, item.published_source = r.confidence, r.source
        else:
            item.extra[r.name] = r.value
    return found


def template_words(conn: Connection, text: str, tokens: Tokens, outlet: str | None) -> np.ndarray:
    """The words of ``text`` on lines its outlet repeats across its archived articles."""
    if not outlet:
        return np.zeros(len(tokens), dtype=bool)
    hashes = line_hashes(text)
    known = storage_for(conn).template_counts(outlet_hash(outlet), hashes)
    return template_mask(text, tokens, hashes, known)


def template_mask(
    text: str, tokens: Tokens, hashes: dict[int, str], known: dict[int, int]
) -> np.ndarray:
    """The words of ``text`` on its lines (``hashes``: :func:`templates.line_hashes`) that
    ``known`` (line hash -> articles of its outlet holding it) counts as the outlet's template
    (pure: ``archiver batch`` calls it too)."""
    mask = np.zeros(len(tokens), dtype=bool)
    common = {hashes[h] for h, n in known.items() if h in hashes and n >= REUSE_TEMPLATE_ARTICLES}
    if common:
        for start, end in line_ranges(text):
            if template_key(text[start:end]) in common:
                mask |= (tokens.starts >= start) & (tokens.ends <= end)
    return mask


def _align(first: ArticleFacts, second: ArticleFacts, settings, ignore) -> Alignment:
    # In the unit of the article being added: its word ranges are read from the spans.
    return align(
        first.text,
        second.text,
        settings,
        ignore=ignore if len(ignore) else None,
        unit=settings.unit,
    )


def _ordered(x: ArticleFacts, y: ArticleFacts) -> tuple[ArticleFacts, ArticleFacts]:
    return (x, y) if x.id < y.id else (y, x)


def make_pair(
    first: ArticleFacts,
    second: ArticleFacts,
    alignment: Alignment,
    provenance: ProvenanceSettings = DEFAULT_PROVENANCE,
) -> Pair:
    """A verified pair (``first.id < second.id``) with the provenance verdict."""
    verdict: Provenance = decide(first, second, alignment, provenance)
    quotation = is_quotation(first, second, alignment)
    if quotation:
        verdict = as_quotation(verdict)
    return Pair(
        first.id,
        second.id,
        words_equivalent(alignment.shared_words, alignment.unit),
        alignment.coverage_a,
        alignment.coverage_b,
        [s.offsets() for s in alignment.spans],
        verdict.source,
        verdict.confidence,
        verdict.attributed,
        verdict.evidence,
        "quotation" if quotation else "copy",
    )


def _pair_rows(pairs: list[Pair]) -> list[dict]:
    return [
        {
            **p.to_json(),
            "spans": json.dumps(p.spans),
            "evidence": json.dumps(p.evidence, ensure_ascii=False),
        }
        for p in pairs
    ]


def _revise(
    conn: Connection,
    holders: set[int],
    learned: np.ndarray,
    ignore: np.ndarray,
    settings: ReuseSettings,
    provenance: ProvenanceSettings = DEFAULT_PROVENANCE,
) -> None:
    """Align again the stored pairs of the articles that hold newly learned boilerplate, when
    their spans hold some of it: a pair that shared nothing else is deleted, the others lose
    the boilerplate's words (all they hold, learned now or before)."""
    if not holders or not len(learned):
        return
    storage = storage_for(conn)
    rows = [(r.a, r.b, r.spans) for r in storage.pairs_of(holders)]
    texts = facts(conn, sorted({i for a, b, _ in rows for i in (a, b)}))
    for a, b, spans in rows:
        if a not in texts or b not in texts:
            continue
        if not touches(texts[a].text, texts[b].text, json.loads(spans), learned, settings):
            continue
        storage.drop_pair(a, b)
        # All the boilerplate the two hold is left out, not only what the new article holds.
        hashes = [
            shingle_hashes(tokenize(texts[i].text, settings.unit), settings.shingle) for i in (a, b)
        ]
        known = np.union1d(ignore, known_shingles(conn, np.concatenate(hashes)))
        alignment = _align(texts[a], texts[b], settings, known)
        if alignment:
            pair = make_pair(texts[a], texts[b], alignment, provenance)
            storage.add_pairs(_pair_rows([pair]))
            index_pair_spans(conn, [pair], {i: texts[i].text for i in (a, b)})


def touches(
    text_a: str, text_b: str, spans: list[list[int]], learned: np.ndarray, settings: ReuseSettings
) -> bool:
    """Whether a learned shingle shares a word with a pair's spans, on either side: aligned
    again without it, the pair changes (a span that merely ends on the block's first word
    loses that word), so it must be revised."""
    for text, side in ((text_a, 0), (text_b, 2)):
        tokens = tokenize(text, settings.unit)
        hashes = shingle_hashes(tokens, settings.shingle)
        near = reaching(tokens, [(s[side], s[side + 1]) for s in spans], settings.shingle)
        if is_member(hashes[near], learned).any():
            return True
    return False


def reaching(tokens: Tokens, ranges: list[tuple[int, int]], k: int) -> np.ndarray:
    """Which of the text's ``k``-word shingles share a word with one of the character
    ``ranges`` (a pair's spans on this text's side): a mask over its shingles."""
    count = max(len(tokens) - k + 1, 0)
    mask = np.zeros(count, dtype=bool)
    if not count:
        return mask
    starts, ends = tokens.starts[:count], tokens.ends[k - 1 :]
    for start, end in ranges:
        mask |= (starts < end) & (ends > start)
    return mask


def pair_span_rows(pairs: list[Pair], texts: dict[int, str]) -> set[tuple[int, int]]:
    """(shingle hash as stored, article id) of every shingle reaching into the pairs' spans,
    each side read in its own text's unit (as :func:`touches` reads it when an article of
    that unit learns a block)."""
    rows: set[tuple[int, int]] = set()
    tokenized: dict[int, tuple[Tokens, np.ndarray, int]] = {}
    for pair in pairs:
        for article, side in ((pair.a, 0), (pair.b, 2)):
            if article not in tokenized:
                tokens, unit_settings = resolve(texts[article], DEFAULT)
                k = unit_settings.shingle
                tokenized[article] = (tokens, shingle_hashes(tokens, k), k)
            tokens, hashes, k = tokenized[article]
            near = reaching(tokens, [(s[side], s[side + 1]) for s in pair.spans], k)
            rows.update((h, article) for h in _signed(hashes[near]))
    return rows


def index_pair_spans(conn: Connection, pairs: list[Pair], texts: dict[int, str]) -> None:
    """Remember which shingles reach into these stored pairs' spans (``pair_shingles``), so
    that a block learned later finds every pair it touches (:func:`pairs_touched`)."""
    storage_for(conn).add_pair_shingles(sorted(pair_span_rows(pairs, texts)))


def pairs_touched(conn: Connection, learned: np.ndarray) -> set[int]:
    """The articles with a stored pair whose spans a learned shingle reaches into (or did:
    a superset, which :func:`touches` narrows)."""
    unique = _signed(np.unique(np.asarray(learned, dtype=np.uint64)))
    return storage_for(conn).articles_with_pair_shingles(unique)


def realign(
    me: ArticleFacts,
    known: dict[int, ArticleFacts],
    alignments: dict[int, Alignment],
    holders: set[int],
    learned: np.ndarray,
    ignore: np.ndarray,
    settings: ReuseSettings,
) -> None:
    """Align again, leaving out ``ignore``, the candidates holding newly ``learned``
    boilerplate and every other alignment whose spans touch it (a copied story that ends on
    the block's first words); one left with nothing shared is dropped (pure: ``archiver
    batch`` calls it too)."""
    for other_id in list(alignments):
        first, second = _ordered(me, known[other_id])
        spans = [s.offsets() for s in alignments[other_id].spans]
        if other_id in holders or touches(first.text, second.text, spans, learned, settings):
            alignment = _align(first, second, settings, ignore)
            if alignment:
                alignments[other_id] = alignment
            else:
                del alignments[other_id]


#: The id a text looked up ahead stands under until it is stored: after every archived one
#: (ids only grow), as the article will be.
_AHEAD_ID = 1 << 62


@dataclass
class Ahead:
    """What :func:`find_reuse` computes before it writes anything, computed ahead of the
    writer (by an `add` worker) for a text with no id yet, against the archive as a reader
    saw it: the cleaning without the learned boilerplate, its signatures, the LSH postings of
    its band keys, and each candidate's estimated likeness and alignment.

    The writer uses it when the archive changed since only by articles added
    (:func:`ahead_holds`: no passage was taken out of the index, and the text's shingles are
    learned boilerplate exactly as they were). The articles added since are in the band
    segments after ``segment``: the writer reads those postings, adds them, and estimates and
    aligns only the candidates they bring. The result is what looking everything up at
    commit gives."""

    rewrites: int
    segment: int
    extraction: Extraction
    #: The shingles of the cleaning before and after stripping (signed), and which were known.
    hashes: list[int]
    known: np.ndarray
    ignore: np.ndarray
    signed: np.ndarray
    holders: dict[int, list[int]]
    #: Postings of the keys held by at most MAX_BAND_ARTICLES articles (more only ever adds).
    postings: dict[int, list[int]]
    crowded: frozenset[int]
    #: Each candidate seen: the estimated likeness of each colliding (my window, its window)
    #: pair (none when its signatures cannot be compared), and the alignment of those worth
    #: aligning (None: nothing shared).
    shares: dict[int, dict[tuple[int, int], float]]
    aligned: dict[int, Alignment | None]


def look_ahead(
    conn: Connection, extraction: Extraction, settings: ReuseSettings = DEFAULT
) -> Ahead:
    """Look a new cleaning's reuse up ahead of storing it (see :class:`Ahead`): read-only.
    The counters are read first: whatever is written after is caught at commit."""
    storage = storage_for(conn)
    rewrites, segment = storage.rewrites(), storage.last_segment()
    first, first_settings = resolve(extraction.text, settings)
    before = shingle_hashes(first, first_settings.shingle)
    known = known_shingles(conn, before)
    stripped = strip_lines(extraction, known_lines(extraction.text, first, known, first_settings))
    tokens, settings = resolve(stripped.text, settings)
    after = shingle_hashes(tokens, settings.shingle)
    hashes = np.union1d(np.asarray(before, dtype=np.uint64), np.asarray(after, dtype=np.uint64))
    if stripped is not extraction:
        known = known_shingles(conn, hashes)
    ignore = known[is_member(known, np.unique(after))]
    signed = signatures(tokens, settings, ignore if len(ignore) else None)
    holders = _holders(signed, settings)
    postings = storage.band_postings(list(holders)) if holders else {}
    crowded = frozenset(
        key
        for key, passages in postings.items()
        if len({p >> PASSAGE_BITS for p in passages}) > MAX_BAND_ARTICLES
    )
    for key in crowded:
        del postings[key]
    threshold = settings.candidate_similarity
    collided, holding = collide(_AHEAD_ID, holders, postings, threshold)
    shares: dict[int, dict[tuple[int, int], float]] = {other: {} for other in collided}
    if threshold > 0 and collided:
        for other, data in storage.signatures_of(list(collided), scheme_json(settings)):
            theirs = np.atleast_2d(from_bytes(data, settings.num_perm))
            shares[other] = _shares(signed, theirs, collided[other])
    alike = {other: max(each.values()) for other, each in shares.items() if each}
    found = weigh(collided, holding, alike, threshold)
    me = ArticleFacts(id=_AHEAD_ID, outlet=None, text=stripped.text)
    aligned = {
        other: _align(theirs, me, settings, ignore) or None
        for other, theirs in facts(conn, found).items()
    }
    return Ahead(
        rewrites,
        segment,
        stripped,
        _signed(hashes),
        known,
        ignore,
        signed,
        holders,
        postings,
        crowded,
        shares,
        aligned,
    )


def ahead_holds(conn: Connection, ahead: Ahead) -> bool:
    """Whether a lookup made ahead still holds: no rewrite of the index since, and the text's
    shingles learned as boilerplate exactly as then (a block learned since changes the
    cleaning, the signatures and the alignments)."""
    storage = storage_for(conn)
    if storage.rewrites() != ahead.rewrites:
        return False
    now = np.array(storage.known_shingles(ahead.hashes), dtype=np.int64).view(np.uint64)
    return np.array_equal(np.unique(now), ahead.known)


def _holders(sigs: np.ndarray, settings: ReuseSettings) -> dict[int, list[int]]:
    """Band key -> the windows (non-empty signatures) holding it."""
    holders: dict[int, list[int]] = {}
    if not len(sigs):
        return holders
    windows = np.flatnonzero(~is_empty(sigs))
    keys = band_keys(sigs[windows], settings)
    for window, row in zip(windows.tolist(), keys.tolist(), strict=True):
        for key in row:
            holders.setdefault(key, []).append(window)
    return holders


def _shares(
    sigs: np.ndarray, theirs: np.ndarray, collided: set[tuple[int, int]]
) -> dict[tuple[int, int], float]:
    """The estimated likeness of each colliding (my window, its window) pair that can be
    compared: :func:`similarity` is the best of them."""
    pairs, alike = _likeness(sigs, theirs, collided)
    return {(w, t): float(e) for (w, t), e in zip(pairs.tolist(), alike, strict=True)}


def _candidates_ahead(
    conn: Connection, article_id: int, ahead: Ahead, settings: ReuseSettings
) -> list[int]:
    """:func:`candidates` at commit from a lookup made ahead: its postings with those of the
    segments written since, the likeness it estimated for the candidates it saw, estimated
    here for those the new segments bring."""
    threshold = settings.candidate_similarity
    newer = storage_for(conn).band_postings(list(ahead.holders), after=ahead.segment)
    postings: dict[int, list[int]] = {}
    for key in ahead.holders:
        if key in ahead.crowded:
            continue
        passages = ahead.postings.get(key, [])
        if key in newer:
            passages = list(dict.fromkeys(passages + newer[key]))
        if passages:
            postings[key] = passages
    collided, holding = collide(article_id, ahead.holders, postings, threshold)
    if threshold <= 0 or not collided:
        return weigh(collided, holding, {}, threshold)
    alike: dict[int, float] = {}
    unseen: dict[int, set[tuple[int, int]]] = {}
    for other, windows in collided.items():
        if other in ahead.shares:
            seen = ahead.shares[other]
            shares = [seen[pair] for pair in windows if pair in seen]
            if shares:
                alike[other] = max(shares)
        else:
            unseen[other] = windows
    if unseen:
        alike.update(_similarities(conn, ahead.signed, unseen, settings))
    return weigh(collided, holding, alike, threshold)


@dataclass
class Found:
    """What :func:`find_reuse` made of one article: its verified pairs, and its extraction as
    stored (without the lines found to be boilerplate it shares with other articles)."""

    pairs: list[Pair] = field(default_factory=list)
    extraction: Extraction | None = None
    #: Indexes of the text's non-blank lines made of boilerplate shared with other articles.
    boilerplate_lines: list[int] = field(default_factory=list)


def find_reuse(
    conn: Connection,
    article_id: int,
    extraction: Extraction | str,
    settings: ReuseSettings = DEFAULT,
    provenance: ProvenanceSettings = DEFAULT_PROVENANCE,
    ahead: Ahead | None = None,
) -> Found:
    """Find what a newly stored article shares with the archive, index it and store the
    verified pairs, in the caller's transaction.

    Shingles learned to be boilerplate are left out of signatures and alignments. Each shared
    span is judged (:func:`boilerplate.judge`): boilerplate is learned (its shingles
    remembered, every stored pair whose spans it reaches into aligned again: ``pair_shingles``
    finds them) and never makes a pair. Lines of the article made of it are removed from its
    stored clean text (and listed among its removed lines as ``shared-boilerplate``) before it
    is indexed; ``Found.extraction`` is what was stored. ``ahead``: the article's lookup
    made ahead by a worker, when it holds (:func:`ahead_holds`).
    """
    if isinstance(extraction, str):
        extraction = Extraction(text=extraction)
    found = _find(conn, article_id, extraction.text, settings, provenance, learn=True, ahead=ahead)
    if found.boilerplate_lines:
        stripped = strip_lines(extraction, found.boilerplate_lines)
        if stripped is not extraction:
            storage = storage_for(conn)
            storage.update_article(article_id, {"clean_text": stripped.text})
            new = [r for r in stripped.removed if r not in extraction.removed]
            storage.add_details(article_id, {}, new)
            extraction = stripped
        found = _find(conn, article_id, extraction.text, settings, provenance, learn=False)
    found.extraction = extraction
    return found


def index_stored(
    conn: Connection,
    article_id: int,
    text: str,
    settings: ReuseSettings = DEFAULT,
    provenance: ProvenanceSettings = DEFAULT_PROVENANCE,
) -> list[Pair]:
    """Index an article archived before the reuse index existed (an upgrade does this): its
    pairs with the articles indexed before it are found, verified and stored. Its stored text
    is left as it is: boilerplate it shares is learned and never makes a pair, and removing it
    from the article is for `archiver reclean`."""
    return _find(conn, article_id, text, settings, provenance, learn=False).pairs


def _find(
    conn: Connection,
    article_id: int,
    text: str,
    settings: ReuseSettings,
    provenance: ProvenanceSettings,
    *,
    learn: bool,
    ahead: Ahead | None = None,
) -> Found:
    """One pass of :func:`find_reuse` over ``text``. When ``learn`` is set and whole lines are
    found to be boilerplate, nothing is indexed or stored: the lines are returned.
    ``ahead``: the text's lookup made ahead, when it holds (:func:`ahead_holds`)."""
    tokens, settings = resolve(text, settings)
    if ahead is not None:
        ignore, signed = ahead.ignore, ahead.signed
        found = _candidates_ahead(conn, article_id, ahead, settings)
    else:
        ignore = known_shingles(conn, shingle_hashes(tokens, settings.shingle))
        signed = signatures(tokens, settings, ignore if len(ignore) else None)
        found = candidates(conn, article_id, tokens, settings, signed=signed)
    known = facts(conn, [article_id, *found])
    me = known.get(article_id)
    if me is None:
        return Found()
    alignments: dict[int, Alignment] = {}
    for other_id in found:
        if other_id not in known:  # a stale band of an article no longer archived
            continue
        if ahead is not None and other_id in ahead.aligned:
            alignment = ahead.aligned[other_id]
        else:
            alignment = _align(*_ordered(me, known[other_id]), settings, ignore)
        if alignment:
            alignments[other_id] = alignment
    pages = {i: Page(i, f.title, f.outlet, f.text) for i, f in known.items()}
    template = template_words(conn, text, tokens, me.outlet) if alignments else None
    judgement = judge(pages[article_id], alignments, pages, settings, template, ignore)
    if judgement:
        ranges = [
            span.a_words if article_id < other_id else span.b_words
            for other_id, indexes in judgement.spans.items()
            for i, span in enumerate(alignments[other_id].spans)
            if i in indexes
        ]
        mask = word_mask(tokens, ranges)
        learned = shingles_inside(tokens, mask, settings)
        lines = lines_under(text, tokens, mask, settings)
        again = bool(lines and learn)  # its lines removed, its reuse is found again
        remember(conn, learned, 1 + len(judgement.holders), article_id, again)
        ignore = np.union1d(ignore, learned)
        # Every stored pair whose spans the block reaches into was made before it was
        # learned: align those again (pair_shingles finds them all, whoever holds them).
        holders = set(judgement.holders) | pairs_touched(conn, learned)
        _revise(conn, holders, learned, ignore, settings, provenance)
        if again:
            return Found(boilerplate_lines=lines)
        realign(me, known, alignments, judgement.holders, learned, ignore, settings)
        signed = signatures(tokens, settings, ignore)
    index_article(conn, article_id, tokens, settings, signed=signed)
    pairs = [
        make_pair(*_ordered(me, known[o]), alignment, provenance)
        for o, alignment in alignments.items()
    ]
    if pairs:
        storage_for(conn).add_pairs(_pair_rows(pairs))
        index_pair_spans(conn, pairs, {i: f.text for i, f in known.items()})
    return Found(pairs)


def pairs_of(conn: Connection, article_id: int) -> list[Pair]:
    return [Pair.from_row(r) for r in storage_for(conn).pairs_of([article_id])]


def reindex_article(
    conn: Connection,
    article_id: int,
    settings: ReuseSettings = DEFAULT,
    provenance: ProvenanceSettings = DEFAULT_PROVENANCE,
) -> Found:
    """Sign and index a stored article again from its clean text, and find its pairs with the
    whole archive as when it was added (``db check --repair``). The caller has removed what
    was left of its signatures, band rows and pairs; its stored text stays as it is."""
    text = storage_for(conn).clean_text(article_id)
    if text is None:
        return Found()
    return _find(conn, article_id, text, settings, provenance, learn=False)
