"""Every tunable of archiver in one object.

``Options`` gathers the four groups of settings the pipeline has, each kept beside the code it
tunes (and documented there): the limits on inputs and how ``add`` commits
(:class:`~archiver.settings.Settings`), the text cleaner
(:class:`~archiver.textclean.options.CleanOptions`), reuse detection
(:class:`~archiver.passages.ReuseSettings`) and the provenance ladder
(:class:`~archiver.provenance.ProvenanceSettings`). An archive is opened with one
(``Archive.open(path, options=...)``) and everything it does reads it from there: cleaning,
reuse, provenance and limits when ``add`` runs, in its worker processes too (it is frozen and
picklable). ``Options()`` holds the defaults, the only place they are set.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .passages import DEFAULT as DEFAULT_REUSE
from .passages import ReuseSettings
from .provenance import DEFAULT_PROVENANCE, ProvenanceSettings
from .settings import Settings
from .textclean.options import DEFAULT_OPTIONS as DEFAULT_CLEANING
from .textclean.options import CleanOptions


@dataclass(frozen=True)
class Options:
    """Limits, cleaning, reuse and provenance settings, for one archive's work."""

    limits: Settings = field(default_factory=Settings)
    cleaning: CleanOptions = DEFAULT_CLEANING
    reuse: ReuseSettings = DEFAULT_REUSE
    provenance: ProvenanceSettings = DEFAULT_PROVENANCE


DEFAULTS = Options()
