from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from qa_builder.transcripts.interview import Interview, load_interview

# The build is offline: never let `datasets` reach for the Hub in tests.
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
INTERVIEW = RAW / "verge-altman-murati-2023"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def interview() -> Interview:
    return load_interview(INTERVIEW)


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A writable copy of raw/ to break in a test."""
    target = tmp_path / "raw"
    shutil.copytree(RAW, target)
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
