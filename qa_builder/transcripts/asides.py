"""Paragraphs among a transcript's blocks that nobody says: boxes and their bullets, pull quotes, link lists and
teasers, photo credits and captions, a radio manuscript's credits, a script's action lines.

Each pass here re-reads blocks :mod:`.classify` has already classified, since what a paragraph is depends on the
paragraphs around it (a short line after a caption-shaped one, a name after ``Sprecherin:``).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .blocks import Block, Reading
from .labels import name_alone
from .paragraphs import (
    Paragraph,
)

__all__ = [
    "HEADING_MAX",
    "action_lines",
    "box_shaped",
    "boxes",
    "credit_lines",
    "credits",
    "link_lists",
    "pull_quotes",
    "short_unpunctuated",
]


_FINAL = regex.compile(r"[.!?…。！？:：;；\"”’'」』）)\]】»«]$")


HEADING_MAX = 80


_CAPTION_MAX = 160


_CREDIT_DOUBT = (
    "starts with a declared label but says only its speaker's name: read as a credit outside the turns "
    "(`Sprecherin: Birte Lange / Zitatorin: …`), not a turn — a turn that says only its speaker's name cannot be "
    "told from a credit; if the reading is right, review this line"
)


_OTHER_CREDIT_DOUBT = (
    "starts with a declared label but says only a name, {0!r}, not {1}: read as a credit before the turns, not a "
    "turn — if {0!r} is the speaker, correct the name in meta.toml; if it is the first turn's words, review this line"
)
_CREDIT_REST = regex.compile(r"^\s*(?:$|[/|;·•]|\s{2,}|(?<=\s)[\p{L}·]{1,12}[:：])")
"""What may follow a credited name: nothing, or the next credit (``/ Zitatorin: …``, ``　摄像：…``)."""
_NEXT_CREDIT = regex.compile(r"\s*(?:[/|;·•]|\s{2,})")


_CONTINUED = regex.compile(r"\((?:CONT['’]?D|CONTINUED|cont['’]?d)\)")


def action_lines(blocks: list[Block]) -> None:
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


def credit_lines(blocks: list[Block], context: Reading) -> None:
    """Above the first turn or below the last, a label whose words are only its own speaker's name is a credit (a
    radio manuscript's ``Sprecherin: Birte Lange / Zitatorin: Ulla Marquardt``, a header's ``Interviewer: R.
    Okonjo``): text of the preamble above, boilerplate below, warned about."""
    for ordered, kind in ((blocks, "text"), (blocks[::-1], "boilerplate")):
        for block in ordered:
            if block.kind != "label" or block.label is None:
                continue
            credited = _credited(block, context, other_names=kind == "text")
            if credited is None:
                break  # the first (or last) turn: credits stand only outside the turns
            speaker = context.meta.voice(context.lang, block.label).speaker
            block.kind, block.label, block.rest = kind, None, block.text
            doubt = (
                _CREDIT_DOUBT
                if credited == speaker
                else _OTHER_CREDIT_DOUBT.format(
                    credited, f"its speaker's in meta.toml ({speaker!r})" if speaker else "a speaker's"
                )
            )
            context.doubts.append((block.paragraph.line_start, doubt))


def _credited(block: Block, context: Reading, *, other_names: bool) -> str | None:
    """The name a labelled paragraph credits, if it says only a name (or that and the next credit): its speaker's,
    or, with ``other_names`` (above the first turn), any name (``Sprecherin: Eva Reader`` where meta.toml names
    the speaker ``Eva Leser``: the credit still is no turn)."""
    assert block.label is not None
    name = context.meta.voice(context.lang, block.label).speaker
    if name and block.rest.startswith(name) and _CREDIT_REST.match(block.rest[len(name) :]):
        return name
    if not other_names:
        return None
    other, *after = _NEXT_CREDIT.split(block.rest, maxsplit=1)
    other = other.strip()
    if not other or not name_alone(other, ()) or (after and not _LABELLED.match(after[0])):
        return None
    return other if _person(other, context) else None


_LABELLED = regex.compile(r"^\s*\p{L}[\p{L}\p{M}.'’\- ]{0,40}:")
"""The next credit after a name, ``Zitatorin: …`` (the split at two spaces of ``Ladies and Gentlemen  thank you``
leaves none)."""


def _person(name: str, context: Reading) -> bool:
    """Whether a name credited above the first turn may be a person's: no greeting (``Guten Morgen Herr Schmidt``,
    ``Good Morning Everyone``) and not only titles (``Frau Ministerin``, ``Madam Chair``): those are a first turn's
    words printed without a full stop."""
    courtesy = context.conventions.compiled("courtesy")
    if courtesy is not None and courtesy.match(name):
        return False
    titles = {title.casefold().rstrip(".") for title in (*context.conventions.honorifics, *context.conventions.posts())}
    return not all(word.casefold().rstrip(".") in titles for word in name.split())


_BULLET = regex.compile(r"^[-–•*·▪]\s+\S")


_BOX_ITEMS = 2


def box_shaped(paragraph: Paragraph) -> bool:
    """A short title line without final punctuation, then bulleted lines: a fact box, never a speaker's words."""
    return _box_lines(paragraph.lines)


def _box_lines(lines: Sequence[str]) -> bool:
    title, *items = lines
    return (
        len(items) >= _BOX_ITEMS
        and all(_BULLET.match(item) for item in items)
        and not _BULLET.match(title)
        and short_unpunctuated(title, HEADING_MAX)
    )


def boxes(blocks: list[Block], context: Reading) -> None:
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


def pull_quotes(blocks: list[Block]) -> None:
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


def link_lists(blocks: list[Block]) -> None:
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


def credits(blocks: list[Block], context: Reading) -> None:
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


def short_unpunctuated(text: str, limit: int) -> bool:
    return len(text) <= limit and _FINAL.search(text) is None
