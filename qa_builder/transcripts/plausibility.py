"""Checks on what parsed but looks wrong: warnings, each at a line, each reviewable (``validate --strict`` fails).

A parse can succeed and still be wrong: a label written a way nobody
declared swallows a speaker's turns, furniture glued into a turn makes it
huge, a file in the wrong language folder parses as well as the right one.
These checks look at the result:

* a declared speaker with no turn in a transcript;
* a transcript with turns but no question–answer exchange;
* a transcript whose text is mostly in another script than its language's;
* a turn many times longer than the transcript's others;
* two translations whose turn counts differ widely.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from statistics import median

import regex

from ..languages import language_script
from ..models import Exchange, Turn
from .conventions import compiled
from .warnings import Notes

__all__ = ["check_pairs", "check_transcript"]

LONG_TURN_RATIO = 10
"""A turn this many times longer than the median of its transcript's turns is suspicious…"""
LONG_TURN_CHARS = 2_000
"""… if it is also this long."""
SCRIPT_SHARE = 0.5
"""Below this share of letters in the language's script, a transcript is suspicious."""
TURN_COUNT_RATIO = 1.5
"""Two translations whose turn counts differ by this factor …"""
TURN_COUNT_DIFFERENCE = 5
"""… and by at least this many turns are suspicious."""
_NOT_LETTERS = regex.compile(r"\P{L}+")


def check_transcript(
    notes: Notes, lang: str, turns: Sequence[Turn], exchanges: Sequence[Exchange], speakers: Sequence[str]
) -> None:
    """Warn (into ``notes``) about what looks wrong in one parsed transcript."""
    if not turns:
        return
    first = turns[0].source.line_start
    present = {turn.speaker for turn in turns}
    for name in speakers:
        if name not in present:
            notes.warn(first, f"{name} is declared in meta.toml but has no turn in this transcript")
    if len(turns) >= 2 and not exchanges:
        notes.warn(first, "no question–answer exchange: no asking turn is followed by an answering one")
    _check_script(notes, lang, turns)
    _check_lengths(notes, turns)


def _check_script(notes: Notes, lang: str, turns: Sequence[Turn]) -> None:
    script = language_script(lang)
    if script is None:
        return
    text = "".join(turn.text for turn in turns)
    letters = len(_NOT_LETTERS.sub("", text))
    if letters < 50:
        return
    share = len(compiled(rf"\P{{Script={script}}}+").sub("", text)) / letters
    if share < SCRIPT_SHARE:
        notes.warn(
            turns[0].source.line_start,
            f"only {share:.0%} of the turns' letters are in the {script} script expected for '{lang}' — is this "
            f"the {lang} transcript, or is another language's text (an original in comments?) read as turns",
        )


def _check_lengths(notes: Notes, turns: Sequence[Turn]) -> None:
    if len(turns) < 5:
        return
    typical = median(len(turn.text) for turn in turns)
    for turn in turns:
        if len(turn.text) >= LONG_TURN_CHARS and len(turn.text) >= LONG_TURN_RATIO * typical:
            notes.warn(
                turn.source.line_start,
                f"turn {turn.turn_index} is {len(turn.text):,} characters, {len(turn.text) / typical:.0f} times the "
                "median: it may hold furniture or a turn whose label was not recognised",
            )


def check_pairs(counts: Mapping[str, int], notes: Mapping[str, Notes], first_lines: Mapping[str, int]) -> None:
    """Warn where two translations' turn counts differ widely (on the one with more turns)."""
    langs = sorted(counts)
    for k, a in enumerate(langs):
        for b in langs[k + 1 :]:
            more, fewer = (a, b) if counts[a] >= counts[b] else (b, a)
            if (
                counts[more] - counts[fewer] >= TURN_COUNT_DIFFERENCE
                and counts[more] > TURN_COUNT_RATIO * counts[fewer]
            ):
                notes[more].warn(
                    first_lines[more],
                    f"{counts[more]} turns here against {counts[fewer]} in the {fewer} transcript: a translation "
                    "that drops this much, or turns split or merged by the parse",
                )
