"""Metadata from a page's plain text: title, byline, dates, outlet, address, dateline.

The cleaner (:mod:`archiver.textclean`) runs these as passes over its lines; the values are
normalised by :mod:`archiver.metanorm`, as the HTML path's are.
"""

from archiver.textmeta.header import Header
from archiver.textmeta.page import dateline, host_field, outlet_clues, page_metadata, page_url

__all__ = ["Header", "dateline", "host_field", "outlet_clues", "page_metadata", "page_url"]
