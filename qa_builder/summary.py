"""What one interview contributes, counted once: the dataset card, the site's index and ``stats`` read it.

:func:`summarize` takes a parsed interview and its pair alignments and keeps
numbers and names only — no records — so a build over thousands of interviews
holds one small summary per interview.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .alignment.model import LOW_SCORE
from .alignment.parallel import PairAlignment
from .errors import QABuilderError
from .models import Role, Turn
from .transcripts.interview import Interview
from .transcripts.parse import ParseWarning

__all__ = ["InterviewSummary", "PairSummary", "speaker_name", "summarize", "summarize_raw"]


@dataclass(frozen=True, slots=True)
class PairSummary:
    """Two translations of an interview, aligned: how much paired, and how well."""

    langs: tuple[str, str]
    turn_pairs: int
    qa_pairs: int
    sentence_pairs: int
    flagged: int
    """Turn pairs with an issue."""
    low: int
    """Turn pairs scored below :data:`~qa_builder.alignment.model.LOW_SCORE`."""
    unpaired: dict[str, dict[str, int]]
    """Per level (turn, exchange, sentence), how many of each language's have no partner."""

    @property
    def name(self) -> str:
        return "-".join(self.langs)


@dataclass(frozen=True, slots=True)
class InterviewSummary:
    """An interview's metadata and counts, per language and per pair."""

    id: str
    title: str
    publisher: str
    url: str
    published: str
    license: str
    license_note: str | None
    languages: list[str]
    people: dict[str, Role]
    """Every declared speaker and their role."""
    turns: dict[str, int]
    speakers: dict[str, dict[str, int]]
    """Per language, turns per speaker (a label naming only a role counts as "the <role>")."""
    exchanges: dict[str, int]
    segments: dict[str, dict[str, int]]
    """Per language, segments per kind."""
    inferred: dict[str, int]
    """Per language, turns whose speaker was inferred."""
    warnings: dict[str, list[ParseWarning]]
    """Per language, the parser's warnings nobody has reviewed."""
    reviewed: int
    """Inferences a maintainer has reviewed in meta.toml."""
    pairs: list[PairSummary]
    issues: dict[str, dict[str, int]]
    """Per config family, how many rows carry each issue."""


def summarize_raw(raw: Path) -> list[InterviewSummary]:
    """Every interview under ``raw`` loaded, aligned and counted: what ``qa-builder stats`` prints."""
    from .alignment.parallel import align_interview
    from .transcripts.interview import each_interview

    return [summarize(interview, align_interview(interview)) for interview in each_interview(raw)]


def validate_raw(raw: Path) -> list[Interview | QABuilderError]:
    """Every interview under ``raw`` loaded and checked, or the error that stops it, its translations aligned turn
    by turn to check they are translations of one another: what ``qa-builder validate`` reports."""
    from .alignment.parallel import check_translations
    from .transcripts.interview import check_raw

    checked = check_raw(raw)
    for item in checked:
        if isinstance(item, Interview):
            check_translations(item)
    return checked


def speaker_name(turn: Turn) -> str:
    """Who says a turn, for counts and captions: the speaker, or "the <role>" for a label naming only a role."""
    return turn.speaker or f"the {turn.role}"


def summarize(interview: Interview, alignments: Sequence[PairAlignment]) -> InterviewSummary:
    """Count what ``interview`` and its ``alignments`` hold."""
    meta, transcripts = interview.meta, interview.transcripts
    return InterviewSummary(
        id=interview.id,
        title=meta.title,
        publisher=meta.publisher,
        url=meta.url,
        published=meta.published.isoformat(),
        license=meta.license,
        license_note=meta.license_note,
        languages=sorted(transcripts),
        people={person.name: person.role for person in meta.people.values()},
        turns={lang: len(t.turns) for lang, t in sorted(transcripts.items())},
        speakers={lang: _counted(speaker_name(turn) for turn in t.turns) for lang, t in sorted(transcripts.items())},
        exchanges={lang: len(t.exchanges) for lang, t in sorted(transcripts.items())},
        segments={lang: _counted(s.kind for s in t.segments) for lang, t in sorted(transcripts.items())},
        inferred={
            lang: sum("speaker_inferred" in turn.issues for turn in t.turns) for lang, t in sorted(transcripts.items())
        },
        warnings={lang: list(t.warnings) for lang, t in sorted(transcripts.items()) if t.warnings},
        reviewed=sum(len(t.reviewed) for t in transcripts.values()),
        pairs=[_pair(alignment) for alignment in alignments],
        issues=_issues(interview, alignments),
    )


def _pair(alignment: PairAlignment) -> PairSummary:
    return PairSummary(
        langs=alignment.langs,
        turn_pairs=len(alignment.turns),
        qa_pairs=len(alignment.qa),
        sentence_pairs=len(alignment.sentences),
        flagged=sum(bool(row.issues) for row in alignment.turns),
        low=sum(row.score < LOW_SCORE for row in alignment.turns),
        unpaired={level: alignment.unpaired_count(level) for level in ("turn", "exchange", "sentence")},
    )


def _issues(interview: Interview, alignments: Sequence[PairAlignment]) -> dict[str, dict[str, int]]:
    transcripts = interview.transcripts.values()
    families: dict[str, Iterable[Sequence[str]]] = {
        "turns": [turn.issues for t in transcripts for turn in t.turns],
        "qa": [exchange.issues for t in transcripts for exchange in t.exchanges],
        "parallel_turns": [row.issues for a in alignments for row in a.turns],
        "parallel_qa": [row.issues for a in alignments for row in a.qa],
        "parallel_sentences": [row.issues for a in alignments for row in a.sentences],
    }
    found = {family: _counted(issue for issues in rows for issue in issues) for family, rows in families.items()}
    return {family: counts for family, counts in found.items() if counts}


def _counted(values: Iterable[str]) -> dict[str, int]:
    return dict(sorted(Counter(values).items()))
