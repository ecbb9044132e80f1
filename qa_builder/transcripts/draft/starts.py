"""Where a transcript's labels are: label-shaped starts of paragraphs in every shape publications print them (a
colon, a period, a dash, brackets, a table row, a gap, a name alone above the words), kept where they recur."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import lru_cache

import regex

from ..conventions import PARAGRAPH_RULES, Conventions, builtin_conventions
from ..exchanges import QUESTION_END, QUESTION_MARK
from ..labels import (
    ALONE_NAME,
    CLOSE,
    COLON,
    COLONS,
    DASHES,
    GAP,
    MARK,
    OPEN,
    PERIOD_DASH,
    SPACE,
    TABLE_ROW,
    gapped_labels,
    name_alone,
    run_on_timed,
    spaced_labels,
    timed_label,
    without_cue,
)
from ..paragraphs import Paragraph
from ..undeclared import numbered_role, titled_label, undeclared_label
from .scan import Candidate, Scan
from .speakers import cluster, initials, role_words, same_person, short_form, short_role_word, shortened

__all__ = ["PERIOD_LABELS_MIN", "label_candidates"]


_LABEL_START = regex.compile(rf"^(?P<label>[^\s{COLON}][^{COLON}]{{0,150}}?)\s*(?:{'|'.join(COLONS)})\s*(?P<text>.*)$")


def label_candidates(reading: Scan) -> list[Candidate]:
    """The labels of a transcript: label-shaped starts that recur or are in bold, variants clustered."""
    conventions = builtin_conventions(reading.lang)
    found = _labelled_starts(reading, conventions)
    for candidate in _alone_candidates(reading):
        found.setdefault(candidate.label, candidate)
    roles = role_words(conventions)
    strong = [c for c in found.values() if c.count >= 2 or c.bold or _short_label(c.label, roles)]
    periods = _period_candidates(reading, conventions)
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
        or numbered_role(c.label, conventions.posts())  # "Frage 1:" above the first "Antwort:"
        or any(same_person(c.label, s.label) for s in strong)
        or short_form(c.label) in shorts
    ]  # "Jörg Kallweit:" once before "Kallweit:" recurs, "MARCUS DELL, CNN ANCHOR:" before "DELL:"
    clustered = shortened(initials(cluster(kept, conventions), conventions))
    return sorted(clustered + extra, key=lambda c: c.first_line)


def _short_label(label: str, roles: Collection[str]) -> bool:
    """A label that is one though printed once: a role word (``Q``, ``主持人``) or a short code (``JK``); a header's
    field (``栏目：``, ``标题：``) is not."""
    return label in roles or (short_role_word(label) and label.isascii())


def _labelled_starts(reading: Scan, conventions: Conventions) -> dict[str, Candidate]:
    """Every label-shaped start of a paragraph up to the site's footer, counted (a label wrapped over two lines,
    ``… und`` / ``Forschung:``, joined)."""
    found: dict[str, Candidate] = {}
    before, before_end = "", 0
    footer = conventions.compiled("footer_start")
    gapped = _gapped(reading, conventions)
    for k, (paragraph, text, _, bold_start) in enumerate(reading.paragraphs):
        if any(c.count > 1 for c in found.values()) and footer is not None and footer.match(text):
            break  # the site's footer: its "Topic: headline" links are not speakers (a credit above the turns,
            # "Die Fragen stellte …" under a headline "Wärmeplanung: …", is no footer)
        label = None
        if paragraph.line_start not in reading.asides:
            label = _label(without_cue(text), bold_start, conventions, without_cue(paragraph.first_line), gapped)
        wrapped = before and paragraph.line_start == before_end + 1 and not _LABEL_START.match(before)
        if label is not None and wrapped and not _ends_sentence(before, conventions):
            joined = _label(f"{before} {text}", "", conventions)
            label = joined if joined == f"{before} {label}" else label
        before, before_end = text, paragraph.line_end
        if label is not None:
            candidate = found.setdefault(label, Candidate(label, first_line=paragraph.line_start))
            candidate.count += 1
            candidate.bold += bool(bold_start)
            _count_asking(candidate, _said(text.partition(label)[2], reading.paragraphs[k + 1 : k + 2]))
    return found


_TABLE_START = regex.compile(rf"^{TABLE_ROW}\s+(?P<label>[\p{{L}}\p{{N}}_.\-]{{1,16}})\s+\S")


def _table_candidates(reading: Scan) -> list[Candidate]:
    """The speaker column of a transcript table saved as text (``12⇥00:01:30⇥R⇥…``, the tabs read as spaces)."""
    return _line_start_candidates(reading, _TABLE_START, lambda label: label)


_ENCLOSED_START = regex.compile(
    rf"^[{DASHES}]?\s?(?P<label>\(\p{{Lu}}[\p{{Lu}}\p{{M}}'’.\-]*(?:,?\s+\p{{Lu}}[\p{{Lu}}\p{{M}}'’.\-]*){{0,3}}\))\s+\S"
)


def _enclosed_candidates(reading: Scan) -> list[Candidate]:
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
    reading: Scan,
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


def _dash_candidates(reading: Scan) -> list[Candidate]:
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


def _alone_candidates(reading: Scan) -> list[Candidate]:
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
        or any(same_person(c.label, r.label) for r in recurring)
        or (c.label in paragraphed and c.first_line > start and not c.label.isupper())
    ]


def _script_names(reading: Scan) -> dict[str, Candidate]:
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


def _paragraph_names(reading: Scan) -> dict[str, Candidate]:
    """Names alone in their paragraph (or a role word of the conventions, ``Operator``), a paragraph of words after
    them (not another name: a list of people)."""
    conventions = builtin_conventions(reading.lang)
    roles = {*role_words(conventions), *conventions.chairing_labels}
    found: dict[str, Candidate] = {}
    paragraphs = reading.paragraphs
    for k, (paragraph, text, _, _) in enumerate(paragraphs[:-1]):
        after = paragraphs[k + 1]
        apart = after[0].line_start > paragraph.line_end + 1 and not paragraph.starts
        named = name_alone(text, roles) and not name_alone(after[1], roles)
        if apart and paragraph.line_start not in reading.asides and named:
            _count(found, text, paragraph.line_start, after[1])
    return found


def _count(found: dict[str, Candidate], label: str, line: int, rest: str) -> None:
    candidate = found.setdefault(label, Candidate(label, first_line=line))
    candidate.count += 1
    candidate.questions += QUESTION_END.search(rest) is not None


PERIOD_LABELS_MIN = 3
"""Paragraphs that must start with a title, a name and a period before ``init`` reads them as labels."""


def _period_candidates(reading: Scan, conventions: Conventions) -> list[Candidate]:
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
        _count_asking(candidate, _said(text[len(label) + 1 :], reading.paragraphs[k + 1 : k + 2]))
    paired = [c for c in roles.values() if c.count >= 2]
    if len(paired) < 2:  # one recurring "A." is a list item or an initial: asking and answering come in pairs
        paired = []
    words = [c for c in roles.values() if c not in paired and c.label in role_words(conventions)]
    kept = [*titled.values(), *paired, *(words if paired else [])]
    if sum(c.count for c in kept) < PERIOD_LABELS_MIN:
        return []
    return initials(cluster(kept, conventions), conventions)


@lru_cache(maxsize=32)
def _period_label_pattern(titles: tuple[str, ...], roles: tuple[str, ...]) -> regex.Pattern[str]:
    role = "|".join([*roles, r"\p{Lu}{1,2}"])
    return regex.compile(rf"^(?:(?P<titled>{titled_label(titles)})|(?P<role>{role}))\.\s+\S")


def _period_label(conventions: Conventions) -> regex.Pattern[str]:
    """Titles, then the asking and answering words, then one or two capitals, each followed by a period."""

    def escaped(words: Iterable[str]) -> tuple[str, ...]:
        return tuple(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))

    return _period_label_pattern(escaped(conventions.honorifics), escaped(role_words(conventions)))


def _gapped(reading: Scan, conventions: Conventions) -> dict[str, str]:
    """The role letters and names in capitals the file prints before a gap, not a colon (``Q    Thanks, Dana.``,
    ``MS. HOLT    Good afternoon.``), or a role letter it prints before one space (``Q Thanks.``), each with what
    ends it (:data:`~qa_builder.transcripts.labels.GAP`, :data:`~qa_builder.transcripts.labels.SPACE`)."""
    texts = [text for _, text, _, _ in reading.paragraphs]
    roles = [*conventions.asking_labels, *conventions.answering_labels, *conventions.audience_labels]
    capitals = {found["label"] for text in texts if (found := _CAPITALS_GAPPED.match(text)) is not None}
    spaced = {label: SPACE for label in spaced_labels(roles, texts)}
    return spaced | {label: GAP for label in gapped_labels([*roles, *sorted(capitals)], texts)}


_CAPITALS_GAPPED = regex.compile(rf"^(?P<label>\p{{Lu}}[\p{{Lu}}.'’\-]*(?: \p{{Lu}}[\p{{Lu}}.'’\-]*)+)(?={GAP})")
"""Words in capitals before a gap at a paragraph's start (``MS. HOLT    Good afternoon.``)."""


_UNCOLONED = (
    regex.compile(rf"^{MARK}(?P<label>[^\s{COLON}（(]{{1,20}}(?:[（(][^）)]{{1,20}}[）)])?)[\u3000 ]\S"),
    regex.compile(rf"^{OPEN}(?P<label>\p{{L}}{{1,12}}){CLOSE}\s*\S"),
    regex.compile(rf"^(?P<label>\p{{Lu}}\p{{L}}+(?: \p{{L}}+){{0,4}}){PERIOD_DASH}\s*\S"),
)
"""Labels printed without a colon: after Diet minutes' ``○``, in brackets, before a period and a dash."""


def _label(
    text: str, bold_start: str, conventions: Conventions, first_line: str = "", gapped: Mapping[str, str] | None = None
) -> str | None:
    """The label ``text`` starts with, if any; ``gapped`` are the role letters the file prints before a gap or a
    space, with what ends them (:func:`_gapped`: ``Q    Thanks, Dana.`` in a briefing, ``A    Yes.`` in a
    deposition)."""
    roles = (*conventions.asking_labels, *conventions.answering_labels, *conventions.audience_labels)
    ends = gapped or {}
    for label in sorted(ends, key=len, reverse=True):
        if text.startswith(label) and regex.match(ends[label], text[len(label) :]):
            return label
    for uncolon in _UNCOLONED:  # "○桐生真澄君　…", "[질문] …", "Portavoz.- …"
        if (uncoloned := uncolon.match(text)) is not None:
            return uncoloned["label"]
    match = _LABEL_START.match(text)
    run_on = run_on_timed(first_line) if first_line else None
    timed = (timed_label(first_line) if first_line else None) or (run_on[0] if run_on else None)
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
    titles = {word.casefold().rstrip(".") for word in (*conventions.honorifics, *role_words(conventions))}
    titles |= {word.casefold().rstrip(".") for word in conventions.chairing_labels}
    return found["word"] is None or found["word"].casefold() not in titles


_NUMBERED = regex.compile(r"(?<=^[^\s\d]{1,3})\d{1,3}$")
"""The number after a short label (``A1``): the label is ``A``."""


def _count_asking(candidate: Candidate, said: str) -> None:
    """Count a turn of ``candidate`` that ends with a question, and one that holds a question mark anywhere."""
    candidate.questions += QUESTION_END.search(said) is not None
    candidate.marked += QUESTION_MARK.search(said) is not None


def _said(rest: str, following: Sequence[tuple[Paragraph, str, bool, str]]) -> str:
    """A turn's text after its label (the next paragraph's, for a label alone)."""
    return following[0][1] if sum(char.isalpha() for char in rest) < 2 and following else rest
