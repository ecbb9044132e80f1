"""What scripts and terminals get: `--version`, `--json` on validate, stats and evaluate, and a progress bar on a
terminal only."""

from __future__ import annotations

import errno
import json
import os
import pty
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import VERGE, raw_with
from typer.testing import CliRunner

from qa_builder.cli import app
from qa_builder.errors import QABuilderError
from qa_builder.versions import BUILD_LIBRARIES, qa_builder_version

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / f"{VERGE}.sentences.json"
runner = CliRunner()


def test_version_names_qa_builder_and_the_libraries_that_shape_a_build() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"qa-builder {qa_builder_version()} (Python ")
    assert all(f"{name} " in result.stdout for name in BUILD_LIBRARIES)


def test_validate_json_reports_lines_warnings_and_ok(tmp_path: Path) -> None:
    raw = raw_with(tmp_path, VERGE, "bundestag-fragestunde")
    result = runner.invoke(app, ["validate", "--raw", str(raw), "--json"])
    document = json.loads(result.stdout)
    assert result.exit_code == 0 and document["ok"] and document["errors"] == 0
    by_id = {item["id"]: item for item in document["interviews"]}
    german = by_id[VERGE]["transcripts"]["de"]
    assert german["turns"] == 32 and sum(german["by_kind"].values()) == german["lines"]
    assert german["path"] == str(raw / VERGE / "de.txt")
    assert document["warnings"] == 0  # the Bundestag fixture's warnings are all reviewed


def test_validate_json_carries_an_error_s_fields_and_exits_1(raw_copy: Path) -> None:
    transcript = raw_copy / VERGE / "de.txt"
    transcript.write_text(transcript.read_text(encoding="utf-8").replace("F: Warum hat", "F. Warum hat"), "utf-8")
    result = runner.invoke(app, ["validate", "--raw", str(raw_copy), "--json"])
    document = json.loads(result.stdout)
    assert result.exit_code == 1 and not document["ok"] and document["errors"] == 1
    error = document["interviews"][0]["error"]
    assert error["error"] == "UnknownLabelError" and error["path"] == str(transcript) and error["line"] == 27
    assert "label_separators" in error["hint"] and error["lines"][0].startswith(f"{transcript}:27:1: ")


def test_validate_json_strict_fails_on_a_warning(raw_copy: Path) -> None:
    meta = raw_copy / VERGE / "meta.toml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text[: text.index("[languages.de.reviewed]")], encoding="utf-8")
    lenient = json.loads(runner.invoke(app, ["validate", "--raw", str(raw_copy), "--json"]).stdout)
    strict = runner.invoke(app, ["validate", "--raw", str(raw_copy), "--json", "--strict"])
    assert lenient["ok"] and lenient["warnings"] > 0
    assert strict.exit_code == 1 and not json.loads(strict.stdout)["ok"]


def test_stats_json_has_counts_per_language_speaker_and_pair(tmp_path: Path) -> None:
    raw = raw_with(tmp_path, VERGE)
    result = runner.invoke(app, ["stats", "--raw", str(raw), "--json"])
    (interview,) = json.loads(result.stdout)
    assert result.exit_code == 0 and interview["id"] == VERGE
    assert interview["turns"] == {"de": 32, "zh": 32}
    assert sum(interview["speakers"]["zh"].values()) == 32
    (pair,) = interview["pairs"]
    assert pair["name"] == "de-zh" and pair["turn_pairs"] == 32 and pair["sentence_pairs"] == 72


def test_evaluate_json_is_what_the_card_prints(tmp_path: Path) -> None:
    raw = raw_with(tmp_path, VERGE)
    result = runner.invoke(app, ["evaluate", str(GOLD), "--raw", str(raw), "--json"])
    document = json.loads(result.stdout)
    assert result.exit_code == 0 and document["pair"] == "de-zh" and document["beads"] == 72
    recorded = ROOT / "qa_builder" / "dataset" / "templates" / "sentence_quality.json"
    assert document == json.loads(recorded.read_text(encoding="utf-8"))


def _replace_in(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


BROKEN_RAW: list[tuple[str, Callable[[Path], object]]] = [
    ("an interview folder's name ends in a space", lambda raw: (raw / VERGE).rename(raw / f"{VERGE} ")),
    ("an interview copied twice", lambda raw: shutil.copytree(raw / VERGE, raw / "verge-copy")),
    ("no interview folders", lambda raw: shutil.rmtree(raw / VERGE)),
    ("no raw folder", shutil.rmtree),
    ("a transcript directly in the raw folder", lambda raw: (raw / "de.txt").write_text("F: Hallo?\n", "utf-8")),
    ("a meta.toml mistake", lambda raw: _replace_in(raw / VERGE / "meta.toml", "title =", "titel =")),
    ("an unknown label", lambda raw: _replace_in(raw / VERGE / "de.txt", "F: Warum hat", "F. Warum hat")),
]


def _errors(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Every error a ``--json`` document reports: the one that stopped the command, or each interview's."""
    stopped = [document["error"]] if document.get("error") else []
    return stopped + [item["error"] for item in document.get("interviews", []) if not item["ok"]]


@pytest.mark.parametrize("command", ["validate", "stats"])
@pytest.mark.parametrize(("case", "breaker"), BROKEN_RAW, ids=[case for case, _ in BROKEN_RAW])
def test_json_is_one_document_naming_the_error_whatever_is_wrong_with_the_raw_folder(
    command: str, case: str, breaker: Callable[[Path], object], raw_copy: Path
) -> None:
    breaker(raw_copy)
    result = runner.invoke(app, [command, "--raw", str(raw_copy), "--json"])
    document = json.loads(result.stdout)
    assert result.exit_code == 1 and document["ok"] is False, case
    errors = _errors(document)
    assert errors and all(error["path"] and error["message"] and error["lines"] for error in errors), case
    assert {"line", "col", "hint"} <= errors[0].keys()


def test_validate_json_stopped_by_the_raw_folder_keeps_the_document_s_fields(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    document = json.loads(runner.invoke(app, ["validate", "--raw", str(raw), "--json"]).stdout)
    assert document == {
        "ok": False,
        "errors": 1,
        "warnings": 0,
        "interviews": [],
        "error": QABuilderError(
            "no interview folders in the raw folder",
            path=raw,
            hint=f"add {raw}/INTERVIEW-ID/ with a meta.toml and one <lang>.txt per language",
        ).as_dict()
        | {"error": "LayoutError"},
    }


def test_validate_names_every_folder_that_cannot_be_an_interview_and_checks_the_others(tmp_path: Path) -> None:
    raw = raw_with(tmp_path, VERGE, "one-language-en", "trilingual-panel")
    spaced, bracketed = raw / "one-language-en ", raw / "Trilingual panel (2024)"
    (raw / "one-language-en").rename(spaced)
    (raw / "trilingual-panel").rename(bracketed)
    shown = runner.invoke(app, ["validate", "--raw", str(raw)])
    lines = shown.stderr.splitlines()
    assert shown.exit_code == 1 and lines[-1] == "2 interview(s) with errors", shown.stderr
    assert len(lines) == 3 and lines[0].startswith(f"error: {bracketed}: 'Trilingual panel (2024)' is not a usable")
    assert lines[1].startswith(f"error: {spaced}: 'one-language-en ' is not a usable interview id — rename")
    assert f"{raw / VERGE / 'de.txt'}: " in shown.stdout
    result = runner.invoke(app, ["validate", "--raw", str(raw), "--json"])
    document = json.loads(result.stdout)
    assert result.exit_code == 1 and (document["ok"], document["errors"], document["error"]) == (False, 2, None)
    assert [error["path"] for error in _errors(document)] == [str(bracketed), str(spaced)]
    assert [item["id"] for item in document["interviews"] if item["ok"]] == [VERGE]


EVALUATE_ERRORS: list[tuple[str, list[str]]] = [
    ("no gold file", ["evaluate", "{tmp}/missing.json", "--raw", "{raw}"]),
    ("the gold's interview is not in the raw folder", ["evaluate", str(GOLD), "--raw", "{tmp}"]),
    ("a bead gold without texts", ["evaluate", "{tmp}/gold.beads"]),
    ("a --write folder that does not exist", ["evaluate", str(GOLD), "--raw", "{raw}", "--write", "{tmp}/no/x.json"]),
]


@pytest.mark.parametrize(("case", "command"), EVALUATE_ERRORS, ids=[case for case, _ in EVALUATE_ERRORS])
def test_evaluate_json_is_one_document_naming_the_error(case: str, command: list[str], tmp_path: Path) -> None:
    raw = raw_with(tmp_path, VERGE)
    args = [arg.replace("{tmp}", str(tmp_path)).replace("{raw}", str(raw)) for arg in command]
    result = runner.invoke(app, [*args, "--json"])
    document = json.loads(result.stdout)
    assert result.exit_code == 1 and document["ok"] is False, case
    assert document["error"]["lines"] == [line.removeprefix("error: ") for line in result.stderr.splitlines()]


def test_evaluate_json_prints_only_the_error_when_the_figures_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(self: Path, *args: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self))

    raw = raw_with(tmp_path, VERGE)
    monkeypatch.setattr(Path, "replace", read_only)
    result = runner.invoke(
        app, ["evaluate", str(GOLD), "--raw", str(raw), "--write", str(tmp_path / "s.json"), "--json"]
    )
    document = json.loads(result.stdout)
    assert result.exit_code == 1 and document["ok"] is False
    assert document["error"]["message"] == "cannot write it: Read-only file system"


def _build(raw: Path, out: Path, *, terminal: bool) -> tuple[int, str]:
    """Run `qa-builder build` as a process, its stderr a terminal or a pipe; its exit code and stderr."""
    command = [sys.executable, "-m", "qa_builder", "build", "--raw", str(raw), "--out", str(out), "--jobs", "1"]
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    if not terminal:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
        return done.returncode, done.stderr
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: the process is gone
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return process.wait(timeout=300), b"".join(chunks).decode("utf-8", "replace")


def test_build_shows_progress_on_a_terminal_and_nothing_in_a_pipe(tmp_path: Path) -> None:
    raw = raw_with(tmp_path, VERGE, "trilingual-panel", "one-language-en")
    code, shown = _build(raw, tmp_path / "a", terminal=True)
    assert code == 0 and "interviews" in shown and "3/3" in shown, shown
    code, piped = _build(raw, tmp_path / "b", terminal=False)
    assert code == 0 and piped == "", piped
    assert (tmp_path / "a" / "README.md").read_bytes() == (tmp_path / "b" / "README.md").read_bytes()


@pytest.mark.parametrize(
    "command",
    [["build", "--jobs", "1"], ["build", "--jobs", "2"], ["stats"], ["site"]],
    ids=["build-jobs-1", "build-jobs-2", "stats", "site"],
)
def test_commands_over_a_raw_folder_name_every_interview_that_fails(command: list[str], tmp_path: Path) -> None:
    """Not only the first: a maintainer fixes them all after one run, as validate lists them. Nothing is written."""
    raw = raw_with(tmp_path, "bundestag-fragestunde", VERGE, "one-language-en", "trilingual-panel")
    (raw / "one-language-en" / "meta.toml").unlink()
    (raw / "trilingual-panel" / "en.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, [*command, "--raw", str(raw), *(["--out", str(out)] if command[0] != "stats" else [])])
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert result.exit_code == 1 and "Traceback" not in result.stderr + result.stdout, result.stderr
    assert len(errors) == 2, result.stderr
    assert errors[0].startswith(f"error: {raw / 'one-language-en'}") and "meta.toml" in errors[0]
    assert errors[1].startswith(f"error: {raw / 'trilingual-panel' / 'en.txt'}")
    assert not out.exists()


def test_stats_json_gives_each_failing_interview_s_error_with_its_fields(tmp_path: Path) -> None:
    raw = raw_with(tmp_path, VERGE, "one-language-en", "trilingual-panel")
    (raw / "one-language-en" / "meta.toml").unlink()
    (raw / "trilingual-panel" / "en.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["stats", "--raw", str(raw), "--json"])
    document = json.loads(result.stdout)
    assert result.exit_code == 1 and document["ok"] is False
    found = document["error"]["errors"]
    assert [error["error"] for error in found] == ["MetadataError", "EmptyFileError"]
    assert found[1]["path"] == str(raw / "trilingual-panel" / "en.txt")


def test_a_worker_s_failing_interview_does_not_stop_the_others_in_its_share(tmp_path: Path) -> None:
    """A worker gets several interviews at once: one that fails is returned as its error, the others processed."""
    from qa_builder.dataset.build import _processed

    raw = raw_with(tmp_path, "bundestag-fragestunde", "one-language-en", VERGE)
    (raw / "one-language-en" / "meta.toml").unlink()
    found = _processed(sorted(raw.iterdir()), site=False)
    assert [type(item).__name__ for item in found] == ["tuple", "MetadataError", "tuple"]
