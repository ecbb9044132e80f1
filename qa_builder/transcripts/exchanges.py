"""Question–answer exchanges from a transcript's turns.

An exchange is an interviewer turn followed by the interviewee turn(s) before
the next interviewer turn, stage direction or heading. A remark nobody answers
and a statement nobody asked for are not exchanges; they stay in ``turns``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Exchange, Segment, Turn

__all__ = ["find_exchanges"]

_BREAKS = ("stage_direction", "heading")


def find_exchanges(turns: Sequence[Turn], segments: Sequence[Segment]) -> list[Exchange]:
    """Group turns into exchanges; ``segments`` say where the conversation breaks.

    >>> find_exchanges([], [])
    []
    """
    breaks = sorted(s.source.line_start for s in segments if s.kind in _BREAKS)
    groups: list[list[Turn]] = []
    for previous, turn in zip([None, *turns], turns, strict=False):
        broken = previous is not None and _break_between(previous, turn, breaks)
        if turn.role == "interviewer":
            groups.append([turn])
        elif groups and not broken and groups[-1][-1] is previous:
            groups[-1].append(turn)
    return [_exchange(index, group) for index, group in enumerate(g for g in groups if len(g) > 1)]


def _break_between(before: Turn, after: Turn, breaks: Sequence[int]) -> bool:
    return any(before.source.line_end < line < after.source.line_start for line in breaks)


def _exchange(index: int, group: list[Turn]) -> Exchange:
    question, answers = group[0], group[1:]
    speakers = list(dict.fromkeys(turn.speaker for turn in answers))
    flags = {flag for turn in group for flag in turn.flags}
    if len(speakers) > 1:
        flags.add("multiple_answerers")
    return Exchange(
        id=f"{question.interview_id}/{question.lang}/q{index:03d}",
        interview_id=question.interview_id,
        lang=question.lang,
        index=index,
        question=question.text,
        answer="\n".join(turn.text for turn in answers),
        question_speaker=question.speaker,
        answer_speaker=" & ".join(speakers),
        turn_indices=[turn.index for turn in group],
        section=question.section,
        flags=sorted(flags),
    )
