"""The LSH band index as sorted segments, merged in the background (an LSM tree in SQL).

Adding an article adds a few hundred band rows (band key, passage) whose keys are random
hashes. Kept in one table ordered by key, each of them lands on a different page of an index
of tens of millions of rows, and every commit rewrites hundreds of pages scattered through
the file: at 100,000 articles that was the largest cost of ``add``. Here the table is
ordered by segment first: each write makes a new segment (its rows sorted, appended at the
end of the table, a couple of pages), and a lookup asks every live segment for its keys, a
seek each, most of them small and cached.

Segments are merged in the background to keep them few: when ``FANOUT`` live segments of
one tier exist, a merge of them into one segment of the next tier starts (``merging``). It
is written one slice of the key space at a time (``SLICE_ROWS`` rows, one short transaction
each, in key order so its rows too are appended), while the sources stay live and answer
lookups; the transaction that writes the last slice makes the merged segment live and its
sources ``retired``, and retired segments are then deleted a slice at a time. Every step is
its own transaction and its progress is stored, so a merge stopped by Ctrl-C, a crash or
another process goes on where it stopped, in whichever process writes next. At each step
every band row of the archive is in exactly one live segment.

Who does the work: each write of band rows adds to the connection's debt
(``DEBT_PER_ROW`` rows of merging for each row written), and ``Database.writing`` pays it
after its commit by calling :meth:`BandIndex.compact` (so ``add`` merges as it goes, a
step at a time, and never holds the write lock for a long merge).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from sqlalchemy import Connection, text

#: How many live segments of one tier are merged into one of the next.
FANOUT = 4
#: About how many rows one step of a merge (or of deleting a retired segment) handles.
SLICE_ROWS = 20_000
#: Merging owed for each band row written: a row is written again once per tier it climbs
#: and deleted as often, about twice the number of tiers (16 at 100,000 articles, 8 tiers);
#: the rest is room for merges to catch up (the debt is dropped when nothing is left to do).
DEBT_PER_ROW = 24
#: Band keys are 63-bit hashes (archiver.minhash.band_keys), spread evenly over [0, 2**63).
KEY_SPACE = 1 << 63
#: Tier of a segment from its size, for segments not made by a merge (an upgrade, a copy):
#: tier 0 holds about one article's rows.
ROWS_AT_TIER_0 = 400

LIVE = "live"
MERGING = "merging"
RETIRED = "retired"

_LIVE_SEGMENTS = "SELECT id FROM lsh_segments WHERE state = 'live'"


def tier_for(rows: int) -> int:
    """The tier a segment of ``rows`` rows belongs to when no merge made it."""
    return max(0, int(math.log(max(rows, 1) / ROWS_AT_TIER_0, FANOUT)))


def slices_for(rows: int) -> int:
    return max(1, math.ceil(rows / SLICE_ROWS))


def key_range(index: int, slices: int) -> tuple[int | None, int | None]:
    """Slice ``index`` of ``slices`` of the key space: (low, high), low included, high not;
    None where it is open (the first and last slices take any key out of the space too)."""
    width = KEY_SPACE // slices
    low = None if index == 0 else index * width
    high = None if index == slices - 1 else (index + 1) * width
    return low, high


def _in_range(low: int | None, high: int | None) -> tuple[str, dict]:
    conditions, params = [], {}
    if low is not None:
        conditions.append("key >= :low")
        params["low"] = low
    if high is not None:
        conditions.append("key < :high")
        params["high"] = high
    return "".join(f" AND {c}" for c in conditions), params


class BandIndex:
    """The band index's operations on ``self.conn`` (mixed into ``Storage``)."""

    conn: Connection

    def _one_of(self, column: str, values: Sequence) -> tuple[str, tuple]:
        raise NotImplementedError

    def _append_bands(self, segment: int, rows: np.ndarray) -> None:
        """Insert (key, passage) rows, an (n, 2) int64 array sorted by key then passage, into
        ``segment`` (written by each backend)."""
        raise NotImplementedError

    # -- writing and reading -----------------------------------------------------------------

    def add_bands(self, rows: Sequence[tuple[int, int]] | np.ndarray) -> None:
        """Add (band key, passage) rows (pairs, or an (n, 2) array) to the LSH index, as a new
        live segment."""
        if not len(rows):
            return
        segment = self._new_segment(0, len(rows), LIVE)
        self._append_bands(segment, np.unique(np.asarray(rows, dtype=np.int64), axis=0))
        info = self.conn.info
        info["band_debt"] = info.get("band_debt", 0) + DEBT_PER_ROW * len(rows)

    def drop_bands(self, rows: Sequence[tuple[int, int]]) -> None:
        """Remove these (band key, passage) rows from the LSH index, whichever segment holds
        them (a merge under way included)."""
        if rows:
            self.conn.execute(
                text(
                    "DELETE FROM lsh_bands WHERE segment IN (SELECT id FROM lsh_segments) "
                    "AND key = :key AND passage = :passage"
                ),
                [{"key": key, "passage": passage} for key, passage in rows],
            )

    def count_rewrite(self) -> None:
        raise NotImplementedError

    def drop_all_bands(self) -> None:
        self.count_rewrite()
        self.conn.execute(text("DELETE FROM lsh_bands"))
        self.conn.execute(text("DELETE FROM lsh_segments"))

    def band_postings(self, keys: Sequence[int], after: int = 0) -> dict[int, list[int]]:
        """The passages indexed under each of these band keys (keys with none left out);
        ``after``: only in the live segments made after that one (:meth:`last_segment`): the
        rows written since, with rows already there that a merge copied since."""
        postings: dict[int, list[int]] = {}
        newer = f" AND id > {int(after)}" if after else ""
        live = [row[0] for row in self.conn.exec_driver_sql(_LIVE_SEGMENTS + newer)]
        if not live or not keys:
            return postings
        segments, segment_params = self._one_of("segment", live)
        step = max(1, 5000 - len(live))
        for start in range(0, len(keys), step):
            where, params = self._one_of("key", keys[start : start + step])
            for key, passage in self.conn.exec_driver_sql(
                f"SELECT key, passage FROM lsh_bands WHERE {segments} AND {where}",
                segment_params + params,
            ):
                postings.setdefault(key, []).append(passage)
        return postings

    def last_segment(self) -> int:
        """The id of the newest segment (0 when there is none): every row written after this
        is read is in a segment with a greater id (ids only grow)."""
        return self.conn.execute(text("SELECT coalesce(max(id), 0) FROM lsh_segments")).scalar_one()

    def band_segments(self) -> list[tuple[int, int, int, str]]:
        """(id, tier, rows, state) of every segment, oldest first."""
        return [
            tuple(row)
            for row in self.conn.execute(
                text("SELECT id, tier, rows, state FROM lsh_segments ORDER BY id")
            )
        ]

    # -- merging -----------------------------------------------------------------------------

    def compact_step(self) -> int:
        """Do one step of the index's upkeep, in the caller's transaction: delete a slice of a
        retired segment, write a slice of a merge (the last one makes it live), or start a
        merge. How many rows it handled (about); 0 when there is nothing to do."""
        retired = self.conn.execute(
            text(
                "SELECT id, rows, slices, done FROM lsh_segments WHERE state = 'retired' "
                "ORDER BY id LIMIT 1"
            )
        ).first()
        if retired is not None:
            return self._delete_slice(*retired)
        merging = self.conn.execute(
            text(
                "SELECT id, rows, slices, done FROM lsh_segments WHERE state = 'merging' "
                "ORDER BY tier, id LIMIT 1"
            )
        ).first()
        if merging is not None:
            return self._merge_slice(*merging)
        return self._start_merge()

    def _new_segment(self, tier: int, rows: int, state: str, slices: int = 0) -> int:
        # Ids only grow, so that a new segment's rows go at the end of the table.
        segment = 1 + max(
            self.conn.execute(text("SELECT coalesce(max(id), 0) FROM lsh_segments")).scalar_one(),
            self.conn.execute(text("SELECT coalesce(max(segment), 0) FROM lsh_bands")).scalar_one(),
        )
        self.conn.execute(
            text(
                "INSERT INTO lsh_segments (id, tier, rows, state, slices, done) "
                "VALUES (:id, :tier, :rows, :state, :slices, 0)"
            ),
            {"id": segment, "tier": tier, "rows": rows, "state": state, "slices": slices},
        )
        return segment

    def _start_merge(self) -> int:
        tiers = self.conn.execute(
            text(
                "SELECT tier FROM lsh_segments WHERE state = 'live' AND merge_into IS NULL "
                "GROUP BY tier HAVING count(*) >= :fanout ORDER BY tier LIMIT 1"
            ),
            {"fanout": FANOUT},
        ).first()
        if tiers is None:
            return 0
        sources = self.conn.execute(
            text(
                "SELECT id, rows FROM lsh_segments WHERE state = 'live' AND merge_into IS NULL "
                "AND tier = :tier ORDER BY id LIMIT :fanout"
            ),
            {"tier": tiers[0], "fanout": FANOUT},
        ).all()
        rows = sum(row.rows for row in sources)
        merged = self._new_segment(tiers[0] + 1, rows, MERGING, slices_for(rows))
        ids, params = self._one_of("id", [row.id for row in sources])
        self.conn.exec_driver_sql(
            f"UPDATE lsh_segments SET merge_into = {merged} WHERE {ids}", params
        )
        return 1

    def _merge_slice(self, merged: int, rows: int, slices: int, done: int) -> int:
        within, params = _in_range(*key_range(done, slices))
        self.conn.execute(
            text(
                "INSERT INTO lsh_bands (segment, key, passage) "
                "SELECT DISTINCT :merged, key, passage FROM lsh_bands "
                "WHERE segment IN (SELECT id FROM lsh_segments WHERE merge_into = :merged)"
                f"{within} ORDER BY key, passage"
            ),
            {"merged": merged, **params},
        )
        if done + 1 < slices:
            self._set_done(merged, done + 1)
        else:  # the last slice: the merged segment replaces its sources
            self.conn.execute(
                text(
                    "UPDATE lsh_segments SET state = 'retired', merge_into = NULL, "
                    "slices = (rows + :n - 1) / :n, done = 0 WHERE merge_into = :merged"
                ),
                {"merged": merged, "n": SLICE_ROWS},
            )
            self.conn.execute(
                text("UPDATE lsh_segments SET state = 'live', done = :done WHERE id = :merged"),
                {"merged": merged, "done": slices},
            )
        return max(1, rows // slices)

    def _delete_slice(self, segment: int, rows: int, slices: int, done: int) -> int:
        slices = max(slices, 1)
        within, params = _in_range(*key_range(done, slices))
        self.conn.execute(
            text(f"DELETE FROM lsh_bands WHERE segment = :segment{within}"),
            {"segment": segment, **params},
        )
        if done + 1 < slices:
            self._set_done(segment, done + 1)
        else:
            self.conn.execute(text("DELETE FROM lsh_segments WHERE id = :id"), {"id": segment})
        return max(1, rows // slices)

    def _set_done(self, segment: int, done: int) -> None:
        self.conn.execute(
            text("UPDATE lsh_segments SET done = :done WHERE id = :id"),
            {"done": done, "id": segment},
        )
