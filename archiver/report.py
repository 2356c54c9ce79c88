"""The duplicate-content report: pairs, clusters, who copies whom, per-outlet originality."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from .archive import Archive
from .passages import CHARS, DEFAULT, in_unit
from .provenance import build_clusters, decide_cluster, explain
from .reuse import Pair, facts
from .storage import ArticleFilter, storage_for

UNKNOWN_OUTLET = "(unknown outlet)"


@dataclass(slots=True)
class ArticleInfo:
    id: int
    title: str | None
    outlet: str | None
    published: str | None
    path: str
    chars: int
    #: Where ``published`` came from: ``header-date`` is often the day the page was scraped.
    published_source: str | None = None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "published_source": self.published_source,
            "path": self.path,
        }


@dataclass
class ClusterInfo:
    """One passage in three or more articles, from verified pairs only."""

    articles: list[int]
    spans: dict[int, list[list[int]]]
    source: int | None
    confidence: str
    attributed: bool
    evidence: list[str]

    def to_json(self) -> dict:
        return {
            "articles": self.articles,
            "spans": {str(k): v for k, v in self.spans.items()},
            "source": self.source,
            "confidence": self.confidence,
            "attributed": self.attributed,
            "evidence": self.evidence,
            "reasons": [explain(e) for e in self.evidence],
        }


@dataclass
class OutletSummary:
    outlet: str
    articles: int = 0
    chars: int = 0
    reused_chars: int = 0  # characters of its articles copied from an earlier article
    copies_attributed: int = 0  # pairs where it is the copy and credits the source
    copies_unattributed: int = 0
    copied_by_others: int = 0  # pairs where it is the source
    undetermined: int = 0

    @property
    def original_share(self) -> float:
        return 1 - self.reused_chars / self.chars if self.chars else 1.0

    def to_json(self) -> dict:
        return {
            "outlet": self.outlet,
            "articles": self.articles,
            "original_share": round(self.original_share, 4),
            "reused_share": round(1 - self.original_share, 4),
            "copies_attributed": self.copies_attributed,
            "copies_unattributed": self.copies_unattributed,
            "copied_by_others": self.copied_by_others,
            "undetermined": self.undetermined,
        }


@dataclass
class Report:
    articles: dict[int, ArticleInfo]
    pairs: list[Pair]
    clusters: list[ClusterInfo]
    outlets: list[OutletSummary]
    #: copying outlet -> source outlet -> shared words (pairs whose source was decided)
    matrix: dict[str, dict[str, int]] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)
    #: Where the report came from: archive, time, archiver version, filters, reuse settings.
    meta: dict = field(default_factory=dict)
    #: How many articles the report covers (every one, or those matching its filters and
    #: those they share passages with); ``articles`` holds the ones in its pairs.
    total_articles: int | None = None
    #: Every article it covers, by id, read from the archive as they are taken (for the
    #: JSON report's ``articles``); without it, ``articles``.
    listing: Callable[[], Iterator[ArticleInfo]] | None = None

    def outlet_of(self, article_id: int) -> str:
        return self.articles[article_id].outlet or UNKNOWN_OUTLET

    def to_json(self) -> dict:
        return {
            name: value
            if not isinstance(value, tuple)
            else (dict(value[2]) if value[0] == "{" else list(value[2]))
            for name, value in self.json_sections()
        }

    def json_sections(self) -> list[tuple[str, object]]:
        """The JSON report's sections in order; the long ones (articles, pairs, clusters) as
        (opening, closing, items made one at a time), for ``render.write_json``."""
        listed = (
            self.listing()
            if self.listing is not None
            else (self.articles[i] for i in sorted(self.articles))
        )
        articles = ((str(info.id), info.to_json()) for info in listed)
        pairs = ({**p.to_json(), "reasons": [explain(e) for e in p.evidence]} for p in self.pairs)
        return [
            ("meta", self.meta),
            ("articles", ("{", "}", articles)),
            ("pairs", ("[", "]", pairs)),
            ("clusters", ("[", "]", (c.to_json() for c in self.clusters))),
            ("outlets", [o.to_json() for o in self.outlets]),
            ("matrix", self.matrix),
        ]


def build_report(
    archive: Archive,
    *,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    with_texts: bool = False,
    min_words: int | None = None,
) -> Report:
    """Every verified pair touching the articles that match the filters, and what follows.

    ``min_words`` keeps only the pairs sharing at least that many words (detection keeps
    passages of ``ReuseSettings.min_words`` words and up); clusters are built from the
    pairs kept."""
    filters = ArticleFilter(outlet=outlet, since=since, until=until)
    filtered = bool(outlet or since or until)
    with archive.db.reading() as conn:
        storage = storage_for(conn)
        chosen = set(storage.article_ids(filters)) if filtered else None
        pairs = [Pair.from_row(r) for r in storage.all_pairs(min_words)]
        if chosen is not None:
            pairs = [p for p in pairs if p.a in chosen or p.b in chosen]
        # Only the articles in a pair are held; the others are counted in SQL (the outlets'
        # shares) and listed from the archive as the JSON report is written.
        paired = sorted({i for p in pairs for i in (p.a, p.b)})
        articles = {r.id: _info(r) for r in storage.listed(paired)}
        covered = None if chosen is None else sorted(set(paired) | chosen)
        sizes = storage.outlet_sizes(filters if filtered else None)
        total = sum(n for _, n, _ in sizes) if covered is None else len(covered)
        # Texts show the spans: those of the articles in a pair are enough.
        texts = storage.clean_texts(paired) if with_texts else {}
        in_clusters = build_clusters([(p.a, p.b, p.spans) for p in pairs])
        member_facts = facts(conn, sorted({i for c in in_clusters for i in c.articles}))
    verdicts = {(p.a, p.b): p for p in pairs}
    clusters = []
    for c in in_clusters:
        verdict = decide_cluster([member_facts[i] for i in c.articles], verdicts)
        clusters.append(
            ClusterInfo(
                c.articles,
                {i: [list(r) for r in c.spans[i]] for i in c.articles},
                verdict.source,
                verdict.confidence,
                verdict.attributed,
                verdict.evidence,
            )
        )
    report = Report(articles, pairs, clusters, [], {}, texts)
    report.total_articles = total
    report.listing = _listing(archive, covered)
    report.outlets, report.matrix = _summaries(report, sizes, chosen)
    report.meta = report_meta(
        archive.db.location, outlet=outlet, since=since, until=until, min_words=min_words
    )
    return report


def shown_location(location: str) -> str:
    """An archive's location as a report may show it: a file as its absolute path, a database
    URL with its password masked (``postgresql://editor:***@host/news``)."""
    if "://" not in location:
        return str(Path(location).expanduser().absolute())
    try:
        return make_url(location).render_as_string(hide_password=True)
    except ArgumentError:
        return location.split("://", 1)[0] + "://(a URL archiver could not read)"


def report_meta(
    location: str,
    *,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_words: int | None = None,
) -> dict:
    """What a report handed on needs to be made again: the archive, when, by which archiver,
    with which filters and reuse settings (``command`` repeats it, but for the format)."""
    from . import __version__

    filters = {"outlet": outlet, "since": since, "until": until, "min_words": min_words}
    archive = shown_location(location)
    command = ["archiver", "--db", _quoted(archive), "report"]
    for name, value in filters.items():
        if value is not None:
            command += [f"--{name.replace('_', '-')}", _quoted(str(value))]
    return {
        "archive": archive,
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "archiver_version": __version__,
        "filters": filters,
        "command": " ".join(command),
        "reuse_settings": asdict(DEFAULT),
        # Chinese and Japanese are compared in characters, with every count of words scaled.
        "reuse_settings_characters": asdict(in_unit(DEFAULT, CHARS)),
    }


def _quoted(value: str) -> str:
    import shlex

    return shlex.quote(value)


def _info(row) -> ArticleInfo:
    return ArticleInfo(
        row.id,
        row.title,
        row.outlet,
        row.published,
        row.source_path,
        row.length,
        row.published_source,
    )


def _listing(archive: Archive, ids: list[int] | None) -> Callable[[], Iterator[ArticleInfo]]:
    """The report's articles (these, or every one), by id, read when they are written."""

    def listed() -> Iterator[ArticleInfo]:
        with archive.db.reading() as conn:
            for row in storage_for(conn).listed(ids):
                yield _info(row)

    return listed


def _summaries(report: Report, sizes: list[tuple], chosen: set[int] | None):
    """Each outlet's summary (its articles and characters from ``sizes``: outlet, articles,
    characters), and the matrix of who copies whom."""
    summaries: dict[str, OutletSummary] = {}
    for outlet, count, chars in sizes:
        s = summaries.setdefault(outlet or UNKNOWN_OUTLET, OutletSummary(outlet or UNKNOWN_OUTLET))
        s.articles += count
        s.chars += chars
    copied: dict[int, list[tuple[int, int]]] = defaultdict(list)
    matrix: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for p in report.pairs:
        if p.source is None:
            for i in (p.a, p.b):
                if report.outlet_of(i) in summaries:
                    summaries[report.outlet_of(i)].undetermined += 1
            continue
        copy = p.other(p.source)
        copy_outlet, source_outlet = report.outlet_of(copy), report.outlet_of(p.source)
        matrix[copy_outlet][source_outlet] += p.shared_words
        side = 0 if copy == p.a else 2
        copied[copy].extend((span[side], span[side + 1]) for span in p.spans)
        if copy_outlet in summaries:
            target = summaries[copy_outlet]
            if p.attributed:
                target.copies_attributed += 1
            else:
                target.copies_unattributed += 1
        if source_outlet in summaries:
            summaries[source_outlet].copied_by_others += 1
    for article_id, ranges in copied.items():
        outlet = report.outlet_of(article_id)
        if outlet in summaries and (chosen is None or article_id in chosen):
            summaries[outlet].reused_chars += _union(ranges)
    ordered = sorted(summaries.values(), key=lambda s: (-s.articles, s.outlet))
    return ordered, {k: dict(v) for k, v in sorted(matrix.items())}


def _union(ranges: list[tuple[int, int]]) -> int:
    total, end = 0, -1
    for start, stop in sorted(ranges):
        if stop <= end:
            continue
        total += stop - max(start, end)
        end = stop
    return total
