"""Text that came from inputs (file names, titles, outlets, lines), made safe to print.

A file name or a title may hold a newline, a carriage return or a terminal escape sequence
(``ESC [31m`` turns the terminal red, ``ESC ]0;...BEL`` retitles the window), and a file name
may not be UTF-8 at all (Python gives its stray bytes as surrogates, U+DC80-U+DCFF). Printed
raw, they break a one-line-per-article output apart or act on the terminal. Every place that
prints such a value to a terminal passes it through :func:`printable`; JSON output escapes
them by itself and keeps the value exact.
"""

from __future__ import annotations

import re
import unicodedata

#: Characters that act on a terminal or break a line instead of showing: C0 controls, DEL,
#: C1 controls (U+009B is a one-character CSI), the Unicode line and paragraph separators,
#: bidirectional overrides and isolates (which reorder what follows), and surrogates (the
#: bytes of a file name that are not UTF-8).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_MULTILINE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: A byte of a name that is not UTF-8, as ``os.fsdecode`` gives it (surrogateescape).
_STRAY_BYTE = re.compile("[\udc80-\udcff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # the byte itself, as a name's stray byte was
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: str | None, *, multiline: bool = False) -> str:
    """``text`` with everything that would act on a terminal escaped as Python writes it:
    ``\\n``, ``\\r``, ``\\t``, ``\\x1b``, ``\\u202e``; a stray byte of a file name that is
    not UTF-8 as ``\\xe9``. ``multiline`` keeps newlines and tabs (an article's text).
    Anything else, accents and other scripts included, is left as it is; None gives ""."""
    if not text:
        return ""
    pattern = _UNSAFE_MULTILINE if multiline else _UNSAFE
    return pattern.sub(_escape, text)


def name_text(name: str) -> str:
    """A file name as text that can be stored and written as UTF-8, without losing anything.

    A name that is UTF-8 is returned as it is. One that is not (its stray bytes arrive as
    surrogates) gets each stray byte written ``\\xNN`` and each backslash doubled, so the
    bytes can be told back exactly (see :func:`name_bytes`); the article's ``reading`` field
    says that this was done (:data:`NAME_NOT_UTF8`)."""
    if not is_undecodable_name(name):
        return name
    return _STRAY_BYTE.sub(_escape, name.replace("\\", "\\\\"))


def is_undecodable_name(name: str) -> bool:
    """Whether a file name holds bytes that are not UTF-8 (as surrogates)."""
    return _STRAY_BYTE.search(name) is not None


_UNESCAPE = re.compile(r"\\\\|\\x([0-9a-f]{2})")


def name_bytes(text: str) -> bytes:
    """The bytes of a name that :func:`name_text` wrote with ``\\xNN`` escapes."""
    out = bytearray()
    last = 0
    for match in _UNESCAPE.finditer(text):
        out += text[last : match.start()].encode("utf-8")
        out += bytes([int(match.group(1), 16)]) if match.group(1) else b"\\"
        last = match.end()
    out += text[last:].encode("utf-8")
    return bytes(out)


#: The ``reading`` note of an article whose file name is not UTF-8.
NAME_NOT_UTF8 = (
    "the file's name is not UTF-8: its path is stored with each byte that is not UTF-8 "
    "written \\xNN and each backslash doubled"
)


def _columns(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def fit(text: str, width: int, *, ellipsis: bool = False) -> str:
    """``text`` cut to ``width`` terminal columns and padded to them, for tables: Chinese,
    Japanese and Korean characters (East Asian wide and fullwidth) take two columns. Cut
    text ends with "…" when ``ellipsis`` is set."""
    if text.isascii():
        if len(text) > width:
            text = text[: width - 1] + "…" if ellipsis else text[:width]
        return text.ljust(width)
    used = sum(map(_columns, text))
    if used > width:
        room = width - 1 if ellipsis else width
        kept, used = [], 0
        for char in text:
            if used + _columns(char) > room:
                break
            kept.append(char)
            used += _columns(char)
        text = "".join(kept) + ("…" if ellipsis else "")
        used += 1 if ellipsis else 0
    return text + " " * (width - used)
