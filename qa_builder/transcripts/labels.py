"""Speaker labels: what a label looks like, and the declared ones as a pattern.

A declared label is matched literally, longest first, followed by a colon (any
width) or a separator the conventions add (``Q.``), a gap where the file prints
labels so (``Q    Thanks``), or alone on its line above the words; time codes and
question numbers around it are kept apart. What starts like a label nobody
declared is :mod:`~qa_builder.transcripts.undeclared`'s.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence

import regex

from .conventions import compiled

__all__ = [
    "NAME_PARAGRAPH",
    "NAME_PARAGRAPH_MAX",
    "name_alone",
    "ALONE_NAME",
    "ARTICLES",
    "BRACKETED_TIME",
    "BRACKET_CLOSED",
    "COLON",
    "COLONS",
    "CLOSE",
    "CUE",
    "MARK",
    "OPEN",
    "without_cue",
    "COMMITTEE_NUMBER",
    "DASHES",
    "GAP",
    "LETTER_WORDS",
    "NUMBERED_SPEAKER",
    "PARTICLES",
    "PERIOD_DASH",
    "QUESTION_NUMBER",
    "SHORT_LABEL",
    "SPACE",
    "TABLE_ROW",
    "TIME_CODE",
    "WIDE_GAP",
    "WIDE_LETTER",
    "WIDE_NAME",
    "alone_label_pattern",
    "bold_timed",
    "coded_speaker",
    "dash_marker",
    "gap_label",
    "gapped_labels",
    "label_pattern",
    "label_words",
    "needs_no_separator",
    "numbered_speaker",
    "recurring_starts",
    "run_on_timed",
    "spaced_labels",
    "text_width",
    "timed_label",
    "without_asides",
]


COLON = ":：﹕︰∶"
"""Every colon a label ends in: ASCII, full-width, small, vertical, and the ratio sign some input methods type."""


COLONS = tuple(regex.escape(char) for char in COLON)


PARTICLES = frozenset(
    {
        *("von", "van", "de", "der", "den", "des", "di", "da", "das", "du", "del", "della", "la", "le", "el", "al"),
        *("bin", "zu", "ter", "dos"),
    }
)
"""Lower-case words inside a name (``Ursula von der Leyen``, ``Dominique de Villepin``)."""


ARTICLES = frozenset({"le", "la", "l'", "l’", "les", "the", "der", "die", "das", "el", "il", "lo"})
"""Articles before a post in a titled label (``M. le président …``, ``Mme la rapporteure``)."""


_ELIDED = regex.compile(r"(?i)^(l['’])(?=\p{L})")


def label_words(label: str) -> list[str]:
    """A label's words, an article elided onto the next word standing alone (``M. l'ambassadeur``).

    >>> label_words("M. l'ambassadeur Jean Roy")
    ['M.', "l'", 'ambassadeur', 'Jean', 'Roy']
    """
    return [part for word in label.split() for part in _ELIDED.split(word) if part]


WIDE_LETTER = r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}·・ーｰ]"


WIDE_NAME = regex.compile(
    rf"^(?:\p{{N}}{{1,4}}(?![年月日号號时時点點分秒岁歲个個次期届屆版]))?"
    rf"{WIDE_LETTER}{{1,10}}$"
)
"""A name or role in a script without spaces: up to ten characters (an outlet and 记者: ``蓝湾电视台记者``), after
digits where an outlet's name starts with them (``36氪``; ``2023年`` is a date). Katakana's long vowel mark ``ー``
(``ホール``) belongs to no script of its own."""


NUMBERED_SPEAKER = regex.compile(
    r"^(?:Speaker|Participant|Guest|Sprecher(?:in)?|Teilnehmer(?:in)?|Intervenant(?:e)?|Locuteur|"
    r"发言人|說話人|说话人|嘉宾|嘉賓)\s*\d{1,2}$",
    regex.IGNORECASE,
)
"""A speaker an automatic transcript could not name: ``Speaker 3``, ``Sprecher 2``, ``发言人1``."""


_CODED_SPEAKER = regex.compile(r"^\p{Lu}{1,3}\d{1,3}$")


def coded_speaker(label: str) -> bool:
    """Whether the label is a code a study gives a speaker to keep them anonymous, as qualitative interview
    transcripts print them (``P07``, ``R1``, ``B2``, ``IP3``). Once, such a start is as likely a topic (``G7: …``):
    it is a label only where it recurs.

    >>> coded_speaker("P07"), coded_speaker("Speaker 3"), coded_speaker("COVID19")
    (True, False, False)
    """
    return _CODED_SPEAKER.match(label.strip()) is not None


SHORT_LABEL = regex.compile(rf"^(?P<key>[^\s{COLON}][^{COLON}.!?。！？]{{0,30}}?)\s*[{COLON}]\s*\S")
"""A line starting like a label (a short key without a sentence's end, a colon, text)."""


def recurring_starts(lines: Iterable[str]) -> Counter[str]:
    """How often each label-shaped start begins a line, for those that begin two lines or more.

    >>> recurring_starts(["LT: Why?", "Ahlke: So.", "LT: And?", "Ahlke: Yes.", "Datum: 1998"])
    Counter({'LT': 2, 'Ahlke': 2})
    >>> recurring_starts(["Dev (00:03):", "Hi.", "Dev (01:10):", "So."])
    Counter({'Dev': 2})
    """
    keys = Counter(_TIME_TAIL.sub("", match["key"]) for line in lines if (match := SHORT_LABEL.match(line)) is not None)
    return Counter({key: count for key, count in keys.items() if count >= 2 and key})


_TIME_TAIL = regex.compile(r"\s*[(\[]\d{1,2}$")
"""What a time code leaves of a label's key, cut at its first colon (``Marisol (00`` of ``Marisol (00:12):``)."""


def numbered_speaker(label: str) -> bool:
    """Whether the label is a numbered speaker of an automatic transcript (``Speaker 3``), not a title and a name.

    >>> numbered_speaker("Speaker 3"), numbered_speaker("Speaker Pelosi")
    (True, False)
    """
    return NUMBERED_SPEAKER.match(label.strip()) is not None


def label_pattern(
    labels: Iterable[str], separators: Sequence[str] = (), gapped: Sequence[str] = (), spaced: Sequence[str] = ()
) -> regex.Pattern[str]:
    """A pattern matching a paragraph that starts with one of ``labels`` and a colon (or a declared separator).

    >>> label_pattern(["Sam", "Q"]).match("Q：你好").group("label", "text")
    ('Q', '你好')
    >>> label_pattern(["Q"], ["."]).match("Q. Why?").group("text")
    'Why?'
    >>> label_pattern(["Portavoz"]).match("Portavoz.- Buenos días.").group("text")
    'Buenos días.'

    A label declared in brackets needs no colon: its closing bracket ends it (``[主持人]沈老师，…``). A time
    code may stand before a label or after it (``[00:01:23] Dana:``, ``Dana (00:01:23):``, ``Dana  00:02`` with
    the text below, as Rev and Otter export transcripts); it is kept in the groups ``lead`` and ``time``.

    >>> label_pattern(["[主持人]"]).match("[主持人]沈老师，您好。").group("label", "text")
    ('[主持人]', '沈老师，您好。')
    >>> label_pattern(["Dana"]).match("Dana (00:01:23): Welcome.").group("label", "time", "text")
    ('Dana', '(00:01:23)', 'Welcome.')
    >>> label_pattern(["Dana"]).match("Dana  00:02 Welcome.").group("label", "time", "text")
    ('Dana', '00:02', 'Welcome.')

    A row of a transcript table saved as text (its number, its time and its speaker's code, then the words, the
    tabs read as spaces) needs no colon: the row's number and time are the ``lead``.

    >>> label_pattern(["B", "R"]).match("2 00:00:12 R Od siedemdziesiątego roku.").group("lead", "label", "text")
    ('2 00:00:12', 'R', 'Od siedemdziesiątego roku.')

    A label declared in parentheses needs no colon either: Spanish subtitles print the speaker so.

    >>> label_pattern(["(ROSA)"]).match("(ROSA) Treinta y un años.").group("label", "text")
    ('(ROSA)', 'Treinta y un años.')

    A question number before a label (``Q41 Chair:``, as committee evidence prints it) or after a short one
    (``Q1:``, ``A1:``) is kept in the group ``number``.

    >>> label_pattern(["Chair", "Q"]).match("Q41 Chair: Why?").group("number", "label")
    ('Q41', 'Chair')
    >>> label_pattern(["Chair", "Q"]).match("Q1: Why?").group("number", "label")
    ('1', 'Q')

    A production cue in lenticular brackets before a label (a Chinese TV script's ``【同期声】记者：``, a
    soundbite) is kept in the group ``cue``.

    >>> label_pattern(["记者"]).match("【同期声】记者：为什么？").group("cue", "label", "text")
    ('【同期声】', '记者', '为什么？')

    A mark before a label (Japanese Diet minutes' ``○桐生真澄君　…``) makes a space after it enough, and a declared
    label in brackets ends at its bracket (a Korean webzine's ``[질문] …``).

    >>> label_pattern(["桐生真澄君"]).match("○桐生真澄君　まず林野庁に伺います。").group("label", "text")
    ('桐生真澄君', 'まず林野庁に伺います。')
    >>> label_pattern(["질문"]).match("[질문] 안녕하세요.").group("label", "text")
    ('질문', '안녕하세요.')

    A paragraph that is a declared label and nothing else is that label, its words in the paragraph after it (an
    earnings call's ``Operator`` / ``Thomas Gale``, each alone with a blank line below).

    >>> label_pattern(["Operator"]).match("Operator").group("label", "text")
    ('Operator', '')

    The ``gapped`` labels need no colon before two spaces (:data:`GAP`, a tab is read as two): briefings and
    depositions print ``Q    Thanks, Dana.``, ``A    Yes.`` (:func:`gapped_labels` says which a file prints so).

    >>> label_pattern(["Q", "A"], gapped=["Q"]).match("Q    Thanks, Dana.").group("label", "text")
    ('Q', 'Thanks, Dana.')
    >>> label_pattern(["Q", "A"], gapped=["Q"]).match("A  few years later") is None
    True

    The ``spaced`` ones need only one space before a capital or a parenthesis (:func:`spaced_labels`).

    >>> label_pattern(["Q"], spaced=["Q"]).match("Q (Inaudible.)").group("label", "text")
    ('Q', '(Inaudible.)')
    """
    ordered = sorted(labels, key=len, reverse=True)
    named = [label for label in ordered if not dash_marker(label) and not _PARENTHESISED.match(label)]
    long = "|".join(regex.escape(label) for label in named if len(label) > _NUMBERED_MAX) or "(?!)"
    short = "|".join(regex.escape(label) for label in named if len(label) <= _NUMBERED_MAX) or "(?!)"
    dashes = "|".join(regex.escape(label) for label in ordered if dash_marker(label)) or "(?!)"
    enclosed = "|".join(regex.escape(label) for label in ordered if _PARENTHESISED.match(label)) or "(?!)"
    marks = "|".join([*COLONS, PERIOD_DASH, *(regex.escape(s) for s in separators)])
    every = "|".join(regex.escape(label) for label in ordered) or "(?!)"
    gaps = "|".join(regex.escape(label) for label in gapped) or "(?!)"
    spaces = "|".join(regex.escape(label) for label in spaced) or "(?!)"
    return compiled(
        rf"^(?:(?P<cue>{CUE})\s*)?(?P<mark>{MARK})?"
        rf"(?:(?P<label>{dashes})(?![{DASHES}])(?:\s*[{COLON}])?|(?P<label>{enclosed})(?:\s*[{COLON}])?|"
        rf"(?P<label>{gaps}){GAP}|(?P<label>{spaces}){SPACE}|"
        rf"(?P<lead>{TABLE_ROW})\s+(?P<label>{every})(?=\s)|"
        rf"(?:(?P<lead>{BRACKETED_TIME}|{TIME_CODE}(?=\s))\s*|(?P<number>{QUESTION_NUMBER})\s*)?"
        rf"(?P<open>{OPEN})?(?:(?P<label>{long})|(?P<label>{short})(?P<number>\d{{1,3}}(?!\d|:\d))?)(?(open){CLOSE})"
        rf"(?:\s+(?P<time>{BRACKETED_TIME})|{WIDE_GAP}(?P<time>{TIME_CODE}))?"
        rf"(?(time)(?:\s*(?:{marks}))?|(?:\s*(?:{marks})|{BRACKET_CLOSED}|(?(mark)[\u3000 ]|(?!))|(?=\s*$))))"
        rf"\s*(?P<text>.*)$"
    )


PERIOD_DASH = r"\.[\-–—](?=\s)"
"""A period and a dash after a label, as Spanish government transcripts print it (``Portavoz.- Buenos días.``)."""
MARK = r"[○◯◎●]"
"""A mark printed before every speaker's label (Japanese Diet minutes' ``○``): markup, not words."""
OPEN = r"[\[【〔［]"
CLOSE = r"[\]】〕］]"
"""The brackets a declared label may be printed in, without a colon (``[질문]``, ``【記者】``)."""
CUE = r"【[^【】\n]{1,8}】"
"""A production cue in lenticular brackets (``【同期声】``, ``【采访】``): before a label, it says how the words were
recorded; it is no part of the label or the words."""


_CUED = regex.compile(rf"^{CUE}\s*(?![{COLON}\s]|$)")
"""A cue before the words (``【李明远】：`` is a label in brackets, its colon after it)."""


def without_cue(text: str) -> str:
    """``text`` without the production cue before its label, where it has one.

    >>> without_cue("【同期声】记者：为什么？"), without_cue("【李明远】：这个问题")
    ('记者：为什么？', '【李明远】：这个问题')
    """
    return _CUED.sub("", text, count=1)


_PARENTHESISED = regex.compile(r"^(?:\([^()]+\)|（[^（）]+）)$")
"""A label printed wholly in parentheses, ``(ROSA)``: its closing parenthesis ends it."""


DASHES = "\\-\u2010-\u2015\u2212\u2e3a\u2e3b\u30fc\uff0d"
"""Hyphens and dashes (``-``, ``–``, ``—``, ``―``, ``⸺``) a question may start with."""


_DASH_MARKER = regex.compile(rf"^[{DASHES}]{{1,4}}$")


def needs_no_separator(label: str) -> bool:
    """Whether a declared label ends itself: a dash (:func:`dash_marker`) or a label in parentheses (``(ROSA)``).

    >>> needs_no_separator("(ROSA)"), needs_no_separator("――"), needs_no_separator("Dana (CEO)")
    (True, True, False)
    """
    return dash_marker(label) or _PARENTHESISED.match(label) is not None


def dash_marker(label: str) -> bool:
    """Whether a declared label is a dash that marks whose turn it is without a name: Japanese interviews open the
    interviewer's questions with ``――`` (and their English editions with ``—``), the answers labelled by name or not
    at all. It needs no colon.

    >>> dash_marker("――"), dash_marker("—"), dash_marker("Q")
    (True, True, False)
    >>> label_pattern(["――", "森下"]).match("――いつですか？").group("label", "text")
    ('――', 'いつですか？')
    >>> label_pattern(["—"]).match("— When did you come?").group("text"), label_pattern(["—"]).match("—— no")
    ('When did you come?', None)
    """
    return _DASH_MARKER.match(label) is not None


ALONE_NAME = regex.compile(
    r"^(?P<label>(?:\p{Lu}[\p{Lu}\p{M}'’.\-]*(?:\s+\p{Lu}[\p{Lu}\p{M}'’.\-]*){0,3}|[\p{Han}·]{2,10})"
    r"(?:\s*[(（][^()（）]{1,30}[)）])?)$"
)
"""A line a script prints a speaker's name on, the words below: capitals (``MARIA LOPEZ``, ``TOM REED (CONT'D)``)
or a Chinese name or role (``主持人``)."""


def alone_label_pattern(labels: Iterable[str]) -> regex.Pattern[str]:
    """A line that is one of ``labels`` and nothing else: a label printed above its text, as scripts and some
    transcript exports print it (``MARIA LOPEZ`` on its line, the words below).

    >>> alone_label_pattern(["MARIA LOPEZ"]).match("MARIA LOPEZ") is not None
    True
    >>> alone_label_pattern(["MARIA LOPEZ"]).match("MARIA LOPEZ said so") is None
    True
    """
    alternatives = "|".join(regex.escape(label) for label in sorted(labels, key=len, reverse=True)) or "(?!)"
    return compiled(rf"^(?:{alternatives})\s*$")


COMMITTEE_NUMBER = r"Q\d{1,4}\.?(?=\s)"


QUESTION_NUMBER = (
    rf"(?:{COMMITTEE_NUMBER}|(?:\d{{1,3}}|[一二三四五六七八九十]{{1,3}})[.．、](?!\d)|[（(]\d{{1,3}}[)）])"
)
"""A question's number before its label: ``Q41 Chair:`` in a committee's oral evidence, ``1.问：``, ``二、问：``
and ``（3）问：`` in a Chinese agency's Q&A. Before a declared label it is always the question's number; before
a label-shaped start nobody declared only where a Chinese asking or answering label follows it (``3.记者问：``):
``1. Cost: too high.`` and ``1.北京：…`` are an answer's list."""


_NUMBERED_MAX = 3
"""Labels this short may carry a number (``Q1``, ``A12``, ``问3``); a longer label's digits are its own."""


TIME_CODE = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
"""A time code as transcription services print it beside a label: ``00:02``, ``1:04:37``, ``00:01:23.5``."""


BRACKETED_TIME = rf"\[{TIME_CODE}\]|\({TIME_CODE}\)"


TABLE_ROW = rf"(?:\d{{1,5}}\s+)?{TIME_CODE}"
"""A transcript table's row number and time code, before the speaker's column (``12⇥00:01:30⇥R⇥…``; the row
numbers may have been read as the file's line numbers, and cut)."""


WIDE_GAP = r"(?:[ ]{2,}|[ ]*\t\s*)"
"""Two spaces or a tab: what stands between a label and a bare time code (``Dana  00:02``); after one space a
time is the text's (``A 10:30 start is late``)."""


GAP_LABEL_MAX = 3
"""The longest one-word label in capitals that two spaces or a tab may end (``Q``, ``MR``; not ``NOTE``)."""


GAP = rf"[ ]{{2,}}(?=\S)(?!{TIME_CODE}(?:\s|$))"
"""Two spaces or more before the words, where a gapped label's colon would be (not before a time code: Otter's
``Dana  00:02`` is a name and its time)."""


GAPPED_MIN = 2
"""Paragraphs a file must start with a label and a gap, and none with the label and its colon, before the gap is
the file's way to print the label."""


def gap_label(label: str) -> bool:
    """Whether two spaces or a tab may end ``label`` in place of a colon: a short one in capitals (``Q``, ``A``),
    or one of words in capitals (``MS. HOLT``, ``THE PRESIDENT``), as briefings print them; a name in mixed case
    is followed by its words, or by a time code (``Dana  00:02``).

    >>> gap_label("Q"), gap_label("Sam"), gap_label("MS. HOLT"), gap_label("Q1")
    (True, False, True, False)
    """
    if len(label) <= GAP_LABEL_MAX:
        return label.isalpha() and label.isupper()
    return _CAPITAL_WORDS.match(label) is not None


_CAPITAL_WORDS = regex.compile(r"^\p{Lu}[\p{Lu}.'’\-]*(?: \p{Lu}[\p{Lu}.'’\-]*)+$")
"""A label of two words or more in capitals (``MS. HOLT``, ``THE PRESIDENT``)."""


def gapped_labels(labels: Iterable[str], texts: Iterable[str]) -> list[str]:
    """The short labels in capitals (:func:`gap_label`) that ``texts`` (a file's lines) print before two spaces at
    least :data:`GAPPED_MIN` times and never before a colon: a justified line ``I   did   not …`` or a paragraph
    ``A  few years later …`` in a file that prints ``I:`` and ``A:`` is speech.

    >>> gapped_labels(["Q", "A", "MS. HOLT"], ["Q    Why?", "MS. HOLT:  So.", "Q    And?", "A  few more"])
    ['Q']
    """
    short = [label for label in labels if gap_label(label)]
    return _printed_before(short, texts, GAP, rf"\s*[{COLON}]", GAPPED_MIN)


def _printed_before(
    short: Sequence[str], texts: Iterable[str], hit: str, others: str, minimum: int, *, named: bool = False
) -> list[str]:
    """The labels of ``short`` that ``texts`` start with before ``hit`` at least ``minimum`` times and never before
    ``others`` (nor, with ``named``, before words that end in a colon: :data:`_NAMED_AFTER`)."""
    if not short:
        return []
    counts: Counter[str] = Counter()
    other = set()
    starts = compiled(rf"^(?P<label>{'|'.join(map(regex.escape, short))})(?:(?P<hit>{hit})|{others})")
    for text in texts:
        found = starts.match(text)
        if found is not None and found["hit"] is not None and not (named and _NAMED_AFTER.match(text, found.end())):
            counts[found["label"]] += 1
        elif found is not None:
            other.add(found["label"])
    return sorted(label for label, count in counts.items() if count >= minimum and label not in other)


SPACE = r"[ ](?=[\p{Lu}(\[])"
"""What ends a spaced label (:func:`spaced_labels`): one space, then a capital or a parenthesis."""
_NAMED_AFTER = regex.compile(
    rf"(?:\s*(?:\p{{Lu}}[\p{{L}}\p{{M}}'’\-]*\.?|\p{{Ll}}{{1,3}}(?!\p{{L}})|[(（][^()（）]{{1,60}}[)）])){{1,8}}\s*[{COLON}]"
)
"""A name and a colon after a label's letters (titles, capitalised words, particles, a party in brackets): the
letters are a post before a name (a hearing's ``SV Prof. Dr. Anke Ruben (Universität Kassel):``), not a label of
their own; "Q Two things: …" is a question."""
SPACED_MIN = 3
"""Paragraphs a file must start with a short label, one space and a capital, and none with the label and its colon
or a gap, before the space is the file's way to print the label."""
LETTER_WORDS = frozenset("AIOEYÀ")
"""Single capitals that are words in some language (English ``A``, ``I``; Spanish ``Y``, ``O``; Italian ``E``)."""


def spaced_labels(labels: Iterable[str], texts: Iterable[str]) -> list[str]:
    """The short labels in capitals (``Q``, ``DW``; not a letter that is a word, ``A``) that ``texts`` (a file's
    lines) print before one space and a capital or a parenthesis at least :data:`SPACED_MIN` times and never before
    a colon or a gap: web copies of press briefings collapse ``Q    Why?`` to ``Q Why?``.

    >>> spaced_labels(["Q", "A"], ["Q Why?", "Q (Inaudible.)", "Q And then?", "A New York judge said so."])
    ['Q']
    >>> spaced_labels(["SV"], ["SV Prof. Ann Ruben (Kassel): Yes.", "SV Dr. Bo Li (Bonn): No.", "SV Cy Dunn: So."])
    []
    """
    short = [label for label in labels if len(label) <= 3 and label.isupper() and label not in LETTER_WORDS]
    return _printed_before(short, texts, SPACE, rf"{GAP}|\s*[{COLON}]", SPACED_MIN, named=True)


_TIMED_LINE = regex.compile(rf"^(?P<label>\S.{{0,60}}?)(?:\s+(?:{BRACKETED_TIME})|{WIDE_GAP}{TIME_CODE})\s*[{COLON}]?$")
"""A line holding a label and a time code only, the text on the lines below (``Maren Holtby  00:02``)."""


BRACKET_CLOSED = r"(?<=[\]】〕］])"
"""Just after a label that ends in a closing square or lenticular bracket: its separator may be left out."""


def bold_timed(text: str, bold_start: str) -> str | None:
    """The bold start of a line that is a label in bold and a time code (``**Ruth Lee**  00:15``, read without its
    markup as ``Ruth Lee 00:15``), else None.

    >>> bold_timed("Ruth Lee 00:15", "Ruth Lee"), bold_timed("Ruth Lee 00:15 said", "Ruth Lee")
    ('Ruth Lee', None)
    """
    if not bold_start or not text.startswith(bold_start):
        return None
    rest = text[len(bold_start) :]
    return bold_start if regex.fullmatch(rf"\s+(?:{BRACKETED_TIME}|{TIME_CODE})\s*[{COLON}]?", rest) else None


_TIME_FIRST_LINE = regex.compile(
    rf"^(?:{BRACKETED_TIME}|{TIME_CODE})\s+(?P<label>\p{{Lu}}[\p{{L}}\p{{M}}'’\-]+(?:\s+\p{{Lu}}[\p{{L}}\p{{M}}'’.\-]+){{1,2}})"
    r"(?<![.?!])$"
)
"""A time code and a name alone on a line, the words below (``00:01:33 Tobias Wren``)."""


def timed_label(first_line: str) -> str | None:
    """The label of a line that holds a label and a time code only (``Maren Holtby  00:02``), else None.

    >>> timed_label("Maren Holtby  00:02"), timed_label("Dana (00:01:23):"), timed_label("Okay, see you.")
    ('Maren Holtby', 'Dana', None)

    Or a time code and then a name of two or three words, as Riverside exports print each turn's first line:

    >>> timed_label("00:01:33 Tobias Wren"), timed_label("00:01:33 The vote was close.")
    ('Tobias Wren', None)
    """
    timed = _TIMED_LINE.match(first_line) or _TIME_FIRST_LINE.match(first_line)
    return timed["label"].strip() if timed is not None else None


_RUN_ON_TIMED = regex.compile(
    rf"^(?P<label>\p{{Lu}}[\p{{L}}\p{{M}}'’.\-]*(?:\s+(?:\p{{Lu}}[\p{{L}}\p{{M}}'’.\-]*|\p{{Ll}}{{1,3}}|\d{{1,3}})){{0,3}})"
    rf"\s+(?:{BRACKETED_TIME})\s+(?P<text>\S.*)$"
)


def run_on_timed(line: str) -> tuple[str, str] | None:
    """The label and the words of a line that prints a name, a time code in brackets and the words after them,
    without a colon (a podcast site's ``Dara Finch (00:03:41) What is a marsh for?``), else None.

    >>> run_on_timed("Dara Finch (00:03:41) What is it for?"), run_on_timed("(00:04:20) And then.")
    (('Dara Finch', 'What is it for?'), None)
    >>> run_on_timed("Ana de Souza (00:01:02) Birds."), run_on_timed("Speaker 2 (00:01:02) Birds.")
    (('Ana de Souza', 'Birds.'), ('Speaker 2', 'Birds.'))
    """
    found = _RUN_ON_TIMED.match(line)
    return (found["label"], found["text"]) if found is not None else None


_ASIDE = regex.compile(r"\s*[(（][^()（）]*[)）]")


def without_asides(label: str) -> str:
    """A label without what it says in brackets besides the name: a party, a post, a delivery note.

    >>> without_asides("DELL (on camera)"), without_asides("周慕白（“半亩书房”创始人）")
    ('DELL', '周慕白')
    """
    return _ASIDE.sub("", label).strip()


def text_width(text: str) -> int:
    """Characters, a wide (CJK) one counting two: how much a label holds besides a name, across scripts."""
    return len(text) + sum(1 for char in text if WIDE_NAME.match(char))


NAME_PARAGRAPH = regex.compile(
    r"^\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.\-]*|\p{Ll}{1,3})){1,3}(?<![.!?])$"
)
"""A paragraph that is a name and nothing else, in any case, of two words at least (``Thomas Gale``, ``Ana de
Souza``; one word, ``Right``, is a reply), ending in no sentence's mark."""
NAME_PARAGRAPH_MAX = 40
"""The longest paragraph read as a name alone (``Thomas Gale``); longer, it says something."""


def name_alone(text: str, roles: Collection[str]) -> bool:
    """Whether a paragraph is a name and nothing else (:data:`NAME_PARAGRAPH`), or one of the role words
    ``roles`` (``Operator``): an earnings call prints its labels so, alone above the words.

    >>> name_alone("Thomas Gale", ()), name_alone("Operator", ("Operator",)), name_alone("Right", ())
    (True, True, False)
    """
    return len(text) <= NAME_PARAGRAPH_MAX and (NAME_PARAGRAPH.match(text) is not None or text in roles)
