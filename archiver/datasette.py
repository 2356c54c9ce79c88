"""Browse an archive in Datasette: titles and descriptions of its tables, the full-text index
of ``articles`` for the search box, the internal indexes hidden, and canned queries (the
pairs of an article with both texts, an outlet's uncredited copies, who copies whom, the
boilerplate removed by rule). The metadata lives in ``datasette.json`` beside this module,
for a database named ``archive``; Datasette names a database after its file, so::

    python -m archiver.datasette news.db > metadata.json
    datasette news.db -m metadata.json

writes it for ``news.db``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

METADATA = Path(__file__).with_name("datasette.json")
#: The database name the file is written for (an archive named archive.db).
DEFAULT_NAME = "archive"
USAGE = "usage: python -m archiver.datasette [ARCHIVE]  (prints Datasette metadata as JSON)"


def metadata(archive: str | Path = "archive.db") -> dict:
    """The Datasette metadata for the archive file ``archive`` (only its name matters)."""
    meta = json.loads(METADATA.read_text(encoding="utf-8"))
    meta["databases"] = {Path(archive).stem: meta["databases"][DEFAULT_NAME]}
    return meta


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and args[0].startswith("-")):
        print(USAGE, file=sys.stderr)
        return 2
    print(json.dumps(metadata(args[0] if args else "archive.db"), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
