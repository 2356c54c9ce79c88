"""News-like text for the benchmarks: a word-trigram model of real news (backing off to
bigrams and single words), stories, stock phrases, and the statistic that says whether
generated text shares word 5-grams the way news does.

The model is trained at run time, never saved: from the AEB gold article bodies in
``../shared/eval/aeb/ground-truth.json`` when they are there (the 154 English ones of 181,
110,000 words; third-party text: read from ../shared, nothing of it is written into this
repository), else from a synthetic stream of made-up content words around real English function
words, so a clean checkout (CI) gets text with the same statistics. ``NEWSLIKE_SOURCE=synthetic``
forces the second. Case, punctuation, quotes and numbers come from the model; names are swapped
for the story's own people, places and organisations most of the time.

What makes a benchmark's figures transfer is how often unrelated articles share text: a corpus
of ~100 distinct words had 38.8% of its unrelated pairs sharing 3 or more word 5-grams, real news
a fraction of a percent, and an LSH index sees floods of false candidates in the first that it
never sees in the second. ``python bench/newslike.py --stats`` prints that share, for generated
text beside the AEB bodies.

    from newslike import body, story
    paragraphs = body(story(17), random.Random(5), words=500)
"""

from __future__ import annotations

import argparse
import bisect
import functools
import itertools
import json
import math
import os
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SHARED = BENCH.parent.parent / "shared"
AEB_GOLD = SHARED / "eval" / "aeb" / "ground-truth.json"
#: Part of the names of the archives built from this text (bench/out/): a change to the
#: generator that changes its text must move it, so no archive of older text is reused.
VERSION = 2

# ---------------------------------------------------------------------------------------------
# Tunables (measured with --stats; see the docstrings of the functions that use them)
# ---------------------------------------------------------------------------------------------

#: Back-off to single words: after a word seen ``c`` times, the next word is drawn from the
#: unigram distribution with probability ``BACKOFF_FLOOR + BACKOFF_BETA / (c + BACKOFF_BETA)``.
#: A chain trained on 110,000 words copies its training text verbatim after rare words
#: (each has one successor); backing off there is what keeps unrelated articles from sharing
#: 5-grams far more often than news does.
BACKOFF_BETA = 1.5
BACKOFF_FLOOR = 0.03
#: Trigrams: after ``a b`` seen ``c`` times, the bigram step is taken instead with probability
#: ``TRIGRAM_BETA / (c + TRIGRAM_BETA)``.
TRIGRAMS = True
TRIGRAM_BETA = 6.0
#: Contexts seen once are left out: their one successor is what copies training text verbatim
#: (and a smaller table is faster).
TRIGRAM_MIN = 2
#: Sentences never run longer than this (a chain may forget to end one); a paragraph break of
#: the model is taken only after this many words of the paragraph (and one is made at a sentence
#: end once a paragraph is as long as _paragraph_words drew).
MAX_SENTENCE_WORDS = 40
MIN_PARAGRAPH_WORDS = 8
#: On a back-off, the share drawn from the story's keywords instead (topic: keywords recur).
TOPIC_SHARE = 0.15
#: A run of proper nouns from the model is replaced by one of the story's entities this often
#: (the rest keep the model's own names, which recur across stories as famous names do).
ENTITY_SHARE = 0.75
#: Stock phrases ("did not immediately respond to a request for comment"): the chance that an
#: article carries one, and that it carries a second. Measured: the AEB pairs sharing 3+ 5-grams
#: are nearly all about one story (about 5 of 37 are not: ~0.03% of pairs); at 6% the generated
#: different-story pairs share 3+ in 0.03-0.06%, mostly through these phrases.
STOCK_RATE = 0.06
STOCK_SECOND = 0.15

#: Facts (short sentences) of each story, and the chance an article of the story carries each:
#: most articles about one story share 3+ 5-grams (80%), as AEB's do.
FACTS = 4
FACT_SHARE = 0.6

# ---------------------------------------------------------------------------------------------
# Word lists (our own: names, places and stock phrases of the kind news is full of)
# ---------------------------------------------------------------------------------------------

FIRST_NAMES = (
    "Dana Sam Ali Maya Priya Leon Nadia Omar Grace Tomas Elena Kwame Hana Marco Sofia Jonah "
    "Aisha Pedro Lena Victor Irene Felix Amara Jules Rosa Declan Mei Tariq Ingrid Luca Noor "
    "Colin Yara Andre Beatrix Hugo Zanele Ravi Clara Mateo Ines Kofi Anya Rafael Signe Diego "
    "Farah Owen Lucia Emeka Petra Jamal Astrid Nikhil Carmen Bruno Leila Ethan Olga Samir"
).split()
SURNAMES = (
    "Reyes Okafor Lind Marsh Raman Vasquez Whitfield Haddad Novak Brennan Castillo Mensah "
    "Petrov Sato Larsen Ferreira Quinn Abara Delgado Kowalski Nakamura Osei Lindqvist Moreau "
    "Farouk Greaves Ibarra Holm Achebe Varga Tanaka Rahman Costa Ellison Byrne Adeyemi Ruiz "
    "Strand Kapoor Mbeki Duarte Hale Sorensen Okoro Pham Navarro Keane Bianchi Asante Rowe"
).split()
ROLES = (
    "Mayor",
    "Governor",
    "Senator",
    "Minister",
    "spokesperson",
    "chief executive",
    "police chief",
    "professor",
    "director",
    "councillor",
)
ORG_KINDS = (
    "Port Authority",
    "City Council",
    "Health Department",
    "Transit Agency",
    "Water Board",
    "Chamber of Commerce",
    "University",
    "Police Department",
    "School District",
    "Energy Commission",
    "Workers Union",
    "Hospital",
)
SYLLABLES = (
    "ka lo mi ne ru sa te vo zi ba de fu go hi ju la me ni ro su ta ve wi ya ko "
    "dra bel cor fen gan hal mor nor pel ran sel tor val wen"
).split()
PLACE_ENDS = ("ton", "ville", "field", "mouth", "ford", " Bay", "bury", "stead", " Falls", "port")

#: Stock phrases, 8-20 words, with the subject they attach to: ``{org}`` and ``{person}`` are
#: filled from the story. Their first weight is their relative frequency.
STOCK_PHRASES: tuple[tuple[float, str], ...] = (
    (3, "{org} did not immediately respond to a request for comment."),
    (2, "{person} did not immediately respond to a request for comment on {day}."),
    (2, "A spokesperson for {org} declined to comment on the record."),
    (
        2,
        "The people spoke on condition of anonymity because they were not authorized to "
        "discuss the matter publicly.",
    ),
    (2, "This is a developing story and will be updated as more information becomes available."),
    (2, "The Associated Press contributed to this report."),
    (2, "Reuters could not independently verify the claims."),
    (
        2,
        "according to the Centers for Disease Control and Prevention, which tracks such cases "
        "across the country.",
    ),
    (2, "according to a person familiar with the matter who asked not to be named."),
    (2, "{org} said in a statement that it was cooperating fully with the investigation."),
    (1, "It was not immediately clear how many people were affected."),
    (1, "The cause of the fire is under investigation, officials said."),
    (1, "Anyone with information is asked to call the police department's tip line."),
    (1, "{person} did not return messages seeking comment."),
    (1, "Shares of the company fell in early trading on {day}."),
    (1, "The company did not disclose the financial terms of the deal."),
    (1, "Officials said the investigation was ongoing and declined to release further details."),
    (1, "The findings were published in the journal Nature on {day}."),
    (
        1,
        "according to data from the National Weather Service, which issued a warning for the area.",
    ),
    (1, "{org} has not yet set a date for a final vote on the proposal."),
    (1, "Editor's note: This story has been updated to include a response from {org}."),
    (1, "Correction: An earlier version of this story misstated the date of the hearing."),
    (1, "If you or someone you know is in crisis, call or text the national helpline."),
    (1, "{person} said at a news conference on {day}, adding that talks would continue."),
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Function words and how often news uses them (per 1,000 words, roughly), for the synthetic
# stand-in; the content words around them are made up.
FUNCTION_WORDS = {
    "DET": "the:60 a:22 an:4 this:4 its:3 their:3 his:3 her:2 that:2 some:1 every:1 no:1",
    "PREP": "of:28 in:21 to:12 for:9 on:8 with:6 at:5 by:5 from:5 about:2 after:2 over:2 "
    "into:1 under:1 against:1 between:1 during:1 before:1 since:1 without:1",
    "CONJ": "and:24 but:4 or:3 while:1 because:1 although:1",
    "PRON": "he:6 it:6 they:5 she:4 we:3 i:2 who:3 which:2 you:1",
    "AUX": "is:9 was:9 has:5 have:4 had:4 will:4 are:4 were:3 would:3 could:2 can:2 may:1 "
    "should:1 did:1 been:1",
    "ADV": "not:5 also:3 now:2 more:2 only:2 still:1 just:1 very:1 already:1 again:1 so:1",
    "SAY": "said:15 says:3 told:2 added:1 noted:1 wrote:1 warned:1 announced:1",
}
#: Common news content words, kept at the top of the synthetic vocabulary so the stand-in reads
#: a little like news; the rest of the vocabulary is made-up words.
COMMON_CONTENT = {
    "NOUN": "year people government time week company state city percent officials police "
    "report plan day country president minister members law money group court public "
    "workers market deal election health school water energy price months home world "
    "statement investigation data service project council family children agency union "
    "support talks decision case policy region office system number part program",
    "VERB": "make take give expect help keep show face plan find call need move pay lead "
    "continue build raise open close rise fall begin cut approve reach review",
    "VERBED": "made took gave expected helped kept showed faced planned found called needed "
    "moved paid led continued built raised opened closed rose fell began cut approved",
    "ADJ": "new first last other local national public former federal major early final "
    "high large small key recent political economic several next second",
}

# ---------------------------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------------------------

PARA = "\n\n"
SENTENCE_END = frozenset(".!?")
_TOKEN = re.compile(
    r"[$£€]?\d+(?:[.,:]\d+)*(?:%|st|nd|rd|th|s|m|bn)?"  # numbers: 2,300 $7 6.5% 1990s 4th
    r"|[^\W_]+(?:[-’'.&/][^\W_]+)*"  # words: U.S don't Pul-e-Charkhi AT&T
    r"|[.!?]+|[,;:()“”\"—–…]"  # punctuation kept as tokens
)
#: A capitalised word that is not a name although it is often one mid-sentence.
_NOT_NAMES = frozenset(
    "I Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
    "February March April May June July August September October November December".split()
)


_DETERMINERS = frozenset("the The a A an An this This its".split())


def tokenize(text: str) -> list[list[str]]:
    """Paragraphs of tokens: words, numbers and punctuation, with straight double quotes
    turned into opening and closing ones by position."""
    out = []
    for para in re.split(r"\n\s*\n|\n", text):
        tokens = []
        for m in _TOKEN.finditer(para):
            token = m.group()
            if token == '"':
                before = para[m.start() - 1] if m.start() else " "
                token = "“" if before.isspace() or before in "([" else "”"
            elif token == "–":
                token = "—"
            elif len(token) > 1 and token[0] in ".!?":
                token = token[0]
            tokens.append(token)
        if tokens:
            out.append(tokens)
    return out


_ATTACH_LEFT = tuple(",.;:!?)”…%")
_ATTACH_RIGHT = tuple("(“$£€")


def detokenize(tokens: Sequence[str]) -> str:
    """One paragraph's text from the tokens of :meth:`Writer.sentences` (which capitalises
    sentences and pairs quotes): punctuation attached, a quote left open closed or dropped."""
    return detokenize_all([tokens])[0]


def detokenize_all(paragraphs: Sequence[Sequence[str]]) -> list[str]:
    """:func:`detokenize` for several paragraphs at once (one pass of string replaces)."""
    text = "\n".join(" ".join(tokens) for tokens in paragraphs)
    for mark in _ATTACH_LEFT:
        text = text.replace(" " + mark, mark)
    for mark in _ATTACH_RIGHT:
        text = text.replace(mark + " ", mark)
    out = text.split("\n")
    for i, para in enumerate(out):
        if para.count("(") > para.count(")"):
            at = para.rindex("(")
            para = para[:at] + para[at + 1 :]
        if para.count("“") > para.count("”"):
            if para[-1] in ".!?":
                para += "”"
            else:
                at = para.rindex("“")
                para = para[:at] + para[at + 1 :].lstrip()
        if para and para[-1] not in ".!?”":
            para = para.rstrip(",;:—( ") + "."
        out[i] = para
    return out


# ---------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------


@dataclass
class Model:
    """A word-trigram chain with back-off to bigrams and single words, over token ids.

    ``follow[t]`` lists the tokens seen after ``t``, with repetition (drawing one uniformly is
    drawing by bigram frequency); ``unigram`` lists the word tokens seen mid-sentence, with
    repetition; ``backoff[t]`` is the chance of drawing from it after ``t``.
    """

    source: str
    words: list[str]
    follow: list[list[int]]
    backoff: list[float]
    unigram: list[int]
    proper: list[bool]
    is_word: list[bool]
    keywords: list[int]
    para: int
    stop: int  # the token "."
    training_words: int
    #: ``follow2[b][a]``: the tokens seen after ``a b`` and the chance of drawing from them
    #: rather than from ``follow[b]``; None where ``b`` starts no trigram kept.
    follow2: list[dict[int, tuple[list[int], float]] | None]
    #: Per token: 0 a word, 1 a name, 2 a sentence end, 3 other punctuation, 4 a paragraph break.
    kinds: list[int]


def train(paragraphs: Iterable[list[str]], source: str) -> Model:
    """Count bigrams and trigrams over the paragraphs (a paragraph break is a token of its
    own and starts a new context)."""
    ids: dict[str, int] = {PARA: 0}
    words = [PARA]
    stream = [0]
    for para in paragraphs:
        for token in para:
            t = ids.get(token)
            if t is None:
                t = ids[token] = len(words)
                words.append(token)
            stream.append(t)
        stream.append(0)
    n = len(words)
    follow: list[list[int]] = [[] for _ in range(n)]
    counts = [0] * n
    for a, b in itertools.pairwise(stream):
        follow[a].append(b)
        counts[a] += 1
    trigrams: dict[tuple[int, int], list[int]] = defaultdict(list)
    for a, b, c in zip(stream, stream[1:], stream[2:], strict=False):
        if b:  # a paragraph break resets the context
            trigrams[a, b].append(c)
    follow2: list[dict | None] = [None] * n
    for (a, b), after in trigrams.items() if TRIGRAMS else ():
        if len(after) >= TRIGRAM_MIN:
            if follow2[b] is None:
                follow2[b] = {}
            follow2[b][a] = (after, len(after) / (len(after) + TRIGRAM_BETA))
    is_word = [w[0].isalnum() or w[0] in "$£€" for w in words]
    sentence_start = {0} | {ids[p] for p in SENTENCE_END if p in ids} | {ids.get("“", -1)}
    mid = Counter(b for a, b in itertools.pairwise(stream) if a not in sentence_start)
    lower = Counter()
    for t, c in mid.items():
        lower[words[t].lower()] += c if words[t][0].islower() else 0
    proper = [
        is_word[t]
        and words[t][0].isupper()
        and words[t] not in _NOT_NAMES
        and mid[t] > 0
        and lower[words[t].lower()] < mid[t]
        for t in range(n)
    ]
    unigram = [t for t, c in mid.items() if is_word[t] for _ in range(c)]
    unigram.sort()
    backoff = [BACKOFF_FLOOR + BACKOFF_BETA / (c + BACKOFF_BETA) for c in counts]
    backoff[0] = 0.0
    keywords = sorted(
        t
        for t, c in mid.items()
        if 3 <= c <= 40 and words[t].isalpha() and words[t].islower() and len(words[t]) >= 5
    )
    return Model(
        source,
        words,
        follow,
        backoff,
        unigram,
        proper,
        is_word,
        keywords,
        0,
        ids["."],
        sum(1 for t in stream if is_word[t]),
        follow2,
        [
            4 if t == 0 else 1 if proper[t] else 0 if is_word[t] else 2 if w in SENTENCE_END else 3
            for t, w in enumerate(words)
        ],
    )


def aeb_bodies() -> list[str]:
    """The 181 AEB gold article bodies (all languages), in the file's order."""
    gold = json.loads(AEB_GOLD.read_text(encoding="utf-8"))
    return [item["articleBody"] for item in gold.values()]


def _english(text: str) -> bool:
    words = text.casefold().split()
    return bool(words) and words.count("the") / len(words) > 0.02


def source() -> str:
    """``aeb`` when the AEB gold bodies are there (and not overridden), else ``synthetic``."""
    wanted = os.environ.get("NEWSLIKE_SOURCE", "auto")
    if wanted not in ("auto", "aeb", "synthetic"):
        raise SystemExit(f"NEWSLIKE_SOURCE must be auto, aeb or synthetic, not {wanted!r}")
    if wanted == "auto":
        return "aeb" if AEB_GOLD.exists() else "synthetic"
    if wanted == "aeb" and not AEB_GOLD.exists():
        raise SystemExit(f"NEWSLIKE_SOURCE=aeb but {AEB_GOLD} is missing")
    return wanted


def corpus_version() -> str:
    """The name of the text the benchmarks build from: generator version and model source."""
    return f"newslike{VERSION}-{source()}"


@functools.cache
def model(kind: str | None = None) -> Model:
    """The model of ``kind`` (default :func:`source`), trained once per process."""
    kind = kind or source()
    if kind == "aeb":
        # English bodies only: a chain that wanders into Korean mid-article reads like no page.
        texts = [t for t in aeb_bodies() if _english(t)]
        return train((p for t in texts for p in tokenize(t)), "aeb")
    return train(synthetic_stream(), "synthetic")


# ---------------------------------------------------------------------------------------------
# The synthetic stand-in: made-up content words around real function words
# ---------------------------------------------------------------------------------------------


def _made_up(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


#: Sentence shapes of the stand-in: class sequences (a class in parentheses is optional).
_CLAUSES = (
    "DET ADJ? NOUN PREP DET NOUN AUX VERBED PREP NAME",
    "NAME SAY PRON AUX VERB DET NOUN PREP DET ADJ? NOUN",
    "DET NOUN PREP NAME AUX ADV? VERB DET NOUN",
    "PRON AUX VERBED DET ADJ? NOUN PREP NUM NOUN",
    "NAME , DET ADJ? NOUN PREP NAME , SAY DET NOUN AUX VERBED",
    "DET NUM NOUN AUX VERBED PREP DET NOUN PREP DET NOUN",
    "PREP DET NOUN , DET NOUN VERBED PREP NUM PREP DET NOUN",
    "“ PRON AUX ADV? VERB DET NOUN , ” NAME SAY",
    "DET ADJ? NOUN AUX VERB DET NOUN CONJ VERB DET NOUN",
    "NAME VERBED DET NOUN PREP NAME PREP NUM",
)


def synthetic_stream(seed: int = 1, words: int = 180_000) -> list[list[str]]:
    """Paragraphs of a made-up language with news's skeleton: real function words at their
    rates, a Zipfian vocabulary of made-up nouns, verbs, adjectives and names, numbers, quotes,
    sentences of 10-40 words joined from clause shapes, one to three sentences a paragraph."""
    rng = random.Random(f"newslike-synthetic:{seed}")
    classes: dict[str, tuple[list, list]] = {}
    for cls, spec in FUNCTION_WORDS.items():
        pairs = [item.split(":") for item in spec.split()]
        classes[cls] = (
            [w for w, _ in pairs],
            list(itertools.accumulate(float(c) for _, c in pairs)),
        )
    sizes = {"NOUN": 9000, "VERB": 1500, "VERBED": 1500, "ADJ": 3000, "NAME": 4000}
    for cls, size in sizes.items():
        real = COMMON_CONTENT.get(cls, "").split()
        made = set(real)
        vocab = list(real)
        while len(vocab) < size:
            word = _made_up(rng, rng.choice((1, 2, 2, 2, 3, 3, 4)))
            if cls == "VERBED":
                word += "ed"
            if cls == "NAME":
                word = word.capitalize()
            if word not in made:
                made.add(word)
                vocab.append(word)
        classes[cls] = (vocab, _zipf_cum(len(vocab), 1.0 if cls != "NAME" else 0.9))
    clauses = [c.split() for c in _CLAUSES]

    def word(cls: str) -> list[str]:
        if cls == "NUM":
            kind = rng.random()
            if kind < 0.3:
                return [str(rng.randint(2, 99))]
            if kind < 0.5:
                return [f"{rng.randint(1, 99)}.{rng.randint(1, 9)}%"]
            if kind < 0.7:
                return [f"${rng.randint(1, 900)}", rng.choice(("million", "billion"))]
            return [str(rng.randint(1990, 2024))]
        vocab, cum = classes[cls]
        return [vocab[bisect.bisect(cum, rng.random() * cum[-1])]]

    out: list[list[str]] = []
    para: list[str] = []
    total = 0
    while total < words:
        length = max(8, min(45, int(rng.gauss(21, 8))))
        sentence: list[str] = []
        while len(sentence) < length:
            if sentence:
                sentence.append(rng.choice((",", "CONJ", "CONJ", "PREP")))
                if sentence[-1] in ("CONJ", "PREP"):
                    sentence[-1:] = word(sentence[-1])
            for cls in rng.choice(clauses):
                optional = cls.endswith("?")
                if optional and rng.random() < 0.5:
                    continue
                cls = cls.rstrip("?")
                sentence.extend(word(cls) if cls in classes or cls == "NUM" else [cls])
        sentence.append(".")
        if sentence[0][0].islower():
            sentence[0] = sentence[0].capitalize()
        para.extend(sentence)
        total += sum(1 for t in sentence if t[0].isalnum())
        if rng.random() < 0.45:
            out.append(para)
            para = []
    if para:
        out.append(para)
    return out


# ---------------------------------------------------------------------------------------------
# Stories: the entities and keywords that recur within one story's articles
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    full: str  # first mention: "Mayor Dana Okafor", "the Harborton Port Authority"
    short: str  # later mentions: "Okafor", "the authority"


@dataclass(frozen=True)
class Story:
    id: int
    #: A name no other story has (a made-up surname or place): a selective search word.
    name: str
    entities: tuple[Entity, ...]  # the first is the story's main actor
    keywords: tuple[int, ...]  # token ids of the model
    place: str  # dateline city
    org: str
    person: str


def story_name(story_id: int) -> str:
    """A made-up name unique to the story (story ids below 40**4 = 2,560,000)."""
    n = (story_id * 1_000_003 + 12_345) % len(SYLLABLES) ** 4
    parts = []
    for _ in range(4):
        n, r = divmod(n, len(SYLLABLES))
        parts.append(SYLLABLES[r])
    return "".join(parts).capitalize()


def _pool_index(rng: random.Random, size: int, exponent: float) -> int:
    """A rank in a pool of ``size`` drawn by Zipf's law."""
    cum = _zipf_cum(size, exponent)
    return bisect.bisect(cum, rng.random() * cum[-1])


@functools.cache
def _zipf_cum(size: int, exponent: float) -> list[float]:
    return list(itertools.accumulate(1 / (rank + 1) ** exponent for rank in range(size)))


def _place(rng: random.Random) -> str:
    # Shared pools, seeded by rank, not by story: places and people recur across stories, the
    # first few in a few percent of them.
    index = _pool_index(rng, 1000, 0.8)
    local = random.Random(f"place:{index}")
    return _made_up(local, local.choice((1, 2))).capitalize() + local.choice(PLACE_ENDS)


def _person(rng: random.Random) -> tuple[str, str]:
    index = _pool_index(rng, 5000, 0.8)
    local = random.Random(f"person:{index}")
    first, last = local.choice(FIRST_NAMES), local.choice(SURNAMES)
    return (
        f"{local.choice(ROLES)} {first} {last}" if local.random() < 0.25 else f"{first} {last}",
        last,
    )


@functools.lru_cache(maxsize=4096)
def story(story_id: int, seed: int = 1, kind: str | None = None) -> Story:
    """Story ``story_id``: its unique name, two to five entities (people and places from pools
    shared with other stories, so famous names recur; one made up for this story), eight
    keywords of the model's vocabulary."""
    m = model(kind)
    rng = random.Random(f"newslike:{seed}:story:{story_id}")
    name = story_name(story_id)
    place = _place(rng)
    org = f"the {place} {rng.choice(ORG_KINDS)}"
    entities = []
    if rng.random() < 0.5:
        first = rng.choice(FIRST_NAMES)
        entities.append(Entity(f"{first} {name}", name))
    else:
        entities.append(
            Entity(f"{name} {rng.choice(('Group', 'Holdings', 'Trust', 'Labs'))}", name)
        )
    person, last = _person(rng)
    entities.append(Entity(person, last))
    entities.append(
        Entity(org, f"the {org.rsplit(' ', 1)[-1].lower()}" if rng.random() < 0.5 else place)
    )
    entities.append(Entity(place, place))
    for _ in range(rng.randint(0, 2)):
        extra, extra_last = _person(rng)
        entities.append(Entity(extra, extra_last))
    keywords = tuple(rng.choice(m.keywords) for _ in range(8))
    return Story(story_id, name, tuple(entities), keywords, place, org, person)


# ---------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------


class Writer:
    """Walks the chain for one article: entity mentions go full first, short after."""

    def __init__(self, topic: Story, rng: random.Random, kind: str | None = None) -> None:
        self.m = model(kind)
        self.topic = topic
        self.rng = rng
        self.mentioned: set[int] = set()
        weights = [3.0, 1.5, 1.5, 1.0] + [0.8] * (len(topic.entities) - 4)
        self.entity_cum = list(itertools.accumulate(weights[: len(topic.entities)]))

    def _entity(self) -> list[str]:
        rng = self.rng
        i = bisect.bisect(self.entity_cum, rng.random() * self.entity_cum[-1])
        e = self.topic.entities[i]
        text = e.short if i in self.mentioned and rng.random() < 0.7 else e.full
        self.mentioned.add(i)
        return text.split()

    def sentences(self, words: int, paragraphs: bool = True) -> list[list[str]]:
        """Token lists of paragraphs holding at least ``words`` words together, ending at a
        sentence end; with ``paragraphs`` false, one paragraph."""
        m, rng = self.m, self.rng
        follow, follow2 = m.follow, m.follow2
        backoff, unigram, keywords = m.backoff, m.unigram, self.topic.keywords
        words_of, kinds = m.words, m.kinds
        n_unigram, n_keywords = len(unigram), len(keywords)
        topic_share, entity_share = TOPIC_SHARE, ENTITY_SHARE
        max_sentence, min_paragraph = MAX_SENTENCE_WORDS, MIN_PARAGRAPH_WORDS
        para_id, stop_id = m.para, m.stop
        random_ = rng.random
        out: list[list[str]] = []
        current: list[str] = []
        append = current.append
        # Words so far, and the count at which the sentence and the paragraph began.
        count = sentence_start = para_start = 0
        para_cap = _paragraph_words(rng) if paragraphs else 1 << 30
        prev = state = para_id
        in_name: bool | None = False
        capital, quoted, bracket = True, False, False
        while True:
            tri = follow2[state]
            if tri is not None:
                tri = tri.get(prev)
            u = random_()
            if tri is not None and u < tri[1]:
                options = tri[0]
                nxt = options[int(u / tri[1] * len(options))]
            elif random_() < backoff[state]:
                if random_() < topic_share:
                    nxt = keywords[int(random_() * n_keywords)]
                else:
                    nxt = unigram[int(random_() * n_unigram)]
            else:
                options = follow[state]
                nxt = options[int(random_() * len(options))] if options else para_id
            kind = kinds[nxt]
            if kind <= 1 and count - sentence_start >= max_sentence:
                nxt, kind = stop_id, 2  # a run-on sentence: end it here
            prev, state = state, nxt
            if kind == 0:  # a word
                in_name = False
                if capital:
                    token = words_of[nxt]
                    append(token[:1].upper() + token[1:])
                    capital = False
                else:
                    append(words_of[nxt])
                count += 1
            elif kind == 1:  # a name
                if not in_name:
                    if random_() < entity_share:
                        entity = self._entity()
                        if entity[0] == "the" and current and current[-1] in _DETERMINERS:
                            entity = entity[1:]
                        elif capital:
                            entity[0] = entity[0][:1].upper() + entity[0][1:]
                        current.extend(entity)
                        in_name = True
                    else:
                        append(words_of[nxt])
                        in_name = None  # keeping the model's name: keep its whole run
                elif in_name is None:
                    append(words_of[nxt])
                capital = False
                count += 1
            elif kind == 2:  # the end of a sentence
                in_name = False
                if current and current[-1] in SENTENCE_END:
                    continue
                append(words_of[nxt])
                sentence_start = count
                capital = True
                if count >= words:
                    break
                if count - para_start >= para_cap:
                    # A paragraph as long as news ones: break it here.
                    out.append(current)
                    current = []
                    append = current.append
                    para_start = count
                    para_cap = _paragraph_words(rng)
                    prev, state = state, para_id
                    quoted = bracket = False
            elif kind == 3:  # other punctuation
                in_name = False
                token = words_of[nxt]
                if token == "“":
                    if quoted:
                        continue
                    quoted = True
                elif token == "”":
                    if not quoted:
                        continue
                    quoted = False
                elif token == "(":
                    if bracket:
                        continue
                    bracket = True
                elif token == ")":
                    if not bracket:
                        continue
                    bracket = False
                append(token)
            else:  # a paragraph break
                if current and current[-1] not in SENTENCE_END:
                    append(".")
                in_name = False
                sentence_start = count
                capital = True
                if count >= words:
                    break
                if paragraphs and current and count - para_start >= min_paragraph:
                    out.append(current)
                    current = []
                    append = current.append
                    para_start = count
                    para_cap = _paragraph_words(rng)
                    quoted = bracket = False
        if current:
            if current[-1] not in SENTENCE_END:
                current.append(".")
            out.append(current)
        if not paragraphs and len(out) > 1:
            out = [[t for p in out for t in p]]
        return out


def _paragraph_words(rng: random.Random) -> int:
    """Where a paragraph is broken at the next sentence end: news paragraphs run one to three
    sentences (AEB bodies: median 23 words, mean 30)."""
    return int(rng.lognormvariate(math.log(24), 0.6))


@functools.lru_cache(maxsize=4096)
def story_facts(topic: Story, kind: str | None = None) -> tuple[str, ...]:
    """Sentences every article of a story may carry (a figure, a quote of the main actor):
    what articles about one story share besides names, without copying each other."""
    rng = random.Random(f"newslike:facts:{topic.id}")
    out = []
    for k in range(FACTS):
        text = sentence(topic, rng, rng.randint(8, 14), kind)
        if k == 0:
            text = f"“{text}” {topic.entities[0].short} said."
        out.append(text)
    return tuple(out)


def stock_sentence(topic: Story, rng: random.Random) -> str:
    """One stock phrase as a sentence, its subject taken from the story."""
    weights = [w for w, _ in STOCK_PHRASES]
    template = rng.choices([t for _, t in STOCK_PHRASES], weights)[0]
    text = template.format(org=topic.org, person=topic.person, day=rng.choice(DAYS))
    if text.startswith("according to"):
        head = " ".join(Writer(topic, rng).sentences(6, paragraphs=False)[0][:8]).rstrip(" .,")
        text = f"{head}, {text}"
    return text[0].upper() + text[1:]


def body(
    topic: Story,
    rng: random.Random,
    words: int = 500,
    stock: float | None = None,
    kind: str | None = None,
) -> list[str]:
    """An article body of about ``words`` words about ``topic``: paragraphs of text, with a
    stock phrase now and then, and some of the story's facts and quotes."""
    writer = Writer(topic, rng, kind)
    paragraphs = detokenize_all(writer.sentences(words))
    for fact in story_facts(topic, kind):
        if rng.random() < FACT_SHARE:
            at = rng.randrange(len(paragraphs))
            paragraphs[at] = f"{paragraphs[at]} {fact}"
    if rng.random() < (STOCK_RATE if stock is None else stock):
        for _ in range(1 + (rng.random() < STOCK_SECOND)):
            at = rng.randrange(len(paragraphs))
            paragraphs[at] = f"{paragraphs[at]} {stock_sentence(topic, rng)}"
    return paragraphs


def paragraph(topic: Story, rng: random.Random, words: int = 60, kind: str | None = None) -> str:
    """One paragraph of about ``words`` words (whole sentences) about ``topic``."""
    return detokenize(Writer(topic, rng, kind).sentences(words, paragraphs=False)[0])


def sentence(topic: Story, rng: random.Random, words: int = 12, kind: str | None = None) -> str:
    """One sentence of at most ``words`` words (cut short if the chain runs on), no quotes."""
    tokens = Writer(topic, rng, kind).sentences(words, paragraphs=False)[0]
    out, count = [], 0
    for token in tokens:
        if token in "“”()":
            continue
        if token[0].isalnum():
            count += 1
            if count > words:
                break
        elif token in SENTENCE_END and count >= words // 2:
            break
        out.append(token)
    return detokenize(out)


def title(topic: Story, rng: random.Random, kind: str | None = None) -> str:
    """A headline: a short clause of the chain with the story's main actor, no final stop."""
    tokens = Writer(topic, rng, kind).sentences(8, paragraphs=False)[0]
    words = [t for t in tokens if t not in SENTENCE_END and t not in "“”"][:11]
    head = topic.entities[0].short if rng.random() < 0.6 else topic.place
    text = detokenize([head, *words]).rstrip(".,;:—")
    return text


# ---------------------------------------------------------------------------------------------
# The statistic
# ---------------------------------------------------------------------------------------------

#: Words as archiver's reuse index sees them (archiver.passages.WORD): letters or digits, inner
#: apostrophes and number punctuation kept together, compared casefolded.
WORD = re.compile(r"\w+(?:['’.,]\w+)*")


def ngram_stats(
    texts: Sequence[str],
    related: set[tuple[int, int]] | None = None,
    groups: Sequence[int] | None = None,
    n: int = 5,
    vocabulary_words: int | None = None,
) -> dict:
    """How often pairs of texts share word ``n``-grams.

    ``related``: pairs (i < j) that are reuse of one another, left out. ``groups``: the story
    of each text; when given, the figures are also split by same-story and different-story
    pairs. ``vocabulary_words``: also count distinct words over the first this many words (a
    vocabulary only compares at equal length).
    """
    related = related or set()
    holders: dict[int, list[int]] = defaultdict(list)
    vocab: set[str] = set()
    prefix_vocab: set[str] = set()
    seen_words = 0
    for i, text in enumerate(texts):
        tokens = WORD.findall(text.casefold())
        vocab.update(tokens)
        if vocabulary_words and seen_words < vocabulary_words:
            prefix_vocab.update(tokens[: vocabulary_words - seen_words])
        seen_words += len(tokens)
        for g in {hash(tuple(tokens[k : k + n])) for k in range(len(tokens) - n + 1)}:
            holders[g].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for docs in holders.values():
        if len(docs) > 1:
            shared.update(itertools.combinations(docs, 2))
    count = len(texts)
    out = {
        "texts": count,
        "words": seen_words,
        "vocabulary": len(vocab),
        "vocabulary_prefix": len(prefix_vocab) if vocabulary_words else None,
        "related_pairs": len(related),
    }
    total = count * (count - 1) // 2
    pairs = {"": total - len(related)}
    keep = {"": None}
    if groups is not None:
        same = sum(s * (s - 1) // 2 for s in Counter(groups).values())
        related_same = sum(1 for a, b in related if groups[a] == groups[b])
        pairs["same_story_"] = same - related_same
        pairs["other_story_"] = total - same - (len(related) - related_same)
        keep["same_story_"], keep["other_story_"] = True, False
    for prefix, wanted in keep.items():
        hits = [
            v
            for (a, b), v in shared.items()
            if (a, b) not in related and (wanted is None or (groups[a] == groups[b]) == wanted)
        ]
        out[prefix + "pairs"] = pairs[prefix]
        out[prefix + "share_1"] = len(hits) / max(pairs[prefix], 1)
        out[prefix + "share_3"] = sum(1 for v in hits if v >= 3) / max(pairs[prefix], 1)
    return out


def aeb_related(bodies: Sequence[str]) -> set[tuple[int, int]]:
    """Pairs of AEB bodies that are reuse: 30 or more shared word 8-grams, the definition
    ``../shared/eval/score.py reuse-aeb`` judges reuse by."""
    holders: dict[tuple, list[int]] = defaultdict(list)
    for i, text in enumerate(bodies):
        tokens = WORD.findall(text.casefold())
        for g in {tuple(tokens[k : k + 8]) for k in range(len(tokens) - 7)}:
            holders[g].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for docs in holders.values():
        if 1 < len(docs) < 30:
            shared.update(itertools.combinations(docs, 2))
    return {p for p, v in shared.items() if v >= 30}


@functools.cache
def aeb_stats() -> dict | None:
    """The statistic over the 181 AEB gold bodies (None without ../shared)."""
    if not AEB_GOLD.exists():
        return None
    bodies = aeb_bodies()
    return ngram_stats(bodies, aeb_related(bodies), vocabulary_words=None)


def generated_sample(count: int = 2000, seed: int = 1, kind: str | None = None):
    """``count`` articles of the plain generator: (texts, story of each). Stories of one to
    five articles, as in :func:`story_of`."""
    texts, groups = [], []
    for i in range(count):
        s = story_of(i, seed)
        rng = random.Random(f"newslike:{seed}:body:{i}")
        texts.append(
            "\n\n".join(body(story(s, seed, kind), rng, words=article_words(rng), kind=kind))
        )
        groups.append(s)
    return texts, groups


def article_words(rng: random.Random) -> int:
    """Body lengths like news: a median near 500 words, a long tail (AEB: median 531)."""
    return max(120, min(2000, int(rng.lognormvariate(math.log(480), 0.45))))


#: Articles are numbered in blocks of this many; each block holds a few stories of its own, of
#: one to five articles, so that articles about one story are close in number (and in time),
#: and follow-ups: articles about a story of one of the ``HORIZON`` blocks before (a day of a
#: 300-article-a-day archive), as stories develop over days.
BLOCK = 10
FOLLOW_UPS = 0.25
HORIZON = 30


@functools.lru_cache(maxsize=4096)
def _own_stories(block: int, seed: int) -> tuple[tuple[int, ...], int]:
    """The block's own stories, one slot per article, and how many slots are follow-ups."""
    rng = random.Random(f"newslike:{seed}:block:{block}")
    follow_ups = sum(rng.random() < FOLLOW_UPS for _ in range(BLOCK)) if block else 0
    stories: list[int] = []
    k = 0
    while len(stories) < BLOCK - follow_ups:
        size = min(rng.choice((1, 1, 1, 2, 2, 3, 4, 5)), BLOCK - follow_ups - len(stories))
        stories.extend([block * BLOCK + k] * size)
        k += 1
    return tuple(stories), follow_ups


@functools.lru_cache(maxsize=256)
def _block_stories(block: int, seed: int) -> tuple[int, ...]:
    own, follow_ups = _own_stories(block, seed)
    rng = random.Random(f"newslike:{seed}:follow-ups:{block}")
    stories = list(own)
    for _ in range(follow_ups):
        earlier = rng.randrange(max(0, block - HORIZON), block)
        stories.append(rng.choice(_own_stories(earlier, seed)[0]))
    rng.shuffle(stories)
    return tuple(stories)


def story_of(index: int, seed: int = 1) -> int:
    """The story article ``index`` of the stream is about."""
    return _block_stories(index // BLOCK, seed)[index % BLOCK]


def story_first(story_id: int, seed: int = 1) -> int:
    """The first article of the stream about the story (in the story's own block)."""
    start = story_id // BLOCK * BLOCK
    return next(j for j in range(start, start + BLOCK) if story_of(j, seed) == story_id)


def format_stats(label: str, s: dict) -> str:
    parts = [
        f"{label:<30} 3+ shared 5-grams {100 * s['share_3']:6.3f}%   1+ {100 * s['share_1']:6.3f}%"
        f"   over {s['pairs']:,} unrelated pairs of {s['texts']:,} texts",
        f"{'':<30} vocabulary {s['vocabulary']:,} words in {s['words']:,}"
        + (
            f" ({s['vocabulary_prefix']:,} in the first {s['vocabulary_words']:,})"
            if s.get("vocabulary_prefix")
            else ""
        ),
    ]
    if s.get("same_story_pairs"):
        parts.append(
            f"{'':<30} different stories: 3+ {100 * s['other_story_share_3']:.3f}% "
            f"1+ {100 * s['other_story_share_1']:.3f}%; same story (not copies, "
            f"{s['same_story_pairs']:,} pairs): 3+ {100 * s['same_story_share_3']:.1f}% "
            f"1+ {100 * s['same_story_share_1']:.1f}%"
        )
    return "\n".join(parts)


def stats_report(texts: Sequence[str] | None = None, groups=None, related=None, label=None) -> str:
    """The statistic for ``texts`` (default: a sample of the plain generator) beside AEB's."""
    started = time.perf_counter()
    aeb = aeb_stats()
    if texts is None:
        texts, groups = generated_sample()
        label = label or f"generated ({source()} model)"
    words = aeb["words"] if aeb else None
    mine = ngram_stats(texts, related, groups, vocabulary_words=words)
    mine["vocabulary_words"] = words
    lines = [format_stats(label or "this corpus", mine)]
    if aeb:
        lines.append(format_stats("AEB gold bodies (real news)", aeb))
        ratio = mine["share_3"] / aeb["share_3"]
        lines.append(f"{'':<30} generated / AEB, 3+ shared 5-grams: {ratio:.2f}x")
        lines.append(
            f"{'':<30} (AEB's are mostly pairs about one story; of its 37 pairs sharing 3+, "
            "about 5 are not: ~0.03% of pairs, the figure to hold different stories to)"
        )
    else:
        lines.append("AEB gold bodies: ../shared is absent (AEB, measured: 0.23%)")
    lines.append(f"{'':<30} ({time.perf_counter() - started:.1f} s)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stats", action="store_true", help="print the 5-gram statistic")
    parser.add_argument("--sample", type=int, default=2000, help="articles in the sample")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, metavar="N", help="print article N of the stream")
    parser.add_argument("--timing", type=int, metavar="N", help="time N articles")
    args = parser.parse_args()
    if args.show is not None:
        s = story(story_of(args.show, args.seed), args.seed)
        rng = random.Random(f"newslike:{args.seed}:body:{args.show}")
        print(title(s, rng), *body(s, rng, article_words(rng)), sep="\n\n")
    if args.timing:
        model()
        started = time.perf_counter()
        words = 0
        for i in range(args.timing):
            s = story(story_of(i, args.seed), args.seed)
            rng = random.Random(f"newslike:{args.seed}:body:{i}")
            words += sum(len(p.split()) for p in body(s, rng, article_words(rng)))
        took = time.perf_counter() - started
        print(
            f"{args.timing} articles, {words / args.timing:.0f} words each: {took:.2f} s "
            f"({args.timing / took:.0f} articles/s)"
        )
    if args.stats:
        texts, groups = generated_sample(args.sample, args.seed)
        print(stats_report(texts, groups, label=f"generated ({source()} model)"))


if __name__ == "__main__":
    main()
