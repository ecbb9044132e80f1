"""A rebuilt dataset is what `load_dataset` sees next, the way users hit it.

`datasets` caches a local folder under its name and card; these tests load with
plain `load_dataset(path, config)` in new processes sharing one cache (as a
user's `~/.cache/huggingface/datasets` is shared), rebuild in the same place,
and load again.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from qa_builder.dataset.build import build
from qa_builder.outdir import MARKER

_LOAD = """
import json, sys
from datasets import load_dataset
print(json.dumps(load_dataset(sys.argv[1], "turns", split="train")["text"][:]))
"""
_EDITED = "Sam, ich möchte zunächst"


def load_turns_in_a_new_process(dist: Path, cache: Path) -> list[str]:
    environment = {**os.environ, "HF_DATASETS_CACHE": str(cache), "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _LOAD, str(dist)], env=environment, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    texts: list[str] = json.loads(done.stdout)
    return texts


def edit_one_turn(raw: Path) -> None:
    de = raw / "verge-altman-murati-2023" / "de.txt"
    text = de.read_text(encoding="utf-8")
    assert text.count(_EDITED) == 1
    de.write_text(text.replace(_EDITED, _EDITED.replace("Sam,", "Sam, EDITED")), encoding="utf-8")


def drop_one_turn(raw: Path) -> None:
    de = raw / "verge-altman-murati-2023" / "de.txt"
    lines = de.read_text(encoding="utf-8").splitlines(keepends=True)
    questions = [number for number, line in enumerate(lines) if line.startswith("F:")]
    del lines[questions[4]]
    de.write_text("".join(lines), encoding="utf-8")


def card_paths(dist: Path) -> set[str]:
    """The data files the card's `configs:` lists."""
    card = (dist / "README.md").read_text(encoding="utf-8")
    return set(re.findall(r"^ +path: (\S+)$", card, flags=re.MULTILINE))


def card_links(dist: Path) -> set[str]:
    """The files the card's text links or shows (the review pages and charts)."""
    card = (dist / "README.md").read_text(encoding="utf-8")
    return {target for target in re.findall(r"\]\(([^)\s]+)\)", card) if "://" not in target}


def with_fixed_file_names(dist: Path) -> None:
    """Rewrite a build as a builder that keeps fixed names would have written it."""
    card = (dist / "README.md").read_text(encoding="utf-8")
    for path in card_paths(dist):
        (dist / path).rename(dist / path.split("/")[0] / "train.parquet")
        card = card.replace(path, path.split("/")[0] + "/train.parquet")
    (dist / "README.md").write_text(card, encoding="utf-8")
    files = sorted(p.relative_to(dist).as_posix() for p in dist.rglob("*") if p.is_file() and p.name != MARKER)
    (dist / MARKER).write_text("\n".join(["dataset", *files]) + "\n", encoding="utf-8")  # its own files


def test_an_edit_is_visible_after_a_rebuild_in_the_same_place(raw_copy: Path, tmp_path: Path) -> None:
    dist, cache = tmp_path / "dist", tmp_path / "shared-cache"
    build(raw_copy, dist, jobs=1)
    before = load_turns_in_a_new_process(dist, cache)
    assert len(before) == 64 and not any("EDITED" in text for text in before)

    edit_one_turn(raw_copy)
    build(raw_copy, dist, jobs=1)
    after = load_turns_in_a_new_process(dist, cache)
    assert len(after) == 64
    expected = [text.replace(_EDITED, _EDITED.replace("Sam,", "Sam, EDITED")) for text in before if _EDITED in text]
    assert [text for text in after if "EDITED" in text] == expected

    drop_one_turn(raw_copy)
    build(raw_copy, dist, jobs=1)
    assert len(load_turns_in_a_new_process(dist, cache)) == 63


def test_the_same_path_with_fixed_file_names_loads_the_previous_rows(raw_copy: Path, tmp_path: Path) -> None:
    """Why the names carry a digest: this is what users got before, and what the test above would catch."""
    dist, cache = tmp_path / "dist", tmp_path / "shared-cache"
    build(raw_copy, dist, jobs=1)
    with_fixed_file_names(dist)
    before = load_turns_in_a_new_process(dist, cache)

    edit_one_turn(raw_copy)
    build(raw_copy, dist, jobs=1)
    with_fixed_file_names(dist)
    assert load_turns_in_a_new_process(dist, cache) == before  # stale: the edit is not there


def test_a_rebuild_leaves_exactly_the_files_its_card_names(raw_copy: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build(raw_copy, dist, jobs=1)
    first = card_paths(dist)
    edit_one_turn(raw_copy)
    build(raw_copy, dist, jobs=1)
    files = {p.relative_to(dist).as_posix() for p in dist.rglob("*") if p.is_file()}
    assert files == card_paths(dist) | card_links(dist) | {"README.md", MARKER}
    assert len(card_paths(dist)) == 8  # 4 monolingual configs, 4 for the one language pair
    changed = first - card_paths(dist)
    assert {path.split("/")[0] for path in changed} >= {"turns", "parallel_turns", "parallel_sentences"}
    assert all(re.fullmatch(r"[a-z_]+(/[a-z]+-[a-z]+)?/train-[0-9a-f]{12}\.parquet", p) for p in card_paths(dist))


def test_the_committed_dist_holds_exactly_the_files_its_card_names() -> None:
    dist = Path(__file__).resolve().parent.parent / "dist"
    files = {p.relative_to(dist).as_posix() for p in dist.rglob("*") if p.is_file()}
    assert files == card_paths(dist) | card_links(dist) | {"README.md", MARKER}
