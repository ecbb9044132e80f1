"""dist/ as users load it: `datasets.load_dataset` per config, round-tripped through the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from datasets import load_dataset

from qa_builder.dataset.build import process_interview
from qa_builder.models import RECORD_MODELS

DIST = Path(__file__).resolve().parent.parent / "dist"
INTERVIEW = "verge-altman-murati-2023"


def load(config: str, cache: Path):  # type: ignore[no-untyped-def]
    return load_dataset(str(DIST), config, split="train", cache_dir=str(cache))


def test_turns_config(tmp_path: Path) -> None:
    turns = load("turns", tmp_path)
    for lang in ("zh", "de"):
        rows = [row for row in turns if row["lang"] == lang]
        assert len(rows) == 32
        assert [row["index"] for row in rows] == list(range(32))
    first = turns[0]
    assert first["source"] == {"path": "raw/verge-altman-murati-2023/de.txt", "line_start": 23, "line_end": 23}
    assert first["speaker_label"] == "F" and first["role"] == "interviewer"


def test_qa_config(tmp_path: Path) -> None:
    qa = load("qa", tmp_path)
    assert sorted(row["lang"] for row in qa) == ["de"] * 15 + ["zh"] * 15


def test_parallel_configs(tmp_path: Path) -> None:
    turns = load("parallel_turns", tmp_path)
    assert len(turns) == 32
    assert all(row["turn_indices"] == {"de": [i], "zh": [i]} for i, row in enumerate(turns))
    assert [i for i, row in enumerate(turns) if row["flags"]] == [25, 30]
    assert all(row["flags"] in ([], ["speaker_mismatch"]) for row in turns)
    assert turns.features["translation"].languages == ["de", "zh"]
    qa = load("parallel_qa", tmp_path)
    assert len(qa) == 15
    assert [i for i, row in enumerate(qa) if "speaker_mismatch" in row["flags"]] == [12]


def test_parallel_sentences_config(tmp_path: Path) -> None:
    sentences = load("parallel_sentences", tmp_path)
    assert len(sentences) == 73
    assert sentences.features["translation"].languages == ["de", "zh"]
    assert sorted({row["pair_index"] for row in sentences}) == list(range(32))
    first = sentences[0]
    assert first["id"] == "verge-altman-murati-2023/p000/s000" and first["bead"] == "2-2"
    assert first["translation"]["zh"] == "Sam,我就单刀直入了。现在外界还是不明白你为什么会被解雇,能不能解释一下?"
    assert {tuple(row["flags"]) for row in sentences if row["pair_index"] in (25, 30)} == {("speaker_mismatch",)}
    alone = [row for row in sentences if not row["sentence_indices"]["zh"]]
    assert [(row["bead"], row["translation"]["zh"]) for row in alone] == [("1-0", "")]
    card = (DIST / "README.md").read_text(encoding="utf-8")
    assert "1 de sentence, 0 zh sentences in all." in card


@pytest.mark.parametrize("config", ["turns", "qa", "segments", "parallel_turns", "parallel_qa", "parallel_sentences"])
def test_every_row_round_trips_through_its_model(config: str, tmp_path: Path) -> None:
    """parse → export → load_dataset → models gives back the parser's records unchanged."""
    model = RECORD_MODELS[config]
    parsed = [model.model_validate(row) for row in process_interview(DIST.parent / "raw" / INTERVIEW).rows[config]]
    loaded = [model.model_validate(row) for row in load(config, tmp_path)]
    assert loaded == parsed and len(parsed) > 0


def test_card_declares_configs_and_counts() -> None:
    card = (DIST / "README.md").read_text(encoding="utf-8")
    header = card.split("---")[1]
    for config in ("turns", "qa", "segments", "parallel_turns", "parallel_qa", "parallel_sentences"):
        assert f"- config_name: {config}" in header
    assert "default: true" in header and "- de\n- zh" in header
    assert "| `turns` | 64 |" in card and "| `parallel_qa` | 15 |" in card
    assert "2 aligned turn pairs are flagged" in card
    assert "| `parallel_sentences` | 73 |" in card and "| strict | 0.932 | 0.944 | 0.938 |" in card
