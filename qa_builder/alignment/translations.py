"""Whether two transcripts are translations of one interview at all, and in one order: a translation keeps how long
each turn is, relative to the others (a long answer stays long), so the lengths of the turns the aligner pairs rise
and fall together. Two different interviews paired turn by turn do not: their parallel rows would be noise, built
"OK". And where each translation has turns the other lacks, a part may have been moved in one of them (the aligner
keeps order, so a moved exchange is unpaired on both sides) rather than dropped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import FUNCTIONS, ParallelTurn, Turn
from ..transcripts.warnings import Notes
from .gaps import AMBIGUOUS_GAP
from .items import AlignItem
from .model import Bead, Group, align_groups

__all__ = [
    "AlignedTurns",
    "LENGTH_CORRELATION_MIN",
    "MISSING_AT_END",
    "MISSING_INSIDE",
    "MOVED_SCORE_MIN",
    "check_gaps",
    "check_lengths",
    "check_missing",
    "check_order",
    "check_speakers",
    "length_correlation",
]

LENGTH_CORRELATION_MIN = 0.6
"""The correlation of the paired turns' log lengths (each side's asking and answering turns measured from their own
mean: questions are shorter than answers in any two interviews) below which two transcripts do not read as
translations of one another. Over the fixtures' and held-back interviews' pairs it is 0.81 or more; the Verge
German text relabelled and paired with another interview's English, 0.47."""
MOVED_SCORE_MIN = 0.5
"""The score every bead must reach when the turns each side alone has are aligned with one another, for them to
read as one part moved, not two parts dropped (the aligner's scores of right 1–1 turn beads are 0.7 or more)."""
MISSING_AT_END = 3
"""Turns of one translation, at its start or end, that the other lacks, from which the other may be cut short (a
copy of a page that stopped loading). A translator leaves out an exchange, two turns: over the fixtures' and the
held-back interviews' pairs, no run of unpaired turns is longer."""
MISSING_INSIDE = 4
"""The same inside the interview, in runs close together (:data:`MISSING_SPREAD`): more than an exchange missing
in one place (a page of a multi-page article)."""
SPEAKER_MISMATCH_RUN = 3
"""Paired turns in a row whose speakers differ from which labels read the wrong way round in a part of one
translation (over the fixtures' and held-back pairs, such pairs never stand two in a row)."""
MOVED_TURNS_APART = 2
"""How many more turns one side may have unpaired than the other for them to be a moved part (one and the same
part, printed elsewhere, has about as many turns on both sides); beyond, they are not aligned to tell."""
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


@dataclass(frozen=True, slots=True)
class AlignedTurns:
    """A pair of translations aligned turn by turn, as the checks of this module read it."""

    beads: Sequence[Bead]
    turns: tuple[Sequence[Turn], Sequence[Turn]]
    items: tuple[Sequence[AlignItem], Sequence[AlignItem]]
    """All the turns as the aligner saw them."""
    langs: tuple[str, str]
    notes: tuple[Notes, Notes]


def check_order(pairs: Sequence[AlignedTurns]) -> None:
    """Warn (on the second language's transcript) where both translations have turns the other lacks where they
    stand, and say whether those turns read as translations of each other: one of them may have moved a part.

    The unpaired turns of each such pair are aligned with one another under the length model of the whole pair
    (:class:`~qa_builder.alignment.model.Group`), every pair's in one aligner call.
    """
    found = [(pair, alone) for pair in pairs if (alone := _alone(pair.beads)) is not None]
    todo = [(pair, alone) for pair, alone in found if abs(len(alone[0]) - len(alone[1])) <= MOVED_TURNS_APART]
    groups = [
        Group([pair.items, ([pair.items[0][i] for i in left], [pair.items[1][j] for j in right])], pair.langs)
        for pair, (left, right) in todo
    ]
    moved = {
        id(pair): all(bead.paired and bead.score >= MOVED_SCORE_MIN for bead in among)
        for (pair, _), (_, among) in zip(todo, align_groups(groups) if groups else [], strict=True)
    }
    for pair, alone in found:
        _warn_order(pair, alone, moved.get(id(pair), False))


def _alone(beads: Sequence[Bead]) -> tuple[list[int], list[int]] | None:
    """Each side's unpaired turns, where both sides have some."""
    left = [i for bead in beads if not bead.paired for i in bead.left]
    right = [j for bead in beads if not bead.paired for j in bead.right]
    return (left, right) if left and right else None


def _warn_order(pair: AlignedTurns, alone: tuple[list[int], list[int]], moved: bool) -> None:
    where = [_lines(pair.turns[side], alone[side]) for side in (0, 1)]
    reading = (
        "they read as translations of each other, so one transcript may have moved them: put them back where the "
        "other has them"
        if moved
        else "if one transcript moved a part, put it back where the other has it; if each left out a different "
        "part, nothing is wrong"
    )
    pair.notes[1].warn(
        pair.turns[1][alone[1][0]].source.line_start,
        f"the turns at {where[1]} have no counterpart in the {pair.langs[0]} transcript where they stand, and its "
        f"turns at {where[0]} none here — {reading}",
    )


def check_missing(pair: AlignedTurns) -> None:
    """Warn, on the translation that lacks them, where the other's turns have no counterpart: a run of
    :data:`MISSING_AT_END` turns or more at its start or end (a transcript cut short), or :data:`MISSING_INSIDE` or
    more in runs close together (a part missing; the aligner may pair a stray turn inside the gap, and two
    exchanges left out far apart are two omissions). Where both translations have turns the other lacks,
    :func:`check_order` speaks instead."""
    if len({0 if bead.left else 1 for bead in pair.beads if not bead.paired}) != 1:
        return
    runs = _unpaired_runs(pair.beads)
    ends = [run for run in runs if (run.before is None) != (run.after is None) and len(run.turns) >= MISSING_AT_END]
    if ends:
        _warn_missing(ends[0], pair)
    else:
        for near in _near_runs(runs):
            if sum(len(run.turns) for run in near) >= MISSING_INSIDE:
                gap = _Run(near[0].side, [k for run in near for k in run.turns], near[0].before, near[-1].after)
                _warn_missing(gap, pair)


MISSING_SPREAD = 2
"""Turns of the other side, paired between two runs of unpaired ones, that still count them as one gap (the aligner
may pair a stray turn inside it); farther apart, they are two omissions."""


def _near_runs(runs: Sequence[_Run]) -> list[list[_Run]]:
    """The runs grouped where few paired turns stand between one and the next."""
    groups: list[list[_Run]] = []
    for run in runs:
        last = groups[-1][-1] if groups else None
        after = last.after if last is not None else None
        if after is not None and run.before is not None and run.before - after < MISSING_SPREAD:
            groups[-1].append(run)
        else:
            groups.append([run])
    return groups


@dataclass(frozen=True, slots=True)
class _Run:
    """Turns of one side (0 or 1) that are unpaired one after another, and the other side's turns paired just
    before and just after them (None at the start or the end)."""

    side: int
    turns: list[int]
    before: int | None
    after: int | None


def _unpaired_runs(beads: Sequence[Bead]) -> list[_Run]:
    runs: list[_Run] = []
    last: tuple[int | None, int | None] = (None, None)
    found: list[int]
    side, found = 0, []  # the open run: its side and turns
    for bead in beads:
        if not bead.paired:
            side = 0 if bead.left else 1
            found.extend(bead.left or bead.right)
            continue
        if found:
            runs.append(_Run(side, found, last[1 - side], (bead.left, bead.right)[1 - side][0]))
            found = []
        last = (bead.left[-1], bead.right[-1])
    if found:
        runs.append(_Run(side, found, last[1 - side], None))
    return runs


def _warn_missing(run: _Run, pair: AlignedTurns) -> None:
    """The warning of :func:`check_missing`, at the line of the lacking transcript where the run would be."""
    here, there = pair.turns[1 - run.side], pair.langs[run.side]
    count, where = len(run.turns), _lines(pair.turns[run.side], run.turns)
    unless = "if this translation leaves them out, nothing is wrong"
    if run.after is None and run.before is not None:
        line = here[run.before].source.line_end
        message = f"the {there} transcript's last {count} turns ({where}) have no counterpart here: is this "
        message += f"transcript cut short after line {line}? — {unless}"
    elif run.before is None and run.after is not None:
        line = here[run.after].source.line_start
        message = f"the {there} transcript's first {count} turns ({where}) have no counterpart here: is the "
        message += f"start of this transcript missing, before line {line}? — {unless}"
    elif run.before is not None:
        line = here[run.before].source.line_end
        message = f"{count} turns of the {there} transcript ({where}) have no counterpart here: is a part of "
        message += f"this transcript missing after line {line} (a page of the article)? — {unless}"
    else:
        return
    pair.notes[1 - run.side].warn(line, message)


def check_speakers(rows: Sequence[ParallelTurn], pair: AlignedTurns) -> None:
    """Warn (on both transcripts: which one is wrong the pair cannot tell) where :data:`SPEAKER_MISMATCH_RUN` paired
    turns in a row are flagged ``speaker_mismatch``: the labels of a part of one translation may be swapped or
    mapped to the wrong speakers (a whole translation swapped is :mod:`~qa_builder.transcripts.plausibility`'s)."""
    run: list[ParallelTurn] = []
    for row in [*rows, None]:
        if row is not None and "speaker_mismatch" in row.issues:
            run.append(row)
            continue
        if len(run) >= SPEAKER_MISMATCH_RUN:
            for side in (0, 1):
                turns, langs = pair.turns[side], pair.langs
                first, last = (turns[row.turn_indices[langs[side]][0]] for row in (run[0], run[-1]))
                pair.notes[side].warn(
                    first.source.line_start,
                    f"{len(run)} turns in a row here (lines {first.source.line_start}–{last.source.line_end}) have "
                    f"other speakers than their {langs[1 - side]} translation's: are labels swapped or mapped to the "
                    "wrong speaker in this part of one of the two transcripts?",
                )
        run = []


def check_gaps(pair: AlignedTurns) -> None:
    """Warn, on the translation that lacks turns, where which ones it lacks is a guess: its turns paired with the
    other's (flagged :data:`~qa_builder.alignment.gaps.AMBIGUOUS_GAP`) could as well be the translation of the
    unpaired turns beside them."""
    beads = pair.beads
    flagged = [k for k, bead in enumerate(beads) if AMBIGUOUS_GAP in bead.flags]
    for run in _runs(flagged):
        gap = next((beads[k] for k in (run[0] - 1, run[-1] + 1) if 0 <= k < len(beads) and not beads[k].paired), None)
        if gap is None:
            continue
        lacking = 1 if gap.left else 0
        ours = [i for k in run for i in (beads[k].right if lacking else beads[k].left)]
        theirs = [i for k in run for i in (beads[k].left if lacking else beads[k].right)]
        missing = list(gap.left or gap.right)
        other = pair.langs[1 - lacking]
        pair.notes[lacking].warn(
            pair.turns[lacking][ours[0]].source.line_start,
            f"the turns at {_lines(pair.turns[lacking], ours)} are paired with the {other} turns at "
            f"{_lines(pair.turns[1 - lacking], theirs)}, though the unpaired {other} turns at "
            f"{_lines(pair.turns[1 - lacking], missing)} have the same speakers and lengths that fit about as well: "
            f"which {other} turns this translation left out is a guess (flagged {AMBIGUOUS_GAP}) — check which "
            "part it dropped",
        )


def _runs(indices: Sequence[int]) -> list[list[int]]:
    """Consecutive indices as runs: ``[1, 2, 5]`` → ``[[1, 2], [5]]``."""
    runs: list[list[int]] = []
    for k in indices:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _lines(turns: Sequence[Turn], indices: Sequence[int]) -> str:
    """The lines of some turns, each run of neighbouring turns as one range: ``lines 19–22, 40``, ``line 38``."""
    runs = _runs(indices)
    spans = [(turns[run[0]].source.line_start, turns[run[-1]].source.line_end) for run in runs]
    shown = ", ".join(f"{a}–{b}" if b > a else f"{a}" for a, b in spans)
    return f"line {shown}" if len(spans) == 1 and spans[0][0] == spans[0][1] else f"lines {shown}"
