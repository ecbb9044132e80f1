"""Language pairs and roles as users load them: a build of fixture interviews in one, two and three languages,
with hosts, a panel and a chaired question time, loaded with `datasets.load_dataset`."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
import regex
from conftest import VERGE, raw_with
from datasets import load_dataset
from huggingface_hub import DatasetCard
from snapshots import load_snapshot

from qa_builder.dataset.build import build

TRILINGUAL = "trilingual-panel"
EN_DE = "press-interview-en-de"
ONE_LANGUAGE = "one-language-en"
PODCAST = "podcast-two-hosts"
QUESTION_TIME = "bundestag-fragestunde"
LEVELS = {
    "parallel_turns": ["translation"],
    "parallel_qa": ["question", "answer"],
    "parallel_sentences": ["translation"],
}
"""Each parallel level and its columns that hold both languages."""


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """Every config of one build over the five interviews, as `load_dataset` gives it."""
    root = tmp_path_factory.mktemp("pairs")
    raw = raw_with(root, TRILINGUAL, EN_DE, ONE_LANGUAGE, PODCAST, QUESTION_TIME)
    build(raw, root / "dist", jobs=1)
    card = DatasetCard.load(root / "dist" / "README.md").data.to_dict()
    cache = root / "cache"
    return {
        config["config_name"]: list(
            load_dataset(str(root / "dist"), config["config_name"], split="train", cache_dir=str(cache))
        )
        for config in card["configs"]
    }


def rows(dataset: dict[str, list[dict[str, Any]]], config: str, interview: str) -> list[dict[str, Any]]:
    return [row for row in dataset.get(config, []) if row["interview_id"] == interview]


def test_three_languages_give_three_pairs_at_every_level(dataset: dict[str, list[dict[str, Any]]]) -> None:
    snapshot = load_snapshot(TRILINGUAL)
    for left, right in combinations(sorted(snapshot["transcripts"]), 2):
        pair = f"{left}-{right}"
        expected = snapshot["pairs"][pair]
        turns = rows(dataset, f"parallel_turns.{pair}", TRILINGUAL)
        assert len(turns) == sum(bool(a and b) for a, b in expected["beads"]) > 0, pair
        assert len(rows(dataset, f"parallel_qa.{pair}", TRILINGUAL)) == len(expected["qa"]) > 0, pair
        assert len(rows(dataset, f"parallel_sentences.{pair}", TRILINGUAL)) == expected["sentence_pairs"] > 0, pair
        for level, columns in LEVELS.items():
            for row in rows(dataset, f"{level}.{pair}", TRILINGUAL):
                for column in columns:
                    assert set(row[column]) == {left, right} and all(row[column].values()), (level, row)


def test_turns_one_translation_lacks_are_unpaired_rows_of_that_pair(dataset: dict[str, list[dict[str, Any]]]) -> None:
    snapshot = load_snapshot(TRILINGUAL)
    for pair, expected in snapshot["pairs"].items():
        unpaired = rows(dataset, f"unpaired.{pair}", TRILINGUAL)
        for level, per_lang in expected["unpaired"].items():
            for lang, count in per_lang.items():
                found = sum(len(row["indices"]) for row in unpaired if row["level"] == level and row["lang"] == lang)
                assert found == count, (pair, level)
    assert rows(dataset, "unpaired.de-zh", TRILINGUAL), "the fixture drops one exchange from the Chinese"


def test_an_en_de_interview_is_the_pair_de_en(dataset: dict[str, list[dict[str, Any]]]) -> None:
    qa = rows(dataset, "parallel_qa.de-en", EN_DE)
    assert len(qa) == len(load_snapshot(EN_DE)["pairs"]["de-en"]["qa"]) > 0
    assert all(set(row["question"]) == {"de", "en"} and row["question"]["de"] and row["answer"]["en"] for row in qa)
    assert not any(config.endswith(("de-zh", "en-zh")) and rows(dataset, config, EN_DE) for config in dataset)


def test_one_language_gives_turns_and_exchanges_and_no_pair(dataset: dict[str, list[dict[str, Any]]]) -> None:
    snapshot = load_snapshot(ONE_LANGUAGE)["transcripts"]["en"]
    assert len(rows(dataset, "turns", ONE_LANGUAGE)) == len(snapshot["turns"])
    assert len(rows(dataset, "qa", ONE_LANGUAGE)) == len(snapshot["exchanges"]) > 0
    assert [row["lang"] for row in rows(dataset, "interviews", ONE_LANGUAGE)] == ["en"]
    paired = [config for config in dataset if "." in config and rows(dataset, config, ONE_LANGUAGE)]
    assert paired == []


def test_two_hosts_both_ask_and_the_guest_answers(dataset: dict[str, list[dict[str, Any]]]) -> None:
    qa = rows(dataset, "qa", PODCAST)
    askers = {speaker for row in qa for speaker in row["question_speakers"]}
    assert askers == {"Priya Desrosiers", "Marcus Ojukwu"}
    assert {speaker for row in qa for speaker in row["answer_speakers"]} == {"Tobias Lindqvist"}
    roles = {row["speaker"]: row["role"] for row in rows(dataset, "turns", PODCAST)}
    assert roles == {"Priya Desrosiers": "host", "Marcus Ojukwu": "host", "Tobias Lindqvist": "guest"}


def test_in_question_time_members_ask_the_government_answers_and_the_chair_is_passed_over(
    dataset: dict[str, list[dict[str, Any]]],
) -> None:
    turns = {row["turn_index"]: row for row in rows(dataset, "turns", QUESTION_TIME)}
    qa = rows(dataset, "qa", QUESTION_TIME)
    assert len(qa) == len(load_snapshot(QUESTION_TIME)["transcripts"]["de"]["exchanges"]) > 0
    for row in qa:
        roles = [turns[index]["role"] for index in row["turn_indices"]]
        assert "chair" not in roles, row["turn_indices"]
        assert roles[0] == "questioner" and roles[-1] == "respondent", roles
    chair_turns = [index for index, turn in turns.items() if turn["role"] == "chair"]
    assert chair_turns and not any(set(chair_turns) & set(row["turn_indices"]) for row in qa)


def test_a_language_code_with_a_region_makes_a_pair_that_loads(tmp_path: Path) -> None:
    """``zh-CN`` beside ``de``: the pair is named ``de-zh_CN`` so that its name splits back into its languages;
    both sides of every parallel row are filled."""
    raw = raw_with(tmp_path, VERGE)
    folder = raw / VERGE
    (folder / "zh.txt").rename(folder / "zh-CN.txt")
    meta = (folder / "meta.toml").read_text(encoding="utf-8")
    (folder / "meta.toml").write_text(meta.replace("[languages.zh", '[languages."zh-CN"'), encoding="utf-8")
    out = tmp_path / "dist"
    build(raw, out, jobs=1)
    for family in ("parallel_turns", "parallel_qa", "parallel_sentences"):
        found = load_dataset(str(out), f"{family}.de-zh_CN", split="train", cache_dir=str(tmp_path / "cache"))
        assert len(found) > 10
        sides = found["translation"] if family != "parallel_qa" else found["question"]
        assert all(row["de"] and row["zh-CN"] for row in sides), family


def test_transcripts_whose_turn_lengths_do_not_follow_each_other_are_warned(tmp_path: Path) -> None:
    """Another interview's text under the same labels (here: the questions' and the answers' texts each moved three
    places on) aligns turn for turn, but its turns' lengths do not rise and fall with the translation's: validate
    warns, on the second language's file; the interview as published is not warned about."""
    from typer.testing import CliRunner

    from qa_builder.cli import app

    raw = raw_with(tmp_path, "press-interview-en-de")
    de = raw / "press-interview-en-de" / "de.txt"
    runner = CliRunner()
    assert "do not follow" not in runner.invoke(app, ["validate", "--raw", str(raw)]).stderr
    lines = de.read_text(encoding="utf-8").split("\n")
    for label in ("Haberkorn: ", "DW: "):
        found = [k for k, line in enumerate(lines) if line.startswith(label)]
        texts = [lines[k] for k in found]
        for k, text in zip(found, texts[3:] + texts[:3], strict=True):
            lines[k] = text
    de.write_text("\n".join(lines), encoding="utf-8")
    result = runner.invoke(app, ["validate", "--raw", str(raw)])
    warned = [line for line in result.stderr.splitlines() if "do not follow" in line]
    assert len(warned) == 1 and "press-interview-en-de/en.txt" in warned[0], result.stderr
    assert "is it a translation of the same interview?" in warned[0]


def _exchange_lines(lines: list[str], asks: str, nth: int) -> tuple[int, int]:
    """Where the ``nth`` question (a line starting ``asks``) and the answer after it are: [start, end) of lines."""
    questions = [k for k, line in enumerate(lines) if line.strip().startswith(asks)]
    return questions[nth], questions[nth + 1]


def _order_warnings(raw: Path) -> list[str]:
    from typer.testing import CliRunner

    from qa_builder.cli import app

    result = CliRunner().invoke(app, ["validate", "--raw", str(raw)])
    return [line for line in result.stderr.splitlines() if "no counterpart" in line]


def test_an_exchange_moved_in_one_translation_is_warned_as_moved(raw_copy: Path) -> None:
    """The aligner keeps order, so an exchange one translation prints elsewhere is unpaired on both sides; validate
    says so on the second language's file, with both places, and that the two read as each other's translation."""
    zh = raw_copy / VERGE / "zh.txt"
    assert _order_warnings(raw_copy) == []
    lines = zh.read_text(encoding="utf-8").split("\n")
    start, end = _exchange_lines(lines, "Q:", 3)
    later = _exchange_lines(lines, "Q:", 8)[0]
    moved = lines[:start] + lines[end:later] + lines[start:end] + lines[later:]
    zh.write_text("\n".join(moved), encoding="utf-8")
    warned = _order_warnings(raw_copy)
    assert len(warned) == 1 and f"{VERGE}/zh.txt:" in warned[0], warned
    assert "read as translations of each other" in warned[0]
    de_start = _exchange_lines((raw_copy / VERGE / "de.txt").read_text(encoding="utf-8").split("\n"), "F:", 3)[0]
    assert f"its turns at lines {de_start + 1}–" in warned[0]


def test_different_exchanges_left_out_of_each_translation_are_warned_but_not_as_moved(raw_copy: Path) -> None:
    """Each translation lacking an exchange the other has may be a move or two omissions: warned, without calling
    it a move; one translation alone lacking an exchange is a translator's cut and not warned."""
    files = {lang: raw_copy / VERGE / f"{lang}.txt" for lang in ("de", "zh")}
    text = {lang: path.read_text(encoding="utf-8").split("\n") for lang, path in files.items()}
    start, end = _exchange_lines(text["zh"], "Q:", 3)
    files["zh"].write_text("\n".join(text["zh"][:start] + text["zh"][end:]), encoding="utf-8")
    assert _order_warnings(raw_copy) == []
    start, end = _exchange_lines(text["de"], "F:", 9)
    files["de"].write_text("\n".join(text["de"][:start] + text["de"][end:]), encoding="utf-8")
    warned = _order_warnings(raw_copy)
    assert len(warned) == 1 and "read as translations" not in warned[0], warned
    assert "if each left out a different part, nothing is wrong" in warned[0]


@pytest.mark.parametrize(
    ("cut", "said"),
    [("end", "de transcript"), ("start", "the de transcript's first 6 turns"), ("inside", "de transcript")],
)
def test_a_translation_lacking_a_run_of_turns_is_warned_where_they_would_be(
    raw_copy: Path, cut: str, said: str
) -> None:
    """A copy cut short (or missing a page) gives unpaired turns in a run on the other side: warned on the file
    that lacks them; one exchange left out by the translator is not."""
    zh = raw_copy / VERGE / "zh.txt"
    lines = zh.read_text(encoding="utf-8").split("\n")
    first, fourth = _exchange_lines(lines, "Q:", 0)[0], _exchange_lines(lines, "Q:", 3)[0]
    last = _exchange_lines(lines, "Q:", 11)[0]
    end = _exchange_lines(lines, "Q:", 14)[0]
    one = lines[:first] + lines[_exchange_lines(lines, "Q:", 1)[0] :]
    zh.write_text("\n".join(one), encoding="utf-8")
    assert _missing_warnings(raw_copy) == []
    kept = {"end": lines[:last], "start": lines[:first] + lines[fourth:], "inside": lines[:last] + lines[end:]}[cut]
    zh.write_text("\n".join(kept), encoding="utf-8")
    warned = _missing_warnings(raw_copy)
    assert len(warned) == 1 and f"{VERGE}/zh.txt:" in warned[0] and said in warned[0], warned
    de = (raw_copy / VERGE / "de.txt").read_text(encoding="utf-8").split("\n")
    gone = _exchange_lines(de, "F:", {"end": 11, "start": 1, "inside": 12}[cut])[0] + 1  # a de line left unpaired
    ranges = regex.findall(r"(\d+)(?:–(\d+))?", warned[0].partition("(lines ")[2].partition(")")[0])
    assert any(int(a) <= gone <= int(b or a) for a, b in ranges), (gone, warned)


def test_exchanges_left_out_far_apart_are_two_omissions_not_a_missing_part(raw_copy: Path) -> None:
    zh = raw_copy / VERGE / "zh.txt"
    lines = zh.read_text(encoding="utf-8").split("\n")
    second, third = _exchange_lines(lines, "Q:", 2)
    tenth, eleventh = _exchange_lines(lines, "Q:", 10)
    zh.write_text("\n".join(lines[:second] + lines[third:tenth] + lines[eleventh:]), encoding="utf-8")
    assert _missing_warnings(raw_copy) == []


def _missing_warnings(raw: Path) -> list[str]:
    from typer.testing import CliRunner

    from qa_builder.cli import app

    result = CliRunner().invoke(app, ["validate", "--raw", str(raw)])
    return [line for line in result.stderr.splitlines() if "have no counterpart here" in line]


def test_labels_swapped_in_a_part_of_one_translation_are_warned(raw_copy: Path) -> None:
    """Questions read as answers over a stretch of one file: the turn pairs there disagree on who speaks."""
    from typer.testing import CliRunner

    from qa_builder.cli import app

    de = raw_copy / VERGE / "de.txt"
    assert "turns in a row here" not in CliRunner().invoke(app, ["validate", "--raw", str(raw_copy)]).stderr
    lines = de.read_text(encoding="utf-8").split("\n")
    start = _exchange_lines(lines, "F:", 6)[0]
    end = _exchange_lines(lines, "F:", 11)[0]
    for k in range(start, end):
        if lines[k].startswith("F: "):
            lines[k] = "Altman: " + lines[k][3:]
        elif lines[k].startswith("Altman: "):
            lines[k] = "F: " + lines[k][8:]
    de.write_text("\n".join(lines), encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", "--raw", str(raw_copy)])
    warned = [line for line in result.stderr.splitlines() if "turns in a row here" in line]
    assert [line.split(": warning")[0].rsplit("/", 1)[1].split(":")[0] for line in warned] == ["de.txt", "zh.txt"]
    assert all("are labels swapped or mapped to the wrong speaker" in line for line in warned)
    first = int(warned[0].split("de.txt:")[1].split(":")[0])
    assert start + 1 <= first < end + 1, (start, first, end)


def _two_editions(raw: Path, en: list[tuple[str, str]], de: list[tuple[str, str]]) -> Path:
    folder = raw / "cut-edition"
    folder.mkdir(parents=True)
    meta = (
        'title = "t"\npublisher = "p"\nurl = "https://example.org/cut"\npublished = 2025-03-01\nlicense = "mit"\n'
        'interviewer = "Ann Asker"\ninterviewees = ["Bob Answerer"]\n'
        '[languages.en]\nsource = "s"\nlabels = { Q = "Ann Asker", Bob = "Bob Answerer" }\n'
        '[languages.de]\nsource = "s"\nlabels = { F = "Ann Asker", Bob = "Bob Answerer" }\n'
    )
    (folder / "meta.toml").write_text(meta, encoding="utf-8")
    for lang, asks, pairs in (("en", "Q", en), ("de", "F", de)):
        text = "".join(f"{asks}: {q}\n\nBob: {a}\n\n" for q, a in pairs)
        (folder / f"{lang}.txt").write_text(text, encoding="utf-8")
    return folder


EN_EXCHANGES = [
    (
        "Why did the mill close in 1998?",
        "Because the orders from Leeds stopped, and the bank would not wait for new ones.",
    ),
    ("Who bought the looms?", "A museum took two, and a firm in Porto took the other forty-one."),
    ("Did you stay in the town?", "I stayed. My children went to school here and I had the house."),
    ("What did you do after that?", "I drove a bus for the county for twenty years and never missed a day."),
    ("Do you miss the noise?", "Sometimes at night I still hear it, a kind of rain on a tin roof."),
    ("And the smell of the wool?", "That one never leaves the walls of the old sheds, even now."),
]
DE_EXCHANGES = [
    (
        "Warum schloss die Spinnerei 1998?",
        "Weil die Aufträge aus Leeds ausblieben und die Bank nicht auf neue warten wollte.",
    ),
    ("Wer kaufte die Webstühle?", "Ein Museum nahm zwei, eine Firma in Porto die anderen einundvierzig."),
    ("Sind Sie in der Stadt geblieben?", "Ich blieb. Meine Kinder gingen hier zur Schule, und ich hatte das Haus."),
    (
        "Was haben Sie danach gemacht?",
        "Ich bin zwanzig Jahre lang Bus für den Kreis gefahren, ohne einen Tag zu fehlen.",
    ),
    ("Vermissen Sie den Lärm?", "Manchmal höre ich ihn nachts noch, wie Regen auf einem Blechdach."),
    ("Und den Geruch der Wolle?", "Der geht nie aus den Wänden der alten Schuppen, bis heute nicht."),
]


def test_which_of_two_alike_exchanges_a_translation_dropped_is_flagged_as_a_guess(tmp_path: Path) -> None:
    """The de edition leaves out the fifth exchange; the sixth has the same speakers and lengths that fit as well,
    so its pairing is a guess: flagged on the parallel rows and warned on the file that lacks the turns. Dropping
    the third instead, which its neighbours' lengths tell apart, is no guess."""
    from qa_builder.dataset.build import process_interview

    def flagged(de: list[tuple[str, str]], where: str) -> tuple[list[list[int]], list[str]]:
        folder = _two_editions(tmp_path / where, EN_EXCHANGES, de)
        output = process_interview(folder)
        rows = output.rows["parallel_turns.de-en"]
        found = output.summary.warnings.items()
        warned = [f"{lang}:{w.line}" for lang, notes in found for w in notes if "is a guess" in w.message]
        return [r["turn_indices"]["de"] for r in rows if "gap_ambiguous" in r["issues"]], warned

    turns, warned = flagged(DE_EXCHANGES[:4] + DE_EXCHANGES[5:], "fifth")
    assert turns == [[8], [9]] and warned == ["de:17"]
    turns, warned = flagged(DE_EXCHANGES[:2] + DE_EXCHANGES[3:], "third")
    assert turns == [] and warned == []
