"""Which layout a transcript has: turns that start at printed labels, or questions set off from the answers
(in bold, as headings, in italics, as blockquotes) where nobody is labelled; and, in the second, the dialogue
dashes that open turns in Russian or Spanish print.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..errors import NoTurnsError
from .asides import HEADING_MAX, short_unpunctuated
from .blocks import Block, Layout, Reading
from .exchanges import QUESTION_END, QUESTION_MARK
from .labelcheck import no_turns_error
from .setoff import BOLD, Emphasis, SetOff, set_off_questions, without_hashes

__all__ = ["DIALOGUE_DASH", "dialogue_dashes", "layout_of"]


_ASKING_END = regex.compile(r"[?？¿…:：]\W*$")
"""How a bold question among labelled answers ends: a question mark, a trailing-off prompt, a colon; a bold
sentence ending in a period is an answer's emphasis."""


def layout_of(blocks: list[Block], context: Reading) -> Layout:
    """Labels if any paragraph starts with one; else questions set off in bold (or as headings, or in italics),
    if the transcript prints them so."""
    layout: Layout
    if context.language.layout != "auto":
        layout = str(context.language.layout)
        if layout == "bold-questions" and not _set_off(blocks, context) and not any(b.kind == "bold" for b in blocks):
            raise NoTurnsError(
                'no speaker turns: meta.toml declares layout = "bold-questions", but no paragraph is set off as a '
                "question (in bold, as headings, in italics or as blockquotes)",
                path=context.path,
                line=blocks[0].paragraph.line_start if blocks else None,
                hint=f"remove layout from [languages.{context.lang}] in meta.toml and declare the labels the file "
                "prints (`qa-builder init --print` drafts them)",
            )
    elif any(block.kind == "label" for block in blocks):
        layout = "labels"
    elif _set_off(blocks, context, bold_only=bool(context.language.labels)):
        layout = "bold-questions"
    else:
        found = _found(blocks)
        raise no_turns_error(blocks, context, set_off=found.printed if found and found.printed != BOLD else None)
    asks_unlabelled = layout == "labels" and not _asker_labelled(context)
    first = _first_bold_question(blocks) if layout == "bold-questions" else 0
    for k, block in enumerate(blocks):
        if block.kind == "bold" and k < first:
            block.kind = "text"  # a standfirst in bold above the first question ("Six questions for …"): preamble
        elif block.kind == "bold":
            block.kind = "question" if layout == "bold-questions" else _bold_in_labels(blocks, k, asks_unlabelled)
        elif layout == "labels" and block.kind == "text" and _heading_shaped(blocks, k):
            block.kind = "heading"
    return layout


DIALOGUE_DASH = regex.compile(r"^[–—―]\s?(?=[\p{L}\p{N}¿¡\"'“„«(\[…])")
"""The dash that opens a turn in dialogue typography (Russian, Spanish, Italian, Portuguese print): ``— Кто?``,
``—¿Por qué?``."""


def dialogue_dashes(blocks: Sequence[Block]) -> None:
    """Where a print interview opens its bold questions and their answers with a dialogue dash, the dash that opens
    a turn is not the words; and a dash-opened question after an answer is a new speaker: a question left unbolded
    (``— А вы?`` between two answers) is its own turn, flagged and warned about, and the dash-opened paragraph
    after it the answer. Other dash-opened paragraphs in an answer (a list, a retold dialogue) stay in it."""
    questions = [k for k, block in enumerate(blocks) if block.kind == "question"]
    answered = [k for k in questions if DIALOGUE_DASH.match(blocks[k].text) and _dashed_answer(blocks, k)]
    if len(answered) < 2 or 2 * len(answered) < len(questions):
        return
    state = ""  # what the last turn-opening paragraph was: a question, an answer, a question left unbolded
    for block in blocks[questions[0] :]:
        dash = DIALOGUE_DASH.match(block.text) if block.kind in ("question", "text") else None
        if block.kind == "question" or (dash is not None and state == "question"):
            state = "answer" if block.kind == "text" else "question"
        elif dash is not None and (state == "asked" or (state == "answer" and QUESTION_END.search(block.text))):
            block.speaker_change = dash.group().strip()
            state = "answer" if state == "asked" else "asked"
        else:
            continue
        if dash is not None:
            block.text, block.rest = block.text[dash.end() :], block.rest.removeprefix(dash.group())


def _dashed_answer(blocks: Sequence[Block], k: int) -> bool:
    """Whether the paragraph of words after question ``k`` opens with a dialogue dash."""
    after = next((block for block in blocks[k + 1 :] if block.kind not in _ASIDES), None)
    return after is not None and after.kind == "text" and DIALOGUE_DASH.match(after.text) is not None


def _set_off(blocks: list[Block], context: Reading, *, bold_only: bool = False) -> bool:
    """Mark the paragraphs a transcript without labels sets off as its questions (:mod:`.setoff`) as bold ones, and
    a bold paragraph among answers whose questions are set off otherwise as text (emphasis). ``bold_only`` where
    meta.toml declares labels the file does not print: only bold questions read then (an explainer's "What is
    …?" headings are no interview)."""
    found = _found(blocks)
    if found is None or (bold_only and found.printed != BOLD):
        return False
    for block in blocks if found.printed != BOLD else ():
        block.kind = "text" if block.kind == "bold" else block.kind
    for k in found.questions:
        blocks[k].kind = "bold"
        blocks[k].text = blocks[k].rest = without_hashes(blocks[k].text)
    context.questions_printed = found.printed
    return True


def _found(blocks: Sequence[Block]) -> SetOff | None:
    """The paragraphs the transcript sets off as its questions, if it does (:func:`.setoff.set_off_questions`)."""
    return set_off_questions(
        [
            Emphasis(
                block.paragraph.text,
                block.text,
                bold=block.kind == "bold",
                italic=block.italic and block.kind == "editor_note",
                heading=block.kind == "heading",
                quote=block.kind == "pull_quote",
            )
            for block in blocks
        ]
    )


def _first_bold_question(blocks: Sequence[Block]) -> int:
    """Where a print interview's questions start: its first bold paragraph with a question mark (the bold ones above
    it are a standfirst), or its first bold one where none has one (prompts only)."""
    bold = [k for k, block in enumerate(blocks) if block.kind == "bold"]
    return next((k for k in bold if QUESTION_MARK.search(blocks[k].text)), bold[0] if bold else 0)


def _bold_in_labels(blocks: list[Block], k: int, asks_unlabelled: bool) -> str:
    """A bold paragraph among labelled ones: a subheading if short and unpunctuated; else a question where the
    asking side has no label in this language (questions in bold, answers labelled: ``**Quel bilan ?**`` then
    ``Aurélie Vasseur : …``), else text."""
    if short_unpunctuated(blocks[k].text, HEADING_MAX):
        return "heading"
    return "question" if asks_unlabelled and _ASKING_END.search(blocks[k].text) else "text"


def _asker_labelled(context: Reading) -> bool:
    """Whether a label of this language names someone who asks."""
    return any(context.meta.voice(context.lang, label).function == "asks" for label in context.language.labels)


def _heading_shaped(blocks: list[Block], k: int) -> bool:
    """A short unpunctuated line between a turn's text and the next label: a heading ("A river nobody planned for")."""
    if k + 1 >= len(blocks) or blocks[k + 1].kind != "label":
        return False
    before = next((b.kind for b in reversed(blocks[:k]) if b.kind not in _ASIDES), None)
    after_a_label = any(b.kind == "label" for b in blocks[:k])
    text = blocks[k].text
    return after_a_label and before in ("label", "text") and short_unpunctuated(text, HEADING_MAX) and len(text) >= 3


_ASIDES = frozenset({"caption", "comment", "interjection", "timestamp", "boilerplate", "pull_quote", "box", "code"})
