"""The page's shape: the article run, its header anchor, closing lists and blocks of teasers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from archiver import rules
from archiver.textclean.lines import Line
from archiver.textclean.options import CleanOptions
from archiver.textmeta.kinds import (
    DIGITS,
    PROSE_END,
    header_meta,
    headline_like,
    is_meta,
    is_prose,
    name_like,
    sentence_like,
)
from archiver.vocabulary import INGREDIENTS_HEADINGS, MONTHS


def _weight(line: Line, options: CleanOptions) -> float:
    """How much a line pulls the article run towards itself (negative: pushes it away)."""
    if line.repeated and line.rule is None:
        # A caption or label repeated between the paragraphs of a photo story says nothing
        # about where the article is: it neither pulls the run in nor pushes it away.
        return 0.0
    penalty = min(line.size, options.bad_cap) + options.bad_base
    if line.good and line.textlike == "short":
        # jusText lets short lines take their neighbours' class, which on a page of lines
        # pulls whole menus in beside a paragraph.
        return -options.short_good_factor * penalty
    if line.good:
        return float(line.size)
    if line.rule and line.rule.ends_article:
        return -options.end_penalty
    if line.rule is None and line.textlike in ("good", "neargood"):
        return options.neargood_weight * line.size
    return -penalty


def _barrier(lines: Sequence[Line], options: CleanOptions) -> int:
    """Where the comments or the page footer begin: the article ends before it.

    A barrier near the top (a "Comments" menu item) is not one: some article-like text must
    come first.
    """
    text = 0
    for i, line in enumerate(lines):
        if (
            line.rule
            and line.rule.barrier
            and text >= options.barrier_min_chars
            and not _toolbar(lines, i)
            and not _over_prose(lines, i)
        ):
            return i
        if line.good:
            text += line.size
    return len(lines)


def _toolbar(lines: Sequence[Line], i: int) -> bool:
    """Whether the barrier line ``lines[i]`` is a button of the article's toolbar ("Write a
    comment" beside "Share this article"), which stands above the article as often as below."""
    beside = lines[max(0, i - 1) : i] + lines[i + 1 : i + 2]
    return any(other.rule is not None and other.rule.name == "share-bar" for other in beside)


def _over_prose(lines: Sequence[Line], i: int) -> bool:
    """Whether the one- or two-word barrier line ``lines[i]`` ("Kommentar", "réagir") stands
    right over a paragraph of prose, a caption at most between: then it is a button or the
    heading of an opinion piece, while comments open with a name, a date or a form."""
    if lines[i].words > 2:
        return False
    for line in lines[i + 1 : i + 4]:
        if line.rule is not None and line.rule.name in rules.CAPTION_CATEGORIES:
            continue
        return line.rule is None and line.textlike == "good" and line.words >= 30
    return False


def _closes(line: Line) -> bool:
    """Whether a line usually closes an article ("Related", the comments begin)."""
    return line.rule is not None and (line.rule.ends_article or line.rule.barrier)


def _header_openings(lines: Sequence[Line]) -> list[int]:
    """The first paragraphs of prose right under an article's header: a headline, then a
    byline or date line (one short line may sit between), then the paragraph.

    A header in a list of dated teasers (another byline or date within a few lines) or under
    "Read this next" opens no article of this page.
    """
    # Reading a line as a byline or date costs a dozen patterns: only lines under a
    # headline-like line are read, and the lines around them when one is.
    metas: dict[int, bool] = {}

    def meta(i: int) -> bool:
        if i not in metas:
            metas[i] = 0 <= i < len(lines) and header_meta(lines[i]) is not None
        return metas[i]

    headlines = [i for i, line in enumerate(lines) if headline_like(line)]
    under = sorted({i + step for i in headlines for step in (1, 2) if i + step < len(lines)})
    opened = []
    for i in under:
        opening = next(
            (
                j
                for j in range(i + 1, min(len(lines), i + 4))
                if lines[j].rule is None
                and lines[j].words >= 8
                and lines[j].textlike in ("good", "neargood")
            ),
            None,
        )
        if (
            opening is None
            or lines[i].words > 30
            or any(_closes(line) for line in lines[max(0, i - 4) : i])
            or not meta(i)
            or any(
                meta(j) for j in range(i - _TEASER_REACH, i + _TEASER_REACH + 1) if abs(j - i) > 1
            )
        ):
            continue
        opened.append(opening)
    return opened


#: Another byline or date this near a header makes it one of a list of dated teasers.
_TEASER_REACH = 7


def article_run(lines: Sequence[Line], options: CleanOptions) -> tuple[int, int]:
    """The [start, end) of the densest run of text: a maximum-sum segment."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    weights = [_weight(line, options) for line in lines[: _barrier(lines, options)]]
    for i, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += weight
        if total > best:
            best, best_span = total, (start, i + 1)
    # A shorter run of text right under an article's header beats a longer one elsewhere
    # (a sidebar, a form) by the header's worth; the run's own header changes nothing.
    openings = _header_openings(lines[: len(weights)])
    start, end = best_span
    if any(
        start - options.header_window <= j < end and not any(map(_closes, lines[j:start]))
        for j in openings
    ):
        return best_span
    for j in openings:
        total = 0.0
        for i in range(j, len(weights)):
            if _closes(lines[i]):
                break  # a run found by its header does not reach past "Related"
            total += weights[i]
            if total + options.header_bonus > best:
                best, best_span = total + options.header_bonus, (j, i + 1)
    return best_span


def anchor(lines: Sequence[Line], start: int, end: int) -> int:
    """Move the run's start to the article's own header when the run swallowed teasers.

    A headline followed by a byline or a bare date line (one short line may sit between),
    then prose, is how an article opens; lines of the run above it are the teasers and menus
    that preceded it. A list of headlines with dates and bylines is not a header.
    """
    for i in range(start + 2, end - 1):
        if not is_meta(lines[i]):
            continue
        head = i - 1 if headline_like(lines[i - 1]) else None
        if head is None and lines[i - 1].words <= 8 and headline_like(lines[i - 2]):
            head = i - 2
        following = lines[i + 1 : min(end, i + 8)]
        if (
            head is not None
            and head > start
            and any(is_prose(other) or sentence_like(other) for other in following)
            and not any(is_meta(other) for other in following[1:])
            # the last of a list of dated teasers is no header either
            and not any(is_meta(other) for other in lines[max(start, head - 7) : head])
            and not _inner_header(lines, start, head)
        ):
            return head
    return start


#: Paragraphs of the run above a headline and byline that make them a header inside the
#: article, not the article's own.
_PARAGRAPHS_ABOVE_INNER_HEADER = 3


def _paragraph(line: Line) -> bool:
    """A paragraph of running text, as jusText reads it good or nearly ("neargood" takes in
    the short paragraphs of a news story), closing like a sentence."""
    return sentence_like(line) and line.words >= 12 and line.textlike in ("good", "neargood")


def _inner_header(lines: Sequence[Line], start: int, head: int) -> bool:
    """Whether the headline ``head`` (a byline or date under it) heads a part of the article
    rather than the article: it follows a paragraph right away, with more paragraphs of the
    run above ("A city upended" / "By Jane Doe, in New York" between a story's sections).
    Teasers above an article's own header end in a menu or a section's label."""
    return _paragraph(lines[head - 1]) and (
        sum(map(_paragraph, lines[start:head])) >= _PARAGRAPHS_ABOVE_INNER_HEADER
    )


#: "Zutaten", "Ingredients für 4 Personen", "Składniki:": a recipe's ingredients heading.
_INGREDIENTS = re.compile(
    r"^(?:" + "|".join(INGREDIENTS_HEADINGS) + r")\b[^.!?]{0,40}$", re.IGNORECASE
)
#: A quantity opening an ingredient: "200 g", "1 TL", "½ cup", "2-3".
_QUANTITY = re.compile(r"^(?:\d+(?:[.,/-]\d+)?|[½¼¾⅓⅔])(?:\s|$|[a-zA-Z])")


def ingredients_above(lines: Sequence[Line], start: int, options: CleanOptions) -> int:
    """The run's start moved up to the heading ("Zutaten", "Ingredients") of the recipe's
    list of ingredients right above it, when the list holds a few quantities ("200 g",
    "1 TL") and nothing closing an article stands between. Its lines are too short for the
    run to take them in."""
    lo = max(0, start - options.ingredients_reach)
    for i in range(start - 1, lo - 1, -1):
        line = lines[i]
        if _closes(line):
            return start
        if _INGREDIENTS.match(line.text.strip()) and line.words <= 6:
            quantities = sum(
                _QUANTITY.match(other.text.strip()) is not None for other in lines[i + 1 : start]
            )
            return i if quantities >= 3 else start
    return start


def dated_teasers(lines: Sequence[Line], start: int, end: int, options: CleanOptions) -> int:
    """End the run above a list of other articles' teasers that it ran into after the
    article's paragraphs: two headlines or more, each with a byline or a bare date under it,
    within a few lines of each other."""
    pairs = [
        i
        for i in range(start + 2, end)
        if is_meta(lines[i]) and headline_like(lines[i - 1]) and lines[i - 1].rule is None
    ]
    for first, second in pairwise(pairs):
        if second - first <= options.teaser_gap:
            if any(is_prose(line) for line in lines[start : first - 1]):
                return first - 1
            return end
    return end


def line_shape(text: str) -> tuple[str, ...]:
    """The kinds of a line's first two words: month, number, capitalised, lower, other."""
    kinds = []
    for word in text.split()[:2]:
        bare = word.strip(".,:;()[]-–—").lower()
        if bare in MONTHS:
            kinds.append("month")
        elif bare[:1].isdigit():
            kinds.append("number")
        elif word[:1].isupper():
            kinds.append("capital")
        elif word[:1].isalpha():
            kinds.append("lower")
        else:
            kinds.append("other")
    return tuple(kinds)


def trailing_list(lines: Sequence[Line], end: int) -> int:
    """Extend the article over a list that closes it (tour dates, results, a schedule).

    Its items are short, so the run stops above them; but three or more lines in a row of
    the same shape, each with a number in it, are one list, and menus have no numbers.
    """
    intro = end < len(lines) and lines[end].rule is None and lines[end].words <= 15
    if intro and (headline_like(lines[end]) or lines[end].text.endswith(":")):
        first = end + 1
    else:
        first = end
    shape, count = None, 0
    for line in lines[first:]:
        if line.rule is not None or not DIGITS.search(line.text) or line.words < 4:
            break
        if shape is None:
            shape = line_shape(line.text)
        elif line_shape(line.text) != shape:
            break
        count += 1
    return first + count if count >= 3 else end


_NUMBERED = re.compile(r"^(\d{1,2})\s?[.):]\s+\S")


def numbered_list(lines: Sequence[Line], end: int, options: CleanOptions) -> int:
    """Extend the article over the numbered list it goes on into ("1) ...", "2) ...": a
    list of tips, of deals, of places), with what each item holds between its number and the
    next (a sentence, a price, a link). Items numbered one after the other up to three or
    more are the article's; menus are not numbered. One line (the list's intro) may come
    first, or the list may have begun inside the run."""
    # The list may have begun inside the run: start from its last item there.
    first = next(
        (
            j
            for j in range(end - 1, max(-1, end - 1 - options.list_item_lines), -1)
            if _NUMBERED.match(lines[j].text)
        ),
        end,
    )
    expected, last, count = None, None, 0
    for i in range(first, len(lines)):
        line = lines[i]
        if _closes(line):
            break
        match = _NUMBERED.match(line.text)
        if match and (expected is None or int(match[1]) == expected):
            expected, last, count = int(match[1]) + 1, i, count + 1
        elif (i > first) if last is None else (i - last > options.list_item_lines):
            break  # no list right here, or its items ended
    # Two items in sequence at least, the last numbered three or more: "1) 2) 3)" at least.
    if last is None or expected is None or count < 2 or expected - 1 < 3:
        return end
    # The last item's own address under it is the list's too.
    if last + 1 < len(lines) and _is_link(lines[last + 1]):
        last += 1
    for line in lines[first : last + 1]:
        if _is_link(line):
            line.rule = None  # an item's own address: the list's, as its text is
    return max(end, last + 1)


def _is_link(line: Line) -> bool:
    return line.rule is not None and line.rule.name == "link"


def fact_box(lines: Sequence[Line], end: int, options: CleanOptions) -> int:
    """Extend the article over the box of facts between it and its share buttons.

    An event's listing (dates, times, prices, a phone number) is short lines, so the run
    stops above it; but when no rule takes any of them, the share buttons follow at once and
    a third of them hold numbers, the box belongs to the article above it.
    """
    for i in range(end, min(len(lines), end + options.fact_box_lines + 1)):
        rule = lines[i].rule
        if rule is None or rule.name == "link":
            continue
        box = lines[end:i]
        if rule.name != "share-bar" or len(box) < options.fact_box_min_lines:
            return end
        numbered = sum(1 for line in box if DIGITS.search(line.text))
        distinct = len({line.text for line in box}) == len(box)
        return i if distinct and numbered >= options.fact_box_digits * len(box) else end
    return end


def sponsored_blocks(lines: Sequence[Line], options: CleanOptions) -> None:
    """The teasers under a "Sponsored content" header are its own, wherever it stands.

    Found before the page's shape is read, so that a teaser is neither taken for the
    headline nor pulls the article run towards it. The block ends at a long line (prose), a
    byline or date (an article's header), another rule's line, or a blank line after a teaser.
    """
    for i, header in enumerate(lines):
        if header.rule is None or not header.rule.takes_following:
            continue
        previous = header
        for line in lines[i + 1 : i + 1 + options.teaser_lines]:
            blank_before = line.lineno > previous.lineno + 1
            if (
                line.rule is not None
                or line.words > options.teaser_max_words
                or (blank_before and previous is not header)
                or is_meta(line)
            ):
                break
            line.rule = header.rule
            previous = line


#: A teaser's headline run into its first paragraph's dateline: "Flood barrier opens early
#: HARBORTON: The city's new...". A paragraph opens with its dateline, never has one inside.
_DATELINE_INSIDE = re.compile(
    r"[\w’'?!)] [A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][\w.]+)?"
    r"(?: \([A-Za-z]+\))? ?(?::|—|–|--) "
)


#: Categories of a header whose prose below is its pitch, not the article: a newsletter's
#: sign-up box, a cookie notice.
_PITCHES = ("newsletter", "cookie-consent")


def _pitch(lines: Sequence[Line], i: int) -> bool:
    """Whether ``lines[i]`` heads a box whose text pitches something (a newsletter sign-up
    right over its sales text); the same word alone in a menu heads nothing."""
    after = lines[i + 1] if i + 1 < len(lines) else None
    return (
        lines[i].rule is not None
        and lines[i].rule.name in _PITCHES
        and after is not None
        and after.rule is None
        and after.textlike in ("good", "neargood")
    )


def prose_before(lines: Sequence[Line], start: int, options: CleanOptions) -> list[int]:
    """Paragraphs of prose above the article run that belong to the article: a standfirst or
    an opening paragraph cut off from the run by a share bar or a box of links set into it.

    Only a line jusText finds good on its own (long, dense in stop words) and in context is
    taken, with the good lines running on from it; teasers are short, menus are not prose.
    Below a "Related" or "Latest headlines" header, until a headline or a byline or date
    line, long lines are the teasers of other articles, and so is a line with a dateline
    inside it (a teaser's headline run into its summary). A paragraph with more than
    ``options.prose_before_gap`` lines of menus and links between it and the article is a
    sidebar's.
    """
    teasers, taken = False, set()
    # How many lines that are no text stand between each line and the article run.
    gap = [0] * (start + 1)
    for i in range(start - 1, -1, -1):
        gap[i] = gap[i + 1] + (not lines[i].good)
    for i in range(start):
        line = lines[i]
        if line.rule is not None and (line.rule.ends_article or _pitch(lines, i)):
            teasers = True
        elif line.reason == "title" or is_meta(line):
            teasers = False
        elif (
            not teasers
            and gap[i] <= options.prose_before_gap
            and line.good
            and line.textlike == "good"
            and line.rule is None
            and not line.template
            and not _DATELINE_INSIDE.search(line.text)
        ):
            taken.add(i)
    for i in sorted(taken):
        for step in (-1, 1):
            j = i + step
            while 0 <= j < start and j not in taken and _runs_on(lines[j]):
                taken.add(j)
                j += step
    return sorted(taken)


#: What the header's lines are removed as.
_HEADER_REASONS = ("title", "author-line", "date-line", "header-date")


def opening_under_header(lines: Sequence[Line], start: int) -> list[int]:
    """Sentences between the article's header (its headline, byline, date, read before) and
    the run, joined to the run by nothing but buttons: the article's opening, which
    jusText's measures left out ("It can be frustrating to step on the scale and see no
    change.")."""
    header = [i for i in range(start) if lines[i].reason in _HEADER_REASONS]
    if not any(lines[i].reason == "title" for i in header):
        return []
    opening = []
    for i in range(start - 1, header[-1], -1):
        line = lines[i]
        if line.reason == "outside-article" and line.words >= 8 and PROSE_END.search(line.text):
            opening.append(i)
        elif line.rule is None or line.rule.ends_article:
            break
    return opening


def _runs_on(line: Line) -> bool:
    """A line that goes with the paragraph of prose beside it: good in context and text-like."""
    return line.good and line.rule is None and line.textlike in ("good", "neargood")


def related_blocks(lines: Sequence[Line], body: int, end: int) -> None:
    """Inside the article, a "Related" header takes the headlines listed under it along (they
    are removed under the header's rule)."""
    inside_block = False
    header: Line | None = None
    for line in lines[body:end]:
        if line.rule is not None:
            if line.rule.name == "related-list":
                header = line
            inside_block = line.rule.name == "related-list" or (
                inside_block and line.rule.name != "ad-marker"
            )
        elif inside_block and line.reason is None:
            # Listed headlines do not end like sentences; the article's next paragraph does.
            if is_prose(line) or (line.words >= 6 and PROSE_END.search(line.text)):
                inside_block = False
            else:
                line.reason = "related-list"
                line.rule_id = header.rule.id if header and header.rule else None


def author_bio(
    lines: Sequence[Line], body: int, end: int, names: set[str], options: CleanOptions
) -> None:
    """The author's bio closing the article: the byline's name alone on its line with the
    bio under it ("Staff Reporter" / "Coastline Today's staff reporters cover...", a role
    may stand between), a paragraph that opens with the author's full name ("Dana Whitlock
    covers health..."), or one that opens with the name on the line above it and closes the
    run, when no byline gave one ("Dana Whitlock" / "Dana Whitlock covers health...")."""
    _bio_under_heading(lines, options)
    full_names = [name for name in names if " " in name]
    for i in range(max(body, end - options.bio_lines), end):
        line = lines[i]
        if line.reason is not None or line.rule is not None:
            continue
        if line.text in names:
            line.reason = "author-bio"
            _bio_under(lines, i, options)
        elif _bio_continues(lines, i, options) or (
            line.words <= options.bio_max_words
            and any(_opens_with(line.text, name) for name in full_names)
        ):
            line.reason = "author-bio"
        elif (
            name_like(line.text)
            and i + 1 < end
            and _opens_with(lines[i + 1].text, line.text)
            and not any(is_prose(other) for other in lines[i + 2 : end])
        ):
            # Closing the run only: a subheading naming someone, over a paragraph about them,
            # is followed by more of the article.
            line.reason = "author-bio"
            _bio_under(lines, i, options)


def _bio_continues(lines: Sequence[Line], i: int, options: CleanOptions) -> bool:
    """Whether line ``i`` is the bio under an author's box already found closing the run:
    its name and role ("Ingo Arzt" / "Redakteur für Wirtschaft und Umwelt"), then the bio
    ("Schreibt seit 2008 für die taz...")."""
    above = lines[i - 1] if i else None
    return (
        above is not None
        and above.reason == "author-bio"
        and above.words <= 8
        and lines[i].words <= options.bio_max_words
    )


def _opens_with(text: str, name: str) -> bool:
    """Whether ``text`` opens with the name and goes on in lower case: "Dana Whitlock
    covers health...", "Dana Whitlock ist Redakteurin..."."""
    return text.startswith(name + " ") and text[len(name) + 1 : len(name) + 2].islower()


def _bio_under(lines: Sequence[Line], i: int, options: CleanOptions) -> None:
    """Under the author's name on line ``i``: the bio, with the role line over it if one
    stands between ("Ingo Arzt" / "Redakteur für Wirtschaft" / "Schreibt seit 2008 ...")."""
    for line in lines[i + 1 : i + 3]:
        if line.reason is not None or line.rule is not None:
            if line.reason == "author-bio":
                continue  # the role, found with the byline
            break
        if line.words > options.bio_max_words:
            break
        line.reason = "author-bio"
        if line.words > 8:
            break  # the bio's paragraph: what follows is the article's or the page's again


def _bio_under_heading(lines: Sequence[Line], options: CleanOptions) -> None:
    """Under an "About the author" heading, the author's name on its own line and the
    paragraph of the bio go with it, wherever it stands on the page."""
    for i, heading in enumerate(lines):
        if heading.rule is None or heading.rule.name != "author-bio" or heading.words > 6:
            continue
        for line in lines[i + 1 : i + 3]:
            if line.rule is not None or line.reason is not None:
                break
            if line.words > options.bio_max_words:
                break
            line.reason, line.rule_id = "author-bio", heading.rule.id
            if line.words > 8:
                break  # the bio's paragraph: what follows is the page's again
