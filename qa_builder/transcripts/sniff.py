"""What a transcript's bytes are besides text in an encoding: a word processor's file, or text garbled before it
was saved (UTF-8 read as cp1252 once and saved again). Both decode without error and would reach the dataset
as codes or ``Ã¶``; both are refused with what to do instead.
"""

from __future__ import annotations

import regex

from ..errors import BinaryFileError, DecodeError

__all__ = ["check_format", "check_mojibake"]

_FORMATS = (
    (b"{\\rtf", "an RTF document (a word processor's format)"),
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a zip archive (a .docx, .odt or .pages document is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97–2003 .doc document"),
)


def check_format(data: bytes, path: str) -> None:
    """Refuse a file that is a document format, not plain text, whatever its name says.

    >>> try:
    ...     check_format(b"{\\\\rtf1\\\\ansi Q: Hi", "de.txt")
    ... except BinaryFileError as error:
    ...     print(error.message)
    the file is an RTF document (a word processor's format), not plain text
    """
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    for magic, what in _FORMATS:
        if head.startswith(magic):
            raise BinaryFileError(
                f"the file is {what}, not plain text",
                path=path,
                hint="open it where it was written and save it as plain text (UTF-8), then replace this file",
            )


_CANDIDATE = regex.compile(r"[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]{1,3}")
MOJIBAKE_MIN = 2
"""Sequences of UTF-8 read as cp1252 a text must hold before it is refused (one ``Ã©`` could be meant)."""


def check_mojibake(text: str, path: str) -> None:
    """Refuse text holding UTF-8 that was read as cp1252 (or latin-1) and saved again: ``mÃ¶chte`` for ``möchte``,
    ``â€ž`` for ``„``; a file mixing UTF-8 and cp1252 decoded as cp1252 reads so too.

    >>> try:
    ...     check_mojibake("Sie mÃ¶chte zunÃ¤chst", "de.txt")
    ... except DecodeError as error:
    ...     print(error.line, error.col, error.message)
    1 6 the text holds UTF-8 read as cp1252: 'Ã¶' is 'ö' (2 such places)
    """
    found = [(match.start(), match[0], fixed) for match in _CANDIDATE.finditer(text) if (fixed := _fixed(match[0]))]
    if len(found) < MOJIBAKE_MIN:
        return
    offset, garbled, meant = found[0]
    line = text.count("\n", 0, offset) + 1
    raise DecodeError(
        f"the text holds UTF-8 read as cp1252: {garbled!r} is {meant!r} ({len(found)} such places)",
        path=path,
        line=line,
        col=offset - (text.rfind("\n", 0, offset) + 1) + 1,
        hint="the file was garbled before it was saved, or mixes two encodings: take the original, or repair it "
        "(e.g. with ftfy) and save it as UTF-8",
    )


_MEANT = regex.compile(r"[\u00a0-\u017f\u2010-\u2044\u20ac\u2122]")
"""What UTF-8 read as cp1252 garbles: Latin-1 and Latin Extended-A letters, dashes, quotes, ellipsis, €, ™ (a
``ß…`` in German text is no garbled NKo letter)."""


def _fixed(garbled: str) -> str | None:
    """What ``garbled`` was before UTF-8 was read as cp1252, if it was (one character such text holds), else None."""
    for encoding in ("cp1252", "latin-1"):
        try:
            meant = garbled.encode(encoding).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if len(meant) == 1 and _MEANT.match(meant):
            return meant
    return None
