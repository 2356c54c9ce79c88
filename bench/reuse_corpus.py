"""Generate a labelled reuse corpus (deterministic) of news-like articles: originals, copies of
several kinds, and the text real news shares for other reasons than copying.

Each article is clean text (paragraphs separated by blank lines) built from segments; a segment
copied from another article keeps the key of the paragraph it came from, so the true shared
passages of every pair (copies of copies included) follow from the segments. Every copy lives
in an article about the same story as its source (bench/newslike.py: stories with their own
names, keywords and facts), as real copies do.

Besides reuse, the corpus holds what must not be reported as reuse:

- a publishing network's blocks (paywall notice, comment policy, newsletter and video promos,
  "More from" teasers: 30-120 words, bench/newspages.py) on the pages of all its outlets, and
  on pages with no outlet at all: a cleaner that does not know them leaves them in;
- each outlet's own standing lines (bio, disclaimer, tagline) and bylines;
- stock phrases ("did not immediately respond to a request for comment") and the facts and
  quotes that articles about one story share without copying each other;
- articles about the same story that copy nothing (kind ``related``).

And one kind of reuse that looks like a template: an outlet's updated version of its own
article (kind ``update``, same outlet, most paragraphs shared): a true pair.

    python bench/reuse_corpus.py --articles 400 --seed 1 > corpus.json
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import newslike
import newspages

# Kinds of article, with their share of the corpus.
KINDS = (
    ("original", 0.38),
    ("whole", 0.10),  # an original re-published whole, dateline maybe dropped
    ("partial", 0.13),  # one or two paragraphs of 40-120 words inside a new article
    ("edited", 0.11),  # like partial or whole, with light edits
    ("embedded", 0.11),  # a passage spliced into the middle of a new paragraph
    ("update", 0.05),  # the same outlet's updated version of its article: a true pair
    ("related", 0.12),  # another article about the same story, nothing copied
)
#: Articles with no outlet metadata at all.
NO_OUTLET = 0.08
#: Chances that a page of a network's outlet carries each network block (a cleaner that does not
#: know them leaves them in the clean text); pages with no outlet carry one network's blocks this
#: often.
NETWORK_BLOCK = 0.4
TEASERS = 0.3
NO_OUTLET_NETWORK = 0.5
#: Stock phrases: the chance that an article carries one (news-like text: newslike.STOCK_RATE,
#: 6%; more here, where they must be seen to be left out).
STOCK = 0.2
SYNONYMS = {"said": "stated", "says": "stated", "the": "a", "people": "residents", "year": "season"}

OUTLETS = newspages.OUTLETS


@dataclass
class Segment:
    """A stretch of one article's text and, when copied, the paragraph it came from.

    ``kind``: what the stretch is (own text, copy, network-<block>, template-<line>, stock,
    fact, byline), for telling what a false pair shares."""

    text: str
    origin: tuple[int, int] | None = None  # (article, paragraph) it reproduces
    words: tuple[int, int] = (0, 0)  # word range of that origin paragraph
    edited: bool = False
    kind: str = "own"


@dataclass
class Article:
    id: int
    outlet: int | None  # index into OUTLETS
    kind: str
    story: int
    title: str = ""
    segments: list[Segment] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)  # own body paragraphs, for copies


def _outlet_templates(rng: random.Random) -> list[dict[str, str]]:
    """Each outlet's standing lines: long ones (bio, disclaimer) found by their frequency,
    short ones (byline, tagline) below the minimum span."""
    out = []
    for i, outlet in enumerate(OUTLETS):
        topic = newslike.story(10_000_000 + i)
        author = f"{rng.choice(newslike.FIRST_NAMES)} {rng.choice(newslike.SURNAMES)}"
        out.append(
            {
                "byline": f"By {author}",
                "bio": f"{author} covers {rng.choice(newspages.SECTIONS).lower()} for "
                f"{outlet.name}. " + newslike.paragraph(topic, rng, rng.randint(32, 45)),
                "disclaimer": f"The views expressed here are those of the author and do not "
                f"necessarily reflect those of {outlet.name}. "
                + newslike.paragraph(topic, rng, rng.randint(12, 20)),
                "tagline": f"{outlet.name}: " + newslike.sentence(topic, rng, rng.randint(6, 10)),
            }
        )
    return out


def _edit(text: str, rng: random.Random) -> str:
    """Light edits: a changed word every 15-30 words, one swap of two neighbours, a synonym."""
    words = text.split()
    i = rng.randint(5, 15)
    while i < len(words) - 6:
        words[i] = SYNONYMS.get(words[i], "seventeen" if rng.random() < 0.5 else "growers")
        i += rng.randint(15, 30)
    j = rng.randint(6, max(6, len(words) - 8))
    if j + 1 < len(words) - 5:
        words[j], words[j + 1] = words[j + 1], words[j]
    return " ".join(words)


def _own(topic: newslike.Story, rng: random.Random, outlet: int | None) -> list[str]:
    """An article's own paragraphs about the story, a wire's first one with its dateline."""
    own = [newslike.paragraph(topic, rng, rng.randint(40, 110)) for _ in range(rng.randint(3, 7))]
    if outlet is not None and OUTLETS[outlet].wire:
        own[0] = (
            f"{topic.place.upper()}, May {rng.randint(1, 28)} ({OUTLETS[outlet].wire}) — {own[0]}"
        )
    return own


def _extras(
    body: list[list[Segment]], topic: newslike.Story, rng: random.Random
) -> list[list[Segment]]:
    """Facts of the story and stock phrases, each at the end of one of the article's own
    paragraphs (never inside a copied one: the labels would not know them)."""
    own = [k for k, para in enumerate(body) if all(s.kind == "own" for s in para)]
    adds = [
        Segment(fact, kind="fact")
        for fact in newslike.story_facts(topic)
        if rng.random() < newslike.FACT_SHARE
    ]
    if rng.random() < STOCK:
        adds.append(Segment(newslike.stock_sentence(topic, rng), kind="stock"))
    for seg in adds:
        if not own:
            break
        k = own.pop(rng.randrange(len(own)))
        seg.text = "\0 " + seg.text  # inline: no paragraph break before
        body[k].append(seg)
    return body


def generate(articles: int = 400, seed: int = 1) -> list[Article]:
    rng = random.Random(seed)
    templates = _outlet_templates(rng)
    out: list[Article] = []
    originals: list[Article] = []
    kinds, weights = zip(*KINDS, strict=True)
    stories = 0
    for aid in range(articles):
        kind = "original" if len(originals) < 5 else rng.choices(kinds, weights)[0]
        outlet = None if rng.random() < NO_OUTLET else rng.randrange(len(OUTLETS))
        src = rng.choice(originals) if kind != "original" else None
        if kind == "update":
            outlet = src.outlet  # the outlet's own article, updated
        if src is None:
            story_id = stories = stories + 1
        else:
            story_id = src.story
        topic = newslike.story(story_id, seed)
        # A headline of the story; a republication keeps its source's half the time.
        title = newslike.title(topic, rng)
        if kind in ("whole", "update") and rng.random() < 0.5:
            title = src.title
        art = Article(aid, outlet, kind, story_id, title)
        own = _own(topic, rng, outlet)
        body: list[list[Segment]]  # paragraphs, each one or more segments
        if kind in ("original", "related"):
            art.paragraphs = own
            body = [[Segment(p, (aid, k), (0, len(p.split())))] for k, p in enumerate(own)]
            if kind == "original":
                originals.append(art)
        else:
            if kind in ("whole", "update") or (kind == "edited" and rng.random() < 0.4):
                picks = list(range(len(src.paragraphs)))
            else:
                start = rng.randrange(len(src.paragraphs))
                picks = list(range(start, min(start + rng.choice((1, 1, 2)), len(src.paragraphs))))
            copied = []
            for k in picks:
                text = src.paragraphs[k]
                if k == 0 and " — " in text and kind != "update" and rng.random() < 0.5:
                    text = text.split(" — ", 1)[1]  # dateline dropped
                n = len(text.split())
                first = len(src.paragraphs[k].split()) - n
                if kind == "edited":
                    text = _edit(text, rng)
                copied.append(
                    Segment(text, (src.id, k), (first, first + n), kind == "edited", "copy")
                )
            if kind == "update":
                # A new top paragraph, a paragraph dropped, one or two added at the end.
                if len(copied) > 3 and rng.random() < 0.5:
                    del copied[rng.randrange(1, len(copied))]
                lead = f"UPDATE: {newslike.paragraph(topic, rng, rng.randint(25, 45))}"
                body = [[Segment(lead)], *[[c] for c in copied]]
                body += [[Segment(p)] for p in own[: rng.randint(1, 2)]]
            elif kind == "whole" or (kind == "edited" and len(picks) == len(src.paragraphs)):
                body = [[c] for c in copied]
            elif kind == "embedded":
                # The copied text sits inside a paragraph of the new article, mid-stream.
                at = rng.randrange(len(own))
                spliced = [Segment(newslike.sentence(topic, rng, rng.randint(10, 20)))]
                spliced += [Segment("\0 " + c.text, c.origin, c.words, kind="copy") for c in copied]
                spliced.append(Segment("\0 " + newslike.sentence(topic, rng, rng.randint(10, 20))))
                body = [[Segment(p)] for p in own[:at]] + [spliced]
                body += [[Segment(p)] for p in own[at:]]
            else:
                at = rng.randrange(len(own) + 1)
                body = [[Segment(p)] for p in own[:at]] + [[c] for c in copied]
                body += [[Segment(p)] for p in own[at:]]
        body = _extras(body, topic, rng)
        head = []
        if outlet is not None and rng.random() < 0.7:
            head.append(Segment(templates[outlet]["byline"], kind="byline"))
        tail = _boilerplate(aid, outlet, templates, rng)
        art.segments = head + [seg for para in body for seg in para] + tail
        out.append(art)
    return out


def _boilerplate(
    aid: int, outlet: int | None, templates: list[dict[str, str]], rng: random.Random
) -> list[Segment]:
    """The blocks after the body that a cleaner that does not know them leaves in: the
    outlet's own standing lines, its network's blocks (also on some pages with no outlet)."""
    tail = []
    network = OUTLETS[outlet].network if outlet is not None else None
    if outlet is not None:
        for name, chance in (("bio", 0.8), ("disclaimer", 0.5), ("tagline", 0.5)):
            if rng.random() < chance:
                tail.append(Segment(templates[outlet][name], kind=f"template-{name}"))
    elif rng.random() < NO_OUTLET_NETWORK:
        network = rng.choice([o.network for o in OUTLETS if o.network])
    if network is not None:
        blocks = newspages.network_blocks(network, rng)
        blocks.pop("footer", None)  # the cleaner removes it (a copyright block)
        for name, text in blocks.items():
            if rng.random() < NETWORK_BLOCK / 0.75:
                tail.append(Segment(text, kind=f"network-{name}"))
        if rng.random() < TEASERS:
            lines = [f"More from {network.name}", *newspages.related(aid, network)]
            tail.append(Segment("\n".join(lines), kind="network-teasers"))
    rng.shuffle(tail)
    return tail


def render(article: Article) -> tuple[str, list[dict]]:
    """The article's clean text and its segments' character ranges."""
    text, spans = "", []
    for seg in article.segments:
        inline = seg.text.startswith("\0")
        piece = seg.text[1:] if inline else seg.text
        if text and not inline:
            text += "\n\n"
        start = len(text)
        text += piece
        spans.append(
            {
                "start": start,
                "end": start + len(piece.rstrip()),
                "text": piece,
                "origin": list(seg.origin) if seg.origin else None,
                "words": list(seg.words),
                "edited": seg.edited,
                "kind": seg.kind,
            }
        )
    return text, spans


def labels(rendered: dict[int, tuple[str, list[dict]]], min_words: int = 40) -> list[dict]:
    """True shared passages: every pair of articles holding the same origin paragraph."""
    by_origin: dict[tuple[int, int], list[tuple[int, dict]]] = {}
    for aid, (_, segs) in rendered.items():
        for seg in segs:
            if seg["origin"]:
                by_origin.setdefault(tuple(seg["origin"]), []).append((aid, seg))
    pairs: dict[tuple[int, int], list[list[int]]] = {}
    words: dict[tuple[int, int], int] = {}
    for holders in by_origin.values():
        for i, (a, sa) in enumerate(holders):
            for b, sb in holders[i + 1 :]:
                if a == b:
                    continue
                lo = max(sa["words"][0], sb["words"][0])
                hi = min(sa["words"][1], sb["words"][1])
                if hi - lo <= 0:
                    continue
                key = (min(a, b), max(a, b))
                x, y = (sa, sb) if a < b else (sb, sa)
                pairs.setdefault(key, []).append([*_chars(x, lo, hi), *_chars(y, lo, hi)])
                words[key] = max(words.get(key, 0), hi - lo)
    out = []
    for (a, b), spans in sorted(pairs.items()):
        out.append(
            {
                "a": a,
                "b": b,
                "spans": _merge_adjacent(sorted(spans), rendered[a][0], rendered[b][0]),
                "max_words": words[(a, b)],
                "long": words[(a, b)] >= min_words,
            }
        )
    return out


def _chars(seg: dict, lo: int, hi: int) -> tuple[int, int]:
    """Character range of origin words [lo, hi) inside a segment (edits keep word counts)."""
    found = [m.span() for m in re.finditer(r"\S+", seg["text"])]
    first, last = found[lo - seg["words"][0]], found[hi - seg["words"][0] - 1]
    return seg["start"] + first[0], seg["start"] + last[1]


def _merge_adjacent(
    spans: list[list[int]], text_a: str, text_b: str, slack: int = 3, insert_words: int = 8
) -> list[list[int]]:
    """Consecutive copied paragraphs form one passage on both sides, also across a short
    insertion on one side (up to ``insert_words``, the aligner's ``max_shift``): one passage
    with an edit, as the aligner reports it."""
    out: list[list[int]] = []
    for s in spans:
        if out:
            gap_a, gap_b = s[0] - out[-1][1], s[2] - out[-1][3]
            words_a = len(text_a[out[-1][1] : s[0]].split())
            words_b = len(text_b[out[-1][3] : s[2]].split())
            if (
                gap_a >= 0
                and gap_b >= 0
                and (
                    (gap_a <= slack and words_b <= insert_words)
                    or (gap_b <= slack and words_a <= insert_words)
                )
            ):
                out[-1] = [out[-1][0], s[1], out[-1][2], s[3]]
                continue
        out.append(list(s))
    return out


def build(articles: int = 400, seed: int = 1) -> dict:
    """The corpus as plain data: articles (id, outlet name or None, kind, story, text, and
    the kinds of their segments with character ranges) and labelled pairs."""
    generated = generate(articles, seed)
    rendered = {a.id: render(a) for a in generated}
    return {
        "articles": [
            {
                "id": a.id,
                "outlet": OUTLETS[a.outlet].name if a.outlet is not None else None,
                "kind": a.kind,
                "story": a.story,
                "title": a.title,
                "text": rendered[a.id][0],
                "segments": [[s["start"], s["end"], s["kind"]] for s in rendered[a.id][1]],
            }
            for a in generated
        ],
        "pairs": labels(rendered),
    }


def shared_kinds(corpus: dict, a: int, b: int, spans: list[list[int]]) -> str:
    """What a reported pair shares, by the segments its spans cover most on each side: e.g.
    ``network-comments``, ``template-bio``, ``copy``, ``own+fact`` (several kinds joined)."""
    articles = {x["id"]: x for x in corpus["articles"]}
    covered: dict[str, int] = {}
    for side, art in ((0, articles[a]), (2, articles[b])):
        for span in spans:
            lo, hi = span[side], span[side + 1]
            for start, end, kind in art["segments"]:
                overlap = min(hi, end) - max(lo, start)
                if overlap > 0:
                    covered[kind] = covered.get(kind, 0) + overlap
    total = sum(covered.values()) or 1
    major = sorted((k for k, v in covered.items() if v / total >= 0.2), key=lambda k: -covered[k])
    return "+".join(major) or "nothing"


#: Segment kinds that are the article's body (the rest is boilerplate left in by the cleaner).
BODY = frozenset(("own", "copy", "fact", "stock"))


def corpus_stats(corpus: dict) -> str:
    """The 5-gram statistic of the corpus beside AEB's: over the article bodies (what AEB's
    gold bodies are), pairs labelled as reuse left out; then over the whole clean texts, as the
    reuse index sees them (boilerplate included)."""
    bodies = [
        " ".join(a["text"][start:end] for start, end, kind in a["segments"] if kind in BODY)
        for a in corpus["articles"]
    ]
    stories = [a["story"] for a in corpus["articles"]]
    related = {(p["a"], p["b"]) for p in corpus["pairs"]}
    whole = newslike.ngram_stats([a["text"] for a in corpus["articles"]], related, stories)
    return "\n".join(
        [
            newslike.stats_report(bodies, stories, related, label="reuse corpus, bodies"),
            newslike.format_stats("reuse corpus, clean texts", whole),
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    json.dump(build(args.articles, args.seed), sys.stdout)


if __name__ == "__main__":
    main()
