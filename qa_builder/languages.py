"""What qa-builder knows of each language, from ``languages.toml``: the names the card and the site use, the
scripts its letters are in (the plausibility checks) and the legacy encodings its files are likely in (the
decoder's hints).

>>> language_name("de"), language_name("zh", native=True), language_name("xx")
('German', '中文', 'xx')
"""

from __future__ import annotations

import tomllib
from collections import Counter
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "frequent_characters",
    "frequent_words",
    "language_of_word",
    "language_name",
    "language_script",
    "language_scripts",
    "legacy_encodings",
    "nouns_capitalised",
    "romanization",
    "two_letter_code",
]

DEFAULT_ENCODING = "cp1252"
"""The legacy encoding guessed for a language ``languages.toml`` lists none for."""


def language_name(code: str, *, native: bool = False) -> str:
    """The language's name in English (or in itself); the code itself for a language the table lacks."""
    entry = _entry(code)
    if entry is None:
        return code
    return str(entry["native" if native else "english"])


def language_script(code: str) -> str | None:
    """The Unicode script the language is mostly written in (``Han``, ``Latin``), or None if unknown.

    >>> language_script("zh-hant"), language_script("de"), language_script("xx")
    ('Han', 'Latin', None)
    """
    entry = _entry(code)
    return str(entry["script"]) if entry else None


def language_scripts(code: str) -> tuple[str, ...]:
    """Every script the language's letters are in: its main script and those it mixes in; none if unknown.

    >>> language_scripts("ja"), language_scripts("xx")
    (('Han', 'Hiragana', 'Katakana'), ())
    """
    entry = _entry(code)
    return (entry["script"], *entry.get("also", ())) if entry else ()


def legacy_encodings(code: str) -> tuple[str, ...]:
    """The encodings a file in the language that is not UTF-8 is likely in, most likely first.

    >>> legacy_encodings("zh-Hant"), legacy_encodings("de")
    (('big5', 'big5hkscs', 'gb18030'), ('cp1252', 'mac_roman'))
    """
    entry = _entry(code) or {}
    return tuple(entry.get("encodings", (DEFAULT_ENCODING,)))


def romanization(code: str) -> str | None:
    """How a language's names are spelt in Latin letters, where it has its own script (``pinyin`` for Chinese).

    >>> romanization("zh-Hant"), romanization("de")
    ('pinyin', None)
    """
    entry = _entry(code) or {}
    return entry.get("romanization")


def nouns_capitalised(code: str) -> bool:
    """Whether the language writes every noun with a capital (German), so that a capitalised word is no name.

    >>> nouns_capitalised("de-AT"), nouns_capitalised("en")
    (True, False)
    """
    entry = _entry(code) or {}
    return bool(entry.get("nouns_capitalised", False))


def frequent_characters(code: str) -> frozenset[str]:
    """Characters frequent in any text of the language (listed where legacy encodings differ in them): a wrong
    decoding has few."""
    entry = _entry(code) or {}
    return frozenset(entry.get("frequent", ""))


@cache
def frequent_words() -> dict[str, frozenset[str]]:
    """Each language's most frequent words (where ``languages.toml`` lists them), without the words another
    listed language also has (``la`` is French and Spanish): what tells one language's text from another's.

    >>> sorted(frequent_words()["de"])[:3], "la" in frequent_words()["fr"]
    (['aber', 'auch', 'auf'], False)
    """
    listed = {code: frozenset(entry["words"].split()) for code, entry in _names().items() if "words" in entry}
    shared = Counter(word for words in listed.values() for word in words)
    return {code: frozenset(word for word in words if shared[word] == 1) for code, words in listed.items()}


@cache
def language_of_word() -> dict[str, str]:
    """Which language each of :func:`frequent_words` is frequent in (one pass over a text counts them all)."""
    return {word: code for code, words in frequent_words().items() for word in words}


def two_letter_code(language: str) -> str:
    """The two-letter code of a language subtag given in three letters (``deu``: ``de``); others as given.

    >>> two_letter_code("zho"), two_letter_code("de"), two_letter_code("yue")
    ('zh', 'de', 'yue')
    """
    return _three_letter().get(language.lower(), language)


def _entry(code: str) -> dict[str, Any] | None:
    """The table's entry for ``code``: the whole code, its language subtag, or a three-letter code for it.

    >>> _entry("zho-Hant")["english"], _entry("zh-TW")["english"]
    ('Chinese', 'Chinese')
    """
    base = code.split("-")[0].lower()
    return _names().get(code.lower()) or _names().get(base) or _names().get(_three_letter().get(base, ""))


@cache
def _three_letter() -> dict[str, str]:
    return {alias: code for code, entry in _names().items() for alias in entry.get("codes", ())}


@cache
def _names() -> dict[str, dict[str, Any]]:
    text = resources.files(__package__).joinpath("languages.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)
