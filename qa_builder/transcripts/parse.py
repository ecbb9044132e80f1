"""The parsing engine: paragraphs in, speaker turns and excluded segments out.

One engine serves every language. What differs between transcripts — the
labels as printed, who they stand for, the shapes of notes, headings and site
boilerplate — comes from the interview's metadata and the language's
conventions (:mod:`qa_builder.transcripts.conventions`). Every paragraph ends up in exactly
one turn or one segment, so nothing is dropped.

The rules, in order, for each paragraph:

1. Before the first labelled paragraph: preamble (a heading just before the
   first turn is a heading; notes and links keep their kind).
2. After the last turn, the first heading, boilerplate or ``footer_start``
   paragraph starts the site footer: it and everything after are boilerplate.
3. A known label (``Q:``, ``Sam：``) starts a turn. An unknown label that looks
   like a typo of a known one, or recurs, is an error.
4. Editor's notes, links, headings and stage directions are segments; a stage
   direction (or a short narrative line ending in a colon that names a speaker)
   ends the turn before it.
5. An unlabelled paragraph continues the turn before it, except right after a
   stage direction (a new turn, by the interviewee it names) or right after a
   question (the default interviewee's answer); such turns are flagged
   ``speaker_inferred``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from ..errors import NoTurnsError, UnknownLabelError
from ..models import SEGMENT_KINDS, Segment, SegmentKind, Source, Turn
from .conventions import PARAGRAPH_RULES, Conventions, compiled
from .meta import InterviewMeta, LanguageMeta, Voice
from .read import Paragraph

__all__ = ["ParseWarning", "ParsedTranscript", "label_pattern", "parse_paragraphs"]

_COLON = "[:：﹕︰]"
_LABEL_LIKE = regex.compile(rf"^(?P<label>\p{{L}}[\p{{L}}\p{{M}}\p{{N}}.'’ -]{{0,29}}?)\s*{_COLON}\s*(?P<text>.*)$")
_QUESTION_END = regex.compile(r"[?？][\p{Pe}\p{Pf}\"'»」』]*$")
_ENDS_WITH_COLON = regex.compile(rf"{_COLON}$")
_HEADING_DECORATION = regex.compile(r"^[#\s“「『\"]+|[”」』\"\s]+$")
_STAGE_DIRECTION_MAX_CHARS = 200


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

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: warning: {self.message}"

    def recorded(self) -> str:
        """The warning as a line naming the file as records do, the same wherever the raw folder is."""
        return f"{self.record}:{self.line}: warning: {self.message}"


@dataclass(frozen=True, slots=True)
class ParsedTranscript:
    turns: list[Turn]
    segments: list[Segment]
    warnings: list[ParseWarning]
    """Warnings nobody has reviewed yet (printed)."""
    reviewed: list[ParseWarning]
    """Warnings a maintainer has reviewed in meta.toml (not printed; their records keep their flags)."""


def label_pattern(labels: Sequence[str]) -> regex.Pattern[str]:
    """A pattern matching a paragraph that starts with one of ``labels`` and a colon.

    >>> label_pattern(["Sam", "Q"]).match("Q：你好").group("label", "text")
    ('Q', '你好')
    """
    alternatives = "|".join(regex.escape(label) for label in sorted(labels, key=len, reverse=True))
    return compiled(rf"^(?P<label>{alternatives})\s*{_COLON}\s*(?P<text>.*)$")


@dataclass(slots=True)
class _Context:
    interview_id: str
    lang: str
    path: str
    record: str
    meta: InterviewMeta
    language: LanguageMeta
    conventions: Conventions
    labels: regex.Pattern[str]
    names: regex.Pattern[str]
    warnings: list[ParseWarning] = field(default_factory=list)

    def warn(self, paragraph: Paragraph, message: str) -> None:
        """Warn about an inference at ``paragraph``, unless meta.toml records it as reviewed."""
        line = paragraph.line_start
        hint = (
            f'check the transcript; if the reading is right, add `{line} = "why"` under '
            f"[languages.{self.lang}.reviewed] in meta.toml"
        )
        self.warnings.append(
            ParseWarning(self.path, self.record, line, f"{message} — {hint}", self.language.reviewed.get(line))
        )

    def result(self, turns: list[Turn], segments: list[Segment]) -> ParsedTranscript:
        """The parse, with warnings split into reviewed and not; a review of a line with no warning is one."""
        warned = {warning.line for warning in self.warnings}
        stale = [
            ParseWarning(
                self.path,
                self.record,
                line,
                f"meta.toml marks line {line} reviewed, but it has no warning — "
                f"remove {line} from [languages.{self.lang}.reviewed]",
            )
            for line in sorted(set(self.language.reviewed) - warned)
        ]
        fresh = [warning for warning in self.warnings if warning.reviewed is None]
        reviewed = [warning for warning in self.warnings if warning.reviewed is not None]
        return ParsedTranscript(turns, segments, sorted(fresh + stale, key=lambda w: w.line), reviewed)


@dataclass(slots=True)
class _OpenTurn:
    label: str | None
    voice: Voice
    section: str | None
    line_start: int
    line_end: int
    paragraphs: list[str]
    flags: set[str]


def parse_paragraphs(
    paragraphs: Sequence[Paragraph],
    *,
    meta: InterviewMeta,
    lang: str,
    interview_id: str,
    path: str,
    record: str | None = None,
) -> ParsedTranscript:
    """Split a transcript's paragraphs into turns and excluded segments.

    ``path`` is the file as messages show it, ``record`` as records point at it (``path`` if not given).
    """
    language = meta.languages[lang]
    context = _Context(
        interview_id=interview_id,
        lang=lang,
        path=path,
        record=record or path,
        meta=meta,
        language=language,
        conventions=meta.conventions(lang),
        labels=label_pattern(list(language.labels)),
        names=_names_pattern(meta, language),
    )
    kinds = [_classify(paragraph, context) for paragraph in paragraphs]
    labelled = [i for i, kind in enumerate(kinds) if kind == "label"]
    _check_unknown_labels(paragraphs, kinds, labelled, context)
    if not labelled:
        raise NoTurnsError(
            "no speaker turns: no paragraph starts with a label meta.toml declares "
            f"({', '.join(sorted(language.labels))})",
            path=path,
            line=paragraphs[0].line_start if paragraphs else None,
            hint="check that this file is an interview transcript and that its labels "
            f"are listed under [languages.{lang}.labels]",
        )
    _mark_preamble_and_footer(kinds, labelled)
    return _Builder(context).run(paragraphs, kinds)


def _names_pattern(meta: InterviewMeta, language: LanguageMeta) -> regex.Pattern[str]:
    """Any interviewee's name or name part (3+ letters) as a whole word, to spot narration."""
    answering = meta.answering
    words = {part for name in answering for part in name.split() if len(part) >= 3}
    words |= {label for label in language.labels if len(label) >= 3 and language.label(label).speaker in answering}
    alternatives = "|".join(regex.escape(word) for word in sorted(words, key=len, reverse=True))
    return compiled(rf"(?<!\p{{L}})(?:{alternatives})(?!\p{{L}})")


def _classify(paragraph: Paragraph, context: _Context) -> str:
    if context.labels.match(paragraph.text):
        return "label"
    for kind in PARAGRAPH_RULES:
        pattern = context.conventions.compiled(kind)
        if pattern is not None and pattern.match(paragraph.text):
            return kind
    return "text"


def _check_unknown_labels(
    paragraphs: Sequence[Paragraph], kinds: list[str], labelled: list[int], context: _Context
) -> None:
    """Refuse labels meta.toml does not know, when they are clearly labels (typos or recurring)."""
    start, stop = (labelled[0] if labelled else 0), len(paragraphs)
    candidates: list[tuple[int, str]] = []
    for i in range(start, stop):
        if kinds[i] != "text":
            continue
        match = _LABEL_LIKE.match(paragraphs[i].text)
        if match and len(match["label"].split()) <= 3:
            candidates.append((i, match["label"]))
    counts = Counter(label for _, label in candidates)
    for i, label in candidates:
        near = _near_label(label, context.language.labels)
        if near is None and counts[label] < 2:
            continue
        guess = f" (a typo of {near!r}?)" if near else f" ({counts[label]} paragraphs start with it)"
        raise UnknownLabelError(
            f"unknown speaker label {label!r}{guess}",
            path=context.path,
            line=paragraphs[i].line_start,
            col=1,
            hint=f"add it to [languages.{context.lang}.labels] in meta.toml, e.g. {label} = "
            f'{{ speaker = "…", reason = "…" }}',
        )


def _near_label(label: str, known: Iterable[str]) -> str | None:
    for candidate in known:
        errors = 2 if len(candidate) >= 8 else 1 if len(candidate) >= 3 else 0
        fuzzy = regex.fullmatch(rf"(?:{regex.escape(candidate)}){{e<={errors}}}", label, regex.IGNORECASE)
        if fuzzy is not None:
            return candidate
    return None


def _mark_preamble_and_footer(kinds: list[str], labelled: list[int]) -> None:
    first, last = labelled[0], labelled[-1]
    i = first - 1
    while i >= 0 and kinds[i] == "heading":  # the first section's heading
        i -= 1
    for j in range(i + 1):
        if kinds[j] not in ("editor_note", "link", "boilerplate"):
            kinds[j] = "preamble"
    footer = next(
        (j for j in range(last + 1, len(kinds)) if kinds[j] in ("heading", "boilerplate", "footer_start")),
        len(kinds),
    )
    for j in range(first, len(kinds)):
        if j >= footer or kinds[j] == "footer_start":
            kinds[j] = "boilerplate"


class _Builder:
    """Walks the classified paragraphs once, opening and closing turns."""

    def __init__(self, context: _Context) -> None:
        self.context = context
        self.turns: list[Turn] = []
        self.segments: list[Segment] = []
        self.open: _OpenTurn | None = None
        self.section: str | None = None
        self.last_voice: Voice | None = None
        self.pending_label: tuple[str, Paragraph] | None = None
        self.interrupted_by: tuple[str, str] | None = None  # (kind, text) since the last turn paragraph
        self.turns_before_last_segment = 0

    def run(self, paragraphs: Sequence[Paragraph], kinds: list[str]) -> ParsedTranscript:
        for paragraph, kind in zip(paragraphs, kinds, strict=True):
            if kind == "text" and self._narrates(paragraph):
                kind = "stage_direction"
            if kind == "label":
                self._labelled(paragraph)
            elif kind == "text":
                self._unlabelled(paragraph)
            else:
                self._segment(paragraph, kind)
        self._close()
        if self.pending_label is not None:
            label, paragraph = self.pending_label
            self._segment_error(paragraph, label)
        return self.context.result(self.turns, self.segments)

    def _narrates(self, paragraph: Paragraph) -> bool:
        """A short unlabelled line ending in a colon that names an interviewee: 'Then Altman called back:'."""
        text = paragraph.text
        return (
            self.last_voice is not None
            and len(text) <= _STAGE_DIRECTION_MAX_CHARS
            and _ENDS_WITH_COLON.search(text) is not None
            and self.context.names.search(text) is not None
        )

    def _labelled(self, paragraph: Paragraph) -> None:
        match = self.context.labels.match(paragraph.text)
        assert match is not None
        if self.pending_label is not None:  # a label, then another label: the first has no text
            self._segment_error(self.pending_label[1], self.pending_label[0])
        self._close()
        if not match["text"].strip():
            self.pending_label = (match["label"], paragraph)
            return
        self._open(match["label"], paragraph, match["text"].strip())

    def _open(self, label: str | None, paragraph: Paragraph, text: str, voice: Voice | None = None) -> None:
        flags: set[str] = set()
        if label is not None:
            voice = self.context.meta.voice(self.context.lang, label)
            if self.context.language.label(label).reason:
                flags.add("label_corrected")
        else:
            flags.add("speaker_inferred")
        assert voice is not None
        line_start = paragraph.line_start
        if self.pending_label is not None:
            line_start = self.pending_label[1].line_start
            self.pending_label = None
        self.open = _OpenTurn(label, voice, self.section, line_start, paragraph.line_end, [text], flags)
        self.interrupted_by = None

    def _unlabelled(self, paragraph: Paragraph) -> None:
        if self.pending_label is not None:
            self._open(self.pending_label[0], paragraph, paragraph.text)
            return
        if self.interrupted_by is not None or self.open is None:
            self._open(None, paragraph, paragraph.text, voice=self._voice_after_break(paragraph))
            return
        answerer = self.context.meta.answerer
        if answerer is not None and self._asked_question(self.open):
            self.context.warn(
                paragraph,
                f"unlabelled paragraph right after a question, read as {_who(answerer)}'s answer "
                "(flagged speaker_inferred)",
            )
            self._close()
            self._open(None, paragraph, paragraph.text, voice=answerer)
            return
        self.open.paragraphs.append(paragraph.text)
        self.open.line_end = paragraph.line_end

    def _asked_question(self, turn: _OpenTurn) -> bool:
        return turn.voice.function == "asks" and _QUESTION_END.search(turn.paragraphs[-1]) is not None

    def _voice_after_break(self, paragraph: Paragraph) -> Voice:
        """Who speaks an unlabelled paragraph after a break: after a stage direction, the speaker it names
        (or the default interviewee); after anything else, whoever spoke last."""
        kind, text = self.interrupted_by or ("", "")
        meta = self.context.meta
        fallback = self.last_voice or meta.answerer or next(iter(self._voices()), Voice(None, "interviewee"))
        if kind == "stage_direction":
            named = {
                name
                for name in meta.answering
                if any(part in self.context.names.findall(text) for part in _name_parts(name, self.context))
            }
            if len(named) == 1:
                name = named.pop()
                voice = Voice(name, meta.people[name].role)
                reading = f"read as {_who(voice)}'s turn (the stage direction names them)"
            else:
                voice = meta.answerer or fallback
                reading = f"read as {_who(voice)}'s turn (the default interviewee)"
        else:
            voice = fallback
            reading = f"read as a new turn by {_who(voice)}"
        self.context.warn(
            paragraph,
            f"unlabelled paragraph after a {(kind or 'break').replace('_', ' ')}, {reading} (flagged speaker_inferred)",
        )
        return voice

    def _voices(self) -> list[Voice]:
        return [self.context.meta.voice(self.context.lang, label) for label in self.context.language.labels]

    def _segment(self, paragraph: Paragraph, kind: str) -> None:
        if self.pending_label is not None:
            self._segment_error(self.pending_label[1], self.pending_label[0])
        self._close()
        if self.turns and kind != "boilerplate":
            self.interrupted_by = (kind, paragraph.text)
        if kind == "heading":
            self.section = _HEADING_DECORATION.sub("", paragraph.text) or paragraph.text
        last = self.segments[-1] if self.segments else None
        adjacent = last is not None and self.turns_before_last_segment == len(self.turns)
        if last is not None and adjacent and last.kind == kind and kind in ("preamble", "boilerplate"):
            self.segments[-1] = last.model_copy(
                update={
                    "text": f"{last.text}\n{paragraph.text}",
                    "source": last.source.model_copy(update={"line_end": paragraph.line_end}),
                }
            )
            return
        index = len(self.segments)
        self.turns_before_last_segment = len(self.turns)
        self.segments.append(
            Segment(
                id=f"{self.context.interview_id}/{self.context.lang}/s{index:03d}",
                interview_id=self.context.interview_id,
                lang=self.context.lang,
                segment_index=index,
                kind=_segment_kind(kind),
                text=paragraph.text,
                turn_index=None,
                offset=None,
                source=_source(self.context.record, paragraph.line_start, paragraph.line_end),
            )
        )

    def _segment_error(self, paragraph: Paragraph, label: str) -> None:
        raise NoTurnsError(
            f"label {label!r} is followed by no text",
            path=self.context.path,
            line=paragraph.line_start,
            hint="put the turn's text after the label, or remove the stray label",
        )

    def _close(self) -> None:
        turn = self.open
        if turn is None:
            return
        self.open = None
        index = len(self.turns)
        self.turns.append(
            Turn(
                id=f"{self.context.interview_id}/{self.context.lang}/t{index:03d}",
                interview_id=self.context.interview_id,
                lang=self.context.lang,
                turn_index=index,
                role=turn.voice.role,
                speaker=turn.voice.speaker,
                speaker_label=turn.label,
                text="\n".join(turn.paragraphs),
                section=turn.section,
                issues=sorted(turn.flags),
                source=_source(self.context.record, turn.line_start, turn.line_end),
            )
        )
        self.last_voice = turn.voice


def _who(voice: Voice) -> str:
    return voice.speaker or f"the {voice.role}"


def _name_parts(name: str, context: _Context) -> set[str]:
    labels = {label for label in context.language.labels if context.language.label(label).speaker == name}
    return {part for part in name.split() if len(part) >= 3} | labels


def _segment_kind(kind: str) -> SegmentKind:
    for known in SEGMENT_KINDS:
        if kind == known:
            return known
    raise ValueError(f"not a segment kind: {kind!r}")


def _source(path: str, line_start: int, line_end: int) -> Source:
    return Source(path=path, line_start=line_start, line_end=line_end)
