"""Warnings: what parsed but is worth a look, each at a line, each reviewable in meta.toml.

Every inferred speaker and every implausible result is a :class:`ParseWarning`.
A maintainer who has checked one records it under
``[languages.<lang>.reviewed]`` (``87 = "why"``); it is then not printed again
(its records keep their flags), and a review of a line that has no warning is
itself a warning, so reviews cannot go stale silently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import regex

__all__ = ["Noted", "Notes", "ParseWarning"]


@dataclass(frozen=True, slots=True)
class ParseWarning:
    """Something legal but suspicious at a line, such as an inferred speaker; ``reviewed`` is the maintainer's note."""

    path: str
    """The file as messages show it."""
    record: str
    """The file as records point at it; what the dataset card and review site show."""
    line: int
    message: str
    reviewed: str | None = None
    reading: str | None = None
    """The speaker the line is read as, for a warning about an inferred speaker."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: warning: {self.message}"

    def recorded(self) -> str:
        """The warning as a line naming the file as records do, the same wherever the raw folder is."""
        return f"{self.record}:{self.line}: warning: {self.message}"


@dataclass(slots=True)
class Notes:
    """The warnings of one transcript, as the parse and the plausibility checks find them."""

    path: str
    record: str
    lang: str
    reviewed: Mapping[int, str] = field(default_factory=dict)
    """What meta.toml says a maintainer has checked, by line."""
    found: list[ParseWarning] = field(default_factory=list)
    people: Sequence[str] = ()
    """The declared speakers, whom a review may name."""

    @property
    def fresh(self) -> list[ParseWarning]:
        """Warnings to print: nobody has reviewed them (and reviews of lines with no warning)."""
        return self.split(self.reviewed)[0]

    @property
    def done(self) -> list[ParseWarning]:
        """Warnings a maintainer has reviewed."""
        return self.split(self.reviewed)[1]

    def warn(self, line: int, message: str, *, reading: str | None = None) -> None:
        """Warn about a reading at ``line`` (the speaker it is ``reading`` as), with how to record it as reviewed."""
        hint = (
            f'check the transcript; if the reading is right, add `{line} = "why"` under '
            f"[languages.{self.lang}.reviewed] in meta.toml"
        )
        self.found.append(ParseWarning(self.path, self.record, line, f"{message} — {hint}", reading=reading))

    def split(self, reviewed: Mapping[int, str]) -> tuple[list[ParseWarning], list[ParseWarning]]:
        """(warnings to print, warnings reviewed); a review of a line with no warning is a warning."""
        fresh, done = [], []
        for warning in self.found:
            note = reviewed.get(warning.line)
            other = _named_instead(note, warning.reading, self.people) if note is not None else None
            if note is None:
                fresh.append(warning)
            elif other is not None:
                message = (
                    f"meta.toml's review of line {warning.line} ({note!r}) names {other}, but the line is now read as "
                    f"{warning.reading}'s — check the line, then update or remove the review"
                )
                fresh.append(ParseWarning(warning.path, warning.record, warning.line, message, reading=warning.reading))
            else:
                done.append(ParseWarning(warning.path, warning.record, warning.line, warning.message, note))
        warned = {warning.line for warning in self.found}
        for line in sorted(set(reviewed) - warned):
            message = (
                f"meta.toml marks line {line} reviewed, but it has no warning — remove {line} from "
                f"[languages.{self.lang}.reviewed]"
            )
            fresh.append(ParseWarning(self.path, self.record, line, message))
        return sorted(fresh, key=lambda w: w.line), done


def _named_instead(note: str, reading: str | None, people: Sequence[str]) -> str | None:
    """The declared speaker a review names if it names another than the one the line is now read as: a review
    written for a reading that has changed since (say, after ``default_interviewee`` changed).

    >>> _named_instead("it is Altman's (zh.txt:85)", "Mira Murati", ["Sam Altman", "Mira Murati"])
    'Sam Altman'
    >>> _named_instead("Altman answers", "Sam Altman", ["Sam Altman", "Mira Murati"]) is None
    True
    """
    if reading is None:
        return None
    words = set(_WORD.findall(note.casefold()))
    own = set(_WORD.findall(reading.casefold()))
    if words & own:
        return None
    for person in people:
        parts = {part for part in _WORD.findall(person.casefold()) if len(part) >= 3} - own
        if person != reading and words & parts:
            return person
    return None


_WORD = regex.compile(r"\w+")


class Noted:
    """A parse result holding :class:`Notes`: its warnings to print, and those a maintainer reviewed."""

    __slots__ = ()
    notes: Notes

    @property
    def warnings(self) -> list[ParseWarning]:
        """Warnings nobody has reviewed yet (printed)."""
        return self.notes.fresh

    @property
    def reviewed(self) -> list[ParseWarning]:
        """Warnings a maintainer has reviewed in meta.toml (not printed; their records keep their flags)."""
        return self.notes.done
