"""Render a reuse report as text, Markdown, JSON, CSV or one self-contained HTML page."""

from __future__ import annotations

import csv
import io
import json
import re
from html import escape
from typing import TYPE_CHECKING

from .charts import CRAWL, TIMELINE_KEY, TRUSTED, UNDATED, Mark, heatmap_html, timeline_svg
from .document import CRAWL_DATE_MARK, CRAWL_DATE_NOTE, is_crawl_date
from .passages import CHARS, CHARS_PER_WORD, tokenize, unit_of
from .printable import fit, printable
from .provenance import explain
from .spreadsheet import csv_row

if TYPE_CHECKING:
    from typing import TextIO

    from .report import Report

FORMATS = ("text", "markdown", "json", "csv", "html")
#: Characters of context shown around a shared span in the HTML report.
CONTEXT = 160
CSV_COLUMNS = (
    "a",
    "b",
    "a_outlet",
    "b_outlet",
    "a_title",
    "b_title",
    "source",
    "confidence",
    "attributed",
    "shared_words",
    "coverage_a",
    "coverage_b",
    "spans",
    "evidence",
    "a_published",
    "a_published_source",
    "b_published",
    "b_published_source",
    "kind",
    "reasons",
)

#: What the words of a report mean, for the legend of the HTML and Markdown reports.
LEGEND = (
    (
        "source → copy",
        "the article judged to have published the shared passage first, and the one that "
        "took it. ↔ (or <>) means the evidence does not say which came first.",
    ),
    (
        "high",
        "strong evidence: the copy credits the source, or two reliable publication dates "
        "(the page's structured data or metadata, a 'Published' line, or a date given when "
        "archiving) two days or more apart.",
    ),
    (
        "medium",
        "good but not conclusive evidence: for instance less reliable dates (a date line in "
        "the text) two days or more apart, or a page seen online before the other was "
        "published.",
    ),
    (
        "low",
        "a weak sign only: dates one day apart (time zones can reverse them), one article "
        "containing the other, or the order the articles were added to the archive.",
    ),
    (
        "undetermined",
        "the evidence does not decide; no source is named rather than a guess.",
    ),
    (
        "credited",
        "the copy names the source outlet (or the wire service both took it from): a "
        "dateline such as '(AP) —', 'according to ...', a republishing note. 'n/a' when "
        "the source is undetermined.",
    ),
    (
        "original share",
        "of all the text of an outlet's articles here, the share not copied from an "
        "earlier article (counted on the pairs whose source is known; undetermined pairs "
        "leave it unchanged).",
    ),
    (
        "dates",
        "a publication date from the page's structured data, its metadata or a date given "
        "when archiving is trusted most, a date line in the text less; a date found only in "
        "the site's header (marked 'header date') is often the day the page was scraped: it "
        "can show that a page was already online, never that it came first.",
    ),
    (
        "highlighting",
        "in each pair, words both versions share are highlighted in yellow; words the "
        "source has and the copy changed or left out are struck through in red, and the "
        "copy's own words in their place are underlined in green.",
    ),
    (
        "shared quotation",
        "the shared words are a quotation in both articles: both may have them from the "
        "person quoted rather than from each other.",
    ),
)


def counted(n: int, word: str, plural: str | None = None) -> str:
    """``1 cluster``, ``2 clusters``, ``1,204 articles``."""
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


def _totals(report: Report) -> str:
    return ", ".join(
        (
            counted(len(report.pairs), "pair"),
            counted(len(report.clusters), "cluster"),
            counted(
                len(report.articles) if report.total_articles is None else report.total_articles,
                "article",
            ),
        )
    )


def provenance_lines(report: Report) -> list[str]:
    """Where the report came from, in sentences: for the footer of every readable format."""
    meta = report.meta
    if not meta:
        return []
    filters = meta.get("filters") or {}
    chosen = [
        f"{name.replace('_', ' ')} {value}" for name, value in filters.items() if value is not None
    ]
    rs = meta.get("reuse_settings") or {}
    made = meta["generated_at"].replace("T", " ").replace("Z", " UTC")
    return [
        f"Made {made} by archiver {meta['archiver_version']} from the archive "
        f"{printable(meta['archive'])}"
        + (f", with the filters {', '.join(printable(c) for c in chosen)}." if chosen else "."),
        f"Reuse settings: shared passages of {rs.get('min_words')} words or more, found with "
        f"{rs.get('shingle')}-word shingles in {rs.get('window')}-word windows (MinHash, "
        f"{rs.get('num_perm')} permutations in {rs.get('bands')} bands) and verified word by "
        f"word (Chinese and Japanese in characters, {CHARS_PER_WORD} to a word); every setting "
        "is in the JSON "
        "report's meta.",
        f"To make it again: {printable(meta['command'])}",
    ]


def write(report: Report, fmt: str, out: TextIO) -> None:
    """The report in ``fmt`` written to ``out`` (JSON a piece at a time)."""
    if fmt == "json":
        write_json(report, out)
    else:
        out.write(render(report, fmt))


def render(report: Report, fmt: str) -> str:
    return {"text": text, "markdown": markdown, "json": as_json, "csv": as_csv, "html": html}[fmt](
        report
    )


def _label(report: Report, article_id: int | None) -> str:
    if article_id is None:
        return "undetermined"
    info = report.articles[article_id]
    return f"#{article_id} {printable(info.outlet) or '(unknown outlet)'}"


def _date(report: Report, article_id: int) -> str:
    """The day an article was published, marked when it is a site header (crawl) date."""
    info = report.articles[article_id]
    if not info.published:
        return "undated"
    if is_crawl_date(info.published_source):
        return f"{info.published[:10]}, {CRAWL_DATE_MARK}"
    return info.published[:10]


def _crawl_note(report: Report) -> str | None:
    """The footnote explaining the mark, when a printed pair has a crawl date."""
    shown = {i for p in report.pairs for i in (p.a, p.b)}
    if any(is_crawl_date(report.articles[i].published_source) for i in shown):
        return f"{CRAWL_DATE_MARK}: {CRAWL_DATE_NOTE}."
    return None


def text(report: Report) -> str:
    lines = [
        f"Reuse report: {_totals(report)}",
        "",
    ]
    if report.pairs:
        lines.append("Pairs (source first when known):")
        for p in report.pairs:
            first = p.source if p.source is not None else p.a
            second = p.other(first)
            credit = "credited" if p.attributed else "not credited"
            arrow = "->" if p.source is not None else "<>"
            lines.append(
                f"  {_label(report, first)} ({_date(report, first)}) {arrow} "
                f"{_label(report, second)} ({_date(report, second)}): "
                f"{counted(p.shared_words, 'word')}, "
                f"{p.confidence}, {credit if p.source is not None else 'source undetermined'}"
                + (", a shared quotation" if p.kind == "quotation" else "")
            )
        if note := _crawl_note(report):
            lines.append(f"  ({note})")
        lines.append("")
    if report.clusters:
        lines.append("Clusters (the same passage in three or more articles):")
        for c in report.clusters:
            members = ", ".join(_label(report, i) for i in c.articles)
            lines.append(f"  {members}; source {_label(report, c.source)} ({c.confidence})")
        lines.append("")
    if report.matrix:
        lines.append("Who copies whom (shared words, copy <- source):")
        for copier, sources in report.matrix.items():
            for source, words in sorted(sources.items(), key=lambda kv: -kv[1]):
                lines.append(f"  {printable(copier)} <- {printable(source)}: {words}")
        lines.append("")
    lines.append("Outlets:")
    lines.append(
        f"  {'outlet':<28} {'articles':>8} {'original':>9} {'credited':>9} "
        f"{'uncredited':>10} {'copied by others':>16}"
    )
    for o in report.outlets:
        lines.append(
            f"  {fit(printable(o.outlet), 28)} {o.articles:>8} {o.original_share:>8.0%} "
            f"{o.copies_attributed:>9} {o.copies_unattributed:>10} "
            f"{o.copied_by_others:>16}"
        )
    if footer := provenance_lines(report):
        lines += ["", *footer]
    return "\n".join(lines) + "\n"


_QUOTATION_NOTE = " (shared quotation)"


def markdown(report: Report) -> str:
    out = [
        f"# Reuse report\n\n{_totals(report)}.\n",
        "## How to read this report\n",
        *(f"- **{term}**: {meaning}" for term, meaning in LEGEND),
        "",
        "## Pairs\n",
        "| source | copy | shared words | coverage of copy | confidence | credited |",
        "| --- | --- | ---: | ---: | --- | --- |",
    ]
    for p in report.pairs:
        first = p.source if p.source is not None else p.a
        second = p.other(first)
        coverage = p.coverage_b if second == p.b else p.coverage_a
        # Both articles always, with outlet and date: an undetermined pair has no source,
        # but its two articles are as much part of the finding as a decided pair's.
        source = f"{_md(_label(report, first))} ({_md(_date(report, first))})"
        if p.source is None:
            source = f"undetermined: {source}"
        credited = ("yes" if p.attributed else "no") if p.source is not None else "n/a"
        out.append(
            f"| {source} | {_md(_label(report, second))} ({_md(_date(report, second))}) | "
            f"{p.shared_words} | {coverage:.0%} | "
            f"{p.confidence}{_QUOTATION_NOTE if p.kind == 'quotation' else ''} | "
            f"{credited} |"
        )
    if note := _crawl_note(report):
        out += ["", f"_{_md(note)}_"]
    if report.pairs:
        out += ["", "### Why\n"]
        for p in report.pairs:
            first = p.source if p.source is not None else p.a
            arrow = "→" if p.source is not None else "↔"
            changed = _pair_edits(report, p, first) if report.texts else ""
            out.append(
                f"- **#{first} {arrow} #{p.other(first)}**: "
                + " ".join(_md(explain(e)) for e in p.evidence)
                + (f" Words changed in the shared text: {_md(changed)}." if changed else "")
            )
    if report.clusters:
        out += ["", "## Clusters\n", "| articles | source | confidence |", "| --- | --- | --- |"]
        for c in report.clusters:
            members = ", ".join(_md(_label(report, i)) for i in c.articles)
            out.append(f"| {members} | {_md(_label(report, c.source))} | {c.confidence} |")
    out += [
        "",
        "## Outlets\n",
        "| outlet | articles | original | credited copies | uncredited copies | copied by others |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for o in report.outlets:
        out.append(
            f"| {_md(printable(o.outlet))} | {o.articles} | {o.original_share:.0%} | "
            f"{o.copies_attributed} | {o.copies_unattributed} | {o.copied_by_others} |"
        )
    if footer := provenance_lines(report):
        out += ["", "---", "", *(f"_{_md(line)}_  " for line in footer)]
    return "\n".join(out) + "\n"


#: Markdown's own syntax, escaped with a backslash in a table cell.
_MARKDOWN_SYNTAX = re.compile(r"([\\|*_`~\[\]])")


def markdown_cell(value: str) -> str:
    """Text from a page for a Markdown table cell, shown as it is: HTML in it inert (``<``,
    ``>`` and ``&`` as entities, so a title's ``<script>`` or ``<img onerror>`` never reaches
    a renderer as markup), Markdown's own syntax escaped (a ``|`` cannot split the row, nor
    ``[...](...)`` make a link), on one line."""
    text = escape(" ".join(value.splitlines()), quote=False)
    return _MARKDOWN_SYNTAX.sub(r"\\\1", text)


_md = markdown_cell


def as_json(report: Report) -> str:
    buffer = io.StringIO()
    write_json(report, buffer)
    return buffer.getvalue()


def write_json(report: Report, out: TextIO) -> None:
    """The JSON report written a piece at a time, never whole in memory: the same text as
    ``json.dumps(report.to_json(), ensure_ascii=False, indent=2)``, but the articles and
    pairs are encoded one by one as they are written (a report over 100,000 articles would
    otherwise hold a dict per article and then the whole text)."""
    sections = report.json_sections()
    out.write("{")
    for n, (name, items) in enumerate(sections):
        out.write(("," if n else "") + f"\n  {json.dumps(name)}: ")
        if isinstance(items, _Items):
            _write_items(out, items)
        else:
            out.write(_nested(items, 1))
    out.write("\n}\n")


#: A section written item by item: (opening, closing, items); an item is a value (a list's)
#: or a (key, value) pair (an object's).
_Items = tuple


def _write_items(out: TextIO, items: _Items) -> None:
    opening, closing, entries = items
    first = True
    for entry in entries:
        if isinstance(entry, tuple):
            key, value = entry
            text = f"{json.dumps(key, ensure_ascii=False)}: {_nested(value, 2)}"
        else:
            text = _nested(entry, 2)
        out.write((opening if first else ",") + "\n    " + text)
        first = False
    out.write(opening + closing if first else "\n  " + closing)


def _nested(value, depth: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it ``depth`` levels deep (a JSON
    string holds no raw line break, so every line break is the layout's)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * depth)


def as_csv(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for p in report.pairs:
        a, b = report.articles[p.a], report.articles[p.b]
        writer.writerow(
            csv_row(
                {
                    "a": p.a,
                    "b": p.b,
                    "a_outlet": a.outlet,
                    "b_outlet": b.outlet,
                    "a_title": a.title,
                    "b_title": b.title,
                    "source": p.source,
                    "confidence": p.confidence,
                    "attributed": p.attributed,
                    "shared_words": p.shared_words,
                    "coverage_a": round(p.coverage_a, 4),
                    "coverage_b": round(p.coverage_b, 4),
                    "spans": json.dumps(p.spans),
                    "evidence": " | ".join(p.evidence),
                    "a_published": a.published,
                    "a_published_source": a.published_source,
                    "b_published": b.published,
                    "b_published_source": b.published_source,
                    "kind": p.kind,
                    "reasons": " | ".join(explain(e) for e in p.evidence),
                }
            )
        )
    return buffer.getvalue()


STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:1200px;color:#222;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.3rem .6rem;
text-align:left}th{background:#f4f4f4}td.n{text-align:right}
.pair{border:1px solid #ccc;border-radius:6px;margin:1.5rem 0;padding:.8rem}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.side{background:#fafafa;padding:.6rem;
border-radius:4px;font-size:14px;white-space:pre-wrap}mark{background:#ffe58a}
ins.changed{background:#b9e6b9;text-decoration:underline}
del.changed{background:#f5bcbc;text-decoration:line-through}
.meta{color:#555;font-size:13px}.tag{display:inline-block;padding:0 .4rem;border-radius:3px;
background:#eee;margin-right:.3rem}.high{background:#c8efc8}.medium{background:#fff0b3}
.low{background:#ffd9b3}.undetermined{background:#e6e6e6}.no{background:#ffc9c9}
.legend dt{font-weight:600;float:left;clear:left;width:9rem}.legend dd{margin-left:10rem}
.legend{font-size:14px;background:#f8f8f8;padding:.5rem 1rem;border-radius:6px}
table.heat td{min-width:4rem}.cluster{margin:1rem 0}svg.timeline{display:block;max-width:100%}
footer{margin-top:3rem;border-top:1px solid #ddd;padding-top:.5rem}
"""


def html(report: Report) -> str:
    """One self-contained page (no network): everything from articles is escaped."""
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<title>Reuse report</title><style>",
        STYLE,
        "</style></head><body>",
        "<h1>Reuse report</h1>",
        f"<p>{_totals(report)}.</p>",
        "<details class=legend open><summary>How to read this report</summary><dl>",
        *(f"<dt>{escape(term)}</dt><dd>{escape(meaning)}</dd>" for term, meaning in LEGEND),
        "</dl></details>",
        "<h2>Outlets</h2><table><tr><th>outlet</th><th>articles</th><th>original</th>"
        "<th>credited copies</th><th>uncredited copies</th><th>copied by others</th></tr>",
    ]
    for o in report.outlets:
        parts.append(
            f"<tr><td>{escape(o.outlet)}</td><td class=n>{o.articles}</td>"
            f"<td class=n>{o.original_share:.0%}</td><td class=n>{o.copies_attributed}</td>"
            f"<td class=n>{o.copies_unattributed}</td><td class=n>{o.copied_by_others}</td></tr>"
        )
    parts.append("</table>")
    if report.matrix:
        parts.append(
            "<h2>Who copies whom</h2><p class=meta>Shared words of the pairs whose source is "
            "known; each row copies from the columns, darker for more words.</p>"
        )
        parts.append(heatmap_html(report.matrix))
    if report.clusters:
        parts.append("<h2>Clusters</h2>")
        parts.append(f"<p class=meta>{escape(TIMELINE_KEY)}</p>")
        for c in report.clusters:
            members = ", ".join(escape(_label(report, i)) for i in c.articles)
            parts.append(
                f"<div class=cluster><p>{members}; source {escape(_label(report, c.source))} "
                f"<span class='tag {c.confidence}'>{c.confidence}</span></p>"
            )
            parts.append(timeline_svg(_timeline(report, c.articles, c.source)))
            parts.append(
                f"<ul class=meta>{''.join(f'<li>{escape(explain(e))}</li>' for e in c.evidence)}"
                "</ul></div>"
            )
    parts.append("<h2>Pairs</h2>")
    if note := _crawl_note(report):
        parts.append(f"<p class=meta>{escape(note)}</p>")
    for p in report.pairs:
        parts.append(_html_pair(report, p))
    if footer := provenance_lines(report):
        parts.append("<footer class=meta>")
        parts += [f"<p>{escape(line)}</p>" for line in footer]
        parts.append("</footer>")
    parts.append("</body></html>\n")
    return "".join(parts)


def _html_pair(report: Report, p) -> str:
    first = p.source if p.source is not None else p.a
    second = p.other(first)
    credit = ("credited" if p.attributed else "not credited") if p.source is not None else ""
    head = (
        f"<div class=pair><div><strong>{escape(_label(report, first))}</strong> "
        f"({escape(_date(report, first))}) {'&rarr;' if p.source is not None else '&harr;'} "
        f"<strong>{escape(_label(report, second))}</strong> ({escape(_date(report, second))}) "
        f"<span class='tag {p.confidence}'>{p.confidence}</span>"
        + (f"<span class='tag{'' if p.attributed else ' no'}'>{credit}</span>" if credit else "")
        + ("<span class=tag>shared quotation</span>" if p.kind == "quotation" else "")
        + f"<span class=meta>{counted(p.shared_words, 'shared word')}</span></div>"
        f"<ul class=meta>{''.join(f'<li>{escape(explain(e))}</li>' for e in p.evidence)}</ul>"
        "<div class=sides>"
    )
    marked: dict[int, list[tuple[int, int, str]]] = {first: [], second: []}
    for span in p.spans:
        (fa, fb), (sa, sb) = _side(p, first, span), _side(p, second, span)
        ft, st = report.texts.get(first, ""), report.texts.get(second, "")
        left, right = word_diff(ft[fa:fb], st[sa:sb])
        marked[first].append((fa, fb, _marked_html(ft[fa:fb], left, "del")))
        marked[second].append((sa, sb, _marked_html(st[sa:sb], right, "ins")))
    sides = []
    for article_id in (first, second):
        info = report.articles[article_id]
        sides.append(
            f"<div class=side><div class=meta>{escape(info.title or '(untitled)')}</div>"
            f"{_highlight(report.texts.get(article_id, ''), marked[article_id])}</div>"
        )
    return head + "".join(sides) + "</div></div>"


def _date_kind(published: str | None, source: str | None) -> str:
    """How a date is drawn on a timeline: trusted, a crawl (header) date, or none."""
    if not published:
        return UNDATED
    return CRAWL if is_crawl_date(source) else TRUSTED


def _timeline(report: Report, article_ids: list[int], source: int | None) -> list[Mark]:
    """The articles of a cluster as marks on a timeline, earliest first, undated last."""
    marks = []
    for i in article_ids:
        info = report.articles[i]
        label = f"#{i} {printable(info.outlet) or '(unknown outlet)'}"
        kind = _date_kind(info.published, info.published_source)
        marks.append(Mark(label, info.published, kind, i == source))
    return sorted(marks, key=lambda m: (m.kind == UNDATED, (m.day or "")[:10], m.label))


def _side(p, article_id: int, span: list[int]) -> tuple[int, int]:
    return (span[0], span[1]) if article_id == p.a else (span[2], span[3])


_WORD = re.compile(r"\w+")


def _words(a: str, b: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """The words of two versions of a passage as ``(start, end, casefolded)``; Chinese or
    Japanese (either side) in characters, each ideograph or kana one word, as they were
    aligned."""
    if CHARS in (unit_of(a), unit_of(b)):
        ta, tb = tokenize(a, CHARS), tokenize(b, CHARS)
        return (
            list(zip(ta.starts.tolist(), ta.ends.tolist(), ta.words, strict=True)),
            list(zip(tb.starts.tolist(), tb.ends.tolist(), tb.words, strict=True)),
        )
    return (
        [(m.start(), m.end(), m[0].casefold()) for m in _WORD.finditer(a)],
        [(m.start(), m.end(), m[0].casefold()) for m in _WORD.finditer(b)],
    )


def word_diff(a: str, b: str) -> tuple[list[tuple[int, int, bool]], list[tuple[int, int, bool]]]:
    """The words of two versions of a passage, each as ``(start, end, same)``: ``same`` when
    the word is part of what both versions share word for word (case aside), false for the
    words one version changed, added or left out."""
    from difflib import SequenceMatcher

    wa, wb = _words(a, b)
    ka, kb = [w for _, _, w in wa], [w for _, _, w in wb]
    same_a, same_b = [False] * len(wa), [False] * len(wb)
    for block in SequenceMatcher(None, ka, kb, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            same_a[block.a + k] = same_b[block.b + k] = True
    return (
        [(start, end, same) for (start, end, _), same in zip(wa, same_a, strict=True)],
        [(start, end, same) for (start, end, _), same in zip(wb, same_b, strict=True)],
    )


def edits(a: str, b: str, most: int = 6) -> list[tuple[str, str]]:
    """The words one version of a passage changed from the other, as ``(before, after)``
    phrases (``("14", "15")``, ``("Farmers", "Growers")``; an empty side for words added or
    left out), at most ``most`` of them."""
    from difflib import SequenceMatcher

    wa, wb = _words(a, b)
    ka, kb = [w for _, _, w in wa], [w for _, _, w in wb]
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        before = a[wa[i1][0] : wa[i2 - 1][1]] if i2 > i1 else ""
        after = b[wb[j1][0] : wb[j2 - 1][1]] if j2 > j1 else ""
        out.append((" ".join(before.split()), " ".join(after.split())))
        if len(out) == most:
            break
    return out


def _pair_edits(report: Report, p, first: int) -> str:
    """``"14" → "15"; "Farmers" → "Growers"`` for a pair's spans, source side first."""
    second = p.other(first)
    found = []
    for span in p.spans:
        (fa, fb), (sa, sb) = _side(p, first, span), _side(p, second, span)
        found += edits(report.texts.get(first, "")[fa:fb], report.texts.get(second, "")[sa:sb])
    shown = [
        f"“{before}” → “{after}”"
        if before and after
        else (f"“{after}” added" if after else f"“{before}” left out")
        for before, after in found[:6]
    ]
    return "; ".join(shown) + ("; …" if len(found) > 6 else "")


def _marked_html(text: str, words: list[tuple[int, int, bool]], changed_tag: str) -> str:
    """A shared passage with its identical words in ``<mark>`` and the words this version
    changed in ``<del>`` (the source's side) or ``<ins>`` (the copy's side)."""
    groups: list[list] = []  # [start, end, same]
    for start, end, same in words:
        if groups and groups[-1][2] == same:
            groups[-1][1] = end
        else:
            groups.append([start, end, same])
    out, at = [], 0
    for start, end, same in groups:
        out.append(escape(text[at:start]))
        tag = "mark" if same else f"{changed_tag} class=changed"
        out.append(f"<{tag}>{escape(text[start:end])}</{tag.split()[0]}>")
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


def _word_start(text: str, at: int, limit: int) -> int:
    """``at`` moved forward to the start of a word (not past ``limit``)."""
    if at <= 0 or text[at - 1].isspace():
        return max(at, 0)
    space = re.compile(r"\s").search(text, at, limit)
    return space.end() if space else limit


def _word_end(text: str, at: int, limit: int) -> int:
    """``at`` moved back to the end of a word (not before ``limit``)."""
    if at >= len(text) or text[at].isspace():
        return min(at, len(text))
    cut = max((m.start() for m in re.finditer(r"\s", text[limit:at])), default=None)
    return limit + cut if cut is not None else limit


def _highlight(text: str, spans: list[tuple[int, int, str]]) -> str:
    """The spans marked, with some context around each, cut at word boundaries; the rest
    elided with "…"."""
    out, shown = [], 0
    spans = sorted(spans)
    for k, (start, end, inner) in enumerate(spans):
        start = max(start, shown)
        end = max(end, start)
        lo = _word_start(text, max(shown, start - CONTEXT), start)
        if lo > shown:
            out.append("… ")
        out.append(escape(text[lo:start]))
        out.append(inner)
        upto = min(len(text), end + CONTEXT)
        if k + 1 < len(spans):
            upto = min(upto, max(spans[k + 1][0], end))
        hi = _word_end(text, upto, end)
        out.append(escape(text[end:hi]))
        shown = hi
    if shown < len(text):
        out.append(" …")
    return "".join(out)


def trace_html(result, location: str) -> str:
    """``archiver trace --format html``: one self-contained page (no network) with a timeline
    of the articles holding the passage and each one's date, where the date came from, and
    the matching text; everything from articles escaped."""
    from . import __version__
    from .provenance import DATE_SOURCE_WORDS
    from .report import report_meta

    marks = []
    for hit in result.hits:
        kind = _date_kind(hit.published, hit.published_source)
        marks.append(
            Mark(f"#{hit.id} {printable(hit.outlet) or '(unknown outlet)'}", hit.published, kind)
        )
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<title>Trace of a passage</title><style>",
        STYLE,
        "</style></head><body><h1>Trace of a passage</h1>",
        f"<p>A passage of {escape(result.length())}, found in "
        f"{counted(result.total, 'archived article')}"
        + (f" (the first {len(result.hits)} shown)" if len(result.hits) < result.total else "")
        + ", earliest first.</p>",
    ]
    if marks:
        parts += [timeline_svg(marks), f"<p class=meta>{escape(TIMELINE_KEY)}</p>"]
    parts.append(
        "<table><tr><th>article</th><th>date</th><th>where the date comes from</th>"
        "<th>title</th><th>share of the passage</th><th>matching text</th></tr>"
    )
    for hit in result.hits:
        source = DATE_SOURCE_WORDS.get(hit.published_source or "", hit.published_source or "")
        parts.append(
            f"<tr><td>#{hit.id} {escape(hit.outlet or '(unknown outlet)')}</td>"
            f"<td>{escape((hit.published or 'undated')[:10])}</td><td>{escape(source)}</td>"
            f"<td>{escape(hit.title or '(untitled)')}</td><td class=n>{hit.coverage:.0%}</td>"
            f"<td><mark>{escape(hit.excerpt)}</mark></td></tr>"
        )
    parts.append("</table>")
    meta = report_meta(location)
    made = meta["generated_at"].replace("T", " ").replace("Z", " UTC")
    parts.append(
        f"<footer class=meta><p>Made {escape(made)} by archiver {escape(__version__)} from "
        f"the archive {escape(meta['archive'])}.</p></footer></body></html>\n"
    )
    return "".join(parts)
