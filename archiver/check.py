"""`archiver db check`: find what is damaged in an archive, and rebuild what is derived.

What is verified, each problem said in one sentence (counted, with a few example ids):

- the schema: the version recorded is this archiver's, and the tables, columns, indexes, the
  search index and its triggers are all there;
- SQLite's own integrity check and foreign keys;
- every original's bytes against the SHA-256 they were archived under;
- the search index (FTS5) against the articles: rows missing, extra, or holding old words;
  the Chinese and Japanese (trigram) index: exactly the articles that hold such characters;
- the reuse index against the articles: a well-formed signature of this version for every
  article, exactly the LSH band rows those signatures make, pairs between existing articles
  with spans inside their texts.

Only what is derived from the articles is ever repaired (the search index, the reuse index
and its pairs, indexes, triggers, a wrong version record); original bytes never are, and a file
SQLite finds damaged is not written to. Rows are streamed: memory does not grow with the
archive (but for one integer per article).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DatabaseError

from .storage import storage_for
from .store import Database, head_revision, migrations_dir

if TYPE_CHECKING:
    from .options import Options
    from .passages import ReuseSettings

#: Example ids named in a sentence about many rows.
EXAMPLES = 5
#: Originals read per query.
ORIGINALS_PER_QUERY = 64
#: Articles indexed again per transaction when repairing.
REINDEX_PER_TRANSACTION = 50
#: Faults of SQLite's integrity check listed at most.
INTEGRITY_FAULTS = 20
SEARCH_TABLE = "articles_fts"
#: The second search index, of Chinese and Japanese text (trigrams of the articles holding it).
CJK_TABLE = "articles_cjk_fts"
SEARCH_SHADOWS = ("data", "idx", "docsize", "config")
CONFIDENCES = frozenset({"high", "medium", "low", "undetermined"})
KINDS = frozenset({"copy", "quotation"})
#: Tables whose rows are all derived from the articles: repair makes them again.
DERIVED_TABLES = (
    "reuse_signatures",
    "lsh_bands",
    "lsh_segments",
    "reuse_pairs",
    "boilerplate_shingles",
    "pair_shingles",
    "archive_state",
)
#: Tables whose loss means every article must be indexed for reuse again.
REUSE_TABLES = ("reuse_signatures", "lsh_bands", "lsh_segments", "reuse_pairs", "pair_shingles")
_TRIGGER_NAME = re.compile(r"CREATE\s+TRIGGER\s+(\w+)", re.IGNORECASE)
_TOKENIZER = re.compile(r"tokenize\s*=\s*'([^']*)'")
_RESTORE = "restore the archive from a backup"
#: SQLite's words for a schema that lacks something (not a damaged file).
_MISSING = re.compile(r"no such (table|column|index)")


@dataclass
class Problem:
    """One thing found wrong, as a sentence; ``repairable`` when only derived data is."""

    sentence: str
    repairable: bool = False


@dataclass
class Plan:
    """What ``repair`` would rebuild."""

    stamp: bool = False
    #: Tables of the reuse index to make again (every article is then indexed again).
    tables: list[str] = field(default_factory=list)
    indexes: list[str] = field(default_factory=list)
    triggers: list[str] = field(default_factory=list)
    #: The search index made again from nothing (it is missing or cannot be opened).
    reset_search: bool = False
    rebuild_search: bool = False
    #: The Chinese and Japanese index made again from nothing, or filled again.
    reset_cjk: bool = False
    rebuild_cjk: bool = False
    #: Articles to sign and index again (their pairs found again).
    reindex: set[int] = field(default_factory=set)
    #: Pairs to delete (pointing at missing articles, or malformed).
    drop_pairs: set[tuple[int, int]] = field(default_factory=set)
    #: How many of them are malformed (the others point at missing articles).
    malformed_pairs: int = 0
    #: Signatures and band rows of articles that no longer exist.
    drop_orphans: bool = False

    def __bool__(self) -> bool:
        return bool(
            self.stamp
            or self.tables
            or self.indexes
            or self.triggers
            or self.reset_search
            or self.rebuild_search
            or self.reset_cjk
            or self.rebuild_cjk
            or self.reindex
            or self.drop_pairs
            or self.drop_orphans
        )


@dataclass
class Report:
    """What a check found: a line per area (``summary``), the problems, what repair does."""

    location: str
    revision: str | None = None
    head: str = ""
    summary: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    plan: Plan = field(default_factory=Plan)
    #: SQLite finds the file itself damaged: nothing is written to it.
    damaged_file: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def repairable(self) -> bool:
        return bool(self.plan) and not self.damaged_file

    def problem(self, sentence: str, repairable: bool = False) -> None:
        self.problems.append(Problem(sentence, repairable))


class Tally:
    """A count of things found, keeping the first few (streams come in id order)."""

    def __init__(self) -> None:
        self.count = 0
        self.examples: list = []

    def add(self, item) -> None:
        self.count += 1
        if len(self.examples) < EXAMPLES:
            self.examples.append(item)

    def __bool__(self) -> bool:
        return self.count > 0

    def named(self, noun: str, plural: str | None = None) -> str:
        """'article 4', 'articles 2 and 5', 'articles 1, 2, 3, 4, 5, ...'."""
        plural = plural or f"{noun}s"
        items = [str(i) for i in self.examples]
        if self.count == 1:
            return f"{noun} {items[0]}"
        if self.count > len(items):
            return f"{plural} {', '.join(items)}, ..."
        return f"{plural} {', '.join(items[:-1])} and {items[-1]}"


def _n(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def _verb(count: int, singular: str, plural: str) -> str:
    return singular if count == 1 else plural


def _reason(exc: DatabaseError) -> str:
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]


# ---------------------------------------------------------------------------------------------
# Checking
# ---------------------------------------------------------------------------------------------


def check(db: Database, options: Options | None = None) -> Report:
    """Check the whole archive; nothing is written. Signatures are expected as ``options``'
    reuse settings make them (the defaults without)."""
    from .options import DEFAULTS

    reuse = (options or DEFAULTS).reuse
    report = Report(db.location, head=head_revision())
    sqlite = db.path is not None
    current = _guard(report, "the schema", lambda: _schema(db, report))
    if sqlite:
        _guard(report, "SQLite's integrity", lambda: _integrity(db, report))
        _guard(report, "the foreign keys", lambda: _foreign_keys(db, report))
    _guard(report, "the originals", lambda: _originals(db, report))
    if set(report.plan.tables) & set(REUSE_TABLES):
        # A lost table of the reuse index: every article is indexed again.
        with _snapshot(db) as conn:
            report.plan.reindex.update(conn.exec_driver_sql("SELECT id FROM articles").scalars())
    if current:
        with db.engine.connect() as conn:
            tables = _guard(report, "the tables", lambda: _tables(conn)) or set()
        search = {SEARCH_TABLE, *(f"{SEARCH_TABLE}_{s}" for s in SEARCH_SHADOWS), "articles"}
        if sqlite and search <= tables and not report.plan.reset_search:
            _guard(report, "the search index", lambda: _search(db, report))
        cjk = {CJK_TABLE, *(f"{CJK_TABLE}_{s}" for s in SEARCH_SHADOWS), "articles"}
        if sqlite and cjk <= tables and not report.plan.reset_cjk:
            _guard(report, "the Chinese and Japanese search index", lambda: _cjk(db, report))
        if {"articles", "reuse_signatures", "lsh_bands", "reuse_pairs"} <= tables:
            _guard(report, "the reuse index", lambda: _reuse(db, report, reuse))
    return report


def _guard(report: Report, what: str, step: Callable):
    """Run one area's check; a file SQLite cannot read there is a problem, not a crash."""
    try:
        return step()
    except DatabaseError as exc:
        reason = _reason(exc)
        if not _MISSING.search(reason):
            report.damaged_file = True
        report.problem(f"{what} could not be checked ({reason}); {_RESTORE}")
    except (TypeError, ValueError, OverflowError) as exc:
        # SQLite types each value by itself: a damaged record can hold anything anywhere.
        report.damaged_file = True
        report.problem(
            f"{what} could not be checked: the file holds values of the wrong kind "
            f"({type(exc).__name__}: {exc}); {_RESTORE}"
        )
    return None


@contextmanager
def _snapshot(db: Database) -> Iterator[Connection]:
    """One read transaction, rolled back: a commit can fail where SQLite met damage."""
    with db.engine.connect() as conn:
        conn.begin()
        try:
            yield conn
        finally:
            with suppress(DatabaseError):
                conn.rollback()


def _tables(conn: Connection) -> set[str]:
    return set(inspect(conn).get_table_names())


@lru_cache(maxsize=1)
def _search_migration():
    """The migration that made the search indexes as they are now."""
    path = migrations_dir() / "versions" / "0007_search_datasette_and_cjk.py"
    spec = importlib.util.spec_from_file_location("archiver_migration_0007", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _search_statements() -> tuple[str, ...]:
    """The word index's table, triggers and rebuild, as the migration that made them."""
    return tuple(_search_migration().STATEMENTS)


def _cjk_statements() -> tuple[str, ...]:
    """The Chinese and Japanese index's table, triggers and filling."""
    return tuple(_search_migration().CJK_STATEMENTS)


def _expected_triggers() -> dict[str, str]:
    return {
        m.group(1): statement
        for statement in _search_statements() + _cjk_statements()
        if (m := _TRIGGER_NAME.search(statement))
    }


def _same_sql(a: str | None, b: str) -> bool:
    return a is not None and " ".join(a.split()) == " ".join(b.split())


def _schema(db: Database, report: Report) -> bool:
    """The version record and the schema; True when the archive is at this version."""
    current = report.revision = db.revision()
    differences = _schema_problems(db)
    if current != report.head:
        if not differences:
            report.problem(
                f"the archive records schema {current}, but its tables, indexes and triggers "
                f"are those of {report.head}: the version record is wrong",
                repairable=True,
            )
            report.plan.stamp = True
            return True
        report.problem("the schema is older: run `archiver db upgrade`")
        return False
    for sentence, fix in differences:
        report.problem(sentence, repairable=fix is not None)
        if fix is not None:
            kind, name = fix
            if kind == "index":
                report.plan.indexes.append(name)
            elif kind == "trigger":
                report.plan.triggers.append(name)
            elif kind == "search":
                report.plan.reset_search = True
            elif kind == "cjk":
                report.plan.reset_cjk = True
            elif kind == "table":
                report.plan.tables.append(name)
    return True


def _differences(db: Database) -> list:
    """Alembic's differences between the models and the archive, the search index's tables
    left out before they are read (a damaged one cannot even be described)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from .models import Base

    def include_name(name, type_, _parent) -> bool:
        return not (type_ == "table" and name and name.startswith((SEARCH_TABLE, CJK_TABLE)))

    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": include_name}
        )
        return [
            item
            for diff in compare_metadata(context, Base.metadata)
            for item in (diff if isinstance(diff, list) else [diff])
        ]


def _schema_problems(db: Database) -> list[tuple[str, tuple[str, str] | None]]:
    """Differences from this version's schema, each a sentence and how to repair it."""
    found: list[tuple[str, tuple[str, str] | None]] = []
    differences = _differences(db)
    lost = {item[1].name for item in differences if item[0] == "add_table"}
    for item in differences:
        if item[0] == "add_index" and item[1].table.name in lost:
            continue  # made with its table
        sentence = _difference(item)
        if sentence:
            found.append(sentence)
    if db.path is None:
        return found
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'trigger')"
        ).all()
    sql = {(kind, name): statement for kind, name, statement in rows}
    create_search = _search_statements()[0]
    if ("table", SEARCH_TABLE) not in sql:
        found.append(
            (
                f"the search index (table {SEARCH_TABLE}) is missing, so `archiver search` "
                "cannot run",
                ("search", SEARCH_TABLE),
            )
        )
    elif not _same_sql(sql[("table", SEARCH_TABLE)], create_search):
        found.append((f"the search index (table {SEARCH_TABLE}) is not defined as expected", None))
    else:
        lost = [s for s in SEARCH_SHADOWS if ("table", f"{SEARCH_TABLE}_{s}") not in sql]
        if lost:
            found.append(
                (
                    f"the search index has lost its table{'s' if len(lost) > 1 else ''} "
                    + ", ".join(f"{SEARCH_TABLE}_{s}" for s in lost)
                    + ", so `archiver search` fails",
                    ("search", "reset"),
                )
            )
        elif (reason := _search_unusable(db)) is not None:
            found.append(
                (
                    f"the search index cannot be opened ({reason}), so `archiver search` fails",
                    ("search", "reset"),
                )
            )
    if ("table", CJK_TABLE) not in sql or any(
        ("table", f"{CJK_TABLE}_{s}") not in sql for s in SEARCH_SHADOWS
    ):
        found.append(
            (
                f"the Chinese and Japanese search index (table {CJK_TABLE}) is missing or "
                "incomplete, so `archiver search` cannot find words in those languages",
                ("cjk", CJK_TABLE),
            )
        )
    elif not _same_sql(sql[("table", CJK_TABLE)], _cjk_statements()[0]):
        found.append(
            (f"the Chinese and Japanese search index ({CJK_TABLE}) is not as expected", None)
        )
    for name, statement in _expected_triggers().items():
        stored = sql.get(("trigger", name))
        if stored is None:
            found.append(
                (
                    f"the trigger {name} is missing, so the search index does not follow "
                    "the articles",
                    ("trigger", name),
                )
            )
        elif not _same_sql(stored, statement):
            found.append(
                (
                    f"the trigger {name} is not the one this archiver made, so the search "
                    "index may not follow the articles",
                    ("trigger", name),
                )
            )
    return found


def _search_unusable(db: Database) -> str | None:
    """Why FTS5 cannot open the search index (its own records lost), or None."""
    with db.engine.connect() as conn:
        try:
            conn.exec_driver_sql(f"SELECT 1 FROM {SEARCH_TABLE} WHERE 0").all()
        except DatabaseError as exc:
            return _reason(exc)
        finally:
            conn.rollback()
    return None


def _difference(item) -> tuple[str, tuple[str, str] | None] | None:
    """One of Alembic's differences as a sentence; what the archive has besides is no damage."""
    kind = item[0]
    if kind == "add_table":
        name = item[1].name
        if name == "archive_state":
            return (
                f"the table {name} is missing, so `add` cannot tell whether what its workers "
                "looked up still holds",
                ("table", name),
            )
        if name in DERIVED_TABLES:
            return (
                f"the table {name} of the reuse index is missing, so reuse is not found",
                ("table", name),
            )
        return f"the table {name} is missing; {_RESTORE}", None
    if kind == "add_column":
        return f"the column {item[2]}.{item[3].name} is missing; {_RESTORE}", None
    if kind == "add_index":
        index = item[1]
        return (
            f"the index {index.name} (on {index.table.name}) is missing, so queries on it "
            "read the whole table",
            ("index", index.name),
        )
    if kind in ("add_constraint", "add_fk"):
        constraint = item[1]
        return f"the constraint {constraint.name} is missing; {_RESTORE}", None
    if kind.startswith("modify_"):
        return f"the column {item[2]}.{item[3]} is not defined as expected ({kind[7:]})", None
    return None  # extra tables, columns and indexes


def _integrity(db: Database, report: Report) -> None:
    with _snapshot(db) as conn:
        try:
            faults = [
                row[0]
                for row in conn.exec_driver_sql(f"PRAGMA integrity_check({INTEGRITY_FAULTS})")
            ]
        except DatabaseError as exc:  # too damaged to list what is
            report.damaged_file = True
            report.summary.append(("Integrity", "damaged"))
            report.problem(f"SQLite finds the file damaged ({_reason(exc)}); {_RESTORE}")
            return
    if faults == ["ok"]:
        report.summary.append(("Integrity", "ok"))
        return
    report.damaged_file = True
    count = f"{len(faults)}{'+' if len(faults) >= INTEGRITY_FAULTS else ''}"
    report.summary.append(("Integrity", f"{count} {_verb(len(faults), 'fault', 'faults')}"))
    shown = "; ".join(" ".join(f.split()) for f in faults[:2])
    report.problem(
        f"SQLite finds {count} {_verb(len(faults), 'fault', 'faults')} in the file ({shown}); "
        f"{_RESTORE}"
    )


def _foreign_keys(db: Database, report: Report) -> None:
    """Rows of an article's metadata and removed lines whose article is gone (the originals'
    and the reuse index's own checks name theirs)."""
    counts: dict[str, int] = {}
    owners: set[int] = set()
    lookups = 0
    with _snapshot(db) as conn:
        for table, rowid, parent, _ in conn.exec_driver_sql("PRAGMA foreign_key_check"):
            if table in ("articles", "reuse_pairs", "reuse_signatures"):
                continue
            counts[table] = counts.get(table, 0) + 1
            if parent == "articles" and rowid is not None and len(owners) <= EXAMPLES:
                lookups += 1
                if lookups <= 100 * EXAMPLES:  # a few owners to name, not every row's
                    owners.add(
                        conn.exec_driver_sql(
                            f'SELECT article_id FROM "{table}" WHERE rowid = ?', (rowid,)
                        ).scalar()
                    )
    if not counts:
        return
    named = Tally()
    known = sorted(o for o in owners if isinstance(o, int))
    for owner in known[:EXAMPLES]:
        named.add(owner)
    named.count = len(known)  # more than EXAMPLES: the sentence ends with "..."
    rows = " and ".join(f"{_n(n, 'row')} of {table}" for table, n in counts.items())
    report.problem(
        f"{rows} belong to articles that no longer exist"
        + (f" ({named.named('article')})" if named else "")
        + f"; {_RESTORE}"
    )


def _originals(db: Database, report: Report) -> None:
    """Every original's bytes hashed again; articles without originals, originals without
    articles."""
    checked, altered, unreadable, lost = 0, Tally(), Tally(), Tally()
    last = 0
    with _snapshot(db) as conn:
        while True:
            try:
                rows = conn.execute(
                    text(
                        "SELECT a.id, a.sha256, o.sha256 AS stored, o.size, o.data "
                        "FROM articles a LEFT JOIN originals o ON o.sha256 = a.sha256 "
                        "WHERE a.id > :last ORDER BY a.id LIMIT :n"
                    ),
                    {"last": last, "n": ORIGINALS_PER_QUERY},
                ).all()
            except DatabaseError:
                rows = _originals_one_by_one(conn, last, unreadable)
            if not rows:
                break
            for article_id, sha, stored, size, data in rows:
                last = article_id
                if data is None and stored is None and size is None:
                    if sha is not None:
                        lost.add(article_id)
                    continue
                checked += 1
                if not _whole(sha, size, data):
                    altered.add(article_id)
        orphans = conn.execute(
            text("SELECT count(*) FROM originals WHERE sha256 NOT IN (SELECT sha256 FROM articles)")
        ).scalar_one()
    whole = checked - altered.count
    report.summary.append(
        ("Originals", f"{whole:,} of {checked + unreadable.count:,} match their SHA-256")
    )
    if altered:
        n = altered.count
        report.problem(
            f"{_n(n, 'original')} no longer {_verb(n, 'matches its', 'match their')} SHA-256 "
            f"({altered.named('article')}): {_verb(n, 'its', 'their')} bytes changed after "
            f"{_verb(n, 'it was', 'they were')} archived; {_RESTORE} (repair never rewrites "
            "originals)"
        )
    if unreadable:
        report.damaged_file = True
        report.problem(
            f"the original bytes of {_n(unreadable.count, 'article')} cannot be read "
            f"({unreadable.named('article')}); {_RESTORE}"
        )
    if lost:
        report.problem(
            f"{_n(lost.count, 'article')} {_verb(lost.count, 'has', 'have')} lost "
            f"{_verb(lost.count, 'its', 'their')} original bytes ({lost.named('article')}); "
            f"{_RESTORE}"
        )
    if orphans:
        report.problem(
            f"{_n(orphans, 'original')} {_verb(orphans, 'belongs', 'belong')} to no article: "
            f"{_verb(orphans, 'its article was', 'their articles were')} lost; {_RESTORE}"
        )


def _whole(sha, size, data) -> bool:
    """Whether an original's bytes are those it was archived as (a damaged record can hold a
    value of another type in any column)."""
    if not isinstance(data, bytes) or not isinstance(sha, str):
        return False
    return len(data) == size and hashlib.sha256(data).hexdigest() == sha


def _originals_one_by_one(conn: Connection, last: int, unreadable: Tally) -> list:
    """The next batch read article by article, after SQLite failed to read it whole."""
    ids = conn.execute(
        text("SELECT id FROM articles WHERE id > :last ORDER BY id LIMIT :n"),
        {"last": last, "n": ORIGINALS_PER_QUERY},
    ).scalars()
    rows = []
    for article_id in list(ids):
        try:
            row = conn.execute(
                text(
                    "SELECT a.id, a.sha256, o.sha256 AS stored, o.size, o.data "
                    "FROM articles a LEFT JOIN originals o ON o.sha256 = a.sha256 "
                    "WHERE a.id = :id"
                ),
                {"id": article_id},
            ).one()
            rows.append(tuple(row))
        except DatabaseError:
            unreadable.add(article_id)
            rows.append((article_id, None, None, None, None))
    return rows


# -- the search index -------------------------------------------------------------------------

_INSTANCE_FINGERPRINT = """
    SELECT doc, count(*),
        sum((((doc * 1009 + offset) % 2147483647) * 7919 + (col = 'title')) % 2147483647
            * (unicode(term) * 37 + unicode(substr(term, -1)) * 3 + length(term)) % 2147483647)
    FROM {table} GROUP BY doc ORDER BY doc
"""


def _search(db: Database, report: Report) -> None:
    """The FTS5 index against the articles. FTS5's own check (which compares every token with
    the articles) decides; only when it fails, or cannot run, are the rows told apart, by
    comparing each article's tokens with a fresh index of its text in a temporary table."""
    with db.engine.connect() as conn:
        agrees = _fts_agrees(conn)
    with _snapshot(db) as conn:
        indexed = conn.exec_driver_sql(f"SELECT count(*) FROM {SEARCH_TABLE}_docsize").scalar()
    report.summary.append(("Search", f"{indexed:,} articles indexed"))
    if agrees:
        return
    missing, extra, stale = Tally(), Tally(), Tally()
    try:
        with _snapshot(db) as conn:
            for (article_id,) in conn.exec_driver_sql(
                f"SELECT id FROM articles WHERE id NOT IN (SELECT id FROM {SEARCH_TABLE}_docsize)"
                " ORDER BY id"
            ):
                missing.add(article_id)
            for (article_id,) in conn.exec_driver_sql(
                f"SELECT id FROM {SEARCH_TABLE}_docsize WHERE id NOT IN (SELECT id FROM articles)"
                " ORDER BY id"
            ):
                extra.add(article_id)
            skip = set(missing.examples) | set(extra.examples)
            if not (missing.count > EXAMPLES or extra.count > EXAMPLES):
                for article_id in _stale_rows(conn):
                    if article_id not in skip:
                        stale.add(article_id)
    except DatabaseError as exc:
        if _MISSING.search(_reason(exc)):
            raise
        # The index's own blocks cannot be read: it is rebuilt from the articles.
        report.problem(
            f"the search index is damaged ({_reason(exc)}), so `archiver search` fails or "
            "misses articles",
            repairable=True,
        )
        report.plan.rebuild_search = True
        return
    if missing:
        n = missing.count
        report.problem(
            f"{_n(n, 'article')} {_verb(n, 'is', 'are')} missing from the search index "
            f"({missing.named('article')}), so `archiver search` cannot find "
            f"{_verb(n, 'it', 'them')}",
            repairable=True,
        )
    if extra:
        n = extra.count
        report.problem(
            f"the search index holds {_n(n, 'row')} of articles that do not exist "
            f"({extra.named('article')})",
            repairable=True,
        )
    if stale:
        n = stale.count
        report.problem(
            f"the search index holds words {_n(n, 'article')} no longer "
            f"{_verb(n, 'has', 'have')} ({stale.named('article')})",
            repairable=True,
        )
    if not (missing or extra or stale):
        if agrees is None:
            return  # FTS5's check could not run, and every row is as it should be
        report.problem(
            "the search index does not match the articles (FTS5's own check fails)",
            repairable=True,
        )
    report.plan.rebuild_search = True


def _fts_agrees(conn: Connection) -> bool | None:
    """FTS5's integrity check against the articles: True, False, or None when it could not
    run (a read-only file, a writer holding the lock too long). It is an INSERT (rolled
    back), so it runs first in its own transaction: it waits for a writer rather than
    reading an old snapshot."""
    raw = conn.connection.dbapi_connection
    try:
        raw.execute("BEGIN")
        raw.execute(
            f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rank) VALUES ('integrity-check', 1)"
        )
        return True
    except sqlite3.DatabaseError as exc:
        if "malformed" in str(exc) or "corrupt" in str(exc):
            return False
        return None
    finally:
        if raw.in_transaction:
            raw.execute("ROLLBACK")


def _stale_rows(conn: Connection) -> Iterator[int]:
    """Articles whose indexed tokens differ from their text's (or that are indexed twice)."""
    tokenizer = _TOKENIZER.search(_search_statements()[0]).group(1)
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE temp.check_fts USING fts5(title, clean_text, content='', "
        f"tokenize='{tokenizer}')"
    )
    try:
        conn.exec_driver_sql(
            "INSERT INTO temp.check_fts(rowid, title, clean_text) "
            "SELECT id, title, clean_text FROM main.articles"
        )
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE temp.check_stored USING fts5vocab(main, {SEARCH_TABLE}, "
            "instance)"
        )
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE temp.check_fresh USING fts5vocab(temp, check_fts, instance)"
        )
        stored = conn.exec_driver_sql(_INSTANCE_FINGERPRINT.format(table="temp.check_stored"))
        fresh = conn.exec_driver_sql(_INSTANCE_FINGERPRINT.format(table="temp.check_fresh"))
        for article_id, a, b in _merge(stored, fresh):
            if a != b:
                yield article_id
    finally:
        for name in ("check_fresh", "check_stored", "check_fts"):
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")


def _merge(left: Iterable, right: Iterable) -> Iterator[tuple[int, tuple | None, tuple | None]]:
    """Two streams of (id, values...) sorted by id, joined: (id, left values, right values)."""
    lefts, rights = iter(left), iter(right)
    a, b = next(lefts, None), next(rights, None)
    while a is not None or b is not None:
        if b is None or (a is not None and a[0] < b[0]):
            yield a[0], tuple(a[1:]), None
            a = next(lefts, None)
        elif a is None or b[0] < a[0]:
            yield b[0], None, tuple(b[1:])
            b = next(rights, None)
        else:
            yield a[0], tuple(a[1:]), tuple(b[1:])
            a, b = next(lefts, None), next(rights, None)


def _cjk(db: Database, report: Report) -> None:
    """The Chinese and Japanese index holds exactly the articles with such characters (its
    words are FTS5's to keep: a rebuild makes them again from the articles)."""
    has_cjk = _search_migration().has_cjk("a")
    missing, extra = Tally(), Tally()
    with _snapshot(db) as conn:
        for (article_id,) in conn.exec_driver_sql(
            f"SELECT a.id FROM articles a WHERE {has_cjk} "
            f"AND a.id NOT IN (SELECT id FROM {CJK_TABLE}_docsize) ORDER BY a.id"
        ):
            missing.add(article_id)
        for (article_id,) in conn.exec_driver_sql(
            f"SELECT id FROM {CJK_TABLE}_docsize WHERE id NOT IN "
            f"(SELECT a.id FROM articles a WHERE {has_cjk}) ORDER BY id"
        ):
            extra.add(article_id)
    if missing:
        n = missing.count
        report.problem(
            f"{_n(n, 'article')} in Chinese or Japanese {_verb(n, 'is', 'are')} missing from "
            f"their search index ({missing.named('article')}), so `archiver search` cannot "
            f"find {_verb(n, 'it', 'them')} by words in those languages",
            repairable=True,
        )
    if extra:
        n = extra.count
        report.problem(
            f"the Chinese and Japanese search index holds {_n(n, 'row')} of articles that do "
            f"not exist or hold no such text ({extra.named('article')})",
            repairable=True,
        )
    if missing or extra:
        report.plan.rebuild_cjk = True


# -- the reuse index --------------------------------------------------------------------------

#: What a band row adds to its article's fingerprint (and to the whole index's): its count,
#: parts of its key, its key with its window and with its article. Each term stays below
#: 2**33, so the sums hold for billions of rows.
_BAND_TERMS = (
    "count(*)",
    "sum(key & 268435455)",
    "sum((key >> 28) & 268435455)",
    "sum((key & 65535) * ((passage & 65535) + 1))",
    "sum((key & 65535) * ((passage >> 16) % 65521))",
)
#: The rows lookups see: those of the live segments (a merge under way copies some of them).
_LIVE_BANDS = "lsh_bands WHERE segment IN (SELECT id FROM lsh_segments WHERE state = 'live')"
_BANDS_IN_ALL = f"SELECT {', '.join(_BAND_TERMS)} FROM {_LIVE_BANDS}"
_BANDS_BY_ARTICLE = (
    f"SELECT passage >> 16, {', '.join(_BAND_TERMS)} FROM {_LIVE_BANDS} "
    "GROUP BY passage >> 16 ORDER BY passage >> 16"
)
_NO_BANDS = (0, 0, 0, 0, 0)


def _band_fingerprint(article_id: int, sigs: np.ndarray, settings) -> tuple[int, ...]:
    """What :data:`_BAND_TERMS` sum to over the band rows these signatures make."""
    from .minhash import band_keys, is_empty

    windows = np.flatnonzero(~is_empty(sigs)) if len(sigs) else np.empty(0, dtype=np.intp)
    if not len(windows):
        return _NO_BANDS
    keys = band_keys(sigs[windows], settings)
    positions = np.repeat(windows.astype(np.int64) + 1, keys.shape[1])
    keys = keys.ravel()
    low = keys & 65535
    return (
        int(keys.size),
        int((keys & 268435455).sum()),
        int(((keys >> 28) & 268435455).sum()),
        int((low * positions).sum()),
        int(low.sum()) * (article_id % 65521),
    )


@dataclass
class _Reuse:
    """What the reuse index check found."""

    unsigned: Tally = field(default_factory=Tally)
    malformed: Tally = field(default_factory=Tally)
    mismatched: Tally = field(default_factory=Tally)
    other_scheme: Tally = field(default_factory=Tally)
    orphans: set[int] = field(default_factory=set)
    orphan_signatures: int = 0
    orphan_bands: int = 0
    orphan_pairs: Tally = field(default_factory=Tally)
    bad_pairs: Tally = field(default_factory=Tally)
    signed: int = 0
    band_rows: int = 0
    pairs: int = 0


def _reuse(db: Database, report: Report, settings: ReuseSettings) -> None:
    """Signatures, band rows and pairs against the articles. The band rows are summed once
    and compared with what the signatures make; only when the sums differ are they summed
    article by article (a sort of the whole index) to name the articles."""
    found, plan = _Reuse(), report.plan
    with _snapshot(db) as conn:
        ids = np.fromiter(
            conn.exec_driver_sql("SELECT id FROM articles ORDER BY id").scalars(), dtype=np.int64
        )
        for (article_id,) in conn.exec_driver_sql(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM reuse_signatures) "
            "ORDER BY id"
        ):
            found.unsigned.add(article_id)
            plan.reindex.add(article_id)
        made = np.zeros(len(_NO_BANDS), dtype=object)
        for _, fingerprint in _signatures(conn, ids, settings, found, plan):
            made += fingerprint
        stored = tuple(storage_for(conn).run_plain(_BANDS_IN_ALL).one())
        found.band_rows = stored[0]
        if tuple(int(v or 0) for v in stored) != tuple(int(v) for v in made):
            _bands_by_article(conn, ids, settings, found, plan)
        _pairs(conn, ids, found, plan)
    _say_reuse(report, found)


def _exists(ids: np.ndarray, article_id: int) -> bool:
    at = int(np.searchsorted(ids, article_id))
    return at < len(ids) and int(ids[at]) == article_id


def _signatures(
    conn: Connection,
    ids: np.ndarray,
    reuse: ReuseSettings,
    found: _Reuse | None,
    plan: Plan | None,
) -> Iterator[tuple[int, tuple[int, ...]]]:
    """Each well-formed signature of an existing article, as the band fingerprint it makes,
    in article order; what is wrong with the others goes into ``found`` (when given)."""
    from .minhash import from_bytes, scheme_json, schemes
    from .passages import CHARS, in_unit
    from .reuse import _settings_of

    # Signed in words or in characters (Chinese, Japanese): both are this version's, each
    # for the articles read in its unit.
    current = schemes(reuse)
    in_chars = _read_in_characters(conn) if found is not None else set()
    by_chars = scheme_json(in_unit(reuse, CHARS))
    rows = conn.exec_driver_sql(
        "SELECT article_id, scheme, passages, data FROM reuse_signatures ORDER BY article_id"
    )
    for article_id, scheme, passages, data in rows:
        if found is not None:
            found.signed += 1
        if not _exists(ids, article_id):
            if found is not None:
                found.orphans.add(article_id)
                found.orphan_signatures += 1
            continue
        settings = _settings_of(scheme, reuse)
        if found is not None and (
            scheme not in current or (scheme == by_chars) != (article_id in in_chars)
        ):
            found.other_scheme.add(article_id)
            plan.reindex.add(article_id)
        if (
            not isinstance(data, bytes)
            or not isinstance(passages, int)
            or len(data) != passages * 4 * settings.num_perm
        ):
            if found is not None:
                found.malformed.add(article_id)
                plan.reindex.add(article_id)
            continue
        sigs = from_bytes(data, settings.num_perm).reshape(-1, settings.num_perm)
        yield article_id, _band_fingerprint(article_id, sigs, settings)


def _read_in_characters(conn: Connection) -> set[int]:
    """The articles whose text is read in characters (Chinese, Japanese): their signatures
    must be made in characters (an older version signed them in words)."""
    from .passages import CHARS, unit_of

    rows = storage_for(conn).texts_holding_cjk()
    return {article_id for article_id, text in rows if unit_of(text or "") == CHARS}


def _bands_by_article(
    conn: Connection, ids: np.ndarray, settings: ReuseSettings, found: _Reuse, plan: Plan
) -> None:
    """Name the articles whose band rows are not those their signatures make."""
    made = ((i, *fingerprint) for i, fingerprint in _signatures(conn, ids, settings, None, None))
    stored = storage_for(conn).run_plain(_BANDS_BY_ARTICLE)
    for article_id, expected, actual in _merge(made, stored):
        if (expected or _NO_BANDS) == (actual or _NO_BANDS):
            continue
        if not _exists(ids, article_id):
            found.orphans.add(article_id)
            found.orphan_bands += actual[0] if actual else 0
        elif article_id not in plan.reindex:  # else unsigned or malformed: said already
            found.mismatched.add(article_id)
            plan.reindex.add(article_id)


def _pairs(conn: Connection, ids: np.ndarray, found: _Reuse, plan: Plan) -> None:
    for row in conn.exec_driver_sql(
        "SELECT p.a, p.b, p.source, p.confidence, p.kind, p.spans, p.evidence, "
        "x.id IS NULL OR y.id IS NULL, length(x.clean_text), length(y.clean_text) "
        "FROM reuse_pairs p LEFT JOIN articles x ON x.id = p.a "
        "LEFT JOIN articles y ON y.id = p.b ORDER BY p.a, p.b"
    ):
        found.pairs += 1
        a, b, source, confidence, kind, spans, evidence, orphan, len_a, len_b = row
        if orphan:
            found.orphan_pairs.add(f"{a}-{b}")
            plan.drop_pairs.add((a, b))
            found.orphans.update(i for i in (a, b) if not _exists(ids, i))
        elif not _pair_is_sound(a, b, source, confidence, kind, spans, evidence, len_a, len_b):
            found.bad_pairs.add(f"{a}-{b}")
            plan.drop_pairs.add((a, b))
            plan.malformed_pairs += 1
            plan.reindex.add(b)


def _say_reuse(report: Report, found: _Reuse) -> None:
    report.summary.append(
        (
            "Reuse",
            f"{_n(found.signed, 'article')} signed, {_n(found.band_rows, 'band row')}, "
            f"{_n(found.pairs, 'pair')}",
        )
    )
    if found.unsigned:
        n = found.unsigned.count
        report.problem(
            f"{_n(n, 'article')} {_verb(n, 'has', 'have')} no reuse signature "
            f"({found.unsigned.named('article')}), so {_verb(n, 'its', 'their')} reuse by new "
            "articles is not found",
            repairable=True,
        )
    if found.malformed:
        n = found.malformed.count
        report.problem(
            f"the reuse signature{_verb(n, '', 's')} of {_n(n, 'article')} "
            f"{_verb(n, 'is', 'are')} malformed ({found.malformed.named('article')})",
            repairable=True,
        )
    if found.mismatched:
        n = found.mismatched.count
        report.problem(
            f"the LSH band rows of {_n(n, 'article')} do not match "
            f"{_verb(n, 'its signature', 'their signatures')} "
            f"({found.mismatched.named('article')}), so reuse with {_verb(n, 'it', 'them')} "
            "can be missed",
            repairable=True,
        )
    if found.other_scheme:
        n = found.other_scheme.count
        report.problem(
            f"{n} article{' was' if n == 1 else 's were'} indexed for reuse by another version "
            "and not matched against new ones: run `archiver reclean --all`",
            repairable=True,
        )
    if found.orphans:
        named = Tally()
        for article_id in sorted(found.orphans):
            named.add(article_id)
        what = [
            _n(n, noun)
            for noun, n in (
                ("signature", found.orphan_signatures),
                ("band row", found.orphan_bands),
                ("pair", found.orphan_pairs.count),
            )
            if n
        ]
        if not what:  # band rows whose count is not known: the sums differ for them
            what = ["rows"]
        listed = ", ".join(what[:-1]) + " and " + what[-1] if len(what) > 1 else what[0]
        n = len(found.orphans)
        report.problem(
            f"the reuse index still holds {listed} for {_n(n, 'article')} that no longer "
            f"{_verb(n, 'exists', 'exist')} ({named.named('article')})",
            repairable=True,
        )
        report.plan.drop_orphans = True
    if found.bad_pairs:
        n = found.bad_pairs.count
        report.problem(
            f"{_n(n, 'reuse pair')} {_verb(n, 'is', 'are')} malformed "
            f"({found.bad_pairs.named('pair')}: spans outside the texts, or values that cannot "
            "be read)",
            repairable=True,
        )


def _pair_is_sound(a, b, source, confidence, kind, spans, evidence, len_a, len_b) -> bool:
    if not all(isinstance(v, int) for v in (a, b, len_a, len_b)):
        return False  # a damaged record: a value of another type
    if not a < b or source not in (None, a, b):
        return False
    if confidence not in CONFIDENCES or kind not in KINDS:
        return False
    try:
        parsed = json.loads(spans)
        json.loads(evidence)
    except (TypeError, ValueError):
        return False
    if not isinstance(parsed, list):
        return False
    for span in parsed:
        if not (isinstance(span, list) and len(span) == 4):
            return False
        if not all(isinstance(v, int) for v in span):
            return False
        a0, a1, b0, b1 = span
        if not (0 <= a0 <= a1 <= len_a and 0 <= b0 <= b1 <= len_b):
            return False
    return True


# ---------------------------------------------------------------------------------------------
# Repairing
# ---------------------------------------------------------------------------------------------


def repair(
    db: Database,
    report: Report,
    *,
    progress: Callable[[int], None] | None = None,
    options: Options | None = None,
) -> list[str]:
    """Rebuild what ``report`` found damaged among the derived data; what was done, as
    sentences. Originals are never written; nothing is when SQLite finds the file damaged.
    Articles are indexed again with ``options``' reuse and provenance settings (the
    defaults without), as the archive's `add` found their reuse."""
    from .models import Base

    plan, done = report.plan, []
    if not report.repairable:
        return done
    with db.writing() as conn:
        if plan.stamp:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": report.head})
            done.append(f"the version record now says {report.head}")
        for name in plan.tables:
            Base.metadata.tables[name].create(conn)
            done.append(f"the table {name} was made again")
        for table in Base.metadata.sorted_tables:
            for index in table.indexes:
                if index.name in plan.indexes:
                    index.create(conn)
                    done.append(f"the index {index.name} was made again")
        if plan.reset_search:
            _reset_search(conn)
        for name, statement in _expected_triggers().items():
            if name in plan.triggers:
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
                conn.exec_driver_sql(statement)
                done.append(f"the trigger {name} was made again")
        if plan.reset_search or plan.rebuild_search or plan.triggers:
            conn.exec_driver_sql(f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('rebuild')")
            done.append("the search index was rebuilt from the articles")
        if plan.reset_cjk:
            for name in (CJK_TABLE, *(f"{CJK_TABLE}_{s}" for s in SEARCH_SHADOWS)):
                conn.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")
            conn.exec_driver_sql(_cjk_statements()[0])
        if plan.reset_cjk or plan.rebuild_cjk or plan.triggers:
            if not plan.reset_cjk:
                conn.exec_driver_sql(f"INSERT INTO {CJK_TABLE}({CJK_TABLE}) VALUES ('delete-all')")
            conn.exec_driver_sql(_cjk_statements()[-1])
            done.append("the Chinese and Japanese search index was filled again from the articles")
    if plan.reindex or plan.drop_pairs or plan.drop_orphans:
        done += _repair_reuse(db, plan, progress, options)
    return done


def _reset_search(conn: Connection) -> None:
    """Make the search index's tables those of an empty index, as FTS5 itself makes them (in
    a database in memory), so that FTS5 can open it again and rebuild it from the articles:
    missing tables are made, the records FTS5 keeps about itself written anew, the rest
    emptied."""
    fresh = sqlite3.connect(":memory:")
    try:
        fresh.execute(_search_statements()[0])
        made = dict(
            fresh.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE ?",
                (f"{SEARCH_TABLE}_%",),
            )
        )
        rows = {name: fresh.execute(f"SELECT * FROM {name}").fetchall() for name in made}
    finally:
        fresh.close()
    present = set(inspect(conn).get_table_names())
    if SEARCH_TABLE not in present:
        conn.exec_driver_sql(_search_statements()[0])  # makes its tables too
        return
    for name, statement in made.items():
        if name in present:
            conn.exec_driver_sql(f"DELETE FROM {name}")
        else:
            conn.exec_driver_sql(statement)
        for row in rows[name]:
            marks = ", ".join("?" * len(row))
            conn.exec_driver_sql(f"INSERT INTO {name} VALUES ({marks})", tuple(row))


def _repair_reuse(
    db: Database,
    plan: Plan,
    progress: Callable[[int], None] | None,
    options: Options | None = None,
) -> list[str]:
    """Clear what is left of the articles to index again (and every orphan), in one
    transaction; then index them again in article order, a batch per transaction, each
    finding its pairs as when it was added. An interruption leaves articles without
    signatures, which the next check finds."""
    from .options import DEFAULTS
    from .reuse import reindex_article

    settings = options or DEFAULTS

    done = []
    ids = sorted(plan.reindex)
    with db.writing() as conn:
        conn.execute(text("CREATE TEMP TABLE check_reindex (id INTEGER PRIMARY KEY)"))
        if ids:
            conn.execute(text("INSERT INTO check_reindex VALUES (:id)"), [{"id": i} for i in ids])
        if plan.drop_pairs:
            conn.execute(
                text("DELETE FROM reuse_pairs WHERE a = :a AND b = :b"),
                [{"a": a, "b": b} for a, b in sorted(plan.drop_pairs)],
            )
        conn.execute(
            text(
                "DELETE FROM reuse_pairs WHERE a IN (SELECT id FROM check_reindex) "
                "OR b IN (SELECT id FROM check_reindex)"
            )
        )
        conn.execute(
            text(
                "DELETE FROM reuse_signatures WHERE article_id IN (SELECT id FROM check_reindex) "
                "OR article_id NOT IN (SELECT id FROM articles)"
            )
        )
        # The shingles reaching into their pairs' spans (the partners' rows stay: a superset).
        conn.execute(
            text(
                "DELETE FROM pair_shingles WHERE article_id IN (SELECT id FROM check_reindex) "
                "OR article_id NOT IN (SELECT id FROM articles)"
            )
        )
        # One pass over the band index, whatever the number of articles.
        conn.execute(
            text(
                "DELETE FROM lsh_bands WHERE passage >> 16 NOT IN "
                "(SELECT article_id FROM reuse_signatures) "
                "OR segment NOT IN (SELECT id FROM lsh_segments)"
            )
        )
        conn.execute(text("DROP TABLE check_reindex"))
        storage_for(conn).count_rewrite()  # what `add` workers looked up before may not hold
    if plan.drop_orphans:
        done.append("what the reuse index held of articles that no longer exist was removed")
    if plan.malformed_pairs:
        n = plan.malformed_pairs
        done.append(f"{_n(n, 'malformed pair')} {_verb(n, 'was', 'were')} removed")
    found = 0
    for start in range(0, len(ids), REINDEX_PER_TRANSACTION):
        batch = ids[start : start + REINDEX_PER_TRANSACTION]
        with db.writing() as conn:
            for article_id in batch:
                found += len(
                    reindex_article(conn, article_id, settings.reuse, settings.provenance).pairs
                )
        if progress is not None:
            progress(len(batch))
    if ids:
        done.append(
            f"{_n(len(ids), 'article')} {_verb(len(ids), 'was', 'were')} signed and indexed for "
            f"reuse again ({_n(found, 'pair')} found)"
        )
    return done
