"""Turn the bytes of a raw transcript into numbered lines.

Decoding is strict: UTF-8 (with or without BOM) and UTF-16/32 with a BOM are
recognised; any other encoding must be declared in the metadata, so nothing is
ever mis-decoded silently. Line numbers are those of the file, whatever its line
endings; the text is normalised for parsing (no-break spaces, zero-width junk).
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex

from ..errors import BinaryFileError, DecodeError, EmptyFileError, InputError
from ..languages import frequent_characters, language_scripts, legacy_encodings
from .sniff import check_format, check_mojibake

__all__ = [
    "Line",
    "decode",
    "guess_encoding",
    "normalised",
    "read_bytes",
    "read_lines",
    "script_share",
    "split_lines",
]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
_LEADING_TAB = regex.compile(r"^(\S{1,4})\t[\t ]*")
"""A tab after a line's first short word (``Q<tab>Why?``): a gap, as between a label and its words."""
_SPACES = regex.compile(r"[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f]")
_INVISIBLE = regex.compile(r"[\u00ad\u200b\u2060\ufeff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Characters that show nothing: a soft hyphen (Word's optional break), zero-width spaces and joiners of words, and
the marks and embeddings that set the direction of text (``F\u200e:`` copied from a web page)."""
_SOFT_HYPHEN_END = regex.compile(r"\u00ad\s*$")
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters, and the Unicode line and paragraph separators: a line break to some programs and none to
others, so the file's line numbers would not be the editor's."""


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based line of the file
    text: str  # normalised, stripped


def decode(data: bytes, path: str, *, encoding: str | None = None, lang: str = "") -> str:
    """Decode a raw file, refusing anything that would be a guess.

    >>> decode("Q: 你好".encode("utf-16"), "x.txt")
    'Q: 你好'
    """
    if not data.strip():
        raise EmptyFileError("the file is empty", path=path, hint="put the transcript text in it or remove the file")
    check_format(data, path)
    text = _decoded(data, path, encoding, lang)
    check_mojibake(text, path)
    return text


def _decoded(data: bytes, path: str, encoding: str | None, lang: str) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], name, path)
    if encoding is not None:
        return _declared(data, encoding, path, lang)
    if b"\x00" in data:
        line, _ = _position(data, data.index(b"\x00"))
        utf16 = utf16_without_bom(data)
        if utf16 is not None:
            raise DecodeError(
                f"the file is {utf16.upper()} text without a byte order mark",
                path=path,
                hint=f'declare `encoding = "{utf16}"` under [languages.{lang or "LANG"}] in meta.toml, or save it '
                "as UTF-8",
            )
        raise BinaryFileError(
            "the file looks binary (it contains NUL bytes), not like a text transcript",
            path=path,
            line=line,
            hint="give a plain-text transcript",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, col = _position(data, error.start)
        guess = guess_encoding(data, lang)
        hint = f'declare `encoding = "{guess}"` under [languages.{lang or "LANG"}] in meta.toml, or convert it to UTF-8'
        if _utf8_elsewhere(data):
            hint = (
                "the rest of the file is UTF-8 beyond ASCII, so it mixes two encodings (declaring one would garble "
                f"the other): re-save this line's text as UTF-8 (it reads as {guess})"
            )
        raise DecodeError(
            f"not valid UTF-8 (byte 0x{data[error.start]:02X})", path=path, line=line, col=col, hint=hint
        ) from None


_UTF8_ELSEWHERE_MIN = 3
"""Characters beyond ASCII a file not valid as UTF-8 must also hold valid as UTF-8 to be a mix of two encodings."""


def _utf8_elsewhere(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 sit in a file mostly holding UTF-8 characters beyond ASCII (a cp1252
    paragraph pasted into a UTF-8 file). A file wholly in GB18030 or Big5 has a few byte pairs that happen to be
    UTF-8 too, far fewer than those that are not."""
    text = data.decode("utf-8", errors="replace")
    valid = sum(not char.isascii() and char != "\ufffd" for char in text)
    return valid >= max(_UTF8_ELSEWHERE_MIN, text.count("\ufffd"))


def _strict(data: bytes, name: str, path: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as error:
        raise DecodeError(
            f"the byte-order mark says {name} but the bytes are not valid {name}",
            path=path,
            hint="re-save the file as UTF-8",
        ) from error


def _declared(data: bytes, encoding: str, path: str, lang: str) -> str:
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        raise DecodeError(
            f"unknown encoding {encoding!r} declared in meta.toml",
            path=path,
            hint="use a Python codec name such as gb18030, big5, cp1252 or latin-1",
        ) from None
    if codec.name not in ("utf-8", "ascii") and not data.isascii() and _is_utf8(data):
        raise DecodeError(
            f"meta.toml declares {encoding!r} but the file is valid UTF-8; decoding it as declared would garble it",
            path=path,
            hint="remove the `encoding` setting for this language",
        )
    try:
        text = data.decode(codec.name)
    except UnicodeDecodeError as error:
        line, col = _position(data, error.start)
        raise DecodeError(
            f"not valid {encoding} (byte 0x{data[error.start]:02X})",
            path=path,
            line=line,
            col=col,
            hint=_other_encoding(data, codec.name, lang),
        ) from None
    _check_c1(text, encoding, path)
    _check_script(data, text, encoding, path, lang)
    return text


def _other_encoding(data: bytes, declared: str, lang: str) -> str:
    """What to declare for a file the declared encoding cannot decode: UTF-16 without a byte order mark, or the
    language's likely legacy encoding where it decodes the file cleanly (EUC-JP declared ``shift_jis``)."""
    utf16 = utf16_without_bom(data)
    if utf16 is not None and utf16 != declared:
        return f'the file is {utf16} without a byte order mark: declare encoding = "{utf16}"'
    guess = guess_encoding(data, lang)
    try:
        data.decode(guess)
    except UnicodeDecodeError:
        guess = declared
    if guess != declared:
        return f'it decodes as {guess}: declare encoding = "{guess}" (or check the file\'s encoding)'
    return "check the `encoding` declared for this language in meta.toml"


_C1 = regex.compile(r"[\x80-\x9f]")
"""C1 control characters: no text has them, but a cp1252 or GB18030 file decoded as latin-1 is full of them."""


def _check_c1(text: str, encoding: str, path: str) -> None:
    found = _C1.search(text)
    if found is None:
        return
    line = text.count("\n", 0, found.start()) + 1
    col = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    raise DecodeError(
        f"decoded as {encoding}, the text holds the control character U+{ord(found[0]):04X}: the file is in "
        "another encoding",
        path=path,
        line=line,
        col=col,
        hint="declare its real encoding in meta.toml: cp1252 for Western European text, gb18030 or big5 for Chinese",
    )


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = max(data.rfind(b"\n", 0, offset), data.rfind(b"\r", 0, offset)) + 1
    line = len(_LINE_BREAK.findall(data[:line_start].decode("latin-1"))) + 1
    return line, offset - line_start + 1


MISDECODED_SHARE = 0.2
"""Below this share of its letters beyond ASCII in the language's scripts, a text decoded as declared is
garbled: GB18030 read as latin-1 is all ``ÄãºÃ``, cp1252 German read as GB18030 turns every umlaut Han."""
MISDECODED_FREQUENT = 5
"""An encoding that reads this many times the characters frequent in the language (and at least this many) is the
file's, not the one declared."""
_MISDECODED_MIN_LETTERS = 10
_WIDE_LETTER = regex.compile(r"[^\x00-\x7f]")


def script_share(text: str, lang: str) -> tuple[int, float]:
    """How many letters beyond ASCII ``text`` has, and the share of them in ``lang``'s scripts (1.0 if unknown).

    >>> script_share("Grüße", "de"), script_share("ÄãºÃ", "zh")
    ((2, 1.0), (4, 0.0))
    """
    scripts = language_scripts(lang)
    letters = "".join(char for char in _WIDE_LETTER.findall(text) if char.isalpha())
    if not scripts or not letters:
        return len(letters), 1.0
    pattern = "|".join(rf"\p{{Script={script}}}" for script in scripts)
    return len(letters), len(regex.findall(pattern, letters)) / len(letters)


def utf16_without_bom(data: bytes) -> str | None:
    r"""``utf-16-le`` or ``utf-16-be`` where ``data`` is text in it without a byte order mark (some exports save
    so): it decodes cleanly, into lines, with no control character; else None. (In the wrong byte order a line
    break reads as U+0A00.)

    >>> utf16_without_bom("问：为什么？\n答：因为。".encode("utf-16-le")), utf16_without_bom(b"Q: hi\x00\x01")
    ('utf-16-le', None)
    """
    if len(data) % 2:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if "\n" in text and not _CONTROL.search(text):
            return name
    return None


def guess_encoding(data: bytes, lang: str) -> str:
    """The legacy encoding ``data`` is most likely in: the fewest undecodable bytes, then the most letters in the
    language's scripts, then the most characters frequent in it.

    >>> guess_encoding("問：您為什麼回到台南？".encode("big5"), "zh-Hant")
    'big5'
    >>> guess_encoding("问：为什么？".encode("gbk"), "zh"), guess_encoding("Привет".encode("cp1251"), "ru")
    ('gb18030', 'cp1251')
    """
    frequent = frequent_characters(lang)

    def score(encoding: str) -> tuple[int, float, int]:
        text = data.decode(encoding, errors="replace")
        return -text.count("\ufffd"), round(script_share(text, lang)[1], 1), sum(char in frequent for char in text)

    return max(legacy_encodings(lang), key=score)


def _check_script(data: bytes, text: str, encoding: str, path: str, lang: str) -> None:
    """Refuse a declared encoding that reads the language's letters as another script's, or as the wrong ones of
    its script (Big5 read as GB18030 is Han too, but hardly ever its frequent characters; Mac Roman read as cp1252
    is Latin, but ``zurŸck``)."""
    letters, share = script_share(text, lang)
    if not frequent_characters(lang) and letters < _MISDECODED_MIN_LETTERS:
        return
    guess = guess_encoding(data, lang)
    other = text if guess == codecs.lookup(encoding).name else data.decode(guess, "replace")
    if letters >= _MISDECODED_MIN_LETTERS and share < MISDECODED_SHARE:
        why = f"only {share:.0%} of the {letters} letters beyond ASCII are in the "
        why += f"{' or '.join(language_scripts(lang))} script expected for '{lang}'"
        fits = script_share(other, lang)[1] > share
    else:
        ours, theirs = _frequent(text, lang), _frequent(other, lang)
        if theirs < max(_MISDECODED_MIN_LETTERS, MISDECODED_FREQUENT * ours) or _in_capitals(text):
            return
        why, fits = f"it reads {ours} of the characters frequent in '{lang}' text where {guess} reads {theirs}", True
    raise DecodeError(
        f"decoded as {encoding}, {why}: the file is in another encoding",
        path=path,
        hint=(f'declare `encoding = "{guess}"`' if fits else "declare the file's real encoding")
        + f" under [languages.{lang}] in meta.toml",
    )


_CASED = regex.compile(r"\p{Lu}|\p{Ll}")
_SCRAMBLED = regex.compile(r"(?<!\p{L})\p{Ll}\p{Lu}{2,}(?!\p{L})")


def _in_capitals(text: str) -> bool:
    """Whether the text is printed in capitals (a frequent letter is a small one): most of its cased letters are
    capitals, and no word is a small letter and capitals (``пОЧЕМУ``, what KOI8-R read as cp1251 makes of
    ``Почему``).

    >>> _in_capitals("ПОЧЕМУ ВЫ ВЕРНУЛИСЬ"), _in_capitals("пОЧЕМУ ВЫ ВЕРНУЛИСЬ"), _in_capitals("Почему")
    (True, False, False)
    """
    cased = _CASED.findall(text)
    capitals = sum(char.isupper() for char in cased)
    return capitals * 2 > len(cased) and _SCRAMBLED.search(text) is None


def _frequent(text: str, lang: str) -> int:
    frequent = frequent_characters(lang)
    return sum(char in frequent for char in text)


def split_lines(text: str, path: str) -> list[Line]:
    r"""Number the lines of decoded text (CRLF, CR and LF all end a line) and normalise them.

    >>> split_lines("Q:\u00a0hi\r\n\r\nA: yo", "x.txt")
    [Line(number=1, text='Q: hi'), Line(number=2, text=''), Line(number=3, text='A: yo')]
    """
    controls = len(_CONTROL.findall(text))
    lines = []
    for number, raw in enumerate(_LINE_BREAK.split(text), start=1):
        control = _CONTROL.search(raw) if controls else None
        if control is not None:
            separators = text.count("\u2028") + text.count("\u2029")  # a file of them is text, its lines so split
            binary = controls - separators > max(2, len(text) // 100)
            _raise_control(raw, number, control.start(), path, binary=binary)
        lines.append(Line(number, normalised(_SOFT_HYPHEN_END.sub("-", raw)).strip()))
    if lines and lines[-1].text == "" and text.endswith(("\n", "\r")):
        lines.pop()
    return lines


def normalised(text: str) -> str:
    """Text as the parser compares it: composed (NFC: ``ä`` typed as ``a`` and a combining diaeresis, as macOS
    writes file names, is ``ä``), every space a plain one (a tab after a line's first short word two: a gap, as
    between a label and its words in ``Q<tab>Why?``), invisible characters gone. A soft hyphen ending a line is
    a hyphen there (the word goes on on the next line, and is joined as a broken word is).

    >>> normalised("Altma\u0308n:\u00a0Ja, Vor\u00adstand")
    'Altmän: Ja, Vorstand'
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _INVISIBLE.sub("", _SPACES.sub(" ", _LEADING_TAB.sub(r"\1  ", text)))


def _raise_control(raw: str, number: int, index: int, path: str, *, binary: bool) -> None:
    if binary:
        raise BinaryFileError(
            "the file looks binary (control characters), not like a text transcript",
            path=path,
            line=number,
            hint="give a plain-text transcript",
        )
    separator = raw[index] in "\u2028\u2029"
    raise DecodeError(
        f"{'line separator' if separator else 'control character'} U+{ord(raw[index]):04X} in the text",
        path=path,
        line=number,
        col=index + 1,
        hint="replace it with a line break (editors disagree on whether it is one)"
        if separator
        else "delete it from the file (it is not printable text)",
    )


def read_bytes(path: Path, shown: str) -> bytes:
    """A file's bytes; a path that is missing, a folder or unreadable is an :class:`InputError` naming ``shown``."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path=shown, hint="give the path of a file") from None
    except FileNotFoundError:
        raise InputError("no such file", path=shown, hint="check the path") from None
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror}", path=shown, hint="check its permissions") from None


def read_lines(path: Path, display_path: str, *, encoding: str | None = None, lang: str = "") -> list[Line]:
    """Read, decode and number a raw transcript's lines."""
    return split_lines(decode(read_bytes(path, display_path), display_path, encoding=encoding, lang=lang), display_path)
