"""The cleaner's passes, in the order they run: ``CLEAN_PASSES`` for a page's plain text,
``EXTRACTED_PASSES`` for an HTML extractor's output.

Each pass reads and marks the page's lines (a rule matched, jusText's verdict, the reason a
line is removed) or its metadata; later passes see what earlier ones marked.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from archiver import rules
from archiver.document import Extraction, Field, RemovedLine
from archiver.language import word_count
from archiver.textclean.classify import UNSPACED, classify
from archiver.textclean.language import choose_stoplist, detect_language
from archiver.textclean.lines import Line, close_gaps, count_chars, split_lines, template_key
from archiver.textclean.options import DEFAULT_OPTIONS, CleanOptions
from archiver.textclean.rulematch import match_rule
from archiver.textclean.shape import (
    anchor,
    article_run,
    author_bio,
    dated_teasers,
    fact_box,
    ingredients_above,
    numbered_list,
    opening_under_header,
    prose_before,
    related_blocks,
    sponsored_blocks,
    trailing_list,
)
from archiver.textmeta import Header, dateline, host_field, outlet_clues, page_metadata, page_url
from archiver.textmeta.kinds import dates_read_as, site_name

EXTRACTOR = "archiver-text"
EXTRACTOR_VERSION = "1"


@dataclass
class Page:
    """What the passes share: the page's lines, what the caller said about it, what is found.

    ``start`` and ``end`` bound the article run ([start, end), empty when none was found);
    ``body`` is the first line after the article's header.
    """

    lines: list[Line]
    options: CleanOptions = DEFAULT_OPTIONS
    text: str = ""
    language: str | None = None
    template: Mapping[str, int] | None = None
    url: str | None = None
    metadata: dict[str, Field] = field(default_factory=dict)
    start: int = 0
    end: int = 0
    body: int = 0
    bylines: set[str] = field(default_factory=set)
    title_in_text: bool = False  # the headline's line is kept: it opens the text too
    leads: list[int] = field(default_factory=list)  # the header's lead paragraphs: kept
    listed: range = range(0)  # lines of the run that are never header: a recipe's ingredients
    notes: list[str] = field(default_factory=list)
    stoplist: frozenset[str] = frozenset()  # jusText's, for the page's language
    unspaced: bool = False  # mostly Chinese or Japanese: densities are read in characters

    @property
    def has_run(self) -> bool:
        return self.end > self.start

    def copy(self) -> Page:
        """A page whose lines and findings can be marked without touching this one's."""
        return replace(
            self,
            lines=[copy.copy(line) for line in self.lines],
            metadata=dict(self.metadata),
            bylines=set(self.bylines),
            notes=list(self.notes),
            leads=list(self.leads),
        )


Pass = Callable[[Page], None]


# --- Marking lines ---------------------------------------------------------------------------


def match_rules(page: Page) -> None:
    """Each line's first boilerplate rule, if any (:mod:`archiver.rules`)."""
    for line in page.lines:
        line.rule = match_rule(line)


def match_rules_after_extraction(page: Page) -> None:
    """The same, without the rules an HTML extractor's choice makes wrong there."""
    for line in page.lines:
        rule = match_rule(line)
        line.rule = None if rule is None or rule.name in rules.NOT_AFTER_EXTRACTION else rule


def mark_template(page: Page) -> None:
    """Lines that recur in the outlet's other articles."""
    if not page.template:
        return
    for line in page.lines:
        if page.template.get(template_key(line.text), 0) >= page.options.template_min_count:
            line.template = True


def take_sponsored_teasers(page: Page) -> None:
    """The teasers under a "Sponsored content" header go with it."""
    sponsored_blocks(page.lines, page.options)


def read_language(page: Page) -> None:
    """The page's language (unless the caller gave it) and the jusText stoplist that fits."""
    if not page.lines:
        return
    page.unspaced = count_chars(UNSPACED, page.text) * 10 > len(page.text)
    detected = None if page.language else detect_language(page.lines)
    if detected is not None:
        page.metadata["language"] = detected
    code = detected.value if detected is not None else None
    page.stoplist = choose_stoplist(
        page.lines, page.language, page.options, code, unspaced=page.unspaced
    )


def classify_lines(page: Page) -> None:
    """jusText's verdict on each line, with the page's stoplist."""
    if page.lines:
        classify(page.lines, page.stoplist, page.unspaced, page.options)


def mark_repeated_lines(page: Page) -> None:
    """Lines whose words recur through the page (a photo story's captions), unless the
    page's text is nothing else: then the article is what repeats."""
    counts = Counter(line.text for line in page.lines)
    repeated = [
        counts[line.text] >= page.options.repeated_line
        and line.words >= page.options.repeated_line_words
        for line in page.lines
    ]
    if any(line.good and not flag for line, flag in zip(page.lines, repeated, strict=True)):
        for line, flag in zip(page.lines, repeated, strict=True):
            line.repeated = flag


def find_article_run(page: Page) -> None:
    """The densest run of text, moved up to its headline (never to the last of a list of
    dated teasers), cut above such a list when it ran into one after the article, and
    extended over a list or an event's box of facts closing it."""
    page.start, page.end = article_run(page.lines, page.options)
    if page.has_run:
        page.start = anchor(page.lines, page.start, page.end)
        teasers = dated_teasers(page.lines, page.start, page.end, page.options)
        page.end = max(page.start + 1, teasers)
        page.end = fact_box(page.lines, trailing_list(page.lines, page.end), page.options)
        page.end = numbered_list(page.lines, page.end, page.options)
        heading = ingredients_above(page.lines, page.start, page.options)
        page.listed, page.start = range(heading, page.start), heading
    page.body = page.start


def read_header(page: Page) -> None:
    """Title, byline, dates and section around the run's start; the body begins after them."""
    if not page.has_run:
        return
    header = Header(
        page.lines,
        page.start,
        page.end,
        page.metadata,
        page.options,
        listed=page.listed,
        language=_language_code(page),
    )
    page.body = header.read()
    page.bylines = set(header.bylines)
    page.title_in_text = header.title_in_text
    page.leads = header.leads


def find_page_metadata(page: Page) -> None:
    """The author and date the header did not find, from elsewhere on the page."""
    if page.has_run:
        lo = max(0, page.start - page.options.header_window)
        page_metadata(
            page.lines, lo, page.body, page.end, page.metadata, page.options.header_date_lines
        )


def take_author_bio(page: Page) -> None:
    """The author's bio closing the article."""
    if not page.has_run:
        return
    names = set(page.bylines)
    if "author" in page.metadata:
        names.update(page.metadata["author"].value.split("; "))
    author_bio(page.lines, page.body, page.end, names, page.options)


def find_page_url(page: Page) -> None:
    """The page's own address written in its text."""
    title = page.metadata["title"].value if "title" in page.metadata else None
    found = page_url(page.lines, title)
    if found is not None:
        page.metadata["url"] = found


def find_outlet(page: Page) -> None:
    """Outlet, publisher, republishing and caption; the masthead lines are marked."""
    host = host_field(page.url, 0.5) or host_field(page.metadata.get("url"), 0.4)
    outlet_clues(page.lines, page.body, page.end, page.metadata, host)


def take_related_lists(page: Page) -> None:
    """Inside the article, the headlines listed under a "Related" header."""
    related_blocks(page.lines, page.body, page.end)


def name_reasons(page: Page) -> None:
    """Every line not yet placed: its rule's category, the site's template, or outside the
    article (the site's name when it stands alone at either end)."""
    lines, options = page.lines, page.options
    for i, line in enumerate(lines):
        if line.reason is not None:
            continue
        inside = page.body <= i < page.end
        if line.rule is not None:
            line.reason, line.rule_id = line.rule.name, line.rule.id
        elif line.template and not (inside and line.words >= options.template_max_words):
            line.reason = "site-template"
        elif line.repeated:
            line.reason = "repeated-line"
        elif not inside:
            at_edge = i in (0, len(lines) - 1)
            line.reason = "site-name" if at_edge and site_name(line) else "outside-article"


def keep_prose_before_article(page: Page) -> None:
    """The article's paragraphs left above its run or its body (a standfirst, a lead
    paragraph the header found, an opening paragraph cut off by a share bar or a box of links,
    a terse opening sentence under the byline) are kept."""
    above = prose_before(page.lines, page.start, page.options)
    for i in [*above, *page.leads, *opening_under_header(page.lines, page.start)]:
        if page.lines[i].reason == "outside-article":
            page.lines[i].reason = None


def name_rule_reasons(page: Page) -> None:
    """Every line a rule matched is removed under its category (no shape is read)."""
    for line in page.lines:
        if line.rule is not None:
            line.reason, line.rule_id = line.rule.name, line.rule.id


def take_repeated_title(page: Page) -> None:
    """The headline repeated in the article (a breadcrumb, a gallery)."""
    if "title" in page.metadata and not page.title_in_text:
        for line in page.lines:
            if line.reason is None and line.text == page.metadata["title"].value:
                line.reason = "title"


#: Under this many words kept, the page had no article run (a paywalled teaser, a list, a
#: page of short lines) and the fallback keeps what is not known boilerplate.
FEW_WORDS = 5
#: Where a line may come from when the fallback keeps it: not a rule's, a header's or a
#: template's line.
_FALLBACK_REASONS = (None, "outside-article", "section", "site-name")


def keep_text_when_no_article(page: Page) -> None:
    """Keep the page's text-like lines that no rule took, or failing those every such line,
    when the article kept has almost no words; say so (the note goes into the article's
    ``reading`` field)."""
    if word_count(" ".join(line.text for line in page.lines if line.reason is None)) >= FEW_WORDS:
        return
    free = [line for line in page.lines if line.rule is None and line.reason in _FALLBACK_REASONS]
    textlike = [line for line in free if line.textlike in ("good", "neargood")]
    chosen = textlike if word_count(" ".join(line.text for line in textlike)) >= FEW_WORDS else free
    if not chosen:
        return
    for line in chosen:
        line.reason = None
    page.notes.append(
        "no run of article text was found, so the lines that look like text and are no "
        "known boilerplate were kept"
    )


def find_dateline(page: Page) -> None:
    """ "KABUL, Afghanistan –" opening the first line kept."""
    kept = next((line for line in page.lines if line.reason is None), None)
    if kept is not None:
        dateline(kept, page.metadata)


def tidy_author(page: Page) -> None:
    """The author's names without the words the byline wrapped them in ("von", "Kommentare")."""
    author = page.metadata.get("author")
    if author is None or author.source != "text-line":
        return
    names = rules.AUTHOR_TAIL.sub("", rules.AUTHOR_HEAD.sub("", author.value)).strip()
    if not names:
        del page.metadata["author"]
    elif names != author.value:
        page.metadata["author"] = Field(names, author.source, author.confidence)


def find_site_name(page: Page) -> None:
    """The site's name removed from the page's first or last line."""
    lines = page.lines
    for i in (0, len(lines) - 1):
        if lines and lines[i].reason == "site-name":
            page.metadata.setdefault("site_name", Field(lines[i].text, "text-line", 0.3))


def report_disclaimers(page: Page) -> None:
    """Republishing and the outlet, from the disclaimers the rules removed."""
    disclaimers = [line for line in page.lines if line.reason == "disclaimer"]
    outlet_clues(disclaimers, len(disclaimers), len(disclaimers), page.metadata, host=None)


def keep_original_credits(page: Page) -> None:
    """A credit naming the original ("Originally published on Live Science.") is kept: in
    HTML it stands inside the article, where provenance reads it and annotators count it."""
    for line in page.lines:
        if line.reason == "disclaimer" and rules.ORIGINAL_OUTLET.search(line.text):
            line.reason = line.rule_id = None


# --- The pipelines ---------------------------------------------------------------------------

#: The passes that read the page alone, before its outlet's template or its address is
#: looked at: a page cleaned again with its outlet's template starts from what they found.
READING_PASSES: tuple[Pass, ...] = (match_rules, take_sponsored_teasers, read_language)

#: How a page's plain text is cleaned, pass by pass.
CLEAN_PASSES: tuple[Pass, ...] = (
    *READING_PASSES,
    mark_template,
    classify_lines,
    mark_repeated_lines,
    find_article_run,
    read_header,
    find_page_metadata,
    take_author_bio,
    find_page_url,
    find_outlet,
    take_related_lists,
    name_reasons,
    keep_prose_before_article,
    take_repeated_title,
    keep_text_when_no_article,
    find_dateline,
    find_site_name,
    tidy_author,
)

#: How an HTML extractor's output is cleaned: by the rules alone, since the extractor already
#: chose the article, and its short lines (subheadings, list items) would look like a menu's.
EXTRACTED_PASSES: tuple[Pass, ...] = (
    match_rules_after_extraction,
    take_sponsored_teasers,
    name_rule_reasons,
    report_disclaimers,
    keep_original_credits,
)


def run(page: Page, passes: Sequence[Pass]) -> Extraction:
    """Run the passes over the page; the lines left without a reason are the article."""
    run_passes(page, passes)
    kept = [line for line in page.lines if line.reason is None]
    language = _language_code(page)
    return Extraction(
        text="\n\n".join(close_gaps(line.raw, language) for line in kept),
        removed=[
            RemovedLine(line.lineno, line.raw, line.reason, line.rule_id)
            for line in page.lines
            if line.reason
        ],
        metadata=page.metadata,
        extractor=EXTRACTOR,
        extractor_version=EXTRACTOR_VERSION,
        linenos=[line.lineno for line in kept],
        notes=page.notes,
    )


def run_passes(page: Page, passes: Sequence[Pass]) -> None:
    """Run the passes over the page. Once the page's language is known, numeric dates are
    read the way it writes them."""
    for step in passes:
        with dates_read_as(_language_code(page)):
            step(page)


def _language_code(page: Page) -> str | None:
    if page.language:
        return page.language
    detected = page.metadata.get("language")
    return detected.value if detected is not None else None


def clean_text(
    text: str,
    *,
    language: str | None = None,
    template: Mapping[str, int] | None = None,
    url: str | None = None,
    options: CleanOptions = DEFAULT_OPTIONS,
) -> Extraction:
    """Split a page's visible text into the article and the boilerplate around it.

    ``text`` has one block per line. ``language`` (ISO 639-1 code or jusText stoplist name)
    picks the stoplist; without it the page's own words decide. ``template`` maps
    :func:`template_key` of a line to how many other articles of the same outlet contain it.
    ``url`` is where the page was fetched, if known: its host decides the outlet (else an
    address the page gives for itself does). Every non-blank line is either kept or listed
    in ``removed`` with the reason it was removed and the id of the rule that removed it.
    """
    page = _read(text, language, options)
    page.template, page.url = template, url
    return run(page, CLEAN_PASSES[len(READING_PASSES) :])


#: The last page read (:data:`READING_PASSES`), by (text, language, options): ``add`` cleans
#: a page once to learn its outlet, then again with the outlet's template, and the rules,
#: the language and the stoplist (most of the cleaning's time) are the same both times.
_last_read: dict[tuple[str, str | None, CleanOptions], Page] = {}


#: A page longer than this (a news page is a few tens of thousands) is read again rather
#: than kept: the lines of the longest pages the limits let in take a hundred megabytes.
REMEMBERED_PAGE_CHARS = 200_000


def _read(text: str, language: str | None, options: CleanOptions) -> Page:
    """The page as the reading passes leave it, a copy of the one read last when it was this
    page."""
    key = (text, language, options)
    read = _last_read.get(key)
    if read is not None:
        return read.copy()
    read = Page(split_lines(text), options, text=text, language=language)
    run_passes(read, READING_PASSES)
    _last_read.clear()
    if len(text) > REMEMBERED_PAGE_CHARS:
        return read
    _last_read[key] = read
    return read.copy()


def clean_extracted(text: str, *, options: CleanOptions = DEFAULT_OPTIONS) -> Extraction:
    """Remove the boilerplate lines an HTML extractor left in its output, by the rules alone.

    What the rules catch (comment prompts, "Loading comments...", share lines, disclaimers,
    sponsored teasers...) is listed in ``removed`` with line numbers in ``text``; disclaimers
    give ``republished``, ``original_outlet`` and the outlet, as in :func:`clean_text`.
    """
    return run(Page(split_lines(text), options, text=text), EXTRACTED_PASSES)
