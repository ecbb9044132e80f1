"""Who the drafted labels are: variants of one speaker clustered (a typo, a surname beside the full name, a short
form), one speaker across translations, and each speaker's role guessed from the label."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ...models import FUNCTIONS, Role
from ..conventions import Conventions
from ..labels import ARTICLES, PARTICLES, label_words, numbered_speaker, without_asides
from ..undeclared import near_label, numbered_role, role_phrase
from .scan import Candidate, Scan

__all__ = [
    "cluster",
    "initials",
    "role_words",
    "same_person",
    "same_role_words",
    "same_surnames",
    "short_form",
    "short_role_word",
    "shortened",
]


def same_role_words(
    found: list[tuple[Scan, list[Candidate]]],
) -> list[tuple[Scan, list[Candidate]]]:
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


_HAN_NAME = regex.compile(r"^\p{Han}{2,4}$")


def same_surnames(found: list[tuple[Scan, list[Candidate]]]) -> list[tuple[Scan, list[Candidate]]]:
    """A translation may label a Chinese speaker by the surname alone (``黎`` in one, ``黎绮雯`` in the other): a
    one-character speaker is the one name of its role in another transcript that starts with that character."""
    names = {
        (c.speaker, FUNCTIONS[c.role]) for _, candidates in found for c in candidates if _HAN_NAME.match(c.speaker)
    }
    for _, candidates in found:
        for candidate in candidates:
            if len(candidate.speaker) != 1:
                continue
            full = {
                name
                for name, function in names
                if name[0] == candidate.speaker and function == FUNCTIONS[candidate.role]
            }
            if len(full) == 1:
                candidate.speaker = full.pop()
    return found


def _role_word_speakers(candidates: list[Candidate], function: str) -> set[str]:
    return {c.speaker for c in candidates if FUNCTIONS[c.role] == function and short_role_word(c.speaker)}


_SHORT_FORM = regex.compile(
    r"[（(]\s*(?:以下簡稱|以下简称|以下稱|以下称|下稱|下称|簡稱|简称|이하)?\s*(?P<short>[^()（）\s]{1,6})\s*[)）]$"
)
"""A name's first label with the short form its later labels use: ``林佩瑜（以下簡稱林）``, ``서미경(서)``."""


def short_form(label: str) -> str | None:
    found = _SHORT_FORM.search(label)
    return found["short"] if found is not None and found.start() > 0 else None


def shortened(candidates: list[Candidate]) -> list[Candidate]:
    """A name printed once with its short form, then the short form alone, is one speaker: the name's, in the role
    the short form's many turns tell."""
    by_label = {c.label: c for c in candidates}
    for full in candidates:
        short = by_label.get(short_form(full.label) or "")
        if short is not None and short is not full:
            full.role, short.speaker = short.role, full.speaker
    return candidates


def initials(candidates: list[Candidate], conventions: Conventions) -> list[Candidate]:
    """A role word and its initial are one speaker: "Pregunta." the first time, "P." after it."""
    words = role_words(conventions)
    letters = {c.label: c for c in candidates if len(c.label) == 1}
    for word in candidates:
        letter = letters.get(word.label[0]) if len(word.label) > 1 and word.label in words else None
        if letter is not None:
            word.speaker, word.role = letter.speaker, letter.role
    return candidates


def role_words(conventions: Conventions) -> set[str]:
    return {*conventions.asking_labels, *conventions.answering_labels}


def short_role_word(label: str) -> bool:
    return len(label) <= 2


def cluster(candidates: list[Candidate], conventions: Conventions) -> list[Candidate]:
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
            full = next((k for k in kept if same_person(candidate.label, k.label) or k.speaker == name), None)
            candidate.speaker = full.speaker if full else name
            candidate.role = full.role if full else _role(candidate, conventions)
        kept.append(candidate)
    return sorted(_asker(_chairs(_same_post(kept, conventions), conventions)), key=lambda c: c.first_line)


def _asker(candidates: list[Candidate]) -> list[Candidate]:
    """Where no label asks by its role or by ending most turns with a question, the speaker whose turns end with one
    most often (twice at least) and hold one more than twice as often as anyone's (a podcast host's "What is it for?
    If you had to explain it to a child.") asks; a guest's "Why did we start? Because …" does not make him ask."""
    if any(FUNCTIONS[c.role] == "asks" for c in candidates):
        return candidates
    named = [c for c in candidates if c.count >= 2]
    if len(named) < 2:
        return candidates
    ranked = sorted(named, key=lambda c: (c.questions / c.count, c.marked / c.count), reverse=True)
    top, second = ranked[0], ranked[1]
    if top.questions >= 2 and top.marked / top.count > 2 * second.marked / second.count:
        for candidate in candidates:
            candidate.role = "interviewer" if candidate.speaker == top.speaker else candidate.role
    return candidates


def _chairs(candidates: list[Candidate], conventions: Conventions) -> list[Candidate]:
    """A speaker one of whose labels names the chair's post (``Lea Brandt (Moderation)`` once, ``Brandt`` after it)
    chairs under every label."""
    chairing = {c.speaker for c in candidates if _role(c, conventions) == "chair"}
    for candidate in candidates:
        candidate.role = "chair" if candidate.speaker in chairing else candidate.role
    return candidates


def same_person(label: str, other: str) -> bool:
    """``Müller`` and ``Henrike Müller``: one label is the last word(s) of the other, titles after a comma and
    asides in brackets left out (``MARCUS DELL, CNN ANCHOR`` and ``DELL (voice-over)`` are ``DELL``); or one word
    is the first of a name of two or three, a surname printed first or a first name (``Chen`` and ``Chen Yu-lan``).

    >>> same_person("Chen", "Chen Yu-lan"), same_person("DELL (voice-over)", "MARCUS DELL, CNN ANCHOR")
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
    if numbered_role(label, conventions.posts()) and _numbers_turns(label.split()[0], candidates):
        return label.split()[0]  # "Frage 3a (Nachfrage)", "Antwort zu 4 und 5": the one who asks, who answers
    longer = [c.label for c in candidates if same_person(label, c.label) and len(c.label) > len(label)]
    name = max(longer, key=len) if longer else label
    name = regex.split(r"\s*[,(（]", name, maxsplit=1)[0].strip() or name
    words = name.split()
    named, post = _after_post(label_words(name), conventions)
    if post is not None:  # "M. le président Laurent Verdier" → "Laurent Verdier"
        return " ".join(named)
    titled = len(words) > 1 and _role_word(words[0], conventions) is not None and not numbered_speaker(name)
    return " ".join(words[1:]) if titled else name


def _numbers_turns(word: str, candidates: Sequence[Candidate]) -> bool:
    """Whether the labels of ``word`` and a number number turns (``Frage 1``, ``Frage 2``: each printed once), not
    people (``Speaker 1``, ``Guest 2``: printed again and again)."""
    numbered = [c for c in candidates if c.label.split()[0] == word and c.label != word]
    return all(c.count == 1 for c in numbered)


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
        ("moderator", conventions.interpreting_labels),
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
