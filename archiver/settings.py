"""Tunable settings in one place, with their defaults."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1_000_000


@dataclass(frozen=True)
class Settings:
    """Knobs for the pipeline. Pass one object down instead of loose keyword arguments."""

    #: Largest input accepted, in bytes, after gzip decompression.
    max_bytes: int = 50 * MB
    #: Fewer words than this left after cleaning means the input held no article.
    min_words: int = 5
