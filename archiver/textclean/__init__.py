"""Clean a scraped page's plain text: keep the article, say why every other line went.

The cleaner is a pipeline of named passes over the page's lines, listed in order in
:mod:`archiver.textclean.pipeline` (``CLEAN_PASSES``; ``EXTRACTED_PASSES`` for an HTML
extractor's output). Its parts:

- :mod:`~archiver.textclean.lines`: the line model, and the key of a line in a template;
- :mod:`~archiver.textclean.rulematch`: the first rule of :mod:`archiver.rules` a line matches;
- :mod:`~archiver.textclean.language`: the page's language and jusText stoplist;
- :mod:`~archiver.textclean.classify`: jusText's verdict on each line;
- :mod:`~archiver.textclean.shape`: the article run and the blocks around it;
- :mod:`archiver.textmeta`: the title, byline, dates, outlet and address the lines give.
"""

from archiver.textclean.lines import Line, split_lines, template_key
from archiver.textclean.options import DEFAULT_OPTIONS, CleanOptions
from archiver.textclean.pipeline import (
    CLEAN_PASSES,
    EXTRACTED_PASSES,
    EXTRACTOR,
    EXTRACTOR_VERSION,
    clean_extracted,
    clean_text,
)
from archiver.textclean.rulematch import match_rule

# The names the tests of the single-module cleaner used.
_split = split_lines
_match_rule = match_rule

__all__ = [
    "CLEAN_PASSES",
    "DEFAULT_OPTIONS",
    "EXTRACTED_PASSES",
    "EXTRACTOR",
    "EXTRACTOR_VERSION",
    "CleanOptions",
    "Line",
    "clean_extracted",
    "clean_text",
    "match_rule",
    "split_lines",
    "template_key",
]
