"""`archiver batch`: every reuse pair of an archive recomputed from scratch, in one process
(``local``) or on Apache Spark (``spark``), with the library's own stages.

The job is the pipeline large deduplicators share (signatures, group by band key, candidate
edges, verification, clusters), cut into pure stages that both engines run unchanged:

1. :func:`sign_article`: an article's passage signatures, signed as ``add`` signs them
   (:func:`reuse.signatures`, leaving out the shingles the archive learned to be boilerplate);
   :func:`band_rows` its LSH band keys.
2. :func:`key_lookups`: for one band key, what each article holding it would have found in
   the index when it was added: the passages of the articles before it (ids are the order of
   ``add``), skipped when more than ``MAX_BAND_ARTICLES`` held the key then.
3. :func:`lookup`: :func:`reuse.collide` and, with the candidates' signatures,
   :func:`reuse.similarity` and :func:`reuse.weigh`: the candidates ``add`` keeps.
4. :func:`verify`: alignment, the boilerplate judgement and provenance (``make_pair``) as in
   ``add``: spans judged boilerplate never make a pair.
5. clusters from the verified pairs only (:func:`provenance.build_clusters`), and the pairs
   written back into the archive or to Parquet.

What ``batch`` reads beside the articles is what ``add`` learned: the boilerplate shingles
(with the article whose adding taught each one) and the outlets' template lines (from the
archive; an export holds neither). Each article is signed, aligned and judged with the
boilerplate ``add`` knew when it added it, and its pairs are then aligned again when
boilerplate learned later reaches into their spans, as ``add`` revised them (it finds every
such pair through ``pair_shingles``): the pairs, spans, sources and clusters are ``add``'s.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np

from .errors import ArchiverError, UsageError
from .passages import DEFAULT, ReuseSettings, resolve, shingle_hashes
from .provenance import DEFAULT_PROVENANCE, ArticleFacts, ProvenanceSettings, build_clusters

#: Articles read from the archive per query.
READ_CHUNK = 5000
ENGINES = ("local", "spark")


class BatchError(ArchiverError):
    """The batch job cannot run here (no Java, no PySpark, an unreadable input)."""

    exit_status = 3


@dataclass
class Learned:
    """What ``add`` learned that the job needs on every worker (small: broadcast once)."""

    settings: ReuseSettings = DEFAULT
    #: Shingles learned to be boilerplate (sorted unique uint64).
    boilerplate: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    #: The article whose adding learned each of them (0: known from the start), in step.
    learned_by: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    #: Whether that article's reuse was found again knowing it (lines of it removed first).
    known_to_learner: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    def known_when_judging(self, article_id: int) -> np.ndarray:
        """Which shingles ``add`` knew when it found the reuse of the article it stored (a
        mask over ``boilerplate``): those learned before it, and those it learned itself
        before its lines made of them were removed."""
        by = self.learned_by
        if len(by) != len(self.boilerplate):  # nothing says when: all of it
            return np.ones(len(self.boilerplate), dtype=bool)
        return (by < article_id) | ((by == article_id) & self.known_to_learner)

    #: outlet hash -> {line hash: articles}, only lines counted as a template for reuse.
    templates: dict[int, dict[int, int]] = field(default_factory=dict)
    #: How provenance weighs its evidence (the archive's ``Options.provenance``).
    provenance: ProvenanceSettings = DEFAULT_PROVENANCE


@dataclass
class Result:
    pairs: list  # reuse.Pair, ordered by (a, b)
    clusters: int
    articles: int
    seconds: float
    engine: str
    candidates: int = 0

    def to_json(self) -> dict:
        return {"pairs": len(self.pairs), "clusters": self.clusters, "seconds": self.seconds}


# ---------------------------------------------------------------------------------------------
# The stages (pure: no database, no engine)
# ---------------------------------------------------------------------------------------------


def known_in(
    tokens_shingles: np.ndarray, learned: Learned, upto: int | None = None, *, judging: bool = False
) -> np.ndarray:
    """The learned boilerplate among a text's shingles, as ``known_shingles`` gives it: what
    ``add`` knew once it had added the article ``upto`` (``judging``: when it found that
    article's reuse, :meth:`Learned.known_when_judging`); all of it when ``upto`` is None."""
    known = learned.boilerplate
    if upto is not None and len(learned.learned_by) == len(known):
        if judging:
            known = known[learned.known_when_judging(upto)]
        else:
            known = known[learned.learned_by <= upto]
    return np.intersect1d(known, tokens_shingles)


def sign_article(facts: ArticleFacts, learned: Learned) -> tuple[int, np.ndarray]:
    """An article's passage signatures, as ``add`` indexed it: leaving out the boilerplate
    known once it was added (learned before it, and while adding it)."""
    from .reuse import signatures

    tokens, settings = resolve(facts.text, learned.settings)  # words, or characters (CJK)
    ignore = known_in(shingle_hashes(tokens, settings.shingle), learned, facts.id)
    return facts.id, signatures(tokens, settings, ignore if len(ignore) else None)


def sign_partition(articles: Iterable[ArticleFacts], learned: Learned) -> Iterator:
    """:func:`sign_article` over one partition (Spark's ``mapPartitions``)."""
    for facts in articles:
        yield sign_article(facts, learned)


def band_rows(article_id: int, sigs: np.ndarray, settings: ReuseSettings) -> list[tuple[int, int]]:
    """(band key, passage id) of every indexed window, as ``add`` stores them in ``lsh_bands``."""
    from .reuse import _band_rows

    return _band_rows(article_id, sigs, settings)


def key_lookups(passages: Iterable[int]) -> Iterator[tuple[int, tuple[list[int], list[int]]]]:
    """For one band key held by ``passages``: for each article holding it, (its windows with
    the key, the passages of the articles before it), as the index answered ``add``. An
    article that came after more than ``MAX_BAND_ARTICLES`` holders gets nothing (``add``
    skipped the key then), nor does the first."""
    from .reuse import MAX_BAND_ARTICLES, PASSAGE_BITS, PASSAGE_MASK

    by_article: dict[int, list[int]] = {}
    for passage in sorted(passages):
        by_article.setdefault(passage >> PASSAGE_BITS, []).append(passage)
    earlier: list[int] = []
    for rank, (article, held) in enumerate(sorted(by_article.items())):
        if rank > MAX_BAND_ARTICLES:
            break
        if earlier:
            yield article, ([p & PASSAGE_MASK for p in held], list(earlier))
        earlier.extend(held)


def collisions(article_id: int, found: Iterable[tuple[int, tuple[list[int], list[int]]]], settings):
    """What one article's lookup collided with: :func:`reuse.collide` over the keys ``found``
    (key, (my windows, earlier passages))."""
    from .reuse import collide

    holders, postings = {}, {}
    for key, (windows, passages) in found:
        holders[key] = windows
        postings[key] = passages
    return collide(article_id, holders, postings, settings.candidate_similarity)


def template_lines(facts: ArticleFacts, learned: Learned) -> list[tuple[tuple[int, int], int]]:
    """((outlet hash, line hash), article id) for each line of the article's clean text that
    its outlet's template counts hold (enough to count for reuse, in the end)."""
    from .templates import line_hashes, outlet_hash

    if not facts.outlet:
        return []
    outlet = outlet_hash(facts.outlet)
    counted = learned.templates.get(outlet)
    if not counted:
        return []
    return [((outlet, h), facts.id) for h in line_hashes(facts.text) if h in counted]


def counts_as_of(
    line: tuple[int, int], holders: Iterable[int], learned: Learned
) -> Iterator[tuple[int, tuple[int, int]]]:
    """(article, (line hash, count)): how many articles of the outlet held the line when each
    holder was added (``add`` counts a line with the articles before it and itself; the
    archive keeps only the final count, so the holders after it are taken off)."""
    final = learned.templates[line[0]][line[1]]
    ordered = sorted(set(holders))
    for index, article in enumerate(ordered):
        yield article, (line[1], final - (len(ordered) - 1 - index))


def verify(
    me: ArticleFacts,
    others: list[ArticleFacts],
    learned: Learned,
    counts: dict[int, int] | None = None,
) -> list:  # list[reuse.Pair]
    """The verified pairs of an article with its candidates (earlier articles, in the order
    the lookup ranked them), as ``add`` makes them: aligned leaving out learned boilerplate,
    judged (:func:`boilerplate.judge`; spans judged boilerplate are left out and the pairs
    holding them aligned again without them), and given a provenance verdict; the alignment
    and the judgement know the boilerplate ``add`` knew when it began adding the article.
    Then, as ``add`` revised them when later articles taught it more boilerplate, the pairs
    whose spans that boilerplate reaches into are aligned again knowing all of it (dropped
    when nothing else is shared). ``counts``:
    the article's lines in its outlet's template as ``add`` counted them (:func:`counts_as_of`);
    by default the archive's final counts."""
    from .boilerplate import Page, judge, shingles_inside, word_mask
    from .reuse import _align, _ordered, make_pair, realign, template_mask, touches
    from .templates import line_hashes, outlet_hash

    tokens, settings = resolve(me.text, learned.settings)
    mine = shingle_hashes(tokens, settings.shingle)
    ignore = known_in(mine, learned, me.id, judging=True)
    known = {me.id: me, **{o.id: o for o in others}}
    alignments = {}
    for other in others:
        alignment = _align(*_ordered(me, other), settings, ignore)
        if alignment:
            alignments[other.id] = alignment
    pages = {i: Page(i, f.title, f.outlet, f.text) for i, f in known.items()}
    template = None
    if alignments:
        template = np.zeros(len(tokens), dtype=bool)
        if me.outlet:
            hashes = line_hashes(me.text)
            if counts is None:
                counts = learned.templates.get(outlet_hash(me.outlet), {})
            template = template_mask(me.text, tokens, hashes, counts)
    judgement = judge(pages[me.id], alignments, pages, settings, template, ignore)
    if judgement:
        ranges = [
            span.a_words if me.id < other_id else span.b_words
            for other_id, indexes in judgement.spans.items()
            for i, span in enumerate(alignments[other_id].spans)
            if i in indexes
        ]
        learned_now = shingles_inside(tokens, word_mask(tokens, ranges), settings)
        ignore = np.union1d(ignore, learned_now)
        realign(me, known, alignments, judgement.holders, learned_now, ignore, settings)
    if len(learned.learned_by) == len(learned.boilerplate):
        later = learned.boilerplate[~learned.known_when_judging(me.id)]
        for other_id in list(alignments):
            first, second = _ordered(me, known[other_id])
            spans = [s.offsets() for s in alignments[other_id].spans]
            if not touches(first.text, second.text, spans, later, settings):
                continue
            theirs = shingle_hashes(resolve(known[other_id].text, settings)[0], settings.shingle)
            every = known_in(np.concatenate([mine, theirs]), learned)
            alignment = _align(first, second, settings, np.union1d(every, ignore))
            if alignment:
                alignments[other_id] = alignment
            else:
                del alignments[other_id]
    return [
        make_pair(*_ordered(me, known[o]), alignment, learned.provenance)
        for o, alignment in alignments.items()
    ]


def count_clusters(pairs: list) -> int:
    return len(build_clusters([(p.a, p.b, p.spans) for p in pairs]))


# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------


def read_archive(archive) -> tuple[list[ArticleFacts], Learned]:
    """Every article of the archive as provenance sees it, and what ``add`` learned."""
    from .reuse import facts
    from .storage import storage_for

    with archive.db.reading() as conn:
        ids = storage_for(conn).article_ids()
        articles: list[ArticleFacts] = []
        for start in range(0, len(ids), READ_CHUNK):
            found = facts(conn, list(ids[start : start + READ_CHUNK]))
            articles.extend(found[i] for i in sorted(found))
        learned = read_learned(conn)
    return articles, learned


def read_learned(
    conn,
    settings: ReuseSettings = DEFAULT,
    provenance: ProvenanceSettings = DEFAULT_PROVENANCE,
) -> Learned:
    """The boilerplate shingles and template lines ``add`` learned, with the settings the
    job follows."""
    from .reuse import REUSE_TEMPLATE_ARTICLES
    from .storage import storage_for

    storage = storage_for(conn)
    rows = storage.learned_shingles()
    hashes = np.array([r[0] for r in rows], dtype=np.int64).view(np.uint64)
    by = np.array([r[1] or 0 for r in rows], dtype=np.int64)
    again = np.array([bool(r[2]) for r in rows], dtype=bool)
    order = np.argsort(hashes, kind="stable")
    boilerplate, learned_by, known_to_learner = hashes[order], by[order], again[order]
    templates: dict[int, dict[int, int]] = {}
    for outlet, line, n in storage.template_rows(REUSE_TEMPLATE_ARTICLES):
        templates.setdefault(outlet, {})[line] = n
    return Learned(settings, boilerplate, learned_by, known_to_learner, templates, provenance)


def facts_from_export(record: dict) -> ArticleFacts:
    """An article of ``archiver export --format jsonl`` as provenance sees it (as
    :func:`reuse.facts` reads it from the archive)."""
    fields = record.get("fields") or {}
    published = fields.get("published") or {}
    ingested = record.get("ingested_at")
    stamp = None
    if ingested:
        # The archive keeps a naive UTC time, which reuse.facts turns into seconds this way.
        stamp = datetime.fromisoformat(str(ingested).removesuffix("Z")).timestamp()
    extra = {
        name: fields[name]["value"]
        for name in ("republished", "original_outlet")
        if isinstance(fields.get(name), dict)
    }
    return ArticleFacts(
        id=int(record["id"]),
        outlet=record.get("outlet"),
        text=record.get("clean_text") or "",
        published=record.get("published"),
        published_confidence=float(published.get("confidence") or 0.0) if published else 0.0,
        published_source=published.get("source") if published else None,
        ingested=stamp,
        extra=extra,
        title=record.get("title"),
    )


def parse_export_line(line: str) -> ArticleFacts | None:
    line = line.strip()
    if not line:
        return None
    return facts_from_export(json.loads(line))


def read_export(path: str) -> list[ArticleFacts]:
    """The articles of a JSON-lines export (one process)."""
    try:
        with open(path, encoding="utf-8") as handle:
            found = [f for f in map(parse_export_line, handle) if f is not None]
    except OSError as exc:
        raise BatchError(f"cannot read the export {path}: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise BatchError(
            f"{path} is not a JSON-lines export written by `archiver export` ({exc})"
        ) from None
    return sorted(found, key=lambda f: f.id)


# ---------------------------------------------------------------------------------------------
# The local engine: the same stages, grouped with dictionaries
# ---------------------------------------------------------------------------------------------


Say = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


def run_local(
    articles: list[ArticleFacts], learned: Learned, say: Say = _quiet, progress=None
) -> tuple[list, int]:
    """The job in this process. ``progress(n)``: n more articles verified."""
    from .reuse import similarity, weigh

    settings = learned.settings
    by_id = {f.id: f for f in articles}
    say(f"Signing {len(articles):,} articles...")
    signed = dict(sign_partition(articles, learned))
    postings: dict[int, list[int]] = {}
    for article_id, sigs in signed.items():
        for key, passage in band_rows(article_id, sigs, settings):
            postings.setdefault(key, []).append(passage)
    say(f"Grouping {sum(map(len, postings.values())):,} band rows by key...")
    found: dict[int, list] = {}
    for key, passages in postings.items():
        for article_id, lookup in key_lookups(passages):
            found.setdefault(article_id, []).append((key, lookup))
    lines: dict[tuple[int, int], list[int]] = {}
    for facts in articles:
        for line, article_id in template_lines(facts, learned):
            lines.setdefault(line, []).append(article_id)
    counts: dict[int, dict[int, int]] = {}
    for line, holders in lines.items():
        for article_id, (line_hash, n) in counts_as_of(line, holders, learned):
            counts.setdefault(article_id, {})[line_hash] = n
    pairs, candidates = [], 0
    say("Verifying candidates...")
    for article_id in sorted(by_id):
        collided, holding = collisions(article_id, found.get(article_id, ()), settings)
        alike = {}
        if settings.candidate_similarity > 0:
            for other, windows in collided.items():
                value = similarity(signed[article_id], signed[other], windows)
                if value is not None:
                    alike[other] = value
        kept = weigh(collided, holding, alike, settings.candidate_similarity)
        candidates += len(kept)
        others = [by_id[o] for o in kept]
        pairs.extend(verify(by_id[article_id], others, learned, counts.get(article_id, {})))
        if progress is not None:
            progress(1)
    return sorted(pairs, key=lambda p: (p.a, p.b)), candidates


# ---------------------------------------------------------------------------------------------
# The Spark engine
# ---------------------------------------------------------------------------------------------


def check_spark() -> None:
    """One sentence when Spark cannot run here: PySpark or Java missing."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise BatchError(
            "--engine spark needs PySpark, which is not installed: pip install 'archiver[spark]' "
            "(or use --engine local)"
        ) from None
    java = shutil.which("java", path=os.path.join(os.environ.get("JAVA_HOME", ""), "bin"))
    java = java or shutil.which("java")
    if java is None:
        raise BatchError(
            "--engine spark needs Java 17 or later, which was not found (no java on PATH or in "
            "$JAVA_HOME): install it (Debian/Ubuntu: apt-get install openjdk-17-jre-headless)"
        )
    try:
        subprocess.run([java, "-version"], capture_output=True, check=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        raise BatchError(f"--engine spark needs a working Java; {java} -version failed") from None


#: The JVM's heap in local mode unless ``spark.driver.memory`` is given: the driver is also
#: the executor there, and holds every article's text twice (as read, and cached). Spark's
#: own default, 1 GB, runs out at about 30,000 news articles.
LOCAL_DRIVER_MEMORY = "4g"


def spark_session(
    master: str | None = None, partitions: int | None = None, conf: dict[str, str] | None = None
):
    """A SparkSession: ``master`` (default ``local[*]``; under spark-submit, what it set);
    ``conf``: Spark settings (``spark.driver.memory``...), taken when this starts the JVM."""
    import sys

    check_spark()
    from pyspark.sql import SparkSession

    # Workers run this interpreter (and so this archiver), unless the cluster says otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("archiver batch")
    if master:
        builder = builder.master(master)
    elif not under_spark_submit():
        builder = builder.master("local[*]")
    settings = {"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": str(partitions or 8)}
    if not under_spark_submit() and (master or "local").startswith("local"):
        settings["spark.driver.memory"] = LOCAL_DRIVER_MEMORY
    for key, value in {**settings, **(conf or {})}.items():
        builder = builder.config(key, value)
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # the JVM did not start: say why in one sentence
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise BatchError(f"Spark could not start: {first}") from None
    session.sparkContext.setLogLevel("ERROR")
    return session


def under_spark_submit() -> bool:
    """Whether spark-submit started this driver (its JVM is already up and holds the master)."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


def run_spark(
    spark, articles, learned: Learned, say: Say = _quiet, partitions: int | None = None
) -> tuple[list, int]:
    """The job on Spark: ``articles`` is a list of ArticleFacts or an RDD of them."""
    sc = spark.sparkContext
    parts = partitions or max(sc.defaultParallelism, 2)
    rdd = sc.parallelize(articles, parts) if isinstance(articles, list) else articles
    rdd = rdd.cache()  # read (and parsed) once, used by every stage
    shared = sc.broadcast(learned)
    settings = learned.settings

    say("Signing articles (one numpy pass per partition)...")
    by_id = rdd.map(lambda f: (f.id, f)).cache()
    signed = rdd.mapPartitions(lambda it: sign_partition(it, shared.value)).cache()

    say("Grouping band keys into candidate edges...")
    found = (
        signed.flatMap(lambda kv: band_rows(kv[0], kv[1], shared.value.settings))
        .groupByKey(parts)
        .flatMap(lambda kv: ((b, (kv[0], lookup)) for b, lookup in key_lookups(kv[1])))
        .groupByKey(parts)
        .map(lambda kv: (kv[0], collisions(kv[0], kv[1], shared.value.settings)))
        .cache()
    )
    weighed = _weigh_spark(found, signed, settings.candidate_similarity, parts).cache()

    say("Verifying candidates (alignment, boilerplate, provenance)...")
    edges = weighed.flatMap(lambda kv: ((a, (kv[0], rank)) for rank, a in enumerate(kv[1])))
    others = (
        edges.join(by_id, parts)
        .map(lambda kv: (kv[1][0][0], (kv[1][0][1], kv[1][1])))
        .groupByKey(parts)
    )
    counts = (
        rdd.flatMap(lambda f: template_lines(f, shared.value))
        .groupByKey(parts)
        .flatMap(lambda kv: counts_as_of(kv[0], kv[1], shared.value))
        .groupByKey(parts)
        .mapValues(dict)
    )
    pairs_rdd = (
        others.join(by_id, parts)
        .leftOuterJoin(counts, parts)
        .flatMap(
            lambda kv: verify(
                kv[1][0][1],
                [f for _, f in sorted(kv[1][0][0], key=lambda x: x[0])],
                shared.value,
                kv[1][1] or {},
            )
        )
    )
    pairs = pairs_rdd.collect()
    candidates = weighed.map(lambda kv: len(kv[1])).sum()
    for cached in (rdd, by_id, signed, found, weighed):
        cached.unpersist()
    return sorted(pairs, key=lambda p: (p.a, p.b)), candidates


def _weigh_spark(found, signed, threshold: float, parts: int):
    """(article, kept candidates in order): the similarity of each candidate needs its
    signatures, brought by a join."""
    from .reuse import similarity, weigh

    if threshold <= 0:
        return found.map(lambda kv: (kv[0], weigh(kv[1][0], kv[1][1], {}, threshold)))
    mine = signed.join(found.map(lambda kv: (kv[0], sorted(kv[1][0].items()))), parts)
    # (candidate, (me, my signatures' rows that collided, the window pairs renumbered))
    asks = mine.flatMap(
        lambda kv: ((other, (kv[0], kv[1][0], windows)) for other, windows in kv[1][1])
    )
    alike = (
        asks.join(signed, parts)
        .map(
            lambda kv: (
                kv[1][0][0],
                (kv[0], similarity(kv[1][0][1], kv[1][1], kv[1][0][2])),
            )
        )
        .groupByKey(parts)
        .mapValues(lambda items: {o: v for o, v in items if v is not None})
    )
    return found.leftOuterJoin(alike, parts).map(
        lambda kv: (kv[0], weigh(kv[1][0][0], kv[1][0][1], kv[1][1] or {}, threshold))
    )


def read_export_spark(spark, path: str, parts: int | None = None):
    """An export's articles as an RDD, read by the workers (JSON lines or Parquet)."""
    p = Path(path)
    if p.is_dir() or path.endswith(".parquet"):
        df = spark.read.parquet(path)
        return df.rdd.map(lambda row: facts_from_export(_row_dict(row.asDict(recursive=True))))
    lines = spark.sparkContext.textFile(path, parts or None)
    return lines.map(parse_export_line).filter(lambda f: f is not None)


def _row_dict(row: dict) -> dict:
    fields = row.get("fields")
    if isinstance(fields, str):
        row["fields"] = json.loads(fields)
    return row


# ---------------------------------------------------------------------------------------------
# Outputs
# ---------------------------------------------------------------------------------------------


def replace_pairs(archive, pairs: list, texts: dict[int, str] | None = None) -> None:
    """The archive's stored pairs replaced by ``pairs``, in one transaction, with the shingles
    reaching into their spans (``pair_shingles``: what ``add`` looks up when it learns a
    block). ``texts``: article id -> clean text, read from the archive when not given."""
    from .reuse import _pair_rows, index_pair_spans
    from .storage import storage_for

    with archive.db.writing() as conn:
        storage = storage_for(conn)
        storage.drop_all_pairs()
        rows = _pair_rows(pairs)
        for start in range(0, len(rows), READ_CHUNK):
            storage.add_pairs(rows[start : start + READ_CHUNK])
        for start in range(0, len(pairs), READ_CHUNK):
            chunk = pairs[start : start + READ_CHUNK]
            ids = sorted({i for p in chunk for i in (p.a, p.b)})
            known = {i: texts[i] for i in ids if i in texts} if texts is not None else {}
            missing = [i for i in ids if i not in known]
            if missing:
                known.update(storage.clean_texts(missing))
            index_pair_spans(conn, chunk, known)


def pair_records(pairs: list) -> list[dict]:
    """Pairs as flat records (the Parquet schema: spans and evidence as JSON text)."""
    return [
        {
            **p.to_json(),
            "spans": json.dumps(p.spans),
            "evidence": json.dumps(p.evidence, ensure_ascii=False),
        }
        for p in pairs
    ]


def cluster_records(pairs: list) -> list[dict]:
    return [
        {
            "cluster": n,
            "articles": json.dumps(c.articles),
            "spans": json.dumps({str(k): [list(r) for r in v] for k, v in c.spans.items()}),
        }
        for n, c in enumerate(build_clusters([(p.a, p.b, p.spans) for p in pairs]), 1)
    ]


def write_parquet(spark, pairs: list, folder: str) -> None:
    """``pairs/`` and ``clusters/`` Parquet datasets under ``folder``."""
    from pyspark.sql.types import (
        BooleanType,
        DoubleType,
        IntegerType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    pair_schema = StructType(
        [
            StructField("a", LongType(), False),
            StructField("b", LongType(), False),
            StructField("source", LongType(), True),
            StructField("confidence", StringType(), False),
            StructField("attributed", BooleanType(), False),
            StructField("shared_words", LongType(), False),
            StructField("coverage_a", DoubleType(), False),
            StructField("coverage_b", DoubleType(), False),
            StructField("spans", StringType(), False),
            StructField("evidence", StringType(), False),
            StructField("kind", StringType(), False),
        ]
    )
    cluster_schema = StructType(
        [
            StructField("cluster", IntegerType(), False),
            StructField("articles", StringType(), False),
            StructField("spans", StringType(), False),
        ]
    )
    names = [f.name for f in pair_schema.fields]
    rows = [tuple(r[n] for n in names) for r in pair_records(pairs)]
    spark.createDataFrame(rows, pair_schema).write.mode("overwrite").parquet(f"{folder}/pairs")
    clusters = [(r["cluster"], r["articles"], r["spans"]) for r in cluster_records(pairs)]
    spark.createDataFrame(clusters, cluster_schema).write.mode("overwrite").parquet(
        f"{folder}/clusters"
    )


# ---------------------------------------------------------------------------------------------
# The job
# ---------------------------------------------------------------------------------------------


def run(
    *,
    engine: str,
    archive=None,
    export: str | None = None,
    output: str | None = None,
    master: str | None = None,
    partitions: int | None = None,
    conf: dict[str, str] | None = None,
    say: Say = _quiet,
    progress_factory=None,
    spark=None,
) -> Result:
    """Recompute every pair; write them into ``archive`` (replacing its pairs) unless
    ``output`` names a folder for Parquet. Reads ``export`` (JSON lines or Parquet) when given,
    else the archive; what ``add`` learned comes from the archive when there is one."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if output is None and archive is None:
        raise UsageError("give an archive to write the pairs into, or --output DIR for Parquet")
    if output is not None and engine == "local":
        raise UsageError(
            "--output writes Parquet with Spark: use --engine spark (or leave --output out to "
            "write the pairs into the archive)"
        )
    started = time.monotonic()
    session = None
    if engine == "spark":
        session = spark or spark_session(master, partitions, conf)
    learned = Learned()
    if archive is not None:
        with archive.db.reading() as conn:
            learned = read_learned(conn, archive.options.reuse, archive.options.provenance)
    if export is not None:
        if session is not None:
            articles = read_export_spark(session, export, partitions)
        else:
            articles = read_export(export)
    else:
        say("Reading the archive...")
        articles, _ = read_archive(archive)
    count = len(articles) if isinstance(articles, list) else None
    if engine == "local":
        if progress_factory is not None:
            with progress_factory(len(articles)) as bar:
                pairs, candidates = run_local(articles, learned, say, bar.update)
        else:
            pairs, candidates = run_local(articles, learned, say)
    else:
        pairs, candidates = run_spark(session, articles, learned, say, partitions)
        if count is None:
            count = articles.count()
    clusters = count_clusters(pairs)
    if output is not None:
        say(f"Writing {len(pairs):,} pairs and the clusters ({clusters:,}) to {output}...")
        write_parquet(session, pairs, output)
    else:
        say(f"Replacing the archive's pairs with {len(pairs):,} pairs...")
        texts = {f.id: f.text for f in articles} if isinstance(articles, list) else None
        replace_pairs(archive, pairs, texts)
    return Result(
        pairs, clusters, count or 0, round(time.monotonic() - started, 3), engine, candidates
    )
