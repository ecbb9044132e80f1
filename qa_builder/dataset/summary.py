"""What a build tells its caller and the card: per config its file and rows, per interview its summary.

A build over thousands of interviews keeps one :class:`~qa_builder.summary.InterviewSummary`
per interview and at most :data:`KNOWN_ISSUES_SHOWN` flagged pairs, so its
memory does not grow with the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..alignment.parallel import PairAlignment
from ..models import ParallelTurn
from ..summary import InterviewSummary
from ..transcripts.parse import ParseWarning

__all__ = ["KNOWN_ISSUES_SHOWN", "SITE_AUTO_MAX", "SITE_FOLDER", "BuildSummary", "FlaggedPair"]

SITE_FOLDER = "site"
"""The review site's folder inside the dataset folder (see :mod:`qa_builder.site.write`)."""

SITE_AUTO_MAX = 50
"""Up to this many interviews, a build writes the review site into the dataset folder unless told not to; above
it, only when asked (``build --site``): at corpus scale the pages would cost the build time and the dataset
several times the size of its text, and ``qa-builder site`` writes them on their own."""

KNOWN_ISSUES_SHOWN = 100
"""Flagged turn pairs (and warnings) the card lists; the rest are counted."""


@dataclass(frozen=True, slots=True)
class FlaggedPair:
    """A flagged turn pair, as the card's known issues list it."""

    id: str
    pair: str
    issues: list[str]
    speakers: dict[str, str]
    begins: dict[str, str]

    @classmethod
    def of(cls, alignment: PairAlignment, row: ParallelTurn) -> FlaggedPair:
        return cls(
            id=row.id,
            pair=alignment.name,
            issues=list(row.issues),
            speakers={lang: ", ".join(s or "—" for s in row.speakers[lang]) for lang in alignment.langs},
            begins={lang: row.translation[lang].split("\n")[0] for lang in alignment.langs},
        )


@dataclass(slots=True)
class BuildSummary:
    """What a build made: each config's data file and rows, and a summary per interview."""

    out: Path
    counts: dict[str, int] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    """Each config's data file, relative to ``out`` (content-addressed, see :mod:`qa_builder.dataset.export`)."""
    interviews: list[InterviewSummary] = field(default_factory=list)
    flagged: list[FlaggedPair] = field(default_factory=list)
    flagged_total: int = 0
    site: bool = True
    """Whether the dataset folder holds the review site."""

    @property
    def warnings(self) -> list[ParseWarning]:
        return [w for summary in self.interviews for found in summary.warnings.values() for w in found]

    def add(self, summary: InterviewSummary, flagged: Sequence[FlaggedPair]) -> None:
        """Keep ``summary`` and the first flagged pairs, up to :data:`KNOWN_ISSUES_SHOWN` in all."""
        self.flagged += flagged[: max(0, KNOWN_ISSUES_SHOWN - len(self.flagged))]
        self.flagged_total += len(flagged)
        self.interviews.append(summary)
