"""Whether two transcripts are translations of one interview at all: a translation keeps how long each turn is,
relative to the others (a long answer stays long), so the lengths of the turns the aligner pairs rise and fall
together. Two different interviews paired turn by turn do not: their parallel rows would be noise, built "OK".
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..models import FUNCTIONS, ParallelTurn
from ..transcripts.warnings import Notes

__all__ = ["LENGTH_CORRELATION_MIN", "check_lengths", "length_correlation"]

LENGTH_CORRELATION_MIN = 0.6
"""The correlation of the paired turns' log lengths (each side's asking and answering turns measured from their own
mean: questions are shorter than answers in any two interviews) below which two transcripts do not read as
translations of one another. Over the fixtures' and held-back interviews' pairs it is 0.81 or more; the Verge
German text relabelled and paired with another interview's English, 0.47."""
LENGTH_CORRELATION_PAIRS = 6
"""Turn pairs needed before the correlation says anything."""


def length_correlation(rows: Sequence[ParallelTurn], langs: tuple[str, str]) -> float | None:
    """The correlation of the log lengths of the paired turns' texts, each measured from the mean of its turns that
    do the same (ask, answer, or neither), so that it is not the questions' being short that correlates; None for
    too few pairs, or lengths all alike.

    >>> from qa_builder.models import ParallelTurn
    >>> def row(role: str, de: str, en: str) -> ParallelTurn:
    ...     return ParallelTurn.model_construct(translation={"de": de, "en": en}, roles={"de": [role], "en": [role]})
    >>> rows = [row(role, "a" * n, "b" * n * 2) for role, n in [("interviewer", 3), ("interviewee", 40)] * 3]
    >>> rows += [row("interviewee", "a" * 90, "b" * 170), row("interviewer", "a" * 9, "b" * 20)]
    >>> round(length_correlation(rows, ("de", "en")), 2)
    0.99
    """
    if len(rows) < LENGTH_CORRELATION_PAIRS:
        return None
    functions = [FUNCTIONS[row.roles[langs[0]][0]] if row.roles[langs[0]] else "" for row in rows]
    x, y = (_centred([math.log(len(row.translation[lang]) + 1) for row in rows], functions) for lang in langs)
    xx, yy = sum(a * a for a in x), sum(b * b for b in y)
    if xx == 0 or yy == 0:
        return None
    return sum(a * b for a, b in zip(x, y, strict=True)) / math.sqrt(xx * yy)


def _centred(values: list[float], groups: Sequence[str]) -> list[float]:
    """Each value less the mean of its group's (plain floats: the ``statistics`` module's exact means cost more
    than the alignment of a short interview)."""
    sums: dict[str, list[float]] = {}
    for value, group in zip(values, groups, strict=True):
        sums.setdefault(group, []).append(value)
    means = {group: sum(found) / len(found) for group, found in sums.items()}
    return [value - means[group] for value, group in zip(values, groups, strict=True)]


def check_lengths(rows: Sequence[ParallelTurn], langs: tuple[str, str], notes: Notes, line: int) -> None:
    """Warn (on the second language's transcript, at ``line``) where the paired turns' lengths do not follow each
    other: the two transcripts may not be translations of one interview."""
    found = length_correlation(rows, langs)
    if found is None or found >= LENGTH_CORRELATION_MIN:
        return
    notes.warn(
        line,
        f"the lengths of this transcript's turns do not follow those of the {langs[0]} transcript's (correlation "
        f"{found:.2f} over {len(rows)} turn pairs; translations keep it above {LENGTH_CORRELATION_MIN}): is it a "
        "translation of the same interview?",
    )
