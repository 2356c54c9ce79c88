"""The Chinese gate on real pages: two real Chinese page dumps of ../shared/eval/trafilatura,
the second given two paragraphs copied from the first. Both are archived as text dumps, the
pair is found with spans on the copied paragraphs, `search` finds a Chinese word of them in
both, and `trace` finds the copy. Skipped, saying so, without ../shared/eval; nothing from it
is copied into the repository (the pages are read and altered under tmp_path)."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import EVAL

DUMPS = EVAL / "trafilatura" / "textdump"
_HAN = re.compile("[\u4e00-\u9fff]")
#: A dump is Chinese news when it holds this many Han ideographs.
HAN_LEAST = 800
#: A copied paragraph: a line of at least this many characters of the first page's clean text.
PARAGRAPH_LEAST = 60

pytestmark = pytest.mark.skipif(
    not DUMPS.is_dir(), reason="../shared/eval is not here: the real Chinese pages are skipped"
)


def _chinese_dumps() -> list:
    found = []
    for path in sorted(DUMPS.iterdir()):
        text = path.read_text(encoding="utf-8", errors="replace")
        if len(_HAN.findall(text)) >= HAN_LEAST:
            found.append(path)
    return found


def _json_lines(result) -> list[dict]:
    return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]


def test_two_real_chinese_dumps_sharing_two_paragraphs(cli, write):
    dumps = _chinese_dumps()
    assert len(dumps) >= 2, "the trafilatura set holds Chinese page dumps"
    # The first of them whose clean text keeps two long paragraphs gives them.
    for source in dumps:
        first = _json_lines(cli("add", "--json", "--format", "text", source))[0]
        assert first["status"] == "added", first
        shown = json.loads(cli("show", first["id"], "--json").output)
        paragraphs = [
            line
            for line in shown["clean_text"].split("\n")
            if len(_HAN.findall(line)) >= PARAGRAPH_LEAST
        ][:2]
        if len(paragraphs) == 2:
            break
    else:
        pytest.fail("no Chinese page keeps two long paragraphs")
    # Another Chinese page, not archived yet, copies them.
    other = dumps[dumps.index(source) + 1]
    # The second page with the two paragraphs put among its own, after its longest line.
    lines = other.read_text(encoding="utf-8", errors="replace").split("\n")
    at = max(range(len(lines)), key=lambda i: len(_HAN.findall(lines[i])))
    copied = write("copied.txt", "\n".join([*lines[: at + 1], *paragraphs, *lines[at + 1 :]]))
    second = _json_lines(cli("add", "--json", "--format", "text", copied))[0]
    assert second["status"] == "added", second
    assert first["id"] in second["reused_from"]

    report = json.loads(cli("report", "--format", "json").output)
    (pair,) = [p for p in report["pairs"] if {p["a"], p["b"]} == {first["id"], second["id"]}]
    texts = {
        i: json.loads(cli("show", i, "--json").output)["clean_text"]
        for i in (first["id"], second["id"])
    }
    shared = " ".join(texts[pair["a"]][s[0] : s[1]] for s in pair["spans"])
    for paragraph in paragraphs:
        assert paragraph[5:25] in shared  # each copied paragraph lies in the spans

    word = "".join(_HAN.findall(paragraphs[0]))[4:8]
    hits = _json_lines(cli("search", "--json", word))
    assert {first["id"], second["id"]} <= {h["id"] for h in hits}

    traced = json.loads(cli("trace", "--json", paragraphs[1][:40]).output)
    assert traced["unit"] == "char"
    assert {first["id"], second["id"]} <= {hit["id"] for hit in traced["hits"]}
