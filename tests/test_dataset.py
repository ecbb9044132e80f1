"""Datasets as users load them: every config of the committed dist/ with `datasets.load_dataset`, every
row valid against its model, each interview as its reviewed snapshot says; and a build's rows round-trip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import INTERVIEW, VERGE, raw_with
from datasets import load_dataset
from huggingface_hub import DatasetCard
from snapshots import snapshot_path

from qa_builder.dataset.build import build, process_interview
from qa_builder.dataset.features import split_config
from qa_builder.models import RECORD_MODELS

DIST = Path(__file__).resolve().parent.parent / "dist"


def card_configs(dist: Path) -> dict[str, str]:
    data = DatasetCard.load(dist / "README.md").data.to_dict()
    return {config["config_name"]: config["data_files"][0]["path"] for config in data["configs"]}


def load(dist: Path, config: str, cache: Path) -> Any:
    return load_dataset(str(dist), config, split="train", cache_dir=str(cache))


@pytest.fixture(scope="module")
def committed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """Every config of the committed dist/, loaded the way users load it."""
    cache = tmp_path_factory.mktemp("cache")
    return {config: list(load(DIST, config, cache)) for config in card_configs(DIST)}


def test_every_config_loads_and_every_row_is_valid(committed: dict[str, list[dict[str, Any]]]) -> None:
    assert {"interviews", "turns", "qa", "segments"} <= set(committed)
    for config, rows in committed.items():
        model = RECORD_MODELS[split_config(config)[0]]
        for row in rows:
            model.model_validate(row)
        card = (DIST / "README.md").read_text(encoding="utf-8")
        assert f"| `{config}` | {len(rows)} |" in card


def test_each_interview_in_dist_is_what_its_snapshot_says(committed: dict[str, list[dict[str, Any]]]) -> None:
    """Counts per interview, language and pair, for every interview of dist/ that has a reviewed snapshot."""
    import json

    for interview_id in sorted({row["interview_id"] for row in committed["interviews"]}):
        if not snapshot_path(interview_id).is_file():
            continue
        snapshot = json.loads(snapshot_path(interview_id).read_text(encoding="utf-8"))
        for lang, found in snapshot["transcripts"].items():
            turns = [row for row in committed["turns"] if row["interview_id"] == interview_id and row["lang"] == lang]
            assert [row["turn_index"] for row in turns] == [turn[0] for turn in found["turns"]]
            assert [row["speaker_label"] for row in turns] == [turn[1] for turn in found["turns"]]
        for pair, expected in snapshot["pairs"].items():
            rows = [row for row in committed[f"parallel_turns.{pair}"] if row["interview_id"] == interview_id]
            assert [row["pair_index"] for row in rows if row["issues"]] == expected["flagged"]
            sentences = committed[f"parallel_sentences.{pair}"]
            assert sum(row["interview_id"] == interview_id for row in sentences) == expected["sentence_pairs"]


def test_parallel_configs_are_per_pair_with_a_translation_feature(tmp_path: Path) -> None:
    for config in card_configs(DIST):
        family, langs = split_config(config)
        if family in ("parallel_turns", "parallel_sentences"):
            assert load(DIST, config, tmp_path).features["translation"].languages == list(langs)


@pytest.mark.parametrize("family", list(RECORD_MODELS))
def test_every_row_round_trips_through_its_model(family: str, tmp_path: Path) -> None:
    """parse → export → load_dataset → models gives back the parser's records unchanged."""
    build(raw_with(tmp_path, VERGE), tmp_path / "dist", jobs=1)
    rows = process_interview(INTERVIEW).rows
    for config in (name for name in rows if split_config(name)[0] == family):
        model = RECORD_MODELS[family]
        parsed = [model.model_validate(row) for row in rows[config]]
        loaded = [model.model_validate(row) for row in load(tmp_path / "dist", config, tmp_path / "cache")]
        assert loaded == parsed and len(parsed) > 0


def test_unpaired_sentences_are_rows_of_their_own_not_empty_translations(tmp_path: Path) -> None:
    build(raw_with(tmp_path, VERGE), tmp_path / "dist", jobs=1)
    sentences = load(tmp_path / "dist", "parallel_sentences.de-zh", tmp_path / "cache")
    assert all(row["translation"]["de"] and row["translation"]["zh"] for row in sentences)
    unpaired = load(tmp_path / "dist", "unpaired.de-zh", tmp_path / "cache")
    assert [(row["level"], row["lang"], row["interview_id"]) for row in unpaired] == [("sentence", "de", VERGE)]
    interviews = load(tmp_path / "dist", "interviews", tmp_path / "cache")
    assert [(row["lang"], row["turns"]) for row in interviews] == [("de", 32), ("zh", 32)]
