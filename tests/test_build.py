"""The build: reproducible bytes, atomic output, --check, any raw folder, a third language."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest
from conftest import INTERVIEWS, VERGE, raw_with
from datasets import load_dataset

from qa_builder.dataset.build import build, check
from qa_builder.errors import OutputError, QABuilderError, StaleError

ROOT = Path(__file__).resolve().parent.parent


def same_tree(a: Path, b: Path) -> bool:
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return all(filecmp.cmp(a / f, b / f, shallow=False) for f in files)


def test_two_builds_are_byte_identical_whatever_the_jobs(tmp_path: Path) -> None:
    raw = raw_with(tmp_path, VERGE, "press-interview-en-de", "trilingual-panel")
    build(raw, tmp_path / "one", jobs=1)
    build(raw, tmp_path / "two", jobs=2)
    assert same_tree(tmp_path / "one", tmp_path / "two")


def test_check_fails_on_a_stale_dataset(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    build(INTERVIEWS, out, jobs=1)
    check(INTERVIEWS, out, jobs=1)
    (out / "README.md").write_text("edited", encoding="utf-8")
    with pytest.raises(StaleError, match="README.md differs"):
        check(INTERVIEWS, out, jobs=1)


def test_a_failed_build_leaves_the_previous_output_untouched(raw_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    build(raw_copy, out, jobs=1)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (raw_copy / "verge-altman-murati-2023" / "de.txt").write_bytes(b"")
    with pytest.raises(QABuilderError):
        build(raw_copy, out, jobs=1)
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist", "raw"]  # no staging folder left behind


def test_output_path_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "dist"
    target.write_text("x")
    with pytest.raises(OutputError, match="the output path is a file"):
        build(INTERVIEWS, target)


ENGLISH = """Talking to Dana: a test interview

An introduction that is not a turn.

Q: What do you build?

A: Datasets from interviews.

They are small.

Q: Why?

A: Because translations are valuable.

(Laughter.)

Q: Thanks!
"""
ENGLISH_META = """title = "A small interview"
publisher = "Test Press"
url = "https://example.org/dana"
published = 2024-05-01
interviewer = "Sam Q"
interviewees = ["Dana Doe"]

[languages.en]
source = "written for the test suite"
[languages.en.labels]
Q = "Sam Q"
A = "Dana Doe"
"""


def test_a_third_language_interview_needs_files_and_metadata_only(raw_copy: Path, tmp_path: Path) -> None:
    folder = raw_copy / "test-english-2024"
    folder.mkdir()
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "meta.toml").write_text(ENGLISH_META, encoding="utf-8")
    out = tmp_path / "out"
    summary = build(raw_copy, out, jobs=1)
    assert summary.counts["turns"] == 64 + 5 and summary.counts["interviews"] == 3
    assert [config for config in summary.counts if "." in config] == [
        "parallel_turns.de-zh",
        "parallel_qa.de-zh",
        "parallel_sentences.de-zh",
        "unpaired.de-zh",
    ]  # an interview in one language adds no pair
    turns = load_dataset(str(out), "turns", split="train", cache_dir=str(tmp_path / "cache"))
    english = [row for row in turns if row["lang"] == "en"]
    assert [(r["speaker"], r["text"]) for r in english] == [
        ("Sam Q", "What do you build?"),
        ("Dana Doe", "Datasets from interviews.\nThey are small."),
        ("Sam Q", "Why?"),
        ("Dana Doe", "Because translations are valuable."),
        ("Sam Q", "Thanks!"),
    ]
    qa = load_dataset(str(out), "qa", split="train", cache_dir=str(tmp_path / "cache"))
    assert sum(row["lang"] == "en" for row in qa) == 2
    assert "- en\n" in (out / "README.md").read_text(encoding="utf-8")


def test_the_summary_keeps_a_bounded_number_of_flagged_pairs(tmp_path: Path) -> None:
    """Memory must not grow with the corpus: flagged pairs beyond what the card lists are only counted."""
    from qa_builder.dataset.build import process_interview
    from qa_builder.dataset.summary import KNOWN_ISSUES_SHOWN, BuildSummary

    result = process_interview(INTERVIEWS / VERGE)
    many = result.flagged * (KNOWN_ISSUES_SHOWN // 2 + 1)
    summary = BuildSummary(tmp_path)
    for _ in range(3):
        summary.add(result.summary, many)
    assert len(summary.flagged) == KNOWN_ISSUES_SHOWN
    assert summary.flagged_total == 3 * len(many)


def test_parquet_is_written_as_datasets_writes_it_for_the_hub() -> None:
    """Content-defined chunking (recorded as `datasets` records it) and a page index in every file."""
    import json

    import pyarrow.parquet as pq

    from qa_builder.dataset.export import CDC_OPTIONS

    files = sorted((Path(__file__).resolve().parent.parent / "dist").rglob("train-*.parquet"))
    assert files
    for path in files:
        metadata = pq.ParquetFile(path).metadata
        assert json.loads(metadata.metadata[b"content_defined_chunking"]) == CDC_OPTIONS
        assert all(metadata.row_group(0).column(i).has_offset_index for i in range(metadata.num_columns))
    try:
        from datasets.config import DEFAULT_CDC_OPTIONS
    except ImportError:  # datasets before 4.1 has no chunking of its own to compare with
        return
    assert DEFAULT_CDC_OPTIONS == CDC_OPTIONS


def test_a_large_build_leaves_the_site_out_unless_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above SITE_AUTO_MAX interviews the pages are not written (the card says how to make them); --site forces them."""
    import qa_builder.dataset.build as building

    raw = raw_with(tmp_path, VERGE)
    monkeypatch.setattr(building, "SITE_AUTO_MAX", 0)
    build(raw, tmp_path / "large", jobs=1)
    assert not (tmp_path / "large" / "site").exists()
    card = (tmp_path / "large" / "README.md").read_text(encoding="utf-8")
    assert "`qa-builder site --raw raw --out site` writes" in card and "](site/" not in card
    build(raw, tmp_path / "asked", jobs=1, site=True)
    assert (tmp_path / "asked" / "site" / "index.html").is_file()
    assert len(load_dataset(str(tmp_path / "large"), "turns", split="train", cache_dir=str(tmp_path / "c"))) == 64


def test_interviews_processed_in_one_batch_give_what_each_gives_alone() -> None:
    """The build aligns a few interviews per aligner call; each keeps its own length models, so nothing changes."""
    from qa_builder.dataset.build import process_interview, process_interviews

    folders = sorted(folder for folder in INTERVIEWS.iterdir() if (folder / "meta.toml").is_file())
    assert len(folders) >= 3
    together = process_interviews(folders, site=False)
    for folder, batched in zip(folders, together, strict=True):
        alone = process_interview(folder, site=False)
        assert batched.rows == alone.rows, folder.name
        assert batched.summary == alone.summary, folder.name


def test_an_interview_copied_into_the_raw_folder_twice_is_an_error(tmp_path: Path) -> None:
    """Its records would all be in the dataset twice; the message names both files."""
    raw = raw_with(tmp_path, VERGE)
    shutil.copytree(raw / VERGE, raw / "verge-copy")
    with pytest.raises(QABuilderError, match=r"byte for byte those of .*verge-altman-murati-2023") as caught:
        build(raw, tmp_path / "dist", jobs=1)
    assert "verge-copy" in str(caught.value) and not (tmp_path / "dist").exists()
