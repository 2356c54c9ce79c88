"""jusText on lines: each line a paragraph, classified good or bad in context."""

from __future__ import annotations

import re
from collections.abc import Sequence

from justext.core import PathInfo, classify_paragraphs, revise_paragraph_classification
from justext.paragraph import Paragraph

from archiver.textclean.lines import Line, count_chars
from archiver.textclean.options import CleanOptions

# Every line is a <p> to jusText: a heading flag would pull menu items in above the article,
# and headlines are found separately.
_PARAGRAPH_PATH = PathInfo().append("body").append("p").dom

# Chinese and Japanese write no spaces, so stop-word density is measured in characters: the
# share of hiragana (Japanese particles and endings) and of the commonest Chinese function
# characters, which is high in running text and low in menus of nouns.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_UNSPACED_FUNCTION = re.compile(
    r"[\u3040-\u309f的了是在和有我他她这那也就不都一个们来到说要会对与为而及被从之其]"
)


# Running Chinese text has about one function character in eight (measured on news pages:
# 0.04 to 0.25 a paragraph), under half the stop-word density of a European language's prose;
# the share is scaled up to be read against the same thresholds. Menus of nouns have none.
_UNSPACED_DENSITY_SCALE = 2.5


class _LineParagraph(Paragraph):
    """A jusText paragraph made from one line, its text computed once.

    jusText's own ``Paragraph.text`` re-joins and re-normalises on every access, and its
    context pass reads it inside a loop: that alone made cleaning twenty times slower.
    """

    def __init__(self, line: Line, unspaced_page: bool):
        # Paragraph.__init__ only wants the DOM path, which a line does not have.
        self.dom_path = _PARAGRAPH_PATH
        self.xpath = ""
        self.text_nodes = [line.text]
        self.chars_count_in_links = 0
        self.tags_count = 0
        self.class_type = ""
        self._text = line.text
        self._words = line.words
        self._size = line.size
        self._unspaced_page = unspaced_page

    @property
    def text(self) -> str:
        return self._text

    @property
    def words_count(self) -> int:
        return self._words

    def __len__(self) -> int:
        # jusText's length thresholds, in Latin characters.
        return self._size

    def stopwords_density(self, stopwords: frozenset[str]) -> float:
        if self._unspaced_page:
            unspaced = count_chars(UNSPACED, self._text)
            if unspaced * 2 > len(self._text):
                share = count_chars(_UNSPACED_FUNCTION, self._text) / unspaced
                return min(1.0, share * _UNSPACED_DENSITY_SCALE)
        return super().stopwords_density(stopwords)


def classify(
    lines: Sequence[Line], stoplist: frozenset[str], unspaced: bool, options: CleanOptions
) -> None:
    """Mark each line good or bad with jusText, rule and template lines forced bad."""
    paragraphs = [_LineParagraph(line, unspaced) for line in lines]
    if stoplist or unspaced:
        low, high = options.stopwords_low, options.stopwords_high
    else:
        low = high = 0.0  # no stoplist fits the language: length alone decides
    classify_paragraphs(
        paragraphs,
        stoplist,
        length_low=options.length_low,
        length_high=options.length_high,
        stopwords_low=low,
        stopwords_high=high,
    )
    for line, paragraph in zip(lines, paragraphs, strict=True):
        if line.rule or (line.template and line.words < options.template_max_words):
            paragraph.cf_class = "bad"
    # jusText's context pass looks for each short paragraph's nearest neighbours one step at
    # a time, which is quadratic in a menu of a thousand short lines. Consecutive short lines
    # all get the same answer, so one stands for each run and passes its class on.
    runs: list[list[_LineParagraph]] = []
    for paragraph in paragraphs:
        if paragraph.cf_class == "short" and runs and runs[-1][0].cf_class == "short":
            runs[-1].append(paragraph)
        else:
            runs.append([paragraph])
    for segment in _segments([run[0] for run in runs]):
        revise_paragraph_classification(segment, options.max_heading_distance)
    for run in runs:
        for paragraph in run[1:]:
            paragraph.class_type = run[0].class_type
    for line, paragraph in zip(lines, paragraphs, strict=True):
        line.textlike = paragraph.cf_class
        line.good = paragraph.class_type == "good"


def _segments(
    paragraphs: list[_LineParagraph], size: int = 200, limit: int = 400
) -> list[list[_LineParagraph]]:
    """Cut a long page into pieces jusText's context pass can take one at a time.

    A good or bad paragraph keeps its class and every neighbour search stops at it, so
    cutting there (the paragraph ending one piece and starting the next) changes nothing.
    Only a stretch of ``limit`` paragraphs with no such wall, which no real page has, is cut
    anyway, to keep the pass from going quadratic.
    """
    pieces, begin = [], 0
    for i, paragraph in enumerate(paragraphs):
        wall = paragraph.cf_class in ("good", "bad")
        if (wall and i - begin >= size) or i - begin >= limit:
            pieces.append(paragraphs[begin : i + 1])
            begin = i
    pieces.append(paragraphs[begin:])
    return pieces
