"""The dataset card always loads: YAML written by a YAML library, Hub licence ids and size categories."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from datasets import load_dataset
from huggingface_hub import DatasetCard

from qa_builder.dataset.build import build
from qa_builder.dataset.card import size_category

ROOT = Path(__file__).resolve().parent.parent
INTERVIEW = "verge-altman-murati-2023"


def hub_list(name: str) -> list[str]:
    listed: list[str] = json.loads(resources.files("datasets.utils.resources").joinpath(name).read_text("utf-8"))
    return listed


def test_the_committed_card_parses_with_values_the_hub_accepts() -> None:
    card = DatasetCard.load(ROOT / "dist" / "README.md")
    data = card.data.to_dict()
    assert set(data["size_categories"]) <= set(hub_list("size_categories.json"))
    assert data["license"] == "other" and data["license_name"] and data["license_link"]
    assert [config["config_name"] for config in data["configs"]][:4] == ["interviews", "turns", "qa", "segments"]
    assert [config["config_name"] for config in data["configs"] if config.get("default")] == ["turns"]


@pytest.mark.parametrize(
    ("rows", "category"),
    [(0, "n<1K"), (999, "n<1K"), (1_000, "1K<n<10K"), (999_999, "100K<n<1M"), (10**6, "1M<n<10M"), (10**15, "n>1T")],
)
def test_size_categories_come_from_the_hub_s_list(rows: int, category: str) -> None:
    assert size_category(rows) == category
    assert category in hub_list("size_categories.json")


def test_a_licence_needing_quotes_in_yaml_still_makes_a_loadable_card(raw_copy: Path, tmp_path: Path) -> None:
    meta = raw_copy / INTERVIEW / "meta.toml"
    text = meta.read_text(encoding="utf-8").replace(
        'license_note = """The texts', 'license_note = """Terms: "see note" — #1: {yes}, [no]. The texts'
    )
    meta.write_text(text.replace('license = "other"', 'license = "cc-by-sa-4.0"'), encoding="utf-8")
    out = tmp_path / "dist"
    build(raw_copy, out, jobs=1)
    assert DatasetCard.load(out / "README.md").data.to_dict()["license"] == "cc-by-sa-4.0"
    assert len(load_dataset(str(out), "turns", split="train", cache_dir=str(tmp_path / "cache"))) == 64
