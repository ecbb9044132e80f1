"""What each paragraph of a transcript is, before any turn is built: a label, text, a question, or furniture.

The file's own layout is read first — its markup (:mod:`~qa_builder.transcripts.markup`),
its multi-line regions (:mod:`~qa_builder.transcripts.regions`), how it lays out
paragraphs (:mod:`~qa_builder.transcripts.paragraphs`) — then each paragraph is
classified by the conventions, in order: a declared label; a convention's
pattern (note, link, boilerplate, footer, interjection, time code, caption,
stage direction, heading); what its markup says (a blockquote is a pull quote,
a wholly italic paragraph an editor's aside, a wholly bold one a question where
the transcript prints no labels); else text.

Then passes over the classified blocks read what depends on its neighbours: the
furniture among the turns (:mod:`~qa_builder.transcripts.asides`) and the
transcript's layout, labelled turns or set-off questions
(:mod:`~qa_builder.transcripts.layout`). Where the turns are decides the rest:
before the first one is the preamble, after the last one the footer starts at the
first heading, boilerplate or ``footer_start``. A paragraph in between that starts
like a label nobody declared stops the parse
(:mod:`~qa_builder.transcripts.labelcheck`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import regex

from .asides import action_lines, box_shaped, boxes, credit_lines, credits, link_lists, pull_quotes
from .blocks import TURN_KINDS, Block, Reading
from .conventions import PARAGRAPH_RULES, compiled
from .fields import header_fields
from .labelcheck import check_labels
from .labels import (
    ALONE_NAME,
    BRACKET_CLOSED,
    BRACKETED_TIME,
    CLOSE,
    COLON,
    CUE,
    GAP,
    MARK,
    OPEN,
    PERIOD_DASH,
    QUESTION_NUMBER,
    SPACE,
    TABLE_ROW,
    TIME_CODE,
    WIDE_GAP,
    bold_timed,
    gapped_labels,
    label_pattern,
    needs_no_separator,
    spaced_labels,
    without_cue,
)
from .layout import dialogue_dashes, layout_of
from .markup import detect, strip, table_row
from .pages import running_lines, without_line_numbers
from .paragraphs import (
    Paragraph,
    continued,
    join_alone_labels,
    join_wrapped_labels,
    paragraph_mode,
    paragraphs,
)
from .read import Line
from .regions import CUE_TIMING, find_regions, subtitle_cues
from .undeclared import undeclared_label

__all__ = ["read_blocks"]


def read_blocks(lines: Sequence[Line], context: Reading) -> list[Block]:
    """The transcript's paragraphs and regions in file order, each classified; ``context`` learns the layout."""
    language = context.language
    context.markup = language.markup if language.markup != "auto" else detect("\n".join(line.text for line in lines))
    unnumbered = without_line_numbers(lines)
    numbered = any(line.text != bare.text for line, bare in zip(lines, unnumbered, strict=True))
    context.gapped = gapped_labels(language.labels, (line.text for line in unnumbered))
    context.spaced = spaced_labels(language.labels, (line.text for line in unnumbered))
    if context.gapped or context.spaced:  # "Q    Thanks, Dana.", "Q Thanks.": a gap or a space, not a colon
        context.labels = label_pattern(
            language.labels, context.conventions.label_separators, context.gapped, context.spaced
        )
    rest, regions = find_regions(unnumbered)
    rest, fields, labelled = header_fields(rest, context.labels)
    regions += fields
    context.doubts += [(line, _FIELD_DOUBT) for line in labelled]
    context.script = _script(rest, context)
    context.captions = (
        context.markup == "none"
        and sum(SPEAKER_CHANGE.match(line.text) is not None for line in rest) >= _CAPTION_CHANGES
    )
    cues = sum(CUE_TIMING.match(line.text) is not None for line in rest)
    context.subtitles = context.markup == "none" and cues >= _SUBTITLE_CUES
    if context.subtitles:
        rest, timings = subtitle_cues(rest)
        regions += timings
    boilerplate = context.conventions.compiled("boilerplate")
    rest, running = running_lines(rest, _speech(rest, context), lambda text: _page_number(text, boilerplate))
    regions += running
    context.mode = (
        language.paragraphs
        if language.paragraphs != "auto"
        else "hard-wrapped"  # a court reporter's numbered lines wrap at the page's width, a subtitle's at the screen's
        if numbered or context.subtitles
        else paragraph_mode(_body(rest, context))
    )
    box = context.conventions.compiled("box_title")
    alone = (lambda text: box.match(text) is not None) if box is not None else None
    found = paragraphs(
        rest, _starts_label(context), context.mode, context.conventions.suspended(), _apart(context), alone
    )
    found = join_wrapped_labels(found, context.labels)
    found = join_alone_labels(found, context.alone)
    blocks = [_classify(paragraph, context) for paragraph in found]
    blocks += [Block(Paragraph(r.line_start, r.line_end, r.text), r.text, r.kind) for r in regions]
    blocks.sort(key=lambda block: block.paragraph.line_start)
    _bare_labels(blocks, context)
    credit_lines(blocks, context)
    credits(blocks, context)
    boxes(blocks, context)
    link_lists(blocks)
    pull_quotes(blocks)
    context.layout = layout_of(blocks, context)
    if context.layout == "bold-questions":
        dialogue_dashes(blocks)
    _mark_preamble_and_footer(blocks, list(context.meta.people))
    if context.markup == "markdown":
        _after_the_table(blocks)
    check_labels(blocks, context)
    _cued_without_label(blocks)
    if context.script:
        action_lines(blocks)
    return blocks


BARE_LABELS_MIN = 2
"""Paragraphs that are a declared label alone a file must hold before it reads them as labels."""


_FIELD_DOUBT = (
    "starts with a declared label but is read as a field of the block of `key: value` lines around it (a header), "
    "not a turn — if it is a turn, set it apart from them with a blank line"
)


_SCRIPT_NAMES = 2


_SCRIPT_LINES = 3


def _script(lines: Sequence[Line], context: Reading) -> bool:
    """Whether the file prints its labels alone on their lines above the words: two declared labels so printed,
    three times at least (one name alone is a headline or a bio's heading)."""
    found = [
        line.text
        for line, after in zip(lines, lines[1:], strict=False)
        if after.text and context.alone.match(line.text) is not None
    ]
    return len(found) >= _SCRIPT_LINES and len(set(found)) >= _SCRIPT_NAMES


_PAGE_NUMBER = regex.compile(r"\d")


def _page_number(text: str, boilerplate: regex.Pattern[str] | None) -> bool:
    """A line the conventions call boilerplate that holds a number (``Page 12``, ``– 3 –``, ``第3页``)."""
    return boilerplate is not None and _PAGE_NUMBER.search(text) is not None and boilerplate.match(text) is not None


def _body(lines: Sequence[Line], context: Reading) -> Sequence[Line]:
    """The lines from the first declared label on: how the turns are laid out, not the masthead above them (a
    headline, kicker, byline and dateline on consecutive lines look hard-wrapped)."""
    starts = _starts_label(context)
    first = next((k for k, line in enumerate(lines) if starts.match(line.text)), 0)
    return lines[first:]


def _speech(lines: Sequence[Line], context: Reading) -> Callable[[str], bool]:
    """Whether a line is no running header or footer however often it recurs: it starts a turn (a declared
    label, or in a file printing its labels alone on their lines a name so printed) or holds a time code."""
    starts = _starts_label(context)
    timed = context.conventions.inline("timestamp")
    return lambda text: (
        starts.match(text) is not None
        or (context.script and ALONE_NAME.match(text) is not None)
        or (timed is not None and timed.search(text) is not None)
    )


_APART_KINDS = ("editor_note", "boilerplate", "interjection", "timestamp", "stage_direction")


def _apart(context: Reading) -> Callable[[str], bool]:
    """Whether a hard-wrapped line after a sentence's end is a paragraph of its own: furniture (``(Exhibit 12 was
    marked.)``, ``BY MS. ODUYA:``), a label printed with a period (``Q. …``; mid-sentence, ``… hardest was`` /
    ``Mr. Okonjo. That was …`` is no label), or a start shaped like a label nobody declared, which the label
    check then reports instead of it being glued into the turn above."""
    patterns = [pattern for kind in _APART_KINDS if (pattern := context.conventions.compiled(kind)) is not None]
    declared, names, not_labels = (
        list(context.language.labels),
        list(context.meta.people),
        context.conventions.not_labels,
    )
    roles = context.conventions.audience_labels

    def apart(line: str) -> bool:
        return (
            any(pattern.match(line) for pattern in patterns)
            or context.labels.match(line) is not None  # a label with a period ("Q. …"), at a sentence's end only
            or undeclared_label(line, declared=declared, names=names, not_labels=not_labels, roles=roles) is not None
        )  # an undeclared one with a colon only: after a period, "Dr. Vance, please…" is no label

    return apart


_CAPTION_CHANGES = 3


_SUBTITLE_CUES = 3
"""Cue lines from which a file is read as subtitles."""


_CUE_SPEAKER = r"[-‐–—]\s?(?=[\p{L}¿¡\"'“«(\[])"
"""A subtitle line's dash before a new speaker's words: ``- It does.``, ``-¿Y es verdad?`` (``-30 degrees`` is a
number)."""


SUBTITLE_CHANGE = regex.compile(rf"^{_CUE_SPEAKER}")


SPEAKER_CHANGE = regex.compile(r"^>>>?(?!>)\s*")
"""Closed captions' mark of a new speaker, ``>>`` (``>>>``, a new story), read where three lines start with it and
the file has no markup (in Markdown, ``>>`` is a quote in a quote; one ``>> Next page`` is a web page's link)."""


def _starts_label(context: Reading) -> regex.Pattern[str]:
    """A raw line that starts with a declared label, in markup or not (so hard-wrapped lines split there), or
    with the captions' or subtitles' mark of a new speaker, or a label that needs no colon (``――``, ``(ROSA)``)."""
    ordered = sorted(context.language.labels, key=len, reverse=True)
    alternatives = "|".join(regex.escape(label) for label in ordered)
    bare = [regex.escape(label) for label in ordered if needs_no_separator(label)]
    bare += [f"{regex.escape(label)}{GAP}" for label in context.gapped]
    bare += [f"{regex.escape(label)}{SPACE}" for label in context.spaced]
    change = (r">>>?(?!>)|" if context.captions else "") + (f"{_CUE_SPEAKER}|" if context.subtitles else "")
    change += "".join(f"{label}|" for label in bare) + (
        rf"{TABLE_ROW}\s+(?:{alternatives})(?=\s|$)|{MARK}(?:{alternatives})[\u3000 ]|{OPEN}(?:{alternatives}){CLOSE}|"
        rf"{CUE}\s*(?=(?:{alternatives})\s*[{COLON}])|\|[ ]*(?=(?:{alternatives})\s*[{COLON}])|"
        if ordered
        else ""
    )
    return compiled(
        rf"^(?:{change}(?:\*\*|__|<(?:strong|b)>)?(?:(?:{BRACKETED_TIME})\s*|{QUESTION_NUMBER}\s*)?"
        rf"(?:{alternatives or '(?!)'})\d{{0,3}}"
        rf"(?:(?:\*\*|__|</(?:strong|b)>)?(?:\s+(?:{BRACKETED_TIME}))?\s*(?:[{COLON}]|{PERIOD_DASH})|{BRACKET_CLOSED}"
        rf"|(?:\*\*|__|</(?:strong|b)>)?{WIDE_GAP}{TIME_CODE}\s*(?:</p>)?$|(?:\*\*|__|</(?:strong|b)>)?\s*$))"
    )


def _bare_labels(blocks: list[Block], context: Reading) -> None:
    """A paragraph that is a declared label and nothing else, no colon, is the label of the words in the next
    paragraph where the file prints its labels so (an earnings call's ``Operator``: twice at least, and more often
    than labels with a colon); elsewhere it is text (a one-word answer naming someone, a signature's
    ``Vorsitzende`` under her name), and so it is with no words after it."""
    bare = [k for k, block in enumerate(blocks) if block.kind == "label" and block.text.strip() == block.label]
    marked = sum(block.kind == "label" for block in blocks) - len(bare)
    habit = len(bare) >= BARE_LABELS_MIN and len(bare) > marked
    context.bare = habit
    for k in bare:
        after = blocks[k + 1] if k + 1 < len(blocks) else None
        if not habit or after is None or after.kind != "text":
            blocks[k].kind, blocks[k].label, blocks[k].rest = "text", None, blocks[k].text


def _classify(paragraph: Paragraph, context: Reading) -> Block:
    marked = strip(paragraph.text, context.markup)
    block = Block(paragraph, marked.text, "text", marked.bold_start, rest=marked.text)
    change = SPEAKER_CHANGE.match(marked.text) if context.captions else None
    change = SUBTITLE_CHANGE.match(marked.text) if context.subtitles and change is None else change
    if change is not None:
        marked = replace(marked, text=marked.text[change.end() :])
        block.text = block.rest = marked.text
        block.speaker_change = change.group().strip()
    if not marked.text:
        block.kind = "boilerplate"  # markup alone: <article>, </div>
        return block
    match = context.labels.match(marked.text)
    if match is not None:
        block.kind, block.label, block.rest = "label", match["label"], match["text"].strip()
        block.stamps = _stamps(match)
        return block
    first = strip(paragraph.first_line, context.markup).text
    if marked.bold_start in context.language.labels:
        _bold_timed_label(block, first)
        if block.kind == "label":
            return block
    if context.script and paragraph.starts and context.alone.match(first) is not None:  # a label alone on its
        rest = strip(paragraph.text[paragraph.starts[0][0] :], context.markup).text  # line, the text below
        block.kind, block.label, block.rest = "label", first.strip(), rest
        return block
    for kind in PARAGRAPH_RULES:
        pattern = context.conventions.compiled(kind)
        if pattern is not None and pattern.match(marked.text):
            block.kind = kind
            return block
    block.italic = marked.italic
    if marked.shape:
        block.kind = marked.shape
    elif box_shaped(paragraph):
        block.kind = "box"
    elif marked.quote:
        block.kind = "pull_quote"
    elif marked.italic:
        block.kind = "editor_note"
    elif marked.bold:
        block.kind = "bold"
    return block


def _stamps(match: regex.Match[str]) -> tuple[tuple[str, str], ...]:
    """The cue, time codes and question number printed around a label, in the order printed."""
    found = [
        ("stage_direction", match["cue"]),
        ("timestamp", match["lead"]),
        ("number", match["number"]),
        ("timestamp", match["time"]),
    ]
    return tuple((kind, text) for kind, text in found if text)


def _bold_timed_label(block: Block, first: str) -> None:
    """A declared label in bold with a time code on its line (``**Dana**  00:02``, read ``Dana 00:02``)."""
    if bold_timed(first, block.bold_start) is not None and block.text.startswith(first):
        block.kind, block.label, block.rest = "label", block.bold_start, block.text[len(first) :].strip()
        block.stamps = (("timestamp", first[len(block.bold_start) :].strip(f" {COLON}")),)


_KEPT_IN_PREAMBLE = frozenset(
    {
        "heading",
        "editor_note",
        "link",
        "boilerplate",
        "caption",
        "comment",
        "front_matter",
        "code",
        "timestamp",
        "stage_direction",
    }
)
"""Kinds a paragraph before the first turn keeps; anything else there is the preamble."""


def _about_a_speaker(block: Block, names: Sequence[str]) -> bool:
    """A paragraph after the last turn that starts with a speaker's full name, then lower case: a note about them
    ("Lene Haberkorn is a hydrologist …", "Yuki Morishita, born 1978 …"); or that is the full name alone, the
    interviewer's byline under the interview."""
    return block.kind == "text" and any(
        regex.match(rf"{regex.escape(name)}(?:,?\s+\p{{Ll}}|[\s.]*$)", block.text) for name in names if " " in name
    )


def _page_break(blocks: list[Block], k: int) -> bool:
    """Furniture between two pages of one sentence (``abschaf-`` / ``Seite 2 von 3`` / ``fen.``)."""
    if blocks[k].kind != "boilerplate":
        return False
    start, end = k, k
    while start > 0 and blocks[start - 1].kind == "boilerplate":
        start -= 1
    while end + 1 < len(blocks) and blocks[end + 1].kind == "boilerplate":
        end += 1
    if start == 0 or end + 1 == len(blocks):
        return False
    before, after = blocks[start - 1], blocks[end + 1]
    return before.kind in ("label", "text") and after.kind == "text" and continued(before.rest, after.text) is not None


def _cued_without_label(blocks: list[Block]) -> None:
    """A paragraph that opens with a production cue and no label after it (a TV script's ``【解说】…`` voice-over,
    ``【字幕】…`` caption) is no more of the turn before: a stage direction, as the cue alone is. (A label after a
    cue starts a turn; one nobody declared stopped the parse before this.)"""
    for block in blocks:
        if block.kind == "text" and without_cue(block.text) != block.text:
            block.kind = "stage_direction"


def _after_the_table(blocks: list[Block]) -> None:
    """Where the turns are a Markdown table's rows (a chat protocol), a paragraph after the last row is no more of
    the last turn: the page's licence or notes under the table."""
    rows = [k for k, block in enumerate(blocks) if block.kind == "label" and table_row(block.paragraph.text)]
    if len(rows) < 2:
        return
    for block in blocks[rows[-1] + 1 :]:
        if block.kind == "text":
            block.kind = "boilerplate"


def _mark_preamble_and_footer(blocks: list[Block], names: Sequence[str]) -> None:
    turns = [k for k, block in enumerate(blocks) if block.kind in TURN_KINDS]
    first, last = turns[0], turns[-1]
    k = first - 1
    while k >= 0 and blocks[k].kind == "heading":  # the first section's heading
        k -= 1
    for j in range(k + 1):
        if blocks[j].kind not in _KEPT_IN_PREAMBLE or blocks[j].italic:
            blocks[j].kind = "preamble"
    footer = next(
        (
            j
            for j in range(last + 1, len(blocks))
            if (blocks[j].kind in ("heading", "boilerplate", "footer_start", "link") and not _page_break(blocks, j))
            or _about_a_speaker(blocks[j], names)
        ),
        len(blocks),
    )
    for j in range(first, len(blocks)):
        if j >= footer and blocks[j].kind not in ("comment", "code"):
            blocks[j].kind = "boilerplate"
        elif blocks[j].kind == "footer_start":  # shaped like a footer, but the turns go on: it is what was said
            blocks[j].kind = "text"
