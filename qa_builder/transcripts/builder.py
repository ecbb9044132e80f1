"""Turns from classified paragraphs: one walk through the transcript, opening and closing turns.

The rules, for each paragraph in file order:

1. A declared label starts a turn (a label alone on its line starts the turn
   its next paragraph holds). Where the transcript prints questions in bold and
   no labels, a bold paragraph is a question by the interviewer and what
   follows it the answer of the default interviewee (flagged ``speaker_from_layout``).
2. Furniture that sits inside a conversation — notes, links, comments,
   interjections, time codes, captions, pull quotes, page furniture — is a
   segment and leaves the turn open; headings and stage directions end it. A short line
   ending in a colon that names a speaker ("Then Altman called back:") is a
   stage direction, unless a chair or moderator says it: then it gives the
   floor, and the next paragraph is the named speaker's (a question read out).
3. An unlabelled paragraph continues the turn before it, except right after a
   stage direction (a new turn, by the speaker it names), after a heading or
   note (a new turn by whoever spoke last), right after a question (the
   default interviewee's answer) or after the captions' ``>>`` (a new turn, by
   whoever spoke before the current speaker). Such turns are flagged
   ``speaker_inferred`` and warned about.
4. Interjections, time codes and comments inside a paragraph are cut out of
   the turn's text into segments that name the turn and the place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from ..errors import NoTurnsError
from ..models import SEGMENT_KINDS, Segment, SegmentKind, Source, Turn
from .blocks import Block, Reading
from .conventions import INLINE_RULES
from .exchanges import QUESTION_END
from .furniture import Cut, cut_furniture
from .labels import COLON
from .meta import Voice
from .paragraphs import continued
from .warnings import Notes

__all__ = ["Builder"]

BREAKING = frozenset({"heading", "stage_direction", "preamble"})
"""Segments that end the turn before them; every other kind (notes, links, comments, interjections, time codes,
captions, pull quotes, page furniture) sits inside a conversation and leaves the turn it interrupts open."""
_MERGED = ("preamble", "boilerplate", "box")
_ENDS_WITH_COLON = regex.compile(rf"[{COLON}]$")
_HEADING_DECORATION = regex.compile(r"^[#\s“「『\"*]+|[”」』\"\s*]+$")
_ANNOUNCEMENT_MAX = 200
_QUESTION_ALONE_MAX = 200
"""The longest paragraph among an answer that is read as a question that lost its setting off; longer, it is the
answer asking itself something."""
_INFERRED = frozenset({"speaker_inferred"})
_FROM_LAYOUT = frozenset({"speaker_from_layout"})


@dataclass(slots=True)
class _OpenTurn:
    label: str | None
    voice: Voice
    section: str | None
    line_start: int
    line_end: int
    paragraphs: list[str]
    flags: set[str]
    cuts: list[tuple[int, Cut, int]] = field(default_factory=list)
    """Furniture cut out of the turn: (paragraph, the cut, its line)."""
    bold: bool = False
    """Printed wholly in bold, its label too (``**记者：您常说桥是活的。**``): a question, whatever it ends with."""


@dataclass(slots=True)
class _Draft:
    """A segment before it is numbered: segments are numbered in file order once all are known."""

    kind: str
    text: str
    line_start: int
    line_end: int
    turn_index: int | None = None
    offset: int | None = None


def _wholly_bold(block: Block) -> bool:
    return bool(block.bold_start) and block.bold_start.strip() == block.text.strip()


class Builder:
    """Walks the classified paragraphs once, opening and closing turns."""

    def __init__(self, context: Reading) -> None:
        self.context = context
        self.notes = Notes(context.path, context.record, context.lang, people=list(context.meta.people))
        self.rules = [(kind, p) for kind in INLINE_RULES if (p := context.conventions.inline(kind)) is not None]
        self.suspended = context.conventions.suspended()
        self.turns: list[Turn] = []
        self.drafts: list[_Draft] = []
        self.open: _OpenTurn | None = None
        self.section: str | None = None
        self.last_voice: Voice | None = None
        self.voices: list[Voice] = []  # who spoke each turn closed so far
        self.pending_label: Block | None = None
        self.interrupted_by: tuple[str, str] | None = None  # (kind, text) of a break since the last turn paragraph
        self.announced: Voice | None = None  # who a chair just gave the floor to
        self.resume: Voice | None = None  # the chair, to speak again after the announced paragraph
        self.layout_turns: list[int] = []

    def run(self, blocks: Sequence[Block]) -> tuple[list[Turn], list[Segment], Notes]:
        for block in blocks:
            if block.kind == "label":
                self._labelled(block)
            elif block.kind == "question":
                self._question(block)
            elif block.kind == "text" and self._narrates(block):
                self._segment(block, "stage_direction")
            elif block.kind == "text":
                self._unlabelled(block)
            elif block.kind in BREAKING:
                self._segment(block, block.kind)
            else:
                self._aside(block)
        self._close()
        if self.pending_label is not None:
            self._no_text(self.pending_label)
        self._warn_layout()
        return self.turns, self._segments(), self.notes

    # --- turns ---------------------------------------------------------------------------------------

    def _labelled(self, block: Block) -> None:
        if self.pending_label is not None:  # a label, then another label: the first has no text
            self._no_text(self.pending_label)
        self._close()
        self.announced = self.resume = None
        if not block.rest:
            self.pending_label = block
            return
        self._open(block, block.rest, label=block.label)

    def _question(self, block: Block) -> None:
        self._close()
        asker = self._asker()
        self._open(block, block.text, voice=asker, flags=_FROM_LAYOUT)
        self.layout_turns.append(block.paragraph.line_start)

    def _unlabelled(self, block: Block) -> None:
        if self.pending_label is not None:
            self._open(block, block.rest, label=self.pending_label.label)
        elif block.speaker_change and self.open is not None:
            self._changed_speaker(block)
        elif self.announced is not None:
            self._after_announcement(block)
        elif self.resume is not None:
            self._resume(block)
        elif self.interrupted_by is not None or self.open is None:
            self._open(block, block.rest, voice=self._voice_after_break(block), flags=_INFERRED)
        elif self.context.layout == "bold-questions" and self.open.voice.function == "asks":
            self._close()
            self._open(block, block.rest, voice=self._answerer(), flags=_FROM_LAYOUT)
        elif (answerer := self.context.meta.answerer) is not None and self._asked_question(self.open, block):
            self.notes.warn(
                block.paragraph.line_start,
                f"unlabelled paragraph right after a question, read as {_who(answerer)}'s answer "
                "(flagged speaker_inferred)",
                reading=answerer.speaker,
            )
            self._close()
            self._open(block, block.rest, voice=answerer, flags=_INFERRED)
        else:
            self._question_in_answer(block)
            self._continue(block)

    def _question_in_answer(self, block: Block) -> None:
        """Where the questions are set off (in bold, as headings, in italics) and nobody is labelled, a short
        paragraph among an answer that is a question itself may be a question that lost its setting off: it stays
        in the answer, flagged ``question_in_answer`` and warned (a line reviewed for the layout hides no such
        slip); once its own line is reviewed (the answer asks itself), the turn is no longer flagged."""
        turn = self.open
        if self.context.layout != "bold-questions" or turn is None or turn.voice.function != "answers":
            return
        if len(block.text) > _QUESTION_ALONE_MAX or QUESTION_END.search(block.text) is None:
            return
        if block.paragraph.line_start not in self.context.language.reviewed:  # reviewed: the answer's own question
            turn.flags.add("question_in_answer")
        self.notes.warn(
            block.paragraph.line_start,
            f"a paragraph that is a question, not printed {self.context.questions_printed} as the questions are, "
            f"is read as more of {_who(turn.voice)}'s answer (flagged question_in_answer: it may be the answer's "
            f"own question, or an interviewer's that lost its setting off and belongs to an exchange of its own)",
        )

    def _continue(self, block: Block) -> None:
        turn = self.open
        assert turn is not None
        if turn.voice.function == "":
            self.announced = self._announcement(block)
        text, cuts = self._cut(block.rest)
        line_end, block_line = block.paragraph.line_end, block.paragraph.line_at
        gap = block.paragraph.line_start > turn.line_end + 1  # a blank line or furniture between: a page break
        if gap and (joined := continued(turn.paragraphs[-1], text, self.suspended)) is not None:  # inside
            last = "".join(joined)  # a sentence: one paragraph
            shifted = [Cut(cut.kind, cut.text, cut.offset + len(last), cut.at) for cut in cuts]
            turn.cuts += [(len(turn.paragraphs) - 1, cut, block_line(cut.at)) for cut in shifted]
            turn.paragraphs[-1] = last + text
        else:
            turn.cuts += [(len(turn.paragraphs), cut, block_line(cut.at)) for cut in cuts]
            turn.paragraphs.append(text)
        turn.line_end = line_end

    def _changed_speaker(self, block: Block) -> None:
        """``>>`` (or a subtitle's ``-``) with no label: a new turn, by whoever spoke before the current speaker
        (captions mark a change of speaker, and most changes go back to the last one), flagged and warned about."""
        current = self.open.voice if self.open else None
        before = next((voice for voice in reversed(self.voices) if voice != current), None)
        if before is None:
            before = self._answerer() if current is not None and current.function == "asks" else self._asker()
        self.notes.warn(
            block.paragraph.line_start,
            f"`{block.speaker_change}` marks a new speaker without naming them, read as {_who(before)} (who spoke "
            f"before {_who(current) if current else 'this turn'}; flagged speaker_inferred)",
            reading=before.speaker,
        )
        self._close()
        self._open(block, block.rest, voice=before, flags=_INFERRED)

    def _after_announcement(self, block: Block) -> None:
        """The paragraph after a chair gives the floor: the named speaker's words (a question read out)."""
        voice, chair = self.announced, self.open.voice if self.open else None
        assert voice is not None
        self.notes.warn(
            block.paragraph.line_start,
            f"unlabelled paragraph after the {chair.role if chair else 'chair'} gives the floor to {_who(voice)}, "
            f"read as {_who(voice)}'s (flagged speaker_inferred)",
            reading=voice.speaker,
        )
        self._close()
        self.announced, self.resume = None, chair
        self._open(block, block.rest, voice=voice, flags=_INFERRED)

    def _resume(self, block: Block) -> None:
        voice = self.resume
        assert voice is not None
        self.notes.warn(
            block.paragraph.line_start,
            f"unlabelled paragraph after words read out for another speaker, read as the {voice.role} "
            f"{_who(voice)} again (flagged speaker_inferred)",
            reading=voice.speaker,
        )
        self._close()
        self.resume = None
        self._open(block, block.rest, voice=voice, flags=_INFERRED)

    def _open(
        self,
        block: Block,
        text: str,
        *,
        label: str | None = None,
        voice: Voice | None = None,
        flags: frozenset[str] = frozenset(),
    ) -> None:
        found = set(flags)
        if label is not None:
            voice = self.context.meta.voice(self.context.lang, label)
            if self.context.language.label(label).reason:
                found.add("label_corrected")
        assert voice is not None
        labelled = self.pending_label or block
        line_start = labelled.paragraph.line_start
        stamps = [Cut(kind, text, 0, 0) for kind, text in labelled.stamps]
        self.pending_label = None
        text, cuts = self._cut(text)
        self.open = _OpenTurn(label, voice, self.section, line_start, block.paragraph.line_end, [text], found)
        self.open.bold = _wholly_bold(block)
        self.open.cuts = [(0, stamp, line_start) for stamp in stamps]
        self.open.cuts += [(0, cut, block.paragraph.line_at(cut.at)) for cut in cuts]
        self.interrupted_by = None
        if voice.function == "":
            self.announced = self._announcement(block)

    def _cut(self, text: str) -> tuple[str, list[Cut]]:
        """``text`` without its furniture; furniture alone stays text (a turn is never empty)."""
        left, cuts = cut_furniture(text, self.rules)
        return (left, cuts) if left else (text, [])

    def _close(self) -> None:
        turn = self.open
        if turn is None:
            return
        self.open = None
        index = len(self.turns)
        starts = [sum(len(p) + 1 for p in turn.paragraphs[:k]) for k in range(len(turn.paragraphs))]
        for paragraph, cut, line in turn.cuts:
            self.drafts.append(_Draft(cut.kind, cut.text, line, line, index, starts[paragraph] + cut.offset))
        context = self.context
        self.turns.append(
            Turn(
                id=f"{context.interview_id}/{context.lang}/t{index:03d}",
                interview_id=context.interview_id,
                lang=context.lang,
                turn_index=index,
                role=turn.voice.role,
                speaker=turn.voice.speaker,
                speaker_label=turn.label,
                text="\n".join(turn.paragraphs),
                section=turn.section,
                issues=sorted(turn.flags),
                source=Source(path=context.record, line_start=turn.line_start, line_end=turn.line_end),
            )
        )
        self.last_voice = turn.voice
        self.voices.append(turn.voice)

    # --- who speaks ----------------------------------------------------------------------------------

    def _asker(self) -> Voice:
        meta = self.context.meta
        asking = [p for p in meta.people.values() if Voice(p.name, p.role).function == "asks"]
        return Voice(asking[0].name, asking[0].role) if asking else Voice(None, "interviewer")

    def _answerer(self) -> Voice:
        return self.context.meta.answerer or Voice(None, "interviewee")

    def _asked_question(self, turn: _OpenTurn, block: Block) -> bool:
        """Whether the open turn asks and ends in a question mark, or is a question printed wholly in bold and
        ``block`` is not (a question's second bold paragraph goes on asking); a paragraph that asks too is the
        question's second part ("Y para la portavoz: ¿…?"), not its answer."""
        if QUESTION_END.search(block.text) is not None:
            return False
        ended = QUESTION_END.search(turn.paragraphs[-1]) is not None
        return turn.voice.function == "asks" and (ended or (turn.bold and not _wholly_bold(block)))

    def _named(self, text: str) -> list[str]:
        """The declared speakers ``text`` names (by name, name part or label)."""
        found = set(self.context.names.findall(text))
        language = self.context.language
        parts = {
            name: {p for p in name.split() if len(p) >= 3}
            | {label for label in language.labels if language.label(label).speaker == name}
            for name in self.context.meta.people
        }
        return [name for name, names in parts.items() if found & names]

    def _narrates(self, block: Block) -> bool:
        """A short unlabelled line ending in a colon that names a speaker, said by nobody ('Altman called back:')."""
        text = block.text
        speaking = self.open.voice if self.open is not None else None
        return (
            self.last_voice is not None
            and self.pending_label is None
            and (speaking is None or speaking.function != "")
            and len(text) <= _ANNOUNCEMENT_MAX
            and _ENDS_WITH_COLON.search(text) is not None
            and bool(self._named(text))
        )

    def _announcement(self, block: Block) -> Voice | None:
        """Who a chair's line ending in a colon gives the floor to ("Ich rufe die Frage des Abgeordneten X auf:")."""
        text, chair = block.text, self.open.voice if self.open else None
        if len(text) > _ANNOUNCEMENT_MAX or _ENDS_WITH_COLON.search(text) is None:
            return None
        named = [name for name in self._named(text) if chair is None or name != chair.speaker]
        if len(named) != 1:
            return None
        return Voice(named[0], self.context.meta.people[named[0]].role)

    def _voice_after_break(self, block: Block) -> Voice:
        """Who speaks an unlabelled paragraph after a break: after a stage direction, the speaker it names
        (or the default interviewee); after anything else, whoever spoke last."""
        kind, text = self.interrupted_by or ("", "")
        meta = self.context.meta
        fallback = self.last_voice or self._answerer()
        if kind == "stage_direction":
            named = self._named(text)
            if len(named) == 1:
                voice = Voice(named[0], meta.people[named[0]].role)
                reading = f"read as {_who(voice)}'s turn (the stage direction names them)"
            else:
                voice = self._answerer()
                reading = f"read as {_who(voice)}'s turn (the default interviewee)"
        else:
            voice = fallback
            reading = f"read as a new turn by {_who(voice)}"
        self.notes.warn(
            block.paragraph.line_start,
            f"unlabelled paragraph after a {(kind or 'break').replace('_', ' ')}, {reading} (flagged speaker_inferred)",
            reading=voice.speaker,
        )
        return voice

    def _warn_layout(self) -> None:
        if not self.layout_turns:
            return
        printed, asker = self.context.questions_printed, _who(self._asker())
        questions = f"{len(self.layout_turns)} paragraph(s) printed {printed} read as questions by {asker}"
        if self.context.layout == "labels":
            message = f"{questions} (the answers are labelled; flagged speaker_from_layout)"
        else:
            message = (
                f"no labels: {questions}, the paragraphs after them as answers by {_who(self._answerer())} "
                "(flagged speaker_from_layout)"
            )
        self.notes.warn(self.layout_turns[0], message)

    # --- segments ------------------------------------------------------------------------------------

    def _aside(self, block: Block) -> None:
        """Furniture inside the conversation: a segment that leaves the open turn (or a pending label) as it is."""
        self._draft(block, block.kind)

    def _segment(self, block: Block, kind: str) -> None:
        if self.pending_label is not None:
            self._no_text(self.pending_label)
        self._close()
        self.announced = self.resume = None
        if self.turns:
            self.interrupted_by = (kind, block.text)
        if kind == "heading":
            self.section = _HEADING_DECORATION.sub("", block.text) or block.text
        self._draft(block, kind)

    def _draft(self, block: Block, kind: str) -> None:
        paragraph = block.paragraph
        raw = paragraph.text
        last = self.drafts[-1] if self.drafts else None
        if (
            last is not None
            and kind in _MERGED
            and last.kind == kind
            and last.turn_index is None
            and last.line_end < paragraph.line_start
            and not self._turn_between(last.line_end, paragraph.line_start)
        ):
            last.text, last.line_end = f"{last.text}\n{raw}", paragraph.line_end
            return
        self.drafts.append(_Draft(kind, raw, paragraph.line_start, paragraph.line_end))

    def _turn_between(self, after: int, before: int) -> bool:
        spans = [(t.source.line_start, t.source.line_end) for t in self.turns]
        if self.open is not None:
            spans.append((self.open.line_start, self.open.line_end))
        return any(after < start < before or after < end < before for start, end in spans)

    def _segments(self) -> list[Segment]:
        context = self.context
        ordered = sorted(self.drafts, key=lambda d: (d.line_start, -1 if d.offset is None else d.offset))
        return [
            Segment(
                id=f"{context.interview_id}/{context.lang}/s{index:03d}",
                interview_id=context.interview_id,
                lang=context.lang,
                segment_index=index,
                kind=_segment_kind(draft.kind),
                text=draft.text,
                turn_index=draft.turn_index,
                offset=draft.offset,
                source=Source(path=context.record, line_start=draft.line_start, line_end=draft.line_end),
            )
            for index, draft in enumerate(ordered)
        ]

    def _no_text(self, block: Block) -> None:
        raise NoTurnsError(
            f"label {block.label!r} is followed by no text",
            path=self.context.path,
            line=block.paragraph.line_start,
            hint="put the turn's text after the label, or remove the stray label",
        )


def _who(voice: Voice) -> str:
    return voice.speaker or f"the {voice.role}"


def _segment_kind(kind: str) -> SegmentKind:
    for known in SEGMENT_KINDS:
        if kind == known:
            return known
    raise ValueError(f"not a segment kind: {kind!r}")
