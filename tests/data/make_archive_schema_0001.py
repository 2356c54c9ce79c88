"""Build an archive as archiver's first schema left it (tests/conftest.py builds it once per
test run; run this file to write tests/data/archive-schema-0001.db to look at).

Migration 0001 only (originals, articles, article_fields: no removed lines, templates, search
index or reuse index yet), with five invented articles stored the way the code of that time
stored them (commit 5bb6a18, `Archive.store`): the original bytes under their SHA-256, one
articles row with the clean text and core fields, one article_fields row per field with its
source and confidence. Articles 1 and 2 tell one story and share a paragraph (a wire story
another outlet ran with its own opening); the others are unrelated.

    python tests/data/make_archive_schema_0001.py   # writes the file (not checked in)
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "archive-schema-0001.db"

BRIDGE_WIRE = (
    "The county planning board on Thursday approved a 140-metre footbridge across the Calder "
    "River at Millford, ending a four-year argument over whether the crossing would spoil the "
    "view from the old mill. The board voted six to two after engineers agreed to lower the "
    "central span by a metre and to paint the steel the grey of the mill's slate roof. Work "
    "is due to start in March and the bridge should open before the town's summer fair, the "
    "board's chair, Agnes Morrow, told the meeting."
)
LIBRARY_STORY = (
    "The Hillcrest public library reopened on Monday after eighteen months of repairs to its "
    "flood-damaged basement, with a children's reading room where the boiler used to stand "
    "and a wall of lockers where commuters can collect books ordered online. Librarian Tomas "
    "Brandt said the staff had rescued nearly all of the local history collection by carrying "
    "boxes up the stairs in the dark on the night of the flood, and that only two shelves of "
    "old telephone directories had been lost."
)

# (source file name, page text as scraped, clean text, fields as (name, value, source, conf))
ARTICLES = [
    (
        "courier-footbridge.txt",
        "Riverside Courier\nNews | Sport | Weather\n\nMillford footbridge approved after "
        "four-year row\n\nBy Nell Okafor\n\nMILLFORD, March 7 (RCN) - " + BRIDGE_WIRE + "\n\n"
        "Objectors, led by the Millford Mill Trust, said they would not appeal. Their "
        "spokesman, Ray Dunmore, said the lower span was a fair compromise and that the trust "
        "would ask to put an information board about the mill at the bridge's north end.\n\n"
        "Advertisement\nShare this article\n",
        "MILLFORD, March 7 (RCN) - " + BRIDGE_WIRE + "\n\nObjectors, led by the Millford Mill "
        "Trust, said they would not appeal. Their spokesman, Ray Dunmore, said the lower span "
        "was a fair compromise and that the trust would ask to put an information board about "
        "the mill at the bridge's north end.",
        [
            ("title", "Millford footbridge approved after four-year row", "text-line", 0.8),
            ("author", "Nell Okafor", "text-line", 0.8),
            ("outlet", "Riverside Courier", "text-line", 0.6),
            ("published", "2024-03-07", "dateline", 0.6),
        ],
    ),
    (
        "gazette-footbridge.txt",
        "The Northfield Gazette\n\nGreen light for Calder footbridge\n\nCommuters who cycle "
        "from Millford to the station will soon be spared the two-mile detour over the road "
        "bridge.\n\n" + BRIDGE_WIRE + "\n\nCyclists' groups welcomed the decision. The "
        "Northfield Wheelers said the crossing would take about four hundred cars a day off "
        "Station Road.\n\nComments are closed.\n",
        "Commuters who cycle from Millford to the station will soon be spared the two-mile "
        "detour over the road bridge.\n\n" + BRIDGE_WIRE + "\n\nCyclists' groups welcomed the "
        "decision. The Northfield Wheelers said the crossing would take about four hundred "
        "cars a day off Station Road.",
        [
            ("title", "Green light for Calder footbridge", "text-line", 0.8),
            ("outlet", "The Northfield Gazette", "text-line", 0.6),
            ("published", "2024-03-08", "cli", 1.0),
        ],
    ),
    (
        "hillcrest-library.txt",
        "Hillcrest Daily\n\nLibrary reopens with reading room in old boiler house\n\nBy Sam "
        "Ferreira\n\n" + LIBRARY_STORY + "\n\nThe library is open from nine until seven on "
        "weekdays and until four on Saturdays.\n\nSubscribe to our newsletter\n",
        LIBRARY_STORY + "\n\nThe library is open from nine until seven on weekdays and until "
        "four on Saturdays.",
        [
            ("title", "Library reopens with reading room in old boiler house", "text-line", 0.8),
            ("author", "Sam Ferreira", "text-line", 0.8),
            ("outlet", "Hillcrest Daily", "text-line", 0.6),
            ("published", "2024-04-15", "cli", 1.0),
        ],
    ),
    (
        "observer-school-garden.txt",
        "Valley Observer\n\nPupils grow a hundred kilos of potatoes behind the gym\n\nA patch "
        "of waste ground behind the gym at Ashby Primary has become the most talked-about "
        "vegetable garden in the valley. Pupils in year five dug the beds in autumn, planted "
        "seed potatoes in spring and lifted just over a hundred kilos of them last week, "
        "weighing every basket on the kitchen scales. Head teacher Carol Ibsen said the "
        "harvest would be served in school dinners until half term and that the class now "
        "wanted to try pumpkins.\n\nLog in to comment\n",
        "A patch of waste ground behind the gym at Ashby Primary has become the most "
        "talked-about vegetable garden in the valley. Pupils in year five dug the beds in "
        "autumn, planted seed potatoes in spring and lifted just over a hundred kilos of them "
        "last week, weighing every basket on the kitchen scales. Head teacher Carol Ibsen said "
        "the harvest would be served in school dinners until half term and that the class now "
        "wanted to try pumpkins.",
        [
            ("title", "Pupils grow a hundred kilos of potatoes behind the gym", "text-line", 0.8),
            ("outlet", "Valley Observer", "text-line", 0.6),
        ],
    ),
    (
        "courier-bakery.txt",
        "Riverside Courier\nNews | Sport | Weather\n\nRye loaf wins Millford baker a national "
        "prize\n\nBy Nell Okafor\n\nA sourdough rye baked in a wood-fired oven on Tanner "
        "Street has been named the best loaf in the country by the Guild of Craft Bakers. "
        "Owner Ilse Varga, who opened the bakery in a former saddlery six years ago, said she "
        "fed the same starter every morning at five and had never once let it go hungry, not "
        "even on the day her daughter was born. The prize comes with a silver peel and a "
        "place at the guild's spring show.\n\nAdvertisement\nShare this article\n",
        "A sourdough rye baked in a wood-fired oven on Tanner Street has been named the best "
        "loaf in the country by the Guild of Craft Bakers. Owner Ilse Varga, who opened the "
        "bakery in a former saddlery six years ago, said she fed the same starter every "
        "morning at five and had never once let it go hungry, not even on the day her daughter "
        "was born. The prize comes with a silver peel and a place at the guild's spring show.",
        [
            ("title", "Rye loaf wins Millford baker a national prize", "text-line", 0.8),
            ("author", "Nell Okafor", "text-line", 0.8),
            ("outlet", "Riverside Courier", "text-line", 0.6),
            ("published", "2024-05-02", "cli", 1.0),
        ],
    ),
]
CORE = ("title", "author", "outlet", "url", "published", "language")


def build(target: Path = TARGET) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from archiver.store import alembic_config

    target.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{target}")
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode = WAL")  # as archives were then
        command.upgrade(alembic_config(conn), "0001")
        for number, (name, page, clean, fields) in enumerate(ARTICLES, 1):
            data = page.encode("utf-8")
            sha = hashlib.sha256(data).hexdigest()
            conn.exec_driver_sql(
                "INSERT INTO originals (sha256, size, data) VALUES (?, ?, ?)",
                (sha, len(data), data),
            )
            values = dict.fromkeys(CORE)
            values.update({f: v for f, v, _, _ in fields})
            conn.exec_driver_sql(
                "INSERT INTO articles (sha256, source_path, ingested_at, format, encoding, "
                "extractor, extractor_version, clean_text, title, author, outlet, url, "
                "published, language) VALUES (?, ?, ?, 'text', 'utf-8', 'archiver-text', '1', "
                "?, ?, ?, ?, ?, ?, ?)",
                (
                    sha,
                    f"/home/reporter/scraped/{name}",
                    f"2024-06-01 09:{number:02}:00.000000",
                    clean,
                    *(values[f] for f in CORE),
                ),
            )
            conn.exec_driver_sql(
                "INSERT INTO article_fields (article_id, name, value, source, confidence) "
                "VALUES (?, ?, ?, ?, ?)",
                [(number, f, v, s, c) for f, v, s, c in fields],
            )
    engine.dispose()
    check = sqlite3.connect(target)
    check.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    check.execute("VACUUM")
    check.close()


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent.parent))
    build()
    print(f"wrote {TARGET} ({TARGET.stat().st_size} bytes)")
