"""Golden tests: the structure of the real transcripts, pinned against the raw files."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_builder.transcripts.interview import Interview

# (index, speaker label as printed, speaker, first line, last line) for every turn.
ZH_TURNS = [
    (0, "Q", "Alex Heath", 11, 11),
    (1, "Sam", "Sam Altman", 13, 13),
    (2, "Q", "Alex Heath", 15, 15),
    (3, "Sam", "Sam Altman", 17, 17),
    (4, "Q", "Alex Heath", 19, 19),
    (5, "Sam", "Sam Altman", 21, 21),
    (6, "Q", "Alex Heath", 23, 23),
    (7, "Sam", "Sam Altman", 25, 25),
    (8, "Q", "Alex Heath", 27, 27),
    (9, "Mira Murati", "Mira Murati", 29, 29),
    (10, "Q", "Alex Heath", 35, 35),
    (11, "Sam", "Sam Altman", 37, 41),
    (12, "Q", "Alex Heath", 43, 43),
    (13, "Sam", "Sam Altman", 45, 45),
    (14, "Q", "Alex Heath", 47, 47),
    (15, "Sam", "Sam Altman", 49, 49),
    (16, "Q", "Alex Heath", 51, 51),
    (17, "Sam", "Sam Altman", 53, 55),
    (18, "Q", "Alex Heath", 57, 57),
    (19, "Sam", "Sam Altman", 59, 59),
    (20, "Q", "Alex Heath", 63, 63),
    (21, "Sam", "Sam Altman", 65, 65),
    (22, "Q", "Alex Heath", 67, 67),
    (23, "Sam", "Sam Altman", 69, 69),
    (24, "Q", "Alex Heath", 71, 71),
    (25, "Sam", "Sam Altman", 73, 73),
    (26, "Q", "Alex Heath", 75, 75),
    (27, "Sam", "Sam Altman", 77, 79),
    (28, "Q", "Alex Heath", 83, 83),
    (29, "Sam", "Sam Altman", 85, 85),
    (30, "Q", "Alex Heath", 87, 87),
    (31, "Sam", "Sam Altman", 91, 91),
]
DE_TURNS = [
    (0, "F", "Alex Heath", 23, 23),
    (1, "Altman", "Sam Altman", 25, 25),
    (2, "F", "Alex Heath", 27, 27),
    (3, "Altman", "Sam Altman", 29, 29),
    (4, "F", "Alex Heath", 31, 31),
    (5, "Altman", "Sam Altman", 33, 33),
    (6, "F", "Alex Heath", 35, 35),
    (7, "Altman", "Sam Altman", 37, 37),
    (8, "F", "Alex Heath", 39, 39),
    (9, "Mira Murati", "Mira Murati", 41, 41),
    (10, "F", "Alex Heath", 43, 43),
    (11, "Altman", "Sam Altman", 45, 47),
    (12, "F", "Alex Heath", 49, 49),
    (13, "Altmann", "Sam Altman", 51, 51),
    (14, "F", "Alex Heath", 53, 53),
    (15, "Altman", "Sam Altman", 55, 55),
    (16, "F", "Alex Heath", 57, 57),
    (17, "Altman", "Sam Altman", 59, 61),
    (18, "F", "Alex Heath", 63, 63),
    (19, "Altman", "Sam Altman", 65, 65),
    (20, "F", "Alex Heath", 67, 67),
    (21, "Altman", "Sam Altman", 69, 69),
    (22, "F", "Alex Heath", 71, 71),
    (23, "Altman", "Sam Altman", 73, 73),
    (24, "F", "Alex Heath", 75, 75),
    (25, "Murati", "Mira Murati", 77, 77),
    (26, "F", "Alex Heath", 79, 79),
    (27, "Altman", "Sam Altman", 81, 83),
    (28, "F", "Alex Heath", 85, 85),
    (29, None, "Sam Altman", 87, 87),
    (30, "Altman", "Sam Altman", 89, 89),
    (31, None, "Sam Altman", 93, 95),
]
ZH_SEGMENTS = [
    ("preamble", 1, 7),
    ("heading", 9, 9),
    ("editor_note", 31, 31),
    ("heading", 33, 33),
    ("heading", 61, 61),
    ("link", 81, 81),
    ("stage_direction", 89, 89),
    ("boilerplate", 93, 98),
]
DE_SEGMENTS = [("preamble", 1, 21), ("stage_direction", 91, 91), ("boilerplate", 97, 101)]


@pytest.mark.parametrize(("lang", "expected"), [("zh", ZH_TURNS), ("de", DE_TURNS)])
def test_turns(interview: Interview, lang: str, expected: list[tuple[object, ...]]) -> None:
    turns = interview.transcripts[lang].turns
    got = [(t.index, t.speaker_label, t.speaker, t.source.line_start, t.source.line_end) for t in turns]
    assert got == expected
    for turn in turns:
        assert turn.role == ("interviewer" if turn.speaker == "Alex Heath" else "interviewee")
        assert turn.source.path == f"raw/verge-altman-murati-2023/{lang}.txt"
        assert ("speaker_inferred" in turn.flags) == (turn.speaker_label is None)


@pytest.mark.parametrize(("lang", "expected"), [("zh", ZH_SEGMENTS), ("de", DE_SEGMENTS)])
def test_segments(interview: Interview, lang: str, expected: list[tuple[object, ...]]) -> None:
    segments = interview.transcripts[lang].segments
    assert [(s.kind, s.source.line_start, s.source.line_end) for s in segments] == expected


def test_paragraph_structure_and_text(interview: Interview) -> None:
    zh, de = interview.transcripts["zh"].turns, interview.transcripts["de"].turns
    assert zh[11].text.count("\n") == 2 and zh[11].text.startswith("整个过程还挺有趣。")
    assert zh[11].text.endswith("“好啊,我当然愿意回去。”")
    assert de[27].text.count("\n") == 1
    assert de[31].text.startswith("Ich habe gelernt") and de[31].text.endswith("sich verbessert.")
    assert de[13].flags == ["label_corrected"]


def test_sections_come_from_the_chinese_headings(interview: Interview) -> None:
    zh = interview.transcripts["zh"].turns
    assert zh[0].section == "这个问题应该直接问他们"
    assert zh[10].section == "我花了好几分钟才缓过神来"
    assert zh[31].section == "但这种期望也确实没有道理"
    assert all(t.section is None for t in interview.transcripts["de"].turns)


FORBIDDEN = {
    "zh": ["编者注", "相关阅读", "挂断电话", "点点赞赏", "赞赏", "当地时间 11 月 29 日", "这个问题应该直接问他们”"],
    "de": [
        "Nachdem er aufgelegt",
        "Liebesstil",
        "WeChat",
        "Ursprünglicher Link",
        "Das Folgende ist",
        "Heute vor einem Jahr",
    ],
}


@pytest.mark.parametrize("lang", ["zh", "de"])
def test_no_preamble_note_link_direction_or_boilerplate_in_turns(interview: Interview, lang: str) -> None:
    for turn in interview.transcripts[lang].turns:
        for fragment in FORBIDDEN[lang]:
            assert fragment not in turn.text, (turn.id, fragment)


@pytest.mark.parametrize("lang", ["zh", "de"])
def test_exchanges(interview: Interview, lang: str) -> None:
    exchanges = interview.transcripts[lang].exchanges
    assert len(exchanges) == 15
    assert [e.turn_indices[0] for e in exchanges] == list(range(0, 30, 2))
    assert exchanges[12].answer_speaker == ("Sam Altman" if lang == "zh" else "Mira Murati")
    assert exchanges[4].answer_speaker == "Mira Murati"


def test_german_last_exchange_keeps_the_label_as_printed(interview: Interview) -> None:
    last = interview.transcripts["de"].exchanges[-1]
    assert last.turn_indices == [28, 29, 30]
    assert last.flags == ["speaker_inferred"]


def test_every_line_is_accounted_for(interview: Interview) -> None:
    folder = Path(__file__).resolve().parent.parent / "raw" / interview.id
    for lang, transcript in interview.transcripts.items():
        raw = (folder / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        assert transcript.accounting.lines == sum(1 for line in raw if line.strip()), lang
        assert "turn" in transcript.accounting.by_kind
