"""Pages as scrapers save them, for the benchmarks: outlets and publishing networks with their
furniture, boilerplate shared across a network's sites, pages with no outlet at all, and the
numbered stream of articles (stories, wire copies) the benchmark archives are built from.

A page is a plain-text dump like ``../shared/seeds/*.txt``: one block per line, navigation,
site header date, title, byline, date, body, share bar, newsletter prompt, related-story
teasers, comment form, copyright footer. Outlets of one network also carry the network's
blocks, 30-120 words each: group footer, paywall notice, comment policy, newsletter and video
promos, "More from" teasers. They are long enough to look like reuse to anything that does not
recognise them.

    python bench/newspages.py 12        # print page 12 of the stream
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import newslike
from newslike import FIRST_NAMES, SURNAMES, Story, story, story_of

SEED = 1
#: Articles a day in the stream (dates follow the index: a 100,000-article archive spans a year).
PER_DAY = 300
START = dt.date(2024, 1, 1)
#: Pages with no outlet anywhere on them (aggregators, reader-mode copies, feeds).
NO_OUTLET = 0.06
#: Of the later articles of a story, the share that copy an earlier one, and of those the share
#: copied whole (wire republishing); the rest take one or two paragraphs into their own text.
COPY_SHARE = 0.3
WHOLE_SHARE = 0.4

# ---------------------------------------------------------------------------------------------
# Networks and outlets
# ---------------------------------------------------------------------------------------------

#: Sentences of each network block; a network takes its own selection and order of them, so the
#: blocks of two networks differ while the outlets of one network share them word for word.
BLOCK_SENTENCES: dict[str, tuple[str, ...]] = {
    # Every sentence names the network (or its group or region) within a dozen words or so:
    # networks word their blocks alike, but no two share a run long enough to be a passage.
    "footer": (
        "{outlets} are part of {group}, a family of local news sites serving communities "
        "across the {region}.",
        "Use of any {network} site constitutes acceptance of the {group} User Agreement, "
        "Privacy Policy and Cookie Statement.",
        "The material on {network} sites may not be reproduced, distributed, transmitted, "
        "cached or otherwise used, except with the prior written permission of {group}.",
        "{group} may earn a commission on purchases made through links to products and "
        "services on {network} sites.",
        "Reporting at {network} is supported by readers, advertisers and the {group} "
        "Foundation; read how we keep it independent on the {network} standards page.",
        "{network} community rules apply to all content you upload or otherwise submit.",
    ),
    "paywall": (
        "You have reached your limit of free {network} articles this month.",
        "Subscribe now for unlimited access to every {network} site, the {network} digital "
        "edition, puzzles and award-winning coverage of the {region}, starting at $1 for the "
        "first three months.",
        "Already a {network} subscriber? Log in or link your print subscription to continue "
        "reading.",
        "Questions about your {network} account? The {group} customer care team is available "
        "seven days a week by phone, email or live chat.",
        "Cancel your {network} subscription anytime; it renews at the regular rate after the "
        "introductory period ends.",
    ),
    "comments": (
        "{network} welcomes your comments, but we ask that you keep them civil and on topic.",
        "Comments that contain personal attacks, profanity or hate speech will be removed by "
        "{network} moderators, and repeat offenders may be banned from commenting.",
        "Comments on {network} sites are reviewed by moderators and may take up to a day to "
        "appear.",
        "By posting a comment you agree to the {group} community guidelines and terms of use.",
        "The views expressed in comments are those of their authors and do not reflect the "
        "views of {group} or its staff.",
    ),
    "newsletter": (
        "Get the {network} Daily Brief: the top stories, weather and events from the {region}, "
        "delivered to your inbox every weekday morning.",
        "Sign up today, it's free.",
        "You can unsubscribe from {network} emails at any time, and we will never share your "
        "email address with third parties.",
        "By signing up you agree to the {group} Terms of Use and acknowledge the data practices "
        "in our Privacy Policy.",
    ),
    "video": (
        "Watch more from {network} Video: local news, high school sports highlights and "
        "weather updates from across the {region}, every day.",
        "Videos on {network} sites play automatically; you can turn autoplay off in your "
        "account settings.",
        "Have a news tip or video to share? Send it to the {network} newsroom and we may "
        "feature it on the air and online.",
    ),
}
NETWORKS = (
    ("Tidewater Newspapers", "Tidewater Media Group", "coast"),
    ("Northfield Press", "Northfield Press Holdings", "northern valleys"),
    ("Prairie Local", "Prairie Local News Inc.", "plains"),
)
#: Outlets: (name, network index or None, wire credit or None).
OUTLET_SPECS = (
    ("Continental Wire Service", None, "CWS"),
    ("Allied News Agency", None, "ANA"),
    ("The Harborton Courier", 0, None),
    ("Calder Bay Gazette", 0, None),
    ("Westmere Herald", 0, None),
    ("Saltmarsh Sentinel", 0, None),
    ("Northgate Tribune", 1, None),
    ("Eastvale Chronicle", 1, None),
    ("Pinecrest Record", 1, None),
    ("Redwater Daily", 1, None),
    ("Plainsview Post", 2, None),
    ("Dustbowl Dispatch", 2, None),
    ("Granary Times", 2, None),
    ("The Meridian Observer", None, None),
    ("Riverbend Journal", None, None),
    ("Capital Examiner", None, None),
)
SECTIONS = (
    "News Local Politics Business Sports Opinion Weather Obituaries Entertainment Health "
    "Education Crime Environment Technology Science World Nation Food Travel Real Estate"
).split()
SHARE_BARS = (
    ("Share on Facebook", "Share on X", "Share on LinkedIn", "Email"),
    ("Facebook", "Twitter", "WhatsApp", "Copy link"),
    ("Share", "Tweet", "Pin", "Print"),
)
COMMENT_FORMS = (
    (
        "Leave a Reply",
        "Please enter your comment!",
        "Please enter your name here",
        "You have entered an incorrect email address!",
    ),
    ("Comments", "Log in to comment", "Sort by: Newest", "Be the first to comment"),
    (
        "Join the conversation",
        "Your email address will not be published.",
        "Required fields are marked *",
        "Post Comment",
    ),
)
FOOTER_LINKS = (
    "About Us",
    "Contact",
    "Advertise",
    "Privacy Policy",
    "Terms of Use",
    "Careers",
    "Corrections",
    "Site Map",
)
AGGREGATOR_LINES = (
    ("Home", "Top Stories", "Trending", "Saved"),
    ("Read more", "Source: partner feed", "Report this article"),
    ("You might also like", "Sponsored", "Load more"),
)


@dataclass(frozen=True)
class Network:
    name: str
    group: str
    region: str
    index: int


@dataclass(frozen=True)
class Outlet:
    name: str
    network: Network | None
    wire: str | None  # the credit a wire agency puts in its datelines, "CWS"
    sections: tuple[str, ...]
    header_date: bool  # a tagDiv-like theme's site header date (the crawl date)
    share: tuple[str, ...]
    comment_form: tuple[str, ...]
    blank_lines: bool  # blocks separated by blank lines (like the seeds) or not (like AEB)

    @property
    def short(self) -> str:
        return self.name.removeprefix("The ")


def _outlets() -> tuple[Outlet, ...]:
    networks = [Network(n, g, r, i) for i, (n, g, r) in enumerate(NETWORKS)]
    out = []
    for i, (name, net, wire) in enumerate(OUTLET_SPECS):
        rng = random.Random(f"newspages:outlet:{name}")
        out.append(
            Outlet(
                name,
                networks[net] if net is not None else None,
                wire,
                tuple(rng.sample(SECTIONS, rng.randint(5, 9))),
                rng.random() < 0.4,
                SHARE_BARS[i % len(SHARE_BARS)],
                COMMENT_FORMS[(i // 2) % len(COMMENT_FORMS)],
                rng.random() < 0.5,
            )
        )
    return tuple(out)


OUTLETS = _outlets()
WIRES = tuple(o for o in OUTLETS if o.wire)
#: How often each outlet publishes (wires and network sites a little more).
OUTLET_WEIGHTS = tuple(3.0 if o.wire else 1.5 if o.network else 1.0 for o in OUTLETS)


def network_outlets(network: Network) -> list[Outlet]:
    return [o for o in OUTLETS if o.network == network]


@functools.cache
def network_block(network: Network, kind: str) -> str:
    """The network's block of ``kind`` (footer, paywall, comments, newsletter, video): the
    same words on every page of every outlet of the network."""
    rng = random.Random(f"newspages:block:{network.name}:{kind}")
    pool = BLOCK_SENTENCES[kind]
    names = [o.name for o in network_outlets(network)]
    outlets = ", ".join(names[:-1]) + " and " + names[-1]
    chosen = [
        s.format(group=network.group, network=network.name, region=network.region, outlets=outlets)
        for s in rng.sample(pool, max(2, len(pool) - rng.randint(0, 2)))
    ]
    while len(" ".join(chosen).split()) > 110 and len(chosen) > 2:
        chosen.pop()
    return " ".join(chosen)


def network_blocks(network: Network, rng: random.Random) -> dict[str, str]:
    """The network blocks one page carries: each kind most of the time, the paywall notice
    with this page's count of free articles."""
    out = {}
    for kind in BLOCK_SENTENCES:
        if rng.random() < 0.75:
            out[kind] = network_block(network, kind)
    if "paywall" in out and rng.random() < 0.5:
        left = rng.randint(1, 4)
        out["paywall"] = (
            f"You have {left} free {network.name} article{'s' if left > 1 else ''} left this "
            "month. "
            + out["paywall"].replace(
                f"You have reached your limit of free {network.name} articles this month. ", ""
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# The stream of articles
# ---------------------------------------------------------------------------------------------


@dataclass
class StreamArticle:
    index: int
    story: Story
    outlet: Outlet | None
    title: str
    author: str | None
    published: dt.datetime
    paragraphs: list[str]
    kind: str = "original"  # original, independent (same story), whole or partial copy
    copy_of: int | None = None
    copied: list[int] = field(default_factory=list)  # paragraphs of copy_of it holds

    @property
    def text(self) -> str:
        """The article as clean text: paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


@functools.cache
def story_title(story_id: int, seed: int = SEED) -> str:
    """The headline teasers show for a story."""
    return newslike.title(
        story(story_id, seed), random.Random(f"newspages:{seed}:title:{story_id}")
    )


def byline(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def dateline(outlet: Outlet, topic: Story, published: dt.datetime) -> str:
    return f"{topic.place.upper()}, {published:%B} {published.day} ({outlet.wire}) — "


def _choose_outlet(rng: random.Random) -> Outlet | None:
    if rng.random() < NO_OUTLET:
        return None
    return rng.choices(OUTLETS, OUTLET_WEIGHTS)[0]


@functools.lru_cache(maxsize=512)
def stream_article(index: int, seed: int = SEED) -> StreamArticle:
    """Article ``index`` of the stream: its story (:func:`newslike.story_of`), outlet, title,
    byline, date and body; a later article of a story (the same day or a follow-up days later)
    may copy the story's first one, whole or one or two paragraphs of it inside its own text."""
    rng = random.Random(f"newspages:{seed}:article:{index}")
    story_id = story_of(index, seed)
    topic = story(story_id, seed)
    outlet = _choose_outlet(rng)
    published = dt.datetime.combine(START + dt.timedelta(days=index // PER_DAY), dt.time()) + (
        dt.timedelta(minutes=rng.randrange(24 * 60))
    )
    author = byline(rng) if outlet is None or rng.random() < 0.85 else None
    title = newslike.title(topic, rng)
    first = newslike.story_first(story_id, seed)
    first = first if first < index else None
    words = newslike.article_words(rng)
    paragraphs = newslike.body(topic, rng, words)
    art = StreamArticle(index, topic, outlet, title, author, published, paragraphs)
    if first is None:
        if outlet is not None and outlet.wire:
            paragraphs[0] = dateline(outlet, topic, published) + paragraphs[0]
        return art
    art.kind = "independent"
    if rng.random() < COPY_SHARE:
        source = stream_article(first, seed)
        art.copy_of = first
        if rng.random() < WHOLE_SHARE:
            art.kind = "whole"
            art.copied = list(range(len(source.paragraphs)))
            art.paragraphs = list(source.paragraphs)
            art.title = source.title if rng.random() < 0.5 else title
        else:
            art.kind = "partial"
            start = rng.randrange(len(source.paragraphs))
            art.copied = list(
                range(start, min(start + rng.choice((1, 1, 2)), len(source.paragraphs)))
            )
            at = rng.randrange(len(paragraphs) + 1)
            art.paragraphs = (
                paragraphs[:at] + [source.paragraphs[k] for k in art.copied] + paragraphs[at:]
            )
    return art


def related(index: int, outlet: Outlet | Network, seed: int = SEED, count: int = 4) -> list[str]:
    """Teaser headlines of other recent stories: the list of an outlet (or of a whole network:
    "More from") changes every fifty articles and is the same on all its pages meanwhile."""
    rotation = index // 50
    key = outlet.name
    rng = random.Random(f"newspages:{seed}:related:{key}:{rotation}")
    base = max(0, rotation * 50 - 400)
    stories = {story_of(rng.randrange(base, rotation * 50 + 50), seed) for _ in range(count)}
    return [story_title(s, seed) for s in sorted(stories)]


def page(index: int, seed: int = SEED) -> str:
    """Article ``index`` of the stream as a plain-text page dump."""
    art = stream_article(index, seed)
    rng = random.Random(f"newspages:{seed}:page:{index}")
    outlet = art.outlet
    crawled = art.published + dt.timedelta(hours=rng.randrange(0, 72))
    lines: list[str] = []
    if outlet is None:
        head, tail = rng.sample(AGGREGATOR_LINES, 2)
        lines += [*head, art.title]
        if art.author:
            lines.append(f"By {art.author}")
        lines.append(f"{art.published:%b} {art.published.day}, {art.published:%Y}")
        lines += art.paragraphs
        lines += tail
        return "\n".join(lines) + "\n"
    blocks = network_blocks(outlet.network, rng) if outlet.network else {}
    if outlet.header_date:
        lines.append(f"{crawled:%A}, {crawled:%B} {crawled.day}, {crawled:%Y}")
    lines += ["Skip to content", outlet.name, *outlet.sections, "Subscribe", "Sign in"]
    lines += [rng.choice(outlet.sections), art.title]
    if art.author:
        lines.append(f"By {art.author}" if rng.random() < 0.7 else f"{art.author}, Staff Writer")
    stamp = art.published
    lines.append(f"{stamp:%B} {stamp.day}, {stamp:%Y} {stamp:%I:%M %p}".replace(" 0", " "))
    lines += outlet.share
    body = list(art.paragraphs)
    if "paywall" in blocks and len(body) > 3:
        body.insert(rng.randint(2, len(body) - 1), blocks.pop("paywall"))
    lines += body
    lines += outlet.share[:2]
    if "newsletter" in blocks:
        lines.append(blocks.pop("newsletter"))
    else:
        lines.append(f"Sign up for the {outlet.short} newsletter")
    if outlet.network:
        lines.append(f"More from {outlet.network.name}")
    else:
        lines.append(rng.choice(("Related", "More articles", "You may also like")))
    lines += related(index, outlet.network or outlet, seed)
    if "video" in blocks:
        lines.append(blocks.pop("video"))
    if "comments" in blocks:
        lines.append(blocks.pop("comments"))
    lines += outlet.comment_form
    if "footer" in blocks:
        lines.append(blocks.pop("footer"))
    lines += rng.sample(FOOTER_LINKS, 5)
    lines.append(f"© {crawled:%Y} {outlet.name}. All rights reserved.")
    if outlet.blank_lines:
        return "\n\n".join(lines) + "\n"
    return "\n".join(lines) + "\n"


def body_sample(count: int, start: int = 0, seed: int = SEED):
    """Bodies of stream articles ``start..start+count-1`` for :func:`newslike.stats_report`:
    (texts, story of each, pairs that are copies of each other)."""
    arts = [stream_article(i, seed) for i in range(start, start + count)]
    at = {a.index: k for k, a in enumerate(arts)}
    related_pairs = set()
    copies: dict[int, list[int]] = {}
    for k, a in enumerate(arts):
        if a.copy_of is not None and a.copy_of in at:
            copies.setdefault(at[a.copy_of], []).append(k)
    for source, copiers in copies.items():
        group = [source, *copiers]
        related_pairs.update(
            (min(x, y), max(x, y)) for i, x in enumerate(group) for y in group[i + 1 :]
        )
    return [a.text for a in arts], [a.story.id for a in arts], related_pairs


def stats_line(count: int = 1500, start: int = 0, seed: int = SEED) -> str:
    """The 5-gram statistic of the stream's bodies (``count`` from ``start``) beside AEB's."""
    texts, groups, related_pairs = body_sample(count, start, seed)
    return newslike.stats_report(
        texts, groups, related_pairs, label=f"corpus {newslike.corpus_version()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("index", type=int, nargs="*", default=[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--stats", action="store_true", help="the 5-gram statistic of bodies")
    args = parser.parse_args()
    for index in args.index:
        print(page(index, args.seed))
    if args.stats:
        print(stats_line(seed=args.seed))


if __name__ == "__main__":
    main()
