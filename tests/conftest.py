from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from snapshots import load_snapshot

from qa_builder.transcripts.interview import Interview, load_interview

# The build is offline: never let `datasets` reach for the Hub in tests.
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
INTERVIEWS = FIXTURES / "interviews"
VERGE = "verge-altman-murati-2023"
INTERVIEW = INTERVIEWS / VERGE


@pytest.fixture(scope="session")
def interview() -> Interview:
    """The Verge interview (the seed transcripts), as the tests' own copy holds it."""
    return load_interview(INTERVIEW)


@pytest.fixture(scope="session")
def verge() -> dict[str, Any]:
    """The Verge interview's reviewed snapshot (tests/snapshots/)."""
    return load_snapshot(VERGE)


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A raw folder of the tests' own, holding a writable copy of the Verge interview to break in a test."""
    target = tmp_path / "raw"
    target.mkdir()
    shutil.copytree(INTERVIEW, target / VERGE)
    return target


def raw_with(tmp_path: Path, *names: str) -> Path:
    """A raw folder holding copies of the named fixture interviews."""
    target = tmp_path / "raw"
    target.mkdir(exist_ok=True)
    for name in names:
        shutil.copytree(INTERVIEWS / name, target / name)
    return target


@pytest.fixture(autouse=True)
def _private_datasets_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own `datasets` cache, even one that forgets `cache_dir`.

    `datasets` keys a local folder by its name and card, so two tests' folders
    both named `dist` would otherwise share (and load) one cache entry.
    """
    cache = tmp_path_factory.mktemp("hf-datasets-cache")
    monkeypatch.setenv("HF_DATASETS_CACHE", str(cache))
    config = sys.modules.get("datasets.config")
    if config is not None:  # imported already: it read the variable at import
        monkeypatch.setattr(config, "HF_DATASETS_CACHE", cache)
