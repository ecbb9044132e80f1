"""Numbers as anchors across scripts: ``三十年`` and ``30 years``, ``１９８９`` and ``1989``, ``1,500`` and ``1.500``.

A number is the strongest language-neutral evidence two sentences are
translations, but only if both sides write it alike. Before the aligner looks
for shared tokens, full-width digits become ASCII, thousands separators go,
a decimal comma becomes a point, and in a language written in Han characters
a run of Chinese numerals becomes its value (``一九八九`` → 1989, ``两千零五`` →
2005, ``百分之二十`` → 20). A lone ``一`` or ``十`` is left alone: it is part of
too many words.
"""

from __future__ import annotations

import regex

__all__ = ["han_numerals", "normalize_numbers"]

_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_MYRIADS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_HAN_NUMBER = regex.compile(r"(?:百分之)?[零〇○一二两兩三四五六七八九十百千万萬亿億]{2,}")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_GROUPED = regex.compile(r"(?<!\d)(\d{1,3})(?:[,.  ](\d{3}))+(?![\d])(?![.,]\d)")
_ANY_NUMBER = regex.compile(r"[\d０-９零〇○一二两兩三四五六七八九十百千万萬亿億]")
_DECIMAL_COMMA = regex.compile(r"(?<=\d),(?=\d{1,2}(?!\d))")


def normalize_numbers(text: str, *, han: bool = False) -> str:
    """``text`` with its numbers written one way (``han``: the language writes numbers in Han numerals too).

    >>> normalize_numbers("１９８９年，三十年后，百分之二十", han=True)
    '1989年，30年后，20'
    >>> normalize_numbers("1,500 Franken, 3,5 Grad, 12.000 Gäste")
    '1500 Franken, 3.5 Grad, 12000 Gäste'
    """
    if not _ANY_NUMBER.search(text):
        return text
    text = text.translate(_FULL_WIDTH)
    if han:
        text = _HAN_NUMBER.sub(_han_value, text)
    text = _GROUPED.sub(lambda m: m.group(0).replace(",", "").replace(".", "").replace(" ", "").replace(" ", ""), text)
    return _DECIMAL_COMMA.sub(".", text)


def han_numerals(lang: str) -> bool:
    """Whether ``lang`` writes numbers in Han numerals as well as digits (Chinese, Japanese).

    >>> han_numerals("zh-hant"), han_numerals("ja"), han_numerals("de")
    (True, True, False)
    """
    from ..languages import language_script

    return language_script(lang) == "Han" or lang.split("-")[0].lower() == "ja"


def _han_value(match: regex.Match[str]) -> str:
    run = match.group(0).removeprefix("百分之")
    value = _positional(run) if not any(c in _UNITS or c in _MYRIADS for c in run) else _with_units(run)
    return match.group(0) if value is None else str(value)


def _positional(run: str) -> int | None:
    """Digit by digit, as years are written: 一九八九 → 1989."""
    if not all(c in _DIGITS for c in run):
        return None
    return int("".join(str(_DIGITS[c]) for c in run))


def _with_units(run: str) -> int | None:
    """With units: 三十 → 30, 两千零五 → 2005, 一万二千 → 12000."""
    total = section = digit = 0
    for char in run:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _UNITS:
            section += (digit or 1) * _UNITS[char]
            digit = 0
        elif char in _MYRIADS:
            total += (section + digit) * _MYRIADS[char]
            section = digit = 0
        else:
            return None
    return total + section + digit
