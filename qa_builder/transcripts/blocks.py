"""A transcript's paragraphs as the classifier sees them (:class:`Block`), and what one parse of it knows
(:class:`Reading`): the plain data :mod:`.classify` fills in and :mod:`.builder` turns into turns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .conventions import Conventions, compiled
from .labels import alone_label_pattern, label_pattern
from .markup import Markup
from .meta import InterviewMeta, LanguageMeta
from .paragraphs import (
    Paragraph,
    ParagraphMode,
)
from .setoff import BOLD

__all__ = ["Block", "Layout", "Reading", "TURN_KINDS", "reading"]


Layout = str  # "labels": turns start at printed labels; "bold-questions": at wholly bold paragraphs


@dataclass(slots=True)
class Block:
    """One paragraph (or multi-line region) of a transcript, and what it is."""

    paragraph: Paragraph
    text: str
    """The paragraph without markup; for a region, its text as printed."""
    kind: str
    bold_start: str = ""
    italic: bool = False
    """Wholly in italics: an editor's aside among the turns, a standfirst before them."""
    label: str | None = None
    rest: str = ""
    """The text after the label (or all of ``text`` for an unlabelled paragraph)."""
    stamps: tuple[tuple[str, str], ...] = ()
    """What is printed around the label, as (segment kind, text): time codes (``[00:01:23] Dana:``,
    ``Dana (00:01:23):``) and question numbers (``Q41 Chair:``, ``Q1:``)."""
    speaker_change: str = ""
    """The mark printed before it, where it is the closed captions' mark of a new speaker (``>>``; ``>>>``: a new
    story) or a subtitle's (``-``): a new turn, by someone the mark does not name where no label follows it."""


@dataclass(slots=True)
class Reading:
    """Everything the parse of one transcript needs to know, and the layout it found."""

    interview_id: str
    lang: str
    path: str
    record: str
    meta: InterviewMeta
    language: LanguageMeta
    conventions: Conventions
    labels: regex.Pattern[str]
    names: regex.Pattern[str]
    alone: regex.Pattern[str]
    """A line that is a declared label and nothing else, the text on the lines below (a script's ``MARIA LOPEZ``)."""
    markup: Markup = "none"
    mode: ParagraphMode = "blank-line"
    layout: Layout = "labels"
    script: bool = False
    """Some label is printed alone on its line with the words below, as a script prints it."""
    captions: bool = False
    """The file marks new speakers with ``>>`` as closed captions do: three lines start so, and it has no markup."""
    subtitles: bool = False
    """The file is a subtitle file (three cue timings or more, ``00:00:12,000 --> 00:00:14,200``): a cue's line
    that starts with a dash (``- It does.``) is a new speaker's, as subtitles mark two speakers in one cue."""
    bare: bool = False
    """The file prints its labels alone in a paragraph, the words in the next (an earnings call's ``Operator``)."""
    gapped: list[str] = field(default_factory=list)
    """Short labels this file prints before two spaces, not a colon (:func:`~.labels.gapped_labels`)."""
    spaced: list[str] = field(default_factory=list)
    """Short labels this file prints before one space and a capital, not a colon (:func:`~.labels.spaced_labels`)."""
    questions_printed: str = BOLD
    """How the questions of a transcript without labels are set off (:mod:`.setoff`)."""
    flags: set[str] = field(default_factory=set)
    doubts: list[tuple[int, str]] = field(default_factory=list)
    """(line, message) for what the reading could not be sure of: warnings once the parse is done."""


def reading(meta: InterviewMeta, lang: str, *, interview_id: str, path: str, record: str) -> Reading:
    language = meta.languages[lang]
    conventions = meta.conventions(lang)
    return Reading(
        interview_id=interview_id,
        lang=lang,
        path=path,
        record=record,
        meta=meta,
        language=language,
        conventions=conventions,
        labels=label_pattern(language.labels, conventions.label_separators),
        names=_names_pattern(meta, language),
        alone=alone_label_pattern(language.labels),
    )


def _names_pattern(meta: InterviewMeta, language: LanguageMeta) -> regex.Pattern[str]:
    """Any declared speaker's name or name part (3+ letters), or a label naming one, as a whole word."""
    people = list(meta.people)
    words = {part for name in people for part in name.split() if len(part) >= 3}
    words |= {label for label in language.labels if len(label) >= 3 and language.label(label).speaker in people}
    alternatives = "|".join(regex.escape(word) for word in sorted(words, key=len, reverse=True)) or "(?!)"
    return compiled(rf"(?<!\p{{L}})(?:{alternatives})(?!\p{{L}})")


TURN_KINDS = ("label", "question")
