"""Titles, authors and dates of AEB's text dumps against what the HTML path finds for the same
pages (AEB has no gold metadata; the HTML path, with its meta tags and JSON-LD, is the proxy).

python bench/titles.py
python bench/titles.py TEXT_EXPORT.jsonl HTML_EXPORT.jsonl   # exports made earlier
python bench/titles.py --show                                # the pages that disagree

Token F1 as ../shared/eval/score.py computes it. Titles of the trafilatura set's text dumps
against its gold: `python bench/quality.py trafilatura-text`.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from evalsets import EVAL, _stem, archiver, available

TOKEN_FIELDS = ("title", "author")


def token_f1(pred: str | None, gold: str | None) -> float:
    sys.path.insert(0, str(EVAL))
    from score import token_f1 as f1

    return f1(pred, gold)


def export(inputs: Path, fmt: str, tmp: Path) -> Path:
    db = tmp / f"{fmt}.db"
    archiver("add", "--format", fmt, "--json", str(inputs), db=db)
    out = tmp / f"{fmt}.jsonl"
    done = archiver("export", "-o", str(out), db=db)
    if done.returncode:
        raise RuntimeError(done.stderr)
    return out


def records(path: Path) -> dict[str, dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {_stem(r["path"]): r for r in map(json.loads, lines)}


def compare(text: dict[str, dict], html: dict[str, dict], show: bool) -> dict[str, float]:
    scores: dict[str, list[float]] = {name: [] for name in (*TOKEN_FIELDS, "published")}
    for key, proxy in sorted(html.items()):
        mine = text.get(key, {})
        for name in TOKEN_FIELDS:
            if proxy.get(name):
                scores[name].append(token_f1(mine.get(name), proxy[name]))
                if show and name == "title" and scores[name][-1] < 0.5:
                    print(f"  {proxy[name][:60]!r:64} text dump: {str(mine.get(name))[:60]!r}")
        if proxy.get("published"):
            same = str(mine.get("published") or "")[:10] == proxy["published"][:10]
            scores["published"].append(float(same))
    return {f"{name} ({len(v)} pages)": sum(v) / max(1, len(v)) for name, v in scores.items()}


def main(argv: list[str]) -> int:
    show = "--show" in argv
    argv = [a for a in argv if a != "--show"]
    if not available():
        print("../shared/eval is not here: nothing to measure.")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        if len(argv) == 2:
            text_path, html_path = Path(argv[0]), Path(argv[1])
        else:
            text_path = export(EVAL / "aeb" / "textdump", "text", Path(tmp))
            html_path = export(EVAL / "aeb" / "html", "html", Path(tmp))
        figures = compare(records(text_path), records(html_path), show)
    print("AEB text dumps against the HTML path's metadata (token F1; dates: same day)")
    for key, value in figures.items():
        print(f"  {key:<24} {value:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
