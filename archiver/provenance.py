"""Who published a shared passage first, whether the copy credited it, and clusters of copies."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from archiver.align import Alignment
from archiver.passages import _CJK
from archiver.vocabulary import MONTH_NAMES_EN

Confidence = Literal["high", "medium", "low", "undetermined"]

# ---------------------------------------------------------------------------------------------
# Patterns: credits in the text of a copy
# ---------------------------------------------------------------------------------------------

#: An outlet's name as written in a credit: up to six capitalised words ("The National Ledger",
#: "Agence France-Presse"), joined by a few lowercase particles.
#: An outlet's name in Chinese text: up to the next space, punctuation or bracket.
_ZH_NAME = r"[^\s，。；：、|/《》“”（）()【】\[\]]{2,24}"
_NAME = (
    r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w&.'’-]*"
    r"(?:\s+(?:of\s+|de\s+|and\s+|&\s+)?[A-Z][\w&.'’-]*){0,5})"
)


@dataclass(frozen=True)
class Credit:
    """A named pattern that credits another outlet, and why it counts.

    ``kind`` is ``reprint`` when the pattern says the whole article came from the named outlet
    (then that article is not an origin itself), ``quote`` when it credits one passage.
    """

    name: str
    pattern: re.Pattern[str]
    kind: Literal["reprint", "quote"]
    reason: str


def _credit(name: str, kind: Literal["reprint", "quote"], pattern: str, reason: str) -> Credit:
    return Credit(name, re.compile(pattern.replace("{NAME}", _NAME), re.MULTILINE), kind, reason)


CREDITS: tuple[Credit, ...] = (
    # --- wire copy --------------------------------------------------------------------------
    _credit(
        "wire-dateline",
        "reprint",
        r"\((?P<name>[A-Z][A-Za-z&.-]{1,12})\)\s*[—–-]",
        "a dateline like 'PARIS, May 3 (AP) —' marks the story as the agency's copy",
    ),
    _credit(
        "byline-agency",
        "reprint",
        r"^By\s+[A-Z][^,\n]{1,60},\s*{NAME}\s*$",
        "a byline 'By Name, Agency' names the agency the reporter works for",
    ),
    # --- republication notices --------------------------------------------------------------
    _credit(
        "first-published",
        "reprint",
        r"\b(?:was\s+)?(?:[Ff]irst|[Oo]riginally)\s+published\s+(?:by|in|on|at)\s+{NAME}",
        "'first published by X' credits X as the origin",
    ),
    _credit(
        "originally-appeared",
        "reprint",
        r"\b(?:[Oo]riginally|[Ff]irst)\s+appeared\s+(?:in|on|at)\s+{NAME}",
        "'originally appeared on X' credits X as the origin",
    ),
    _credit(
        "republished-permission",
        "reprint",
        r"\b[Rr]epublished\s+(?:here\s+)?with\s+(?:the\s+)?(?:kind\s+)?permission\s+(?:of|from)\s+{NAME}",
        "'republished with permission of X' credits X as the origin",
    ),
    _credit(
        "courtesy",
        "reprint",
        r"\b(?:[Cc]ourtesy\s+of|[Rr]eprinted\s+from|distributed\s+by|syndicated\s+by|reprinted\s+from)\s+{NAME}",
        "'courtesy of X' / 'reprinted from X' credits X as the origin",
    ),
    # --- a credited passage -----------------------------------------------------------------
    _credit(
        "according-to",
        "quote",
        r"\b[Aa]ccording\s+to\s+(?:a\s+report\s+(?:by|in)\s+)?{NAME}",
        "'according to X' credits X for what follows or precedes",
    ),
    _credit(
        "reported",
        "quote",
        r"{NAME}\s+(?:reported|first\s+reported|has\s+reported)\b",
        "'X reported' credits X for the reporting",
    ),
    _credit(
        "told",
        "quote",
        r"\b(?:told|said\s+in\s+an\s+interview\s+with)\s+{NAME}",
        "'told X' credits X for the interview",
    ),
    # --- Chinese: the name runs to the next punctuation or space --------------------------
    _credit(
        "zh-source",
        "reprint",
        rf"来源[：:]\s*(?P<name>{_ZH_NAME})",
        "'来源：X' (source: X) names the outlet the article came from",
    ),
    _credit(
        "zh-reprinted",
        "reprint",
        rf"(?:转载自|转自|原载于|首发于)\s*[《“]?(?P<name>{_ZH_NAME})",
        "'转载自X' / '原载于X' (reprinted from X) credits X as the origin",
    ),
    _credit(
        "zh-according-to",
        "quote",
        rf"据\s*(?P<name>{_ZH_NAME}?)\s*(?:报道|消息|援引)",
        "'据X报道' (according to X's report) credits X for what follows",
    ),
)

#: Wire agencies known by their abbreviation without the text defining it.
KNOWN_ABBREVIATIONS: dict[str, str] = {
    "AP": "Associated Press",
    "AFP": "Agence France-Presse",
    "UPI": "United Press International",
    "DPA": "Deutsche Presse-Agentur",
    "PA": "Press Association",
    "EFE": "Agencia EFE",
    "ANSA": "Agenzia Nazionale Stampa Associata",
}

#: Words left out of acronyms and of name comparison.
_STOP_WORDS = frozenset({"the", "of", "and", "&", "de", "la", "el"})

# ---------------------------------------------------------------------------------------------
# Tunables
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProvenanceSettings:
    """How much each kind of evidence weighs; the margin between the sides sets the confidence.

    Two dates decide by how far apart they are and how far both can be trusted (the weaker
    of the two sets the rung). With the margins below, dates alone give:

    | dates (the weaker side)                         | same day | one day apart | 2+ days |
    | ----------------------------------------------- | -------- | ------------- | ------- |
    | sure, >= 0.8: `cli`, `json-ld`, `html-meta`,    | undet.   | low           | high    |
    |   a `text-line` labelled "Published"            |          |               |         |
    | trusted, >= 0.5: other `text-line`, `htmldate`  | undet.   | undet. (a hint)| medium |
    | below 0.5: `header-date` (a crawl date)         | never decides; an upper bound only  |

    Times of day count when both sides give one with its UTC offset: an hour or more apart
    is "2+ days", less is "one day". A date without a time, or a time without an offset, is
    a local day: two of them are compared as days, since the outlets' time zones may differ.
    """

    #: A date this trusted (0..1) or more may decide; header/crawl dates (~0.2) never decide.
    trusted_date: float = 0.5
    #: Two trusted dates both at least this trusted decide with high confidence.
    sure_date: float = 0.8
    weight_credit: float = 3.0
    weight_sure_date: float = 2.5
    weight_date: float = 1.5
    #: Sure dates one day (or under an hour) apart: time zones could reverse them.
    weight_close_sure_date: float = 0.75
    #: Trusted but not sure dates that close: a hint that tips other weak evidence, no more.
    weight_close_date: float = 0.25
    #: Zoned timestamps closer than this (seconds) are "close", not "apart".
    close_seconds: float = 3_600.0
    #: A crawl/header date is an upper bound: a page seen on May 14 was out by May 14.
    weight_date_bound: float = 1.5
    weight_containment: float = 0.5
    weight_ingest: float = 0.5
    #: Containment: the shared text is (nearly) all of one side and a minor part of the other.
    whole: float = 0.8
    part: float = 0.5
    #: Ingest times (seconds) closer than this say nothing: one batch has no order.
    ingest_gap: float = 86_400.0
    #: Margin of the winning side needed for each confidence.
    high: float = 2.5
    medium: float = 1.5
    low: float = 0.5


DEFAULT_PROVENANCE = ProvenanceSettings()

# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------


@dataclass
class ArticleFacts:
    """What provenance needs to know about one article."""

    id: int
    outlet: str | None
    text: str
    published: str | None = None  # ISO 8601 date or timestamp
    published_confidence: float = 0.0
    published_source: str | None = None  # html-meta, json-ld, text-line, header-date, ...
    ingested: float | None = None  # seconds since the epoch
    extra: dict[str, str] = field(default_factory=dict)  # republished, original_outlet, ...
    title: str | None = None


@dataclass
class Provenance:
    """The verdict for a pair or cluster: ``source`` is None unless the evidence decides."""

    source: int | None
    confidence: Confidence
    attributed: bool
    evidence: list[str]


@dataclass
class Cluster:
    """One passage found in three or more articles, built from verified pairs only."""

    articles: list[int]
    spans: dict[int, list[tuple[int, int]]]  # article id -> merged character ranges
    pairs: list[int]  # indices into the pairs given to build_clusters


# ---------------------------------------------------------------------------------------------
# Outlet names
# ---------------------------------------------------------------------------------------------


def name_key(name: str) -> tuple[str, ...]:
    """Words of an outlet name for comparison: case, a leading "The", possessives and
    punctuation do not matter ("The National Ledger's" == "national ledger")."""
    text = re.sub(r"['’]s\b", "", name.casefold())
    words = re.findall(r"\w+", text)
    while words and words[0] == "the":
        words = words[1:]
    return tuple(words)


def acronym(name: str) -> str:
    """Initials of the significant words: "Meridian Press Agency" -> "MPA"."""
    return "".join(w[0] for w in name_key(name) if w not in _STOP_WORDS).upper()


def _defines(text: str, outlet: str, abbreviation: str) -> bool:
    """The text spells the outlet out and uses the abbreviation (defines it or uses both)."""
    full = r"\s+".join(map(re.escape, outlet.split()))
    return bool(re.search(full, text, re.IGNORECASE)) and abbreviation in text


def names_outlet(credited: str, outlet: str | None, text: str) -> bool:
    """Does ``credited`` (as written in ``text``) name ``outlet``?

    Full names match case- and "The"-insensitively, also when the credit runs on ("the Riverside
    Courier's budget reporter"). An abbreviation matches when it is the outlet's acronym and
    the text also spells the outlet out, or when it is a well-known wire abbreviation.
    """
    if not outlet:
        return False
    want, got = name_key(outlet), name_key(credited)
    if want and got[: len(want)] == want:
        return True
    if want and _CJK.search(outlet) and "".join(got).startswith("".join(want)):
        return True  # written without spaces: "海港日报网站" names 海港日报
    short = credited.strip(" .")
    if short.isupper() and 1 < len(short) <= 12:
        if short == acronym(outlet) and _defines(text, outlet, short):
            return True
        known = KNOWN_ABBREVIATIONS.get(short)
        if known and name_key(known) == want:
            return True
    return False


@dataclass(frozen=True)
class FoundCredit:
    """A credit found in an article's text."""

    rule: str
    kind: str
    name: str
    excerpt: str
    at: int = 0  # character offset in the text


def find_credits(text: str) -> list[FoundCredit]:
    """Every credit in ``text``, in the order they appear."""
    return list(_find_credits(text))


@functools.lru_cache(maxsize=512)
def _find_credits(text: str) -> tuple[FoundCredit, ...]:
    # One article is judged against each of its candidates: scan its text once.
    found = []
    for credit in CREDITS:
        for match in credit.pattern.finditer(text):
            name = match.group("name").strip()
            found.append(
                FoundCredit(credit.name, credit.kind, name, match.group(0).strip(), match.start())
            )
    return tuple(sorted(found, key=lambda c: c.at))


def _may_name(credited: str, outlet: str | None, text: str) -> bool:
    """Looser than :func:`names_outlet`: an abbreviation equal to the outlet's acronym counts
    even undefined. Used only to rule credits out (an agency's own "(MPA) —" dateline)."""
    if names_outlet(credited, outlet, text):
        return True
    return bool(outlet) and credited.strip(" .") == acronym(outlet or "")


def _credits_for(facts: ArticleFacts, outlet: str | None) -> list[FoundCredit]:
    found = [c for c in find_credits(facts.text) if names_outlet(c.name, outlet, facts.text)]
    original = facts.extra.get("original_outlet")
    if original and outlet and name_key(original) == name_key(outlet):
        found.append(
            FoundCredit("original-outlet", "reprint", original, f"original outlet: {original}")
        )
    return found


def _third_party(facts: ArticleFacts, other: ArticleFacts) -> list[FoundCredit]:
    """Reprint credits of ``facts`` naming neither itself nor ``other``: it copied someone."""
    out = []
    for c in find_credits(facts.text):
        if c.kind != "reprint":
            continue
        if _may_name(c.name, facts.outlet, facts.text):
            continue
        if _may_name(c.name, other.outlet, facts.text):
            continue
        out.append(c)
    original = facts.extra.get("original_outlet")
    if original and not any(
        name_key(original) == name_key(o or "") for o in (facts.outlet, other.outlet)
    ):
        out.append(FoundCredit("original-outlet", "reprint", original, original))
    return out


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------


def _parse(value: str | None) -> tuple[dt.datetime, bool] | None:
    """The instant (UTC) when the value gives a time with its offset, and the local day.

    Returns (instant or the day at midnight UTC, whether the instant is exact)."""
    if not value:
        return None
    text = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    exact = ("T" in text or " " in text) and parsed.tzinfo is not None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed.astimezone(dt.timezone.utc), exact


@dataclass(frozen=True)
class DateGap:
    """How two publication dates compare: ``order`` is -1 when the first is earlier, 1 when the
    second is, 0 when they cannot be told apart; ``distance`` is ``same`` (the same day, or the
    same time), ``close`` (one day apart, or under an hour between exact times) or ``apart``."""

    order: int
    distance: Literal["same", "close", "apart"]
    by_time: bool  # exact times with offsets were compared, not days

    def describe(self) -> str:
        if self.distance == "same":
            return "the same time" if self.by_time else "the same day"
        if self.distance == "close":
            return "less than an hour apart" if self.by_time else "one day apart"
        return "hours apart" if self.by_time else "days apart"


def date_gap(
    a: str | None, b: str | None, settings: ProvenanceSettings | None = None
) -> DateGap | None:
    """Compare two ISO dates or timestamps; None when either is missing or unreadable."""
    settings = settings or DEFAULT_PROVENANCE
    pa, pb = _parse(a), _parse(b)
    if not pa or not pb or not a or not b:
        return None
    (ta, exact_a), (tb, exact_b) = pa, pb
    if exact_a and exact_b:
        seconds = (tb - ta).total_seconds()
        order = 0 if seconds == 0 else (-1 if seconds > 0 else 1)
        if not order:
            return DateGap(0, "same", True)
        close = abs(seconds) < settings.close_seconds
        return DateGap(order, "close" if close else "apart", True)
    # Local days as written: "2024-05-12" and "2024-05-12T23:30:00-07:00" are the same day.
    try:
        days = (dt.date.fromisoformat(b.strip()[:10]) - dt.date.fromisoformat(a.strip()[:10])).days
    except ValueError:
        return None
    if days == 0:
        return DateGap(0, "same", False)
    order = -1 if days > 0 else 1
    return DateGap(order, "close" if abs(days) == 1 else "apart", False)


# ---------------------------------------------------------------------------------------------
# Decisions
# ---------------------------------------------------------------------------------------------


def _label(a: ArticleFacts) -> str:
    return f"#{a.id} ({a.outlet or 'unknown outlet'})"


def _date_text(a: ArticleFacts) -> str:
    return f"{a.published} [{a.published_source or '?'}, {a.published_confidence:.1f}]"


def decide(
    a: ArticleFacts,
    b: ArticleFacts,
    alignment: Alignment | None = None,
    settings: ProvenanceSettings = DEFAULT_PROVENANCE,
) -> Provenance:
    """Which of a verified pair came first, how sure that is, and whether the copy credits it.

    Evidence adds weight to one side: a credit in the other's text, trusted publication dates,
    a crawl/header date that bounds one side before the other's trusted date, containment
    (the shared text is all of one article and a part of the other: the longer one is the
    origin), and ingest times far apart as the last resort. The margin between the sides gives
    the confidence; below ``settings.low`` the answer is ``undetermined`` with no source.
    """
    score = {a.id: 0.0, b.id: 0.0}
    evidence: list[str] = []
    credited = {a.id: _credits_for(b, a.outlet), b.id: _credits_for(a, b.outlet)}
    for origin, copy in ((a, b), (b, a)):
        for c in credited[origin.id]:
            score[origin.id] += settings.weight_credit
            evidence.append(f"{_label(copy)} credits {_label(origin)}: {c.rule} '{c.excerpt}'")
            break

    # Dates.
    _weigh_dates(a, b, score, evidence, settings)

    # Containment.
    if alignment is not None and alignment.spans:
        ca, cb = alignment.coverage_a, alignment.coverage_b
        for whole, part, cw, cp in ((b, a, cb, ca), (a, b, ca, cb)):
            if cw >= settings.whole and cp <= settings.part:
                score[part.id] += settings.weight_containment
                evidence.append(
                    f"the shared text is {cw:.0%} of {_label(whole)} but only {cp:.0%} of "
                    f"{_label(part)}: the longer article contains the other"
                )

    # Ingest order, only when nothing else spoke.
    if (
        not any(score.values())
        and a.ingested is not None
        and b.ingested is not None
        and abs(a.ingested - b.ingested) >= settings.ingest_gap
    ):
        first = a if a.ingested < b.ingested else b
        score[first.id] += settings.weight_ingest
        evidence.append(f"{_label(first)} was archived first (ingest order)")

    # A side that itself credits a third outlet as its origin is a copy too.
    for x, y in ((a, b), (b, a)):
        for c in _third_party(x, y):
            evidence.append(f"{_label(x)} itself credits {c.name} ({c.rule}): it is a copy too")
            score[x.id] = min(score[x.id], 0.0)
            break

    first, second = sorted((a, b), key=lambda x: -score[x.id])
    margin = score[first.id] - score[second.id]
    if margin >= settings.high:
        confidence: Confidence = "high"
    elif margin >= settings.medium:
        confidence = "medium"
    elif margin >= settings.low:
        confidence = "low"
    else:
        confidence = "undetermined"
    source = first.id if confidence != "undetermined" else None
    attributed = _attributed(a, b, source, credited)
    if not evidence:
        evidence.append("no dates, credits or containment to tell which came first")
    return Provenance(source, confidence, attributed, evidence)


def _weigh_dates(
    a: ArticleFacts,
    b: ArticleFacts,
    score: dict[int, float],
    evidence: list[str],
    settings: ProvenanceSettings,
) -> None:
    """Add the dates' weight to the earlier side, by how far apart and how trusted they are
    (the ladder in :class:`ProvenanceSettings`), and say why in ``evidence``."""
    trusted = [x for x in (a, b) if x.published and x.published_confidence >= settings.trusted_date]
    gap = date_gap(a.published, b.published, settings)
    if len(trusted) == 2 and gap is not None and gap.order:
        first, later = (a, b) if gap.order < 0 else (b, a)
        sure = min(a.published_confidence, b.published_confidence) >= settings.sure_date
        dated = (
            f"{_label(first)} dated {_date_text(first)}, before {_label(later)} "
            f"dated {_date_text(later)}"
        )
        if gap.distance == "apart":
            score[first.id] += settings.weight_sure_date if sure else settings.weight_date
            evidence.append(dated)
        elif sure:
            score[first.id] += settings.weight_close_sure_date
            evidence.append(
                f"{dated}: {gap.describe()}, close enough for time zones or clocks to "
                "reverse them, so a weak sign"
            )
        else:
            score[first.id] += settings.weight_close_date
            evidence.append(
                f"{dated}: {gap.describe()}, too close for dates of this kind to decide alone"
            )
        return
    if len(trusted) == 1 and gap is not None and gap.order:
        dated = trusted[0]
        other = b if dated is a else a
        if gap.distance == "apart" and (gap.order < 0) == (other is a):
            # The untrusted date (a crawl date) is an upper bound, and it is before the
            # trusted date of the other side: the other side cannot be first.
            score[other.id] += settings.weight_date_bound
            evidence.append(
                f"{_label(other)} was already online on {_date_text(other)}, before "
                f"{_label(dated)} was published on {_date_text(dated)}"
            )
        else:
            evidence.append(f"dates do not decide: {_label(other)} has only {_date_text(other)}")
        return
    if len(trusted) == 1:
        dated = trusted[0]
        other = b if dated is a else a
        if not other.published:
            evidence.append(f"dates do not decide: {_label(other)} has no date")
    for x in (a, b):
        if x.published and x.published_confidence < settings.trusted_date:
            evidence.append(f"{_label(x)} date {_date_text(x)} is too uncertain to decide")
    if len(trusted) == 2 and gap is not None:
        evidence.append(f"dates do not decide: they give {gap.describe()}")


def _attributed(
    a: ArticleFacts, b: ArticleFacts, source: int | None, credited: dict[int, list[FoundCredit]]
) -> bool:
    """The later side credits the source, or both credit the same third outlet (a wire)."""
    if source is not None and credited[source]:
        return True
    third_a = {name_key(c.name) for c in _third_party(a, b)}
    third_b = {name_key(c.name) for c in _third_party(b, a)}
    if third_a & third_b:
        return True
    # Abbreviation on one side, full name on the other ("(MPA) —" and "Meridian Press Agency").
    return any(
        names_outlet(x.name, y.name, a.text + "\n" + b.text)
        or names_outlet(y.name, x.name, a.text + "\n" + b.text)
        for x in _third_party(a, b)
        for y in _third_party(b, a)
    )


def decide_cluster(
    members: Sequence[ArticleFacts],
    verdicts: dict[tuple[int, int], Provenance],
) -> Provenance:
    """The source of a cluster: the member judged first against every other member.

    ``verdicts`` maps (id, id) pairs (either order) to :func:`decide` results. Without one member
    beating all others the cluster is ``undetermined``; the weakest of its wins is the
    confidence.
    """
    rank = {"high": 3, "medium": 2, "low": 1, "undetermined": 0}
    for candidate in members:
        wins: list[Provenance] = []
        for other in members:
            if other.id == candidate.id:
                continue
            verdict = verdicts.get((candidate.id, other.id)) or verdicts.get(
                (other.id, candidate.id)
            )
            if verdict is None or verdict.source != candidate.id:
                break
            wins.append(verdict)
        else:
            weakest = min(wins, key=lambda v: rank[v.confidence])
            evidence = [e for v in wins for e in v.evidence]
            attributed = all(v.attributed for v in wins)
            return Provenance(candidate.id, weakest.confidence, attributed, evidence)
    return Provenance(
        None, "undetermined", False, ["no member was judged first against all the others"]
    )


# ---------------------------------------------------------------------------------------------
# Clusters
# ---------------------------------------------------------------------------------------------


def _overlap(x: tuple[int, int], y: tuple[int, int]) -> bool:
    """Ranges overlap by at least half of the shorter one (touching edges do not chain)."""
    shared = min(x[1], y[1]) - max(x[0], y[0])
    return shared > 0 and shared * 2 >= min(x[1] - x[0], y[1] - y[0])


def build_clusters(
    pairs: Iterable[tuple[int, int, Sequence[Sequence[int]]]], min_articles: int = 3
) -> list[Cluster]:
    """Clusters of the same passage in ``min_articles`` or more articles.

    ``pairs`` are VERIFIED pairs ``(a, b, spans)`` with spans ``[a_start, a_end, b_start,
    b_end]``. Each span joins its range in a with its range in b; ranges of one article that
    overlap are the same passage. Unverified candidates must never be passed in: a cluster is
    only as good as the alignments it is built from.
    """
    parent: list[int] = []
    nodes: list[tuple[int, tuple[int, int], int]] = []  # (article, range, pair index)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[ry] = rx

    for index, (a, b, spans) in enumerate(pairs):
        for a0, a1, b0, b1 in spans:
            for article, rng in ((a, (a0, a1)), (b, (b0, b1))):
                parent.append(len(nodes))
                nodes.append((article, rng, index))
            union(len(nodes) - 2, len(nodes) - 1)
    by_article: dict[int, list[int]] = {}
    for n, (article, _, _) in enumerate(nodes):
        by_article.setdefault(article, []).append(n)
    for members in by_article.values():
        members.sort(key=lambda n: nodes[n][1])
        for i, x in enumerate(members):
            for y in members[i + 1 :]:
                if nodes[y][1][0] >= nodes[x][1][1]:
                    break
                if _overlap(nodes[x][1], nodes[y][1]):
                    union(x, y)
    groups: dict[int, list[int]] = {}
    for n in range(len(nodes)):
        groups.setdefault(find(n), []).append(n)
    clusters = []
    for group in groups.values():
        articles = sorted({nodes[n][0] for n in group})
        if len(articles) < min_articles:
            continue
        spans: dict[int, list[tuple[int, int]]] = {}
        for n in group:
            spans.setdefault(nodes[n][0], []).append(nodes[n][1])
        merged = {k: _merge(v) for k, v in spans.items()}
        clusters.append(Cluster(articles, merged, sorted({nodes[n][2] for n in group})))
    clusters.sort(key=lambda c: c.articles)
    return clusters


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


# ---------------------------------------------------------------------------------------------
# Quotations
# ---------------------------------------------------------------------------------------------

#: A quotation within one paragraph: straight or typographic double quotes, guillemets, corner
#: brackets.
_QUOTED = re.compile(
    r'"[^"\n]{8,}"|“[^”\n]{8,}”|„[^“”\n]{8,}[“”]|«[^»\n]{8,}»|»[^«\n]{8,}«'
    # Japanese and traditional Chinese corner brackets.
    r"|「[^」\n]{8,}」|『[^』\n]{8,}』"
)
#: Share of the shared text, on both sides, that must lie inside quotation marks.
QUOTATION_SHARE = 0.6


def quoted_share(text: str, ranges: Sequence[tuple[int, int]]) -> float:
    """The share of the characters in ``ranges`` of ``text`` that lie inside quotation marks."""
    total = sum(end - start for start, end in ranges)
    if not total:
        return 0.0
    inside = 0
    for match in _QUOTED.finditer(text):
        q0, q1 = match.span()
        inside += sum(max(0, min(end, q1) - max(start, q0)) for start, end in ranges)
    return inside / total


def is_quotation(a: ArticleFacts, b: ArticleFacts, alignment: Alignment) -> bool:
    """Whether what two articles share is what someone said, quoted by both (a statement, a
    press conference): then neither need have it from the other."""
    spans = alignment.spans
    return (
        quoted_share(a.text, [(s.a_start, s.a_end) for s in spans]) >= QUOTATION_SHARE
        and quoted_share(b.text, [(s.b_start, s.b_end) for s in spans]) >= QUOTATION_SHARE
    )


def as_quotation(verdict: Provenance) -> Provenance:
    """A verdict on shared quotation: who ran it first still counts, but never surely, since
    both may have it from the person quoted."""
    rank = ("undetermined", "low", "medium", "high")
    confidence = verdict.confidence if rank.index(verdict.confidence) <= 1 else "low"
    return Provenance(
        verdict.source,
        confidence,
        verdict.attributed,
        [
            *verdict.evidence,
            "the shared text is a quotation in both articles: both may have it from the person "
            "quoted rather than from each other",
        ],
    )


# ---------------------------------------------------------------------------------------------
# Evidence in words a reader uses
# ---------------------------------------------------------------------------------------------

#: Where a date came from, as a reader would say it.
DATE_SOURCE_WORDS = {
    "cli": "as given when it was archived",
    "json-ld": "in the page's structured data",
    "html-meta": "in the page's metadata",
    "htmldate": "found in the page by htmldate",
    "text-line": "in a date line of its text",
    "dateline": "in its dateline",
    "publish-date": "in a 'published' line",
    "url": "in its web address",
    "filename": "in its file name",
    "header-date": "a date in the site's header, likely the day the page was scraped",
    "crawl-date": "the day the page was scraped",
}
#: How a copy credits its source, as a reader would say it.
CREDIT_WORDS = {
    "wire-dateline": "a wire-service dateline",
    "according-to": "an 'according to' credit",
    "byline-agency": "an agency in the byline",
    "first-published": "a 'first published by' note",
    "original-outlet": "a republishing note",
    "originally-appeared": "an 'originally appeared in' note",
    "republished-permission": "a 'republished with permission' note",
}
_EVIDENCE_LABEL = re.compile(r"#(\d+) \(([^()]*)\)")
_EVIDENCE_DATE = re.compile(r"(\d{4}-\d\d-\d\d)(?:T(\d\d:\d\d)[^\s\[]*)? \[([\w?-]+), ([\d.]+)\]")
_EVIDENCE_CREDIT = re.compile(r": ([a-z-]+) '(.*)'$")
_EVIDENCE_RULE = re.compile(r"\(([a-z]+(?:-[a-z]+)+)\)")


def _day(iso: str, time: str | None) -> str:
    year, month, day = iso.split("-")
    try:
        text = f"{int(day)} {MONTH_NAMES_EN[int(month) - 1]} {year}"
    except (ValueError, IndexError):
        text = iso
    return f"{text}, {time}" if time else text


def _dated_words(match: re.Match) -> str:
    day, time, source, confidence = match.groups()
    where = DATE_SOURCE_WORDS.get(source, f"from {source}" if source != "?" else "")
    if source not in DATE_SOURCE_WORDS and float(confidence) < 0.5:
        where = f"{where}, a weak date".lstrip(", ")
    return f"{_day(day, time)} ({where})" if where else _day(day, time)


def explain(evidence: str) -> str:
    """One line of a verdict's evidence as a sentence: ``#12 (Liberty Signal Daily) has only
    2024-05-14 [header-date, 0.2]`` becomes ``#12 Liberty Signal Daily has only 14 May 2024
    (only a date in the site's header, likely the day the page was scraped)``."""
    text = _EVIDENCE_LABEL.sub(lambda m: f"#{m[1]} {m[2]}", evidence)
    text = re.sub(
        r"^(#\d+ .*?) date (.*\]) is too uncertain to decide",
        r"the date of \1, \2, is too uncertain to decide",
        text,
    )
    text = _EVIDENCE_DATE.sub(_dated_words, text)
    text = _EVIDENCE_CREDIT.sub(
        lambda m: f", with {CREDIT_WORDS.get(m[1], m[1].replace('-', ' '))}: “{m[2]}”", text
    )
    text = _EVIDENCE_RULE.sub(lambda m: f"({CREDIT_WORDS.get(m[1], m[1].replace('-', ' '))})", text)
    text = text.replace("(ingest order)", "(the order in which they were added to the archive)")
    text = re.sub(r"^(#\d+ .*?) dated ", r"\1 is dated ", text)
    text = re.sub(r", before (#\d+ .*?) dated ", r", before \1, dated ", text)
    text = text.replace("dates do not decide:", "the dates do not decide:")
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."
