"""Metadata from the rest of a page's text: author and date elsewhere, outlet, address."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from archiver import rules
from archiver.document import Field
from archiver.metanorm import (
    UI_VERBS,
    is_company_name,
    is_media_group,
    matches_site,
    names_host,
    outlet_from_copyright,
    site_key,
)
from archiver.textmeta.kinds import (
    EDGE_PUNCT,
    SENTENCE_END,
    byline_names,
    date_line,
    date_line_author,
    header_meta,
    headline_like,
    login_like,
    name_like,
    nav_like,
    says_little,
    text_date,
)
from archiver.vocabulary import BY_WORDS, WIRE_SERVICES

if TYPE_CHECKING:
    from archiver.textclean.lines import Line


def page_metadata(
    lines: list[Line],
    lo: int,
    body: int,
    end: int,
    metadata: dict[str, Field],
    header_date_lines: int,
) -> None:
    """The author and date the header did not find, from bylines and date lines elsewhere
    on the page; a byline standing outside the article is removed as one."""
    current = metadata.get("published")
    if current is None or current.source == "header-date":
        found = _page_date(lines, lo, body, end, header_date_lines)
        if found is not None:
            metadata["published"] = Field(found[1], "text-line", 0.5)
        elif current is None and (labelled := _labelled_date(lines)) is not None:
            metadata["published"] = Field(labelled, "text-line", 0.4)
        elif current is None and (dated := _dated_headline(lines, end, header_date_lines)):
            metadata["published"] = Field(dated, "text-line", 0.3)
    if "author" not in metadata:
        byline = _page_author(lines, lo, end) or _far_byline(lines, lo, end)
        if byline is not None:
            metadata["author"] = Field(byline[1], "text-line", 0.5)
            line = lines[byline[0]]
            if line.reason is None and not body <= byline[0] < end:
                line.reason = "author-line"
            if "published" not in metadata and (dated := text_date(line.text)) is not None:
                # "Verfasst von: Jana Keller | 31. Dezember 2008": the byline's date.
                metadata["published"] = Field(dated[0], "text-line", 0.3)


def _labelled_date(lines: Sequence[Line]) -> str | None:
    """The date of the page's first line that says it is the publication date ("Published:
    22:00 GMT, 26 September 2020", "Veröffentlicht am 06.12.2022"), else of a sentence saying
    when the post was posted, wherever they stand: the last resort when no date stands near
    the article."""
    for line in lines:
        if line.words <= 25 and rules.PUBLISHED_LABEL.match(line.text):
            found = text_date(line.text)
            if found is not None and not rules.UPDATED_LABEL.search(line.text[: found[1]]):
                return found[0]
    # Else a blog theme's sentence saying when the post was posted ("This entry was posted on
    # ..."), wherever it stands.
    for line in lines:
        if line.words <= 60 and (match := rules.POSTED_SENTENCE.search(line.text)):
            found = text_date(match["when"] or match["wann"])
            if found is not None:
                return found[0]
    return None


def _dated_headline(lines: Sequence[Line], end: int, header_date_lines: int) -> str | None:
    """The date under a headline that stands alone on the page, wherever it is: a post the
    article run missed ("Coronavirus: the city ramps up ..." over "10 April 2020"). Never one
    of a list of teasers, each with its date (another such pair stands near it), nor a
    reader's comment (under the line that opens the comments after the article)."""
    pairs = []
    for i, line in enumerate(lines):
        if i >= end and line.rule is not None and line.rule.barrier:
            break
        if line.rule is not None or line.template or not headline_like(line) or line.words > 20:
            continue
        if rules.not_title(line.text) or date_line(line) is not None:
            continue
        for j in (i + 1, i + 2):
            if j < len(lines) and j >= header_date_lines and lines[j].rule is None:
                found = date_line(lines[j])
                if found is not None and says_little(lines[j], found[1]):
                    pairs.append((i, found[0]))
                    break
    for k, (i, iso) in enumerate(pairs):
        near = [other for other, _ in pairs[max(0, k - 1) : k + 2] if other != i]
        if all(abs(other - i) > 12 for other in near):
            return iso
    return None


def _far_byline(lines: Sequence[Line], lo: int, end: int) -> tuple[int, str] | None:
    """The last resort: the page's first labelled byline, however far from the article ("am
    23. Januar 2020 von Jana Keller in Allgemeines" over a post the run missed); never a
    reader's, under the line that opens the comments."""
    for i, line in enumerate(lines):
        if i >= end and line.rule is not None and line.rule.barrier:
            break
        if line.rule is not None or line.words > 25 or lo - 60 < i < end + 20:
            continue  # _page_author read those
        dated = date_line(line)
        named = date_line_author(line, dated[1]) if dated and says_little(line, dated[1]) else None
        if named and named[1] > 0.5:
            return i, named[0]
        match = rules.PAGE_BYLINE.match(line.text)
        if match and match["plain"] is None and (name := byline_names(line.text)):
            return i, name  # labelled: "Verfasst von: X", "Autor: X", not a bare "von"
    return None


#: How far from the header window's top a name over a date line is still the byline.
_BYLINE_REACH = 30


def _page_author(lines: Sequence[Line], lo: int, end: int) -> tuple[int, str] | None:
    """(line, names) of a byline in the page's language outside the header: under the
    article ("Gepostet von Katharina Volkwein | Wohnen"), above a gallery, in a post's footer.
    The article's own stretch is searched first, then the lines below it, then above it."""
    order = [*range(lo, min(len(lines), end + 20)), *range(lo - 1, max(-1, lo - 60), -1)]
    for i in order:
        line = lines[i]
        if line.rule is not None or line.words > 25:
            continue
        name = byline_names(line.text)
        if name:
            return i, name
        # A date line naming its author ("Posted on 5. Mai 2020 Author Jane Doe 4 Kommentare"),
        # but only with a label: "Jane Doe · 5. Mai 2020" may be a commenter's, "Original
        # Research 7 April 2020" a section's, "— Jane Doe (@jdoe) May 5, 2020" an embed's.
        dated = date_line(line)
        named = date_line_author(line, dated[1]) if dated and says_little(line, dated[1]) else None
        if named and named[1] > 0.5:
            return i, named[0]
        if i + 1 < len(lines) and lines[i + 1].rule is None:
            # "Autor*in" alone, the names on the next line: "Brit Weirich (Medizinredakteurin)";
            # or a line ending in "von" over them: "10.12.2022 18:27 von".
            last = line.text.split()[-1]
            label = line.text.rstrip(":") + ":" if line.words <= 2 else None
            if last.lower() in BY_WORDS:
                label = last
            name = byline_names(f"{label} {lines[i + 1].text}") if label else None
            if name and name_like(name.split("; ")[0]):  # not a menu's next item
                return i + 1, name
    # A name alone on its line right over a date line, near the article's start: the byline
    # and dateline of a header the run did not start at ("Jana Keller" / "27.04.2020 - 18:50");
    # further down, a reader's comment.
    for i in range(lo, min(len(lines) - 1, end, lo + _BYLINE_REACH)):
        line, under = lines[i], lines[i + 1]
        if line.rule is not None or under.rule is not None or not name_like(line.text):
            continue
        dated = date_line(under)
        if dated is not None and says_little(under, dated[1]) and not name_like(dated[1]):
            return i, line.text
    # An author box: a name alone on its line over the bio or a link to the author's posts.
    for i in [*range(lo, min(len(lines) - 1, end + 40)), *range(lo - 1, max(-1, lo - 60), -1)]:
        if (name := _author_box(lines, i)) is not None:
            return i, name
    # A link to the author's page ("Mehr über Jana Keller").
    for i in order:
        line = lines[i]
        if line.rule is not None or line.words > 8:
            continue
        if (match := rules.AUTHOR_LINK.match(line.text)) is not None:
            who = next(group for group in match.groups() if group)
            if name_like(who):
                return i, who
    return None


def _author_box(lines: Sequence[Line], i: int) -> str | None:
    """The name on line ``i`` when it heads an author box: alone on its line (or a blog's
    login), over a link to the author's other posts ("More Posts", "Alle Beiträge", "View
    author publications"). A line opening with the name is no such sign: "Unsere Themen"
    heads a paragraph that opens "Unsere Themen sind ..." as often as a bio does."""
    line = lines[i]
    if line.rule is not None or i + 1 >= len(lines) or line.words > 5:
        return None
    name = line.text.strip(EDGE_PUNCT)
    if not (name_like(name) or login_like(name)):
        return None
    under = lines[i + 1]
    return name if under.words <= 8 and rules.AUTHOR_POSTS.search(under.text) else None


def _page_date(
    lines: Sequence[Line], lo: int, body: int, end: int, header_date_lines: int
) -> tuple[int, str] | None:
    """(line, ISO date) of the date nearest the article's start that the header did not
    take: a date or meta line in the article's stretch (or just under it), or the date
    opening its first paragraph ("31. Oktober 2023. Die ..."); else the nearest one above it
    (over a gallery or a share bar). Never the page's very top lines (the site header's
    date) nor a copyright line."""
    below = range(lo, min(len(lines), end + 15))
    for i in [*below, *range(lo - 1, max(-1, lo - 40), -1)]:
        line = lines[i]
        if line.rule is not None and line.rule.name != "date-line":
            continue
        opening = text_date(line.text) if body <= i < body + 3 else None
        if opening is not None and opening[1] == 0 and line.words >= 8:
            return i, opening[0]
        if line.words > 30 or i < header_date_lines:
            continue
        if line.rule is None and (meta := header_meta(line)) is not None and meta[0]:
            return i, meta[0]
        date = date_line(line)
        if date is not None and says_little(line, date[1]):
            return i, date[0]
    return None


def _clean_outlet(text: str) -> str:
    return text.strip(EDGE_PUNCT).removeprefix("the ").strip()


def _masthead(line: Line) -> bool:
    """Short, Title Case and no sentence: how a site's name stands at the top or bottom."""
    return (
        line.rule is None
        and line.reason is None
        and 1 <= line.words <= 6
        and not SENTENCE_END.search(line.text)
        and line.text[:1].isupper()
        and nav_like(line)
    )


def outlet_clues(
    lines: Sequence[Line],
    body: int,
    end: int,
    metadata: dict[str, Field],
    host: Field | None = None,
) -> None:
    """Outlet, publisher, republishing and original outlet; the photo caption.

    The outlet is the site that published the page. When its host is known (``host``: from
    the URL given on the command line, or found in the page), the host decides: the outlet is
    the host's readable name when some clue plausibly names it ("The Guardian" for
    theguardian.com), else the host itself. Without a host, the clues decide, most trusted
    first: the masthead when the copyright line names the same company; a disclaimer naming
    the site that carries the article; a masthead that stands both at the top and at the
    bottom of the page; the author's bio; a site's domain written in the page's furniture
    ("For the best Barrons.com experience").

    The holder of a copyright line is the ``publisher``, never the outlet on its own: five
    papers of one group all say "© Hearst Communications". A news agency's copyright is a
    credit.
    """
    clues: list[Field] = []
    copyrights: list[str] = []  # the holders' names as mastheads would write them
    holders: dict[str, str] = {}  # ... and in full: "Riverside Courier Media"
    whole: set[str] = set()  # ... the names that the line does not cut short ("Bundesamt für")
    for line in lines:
        kind = line.rule.name if line.rule is not None else line.reason
        if kind == "disclaimer":
            match = rules.DISCLAIMER_OUTLET.search(line.text)
            if match:
                clues.append(Field(_clean_outlet(match["outlet"]), "disclaimer", 0.7))
                metadata["republished"] = Field("true", "disclaimer", 0.7)
            match = rules.ORIGINAL_OUTLET.search(line.text)
            if match:
                outlet = match["outlet"].strip(EDGE_PUNCT)
                metadata["original_outlet"] = Field(outlet, "disclaimer", 0.7)
                metadata["republished"] = Field("true", "disclaimer", 0.7)
        elif kind == "copyright":
            match = rules.COPYRIGHT_OUTLET.search(line.text)
            name = outlet_from_copyright(match["outlet"]) if match else None
            if name:
                copyrights.append(name)
                holders[name] = outlet_from_copyright(match["outlet"], strip_group=False) or name
                at = line.text.find(name, match.start("outlet"))
                if at >= 0 and rules.COPYRIGHT_NAME_END.match(line.text[at + len(name) :]):
                    whole.add(name)
        elif kind == "author-bio":
            match = rules.BIO_OUTLET.search(line.text)
            if match:
                clues.append(Field(_clean_outlet(match["outlet"]), "author-bio", 0.4))
        elif kind == "photo-caption" and "caption" not in metadata:
            metadata["caption"] = Field(line.text, "text-line", 0.7)

    original = metadata.get("original_outlet")
    if original is not None:
        # Copied along with the article, the original's copyright line names the original.
        copyrights = [c for c in copyrights if site_key(c) != site_key(original.value)]
    for name in copyrights:
        if name.casefold() in WIRE_SERVICES:
            metadata.setdefault("credit", Field(name, "copyright", 0.5))
    copyrights = [c for c in copyrights if c.casefold() not in WIRE_SERVICES]
    if copyrights:
        metadata["publisher"] = Field(holders[copyrights[0]], "copyright", 0.6)

    top = [line for line in lines[: min(body, rules.MASTHEAD_LINES)] if _masthead(line)]
    bottom = [line for line in lines[max(end, len(lines) - rules.MASTHEAD_LINES) :]]
    bottom = [line for line in bottom if _masthead(line)]
    author = metadata["author"].value if "author" in metadata else None
    # A button ("Support The Guardian") or a group's name ("Vox Media") is no masthead.
    top = [line for line in top if line.text != author and _may_be_masthead(line.text)]
    bottom = [line for line in bottom if _may_be_masthead(line.text)]
    mastheads = [
        line for line in top + bottom if any(matches_site(line.text, c) for c in copyrights)
    ]
    if mastheads:
        clues.insert(0, Field(mastheads[0].text, "site-name", 0.8))
    else:
        # Repeated at both ends, but only when one line is: several are a menu and its footer.
        bottom_keys = {site_key(line.text) for line in bottom}
        # A name also looks like one: an outlet's word at its end, or the page's first lines.
        repeated = [
            line
            for line in top
            if site_key(line.text) in bottom_keys
            and line.words >= 2
            and (rules.OUTLET_WORDS.search(line.text) or line in lines[:3])
        ]
        if len({site_key(line.text) for line in repeated}) == 1:
            clues.append(Field(repeated[0].text, "site-name", 0.6))
            mastheads = repeated
    # The page calling itself by the copyright holder's name elsewhere in its furniture
    # ("CNBC Newsletters", "Contact CT Post", "About Examiner" beside "© CNBC LLC"): then
    # the holder's name is the site's, not only the company's. A group's name never is.
    called = _self_references(lines, body, end, [c for c in copyrights if c in whole])
    if called is not None:
        clues.append(Field(called, "site-name", 0.6))
    if host is None:
        host = _domain_clue(lines, body, end)
    if host is not None:
        # A name found anywhere at the page's ends is the host's if it names it; else the host.
        named = [c for c in clues if names_host(c.value, host.value)]
        named += [
            Field(line.text, "site-name", 0.7)
            for line in top + bottom
            if names_host(line.text, host.value, strict=True)
        ]
        named += [Field(c, "copyright", 0.6) for c in copyrights if names_host(c, host.value)]
        if named:
            best = max(named, key=lambda field: field.confidence)
            chosen = Field(best.value, best.source, max(best.confidence, host.confidence))
        else:
            chosen = host
        mastheads = [line for line in top + bottom if site_key(line.text) == site_key(chosen.value)]
        clues = [chosen]
    for line in mastheads:
        line.reason = "site-name"
    for line in bottom:
        if any(site_key(line.text) == site_key(masthead.text) for masthead in mastheads):
            line.reason = "site-name"
    if clues:
        # The highest confidence wins; among equals, the clue listed first.
        metadata["outlet"] = max(clues, key=lambda field: field.confidence)


def host_field(url: Field | str | None, confidence: float) -> Field | None:
    """The outlet as a URL's host ("www.ctpost.com/news/..." -> "ctpost.com"), source ``url``."""
    value = url.value if isinstance(url, Field) else url
    host = urlsplit(value).hostname if value else None
    host = re.sub(r"^www\d*\.", "", host or "")
    return Field(host, "url", confidence) if host else None


def _self_references(
    lines: Sequence[Line], body: int, end: int, copyrights: Sequence[str]
) -> str | None:
    """A copyright holder's name that the page also uses for itself in a short line of its
    furniture, outside the article and the copyright lines."""
    edges = [*lines[: min(body, rules.MASTHEAD_LINES)], *lines[max(end, len(lines) - 30) :]]
    edges = [
        line
        for line in edges
        if line.words <= 8 and not (line.rule is not None and line.rule.name == "copyright")
    ]
    for name in copyrights:
        if is_company_name(name) or not _may_be_masthead(name) or "." in name:
            continue
        if sum(c.isalpha() for c in name) < 3:
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.I)
        if any(pattern.search(line.text) for line in edges):
            return name
    return None


def _may_be_masthead(text: str) -> bool:
    first = text.split()[0].casefold() if text.split() else ""
    return first not in UI_VERBS and not is_media_group(text)


def _domain_clue(lines: Sequence[Line], body: int, end: int) -> Field | None:
    """A site's own domain written in the page's furniture, outside the article: in a
    copyright line ("© 2019 NJ.com", the last one first), else in a browser notice ("For the
    best Barrons.com experience") or alone on a line above the article (a masthead written
    as "TheHill.com"). At the foot of a page a domain alone on its line is more often a link
    to a sister site (a group's list of its papers). Platforms (facebook.com...) never count."""
    top = lines[: min(body, rules.MASTHEAD_LINES)]
    edges = [*top, *lines[max(end, len(lines) - 20) :]]
    # The page's own copyright line is its last; those above may be an ad's or a widget's.
    copyright_lines = [line for line in lines if line.rule and line.rule.name == "copyright"]
    for group in (copyright_lines[::-1], edges):
        for line in group:
            if "." not in line.text:
                continue
            for match in rules.DOMAIN_NAME.finditer(line.text):
                alone = line in top and match.group(0) == line.text.strip(EDGE_PUNCT)
                if group is edges and not (alone or rules.SITE_EXPERIENCE.search(line.text)):
                    continue
                domain = _site_domain(match["domain"])
                if not _is_platform(domain):
                    return Field(domain, "text-line", 0.3)
    return None


def _site_domain(domain: str) -> str:
    """A domain without the subdomains a page's markup may show ("navbar.site.backen.de" ->
    "backen.de"); two labels, or three under a country's "co.uk"-like second level."""
    labels = domain.lower().removeprefix("www.").split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in ("co", "com", "org", "net", "ac", "gov") else 2
    return ".".join(labels[-keep:])


def _is_platform(host: str) -> bool:
    labels = [label for label in host.lower().split(".") if label]
    names = [label for label in labels[:-1] if label not in ("www", "co", "com", "org", "net")]
    return any(name in rules.PLATFORM_NAMES for name in names[-1:])


def page_url(lines: Sequence[Line], title: str | None) -> Field | None:
    """The page's own address written in its text: a labelled line ("URL: ...", "Permalink:
    ...", MediaWiki's "Retrieved from"), the Wayback Machine's copy, a share panel's "Copy this
    link" and the address under it, an address on the page's first line, right above the
    headline, or whose path spells the headline (a share link)."""
    found: list[tuple[float, int, str]] = []
    last = len(lines) - 1
    headline = next((i for i, line in enumerate(lines) if title and line.text == title), None)
    for i, line in enumerate(lines):
        text = line.raw
        if "://" not in text:
            continue
        if match := rules.WAYBACK_URL.search(text):
            found.append((0.8, i, match["url"]))
            continue
        if match := rules.PAGE_URL_LINE.match(text):
            found.append((0.8, i, match["url"]))
            continue
        at_edge = i < 3 or i > last - 3
        if at_edge and (match := rules.EDGE_URL_LINE.match(text)):
            found.append((0.7, i, match["url"]))
            continue
        match = rules.BARE_URL.match(text)
        if match is None:
            continue
        url = match["url"]
        labelled = i > 0 and rules.URL_LABEL_LINE.match(lines[i - 1].text) is not None
        if labelled or i == 0:
            found.append((0.7, i, url))
        elif _is_platform(urlsplit(url).hostname or ""):
            continue
        elif (
            i + 1 == headline
            or (title and _spells(url, title))
            or (i < last and _spells(url, lines[i + 1].text))
        ):
            # Right above the headline, or spelling it (or the line under it, a headline the
            # header did not take): the page's own link.
            found.append((0.6, i, url))
    if not found:
        return None
    confidence, _, url = max(found, key=lambda f: (f[0], -f[1]))
    return Field(url.rstrip(".,;)"), "text-line", confidence)


_SLUG_WORD = re.compile(r"[^\W_]{3,}")


def _spells(url: str, title: str) -> bool:
    """Whether an address's path spells the headline: "/article/New-SUVs-and-electric-
    vehicles-highlight-L-A-14848164.php" for "New SUVs and electric vehicles highlight L.A.
    Auto Show": three of its words or more, most of the headline's first six."""
    path = {w.casefold() for w in _SLUG_WORD.findall(urlsplit(url).path)}
    words = [w.casefold() for w in _SLUG_WORD.findall(title)][:6]
    shared = sum(w in path for w in words)
    return shared >= 3 and shared * 2 >= len(words)


def dateline(line: Line, metadata: dict[str, Field]) -> None:
    """ "Kabul, Afghanistan –", "WASHINGTON (AP) —" opening the first paragraph."""
    match = rules.DATELINE.match(line.text) or rules.CREDIT_OPENING.match(line.text)
    if not match:
        return
    place = match.groupdict().get("place")
    if place and len(place) <= 60:
        metadata["dateline"] = Field(place.strip(" ,"), "text-line", 0.7)
    if match["credit"]:
        metadata["credit"] = Field(match["credit"].strip(), "dateline", 0.6)
