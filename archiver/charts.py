"""Small drawings for the HTML report, as inline SVG and styled HTML (no script, no network):
a timeline of who ran a passage when, and the who-copies-whom matrix as a heat map."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

#: Kinds of date on a timeline, each drawn its own way.
TRUSTED, CRAWL, UNDATED = "trusted", "crawl", "undated"

ROW = 26  # pixels a row
LEFT = 230  # room for the labels
PLOT = 420  # width of the time axis
UNDATED_GAP = 70  # the undated column, right of the axis


@dataclass
class Mark:
    """One article on a timeline."""

    label: str  # "#3 Coastline Today"
    day: str | None  # YYYY-MM-DD, or None when undated
    kind: str  # TRUSTED, CRAWL or UNDATED
    source: bool = False  # the article judged first


def _parse(day: str | None) -> date | None:
    if not day:
        return None
    try:
        return date.fromisoformat(day[:10])
    except ValueError:
        return None


def timeline_svg(marks: list[Mark], title: str = "Who ran the passage when") -> str:
    """An inline SVG: one row per article, its date on a common day axis. A publication date
    is a filled dot, a date seen only in a site's header (likely the crawl day, an upper bound)
    a hollow dashed ring, an undated article a grey "?" in a column of its own; the source
    judged first is drawn in dark red and its label in bold."""
    days = [d for m in marks if m.kind != UNDATED and (d := _parse(m.day)) is not None]
    first, last = (min(days), max(days)) if days else (None, None)
    span = max((last - first).days, 1) if days else 1
    undated = any(m.kind == UNDATED or _parse(m.day) is None for m in marks)
    width = LEFT + PLOT + (UNDATED_GAP + 30 if undated else 30)
    height = ROW * len(marks) + 52
    out = [
        f"<svg class=timeline role='img' width='{width}' "
        f"height='{height}' viewBox='0 0 {width} {height}' font-family='system-ui,sans-serif' "
        f"font-size='12'><title>{escape(title)}</title>"
    ]

    def x_of(d: date) -> float:
        return LEFT + 10 + (d - first).days / span * (PLOT - 20) if first else LEFT + 10

    axis_y = ROW * len(marks) + 14
    out.append(f"<line x1='{LEFT}' y1='{axis_y}' x2='{LEFT + PLOT}' y2='{axis_y}' stroke='#888'/>")
    for d in sorted(set(days)):
        x = x_of(d)
        out.append(
            f"<line x1='{x:.1f}' y1='4' x2='{x:.1f}' y2='{axis_y + 4}' stroke='#eee'/>"
            f"<text x='{x:.1f}' y='{axis_y + 18}' text-anchor='middle' fill='#555'>"
            f"{d.strftime('%d %b').lstrip('0')}</text>"
        )
    if undated:
        ux = LEFT + PLOT + UNDATED_GAP / 2
        out.append(
            f"<text x='{ux:.1f}' y='{axis_y + 18}' text-anchor='middle' fill='#555'>undated</text>"
        )
    for row, m in enumerate(marks):
        y = ROW * row + ROW / 2 + 4
        colour = "#a3122a" if m.source else "#1f5fa8"
        weight = " font-weight='bold'" if m.source else ""
        out.append(
            f"<text x='{LEFT - 8}' y='{y + 4:.1f}' text-anchor='end'{weight}>"
            f"{escape(m.label[:40])}</text>"
        )
        d = _parse(m.day)
        if m.kind == UNDATED or d is None:
            out.append(
                f"<text class='undated' x='{LEFT + PLOT + UNDATED_GAP / 2:.1f}' y='{y + 5:.1f}' "
                f"text-anchor='middle' font-size='15' fill='#999'>?</text>"
            )
        elif m.kind == CRAWL:
            out.append(
                f"<circle class='crawl' cx='{x_of(d):.1f}' cy='{y:.1f}' r='6' fill='white' "
                f"stroke='{colour}' stroke-width='2' stroke-dasharray='3 2'>"
                f"<title>{escape(m.day or '')}: a date in the site's header, likely the day "
                "the page was scraped (it was online by then)</title></circle>"
            )
        else:
            out.append(
                f"<circle class='dated' cx='{x_of(d):.1f}' cy='{y:.1f}' r='6' "
                f"fill='{colour}'><title>{escape(m.day or '')}</title></circle>"
            )
    out.append("</svg>")
    return "".join(out)


TIMELINE_KEY = (
    "Filled dot: a publication date. Hollow dashed ring: only a date in the site's header, "
    "likely the day the page was scraped (it was online by then, maybe earlier). "
    "?: no date. Red and bold: the article judged first."
)


def heatmap_html(matrix: dict[str, dict[str, int]]) -> str:
    """The who-copies-whom table with each cell shaded by its shared words (the darkest is the
    largest), the number still written in it."""
    sources = sorted({s for row in matrix.values() for s in row})
    most = max((v for row in matrix.values() for v in row.values()), default=0) or 1
    parts = ["<table class=heat><tr><th>copy \\ source</th>"]
    parts += [f"<th>{escape(s)}</th>" for s in sources]
    parts.append("</tr>")
    for copier, row in matrix.items():
        parts.append(f"<tr><th>{escape(copier)}</th>")
        for s in sources:
            words = row.get(s)
            if not words:
                parts.append("<td class=n></td>")
                continue
            share = words / most
            colour = "#fff" if share > 0.55 else "#222"
            parts.append(
                f"<td class=n style='background:rgba(163,18,42,{0.12 + 0.78 * share:.2f});"
                f"color:{colour}'>{words}</td>"
            )
        parts.append("</tr>")
    parts.append("</table>")
    return "".join(parts)
