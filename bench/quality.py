"""Print archiver's cleaning and metadata quality on ../shared/eval, against the pinned floors.

python bench/quality.py            # every set
python bench/quality.py aeb-html   # one set
"""

from __future__ import annotations

import argparse
import sys

from evalsets import SETS, available, floors, score


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", metavar="SET", help="; ".join(SETS) + " (default: all)")
    argv = parser.parse_args(argv).sets
    unknown = [name for name in argv if name not in SETS]
    if unknown:
        parser.error(f"no set named {unknown[0]!r}: choose among {', '.join(SETS)}")
    if not available():
        print("../shared/eval is not here: nothing to measure.")
        return 0
    pinned = floors()
    below = 0
    for name in argv or list(SETS):
        figures = score(name)
        print(
            f"{name}: {figures['documents']:.0f} documents in {figures['seconds']:.1f} s "
            f"({figures['failed']:.0f} refused)"
        )
        for key, value in figures.items():
            if key in ("seconds", "documents", "failed"):
                continue
            floor = pinned.get(name, {}).get(key)
            mark = ""
            if floor is not None:
                mark = f"   floor {floor:.3f}" + ("   BELOW" if value < floor else "")
                below += value < floor
            print(f"  {key:<24} {value:.3f}{mark}")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
