"""How far the text dumps' titles are from what the header's candidates allow (trafilatura set).

python bench/title_ceiling.py          # the title as chosen; the best any choice could do
python bench/title_ceiling.py --tune   # and options tuned on one half, scored on the other
python bench/title_ceiling.py --misses # and each page whose title a line on it would better

For each of the set's titled pages, the page is cleaned up to its header (in process, with the
same passes as `archiver add`), then scored with score.py's token F1:

- chosen: the title the header picks (what `python bench/quality.py trafilatura-text` reports,
  up to the pages the CLI does not store);
- best candidate: the best line among those the header weighs as headlines;
- best in window: the best line of the lines the header looks at (above and into the run);
- best on page: the best line anywhere on the page.

``--misses`` prints, for each page where a line of the page scores better than the title
chosen, where that line lies (its distance from the run's start) and why it was not taken:
outside the lines the header reads (above or below them), read but not weighed as a headline
(with the role or rule that took it; "passed over" when it looks like a headline but the
header's other tests turned it down), or weighed and ranked below the title chosen;
then the page-equivalents of F1 each of the three loses. It prints the set's gold titles to
the terminal, never into the repository.

``--tune`` searches the title options of ``CleanOptions`` one at a time (two rounds) on half of
the pages and scores the other half with what it found, then the other way round: a gain that
does not carry over to the unseen half is the set's noise, not a better weighting.
"""

from __future__ import annotations

import copy
import dataclasses
import importlib.util
import json
import sys
import time

from evalsets import EVAL, available

from archiver.textclean import pipeline
from archiver.textmeta import header as header_module
from archiver.textmeta.kinds import dates_read_as, headline_like

SET = EVAL / "trafilatura"

#: The title options searched by --tune, with the values tried besides the default.
TUNED = {
    "title_overlap_weight": (4.0, 5.0, 7.0, 8.0),
    "title_weak_overlap": (0.2, 0.25, 0.35, 0.4),
    "title_strong_overlap": (0.6, 0.67, 0.8, 0.9),
    "title_long_words": (14, 16, 20, 24),
    "title_deck_words": (10, 11, 13, 14),
    "title_pair_words": (3, 5),
    "title_over_deck_bonus": (1.0, 2.0, 4.0, 5.0),
    "title_under_meta_bonus": (2.0, 3.0, 5.0, 6.0),
    "title_unrelated_penalty": (1.0, 3.0, 4.0),
    "title_echo_words": (3, 5, 6),
    "title_body_lines": (15, 20, 40),
    "title_reach": (30, 45, 75, 90),
    "title_prose_above": (75, 112, 187, 225),
    "header_window": (7, 10, 17, 21),
    "header_inside": (4, 6, 10, 12),
}


def _token_f1():
    spec = importlib.util.spec_from_file_location("score", SET.parent / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.token_f1


class _Watched(header_module.Header):
    """The header, noting the lines it weighs as headlines and the window it reads."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.weighed: set[int] = set()

    def _headline_candidate(self, i, meta=None):
        found = super()._headline_candidate(i, meta)
        if found:
            self.weighed.add(i)
        return found


def _pages() -> list[tuple[str, pipeline.Page]]:
    """Every titled page, cleaned up to its header: (gold title, page)."""
    header_at = pipeline.CLEAN_PASSES.index(pipeline.read_header)
    pages = []
    for line in (SET / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        dump = SET / "textdump" / f"{gold['stem']}.txt"
        if not gold.get("title") or not dump.exists():
            continue
        text = dump.read_text(encoding="utf-8", errors="replace")
        page = pipeline._read(text, None, pipeline.DEFAULT_OPTIONS)
        pipeline.run_passes(page, pipeline.CLEAN_PASSES[len(pipeline.READING_PASSES) : header_at])
        pages.append((gold["title"], page))
    return pages


def _read(page: pipeline.Page, options) -> tuple[_Watched, dict]:
    """The page's header read afresh with ``options``: the page itself is left as it was."""
    lines = [copy.copy(line) for line in page.lines]
    metadata = dict(page.metadata)
    language = pipeline._language_code(page)
    header = _Watched(
        lines, page.start, page.end, metadata, options, listed=page.listed, language=language
    )
    with dates_read_as(language):
        header.read()
    return header, metadata


def ceiling(pages, f1, show_misses: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    """The title F1 chosen and the best any choice could do; with ``show_misses``, each page
    whose title a line on it would better is printed, and the F1 lost is summed by where that
    line lies (each page's header is read once for both)."""
    sums = dict.fromkeys(("chosen", "best candidate", "best in window", "best on page"), 0.0)
    lost = dict.fromkeys(("outside the window", "not weighed", "ranked lower"), 0.0)
    for gold, page in pages:
        best = [f1(line.text, gold) for line in page.lines]
        sums["best on page"] += max(best, default=0.0)
        if not page.has_run:
            continue
        header, metadata = _read(page, page.options)
        title = metadata.get("title")
        chosen = f1(title.value if title else None, gold)
        sums["chosen"] += chosen
        sums["best candidate"] += max((best[i] for i in header.weighed), default=0.0)
        window = best[header.title_lo : header.hi]
        sums["best in window"] += max(window, default=0.0)
        at = max(range(len(best)), key=best.__getitem__, default=None)
        if show_misses and at is not None and best[at] > chosen + 0.01:
            kind, why = _missed(page, header, at)
            lost[kind] += best[at] - chosen
            print(f"{best[at] - chosen:.2f} {kind} ({why}), {at - page.start:+d} from the run")
            print(f"     gold:   {gold[:90]}")
            print(f"     chosen: {(title.value if title else '')[:90]}")
            print(f"     line:   {page.lines[at].text[:90]}")
    return {name: total / len(pages) for name, total in sums.items()}, lost


def _missed(page, header, at: int) -> tuple[str, str]:
    """Where line ``at``, better than the title chosen, lies, and why it was not taken."""
    line = page.lines[at]
    if not header.title_lo <= at < header.hi:
        return "outside the window", "above" if at < header.title_lo else "below"
    if at in header.weighed:
        return "ranked lower", f"{line.words} words"
    why = header.roles.get(at) or (line.rule.name if line.rule else None)
    if why is None:
        why = "passed over" if headline_like(line) else "not headline-like"
    return "not weighed", why


def _titles(pages, options, f1) -> float:
    total = 0.0
    for gold, page in pages:
        if page.has_run:
            title = _read(page, options)[1].get("title")
            total += f1(title.value if title else None, gold)
    return total / len(pages)


def tune(pages, options, f1):
    """Options searched one at a time, two rounds, keeping what raises the pages' title F1."""
    best = _titles(pages, options, f1)
    for _ in range(2):
        for name, values in TUNED.items():
            for value in values:
                tried = dataclasses.replace(options, **{name: value})
                score = _titles(pages, tried, f1)
                if score > best + 1e-9:
                    best, options = score, tried
    return options, best


def main(argv: list[str]) -> int:
    if not available():
        print("../shared/eval is not here: nothing to measure.")
        return 0
    started = time.perf_counter()
    f1 = _token_f1()
    pages = _pages()
    print(f"trafilatura text dumps: {len(pages)} titled pages, title token-F1")
    figures, lost = ceiling(pages, f1, show_misses="--misses" in argv)
    for name, value in figures.items():
        print(f"  {name:<16} {value:.3f}")
    if "--misses" in argv:
        for kind, total in lost.items():
            print(f"  {kind:<18} {total:5.1f} page-equivalents of F1 lost")
    if "--tune" in argv:
        default = pipeline.DEFAULT_OPTIONS
        halves = (pages[0::2], pages[1::2])
        for seen in (0, 1):
            tuned, score = tune(halves[seen], default, f1)
            unseen = halves[1 - seen]
            changed = {
                name: getattr(tuned, name)
                for name in TUNED
                if getattr(tuned, name) != getattr(default, name)
            }
            print(
                f"  tuned on half {seen + 1}: {_titles(halves[seen], default, f1):.3f} -> "
                f"{score:.3f} there; on the other half {_titles(unseen, default, f1):.3f} -> "
                f"{_titles(unseen, tuned, f1):.3f}  {changed}"
            )
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
