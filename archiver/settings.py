"""Tunable settings in one place, with their defaults."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1_000_000


@dataclass(frozen=True)
class Settings:
    """Knobs for the pipeline. Pass one object down instead of loose keyword arguments."""

    #: Largest input accepted, in bytes, after gzip decompression. A file's size is checked
    #: before it is read, and no input (standard input included) is read past it.
    max_bytes: int = 50 * MB
    #: Pages `add` stores per transaction: committing is much of what storing a small article
    #: costs. Also what a crash or Ctrl-C may lose at most (none of it reported as added),
    #: and how many pages the write lock is held for (they are prepared before it is taken).
    commit_every: int = 16
    #: Most lines a page's text may have (the text of a plain-text input, the visible text of
    #: HTML read as text). The cleaner's memory and time grow with the lines: ten million
    #: short lines took 13 GB. Measured on ../shared/eval: text dumps have at most 6,572
    #: lines, HTML pages at most 20,540.
    max_lines: int = 100_000
    #: Most characters a page's text (a plain-text input, an article extracted from HTML)
    #: may have. Cleaning, indexing and storing cost about 20-25 bytes for each byte of the
    #: text in UTF-8: 48 MB of it peaked at 1.4 GB, and 9.8 million Chinese characters (29 MB)
    #: at 700 MB. Measured on ../shared/eval: text dumps have at most 139,000 characters.
    max_chars: int = 4_000_000
    #: Most characters an HTML page's source may have, its inline images and fonts (``data:``
    #: URIs) not counted. trafilatura holds several copies of the parsed page (30 MB of
    #: attributes on 95,000 elements: 570 MB). Measured on ../shared/eval: at most 1.6 million.
    max_html_chars: int = 10_000_000
    #: Most words (runs of letters and digits) a page may hold, outside markup for HTML: an
    #: article is at most this long. Measured on ../shared/eval: at most 24,779 in a text
    #: dump, 20,965 in an HTML page. It also keeps every passage of an article numbered in
    #: the reuse index (16 bits: 65,536 passages of 12 new words, about 786,000 words).
    max_words: int = 500_000
    #: Most HTML tags (counted as "<") a page may have: trafilatura's time and memory grow
    #: with the elements (two million empty elements took 2.2 GB and three minutes, 95,000
    #: paragraphs 41 s). Measured on ../shared/eval: at most 19,629.
    max_tags: int = 50_000
    #: Fewer words than this left after cleaning means the input held no article.
    min_words: int = 5
