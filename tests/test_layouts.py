"""One test per layout convention, on small transcripts written here (the fixtures exercise them at length)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import regex

from qa_builder.transcripts.meta import InterviewMeta
from qa_builder.transcripts.parse import ParsedTranscript, parse_text

META = InterviewMeta.model_validate(
    {
        "title": "t",
        "publisher": "p",
        "url": "u",
        "published": "2024-01-01",
        "interviewer": ["Ann Asker", "Hal Host"],
        "interviewees": ["Bob Answerer"],
        "speakers": {"Cy Chair": "chair"},
        "languages": {
            "en": {"source": "s", "labels": {"Q": "Ann Asker", "Bob": "Bob Answerer", "Hal": "Hal Host"}},
            "zh": {"source": "s", "labels": {"问": "Ann Asker", "答": "Bob Answerer"}},
            "de": {
                "source": "s",
                "labels": {
                    "Präsident Cy Chair": "Cy Chair",
                    "Bob Answerer, Staatssekretär beim Bundesminister für Verkehr": "Bob Answerer",
                    "Ann Asker (SPD)": "Ann Asker",
                },
            },
        },
    }
)


def meta_for(
    lang: str, labels: dict[str, str], speakers: dict[str, str] | None = None, **language: object
) -> InterviewMeta:
    """An interview's meta with one language: its labels, and the speakers (an asker and an answerer by default)."""
    return InterviewMeta.model_validate(
        {
            "title": "t",
            "publisher": "p",
            "url": "u",
            "published": "2024-01-01",
            "speakers": speakers or {"Ann Asker": "interviewer", "Bob Answerer": "interviewee"},
            "languages": {lang: {"source": "s", "labels": labels, **language}},
        }
    )


def exchange_groups(text: str, lang: str, labels: dict[str, str], speakers: dict[str, str]) -> list[list[int]]:
    """The turn indices of each exchange of ``text``, with the language's courtesy and floor conventions."""
    from qa_builder.transcripts.conventions import builtin_conventions
    from qa_builder.transcripts.exchanges import find_exchanges

    conventions = builtin_conventions(lang)
    result = parse_text(text, meta=meta_for(lang, labels, speakers), lang=lang)
    found = find_exchanges(
        result.turns, result.segments, conventions.compiled("courtesy"), conventions.compiled("floor")
    )
    return [exchange.turn_indices for exchange in found]


def parse(text: str, lang: str = "en") -> ParsedTranscript:
    return parse_text(text, meta=META, lang=lang)


def turns(result: ParsedTranscript) -> list[tuple[str | None, str]]:
    return [(t.speaker_label, t.text) for t in result.turns]


def kinds(result: ParsedTranscript) -> list[str]:
    return [s.kind for s in result.segments]


@pytest.mark.parametrize(
    "text",
    [
        "**Q:** Why?\n\n**Bob:** Because.\n\n**Q:** Sure?",
        "**Q**: Why?\n\n**Bob**: Because.\n\n**Q**: Sure?",
        "<p><strong>Q:</strong> Why?</p>\n<p><strong>Bob:</strong> Because.</p>\n<p><strong>Q:</strong> Sure?</p>",
        "<p><strong>Q: Why?</strong></p>\n<p><strong>Bob:</strong> Because.</p>\n<p><strong>Q: Sure?</strong></p>",
    ],
)
def test_labels_in_markup_keep_no_markup(text: str) -> None:
    assert turns(parse(text)) == [("Q", "Why?"), ("Bob", "Because."), ("Q", "Sure?")]


def test_questions_in_bold_and_answers_without_labels() -> None:
    text = "# A title\n\nAn intro.\n\n**Why bridges?**\n\nBecause.\n\nThey last.\n\n**And next?**\n\nRails."
    result = parse(text)
    assert [(t.speaker, t.text, t.issues) for t in result.turns] == [
        ("Ann Asker", "Why bridges?", ["speaker_from_layout"]),
        ("Bob Answerer", "Because.\nThey last.", ["speaker_from_layout"]),
        ("Ann Asker", "And next?", ["speaker_from_layout"]),
        ("Bob Answerer", "Rails.", ["speaker_from_layout"]),
    ]
    assert kinds(result) == ["heading", "preamble"] and result.layout == "bold-questions"
    assert [w.line for w in result.warnings] == [5]  # one warning for the layout, reviewable at its first question


def test_one_paragraph_per_line_keeps_furniture_out_of_turns() -> None:
    text = "Q: Why?\nBob: Because.\nA second paragraph.\n(laughter)\nEditor's note: checked.\nQ: And?\nBob: No."
    result = parse(text)
    assert result.mode == "one-per-line"
    assert turns(result) == [("Q", "Why?"), ("Bob", "Because.\nA second paragraph."), ("Q", "And?"), ("Bob", "No.")]
    assert kinds(result) == ["interjection", "editor_note"]


def test_hard_wrapped_paragraphs_are_joined_as_their_script_writes() -> None:
    en = parse("Q: Why is the\nsky blue?\n\nBob: Because of\nscattering.")
    assert en.mode == "hard-wrapped" and turns(en) == [("Q", "Why is the sky blue?"), ("Bob", "Because of scattering.")]
    zh = parse("问：为什么天空\n是蓝色的？\n\n答：因为散射，\n1994\n年就知道了。", "zh")
    assert turns(zh) == [("问", "为什么天空是蓝色的？"), ("答", "因为散射，1994年就知道了。")]


def test_inline_furniture_is_cut_out_with_its_place() -> None:
    result = parse("Q: [00:01:02] Why?\n\nBob: Well (laughs) because [crosstalk] of it.")
    assert turns(result) == [("Q", "Why?"), ("Bob", "Well because of it.")]
    cuts = [(s.kind, s.text, s.turn_index, s.offset) for s in result.segments]
    assert cuts == [
        ("timestamp", "[00:01:02]", 0, 0),
        ("interjection", "(laughs)", 1, 5),
        ("interjection", "[crosstalk]", 1, 13),
    ]


def test_furniture_alone_stays_the_turn_s_text() -> None:
    assert turns(parse("Q: Why?\n\nBob: (laughs)")) == [("Q", "Why?"), ("Bob", "(laughs)")]


def test_multi_line_regions_are_segments_and_leave_the_turn_open() -> None:
    text = (
        "---\ntitle: x\n---\n\nQ: Why?\n\n<!--\nBob: an original\n\nin two paragraphs\n-->\n"
        "Bob: Because.\n\n<!-- x -->\nIt is.\n"
    )
    result = parse(text)
    assert turns(result) == [("Q", "Why?"), ("Bob", "Because.\nIt is.")]
    assert [(s.kind, s.source.line_start, s.source.line_end) for s in result.segments] == [
        ("front_matter", 1, 3),
        ("comment", 7, 11),
        ("comment", 14, 14),
    ]


def test_a_label_wrapped_over_two_lines_and_a_chair_who_gives_the_floor() -> None:
    text = (
        "Präsident Cy Chair:\nIch rufe die Frage der Abgeordneten Ann Asker auf:\nWarum fährt kein Zug?\n"
        "Bitte, Herr Staatssekretär.\nBob Answerer, Staatssekretär beim Bundesminister für\nVerkehr:\n"
        "Weil gebaut wird.\n"
        "(Beifall bei der SPD)\nUnd zwar lange. (Heiterkeit)\n"
    )
    result = parse(text, "de")
    assert [(t.speaker, t.role, t.source.line_start, t.source.line_end) for t in result.turns] == [
        ("Cy Chair", "chair", 1, 2),
        ("Ann Asker", "interviewer", 3, 3),
        ("Cy Chair", "chair", 4, 4),
        ("Bob Answerer", "interviewee", 5, 9),
    ]
    assert result.turns[3].text == "Weil gebaut wird.\nUnd zwar lange."
    assert kinds(result) == ["interjection", "interjection"]


def test_captions_and_their_credit_lines_are_segments() -> None:
    text = (
        "Q: Why?\nBob: Because.\nA barge on the Rhine at Bingen\nImage: Jo Doe/agency\nMore to it.\nQ: And?\nBob: No."
    )
    result = parse(text)
    assert turns(result)[1] == ("Bob", "Because.\nMore to it.")
    assert kinds(result) == ["caption", "caption"]


def test_a_host_handing_the_floor_to_a_caller_is_no_part_of_the_question() -> None:
    """A call-in show: the host's "Walt, go ahead." asks nothing; the caller asks. The host's line is in no
    exchange. Two interviewers' premise and question stay one question, and so does a host's own prompt."""
    from qa_builder.transcripts.exchanges import find_exchanges

    speakers = {"Hal Host": "host", "Ann Asker": "interviewer", "Walt Caller": "audience", "Bob Answerer": "guest"}
    labels = {"Hal": "Hal Host", "Ann": "Ann Asker", "Walt": "Walt Caller", "Bob": "Bob Answerer"}
    text = (
        "Hal: Let's go to the phones. Walt, go ahead.\n\nWalt: Why is the mail late?\n\nBob: The trucks.\n\n"
        "Hal: The trucks changed in May.\n\nAnn: Why then?\n\nBob: The budget.\n\n"
        "Hal: Back to the map.\n\nHal: Why these towns?\n\nBob: They are far."
    )
    result = parse_text(text, meta=meta_for("en", labels, speakers), lang="en")
    exchanges = find_exchanges(result.turns, result.segments)
    assert [(e.turn_indices, e.question_speakers) for e in exchanges] == [
        ([1, 2], ["Walt Caller"]),
        ([3, 4, 5], ["Hal Host", "Ann Asker"]),
        ([6, 7, 8], ["Hal Host"]),
    ]


def test_a_host_giving_the_floor_back_after_an_interruption_does_not_split_the_exchange() -> None:
    """A talk show: a guest breaks into another's answer; the host's "Gleich, … bitte." gives the floor back. One
    exchange, the host's line in none; a prompt after the same answerer still starts a new one (test above)."""
    from qa_builder.transcripts.exchanges import find_exchanges

    speakers = {"Hal Host": "host", "Bob Answerer": "guest", "Cleo Guest": "guest"}
    labels = {"Hal": "Hal Host", "Bob": "Bob Answerer", "Cleo": "Cleo Guest"}
    text = (
        "Hal: Herr Bob, was dachten Sie?\n\nBob: Ehrlich gesagt, wir haben –\n\nCleo: Darf ich kurz –\n\n"
        "Hal: Gleich, Frau Cleo. Herr Bob, bitte.\n\nBob: Wir haben alles gemacht.\n\nHal: Und Sie?\n\nCleo: Angst."
    )
    result = parse_text(text, meta=meta_for("de", labels, speakers), lang="de")
    exchanges = find_exchanges(result.turns, result.segments)
    assert [e.turn_indices for e in exchanges] == [[0, 1, 2, 4], [5, 6]]


FLOOR_GIVING = [
    (
        "en",
        (
            "Dee: Go ahead, Priya.",
            "Q: And the cost?",
            "Lu: Thank you, Lu.",
            "Lu: Thanks, everyone.",
            "Dee: Okay, Jo, you want to kick us off?",
        ),
        ("Q: Can I jump in?", "Lu: Go ahead."),
    ),
    (
        "de",
        (
            "Dee: Herr Kurz, bitte.",
            "Q: Und die Kosten?",
            "Lu: Danke, Lu.",
            "Lu: Vielen Dank.",
            "Dee: Die nächste Frage.",
        ),
        ("Q: Darf ich kurz?", "Lu: Bitte."),
    ),
    (
        "zh",
        ("Dee：请提问。", "Q：费用呢？", "Lu：谢谢。", "Lu：谢谢大家。", "Dee：请新华社记者提问。"),
        ("Q：我能插一句吗？", "Lu：请讲。"),
    ),
]


@pytest.mark.parametrize(("lang", "floor", "interrupted"), FLOOR_GIVING, ids=[f[0] for f in FLOOR_GIVING])
def test_an_answerer_giving_the_floor_to_the_next_asker_is_in_no_exchange(
    lang: str, floor: tuple[str, ...], interrupted: tuple[str, str]
) -> None:
    """A briefing: the press secretary answers, and between an official's answer and the next reporter's question
    she only gives the floor (the language's ``floor`` convention), after thanks. Those turns are in no exchange;
    a "Go ahead." that answers a question stays its answer, and so does a second answerer's long addition."""
    from qa_builder.transcripts.conventions import builtin_conventions
    from qa_builder.transcripts.exchanges import find_exchanges

    speakers = {"Dee Sec": "interviewee", "Lu Official": "interviewee", "Reporters": "questioner"}
    labels = {"Dee": "Dee Sec", "Lu": "Lu Official", "Q": "Reporters"}
    why, because, more = (
        ("Q：为什么？", "Lu：因为桥太旧了。", "Dee：" + "还有，预算也不够。" * 8)
        if lang == "zh"
        else ("Q: Why?", "Lu: Because the bridges are old.", "Dee: " + "And the budget was short for years. " * 4)
    )
    go_ahead, asks, thanks, more_thanks, kick_off = floor
    text = "\n\n".join(
        [
            why,
            because,
            go_ahead,
            asks,
            because,
            thanks,
            more_thanks,
            kick_off,
            why,
            because,
            more,
            *interrupted,
            why,
            because,
        ]
    )
    conventions = builtin_conventions(lang)
    result = parse_text(text, meta=meta_for(lang, labels, speakers), lang=lang)
    exchanges = find_exchanges(
        result.turns, result.segments, conventions.compiled("courtesy"), conventions.compiled("floor")
    )
    assert [e.turn_indices for e in exchanges] == [[0, 1], [3, 4], [8, 9, 10], [11, 12], [13, 14]]
    without = find_exchanges(result.turns, result.segments, conventions.compiled("courtesy"))
    assert [e.turn_indices for e in without] == [[0, 1, 2], [3, 4, 5, 6, 7], [8, 9, 10], [11, 12], [13, 14]]


SECOND_ANSWERS = [
    (
        "en",
        "In the back of my mind, I did.",
        "The next question is whether we signed.",
        "Thanks to the Navy escorts, the backlog cleared.",
        "Go ahead, Priya.",
    ),
    (
        "de",
        "Die nächste Frage ist, wer das zahlt.",
        "Ihre Frage ist berechtigt, aber falsch.",
        "Danke der Marine ist der Stau seit März weg.",
        "Herr Kurz, bitte.",
    ),
    (
        "fr",
        "La question suivante est celle du prix.",
        "Une dernière question reste ouverte.",
        "Merci aux marins, le retard est rattrapé depuis mars.",
        "Allez-y, Paul.",
    ),
    (
        "es",
        "La siguiente pregunta es quién paga.",
        "Adelante va el proyecto, sin duda.",
        "Gracias a la marina, el retraso se recuperó en marzo.",
        "Adelante, Pablo.",
    ),
]


@pytest.mark.parametrize("case", SECOND_ANSWERS, ids=[s[0] for s in SECOND_ANSWERS])
def test_a_second_answer_that_starts_like_giving_the_floor_stays_in_the_exchange(case: tuple[str, ...]) -> None:
    """Only a turn that is all a floor formula (and the thanks before it) leaves the exchange: a second guest's
    short answer that starts with the same words ("The next question is whether …", "Thanks to the escorts, …")
    is an answer, even before a real "Go ahead, Priya."."""

    lang, first, second, thanks_to, go_ahead = case
    speakers = {"Ann Guest": "interviewee", "Ben Guest": "interviewee", "Dana Host": "interviewer"}
    labels = {"Ann": "Ann Guest", "Ben": "Ben Guest", "Dana": "Dana Host"}
    turns = ["Dana: Why?", "Ann: Because it was old.", f"Ben: {first}"]
    turns += ["Dana: Why?", "Ann: Because it was old.", f"Ben: {second}"]
    turns += ["Dana: Why?", "Ann: Because it was old.", f"Ben: {thanks_to}", f"Ann: {go_ahead}", "Dana: Why?"]
    assert exchange_groups("\n\n".join(turns), lang, labels, speakers) == [[0, 1, 2], [3, 4, 5], [6, 7, 8]]


def test_a_joint_press_availability_s_floor_giving_inaudible_question_and_closing_thanks() -> None:
    """Two presidents answer reporters: one calls on the next reporter ("May I call on …? Mr. Petrović, please."),
    another announces "One more from each side. Yes, go ahead." — in no exchange; a reporter's question nobody heard
    ("(Inaudible.)") starts an exchange of its own; the thanks that close the event are in none."""

    speakers = {"Vee Voss": "interviewee", "Mo Maric": "interviewee", "Reporters": "questioner"}
    labels = {"VOSS": "Vee Voss", "MARIC": "Mo Maric", "Q": "Reporters"}
    text = "\n\n".join(
        [
            "Q: Why now?",
            "VOSS: Because the money is there.",
            "MARIC: May I call on a journalist from our side? Mr. Petrovic, please.",
            "Q: Does it include the reservoirs?",
            "MARIC: All of them above forty million cubic metres.",
            "VOSS: One more from each side. Yes, go ahead.",
            "Q: Is there a deadline?",
            "VOSS: June.",
            "MARIC: June for me too.",
            "Q: (Inaudible.)",
            "VOSS: No, not today.",
            "Q: Will we need a passport?",
            "VOSS: An identity card will be enough.",
            "MARIC: Thank you all very much.",
            "VOSS: Thank you, everybody.",
        ]
    )
    assert exchange_groups(text, "en", labels, speakers) == [[0, 1], [3, 4], [6, 7, 8], [9, 10], [11, 12]]


def test_a_short_unpunctuated_line_before_a_label_is_a_heading() -> None:
    result = parse("Q: Why?\nBob: Because.\nA river nobody planned for\nQ: And?\nBob: No.")
    assert kinds(result) == ["heading"]
    assert [t.section for t in result.turns] == [None, None, "A river nobody planned for", "A river nobody planned for"]


def test_a_host_and_an_interviewer_both_ask_and_a_prompt_without_a_question_mark_is_flagged() -> None:
    from qa_builder.transcripts.exchanges import find_exchanges

    result = parse(
        "Q: Welcome.\n\nHal: Hello.\n\nBob: Thanks.\n\nQ: So why?\n\nHal: And how?\n\nBob: Because.\n\n"
        "Q: Tell us about the dam.\n\nBob: It is old."
    )
    exchanges = find_exchanges(result.turns, result.segments)
    assert [(e.turn_indices, e.question_speakers, e.issues) for e in exchanges] == [
        ([0, 1, 2], ["Ann Asker", "Hal Host"], ["multiple_askers", "no_question_mark"]),
        ([3, 4, 5], ["Ann Asker", "Hal Host"], ["multiple_askers"]),
        ([6, 7], ["Ann Asker"], ["no_question_mark"]),
    ]


COURTESIES = [
    ("en", "Hal: Welcome to the show.", "Bob: Thanks, Hal. Glad to be here.", "Hal: Bob, thank you.", "Bob: Thanks."),
    ("de", "Hal: Herzlich willkommen, Herr Bob.", "Bob: Guten Abend.", "Hal: Vielen Dank.", "Bob: Ich danke Ihnen."),
    ("zh", "Hal：欢迎您。", "Bob：谢谢，很高兴来到这里。", "Hal：谢谢您接受采访。", "Bob：谢谢。"),
]


@pytest.mark.parametrize(("lang", "welcome", "thanks", "goodbye", "reply"), COURTESIES, ids=[c[0] for c in COURTESIES])
def test_a_welcome_and_a_goodbye_answered_by_thanks_are_no_exchanges(
    lang: str, welcome: str, thanks: str, goodbye: str, reply: str
) -> None:
    """The language's courtesy convention: a run that asks nothing, answered by short thanks or a greeting, is in
    no exchange; a question answered with thanks is one, and so is a prompt whose answer goes on past thanks."""
    from qa_builder.transcripts.conventions import builtin_conventions
    from qa_builder.transcripts.exchanges import find_exchanges

    speakers = {"Hal Host": "host", "Bob Answerer": "guest"}
    question, long_answer = {"zh": ("Hal：为什么？", "Bob：" + "因为河水太浅。" * 20)}.get(
        lang, ("Hal: Why?", "Bob: " + "Because the river is low. " * 6)
    )
    text = "\n\n".join([welcome, thanks, question, reply, welcome, long_answer, goodbye, reply])
    result = parse_text(text, meta=meta_for(lang, {"Hal": "Hal Host", "Bob": "Bob Answerer"}, speakers), lang=lang)
    exchanges = find_exchanges(result.turns, result.segments, builtin_conventions(lang).compiled("courtesy"))
    assert [e.turn_indices for e in exchanges] == [[2, 3], [4, 5]]
    assert "no_question_mark" in exchanges[1].issues


@pytest.mark.parametrize("copies", ["paragraph", "file"])
def test_a_passage_pasted_twice_is_warned(copies: str) -> None:
    from qa_builder.transcripts.plausibility import check_transcript
    from qa_builder.transcripts.warnings import Notes

    answer = "Bob: Thirty-one years. My father said the salt tells you when it is ready."
    once = f"Q: Why salt?\n\n{answer}\n\nQ: Since when?\n\nBob: Since my father's time. Yes. Yes."
    twice = once.replace(answer, f"{answer}\n\n{answer[5:]}") if copies == "paragraph" else f"{once}\n\n{once}"
    warned = []
    for text in (once, twice):
        notes = Notes("x.txt", "x.txt", "en")
        check_transcript(notes, "en", parse(text).turns, [], ["Ann Asker", "Bob Answerer"])
        warned.append([w.line for w in notes.found if "repeat earlier ones word for word" in w.message])
    assert warned == [[], [3 if copies == "paragraph" else 11]]


def test_plausibility_warnings() -> None:
    from qa_builder.transcripts.plausibility import check_pairs, check_transcript
    from qa_builder.transcripts.warnings import Notes

    result = parse(
        "Q: Why?\n\nBob: " + "Das ist eine lange deutsche Antwort ohne Ende. " * 60 + "\n\nQ: Ok.\n\nQ: Ja.\n\nQ: Gut."
    )
    notes = Notes("x.txt", "x.txt", "zh")
    check_transcript(notes, "zh", result.turns, [], ["Ann Asker", "Bob Answerer", "Hal Host"])
    messages = [w.message.split(" — ")[0] for w in notes.found]
    assert messages[:3] == [
        "Hal Host is declared in meta.toml but has no turn in this transcript",
        "no question–answer exchange: no asking turn is followed by an answering one",
        messages[2],
    ]
    assert messages[2].startswith("only 0% of the turns' letters are in the Han script expected for 'zh'")
    assert messages[3].startswith("turn 1 is 2,819 characters, 705 times the median")
    pairs = {"de": Notes("de.txt", "de.txt", "de"), "zh": Notes("zh.txt", "zh.txt", "zh")}
    exchange = "Q: Why?\n\nBob: Because.\n\n"
    check_pairs({"de": parse(exchange * 22 + "Q: Ok?").turns, "zh": parse(exchange * 11 + "Q: Ok?").turns}, pairs)
    assert [w.message.split(" — ")[0] for w in pairs["de"].found] == [
        "45 turns here against 23 in the zh transcript: a translation that drops this much, or turns split or "
        "merged by the parse"
    ] and not pairs["zh"].found


def _asking(question: str, answer: str, *, swapped: bool = False) -> str:
    asker, answerer = ("Bob", "Q") if swapped else ("Q", "Bob")
    return f"{asker}: {question}\n\n{answerer}: {answer}\n\n" * 4


@pytest.mark.parametrize(
    ("left", "right", "warned"),
    [
        (
            _asking("Why?", "Because it rained all week. " * 3),
            _asking("Warum?", "Weil es regnete. " * 3, swapped=True),
            ["zh"],
        ),
        (
            _asking("Why?", "Because it rained all week. " * 3, swapped=True),
            _asking("Warum?", "Weil es regnete. " * 3),
            ["de"],
        ),
        # A translation that shortens the answers keeps who asks and who answers.
        (_asking("Why did it rain?", "Because it rained all week. " * 4), _asking("Warum?", "Weil es regnete. "), []),
        # Askers and answerers speak about as much: a swap cannot be told, and nothing is said.
        (
            _asking("Why did it rain so much?", "It rained all week."),
            _asking("Warum regnete es so viel?", "Es regnete die ganze Woche."),
            [],
        ),
    ],
)
def test_translations_whose_askers_and_answerers_look_swapped_are_warned(
    left: str, right: str, warned: list[str]
) -> None:
    from qa_builder.transcripts.plausibility import check_pairs
    from qa_builder.transcripts.warnings import Notes

    notes = {"de": Notes("de.txt", "de.txt", "de"), "zh": Notes("zh.txt", "zh.txt", "zh")}
    check_pairs({"de": parse(left).turns, "zh": parse(right).turns}, notes)
    found = {lang: [w.message for w in n.found] for lang, n in notes.items() if n.found}
    assert sorted(found) == warned
    for messages in found.values():
        assert len(messages) == 1 and "are the labels swapped here" in messages[0]


@pytest.mark.parametrize(
    ("lang", "answer", "warned"),
    [
        ("fr", "Weil es die ganze Woche geregnet hat, und wir sind nicht mit dem Auto gefahren. ", True),
        ("de", "Weil es die ganze Woche geregnet hat, und wir sind nicht mit dem Auto gefahren. ", False),
        ("fr", "Parce qu'il a plu toute la semaine, et nous ne sommes pas partis « mit dem Auto ». ", False),
        ("sv", "Weil es die ganze Woche geregnet hat, und wir sind nicht mit dem Auto gefahren. ", False),
    ],
    ids=["German in fr.txt", "German in de.txt", "French quoting German", "a language with no word list"],
)
def test_a_transcript_in_another_language_than_its_file_s_is_warned(lang: str, answer: str, warned: bool) -> None:
    from qa_builder.transcripts.plausibility import check_transcript
    from qa_builder.transcripts.warnings import Notes

    notes = Notes(f"{lang}.txt", f"{lang}.txt", lang)
    check_transcript(notes, lang, parse(_asking("Warum?", answer * 3)).turns, [], [])
    found = [w.message.split(" — ")[0] for w in notes.found if "read as" in w.message]
    assert found == (
        ["the turns read as German, not French: 33% of their words are frequent German words, 0% frequent French ones"]
        if warned
        else []
    )


@pytest.mark.parametrize(
    ("second", "warned"),
    [
        ("Hal", ["zh"]),  # Hal's label mapped to Bob in the other translation: Hal's words are gone there
        (None, []),  # Hal's short remarks left out of a translation that shortens: under 1% of the words
    ],
)
def test_a_speaker_whose_words_are_gone_from_one_translation_is_warned(second: str | None, warned: list[str]) -> None:
    from qa_builder.transcripts.plausibility import check_pairs
    from qa_builder.transcripts.warnings import Notes

    remark = "Hal: One more thing about the storm that week, and the roads.\n\n" if second else "Hal: Yes.\n\n"
    left = _asking("Why?", "Because it rained all week. " * 12) + remark * 2
    right = _asking("Why?", "Because it rained all week. " * 12) + ("Bob: Yes.\n\n" if second else "")
    notes = {"de": Notes("de.txt", "de.txt", "de"), "zh": Notes("zh.txt", "zh.txt", "zh")}
    check_pairs({"de": parse(left).turns, "zh": parse(right).turns}, notes)
    found = {lang: [w.message for w in n.found] for lang, n in notes.items() if n.found}
    assert sorted(found) == warned
    for messages in found.values():
        assert [message.split(" — ")[0] for message in messages] == [
            "Hal Host speaks 8% of the de transcript's words but 0% of this one's: is a label of theirs mapped to "
            "another speaker in [languages.zh.labels], or missing?"
        ]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("BOB ANSWERER, FORMER HARBOUR PILOT: Good morning, and thanks for having me.", "BOB ANSWERER, FORMER"),
        ("BOB (on camera): Good morning, and thanks for having me.", "BOB (on camera)"),
        ("Tess Turner: Good morning, and thanks for having me.", "Tess Turner"),
    ],
)
def test_undeclared_broadcast_labels_stop_the_parse(line: str, label: str) -> None:
    from qa_builder.errors import UnknownLabelError

    with pytest.raises(UnknownLabelError, match=re.escape(f"undeclared speaker label '{label}")):
        parse(f"Q: Why?\n\nBob: Because.\n\n{line}\n\nQ: Sure?")


def test_a_long_chinese_label_stops_the_parse_and_narration_naming_a_speaker_does_not() -> None:
    from qa_builder.errors import UnknownLabelError

    with pytest.raises(UnknownLabelError, match="'海湾电视台记者'"):
        parse("问：为什么？\n\n答：因为。\n\n海湾电视台记者：还有一个问题。", "zh")
    narration = parse("问：为什么？\n\n答：因为。\n\n采访结束后，Bob 又补充了一句：他很满意。", "zh")
    assert [t.speaker_label for t in narration.turns] == ["问", "答"]


def test_a_turn_before_the_first_declared_label_is_a_warning_not_silent_preamble() -> None:
    result = parse(
        "A headline about bridges\n\n"
        "Tess Turner: Welcome back to the programme, where this week we talk about bridges.\n\n"
        "Published: 3 May 2024\n\n"
        "Q: Why?\n\nBob: Because."
    )
    assert kinds(result) == ["preamble"] and result.segments[0].source.line_end == 5
    (warning,) = result.warnings
    assert warning.line == 3 and "starts like a speaker label 'Tess Turner'" in warning.message


def test_labels_printed_with_a_period_are_named_when_no_turn_is_found() -> None:
    from qa_builder.errors import NoTurnsError

    with pytest.raises(NoTurnsError, match=r"printed with '\.' instead of a colon \('Q\.' here") as caught:
        parse("Q. Why did the dam fail?\n\nBob. Because of the flood.\n\nQ. And then?")
    assert caught.value.line == 1 and 'label_separators = ["."]' in (caught.value.hint or "")


@pytest.mark.parametrize(
    "text",
    [
        # Rev: the time code between the label and its colon, the text below
        "Title\n\nQ (00:00:02):\nWhy?\n\nBob (00:00:09):\nBecause.\n\nQ (00:01:15):\nAnd then?",
        # Otter.ai: the label and a bare time code alone on a line, the text below
        "Title\n\nQ  00:02\nWhy?\n\nBob  00:09\nBecause.\n\nQ  1:01:15\nAnd then?",
        # a bracketed time code before the label
        "Title\n\n[00:00:02] Q: Why?\n\n[00:00:09] Bob: Because.\n\n[01:01:15] Q: And then?",
    ],
)
def test_a_time_code_beside_a_label_is_cut_out_as_a_timestamp(text: str) -> None:
    """Transcription services print a time code with each label; it is no part of the turn, and not lost."""
    result = parse(text)
    assert turns(result) == [("Q", "Why?"), ("Bob", "Because."), ("Q", "And then?")]
    stamps = [(s.text, s.source.line_start) for s in result.segments if s.kind == "timestamp"]
    timed = [n for n, line in enumerate(text.split("\n"), 1) if re.search(r"\d:\d\d", line)]
    assert [line for _, line in stamps] == timed
    assert all(re.fullmatch(r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?", stamp) for stamp, _ in stamps)


def test_a_label_with_a_time_code_nobody_declared_is_an_error() -> None:
    from qa_builder.errors import UnknownLabelError

    with pytest.raises(UnknownLabelError, match="'Ruth Lee'"):
        parse("Title\n\nQ  00:02\nWhy?\n\nBob  00:09\nBecause.\n\nRuth Lee  00:15\nMe too.")
    with pytest.raises(UnknownLabelError, match="'Ruth Lee'"):
        parse("Title\n\nQ (00:00:02):\nWhy?\n\nRuth Lee (00:00:09):\nBecause.")


def test_a_time_code_alone_before_a_label_is_no_part_of_the_turn() -> None:
    """Before the first turn as between two, a time code alone is a ``timestamp`` segment (not preamble)."""
    result = parse("Title\n\n[14:00:00]\n\nQ: Why?\n\nBob: Because.\n")
    inside = parse("Title\n\nQ: Why?\n\n[14:00:00]\n\nBob: Because.\n")
    assert [(t.speaker_label, t.source.line_start) for t in inside.turns] == [("Q", 3), ("Bob", 7)]
    assert [(s.kind, s.source.line_start) for s in inside.segments] == [("preamble", 1), ("timestamp", 5)]
    assert [(t.speaker_label, t.source.line_start) for t in result.turns] == [("Q", 5), ("Bob", 7)]
    assert [s.kind for s in result.segments if s.source.line_start <= 3 <= s.source.line_end] == ["timestamp"]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_fact_box_between_answers_is_a_box_not_the_answer(gap: str) -> None:
    """A short title, then bulleted lines (a magazine's fact box), whether its lines are one paragraph or several."""
    box = "The line in figures\n- 7.4 kilometres\n- 12 stops\n- 6,500 riders a day"
    result = parse(f"Title\n\nQ: Why?\n\nBob: Because.\n\n{box}\n\nQ: And then?")
    assert turns(result) == [("Q", "Why?"), ("Bob", "Because."), ("Q", "And then?")]
    assert [" ".join(s.text.split()) for s in result.segments if s.kind == "box"] == [" ".join(box.split())]
    listed = parse(f"Title\n\nQ: Why?\n\nBob: Three things:{gap}- speed\n- cost\n- safety")
    assert turns(listed)[1][0] == "Bob" and "safety" in turns(listed)[1][1]


def one_answerer(lang: str, language: dict[str, object]) -> InterviewMeta:
    """An interview's meta with Ann Asker asking and Bob Answerer the one answerer, in one language."""
    return InterviewMeta.model_validate(
        {
            "title": "t",
            "publisher": "p",
            "url": "u",
            "published": "2024-01-01",
            "interviewer": "Ann Asker",
            "interviewees": ["Bob Answerer"],
            "languages": {lang: language},
        }
    )


def test_questions_in_bold_among_labelled_answers_are_the_interviewers() -> None:
    """Some magazines label the answers only and print the questions in bold: each bold paragraph is a question."""
    meta = one_answerer("fr", {"source": "s", "labels": {"Bob Answerer": "Bob Answerer"}})
    text = "Titre\n\n**Pourquoi ?**\n\nBob Answerer : Parce que.\n\n**Et alors, c'est long…**\n\nBob Answerer : Oui."
    result = parse_text(text, meta=meta, lang="fr")
    assert [(t.speaker, t.text) for t in result.turns] == [
        ("Ann Asker", "Pourquoi ?"),
        ("Bob Answerer", "Parce que."),
        ("Ann Asker", "Et alors, c'est long…"),
        ("Bob Answerer", "Oui."),
    ]
    assert all("speaker_from_layout" in t.issues for t in result.turns[::2])
    assert "the answers are labelled" in result.warnings[0].message


def test_an_unlabelled_paragraph_after_a_labelled_question_in_bold_is_the_answer_whatever_it_ends_with() -> None:
    """Chinese profiles print ``**记者：…**`` in bold, a statement prompt too, and the answers unlabelled."""
    meta = one_answerer("zh", {"source": "s", "labels": {"记者": "Ann Asker"}, "markup": "markdown"})
    text = "标题\n\n**记者：为什么修桥？**\n\n因为桥是活的。\n\n**记者：您常说桥会老。**\n\n会老，也会好起来。\n"
    result = parse_text(text, meta=meta, lang="zh")
    assert [t.speaker for t in result.turns] == ["Ann Asker", "Bob Answerer", "Ann Asker", "Bob Answerer"]
    assert result.turns[3].text == "会老，也会好起来。"


def test_a_webvtt_transcript_reads_its_cues_as_time_codes() -> None:
    """Zoom and Teams export WebVTT: a cue number and timing before each line, never a heading or speech."""
    text = (
        "WEBVTT\n\n1\n00:00:02.140 --> 00:00:07.380\nQ: Why?\n\n2\n00:00:07.380 --> 00:00:14.020\nBob: Because.\n\n"
        "3\n00:00:14.600 --> 00:00:17.250\nIt is so.\n\n4\n00:00:18.010 --> 00:00:24.900\nQ: And then?"
    )
    result = parse(text)
    assert turns(result) == [("Q", "Why?"), ("Bob", "Because.\nIt is so."), ("Q", "And then?")]
    assert {s.kind for s in result.segments} <= {"boilerplate", "preamble", "timestamp"}
    assert not [s for s in result.segments if s.kind == "heading"]


def test_labels_in_bold_with_a_time_code_are_labels() -> None:
    data = META.model_dump()
    data["languages"]["en"]["markup"] = "markdown"
    result = parse_text(
        "**Q**  00:02\nWhy?\n\n**Bob**  00:09\nBecause.", meta=InterviewMeta.model_validate(data), lang="en"
    )
    assert turns(result) == [("Q", "Why?"), ("Bob", "Because.")]
    assert [s.text for s in result.segments if s.kind == "timestamp"] == ["00:02", "00:09"]


@pytest.mark.parametrize(
    "text",
    [
        "Title\n\nQ41 Hal: Why?\n\nBob: Because.\n\nQ42 Hal: And then?",  # a committee's numbered questions
        "Title\n\nQ1: Why?\n\nBob: Because.\n\nQ2: And then?",  # a think tank's numbered Q&A
    ],
)
def test_a_question_number_printed_with_a_label_is_a_number_segment(text: str) -> None:
    result = parse(text)
    assert [t.text for t in result.turns] == ["Why?", "Because.", "And then?"]
    assert [t.speaker for t in result.turns] == [result.turns[0].speaker, "Bob Answerer", result.turns[0].speaker]
    assert [(s.kind, s.source.line_start) for s in result.segments if s.kind == "number"] == [
        ("number", 3),
        ("number", 7),
    ]


SCRIPT_META = meta_for(
    "en",
    {"ANN ASKER": "Ann Asker", "ANN ASKER (CONT'D)": "Ann Asker", "BOB": "Bob Answerer"},
    {"Ann Asker": "host", "Bob Answerer": "guest"},
)


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_label_alone_on_its_line_above_the_words_starts_a_turn(gap: str) -> None:
    """Scripts and some transcript exports print the name alone on its line and the words below it, with or
    without a blank line between speeches (a file without them is read one paragraph per line)."""
    speeches = [("ANN ASKER", "Why the harbour?"), ("BOB", "Because of the boats.\nAnd the gulls."),
                ("ANN ASKER (CONT'D)", "Still?"), ("BOB", "Always.")]  # fmt: skip
    text = "THE HARBOUR HOUR" + gap + gap.join(f"{name}\n{words}" for name, words in speeches)
    result = parse_text(text, meta=SCRIPT_META, lang="en")
    assert [(t.speaker_label, " ".join(t.text.split())) for t in result.turns] == [
        ("ANN ASKER", "Why the harbour?"),
        ("BOB", "Because of the boats. And the gulls."),
        ("ANN ASKER (CONT'D)", "Still?"),
        ("BOB", "Always."),
    ]
    assert [t.speaker for t in result.turns] == ["Ann Asker", "Bob Answerer", "Ann Asker", "Bob Answerer"]


def test_a_name_alone_on_its_line_nobody_declared_in_a_script_is_an_error() -> None:
    """Where a file prints its labels alone on their lines, an undeclared name so printed would be glued silently
    onto the turn before: it stops the parse instead. A name alone in a file with colon labels is a heading."""
    from qa_builder.errors import UnknownLabelError

    text = "Title\n\nANN ASKER\nWhy?\n\nBOB\nBecause.\n\nCALLER\nIs it true?\n\nBOB\nNo."
    with pytest.raises(UnknownLabelError, match="'CALLER'") as caught:
        parse_text(text, meta=SCRIPT_META, lang="en")
    assert caught.value.line == 9
    colons = parse("Title\n\nQ: Why?\n\nBob: Because.\n\nTHE SECOND DAY\nWe met again at noon.\n\nQ: And?")
    assert [t.speaker_label for t in colons.turns] == ["Q", "Bob", "Q"]


def test_text_taken_from_a_pdf_is_put_back_together() -> None:
    """Hard-wrapped PDF text breaks words at line ends and sentences at page breaks: a broken word is joined
    (``Kommu-`` / ``nen``), a compound keeps its hyphen (``E-`` / ``Akte``) and a suspended one its space
    (``Klima-`` / ``und``); the page number between two pages is a segment, and the sentence goes on."""
    meta = meta_for("de", {"Frage": "Ann Asker", "Bob": "Bob Answerer"})
    text = (
        "Titel\n\nFrage: Warum so lang-\nsam?\n\nBob: In vielen Kommu-\nnen fehlen Klima- und\nBau-\n"
        "Experten, und die E-\nAkte ist noch nicht\n\n– 2 –\n\nüberall eingeführt.\n\nFrage: Und dann?\n\n"
        "Bob: Die Gebühren abschaf-\n\nSeite 2 von 3\n\nfen."
    )
    result = parse_text(text, meta=meta, lang="de")
    assert [t.text for t in result.turns] == [
        "Warum so langsam?",
        "In vielen Kommunen fehlen Klima- und Bau-Experten, und die E-Akte ist noch nicht überall eingeführt.",
        "Und dann?",
        "Die Gebühren abschaffen.",
    ]
    assert [(s.kind, s.text, s.source.line_start) for s in result.segments if s.kind == "boilerplate"] == [
        ("boilerplate", "– 2 –", 12),
        ("boilerplate", "Seite 2 von 3", 20),
    ]


@pytest.mark.parametrize("number", ["1.", "1．", "二、", "（3）", "(3) "])
def test_a_number_before_a_declared_label_is_a_number_segment(number: str) -> None:
    """Agencies number their Q&A (``1.问：``, ``二、问：``, ``（3）问：``): the label is still the label, the number a
    segment of its own, and a numbered label nobody declared stops the parse (it was glued to the answer before)."""
    from qa_builder.errors import UnknownLabelError

    result = parse(f"标题\n\n问：为什么？\n\n答：因为。\n\n{number}问：然后呢？\n\n答：再说。", lang="zh")
    assert turns(result) == [("问", "为什么？"), ("答", "因为。"), ("问", "然后呢？"), ("答", "再说。")]
    assert [(s.kind, s.text) for s in result.segments if s.kind == "number"] == [("number", number.strip())]
    with pytest.raises(UnknownLabelError, match="'记者问'"):
        parse(f"标题\n\n问：为什么？\n\n答：因为。\n\n{number}记者问：然后呢？\n\n答：再说。", lang="zh")


def test_a_numbered_list_in_an_answer_stays_in_the_answer() -> None:
    result = parse("Title\n\nQ: Why?\n\nBob: Three reasons.\n\n1. Cost: too high.\n\n2. Time: too short.\n\nQ: Ok.")
    assert turns(result)[1] == ("Bob", "Three reasons.\n1. Cost: too high.\n2. Time: too short.")


def test_a_numbered_transcript_with_running_lines_reads_as_its_speakers() -> None:
    """A deposition numbers each page's lines and repeats the reporter's footer and a page header wherever a page
    breaks, here inside an answer: the numbers go, the running lines are segments, and the answer is whole.
    Furniture on a line of its own after a sentence (``(Exhibit 3 was marked.)``, ``BY MS. ASKER:``) is no turn's."""
    meta = meta_for(
        "en",
        {"Q": "Ann Asker", "A": "Bob Answerer"},
        {"Ann Asker": "questioner", "Bob Answerer": "respondent"},
        paragraphs="hard-wrapped",
        conventions={"label_separators": ["."]},
    )
    page = [
        "Q.   Were you at the pump station that",
        "day?",
        "A.   Yes.",
        "Q.   Who checked the valves?",
        "A.   My crew. Two technicians on the",
        "day shift and one at night.",
        "(Exhibit 3 was marked for identification.)",
        "BY MS. ASKER:",
        "Q.   Is this the log?",
        "A.   It is, and the entry for July was written by",
    ]
    second = ["my night technician.", "Q.   Thank you."]
    footer = "Harbour Reporting Ltd   555 0142"
    lines = ["DEPOSITION OF BOB ANSWERER", "", "Page 12"]
    lines += [f"{n:>2}  {text}" for n, text in enumerate(page, 1)] + [footer, "", "Page 13"]
    lines += [f"{n:>2}  {text}" for n, text in enumerate(second, 1)] + [footer]
    result = parse_text("\n".join(lines), meta=meta, lang="en")
    assert turns(result) == [
        ("Q", "Were you at the pump station that day?"),
        ("A", "Yes."),
        ("Q", "Who checked the valves?"),
        ("A", "My crew. Two technicians on the day shift and one at night."),
        ("Q", "Is this the log?"),
        ("A", "It is, and the entry for July was written by my night technician."),
        ("Q", "Thank you."),
    ]
    furniture = [(s.kind, s.text) for s in result.segments if s.kind != "preamble"]
    assert furniture == [
        ("boilerplate", "Page 12"),
        ("stage_direction", "(Exhibit 3 was marked for identification.)"),
        ("stage_direction", "BY MS. ASKER:"),
        ("boilerplate", f"{footer}\nPage 13"),
        ("boilerplate", footer),
    ]


def test_a_label_with_a_period_inside_a_wrapped_sentence_is_the_sentence() -> None:
    """Hearings print ``Dr. Lund. …``; a wrapped line may start with the same name inside a sentence, and so does
    a sentence after a period (``Dr. Lund, please begin.``): only a declared label after a sentence's end starts
    a turn, and an undeclared name with a period never does."""
    meta = meta_for(
        "en",
        {"The Chairman": "Cy Chair", "Dr. Lund": "Ann Lund"},
        {"Cy Chair": "chair", "Ann Lund": "interviewee"},
        conventions={"label_separators": ["."]},
    )
    text = (
        "HEARING\n\n    The Chairman. We will come to order. Our witness is\nDr. Lund of the institute.\n"
        "Dr. Lund, please begin.\n\n    Dr. Lund. Thank you. The person who pushed hardest was\n"
        "Dr. Lund. That is me.\n    The Chairman. Thank you.\n"
    )
    result = parse_text(text, meta=meta, lang="en")
    assert turns(result) == [
        ("The Chairman", "We will come to order. Our witness is Dr. Lund of the institute. Dr. Lund, please begin."),
        ("Dr. Lund", "Thank you. The person who pushed hardest was Dr. Lund. That is me."),
        ("The Chairman", "Thank you."),
    ]


@pytest.mark.parametrize(
    ("lang", "title", "ad"),
    [("de", "Mehr zum Thema", "Anzeige"), ("en", "More information", "Advertisement"), ("zh", "相关文章", "广告")],
)
def test_a_read_more_list_and_an_advert_inside_an_answer_are_no_part_of_it(lang: str, title: str, ad: str) -> None:
    """Pages pasted as text keep a "read more" title with the headlines under it and an advert's label between
    an answer's paragraphs: the title and its headlines are links, the label boilerplate, the answer whole."""
    q, a = {"de": ("Frage", "Bob"), "en": ("Q", "Bob"), "zh": ("问", "答")}[lang]
    meta = meta_for(lang, {q: "Ann Asker", a: "Bob Answerer"})
    text = (
        f"Title\n\n{q}: Why?\n\n{a}: One.\n\n{title}\nA headline about rivers\nAnother headline, with a question?\n\n"
        f"Two.\n\n{ad}\n\nThree.\n\n{q}: And?"
    )
    result = parse_text(text, meta=meta, lang=lang)
    assert [(t.speaker_label, " ".join(t.text.split())) for t in result.turns] == [
        (q, "Why?"),
        (a, "One. Two. Three."),
        (q, "And?"),
    ]
    furniture = [(s.kind, s.text) for s in result.segments if s.kind != "preamble"]
    assert {kind for kind, _ in furniture} == {"link", "boilerplate"}
    assert " ".join(text for kind, text in furniture if kind == "link").split() == (
        f"{title} A headline about rivers Another headline, with a question?".split()
    )


@pytest.mark.parametrize(("lang", "end"), [("en", "END OF TRANSCRIPT"), ("zh", "（完）"), ("es", "Archivado En")])
def test_an_end_mark_after_the_last_answer_starts_the_footer(lang: str, end: str) -> None:
    q, a = {"en": ("Q", "Bob"), "zh": ("问", "答"), "es": ("P", "R")}[lang]
    meta = meta_for(lang, {q: "Ann Asker", a: "Bob Answerer"})
    result = parse_text(f"Title\n\n{q}: Why?\n\n{a}: Because.\n\n{end}\n\nTag one\n\nTag two", meta=meta, lang=lang)
    assert [t.text for t in result.turns] == ["Why?", "Because."]
    assert [s.text for s in result.segments if s.kind == "boilerplate"] == [f"{end}\nTag one\nTag two"]


def test_a_radio_script_s_sound_cue_is_a_stage_direction() -> None:
    result = parse("Title\n\nQ: Why?\n\nSFX: Gulls and a foghorn.\n\nBob: Because.")
    assert turns(result) == [("Q", "Why?"), ("Bob", "Because.")]
    assert [s.kind for s in result.segments if s.kind != "preamble"] == ["stage_direction"]


def test_a_caption_on_the_line_above_its_credit_is_a_caption_whatever_it_ends_in() -> None:
    """Magazines print a caption ending in a quotation, its credit on the next line; HK papers end a caption in
    a parenthesised credit (``（攝影：…）``). Neither is the answer's."""
    caption = "Bob at the dam: »We measure every hour«\nPhoto: Ann Lee / The Weekly"
    result = parse(f"Title\n\nQ: Why?\n\nBob: Because.\n\n{caption}\n\nQ: And?")
    assert turns(result) == [("Q", "Why?"), ("Bob", "Because."), ("Q", "And?")]
    assert [s.kind for s in result.segments if s.kind != "preamble"] in (["caption"], ["caption", "caption"])
    zh = parse(
        "标题\n\n问：为什么？\n\n答：因为。\n\n十二个蜂箱之中，有三个是去年分蜂得来的。（攝影：麥家樂）\n\n问：还有吗？",
        "zh",
    )
    assert [t.text for t in zh.turns] == ["为什么？", "因为。", "还有吗？"]


def test_an_unlabelled_paragraph_in_a_script_before_a_cont_d_is_an_action_line() -> None:
    """A script names the speaker again, ``(CONT'D)``, because an action line came between; without that, a
    paragraph after a blank line is more of the speech."""
    text = (
        "THE HARBOUR HOUR\n\nANN ASKER\nWhy?\n\nHe walks us down the slipway.\n\nANN ASKER (CONT'D)\nSee?\n\n"
        "BOB\nBecause.\n\nAnd because of the gulls.\n\nANN ASKER\nRight."
    )
    result = parse_text(text, meta=SCRIPT_META, lang="en")
    assert [(t.speaker_label, t.text) for t in result.turns] == [
        ("ANN ASKER", "Why?"),
        ("ANN ASKER (CONT'D)", "See?"),
        ("BOB", "Because.\nAnd because of the gulls."),
        ("ANN ASKER", "Right."),
    ]
    assert [(s.kind, s.text) for s in result.segments if s.kind != "preamble"] == [
        ("stage_direction", "He walks us down the slipway.")
    ]


def test_one_name_alone_on_a_line_is_a_headline_not_a_script() -> None:
    """A headline naming a speaker, the standfirst below it: no script layout without two names so printed."""
    text = "ANN ASKER\nA life on the river\n\nANN ASKER: Why?\n\nBOB: Because.\n\nANN ASKER: Sure?"
    meta = SCRIPT_META.model_copy(deep=True)
    result = parse_text(text, meta=meta, lang="en")
    assert [(t.speaker_label, t.text) for t in result.turns] == [("ANN ASKER", "Why?"), ("BOB", "Because."),
                                                                   ("ANN ASKER", "Sure?")]  # fmt: skip


def test_a_pull_quote_repeating_an_answer_is_no_part_of_it() -> None:
    """Web pages set a sentence of an answer in quotation marks between its paragraphs: it is said once."""
    text = (
        "Titel\n\nQ: Warum?\n\nBob: Ein Baum kühlt mehr als zehn Klimaanlagen, und er braucht keinen Strom.\n\n"
        "„Ein Baum kühlt mehr als zehn Klimaanlagen, und er braucht keinen Strom.“\n\nDas ist der Punkt.\n\n"
        "Q: Und sonst?\n\nBob: „Nichts“, sagte sie.\n\nQ: Gut."
    )
    result = parse(text)
    assert [t.text for t in result.turns][1] == (
        "Ein Baum kühlt mehr als zehn Klimaanlagen, und er braucht keinen Strom.\nDas ist der Punkt."
    )
    assert [s.kind for s in result.segments if s.kind != "preamble"] == ["pull_quote"]
    assert [t.text for t in result.turns][3] == "„Nichts“, sagte sie."


def test_the_paragraph_layout_is_read_from_the_turns_not_the_masthead() -> None:
    """A web page's kicker, headline, byline and dateline stand on consecutive lines; the turns below are one
    paragraph each. Read from the masthead the file looks hard-wrapped, and a caption would join its credit."""
    masthead = "Science\nA hydrologist on dry soil\nAn interview by Ann Lee\n17.05.2024, 13.00\n\n"
    body = "Q: Is the drought over?\n\nBob: No.\n\nBob at the field\nPhoto: Ann Lee\n\nQ: Why not?\n\nBob: Physics."
    result = parse(masthead + body)
    assert result.mode == "blank-line"
    assert turns(result) == [("Q", "Is the drought over?"), ("Bob", "No."), ("Q", "Why not?"), ("Bob", "Physics.")]


def test_a_label_in_another_case_or_with_ss_for_sz_is_the_same_speaker_in_the_draft(tmp_path: Path) -> None:
    from qa_builder.transcripts.draft import draft_meta

    folder = tmp_path / "hitze"
    folder.mkdir()
    text = "Titel\n\nFrage: Warum?\n\nWeiß: Darum.\n\nFrage: Und?\n\nWeiß: Eben.\n\nFrage: Gut?\n\nWeiss: Ja.\n"
    (folder / "de.txt").write_text(text, encoding="utf-8")
    labels = tomllib.loads(draft_meta(folder))["languages"]["de"]["labels"]
    assert labels["Weiss"]["speaker"] == labels["Weiß"] == "Weiß"


def test_a_line_of_speech_said_twice_is_no_running_header() -> None:
    """A refrain repeated a page apart ends in no punctuation like a running header, but it is said: it stays in
    the answers (a running line recurs three times, or twice with two numbers in it)."""
    refrain = "and we will not give up the river"
    text = "Title\n\nQ: Why?\n\nBob: We said it then,\n" + refrain + "\nand we say it now.\n\n"
    text += "".join(f"Q: And {k}?\n\nBob: Then {k}.\n\n" for k in range(5))
    text += "Q: Again?\n\nBob: Again,\n" + refrain + "\nagain."
    result = parse(text)
    assert [" ".join(t.text.split()) for t in result.turns if refrain in t.text] == [
        f"We said it then, {refrain} and we say it now.",
        f"Again, {refrain} again.",
    ]


def test_a_sentence_of_an_answer_above_a_photo_credit_stays_in_the_answer() -> None:
    result = parse("Title\n\nQ: Why?\nBob: Because it rained all week.\nPhoto: Ann Lee\nQ: And?")
    assert turns(result) == [("Q", "Why?"), ("Bob", "Because it rained all week."), ("Q", "And?")]
    assert [s.kind for s in result.segments if s.kind != "preamble"] == ["caption"]


def test_a_read_more_list_ends_at_a_blank_line() -> None:
    text = "Title\n\nQ: Why?\n\nBob: One.\n\nRead more\nA headline about rivers\n\nAnd is that fair?\n\nQ: And?"
    result = parse(text)
    assert turns(result)[1] == ("Bob", "One.\nAnd is that fair?")


def test_chinese_numbered_points_in_an_answer_stay_in_it() -> None:
    result = parse("标题\n\n问：为什么？\n\n答：两点。\n\n1.北京：人多。\n\n2.上海：车多。\n\n问：还有吗？", "zh")
    assert [t.text for t in result.turns] == ["为什么？", "两点。\n1.北京：人多。\n2.上海：车多。", "还有吗？"]


def test_a_numbered_heading_between_blank_lines_is_no_running_line() -> None:
    text = "".join(f"Round {k}\n\nQ: Question {k}?\n\nBob: Answer {k}.\n\n" for k in range(1, 4))
    result = parse(text)
    assert "boilerplate" not in {s.kind for s in result.segments}
    assert len(result.turns) == 6


def test_a_compound_the_text_writes_elsewhere_keeps_its_hyphen_at_a_line_end() -> None:
    text = (
        "Title\n\nQ: Is it a long-term plan, or a short-term one\nfor the next year?\n\n"
        "Bob: It is a long-\nterm plan, but the first steps are short-\nterm and some are un-\navoidable."
    )
    result = parse(text)
    assert turns(result)[1] == (
        "Bob",
        "It is a long-term plan, but the first steps are short-term and some are unavoidable.",
    )


@pytest.mark.parametrize(("lang", "more"), [("de", "mehr"), ("en", "More"), ("fr", "Lire la suite")])
def test_a_teaser_headline_above_a_more_link_inside_an_answer_is_a_link(lang: str, more: str) -> None:
    """News sites print a teaser as its headline with "more" on the line under it, between an answer's paragraphs."""
    q, a = {"de": ("Frage", "Bob"), "en": ("Q", "Bob"), "fr": ("Question", "Bob")}[lang]
    meta = meta_for(lang, {q: "Ann Asker", a: "Bob Answerer"}, conventions={"not_labels": ["Heat plans"]})
    text = f"Title\n\n{q}: Why?\n\n{a}: One.\n\nHeat plans: what towns do now\n{more}\n\nTwo.\n\n{q}: And?"
    result = parse_text(text, meta=meta, lang=lang)
    assert [(t.speaker_label, " ".join(t.text.split())) for t in result.turns] == [
        (q, "Why?"),
        (a, "One. Two."),
        (q, "And?"),
    ]
    assert [s.text for s in result.segments if s.kind == "link"] == ["Heat plans: what towns do now", more]


def test_the_interviewer_s_name_alone_after_the_last_answer_is_a_byline_not_speech() -> None:
    meta = meta_for("en", {"Q": "Ann Asker", "Bob": "Bob Answerer"})
    result = parse_text("Title\n\nQ: Why?\n\nBob: Because.\n\nAnn Asker\n\nShare this", meta=meta, lang="en")
    assert [t.text for t in result.turns] == ["Why?", "Because."]
    assert [s.text for s in result.segments if s.kind == "boilerplate"] == ["Ann Asker\nShare this"]


def test_a_committee_s_examination_of_witnesses_heading_is_no_part_of_the_chair_s_turn() -> None:
    meta = meta_for(
        "en", {"Chair": "Cy Chair", "Bob": "Bob Answerer"}, {"Cy Chair": "chair", "Bob Answerer": "interviewee"}
    )
    text = "Title\n\nChair: Welcome.\n\nBob: Thanks.\n\nChair: Thank you.\n\nExamination of witness\n\nChair: Next."
    result = parse_text(text, meta=meta, lang="en")
    assert [t.text for t in result.turns] == ["Welcome.", "Thanks.", "Thank you.", "Next."]
    assert [(s.kind, s.text) for s in result.segments if s.kind != "preamble"] == [
        ("heading", "Examination of witness")
    ]


def test_a_read_more_title_then_a_blank_line_then_a_headline_and_its_standfirst_are_links() -> None:
    text = (
        "Title\n\nQ: Why?\n\nBob: One.\n\nRead more\n\nRivers: who keeps them clean?\nA look at the towns that do. "
        "And those that do not.\n\nTwo.\n\nQ: And?"
    )
    result = parse(text)
    assert turns(result)[1] == ("Bob", "One.\nTwo.")
    assert [s.text for s in result.segments if s.kind == "link"] == [
        "Read more",
        "Rivers: who keeps them clean?",
        "A look at the towns that do. And those that do not.",
    ]


@pytest.mark.parametrize("lead", ["问题是", "問題是", "原因是", "關鍵是"])
def test_a_chinese_lead_in_with_a_colon_in_an_answer_is_no_label(lead: str) -> None:
    result = parse(f"标题\n\n问：为什么？\n\n答：很难说。\n\n{lead}：时间不够，人也不够。\n\n问：然后呢？", lang="zh")
    assert [t.text for t in result.turns] == ["为什么？", f"很难说。\n{lead}：时间不够，人也不够。", "然后呢？"]


@pytest.mark.parametrize(
    ("lang", "text", "label"),
    [
        ("en", "Title\n\nQ: Why did you start? Bob: Because nobody else would.\n\nQ: And now?", "Bob"),
        ("zh", "标题\n\n问：为什么开始？答：因为没有别人做。\n\n问：现在呢？", "答"),
    ],
)
def test_labels_run_into_one_line_by_lost_line_breaks_are_warned(lang: str, text: str, label: str) -> None:
    """A copy that lost its line breaks reads as one question; the declared label after a sentence's end inside it
    says so (and a label-like word inside a sentence does not)."""
    from qa_builder.transcripts.plausibility import check_transcript
    from qa_builder.transcripts.warnings import Notes

    result = parse(text, lang=lang)
    notes = Notes("x.txt", "x.txt", lang)
    check_transcript(notes, lang, result.turns, [], [], ["Q", "Bob", "Hal", "问", "答"])
    messages = [w.message for w in notes.found if "stands inside turn" in w.message]
    assert len(messages) == 1 and f"the declared label {label!r} stands inside turn 0" in messages[0]
    calm = parse("Title\n\nQ: Why? I asked Bob: was it you?\n\nBob: Yes.", lang="en")
    notes = Notes("x.txt", "x.txt", "en")
    check_transcript(notes, "en", calm.turns, [], [], ["Q", "Bob"])
    assert not [w for w in notes.found if "stands inside turn" in w.message]


@pytest.mark.parametrize(
    ("lang", "dash", "text"),
    [
        (
            "ja",
            "――",
            "――なぜ益子に？\n\n森下：土がいいからです。\n\n――今後は？\n\n森下：続けます。\n\n――ありがとうございました。",
        ),
        (
            "en",
            "—",
            "— Why Mashiko?\n\nMorishita: The clay is good.\n\n— And now?\n\nMorishita: I go on.\n\n— Thank you.",
        ),
    ],
)
def test_a_dash_declared_as_a_label_opens_the_interviewer_s_turns_without_a_colon(
    lang: str, dash: str, text: str
) -> None:
    from qa_builder.transcripts.exchanges import find_exchanges

    named = {"ja": "森下", "en": "Morishita"}[lang]
    result = parse_text(text, meta=meta_for(lang, {dash: "Ann Asker", named: "Bob Answerer"}), lang=lang)
    assert [(t.speaker, t.speaker_label) for t in result.turns] == [
        ("Ann Asker", dash),
        ("Bob Answerer", named),
    ] * 2 + [("Ann Asker", dash)]
    assert not result.turns[0].text.startswith(dash[0])
    assert [e.turn_indices for e in find_exchanges(result.turns, result.segments)] == [[0, 1], [2, 3]]


FOOTERS = [
    ("en", "Bob: It is old.", "This interview was first published in Russian in Severny Vestnik."),
    ("en", "Bob: It is old.", "(Whereupon, at 12:47 p.m., the hearing was adjourned.)"),
    ("de", "Bob: Es ist alt.", "Dieses Interview erschien zuerst in der Rheinpost."),
    ("fr", "Bob : Elle est vieille.", "La séance est levée à quinze heures cinquante."),
    ("ja", "Bob：古いです。", "関連記事：笠間の窯元市"),
    ("ru", "Bob: Он старый.", "*Материал опубликован в печатной версии «Вестника».*"),
    ("ko", "Bob: 오래됐다.", "정리=박은솔 기자"),
    ("pt", "Bob: É velho.", "Leia mais"),
]


@pytest.mark.parametrize(("lang", "answer", "footer"), FOOTERS, ids=[f"{f[0]}-{k}" for k, f in enumerate(FOOTERS)])
def test_what_follows_the_last_answer_in_each_language_is_not_its_text(lang: str, answer: str, footer: str) -> None:
    question = {"ja": "Ann：なぜ？", "fr": "Ann : Pourquoi ?"}.get(lang, "Ann: Why?")
    text = f"{question}\n\n{answer}\n\n{footer}\n\nMore site text under it."
    result = parse_text(text, meta=meta_for(lang, {"Ann": "Ann Asker", "Bob": "Bob Answerer"}), lang=lang)
    assert [t.source.line_end for t in result.turns] == [1, 3]
    assert all(segment.source.line_start >= 5 for segment in result.segments)


def test_japanese_sentences_end_at_the_ideographic_full_stop() -> None:
    from qa_builder.transcripts.conventions import builtin_conventions
    from qa_builder.transcripts.sentences import split_sentences

    rules = builtin_conventions("ja").sentences
    assert split_sentences("土がいいからです。十年になります！本当ですか？", rules) == [
        "土がいいからです。",
        "十年になります！",
        "本当ですか？",
    ]


def _srt(cues: list[str]) -> str:
    """A subtitle file: numbered cues with their timings, the text lines given."""
    return "\n\n".join(
        f"{k}\n00:00:{2 * k:02d},000 --> 00:00:{2 * k + 1:02d},500\n{text}" for k, text in enumerate(cues, 1)
    )


@pytest.mark.parametrize(
    ("lang", "labels", "cues"),
    [
        (
            "en",
            ("ANN", "BOB"),
            [
                "ANN: Bob, how long have you\nworked the salt pans?",
                "BOB: Thirty years.\nOr so.",
                "- And do you like it?\n- I do.",
                "It turns white\nin one afternoon.",
                "Subtitles by Field Notes Media",
            ],
        ),
        (
            "es",
            ("(ANN)", "(BOB)"),
            [
                "(ANN) Bob, ¿cuánto tiempo llevas\nen las salinas?",
                "(BOB) Treinta años.\nO así.",
                "-¿Y te gusta?\n-Sí.",
                "Se vuelve blanca\nen una tarde.",
                "Subtítulos: Field Notes Media",
            ],
        ),
    ],
)
def test_a_subtitle_file_reads_each_cue_s_dash_as_a_new_speaker_and_its_lines_as_one_text(
    lang: str, labels: tuple[str, str], cues: list[str]
) -> None:
    """SRT/WebVTT: the cue lines are time codes; a cue's wrapped lines are one text; a line's dash marks a new
    speaker (flagged, warned), and Spanish subtitles print the speaker in parentheses; the credit is no speech."""
    meta = meta_for(lang, {labels[0]: "Ann Asker", labels[1]: "Bob Answerer"})
    result = parse_text(_srt(cues), meta=meta, lang=lang)
    assert [(t.speaker, t.source.line_start, t.source.line_end) for t in result.turns] == [
        ("Ann Asker", 3, 4),
        ("Bob Answerer", 8, 9),
        ("Ann Asker", 13, 13),
        ("Bob Answerer", 14, 19),
    ]
    assert "\n" not in result.turns[0].text and result.turns[2].issues == ["speaker_inferred"]
    assert [w.line for w in result.notes.found] == [13, 14]
    assert {s.kind for s in result.segments} == {"timestamp", "boilerplate"}


def test_character_references_copied_from_a_page_s_source_are_decoded_in_plain_text() -> None:
    """``&nbsp;`` after a label and ``&amp;`` in the words, as a copy from the page's source keeps them; ``AT&T``
    is text."""
    text = "Ann:&nbsp;Warum &bdquo;jetzt&ldquo;?\n\nBob: AT&T &amp; Co. &#8212; so ist es."
    result = parse_text(text, meta=meta_for("de", {"Ann": "Ann Asker", "Bob": "Bob Answerer"}), lang="de")
    assert [t.text for t in result.turns] == ["Warum „jetzt“?", "AT&T & Co. — so ist es."]


@pytest.mark.parametrize(
    ("lang", "answer", "more"),
    [
        ("en", "Bob: We published everything.", "The story ran on the front page for a week, and then it was over."),
        ("en", "Bob: We waited.", "The meeting adjourned early, so we went home and wrote it all down."),
        ("de", "Bob: Kurz.", "Das Gespräch erschien mir wie ein Verhör, und so habe ich es auch erlebt."),
    ],
)
def test_an_answer_s_last_paragraph_that_only_sounds_like_a_footer_stays_in_it(
    lang: str, answer: str, more: str
) -> None:
    text = f"Ann: Why?\n\n{answer}\n\n{more}"
    result = parse_text(text, meta=meta_for(lang, {"Ann": "Ann Asker", "Bob": "Bob Answerer"}), lang=lang)
    assert result.turns[-1].text.endswith(more) and not result.segments


@pytest.mark.parametrize(
    ("lang", "prompt", "answer"),
    [
        ("en", "Hal: Tell us about your first film.", "Bob: Thank God it is over."),
        ("de", "Hal: Erzählen Sie von Ihrem ersten Film.", "Bob: Gerne würde ich das vergessen."),
        ("zh", "Hal：说说您的第一部电影。", "Bob：很高兴，也很紧张。"),
    ],
)
def test_a_prompt_answered_with_words_of_thanks_is_still_an_exchange(lang: str, prompt: str, answer: str) -> None:
    """Only a run that itself welcomes or thanks, first or last, is a courtesy; a prompt is asked."""
    from qa_builder.transcripts.conventions import builtin_conventions
    from qa_builder.transcripts.exchanges import find_exchanges

    question = {"zh": "Hal：为什么？"}.get(lang, "Hal: Why?")
    text = "\n\n".join([question, answer, prompt, answer])
    meta = meta_for(lang, {"Hal": "Hal Host", "Bob": "Bob Answerer"}, {"Hal Host": "host", "Bob Answerer": "guest"})
    result = parse_text(text, meta=meta, lang=lang)
    exchanges = find_exchanges(result.turns, result.segments, builtin_conventions(lang).compiled("courtesy"))
    assert [e.turn_indices for e in exchanges] == [[0, 1], [2, 3]]


def test_a_subtitle_line_opening_with_a_negative_number_is_no_new_speaker() -> None:
    cues = ["ANN: How cold does it get?", "BOB: Very.", "-30 degrees\nat night."]
    result = parse_text(_srt(cues), meta=meta_for("en", {"ANN": "Ann Asker", "BOB": "Bob Answerer"}), lang="en")
    assert [t.speaker for t in result.turns] == ["Ann Asker", "Bob Answerer"]
    assert result.turns[1].text.endswith("-30 degrees at night.")


def test_a_bold_standfirst_above_a_print_interview_s_first_question_is_preamble() -> None:
    text = (
        "# Volunteering needs to plan ahead\n\n**Six questions for Dr. Ann Albers, chair of the foundation**\n\n"
        "12 March 2025 · Interview: Bob Reiter\n\n**Ms Albers, why no more projects?**\n\nBecause they end.\n\n"
        "**Tell us what comes instead.**\n\nFunds for five years.\n"
    )
    meta = meta_for("en", {}, {"Bob Reiter": "interviewer", "Ann Albers": "interviewee"}, markup="markdown")
    result = parse_text(text, meta=meta, lang="en")
    assert [(t.speaker, t.source.line_start) for t in result.turns] == [
        ("Bob Reiter", 7),
        ("Ann Albers", 9),
        ("Bob Reiter", 11),
        ("Ann Albers", 13),
    ]
    assert {s.kind for s in result.segments if s.source.line_start < 7} == {"heading", "preamble"}


BRIEFING = (
    "Press Briefing by Press Secretary Ann Asker\n\n1:04 P.M. EDT\n\n"
    "MS. ASKER:  Good afternoon.  Go ahead.\n\n"
    "Q    Thanks.  When will the money reach the states?\n\n"
    "MS. ASKER:  Next month.\n\n"
    "Q\tAnd the second tranche?\n\n"
    "MS. ASKER:  Not yet.\n\nQ Thank you.\n\n1:31 P.M. EDT\n"
)


def test_a_short_label_in_capitals_before_two_spaces_or_a_tab_needs_no_colon() -> None:
    """Briefings (``Q    Thanks``) and depositions (``A    Yes``) print the label so; after one space it is no
    label, and a warning says so."""
    meta = meta_for(
        "en",
        {"Q": "Bob Reporter", "MS. ASKER": "Ann Asker"},
        {"Bob Reporter": "questioner", "Ann Asker": "interviewee"},
    )
    result = parse_text(BRIEFING, meta=meta, lang="en")
    assert [(t.speaker_label, t.text, t.source.line_start) for t in result.turns] == [
        ("MS. ASKER", "Good afternoon.  Go ahead.", 5),
        ("Q", "Thanks.  When will the money reach the states?", 7),
        ("MS. ASKER", "Next month.", 9),
        ("Q", "And the second tranche?", 11),
        ("MS. ASKER", "Not yet.\nQ Thank you.", 13),
    ]
    assert any(w.line == 15 and "without its colon" in w.message for w in result.warnings)
    gapped = BRIEFING.replace("MS. ASKER:  ", "MS. ASKER    ")  # the names in capitals before a gap too
    result = parse_text(gapped, meta=meta, lang="en")
    assert [(t.speaker_label, t.text) for t in result.turns][::2] == [
        ("MS. ASKER", "Good afternoon.  Go ahead."),
        ("MS. ASKER", "Next month."),
        ("MS. ASKER", "Not yet.\nQ Thank you."),
    ]


def test_init_drafts_names_in_capitals_printed_before_a_gap(tmp_path: Path) -> None:
    from qa_builder.transcripts.draft import draft_meta

    (tmp_path / "en.txt").write_text(BRIEFING.replace("MS. ASKER:  ", "MS. ASKER    "), encoding="utf-8")
    labels = tomllib.loads(draft_meta(tmp_path))["languages"]["en"]["labels"]
    assert sorted(labels) == ["MS. ASKER", "Q"]


@pytest.mark.parametrize(
    "text",
    [
        "I: How did it go?\n\nR: It was hard. The heating failed and\nI   did   not   know   whom   to   call,\n"
        "so we slept in the kitchen.\n\nI: And then?\n\nR: Better.\n",
        "I: When did you sail?\n\nR: At nineteen.\n\nA  few years later I crossed.\n\nI: Afraid?\n\nR: No.\n",
    ],
    ids=["justified line", "paragraph starting with a word letter"],
)
def test_a_letter_and_spaces_in_a_file_that_prints_its_labels_with_colons_is_speech(text: str) -> None:
    """Only a file that prints a short label before a gap, twice and never with a colon, has gapped labels."""
    meta = meta_for("en", {"I": "Ann Asker", "R": "Bob Answerer", "A": "Bob Answerer"})
    result = parse_text(text, meta=meta, lang="en")
    assert [t.speaker_label for t in result.turns] == ["I", "R", "I", "R"]


def test_a_gapped_label_printed_in_another_case_is_an_error() -> None:
    """``q    What about …`` in a briefing that prints ``Q    …``: the label's slip, not more of the answer above
    (with a colon, the same slip is an undeclared label)."""
    from qa_builder.errors import UnknownLabelError

    text = "Q    Why?\n\nBOB:  Because.\n\nQ    And then?\n\nBOB:  Later.\n\nq    When?\n\nBOB:  Soon.\n"
    meta = meta_for("en", {"Q": "Ann Asker", "BOB": "Bob Answerer"})
    with pytest.raises(UnknownLabelError, match="the label 'Q' is printed as 'q' before its gap") as raised:
        parse_text(text, meta=meta, lang="en")
    assert raised.value.line == 9
    assert len(parse_text(text.replace("q    When", "Q    When"), meta=meta, lang="en").turns) == 6


def test_a_deposition_s_gapped_labels_split_hard_wrapped_lines() -> None:
    text = (
        "Q   Where were you on the\nnight of the ninth?\n"
        "A   At home, with my\nsister.\nQ   Until when?\nA   Midnight.\n"
    )
    meta = meta_for("en", {"Q": "Ann Asker", "A": "Bob Answerer"}, paragraphs="hard-wrapped")
    result = parse_text(text, meta=meta, lang="en")
    assert [(t.speaker_label, t.text) for t in result.turns] == [
        ("Q", "Where were you on the night of the ninth?"),
        ("A", "At home, with my sister."),
        ("Q", "Until when?"),
        ("A", "Midnight."),
    ]


RIVERSIDE = (
    "Harbour Notes - Episode 4\nSpeakers: Ann Asker, Bob Answerer\n\n"
    "00:00:00 Ann Asker\nWelcome back. Why logbooks?\n\n"
    "00:00:14 Bob Answerer\nThey tell the weather.\n\nAnd the hours.\n\n00:01:02 Ann Asker\nWho kept them?\n\n"
    "00:01:06 Bob Answerer\nThe keepers, every night.\n"
)


def test_a_time_code_and_a_name_alone_on_a_line_label_the_words_below() -> None:
    """Riverside exports print ``00:01:33 Name`` above each turn: the same line every turn, with its time counting
    up, is no running header."""
    meta = meta_for("en", {"Ann Asker": "Ann Asker", "Bob Answerer": "Bob Answerer"})
    result = parse_text(RIVERSIDE, meta=meta, lang="en")
    assert [(t.speaker, t.text) for t in result.turns] == [
        ("Ann Asker", "Welcome back. Why logbooks?"),
        ("Bob Answerer", "They tell the weather.\nAnd the hours."),
        ("Ann Asker", "Who kept them?"),
        ("Bob Answerer", "The keepers, every night."),
    ]
    assert [s.text for s in result.segments if s.kind == "timestamp"] == [
        "00:00:00",
        "00:00:14",
        "00:01:02",
        "00:01:06",
    ]


def test_a_time_code_name_and_colon_on_one_line_start_a_turn_and_a_first_name_label_is_an_error() -> None:
    """A hand edit runs a Riverside turn's words onto its header line (``00:01:02 Ann Asker: Who kept them?``):
    still a turn. Labels declared by first name where the file prints full names would start every text with the
    surname: an error naming the label to declare."""
    from qa_builder.errors import UnknownLabelError

    meta = meta_for("en", {"Ann Asker": "Ann Asker", "Bob Answerer": "Bob Answerer"})
    edited = RIVERSIDE.replace("00:01:02 Ann Asker\nWho", "00:01:02 Ann Asker: Who")
    result = parse_text(edited, meta=meta, lang="en")
    assert [(t.speaker, t.text, t.source.line_start) for t in result.turns][2] == ("Ann Asker", "Who kept them?", 12)
    assert "00:01:02" in [s.text for s in result.segments if s.kind == "timestamp"]
    first_names = meta_for("en", {"Ann": "Ann Asker", "Bob": "Bob Answerer"})
    with pytest.raises(UnknownLabelError) as raised:
        parse_text(RIVERSIDE, meta=first_names, lang="en")
    assert raised.value.line == 4
    assert "prints the name 'Ann Asker' after its time code, but the label declared is 'Ann'" in str(raised.value)
    assert 'declare the label as printed: "Ann Asker" = "Ann Asker"' in str(raised.value)


EARNINGS_CALL = (
    "Harbor Tools (HBT) Q2 2025 Earnings Call Transcript\n\nCompany Participants\n"
    "Ann Asker - Head of Investor Relations\nBob Answerer - Chief Executive Officer\n\n"
    "Operator\n\nGood morning, and welcome to the call.\n\n"
    "Bob Answerer\n\nThank you. Sales rose 4%.\n\nQuestion-and-Answer Session\n\n"
    "Operator\n\nOur first question comes from Ann Asker.\n\n"
    "Ann Asker\n\nWhy did margins fall?\n\nBob Answerer\n\nSteel prices.\n\nWe expect that to ease.\n"
)


def test_names_alone_in_their_paragraph_label_the_paragraph_after_them() -> None:
    """Earnings-call services print each speaker's name alone, the words in the paragraph below; a declared name
    with no words after it (a signature, a list) stays text."""
    meta = meta_for(
        "en",
        {"Operator": "Operator", "Ann Asker": "Ann Asker", "Bob Answerer": "Bob Answerer"},
        {"Operator": "chair", "Ann Asker": "interviewer", "Bob Answerer": "interviewee"},
    )
    result = parse_text(EARNINGS_CALL, meta=meta, lang="en")
    assert [(t.speaker, t.text, t.source.line_start) for t in result.turns] == [
        ("Operator", "Good morning, and welcome to the call.", 7),
        ("Bob Answerer", "Thank you. Sales rose 4%.", 11),
        ("Operator", "Our first question comes from Ann Asker.", 17),
        ("Ann Asker", "Why did margins fall?", 21),
        ("Bob Answerer", "Steel prices.\nWe expect that to ease.", 25),
    ]
    assert [s.kind for s in result.segments if s.source.line_start == 15] == ["heading"]
    named = "Ann Asker: Who cooks?\n\nBob Answerer: That is easy.\n\nOperator\n\nShe has cooked every night.\n"
    assert len(parse_text(named, meta=meta, lang="en").turns) == 2  # a one-word answer in a file with colons
    signed = parse_text(EARNINGS_CALL + "\nBob Answerer\n", meta=meta, lang="en")
    assert len(signed.turns) == 5  # a name under the last words, with none after it, is no label
    wrapped = "Ann Asker: Did the letter go to\nBob Answerer\nor to the board?\nBob Answerer: To the board.\n"
    labels = {"Ann Asker": "Ann Asker", "Bob Answerer": "Bob Answerer"}
    result = parse_text(wrapped, meta=meta_for("en", labels, paragraphs="hard-wrapped"), lang="en")
    assert [t.speaker_label for t in result.turns] == ["Ann Asker", "Bob Answerer"]  # a name the wrapping left alone


@pytest.mark.parametrize(
    ("printed", "label", "why"),
    [
        ("Cy Newcomer", "Cy Newcomer", "a name alone in its paragraph, as this file prints its labels"),
        ("ANN ASKER", "ANN ASKER", "a typo of 'Ann Asker'?"),
        ("Bob Answerrer", "Bob Answerrer", "a typo of 'Bob Answerer'?"),
    ],
)
def test_an_undeclared_name_alone_in_a_file_of_names_alone_stops_the_parse(printed: str, label: str, why: str) -> None:
    """Where a file prints its labels alone in a paragraph, a name nobody declared so printed (an analyst who asks
    once, a declared name in capitals or misspelt) is an undeclared label, not more of the answer before."""
    from qa_builder.errors import UnknownLabelError

    meta = meta_for(
        "en",
        {"Operator": "Operator", "Ann Asker": "Ann Asker", "Bob Answerer": "Bob Answerer"},
        {"Operator": "chair", "Ann Asker": "interviewer", "Bob Answerer": "interviewee"},
    )
    text = EARNINGS_CALL + f"\n{printed}\n\nAnd the dividend?\n\nBob Answerer\n\nUnchanged.\n"
    with pytest.raises(UnknownLabelError) as raised:
        parse_text(text, meta=meta, lang="en")
    assert raised.value.line == 31
    assert f"undeclared speaker label {label!r} ({why})" in str(raised.value)
    without_operator = meta_for(
        "en",
        {"Ann Asker": "Ann Asker", "Bob Answerer": "Bob Answerer"},
        {"Ann Asker": "interviewer", "Bob Answerer": "interviewee"},
    )
    with pytest.raises(UnknownLabelError, match="'Operator'"):
        parse_text(EARNINGS_CALL, meta=without_operator, lang="en")


@pytest.mark.parametrize(
    ("inserted", "line", "key"),
    [
        (
            "Bob Answerer\n\nSales rose.\n\nCapital Allocation\n\nWe bought back shares.\n\nOperator\n\nNext.\n",
            35,
            "heading",
        ),
        (
            "Operator\n\nThat ends the call.\n\nImportant Disclosures\n\nThis text may hold errors.\n",
            35,
            "footer_start",
        ),
        (
            "Bob Answerer\n\nSteel costs.\n\nSteel Prices\n\nWill they ease? They will.\n\nOperator\n\nNext.\n",
            35,
            "heading",
        ),
    ],
    ids=["heading", "footer", "heading-of-words-in-the-text"],
)
def test_a_heading_alone_in_a_file_of_names_alone_is_doubted_not_an_undeclared_label(
    inserted: str, line: int, key: str
) -> None:
    """A section heading in the prepared remarks or a footer's title after the last turn is shaped like a name
    alone, but nothing introduces it and no question follows it (or its words are printed in lower case
    elsewhere): it stays in the turn's text with a warning that says how to declare it, and no error."""
    meta = meta_for(
        "en",
        {"Operator": "Operator", "Ann Asker": "Ann Asker", "Bob Answerer": "Bob Answerer"},
        {"Operator": "chair", "Ann Asker": "interviewer", "Bob Answerer": "interviewee"},
    )
    result = parse_text(EARNINGS_CALL + "\n" + inserted, meta=meta, lang="en")
    heading = inserted.split("\n\n")[2]
    assert any(heading in turn.text for turn in result.turns)
    (warning,) = [w for w in result.warnings if w.line == line]
    assert f"add {key} = ['^{heading}$'] under [languages.en.conventions]" in warning.message


HEADED = (
    "# Why do potters wait?\n\nRuth Ames took up pottery at forty.\n\n## How did you start?\n\n"
    "A night class.\n\n## Later years\n\n## What was hard?\n\nCentering the clay.\n\nIt took a year.\n\n"
    "## Do you sell your work?\n\nAt two markets.\n"
)


@pytest.mark.parametrize(
    ("text", "markup", "printed"),
    [
        (HEADED, "markdown", "as headings"),
        (regex.sub(r"(?m)^## (.*\?)$", r"*\1*", HEADED), "markdown", "in italics"),
        (regex.sub(r"(?m)^## (.*\?)$", r"> \1", HEADED), "markdown", "as blockquotes"),
        (
            "".join(
                f"<h3>{line[3:]}</h3>\n"
                if line.startswith("## ")
                else f"<h1>{line[2:]}</h1>\n"
                if line.startswith("# ")
                else f"<p>{line}</p>\n"
                if line
                else "\n"
                for line in HEADED.splitlines()
            ),
            "html",
            "as headings",
        ),
    ],
    ids=["markdown headings", "markdown italics", "markdown blockquotes", "html headings"],
)
def test_questions_set_off_as_headings_or_in_italics_are_questions(text: str, markup: str, printed: str) -> None:
    """Web Q&As print the questions as headings of one level (the title is another), some magazines in italics;
    a heading without a question mark stays a heading."""
    meta = meta_for("en", {}, {"Ann Asker": "interviewer", "Ruth Ames": "interviewee"}, markup=markup)
    result = parse_text(text, meta=meta, lang="en")
    assert [(t.speaker, t.text, t.source.line_start) for t in result.turns] == [
        ("Ann Asker", "How did you start?", 5),
        ("Ruth Ames", "A night class.", 7),
        ("Ann Asker", "What was hard?", 11),
        ("Ruth Ames", "Centering the clay.\nIt took a year.", 13),
        ("Ann Asker", "Do you sell your work?", 17),
        ("Ruth Ames", "At two markets.", 19),
    ]
    assert result.layout == "bold-questions"
    assert [s.kind for s in result.segments if "Later years" in s.text] == ["heading"]
    assert [w.message.split(" read as")[0] for w in result.warnings] == [f"no labels: 3 paragraph(s) printed {printed}"]


def test_a_declared_set_off_layout_with_nothing_set_off_is_an_error_not_a_crash() -> None:
    from qa_builder.errors import NoTurnsError

    meta = meta_for("en", {}, layout="bold-questions")
    with pytest.raises(NoTurnsError, match='declares layout = "bold-questions", but no paragraph is set off'):
        parse_text("Why wait?\n\nBecause.\n", meta=meta, lang="en")


@pytest.mark.parametrize("slip", ["What was hard?", "**What was hard?**", "*What was hard?"])
def test_a_question_that_lost_its_setting_off_is_flagged_in_the_answer_even_where_the_layout_is_reviewed(
    slip: str,
) -> None:
    """In a file of italic questions, one printed plain, in bold or with its closing star lost stays in the answer
    before it (the tool cannot tell it from the answer asking itself something), flagged and warned on its own
    line, so a review of the layout's one warning does not hide it."""
    italic = regex.sub(r"(?m)^## (.*\?)$", r"*\1*", HEADED.replace("## Later years\n\n", ""))
    meta = meta_for("en", {}, {"Ann Asker": "interviewer", "Ruth Ames": "interviewee"}, markup="markdown")
    result = parse_text(italic.replace("*What was hard?*", slip), meta=meta, lang="en")
    answer = next(t for t in result.turns if t.source.line_start == 7)
    assert "question_in_answer" in answer.issues
    assert answer.text.startswith("A night class.\n") and "What was hard?" in answer.text
    assert [w.line for w in result.warnings if "question_in_answer" in w.message] == [9]
    assert not any("question_in_answer" in t.issues for t in parse_text(italic, meta=meta, lang="en").turns)
    own = meta_for("en", {}, dict(meta.speakers), markup="markdown", reviewed={9: "she asks herself"})
    reviewed = parse_text(italic.replace("*What was hard?*", slip), meta=own, lang="en")
    assert not any("question_in_answer" in t.issues for t in reviewed.turns)  # reviewed: the answer's own question
    assert [w.line for w in reviewed.reviewed] == [9]


def test_an_italic_prompt_between_answers_is_a_question_where_the_questions_are_italic() -> None:
    """*You once called the kiln a weather system.* asks without a question mark; an italic note at the end does
    not ask."""
    meta = meta_for("en", {}, {"Ann Asker": "interviewer", "Ruth Ames": "interviewee"}, markup="markdown")
    text = (
        "# Ruth Ames\n\n*How did you start?*\n\nA night class.\n\n*You once called the kiln a weather system.*\n\n"
        "It is. It has moods.\n\n*Do you sell?*\n\nAt markets.\n\n*This interview has been edited.*\n"
    )
    result = parse_text(text, meta=meta, lang="en")
    assert [t.speaker for t in result.turns] == ["Ann Asker", "Ruth Ames"] * 3
    assert result.turns[2].text == "You once called the kiln a weather system."


def test_a_bold_paragraph_in_an_answer_under_heading_questions_is_the_answer_s() -> None:
    meta = meta_for("en", {}, {"Ann Asker": "interviewer", "Ruth Ames": "interviewee"}, markup="markdown")
    text = HEADED.replace("Centering the clay.", "**I never let it go.**\n\nCentering the clay.")
    result = parse_text(text, meta=meta, lang="en")
    assert [t.speaker for t in result.turns] == ["Ann Asker", "Ruth Ames"] * 3
    assert result.turns[3].text.startswith("I never let it go.\nCentering the clay.")


def test_question_headings_in_a_file_meant_to_have_labels_are_no_interview() -> None:
    """meta.toml declares labels the file never prints: an explainer's "What is …?" headings are refused as before,
    and the error says how to have them read; so does the error where ``markup = "none"`` hides the setting off."""
    from qa_builder.errors import NoTurnsError

    with pytest.raises(NoTurnsError, match="but the questions are set off as headings, with no labels") as caught:
        parse_text(HEADED, meta=meta_for("en", {"Q": "Ann Asker"}, markup="markdown"), lang="en")
    assert "remove the labels of [languages.en.labels]" in str(caught.value)
    people = {"Ann Asker": "interviewer", "Ruth Ames": "interviewee"}
    italic = regex.sub(r"(?m)^## (.*\?)$", r"*\1*", HEADED.replace("# Why do potters wait?\n\n", ""))
    with pytest.raises(NoTurnsError, match='declares markup = "none", but the file is written in markdown'):
        parse_text(italic, meta=meta_for("en", {}, people, markup="none"), lang="en")


DIALOGUE = (
    "# Лён\n\n**Директор фабрики — о том, зачем ей кафе**\n\n"
    "**— Анна Петровна, что изменилось?**\n\n— Покупатели. Раньше мы продавали ткань оптом.\n\n"
    "Потом начали шить сами.\n\n**— Кто покупает лён?**\n\n— Семьи.\n\n"
    "— А сами вы носите лён?\n\n— Каждый день.\n\n**— Зачем кафе?**\n\n— Люди хотят посидеть.\n"
)


def test_dialogue_dashes_open_turns_and_an_unbolded_question_is_its_own_turn() -> None:
    """Russian (Spanish, Italian) print: a dash opens each turn, so a dash after an answer is someone else."""
    meta = meta_for("ru", {}, {"Ирина Котова": "interviewer", "Анна Петровна": "interviewee"}, markup="markdown")
    result = parse_text(DIALOGUE, meta=meta, lang="ru")
    assert [(t.speaker, t.text, t.source.line_start) for t in result.turns] == [
        ("Ирина Котова", "Анна Петровна, что изменилось?", 5),
        ("Анна Петровна", "Покупатели. Раньше мы продавали ткань оптом.\nПотом начали шить сами.", 7),
        ("Ирина Котова", "Кто покупает лён?", 11),
        ("Анна Петровна", "Семьи.", 13),
        ("Ирина Котова", "А сами вы носите лён?", 15),
        ("Анна Петровна", "Каждый день.", 17),
        ("Ирина Котова", "Зачем кафе?", 19),
        ("Анна Петровна", "Люди хотят посидеть.", 21),
    ]
    assert "speaker_inferred" in result.turns[4].issues
    assert any(w.line == 15 and "new speaker" in w.message for w in result.warnings)
    from qa_builder.transcripts.exchanges import find_exchanges

    assert [e.turn_indices for e in find_exchanges(result.turns, result.segments)] == [[0, 1], [2, 3], [4, 5], [6, 7]]


def test_dash_opened_lines_inside_an_answer_stay_in_it() -> None:
    """A list or a retold phone call inside an answer opens its lines with dashes too: only a dash-opened question
    after an answer is taken for an unbolded question."""
    retold = DIALOGUE.replace("— А сами вы носите лён?\n\n— Каждый день.", "— Ты сидишь? — спросил он.\n\n— Сижу.")
    meta = meta_for("ru", {}, {"Ирина Котова": "interviewer", "Анна Петровна": "interviewee"}, markup="markdown")
    result = parse_text(retold, meta=meta, lang="ru")
    assert len(result.turns) == 6 and result.turns[3].text == "Семьи.\n— Ты сидишь? — спросил он.\n— Сижу."


def test_a_dash_in_an_answer_is_text_where_the_answers_do_not_open_with_one() -> None:
    """Questions in bold after a dash, answers without: a paragraph starting with a dash stays in the answer."""
    text = DIALOGUE.replace("\n— ", "\n").replace("\n\nА сами", "\n\n— А сами")
    meta = meta_for("ru", {}, {"Ирина Котова": "interviewer", "Анна Петровна": "interviewee"}, markup="markdown")
    result = parse_text(text, meta=meta, lang="ru")
    assert len(result.turns) == 6 and result.turns[3].text == "Семьи.\n— А сами вы носите лён?\nКаждый день."


def test_a_pdf_page_header_twice_with_its_page_number_counting_up_is_boilerplate() -> None:
    """A three-page transcript prints its running header twice; one breaks an answer's sentence."""
    header = "Ellison, Marguerite — Riverside Mills OHP                    {}"
    text = (
        "Q: Why the mill?\n\nBob: My mother worked there, and her mother.\n\n" + header.format(2) + "\n\n"
        "Q: And the strike?\n\nBob: It was cold. We stood at the gate for weeks. But we got\n\n"
        + header.format(3)
        + "\n\nthe raise in the end.\n"
    )
    result = parse(text)
    assert [s.kind for s in result.segments] == ["boilerplate", "boilerplate"]
    assert result.turns[-1].text.endswith("But we got the raise in the end.")
    assert all(t.section is None for t in result.turns)


def test_a_transcript_table_saved_as_text_reads_its_speaker_column() -> None:
    """A Word or spreadsheet table saved as text: row number, time, speaker's code, words (tabs become spaces);
    a row's second line goes on the turn; the header row is preamble."""
    rows = [
        "Nr\tCzas\tOsoba\tWypowiedź",
        "1\t00:00:04\tB\tDzień dobry. Od kiedy pani tu mieszka?",
        "2\t00:00:12\tR\tOd siedemdziesiątego ósmego roku.",
        "Wtedy wszyscy się znali.",
        "3\t00:00:31\tB\tA teraz?",
        "4\t00:00:33\tR\tTeraz to różnie.",
    ]
    result = parse_text("\n".join(rows), meta=meta_for("pl", {"B": "Ann Asker", "R": "Bob Answerer"}), lang="pl")
    assert [(t.speaker, t.source.line_start, t.source.line_end) for t in result.turns] == [
        ("Ann Asker", 2, 2),
        ("Bob Answerer", 3, 4),
        ("Ann Asker", 5, 5),
        ("Bob Answerer", 6, 6),
    ]
    assert result.turns[1].text == "Od siedemdziesiątego ósmego roku. Wtedy wszyscy się znali."
    assert [s.kind for s in result.segments if s.source.line_start == 1] == ["preamble"]


def test_a_box_title_in_a_hard_wrapped_text_stands_alone_and_its_lines_are_the_box() -> None:
    """Folha's RAIO-X box under the interview, its lines not blank-separated: not glued into a label's start."""
    text = (
        "FOLHA - Por que o mangue?\nRIBAS - Porque é dele que a gente vive, e a draga vai passar justamente no canal\n"
        "onde a gente pesca robalo.\n\nFOLHA - E agora?\nRIBAS - Agora a gente espera a audiência de maio, na\n"
        "Defensoria.\n\nRAIO-X\nLÚCIA RIBAS\nIdade: 54 anos\nOcupação: marisqueira\n"
    )
    labels = {"FOLHA": "Ann Asker", "RIBAS": "Bob Answerer"}
    meta = meta_for("pt", labels, paragraphs="hard-wrapped", conventions={"label_separators": ["-"]})
    result = parse_text(text, meta=meta, lang="pt")
    assert [t.source.line_end for t in result.turns] == [1, 3, 5, 7]
    assert {s.kind for s in result.segments} == {"box"}


def test_a_list_of_participants_with_dashes_is_no_advice_to_declare_the_dash() -> None:
    """``Name - Title`` once per person is a list, not labels printed with a dash: the error does not advise
    ``label_separators``; labels printed so twice do."""
    from qa_builder.errors import NoTurnsError

    meta = meta_for("en", {"Ann Asker": "Ann Asker", "Bob Answerer": "Bob Answerer"})
    listed = "Participants\n\nAnn Asker - Analyst\n\nBob Answerer - Chief Executive Officer\n\nGood morning to all.\n"
    with pytest.raises(NoTurnsError) as caught:
        parse_text(listed, meta=meta, lang="en")
    assert "label_separators" not in str(caught.value)
    spoken = "Ann Asker - Why?\n\nBob Answerer - Because.\n\nAnn Asker - And then?\n"
    with pytest.raises(NoTurnsError, match=r"label_separators = \[\"-\"\]"):
        parse_text(spoken, meta=meta, lang="en")


MANUSCRIPT = (
    "Hintergrund\n\nDie letzte Fähre\nVon Ann Asker\n\nRedaktion: Cy Chair\nSprecherin: Eva Reader / Zitator: Max\n\n"
    "Atmo: Motor, Wasser\n\nSprecherin:\nWer übersetzen will, muss läuten.\n\n"
    "O-Ton Bob Answerer:\nMorgens um sechs geht das los.\n\nMusik\n\nAutorin:\nHaben Sie nie ans Aufhören gedacht?\n\n"
    "O-Ton Bob Answerer:\nNein.\n\nAbsage:\nDie letzte Fähre. Ein Feature von Ann Asker.\n"
)


def test_a_radio_manuscript_s_credits_cues_and_closing_are_no_turns() -> None:
    """A German radio manuscript credits its readers by the labels of their turns above them (a credit, warned),
    marks sound and music between the turns, and closes with the ``Absage``."""
    meta = meta_for(
        "de",
        {"Sprecherin": "Eva Reader", "Autorin": "Ann Asker", "O-Ton Bob Answerer": "Bob Answerer"},
        {"Eva Reader": "moderator", "Ann Asker": "interviewer", "Bob Answerer": "interviewee"},
    )
    result = parse_text(MANUSCRIPT, meta=meta, lang="de")
    assert [(t.speaker, t.text) for t in result.turns] == [
        ("Eva Reader", "Wer übersetzen will, muss läuten."),
        ("Bob Answerer", "Morgens um sechs geht das los."),
        ("Ann Asker", "Haben Sie nie ans Aufhören gedacht?"),
        ("Bob Answerer", "Nein."),
    ]
    kinds = {s.text.split("\n")[0]: s.kind for s in result.segments}
    assert kinds["Atmo: Motor, Wasser"] == kinds["Musik"] == "stage_direction"
    assert kinds["Absage:"] == "boilerplate"
    assert [w.line for w in result.warnings if "credit" in w.message] == [7]
    introduced = parse_text(
        MANUSCRIPT.replace("Sprecherin: Eva Reader / Zitator: Max\n", "").replace(
            "Wer übersetzen", "Eva Reader, guten Abend. Wer übersetzen"
        ),
        meta=meta,
        lang="de",
    )
    assert introduced.turns[0].text.startswith("Eva Reader, guten Abend.")  # a host saying her name speaks
    below = parse_text(
        MANUSCRIPT.replace("Absage:\nDie letzte Fähre. Ein Feature von Ann Asker.", "Sprecherin: Eva Reader"),
        meta=meta,
        lang="de",
    )
    assert len(below.turns) == 4 and below.segments[-1].kind == "boilerplate"  # credits below the turns too
    misnamed = meta_for(
        "de",
        {"Sprecherin": "Eva Leser", "Autorin": "Ann Asker", "O-Ton Bob Answerer": "Bob Answerer"},
        {"Eva Leser": "moderator", "Ann Asker": "interviewer", "Bob Answerer": "interviewee"},
    )
    other = parse_text(MANUSCRIPT, meta=misnamed, lang="de")  # meta.toml spells the reader otherwise
    assert [t.text for t in other.turns][0] == "Wer übersetzen will, muss läuten."
    assert [w.line for w in other.warnings if "says only a name, 'Eva Reader', not its speaker's" in w.message] == [7]


@pytest.mark.parametrize(
    ("lang", "first"),
    [
        ("de", "Guten Morgen Herr Schmidt"),
        ("de", "Frau Ministerin"),
        ("en", "Good Morning Everyone"),
        ("en", "Madam Chair"),
        ("en", "Ladies and Gentlemen  thank you for joining us"),
    ],
)
def test_a_first_turn_that_greets_without_a_full_stop_is_a_turn_not_a_credit(lang: str, first: str) -> None:
    """A host's first words printed without a full stop (a greeting, a title said as a name) are no credit of
    someone else's name: the first turn stays a turn, and nothing is doubted."""
    meta = meta_for(lang, {"Ann": "Ann Asker", "Bob": "Bob Answerer"})
    result = parse_text(f"Ann: {first}\n\nBob: Hello.\n\nAnn: Why?\n\nBob: Because.\n", meta=meta, lang=lang)
    assert [t.text for t in result.turns][0] == first
    assert not [w for w in result.warnings if "credit" in w.message]


TV_SCRIPT = (
    "【导语】\n主持人：今天我们去看一位养蜂人。\n\n"
    "【同期声】记者：您养了多少年蜂？\n【同期声】王大山（养蜂人）：二十年了。\n\n"
    "解说：蜂场在半山腰。\n\n"
    "【同期声】记者：冬天怎么办？\n【同期声】王大山（养蜂人）：盖上棉被。\n\n（完）\n"
)


def test_a_label_after_a_production_cue_starts_a_turn_and_the_cue_is_a_segment() -> None:
    """Chinese TV news scripts print a soundbite's cue before its speaker (``【同期声】记者：``): the label after it
    starts the turn, the cue is a stage direction out of the text; an undeclared one after a cue is an error."""
    from qa_builder.errors import UnknownLabelError

    labels = {"主持人": "林静", "解说": "林静", "记者": "马骁", "王大山（养蜂人）": "王大山"}
    speakers = {"林静": "moderator", "马骁": "interviewer", "王大山": "interviewee"}
    result = parse_text(TV_SCRIPT, meta=meta_for("zh", labels, speakers), lang="zh")
    assert [(t.speaker, t.text) for t in result.turns] == [
        ("林静", "今天我们去看一位养蜂人。"),
        ("马骁", "您养了多少年蜂？"),
        ("王大山", "二十年了。"),
        ("林静", "蜂场在半山腰。"),
        ("马骁", "冬天怎么办？"),
        ("王大山", "盖上棉被。"),
    ]
    assert [s.text for s in result.segments if s.kind == "stage_direction"] == ["【同期声】"] * 4
    del labels["王大山（养蜂人）"]
    with pytest.raises(UnknownLabelError, match="undeclared speaker label '王大山（养蜂人）'"):
        parse_text(TV_SCRIPT, meta=meta_for("zh", labels, speakers), lang="zh")


PRINTED_LABELS = [
    (
        "ja",
        {"桐生真澄君": "Ann Asker", "大河内聡君": "Bob Answerer"},
        "○桐生真澄君　林野庁に伺います。\n　譲与額はいくらですか。\n○大河内聡君　六百億円でございます。\n",
        [("桐生真澄君", "林野庁に伺います。譲与額はいくらですか。"), ("大河内聡君", "六百億円でございます。")],
    ),
    (
        "ko",
        {"질문": "Ann Asker", "답변": "Bob Answerer"},
        "[질문] 무슨 일을 하세요?\n[답변] 물을 내보냅니다.\n",
        [("질문", "무슨 일을 하세요?"), ("답변", "물을 내보냅니다.")],
    ),
    (
        "es",
        {"Pregunta": "Ann Asker", "Portavoz": "Bob Answerer"},
        "Pregunta.- ¿Cuándo entra en vigor?\n\nPortavoz.- En marzo.\n",
        [("Pregunta", "¿Cuándo entra en vigor?"), ("Portavoz", "En marzo.")],
    ),
    (
        "de",
        {"Moderator": "Ann Asker", "HenrikeB": "Bob Answerer"},
        "# Chat\n\n| | |\n|---|---|\n| Moderator: | Wann kommt es? |\n| HenrikeB: | Im Mai. |\n\nLizenz: CC BY 4.0.\n",
        [("Moderator", "Wann kommt es?"), ("HenrikeB", "Im Mai.")],
    ),
]


@pytest.mark.parametrize(
    ("lang", "labels", "text", "expected"),
    PRINTED_LABELS,
    ids=["ja-diet-mark", "ko-brackets", "es-period-dash", "de-table"],
)
def test_labels_as_publications_print_them_without_a_colon(
    lang: str, labels: dict[str, str], text: str, expected: list[tuple[str, str]]
) -> None:
    """Japanese Diet minutes mark each speaker with ``○`` and a wide space; a Korean webzine prints ``[질문]``; a
    Spanish government transcript ``Portavoz.-``; a German chat protocol a Markdown table. Each declared label as
    printed there starts a turn, and the markup stays out of the words (a paragraph under the table is no turn)."""
    result = parse_text(text, meta=meta_for(lang, labels), lang=lang)
    assert [(t.speaker_label, t.text.replace("\n", "")) for t in result.turns] == expected


def test_a_question_s_second_paragraph_that_asks_too_is_still_the_question() -> None:
    """A reporter asks two ministers in two paragraphs, the second ending in a question mark: it is the question's
    second part, not the answer (no speaker is inferred for it)."""
    text = "Q: For the minister: how will you check?\n\nAnd for the spokesperson: is there a majority?\n\nBob: Yes.\n"
    result = parse(text)
    assert [(t.speaker_label, t.text) for t in result.turns] == [
        ("Q", "For the minister: how will you check?\nAnd for the spokesperson: is there a majority?"),
        ("Bob", "Yes."),
    ]
    assert not result.warnings


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        (
            "en",
            "Q: Why?\n\nBob: Because.\n\nProceedings suspended from 10:31 to 10:45\n\nQ: And?\n\nBob: So.",
            "stage_direction",
        ),
        (
            "en",
            "Q: Why?\n\nBob: Because.\n\nWednesday, 4 June 2025      Senate      Page 28\n\nQ: And?\n\nBob: So.",
            "boilerplate",
        ),
        ("en", "Q: Why?\n\nBob: Because.\n\nThis interview took place in May.", "boilerplate"),
        ("ja", "Q：なぜですか。\n\nBob：古いからです。\n\n午前十時五十二分散会", "boilerplate"),
        ("ko", "Q: 왜요?\n\nBob: 낡았으니까요.\n\nⓒ 월간 물길, 무단 전재 및 재배포 금지", "boilerplate"),
    ],
    ids=["hansard-suspended", "hansard-even-page-header", "editor-note-after", "diet-adjourned", "ko-copyright"],
)
def test_a_session_s_notes_and_a_page_s_furniture_are_no_part_of_a_turn(lang: str, text: str, kind: str) -> None:
    result = parse_text(text, meta=meta_for(lang, {"Q": "Ann Asker", "Bob": "Bob Answerer"}), lang=lang)
    last = text.split("\n\n")[-1] if kind == "boilerplate" and "Page" not in text else text.split("\n\n")[2]
    assert [s.kind for s in result.segments if s.text == last] == [kind]
    assert not any(last in t.text for t in result.turns)


def test_a_greeting_before_a_full_korean_answer_is_an_exchange_not_a_welcome() -> None:
    """Korean interviews open with 안녕하세요 on both sides and go straight on: a hundred Korean characters say as
    much as two hundred Latin ones, so the first answer is no courtesy."""
    from qa_builder.transcripts.conventions import builtin_conventions
    from qa_builder.transcripts.exchanges import find_exchanges

    answer = "안녕하세요. 한마디로 물을 언제, 얼마나 내보낼지 정하는 곳입니다. "
    answer += "비가 오면 밤을 새우고 가뭄이면 하루 종일 계산합니다."
    text = (
        f"Q: 안녕하세요. 먼저 하는 일을 소개해 주세요.\n\nBob: {answer}\n\nQ: 가장 힘든 때는요?\n\nBob: 장마철입니다.\n"
    )
    conventions = builtin_conventions("ko")
    result = parse_text(text, meta=meta_for("ko", {"Q": "Ann Asker", "Bob": "Bob Answerer"}), lang="ko")
    exchanges = find_exchanges(result.turns, result.segments, conventions.compiled("courtesy"))
    assert [e.turn_indices for e in exchanges] == [[0, 1], [2, 3]]


def test_a_welcome_to_listeners_and_a_caller_s_thanks_before_the_next_caller_are_in_no_exchange() -> None:
    """ "Liebe Hörerinnen und Hörer, herzlich willkommen." greets (a vocative of two nouns); a caller's thanks for an
    answer ("Danke, schau ich nach!") asks nothing and the next caller's question is another's."""
    from qa_builder.transcripts.conventions import builtin_conventions
    from qa_builder.transcripts.exchanges import find_exchanges

    speakers = {"Mo Host": "host", "Eva Guest": "guest", "Kai": "audience", "Lu": "audience"}
    labels = {"Mo": "Mo Host", "Eva": "Eva Guest", "Kai": "Kai", "Lu": "Lu"}
    turns = [
        "Mo: Liebe Hörerinnen und Hörer, herzlich willkommen.",
        "Eva: Guten Tag in die Runde.",
        "Kai: Wann kommt das Kabel?",
        "Eva: Im Mai.",
        "Kai: Danke, schau ich nach!",
        "Lu: Und was kostet es?",
        "Eva: Nichts.",
    ]
    conventions = builtin_conventions("de")
    result = parse_text("\n\n".join(turns), meta=meta_for("de", labels, speakers), lang="de")
    exchanges = find_exchanges(result.turns, result.segments, conventions.compiled("courtesy"))
    assert [e.turn_indices for e in exchanges] == [[2, 3], [5, 6]]


@pytest.mark.parametrize(
    ("lang", "answer"),
    [
        ("en", "I will go to the capital on Monday."),
        ("en", "And two more for the harbor."),
        ("en", "Yes, please."),
        ("en", "Thanks to the volunteers, mostly."),
        ("de", "Sehr gerne, wenn man mich fragt."),
        ("zh", "很高兴告诉大家，新校区明年九月就能正式投入使用。"),
    ],
)
def test_a_last_answer_shaped_like_thanks_or_the_floor_stays_an_answer(lang: str, answer: str) -> None:
    """A second answerer's real answer that starts like a floor formula or thanks, in the last exchange and before a
    next question alike, stays in its exchange."""

    speakers = {"Ann Guest": "interviewee", "Ben Guest": "interviewee", "Dana Host": "interviewer"}
    colon = "：" if lang == "zh" else ": "
    labels = {"Ann": "Ann Guest", "Ben": "Ben Guest", "Dana": "Dana Host"}
    ask, because = (
        (f"Dana{colon}为什么？", f"Ann{colon}因为旧了。") if lang == "zh" else ("Dana: Why?", "Ann: It was old.")
    )
    turns = [ask, because, f"Ben{colon}{answer}", ask, because, f"Ben{colon}{answer}"]
    assert exchange_groups("\n\n".join(turns), lang, labels, speakers) == [[0, 1, 2], [3, 4, 5]]


def test_a_hand_over_after_thanking_a_short_name_leaves_the_exchange() -> None:

    speakers = {"Dee Sec": "interviewee", "Lu Official": "interviewee", "Reporters": "questioner"}
    labels = {"Dee": "Dee Sec", "Lu": "Lu Official", "Q": "Reporters"}
    text = "Q: Why?\n\nLu: Because.\n\nDee: Thank you, Jim. Go ahead, Priya.\n\nQ: And?\n\nLu: So."
    assert exchange_groups(text, "en", labels, speakers) == [[0, 1], [3, 4]]


def test_a_cue_paragraph_without_a_label_is_no_part_of_the_answer_before() -> None:
    labels = {"记者": "Ann Asker", "王建国": "Bob Answerer"}
    text = (
        "【同期声】记者：种子从哪里来？\n【同期声】王建国：合作社统一采购的。\n\n【解说】据了解，全村新增农田八百亩。\n"
    )
    result = parse_text(text, meta=meta_for("zh", labels), lang="zh")
    assert [t.text for t in result.turns] == ["种子从哪里来？", "合作社统一采购的。"]
    assert [s.kind for s in result.segments if s.text.startswith("【解说】")] == ["stage_direction"]


def test_a_quotation_a_blockquoted_answer_introduces_is_no_prompt() -> None:
    """In a file of blockquoted questions, a blockquote after a paragraph ending in a colon is a quotation the
    answer reads out, not the interviewer's prompt."""
    text = (
        "> How did you start?\n\nOn tankers.\n\n> What is hard?\n\nThe rulebook says it in one line:\n\n"
        "> The pilot boards at own risk.\n\nNobody reads it.\n\n> Again?\n\nAlways.\n"
    )
    meta = meta_for("en", {}, {"Ann Asker": "interviewer", "Ruth Ames": "interviewee"})
    result = parse_text(text, meta=meta, lang="en")
    assert [t.text for t in result.turns if t.role == "interviewer"] == [
        "How did you start?",
        "What is hard?",
        "Again?",
    ]


def test_a_spaced_q_with_a_colon_in_its_question_and_a_run_on_name_with_a_particle() -> None:
    spaced = (
        "Bob: Hi.\n\nQ Two things: the date, and the cost?\n\nBob: Friday.\n\nQ Why?\n\nBob: So.\n\nQ And?\n\nBob: No."
    )
    assert [t.speaker_label for t in parse(spaced).turns] == ["Bob", "Q", "Bob", "Q", "Bob", "Q", "Bob"]
    from qa_builder.errors import UnknownLabelError

    runon = "Ann Asker (00:00:01) Why?\n\nBob Answerer (00:00:05) Because.\n\nAna de Souza (00:01:02) And birds.\n"
    labels = {"Ann Asker": "Ann Asker", "Bob Answerer": "Bob Answerer"}
    with pytest.raises(UnknownLabelError, match="'Ana de Souza'"):
        parse_text(runon, meta=meta_for("en", labels), lang="en")


def test_an_analyst_introduced_by_another_form_of_the_name_is_an_undeclared_label() -> None:
    from qa_builder.errors import UnknownLabelError

    meta = meta_for(
        "en",
        {"Operator": "Operator", "Ann Asker": "Ann Asker", "Bob Answerer": "Bob Answerer"},
        {"Operator": "chair", "Ann Asker": "interviewer", "Bob Answerer": "interviewee"},
    )
    text = EARNINGS_CALL + "\nOperator\n\nNext is the line of Kenneth Price.\n\nKen Price\n\nHow much price?\n"
    with pytest.raises(UnknownLabelError, match="'Ken Price'"):
        parse_text(text, meta=meta, lang="en")


def test_a_japanese_question_ending_in_ka_asks() -> None:
    """Diet minutes end a question with the particle か and a full stop, no question mark: the exchange is not
    flagged ``no_question_mark``."""
    from qa_builder.transcripts.exchanges import find_exchanges

    labels = {"桐生真澄君": "Ann Asker", "大河内聡君": "Bob Answerer"}
    text = "○桐生真澄君　見極めるのはいつまでですか。\n○大河内聡君　来年の夏までです。\n"
    result = parse_text(text, meta=meta_for("ja", labels), lang="ja")
    (exchange,) = find_exchanges(result.turns, result.segments)
    assert exchange.turn_indices == [0, 1] and "no_question_mark" not in exchange.issues
