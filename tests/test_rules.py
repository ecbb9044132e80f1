"""One test per parsing rule, on small transcripts written here."""

from __future__ import annotations

import pytest
import regex

from qa_builder.errors import NoTurnsError, UnknownLabelError
from qa_builder.transcripts.labels import label_pattern
from qa_builder.transcripts.meta import InterviewMeta
from qa_builder.transcripts.parse import ParsedTranscript, parse_lines, parse_text
from qa_builder.transcripts.read import split_lines

META = InterviewMeta.model_validate(
    {
        "title": "t",
        "publisher": "p",
        "url": "u",
        "published": "2024-01-01",
        "interviewer": "Ann Asker",
        "interviewees": ["Bob Answerer", "Cleo Second"],
        "languages": {
            "en": {"source": "s", "labels": {"Q": "Ann Asker", "Bob": "Bob Answerer", "Cleo": "Cleo Second"}},
            "zh": {"source": "s", "labels": {"问": "Ann Asker", "Bob": "Bob Answerer"}},
            "de": {"source": "s", "labels": {"F": "Ann Asker", "Bob": "Bob Answerer"}},
        },
    }
)


def with_labels(lang: str, labels: dict[str, object]) -> InterviewMeta:
    """The tests' metadata with other labels for ``lang``."""
    data = META.model_dump()
    data["languages"][lang]["labels"] = labels
    return InterviewMeta.model_validate(data)


def parse(text: str, lang: str = "en") -> ParsedTranscript:
    return parse_text(text, meta=META, lang=lang)


def shape(result: ParsedTranscript) -> list[tuple[str | None, str]]:
    return [(t.speaker_label, t.text) for t in result.turns]


def test_preamble_before_the_first_label_is_not_a_turn() -> None:
    result = parse("A Title\n\nSome lead: with a colon.\n\nQ: Why?\n\nBob: Because.\n")
    assert shape(result) == [("Q", "Why?"), ("Bob", "Because.")]
    assert [(s.kind, s.text) for s in result.segments] == [("preamble", "A Title\nSome lead: with a colon.")]


def test_full_width_colon_and_no_break_space_after_label() -> None:
    assert shape(parse("Q：Why?\n\nBob:\u00a0Because.")) == [("Q", "Why?"), ("Bob", "Because.")]


@pytest.mark.parametrize("colon", ["\ufe55", "\ufe30", "\u2236"], ids=["small", "vertical", "ratio"])
def test_colons_that_input_methods_type_end_a_label(colon: str) -> None:
    text = f"Q{colon}Why?\n\nBob: Because.\n\nQ{colon} And?\n\nBob: Yes."
    assert shape(parse(text)) == [("Q", "Why?"), ("Bob", "Because."), ("Q", "And?"), ("Bob", "Yes.")]


def test_unlabelled_paragraphs_continue_the_turn() -> None:
    result = parse("Q: Why?\n\nBob: One.\n\nTwo.\n\nQ: And?\n\nBob: Three.")
    assert shape(result)[1] == ("Bob", "One.\nTwo.")
    assert result.turns[1].source.line_start == 3 and result.turns[1].source.line_end == 5


def test_unlabelled_answer_right_after_a_question_is_the_interviewees() -> None:
    result = parse("Q: Why?\n\nBecause.\n\nQ: And?\n\nBob: Yes.")
    assert [(t.speaker, t.speaker_label, t.issues) for t in result.turns[:2]] == [
        ("Ann Asker", "Q", []),
        ("Bob Answerer", None, ["speaker_inferred"]),
    ]
    assert [w.line for w in result.warnings] == [3]


def test_unlabelled_paragraph_after_a_statement_continues_the_question() -> None:
    result = parse("Q: Some context.\n\nSo why?\n\nBob: Because.")
    assert shape(result) == [("Q", "Some context.\nSo why?"), ("Bob", "Because.")]


def test_bracketed_stage_direction_ends_the_turn_and_the_next_paragraph_is_new() -> None:
    result = parse("Q: Why?\n\nBob: Yes.\n\nQ: Thanks.\n\n(He hangs up, then calls back.)\n\nOne more thing.")
    assert [s.kind for s in result.segments] == ["stage_direction"]
    assert shape(result)[-1] == (None, "One more thing.")
    assert result.turns[-1].speaker == "Bob Answerer"


def test_narrative_line_ending_in_a_colon_naming_a_speaker_is_a_stage_direction() -> None:
    result = parse("Q: Why?\n\nBob: Yes.\n\nQ: Bye.\n\nLater, Cleo called back:\n\nI forgot one thing.")
    assert [s.kind for s in result.segments] == ["stage_direction"]
    assert result.turns[-1].speaker == "Cleo Second"  # the one the stage direction names


def test_editor_note_and_link_are_segments() -> None:
    result = parse("Q: Why?\n\nBob: Yes.\n\nEditor's note: context.\n\nRelated: a link\n\nQ: And?\n\nBob: No.")
    assert [s.kind for s in result.segments] == ["editor_note", "link"]
    assert len(result.turns) == 4


def test_chinese_heading_names_the_section_and_is_not_a_turn() -> None:
    result = parse("导语。\n\n“第一部分”\n\n问:为什么?\n\nBob:因为。\n\n“第二部分”\n\n问:还有呢?\n\nBob:没有了。", "zh")
    assert [t.section for t in result.turns] == ["第一部分", "第一部分", "第二部分", "第二部分"]
    assert [s.kind for s in result.segments] == ["preamble", "heading", "heading"]


def test_heading_shaped_line_after_the_last_turn_starts_the_footer() -> None:
    result = parse("问:为什么?\n\nBob:因为。\n\n「点赞」\n\n快来评论!\n欢迎您", "zh")
    assert len(result.turns) == 2
    assert [(s.kind, s.source.line_start, s.source.line_end) for s in result.segments] == [("boilerplate", 5, 8)]


def test_longest_label_wins() -> None:
    meta = META.model_copy(deep=True)
    assert label_pattern(["Mira", "Mira Murati"]).match("Mira Murati: hi")["label"] == "Mira Murati"
    assert meta.languages["en"].label("Q").speaker == "Ann Asker"


def test_label_alone_on_its_line_takes_the_next_paragraph() -> None:
    result = parse("Q:\nWhy?\n\nBob: Because.")
    assert shape(result) == [("Q", "Why?"), ("Bob", "Because.")]
    assert result.turns[0].source.line_start == 1


def test_a_typo_of_a_known_label_is_an_error() -> None:
    with pytest.raises(UnknownLabelError) as caught:
        parse("Q: Why?\n\nBobb: Because.")
    assert str(caught.value).startswith("x.txt:3:1: undeclared speaker label 'Bobb' (a typo of 'Bob'?)")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Q: Why?\n\nDana: Because.", "x.txt:3:1: undeclared speaker label 'Dana' (it is shaped like a speaker label)"),
        ("Q: Why?\n\nBob: Yes.\n\nBob Answerer: No.", "'Bob Answerer' (it names the declared speaker 'Bob Answerer')"),
        ("**Q:** Why?\n\n**Tom:** Because.", "'Tom' (it is printed in bold like a label)"),
        ("问:为什么?\n\n记者:还有呢?", "'记者' (it is shaped like a speaker label)"),
        ("Q: Why?\n\nDr. Anna Meyer (SPD):\nI object.", "'Dr. Anna Meyer (SPD)' (it is shaped like a speaker label)"),
    ],
)
def test_an_undeclared_label_is_an_error_naming_it(text: str, message: str) -> None:
    with pytest.raises(UnknownLabelError) as caught:
        parse(text, "zh" if text.startswith("问") else "en")
    assert message in str(caught.value)
    assert "add it to [languages." in str(caught.value) and "not_labels" in str(caught.value)


@pytest.mark.parametrize("separator", [".", ";", ",", "-", " -", " –"])
def test_a_label_printed_with_another_separator_is_an_error(separator: str) -> None:
    with pytest.raises(UnknownLabelError, match=f"the label 'Q' is printed as 'Q{separator.strip()}'"):
        parse(f"Q: Why?\n\nBob: Yes.\n\nQ{separator} And then?")


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Q: Why?\n\nBob: Yes.\n\nQ And then?", "en"), ("问：为什么？\n\nBob：对。\n\n问 然后呢？", "zh")],
)
def test_a_short_label_without_its_colon_is_warned(text: str, lang: str) -> None:
    """A space where the colon should be (or a tab, which reads as one): the paragraph stays in the turn before, and
    the warning says so at its line."""
    result = parse(text, lang)
    assert len(result.turns) == 2
    assert [(w.line, w.message.split(" (")[0]) for w in result.notes.found] == [
        (5, f"starts like the label {text[0]!r} without its colon")
    ]


def test_a_short_label_printed_before_one_space_throughout_starts_turns() -> None:
    """Web copies of press briefings collapse ``Q    Why?`` to ``Q Why?``: a short label in capitals printed so
    three times (before a capital or a parenthesis) and never with its colon is read so; a letter that is a word
    (``A``) never is, and a file that also prints ``Q:`` keeps the warning."""
    text = "Bob: Hi.\n\nQ Why?\n\nBob: Yes.\n\nQ (Inaudible.)\n\nBob: No.\n\nQ And then?\n\nBob: Then.\n\nA New York."
    result = parse(text)
    assert [(t.speaker_label, t.text) for t in result.turns] == [
        ("Bob", "Hi."),
        ("Q", "Why?"),
        ("Bob", "Yes."),
        ("Q", "(Inaudible.)"),
        ("Bob", "No."),
        ("Q", "And then?"),
        ("Bob", "Then.\nA New York."),
    ]
    assert not [w for w in result.notes.found if "without its colon" in w.message]
    twice = parse(text.replace("Q And then?", "Q: And then?"))
    assert len(twice.turns) == 5 and [w.line for w in twice.notes.found if "without its colon" in w.message] == [3, 7]


def test_an_answer_paragraph_starting_like_a_short_label_in_lower_case_is_not_warned() -> None:
    result = parse("Q: Why?\n\nBob: Yes.\n\nQ and A sessions are long.\n\nQ: Why?\n\nBob: " + "No. " * 3)
    assert [w.message for w in result.notes.found if "without its colon" in w.message] == []


def test_a_label_declared_in_brackets_needs_no_colon() -> None:
    data = META.model_dump()
    data["languages"]["zh"]["labels"] = {"[主持人]": "Ann Asker", "【李明远】": "Bob Answerer"}
    meta = InterviewMeta.model_validate(data)
    result = parse_text("[主持人]：为什么?\n\n【李明远】因为。\n\n[主持人]还有呢?", meta=meta, lang="zh")
    assert shape(result) == [("[主持人]", "为什么?"), ("【李明远】", "因为。"), ("[主持人]", "还有呢?")]


@pytest.mark.parametrize("start", ["以下为访谈文字实录：", "举个例子：开馆第一年，读者就多了一倍。"])
def test_a_chinese_phrase_before_a_colon_that_the_conventions_list_is_text(start: str) -> None:
    """``以下*`` in zh's ``not_labels`` is a prefix: a script without spaces has no first word to list."""
    assert shape(parse(f"问:为什么?\n\nBob:因为。\n\n{start}", "zh"))[1] == ("Bob", f"因为。\n{start}")


@pytest.mark.parametrize("start", ["Look: it is simple.", "Bottom line: it works.", "Note: we checked."])
def test_a_colon_after_an_ordinary_word_in_an_answer_is_text(start: str) -> None:
    assert shape(parse(f"Q: Why?\n\nBob: Yes.\n\n{start}"))[1] == ("Bob", f"Yes.\n{start}")


def test_no_labels_at_all_is_not_a_transcript() -> None:
    with pytest.raises(NoTurnsError, match="no speaker turns"):
        parse("Just an article.\n\nWith paragraphs.")


def test_soft_wrapped_paragraphs_are_joined() -> None:
    text = "Q: Why is\nthe sky blue?\n\nBob: Because of\nscattering, mostly,\nand the sun.\n\nQ: Ok?\nBob: Ok."
    assert shape(parse(text)) == [
        ("Q", "Why is the sky blue?"),
        ("Bob", "Because of scattering, mostly, and the sun."),
        ("Q", "Ok?"),
        ("Bob", "Ok."),
    ]


REVIEWED = InterviewMeta.model_validate(
    {
        **META.model_dump(exclude={"languages"}),
        "languages": {
            "en": {
                "source": "s",
                "labels": {"Q": "Ann Asker", "Bob": "Bob Answerer", "Cleo": "Cleo Second"},
                "reviewed": {"3": "checked against the recording"},
            }
        },
    }
)


def test_every_inferred_speaker_is_warned_about_and_keeps_its_flag() -> None:
    result = parse("Q: Why?\n\nBecause.\n\nQ: Bye.\n\n(He calls back.)\n\nOne more thing.")
    assert [(t.speaker, t.issues) for t in result.turns if t.speaker_label is None] == [
        ("Bob Answerer", ["speaker_inferred"]),
        ("Bob Answerer", ["speaker_inferred"]),
    ]
    assert [w.line for w in result.warnings] == [3, 9]
    assert (
        "after a stage direction, read as Bob Answerer's turn (the default interviewee)" in result.warnings[1].message
    )
    assert result.warnings[0].message.endswith(
        'if the reading is right, add `3 = "why"` under [languages.en.reviewed] in meta.toml'
    )


def test_a_reviewed_inference_is_not_warned_about_but_keeps_its_flag() -> None:
    text = "Q: Why?\n\nBecause.\n\nQ: And?\n\nBob: Yes."
    lines = split_lines(text, "x.txt")
    result = parse_lines(lines, meta=REVIEWED, lang="en", interview_id="i", path="x.txt")
    assert result.warnings == []
    assert [(w.line, w.reviewed) for w in result.reviewed] == [(3, "checked against the recording")]
    assert result.turns[1].issues == ["speaker_inferred"]


def test_a_review_of_a_line_without_a_warning_is_itself_a_warning() -> None:
    lines = split_lines("Q: Why?\n\nBob: Because.", "x.txt")
    result = parse_lines(lines, meta=REVIEWED, lang="en", interview_id="i", path="x.txt")
    assert [str(w) for w in result.warnings] == [
        "x.txt:3: warning: meta.toml marks line 3 reviewed, but it has no warning — remove 3 from "
        "[languages.en.reviewed]"
    ]


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("zh", "问:为什么?\n\nBob:因为。\n\n书房一景，夜里依然明亮。（林格立攝）", "caption"),
        ("zh", "问:为什么?\n\nBob:因为。\n\n責任編輯：林美", "boilerplate"),
        ("zh", "问:为什么?\n\nBob:因为。\n\n编辑　王小明　校对　李华", "boilerplate"),
        ("zh", "问:为什么?\n\nBob:因为。\n\n【经营】“一杯咖啡养不活书店”\n\n问:还有呢?", "heading"),
        ("en", "Q: Why?\n\nBob: Because.\n\nTranscribed by https://otter.ai", "boilerplate"),
        ("en", "Q: Why?\n\nBob: Because.\n\nThe lighthouse in 1961 (photo by Ann Lee)", "caption"),
        ("de", "F: Warum?\n\nBob: Darum.\n\nSeite 1/2\n\nF: Und dann?", "boilerplate"),
        ("de", "F: Warum?\n\nBob: Darum.\n\nZur Startseite", "boilerplate"),
        ("de", "F: Warum?\n\nBob: Darum.\n\nDas Wortprotokoll folgt der Mitschrift.", "boilerplate"),
        ("zh", "问:为什么?\n\nBob:因为。\n\n新京报记者注意到，留言本已经写满了四本。\n\n问:还有呢?", "stage_direction"),
        ("zh", "问:为什么?\n\nBob:因为。\n\n新京报记者　邵雨晴", "boilerplate"),
    ],
)
def test_furniture_after_an_answer_is_not_the_answer(lang: str, text: str, kind: str) -> None:
    """Captions, credit lines, crossheads and page navigation as publications print them, in both Chinese scripts."""
    result = parse(text, lang)
    furniture = text.split("\n\n")[2]
    assert result.turns[1].text in {"因为。", "Because.", "Darum."}
    assert [s.kind for s in result.segments if s.text == furniture] == [kind]


def test_a_chinese_label_with_a_post_in_full_width_brackets_is_a_label() -> None:
    with pytest.raises(UnknownLabelError, match="周慕白（“半亩书房”创始人）"):
        parse("问:为什么?\n\n周慕白（“半亩书房”创始人）：因为。", "zh")


def test_every_undeclared_label_of_a_transcript_is_named_in_one_error() -> None:
    """One run of validate lists them all, the first where the error points."""
    with pytest.raises(UnknownLabelError) as caught:
        parse("Q: Why?\n\nBob: Yes.\n\nTom: No.\n\nQ: And?\n\nUna: Maybe.\n\nTom: Never.")
    error = caught.value
    assert error.line == 5
    assert "undeclared speaker label 'Tom'" in error.message and "also 'Una' at line 9" in error.message
    assert '"Tom" = "<speaker>", "Una" = "<speaker>"' in str(error)


def test_a_titled_box_between_answers_is_a_box_and_the_answer_goes_on_after_it() -> None:
    """``Zur Person`` and the paragraph after it are a box; a paragraph after the box is the answer again."""
    box = "Zur Person\n\nBob Answerer, 47, forscht in Kassel."
    text = f"F: Warum?\n\nBob: Darum.\n\n{box}\n\nUnd noch etwas.\n\nF: Gut."
    result = parse(text, "de")
    assert shape(result) == [("F", "Warum?"), ("Bob", "Darum.\nUnd noch etwas."), ("F", "Gut.")]
    assert [s.text for s in result.segments if s.kind == "box"] == ["Zur Person\nBob Answerer, 47, forscht in Kassel."]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("zh", "问:为什么?\n\nBob:因为。\n\n我当记者看到太多了，心累。\n\n问:还有呢?"),
        ("zh", "问:为什么?\n\nBob:因为。\n\n当年做记者发现很多问题没人管。\n\n问:还有呢?"),
        ("zh", "问:为什么?\n\nBob:因为。\n\n那就这样吧【笑】"),
        ("de", "F: Warum?\n\nBob: Darum.\n\nDas Protokoll zeigt, dass wir recht hatten."),
        ("en", "Q: Why?\n\nBob: Because.\n\nBob 10:30 is when we start, not later."),
        ("en", "Q: Why?\n\nBob: Because.\n\nG7: the summit was long."),
        ("en", "Q: Why?\n\nBob: Because.\n\nQ4 earnings were strong."),
        ("zh", "问:为什么?\n\nBob:因为。\n\n散会以后，我们在（9时30分）又谈了一次。\n\n问:还有呢?"),
        ("zh", "问:为什么?\n\nBob:因为。\n\n休息"),
        ("de", "F: Warum?\n\nBob: Darum.\n\nWir waren dort. Foto: Das war verboten."),
        ("de", "F: Warum?\n\nBob: Darum.\n\nIch zeige Ihnen ein Foto: meine Mutter am Neumarkt"),
        ("de", "F: Warum?\n\nBob: Darum.\n\nEnde der Aufnahme war erst um neun."),
        ("de", "F: Warum?\n\nBob: Darum.\n\nEs gibt zwei Gründe: (1) die Kosten und (2) die Zeit."),
        ("de", "F: Warum?\n\nBob: Darum.\n\nDas Mittel hieß (Xylomethazolin?) oder so."),
        ("de", "F: Warum?\n\nBob: Darum.\n\nInfo gab es keine."),
        ("en", "Q: Why?\n\nBob: Because.\n\nIt was the //so-called// reform, at 12:04:33 sharp."),
    ],
)
def test_speech_that_looks_a_little_like_furniture_stays_in_the_answer(lang: str, text: str) -> None:
    """Each rule for furniture is checked against an answer's ordinary sentences in that shape."""
    result = parse(text, lang)
    said = text.split("\n\n")[2]
    assert said.removesuffix("【笑】") in result.turns[1].text
    assert not [s for s in result.segments if s.text == said]


def test_no_turns_names_the_label_shaped_starts_that_recur() -> None:
    """A file whose labels are all undeclared: the error names what init would draft, not a field printed once."""
    text = "Datum: 14.03.1998\nKB: Warum?\nLenz: Darum.\nKB: Und?\nLenz: Ja.\nKB: Gut.\n"
    with pytest.raises(NoTurnsError, match=r"lines start like labels it does not declare: KB: 3×, Lenz: 2× — "):
        parse(text, "de")


@pytest.mark.parametrize(
    ("lang", "line", "label"),
    [
        ("zh", "36氪：你们为什么做这个？", "36氪"),  # an outlet whose name starts with digits
        ("de", "SV Prof. Dr. Anna Meyer (Universität Kassel): Danke für die Einladung.", "SV Prof. Dr. Anna Meyer"),
    ],
)
def test_an_undeclared_label_with_digits_or_titles_stops_the_parse(lang: str, line: str, label: str) -> None:
    texts = {
        "zh": f"问：为什么？\n\nBob：因为。\n\n{line}\n\nBob：好。",
        "de": f"F: Warum?\n\nBob: Darum.\n\n{line}\n\nBob: Gut.",
    }
    with pytest.raises(UnknownLabelError, match=regex.escape(label)):
        parse(texts[lang], lang)


def test_a_year_before_a_colon_in_chinese_is_no_label() -> None:
    result = parse("问：为什么？\n\nBob：因为。\n\n2023年：我们开始了。", "zh")
    assert "2023年：我们开始了。" in result.turns[1].text


def test_a_participant_code_once_is_a_label_where_the_file_labels_speakers_by_code() -> None:
    data = META.model_dump(mode="json")
    data["languages"]["en"]["labels"] = {"P01": "Ann Asker", "P02": "Bob Answerer"}
    meta = InterviewMeta.model_validate(data)
    with pytest.raises(UnknownLabelError, match="'P04'"):
        parse_text("P01: Why?\n\nP02: Because.\n\nP04: Me too.\n\nP01: And?", meta=meta, lang="en")


def test_the_colon_after_a_time_code_that_continues_a_turn_is_cut_with_it() -> None:
    result = parse("Q: Why?\n\nBob: Because.\n\n(02:31): And more.\n\nQ: And?")
    assert result.turns[1].text == "Because.\nAnd more."
    assert [s.text for s in result.segments if s.kind == "timestamp"] == ["(02:31):"]


def test_closed_captions_mark_a_new_speaker_with_two_angle_brackets() -> None:
    """``>>`` starts a turn even inside hard-wrapped caption lines; unnamed, it is whoever spoke before the current
    speaker (flagged and warned about); ``>> Q:`` is Q's."""
    text = (
        "Q: WHY DID THE\nBRIDGE CLOSE?\nBob: THE CABLES\nRUSTED. SO WE\nSHUT IT.\n>> FOR HOW\nLONG?\n"
        ">> TWO YEARS, AT\nLEAST.\n>> Q: AND THE\nFERRY?\nBob: IT RUNS.\n"
    )
    result = parse(text)
    assert [(t.speaker, t.issues, t.source.line_start) for t in result.turns] == [
        ("Ann Asker", [], 1),
        ("Bob Answerer", [], 3),
        ("Ann Asker", ["speaker_inferred"], 6),
        ("Bob Answerer", ["speaker_inferred"], 8),
        ("Ann Asker", [], 10),
        ("Bob Answerer", [], 12),
    ]
    assert result.turns[2].text == "FOR HOW LONG?"
    assert [w.line for w in result.warnings] == [6, 8]


@pytest.mark.parametrize(
    ("lang", "footer"),
    [
        ("de", "Übersetzung aus dem Englischen: Jana Ortloff"),
        ("de", "Die Sendung in der Mediathek: bis 6. November verfügbar"),
        ("de", "Schluss der Sitzung: 12:47 Uhr"),
        ("en", "Share this article"),
        ("en", "Harbour Lines is an Example Radio production."),
        ("en", "See example.com/listener for privacy information."),
        ("en", "Translated from the Chinese by Ann Lee. The interview first appeared in a weekly."),
        ("en", "END                1:49 P.M. EDT"),
        ("zh", "本文为某某网原创，未经授权不得转载。"),
        ("zh", "（责编：王一、李二）"),
        ("zh", "本文经《某某评论》授权翻译，有删节。"),
        ("zh", "译者王小溪，陶瓷史研究者。"),
        ("zh", "《 某某日报 》（ 2025年05月20日   第 06 版）"),
    ],
)
def test_a_site_s_or_paper_s_footer_under_the_last_answer_is_not_said(lang: str, footer: str) -> None:
    asker = {"de": "F", "en": "Q", "zh": "问"}[lang]
    result = parse(f"{asker}: Why?\n\nBob: Because.\n\n{footer}\n", lang)
    assert result.turns[-1].text == "Because."
    assert footer in [s.text for s in result.segments]


def test_a_film_title_in_brackets_stays_in_an_italian_answer() -> None:
    meta = InterviewMeta.model_validate(
        META.model_dump(mode="json")
        | {"languages": {"it": {"source": "s", "labels": {"D": "Ann Asker", "Bob": "Bob Answerer"}}}}
    )
    result = parse_text(
        "D: Perché?\n\nBob: Ho visto il film (Ride, 2018) e poi (risate) sono uscito.", meta=meta, lang="it"
    )
    assert result.turns[1].text.startswith("Ho visto il film (Ride, 2018) e poi")
    assert [s.text for s in result.segments if s.kind == "interjection"] == ["(risate)"]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Übersetzung ist schwer, sagt sie."),
        ("en", "Share this article with your friends, please."),
        ("en", "The film is a production we are proud of, truly."),
        ("en", "Translated into English, the word means river."),
    ],
)
def test_speech_shaped_a_little_like_a_footer_stays_in_the_answer(lang: str, said: str) -> None:
    asker = {"de": "F", "en": "Q"}[lang]
    result = parse(f"{asker}: Why?\n\nBob: Because.\n\n{said}\n", lang)
    assert result.turns[-1].text == f"Because.\n{said}"


@pytest.mark.parametrize(
    "credit", ["[CAPTIONING PERFORMED BY RIVERSIDE CAPTIONS]", "Captions copyright Example Cable Network 2025"]
)
def test_a_captioner_s_credit_after_the_last_turn_is_boilerplate(credit: str) -> None:
    result = parse(f"Q: WHY?\nBob: BECAUSE IT RAINED.\n{credit}\n")
    assert [t.text for t in result.turns] == ["WHY?", "BECAUSE IT RAINED."]
    assert [(s.kind, s.text) for s in result.segments] == [("boilerplate", credit)]


def test_one_line_starting_with_two_angle_brackets_is_a_web_page_s_link_not_a_new_speaker() -> None:
    result = parse("Q: Why?\n\nBob: Because.\n\n>> Go to page 2\n\nQ: And?\n\nBob: Yes.")
    assert not [turn for turn in result.turns if "speaker_inferred" in turn.issues]


def test_two_angle_brackets_in_markdown_are_a_quote_in_a_quote_not_a_new_speaker() -> None:
    text = "**Q:** Why?\n\n**Bob:** As she wrote:\n\n>> the cables rusted\n>> and fell\n\n**Q:** And?\n\n**Bob:** Yes."
    result = parse(text)
    assert result.markup == "markdown"
    assert [t.speaker for t in result.turns] == ["Ann Asker", "Bob Answerer", "Ann Asker", "Bob Answerer"]
    assert not [turn for turn in result.turns if turn.issues]


def test_a_speaker_code_nobody_declared_is_an_error_where_it_recurs() -> None:
    """A study's participant codes (``P07:``) are labels; once, ``G7:`` stays in the answer (above)."""
    with pytest.raises(UnknownLabelError, match="'P07'"):
        parse("Q: Why?\n\nBob: Because.\n\nP07: Me too.\n\nQ: And you?\n\nP07: Yes.")


@pytest.mark.parametrize("at", [3, 2], ids=["last field", "among the fields"])
def test_a_declared_label_among_header_fields_is_a_field_not_a_turn(at: int) -> None:
    """``Interviewer: R. Okonjo`` among ``Date:`` and ``Duration:`` names the interviewer; the turns below are
    set apart by blank lines. It is read as the header, with a warning; so is a block of fields below the turns."""
    fields = ["Project: Rural broadband", "Date: 14 March 2024", "Duration: 00:41:17"]
    fields.insert(at, "Q: Ann Asker")
    footer = "\n\nTranscriber: J. Doe\nQ: checked by Ann Asker\nChecked: 2 May 2024"
    result = parse("\n".join(fields) + "\n\nQ: Why?\n\nBob: Because.\n\nQ: And?\n\nBob: Yes." + footer)
    assert shape(result) == [("Q", "Why?"), ("Bob", "Because."), ("Q", "And?"), ("Bob", "Yes.")]
    assert [(s.kind, s.source.line_start, s.source.line_end) for s in result.segments] == [
        ("preamble", 1, 4),
        ("boilerplate", 14, 16),
    ]
    assert [w.line for w in result.warnings] == [at + 1, 15]


def test_one_line_turns_without_blank_lines_are_no_header_fields() -> None:
    text = "Date: 14 March 2024\nPlace: Kassel\nQ: Why?\nBob: Because.\nQ: And?\nBob: Yes."
    assert shape(parse(text))[0] == ("Q", "Why?")


@pytest.mark.parametrize(
    "text",
    [
        "Q: Why?\n\nBob: Because.\n\nTreffpunkt Hauptbahnhof 10:30\nund dann ging es los.",
        "Q: Why?\n\nBob: Because we open\nat 10:30\nevery day.",
    ],
)
def test_a_time_at_the_end_of_a_wrapped_line_is_no_label(text: str) -> None:
    result = parse(text)
    assert [t.speaker_label for t in result.turns] == ["Q", "Bob"]


def test_an_undeclared_label_with_a_time_code_in_bold_is_an_error() -> None:
    data = META.model_dump()
    data["languages"]["en"]["markup"] = "markdown"
    meta = InterviewMeta.model_validate(data)
    with pytest.raises(UnknownLabelError, match="'Ruth Lee'"):
        parse_text(
            "**Q**  00:02\nWhy?\n\n**Bob**  00:09\nBecause.\n\n**Ruth Lee**  00:15\nMe too.", meta=meta, lang="en"
        )


def test_bold_emphasis_among_labelled_answers_is_no_question() -> None:
    """Where no label asks, a bold paragraph is a question only if it ends like one."""
    data = META.model_dump()
    data["languages"]["en"]["labels"] = {"Bob": "Bob Answerer", "Cleo": "Cleo Second"}
    meta = InterviewMeta.model_validate(data)
    text = "**Why?**\n\nBob: Because.\n\n**Never, ever give up.**\n\nThat is the whole secret.\n\nCleo: True."
    result = parse_text(text, meta=meta, lang="en")
    assert [(t.speaker, t.text) for t in result.turns] == [
        ("Ann Asker", "Why?"),
        ("Bob Answerer", "Because.\nNever, ever give up.\nThat is the whole secret."),
        ("Cleo Second", "True."),
    ]


def test_after_the_last_answer_a_link_starts_the_footer() -> None:
    """A "Related:" link after the last turn is the site's furniture, and so is every paragraph after it."""
    result = parse("Q: Why?\n\nBob: Because.\n\nRelated: More on rivers\n\nThe institute is a non-profit.")
    assert shape(result)[-1] == ("Bob", "Because.")
    assert result.segments[-1].kind == "boilerplate" and "non-profit" in result.segments[-1].text


def test_a_research_transcripts_time_marks_pauses_and_inaudible_words_are_cut_out() -> None:
    """f4/f5transkript's time mark at a paragraph's end (``#00:01:02-3#``) and what the Dresing/Pehl rules put in
    brackets — a pause ``(...)``, ``(unv.)``, what the speaker does — are no words of the speaker."""
    text = (
        "F: Wie kam das? #00:00:04-6#\n\nBob: Also ich habe (..) angefangen. (unv.) Dann ging es. (seufzt) #00:01:02-3#"
    )
    result = parse(text, "de")
    assert shape(result) == [("F", "Wie kam das?"), ("Bob", "Also ich habe angefangen. Dann ging es.")]
    assert [(s.kind, s.text) for s in result.segments] == [
        ("timestamp", "#00:00:04-6#"),
        ("interjection", "(..)"),
        ("interjection", "(unv.)"),
        ("interjection", "(seufzt)"),
        ("timestamp", "#00:01:02-3#"),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "F: Warum?\n\nBob: Das war schwer. //F: Mhm.// Und teuer.\n\nF: Gut."),
        ("en", "Q: Why?\n\nBob: It was hard. //Q: Mhm.// And dear.\n\nQ: Right."),
    ],
)
def test_a_backchannel_marked_as_an_overlap_is_cut_out_of_the_turn_it_interrupts(lang: str, text: str) -> None:
    """``//I1: Mhm.//`` inside B's paragraph is the interviewer's overlap (Dresing/Pehl): it starts no turn."""
    result = parse(text, lang)
    asker = "F" if lang == "de" else "Q"
    assert [label for label, _ in shape(result)] == [asker, "Bob", asker]
    assert "//" not in result.turns[1].text and "Mhm" not in result.turns[1].text
    assert [s.kind for s in result.segments] == ["interjection"]


def test_the_end_of_the_recording_and_a_postscript_are_not_the_last_turn() -> None:
    """``Ende der Aufnahme`` ends a research transcript; the interviewer's ``Postskriptum:`` after it is a note."""
    result = parse("F: Danke.\n\nBob: Gern. #00:04:52-0#\n\nEnde der Aufnahme\n\nPostskriptum: Bob wirkte müde.", "de")
    assert shape(result) == [("F", "Danke."), ("Bob", "Gern.")]
    assert [(s.kind, s.source.line_start) for s in result.segments if s.turn_index is None] == [("boilerplate", 5)]
    alone = parse("F: Danke.\n\nBob: Gern.\n\nPostskript: Bob wirkte müde.", "de")
    assert shape(alone) == [("F", "Danke."), ("Bob", "Gern.")]
    assert [s.kind for s in alone.segments] == ["editor_note"]


def test_a_caption_ending_in_its_credit_and_a_box_title_in_capitals_with_bullets_are_no_answer() -> None:
    """A newspaper's ``… am Markt. Foto: LT/Meier`` under a photo is a caption; ``ZUR SACHE`` over a subtitle and
    bulleted lines is a box — in a file printing one paragraph per line, where nothing else sets them apart."""
    meta = InterviewMeta.model_validate(
        {
            **META.model_dump(include={"title", "publisher", "url", "published", "interviewer", "interviewees"}),
            "languages": {
                "de": {"source": "s", "labels": {"F": "Ann Asker", "Bob": "Bob Answerer"}, "paragraphs": "one-per-line"}
            },
        }
    )
    text = (
        "F: Warum?\nBob: Darum.\nBob Answerer am Markt. Foto: LT/Meier\nZUR SACHE\nDer Kreis in Zahlen\n"
        "• Einwohner: 12 000\n• Leerstand: 14 Prozent\nF: Und?\nBob: Ja."
    )
    result = parse_text(text, meta=meta, lang="de")
    assert shape(result) == [("F", "Warum?"), ("Bob", "Darum."), ("F", "Und?"), ("Bob", "Ja.")]
    assert [(s.kind, s.source.line_start, s.source.line_end) for s in result.segments] == [
        ("caption", 3, 3),
        ("box", 4, 7),
    ]


def test_a_gazettes_clock_time_after_a_label_is_a_timestamp_and_the_close_of_the_sitting_no_turn() -> None:
    """立法院公報 prints the clock time after a questioner's label (``溫委員子齊：（9時32分）``) and closes with
    ``散會（12時48分）``; a recess ``休息（10時30分）`` between turns is a stage direction, in either script."""
    text = (
        "问：（9時32分）部長，為什麼？\n\nBob：因為。\n\n休息（10时30分）\n\n"
        "问：(10時41分)還有呢？\n\nBob：沒有了。\n\n散會（12時48分）"
    )
    result = parse(text, "zh")
    assert shape(result) == [("问", "部長，為什麼？"), ("Bob", "因為。"), ("问", "還有呢？"), ("Bob", "沒有了。")]
    assert [(s.kind, s.text) for s in result.segments] == [
        ("timestamp", "（9時32分）"),
        ("stage_direction", "休息（10时30分）"),
        ("timestamp", "(10時41分)"),
        ("stage_direction", "散會（12時48分）"),
    ]


META_IT = InterviewMeta.model_validate(
    {
        **META.model_dump(include={"title", "publisher", "url", "published", "interviewer", "interviewees"}),
        "speakers": {"Someone": "audience"},
        "languages": {
            "it": {"source": "s", "labels": {"D": "Ann Asker", "R": "Bob Answerer", "Dal pubblico": "Someone"}},
            "en": {"source": "s", "labels": {"Q": "Ann Asker", "Bob": "Bob Answerer"}},
            "de": {"source": "s", "labels": {"F": "Ann Asker", "Bob": "Bob Answerer"}},
            "fr": {"source": "s", "labels": {"Q": "Ann Asker", "Bob": "Bob Answerer"}},
            "zh": {"source": "s", "labels": {"问": "Ann Asker", "Bob": "Bob Answerer"}},
        },
    }
)


def test_an_italian_transcript_has_its_own_furniture() -> None:
    """it.toml: ``D:`` / ``R:``, ``(risate)`` cut out, a caption credited ``(foto di …)``, a translator's note, and
    the site's ``© Riproduzione riservata``, ``Tag:``, ``Leggi anche:`` after the last answer."""
    text = (
        "Bob Answerer in libreria (foto di Ann Lee)\n\nTraduzione dall'inglese di Ann Asker.\n\n"
        "D: Perché il mare? (risate)\n\nR: Perché c'era. (applausi) Tutto qui.\n\n"
        "Dal pubblico: E il libro?\n\nR: Esce a maggio.\n\n© Riproduzione riservata\n\n"
        "Leggi anche: Dieci libri sul mare\n\nTag: mare, libri\n\nCondividi: Facebook · X"
    )
    result = parse_text(text, meta=META_IT, lang="it")
    assert shape(result) == [
        ("D", "Perché il mare?"),
        ("R", "Perché c'era. Tutto qui."),
        ("Dal pubblico", "E il libro?"),
        ("R", "Esce a maggio."),
    ]
    kinds = [(s.kind, s.source.line_start) for s in result.segments]
    assert kinds[:2] == [("caption", 1), ("editor_note", 3)]
    assert ("interjection", 5) in kinds and ("interjection", 7) in kinds
    assert {kind for kind, line in kinds if line >= 13} == {"boilerplate"}


@pytest.mark.parametrize(
    ("lang", "text", "label"),
    [
        ("it", "D: Perché?\n\nR: Perché sì.\n\nDomanda dal pubblico: E poi?\n\nR: Poi basta.", "Domanda dal pubblico"),
        ("en", "Q: Why?\n\nBob: Because.\n\nFrom the audience: And then?\n\nBob: Then nothing.", "From the audience"),
        ("de", "F: Warum?\n\nBob: Darum.\n\nAus dem Publikum: Und dann?\n\nBob: Nichts.", "Aus dem Publikum"),
        (
            "fr",
            "Q: Pourquoi ?\n\nBob: Parce que.\n\nQuestion du public : Et après ?\n\nBob: Rien.",
            "Question du public",
        ),
        ("zh", "问:为什么?\n\nBob:因为。\n\n现场观众：然后呢？\n\nBob:没有了。", "现场观众"),
    ],
)
def test_a_label_naming_the_audience_nobody_declared_is_an_error(lang: str, text: str, label: str) -> None:
    """``Dal pubblico:`` is no name (a lower-case word after a capital), but the conventions list it as a role: a
    label, so an undeclared one stops the parse instead of being glued into the turn before."""
    with pytest.raises(UnknownLabelError, match=f"'{label}'"):
        parse_text(text, meta=META_IT, lang=lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Q: Why?\n\nBob: Because.\n\nFrom the audience, it looked easy: nobody fell."),
        ("en", "Q: Why?\n\nBob: Because.\n\nBottom line: it works."),
        ("en", "Q: Why?\n\nBob: Because.\n\nIn Berlin, Merkel said: we can do it."),
        ("it", "D: Perché?\n\nR: Perché sì.\n\nDal pubblico sembrava facile: nessuno è caduto."),
        ("it", "D: Perché?\n\nR: Perché sì.\n\nTraduzione di un libro: questo è il lavoro."),
        ("it", "D: Perché?\n\nR: Perché sì.\n\nHo visto la foto di mia nonna (ride) e ho capito."),
    ],
)
def test_speech_that_starts_like_a_role_or_italian_furniture_stays_in_the_answer(lang: str, text: str) -> None:
    result = parse_text(text, meta=META_IT, lang=lang)
    said = text.split("\n\n")[2]
    assert said.replace(" (ride)", "") in result.turns[1].text


@pytest.mark.parametrize(
    "text",
    [
        "Q: Why?\n\nBob: Yes.\n\nBob, you said no.",
        "Q: Why?\n\nBob: Yes.\n\nBob Answerer is right.",
        "Q: Why?\n\nA: Yes.\n\nA New York judge said so.",
    ],
)
def test_a_name_or_a_letter_that_is_a_word_before_a_comma_or_a_space_is_speech(text: str) -> None:
    """Only a label that is no name (``Q``, ``DW``, ``问``) is checked for a comma, a semicolon or a space."""
    labels = {**META.languages["en"].model_dump()["labels"], "A": {"speaker": "Bob Answerer"}}
    result = parse_text(text, meta=with_labels("en", labels), lang="en")
    assert len(result.turns) == 2 and not [w for w in result.notes.found if "without its colon" in w.message]


def test_an_undeclared_label_before_the_first_turn_followed_by_a_short_cjk_sentence_is_doubted() -> None:
    """A Korean or Chinese sentence says as much in half the characters: "서미경(서): 요즘 …?" reads as speech."""
    meta = with_labels("zh", {"问": "Ann Asker", "答": "Bob Answerer"})
    text = "沈老师：最近大家最常问您的是关于老房子的什么问题？\n\n答：房子。\n\n问：为什么？\n\n答：因为旧。"
    result = parse_text(text, meta=meta, lang="zh")
    assert [w.line for w in result.notes.found if "starts like a speaker label" in w.message] == [1]


def test_how_the_words_came_is_a_note_out_of_the_text() -> None:
    """A briefing marks interpreted speech ``(As interpreted.)``: like ``(Laughter.)``, it is cut out of the words."""
    result = parse("Q: Why?\n\nBob: (As interpreted.) Because. (Through an interpreter)\n")
    assert result.turns[1].text == "Because."
    assert [s.text for s in result.segments if s.kind == "interjection"] == [
        "(As interpreted.)",
        "(Through an interpreter)",
    ]


def test_numbered_questions_nobody_declared_are_named_and_a_footer_label_after_the_last_turn_is_offered_as_one() -> (
    None
):
    """A written interview numbers its questions (``Question 2:``, ``Question 3a (follow-up):``): with only the
    answers' label declared, each is an undeclared label, not more of the answer before; a label-shaped line
    after the last turn (``Contact: …``) may be the footer, and the hint says how to declare it so."""
    from qa_builder.errors import UnknownLabelError

    text = (
        "Bob: Hello.\n\nQuestion 2: Why?\n\nBob: Because.\n\nQuestion 3a (follow-up): And?\n\nBob: So.\n\n"
        "Contact: Town hall, Market Street 4\n"
    )
    with pytest.raises(UnknownLabelError) as raised:
        parse(text)
    message = str(raised.value)
    assert "undeclared speaker label 'Question 2' (a role word and a number" in message
    assert "also 'Question 3a (follow-up)' at line 7" in message
    assert (
        "'Contact' comes after the last turn: if it starts the footer, add footer_start = ['^Contact\\s*[:：" in message
    )


def test_an_answer_that_quotes_an_e_mail_and_its_own_asides_keeps_them() -> None:
    """A plain-text answer quoting a letter line by line with ``> `` (no other Markdown) keeps the letter; an aside
    "(as interpreted by the court)" is the speaker's, unlike a transcriber's "(As interpreted.)"."""
    text = "Q: What did it say?\n\nBob: It said:\n> We see no reason.\n> The decision stands.\nThat was all.\n\n"
    text += "Q: And the law?\n\nBob: The statute (as interpreted by the court in 2019) allows it."
    result = parse(text)
    assert "> We see no reason." in result.turns[1].text and "(as interpreted by the court" in result.turns[3].text
    assert not [s for s in result.segments if s.kind in ("pull_quote", "interjection")]


def test_one_numbered_question_quoted_in_an_answer_is_the_answer_s_words() -> None:
    text = "Q: What did people say?\n\nBob: We asked three things.\n\nQuestion 2: would you give up the car?\n\n"
    text += "Q: And?\n\nBob: One in ten said yes."
    result = parse(text)
    assert "Question 2: would you give up the car?" in result.turns[1].text
