"""Turn an input's bytes into text: gunzip, refuse binary, find the encoding, repair, sniff HTML."""

from __future__ import annotations

import codecs
import re
import zlib
from collections import Counter

import ftfy
from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio
from ftfy.chardata import CHARMAP_ENCODINGS  # importing it registers ftfy's sloppy codecs

from archiver.document import Decoded
from archiver.errors import InputError, UsageError

# ---------------------------------------------------------------------------------------------
# Messages: the second half of "PATH: REASON", one sentence a person can act on.
# ---------------------------------------------------------------------------------------------

EMPTY = "the file is empty; there is nothing to archive"
EMPTY_GZIP = "the file is empty once decompressed; there is nothing to archive"
ONLY_BOM = "the file holds only a byte-order mark; there is nothing to archive"
ONLY_WHITESPACE = "the file holds only whitespace; there is nothing to archive"
TOO_LARGE = "the file is larger than {limit}; split it or raise --max-size"
TOO_LARGE_GZIP = "the file is larger than {limit} once decompressed; split it or raise --max-size"
GZIP_CORRUPT = "the file is gzip-compressed but the data is corrupt; download or compress it again"
GZIP_TRUNCATED = "the file is gzip-compressed but cut short; download or compress it again"
BINARY = (
    "the file looks like {kind}, not text or HTML; archive the article's text or its saved page"
)
UNDECODABLE = (
    "the bytes are not text in any encoding archiver recognises; "
    "convert the file to UTF-8 and add it again"
)
UNKNOWN_FORMAT = "unknown format {format!r}; use auto, text or html"

FORMATS = ("auto", "text", "html")

# ---------------------------------------------------------------------------------------------
# Binary files: magic numbers, NUL bytes, control characters.
# ---------------------------------------------------------------------------------------------

GZIP_MAGIC = b"\x1f\x8b"

#: Signatures of the non-text files people most often pick up by mistake, with a name for each.
BINARY_SIGNATURES: tuple[tuple[re.Pattern[bytes], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), kind)
    for pattern, kind in (
        (rb"\A%PDF-", "a PDF document"),
        (rb"\A\x89PNG\r\n\x1a\n", "a PNG image"),
        (rb"\A\xff\xd8\xff", "a JPEG image"),
        (rb"\AGIF8[79]a", "a GIF image"),
        (rb"\ARIFF.{4}WEBP", "a WebP image"),
        (rb"\A(?:II\*\x00|MM\x00\*)", "a TIFF image"),
        (rb"\A.{4}ftyp", "an MP4 or QuickTime video"),
        (rb"\APK(?:\x03\x04|\x05\x06|\x07\x08)", "a ZIP archive (or a .docx, .xlsx or .epub file)"),
        (rb"\A\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
        (rb"\A\{\\rtf", "an RTF document"),
        (rb"\A\x1f\x8b", "a gzip file inside a gzip file"),
        (rb"\ABZh[1-9]", "a bzip2-compressed file"),
        (rb"\A\xfd7zXZ\x00", "an xz-compressed file"),
        (rb"\A\x28\xb5\x2f\xfd", "a zstd-compressed file"),
        (rb"\A7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (rb"\ARar!\x1a\x07", "a RAR archive"),
        (rb"\A.{257}ustar", "a tar archive"),
        (rb"\ASQLite format 3\x00", "an SQLite database"),
        (rb"\A\x7fELF", "a program (an ELF executable)"),
    )
)
BINARY_NUL = "binary data (it contains NUL bytes)"
BINARY_CONTROL = "binary data (it is full of control characters)"

#: C0 controls and DEL that text does not contain: every one but tab, LF, VT, FF and CR.
CONTROL_BYTES = bytes([*range(0x01, 0x09), *range(0x0E, 0x20), 0x7F])
CONTROL_CHARS = re.compile("[\x01-\x08\x0e-\x1f\x7f]")
#: More control characters than this share of the input, or than CONTROL_SLACK when the input
#: is tiny, makes it binary; a stray Ctrl-Z (the old DOS end-of-file mark) must not.
CONTROL_SHARE = 0.01
CONTROL_SLACK = 2

# ---------------------------------------------------------------------------------------------
# Encodings.
# ---------------------------------------------------------------------------------------------

#: Byte-order marks, longest first: FF FE 00 00 is UTF-32 LE, not UTF-16 LE followed by a NUL.
#: "utf-8-sig", "utf-16" and "utf-32" are the codecs that read (and drop) the mark, so
#: ``data.decode(encoding)`` gives back the text with no stray U+FEFF.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: UTF-16/32 without a BOM show NULs in the high bytes of ASCII characters: at least this share
#: of the code units must have them, and the other byte positions none at all. And a text's high
#: bytes are NUL or one script's block (04 for Cyrillic...) this often; binary's are anything.
WIDE_NUL_SHARE = 0.1
WIDE_ONE_BLOCK_SHARE = 0.9
WIDE_SNIFF_BYTES = 4096
#: A UTF-16/32 file may have a broken unit or two (an odd last byte); more than this share of
#: U+FFFD after decoding means it is not UTF-16/32 at all.
REPLACED_SHARE = 0.01

#: "Mostly UTF-8": valid multi-byte characters outnumber invalid bytes at least this many times.
#: Such a file is UTF-8 with a few stray bytes (a cp1252 apostrophe pasted in), not cp1252.
MOSTLY_UTF8_RATIO = 2
#: What a stray byte becomes (it arrives as a surrogateescape code point): its cp1252
#: character, since that is where stray bytes in news text come from; U+FFFD when cp1252 has none.
STRAY_BYTES = {0xDC00 + b: bytes([b]).decode("cp1252", "replace") for b in range(0x80, 0x100)}

#: The 0x80-0x9F bytes cp1252 prints (curly quotes, dashes, euro...); 81 8D 8F 90 9D it lacks.
CP1252_C1 = bytes(b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D))
NOT_C1 = bytes(b for b in range(0x100) if not 0x80 <= b <= 0x9F)

#: charset-normalizer's mess ratio of a reading: at most CLEAN_MESS and cp1252/latin-1 is taken
#: without asking the detector, which cannot tell Western code pages apart (it reads English
#: and French cp1252 as cp1250); above MAX_MESS no reading is text. Another encoding beats
#: cp1252/latin-1 only when its reading is cleaner by MESS_MARGIN.
CLEAN_MESS = 0.1
MAX_MESS = 0.2
MESS_MARGIN = 0.1
MESS_CAP = 0.4  # mess_ratio stops counting here: enough to compare, and fast on garbage
MESS_SAMPLE = 8192  # characters in each of MESS_SAMPLES slices of a long text
MESS_SAMPLES = 8

#: What charset-normalizer may answer besides cp1252/latin-1: the legacy code pages of news
#: sites in other scripts. Left to itself it also proposes EBCDIC and Mac code pages for
#: garbage, and reads short KOI8-R as Shift_JIS.
DETECTABLE = (
    # Central European, Baltic
    *("cp1250", "iso8859_2", "cp1257", "iso8859_13"),
    # Cyrillic
    *("cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "mac_cyrillic"),
    # Greek, Hebrew, Arabic, Thai
    *("cp1253", "iso8859_7", "cp1255", "iso8859_8", "cp1256", "cp874"),
    # Japanese, Chinese, Korean
    *("cp932", "euc_jp", "gb18030", "big5", "cp949"),
)
#: A single-byte reading is trusted only when its letters fit a language this well
#: (charset-normalizer's coherence, 0-1): any byte string reads as some code page, not as Russian.
#: Multi-byte encodings prove themselves by decoding at all, and get no coherence score anyway.
MIN_COHERENCE = 0.2
MULTIBYTE = frozenset({"cp932", "euc_jp", "gb18030", "big5", "cp949"})

#: HTML declares its charset in a <meta> (charset= or http-equiv content) or an XML declaration.
DECLARATION_BYTES = 16384
META_CHARSET = re.compile(r"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
XML_ENCODING = re.compile(r"""\A\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)""", re.IGNORECASE)
#: Labels browsers read as windows-1252 (WHATWG Encoding): cp1252 or latin-1 by the C1 rule.
WESTERN_LABELS = frozenset({"iso8859-1", "ascii", "cp1252"})
#: Supersets browsers actually decode a declared charset with, tried when it fails strictly.
DECLARED_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "iso8859-9": "cp1254",
    "tis-620": "cp874",
    "iso8859-11": "cp874",
}
#: Names reported differently from codecs.lookup(...).name, which calls latin-1 "iso8859-1".
CODEC_NAMES = {"iso8859-1": "latin-1"}

# ---------------------------------------------------------------------------------------------
# Mojibake: UTF-8 bytes once read as a single-byte code page. Before calling ftfy (3 ms on 5 KB),
# look for its footprint: a UTF-8 lead byte followed by a continuation byte, both as some code
# page ftfy knows shows them, or a C1 control (UTF-8 read as latin-1).
# ---------------------------------------------------------------------------------------------


def _mojibake_hint() -> re.Pattern[str]:
    leads: set[str] = set()
    continuations: set[str] = set()
    for codec in CHARMAP_ENCODINGS:
        leads.update(bytes(range(0xC2, 0xF5)).decode(codec, "ignore"))
        continuations.update(bytes(range(0x80, 0xC0)).decode(codec, "ignore"))
    lead_class = re.escape("".join(sorted(leads)))
    continuation_class = re.escape("".join(sorted(continuations)))
    # One character class first, not an alternation, lets re skip ahead at C speed.
    return re.compile(f"[{lead_class}\x80-\x9f](?:(?<=[\x80-\x9f])|[{continuation_class}])")


MOJIBAKE_HINT = _mojibake_hint()

# ---------------------------------------------------------------------------------------------
# Format sniffing: HTML starts like an HTML document, or much of it is markup. A text dump that
# kept a line of ad markup (a tracking pixel, a video embed) stays a text dump.
# ---------------------------------------------------------------------------------------------

SNIFF_CHARS = 4096
HTML_START = re.compile(
    r"(?:\s|\ufeff|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
HTML_BLOCK_TAG = re.compile(
    r"</?(?:p|div|span|a|br|hr|img|h[1-6]|ul|ol|li|table|tr|td|th|article|section|header|"
    r"footer|nav|main|aside|figure|meta|link|script|style|title|form|iframe|noscript)\b[^<>]*>",
    re.IGNORECASE,
)
#: Markup: a script, style or template with its content, a comment, or a tag of HTML's own
#: elements ("<The Palace: Tale of Jang Noksu>" in a Korean theatre's page text is a title).
HTML_MARKUP = re.compile(
    r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->|"
    r"</?(?:html|head|body|p|div|span|a|b|i|u|em|strong|small|sup|sub|br|hr|img|h[1-6]|ul|ol|"
    r"li|dl|dt|dd|table|thead|tbody|tr|td|th|article|section|header|footer|nav|main|aside|"
    r"figure|figcaption|meta|link|script|style|title|form|input|button|label|select|option|"
    r"iframe|noscript|svg|path|picture|source|video|audio|ins|blockquote|pre|code)\b[^<>]*>",
    re.IGNORECASE | re.DOTALL,
)
#: Without a document start, HTML is a text at least this much of which is markup and that
#: shows block tags at least MIN_BLOCK_TAGS times. Measured on ../shared/eval: the 1,171 text
#: dumps hold at most 0.065 (a dump with a script line), the 1,265 HTML pages at least 0.096.
MIN_MARKUP_SHARE = 0.08
MIN_BLOCK_TAGS = 4

# ---------------------------------------------------------------------------------------------
# Stray NUL bytes: a few in a page that is otherwise text (a broken ad slot's padding) are
# removed and noted; more than this share of the bytes, or NULs among control characters,
# mean binary data. Random bytes hold 0.4% NULs but ten times as many control characters.
# ---------------------------------------------------------------------------------------------

STRAY_NUL_SHARE = 0.01
STRAY_NUL_NOTE = "removed {count} stray NUL {bytes} that the file held (not text)"


def decode(
    data: bytes,
    *,
    name: str,
    format: str = "auto",
    max_bytes: int = 50_000_000,
    charset: str | None = None,
) -> Decoded:
    """Decode one input's bytes into text, with its format and the encoding that was used.

    ``name`` only names the input in errors; the format is sniffed from the content
    (``format="auto"``) or forced (``"text"``, ``"html"``). Gzip content (magic 1F 8B) is
    decompressed first, refusing more than ``max_bytes`` of output.

    The encoding is the first of: a byte-order mark (reported as ``utf-8-sig``, ``utf-16``,
    ``utf-32``); UTF-16/32 without a mark (``utf-16-le``...), recognised by where its NULs are;
    strict UTF-8; mostly-UTF-8; for HTML the declared charset; cp1252 or latin-1; another
    encoding charset-normalizer finds. Declared ISO-8859-1 and ASCII mean what they mean in
    browsers: ``cp1252`` when the bytes 0x80-0x9F are all characters of cp1252, else ``latin-1``.
    Valid UTF-8 wins over a declaration, which is more often stale than wrong bytes are valid.

    Binary: a known magic number (PDF, PNG, JPEG, GIF, ZIP...), NUL bytes not explained by
    UTF-16/32 (more than 1% of the bytes, or beside many control characters), or C0 control
    characters (other than tab, newlines, VT, FF) in more than 1% of the bytes (and more than
    two). A few stray NULs in text are removed, and ``notes`` says how many.

    HTML: text that starts like an HTML document, or of which markup (tags of HTML elements,
    scripts, styles, comments) makes 8% or more with some block tags; a text dump that kept
    a line of ad markup is text.

    Undecodable: no reading of the bytes is text. Mostly-UTF-8 is not undecodable: when valid
    multi-byte characters outnumber invalid bytes two to one, each invalid byte becomes its cp1252
    character (U+FFFD if cp1252 has none) and ``repaired`` is set. Otherwise the bytes are read
    as cp1252/latin-1 when charset-normalizer's mess ratio of that reading is low; as the
    detector's encoding when its reading is clearly cleaner (Cyrillic, Greek, CJK, Central
    European...); and refused when even the best reading's mess ratio exceeds 0.2, which is
    what random bytes and text in an unknown code page give.

    Mojibake (UTF-8 read as cp1252, latin-1 and the like) is repaired line by line with ftfy's
    ``fix_encoding``, which changes nothing else (quotes stay curly); ``repaired`` says whether
    it changed anything. Line endings become "\\n"; the text holds no NUL and no surrogate.

    ``charset`` is what the HTTP headers said (a WARC response's ``Content-Type``): when the
    bytes are not UTF-8, it is tried before the page's own declaration and any guess.
    """
    if format not in FORMATS:
        raise UsageError(UNKNOWN_FORMAT.format(format=format))
    if len(data) > max_bytes:
        raise InputError(name, TOO_LARGE.format(limit=human_size(max_bytes)))
    if not data:
        raise InputError(name, EMPTY)
    if data.startswith(GZIP_MAGIC):
        data = _gunzip(data, name, max_bytes)
        if not data:
            raise InputError(name, EMPTY_GZIP)
    for signature, kind in BINARY_SIGNATURES:
        if signature.match(data):
            raise InputError(name, BINARY.format(kind=kind))
    notes = []
    stray = _stray_nuls(data)
    if stray:
        data = data.replace(b"\x00", b"")
        notes.append(STRAY_NUL_NOTE.format(count=stray, bytes="byte" if stray == 1 else "bytes"))

    text, encoding, repaired = _decode_text(data, name, format, charset)
    if not text:
        raise InputError(name, ONLY_BOM)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isspace():
        raise InputError(name, ONLY_WHITESPACE)
    fixed = _repair_mojibake(text)
    if format == "auto":
        format = "html" if _looks_like_html(fixed) else "text"
    return Decoded(
        text=fixed,
        format=format,
        encoding=encoding,
        repaired=repaired or fixed != text,
        notes=notes,
    )


def _decode_text(
    data: bytes, name: str, format: str, charset: str | None = None
) -> tuple[str, str, bool]:
    """Find the encoding and decode; returns (text, codec name, stray bytes replaced)."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            if codec == "utf-8-sig":
                try:
                    return _checked(data.decode(codec), name), codec, False
                except UnicodeDecodeError:
                    # The mark says UTF-8, so stray bytes are strays, however many; but a
                    # binary file that happens to start with the mark is still binary.
                    text = data[len(bom) :].decode("utf-8", "surrogateescape")
                    return _checked(text.translate(STRAY_BYTES), name), codec, True
            return _checked_wide(data, codec, name), codec, False

    if b"\x00" in data:
        codec = _wide_codec(data)
        if codec is None:
            raise InputError(name, BINARY.format(kind=BINARY_NUL))
        return _checked_wide(data, codec, name), codec, False
    if _too_many_controls(len(data) - len(data.translate(None, CONTROL_BYTES)), len(data)):
        raise InputError(name, BINARY.format(kind=BINARY_CONTROL))

    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    text = _mostly_utf8(data)
    if text is not None:
        return text, "utf-8", True

    if charset:
        declared = _decode_label(data, charset)
        if declared is not None:
            return declared[0], declared[1], False
    if format == "html" or (format == "auto" and _looks_like_html(data.decode("latin-1"))):
        declared = _decode_declared(data)
        if declared is not None:
            return declared[0], declared[1], False

    western, western_codec = _decode_western(data)
    western_mess = _mess(western)
    if western_mess <= CLEAN_MESS:
        return western, western_codec, False
    detected = _detect(data)
    if detected is not None and detected[2] + MESS_MARGIN < western_mess:
        return detected[0], detected[1], False
    if western_mess <= MAX_MESS:
        return western, western_codec, False
    raise InputError(name, UNDECODABLE)


def _gunzip(data: bytes, name: str, max_bytes: int) -> bytes:
    """Decompress every gzip member, stopping as soon as the output passes ``max_bytes``."""
    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)  # gzip header and trailer
        pending = rest
        try:
            while not inflater.eof:
                # Asking for one byte past the limit is how a bomb is caught before it inflates.
                chunk = inflater.decompress(pending, max_bytes + 1 - len(out))
                out += chunk
                if len(out) > max_bytes:
                    raise InputError(name, TOO_LARGE_GZIP.format(limit=human_size(max_bytes)))
                if not chunk and len(inflater.unconsumed_tail) == len(pending):
                    raise InputError(name, GZIP_TRUNCATED)
                pending = inflater.unconsumed_tail
        except zlib.error:
            raise InputError(name, GZIP_CORRUPT) from None
        # Another member may follow (concatenated .gz files); NUL padding after the last is
        # common on tapes and harmless.
        rest = inflater.unused_data.lstrip(b"\x00")
        if rest and not rest.startswith(GZIP_MAGIC):
            raise InputError(name, GZIP_CORRUPT)
    return bytes(out)


def _wide_codec(data: bytes) -> str | None:
    """UTF-16/32 without a byte-order mark, told by which byte positions hold the NULs."""
    sample = data[:WIDE_SNIFF_BYTES]
    nuls = [sample[i::4].count(0) for i in range(4)]
    units = [len(sample[i::4]) for i in range(4)]
    if len(data) % 4 == 0 and units[0]:
        # Everything below U+10000 has two NUL top bytes; the low byte is NUL only for U+0000.
        if nuls[2] == units[2] and nuls[3] == units[3] and nuls[0] < units[0]:
            return "utf-32-le"
        if nuls[0] == units[0] and nuls[1] == units[1] and nuls[3] < units[3]:
            return "utf-32-be"
    if len(data) % 2 == 0:
        even, odd = sample[0::2], sample[1::2]
        if 0 not in even and _one_script(odd):
            return "utf-16-le"
        if 0 not in odd and _one_script(even):
            return "utf-16-be"
    return None


def _one_script(high_bytes: bytes) -> bool:
    """Whether these are the high bytes of UTF-16 text: NUL (ASCII) and one block, mostly."""
    nul = high_bytes.count(0)
    if nul < WIDE_NUL_SHARE * len(high_bytes):
        return False
    block = max(Counter(high_bytes.replace(b"\x00", b"")).values(), default=0)
    return nul + block >= WIDE_ONE_BLOCK_SHARE * len(high_bytes)


def _checked_wide(data: bytes, codec: str, name: str) -> str:
    """Decode UTF-16/32 (with or without a mark) and refuse what is binary once decoded."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        # A lone surrogate or an odd last byte: refuse only when most of it fails too.
        text = data.decode(codec, "replace")
        if text.count("\ufffd") > REPLACED_SHARE * len(text):
            raise InputError(name, UNDECODABLE) from None
    return _checked(text, name)


def _checked(text: str, name: str) -> str:
    """Refuse decoded text that is binary: NULs, or control characters in numbers."""
    if "\x00" in text:
        raise InputError(name, BINARY.format(kind=BINARY_NUL))
    if _too_many_controls(len(CONTROL_CHARS.findall(text)), len(text)):
        raise InputError(name, BINARY.format(kind=BINARY_CONTROL))
    return text


def _too_many_controls(controls: int, total: int) -> bool:
    return controls > max(CONTROL_SLACK, CONTROL_SHARE * total)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few invalid bytes, each replaced by its cp1252 character; else None."""
    text = data.decode("utf-8", "surrogateescape")
    # Each stray byte is one escaped code point that re-encoding drops (C-speed counting).
    stray = len(data) - len(text.encode("utf-8", "ignore"))
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - stray
    if multibyte < MOSTLY_UTF8_RATIO * stray:
        return None
    return text.translate(STRAY_BYTES)


def _decode_declared(data: bytes) -> tuple[str, str] | None:
    """Decode with the charset the HTML declares, if it names one that reads these bytes."""
    head = data[:DECLARATION_BYTES].decode("latin-1")
    match = XML_ENCODING.search(head) or META_CHARSET.search(head)
    if match is None:
        return None
    return _decode_label(data, match.group(1))


def _decode_label(data: bytes, label: str) -> tuple[str, str] | None:
    """Decode with a charset label (declared in the page or in HTTP headers), if it is one
    Python knows and it reads these bytes."""
    try:
        declared = codecs.lookup(label).name
    except LookupError:
        return None
    if declared in WESTERN_LABELS:
        if declared == "cp1252" and not data.translate(None, NOT_C1).translate(None, CP1252_C1):
            # Said and true, even without a byte 0x80-0x9F to prove it.
            return data.decode("cp1252"), "cp1252"
        return _decode_western(data)
    if declared.startswith("utf-"):
        # UTF-8 already failed, and a UTF-16 page could not have declared it in ASCII.
        return None
    for codec in (declared, DECLARED_SUPERSETS.get(declared)):
        if codec is not None:
            try:
                return data.decode(codec), _codec_name(codec)
            except UnicodeDecodeError:
                continue
    return None


def _decode_western(data: bytes) -> tuple[str, str]:
    """cp1252 when every byte 0x80-0x9F is one of its characters, latin-1 otherwise."""
    c1 = data.translate(None, NOT_C1)
    if c1 and not c1.translate(None, CP1252_C1):
        return data.decode("cp1252"), "cp1252"
    return data.decode("latin-1"), "latin-1"


def _detect(data: bytes) -> tuple[str, str, float] | None:
    """charset-normalizer's best confident reading: (text, codec name, mess ratio)."""
    for match in from_bytes(data, cp_isolation=list(DETECTABLE)):
        if match.encoding not in DETECTABLE:
            continue  # it adds UTF-8/16 and ASCII on its own; the caller settled those
        if match.encoding not in MULTIBYTE and match.coherence < MIN_COHERENCE:
            continue
        try:
            return data.decode(match.encoding), _codec_name(match.encoding), match.chaos
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _mess(text: str) -> float:
    """charset-normalizer's mess ratio, on evenly spread slices of a long text."""
    if len(text) > MESS_SAMPLE * MESS_SAMPLES:
        step = len(text) // MESS_SAMPLES
        text = "".join(text[i : i + MESS_SAMPLE] for i in range(0, len(text), step))
    return mess_ratio(text, MESS_CAP)


def _codec_name(codec: str) -> str:
    name = codecs.lookup(codec).name
    return CODEC_NAMES.get(name, name)


def _repair_mojibake(text: str) -> str:
    """ftfy's fix_encoding on each line that shows a mojibake footprint."""
    if text.isascii() or MOJIBAKE_HINT.search(text) is None:
        return text
    # Line by line, as ftfy.fix_text does: one legitimate character elsewhere in the text
    # (a real "€") must not stop a line's repair.
    return "\n".join(
        ftfy.fix_encoding(line) if MOJIBAKE_HINT.search(line) else line for line in text.split("\n")
    )


def _looks_like_html(text: str) -> bool:
    """True when a text is an HTML page rather than text that shows a tag or a line of markup:
    it starts like an HTML document, or markup is a good share of it."""
    if HTML_START.match(text[:SNIFF_CHARS]):
        return True
    if "<" not in text or len(HTML_BLOCK_TAG.findall(text)) < MIN_BLOCK_TAGS:
        return False
    return markup_share(text) >= MIN_MARKUP_SHARE


def markup_share(text: str) -> float:
    """The share of a text's characters that are HTML markup (tags, scripts, styles, comments)."""
    markup = sum(match.end() - match.start() for match in HTML_MARKUP.finditer(text))
    return markup / len(text) if text else 0.0


def _stray_nuls(data: bytes) -> int:
    """How many NUL bytes to drop from text that holds a few by accident; 0 when there are
    none, or when they are the NULs of UTF-16/32 or of binary data (then nothing is dropped)."""
    count = data.count(b"\x00")
    if not count or count > STRAY_NUL_SHARE * len(data):
        return 0
    wide = [bom for bom, codec in BOMS if codec != "utf-8-sig"]
    if any(data.startswith(bom) for bom in wide) or _wide_codec(data) is not None:
        return 0
    rest = len(data) - count
    controls = rest - len(data.translate(None, CONTROL_BYTES + b"\x00"))
    return 0 if _too_many_controls(controls, rest) else count


def human_size(n: int) -> str:
    """A byte count as people say it: "50 MB", "1.5 kB", "10 bytes"."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= scale:
            return f"{round(n / scale, 1):g} {unit}"
    return f"{n} bytes"
