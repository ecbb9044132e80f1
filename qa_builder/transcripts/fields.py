"""A block of ``key: value`` fields printed above (or below) the turns, where one key is also a speaker's label.

Research and archive transcripts open with a header (``Interview ID: P07`` / ``Date: 14 March 2024`` /
``Interviewer: R. Okonjo``), and the key ``Interviewer`` is also the label of the interviewer's turns. Where the
turns are set apart by blank lines, a labelled line inside a run of such fields, on consecutive lines, is one
more field, not a turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex

from .labels import COLON

if TYPE_CHECKING:
    from .classify import Block

__all__ = ["field_line", "header_fields"]

FIELD_MAX = 80
"""Characters a field's line holds at most (a key and a short value: a date, a name, a duration)."""
_FIELD = regex.compile(rf"^\p{{Lu}}[\p{{L}}\p{{N}} ./#'’()-]{{0,30}}?\s*[{COLON}]\s*\S")
_QUESTION = regex.compile(r"[?？]\W*$")


def header_fields(blocks: Sequence[Block]) -> list[tuple[int, tuple[int, int]]]:
    """The labelled blocks that are fields of a header block: (index in ``blocks``, the block's lines).

    A labelled line is a field when it is short and asks nothing, sits in a run of one-line paragraphs on
    consecutive lines where more lines are fields nobody declared as labels (``Date:``, ``Duration:``) than
    labelled, and most of the file's other labelled paragraphs follow a blank line.
    """
    runs = _runs(blocks)
    fields = [
        (k, (run[0], run[-1]))
        for run in runs
        if len(run) >= 3 and _field_run(blocks, run)
        for k in run
        if _field_like(blocks[k])
    ]
    taken = {k for k, _ in fields}
    others = [k for k, block in enumerate(blocks) if block.kind == "label" and k not in taken]
    set_apart = sum(k == 0 or _line_start(blocks[k]) > _line_end(blocks[k - 1]) + 1 for k in others)
    if not fields or len(others) < 2 or set_apart * 2 < len(others):
        return []
    return [(k, (_line_start(blocks[a]), _line_end(blocks[b]))) for k, (a, b) in fields]


def field_line(text: str) -> bool:
    """Whether a line is shaped like a header's field: a short key, a colon, a short value.

    >>> field_line("Datum: 14.03.1998"), field_line("專訪｜唐樓天台養蜂人：「蜜蜂比人更懂得這個城市」")
    (True, False)
    """
    return len(text) <= FIELD_MAX and _FIELD.match(text) is not None


def _runs(blocks: Sequence[Block]) -> list[list[int]]:
    """Indices of one-line paragraphs on consecutive lines, run by run."""
    runs: list[list[int]] = []
    for k, block in enumerate(blocks):
        if _line_start(block) != _line_end(block):
            continue
        if runs and runs[-1][-1] == k - 1 and _line_start(block) == _line_end(blocks[k - 1]) + 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _field_run(blocks: Sequence[Block], run: list[int]) -> bool:
    labelled = sum(blocks[k].kind == "label" for k in run)
    fields = sum(blocks[k].kind != "label" and field_line(blocks[k].text) for k in run)
    return labelled > 0 and fields >= 2 and fields > labelled


def _field_like(block: Block) -> bool:
    return block.kind == "label" and len(block.text) <= FIELD_MAX and _QUESTION.search(block.text) is None


def _line_start(block: Block) -> int:
    return block.paragraph.line_start


def _line_end(block: Block) -> int:
    return block.paragraph.line_end
