"""Question–answer exchanges from a transcript's turns, defined over what each role does.

Each turn's role asks, answers or does neither (:data:`qa_builder.models.FUNCTIONS`):
interviewers, hosts, questioners and the audience ask; interviewees, guests and
respondents answer; a moderator or chair giving the floor does neither. An
exchange is a run of asking turns (one question, however many people ask it)
and the run of answering turns after it, up to the next asking turn. A run
where nobody asks with a question mark (and the layout does not print it as a
question) may be a prompt ("Tell us about the dam.") or a greeting; it is kept
and flagged ``no_question_mark``. An asking turn without a question before the
question of someone given the floor (a host's "Walt, go ahead." before the
caller's question) only hands the floor, and is in no exchange; so is one that gives the
floor back to an answerer after another broke in ("Herr Trask, bitte."). An
answerer's short turn after an answer that only gives the floor to the next asker
("Go ahead, Priya.", the ``floor`` convention), and the thanks before it, are in
no exchange either. Turns
that do neither are passed over: a chair's "the minister will answer" between
a question and its answer does not break the exchange, and is not part of it.
A stage direction or heading between two turns does break it. A question
nobody answers and an answer nobody asked for are not exchanges; they stay in
``turns``. Nor is a welcome or a goodbye: the first or last run, where it asks
nothing but welcomes or thanks and is answered only by short turns of thanks or
a greeting, as the language's ``courtesy`` convention starts them ("Welcome." /
"Thanks, Dana. Glad to be here.", "谢谢您接受采访。" / "谢谢。").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from ..models import FLOOR_ROLES, FUNCTIONS, Exchange, Segment, Turn
from .labels import text_width

__all__ = ["QUESTION_END", "QUESTION_MARK", "find_exchanges"]

_BREAKS = ("stage_direction", "heading")
QUESTION_MARK = regex.compile(r"[?？¿]|か[。．]")
"""A question mark in any script (Spanish opens a question with ``¿``; Japanese minutes end a question with the
particle ``か`` and a full stop: ``いつまでですか。``)."""
QUESTION_END = regex.compile(r"(?:[?？]|か[。．])\W*$")
"""A text that ends in a question mark, whatever closes after it (``…?"``, ``…？」``, ``…?)``, ``…ですか。``)."""
COURTESY_MAX = 100
"""The longest answering turn (in characters, a Chinese, Japanese or Korean one counting two) that can be thanks
or a greeting; longer, it says more ("Thanks for having me. I've been a listener since episode one." is 62)."""


@dataclass(slots=True)
class _Group:
    questions: list[Turn] = field(default_factory=list)
    answers: list[Turn] = field(default_factory=list)


def find_exchanges(
    turns: Sequence[Turn],
    segments: Sequence[Segment],
    courtesy: regex.Pattern[str] | None = None,
    floor: regex.Pattern[str] | None = None,
) -> list[Exchange]:
    """Group turns into exchanges; ``segments`` say where the conversation breaks, ``courtesy`` what thanks and
    greetings start with (no exchange where only they answer), ``floor`` how an answerer gives the floor to the
    next asker (:func:`_without_floor_giving`).

    >>> find_exchanges([], [])
    []
    """
    breaks = sorted(s.source.line_start for s in segments if s.kind in _BREAKS)
    groups: list[_Group] = []
    last: Turn | None = None  # the last turn that asked or answered
    for k, turn in enumerate(turns):
        function = FUNCTIONS[turn.role]
        if not function:
            continue
        broken = last is None or _break_between(last, turn, breaks)
        group = groups[-1] if groups and not broken else None
        if function == "asks" and group is not None and _lets_the_answer_go_on(turn, turns[k + 1 :], group):
            continue  # "Gleich, Frau Albrecht. Herr Trask, bitte.": in no exchange
        if function == "asks":
            if group is None or group.answers:
                groups.append(_Group())
            groups[-1].questions.append(turn)
        elif group is not None and group.questions:
            group.answers.append(turn)
        else:
            groups.append(_Group())  # an answer nobody asked for: it ends what came before
        last = turn
    asked_next = _asked_next(turns)
    complete = [
        _without_floor_giving(_without_handover(group), courtesy, floor, asked_next)
        for group in groups
        if group.answers
    ]
    if complete:
        complete[-1] = _without_closing_thanks(complete[-1], courtesy)
    if complete and _courtesy(complete[-1], courtesy):
        complete.pop()
    if complete and _courtesy(complete[0], courtesy):
        complete.pop(0)
    return [_exchange(index, group) for index, group in enumerate(complete)]


def _lets_the_answer_go_on(turn: Turn, later: Sequence[Turn], group: _Group) -> bool:
    """Whether an asking turn that asks nothing gives the floor back to one who answered in this exchange, after
    another answerer broke in ("Gleich, Frau Albrecht. Herr Trask, bitte."): a host keeping order does not end the
    exchange. (After the same answerer it may be a new prompt, "Tell us about the dam.", and starts one.)"""
    if not group.answers or _asks([turn]) or turn.role in FLOOR_ROLES:
        return False  # a reporter's "(Inaudible.)" is a question nobody heard, not a host keeping order
    after = next((other for other in later if FUNCTIONS[other.role]), None)
    if after is None or FUNCTIONS[after.role] != "answers" or after.speaker == group.answers[-1].speaker:
        return False
    return after.speaker in {answer.speaker for answer in group.answers}


def _courtesy(group: _Group, courtesy: regex.Pattern[str] | None) -> bool:
    """Whether the first or last run is a welcome or a goodbye: it asks nothing but welcomes or thanks (a sentence
    of it starts so, after a name: "Harriet, thank you so much."), and each answer is short thanks or a greeting.
    ("Tell us about your first film." answered "Thank God it's over." is an exchange.)"""
    if courtesy is None or _asks(group.questions):
        return False
    greets = any(_starts(courtesy, sentence) for turn in group.questions for sentence in _SENTENCE.split(turn.text))
    return greets and all(text_width(turn.text) <= COURTESY_MAX and courtesy.match(turn.text) for turn in group.answers)


_SENTENCE = regex.compile(r"(?<=[.!?。！？])\s*")
_WHOLE_SENTENCE = regex.compile(
    r"(?<=[.!?。！？])(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Hon)\.)\s*"
)
"""Where a short turn's sentences end, for what must fill one (not after a title: ``Mr. Petrović, please.``)."""
_VOCATIVE = regex.compile(r"^\p{Lu}[\p{L}'’\-]+(?:\s+(?:\p{Lu}[\p{L}'’\-]+|and|und|et|y|e)){0,3},\s*")
"""A name addressed before the words: "Harriet, " in "Harriet, thank you so much.", "Liebe Chatterinnen und
Chatter, "."""


def _asked_next(turns: Sequence[Turn]) -> set[int]:
    """The indices of the turns after which the next turn that asks or answers asks."""
    found: set[int] = set()
    following = ""
    for turn in reversed(turns):
        function = FUNCTIONS[turn.role]
        if following == "asks":
            found.add(turn.turn_index)
        following = function or following
    return found


def _without_floor_giving(
    group: _Group, courtesy: regex.Pattern[str] | None, floor: regex.Pattern[str] | None, asked_next: set[int]
) -> _Group:
    """The group without the short answering turns after its answer that only give the floor to the next asker,
    and the thanks before them: a press secretary's "Go ahead, Priya." between an official's answer and the next
    reporter's question, or "Thank you, Luis." / "Thanks, everyone." / "Okay, Josh, you want to kick us off?"
    (``floor`` in the conventions). They answer nothing; they stay turns. The group keeps its first answer, so a
    "Go ahead." that answers "Can I jump in?" stays an answer."""
    answers = group.answers
    if floor is None or answers[-1].turn_index not in asked_next or _says(answers[-1], floor, courtesy) != "floor":
        return group
    k = len(answers) - 1
    while k > 1 and _says(answers[k - 1], floor, courtesy):
        k -= 1
    return _Group(group.questions, answers[:k]) if k else group


def _without_closing_thanks(group: _Group, courtesy: regex.Pattern[str] | None) -> _Group:
    """The last group without the answerers' thanks after its answer that close the event ("Thank you all very
    much." / "Thank you, everybody."): they answer nothing. The group keeps its first answer."""
    if courtesy is None:
        return group
    k = len(group.answers)
    while k > 1 and _only_thanks(group.answers[k - 1], courtesy):
        k -= 1
    return _Group(group.questions, group.answers[:k]) if k < len(group.answers) else group


def _only_thanks(turn: Turn, courtesy: regex.Pattern[str]) -> bool:
    sentences = [sentence for sentence in _WHOLE_SENTENCE.split(turn.text) if sentence.strip()]
    return text_width(turn.text) <= COURTESY_MAX and all(_fills(courtesy, s, after_comma=False) for s in sentences)


def _says(turn: Turn, floor: regex.Pattern[str], courtesy: regex.Pattern[str] | None) -> str:
    """``"floor"`` where a short turn gives the floor (and says nothing else but thanks), ``"thanks"`` where it
    only thanks or greets, else ``""``."""
    if text_width(turn.text) > COURTESY_MAX:
        return ""
    sentences = [sentence for sentence in _WHOLE_SENTENCE.split(turn.text) if sentence.strip()]
    floors = [_fills(floor, sentence, after_comma=True) for sentence in sentences]
    thanks = all(
        given or (courtesy is not None and _fills(courtesy, sentence, after_comma=False))
        for given, sentence in zip(floors, sentences, strict=True)
    )
    return "" if not sentences or not thanks else "floor" if any(floors) else "thanks"


def _starts(pattern: regex.Pattern[str], sentence: str) -> bool:
    """Whether ``sentence`` starts as ``pattern`` says, or does after a name it addresses ("Luis, thank you.")."""
    return pattern.match(sentence) is not None or pattern.match(_VOCATIVE.sub("", sentence)) is not None


def _fills(pattern: regex.Pattern[str], sentence: str, after_comma: bool) -> bool:
    """Whether ``sentence`` is all what ``pattern`` says, but for what may follow a formula: for the floor
    (``after_comma``), a comma and a few words ("Go ahead, Priya.", "Next question, in the back."); for thanks, two
    short words ("Thank you very much.") or a comma and a name or two words ("Thank you, Luis.", "Thanks,
    everyone."). "The next question is whether we signed." and "Thanks to the volunteers, mostly." do not."""
    for text in (sentence, _VOCATIVE.sub("", sentence)):
        found = pattern.match(text)
        if found is None:
            continue
        rest = text[found.end() :].strip().rstrip(_CLOSING)
        if not rest or (_floor_tail(rest) if after_comma else _thanks_tail(rest)):
            return True
    return False


def _floor_tail(rest: str) -> bool:
    return rest[0] == "," and text_width(rest) <= _TAIL_CHARS and len(rest.strip(",").split()) <= _TAIL_WORDS


def _thanks_tail(rest: str) -> bool:
    words = rest.strip(", ").split()
    if rest[0] == "," and len(words) <= 3 and all(word[:1].isupper() for word in words):
        return True  # a name: "Thank you, Luis Moreno."
    return len(words) <= 2 and text_width(rest) <= _THANKS_TAIL_WIDTH


_CLOSING = ".!?…。！？\"'”’»)"
_TAIL_WORDS = 4
_TAIL_CHARS = 40
_THANKS_TAIL_WIDTH = 16
"""The widest tail after a thanks formula ("very much", "大家"; a Chinese character counts two)."""


def _without_handover(group: _Group) -> _Group:
    """The group without the asking turns that only hand the floor to an asker in another role before their
    question (a host's "Let's go to the phones. Walt, go ahead." before the caller asks): they ask nothing."""
    questions = group.questions
    k = 0
    while k + 1 < len(questions) and _hands_over(questions[k], questions[k + 1 :]):
        k += 1
    return _Group(questions[k:], group.answers) if k else group


def _hands_over(turn: Turn, later: Sequence[Turn]) -> bool:
    """Whether ``turn`` asks nothing and someone given the floor asks after it in the run (a host before a caller
    or the audience: :data:`~qa_builder.models.FLOOR_ROLES`; two interviewers' premise and question, or a host's
    and an interviewer's, stay one question), or a caller's thanks before another asks."""
    if _asks([turn]):
        return False
    if turn.role in FLOOR_ROLES:  # a caller's "Danke, schau ich nach!" before the next caller's question
        return any(_asks([other]) and other.speaker != turn.speaker for other in later)
    return any(other.role in FLOOR_ROLES and _asks([other]) for other in later)


def _asks(questions: Sequence[Turn]) -> bool:
    """A run of asking turns is a question if one of them asks one (or the layout prints it as a question)."""
    return any(QUESTION_MARK.search(turn.text) or "speaker_from_layout" in turn.issues for turn in questions)


def _break_between(before: Turn, after: Turn, breaks: Sequence[int]) -> bool:
    return any(before.source.line_end < line < after.source.line_start for line in breaks)


def _exchange(index: int, group: _Group) -> Exchange:
    first, turns = group.questions[0], [*group.questions, *group.answers]
    askers = list(dict.fromkeys(turn.speaker for turn in group.questions))
    answerers = list(dict.fromkeys(turn.speaker for turn in group.answers))
    issues = {issue for turn in turns for issue in turn.issues}
    if not _asks(group.questions):
        issues.add("no_question_mark")
    if len(answerers) > 1:
        issues.add("multiple_answerers")
    if len(askers) > 1:
        issues.add("multiple_askers")
    return Exchange(
        id=f"{first.interview_id}/{first.lang}/q{index:03d}",
        interview_id=first.interview_id,
        lang=first.lang,
        exchange_index=index,
        question="\n".join(turn.text for turn in group.questions),
        answer="\n".join(turn.text for turn in group.answers),
        question_speakers=askers,
        answer_speakers=answerers,
        turn_indices=[turn.turn_index for turn in turns],
        section=first.section,
        issues=sorted(issues),
    )
