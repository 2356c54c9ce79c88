"""How fast `archiver add` archives a WARC: records per second, end to end.

    python bench/warc.py                    # 1,000 records, 3 runs, HTML payloads
    python bench/warc.py --records 200 --runs 1 --payload text

Builds a gzipped WARC the way a crawler writes one (warcinfo, then request, response and
metadata records per page) from the news-like pages of bench/newspages.py: each page's
dump, one block a line, as an HTML page (``--payload html``, the usual case: trafilatura
extracts it) or as text/plain (the line cleaner reads it). Then runs the real command,
``python -m archiver add --quiet crawl.warc.gz``, into a new archive, several times, and
prints the median records (articles) per second, process start included: one page a
transaction in one process (how `add` ran before), 16 a transaction in one process, and 16 a
transaction with a worker process preparing pages (`--jobs 2`), in the same run.
"""

from __future__ import annotations

import argparse
import html
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

sys.path.insert(0, str(Path(__file__).resolve().parent))
import newspages


def as_html(text: str, title: str) -> str:
    """A page dump as an HTML page: the first line a heading, every other block a paragraph."""
    blocks = [line for line in text.splitlines() if line.strip()]
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in blocks)
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"</head><body><article>\n{body}\n</article></body></html>"
    )


def build_warc(path: Path, records: int, payload: str) -> int:
    """Write the WARC; returns its size in bytes."""
    pages = []
    for index in range(records):
        article = newspages.stream_article(index)
        text = newspages.page(index)
        host = (
            article.outlet.short.lower().replace(" ", "") + ".example"
            if article.outlet
            else "aggregator.example"
        )
        if payload == "html":
            body, kind = as_html(text, article.title).encode(), "text/html; charset=utf-8"
        else:
            body, kind = text.encode(), "text/plain; charset=utf-8"
        pages.append((f"https://{host}/news/{index}", body, kind))
    write_warc(path, pages, gzipped=True)
    return path.stat().st_size


def write_warc(path: Path, pages: list[tuple[str, bytes, str]], *, gzipped: bool) -> Path:
    """A WARC as a crawler writes it: warcinfo, then request + response + metadata per page.
    ``pages`` holds (url, body, content type)."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        writer.write_record(
            writer.create_warcinfo_record(path.name, {"software": "archiver bench"})
        )
        for url, body, content_type in pages:
            host = url.split("/")[2]
            request = f"GET / HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(request))
            )
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=http
                )
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "metadata",
                    payload=io.BytesIO(b"outlinks: " + url.encode()),
                    warc_content_type="application/warc-fields",
                )
            )
    return path


ARCHIVER = [sys.executable, "-m", "archiver"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--payload", choices=("html", "text"), default="html")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "crawl.warc.gz"
        size = build_warc(warc, args.records, args.payload)
        print(
            f"{args.records:,} {args.payload} records in a {size / 1e6:.1f} MB gzipped WARC "
            f"(with as many requests and metadata records)"
        )
        modes = {
            "one by one, 1 process": ["--jobs", "1", "--commit-every", "1"],
            "16 a transaction, 1 process": ["--jobs", "1"],
            "16 a transaction, --jobs 2": ["--jobs", "2"],
        }
        rates: dict[str, list[float]] = {mode: [] for mode in modes}
        for run in range(args.runs):
            for mode, options in modes.items():
                db = Path(tmp) / f"run{run}-{list(modes).index(mode)}.db"
                started = time.perf_counter()
                done = subprocess.run(
                    [*ARCHIVER, "add", "--quiet", "--db", str(db), *options, str(warc)],
                    capture_output=True,
                    text=True,
                )
                elapsed = time.perf_counter() - started
                summary = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
                rates[mode].append(args.records / elapsed)
                print(
                    f"run {run + 1}, {mode}: {elapsed:.1f} s, {rates[mode][-1]:.1f} records/s "
                    f"({summary})",
                    flush=True,
                )
        base = statistics.median(rates["one by one, 1 process"])
        for mode, values in rates.items():
            median = statistics.median(values)
            print(f"median, {mode}: {median:.1f} records/s ({median / base:.2f}x one by one)")


if __name__ == "__main__":
    main()
