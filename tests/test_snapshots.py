"""Golden tests: every interview's structure against its reviewed snapshot, and the Verge transcripts' details."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from snapshots import dump, interview_folders, load_snapshot, snapshot_path, take

from qa_builder.transcripts.interview import Interview, load_interview


@pytest.mark.parametrize("folder", interview_folders(), ids=lambda folder: f"{folder.parent.name}/{folder.name}")
def test_every_interview_is_what_its_reviewed_snapshot_says(folder: Path) -> None:
    """raw/ and the fixtures, parsed and aligned, are what a person checked (tests/snapshots/, regenerate and
    review with `python tests/snapshots.py --write`). An interview without a snapshot yet is skipped."""
    path = snapshot_path(folder.name)
    if not path.is_file():
        pytest.skip(f"no snapshot for {folder.name}: write one with `python tests/snapshots.py --write {folder}`")
    assert json.loads(dump(take(folder))) == load_snapshot(folder.name)


@pytest.mark.parametrize("folder", interview_folders(), ids=lambda folder: f"{folder.parent.name}/{folder.name}")
def test_every_non_blank_line_is_in_one_turn_or_segment(folder: Path) -> None:
    interview = load_interview(folder)
    for lang, transcript in interview.transcripts.items():
        raw = next(folder.glob(f"{lang}.*")).read_bytes().decode("utf-8-sig", errors="replace").splitlines()
        assert transcript.accounting.lines == sum(1 for line in raw if line.strip()), lang
        assert "turn" in transcript.accounting.by_kind


def test_the_verge_snapshot_pins_its_turns_to_the_lines_of_the_files(verge: dict[str, Any]) -> None:
    """Spot checks of the reviewed snapshot against the raw files (the snapshot test compares the rest)."""
    zh, de = verge["transcripts"]["zh"]["turns"], verge["transcripts"]["de"]["turns"]
    assert (len(zh), len(de)) == (32, 32)
    assert zh[9][:6] == [9, "Mira Murati", "Mira Murati", "interviewee", 29, 29]
    assert de[13][:7] == [13, "Altmann", "Sam Altman", "interviewee", 51, 51, ["label_corrected"]]
    assert [turn[0] for turn in de if turn[1] is None] == [29, 31]
    assert verge["transcripts"]["de"]["segments"] == [
        ["preamble", 1, 21, None],
        ["stage_direction", 91, 91, None],
        ["boilerplate", 97, 101, None],
    ]


def test_paragraph_structure_and_text(interview: Interview) -> None:
    zh, de = interview.transcripts["zh"].turns, interview.transcripts["de"].turns
    assert zh[11].text.count("\n") == 2 and zh[11].text.startswith("整个过程还挺有趣。")
    assert zh[11].text.endswith("“好啊,我当然愿意回去。”")
    assert de[27].text.count("\n") == 1
    assert de[31].text.startswith("Ich habe gelernt") and de[31].text.endswith("sich verbessert.")
    assert de[13].issues == ["label_corrected"]


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
    assert exchanges[12].answer_speakers == ["Sam Altman" if lang == "zh" else "Mira Murati"]
    assert exchanges[4].answer_speakers == ["Mira Murati"]


def test_german_last_exchange_keeps_the_label_as_printed(interview: Interview) -> None:
    last = interview.transcripts["de"].exchanges[-1]
    assert last.turn_indices == [28, 29, 30]
    assert last.issues == ["speaker_inferred"]
