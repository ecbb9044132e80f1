"""Checks on what parsed but looks wrong: warnings, each at a line, each reviewable (``validate --strict`` fails).

A parse can succeed and still be wrong: a label written a way nobody
declared swallows a speaker's turns, furniture glued into a turn makes it
huge, a file in the wrong language folder parses as well as the right one.
These checks look at the result:

* a declared speaker with no turn in a transcript;
* a transcript with turns but no question–answer exchange;
* a transcript whose text is mostly in another script than its language's;
* a turn many times longer than the transcript's others;
* two translations whose turn counts differ widely;
* a declared label inside a turn after a sentence's end (line breaks lost);
* two translations in which askers and answerers seem swapped (labels mapped the wrong way round).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from statistics import median

import regex

from ..languages import frequent_words, language_name, language_of_word, language_scripts, two_letter_code
from ..models import FUNCTIONS, Exchange, Turn
from .conventions import compiled
from .labels import COLON
from .warnings import Notes

__all__ = ["check_pairs", "check_transcript"]

LONG_TURN_RATIO = 10
"""A turn this many times longer than the median of its transcript's turns is suspicious…"""
LONG_TURN_CHARS = 2_000
"""… if it is also this long."""
SCRIPT_SHARE = 0.5
"""Below this share of letters in the language's script, a transcript is suspicious."""
TURN_COUNT_RATIO = 1.5
"""Two translations whose turn counts differ by this factor …"""
TURN_COUNT_DIFFERENCE = 5
"""… and by at least this many turns are suspicious."""
SWAPPED_SHARE_GAP = 0.3
"""Two translations in which the askers' share of the words lies on opposite sides of one half, this far apart,
look swapped: a translation keeps who says how much (an asker with 20% of one text has about 20% of the other)."""
SWAPPED_MIN_TURNS = 3
"""Asking and answering turns each a transcript needs before its askers' share is compared."""
SPEAKER_SHARE_MIN = 0.01
"""A speaker holding this share of one translation's words, in two turns or more, …"""
SPEAKER_SHARE_RATIO = 3
"""… and under this many times less of another's has lost their words there: a label mapped to someone else."""
OTHER_LANGUAGE_SHARE = 0.08
"""A transcript whose words are this share or more another language's frequent words …"""
OTHER_LANGUAGE_RATIO = 3
"""… and this many times its own language's reads as the other language."""
REPEAT_MIN_CHARS = 40
"""A paragraph this long that stands twice in a transcript, word for word, was pasted twice ("Yes." or "Thank you."
may well be said twice)."""
_NOT_LETTERS = regex.compile(r"\P{L}+")
_WORD = regex.compile(r"\p{L}+")


def check_transcript(
    notes: Notes,
    lang: str,
    turns: Sequence[Turn],
    exchanges: Sequence[Exchange],
    speakers: Sequence[str],
    labels: Sequence[str] = (),
) -> None:
    """Warn (into ``notes``) about what looks wrong in one parsed transcript (``labels``: the declared ones)."""
    if not turns:
        return
    first = turns[0].source.line_start
    present = {turn.speaker for turn in turns}
    for name in speakers:
        if name not in present:
            notes.warn(first, f"{name} is declared in meta.toml but has no turn in this transcript")
    if len(turns) >= 2 and not exchanges:
        notes.warn(first, "no question–answer exchange: no asking turn is followed by an answering one")
    _check_script(notes, lang, turns)
    _check_language(notes, lang, turns)
    _check_lengths(notes, turns)
    _check_run_in(notes, turns, labels)
    _check_repeats(notes, turns)


def _check_repeats(notes: Notes, turns: Sequence[Turn]) -> None:
    """Warn where paragraphs of :data:`REPEAT_MIN_CHARS` or more stand twice, word for word: a passage, or the
    whole transcript, pasted twice."""
    seen: dict[str, Turn] = {}
    repeats: list[tuple[Turn, Turn]] = []
    for turn in turns:
        for paragraph in turn.text.split("\n"):
            if len(paragraph) < REPEAT_MIN_CHARS:
                continue
            if paragraph in seen:
                repeats.append((turn, seen[paragraph]))
            else:
                seen[paragraph] = turn
    if repeats:
        turn, earlier = repeats[0]
        notes.warn(
            turn.source.line_start,
            f"{len(repeats)} paragraph(s) repeat earlier ones word for word, the first in the turn at line "
            f"{turn.source.line_start} that of line {earlier.source.line_start}: pasted twice? — remove the copy",
        )


def _check_run_in(notes: Notes, turns: Sequence[Turn], labels: Sequence[str]) -> None:
    """A declared label and its colon inside a turn, right after a sentence's end: line breaks lost in a copy
    (``Q: Why? A: Because.`` on one line reads as one question)."""
    if not labels:
        return
    pattern = _run_in(tuple(sorted(labels, key=len, reverse=True)))
    for turn in turns:
        found = pattern.search(turn.text)
        if found is not None:
            shown = turn.text[max(0, found.start() - 20) : found.end() + 20].replace("\n", " ")
            notes.warn(
                turn.source.line_start,
                f"the declared label {found['label']!r} stands inside turn {turn.turn_index} after a sentence's "
                f"end (…{shown}…): were line breaks lost? Put each turn on its own line",
            )


@lru_cache(maxsize=64)
def _run_in(labels: tuple[str, ...]) -> regex.Pattern[str]:
    alternatives = "|".join(regex.escape(label) for label in labels)
    after_end = r"(?:(?<=[.!?…][\"”’»)\]]*\s)|(?<=[。！？][」』”）]*))"
    return regex.compile(rf"{after_end}(?P<label>{alternatives})\s*[{COLON}]\s*\S")


def _check_language(notes: Notes, lang: str, turns: Sequence[Turn]) -> None:
    """Warn where a transcript's words are another language's (German text in ``fr.txt``): by the languages'
    frequent words, for the languages ``languages.toml`` lists them for."""
    code = two_letter_code(lang).split("-")[0].lower()
    if code not in frequent_words():
        return
    words = _WORD.findall("\n".join(turn.text for turn in turns).casefold())
    if len(words) < 50:
        return
    of_word = language_of_word()
    counts = Counter(found for word in words if (found := of_word.get(word)) is not None)
    other = max(counts, key=lambda found: (counts[found], found), default=code)
    share, ours = counts[other] / len(words), counts[code] / len(words)
    if other != code and share >= OTHER_LANGUAGE_SHARE and share >= OTHER_LANGUAGE_RATIO * ours:
        notes.warn(
            turns[0].source.line_start,
            f"the turns read as {language_name(other)}, not {language_name(lang)}: {share:.0%} of their words "
            f"are frequent {language_name(other)} words, {ours:.0%} frequent {language_name(lang)} ones — is this "
            f"the {lang} transcript, or is the file named after another language?",
        )


def _check_script(notes: Notes, lang: str, turns: Sequence[Turn]) -> None:
    scripts = language_scripts(lang)
    if not scripts:
        return
    text = "".join(turn.text for turn in turns)
    letters = len(_NOT_LETTERS.sub("", text))
    if letters < 50:
        return
    pattern = "".join(rf"\p{{Script={script}}}" for script in scripts)
    share = len(compiled(rf"[^{pattern}]+").sub("", text)) / letters
    if share < SCRIPT_SHARE:
        notes.warn(
            turns[0].source.line_start,
            f"only {share:.0%} of the turns' letters are in the {' or '.join(scripts)} script expected for '{lang}' "
            f"— is this the {lang} transcript, or is another language's text (an original in comments?) read as turns",
        )


def _check_lengths(notes: Notes, turns: Sequence[Turn]) -> None:
    if len(turns) < 5:
        return
    typical = median(len(turn.text) for turn in turns)
    for turn in turns:
        if len(turn.text) >= LONG_TURN_CHARS and len(turn.text) >= LONG_TURN_RATIO * typical:
            notes.warn(
                turn.source.line_start,
                f"turn {turn.turn_index} is {len(turn.text):,} characters, {len(turn.text) / typical:.0f} times the "
                "median: it may hold furniture or a turn whose label was not recognised",
            )


def check_pairs(turns: Mapping[str, Sequence[Turn]], notes: Mapping[str, Notes]) -> None:
    """Warn where two translations of one interview disagree: turn counts far apart (on the one with more turns),
    who speaks the words swapped (on the one whose askers speak most), or a speaker's words gone from one."""
    langs = sorted(lang for lang in turns if turns[lang])
    for k, a in enumerate(langs):
        for b in langs[k + 1 :]:
            _check_counts(notes, turns, a, b)
            if not _check_roles(notes, turns, a, b):
                _check_speakers(notes, turns, a, b)


def _check_counts(notes: Mapping[str, Notes], turns: Mapping[str, Sequence[Turn]], a: str, b: str) -> None:
    more, fewer = (a, b) if len(turns[a]) >= len(turns[b]) else (b, a)
    counts = {more: len(turns[more]), fewer: len(turns[fewer])}
    if counts[more] - counts[fewer] >= TURN_COUNT_DIFFERENCE and counts[more] > TURN_COUNT_RATIO * counts[fewer]:
        notes[more].warn(
            turns[more][0].source.line_start,
            f"{counts[more]} turns here against {counts[fewer]} in the {fewer} transcript: a translation "
            "that drops this much, or turns split or merged by the parse",
        )


def _check_roles(notes: Mapping[str, Notes], turns: Mapping[str, Sequence[Turn]], a: str, b: str) -> bool:
    """Warn (and say so) where askers and answerers look swapped in one of two translations."""
    shares = {lang: _asking_share(turns[lang]) for lang in (a, b)}
    share_a, share_b = shares[a], shares[b]
    if share_a is None or share_b is None:
        return False
    if (share_a - 0.5) * (share_b - 0.5) >= 0 or abs(share_a - share_b) < SWAPPED_SHARE_GAP:
        return False
    odd, other = (a, b) if share_a > share_b else (b, a)
    notes[odd].warn(
        turns[odd][0].source.line_start,
        f"the askers speak {shares[odd]:.0%} of this transcript's words but {shares[other]:.0%} of the {other} "
        f"transcript's: are the labels swapped here (in the text, or in [languages.{odd}.labels]) or in {other}",
    )
    return True


def _check_speakers(notes: Mapping[str, Notes], turns: Mapping[str, Sequence[Turn]], a: str, b: str) -> None:
    """Warn where a speaker with a fair share of one translation's words has hardly any of the other's: a label
    of theirs mapped to another speaker there (``"Mira Murati" = "Sam Altman"``)."""
    shares = {lang: _speaker_shares(turns[lang]) for lang in (a, b)}
    for speaker in sorted(shares[a].keys() | shares[b].keys()):
        found = {lang: shares[lang].get(speaker, 0.0) for lang in (a, b)}
        most, least = (a, b) if found[a] >= found[b] else (b, a)
        spoken = sum(turn.speaker == speaker for turn in turns[most])
        if found[most] < SPEAKER_SHARE_MIN or spoken < 2 or found[least] * SPEAKER_SHARE_RATIO >= found[most]:
            continue
        notes[least].warn(
            turns[least][0].source.line_start,
            f"{speaker} speaks {found[most]:.0%} of the {most} transcript's words but {found[least]:.0%} of this "
            f"one's: is a label of theirs mapped to another speaker in [languages.{least}.labels], or missing?",
        )


def _speaker_shares(turns: Sequence[Turn]) -> dict[str, float]:
    """Each named speaker's share of the transcript's characters."""
    chars: dict[str, int] = {}
    for turn in turns:
        if turn.speaker is not None:
            chars[turn.speaker] = chars.get(turn.speaker, 0) + len(turn.text)
    total = sum(len(turn.text) for turn in turns)
    return {speaker: count / total for speaker, count in chars.items()} if total else {}


def _asking_share(turns: Sequence[Turn]) -> float | None:
    """The share of the characters of asking and answering turns that asking turns hold (None if too few turns)."""
    chars = {"asks": 0, "answers": 0}
    counts = {"asks": 0, "answers": 0}
    for turn in turns:
        function = FUNCTIONS[turn.role]
        if function:
            chars[function] += len(turn.text)
            counts[function] += 1
    if min(counts.values()) < SWAPPED_MIN_TURNS:
        return None
    return chars["asks"] / (chars["asks"] + chars["answers"])
