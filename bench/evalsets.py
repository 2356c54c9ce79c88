"""Score archiver on ../shared/eval through the real CLI: add, export, then score.py.

Used by bench/quality.py (prints the figures) and tests/test_quality_gate.py (checks them
against the pinned floors in bench/floors.json). Nothing from ../shared/eval is copied.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
FLOORS = Path(__file__).resolve().parent / "floors.json"

#: name -> (score.py set, inputs, format given to `archiver add`)
SETS = {
    "aeb-text": ("aeb", EVAL / "aeb" / "textdump", "text"),
    "aeb-html": ("aeb", EVAL / "aeb" / "html", "html"),
    "readability": ("readability", EVAL / "readability" / "pages", "html"),
    # 990 text dumps, mostly German, with English, French, Spanish, Polish, Chinese...: body,
    # titles, authors and dates (about 40 s). Some of its dumps are blank: refusing those is
    # right, and only the refused pages with article text count as failed.
    "trafilatura-text": ("trafilatura", EVAL / "trafilatura" / "textdump", "text"),
    # The same 990 pages as HTML (trafilatura does the extraction; about two minutes).
    "trafilatura-html": ("trafilatura", EVAL / "trafilatura" / "html", "html"),
}
FIGURE = re.compile(
    r"^(aeb|readability|trafilatura|reuse-aeb): ([^,]+?) ([0-9.]+)(?: over (\d+))?$"
)


def available() -> bool:
    return (EVAL / "score.py").is_file()


def archiver(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "archiver", "--db", str(db), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def score(name: str) -> dict[str, float]:
    """Figures for one set, e.g. {"F1": 0.95, "precision": ..., "seconds": ...}."""
    set_name, inputs, fmt = SETS[name]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "eval.db"
        paths = (
            sorted(str(p) for p in inputs.glob("*/source.html"))
            if set_name == "readability"
            else [str(inputs)]
        )
        started = time.perf_counter()
        added = archiver("add", "--format", fmt, "--json", *paths, db=db)
        seconds = time.perf_counter() - started
        errors = [json.loads(line) for line in added.stdout.splitlines()]
        failed = [e for e in errors if e["status"] == "error"]
        if set_name == "trafilatura":
            failed = [e for e in failed if _has_article_text(e["path"])]
        export = Path(tmp) / "export.jsonl"
        exported = archiver("export", "-o", str(export), db=db)
        if exported.returncode:
            raise RuntimeError(exported.stderr)
        out = _score(set_name, export)
        if set_name == "aeb":
            # Reuse among the same pages, judged against their gold bodies.
            report = Path(tmp) / "report.json"
            reported = archiver("report", "--format", "json", "-o", str(report), db=db)
            if reported.returncode:
                raise RuntimeError(reported.stderr)
            out += _score("reuse-aeb", export, report)
        outlets = outlet_figures(set_name, export) if set_name == "aeb" else {}
    figures: dict[str, float] = {
        "seconds": seconds,
        "documents": len(errors),
        "failed": len(failed),
    }
    for line in out.splitlines():
        match = FIGURE.match(line.strip())
        if match:
            prefix = "reuse " if match.group(1) == "reuse-aeb" else ""
            figures[prefix + match.group(2)] = float(match.group(3))
    for key in ("right site", "right among named"):
        if key in outlets:
            figures[f"outlet {key}"] = outlets[key]
    return figures


def _has_article_text(path: str) -> bool:
    """Whether a trafilatura page holds any of the snippets its gold says are article text."""
    wanted = _gold_snippets().get(_stem(path), ())
    text = " ".join(Path(path).read_text(encoding="utf-8", errors="replace").split())
    return any(" ".join(snippet.split()) in text for snippet in wanted)


def _gold_snippets() -> dict[str, list[str]]:
    lines = (EVAL / "trafilatura" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return {item["stem"]: item["with"] for item in map(json.loads, lines)}


def _score(set_name: str, *files: Path) -> str:
    return subprocess.run(
        [sys.executable, str(EVAL / "score.py"), set_name, *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


# --- Outlets: is the outlet the site that published the page? ------------------------------------


def gold_hosts(gold: str) -> dict[str, str]:
    """Page stem -> host of its gold URL (AEB's ground-truth.json, trafilatura's gold.jsonl)."""
    if gold == "aeb":
        data = json.loads((EVAL / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
        urls = {key: item["url"] for key, item in data.items()}
    else:
        lines = (EVAL / "trafilatura" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        urls = {item["stem"]: item["url"] for item in map(json.loads, lines) if item.get("url")}
    return {key: host for key, url in urls.items() if (host := _host(url))}


def _host(url: str | None) -> str:
    return (urlsplit(url or "").hostname or "").lower().removeprefix("www.")


def _stem(path: str) -> str:
    name = Path(path).name
    for ext in (".gz", ".html", ".htm", ".txt"):
        name = name.removesuffix(ext)
    return name


def judge_outlet(outlet: str | None, host: str) -> str:
    """ "right" when the outlet is the host (give or take "www.") or a name that plausibly
    names it ("The New York Times" for nytimes.com), "wrong" otherwise (a network's or parent
    company's name, another site's), "none" without an outlet."""
    sys.path.insert(0, str(REPO))
    from archiver.metanorm import names_host

    if not outlet:
        return "none"
    if _host("//" + outlet) == host or outlet.lower().removeprefix("www.") == host:
        return "right"
    return "right" if names_host(outlet, host) else "wrong"


def outlet_verdicts(gold: str, export: Path) -> list[tuple[str, str, dict]]:
    """(verdict, host, exported record) for every page of the set with a gold URL; a page
    missing from the export has the record {}."""
    hosts = gold_hosts(gold)
    records = {}
    for line in export.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        records[_stem(record["path"])] = record
    return [
        (judge_outlet(records.get(key, {}).get("outlet"), host), host, records.get(key, {}))
        for key, host in sorted(hosts.items())
    ]


def outlet_figures(gold: str, export: Path) -> dict[str, float]:
    """Shares of the pages whose outlet is the right site, the wrong one or missing."""
    verdicts = outlet_verdicts(gold, export)
    counts = Counter(verdict for verdict, _, _ in verdicts)
    total = len(verdicts)
    named = counts["right"] + counts["wrong"]
    publishers = sum("publisher" in record.get("fields", {}) for _, _, record in verdicts)
    return {
        "pages": total,
        "with an outlet": named / total,
        "right site": counts["right"] / total,
        "wrong site": counts["wrong"] / total,
        "right among named": counts["right"] / max(1, named),
        "with a publisher": publishers / total,
    }


def floors() -> dict[str, dict[str, float]]:
    """The pinned floors of the eval sets that are gated (floors.json also pins the reuse
    gate's)."""
    pinned = json.loads(FLOORS.read_text())
    return {name: pinned[name] for name in SETS if name in pinned}
