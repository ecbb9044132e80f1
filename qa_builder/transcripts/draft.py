"""``qa-builder init``: a first meta.toml drafted from the transcripts in a folder, each guess with its evidence.

Writing meta.toml by hand took maintainers minutes per interview and several
rejected attempts. The draft reads each ``<lang>.txt`` the way the parser will
(markup, regions, paragraph layout) and proposes:

* the speaker labels: label-shaped starts of paragraphs (in bold, or shaped
  like a name, or a short word such as ``Q``) that recur, or are printed in
  bold; variants of one speaker clustered (a typo such as ``Altmann`` beside
  ``Altman`` becomes a corrected label, a surname beside the full name the same
  speaker), each with how often it occurs and its first line;
* each speaker's role, guessed from the label (``Q``, ``F``, ``记者`` ask; a
  ``Präsidentin`` chairs; names answer) — the guess a maintainer checks first;
* the layout (labels, or questions in bold), the paragraph mode and the markup
  it found, where the turns start and what furniture it saw.

The maintainer then confirms names and roles; every guess is a comment away.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from ..models import FUNCTIONS, Role
from .conventions import PARAGRAPH_RULES, Conventions, builtin_conventions
from .exchanges import QUESTION_END
from .fields import field_line
from .labels import (
    ALONE_NAME,
    ARTICLES,
    BRACKETED_TIME,
    COLON,
    COLONS,
    DASHES,
    GAP,
    PARTICLES,
    SHORT_LABEL,
    TABLE_ROW,
    dash_marker,
    gapped_labels,
    label_words,
    near_label,
    numbered_speaker,
    recurring_starts,
    role_phrase,
    timed_label,
    titled_label,
    undeclared_label,
    without_asides,
)
from .markup import Markup, detect, strip
from .pages import without_line_numbers
from .paragraphs import Paragraph, paragraph_mode, paragraphs
from .read import Line, decode, guess_encoding, split_lines, utf16_without_bom
from .regions import cue_lines, find_regions
from .setoff import Emphasis, SetOff, heading_level, set_off_questions

__all__ = ["Candidate", "draft_meta", "write_draft"]

_LABEL_START = regex.compile(rf"^(?P<label>[^\s{COLON}][^{COLON}]{{0,150}}?)\s*(?:{'|'.join(COLONS)})\s*(?P<text>.*)$")
_NEVER = regex.compile(r"^$")


@dataclass(slots=True)
class Candidate:
    """A label-shaped start found in a transcript: how often, where first, in bold or not."""

    label: str
    count: int = 0
    first_line: int = 0
    bold: int = 0
    speaker: str = ""
    role: Role = "interviewee"
    reason: str | None = None
    variants: list[str] = field(default_factory=list)
    separator: str = ""
    """What follows the label when it is not a colon (``.`` in ``Senator Vance. …``)."""
    questions: int = 0
    """How many of its turns hold a question mark (in their first paragraph)."""

    @property
    def asks_at_all(self) -> bool:
        """Some turn of it asks, or it speaks once (too little to tell)."""
        return self.questions > 0 or self.count < 2

    @property
    def mostly_asks(self) -> bool:
        """Most of its turns (two at least) ask something: a masthead (``ZEIT ONLINE:``) or a host by name."""
        return self.count >= 2 and self.questions * 2 >= self.count


@dataclass(slots=True)
class _Reading:
    lang: str
    encoding: str | None
    markup: Markup
    mode: str
    paragraphs: list[tuple[Paragraph, str, bool, str]]
    """Each paragraph with its plain text, whether it is wholly bold, and the text of a bold start."""
    regions: int
    asides: set[int] = field(default_factory=set)
    """First lines of paragraphs the markup says are captions, headings or links: never labels."""
    cues: int = 0
    """A subtitle file's cue lines (number and time range), left out before reading the labels."""
    set_off: SetOff | None = None
    """The paragraphs set off as questions (in bold, as headings, in italics), read where no label is found."""


def write_draft(folder: Path, *, print_only: bool = False) -> str:
    """Draft ``folder``'s meta.toml and write it there (never over an existing one); the draft's text."""
    from ..errors import LayoutError, OutputError
    from ..outdir import write_file

    if folder.is_file():
        raise LayoutError(
            "is a file, not the interview folder", path=folder, hint=f"give the folder that holds it: {folder.parent}"
        )
    if not folder.is_dir():
        raise LayoutError("no such folder", path=folder, hint="give the interview folder that holds its <lang>.txt")
    if not any(folder.glob("*.txt")):
        raise LayoutError("no <lang>.txt transcripts in the folder", path=folder, hint="put the transcripts in it")
    text = draft_meta(folder)
    target = folder / "meta.toml"
    if not print_only:
        if target.exists():
            raise OutputError(
                "meta.toml exists already", path=target, hint="move it away first, or use --print to see the draft"
            )
        write_file(target, text, hint="make the folder writable, or see the draft with --print")
    return text


def draft_meta(folder: Path) -> str:
    """The text of a meta.toml for the transcripts in ``folder`` (``<lang>.txt``), guesses commented."""
    readings = [_read(path) for path in sorted(folder.glob("*.txt"))]
    drafted = [(reading, _candidates(reading)) for reading in readings]
    lines = _header(folder, drafted)
    speakers: dict[str, Role] = {}
    sections: list[str] = []
    found = _same_role_words(drafted)
    for reading, candidates in found:
        for candidate in candidates:
            speakers.setdefault(candidate.speaker, candidate.role)
        sections += _language(reading, candidates)
    bold_layout = [r for r in readings if not _candidates(r) and r.set_off is not None]
    if bold_layout:
        speakers.setdefault("INTERVIEWER", "interviewer")
        speakers.setdefault("INTERVIEWEE", "interviewee")
    lines += ["", "# Who speaks, and their role (asks: interviewer, host, questioner, audience; answers: interviewee,"]
    lines += ["# guest, respondent; neither: moderator, chair). Guessed from the labels: check each one."]
    lines += ["[speakers]", *(f"{_key(name)} = {_string(role)}" for name, role in speakers.items())]
    return "\n".join([*lines, *sections]) + "\n"


def _same_role_words(
    found: list[tuple[_Reading, list[Candidate]]],
) -> list[tuple[_Reading, list[Candidate]]]:
    """Translations label one interviewer with their own language's word (``Q`` in en, ``F`` in de, ``P`` in es):
    where every transcript has exactly one role-word speaker who asks (or answers), they are one speaker, named as
    in the first transcript."""
    for function in ("asks", "answers"):
        chosen = [_role_word_speakers(candidates, function) for _, candidates in found]
        present = [names for names in chosen if names]
        if len(present) < 2 or any(len(names) != 1 for names in present):
            continue
        name = next(iter(present[0]))
        for (_, candidates), names in zip(found, chosen, strict=True):
            for candidate in candidates:
                if candidate.speaker in names:
                    candidate.speaker = name
    return found


def _role_word_speakers(candidates: list[Candidate], function: str) -> set[str]:
    return {c.speaker for c in candidates if FUNCTIONS[c.role] == function and _short_role_word(c.speaker)}


def _read(path: Path) -> _Reading:
    data = path.read_bytes()
    lang = path.stem
    try:
        text, encoding = decode(data, str(path), lang=lang), None
    except Exception:  # noqa: BLE001 - any file the strict decoder refuses is drafted with a guessed encoding
        encoding = utf16_without_bom(data) or guess_encoding(data, lang)
        text = data.decode(encoding, errors="replace")
    markup = detect(text)
    lines, regions = find_regions(without_line_numbers(split_lines(text, str(path))))
    rest = _without_cues(lines)
    recurring = _recurring_starts(rest)
    first = next((k for k, line in enumerate(rest) if recurring.match(line.text)), None)
    if first is None:
        first = next((k for k, line in enumerate(rest) if SHORT_LABEL.match(line.text)), 0)
    mode = paragraph_mode(rest[first:], recurring)  # the turns' layout, not the masthead's
    found = []
    asides = set()
    emphasis = []
    for paragraph in paragraphs(rest, recurring, mode, builtin_conventions(lang).suspended()):
        marked = strip(paragraph.text, markup)
        if marked.shape in ("caption", "heading", "link"):  # a figure's caption is no turn, whatever it starts with
            asides.add(paragraph.line_start)
        found.append((paragraph, marked.text, marked.bold, marked.bold_start))
        heading = marked.shape == "heading" or heading_level(paragraph.text) > 0
        emphasis.append(Emphasis(paragraph.text, marked.text, marked.bold, marked.italic, heading))
    cues = len(lines) - len(rest)
    return _Reading(lang, encoding, markup, mode, found, len(regions), asides, cues, set_off_questions(emphasis))


def _recurring_starts(lines: list[Line]) -> regex.Pattern[str]:
    """Label-shaped line starts that recur (``LT:`` and ``Ahlke:`` in a file without blank lines), not the
    masthead's fields printed once (``Quelle:``, ``Datum:``): where the turns start, and where a paragraph does
    in whatever layout."""
    recurring = sorted(recurring_starts(line.text for line in lines), key=len, reverse=True)
    if not recurring:
        return _NEVER
    keys = "|".join(map(regex.escape, recurring))
    return regex.compile(rf"^(?:{keys})(?:\s+(?:{BRACKETED_TIME}))?\s*(?:{'|'.join(COLONS)})")


def _without_cues(lines: list[Line]) -> list[Line]:
    """The lines without a subtitle file's cue lines (``7`` and ``00:00:41,120 --> 00:00:44,300`` above each cue's
    text, as SRT and WebVTT print them), so the label on the cue's text line is seen."""
    cues = cue_lines(lines)
    return [line for line, cue in zip(lines, cues, strict=True) if not cue]


def _candidates(reading: _Reading) -> list[Candidate]:
    """The labels of a transcript: label-shaped starts that recur or are in bold, variants clustered."""
    conventions = builtin_conventions(reading.lang)
    found = _labelled_starts(reading, conventions)
    for candidate in _alone_candidates(reading):
        found.setdefault(candidate.label, candidate)
    strong = [c for c in found.values() if c.count >= 2 or c.bold or _short_role_word(c.label)]
    periods = _period_candidates(reading, conventions)
    roles = _role_words(conventions)
    letters = [c for c in periods if (len(c.label) == 1 or c.label in roles) and c.label not in found]
    extra = _dash_candidates(reading) + _enclosed_candidates(reading) + _table_candidates(reading)
    if not strong and not (letters and found):  # only labels printed with a period (``Pregunta.`` then ``P.``)
        return sorted(periods + extra, key=lambda c: c.first_line)
    for letter in letters:  # a deposition: "Q." and "A." between "MR. HALVORSEN:" and "THE WITNESS:"; El País:
        found[letter.label] = letter  # "Pregunta." then "P." below a headline "Name: “…”"
    strong += letters
    start = min(c.first_line for c in strong)  # the turns start here: every label-shaped start after it is one
    shorts = {c.label for c in strong}
    kept = [
        c
        for c in found.values()
        if c in strong
        or c.first_line > start
        or any(_same_person(c.label, s.label) for s in strong)
        or _short_form(c.label) in shorts
    ]  # "Jörg Kallweit:" once before "Kallweit:" recurs, "MARCUS DELL, CNN ANCHOR:" before "DELL:"
    clustered = _shortened(_initials(_cluster(kept, conventions), conventions))
    return sorted(clustered + extra, key=lambda c: c.first_line)


def _labelled_starts(reading: _Reading, conventions: Conventions) -> dict[str, Candidate]:
    """Every label-shaped start of a paragraph up to the site's footer, counted (a label wrapped over two lines,
    ``… und`` / ``Forschung:``, joined)."""
    found: dict[str, Candidate] = {}
    before, before_end = "", 0
    footer = conventions.compiled("footer_start")
    gapped = _gapped(reading, conventions)
    for k, (paragraph, text, _, bold_start) in enumerate(reading.paragraphs):
        if found and footer is not None and footer.match(text):
            break  # the site's footer: its "Topic: headline" links are not speakers
        label = None
        if paragraph.line_start not in reading.asides:
            label = _label(text, bold_start, conventions, paragraph.first_line, gapped)
        wrapped = before and paragraph.line_start == before_end + 1 and not _LABEL_START.match(before)
        if label is not None and wrapped and not _ends_sentence(before, conventions):
            joined = _label(f"{before} {text}", "", conventions)
            label = joined if joined == f"{before} {label}" else label
        before, before_end = text, paragraph.line_end
        if label is not None:
            candidate = found.setdefault(label, Candidate(label, first_line=paragraph.line_start))
            candidate.count += 1
            candidate.bold += bool(bold_start)
            candidate.questions += _asks(text.partition(label)[2], reading.paragraphs[k + 1 : k + 2])
    return found


_SHORT_FORM = regex.compile(
    r"[（(]\s*(?:以下簡稱|以下简称|以下稱|以下称|下稱|下称|簡稱|简称|이하)?\s*(?P<short>[^()（）\s]{1,6})\s*[)）]$"
)
"""A name's first label with the short form its later labels use: ``林佩瑜（以下簡稱林）``, ``서미경(서)``."""


def _short_form(label: str) -> str | None:
    found = _SHORT_FORM.search(label)
    return found["short"] if found is not None and found.start() > 0 else None


def _shortened(candidates: list[Candidate]) -> list[Candidate]:
    """A name printed once with its short form, then the short form alone, is one speaker: the name's, in the role
    the short form's many turns tell."""
    by_label = {c.label: c for c in candidates}
    for full in candidates:
        short = by_label.get(_short_form(full.label) or "")
        if short is not None and short is not full:
            full.role, short.speaker = short.role, full.speaker
    return candidates


_TABLE_START = regex.compile(rf"^{TABLE_ROW}\s+(?P<label>[\p{{L}}\p{{N}}_.\-]{{1,16}})\s+\S")


def _table_candidates(reading: _Reading) -> list[Candidate]:
    """The speaker column of a transcript table saved as text (``12⇥00:01:30⇥R⇥…``, the tabs read as spaces)."""
    return _line_start_candidates(reading, _TABLE_START, lambda label: label)


_ENCLOSED_START = regex.compile(
    rf"^[{DASHES}]?\s?(?P<label>\(\p{{Lu}}[\p{{Lu}}\p{{M}}'’.\-]*(?:,?\s+\p{{Lu}}[\p{{Lu}}\p{{M}}'’.\-]*){{0,3}}\))\s+\S"
)


def _enclosed_candidates(reading: _Reading) -> list[Candidate]:
    """Names in capitals and parentheses before the words, as Spanish subtitles print the speaker (``(ROSA) …``,
    ``(LUCÍA, EN OFF) …``), in a subtitle file (a sound in capitals, ``(MÚSICA)``, stands alone; ``(LAUGHTER)`` is
    the language's interjection)."""
    if not reading.cues:
        return []
    sounds = builtin_conventions(reading.lang).inline("interjection")
    return _line_start_candidates(
        reading,
        _ENCLOSED_START,
        lambda label: label.strip("()").partition(",")[0].strip(),
        lambda label: sounds is not None and sounds.fullmatch(label) is not None,
    )


def _line_start_candidates(
    reading: _Reading,
    pattern: regex.Pattern[str],
    speaker: Callable[[str], str],
    ignored: Callable[[str], bool] = lambda label: False,
) -> list[Candidate]:
    """The labels ``pattern`` finds at line starts (its group ``label``), where two of them start two lines or more
    each; a label whose lines mostly ask is the interviewer's."""
    found: dict[str, Candidate] = {}
    for paragraph, _, _, _ in reading.paragraphs:
        if timed_label(paragraph.first_line) is not None:
            continue  # "00:01:33 Tobias Wren" alone on its line, the words below: a timed label, read by _label
        for line in paragraph.text.split("\n"):
            match = pattern.match(line)
            if match is not None and not ignored(match["label"]):
                candidate = found.setdefault(match["label"], Candidate(match["label"], first_line=paragraph.line_start))
                candidate.count += 1
                candidate.questions += "?" in line or "？" in line
    if sum(c.count >= 2 for c in found.values()) < 2:
        return []
    for candidate in found.values():
        candidate.speaker = speaker(candidate.label)
        candidate.role = "interviewer" if candidate.mostly_asks else "interviewee"
    return list(found.values())


_DASH_START = regex.compile(rf"^(?P<dash>[{DASHES}]{{1,4}})(?![{DASHES}])\s*(?P<text>\S.*)$")


def _dash_candidates(reading: _Reading) -> list[Candidate]:
    """Questions that open with a dash and no name (``――いつですか？``, an English edition's ``— When…?``) while
    the answers do not: the interviewer's label, a dash. A third of them must ask with a question mark (Japanese
    asks as often with ``…てください。``). Where every line of dialogue opens with a dash, as Russian prints it,
    the answers do too, and the dash says nothing."""
    found: dict[str, Candidate] = {}
    for paragraph, text, _, _ in reading.paragraphs:
        match = _DASH_START.match(text)
        if match is not None:
            candidate = found.setdefault(match["dash"], Candidate(match["dash"], first_line=paragraph.line_start))
            candidate.count += 1
            candidate.questions += "?" in text or "？" in text
    plain = len(reading.paragraphs) - sum(c.count for c in found.values())
    dashes = [c for c in found.values() if c.label.strip("-")]  # a hyphen opens a list's item, not a question
    marking = [c for c in dashes if c.count >= 2 and c.questions * 3 >= c.count and plain >= c.count]
    for candidate in marking:
        candidate.speaker, candidate.role = "INTERVIEWER", "interviewer"
        candidate.reason = None
    return marking


_NAME_PARAGRAPH = regex.compile(
    r"^\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.\-]*|\p{Ll}{1,3})){1,3}(?<![.!?])$"
)
"""A paragraph that is a name and nothing else, in any case, of two words at least (``Thomas Gale``, ``Ana de
Souza``; one word, ``Right``, is a reply), ending in no sentence's mark."""


_NAME_PARAGRAPH_MAX = 40
"""The longest paragraph read as a name alone (``Thomas Gale``); longer, it says something."""


def _alone_candidates(reading: _Reading) -> list[Candidate]:
    """Names alone on their line with the text on the next line (a script: ``MARIA LOPEZ``), or alone in their
    paragraph with the text in the next (an earnings call: ``Thomas Gale``), two names at least twice each; a
    name alone in its paragraph once, after the turns start, speaks too."""
    scripted, paragraphed = _script_names(reading), _paragraph_names(reading)
    found = {**paragraphed, **scripted}
    recurring = [c for c in found.values() if c.count >= 2]
    if len(recurring) < 2:
        return []
    start = min(c.first_line for c in recurring)
    return [
        c
        for c in found.values()
        if c in recurring
        or any(_same_person(c.label, r.label) for r in recurring)
        or (c.label in paragraphed and c.first_line > start and not c.label.isupper())
    ]


def _script_names(reading: _Reading) -> dict[str, Candidate]:
    """Names alone on their line, the text on the lines below (``MARIA LOPEZ``)."""
    found: dict[str, Candidate] = {}
    paragraphs = reading.paragraphs
    for k, (paragraph, text, _, _) in enumerate(paragraphs):
        after = paragraphs[k + 1][0] if k + 1 < len(paragraphs) else None
        below = bool(paragraph.starts) or (after is not None and after.line_start == paragraph.line_end + 1)
        first = paragraph.first_line.strip("*_ ")
        script = ALONE_NAME.match(first) if below and paragraph.line_start not in reading.asides else None
        if script is not None:
            rest = text[len(first) :] if paragraph.starts else paragraphs[k + 1][1]
            _count(found, script["label"], paragraph.line_start, rest)
    return found


def _paragraph_names(reading: _Reading) -> dict[str, Candidate]:
    """Names alone in their paragraph (or a role word of the conventions, ``Operator``), a paragraph of words after
    them (not another name: a list of people)."""
    conventions = builtin_conventions(reading.lang)
    roles = {*_role_words(conventions), *conventions.chairing_labels}

    def named(text: str) -> bool:
        return len(text) <= _NAME_PARAGRAPH_MAX and (_NAME_PARAGRAPH.match(text) is not None or text in roles)

    found: dict[str, Candidate] = {}
    paragraphs = reading.paragraphs
    for k, (paragraph, text, _, _) in enumerate(paragraphs[:-1]):
        after = paragraphs[k + 1]
        apart = after[0].line_start > paragraph.line_end + 1 and not paragraph.starts
        if apart and paragraph.line_start not in reading.asides and named(text) and not named(after[1]):
            _count(found, text, paragraph.line_start, after[1])
    return found


def _count(found: dict[str, Candidate], label: str, line: int, rest: str) -> None:
    candidate = found.setdefault(label, Candidate(label, first_line=line))
    candidate.count += 1
    candidate.questions += QUESTION_END.search(rest) is not None


PERIOD_LABELS_MIN = 3
"""Paragraphs that must start with a title, a name and a period before ``init`` reads them as labels."""


def _period_candidates(reading: _Reading, conventions: Conventions) -> list[Candidate]:
    """Labels printed with a period, as hearings print them (``Senator Vance. …``, ``The Chairman. …``):
    a title from the conventions' ``honorifics``, up to three capitalised words, a period; or the role words and
    letters of a printed Q&A (``P. …`` / ``R. …``, ``Pregunta. …``), two of them at least twice each."""
    titled: dict[str, Candidate] = {}
    roles: dict[str, Candidate] = {}
    pattern = _period_label(conventions)
    for k, (paragraph, text, _, _) in enumerate(reading.paragraphs):
        if (match := pattern.match(text)) is None:
            continue
        label = match["titled"] or match["role"]
        found = titled if match["titled"] else roles
        candidate = found.setdefault(label, Candidate(label, first_line=paragraph.line_start, separator="."))
        candidate.count += 1
        candidate.questions += _asks(text[len(label) + 1 :], reading.paragraphs[k + 1 : k + 2])
    paired = [c for c in roles.values() if c.count >= 2]
    if len(paired) < 2:  # one recurring "A." is a list item or an initial: asking and answering come in pairs
        paired = []
    words = [c for c in roles.values() if c not in paired and c.label in _role_words(conventions)]
    kept = [*titled.values(), *paired, *(words if paired else [])]
    if sum(c.count for c in kept) < PERIOD_LABELS_MIN:
        return []
    return _initials(_cluster(kept, conventions), conventions)


def _initials(candidates: list[Candidate], conventions: Conventions) -> list[Candidate]:
    """A role word and its initial are one speaker: "Pregunta." the first time, "P." after it."""
    words = _role_words(conventions)
    letters = {c.label: c for c in candidates if len(c.label) == 1}
    for word in candidates:
        letter = letters.get(word.label[0]) if len(word.label) > 1 and word.label in words else None
        if letter is not None:
            word.speaker, word.role = letter.speaker, letter.role
    return candidates


def _role_words(conventions: Conventions) -> set[str]:
    return {*conventions.asking_labels, *conventions.answering_labels}


@lru_cache(maxsize=32)
def _period_label_pattern(titles: tuple[str, ...], roles: tuple[str, ...]) -> regex.Pattern[str]:
    role = "|".join([*roles, r"\p{Lu}{1,2}"])
    return regex.compile(rf"^(?:(?P<titled>{titled_label(titles)})|(?P<role>{role}))\.\s+\S")


def _period_label(conventions: Conventions) -> regex.Pattern[str]:
    """Titles, then the asking and answering words, then one or two capitals, each followed by a period."""

    def escaped(words: Iterable[str]) -> tuple[str, ...]:
        return tuple(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))

    return _period_label_pattern(escaped(conventions.honorifics), escaped(_role_words(conventions)))


def _gapped(reading: _Reading, conventions: Conventions) -> set[str]:
    """The role letters the file prints before a gap, not a colon (``Q    Thanks, Dana.``)."""
    roles = [*conventions.asking_labels, *conventions.answering_labels, *conventions.audience_labels]
    return set(gapped_labels(roles, (text for _, text, _, _ in reading.paragraphs)))


def _label(
    text: str, bold_start: str, conventions: Conventions, first_line: str = "", gapped: Collection[str] = ()
) -> str | None:
    """The label ``text`` starts with, if any; ``gapped`` are the role letters the file prints before a gap
    (:func:`~.labels.gapped_labels`: ``Q    Thanks, Dana.`` in a briefing, ``A    Yes.`` in a deposition)."""
    roles = (*conventions.asking_labels, *conventions.answering_labels, *conventions.audience_labels)
    word = text.split(maxsplit=1)[0] if text.strip() else ""
    if word in gapped and regex.match(rf"{regex.escape(word)}{GAP}", text):
        return word
    match = _LABEL_START.match(text)
    timed = timed_label(first_line) if first_line else None
    if (match is None and timed is None) or any(
        (pattern := conventions.compiled(kind)) is not None and pattern.match(text)
        for kind in (*PARAGRAPH_RULES, "credit")
    ):
        return None
    word = _NUMBERED.sub("", match["label"]) if timed is None and match is not None else ""
    if word in roles:
        return word  # "A:" (or "A1:") is an answer's label although "A" starts sentences too
    shaped = undeclared_label(
        text,
        bold_start=bold_start,
        declared=[],
        names=[],
        not_labels=conventions.not_labels,
        separators=(),
        first_line=first_line,
        roles=conventions.audience_labels,
        posts=conventions.posts(),
    )
    return shaped[0] if shaped is not None else None


_SENTENCE_DONE = regex.compile(r"(?P<word>\p{L}+)\.$|[!?…。！？]$")


def _ends_sentence(line: str, conventions: Conventions) -> bool:
    """Whether a line ends a sentence, not with a title's abbreviation (``Prof.``, ``Vors.``): the label on the next
    line is then no label wrapped over two lines."""
    found = _SENTENCE_DONE.search(line)
    if found is None:
        return False
    titles = {word.casefold().rstrip(".") for word in (*conventions.honorifics, *_role_words(conventions))}
    titles |= {word.casefold().rstrip(".") for word in conventions.chairing_labels}
    return found["word"] is None or found["word"].casefold() not in titles


_NUMBERED = regex.compile(r"(?<=^[^\s\d]{1,3})\d{1,3}$")
"""The number after a short label (``A1``): the label is ``A``."""


def _asks(rest: str, following: Sequence[tuple[Paragraph, str, bool, str]]) -> bool:
    """Whether a turn's text after its label holds a question mark (the next paragraph's, for a label alone)."""
    if sum(char.isalpha() for char in rest) < 2 and following:
        rest = following[0][1]
    return QUESTION_END.search(rest) is not None


def _short_role_word(label: str) -> bool:
    return len(label) <= 2


def _cluster(candidates: list[Candidate], conventions: Conventions) -> list[Candidate]:
    """Group variants of one speaker: a typo of a more frequent label, or a surname of a full name."""
    ordered = sorted(candidates, key=lambda c: (-c.count, c.first_line))
    kept: list[Candidate] = []
    for candidate in ordered:
        main = next((k for k in kept if near_label(candidate.label, [k.label]) is not None), None)
        if main is not None and candidate.count < main.count:
            candidate.speaker, candidate.role = main.speaker, main.role
            candidate.reason = f"a misspelling of {main.label!r}?"
        else:
            name = _speaker_name(candidate.label, ordered, conventions)
            full = next((k for k in kept if _same_person(candidate.label, k.label) or k.speaker == name), None)
            candidate.speaker = full.speaker if full else name
            candidate.role = full.role if full else _role(candidate, conventions)
        kept.append(candidate)
    return sorted(_chairs(_same_post(kept, conventions), conventions), key=lambda c: c.first_line)


def _chairs(candidates: list[Candidate], conventions: Conventions) -> list[Candidate]:
    """A speaker one of whose labels names the chair's post (``Lea Brandt (Moderation)`` once, ``Brandt`` after it)
    chairs under every label."""
    chairing = {c.speaker for c in candidates if _role(c, conventions) == "chair"}
    for candidate in candidates:
        candidate.role = "chair" if candidate.speaker in chairing else candidate.role
    return candidates


def _same_person(label: str, other: str) -> bool:
    """``Müller`` and ``Henrike Müller``: one label is the last word(s) of the other, titles after a comma and
    asides in brackets left out (``MARCUS DELL, CNN ANCHOR`` and ``DELL (voice-over)`` are ``DELL``); or one word
    is the first of a name of two or three, a surname printed first or a first name (``Chen`` and ``Chen Yu-lan``).

    >>> _same_person("Chen", "Chen Yu-lan"), _same_person("DELL (voice-over)", "MARCUS DELL, CNN ANCHOR")
    (True, True)
    """
    a, b = _bare_name(label).split(), _bare_name(other).split()
    if a == b and label != other:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if not short or len(long) <= len(short) or len(short[0]) < 3:
        return False
    return long[-len(short) :] == short or (len(short) == 1 and len(long) <= 3 and long[0] == short[0])


def _bare_name(label: str) -> str:
    return without_asides(label).partition(",")[0].strip()


def _speaker_name(label: str, candidates: Sequence[Candidate], conventions: Conventions) -> str:
    """The fullest form of the name among the candidates (``Henrike Müller`` for ``Müller``), without a title,
    a party or a post (``Vizepräsidentin Dr. Anna Lenz`` → ``Dr. Anna Lenz``, ``Max Roth (SPD)`` → ``Max Roth``)."""
    longer = [c.label for c in candidates if _same_person(label, c.label) and len(c.label) > len(label)]
    name = max(longer, key=len) if longer else label
    name = regex.split(r"\s*[,(（]", name, maxsplit=1)[0].strip() or name
    words = name.split()
    named, post = _after_post(label_words(name), conventions)
    if post is not None:  # "M. le président Laurent Verdier" → "Laurent Verdier"
        return " ".join(named)
    titled = len(words) > 1 and _role_word(words[0], conventions) is not None and not numbered_speaker(name)
    return " ".join(words[1:]) if titled else name


def _after_post(words: Sequence[str], conventions: Conventions) -> tuple[Sequence[str], str | None]:
    """A label's words after a title, an article and a post in lower case, where a name follows them (``M. le
    président Laurent Verdier``: ``Laurent Verdier`` and ``président``); else the words, and None."""
    titles = {title.casefold() for title in conventions.honorifics}
    k = 1 if words and words[0].rstrip(".").casefold() in titles else 0
    k += k < len(words) and words[k].casefold() in ARTICLES
    post = words[k] if k + 1 < len(words) else ""
    if post[:1].islower() and post not in PARTICLES and words[k + 1][:1].isupper():  # "M. de Villepin" is a name
        return words[k + 1 :], post
    return words, None


def _post_only(label: str, conventions: Conventions) -> str | None:
    """The post a label names instead of a person, after a title and an article (``Mme la rapporteure``)."""
    words = label_words(label)
    titles = {title.casefold() for title in conventions.honorifics}
    if len(words) == 3 and words[0].rstrip(".").casefold() in titles and words[1].casefold() in ARTICLES:
        return words[2].casefold() if words[2][:1].islower() else None
    return None


def _same_post(candidates: list[Candidate], conventions: Conventions) -> list[Candidate]:
    """``Mme la rapporteure`` is whoever is printed with that post after their name (``Mme Claire Lemarchand,
    rapporteure``): one speaker."""
    posts = {label.partition(",")[2].strip().casefold(): c for c in candidates if "," in (label := c.label)}
    for candidate in candidates:
        post = _post_only(candidate.label, conventions)
        if post is not None and post in posts:
            candidate.speaker, candidate.role = posts[post].speaker, posts[post].role
    return candidates


def _role_word(word: str, conventions: Conventions) -> Role | None:
    """The role a label's first word names (``FRAGE`` in ``FRAGE BRANDNER``, ``Vors.``), in any case."""
    folded = word.casefold()
    table: tuple[tuple[Role, list[str]], ...] = (
        ("chair", conventions.chairing_labels),
        ("interviewer", conventions.asking_labels),
        ("interviewee", conventions.answering_labels),
    )
    for role, words in table:
        if folded in (known.casefold() for known in words):
            return role
    return None


def _role(candidate: Candidate, conventions: Conventions) -> Role:
    """A guess from the label and its turns: a question word, a publication's name or mostly questions ask, a chair's
    title chairs, a name answers."""
    label = candidate.label
    if role_phrase(label, conventions.audience_labels):  # "From the audience", "Dal pubblico"
        return "audience"
    words = label.removeprefix("The ").split()  # "The Chairman" as hearings print it
    posts = [_after_post(_bare_name(label).split(), conventions)[1], _post_only(label, conventions)]
    posts.append(label.partition(",")[2].strip() or None)  # "Mme Anne Morel, rapporteure"
    posts.append(regex.sub(r"^.*[(（]([^()（）]+)[)）]$", r"\1", label) if label.endswith((")", "）")) else None)
    found = [_role_word(word, conventions) for word in (*posts, words[0] if words else None) if word]
    named = next((role for role in found if role), None) if words and not numbered_speaker(label) else None
    if named is not None and (named != "interviewee" or len(words) == 1):
        return named
    wide = [word for word in conventions.asking_labels if not word.isascii() and len(word) >= 2]
    if any(label.endswith(word) and label != word for word in wide):  # an outlet's 记者 asks; a 顾问 does not
        return "interviewer"
    masthead = label.isupper() and len(label) > 1 and label.isalpha()  # SPIEGEL, unless it never asks
    if label in conventions.asking_labels or candidate.mostly_asks or (masthead and candidate.asks_at_all):
        return "interviewer"
    return "interviewee"


def _header(folder: Path, drafted: Sequence[tuple[_Reading, list[Candidate]]]) -> list[str]:
    texts = [text.lstrip("# ").strip() for reading, found in drafted[:1] for text in _masthead(reading, found)]
    first = next(
        (text for text in texts if _headline(text)), next((t for t in texts if t and _titled_line(t)), folder.name)
    )
    files = ", ".join(reading.lang + ".txt" for reading, _ in drafted)
    return [
        f"# meta.toml for {folder.name}, drafted by `qa-builder init` from {files}.",
        "# Check every guess (marked with #?), fill in what it could not know, then run `qa-builder validate`.",
        "",
        f"title = {_string(first[:200])}  #? the first headline-like line of the first transcript",
        '# publisher = "…"      (fill in: who published the interview)',
        '# url = "https://…"    (fill in: where the original is)',
        "# published = 2024-01-31  (fill in: a date without quotes)",
        '# license = "other"   (a Hub licence id; with "other", say the terms in license_note)',
    ]


_TITLE_LINES = 12
_BREADCRUMB = regex.compile(r"\s[>›»/|·•]\s")
_DATE = regex.compile(r"\d{4}\s*[-./年]\s*\d{1,2}|\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*\d{2,4}|\d{1,2}:\d{2}")


def _masthead(reading: _Reading, candidates: Sequence[Candidate]) -> list[str]:
    """The lines where the title may be: those of the first few paragraphs before the turns (a masthead's lines
    are no wrapped paragraph, whatever the turns' layout), without a header's fields (two ``key: value`` lines or
    more in a row: ``Quelle: …`` / ``Datum: …``)."""
    start = min((c.first_line for c in candidates), default=None)
    found = [
        (number, line)
        for paragraph, _, _, _ in reading.paragraphs[:_TITLE_LINES]
        if start is None or paragraph.line_start < start
        for number, line in _numbered_lines(paragraph, reading.markup)
    ]
    field = [field_line(text) for _, text in found]
    adjacent = [k > 0 and found[k][0] == found[k - 1][0] + 1 for k in range(len(found))]
    in_run = [
        field[k] and ((adjacent[k] and field[k - 1]) or (k + 1 < len(found) and adjacent[k + 1] and field[k + 1]))
        for k in range(len(found))
    ]
    kept = [text for (_, text), run in zip(found, in_run, strict=True) if not run]
    return kept or [text for _, text, _, _ in reading.paragraphs[:1]]


def _numbered_lines(paragraph: Paragraph, markup: Markup) -> list[tuple[int, str]]:
    """A paragraph's lines without their markup, each with its line number."""
    numbers = [paragraph.line_start, *(number for _, number in paragraph.starts)]
    return [(number, strip(line, markup).text) for number, line in zip(numbers, paragraph.lines, strict=False)]


def _headline(text: str) -> bool:
    """A line that may be the title: not a breadcrumb (``新京报 > 文化``), a dateline or one word (``Transcript``),
    and no sentence."""
    words = len(text.split()) + sum(1 for char in text if "\u4e00" <= char <= "\u9fff") // 2
    sentence = text.endswith((".", "。")) and not text.endswith(("...", "…"))
    return 2 <= words and len(text) <= 200 and not sentence and not _BREADCRUMB.search(text) and _titled_line(text)


def _titled_line(text: str) -> bool:
    """A line that can name an interview at all: no date or time code, no sound in brackets (``[gentle guitar
    music]``), no "3 days ago"."""
    return not _DATE.search(text) and not _NO_TITLE.search(text)


_NO_TITLE = regex.compile(
    r"^[\[(（【].*[\])）】]$|\b\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b"
    r"|\bvor\s+\d+\s+(?:Sekunden|Minuten|Stunden|Tagen|Wochen|Monaten|Jahren)\b|\d+\s*(?:秒|分钟|小时|天|周|个月|年)前",
    regex.IGNORECASE,
)


def _language(reading: _Reading, candidates: Sequence[Candidate]) -> list[str]:
    lines = ["", f"[languages.{reading.lang}]", f'source = "…"  # fill in: where {reading.lang}.txt comes from']
    if reading.encoding:
        lines.append(f'encoding = "{reading.encoding}"  #? the file is not UTF-8; check this guess')
    lines.append(
        f"# read as: markup {reading.markup}, paragraphs {reading.mode}, {reading.regions} multi-line region(s)"
    )
    if not candidates and (found := reading.set_off) is not None:
        count, printed = len(found.questions), found.printed
        lines.append(f'layout = "bold-questions"  #? no labels; {count} paragraphs printed {printed} read as questions')
    lines += _furniture(reading)
    if candidates:
        start = min(c.first_line for c in candidates)
        lines += [f"# the turns start at line {start}; what comes before is the preamble", ""]
        lines.append(f"[languages.{reading.lang}.labels]")
        lines += [_label_line(c) for c in candidates]
        separators = sorted({c.separator for c in candidates if c.separator})
        if separators:
            lines += ["", f"[languages.{reading.lang}.conventions]"]
            lines.append(f"label_separators = {json.dumps(separators)}  #? the labels end in {separators[0]!r}")
    return lines


def _label_line(candidate: Candidate) -> str:
    evidence = f"#? {candidate.count}× from line {candidate.first_line}" + (", in bold" if candidate.bold else "")
    if dash_marker(candidate.label):
        evidence += f"; the questions open with {candidate.label!r} and no name: give the interviewer's name"
    if FUNCTIONS[candidate.role] == "asks" and candidate.speaker == candidate.label and len(candidate.label) <= 3:
        evidence += "; a role word: give the interviewer's name if you know it"
    if candidate.reason:
        value = f"{{ speaker = {_string(candidate.speaker)}, reason = {_string(candidate.reason)} }}"
        return f"{_key(candidate.label)} = {value}  {evidence}"
    return f"{_key(candidate.label)} = {_string(candidate.speaker)}  {evidence}"


def _furniture(reading: _Reading) -> list[str]:
    conventions = builtin_conventions(reading.lang)
    seen: Counter[str] = Counter()
    for kind in ("interjection", "timestamp"):
        pattern = conventions.inline(kind)
        if pattern is not None:
            seen[kind] = sum(len(pattern.findall(text)) for _, text, _, _ in reading.paragraphs)
    seen["subtitle cue line"] = reading.cues
    found = ", ".join(f"{count} {kind}(s)" for kind, count in seen.items() if count)
    return [f"# furniture seen: {found} (cut out of turns into segments)"] if found else []


def _key(text: str) -> str:
    return text if regex.fullmatch(r"[A-Za-z0-9_-]+", text) else _string(text)


def _string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)
