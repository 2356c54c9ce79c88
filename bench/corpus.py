"""Generate synthetic news-like page dumps (deterministic): body paragraphs plus boilerplate."""

from __future__ import annotations

import random

# Plain word lists, kept readable as one string each.
WORDS = (
    "council harbour minister budget election court police hospital school river bridge "
    "report plan vote water power price market farmers workers union strike talks deal "
    "city region government opposition spokesman residents officials company contract "
    "project years months weeks police storm flood drought crops exports imports trade "
    "investigation hearing committee senator mayor governor community public private "
    "increase decline growth funding support warning agreement proposal evidence network"
).split()
SMALL = "the a of to in and on for with by at from that said was were has had will".split()
OUTLETS = ("Riverside Courier", "Valley Ledger", "Coastline Daily", "Meridian Press Agency")
BOILERPLATE = (
    "- Advertisement -",
    "Share on Facebook",
    "Tweet",
    "Subscribe to our newsletter",
    "We use cookies to improve your experience. Accept",
    "More articles",
    "Leave a Reply",
    "Please enter your comment!",
    "Please enter your name here",
    "Captcha verification failed!",
    "© 2024 All rights reserved.",
    "Now loading...",
)


def sentence(rng: random.Random, words: int) -> str:
    out = []
    for i in range(words):
        out.append(rng.choice(SMALL) if i % 3 == 1 else rng.choice(WORDS))
    text = " ".join(out)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: int = 60) -> str:
    parts, left = [], words
    while left > 0:
        n = min(left, rng.randint(12, 24))
        parts.append(sentence(rng, n))
        left -= n
    return " ".join(parts)


def page(seed: int, paragraphs: int = 8) -> str:
    """One page dump of about ``paragraphs * 60`` words with boilerplate above and below."""
    rng = random.Random(seed)
    title = sentence(rng, 8).rstrip(".").title()
    outlet = rng.choice(OUTLETS)
    author = (
        f"{rng.choice(['Dana', 'Sam', 'Ali', 'Maya'])} {rng.choice(['Reyes', 'Okafor', 'Lind'])}"
    )
    head = [f"Monday, May {1 + seed % 28}, 2024", "", title, "", "World News", "", f"By {author}"]
    body = [paragraph(rng, rng.randint(40, 90)) for _ in range(paragraphs)]
    tail = [*rng.sample(BOILERPLATE, 6), outlet]
    return "\n".join([*head, "", *"\n\n".join(body).split("\n"), "", *tail]) + "\n"
