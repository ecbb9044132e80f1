"""Split a turn into sentences, by its language's :class:`~qa_builder.conventions.SentenceRules`.

The engine knows no language: Chinese ends sentences at ``。！？…`` with no
space after, German at ``. ! ? …`` before a space and a capital, minus
abbreviations and ordinals; both live in ``conventions/<lang>.toml``. A line
break always ends a sentence. Nothing is dropped: the sentences, joined, are
the text without the whitespace between them.
"""

from __future__ import annotations

from functools import cache

import regex

from .conventions import SentenceRules, compiled

__all__ = ["split_sentences"]

_WORD_BEFORE = regex.compile(r"[\p{L}\p{N}.]+$")
_LONGEST_WORD = 40  # how far back to look for the word before a period
_FIRST_WORD = regex.compile(r"[\p{L}\p{N}]+")


def split_sentences(text: str, rules: SentenceRules) -> list[str]:
    """The sentences of ``text``, in order, each stripped of surrounding whitespace.

    >>> from qa_builder.transcripts.conventions import builtin_conventions
    >>> split_sentences("Ja. Am 17. November, z. B. hier? „Gut.“ Dann …", builtin_conventions("de").sentences)
    ['Ja.', 'Am 17. November, z. B. hier?', '„Gut.“', 'Dann …']
    >>> split_sentences("没错。“好啊!”然后……", builtin_conventions("zh").sentences)
    ['没错。', '“好啊!”', '然后……']
    """
    sentences: list[str] = []
    for line in text.split("\n"):
        sentences += _split_line(line, rules)
    return sentences


def _split_line(line: str, rules: SentenceRules) -> list[str]:
    sentences, start = [], 0
    for match in _boundary(rules.end, rules.closing).finditer(line):
        if _ends_sentence(line, match, rules):
            sentences.append(line[start : match.end()].strip())
            start = match.end()
    sentences.append(line[start:].strip())
    return [sentence for sentence in sentences if sentence]


def _ends_sentence(line: str, match: regex.Match[str], rules: SentenceRules) -> bool:
    after = line[match.end() :]
    following = after.lstrip()
    if not following:
        return True
    if rules.space_after and following == after:
        return False
    if rules.next_start and not compiled(rules.next_start).match(following):
        return False
    if match.group("end") == ".":
        word = _WORD_BEFORE.search(line, max(0, match.start() - _LONGEST_WORD), match.start())
        return word is None or not _keeps_period(word.group(), following, rules)
    return True


def _keeps_period(word: str, following: str, rules: SentenceRules) -> bool:
    """Whether the period after ``word`` belongs to it (an abbreviation, an initial, an ordinal)."""
    if word in _abbreviations(tuple(rules.abbreviations)) or (len(word) == 1 and word.isalpha()):
        return True
    next_word = _FIRST_WORD.match(following)
    return word.isdigit() and next_word is not None and next_word.group() in rules.ordinal_before


@cache
def _abbreviations(words: tuple[str, ...]) -> frozenset[str]:
    """Each abbreviation as its last word before the period: "z. B" → "B" is covered by initials."""
    return frozenset(word.split()[-1] if " " in word else word for word in words)


def _boundary(end: str, closing: str) -> regex.Pattern[str]:
    return compiled(rf"(?P<end>{end})(?:{closing})*")
