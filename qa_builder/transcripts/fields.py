"""A block of ``key: value`` fields printed above (or below) the turns, where one key is also a speaker's label.

Research and archive transcripts open with a header (``Interview ID: P07`` / ``Date: 14 March 2024`` /
``Interviewer: R. Okonjo`` / ``Location: …``), and the key ``Interviewer`` is also the label of the interviewer's
turns. Where the turns are set apart by blank lines, a labelled line inside a run of such fields, on consecutive
lines, is one more field, not a turn: the run is taken out before paragraphs are read, as a region.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .labels import COLON
from .paragraphs import line_blocks
from .read import Line
from .regions import Region

__all__ = ["FIELD_MAX", "field_line", "header_fields"]

FIELD_MAX = 80
"""Characters a field's line holds at most (a key and a short value: a date, a name, a duration)."""
_FIELD = regex.compile(rf"^\p{{Lu}}[\p{{L}}\p{{N}} ./#'’()-]{{0,30}}?\s*[{COLON}]\s*\S")
_FIELDS_MIN = 3


def field_line(text: str) -> bool:
    """Whether a line is shaped like a header's field: a short key, a colon, a short value.

    >>> field_line("Datum: 14.03.1998"), field_line("專訪｜唐樓天台養蜂人：「蜜蜂比人更懂得這個城市」")
    (True, False)
    """
    return len(text) <= FIELD_MAX and _FIELD.match(text) is not None


def header_fields(lines: Sequence[Line], labels: regex.Pattern[str]) -> tuple[list[Line], list[Region], list[int]]:
    """``lines`` with each header of fields blanked, the headers as regions, and the lines in them that start with
    a declared label (``labels``), to be warned about: the reading is a guess.

    A header is a run of three lines or more on consecutive lines, every one a :func:`field_line`, more of them
    fields nobody declared as labels (``Date:``, ``Location:``) than labelled; it counts only where the file's
    other labelled lines mostly follow a blank line (its turns are set apart, so a run is not its turns). Above
    the turns it is the preamble; below them, boilerplate.

    >>> from qa_builder.transcripts.read import split_lines
    >>> text = "Date: 14 May\\nQ: Ann Lee\\nPlace: Kassel\\n\\nQ: Why?\\n\\nA: So.\\n\\nQ: And?\\n\\nA: Yes."
    >>> rest, regions, labelled = header_fields(split_lines(text, "x"), regex.compile(r"^(?:Q|A):"))
    >>> [(r.kind, r.line_start, r.line_end) for r in regions], labelled, rest[1].text
    ([('preamble', 1, 3)], [2], '')
    """
    runs = [run for run in line_blocks(lines) if _header(run, labels)]
    inside = {line.number for run in runs for line in run}
    others = [k for k, line in enumerate(lines) if line.number not in inside and labels.match(line.text)]
    apart = sum(k == 0 or not lines[k - 1].text for k in others)
    if not runs or len(others) < 2 or apart * 2 < len(others):
        return list(lines), [], []
    first_turn = min(lines[k].number for k in others)
    regions = [
        Region(
            "preamble" if run[0].number < first_turn else "boilerplate",
            run[0].number,
            run[-1].number,
            "\n".join(line.text for line in run),
        )
        for run in runs
    ]
    rest = [Line(line.number, "") if line.number in inside else line for line in lines]
    labelled = [line.number for run in runs for line in run if labels.match(line.text)]
    return rest, regions, labelled


def _header(run: Sequence[Line], labels: regex.Pattern[str]) -> bool:
    if len(run) < _FIELDS_MIN or not all(field_line(line.text) for line in run):
        return False
    labelled = sum(labels.match(line.text) is not None for line in run)
    return 0 < labelled < len(run) - labelled and len(run) - labelled >= 2
