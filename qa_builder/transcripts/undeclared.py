"""Paragraphs that start like a speaker label nobody declared.

A paragraph that starts like a label but matches none of the declared ones
(:func:`~qa_builder.transcripts.labels.label_pattern`) is the silent mis-parse this module exists to stop:
its text would be glued onto the turn before. :func:`undeclared_label` says
when such a start is a label — in bold markup, a near-typo of a declared label,
a declared speaker's name written another way (``Sam Altman:`` where ``Sam:`` is
declared), or shaped like a name (``Tom:``, ``记者：``) — unless the conventions
list it among ``not_labels`` (``Note:``, ``注：``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

import regex

from .conventions import compiled
from .labels import (
    ALONE_NAME,
    ARTICLES,
    BRACKETED_TIME,
    COLON,
    COLONS,
    COMMITTEE_NUMBER,
    NUMBERED_SPEAKER,
    PARTICLES,
    QUESTION_NUMBER,
    WIDE_LETTER,
    WIDE_NAME,
    bold_timed,
    coded_speaker,
    run_on_timed,
    text_width,
    timed_label,
    without_asides,
)

__all__ = [
    "NUMBERED_WHY",
    "near_label",
    "numbered_role",
    "role_phrase",
    "titled_label",
    "undeclared_label",
]


_LATIN_TOKEN = regex.compile(r"^(?:\p{Lu}[\p{L}\p{M}'’.\-]*|\([^()]*\)|[\p{Lu}\p{N}]{1,3}\.?)$")


_POSTED_NAME = regex.compile(rf"^(?P<post>{WIDE_LETTER}{{1,6}})[ \u3000]{WIDE_LETTER}{{2,4}}$")
"""A role word and a name after one space, as Chinese press conferences print the host: ``主持人 林静``."""


_BRACKETED = regex.compile(r"^[\[【〔（(]([^\]】〕）)]+)[\]】〕）)]$")
"""A label printed in brackets: ``[主持人]``, ``【嘉宾】``."""


_LABEL_MAX = 150


_NAMING_WORDS = 5


_NAMING_REST = 16
"""A start naming a declared speaker is a label only if it is this short in words, and holds this many characters
at most besides the name (``Dr. Sam Altman``, ``Sam Altman (on camera)``); longer, it is narration
(``采访中,Altman 反复重申自己无法回答人们最关心的问题：``)."""


def _label_like(separators: Sequence[str]) -> regex.Pattern[str]:
    marks = "|".join([*COLONS, *(regex.escape(s) + r"(?=\s)" for s in separators)])
    return compiled(
        rf"^(?:(?:{BRACKETED_TIME})\s*|{COMMITTEE_NUMBER}\s+|{QUESTION_NUMBER}\s*(?=[\p{{Han}}]{{0,6}}[问問答][{COLON}]))?"
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
    run_on = run_on_timed(first_line) if first_line and timed is None else None
    if timed is not None:
        label, rest = timed, text[len(first_line) :]
    elif run_on is not None:
        label, rest = run_on
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
    if found is None and numbered_role(label, posts):
        return label, NUMBERED_WHY
    return found


NUMBERED_WHY = "a role word and a number, as numbered questions and answers print them"
_NUMBERED = regex.compile(r"^(?P<word>\p{L}+)\.?\s+(?:\p{Ll}{1,3}\s+)?\d{1,3}\p{Ll}?\b")


def numbered_role(label: str, posts: Sequence[str]) -> bool:
    """Whether the label is a role word and a number (``Frage 1``, ``Question 3a (follow-up)``, ``Antwort zu 4
    und 5``), as written interviews number their questions.

    >>> numbered_role("Frage 3a (Nachfrage)", ["Frage"]), numbered_role("Bundesstraße 4", ["Frage"])
    (True, False)
    """
    found = _NUMBERED.match(label)
    return found is not None and found["word"].casefold() in {post.casefold() for post in posts}


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


def _reason(
    label: str, rest: str, bold_start: str, declared: Sequence[str], names: Sequence[str], posts: Sequence[str] = ()
) -> tuple[str, str] | None:
    if bold_start and bold_start.rstrip(f" {COLON}").strip() == label:
        return label, "it is printed in bold like a label"
    near = near_label(label, declared)
    if near is not None:
        return label, f"a typo of {near!r}?{_lookalikes(label, near)}"
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


def _lookalikes(printed: str, declared: str) -> str:
    """Where ``printed`` differs from ``declared`` by letters of another script that look alike (a Cyrillic
    ``А`` in ``Аltman``), which those letters are: on screen the two labels look the same."""
    scripts = {_script(char) for char in declared if char.isalpha()}
    others = [
        char
        for char in dict.fromkeys(printed)
        if char.isalpha() and char not in declared and _script(char) not in scripts
    ]
    named = ", ".join(f"{char!r} is U+{ord(char):04X} {unicodedata.name(char, '?')}" for char in others)
    written = " and ".join(sorted(script.title() for script in scripts))
    return f" its {named}, where {declared!r} is written in {written} letters" if others else ""


def _script(char: str) -> str:
    """The script a letter's Unicode name starts with (``LATIN``, ``CYRILLIC``, ``GREEK``, ``CJK``)."""
    return unicodedata.name(char, "?").split(" ")[0]


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
    if WIDE_NAME.match(bare) or NUMBERED_SPEAKER.match(bare) or coded_speaker(bare):
        return True
    if (posted := _POSTED_NAME.match(bare)) is not None and posted["post"] in posts:
        return True  # "主持人 林静"; "说到底 还是那句话" is a clause
    if bare.startswith(("(", "（")):  # "(Beifall bei der SPD) Name": an interjection first, not a name
        return False
    bare = without_asides(bare)  # "(SPD)", "(on camera)", "(voice-over)", "（“半亩书房”创始人）"
    if WIDE_NAME.match(bare):
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
