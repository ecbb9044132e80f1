"""Markup as publications leave it in transcripts: Markdown and HTML, stripped so it never reaches a record.

Transcripts copied from the web keep their markup: labels in bold
(``**Name:**``, ``**Name**:``, ``<strong>Name:</strong>``), questions printed
wholly in bold with no label, italic editor's notes, blockquoted pull quotes,
links, escapes (``\\[laughter\\]``) and entities. :func:`detect` decides per file
which markup it holds (a file without any is left as it is: ``Q*`` stays ``Q*``,
though a character reference copied from a page's source, ``&nbsp;``, is decoded);
:func:`strip` turns one paragraph into its plain text and what its markup said
about it.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import regex

__all__ = ["Markup", "Marked", "detect", "strip", "table_row"]
Markup = Literal["none", "markdown", "html"]

_MD_BOLD = regex.compile(
    r"(?<![\\*])\*\*(?=\S)(?P<inner>.+?)(?<=\S)\*\*(?!\*)|(?<![\w\\])__(?=\S)(?P<under>.+?)(?<=\S)__(?!\w)"
)
_MD_ITALIC = regex.compile(
    r"(?<![\\*\w])\*(?=[^\s*])(?P<inner>[^*]+?)(?<=[^\s*])\*(?![*\w])|(?<![\\\w])_(?=\S)(?P<under>[^_]+?)(?<=\S)_(?!\w)"
)
_MD_LINK = regex.compile(
    r"!?\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)(?:\s+\"[^\"]*\")?\)|!?\[(?P<ref>[^\]]+)\]\[[^\]]*\]"
)
_MD_CODE = regex.compile(r"`(?P<inner>[^`]+)`")
_MD_ESCAPE = regex.compile(r"\\(?P<char>[!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_MD_QUOTE = regex.compile(r"^(?:>\s?)+")
_MD_TABLE_RULE_ROW = regex.compile(r"(?m)^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?[ \t]*)?$")
"""A Markdown table's rule row (``|---|---|``): two of them, or one and other Markdown, make a file Markdown."""
_MD_QUOTED_QUESTION = regex.compile(r"(?m)^>[ \t]?(?![>\s]).*[?？][ \t]*$")
_MD_QUOTE_LINE = regex.compile(r"(?m)^>[ \t]?(?![>\s])")
"""A blockquote's line (``> How did you start?``; ``>>``, the captions' mark of a new speaker, is none)."""
_MD_HEADING_ID = regex.compile(r"\s*\{#[\w-]+\}\s*$")
_HTML_BOLD = regex.compile(r"<(?P<tag>strong|b)\b[^>]*>(?P<inner>.*?)</(?P=tag)\s*>", regex.IGNORECASE | regex.DOTALL)
_HTML_ITALIC = regex.compile(r"<(?P<tag>em|i)\b[^>]*>(?P<inner>.*?)</(?P=tag)\s*>", regex.IGNORECASE | regex.DOTALL)
_HTML_QUOTE = regex.compile(r"^\s*<blockquote\b", regex.IGNORECASE)
_MD_ITALIC_LINE = regex.compile(r"(?m)^[ \t]*([*_])(?![\s*_])[^*_\n]+(?<!\s)\1[ \t]*$")
"""A line wholly in Markdown italics (``*How did you start?*``)."""
_HTML_HEADING = regex.compile(r"^\s*<h[1-6]\b", regex.IGNORECASE)
_HTML_FIGURE = regex.compile(r"<(?:figure|figcaption|img)\b", regex.IGNORECASE)
_HTML_LINK_ONLY = regex.compile(
    r"^(?:\s*<(?!a\b)[a-z]+[^>]*>)*\s*<a\b[^>]*>[^<]*</a>(?:\s*</[a-z]+>)*\s*$", regex.IGNORECASE
)
_MD_IMAGE_ONLY = regex.compile(r"^!\[[^\]]*\]\([^)]*\)$")
_MD_LINK_ONLY = regex.compile(r"^(?:[^\[\]:]{1,40}:\s*)?\[[^\]]+\]\([^)\s]+(?:\s+\"[^\"]*\")?\)$")
"""A paragraph that is a link and nothing else, or a short title and a link (``Weitere Chats: [Archiv](…)``)."""
_HTML_BREAK = regex.compile(r"<br\s*/?>", regex.IGNORECASE)
_HTML_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_SPACES = regex.compile(r"\s+")
# While stripping, bold spans are wrapped in two private-use characters, U+E000 and U+E001.


@dataclass(frozen=True, slots=True)
class Marked:
    """A paragraph without its markup, and what the markup said."""

    text: str
    bold: bool = False
    """The whole paragraph is bold (a question in a print interview)."""
    italic: bool = False
    """The whole paragraph is italic (an editor's aside)."""
    quote: bool = False
    """The paragraph is a blockquote (a pull quote)."""
    bold_start: str = ""
    """The text of a bold span the paragraph starts with (a label in bold)."""
    shape: str = ""
    """What the markup makes the whole paragraph: ``heading``, ``caption`` (an image, a figure) or ``link``."""


def detect(text: str) -> Markup:
    """Which markup a file holds: HTML tags, Markdown emphasis, links or headings, or none.

    >>> detect("<p><strong>Q:</strong> Hi</p>"), detect("**Q:** Hi\\n\\n**A:** Yo"), detect("Q: Q*, a model")
    ('html', 'markdown', 'none')
    """
    if len(_HTML_TAG.findall(text)) >= 2:
        return "html"
    evidence = len(_MD_BOLD.findall(text)) + len(regex.findall(r"(?m)^#{1,6}\s\S", text)) + len(_MD_LINK.findall(text))
    evidence += len(_MD_ESCAPE.findall(text)) + len(_MD_ITALIC_LINE.findall(text))
    evidence += len(_MD_QUOTED_QUESTION.findall(text))  # "> How did you start?": questions set off as quotes
    evidence += bool(evidence) and bool(_MD_QUOTE_LINE.search(text))  # plain text quotes an e-mail with "> " too
    evidence += len(_MD_TABLE_RULE_ROW.findall(text))
    return "markdown" if evidence >= 2 else "none"


def strip(text: str, markup: Markup) -> Marked:
    """``text`` without ``markup``, and whether it was wholly bold, wholly italic, a quote, or began in bold.

    >>> marked = strip("**Priya Desrosiers:** Hello \\\\[laughter\\\\]", "markdown")
    >>> marked.text, marked.bold, marked.bold_start
    ('Priya Desrosiers: Hello [laughter]', False, 'Priya Desrosiers:')
    >>> strip("<p><strong>SPIEGEL:</strong> Frau M&uuml;ller, warum?</p>", "html").text
    'SPIEGEL: Frau Müller, warum?'
    >>> strip("**Is that true?**", "markdown").bold
    True
    """
    if markup == "none":
        return Marked(_entities(text))
    return _strip_html(text) if markup == "html" else _strip_markdown(text)


_ENTITY = regex.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
"""A character reference, as text copied from a page's source keeps them (``&nbsp;``, ``&ldquo;``, ``&#8212;``);
only the complete form, with its semicolon (``AT&T`` is text)."""


def _entities(text: str) -> str:
    """``text`` with its character references decoded, a no-break space a space (as Markdown and HTML read them).

    >>> _entities("F:&nbsp;Sam, &bdquo;warum&ldquo;? AT&T &amp; co")
    'F: Sam, „warum“? AT&T & co'
    """
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text).replace("\u00a0", " ")


_MD_TABLE_ROW = regex.compile(r"(?m)^[ \t]*\|(?P<cells>.*)\|[ \t]*$")
"""A row of a Markdown table (a chat protocol's ``| Moderator: | Willkommen! |``)."""
_MD_TABLE_RULE = regex.compile(r"^\s*:?-{3,}:?\s*$")


def table_row(raw: str) -> bool:
    """Whether a raw paragraph is a Markdown table's row (its turns' words in cells).

    >>> table_row("| Moderator: | Willkommen! |"), table_row("Moderator: Willkommen!")
    (True, False)
    """
    return _MD_TABLE_ROW.match(raw) is not None


def _cells(row: regex.Match[str]) -> str:
    """A table row's cells, one after the other (``Moderator: Willkommen!``); a rule row (``|---|---|``) is none."""
    cells = [cell.strip() for cell in regex.split(r"(?<!\\)\|", row["cells"])]
    return " ".join(cell for cell in cells if cell and not _MD_TABLE_RULE.match(cell))


def _strip_markdown(text: str) -> Marked:
    quote = _MD_QUOTE.match(text) is not None
    shape = "caption" if _MD_IMAGE_ONLY.match(text) else "link" if _MD_LINK_ONLY.match(text) else ""
    body = _MD_TABLE_ROW.sub(_cells, _MD_HEADING_ID.sub("", _MD_QUOTE.sub("", text)))
    body = _MD_CODE.sub(lambda m: m["inner"], body)
    body = _MD_LINK.sub(lambda m: m["text"] if m["text"] is not None else m["ref"], body)
    marked = _MD_BOLD.sub(lambda m: f"\ue000{m['inner'] or m['under']}\ue001", body)
    italic = _whole(_MD_ITALIC, marked)
    marked = _MD_ITALIC.sub(lambda m: m["inner"] or m["under"], marked)
    marked = _MD_ESCAPE.sub(lambda m: m["char"], _entities(marked))
    return _marked(marked, italic=italic, quote=quote, shape=shape)


def _strip_html(text: str) -> Marked:
    quote = _HTML_QUOTE.match(text) is not None
    shape = "heading" if _HTML_HEADING.match(text) else "caption" if _HTML_FIGURE.search(text) else ""
    shape = shape or ("link" if _HTML_LINK_ONLY.match(text) else "")
    body = _HTML_BREAK.sub(" ", text)
    marked = _HTML_BOLD.sub(lambda m: f"\ue000{m['inner']}\ue001", body)
    italic = _whole(_HTML_ITALIC, marked, lambda rest: _HTML_TAG.sub("", rest))
    marked = html.unescape(_HTML_TAG.sub("", marked))
    return _marked(marked, italic=italic, quote=quote, shape=shape)


def _whole(pattern: regex.Pattern[str], text: str, clean: Callable[[str], str] = str) -> bool:
    """Whether ``pattern``'s spans cover all of ``text`` but spaces, punctuation (and what ``clean`` removes)."""
    rest = pattern.sub("", text)
    return rest != text and not regex.search(r"[\p{L}\p{N}]", clean(rest))


def _marked(marked: str, *, italic: bool, quote: bool, shape: str) -> Marked:
    bold_text = "".join(regex.findall("\ue000(.*?)\ue001", marked, regex.DOTALL))
    plain = _SPACES.sub(" ", marked.replace("\ue000", "").replace("\ue001", "")).strip()
    outside = regex.sub("\ue000.*?\ue001", "", marked, flags=regex.DOTALL)
    bold = bool(bold_text.strip()) and not regex.search(r"[\p{L}\p{N}]", outside)
    start = marked.lstrip()
    bold_start = start[1 : start.index("\ue001")].strip() if start.startswith("\ue000") and "\ue001" in start else ""
    return Marked(plain, bold=bold, italic=italic and not bold, quote=quote, bold_start=bold_start, shape=shape)
