"""Why a parse stops: a paragraph among the turns that starts like a label nobody declared, a declared label
printed with another separator, or a file with no turns at all.

Each is an error at its line that says what to add to meta.toml; what only looks like a label before the first
turn is a doubt (a warning) instead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from ..errors import NoTurnsError, UnknownLabelError
from .blocks import TURN_KINDS, Block, Reading
from .exchanges import QUESTION_MARK
from .labels import (
    COLON,
    GAP,
    LETTER_WORDS,
    SPACED_MIN,
    coded_speaker,
    name_alone,
    recurring_starts,
    text_width,
    timed_label,
    without_cue,
)
from .markup import detect, strip
from .undeclared import NUMBERED_WHY, undeclared_label

__all__ = ["check_labels", "no_turns_error"]


def no_turns_error(blocks: list[Block], context: Reading, *, set_off: str | None = None) -> NoTurnsError:
    """Why a transcript has no turns, and what to change; ``set_off`` says how the file sets off questions (``as
    headings``, ``in italics``) where its declared labels keep them from being read so."""
    labels = ", ".join(sorted(context.language.labels)) or "none"
    separated = _other_separator(blocks, list(context.language.labels))
    if separated is not None:
        block, label, separator = separated
        return NoTurnsError(
            f"no speaker turns: the labels are printed with {separator!r} instead of a colon "
            f"({_as_printed(block, label, separator)!r} here and elsewhere)",
            path=context.path,
            line=block.paragraph.line_start,
            hint=f'add label_separators = ["{separator}"] under [languages.{context.lang}.conventions] in meta.toml',
        )
    if set_off is not None:
        return NoTurnsError(
            f"no speaker turns: no paragraph starts with a label meta.toml declares ({labels}), but the questions "
            f"are set off {set_off}, with no labels",
            path=context.path,
            line=blocks[0].paragraph.line_start if blocks else None,
            hint=f"remove the labels of [languages.{context.lang}.labels] from meta.toml: questions set off "
            f"{set_off} are read only in a transcript that declares no labels",
        )
    marked = detect("\n".join(block.paragraph.text for block in blocks)) if context.language.markup == "none" else None
    if marked not in (None, "none"):
        return NoTurnsError(
            f'no speaker turns: meta.toml declares markup = "none", but the file is written in {marked}',
            path=context.path,
            line=blocks[0].paragraph.line_start if blocks else None,
            hint=f'write markup = "{marked}" under [languages.{context.lang}] (or leave it out): its bold, '
            "headings or italics may set off the questions",
        )
    starts = _label_shaped_starts(blocks, context)
    seen = f"; lines start like labels it does not declare: {starts}" if starts else ""
    return NoTurnsError(
        f"no speaker turns: no paragraph starts with a label meta.toml declares ({labels}) and no question is "
        f"printed in bold{seen}",
        path=context.path,
        line=blocks[0].paragraph.line_start if blocks else None,
        hint="check that this file is an interview transcript and that its labels "
        f"are listed under [languages.{context.lang}.labels] (`qa-builder init --print` drafts them); a transcript "
        "that does not mark who speaks (an automatic one without speaker names) cannot be read into turns",
    )


_TIMED_KEY = regex.compile(r"[(\[]|^\d+$")
"""A start cut short by a time code's colon (``[00``, ``Speaker 1 (00``): the parser reads those labels otherwise."""


def _label_shaped_starts(blocks: Sequence[Block], context: Reading) -> str:
    """The label-shaped line starts that recur in the file and are neither declared nor listed as no labels
    (``LT: 7×, Ahlke: 6×``), the five most frequent."""
    lines = (line for block in blocks for line in block.paragraph.lines)
    found = recurring_starts(lines)
    not_labels = {word.casefold() for word in context.conventions.not_labels}
    kept = [
        (key, n)
        for key, n in found.most_common()
        if key not in context.language.labels and key.casefold() not in not_labels and not _TIMED_KEY.search(key)
    ]
    return ", ".join(f"{key}: {n}×" for key, n in kept[:5])


def _other_separator(blocks: Sequence[Block], labels: Sequence[str]) -> tuple[Block, str, str] | None:
    """The first paragraph starting with a declared label and a period or dash (``Senator Vance. …``, ``FOLHA -
    …``), if two do and one label is so printed twice (a list of participants, ``Thomas Gale - Chief Executive
    Officer``, names each once)."""
    found = []
    for block in blocks:
        for label in sorted(labels, key=len, reverse=True):
            match = regex.match(rf"{regex.escape(label)}(?:[ ]?([\-–—])|([.]))\s+\S", block.text)
            if match:
                found.append((block, label, match[1] or match[2]))
                break
    twice = Counter(label for _, label, _ in found).most_common(1)
    return found[0] if len(found) >= 2 and twice[0][1] >= 2 else None


def _as_printed(block: Block, label: str, separator: str) -> str:
    """The label with its separator as the paragraph prints them (``FOLHA -``, ``Q.``)."""
    return block.text[: block.text.index(separator, len(label)) + 1]


PREAMBLE_SPEECH = 40
"""Characters after a name-shaped label in the preamble from which it reads as speech, not a dateline or byline
(a wide character, Chinese, Japanese or Korean, counts two)."""


def check_labels(blocks: list[Block], context: Reading) -> None:
    """Stop at a paragraph in the turns that starts like a label meta.toml does not declare; doubt one before."""
    first = next(k for k, block in enumerate(blocks) if block.kind in TURN_KINDS)
    declared, names = list(context.language.labels), list(context.meta.people)
    for block in blocks[:first]:
        found = (
            _label_start(block, context, declared, names) if block.kind == "preamble" and block.label is None else None
        )  # a declared label before the first turn is a header's field or a credit (doubted), or read as preamble
        if found is not None and found[0] not in declared and _speech_like(block, *found):
            label, why = found
            context.doubts.append(
                (
                    block.paragraph.line_start,
                    f"starts like a speaker label {label!r} ({why}) but comes before the first declared label, so "
                    f"it is read as preamble — if it is a turn, add it to [languages.{context.lang}.labels]",
                )
            )
    _check_names_cut(blocks[first:], context)
    starts = [
        (block, _label_start(block, context, declared, names) or _alone_start(blocks, k, context, declared, names))
        for k, block in enumerate(blocks)
        if k >= first and block.kind in ("text", "question")
    ]
    seen = Counter(found[0] for _, found in starts if found is not None)
    numbered = Counter(found[0].split()[0] for _, found in starts if found is not None and found[1] == NUMBERED_WHY)
    coded = any(coded_speaker(label) for label in declared)  # the file labels speakers by code: P04 once is one
    undeclared: dict[str, tuple[Block, str]] = {}
    for block, found in starts:
        if found is not None and found[1] == NUMBERED_WHY and numbered[found[0].split()[0]] < 2:
            found = None  # one "Question 2:" is an answer quoting a questionnaire; "Frage 2:", "Frage 3:" number turns
        if found is not None and (seen[found[0]] > 1 or coded or not coded_speaker(found[0])):
            undeclared.setdefault(found[0], (block, found[1]))
        elif not undeclared:
            _check_gapped_case(block, context)
            _check_separator(block, declared, context)
    if undeclared:
        raise _undeclared(undeclared, context, _last_turn_line(blocks))


def _label_start(block: Block, context: Reading, declared: list[str], names: list[str]) -> tuple[str, str] | None:
    return undeclared_label(
        without_cue(block.text),
        bold_start=block.bold_start,
        declared=declared,
        names=names,
        not_labels=context.conventions.not_labels,
        separators=context.conventions.label_separators,
        first_line=without_cue(strip(block.paragraph.first_line, context.markup).text),
        alone=context.script,
        titles=context.conventions.honorifics,
        roles=context.conventions.audience_labels,
        posts=context.conventions.posts(),
    )


def _check_names_cut(blocks: list[Block], context: Reading) -> None:
    """Stop where a declared label is only the start of the name a line prints after its time code (``Ann``
    declared, ``00:00:00 Ann Asker`` printed, as Riverside exports print every turn): each turn would start with
    the rest of the name."""
    for block in blocks:
        if block.kind != "label" or block.label is None:
            continue
        printed = timed_label(strip(block.paragraph.first_line, context.markup).text)
        if printed is None or not printed.startswith(f"{block.label} ") or printed in context.language.labels:
            continue
        speaker = context.meta.voice(context.lang, block.label).speaker
        raise _label_error(
            block,
            context,
            f"the line prints the name {printed!r} after its time code, but the label declared is {block.label!r}, "
            f"so the turn's text would start with {printed[len(block.label) + 1 :]!r}",
            f'declare the label as printed: "{printed}" = "{speaker}" under [languages.{context.lang}.labels]',
        )


def _alone_start(
    blocks: list[Block], k: int, context: Reading, declared: list[str], names: list[str]
) -> tuple[str, str] | None:
    """In a file that prints its labels alone in a paragraph (an earnings call), a paragraph that is a name and
    nothing else, with words in the next one, is a label nobody declared (an analyst who asks once, ``ANN ASKER``
    in capitals, ``Operator``), not more of the turn before."""
    block, after = blocks[k], blocks[k + 1] if k + 1 < len(blocks) else None
    roles = {*context.conventions.posts(), *context.conventions.audience_labels}
    if not context.bare or block.kind != "text" or after is None or after.kind != "text":
        return None
    if not name_alone(block.text, roles) or name_alone(after.text, roles):
        return None
    found = undeclared_label(
        f"{block.text}{COLON[0]}",
        declared=declared,
        names=names,
        not_labels=context.conventions.not_labels,
        titles=context.conventions.honorifics,
        roles=context.conventions.audience_labels,
        posts=context.conventions.posts(),
    )
    if found is None or not found[1].startswith("it is shaped like"):
        return found
    if not _person_like(blocks, k, context):
        context.doubts.append((block.paragraph.line_start, _not_a_name(blocks, k, context)))
        return None
    return found[0], ALONE_WHY


ALONE_WHY = "a name alone in its paragraph, as this file prints its labels"


def _person_like(blocks: list[Block], k: int, context: Reading) -> bool:
    """Whether a paragraph alone is a speaker's name rather than a heading (``Capital Allocation``, ``Important
    Disclosures``): the text before names it ("comes from Sara Kim with …"), a word of it is a word of a meta.toml
    name, or it is a role; else none of its words is printed in lower case in the file (names are not) and the
    paragraph after it asks (an analyst nobody introduced; a heading goes on with the remarks)."""
    text = blocks[k].text
    surname = regex.compile(rf"(?<!\p{{L}}){regex.escape(text.split()[-1])}(?!\p{{L}})")
    if text in context.conventions.posts() or any(text in b.text or surname.search(b.text) for b in blocks[:k]):
        return True  # "comes from the line of Kenneth Price" before "Ken Price"
    words = regex.findall(r"\p{Lu}\p{L}+", text)
    people = {word for name in context.meta.people for word in regex.findall(r"\p{L}+", name)}
    if any(word in people for word in words):
        return True
    common = _lower_words(blocks)
    return not any(word.casefold() in common for word in words) and QUESTION_MARK.search(blocks[k + 1].text) is not None


def _lower_words(blocks: list[Block]) -> set[str]:
    """The words of the file printed in lower case."""
    return {word for block in blocks for word in regex.findall(r"(?<!\p{L})\p{Ll}{3,}(?!\p{L})", block.text)}


def _not_a_name(blocks: list[Block], k: int, context: Reading) -> str:
    """The doubt on a paragraph alone that is shaped like a name but reads as a heading or a footer's title."""
    text, lang = blocks[k].text, context.lang
    last = not any(block.label is not None for block in blocks[k + 1 :])
    key, where = ("footer_start", "after the last turn") if last else ("heading", "inside a turn")
    lower = _lower_words(blocks)
    why = (
        "its words are printed in lower case elsewhere"
        if any(word.casefold() in lower for word in regex.findall(r"\p{Lu}\p{L}+", text))
        else "nothing before introduces it and no question follows it"
    )
    pattern = regex.escape(text, special_only=True, literal_spaces=True)
    return (
        f"{text!r}, alone in its paragraph {where}, is shaped like a speaker's name, but {why}, so it is kept in "
        f"the turn's text — if it is a {key.removesuffix('_start')}, add {key} = ['^{pattern}$'] under "
        f"[languages.{lang}.conventions] in meta.toml; if it is a speaker, add it to [languages.{lang}.labels]"
    )


def _speech_like(block: Block, label: str, why: str) -> bool:
    """A label-shaped start in the preamble that is likely a turn: it names a speaker, is in bold or a typo, or a
    sentence follows it (``Published: 3 May`` does not)."""
    if not why.startswith("it is shaped like"):
        return True
    rest = block.text[len(label) :].lstrip(f" {COLON}.")
    return text_width(rest) >= PREAMBLE_SPEECH  # a Chinese or Korean sentence says as much in half the characters


def _last_turn_line(blocks: Sequence[Block]) -> int:
    """The first line of the last paragraph that starts with a declared label (0 where none does)."""
    return max((block.paragraph.line_start for block in blocks if block.label is not None), default=0)


def _undeclared(found: dict[str, tuple[Block, str]], context: Reading, last_turn: int) -> UnknownLabelError:
    """One error for every undeclared label of the transcript, at the first one, so one run lists them all; one
    after the last turn may start the site's footer (``Kontakt: …``), and the hint says how to declare that."""
    lang = context.lang
    (label, (block, why)), *others = found.items()
    also = "".join(f"; also {other!r} at line {at.paragraph.line_start}" for other, (at, _) in others)
    keys = ", ".join(f'"{name}" = "<speaker>"' for name in found)
    which = "them" if others else "it"
    unless = "for one that is no label, add it" if others else f'if it is no label, add "{label}"'
    otherwise = f"{unless} to not_labels under [languages.{lang}.conventions]"
    if why == ALONE_WHY and not others:  # a paragraph alone with no colon: a heading, not a word before a colon
        pattern = regex.escape(label, special_only=True, literal_spaces=True)
        otherwise = f"if it is a heading, add heading = ['^{pattern}$'] under [languages.{lang}.conventions]"
    name, (at, at_why) = list(found.items())[-1]
    if at.paragraph.line_start > last_turn:
        pattern = regex.escape(name, special_only=True, literal_spaces=True)
        printed = at.text[len(name) :].lstrip()[:1]
        end = "$" if at_why == ALONE_WHY else f"\\s*[{COLON}]" if printed in COLON else ""
        otherwise += (
            f"; {name!r} comes after the last turn: if it starts the footer, add footer_start = "
            f"['^{pattern}{end}'] there instead"
        )
    return _label_error(
        block,
        context,
        f"undeclared speaker label {label!r} ({why}){also}",
        f"add {which} to [languages.{lang}.labels] in meta.toml: {keys} (or, {otherwise})",
    )


def _label_error(block: Block, context: Reading, message: str, hint: str) -> UnknownLabelError:
    """An error at the first column of ``block``'s first line."""
    return UnknownLabelError(message, path=context.path, line=block.paragraph.line_start, col=1, hint=hint)


def _check_gapped_case(block: Block, context: Reading) -> None:
    """``q    What about …`` where the file prints ``Q    …`` (:func:`~qa_builder.transcripts.labels.gapped_labels`):
    the label in another case before the gap, an error (with a colon, the same slip is an undeclared label)."""
    for label in context.gapped:
        printed = block.text[: len(label)]
        if printed != label and printed.casefold() == label.casefold() and regex.match(GAP, block.text[len(label) :]):
            raise _label_error(
                block,
                context,
                f"the label {label!r} is printed as {printed!r} before its gap",
                f"write it {label!r}, or declare {printed!r} under [languages.{context.lang}.labels] in meta.toml",
            )


def _check_separator(block: Block, declared: list[str], context: Reading) -> None:
    """``Q. Why?`` or ``F; Warum?`` where ``Q:`` is declared: the label is printed with another separator (an
    error); ``F Warum?``, a short label and a capital with no separator at all, is doubted (a warning). A comma,
    a semicolon or a space after a name (``Sam, you said …``, ``Sam Altman is …``) or after a letter that is a
    word (``A New York judge …``) is speech, not a label."""
    for label in declared:
        if len(label) > _SHORT_LABEL_MAX:
            continue
        found = _OTHER_SEPARATOR.match(block.text[len(label) :]) if block.text.startswith(label) else None
        if found is None:
            continue
        separator = found["separator"]
        if separator.strip() in ("", ";", ",") and not _role_letters(label):
            continue
        if separator.strip():
            raise _label_error(
                block,
                context,
                f"the label {label!r} is printed as {label + separator!r}",
                f'add label_separators = ["{separator}"] under [languages.{context.lang}.conventions] in '
                "meta.toml, or fix the line",
            )
        context.doubts.append(
            (
                block.paragraph.line_start,
                f"starts like the label {label!r} without its colon ({block.text[: len(label) + 12]!r}…), so it is "
                "read as part of the turn before (a label is read without its colon only where the file prints it "
                f"so {SPACED_MIN} times or more and never with one)",
            )
        )
        return


_SHORT_LABEL_MAX = 3
"""Labels this short (``Q``, ``F``, ``问``, ``DW``) are checked for another separator, or none."""


def _role_letters(label: str) -> bool:
    """A label that is no name: letters in capitals, or a character of a script without case (``Q``, ``DW``,
    ``问``), not a letter that is a word (``A``)."""
    return label not in LETTER_WORDS and (
        label.isupper() or not any(char.isupper() or char.islower() for char in label)
    )


_OTHER_SEPARATOR = regex.compile(
    r"^(?:[ ]?(?P<separator>[.\-–—;,])(?:\s+|(?=[^\x00-\x7F]))\S|(?P<separator>\s+)(?=\p{Lu}|\p{Lo}|\(\p{Lu}))"
)
"""What follows a short label printed without its colon: another separator and the text, or a space and a capital
(or a letter of a script without case, or a note in parentheses: ``Q (Inaudible.)``)."""
