"""The dataset card always loads, with metadata values the Hub accepts (the lists `datasets` ships), features
for every config, provenance that resolves inside the dataset, citations, and the versions that built it."""

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
    assert set(data["multilinguality"]) <= set(hub_list("multilingualities.json"))
    creators = json.loads(resources.files("datasets.utils.resources").joinpath("creators.json").read_text("utf-8"))
    assert set(data["annotations_creators"]) <= set(creators["annotations"])
    assert set(data["language_creators"]) <= set(creators["language"])
    assert "question-answering" not in data["task_categories"]  # on the Hub that means extractive QA
    assert set(data["language"]) <= set(hub_list("languages.json"))
    assert (ROOT / "dist" / data["license_link"]).is_file()  # the terms ship with the dataset
    described = {info["config_name"] for info in data["dataset_info"]}
    assert described == {config["config_name"] for config in data["configs"]}


def test_every_source_resolves_inside_the_dataset() -> None:
    """`source.path` names a file the dataset folder ships, byte for byte the raw one, and its lines exist."""
    import pyarrow.parquet as pq

    dist = ROOT / "dist"
    for path in sorted(dist.glob("*/train-*.parquet")):
        table = pq.read_table(path)
        if "source" not in table.column_names or table.schema.field("source").type == "string":
            continue  # the interviews config's `source` says where a translation comes from, in words
        for source in table.column("source").to_pylist():
            shipped = dist / source["path"]
            assert shipped.read_bytes() == (ROOT / source["path"]).read_bytes()
            assert source["line_end"] <= len(shipped.read_bytes().splitlines())


def test_the_card_records_the_locked_versions_and_cites_every_interview() -> None:
    """The versions the card says built dist/ are the ones constraints.txt locks (CI installs those)."""
    from qa_builder.dataset.card import recorded_versions
    from qa_builder.versions import BUILD_LIBRARIES

    card = (ROOT / "dist" / "README.md").read_text(encoding="utf-8")
    recorded = recorded_versions(card)
    locked = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        name, _, version = line.partition("==")
        if version:
            locked[name.lower().replace("-", "_")] = version
    assert {name: recorded[name] for name in BUILD_LIBRARIES} == {name: locked[name] for name in BUILD_LIBRARIES}
    for interview in (ROOT / "raw").iterdir():
        if interview.is_dir():
            assert f"@misc{{{interview.name}," in card


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
