"""Generate a labelled reuse corpus (deterministic): originals, copies of several kinds, templates.

Each article is clean text (paragraphs separated by blank lines) built from segments; a segment
copied from another article keeps the key of the paragraph it came from, so the true shared
passages of every pair (copies of copies included) follow from the segments.

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
from corpus import paragraph, sentence

# Kinds of article, with their share of the corpus.
KINDS = (
    ("original", 0.45),
    ("whole", 0.12),  # an original re-published whole, dateline maybe rewritten
    ("partial", 0.15),  # one or two paragraphs of 40-120 words inside a new article
    ("edited", 0.13),  # like partial or whole, with light edits
    ("embedded", 0.15),  # a passage spliced into the middle of a new paragraph
)
OUTLETS = 10
WIRES = 2  # the first outlets are wire agencies with datelines
CITIES = ("HARBORTON", "WESTMERE", "EASTVALE", "CALDER BAY", "NORTHGATE")
QUOTES = (
    '"We will keep fighting for our members," the union said.',
    '"This is a good day for the city," the mayor said.',
    '"We are studying the decision," a spokesman said.',
)
SYNONYMS = {"said": "stated", "workers": "staff", "plan": "proposal", "city": "town"}


@dataclass
class Segment:
    """A stretch of one article's text and, when copied, the paragraph it came from."""

    text: str
    origin: tuple[int, int] | None = None  # (article, paragraph) it reproduces
    words: tuple[int, int] = (0, 0)  # word range of that origin paragraph
    edited: bool = False


@dataclass
class Article:
    id: int
    outlet: int
    kind: str
    segments: list[Segment] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)  # own body paragraphs, for copies


def _outlet_templates(rng: random.Random) -> list[dict[str, str]]:
    out = []
    for i in range(OUTLETS):
        out.append(
            {
                "name": f"Outlet {i}",
                "byline": f"By {rng.choice(['Dana', 'Sam', 'Ali', 'Maya'])} "
                f"{rng.choice(['Reyes', 'Okafor', 'Lind', 'Marsh'])}",
                # Long templates that recur on every page of the outlet: found by frequency.
                "bio": paragraph(rng, rng.randint(40, 55)),
                "disclaimer": paragraph(rng, rng.randint(26, 34)),
                # Short ones: below the minimum span.
                "tagline": sentence(rng, rng.randint(8, 14)),
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


def generate(articles: int = 400, seed: int = 1) -> list[Article]:
    rng = random.Random(seed)
    templates = _outlet_templates(rng)
    out: list[Article] = []
    originals: list[Article] = []
    kinds, weights = zip(*KINDS, strict=True)
    for aid in range(articles):
        kind = "original" if len(originals) < 5 else rng.choices(kinds, weights)[0]
        outlet = rng.randrange(OUTLETS)
        art = Article(aid, outlet, kind)
        own = [paragraph(rng, rng.randint(40, 120)) for _ in range(rng.randint(4, 9))]
        if outlet < WIRES:
            own[0] = f"{rng.choice(CITIES)}, May {rng.randint(1, 28)} (W{outlet}) — {own[0]}"
        body: list[Segment] = []
        if kind == "original":
            art.paragraphs = own
            body = [Segment(p, (aid, k), (0, len(p.split()))) for k, p in enumerate(own)]
            originals.append(art)
        else:
            src = rng.choice(originals)
            if kind == "whole" or (kind == "edited" and rng.random() < 0.4):
                picks = list(range(len(src.paragraphs)))
            else:
                start = rng.randrange(len(src.paragraphs))
                picks = list(range(start, min(start + rng.choice((1, 1, 2)), len(src.paragraphs))))
            copied = []
            for k in picks:
                text = src.paragraphs[k]
                if k == 0 and " — " in text and rng.random() < 0.5:
                    text = text.split(" — ", 1)[1]  # dateline dropped
                n = len(text.split())
                first = len(src.paragraphs[k].split()) - n
                if kind == "edited":
                    text = _edit(text, rng)
                copied.append(Segment(text, (src.id, k), (first, first + n), kind == "edited"))
            if kind == "whole" or (kind == "edited" and len(picks) == len(src.paragraphs)):
                body = copied
            elif kind == "embedded":
                # The copied text sits inside a paragraph of the new article, mid-stream.
                at = rng.randrange(len(own))
                body = [Segment(p) for p in own[:at]]
                body.append(Segment(sentence(rng, rng.randint(10, 20)) + " ", None))
                body.extend(Segment(c.text + " ", c.origin, c.words) for c in copied)
                body.append(Segment(sentence(rng, rng.randint(10, 20)), None))
                body.extend(Segment(p) for p in own[at:])
                body = _join_inline(body, at, len(copied))
            else:
                at = rng.randrange(len(own) + 1)
                body = [Segment(p) for p in own[:at]] + copied + [Segment(p) for p in own[at:]]
        head = [Segment(templates[outlet]["byline"])] if rng.random() < 0.7 else []
        if rng.random() < 0.3:
            body.insert(rng.randrange(len(body) + 1), Segment(rng.choice(QUOTES)))
        tail = []
        if rng.random() < 0.8:
            tail.append(Segment(templates[outlet]["bio"]))
        if rng.random() < 0.5:
            tail.append(Segment(templates[outlet]["disclaimer"]))
        if rng.random() < 0.5:
            tail.append(Segment(templates[outlet]["tagline"]))
        art.segments = head + body + tail
        out.append(art)
    return out


def _join_inline(body: list[Segment], at: int, copied: int) -> list[Segment]:
    """Mark the segments of the spliced paragraph as inline (joined without a blank line)."""
    for seg in body[at : at + copied + 2]:
        seg.text = "\0" + seg.text  # marker: no paragraph break before this segment
    body[at].text = body[at].text[1:]
    return body


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
    """The corpus as plain data: articles (id, outlet, kind, text) and labelled pairs."""
    generated = generate(articles, seed)
    rendered = {a.id: render(a) for a in generated}
    return {
        "articles": [
            {"id": a.id, "outlet": f"Outlet {a.outlet}", "kind": a.kind, "text": rendered[a.id][0]}
            for a in generated
        ],
        "pairs": labels(rendered),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    json.dump(build(args.articles, args.seed), sys.stdout)


if __name__ == "__main__":
    main()
