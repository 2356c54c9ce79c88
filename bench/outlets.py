"""How often archiver names an article's outlet, and whether it is the right site, on real pages.

python bench/outlets.py                         # AEB and trafilatura, text dumps and HTML
python bench/outlets.py aeb-text                # one set
python bench/outlets.py aeb-text EXPORT.jsonl   # judge an export made earlier (another version)
python bench/outlets.py aeb-text --show         # every page: verdict, host, outlet, its source
python bench/outlets.py aeb-text --with-url     # each page given its gold URL, as `add --url`

The gold URL of each page (AEB's ground-truth.json, trafilatura's gold.jsonl) gives its host.
An outlet is the right site when it is that host (give or take "www.") or a name that
plausibly names it (archiver.metanorm.names_host: "The New York Times" for nytimes.com), and
the wrong one otherwise: a network's or parent company's name, another site's. The AEB
figures are also gated (bench/floors.json, through bench/evalsets.py). Nothing from
../shared/eval is copied.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

from evalsets import EVAL, archiver, available, outlet_figures, outlet_verdicts

#: name -> (inputs, format, gold)
SETS = {
    "aeb-text": (EVAL / "aeb" / "textdump", "text", "aeb"),
    "aeb-html": (EVAL / "aeb" / "html", "html", "aeb"),
    "trafilatura-text": (EVAL / "trafilatura" / "textdump", "text", "trafilatura"),
    "trafilatura-html": (EVAL / "trafilatura" / "html", "html", "trafilatura"),
}


def export(name: str, tmp: Path) -> Path:
    inputs, fmt, _ = SETS[name]
    db = tmp / "outlets.db"
    archiver("add", "--format", fmt, "--json", str(inputs), db=db)
    out = tmp / "export.jsonl"
    done = archiver("export", "-o", str(out), db=db)
    if done.returncode:
        raise RuntimeError(done.stderr)
    return out


def export_with_urls(name: str, tmp: Path) -> Path:
    """Each page extracted as `archiver add PAGE --url URL` would (in this process, through
    the same library call), exported as `archiver export` writes it."""
    import json

    from evalsets import REPO

    sys.path.insert(0, str(REPO))
    from archiver.errors import InputError
    from archiver.ingest import extract, merge_metadata

    inputs, fmt, gold = SETS[name]
    urls = {
        key: url
        for key, url in _gold_urls(gold).items()
        if (inputs / f"{key}{'.txt' if fmt == 'text' else '.html.gz'}").is_file()
    }
    out = tmp / "export.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for key, url in sorted(urls.items()):
            path = inputs / f"{key}{'.txt' if fmt == 'text' else '.html.gz'}"
            try:
                _, extraction = extract(path.read_bytes(), str(path), format=fmt, url=url)
            except InputError:  # a refused page has no outlet
                continue
            fields = merge_metadata(extraction.metadata, {})
            record = {
                "path": str(path),
                "outlet": fields["outlet"].value if "outlet" in fields else None,
                "fields": {n: {"value": f.value, "source": f.source} for n, f in fields.items()},
            }
            fh.write(json.dumps(record) + "\n")
    return out


def _gold_urls(gold: str) -> dict[str, str]:
    import json

    if gold == "aeb":
        data = json.loads((EVAL / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
        return {key: item["url"] for key, item in data.items()}
    lines = (EVAL / "trafilatura" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return {item["stem"]: item["url"] for item in map(json.loads, lines) if item.get("url")}


def main(argv: list[str]) -> int:
    show = "--show" in argv
    with_url = "--with-url" in argv
    argv = [a for a in argv if a not in ("--show", "--with-url")]
    if not available():
        print("../shared/eval is not here: nothing to measure.")
        return 0
    for name in [argv[0]] if argv else list(SETS):
        gold = SETS[name][2]
        with tempfile.TemporaryDirectory() as tmp:
            if len(argv) > 1:
                path = Path(argv[1])
            elif with_url:
                path = export_with_urls(name, Path(tmp))
            else:
                path = export(name, Path(tmp))
            figures = outlet_figures(gold, path)
            verdicts = outlet_verdicts(gold, path)
        print(f"{name}: {figures.pop('pages'):.0f} pages")
        for key, value in figures.items():
            print(f"  {key:<20} {value:.3f}")
        sources = Counter(
            f"{verdict} {(record.get('fields', {}).get('outlet') or {}).get('source')}"
            for verdict, _, record in verdicts
        )
        print("  by source: " + ", ".join(f"{k} {v}" for k, v in sorted(sources.items())))
        if show:
            for verdict, host, record in verdicts:
                source = (record.get("fields", {}).get("outlet") or {}).get("source")
                print(f"  {verdict:<5} {host:<34} {record.get('outlet')!s:<36} {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
