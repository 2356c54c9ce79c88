"""Reuse in Chinese and Japanese on real pages: the CJK pages of ../shared/eval/trafilatura.

Through the real CLI and real archives. First the pages are archived as they are: they are
unrelated, so every pair reported is a false one. Then copies are made: each paragraph of 60
characters or more (up to six a page) is inserted at a random place among another page's
paragraphs, both are archived, and the copy must come back as a pair whose span lies inside
the inserted paragraph. Prints the figures; nothing from ../shared/eval is copied.

    python bench/reuse_cjk.py
"""

from __future__ import annotations

import gzip
import html
import json
import random
import re
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
from click.testing import CliRunner  # noqa: E402

from archiver.cli import main  # noqa: E402
from archiver.html import extract_html  # noqa: E402

PAGES = ROOT.parent.parent / "shared" / "eval" / "trafilatura" / "html"
#: A page is Chinese or Japanese when it holds this many Han ideographs and kana.
CJK_LEAST = 500
_CJK = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
PER_PAGE = 6
LEAST_CHARS = 60


def _read(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8", "replace")


def _page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title></head><body><article><h1>{html.escape(title)}"
        f"</h1>{body}</article></body></html>"
    )


def _report(db: Path, *paths: Path) -> tuple[list[dict], dict[int, str]]:
    runner = CliRunner()
    runner.invoke(main, ["--db", str(db), "add", *map(str, paths)])
    pairs = json.loads(runner.invoke(main, ["--db", str(db), "report", "--format", "json"]).output)
    conn = sqlite3.connect(db)
    texts = dict(conn.execute("SELECT id, clean_text FROM articles"))
    conn.close()
    return pairs["pairs"], texts


def main_() -> None:
    pages = sorted(
        path for path in PAGES.glob("*.html.gz") if len(_CJK.findall(_read(path))) >= CJK_LEAST
    )
    work = Path(tempfile.mkdtemp())
    pairs, _ = _report(work / "real.db", *pages)
    print(f"{len(pages)} Chinese and Japanese pages archived; pairs among them: {len(pairs)}")
    texts = {p.name: extract_html(_read(p)).text for p in pages}
    hosts = [name for name, text in texts.items() if len(text) > 400]
    rng = random.Random(3)
    made = found = inside = 0
    for source in hosts:
        own = texts[source].split("\n\n")
        chosen = [p for p in own if len(p) >= LEAST_CHARS and _CJK.search(p)][:PER_PAGE]
        for paragraph in chosen:
            host = texts[rng.choice([h for h in hosts if h != source])].split("\n\n")
            at = rng.randrange(len(host) + 1)
            folder = Path(tempfile.mkdtemp(dir=work))
            (folder / "a.html").write_text(_page("原文", own), encoding="utf-8")
            copy = [*host[:at], paragraph, *host[at:]]
            (folder / "b.html").write_text(_page("转载", copy), encoding="utf-8")
            pairs, stored = _report(folder / "c.db", folder / "a.html", folder / "b.html")
            made += 1
            found += bool(pairs)
            spans = [stored[2][s[2] : s[3]] for pair in pairs for s in pair["spans"]]
            inside += any(span and span in paragraph for span in spans)
            if not pairs:
                print(f"  missed ({len(paragraph)} characters): {paragraph[:40]}…")
    print(
        f"{made} paragraphs copied into another page: pair found for {found}, "
        f"its span inside the copied paragraph for {inside}"
    )


if __name__ == "__main__":
    main_()
