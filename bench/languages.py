"""Print archiver's quality on the trafilatura set per detected language.

python bench/languages.py                    # text dumps (trafilatura-text)
python bench/languages.py trafilatura-html   # the same pages as HTML

Each page is counted under the language archiver stored for it (the ``language`` field); a
page missing from the export (refused, or the same bytes as another page) under "not stored".
The figures are score.py's (snippet precision, recall and F1 over all the language's
snippets; title and author token-F1; date accuracy), computed with score.py's own functions
on the part of the set in each language.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from evalsets import EVAL, SETS, archiver, available

#: Languages with fewer pages than this are counted together as "other".
MIN_PAGES = 10


def _score_module():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def export(name: str, tmp: Path) -> dict[str, dict]:
    """Add the set's pages to a fresh archive; its export by page stem."""
    _, inputs, fmt = SETS[name]
    db = tmp / "eval.db"
    archiver("add", "--format", fmt, "--quiet", str(inputs), db=db)
    path = tmp / "export.jsonl"
    exported = archiver("export", "-o", str(path), db=db)
    if exported.returncode:
        raise RuntimeError(exported.stderr)
    return _score_module().load_export(str(path))


def by_language(records: dict[str, dict]) -> dict[str, dict[str, float]]:
    score = _score_module()
    gold_path = EVAL / "trafilatura" / "gold.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()]
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for item in gold:
        record = records.get(item["stem"])
        missing = "not stored" if record is None else "unknown"
        language = (record or {}).get("language") or missing
        for key in (language, "all"):
            s = sums[key]
            text = score._collapse((record or {}).get("clean_text"))
            hit = sum(1 for w in item["with"] if text and score._collapse(w) in text)
            leak = sum(1 for w in item["without"] if text and score._collapse(w) in text)
            s["pages"] += 1
            s["tp"] += hit
            s["fp"] += leak
            s["fn"] += len(item["with"]) - hit
            if item.get("title"):
                s["titles"] += 1
                s["title"] += score.token_f1((record or {}).get("title"), item["title"])
            if item.get("author"):
                s["authors"] += 1
                s["author"] += score.token_f1((record or {}).get("author"), item["author"])
            if item.get("date"):
                s["dates"] += 1
                s["date"] += str((record or {}).get("published") or "")[:10] == item["date"][:10]
    merged: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for language, s in sums.items():
        key = language if s["pages"] >= MIN_PAGES or language in ("all", "not stored") else "other"
        for field, value in s.items():
            merged[key][field] += value
    return merged


_MEANS = (("title", "titles"), ("author", "authors"), ("date", "dates"))


def _mean(figures: dict[str, float], total: str, count: str) -> str:
    return f"{figures[total] / figures[count]:.3f}" if figures[count] else "  -  "


def main(argv: list[str]) -> int:
    if not available():
        print("../shared/eval is not here: nothing to measure.")
        return 0
    name = argv[0] if argv else "trafilatura-text"
    if SETS[name][0] != "trafilatura":
        print(f"{name} is not a trafilatura set")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        figures = by_language(export(name, Path(tmp)))
    print(f"{name}, per detected language")
    print("language  pages  F1     prec.  recall  title  author  date")
    last = ("all", "other", "not stored")
    for language in sorted(figures, key=lambda k: (k in last, -figures[k]["pages"])):
        s = figures[language]
        tp, fp, fn = s["tp"], s["fp"], s["fn"]
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        title, author, date = (_mean(s, *pair) for pair in _MEANS)
        print(
            f"{language:<9} {s['pages']:>5.0f}  {f1:.3f}  {precision:.3f}  {recall:.3f}   "
            f"{title}  {author}   {date}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
