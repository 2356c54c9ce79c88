"""Write samples/19-crawl.warc.gz: three of the sample pages as a crawler saves them.

    python bench/sample_warc.py [OUT]

A warcinfo record, then for each page a request, its response (the sample file's bytes as
the HTTP body) and a metadata record, plus the response for the site's logo (an image, which
`archiver add` skips). Dates and record ids are fixed, so the file is the same every time.
"""

from __future__ import annotations

import io
import sys
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
OUT = SAMPLES / "19-crawl.warc.gz"
PAGES = (
    (
        "02-ledger-port-strike.html",
        "https://www.nationalledger.example/business/2024/05/harborton-port-strike-automation",
        "2024-05-14T09:12:03Z",
    ),
    (
        "07-harbortonnotes-hospital-parking.html",
        "https://harbortonnotes.example/2024/05/st-brennans-parking/",
        "2024-05-14T09:12:41Z",
    ),
    (
        "14-faro-fiesta-sardina.html",
        "https://www.elfarocostero.example/local/villamar/2024/05/11/fiesta-sardina-villamar",
        "2024-05-14T09:13:15Z",
    ),
)
LOGO = b"\x89PNG\r\n\x1a\n" + bytes(64)


def headers(n: int, date: str) -> dict[str, str]:
    return {
        "WARC-Date": date,
        "WARC-Record-ID": f"<urn:uuid:{uuid.UUID(int=n)}>",
    }


def main() -> None:
    out_path = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    n = 0
    with open(out_path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        info = writer.create_warcinfo_record(
            OUT.name, {"software": "archiver bench/sample_warc.py", "format": "WARC File 1.1"}
        )
        info.rec_headers.replace_header("WARC-Date", "2024-05-14T09:12:00Z")
        info.rec_headers.replace_header("WARC-Record-ID", f"<urn:uuid:{uuid.UUID(int=n)}>")
        writer.write_record(info)
        for name, url, date in PAGES:
            host = url.split("/")[2]
            path = "/" + url.split("/", 3)[3]
            for kind, body, content_type, target in (
                ("page", (SAMPLES / name).read_bytes(), "text/html; charset=utf-8", url),
                ("logo", LOGO, "image/png", f"https://{host}/logo.png"),
            ):
                if kind == "logo" and name != PAGES[0][0]:
                    continue
                request = f"GET {path if kind == 'page' else '/logo.png'} HTTP/1.1\r\n"
                request += f"Host: {host}\r\nUser-Agent: sample-crawler/1.0\r\n\r\n"
                n += 1
                writer.write_record(
                    writer.create_warc_record(
                        target,
                        "request",
                        payload=io.BytesIO(request.encode()),
                        warc_headers_dict=headers(n, date),
                    )
                )
                http = StatusAndHeaders(
                    "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
                )
                n += 1
                writer.write_record(
                    writer.create_warc_record(
                        target,
                        "response",
                        payload=io.BytesIO(body),
                        http_headers=http,
                        warc_headers_dict=headers(n, date),
                    )
                )
            n += 1
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "metadata",
                    payload=io.BytesIO(f"via: {url}\r\nhopsFromSeed: P\r\n".encode()),
                    warc_content_type="application/warc-fields",
                    warc_headers_dict=headers(n, date),
                )
            )
    print(f"wrote {out_path} ({out_path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
