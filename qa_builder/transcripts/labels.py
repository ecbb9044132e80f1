"""Speaker labels: the declared ones as a pattern, and paragraphs that start like a label nobody declared.

A declared label is matched literally, longest first, followed by a colon (any
width) or a separator the conventions add (``Q.``). A paragraph that starts like
a label but matches none is the silent mis-parse this module exists to stop:
its text would be glued onto the turn before. :func:`undeclared_label` says
when such a start is a label — in bold markup, a near-typo of a declared label,
a declared speaker's name written another way (``Sam Altman:`` where ``Sam:`` is
declared), or shaped like a name (``Tom:``, ``记者：``) — unless the conventions
list it among ``not_labels`` (``Note:``, ``注：``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

import regex

from .conventions import compiled

__all__ = [
    "ALONE_NAME",
    "ARTICLES",
    "gap_label",
    "gapped_labels",
    "label_words",
    "BRACKETED_TIME",
    "BRACKET_CLOSED",
    "COLON",
    "COLONS",
    "PARTICLES",
    "DASHES",
    "bold_timed",
    "QUESTION_NUMBER",
    "TABLE_ROW",
    "TIME_CODE",
    "GAP",
    "WIDE_GAP",
    "alone_label_pattern",
    "label_pattern",
    "near_label",
    "coded_speaker",
    "dash_marker",
    "needs_no_separator",
    "numbered_speaker",
    "recurring_starts",
    "SHORT_LABEL",
    "role_phrase",
    "text_width",
    "timed_label",
    "titled_label",
    "undeclared_label",
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


_LATIN_TOKEN = regex.compile(r"^(?:\p{Lu}[\p{L}\p{M}'’.\-]*|\([^()]*\)|[\p{Lu}\p{N}]{1,3}\.?)$")
_WIDE_LETTER = r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}·・ーｰ]"
_WIDE_NAME = regex.compile(
    rf"^(?:\p{{N}}{{1,4}}(?![年月日号號时時点點分秒岁歲个個次期届屆版]))?"
    rf"{_WIDE_LETTER}{{1,10}}$"
)
"""A name or role in a script without spaces: up to ten characters (an outlet and 记者: ``蓝湾电视台记者``), after
digits where an outlet's name starts with them (``36氪``; ``2023年`` is a date). Katakana's long vowel mark ``ー``
(``ホール``) belongs to no script of its own."""
_POSTED_NAME = regex.compile(rf"^(?P<post>{_WIDE_LETTER}{{1,6}})[ \u3000]{_WIDE_LETTER}{{2,4}}$")
"""A role word and a name after one space, as Chinese press conferences print the host: ``主持人 林静``."""
_NUMBERED_SPEAKER = regex.compile(
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
    return _NUMBERED_SPEAKER.match(label.strip()) is not None


_BRACKETED = regex.compile(r"^[\[【〔（(]([^\]】〕）)]+)[\]】〕）)]$")
"""A label printed in brackets: ``[主持人]``, ``【嘉宾】``."""
_LABEL_MAX = 150
_NAMING_WORDS = 5
_NAMING_REST = 16
"""A start naming a declared speaker is a label only if it is this short in words, and holds this many characters
at most besides the name (``Dr. Sam Altman``, ``Sam Altman (on camera)``); longer, it is narration
(``采访中,Altman 反复重申自己无法回答人们最关心的问题：``)."""


def label_pattern(
    labels: Iterable[str], separators: Sequence[str] = (), gapped: Sequence[str] = ()
) -> regex.Pattern[str]:
    """A pattern matching a paragraph that starts with one of ``labels`` and a colon (or a declared separator).

    >>> label_pattern(["Sam", "Q"]).match("Q：你好").group("label", "text")
    ('Q', '你好')
    >>> label_pattern(["Q"], ["."]).match("Q. Why?").group("text")
    'Why?'

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
    """
    ordered = sorted(labels, key=len, reverse=True)
    named = [label for label in ordered if not dash_marker(label) and not _PARENTHESISED.match(label)]
    long = "|".join(regex.escape(label) for label in named if len(label) > _NUMBERED_MAX) or "(?!)"
    short = "|".join(regex.escape(label) for label in named if len(label) <= _NUMBERED_MAX) or "(?!)"
    dashes = "|".join(regex.escape(label) for label in ordered if dash_marker(label)) or "(?!)"
    enclosed = "|".join(regex.escape(label) for label in ordered if _PARENTHESISED.match(label)) or "(?!)"
    marks = "|".join([*COLONS, *(regex.escape(s) for s in separators)])
    every = "|".join(regex.escape(label) for label in ordered) or "(?!)"
    gaps = "|".join(regex.escape(label) for label in gapped) or "(?!)"
    return compiled(
        rf"^(?:(?P<label>{dashes})(?![{DASHES}])(?:\s*[{COLON}])?|(?P<label>{enclosed})(?:\s*[{COLON}])?|"
        rf"(?P<label>{gaps}){GAP}|"
        rf"(?P<lead>{TABLE_ROW})\s+(?P<label>{every})(?=\s)|"
        rf"(?:(?P<lead>{BRACKETED_TIME})\s*|(?P<number>{QUESTION_NUMBER})\s*)?"
        rf"(?:(?P<label>{long})|(?P<label>{short})(?P<number>\d{{1,3}}(?!\d|:\d))?)"
        rf"(?:\s+(?P<time>{BRACKETED_TIME})|{WIDE_GAP}(?P<time>{TIME_CODE}))?"
        rf"(?(time)(?:\s*(?:{marks}))?|(?:\s*(?:{marks})|{BRACKET_CLOSED}|(?=\s*$))))\s*(?P<text>.*)$"
    )


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


_COMMITTEE_NUMBER = r"Q\d{1,4}\.?(?=\s)"
QUESTION_NUMBER = (
    rf"(?:{_COMMITTEE_NUMBER}|(?:\d{{1,3}}|[一二三四五六七八九十]{{1,3}})[.．、](?!\d)|[（(]\d{{1,3}}[)）])"
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
"""The longest label in capitals that two spaces or a tab may end (``Q``, ``MR``; not ``MS. HOLT``)."""


GAP = rf"[ ]{{2,}}(?=\S)(?!{TIME_CODE}(?:\s|$))"
"""Two spaces or more before the words, where a gapped label's colon would be (not before a time code: Otter's
``Dana  00:02`` is a name and its time)."""
GAPPED_MIN = 2
"""Paragraphs a file must start with a label and a gap, and none with the label and its colon, before the gap is
the file's way to print the label."""


def gap_label(label: str) -> bool:
    """Whether two spaces or a tab may end ``label`` in place of a colon: a short one in capitals (``Q``, ``A``).

    >>> gap_label("Q"), gap_label("Sam"), gap_label("MS. HOLT")
    (True, False, False)
    """
    return len(label) <= GAP_LABEL_MAX and label.isalpha() and label.isupper()


def gapped_labels(labels: Iterable[str], texts: Iterable[str]) -> list[str]:
    """The short labels in capitals (:func:`gap_label`) that ``texts`` (a file's lines) print before two spaces at
    least :data:`GAPPED_MIN` times and never before a colon: a justified line ``I   did   not …`` or a paragraph
    ``A  few years later …`` in a file that prints ``I:`` and ``A:`` is speech.

    >>> gapped_labels(["Q", "A", "MS. HOLT"], ["Q    Why?", "MS. HOLT:  So.", "Q    And?", "A  few more"])
    ['Q']
    """
    short = [label for label in labels if gap_label(label)]
    if not short:
        return []
    counts: Counter[str] = Counter()
    colons = set()
    starts = compiled(rf"^(?P<label>{'|'.join(map(regex.escape, short))})(?:(?P<gap>{GAP})|\s*[{COLON}])")
    for text in texts:
        found = starts.match(text)
        if found is not None and found["gap"] is not None:
            counts[found["label"]] += 1
        elif found is not None:
            colons.add(found["label"])
    return sorted(label for label, count in counts.items() if count >= GAPPED_MIN and label not in colons)


_TIMED_LINE = regex.compile(rf"^(?P<label>\S.{{0,60}}?)(?:\s+(?:{BRACKETED_TIME})|{WIDE_GAP}{TIME_CODE})\s*[{COLON}]?$")
"""A line holding a label and a time code only, the text on the lines below (``Maren Holtby  00:02``)."""


BRACKET_CLOSED = r"(?<=[\]】〕］])"
"""Just after a label that ends in a closing square or lenticular bracket: its separator may be left out."""


def _label_like(separators: Sequence[str]) -> regex.Pattern[str]:
    marks = "|".join([*COLONS, *(regex.escape(s) + r"(?=\s)" for s in separators)])
    return compiled(
        rf"^(?:(?:{BRACKETED_TIME})\s*|{_COMMITTEE_NUMBER}\s+|{QUESTION_NUMBER}\s*(?=[\p{{Han}}]{{0,6}}[问問答][{COLON}]))?"
        rf"(?P<label>[^\s{COLON}][^{COLON}]{{0,{_LABEL_MAX}}}?)"
        rf"(?:\s+(?:{BRACKETED_TIME}))?\s*(?:{marks})(?!\d{{2}})\s*(?P<text>.*)$"
    )


_NAME_WORD = r"\p{Lu}[\p{L}\p{M}'’\-]+"


def titled_label(titles: Sequence[str]) -> str:
    r"""A pattern (no anchors) for a label that starts with one of ``titles`` (the conventions' honorifics, escaped,
    longest first) as hearings print them before a period: ``Senator Vance``, ``The Chairman`` (a title of more
    than three letters may stand alone), ``M. le président Laurent Verdier`` (an article and a post before the
    name), ``Mme la rapporteure``, ``Mme Claire Lemarchand, rapporteure`` (a post after a comma),
    ``M. Hugo Bertin (LFI-NFP)``. A sentence that starts with a title does not match: its words go on after the
    name (``M. Dupont a dit.``).

    >>> import regex
    >>> found = regex.compile(rf"^(?P<label>{titled_label(['Mme', 'M'])})\.\s")
    >>> [found.match(t)["label"] for t in ("M. le président Laurent Verdier. La parole", "Mme la rapporteure. Oui")]
    ['M. le président Laurent Verdier', 'Mme la rapporteure']
    >>> found.match("Mme Claire Lemarchand, rapporteure. Combien ?")["label"], found.match("M. Dupont a dit. Non")
    ('Mme Claire Lemarchand, rapporteure', None)
    """
    alone = "|".join(title for title in titles if len(title.replace("\\", "")) > 3)
    every = "|".join(titles) or "(?!)"
    post = r"\p{Ll}[\p{L}\p{M}]+"
    articles = "|".join(regex.escape(article) for article in sorted(ARTICLES, key=len, reverse=True))
    article = rf"(?:(?:{articles})\s+|l['’])"  # "le président", "l'ambassadeur"
    posted = rf"{article}?{post}(?:\s+{_NAME_WORD}){{0,3}}"  # "le président Laurent Verdier"
    name = rf"\.?\s+(?:{posted}|{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
    tail = r"(?:,\s*[^,.()]{1,100}?)?(?:\s*\([^()]{1,40}\))?"
    return rf"(?:(?:{every}){name}{tail}|(?:{alone or '(?!)'}){tail})"


def _titled_label(text: str, titles: Sequence[str], declared: Sequence[str], names: Sequence[str]) -> str | None:
    """The undeclared titled label ``text`` starts with (before its period), where it cannot be speech: it names a
    declared speaker (``M. Hugo Bertin (LFI-NFP).``, ``Mme Claire Lemarchand, rapporteure.``), or it is a post
    alone (``Mme la rapporteure.``) in a file whose declared labels are titled too. "Mr. Chairman, thank you." and
    "Senator, I appreciate it." are what witnesses say.

    >>> _titled_label("M. Hugo Bertin (LFI). Monsieur", ["M"], ["M. Roujol"], ["Hugo Bertin"])
    'M. Hugo Bertin (LFI)'
    >>> _titled_label("Mme la rapporteure. Vous", ["Mme", "M"], ["M. Roujol"], [])
    'Mme la rapporteure'
    >>> _titled_label("Mr. Chairman, thank you. I", ["Mr"], ["Mr. Lund"], ["Ann Lund"]) is None
    True
    """
    match = _titled(tuple(titles)).match(text)
    if match is None or match["label"] in declared:
        return None
    label = match["label"]
    head = without_asides(label.partition(",")[0])
    words = head.split()[1:]
    named = any(_whole_word(part).search(head) for name in names for part in (name, name.split()[-1]) if len(part) >= 3)
    if named:
        return label
    titled_file = any(label_word.rstrip(".") in titles for label_word in (d.split()[0] for d in declared if " " in d))
    post_only = bool(words) and all(word[:1].islower() for word in words) and head == label
    return label if post_only and titled_file else None


@lru_cache(maxsize=32)
def _titled(titles: tuple[str, ...]) -> regex.Pattern[str]:
    """A paragraph that starts with a titled label, a period and the text (``M. le président X. La parole …``)."""
    escaped = [regex.escape(title) for title in sorted(titles, key=len, reverse=True)]
    return compiled(rf"^(?P<label>{titled_label(escaped)})\.\s+(?=[\p{{Lu}}\p{{N}}«“\"(¿¡])")


def near_label(label: str, known: Iterable[str]) -> str | None:
    """The declared label ``label`` is a typo of, if any (one error in 3–7 letters, two from 8), or the same
    label in another case or spelling of ``ß`` (``Weiss``, ``WEISS`` for ``Weiß``). Labels with other numbers
    are other speakers (``Speaker 1`` and ``Speaker 3``, ``P07`` and ``P08``), never typos of each other.

    >>> near_label("Altmann", ["Altman", "F"]), near_label("Tom", ["Altman"]), near_label("Weiss", ["Weiß"])
    ('Altman', None, 'Weiß')
    >>> near_label("Speaker 1", ["Speaker 3"]) is None
    True
    """
    digits = _NOT_DIGITS.sub("", label)
    for candidate in known:
        if _NOT_DIGITS.sub("", candidate) != digits:
            continue
        errors = 2 if len(candidate) >= 8 else 1 if len(candidate) >= 3 else 0
        if candidate != label and candidate.casefold() == label.casefold():
            return candidate
        if errors and _typo(candidate, errors).fullmatch(label):
            return candidate
    return None


_NOT_DIGITS = regex.compile(r"\D+")


@lru_cache(maxsize=1024)
def _typo(label: str, errors: int) -> regex.Pattern[str]:
    return regex.compile(rf"(?:{regex.escape(label)}){{e<={errors}}}", regex.IGNORECASE)


@lru_cache(maxsize=1024)
def _whole_word(word: str) -> regex.Pattern[str]:
    return regex.compile(rf"(?<!\p{{L}}){regex.escape(word)}(?!\p{{L}})")


def undeclared_label(
    text: str,
    *,
    bold_start: str = "",
    declared: Sequence[str],
    names: Sequence[str],
    not_labels: Sequence[str],
    separators: Sequence[str] = (),
    first_line: str = "",
    alone: bool = False,
    titles: Sequence[str] = (),
    roles: Sequence[str] = (),
    posts: Sequence[str] = (),
) -> tuple[str, str] | None:
    """The label ``text`` starts with, and why it is one, if it looks like a speaker label; else None.

    ``declared`` are the language's labels, ``names`` the declared speakers' names, ``titles`` the honorifics
    (``Mr. Graves …`` is no label ``Mr`` where labels may end in a period), ``roles`` the conventions' role
    phrases (``From the audience``, ``Dal pubblico``): labels though not shaped like a name; ``posts`` the role
    words a name may follow after a space in a script without spaces (``主持人 林静``). ``first_line`` is the
    paragraph's first line: a name and a time code alone on it are a label (``Speaker 3  12:04``), and so is a
    name in capitals alone on it with text below where the file prints its labels so (``alone``: ``CALLER``).

    >>> undeclared_label("Sam Altman: Hi.", declared=["Sam", "Q"], names=["Sam Altman"], not_labels=[])
    ('Sam Altman', "it names the declared speaker 'Sam Altman'")
    >>> undeclared_label("Bottom line: it works.", declared=["Q"], names=[], not_labels=[]) is None
    True
    >>> undeclared_label("Ruth Lee  12:04 Hi.", first_line="Ruth Lee  12:04", declared=[], names=[], not_labels=[])
    ('Ruth Lee', 'it is shaped like a speaker label')
    """
    timed = (timed_label(first_line) or bold_timed(first_line, bold_start)) if first_line else None
    script = ALONE_NAME.match(first_line) if alone and len(text) > len(first_line) else None
    titled = _titled_label(text, titles, declared, names) if "." in separators and titles else None
    if titled is not None and not _not_a_label(titled.casefold(), titled.split()[0].casefold(), tuple(not_labels)):
        return titled, "it starts with a title, as this file's labels printed with a period do"
    if timed is not None:
        label, rest = timed, text[len(first_line) :]
    elif script is not None:
        label, rest = script["label"], ""
    elif (match := _label_like(separators).match(text)) is not None:
        label, rest = match["label"].strip(), match["text"]
    else:
        return None
    if label.casefold() in {title.casefold() for title in titles} and text[len(label) :].startswith("."):
        return None
    words = label.split()
    # "THE WITNESS:", "THE COURT:" in capitals are labels, though "The" starts many a sentence with a colon
    first = "" if len(words) > 1 and label.isupper() else words[0].casefold() if words else ""
    if not words or _not_a_label(label.casefold(), first, tuple(not_labels)):
        return None
    if script is not None and timed is None:
        return label, "it is a name alone on its line, as this file prints its labels"
    found = _reason(label, rest, bold_start, declared, names, posts)
    if found is None and role_phrase(label, roles):  # "Dal pubblico", not shaped like a name
        return label, "it names a role the conventions list"
    return found


def role_phrase(label: str, roles: Sequence[str]) -> bool:
    """Whether the label is one of ``roles`` as printed, or in capitals (``DAL PUBBLICO``), what it says in
    brackets left out (``Aus dem Publikum (Frau K.)``).

    >>> role_phrase("Dal pubblico", ["Dal pubblico"]), role_phrase("FROM THE AUDIENCE", ["From the audience"])
    (True, True)
    >>> role_phrase("dal pubblico", ["Dal pubblico"]), role_phrase("Bottom line", ["From the audience"])
    (False, False)

    A noun before a phrase that starts with a preposition names the same person (``Wortmeldung aus dem
    Publikum``, ``Comment from the audience``):

    >>> role_phrase("Wortmeldung aus dem Publikum", ["Aus dem Publikum"])
    True
    """
    bare = without_asides(label)
    if any(bare == role or (bare.isupper() and bare == role.upper()) for role in roles):
        return True
    head, _, rest = bare.partition(" ")
    return head[:1].isupper() and head.isalpha() and any(rest == role[:1].lower() + role[1:] for role in roles)


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


def _reason(
    label: str, rest: str, bold_start: str, declared: Sequence[str], names: Sequence[str], posts: Sequence[str] = ()
) -> tuple[str, str] | None:
    if bold_start and bold_start.rstrip(f" {COLON}").strip() == label:
        return label, "it is printed in bold like a label"
    near = near_label(label, declared)
    if near is not None:
        return label, f"a typo of {near!r}?"
    if not rest.strip():  # a line ending in a colon: a label on its own line, or narration ("Later, Altman called:")
        return (label, "it is shaped like a speaker label") if _name_shaped(label, alone=True, posts=posts) else None
    for name in names if len(label.split()) <= _NAMING_WORDS else ():
        parts = [name, *(part for part in name.split() if len(part) >= 3)]
        for part in parts:
            found = _whole_word(part).search(label)
            if found and text_width(label) - text_width(found[0]) <= _NAMING_REST:
                return label, f"it names the declared speaker {name!r}"
    if _name_shaped(label, alone=False, posts=posts):
        return label, "it is shaped like a speaker label"
    return None


def _name_shaped(label: str, *, alone: bool, posts: Sequence[str] = ()) -> bool:
    """A name (``Tom``, ``Dr. Anna Meyer (SPD)``, ``DELL (on camera)``, ``记者``, ``蓝湾电视台记者``, ``[主持人]``);
    a name and a title after a comma where the label stands alone on its line (``Jonas Aldinger, Parl.
    Staatssekretär bei …``) or is all capitals, as broadcast transcripts print it (``ANA REYES, CNN ANCHOR``).

    >>> _name_shaped("Tom", alone=False), _name_shaped("Jonas Aldinger, Parl. Staatssekretär bei der X", alone=True)
    (True, True)
    >>> _name_shaped("ANA REYES, CNN ANCHOR", alone=False), _name_shaped("DELL (on camera)", alone=False)
    (True, True)
    >>> _name_shaped("Nachdem er aufgelegt hatte, rief Altman zurück", alone=True)
    False
    >>> _name_shaped("In Berlin, Merkel said", alone=False), _name_shaped("蓝湾电视台记者", alone=False)
    (False, True)
    >>> _name_shaped("周慕白（“半亩书房”创始人）", alone=False), _name_shaped("Speaker 3", alone=False)
    (True, True)
    >>> _name_shaped("ホール", alone=False)
    True
    """
    bare = _BRACKETED.sub(r"\1", label.strip())
    if _WIDE_NAME.match(bare) or _NUMBERED_SPEAKER.match(bare) or coded_speaker(bare):
        return True
    if (posted := _POSTED_NAME.match(bare)) is not None and posted["post"] in posts:
        return True  # "主持人 林静"; "说到底 还是那句话" is a clause
    if bare.startswith(("(", "（")):  # "(Beifall bei der SPD) Name": an interjection first, not a name
        return False
    bare = without_asides(bare)  # "(SPD)", "(on camera)", "(voice-over)", "（“半亩书房”创始人）"
    if _WIDE_NAME.match(bare):
        return True
    head, comma, _ = bare.partition(",")
    if comma and not (alone or bare.isupper()):
        return False
    words = head.split()
    titled = bool(comma)  # "Name, title …": the name needs two words
    named = [word for word in words if not _title_word(word, head)] or words  # "SV Prof. Dr. Anna Meyer": two
    if not (2 if titled else 1) <= len(named) <= 4 or any(char.isdigit() for char in head):
        return False
    return all(word in PARTICLES or _LATIN_TOKEN.match(word) for word in words) and words[0][:1].isupper()


_ABBREVIATED = regex.compile(r"^\p{Lu}\p{L}{0,4}\.$")


def _title_word(word: str, label: str) -> bool:
    """A title or post before a name: abbreviated (``Prof.``, ``Dr.``, ``Abg.``), or in capitals in a label that is
    not (``SV``, ``MdB`` before ``Anna Meyer``; in ``ANA REYES`` every word is in capitals)."""
    capitals = word.isupper() and 2 <= len(word) <= 3 and not label.isupper()
    return capitals or _ABBREVIATED.match(word) is not None


_ASIDE = regex.compile(r"\s*[(（][^()（）]*[)）]")


def without_asides(label: str) -> str:
    """A label without what it says in brackets besides the name: a party, a post, a delivery note.

    >>> without_asides("DELL (on camera)"), without_asides("周慕白（“半亩书房”创始人）")
    ('DELL', '周慕白')
    """
    return _ASIDE.sub("", label).strip()


def text_width(text: str) -> int:
    """Characters, a wide (CJK) one counting two: how much a label holds besides a name, across scripts."""
    return len(text) + sum(1 for char in text if _WIDE_NAME.match(char))


def _not_a_label(label: str, first_word: str, not_labels: tuple[str, ...]) -> bool:
    """Whether ``not_labels`` lists the label or its first word; an entry ending in ``*`` is a prefix
    (``以下*`` for ``以下为访谈文字实录``: a script without spaces has no first word to list)."""
    words, prefixes = _folded(not_labels)
    return label in words or first_word in words or label.startswith(prefixes)


@lru_cache(maxsize=64)
def _folded(entries: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The entries casefolded: whole words, and prefixes (the entries ending in ``*``, without it)."""
    folded = [entry.casefold() for entry in entries]
    return (
        frozenset(entry for entry in folded if not entry.endswith("*")),
        tuple(entry[:-1] for entry in folded if entry.endswith("*") and len(entry) > 1),
    )
