"""Past one machine: the same build on Ray Data (the `qa-builder[ray]` extra), here on a local Ray.

Skipped where Ray is not installed (`pip install -e '.[ray]'`); CI installs it."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
from conftest import INTERVIEWS, raw_with

from qa_builder.dataset.build import build
from qa_builder.errors import UnknownLabelError

ray = pytest.importorskip("ray", reason="Ray is not installed: pip install -e '.[ray]' to run the Ray build tests")

FIXTURES = sorted(p.name for p in INTERVIEWS.iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def local_ray() -> object:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def same_tree(left: Path, right: Path) -> bool:
    compared = filecmp.dircmp(left, right)
    if compared.left_only or compared.right_only or compared.diff_files or compared.funny_files:
        return False
    return all(same_tree(left / name, right / name) for name in compared.common_dirs)


def test_a_build_on_ray_is_the_local_build_byte_for_byte(local_ray: object, tmp_path: Path) -> None:
    raw = raw_with(tmp_path, *FIXTURES)
    build(raw, tmp_path / "local", jobs=1)
    build(raw, tmp_path / "ray", ray="local")
    assert same_tree(tmp_path / "local", tmp_path / "ray")


def test_an_interview_s_error_comes_back_as_the_project_s_error(local_ray: object, tmp_path: Path) -> None:
    raw = raw_with(tmp_path, "one-language-en")
    transcript = raw / "one-language-en" / "en.txt"
    lines = transcript.read_text(encoding="utf-8").splitlines()
    lines[20:20] = ["", "Tom Baker: One more thing, about the levers.", ""]  # among the turns
    transcript.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(UnknownLabelError) as caught:
        build(raw, tmp_path / "ray", ray="local")
    assert caught.value.line is not None and lines[caught.value.line - 1].startswith("Tom Baker:")
    assert not (tmp_path / "ray").exists()
