"""What each paragraph of a transcript is, before any turn is built: a label, text, a question, or furniture.

The file's own layout is read first — its markup (:mod:`~qa_builder.transcripts.markup`),
its multi-line regions (:mod:`~qa_builder.transcripts.regions`), how it lays out
paragraphs (:mod:`~qa_builder.transcripts.paragraphs`) — then each paragraph is
classified by the conventions, in order: a declared label; a convention's
pattern (note, link, boilerplate, footer, interjection, time code, caption,
stage direction, heading); what its markup says (a blockquote is a pull quote,
a wholly italic paragraph an editor's aside, a wholly bold one a question where
the transcript prints no labels); else text.

Where the turns are decides the rest: before the first one is the preamble,
after the last one the footer starts at the first heading, boilerplate or
``footer_start``. A paragraph in between that starts like a label nobody
declared stops the parse (:func:`~qa_builder.transcripts.labels.undeclared_label`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import regex

from ..errors import NoTurnsError, UnknownLabelError
from .conventions import PARAGRAPH_RULES, Conventions, compiled
from .exchanges import QUESTION_END, QUESTION_MARK
from .fields import header_fields
from .labels import (
    ALONE_NAME,
    BRACKET_CLOSED,
    BRACKETED_TIME,
    COLON,
    GAP,
    QUESTION_NUMBER,
    TABLE_ROW,
    TIME_CODE,
    WIDE_GAP,
    alone_label_pattern,
    bold_timed,
    coded_speaker,
    gapped_labels,
    label_pattern,
    needs_no_separator,
    recurring_starts,
    text_width,
    undeclared_label,
)
from .markup import Markup, detect, strip
from .meta import InterviewMeta, LanguageMeta
from .pages import running_lines, without_line_numbers
from .paragraphs import (
    Paragraph,
    ParagraphMode,
    continued,
    join_alone_labels,
    join_wrapped_labels,
    paragraph_mode,
    paragraphs,
)
from .read import Line
from .regions import CUE_TIMING, find_regions, subtitle_cues
from .setoff import BOLD, Emphasis, set_off_questions, without_hashes

__all__ = ["Block", "Layout", "Reading", "read_blocks"]

Layout = str  # "labels": turns start at printed labels; "bold-questions": at wholly bold paragraphs
_ASKING_END = regex.compile(r"[?？¿…:：]\W*$")
"""How a bold question among labelled answers ends: a question mark, a trailing-off prompt, a colon; a bold
sentence ending in a period is an answer's emphasis."""
_FINAL = regex.compile(r"[.!?…。！？:：;；\"”’'」』）)\]】»«]$")
_HEADING_MAX = 80
_CAPTION_MAX = 160


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
    gapped: list[str] = field(default_factory=list)
    """Short labels this file prints before two spaces, not a colon (:func:`~.labels.gapped_labels`)."""
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


def read_blocks(lines: Sequence[Line], context: Reading) -> list[Block]:
    """The transcript's paragraphs and regions in file order, each classified; ``context`` learns the layout."""
    language = context.language
    context.markup = language.markup if language.markup != "auto" else detect("\n".join(line.text for line in lines))
    unnumbered = without_line_numbers(lines)
    numbered = any(line.text != bare.text for line, bare in zip(lines, unnumbered, strict=True))
    context.gapped = gapped_labels(language.labels, (line.text for line in unnumbered))
    if context.gapped:  # "Q    Thanks, Dana.": the file prints these labels before a gap, not a colon
        context.labels = label_pattern(language.labels, context.conventions.label_separators, context.gapped)
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
    _bare_labels(blocks)
    _credit_lines(blocks, context)
    _credits(blocks, context)
    _boxes(blocks, context)
    _link_lists(blocks)
    _pull_quotes(blocks)
    context.layout = _layout(blocks, context)
    if context.layout == "bold-questions":
        _dialogue_dashes(blocks)
    _mark_preamble_and_footer(blocks, list(context.meta.people))
    _check_labels(blocks, context)
    if context.script:
        _action_lines(blocks)
    return blocks


BARE_LABELS_MIN = 2
"""Paragraphs that are a declared label alone a file must hold before it reads them as labels."""
_CREDIT_DOUBT = (
    "starts with a declared label but says only its speaker's name: read as a credit outside the turns "
    "(`Sprecherin: Birte Lange / Zitatorin: …`), not a turn — a turn that says only its speaker's name cannot be "
    "told from a credit; if the reading is right, review this line"
)
_CREDIT_REST = regex.compile(r"^\s*(?:$|[/|;·•]|\s{2,})")
"""What may follow a credited name: nothing, or the next credit (``/ Zitatorin: …``)."""
_FIELD_DOUBT = (
    "starts with a declared label but is read as a field of the block of `key: value` lines around it (a header), "
    "not a turn — if it is a turn, set it apart from them with a blank line"
)


_CONTINUED = regex.compile(r"\((?:CONT['’]?D|CONTINUED|cont['’]?d)\)")


def _action_lines(blocks: list[Block]) -> None:
    """In a script, the unlabelled paragraphs after a blank line before the same speaker's ``(CONT'D)`` are an
    action line (``He walks us down the slipway.``), not more of the speech: the script names the speaker again
    because something else came between."""
    for k, block in enumerate(blocks):
        if block.kind != "label" or block.label is None or _CONTINUED.search(block.label) is None:
            continue
        j = k - 1
        while j > 0 and blocks[j].kind in ("text", "stage_direction"):
            j -= 1
        for between in blocks[j + 1 : k]:
            if between.kind == "text" and between.paragraph.line_start > blocks[j].paragraph.line_end + 1:
                between.kind = "stage_direction"


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
    change = (r">>>?(?!>)|" if context.captions else "") + (f"{_CUE_SPEAKER}|" if context.subtitles else "")
    change += "".join(f"{label}|" for label in bare) + (
        rf"{TABLE_ROW}\s+(?:{alternatives})(?=\s|$)|" if ordered else ""
    )
    return compiled(
        rf"^(?:{change}(?:\*\*|__|<(?:strong|b)>)?(?:(?:{BRACKETED_TIME})\s*|{QUESTION_NUMBER}\s*)?"
        rf"(?:{alternatives or '(?!)'})\d{{0,3}}"
        rf"(?:(?:\*\*|__|</(?:strong|b)>)?(?:\s+(?:{BRACKETED_TIME}))?\s*[{COLON}]|{BRACKET_CLOSED}"
        rf"|(?:\*\*|__|</(?:strong|b)>)?{WIDE_GAP}{TIME_CODE}\s*(?:</p>)?$|(?:\*\*|__|</(?:strong|b)>)?\s*$))"
    )


def _bare_labels(blocks: list[Block]) -> None:
    """A paragraph that is a declared label and nothing else, no colon, is the label of the words in the next
    paragraph where the file prints its labels so (an earnings call's ``Operator``: twice at least, and more often
    than labels with a colon); elsewhere it is text (a one-word answer naming someone, a signature's
    ``Vorsitzende`` under her name), and so it is with no words after it."""
    bare = [k for k, block in enumerate(blocks) if block.kind == "label" and block.text.strip() == block.label]
    marked = sum(block.kind == "label" for block in blocks) - len(bare)
    habit = len(bare) >= BARE_LABELS_MIN and len(bare) > marked
    for k in bare:
        after = blocks[k + 1] if k + 1 < len(blocks) else None
        if not habit or after is None or after.kind != "text":
            blocks[k].kind, blocks[k].label, blocks[k].rest = "text", None, blocks[k].text


def _credit_lines(blocks: list[Block], context: Reading) -> None:
    """Above the first turn or below the last, a label whose words are only its own speaker's name is a credit (a
    radio manuscript's ``Sprecherin: Birte Lange / Zitatorin: Ulla Marquardt``, a header's ``Interviewer: R.
    Okonjo``): text of the preamble above, boilerplate below, warned about."""
    for ordered, kind in ((blocks, "text"), (blocks[::-1], "boilerplate")):
        for block in ordered:
            if block.kind != "label" or block.label is None:
                continue
            if not _credit(block, context):
                break  # the first (or last) turn: credits stand only outside the turns
            block.kind, block.label, block.rest = kind, None, block.text
            context.doubts.append((block.paragraph.line_start, _CREDIT_DOUBT))


def _credit(block: Block, context: Reading) -> bool:
    """Whether a labelled paragraph says only its speaker's name, or that and the next credit."""
    assert block.label is not None
    name = context.meta.voice(context.lang, block.label).speaker
    after = block.rest[len(name) :] if name and block.rest.startswith(name) else None
    return after is not None and _CREDIT_REST.match(after) is not None


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
    elif _box_shaped(paragraph):
        block.kind = "box"
    elif marked.quote:
        block.kind = "pull_quote"
    elif marked.italic:
        block.kind = "editor_note"
    elif marked.bold:
        block.kind = "bold"
    return block


_BULLET = regex.compile(r"^[-–•*·▪]\s+\S")
_BOX_ITEMS = 2


def _box_shaped(paragraph: Paragraph) -> bool:
    """A short title line without final punctuation, then bulleted lines: a fact box, never a speaker's words."""
    return _box_lines(paragraph.lines)


def _box_lines(lines: Sequence[str]) -> bool:
    title, *items = lines
    return (
        len(items) >= _BOX_ITEMS
        and all(_BULLET.match(item) for item in items)
        and not _BULLET.match(title)
        and _short_unpunctuated(title, _HEADING_MAX)
    )


def _boxes(blocks: list[Block], context: Reading) -> None:
    """A fact box whose lines are paragraphs of their own (a file without blank lines inside blocks): a title
    paragraph, then bulleted paragraphs on the lines right after it; and a titled box the conventions name
    (``Zur Person``), with the one paragraph after it."""
    titled = context.conventions.compiled("box_title")
    for k, block in enumerate(blocks):
        if block.kind not in ("text", "heading", "bold"):
            continue
        if titled is not None and titled.match(block.text):
            block.kind = "box"
            following = blocks[k + 1] if k + 1 < len(blocks) else None
            if following is not None and following.kind == "text":
                following.kind = "box"
                _bulleted_after(blocks, k + 1)
            continue
        if block.kind != "text":
            continue
        run = [block]
        for other in blocks[k + 1 :]:
            adjacent = other.paragraph.line_start == run[-1].paragraph.line_end + 1
            if other.kind != "text" or not adjacent or not _BULLET.match(other.text):
                break
            run.append(other)
        if _box_lines([found.text for found in run]):
            for found in run:
                found.kind = "box"


def _bulleted_after(blocks: list[Block], k: int) -> None:
    """The bulleted paragraphs on the lines right after a titled box's paragraph are the box's too (``ZUR SACHE`` /
    ``Stadtumbau in Zahlen`` / ``• Einwohner …`` in a file without blank lines)."""
    end = blocks[k].paragraph.line_end
    for other in blocks[k + 1 :]:
        if other.kind != "text" or other.paragraph.line_start != end + 1 or not _BULLET.match(other.text):
            break
        other.kind, end = "box", other.paragraph.line_end


_QUOTED = regex.compile(r"^[„“\"«»‚‘「『]\s*(?P<inner>[^„“”\"«»「」『』]{15,}?)\s*[“”\"»«‘’」』]$")
_QUOTE_MIN = 30


def _pull_quotes(blocks: list[Block]) -> None:
    """A paragraph that is only a quotation repeating words of a turn (a pull quote set between an answer's
    paragraphs): no one says it a second time, and the answer goes on after it."""
    spoken = [(k, block.rest) for k, block in enumerate(blocks) if block.kind in ("label", "text")]
    for k, block in enumerate(blocks):
        quoted = _QUOTED.match(block.text) if block.kind in ("text", "heading", "bold") else None
        if quoted is None:
            continue
        inner = quoted["inner"].rstrip(".,!?。！？")
        if len(inner) >= _QUOTE_MIN and any(inner in text for j, text in spoken if j != k):
            block.kind = "pull_quote"


_LINK_TITLE_MAX = 40
_TEASER_MAX = 160


def _link_lists(blocks: list[Block]) -> None:
    """A "read more" title alone (``Mehr zum Thema``, ``More information``) and the headlines listed under it,
    each a short line without a final period on the lines right after it (one blank line under the title at
    most), a headline's standfirst on the line right under it: all of them links; so is a headline on the line
    right above a "more" alone (``Hitzeschutzpläne: Was Kommunen tun`` / ``mehr``), a teaser as news sites print
    it."""
    titles = [k for k, block in enumerate(blocks) if block.kind == "link" and len(block.text) <= _LINK_TITLE_MAX]
    for k in titles:  # the titles as printed, not the headlines found under them
        block = blocks[k]
        end, headline = block.paragraph.line_end, False
        for n, other in enumerate(blocks[k + 1 :]):
            start = other.paragraph.line_start
            if not (start == end + 1 or (n == 0 and start == end + 2)):  # one blank line under the title at most
                break
            standfirst = headline and other.kind == "text" and len(other.text) <= _TEASER_MAX
            if not (_teaser(other) or standfirst):
                break
            other.kind, end, headline = "link", other.paragraph.line_end, not standfirst
        if k > 0 and _teaser(blocks[k - 1]) and blocks[k - 1].paragraph.line_end + 1 == block.paragraph.line_start:
            blocks[k - 1].kind = "link"


def _teaser(block: Block) -> bool:
    """A short line without a sentence's final mark, as a headline is printed."""
    return (
        block.kind in ("text", "heading", "bold")
        and len(block.text) <= _TEASER_MAX
        and not block.text.endswith((".", "。"))
    )


def _stamps(match: regex.Match[str]) -> tuple[tuple[str, str], ...]:
    """The time codes and question number printed around a label, in the order printed."""
    found = [("timestamp", match["lead"]), ("number", match["number"]), ("timestamp", match["time"])]
    return tuple((kind, text) for kind, text in found if text)


def _bold_timed_label(block: Block, first: str) -> None:
    """A declared label in bold with a time code on its line (``**Dana**  00:02``, read ``Dana 00:02``)."""
    if bold_timed(first, block.bold_start) is not None and block.text.startswith(first):
        block.kind, block.label, block.rest = "label", block.bold_start, block.text[len(first) :].strip()
        block.stamps = (("timestamp", first[len(block.bold_start) :].strip(f" {COLON}")),)


def _credits(blocks: list[Block], context: Reading) -> None:
    """A photo credit is a caption, and so is a short unpunctuated line just before it."""
    credit = context.conventions.compiled("credit")
    if credit is None:
        return
    for k, block in enumerate(blocks):
        last = block.paragraph.lines[-1] if block.paragraph.starts else ""
        if block.kind == "text" and last and credit.match(last) and len(block.text) <= _CAPTION_MAX + len(last):
            block.kind = "caption"  # the caption and its credit on the next line, read as one paragraph
        elif block.kind == "text" and credit.match(block.text):
            block.kind = "caption"
            before = blocks[k - 1] if k else None
            if before is not None and before.kind == "text" and _captions(before, block):
                before.kind = "caption"


def _captions(before: Block, credit: Block) -> bool:
    """Whether the paragraph before a credit is its caption: short, ending in no sentence's end, and on the line
    right above it or without final punctuation (``Bodensonde bei Müncheberg: »Wir messen jede Stunde«`` /
    ``Foto: …``); a speaker's sentence above a credit stays theirs."""
    if len(before.text) > _CAPTION_MAX or before.text.endswith(_SENTENCE_ENDS):
        return False
    return before.paragraph.line_end + 1 == credit.paragraph.line_start or _FINAL.search(before.text) is None


_SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？")


def _short_unpunctuated(text: str, limit: int) -> bool:
    return len(text) <= limit and _FINAL.search(text) is None


def _layout(blocks: list[Block], context: Reading) -> Layout:
    """Labels if any paragraph starts with one; else questions set off in bold (or as headings, or in italics),
    if the transcript prints them so."""
    layout: Layout
    if context.language.layout != "auto":
        layout = str(context.language.layout)
        if layout == "bold-questions":
            _set_off(blocks, context)
    elif any(block.kind == "label" for block in blocks):
        layout = "labels"
    elif _set_off(blocks, context, bold_only=bool(context.language.labels)):
        layout = "bold-questions"
    else:
        raise _no_turns(blocks, context)
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


def _dialogue_dashes(blocks: Sequence[Block]) -> None:
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
    found = set_off_questions(
        [
            Emphasis(
                block.paragraph.text,
                block.text,
                bold=block.kind == "bold",
                italic=block.italic and block.kind == "editor_note",
                heading=block.kind == "heading",
            )
            for block in blocks
        ]
    )
    if found is None or (bold_only and found.printed != BOLD):
        return False
    for block in blocks if found.printed != BOLD else ():
        block.kind = "text" if block.kind == "bold" else block.kind
    for k in found.questions:
        blocks[k].kind = "bold"
        blocks[k].text = blocks[k].rest = without_hashes(blocks[k].text)
    context.questions_printed = found.printed
    return True


def _first_bold_question(blocks: Sequence[Block]) -> int:
    """Where a print interview's questions start: its first bold paragraph with a question mark (the bold ones above
    it are a standfirst), or its first bold one where none has one (prompts only)."""
    bold = [k for k, block in enumerate(blocks) if block.kind == "bold"]
    return next((k for k in bold if QUESTION_MARK.search(blocks[k].text)), bold[0] if bold else 0)


def _bold_in_labels(blocks: list[Block], k: int, asks_unlabelled: bool) -> str:
    """A bold paragraph among labelled ones: a subheading if short and unpunctuated; else a question where the
    asking side has no label in this language (questions in bold, answers labelled: ``**Quel bilan ?**`` then
    ``Aurélie Vasseur : …``), else text."""
    if _short_unpunctuated(blocks[k].text, _HEADING_MAX):
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
    return after_a_label and before in ("label", "text") and _short_unpunctuated(text, _HEADING_MAX) and len(text) >= 3


_ASIDES = frozenset({"caption", "comment", "interjection", "timestamp", "boilerplate", "pull_quote", "box", "code"})


def _no_turns(blocks: list[Block], context: Reading) -> NoTurnsError:
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


_TURN_KINDS = ("label", "question")
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


PREAMBLE_SPEECH = 40
"""Characters after a name-shaped label in the preamble from which it reads as speech, not a dateline or byline
(a wide character, Chinese, Japanese or Korean, counts two)."""


def _check_labels(blocks: list[Block], context: Reading) -> None:
    """Stop at a paragraph in the turns that starts like a label meta.toml does not declare; doubt one before."""
    first = next(k for k, block in enumerate(blocks) if block.kind in _TURN_KINDS)
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
    starts = [
        (block, _label_start(block, context, declared, names))
        for block in blocks[first:]
        if block.kind in ("text", "question")
    ]
    seen = Counter(found[0] for _, found in starts if found is not None)
    coded = any(coded_speaker(label) for label in declared)  # the file labels speakers by code: P04 once is one
    undeclared: dict[str, tuple[Block, str]] = {}
    for block, found in starts:
        if found is not None and (seen[found[0]] > 1 or coded or not coded_speaker(found[0])):
            undeclared.setdefault(found[0], (block, found[1]))
        elif not undeclared:
            _check_separator(block, declared, context)
    if undeclared:
        raise _undeclared(undeclared, context)


def _label_start(block: Block, context: Reading, declared: list[str], names: list[str]) -> tuple[str, str] | None:
    return undeclared_label(
        block.text,
        bold_start=block.bold_start,
        declared=declared,
        names=names,
        not_labels=context.conventions.not_labels,
        separators=context.conventions.label_separators,
        first_line=strip(block.paragraph.first_line, context.markup).text,
        alone=context.script,
        titles=context.conventions.honorifics,
        roles=context.conventions.audience_labels,
        posts=context.conventions.posts(),
    )


def _speech_like(block: Block, label: str, why: str) -> bool:
    """A label-shaped start in the preamble that is likely a turn: it names a speaker, is in bold or a typo, or a
    sentence follows it (``Published: 3 May`` does not)."""
    if not why.startswith("it is shaped like"):
        return True
    rest = block.text[len(label) :].lstrip(f" {COLON}.")
    return text_width(rest) >= PREAMBLE_SPEECH  # a Chinese or Korean sentence says as much in half the characters


def _undeclared(found: dict[str, tuple[Block, str]], context: Reading) -> UnknownLabelError:
    """One error for every undeclared label of the transcript, at the first one, so one run lists them all."""
    lang = context.lang
    (label, (block, why)), *others = found.items()
    also = "".join(f"; also {other!r} at line {at.paragraph.line_start}" for other, (at, _) in others)
    keys = ", ".join(f'"{name}" = "<speaker>"' for name in found)
    which = "them" if others else "it"
    unless = "for one that is no label, add it" if others else f'if it is no label, add "{label}"'
    return _label_error(
        block,
        context,
        f"undeclared speaker label {label!r} ({why}){also}",
        f"add {which} to [languages.{lang}.labels] in meta.toml: {keys} (or, {unless} to not_labels under "
        f"[languages.{lang}.conventions])",
    )


def _label_error(block: Block, context: Reading, message: str, hint: str) -> UnknownLabelError:
    """An error at the first column of ``block``'s first line."""
    return UnknownLabelError(message, path=context.path, line=block.paragraph.line_start, col=1, hint=hint)


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
                "read as part of the turn before — if it is a turn of its own, add the colon",
            )
        )
        return


_SHORT_LABEL_MAX = 3
"""Labels this short (``Q``, ``F``, ``问``, ``DW``) are checked for another separator, or none."""
_LETTER_WORDS = frozenset("AIOEYÀ")
"""Single capitals that are words in some language (English ``A``, ``I``; Spanish ``Y``, ``O``; Italian ``E``)."""


def _role_letters(label: str) -> bool:
    """A label that is no name: letters in capitals, or a character of a script without case (``Q``, ``DW``,
    ``问``), not a letter that is a word (``A``)."""
    return label not in _LETTER_WORDS and (
        label.isupper() or not any(char.isupper() or char.islower() for char in label)
    )


_OTHER_SEPARATOR = regex.compile(
    r"^(?:[ ]?(?P<separator>[.\-–—;,])(?:\s+|(?=[^\x00-\x7F]))\S|(?P<separator>\s+)(?=\p{Lu}|\p{Lo}))"
)
"""What follows a short label printed without its colon: another separator and the text, or a space and a capital
(or a letter of a script without case)."""


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


def _mark_preamble_and_footer(blocks: list[Block], names: Sequence[str]) -> None:
    turns = [k for k, block in enumerate(blocks) if block.kind in _TURN_KINDS]
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
