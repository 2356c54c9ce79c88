"""Tests for archiver.reading: bytes in, Decoded (or one InputError sentence) out."""

import codecs
import gzip
import random

import pytest

from archiver.document import Decoded
from archiver.errors import InputError, UsageError
from archiver.reading import decode

RUSSIAN = (
    "Президент заявил, что реформа необходима. "
    "Правительство обсудит этот вопрос на следующей неделе.\n"
)


def error(data: bytes, **options) -> str:
    """The message decode() refuses ``data`` with, named as the file ``in.txt``."""
    with pytest.raises(InputError) as info:
        decode(data, name="in.txt", **options)
    return str(info.value)


# --- encodings --------------------------------------------------------------------------------


def test_utf8():
    text = "Café “quoted” — text\n"
    assert decode(text.encode(), name="a.txt") == Decoded(text, "text", "utf-8")


def test_ascii_is_reported_as_utf8():
    assert decode(b"Plain words.\n", name="a.txt") == Decoded("Plain words.\n", "text", "utf-8")


def test_utf8_bom_is_dropped_and_noted_in_the_codec_name():
    data = codecs.BOM_UTF8 + "Déjà vu\n".encode()
    assert decode(data, name="a.txt") == Decoded("Déjà vu\n", "text", "utf-8-sig")


@pytest.mark.parametrize(
    ("bom", "codec", "reported"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    ],
)
def test_utf16_and_utf32_with_bom(bom, codec, reported):
    data = bom + "Привет, “world”\r\n".encode(codec)
    assert decode(data, name="a.txt") == Decoded("Привет, “world”\n", "text", reported)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", ["Hello, world — plain text.\n", "Привет, мир. Это текст.\n"])
def test_utf16_and_utf32_without_bom_are_told_by_their_nul_bytes(codec, text):
    assert decode(text.encode(codec), name="a.txt") == Decoded(text, "text", codec)


def test_cp1252_curly_quotes_and_em_dash():
    data = b"\x93Quoted\x94 \x97 it\x92s the caf\xe9.\n"
    expected = Decoded("“Quoted” — it’s the café.\n", "text", "cp1252")
    assert decode(data, name="a.txt") == expected


def test_latin1_when_no_byte_is_in_0x80_0x9f():
    text = "Größe über Straße, déjà vu à Noël.\n"
    assert decode(text.encode("latin-1"), name="a.txt") == Decoded(text, "text", "latin-1")


def test_cyrillic_cp1251():
    assert decode(RUSSIAN.encode("cp1251"), name="a.txt") == Decoded(RUSSIAN, "text", "cp1251")


@pytest.mark.parametrize(
    ("text", "codec", "reported"),
    [
        (RUSSIAN, "koi8-r", "koi8-r"),
        (
            "Zażółć gęślą jaźń. Prezydent powiedział, że reforma jest konieczna.\n",
            "cp1250",
            "cp1250",
        ),
        ("Ο πρόεδρος δήλωσε ότι η μεταρρύθμιση είναι απαραίτητη.\n", "cp1253", "cp1253"),
        ("東京都は新しい計画を発表しました。政府は来週議論します。\n", "shift_jis", "cp932"),
        ("政府宣布了新的改革计划。总统表示改革是必要的。\n", "gb18030", "gb18030"),
    ],
)
def test_other_scripts_when_the_detector_is_confident(text, codec, reported):
    assert decode(text.encode(codec), name="a.txt") == Decoded(text, "text", reported)


def test_mostly_utf8_keeps_its_stray_cp1252_byte_as_cp1252():
    data = "“Hello” — it’s fine, isn’t it? ".encode() + b"It\x92s.\n"
    expected = Decoded("“Hello” — it’s fine, isn’t it? It’s.\n", "text", "utf-8", repaired=True)
    assert decode(data, name="a.txt") == expected


def test_utf8_bom_trusts_utf8_despite_stray_bytes():
    data = codecs.BOM_UTF8 + b"Caf\xe9 \x93ouvert\x94\n"
    expected = Decoded("Café “ouvert”\n", "text", "utf-8-sig", repaired=True)
    assert decode(data, name="a.txt") == expected


# --- mojibake ---------------------------------------------------------------------------------


def test_mojibake_is_repaired_and_quotes_stay_curly():
    data = "“She donâ€™t know,” he said. The cafÃ© is closed.\n".encode()
    expected = Decoded(
        "“She don’t know,” he said. The café is closed.\n", "text", "utf-8", repaired=True
    )
    assert decode(data, name="a.txt") == expected


def test_c1_control_quotes_are_repaired():
    data = "\u0093Quoted\u0094 text\n".encode()
    assert decode(data, name="a.txt") == Decoded("“Quoted” text\n", "text", "utf-8", repaired=True)


def test_legitimate_a_tilde_is_left_alone():
    text = "SÃO PAULO — João told his MÃE: “sim”.\nÃ is a letter; so is Ñ.\n"
    assert decode(text.encode(), name="a.txt") == Decoded(text, "text", "utf-8", repaired=False)


# --- HTML -------------------------------------------------------------------------------------


def test_html_meta_charset_iso_8859_1():
    data = (
        b'<!DOCTYPE html><html><head><meta charset="iso-8859-1"><title>Caf\xe9</title>'
        b"</head><body><p>D\xe9j\xe0 vu</p></body></html>"
    )
    expected = Decoded(
        '<!DOCTYPE html><html><head><meta charset="iso-8859-1"><title>Café</title>'
        "</head><body><p>Déjà vu</p></body></html>",
        "html",
        "latin-1",
    )
    assert decode(data, name="page.html") == expected


def test_html_declared_iso_8859_1_reads_0x93_as_browsers_do():
    head = '<html><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    data = head.encode() + b"\x93\xe9\x94"
    expected = Decoded(head + "“é”", "html", "cp1252")
    assert decode(data, name="page.html") == expected


def test_html_declared_charset_is_used_over_detection():
    data = b'<html><head><meta charset="windows-1251"></head><body><p>\xcc\xee\xf1\xea\xe2\xe0</p>'
    expected = Decoded(
        '<html><head><meta charset="windows-1251"></head><body><p>Москва</p>', "html", "cp1251"
    )
    assert decode(data, name="page.html") == expected
    # Read as plain text, the declaration is not looked for: these six bytes alone are too few.
    assert decode(data, name="page.html", format="text").text.endswith("<p>Ìîñêâà</p>")


def test_valid_utf8_wins_over_a_stale_declaration():
    text = '<html><head><meta charset="iso-8859-1"></head><body><p>Déjà vu</p></body></html>'
    assert decode(text.encode(), name="page.html") == Decoded(text, "html", "utf-8")


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>\n",
        '<?xml version="1.0"?>\n<!-- saved by a crawler -->\n<html lang="en"><p>Hi</p></html>\n',
        "  <body><p>Hi</p></body>\n",
        "Skip to content\n<div class='post'><p>One.</p>\n<p>Two.</p></div>\n",
    ],
)
def test_html_is_sniffed_whatever_the_name(text):
    assert decode(text.encode(), name="page.txt") == Decoded(text, "html", "utf-8")


@pytest.mark.parametrize(
    "text",
    [
        "If a < b and b > c, then a < c.\n",
        "The <b>bold</b> claim and the <i>italic</i> one.\nUse the <p> tag, said the guide.\n",
    ],
)
def test_text_that_shows_a_few_tags_stays_text(text):
    assert decode(text.encode(), name="page.html") == Decoded(text, "text", "utf-8")


def test_format_can_be_forced():
    html = b"<!DOCTYPE html><p>Hi</p>"
    assert decode(html, name="a.html", format="text").format == "text"
    assert decode(b"Just words.", name="a.txt", format="html").format == "html"


def test_unknown_format_is_a_usage_error():
    with pytest.raises(UsageError) as info:
        decode(b"Hi", name="a.txt", format="pdf")
    assert str(info.value) == "unknown format 'pdf'; use auto, text or html"


# --- gzip -------------------------------------------------------------------------------------


def test_gzip_is_decompressed_whatever_the_name():
    data = gzip.compress("Déjà vu\r\n".encode())
    assert decode(data, name="article.txt") == Decoded("Déjà vu\n", "text", "utf-8")


def test_concatenated_gzip_members_are_all_read():
    data = gzip.compress(b"one\n") + gzip.compress(b"two\n")
    assert decode(data, name="a.gz").text == "one\ntwo\n"


def test_gzip_bomb_stops_at_max_bytes():
    bomb = gzip.compress(b"A" * 1_000_000)
    assert len(bomb) < 10_000  # so the guard on the output, not on the input, refuses it
    assert error(bomb, max_bytes=10_000) == (
        "in.txt: the file is larger than 10 kB once decompressed; split it or raise --max-size"
    )


def test_corrupt_gzip():
    data = bytearray(gzip.compress(b"Hello, world.\n" * 20))
    data[-8] ^= 0xFF  # the CRC no longer matches
    assert error(bytes(data)) == (
        "in.txt: the file is gzip-compressed but the data is corrupt; download or compress it again"
    )


def test_truncated_gzip():
    data = gzip.compress(random.Random(1).randbytes(2000))
    assert error(data[: len(data) // 2]) == (
        "in.txt: the file is gzip-compressed but cut short; download or compress it again"
    )


def test_gzip_of_nothing():
    assert error(gzip.compress(b"")) == (
        "in.txt: the file is empty once decompressed; there is nothing to archive"
    )


# --- refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "limit", "said"), [(11, 10, "10 bytes"), (1_500_001, 1_500_000, "1.5 MB")]
)
def test_too_large(size, limit, said):
    assert error(b"a" * size, max_bytes=limit) == (
        f"in.txt: the file is larger than {said}; split it or raise --max-size"
    )


def test_empty():
    assert error(b"") == "in.txt: the file is empty; there is nothing to archive"


@pytest.mark.parametrize("data", [b" \r\n\t \n", " \u00a0\n".encode(), " \n".encode("utf-16")])
def test_whitespace_only(data):
    assert error(data) == "in.txt: the file holds only whitespace; there is nothing to archive"


def test_byte_order_mark_only():
    assert error(codecs.BOM_UTF8) == (
        "in.txt: the file holds only a byte-order mark; there is nothing to archive"
    )


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive (or a .docx, .xlsx or .epub file)"),
        (gzip.compress(b"%PDF-1.4\n", mtime=0), "a PDF document"),
    ],
)
def test_known_binary_formats_are_named(data, kind):
    assert error(data) == (
        f"in.txt: the file looks like {kind}, not text or HTML; "
        "archive the article's text or its saved page"
    )


def test_nul_bytes_mean_binary():
    assert error(b"Hello\x00World\x00") == (
        "in.txt: the file looks like binary data (it contains NUL bytes), not text or HTML; "
        "archive the article's text or its saved page"
    )


def test_random_bytes_are_binary():
    assert error(random.Random(7).randbytes(4096)) == (
        "in.txt: the file looks like binary data (it contains NUL bytes), not text or HTML; "
        "archive the article's text or its saved page"
    )


def test_control_characters_mean_binary():
    assert error(b"\x01\x02\x03\x04 some text") == (
        "in.txt: the file looks like binary data (it is full of control characters), "
        "not text or HTML; archive the article's text or its saved page"
    )


def test_a_stray_control_character_is_not_binary():
    data = b"An old DOS file, ended by Ctrl-Z.\r\n\x1a"
    assert decode(data, name="a.txt").text == "An old DOS file, ended by Ctrl-Z.\n\x1a"


@pytest.mark.parametrize(
    "alphabet", [range(0x80, 0x100), [*range(0x20, 0x7F), *range(0xA0, 0x100)]]
)
def test_random_text_like_bytes_are_undecodable(alphabet):
    rng = random.Random(3)
    data = bytes(rng.choice(alphabet) for _ in range(4096))
    assert error(data) == (
        "in.txt: the bytes are not text in any encoding archiver recognises; "
        "convert the file to UTF-8 and add it again"
    )


# --- line endings -----------------------------------------------------------------------------


def test_crlf_and_cr_become_lf():
    assert decode(b"one\r\ntwo\rthree\n\r\n", name="a.txt").text == "one\ntwo\nthree\n\n"
