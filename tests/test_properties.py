"""Properties of reading and cleaning, checked on generated inputs (hypothesis): any bytes in,
no crash (an input is archived or refused with an InputError); every kept line is a line of the
input, every removed one too, under its own line number; word offsets fall inside the text."""

from __future__ import annotations

import gzip
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from archiver.errors import InputError
from archiver.ingest import extract
from archiver.passages import tokenize
from archiver.reading import decode
from archiver.textclean import clean_text
from archiver.textclean.lines import INVISIBLE, SOFT_HYPHEN, close_gaps

#: Lines end as the cleaner says they do (not at form feeds or Unicode separators).
NEWLINE = re.compile(r"\r\n|\r|\n")

#: Lines that look like a page: article sentences, boilerplate the rules know, short menu
#: items, headlines, bylines, dates, markup, and odd characters.
PAGE_LINES = st.sampled_from(
    [
        "The council met on Tuesday evening to discuss the harbour plans, and residents "
        "spoke at length about what the changes would mean for their streets and jobs.",
        "Officials said the new ferry terminal would open in the spring after two years of "
        "delays caused by storms, funding gaps and a dispute over the dredging.",
        "Harbour Plan Approved After Long Debate",
        "By Dana Whitfield",
        "May 12, 2024",
        "- Advertisement -",
        "Leave a Reply",
        "Please enter your comment!",
        "Home",
        "News",
        "Share this article",
        "Related articles",
        "© 2024 Riverside Courier. All rights reserved.",
        "Now loading...",
        '<div class="ad"><img src="x.gif"></div>',
        "São Paulo — “quoted” 東京の港で会議が開かれた。",
        "\x1b[31mred\x1b[0m",
        "",
        "   ",
        "\t",
    ]
)
PAGES = st.lists(st.one_of(PAGE_LINES, st.text(max_size=80)), max_size=60).map("\n".join)
#: How a page arrives: its text in some encoding, with odd line ends, maybe gzipped; or any
#: bytes at all.
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"])


@st.composite
def inputs(draw) -> bytes:
    if draw(st.booleans()):
        return draw(st.binary(max_size=3000))
    text = draw(PAGES)
    if draw(st.booleans()):
        text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n\n"])))
    data = text.encode(draw(ENCODINGS), errors="replace")
    if draw(st.integers(0, 9)) == 0:
        data = gzip.compress(data)
    return data


EXAMPLES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@EXAMPLES
@given(inputs())
@example(b"\xef\xbb\xbf\x00")  # found by hypothesis: a UTF-8 mark skipped the binary checks
@example(b"\xef\xbb\xbf\x00\x01\x02\x03\xff\xfe" * 50)
def test_any_bytes_are_read_or_refused_with_one_sentence(data):
    try:
        decoded = decode(data, name="page.txt")
    except InputError as exc:
        assert str(exc).startswith("page.txt: ") and "\n" not in str(exc)
        return
    assert decoded.format in ("text", "html")
    assert "\x00" not in decoded.text and "\r" not in decoded.text
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in decoded.text)
    decoded.text.encode("utf-8")  # storable


@EXAMPLES
@given(inputs())
def test_any_bytes_are_extracted_or_refused(data):
    try:
        _, extraction = extract(data, "page.txt")
    except InputError:
        return
    assert extraction.text.strip()


@EXAMPLES
@example("\xad")
@example("Text\n\u200b\n\ufeff \u200b")
@example("(0 )")
@given(PAGES)
def test_every_line_is_kept_or_removed_under_its_own_number(text):
    # Soft hyphens show nowhere and leave the text (so that search and reuse see whole
    # words), and the spaces a dump leaves where a link ended are closed ("( PDF )" is
    # stored "(PDF)"); nothing else of a line is changed.
    lines = NEWLINE.split(text.replace(SOFT_HYPHEN, ""))
    extraction = clean_text(text)
    assert SOFT_HYPHEN not in extraction.text
    kept = extraction.linenos
    assert kept == sorted(set(kept))
    assert all(1 <= n <= len(lines) for n in kept)
    # The clean text is the kept lines of the input, in order.
    found = extraction.metadata.get("language")
    language = found.value if found is not None else None
    stored = (close_gaps(lines[n - 1].strip(), language) for n in kept)
    assert extraction.text == "\n\n".join(stored)
    removed = {r.lineno: r for r in extraction.removed}
    assert len(removed) == len(extraction.removed)
    for number, line in removed.items():
        assert 1 <= number <= len(lines)
        assert line.text == lines[number - 1].strip()
        assert line.reason
    assert not set(kept) & set(removed)
    # Every line with something visible on it is one or the other (a line of zero-width
    # spaces or soft hyphens is blank).
    visible = {
        n for n, line in enumerate(lines, 1) if " ".join(line.split()).strip(INVISIBLE + " ")
    }
    assert set(kept) | set(removed) == visible


@EXAMPLES
@given(st.one_of(PAGES, st.text(max_size=400)))
def test_word_offsets_fall_inside_the_text(text):
    tokens = tokenize(text)
    assert len(tokens.words) == len(tokens.starts) == len(tokens.ends) == len(tokens.hashes)
    for word, start, end in zip(tokens.words, tokens.starts, tokens.ends, strict=True):
        assert 0 <= start < end <= len(text)
        assert word
        if len(text.casefold()) == len(text):
            assert word == text[start:end].casefold()


def test_a_utf8_mark_does_not_make_binary_data_text():
    import os

    for data in (b"\xef\xbb\xbf\x00", b"\xef\xbb\xbf" + os.urandom(2000)):
        try:
            decode(data, name="page.txt")
        except InputError as exc:
            assert "binary data" in str(exc)
        else:
            raise AssertionError("binary data behind a UTF-8 mark was read as text")
    stray = b"\xef\xbb\xbf" + b"A line of text. " * 20 + b"One stray\x00 NUL byte."
    decoded = decode(stray, name="page.txt")
    assert "\x00" not in decoded.text and decoded.notes == [
        "removed 1 stray NUL byte that the file held (not text)"
    ]
