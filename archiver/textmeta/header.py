"""The lines around an article's start: its title, byline, dates and section."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from archiver import rules
from archiver.document import Field
from archiver.textmeta.kinds import (
    CRUMB,
    EDGE_PUNCT,
    LIST_SEPARATOR,
    PROSE_END,
    READING_TIME,
    SENTENCE_END,
    clean_byline_names,
    date_line,
    date_line_author,
    dated_headline,
    header_meta,
    headline_like,
    is_prose,
    labelled,
    meta_line,
    name_like,
    nav_like,
    says_little,
    sentence_like,
    text_date,
)
from archiver.vocabulary import (
    AUTHOR_LABELS,
    CONTENTS_LABELS,
    FIELD_LABELS,
    PERSON_ROLES,
    PERSON_ROLES_DE,
    SAID,
)

if TYPE_CHECKING:
    from archiver.textclean.lines import Line
    from archiver.textclean.options import CleanOptions


_WORD = re.compile(r"\w{4,}|[\u3400-\u9fff]")
#: A word of this many letters or more is found among the article's words when one of them, as
#: long, holds it or is held in it: German and Dutch write compounds ("Holzhandel" in
#: "Holländerholzhandel", "Brücke" in "Brückensperrung") and endings lengthen a word
#: ("Impfpflicht", "Impfpflichten"); shorter words would match by chance ("Rost", "Rostschutz").
_STEM_LETTERS = 6


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")

#: An e-mail address: a contact line, never a headline ("KI @ China" may be one).
_EMAIL = re.compile(r"[\w.+-]@[\w-]+\.\w")

#: A sentence ending and the next one's first letter (a capital opens it), not an initial's or a
#: title's dot ("U.S.", "Dr.").
_NEW_SENTENCE = re.compile(r"[^\W\d_]{2}[.!?…][\"”’»)]?\s+[\"“„«]?([^\W\d_])")


def _new_sentence(text: str) -> bool:
    """Whether a sentence ends inside ``text`` and a capital opens the next one."""
    return any(found[1].isupper() for found in _NEW_SENTENCE.finditer(text))


class _ReadAs:
    """A line read as a part of its text: without its closing full stop, or a breadcrumb as
    its last part, the headline ("Lokales / Verkehr / <headline>")."""

    def __init__(self, line: Line, text: str, words: int | None = None):
        self.text, self.rule = text, line.rule
        self.words = line.words if words is None else words


def _crumb_tail(text: str) -> str | None:
    """The last part of a breadcrumb of three parts or more, when it has three words or more
    ("Forum > iPhone > <headline>"); ``None`` for a line of fewer parts ("Rad / Fuß: ...")."""
    crumbs = CRUMB.split(text)
    return crumbs[-1] if len(crumbs) > 2 and len(crumbs[-1].split()) >= 3 else None


def _label(text: str) -> str:
    """A line as a label alone on it is looked up: "Auteur", "Foto:", "Inhalt"."""
    return text.strip(" :").casefold()


#: A label opening a line, its value after it: "Ort: Rosi's Bar", "Quelle: dpa".
_LABEL_OPENING = re.compile(r"^\s*([^\W\d_]+)\s*:")


def _labelled_value(text: str) -> bool:
    """Whether ``text`` opens with a field's label ("Ort:", "Source:"): the field's value,
    never the headline."""
    found = _LABEL_OPENING.match(text)
    return found is not None and found[1].casefold() in FIELD_LABELS


def _crumbed_headline(line: Line) -> bool:
    """A breadcrumb ending in a headline, though it reads as none as a whole: "home / Betrieb /
    IT / <headline>" opens with a small letter."""
    tail = _crumb_tail(line.text)
    if tail is None or rules.not_title(tail):
        return False
    return headline_like(_ReadAs(line, tail, len(tail.split())))


#: How many lines above a headline are looked at for the teasers of a list it stands in.
_TEASER_REACH = 12

#: The rules of the line under a photo's caption: its credit.
_CREDIT_RULES = rules.CAPTION_CATEGORIES
#: Rules that take a whole caption with its credit, not the credit alone.
_WHOLE_CAPTIONS = ("eu-caption-credit",)

_LINK = re.compile(r"https?://|\bwww\.", re.I)


#: What joins the names of a list of people: "Jane Doe, John Roe & Ann Poe".
_NAME_JOINS = re.compile(r",|&|\b(?:and|und|et|y)\b", re.I)


def _roles(names: tuple[str, ...]) -> re.Pattern[str]:
    """A word naming one of the roles ``names``, also closing a compound and as the feminine
    ("Wirtschaftsredakteurin", "FOCUS-Online-Experte")."""
    return re.compile(r"[\w-]*?(?:" + "|".join(names) + r")(?:in|innen|s)?", re.I)


_ROLE, _ROLE_DE = _roles(PERSON_ROLES), _roles(PERSON_ROLES_DE)
_SAID = re.compile(r"\b(?:" + "|".join(SAID) + r")$", re.I)


def _role(text: str, role: re.Pattern[str] = _ROLE) -> bool:
    """Whether ``text`` (a few words) names a person's role: "Staff Attorney", "Director of
    Education Equity"; not a headline's speaker ("Director Says")."""
    words = text.split()
    return (
        0 < len(words) <= 6
        and any(role.fullmatch(word.strip(".,:;")) for word in words)
        and not _SAID.search(text)
    )


def _named_with_role(line: Line) -> str | None:
    """The name of a line that names one person with their role: "Sarah Hinger, Staff
    Attorney, ACLU Racial Justice Program"; in German the role before the name too
    ("FOCUS-Online-Experte Robin Tschöpe"), as a German headline's verb is never capitalised
    as an English one is ("Reporter Wins Award")."""
    parts = [part.strip(" &") for part in line.text.split(",")]
    if len(parts) >= 2 and name_like(parts[0]) and _role(parts[1]):
        return parts[0]
    words = line.text.split()
    if 3 <= len(words) <= 4 and _role(words[0], _ROLE_DE) and name_like(" ".join(words[1:])):
        return " ".join(words[1:])
    return None


#: A headline that is a quotation, or names its speaker and then quotes them, with no full
#: stop closing the quotation: "Ministra: “Que la justicia investigue, no la canónica”",
#: "„Das wird teuer“".
_QUOTE_CLOSING_HEADLINE = re.compile(r"^(?:[^.!?:]{2,80}:\s*)?[\"„“”«»][^.!?]*[^\W_][\"”»“]\s*$")


#: A line cut short, or one that names what follows it: it ends on a word no English
#: headline ends on ("SHOW ALL ARTICLES OF" over the author's name).
_TRUNCATED = re.compile(r"\s(?:of|the|and|or)$", re.I)

#: A star rating's summary a blog's plugin sets after the headline: ", 5.0 out of 5 based on
#: 2 ratings".
_RATED = re.compile(r"\s*,\s*\d+(?:[.,]\d+)? out of \d+ based on \d+ ratings?$", re.I)

#: A line closing on a year: "... vom 10. Oktober 2019", "..., 19.5.2007".
_ENDS_ON_YEAR = re.compile(r"\d{4}\s*$")

#: How many lines apart the page sets a headline twice: "COP26 in Glasgow" at a
#: breadcrumb's end, a kicker, "COP26 in Glasgow" over the article.
_TWICE_REACH = 4

#: How far from the title's line a line may give the headline whole, and its most words.
_WHOLE_REACH = 4
_WHOLE_WORDS = 16
#: What parts a breadcrumb: "Home » Blog » <headline>".
_CRUMB_MARKS = ("»", ">", "/", "|", "›")

#: The fewest words of a headline right under the date, past a line of prose: shorter lines
#: there are a section's name or a label more often ("Politik", "Lesezeit: 3 Min.").
_UNDER_DATE_WORDS = 5

#: A photo's credit inside a caption: "(Foto: a100stoppen.de)", "Kuva: Jussi Nukari".
_PHOTO_CREDIT = re.compile(
    r"\((?:foto|photo|bild|image|kuva)\b|\b(?:foto|photo|bild|kuva)\s*:", re.I
)


def _people(line: Line) -> str | None:
    """The names of a line that only names people: a byline ("By Jane Doe, Staff Writer"),
    one person with their role ("Sarah Hinger, Staff Attorney"), or two names or more joined
    ("Jane Doe, John Roe & Ann Poe", a post's authors). Never a headline, though it may stand
    over the article's date."""
    match = rules.BYLINE.match(line.text)
    if match:
        return clean_byline_names(match["who"])
    if named := _named_with_role(line):
        return named
    names = clean_byline_names(line.text)
    if names is None or "; " not in names:
        return None
    if any(len(name.split()) > 3 for name in names.split("; ")):
        return None  # "First Looks Praise New Keyboard, Bigger Screen": a headline in Title Case
    words = _NAME_JOINS.sub(" ", line.text).split()
    return names if len(words) == len(names.replace(";", " ").split()) else None


def _mostly_date(line: Line) -> bool:
    """ "Mo, 11:41 Uhr", "15 августа 2016, 13:43": a date or a time with at most two other
    words, or a short line mostly of numbers."""
    found = date_line(line)
    if found is not None and len(found[1].split()) <= 2:
        return True
    tokens = line.text.split()
    numbered = sum(any(ch.isdigit() for ch in token) for token in tokens)
    return len(tokens) <= 4 and (
        _CLOCK.search(line.text) is not None or 2 * numbered >= len(tokens)
    )


def _labelled_published(text: str) -> bool:
    """Whether the line's first date follows a label saying it is the publication date."""
    found = text_date(text)
    return found is not None and rules.PUBLISHED_BEFORE_DATE.search(text[: found[1]]) is not None


def _content_words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _uses(body: set[str], word: str, compounds: bool = True) -> bool:
    """Whether the article's words (``body``) hold ``word``, alone or (``compounds``) in a
    compound."""
    if word in body:
        return True
    if not compounds or len(word) < _STEM_LETTERS:
        return False
    return any(len(other) >= _STEM_LETTERS and (other in word or word in other) for other in body)


def _overlap(text: str, body: set[str], compounds: bool = True) -> float:
    """The share of the line's words the article uses (see :func:`_uses`)."""
    words = _content_words(text)
    return sum(_uses(body, word, compounds) for word in words) / len(words) if words else 0.0


def _headline_above(line: Line) -> bool:
    """Whether a line above the header's window may be the article's headline: headline-like,
    no rule's, no template's, no UI string, and neither a meta line ("Veröffentlicht von X am
    23. Februar 2020") nor a list of people."""
    return (
        line.rule is None
        and not line.template
        and headline_like(line)
        and not rules.not_title(line.text)
        and header_meta(line) is None
        and _people(line) is None
    )


def _window_top(lines: list[Line], start: int, size: int) -> int:
    """The first line of the ``size`` lines above ``start``, not counting the lines a rule
    took (a share bar's dozen buttons between the headline and the byline)."""
    i, counted = start, 0
    while i > 0 and counted < size:
        i -= 1
        counted += lines[i].rule is None
    return i


class Header:
    """Reads the lines around the article's start: what they say, and where the body begins.

    The lines searched are ``header_window`` lines above the run and ``header_inside`` lines
    into it. Each line found gets a role (the reason it is removed with); the metadata goes
    into ``metadata``.
    """

    def __init__(
        self,
        lines: list[Line],
        start: int,
        end: int,
        metadata: dict[str, Field],
        options: CleanOptions,
        listed: range = range(0),
        language: str | None = None,
    ):
        self.lines, self.start, self.end = lines, start, end
        self.language = (language or "").split("-")[0]
        self.listed = listed  # lines of the run that are no header: a recipe's ingredients
        self.metadata, self.options = metadata, options
        self.lo = max(0, start - options.header_window)
        # The title is looked for as far up, not counting the lines a rule took.
        self.title_lo = min(self.lo, _window_top(lines, start, options.header_window))
        self.hi = min(end, start + options.header_inside)
        self.roles: dict[int, str] = {}
        self.dates: dict[int, tuple[str, str]] = {}
        self.byline_dates: dict[int, str] = {}  # the dates bylines give: "By X - May 3, 2020"
        self.author: tuple[str, float] | None = None
        self.title: int | None = None
        self.title_far = False  # found above the window, over a gallery or a "see also" list
        self.title_in_text = False  # the headline's line is also the text's first
        self.bylines: set[str] = set()  # what the bylines say, names or roles
        self.leads: list[int] = []  # standfirsts that are the article's lead paragraph
        self._texts: Counter[str] | None = None  # how often each line's text is on the page

    def read(self) -> int:
        """Find everything, mark the header lines removed, return where the body begins."""
        first_prose = next(
            (
                i
                for i in range(self.start, self.hi)
                if is_prose(self.lines[i]) or sentence_like(self.lines[i])
            ),
            self.hi,
        )
        self._bylines()
        self._dates()
        self._bare_names(first_prose)
        self._title(first_prose)
        self._dated_line_under_title()
        self._published()
        self._section()
        if self.author:
            self.metadata["author"] = Field(self.author[0], "text-line", self.author[1])
        return self._body(first_prose)

    def _free(self, i: int) -> bool:
        return (
            self.lo <= i < self.hi
            and i not in self.roles
            and i not in self.dates
            and i not in self.listed
            and self.lines[i].rule is None
        )

    def _found_author(self, i: int, name: str, confidence: float) -> None:
        self.roles[i] = "author-line"
        self.author = self.author or (name, confidence)

    def _offer(self, name: str, confidence: float) -> None:
        """Among the date and meta lines, the first author found stays, unless a later line
        says more surely who wrote: "Von Jana Keller" under "InfoStream - 21. Januar 2022" (a
        section beside the date)."""
        if self.author is None or confidence > self.author[1]:
            self.author = (name, confidence)

    def _bylines(self) -> None:
        """ "By X", a lone "By" or "Author" followed by a name, "Name, Staff Writer"."""
        lines = self.lines
        for i in range(self.lo, self.hi):
            line = lines[i]
            if line.rule is not None:
                continue
            match = rules.BYLINE.match(line.text)
            if _label(line.text) in AUTHOR_LABELS and i + 1 < len(lines):
                # "By", "Auteur" alone on its line: the name is on the next.
                self.roles[i] = "author-line"
                name = clean_byline_names(lines[i + 1].text)
                if name:
                    self._found_author(i + 1, name, 0.8)
            elif match and line.words <= 40:
                name = clean_byline_names(match["who"])
                if name:
                    self._found_author(i, name, 0.8)
                    self.bylines.add(match["who"].strip())
                    # "By Jane Doe - January 10, 2020": the byline gives the date too.
                    if dated := text_date(line.text):
                        self.byline_dates[i] = dated[0]
                elif rules.ROLE_ONLY.fullmatch(match["who"].strip(EDGE_PUNCT)):
                    # "By Staff Reporter": a byline, though it names nobody.
                    self.roles[i] = "author-line"
                    self.bylines.add(match["who"].strip(EDGE_PUNCT))
            elif line.words <= 12 and not line.good and (named := _named_with_role(line)):
                self._found_author(i, named, 0.7)  # "Jane Doe, Staff Attorney"
            elif (
                line.words <= 8 and "," in line.text and not line.good and (names := _people(line))
            ):
                self._found_author(i, names, 0.6)  # "Jane Doe, John Roe & Ann Poe"
        # A role alone beside a byline ("Staff Reporter" over "By Staff Reporter") is one too.
        for i in range(self.lo, self.hi):
            near = i - 1 in self.roles or i + 1 in self.roles
            if near and self._free(i) and rules.ROLE_ONLY.fullmatch(lines[i].text):
                self.roles[i] = "author-line"

    def _dates(self) -> None:
        """Date lines; one may carry the byline ("March 10, 2015 by Jane Doe"). A post's meta
        line gives the date and the author it holds, or is only marked as header."""
        for i in range(self.lo, self.hi):
            if not self._free(i):
                continue
            found = date_line(self.lines[i])
            if not found or not says_little(self.lines[i], found[1]):
                meta = meta_line(self.lines[i])
                if meta is None:
                    continue
                iso, author = meta
                if iso:
                    self.dates[i] = (iso, "")
                else:
                    self.roles[i] = "author-line" if author else "date-line"
                if author:
                    self._offer(author, 0.6 if labelled(self.lines[i].text, author) else 0.5)
                continue
            self.dates[i] = found
            if named := date_line_author(self.lines[i], found[1]):
                self._offer(*named)
        for i in [i for i in self.dates if self._headline_naming_a_date(i)]:
            del self.dates[i]

    def _headline_naming_a_date(self, i: int) -> bool:
        """Whether date line ``i`` is a headline that names a date at its end ("Protokoll der
        Vorstandssitzung vom 10. Oktober 2019") over the post's own meta line ("26/12/2019 von
        revamp-it Webteam"): a headline's shape, a few words before the date. The date the
        post was published is the meta line's."""
        under = i + 1
        if under not in self.dates and self.roles.get(under) not in ("date-line", "author-line"):
            return False
        line, (_iso, rest) = self.lines[i], self.dates[i]
        return (
            len(rest.split()) >= 3
            and headline_like(line)
            and _ENDS_ON_YEAR.search(line.text) is not None
        )

    def _bare_names(self, first_prose: int) -> None:
        """A name alone on its line: the author when the page repeats it, a bio starts with
        it, or it sits beside a date line or a reading time. Beside a date line, words the
        article goes on to use ("Heizjacken von Bosch", "Faire Lieferketten": German writes
        its nouns capitalised) are its headline, not a name."""
        lines = self.lines
        texts = [line.text for line in lines[self.lo : self.hi]]
        for i in range(self.lo, self.hi):
            line = lines[i]
            if not self._free(i):
                continue
            if not name_like(line.text):
                # "Richard Adams Education editor": a name followed by the writer's role.
                if 3 <= line.words <= 7 and line.text[:1].isupper():
                    named = rules.ROLE_WORDS.sub("", line.text).strip(EDGE_PUNCT)
                    if named != line.text.strip(EDGE_PUNCT) and name_like(named):
                        self._found_author(i, named, 0.6)
                continue
            role_under = (
                i + 1 < len(lines)
                and lines[i + 1].words <= 4
                and rules.ROLE_WORDS.fullmatch(lines[i + 1].text) is not None
            )
            repeated = texts.count(line.text) > 1
            has_bio = any(
                other.text.startswith(line.text + " ") and other.rule is not None
                for other in lines[self.lo : min(len(lines), self.hi + 3)]
            )
            beside = (i - 1 in self.dates or i + 1 in self.dates) or (
                i + 1 < len(lines) and READING_TIME.search(lines[i + 1].text) is not None
            )
            plain = "," not in line.text and not rules.ROLE_WORDS.search(line.text)
            if beside and plain and not (repeated or has_bio or role_under):
                beside = not self._used_below(i, first_prose)
            if repeated or has_bio or beside or role_under:
                self._found_author(i, line.text, 0.7 if has_bio else 0.6)

    def _title(self, first_prose: int) -> None:
        """A headline-like line before the body: longer than a label, just above the byline
        or date, close to the body."""
        lines, options = self.lines, self.options
        body = self._body_words(first_prose)
        meta = set(self.roles) | set(self.dates)
        candidates = [
            i
            for i in range(self.title_lo, self.hi)
            if (i < first_prose or self._headline_past_prose(i, first_prose, meta))
            and self._headline_candidate(i)
        ]
        if not candidates:
            # None at all: a headline closing with a full stop may stand over the byline.
            candidates = [
                i
                for i in range(self.title_lo, min(self.hi, first_prose))
                if self._headline_candidate(i, meta)
            ]

        def score(i: int) -> float:
            text = lines[i].text
            value = 0.5 * min(lines[i].words, 10) - abs(first_prose - i)
            overlap = _overlap(text, body)
            value += options.title_overlap_weight * overlap
            if overlap == 0 and _content_words(text):
                value -= options.title_unrelated_penalty  # a tagline, a menu's item
            value -= 0.5 * max(
                0, lines[i].words - options.title_long_words
            )  # a standfirst, a caption
            if i + 1 in meta or i + 2 in meta:
                value += 8
            elif i - 1 in meta and i - 1 >= options.header_date_lines:
                # Under the date line ("12.03.2024 | Press office"), not the site's header date
                # over its masthead.
                value += options.title_under_meta_bonus
            if i >= self.start and lines[i].good and not dated_headline(text):
                # What jusText takes for text is less likely a headline, unless a date opens
                # it ("1. Februar 2022 Ministerin X: ..."), as a list of news writes headlines.
                value -= 4
            if any(lines[j].text != text and text.endswith(lines[j].text) for j in candidates):
                value -= 10  # a breadcrumb ending in the headline: "Home News <headline>"
            dated = text_date(text)
            if (dated and not dated_headline(text)) or len(LIST_SEPARATOR.findall(text)) >= 2:
                value -= 6  # a date or a list of tags is a meta line more often than a headline
            if self._echoed(i):
                value += 3  # the page names it again: a breadcrumb's end, a share text
            if self._over_credit(i):
                value -= 6  # a photo's caption over its credit ("© Jane Doe / Agency")
            if self._over_deck(i, candidates, body):
                value += options.title_over_deck_bonus
                if not {i + 1, i + 2} & meta and {i + 2, i + 3} & meta:
                    value += 8  # the pair stands over the byline or date, the deck nearer
            return value

        # Of lines that score alike, one the page sets twice a few lines apart (its
        # breadcrumb's end, then its heading), else the one nearer the article: the others
        # are menus, taglines and kickers over the headline more often than not.
        self.title = max(
            reversed(candidates), key=lambda i: (score(i), self._set_twice(i)), default=None
        )
        with_meta = [i for i in candidates if {i + 1, i + 2} & meta]
        if (
            self.title is not None
            and self.title not in with_meta
            and len(with_meta) == 1
            and _overlap(lines[with_meta[0]].text, body) > 0
            and not self._under_teasers(with_meta[0])
        ):
            # The one headline with a byline or date under it, though teasers stand nearer
            # the body: the article's header, above a gallery or a "see also" list; unless it
            # shares no word with the article, as another article's teaser or a label does,
            # or stands in a list of teasers.
            self.title = with_meta[0]
            self.title_far = self.title < self.start
        if (
            self.title is None or not {self.title + 1, self.title + 2} & meta
        ) and not self._heads_run(self.title):
            # No headline in the window sits on a byline or date, nor opens the run over its
            # text: the article's own header may stand further up, above a gallery, a share
            # bar or an ad block.
            far = self._title_above()
            if far is not None:
                self.title, self.title_far = far, True
        if (
            self.title is None
            or _overlap(lines[self.title].text, body) < options.title_weak_overlap
        ):
            # Nothing in the window speaks of what the article says: its headline may stand
            # further up, over a gallery or a block of links; the nearest one that does.
            echo = self._title_echoed_above(body)
            if echo is not None:
                self.title, self.title_far = echo, True
        around = self._said_around(self.title, candidates)
        if around is not None:
            # The page sets one headline twice, over and under the line found (its header,
            # then its share title): that line is a kicker or a teaser between.
            self.title, self.title_far = around, around < self.lo
        short = self._short_headline(body)
        if short is not None and self._short_beats(short, meta, body):
            # A headline of one or two words right over the article, whose words the article
            # repeats, beats a line further up that has neither a byline nor a date under it
            # and speaks less of the article: a menu's item, a site's tagline.
            self.title, self.title_far = short, False
        named = self._named_on_page()
        if named is not None:
            # The page names its headline again ("3 thoughts on “Title”", "Give Title 1/5"): its
            # line is the title, and the title says what the page names, a kicker left out.
            quoted = self._line_saying(named)
            if quoted is not None:
                self.title, self.title_far = quoted, quoted < self.lo
            elif self.title is None:
                self.metadata["title"] = Field(named, "named-on-page", 0.8)
                return
        if self.title is None:
            return
        if named is None:
            self.title = self._headline_over_deck(self.title, body)
        line = lines[self.title]
        if self.title == first_prose and line.good and line.text.endswith(("?", "!")):
            # A question or an exclamation opening the article's text may be its first
            # sentence as well as its headline: it is kept in the text.
            self.title_in_text = True
        else:
            self.roles[self.title] = "title"
        title = _crumb_tail(lines[self.title].text) or lines[self.title].text
        title = _RATED.sub("", title) or title  # "Truckwash A31 , 6.0 out of 6 based on 1 rating"
        if dated := dated_headline(title):
            # "23.01.2022 - Dorothea Wierer darf ...": the date is the line's, not the title's.
            self.dates[self.title] = (dated[0], "")
            title = dated[1]
        # The page's own naming of its headline stands; else the line may give it only in part.
        title = named or self._whole_headline(self.title, title, first_prose)
        self.metadata["title"] = Field(title, "text-line", 0.8)
        # A lone name just under the headline is its byline; under a short headline and the
        # article's first paragraph, a subheading ("Spot Charakter").
        for i in (self.title + 1, self.title + 2):
            if i > first_prose and self.title == short:
                break
            if self.author is None and self._free(i) and name_like(lines[i].text):
                self._found_author(i, lines[i].text, 0.5)

    def _whole_headline(self, i: int, title: str, first_prose: int) -> str:
        """The headline as a line near line ``i`` gives it whole: cut short on the title's line
        ("Weihnachten nicht zunehmen: 10 Tipps"), it runs on in a line that also opens with
        a kicker ("Abnehm-Tricks für Weihnachten Weihnachten nicht zunehmen: 10 Tipps für ein
        schlankes Fest"): from where the title starts to that line's end. A line the title
        ends, after a kicker ("Lokales Lübeck So lief die Auktion ...") or a breadcrumb
        ("Durchsuchen: Home » Unbefriedigt"), gives the title without it, when the page also
        sets the headline alone near it."""
        lines = self.lines
        for j in range(max(0, i - _WHOLE_REACH), min(len(lines), i + _WHOLE_REACH + 1)):
            other = lines[j].text.strip()
            if j == i or lines[j].rule is not None or other == title:
                continue
            at = other.find(title)
            if at >= 0 and len(title.split()) >= 3 and (at == 0 or other[at - 1] == " "):
                whole = other[at:]
                if (
                    j < first_prose
                    and lines[j].words <= _WHOLE_WORDS
                    and headline_like(lines[j])
                    and any(ch.isalpha() for ch in whole[len(title) :])  # not "3.17 5 12"
                ):
                    return whole
            elif title.endswith(" " + other) and (
                len(other.split()) >= 3 or title[: -len(other)].rstrip().endswith(_CRUMB_MARKS)
            ):
                return other  # "Lokales Lübeck <headline>", "Home » Unbefriedigt"
        return title

    def _named_on_page(self) -> str | None:
        """The headline as the page names it again: the heading of the article's comments
        quotes it ("3 thoughts on “Title”", "Ein Gedanke zu „Title“"), a star rating's
        buttons name it ("Give Apple Pie 1/5"). None when the page names several, as a blog's
        front page does, with a comments heading under each post."""
        named = {found for line in self.lines if (found := rules.named_title(line.text))}
        return named.pop() if len(named) == 1 else None

    def _line_saying(self, text: str) -> int | None:
        """The line nearest the article's start, from ``title_reach`` lines above the window
        into the run, that says ``text`` and nothing else, and that no rule took (a menu's
        link may name the page too)."""
        wanted, lines = text.casefold(), self.lines
        window = range(max(0, self.title_lo - self.options.title_reach), self.hi)
        found = [
            i
            for i in window
            if lines[i].rule is None and lines[i].text.strip().casefold() == wanted
        ]
        return min(found, key=lambda i: abs(self.start - i), default=None)

    def _headline_candidate(self, i: int, meta: set[int] | None = None) -> bool:
        """Whether line ``i`` of the window may be the headline; one closing with a full stop
        may when it stands over the byline or date (``meta``)."""
        line = self.lines[i]
        return (
            self.title_lo <= i < self.hi
            and (self._free(i) or (i < self.lo and line.rule is None))
            and (
                headline_like(line)
                or _crumbed_headline(line)
                or (meta is not None and self._stopped_headline(i, meta))
                or (meta is not None and self._small_headline(i, meta))
            )
            and not line.template  # a title does not recur across the outlet's articles
            and not _TRUNCATED.search(line.text)
            and not self._under_label(i)
            and not _labelled_value(line.text)
            and not self._in_contents(i)
            and not rules.not_title(line.text)
            and not rules.LINK_ARROW.search(line.text)
            and _people(line) is None
            and not _mostly_date(line)
            and not _EMAIL.search(line.text)
            and "[email protected]" not in line.text  # Cloudflare's hidden address
        )

    def _under_label(self, i: int) -> bool:
        """Whether line ``i`` stands under a label alone on its line ("Cover", "Auteur"): it is
        the label's value."""
        return i > 0 and _label(self.lines[i - 1].text) in FIELD_LABELS

    def _in_contents(self, i: int) -> bool:
        """Whether line ``i`` is an entry of a table of contents: under its heading
        ("Inhalt", "Contents") with only headline-like entries between, one of which the page
        names again further down, as the section it is."""
        lines = self.lines
        for j in range(i - 1, max(-1, i - 16), -1):
            if _label(lines[j].text) in CONTENTS_LABELS:
                entries = {line.text for line in lines[j + 1 : i + 1]}
                return any(line.text in entries for line in lines[i + 1 :])
            if not headline_like(lines[j]):
                return False
        return False

    def _over_deck(self, i: int, candidates: list[int], body: set[str]) -> bool:
        """Whether line ``i`` and the candidate right under it stand alone as a pair, each of a
        few words, the upper one speaking of the article, and no less than the lower one: a
        headline over its deck ("Council sued over cracked paving" over "The city says the
        builder used cheap stone"), the deck nearer the byline. A list of teasers is no pair
        (a third headline stands right above or under them), and a kicker or a teaser over the
        headline speaks less of the article ("BUSINESS ADVICE" over "How to price your first
        product")."""
        least, lines = self.options.title_pair_words, self.lines
        return (
            i + 1 in candidates
            and i - 1 not in candidates
            # A long line under the pair is a caption or a standfirst, not a third headline.
            and (i + 2 not in candidates or lines[i + 2].words >= self.options.title_long_words)
            and lines[i].words >= least
            and lines[i + 1].words >= least
            and 0 < _overlap(lines[i].text, body) >= _overlap(lines[i + 1].text, body)
        )

    def _under_teasers(self, i: int) -> bool:
        """Whether line ``i`` stands in a list of other articles' teasers: two or more of the
        dozen lines above it are cut short with an ellipsis ("Corona-Krise: Rückwurf ins
        Absolute...")."""
        above = self.lines[max(0, i - _TEASER_REACH) : i]
        return sum(line.text.endswith(("...", "…")) for line in above) >= 2

    def _stopped_headline(self, i: int, meta: set[int]) -> bool:
        """A headline closing with a full stop, as blogs write some ("Time to say goodbye."):
        one short sentence right over the byline or date."""
        line = self.lines[i]
        return (
            3 <= line.words <= 12
            and line.text.endswith(".")
            and not line.text.endswith("..")
            and not _new_sentence(line.text)  # "Gut gemacht. Weiter so."; not "Wed. after"
            and line.rule is None
            and headline_like(_ReadAs(line, line.text.rstrip(".")))
            and bool({i + 1, i + 2} & meta)
        )

    def _small_headline(self, i: int, meta: set[int]) -> bool:
        """A headline opening with a name written in small letters ("creditshelf kooperiert
        mit finleap"), which the article writes so too: over the byline or date, it reads as
        one that opens with a capital. A sentence's fragment ("a bridge is closed") opens
        with a word of any text."""
        line = self.lines[i]
        name = line.text.split(maxsplit=1)[0]
        return (
            name.isalpha()
            and name.islower()
            and len(name) >= _STEM_LETTERS
            and 4 <= line.words <= 20
            and bool({i + 1, i + 2} & meta)
            and headline_like(_ReadAs(line, name.capitalize() + line.text[len(name) :]))
            and name in self._body_words(i + 1)
        )

    def _over_credit(self, i: int) -> bool:
        """Whether line ``i`` stands right over a photo's credit or caption line; a whole
        caption closing with its credit ("... Klemmer. Foto: GdP") under a line says nothing
        of that line (it is often the headline over the article's photo)."""
        under = self.lines[i + 1].rule if i + 1 < len(self.lines) else None
        return under is not None and under.name in _CREDIT_RULES and under.id not in _WHOLE_CAPTIONS

    def _short_headline(self, body: set[str]) -> int | None:
        """A headline of one or two words ("Batteriespeicher", "Performant Python") standing
        right over the article (a lower-case label may stand between), whose words the
        article repeats: a menu item seldom is both."""
        for i in (self.start - 1, self.start - 2):
            if i < self.lo or not self._free(i):
                return None
            line = self.lines[i]
            if line.words > 2 or not line.text[:1].islower():
                break
        else:
            return None
        if (
            line.words <= 3
            and not line.template
            and line.text[:1].isupper()
            and not SENTENCE_END.search(line.text.rstrip("!?"))
            and not rules.not_title(line.text)
            and _overlap(line.text, body) >= 0.5
            and not self._under_caption(i)  # "Getty" under "... (Photo: Getty Images)"
        ):
            return i
        return None

    def _under_caption(self, i: int) -> bool:
        """Whether line ``i`` stands right under a photo's caption or credit line."""
        above = self.lines[i - 1].rule if i > 0 else None
        return above is not None and above.name in _CREDIT_RULES

    def _short_beats(self, short: int, meta: set[int], body: set[str]) -> bool:
        """Whether the short headline ``short`` is the title rather than the one found: not
        when the one found stands under the short one, over the byline or date, or right
        under the date ("24.10.2018" over "Glenbrook waits for spring" over "Ring Road", a
        link to the post's video or a label of its first section), nor when the page sets
        the one found twice a few lines apart (its breadcrumb's end, a kicker, the headline).
        """
        title = self.title
        if title is None:
            return True
        if title > short or {title - 1, title + 1, title + 2} & meta:
            return False
        if self._set_twice(title):
            return False  # "COP26 in Glasgow", "UN-Klimakonferenz", "COP26 in Glasgow"
        if _overlap(self.lines[short].text, set(_content_words(self.lines[title].text))) == 1:
            return False  # a topic of the headline found: "Davis Cup" under "Davis Cup Finals..."
        return _overlap(self.lines[title].text, body) < _overlap(self.lines[short].text, body)

    def _headline_past_prose(self, i: int, first_prose: int, meta: set[int]) -> bool:
        """Whether line ``i``, at or past the first line of prose, may still be the headline:
        a question or an exclamation opening the run ("Was kostet ...?" reads as a sentence),
        or a headline right over the byline or date, under what only read as prose: a stray
        sentence ("You are using an older browser."), a headline read as one ("Wir sind dann
        mal weg (und ... Oder?)"), a standfirst."""
        line, options = self.lines[i], self.options
        if i == first_prose and line.words <= 20 and line.text.endswith(("?", "!")):
            return True
        if i == first_prose and line.words <= 20 and _QUOTE_CLOSING_HEADLINE.search(line.text):
            return True  # "Ministra: “Que la justicia investigue”": a quote closes no sentence
        if sum(self.lines[j].words for j in range(first_prose, i)) > options.title_prose_above:
            return False  # deep in the article: a quoted post over its date
        under_date = i - 1 in self.dates or self.roles.get(i - 1) == "date-line"
        if under_date and self._headline_under_date(line):
            return True  # "24. April 2020 | Pressemitteilungen" over "Olafur Eliasson gestaltet..."
        if i + 1 not in meta and (i + 2 not in meta or self.lines[i + 1].words >= 30):
            return False  # a paragraph between: a post's last line over its "Posted by"
        if rules.BYLINE.match(line.text) or _LINK.search(line.text):
            return False  # a byline naming no one, a post linking out
        # A date not opening a headline makes a meta line: "12.11.2021 red Artikel: Drucken".
        return text_date(line.text) is None or dated_headline(line.text) is not None

    def _headline_under_date(self, line: Line) -> bool:
        """Whether ``line``, right under a date line and past what read as prose (a stray
        sentence, "Hier können Sie ... eine Seite empfehlen."; a standfirst and its photo's
        caption over the date), is the headline: a line of a few words saying one thing. A
        caption under the date says two sentences or names its photo's credit."""
        return (
            line.words >= _UNDER_DATE_WORDS
            and not _new_sentence(line.text)
            and _PHOTO_CREDIT.search(line.text) is None
        )

    def _dated_line_under_title(self) -> None:
        """Without a date line, a short line just under the headline that holds a date is the
        post's meta line, however much else it says ("Jana Keller Politik und Gesellschaft 20
        janvier 2020 évaluation , recherche 0 Comment")."""
        if self.title is None or self.dates or self.byline_dates:
            return
        for i in (self.title + 1, self.title + 2):
            if i >= len(self.lines) or i in self.roles:
                continue
            line = self.lines[i]
            if line.rule is not None or line.words > 25 or PROSE_END.search(line.text):
                continue
            if found := text_date(line.text):
                self.dates[i] = (found[0], "")
                return

    def _headline_over_deck(self, i: int, body: set[str]) -> int:
        """The headline over the deck chosen for it: a long line ("Report claims the council
        has known of the rust for years and did nothing about it") right under a shorter
        headline-like one is the deck, which then becomes the standfirst."""
        lines, above = self.lines, i - 1
        if lines[i].words < self.options.title_deck_words or above < 0:
            return i
        line = lines[above]
        if (
            (self._free(above) or above < self.lo)
            and line.rule is None
            and not line.template
            and headline_like(line)
            and 4 <= line.words < lines[i].words
            and not rules.not_title(line.text)
            and not _mostly_date(line)
            and len(LIST_SEPARATOR.findall(line.text)) < 2  # "Artikel , Forschung , Termine"
            and _overlap(line.text, body) > 0  # not a menu: "NEWS FEATURES BEAUTY HEALTH"
        ):
            self.roles[i] = "standfirst"
            self.metadata.setdefault("description", Field(lines[i].text, "text-line", 0.6))
            return above
        return i

    def _lead_paragraph(self, line: Line) -> bool:
        """Whether a standfirst is the article's lead paragraph, kept in its text: a
        paragraph of prose (``lead_paragraph_words`` or more, or two sentences) closing as a
        sentence closes, as German and Spanish sites set their "Vorspann" or "entradilla"
        over the text. A short deck, or any standfirst in a language that sets them as decks
        under the headline (``deck_languages``: English), is only the description."""
        if self.language in self.options.deck_languages or not PROSE_END.search(line.text):
            return False
        return line.words >= self.options.lead_paragraph_words or _new_sentence(line.text)

    def _title_echoed_above(self, body: set[str]) -> int | None:
        """The nearest headline above the window most of whose words (three or more) the
        article repeats."""
        lo = max(-1, self.lo - self.options.title_reach)
        for i in range(self.lo - 1, lo, -1):
            line = self.lines[i]
            if (
                _headline_above(line)
                and len(_content_words(line.text)) >= 3
                and _overlap(line.text, body) >= self.options.title_strong_overlap
            ):
                return i
        return None

    def _used_below(self, i: int, first_prose: int) -> bool:
        """Whether the article's first lines below line ``i`` use most of its words."""
        below = max(first_prose, i + 1)
        text = " ".join(
            line.text for line in self.lines[below : below + self.options.title_body_lines]
        )
        # Word for word: a surname comes back inside other words ("Kaiser" in "Kaisers").
        return _overlap(self.lines[i].text, set(_content_words(text)), compounds=False) >= 0.5

    def _body_words(self, first_prose: int) -> set[str]:
        """The words of the article's first lines: a headline's words come back in them."""
        text = " ".join(
            line.text
            for line in self.lines[first_prose : first_prose + self.options.title_body_lines]
        )
        return set(_content_words(text))

    def _echoed(self, i: int) -> bool:
        """Whether the page repeats line ``i`` elsewhere, away from it: alone on a line, or
        ending a breadcrumb ("Startseite » Politik » <headline>"). A headline is repeated
        that way; a teaser or a caption seldom is; a menu item is, but is no candidate. A
        line of fewer than ``title_echo_words`` words standing twice is a menu's item as often
        ("Who we are" in the header's menu and the footer's), and counts only in a
        breadcrumb."""
        text = self.lines[i].text
        if self._texts is None:
            self._texts = Counter(line.text for line in self.lines)
        if self._texts[text] > 1 and self.lines[i].words >= self.options.title_echo_words:
            return True
        tails = tuple(f"{mark} {text}" for mark in _CRUMB_MARKS)
        return any(line.text.endswith(tails) for line in self.lines if len(line.text) > len(text))

    def _set_twice(self, i: int) -> bool:
        """Whether the page sets line ``i`` again a few lines from it: a headline and its
        breadcrumb's end, a kicker or a teaser between."""
        text, lines = self.lines[i].text, self.lines
        near = range(max(0, i - _TWICE_REACH), min(len(lines), i + _TWICE_REACH + 1))
        return any(lines[j].text == text for j in near if j != i)

    def _said_around(self, i: int | None, candidates: list[int]) -> int | None:
        """The lower of two candidates saying the same, one above line ``i`` and one below it,
        a few lines apart ("Heulage: Besser als ihr Ruf?" twice, a teaser between)."""
        if i is None:
            return None
        text = {j: self.lines[j].text for j in candidates}
        for above in (j for j in candidates if i - 3 <= j < i):
            for below in (j for j in candidates if i < j <= above + 4):
                if text[above] == text[below]:
                    return below
        return None

    def _heads_run(self, i: int | None) -> bool:
        """Whether line ``i`` opens the run with a paragraph of prose right under it: the
        article's own headline over its text or standfirst, whatever stands above the run."""
        return (
            i is not None
            and i == self.start
            and i + 1 < len(self.lines)
            and is_prose(self.lines[i + 1])
        )

    def _title_above(self) -> int | None:
        """The nearest headline-like line above the window with a byline, date or post meta
        line just under it (the date and author it gives are taken too); none when another
        such pair stands just above it, as in a list of teasers."""
        lo = max(-1, self.lo - self.options.title_reach)
        found = self._headline_with_meta(self.lo - 1, lo)
        if found is None:
            return None
        i, j, (iso, author) = found
        if self._headline_with_meta(i - 1, max(lo, i - 12)) is not None:
            return None
        if iso:
            self.dates[j] = (iso, "")
        else:
            self.roles[j] = "author-line" if author else "date-line"
        if author and self.author is None:
            self.author = (author, 0.6)
        return i

    def _headline_with_meta(
        self, top: int, bottom: int
    ) -> tuple[int, int, tuple[str | None, str | None]] | None:
        """Going up from ``top`` to ``bottom`` (excluded): a headline-like line with a byline,
        date or post meta line one or two lines under it, as (headline, meta line, meta)."""
        lines = self.lines
        for i in range(top, bottom, -1):
            if not _headline_above(lines[i]):
                continue
            for j in (i + 1, i + 2):
                if j < len(lines) and (meta := header_meta(lines[j])) is not None:
                    return i, j, meta
        return None

    def _published(self) -> None:
        """Near the byline a date says when; at the very top of the page, when it was crawled
        more often than not (the tagDiv header date)."""
        for i, (iso, _rest) in sorted(self.dates.items()):
            text = self.lines[i].text
            top = i < self.options.header_date_lines and (self.title is None or i < self.title)
            self.roles[i] = "header-date" if top else "date-line"
            if top:
                field = Field(iso, "header-date", 0.2)
            elif rules.PUBLISHED_LABEL.search(text) or _labelled_published(text):
                field = Field(iso, "text-line", 0.8)
            elif rules.UPDATED_LABEL.search(text):
                field = Field(iso, "text-line", 0.5)
            else:
                field = Field(iso, "text-line", 0.7)
            current = self.metadata.get("published")
            if current is None or field.confidence > current.confidence:
                self.metadata["published"] = field
        for i, iso in sorted(self.byline_dates.items()):
            # A byline's date is never the site header's, wherever the byline stands.
            text = self.lines[i].text
            labelled = rules.PUBLISHED_LABEL.search(text) or _labelled_published(text)
            confidence = 0.8 if labelled else 0.5 if rules.UPDATED_LABEL.search(text) else 0.7
            current = self.metadata.get("published")
            if current is None or confidence > current.confidence:
                self.metadata["published"] = Field(iso, "text-line", confidence)

    def _section(self) -> None:
        """A short label right beside the title ("Immigration News")."""
        if self.title is None:
            return
        for i in (self.title + 1, self.title - 1, self.title + 2, self.title - 2):
            if not self.lo <= i < self.hi or i in self.roles or i in self.listed:
                continue
            line = self.lines[i]
            label = line.words <= 4 and not SENTENCE_END.search(line.text) and not line.good
            if label and (line.rule is None or line.rule.name == "navigation"):
                self.roles[i] = "section"
                self.metadata["section"] = Field(line.text, "text-line", 0.5)
                return

    def _body(self, first_prose: int) -> int:
        """Mark the header lines and return the first line of the body.

        The body begins after the last header line found inside the run. What else sits
        there is a standfirst under the title (kept as the description), labels ("Author:")
        or headlines of other articles; Title Case lines between the header and the first
        paragraph are other headlines too.
        """
        lines, start = self.lines, self.start
        body = start
        inside = [i for i in self.roles if start <= i < self.hi]
        if inside:
            last = max(inside)
            if sum(lines[i].size for i in range(start, last) if i not in self.roles) < 400:
                body = last + 1
        for i, reason in self.roles.items():
            lines[i].reason = reason
        standfirst = []
        for line_index in range(start, body):
            line = lines[line_index]
            if line.reason is not None or line.rule is not None:
                continue
            if self.title is not None and line_index > self.title and line.words >= 6:
                standfirst.append(line.text)
                if self._lead_paragraph(line):
                    self.leads.append(line_index)
                else:
                    line.reason = "standfirst"
            else:
                line.reason = "outside-article"
        if standfirst:
            self.metadata["description"] = Field(" ".join(standfirst), "text-line", 0.6)
        above = self.title_far
        for line in lines[max(body, self.listed.stop) : first_prose]:
            headline = line.reason is None and line.rule is None and headline_like(line)
            # With the headline above the run, what heads the run is other articles' headlines
            # (a "see also" list) whatever their case.
            if headline and (nav_like(line) or above) and not PROSE_END.search(line.text):
                line.reason = "outside-article"
        return body
