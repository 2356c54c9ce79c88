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
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
FLOORS = Path(__file__).resolve().parent / "floors.json"

#: name -> (score.py set, inputs, format given to `archiver add`)
SETS = {
    "aeb-text": ("aeb", EVAL / "aeb" / "textdump", "text"),
    "aeb-html": ("aeb", EVAL / "aeb" / "html", "html"),
    "readability": ("readability", EVAL / "readability" / "pages", "html"),
}
FIGURE = re.compile(r"^(aeb|readability|reuse-aeb): ([\w -]+?) ([0-9.]+)(?: over (\d+))?$")


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
    return figures


def _score(set_name: str, *files: Path) -> str:
    return subprocess.run(
        [sys.executable, str(EVAL / "score.py"), set_name, *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def floors() -> dict[str, dict[str, float]]:
    """The pinned floors of the eval sets (floors.json also pins the reuse gate's)."""
    pinned = json.loads(FLOORS.read_text())
    return {name: pinned[name] for name in SETS}
