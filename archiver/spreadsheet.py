"""CSV that a spreadsheet opens as data: text from scraped pages never starts a formula."""

from __future__ import annotations

#: What a spreadsheet may take for the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A CSV cell for ``value``. Text that begins like a formula (``=``, ``+``, ``-``, ``@``,
    a tab or a carriage return) gets a leading single quote, as OWASP advises: a title such as
    ``=HYPERLINK("http://...","y")`` is shown, not run. Numbers (the ids, counts and shares the
    archive computes) stay numbers, negative or not; ``None`` stays an empty cell."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(row: dict) -> dict:
    """Every cell of a row through :func:`csv_cell`."""
    return {key: csv_cell(value) for key, value in row.items()}
