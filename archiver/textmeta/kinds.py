"""What a line of page text is: prose, a headline, a byline, a date line, a post's meta line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from archiver import rules
from archiver.metanorm import clean_author, find_date
from archiver.vocabulary import BY_WORDS, BY_WORDS_MORE, CAPITALISED_NAME_PARTICLES, MONTHS

if TYPE_CHECKING:
    from archiver.textclean.lines import Line

#: Whether the page being read writes numeric dates day first ("03/05/2022" is 3 May), as
#: every language but English does; month first (the American way) otherwise, and while the
#: page's language is not known. Set for each page by :func:`dates_read_as`.
_DAY_FIRST: ContextVar[bool] = ContextVar("day_first", default=False)


#: English as written where the day comes first: Britain, Ireland, Australia, New Zealand,
#: India, South Africa.
_DAY_FIRST_ENGLISH = ("en-gb", "en-ie", "en-au", "en-nz", "en-in", "en-za")


@contextmanager
def dates_read_as(language: str | None) -> Iterator[None]:
    """Read the numeric dates of page text as a page in ``language`` (an ISO 639-1 code or a
    name, "de", "en-GB", "German") writes them, for what runs inside."""
    known = (language or "").strip().lower().replace("_", "-")
    american = known.startswith(("en", "english")) and not known.startswith(_DAY_FIRST_ENGLISH)
    token = _DAY_FIRST.set(bool(known) and not american)
    try:
        yield
    finally:
        _DAY_FIRST.reset(token)


def text_date(text: str) -> tuple[str, int, int] | None:
    """The first date of a line of page text (:func:`metanorm.find_date`), numbers with
    slashes read as the page's language writes them, two-digit years ("19.10.19") too."""
    day_first = _DAY_FIRST.get()
    return find_date(text, month_first=not day_first, day_first=day_first, short_year=True)


# The cleaner's lines have their whitespace collapsed; these patterns read them so.
SPACE = re.compile(r"\s+")
DIGITS = re.compile(r"\d+")
EDGE_PUNCT = " \t\"'“”‘’«»()[]{}-–—|•·:;,.!?…*_"
SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")
PROSE_END = re.compile(r"[.!?…][\"”’)]?\s*$")

# A day of a month without its year ("Nov 19", "19. November"), in a post's meta line.
_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_DAY = re.compile(
    rf"\b(?:{_MONTH_NAME})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}\.?\s+(?:de\s+)?(?:{_MONTH_NAME})\b\.?",
    re.I,
)
LIST_SEPARATOR = re.compile(r"\s[,|/•·>»›]\s")
#: What separates a breadcrumb's parts: "Forum > iPhone > …", "Klima / News / HISTALP / …".
CRUMB = re.compile(r"\s[>»›/]\s")
# Words a Title Case headline leaves in lower case.
MINOR_WORD = re.compile(r"a|an|and|as|at|by|for|from|in|of|on|or|the|to|with|vs")
_NAME_TOKEN = re.compile(r"[\w.'’-]+")
READING_TIME = re.compile(r"\b\d+\s*min(ute)?s?( read)?\b", re.I)


def nav_like(line: Line) -> bool:
    """Menu-like: at most two words, or every word capitalised ("Real Estate Guide")."""
    words = [w for w in line.text.split() if w[:1].isalpha()]
    if len(words) < 3:
        # Chinese and Japanese write no spaces: a line of them is as long as its characters
        # say (``Line.words``), and has no capitals to read.
        return line.words < 3 or line.words == len(line.text.split())
    return all(w[:1].isupper() or MINOR_WORD.fullmatch(w.lower()) for w in words)


def sentence_like(line: Line) -> bool:
    return line.rule is None and line.words >= 8 and bool(PROSE_END.search(line.text))


def is_prose(line: Line) -> bool:
    """A paragraph of running text, as opposed to a headline, label or date."""
    if not line.good or line.rule is not None or line.words < 8:
        return False
    return line.words >= 30 or bool(SENTENCE_END.search(line.text))


#: Quotation marks and brackets a headline may open with: "»Abzocke...«", "„Das wird...“".
OPENING_MARKS = "\"'“‘„‚»«›‹¿¡(["


#: A brand written with a small letter before a capital: "iPhone", "eBay", "iMac 5K".
_BRAND = re.compile(r"[a-z]{1,2}[A-Z]\w*\b")


def headline_like(line: Line) -> bool:
    if not 3 <= line.words <= 30 or len(line.text) > 220:
        return False
    if line.rule or line.text.endswith((",", ";", ":")):
        return False
    if line.text.endswith(("。", "．")):
        return False  # a Chinese or Japanese sentence
    if line.text.endswith(".") and not nav_like(line):
        return False  # a sentence, unless every word is capitalised as in a headline
    opening = line.text.lstrip(OPENING_MARKS)
    if line.text.startswith("« ") and " »" in line.text:
        opening = opening.lstrip()  # French sets its quotation marks apart: "« Il y a ... »"
    first = opening[:1]
    # Scripts without case (Chinese, Arabic, Hebrew...) open a headline with any letter.
    return (
        first.isupper()
        or _BRAND.match(opening) is not None
        or first.isdigit()
        or (first.isalpha() and first == first.lower() == first.upper())
    )


#: German articles opening a heading, never a name's first word.
_GERMAN_ARTICLES = frozenset(("Der", "Die", "Das", "Dem"))


def name_like(text: str) -> bool:
    """Two to five capitalised words that are not a section or outlet ("Arif Ahmadi")."""
    tokens = text.replace(",", " ").split()
    if not 2 <= len(tokens) <= 5 or all(len(token) <= 2 for token in tokens):
        return False  # "Fr It En": a language switcher
    if tokens[0] in _GERMAN_ARTICLES:
        return False  # "Der Turm der Wünsche": a heading; "van der" stays a name's particle
    names = 0
    for token in tokens:
        lower = token.lower()
        if lower in CAPITALISED_NAME_PARTICLES:
            continue
        if lower in rules.NOT_NAME_WORDS or any(ch.isdigit() for ch in token):
            return False
        if not token[:1].isupper() or not _NAME_TOKEN.fullmatch(token):
            return False
        names += 1
    return names >= 2


def single_name(word: str) -> bool:
    return (
        _NAME_TOKEN.fullmatch(word) is not None
        and word[:1].isupper()
        and word.lower() not in rules.NOT_NAME_WORDS
        and not any(ch.isdigit() for ch in word)
    )


def date_line(line: Line) -> tuple[str, str] | None:
    """(ISO date, what else the line says) when the line is mostly a date."""
    if line.words > 16:
        return None
    found = text_date(line.text)
    if not found or line.text[found[1] - 1 : found[1]] == "/":
        return None  # none, or an address's: "blog.example.com/2017/07/15/idea..."
    iso, start, end = found
    rest = line.text[:start] + " " + _without_dates(line.text[end:])
    rest = SPACE.sub(" ", rules.DATE_LINE_FILLER.sub(" ", rest)).strip()
    return iso, rest


def says_little(line: Line, rest: str) -> bool:
    """Whether what a date line says besides its date (``rest``, from :func:`date_line`) is
    little enough for it to be a date or meta line: six words at most, or a list of short
    parts such as a post's categories ("1. Mai 2022 Jana Keller , Katzen , Spielzeug ,
    Ratgeber für Katzen 0"), never a sentence."""
    if len(rest.split()) <= 6:
        return True
    if PROSE_END.search(line.text):
        return False
    found = text_date(line.text)
    separated = len(rules.META_SEPARATOR.findall(line.text)) >= 3  # one is a dated headline's
    if found and found[1] == 0 and separated and _META_AFTER_DATE.match(line.text, found[2]):
        return True  # "28.04.2021 - 07:18 | Quelle: dpa | Lesedauer etwa 4 min. | Vorlesen"
    parts = [
        cleaned
        for part in _raw_parts(line.text)
        if (cleaned := SPACE.sub(" ", rules.DATE_LINE_FILLER.sub(" ", part)).strip())
    ]
    # "Vol. 371", "pp. 260": a citation's numbers; a comment count or a time is the meta's.
    numbered = sum(
        any(ch.isdigit() for ch in part) and not rules.META_PART.match(part) for part in parts
    )
    # Opening the line, the date heads its meta: two parts will do ("26. Mai 2020 von Jana
    # Kategorien: Allgemein | Hinterlasse einen Kommentar").
    opening = found is not None and not _WEEKDAY_LEAD.sub("", line.text[: found[1]]).strip()
    enough = len(parts) >= (2 if opening else 3)
    return enough and numbered <= 1 and all(len(part.split()) <= 5 for part in parts)


#: What may stand before the date that opens a meta line: a weekday, a separator.
_WEEKDAY_LEAD = re.compile(r"\w+,?|[|•·⋅/–—-]", re.I)


#: A separator right after the date that opens a line: what follows is the post's meta.
_META_AFTER_DATE = re.compile(r"(?:\s*,?\s*\d{1,2}[:.]\d\d(?:\s*uhr)?)?\s+[|•·/–—-]\s", re.I)


def _without_dates(text: str, mark: str = " ") -> str:
    """``text`` with the dates it writes replaced by ``mark``: "28. Juli 2019 Author Jane Doe"
    after a first date is the date it was updated, not more that the line says."""
    for _ in range(4):
        found = text_date(text)
        if found is None:
            break
        text = f"{text[: found[1]]}{mark}{text[found[2] :]}"
    return text


def _leading_name(text: str) -> str | None:
    """The name that opens ``text`` (two words, or three as in "Walter von Aachen"), followed
    by other words (categories, a comment prompt)."""
    tokens = text.split()
    for size in (2, 3):
        if len(tokens) > size and name_like(lead := " ".join(tokens[:size])):
            return lead
    return None


def date_line_author(line: Line, rest: str) -> tuple[str, float] | None:
    """(names, confidence) of the author a date line names beside its date, given the
    ``line`` and what :func:`date_line` says it holds besides the date (``rest``): "Von Moritz
    Gathmann am 21. April 2020", "Veröffentlicht: ... | Autor: gnaddrig", "March 10, 2015 by
    Jane Doe", "26. September 2019 Ulrike Stockhausen Schreibe einen Kommentar" (a blog
    theme's meta line, the author's name first after the date)."""
    if not rest:
        return None
    paged = byline_names(line.text) or byline_names(rest, dated=True)
    if paged:
        return paged, 0.6
    meta = meta_line(line)
    if meta is not None and meta[1]:
        # "Autor: jdoe | 5. Mai 2020" says who wrote; "Jane Doe · 5. Mai 2020" only names.
        return meta[1], 0.6 if labelled(line.text, meta[1]) else 0.5
    match = rules.BYLINE.search(rest)
    if match and (name := clean_byline_names(match["who"])):
        return name, 0.6
    for part in _raw_parts(line.text):
        if named := byline_names(part, dated=True):
            return named, 0.6  # "Accueil | Par Jeanne Martin | 30 septembre 2018"
    parts = [part for part in _undated_parts(line.text) if part]
    if not parts:
        return None
    # Else the first thing the line says besides its dates, up to the next separator:
    # "Arne Sjöström | 29. Dezember 2022 | HR-Welt" names Arne Sjöström alone.
    name = clean_byline_names(parts[0])
    if name and name_like(name) and (len(parts) == 1 or len(name.split()) <= 2):
        return name, 0.5
    if lead := _leading_name(parts[0]):
        # "2. Mai 2020 Jane Doe Politik , Kultur": a blog theme's categories follow the name.
        return lead, 0.5
    if len(parts[0].split()) == 1 and login_like(parts[0]):
        return parts[0], 0.5  # "26 Mai, 2008 | jdoe_42 | Kommentare 34"
    return None


def login_like(word: str) -> bool:
    """A blog's login rather than a word of the language: written in mixed case or with
    digits ("HansMeier", "delta_7"), never a plain word ("Berlin", "Politik", "klo") nor one
    in capitals ("FINTECH"), which a date line names as its place, section or time."""
    if not _LOGIN.fullmatch(word) or "." in word or word.lower() in rules.NOT_NAME_WORDS:
        return False
    inner = word[1:]
    # "WoB", "GmbH": an abbreviation is as short as that; a login in camel case is longer.
    camel = any(ch.isupper() for ch in inner) and any(ch.islower() for ch in inner)
    return (camel and len(word) >= 5) or any(ch.isdigit() or ch == "_" for ch in inner)


#: The last word before a name that says the name is the author's: "von", "by", "Autor:".
_AUTHOR_LABEL = re.compile(
    r"(?:^|\s)(?:" + "|".join((*BY_WORDS, *BY_WORDS_MORE, "vom", "di", "de")) + r"|autor(?:in)?|"
    r"author|redaktion|text|texto|tekst|auteur|autore|verfasser(?:in)?)\s*:?\s*$",
    re.I,
)


def labelled(text: str, name: str) -> bool:
    """Whether ``text`` says that ``name`` (from it) is the author's: "von", "by", "Autor:"
    stands right before it."""
    at = text.find(name.split("; ")[0])
    return at > 0 and _AUTHOR_LABEL.search(text[:at]) is not None


def _raw_parts(text: str) -> list[str]:
    """The parts of a date line between its dates and separators, as written."""
    return [part.strip() for part in rules.META_SEPARATOR.split(_without_dates(text, mark=" | "))]


#: A label and its value: "Quelle: dpa", "Kategorie: Politik".
_LABELLED_PART = re.compile(r"^[^\W\d][\w ]{0,30}:\s*\S")


def _undated_parts(text: str) -> list[str]:
    """The parts of a date line between its dates and separators, without filler words nor
    labelled values ("Quelle: dpa" names a source, not the author)."""
    parts = [part for part in _raw_parts(text) if not _LABELLED_PART.match(part)]
    return [SPACE.sub(" ", rules.DATE_LINE_FILLER.sub(" ", part)).strip() for part in parts]


def meta_line(line: Line) -> tuple[str | None, str | None] | None:
    """(ISO date, author) when a line is a post's meta line, either possibly None: the date,
    author, category, comment count and reading time that blogs and CMSs print under the
    headline ("October 12, 2018 / 0 Comments / in Jeongdong Promotion / by jdadmin",
    "Marco Kratzenberg, 01. Dez. 2017, 12:01 Uhr 3 min Lesezeit", "Lesedauer etwa 2 Min",
    "Von Fiona Bornhöft und Mariam Hofbeck"). None when some part of the line is not one."""
    if line.rule is not None or line.words > 30 or not rules.META_HINT.search(line.text):
        return None
    text = line.text
    iso = None
    found = text_date(text)
    if found:
        iso = found[0]
        while found:  # "2. Februar 2020 2. Februar 2020": published and updated, both
            _, start, end = found
            text = f"{text[:start]} | {text[end:]}"
            found = text_date(text)
    else:
        # "29 / Dezember / 2022": a date written with separators between its parts.
        collapsed = " ".join(rules.META_SEPARATOR.sub(" ", text).split())
        whole = text_date(collapsed)
        if whole and whole[1] == 0 and whole[2] == len(collapsed):
            return whole[0], None
    # "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM": days without a year are meta too.
    text, days = _MONTH_DAY.subn(" | ", text)
    author = None
    names: list[str] = []
    strong = iso is not None or days > 0
    weak = 0
    listing = False  # after "Tags:" or "Kategorien:", the parts are its items
    for part in rules.META_SEPARATOR.split(text):
        part = part.strip(EDGE_PUNCT + "/@~")
        if not part:
            continue
        if listing and len(part.split()) <= 4 and not rules.META_HINT.search(part):
            weak += 1  # "Tags: Abendhimmel , Gegenlicht , Silhouette"
            continue
        byline = rules.META_BYLINE.match(part)
        if byline:
            who = byline["who"] or byline["who2"]
            name = clean_byline_names(who)
            if name is None and len(who.split()) == 1 and who[:1].isalnum():
                name = who  # "by jdadmin": a blog's login is still who wrote it
            if name is None and rules.ROLE_ONLY.fullmatch(who.strip(EDGE_PUNCT)):
                name = who.strip(EDGE_PUNCT)  # "Autor: Die Redaktion": the newsroom wrote it
            if name is None:
                return None
            author = author or name
            strong = True
        elif rules.META_WEAK_PART.match(part):
            weak += 1
            listing = True
        elif rules.META_PART.match(part) or not rules.META_TOKENS.sub(" ", part).strip():
            strong = True
        elif name_like(part := rules.NAME_TAIL_FILLER.sub("", part)):
            names.append(part)  # "Sara Zinnecker Stand: 05. Februar 2020"
        else:
            return None
    if not strong:
        return None  # a category alone ("In the courtroom") may be a subheading
    if author is None and names and (iso or weak or strong):
        author = names[0]  # "Marco Kratzenberg, 01. Dez. 2017": the name beside the date
    return iso, author


def dated_headline(text: str) -> tuple[str, str] | None:
    """(ISO date, headline) for a headline that opens with its date: "23.01.2022 - Dorothea
    Wierer darf beim Antholz-Abschluss noch jubeln", "1. Februar 2022 Bundesministerin ..."."""
    found = text_date(text)
    if not found or found[1] != 0:
        return None
    rest = text[found[2] :].lstrip(" -–—|:,·•/")
    return (found[0], rest) if len(rest.split()) >= 4 and rest[:1].isupper() else None


def header_meta(line: Line) -> tuple[str | None, str | None] | None:
    """(ISO date, author) of a byline, a date line or a post's meta line; None for others."""
    if line.rule is not None:
        return None
    match = rules.BYLINE.match(line.text)
    if match and line.words <= 12 and (name := clean_byline_names(match["who"])):
        return None, name
    found = date_line(line)
    if found and says_little(line, found[1]):
        return found[0], None
    return meta_line(line)


def clean_byline_names(who: str) -> str | None:
    """A byline's names ("Jane Doe; John Roe"), when they look like people's names.

    :func:`metanorm.clean_author` strips "By", roles, bios, handles and dates; a line of page
    text is only a byline when what is left looks like names, so the names are taken while
    they do and the first that does not (an agency, a phrase) ends them.
    """
    cleaned = clean_author(who)
    if not cleaned:
        return None
    parts = cleaned.split("; ")
    names = []
    for part in parts:
        if not name_like(part):
            break
        names.append(part)
    if not names and len(parts) == 1 and single_name(parts[0]):
        names = parts  # "By Regan": a blog's one-word author
    return "; ".join(names) if names else None


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")

#: A blog's login standing for its author's name: "uriebe", "Herr_Rein", "fri.juli".
_LOGIN = re.compile(r"[^\W\d_][\w.\-]{2,29}")


def byline_names(text: str, *, dated: bool = False) -> str | None:
    """The names of a byline in the page's language, cut where they end: "Von Heike Buchter
    am 3. Mai" -> "Heike Buchter", "Geschrieben von Cooper am 25.08.2015" -> "Cooper".

    A labelled byline ("Publiziert am 13. Januar 2014 von uriebe") may name a blog's login;
    so may a bare "von"/"by" when the line is a date line (``dated``: "6. Dezember 2022 von
    Fatima in Gefühle"); elsewhere a bare one needs a full name ("von Berlin" names nobody).
    """
    match = rules.PAGE_BYLINE.match(text.lstrip("-–—•·|>» "))  # "---- by Kenneth Surin"
    if match is None:
        return None
    who = match["who"] or match["who2"] or match["who3"] or match["plain"]
    who = rules.BYLINE_NAME_END.sub("", who).strip(EDGE_PUNCT)
    labelled = match["plain"] is None or dated
    name = clean_byline_names(who)
    if name and (labelled or name_like(name.split("; ")[0])):
        return name
    if not labelled:
        return None
    if _CJK.search(who):
        # "责任编辑：孔德明": a Chinese name is two to four characters, a longer run a phrase.
        return who if _CJK_NAME.fullmatch(who) else None
    if _LOGIN.fullmatch(who) and who.lower() not in rules.NOT_NAME_WORDS:
        return who
    return None


def site_name(line: Line) -> bool:
    """A short Title Case name ending like an outlet's ("The World News")."""
    return (
        line.words <= 5
        and not SENTENCE_END.search(line.text)
        and bool(rules.OUTLET_WORDS.search(line.text))
        and all(w[:1].isupper() or MINOR_WORD.fullmatch(w.lower()) for w in line.text.split())
    )


def is_meta(line: Line) -> bool:
    """A byline ("By Jane Doe", a lone "By") or a bare date line."""
    if line.rule is not None:
        return False
    match = rules.BYLINE.match(line.text)
    if line.text.lower() in ("by", "by:") or (
        match is not None and line.words <= 12 and match["who"][:1].isupper()
    ):
        return True
    date = date_line(line)
    return date is not None and not date[1]
