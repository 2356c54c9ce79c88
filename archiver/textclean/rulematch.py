"""The rule engine: the first boilerplate rule of :mod:`archiver.rules` that a line matches."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from archiver import rules
from archiver.textclean.lines import Line


class RuleTable:
    """The first rule of the table that matches a line, found in few regex calls.

    Trying the patterns one by one on every line was most of the cleaner's time. The
    ``starts`` of all rules are joined into one expression, tried at the line's start only
    (the first rule whose group matches there is the first in the table's order to match
    there); the ``anywhere`` patterns keep a search each.
    """

    def __init__(self, table: Sequence[rules.Rule]):
        self.table = tuple(table)
        anchored, self.free = [], []
        for index, rule in enumerate(self.table):
            if rule.starts:
                anchored.append(f"(?P<r{index}>{'|'.join(rule.starts)})")
            if rule.anywhere:
                self.free.append((index, re.compile("|".join(rule.anywhere))))
        self.anchored = re.compile("^(?:" + "|".join(anchored) + ")")

    def first(self, lower: str, words: int) -> int:
        """The index of the first rule matching the lowercased line, or -1."""
        match = self.anchored.match(lower)
        limit = int(match.lastgroup[1:]) if match and match.lastgroup else len(self.table)
        for index, pattern in self.free:
            if index >= limit:
                break
            if words <= self.table[index].max_words and pattern.search(lower):
                return index
        if limit == len(self.table):
            return -1
        if words <= self.table[limit].max_words:
            return limit
        # Too long for that rule: rare enough to try the rest of the table one by one.
        for index in range(limit + 1, len(self.table)):
            rule = self.table[index]
            if words <= rule.max_words and rule.pattern.search(lower):
                return index
        return -1


_RULES = RuleTable(rules.BOILERPLATE_RULES)


# Menus, share bars and footers repeat from page to page of an outlet, and within a page:
# remembering the verdict spares most of the matching.
@functools.lru_cache(maxsize=16384)
def _rule_index(lower: str, words: int) -> int:
    return _RULES.first(lower, words)


def match_rule(line: Line) -> rules.Rule | None:
    index = _rule_index(line.text.lower(), line.words)
    return None if index < 0 else _RULES.table[index]
