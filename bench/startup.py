"""How long a command takes from the shell on a small archive: process start, imports, the
archive opened, the work done. Medians of several runs, each in a new process.

    python bench/startup.py [--runs 7]

The archive is the bundled samples (15 articles), added once. `python -c pass` is the
baseline measured in the same run: what any Python program pays to start.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def seconds(args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = f"{tmp}/samples.db"
        archiver = [sys.executable, "-m", "archiver", "--db", db]
        subprocess.run([*archiver, "add", str(REPO / "samples")], check=True, capture_output=True)
        baseline = seconds([sys.executable, "-c", "pass"], args.runs)
        print(f"{'command':<40} {'median s':>9} {'minus python start':>19}")
        print(f"{'python -c pass (the baseline)':<40} {baseline:>9.2f}")
        for command in (
            ["--help"],
            ["list"],
            ["search", "harbour"],
            ["stats"],
            ["show", "1"],
            ["report"],
            ["trace", "--id", "11"],
            ["add", str(REPO / "samples" / "01-mpa-port-strike.txt")],  # already archived
        ):
            took = seconds([*archiver, *command], args.runs)
            name = "archiver " + " ".join(command)[:31]
            print(f"{name:<40} {took:>9.2f} {took - baseline:>19.2f}")


if __name__ == "__main__":
    main()
