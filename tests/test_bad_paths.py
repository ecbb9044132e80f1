"""Every path mistake is one line on stderr and exit 1, in every command, in worker processes too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa_builder.cli import app

ROOT = Path(__file__).resolve().parent.parent
INTERVIEW = "verge-altman-murati-2023"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output + result.stderr
    return result.exit_code, result.stdout, result.stderr


RAW_COMMANDS = [
    ["validate"],
    ["stats"],
    ["report", "--out", "{tmp}/site"],
    ["build", "--jobs", "1", "--out", "{tmp}/dist"],
    ["build", "--jobs", "2", "--out", "{tmp}/dist"],
]


def run_on_raw(command: list[str], raw: Path, tmp_path: Path) -> tuple[int, str, str]:
    return run(*[arg.replace("{tmp}", str(tmp_path)) for arg in command], "--raw", str(raw))


@pytest.mark.parametrize("command", RAW_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("name", ["fr.txt", "de.txt"])
def test_a_folder_named_like_a_transcript(command: list[str], name: str, raw_copy: Path, tmp_path: Path) -> None:
    target = raw_copy / INTERVIEW / name
    if target.exists():
        target.unlink()
    target.mkdir()
    code, _, stderr = run_on_raw(command, raw_copy, tmp_path)
    assert code == 1
    assert (
        f"error: {target}: is a folder, not a transcript — a transcript is a text file; rename or move the folder\n"
        in stderr
    )
    assert stderr.count("\n") <= 2  # the error, and validate's count of interviews with errors
    assert not (tmp_path / "dist").exists() and not (tmp_path / "site").exists()


@pytest.mark.parametrize("command", RAW_COMMANDS, ids=" ".join)
def test_an_empty_raw_folder_is_an_error(command: list[str], tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    code, stdout, stderr = run_on_raw(command, raw, tmp_path)
    assert (code, stdout) == (1, "")
    assert stderr == (
        f"error: {raw}: no interview folders in the raw folder — add {raw}/INTERVIEW-ID/ with a meta.toml and one "
        "<lang>.txt per language\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raw"]


def test_two_transcripts_of_one_language(raw_copy: Path, tmp_path: Path) -> None:
    folder = raw_copy / INTERVIEW
    shutil.copy(folder / "de.txt", folder / "DE.txt")
    code, _, stderr = run("build", "--raw", str(raw_copy), "--out", str(tmp_path / "dist"), "--jobs", "2")
    assert code == 1
    assert stderr == (
        f"error: {folder}/DE.txt: two transcripts of language 'de': DE.txt, de.txt — keep one transcript per "
        "language in an interview folder\n"
    )


def test_a_transcript_directly_in_the_raw_folder(raw_copy: Path) -> None:
    (raw_copy / "de.txt").write_text("F: Hallo?\n", encoding="utf-8")
    code, _, stderr = run("validate", "--raw", str(raw_copy))
    assert code == 1
    assert stderr == (
        f"error: {raw_copy}/de.txt: a transcript directly in the raw folder — move it into an interview folder: "
        f"{raw_copy}/INTERVIEW-ID/de.txt, beside its meta.toml\n"
    )


def test_a_raw_folder_that_is_a_file(tmp_path: Path) -> None:
    raw = tmp_path / "raw.txt"
    raw.write_text("x", encoding="utf-8")
    code, _, stderr = run("stats", "--raw", str(raw))
    assert code == 1
    assert (
        stderr == f"error: {raw}: is a file, not a folder — pass --raw the folder that holds one folder per interview\n"
    )


def test_messages_show_paths_as_typed(raw_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (raw_copy / INTERVIEW / "de.txt").write_bytes(b"")
    monkeypatch.chdir(raw_copy.parent)
    assert run("validate", "--raw", "raw")[2].startswith(f"error: raw/{INTERVIEW}/de.txt: the file is empty")
    assert run("validate", "--raw", str(raw_copy))[2].startswith(f"error: {raw_copy}/{INTERVIEW}/de.txt: the file")


def test_records_point_at_the_same_path_wherever_the_raw_folder_is(raw_copy: Path) -> None:
    from qa_builder.transcripts.interview import load_interview

    turn = load_interview(raw_copy / INTERVIEW).transcripts["de"].turns[0]
    assert turn.source.path == f"raw/{INTERVIEW}/de.txt"


FOLDER = ROOT / "raw" / INTERVIEW


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["parse", "/nonexistent/nope.txt", "--lang", "de"], "/nonexistent/nope.txt: no such file — check the path"),
        (["parse", str(FOLDER), "--lang", "de"], f"{FOLDER}: is a folder, not a file — give the path of a file"),
        (
            ["parse", str(FOLDER / "de.txt"), "--lang", "de", "--meta", "/nonexistent"],
            "/nonexistent: no meta.toml in the interview folder — write one (see the README's table of meta.toml keys)",
        ),
        (
            ["align", str(FOLDER / "de.txt"), "/nonexistent/zh.txt"],
            "/nonexistent/zh.txt: no such file — check the path",
        ),
        (
            ["align", str(FOLDER / "de.txt"), str(FOLDER / "meta.toml")],
            f"{FOLDER}/meta.toml: meta.toml is not a transcript (a transcript is <lang>.txt) — give two transcript "
            "files of one interview, e.g. de.txt zh.txt",
        ),
        (
            ["align", str(FOLDER / "de.txt"), str(ROOT / "tests/fixtures/interviews/press-interview-en-de/en.txt")],
            f"{ROOT}/tests/fixtures/interviews/press-interview-en-de/en.txt: the two files are in different folders "
            f"({FOLDER}, {ROOT}/tests/fixtures/interviews/press-interview-en-de): two interviews? — give two "
            "translations of one interview, from its folder",
        ),
        (
            ["align", str(FOLDER / "de.txt"), str(FOLDER / "de.txt")],
            f"{FOLDER}/de.txt: both files are language 'de' — give two translations of one interview, "
            "e.g. de.txt zh.txt",
        ),
        (["show", "/nonexistent"], "/nonexistent: no such folder — give an interview folder, or two transcript files"),
    ],
)
def test_file_arguments(args: list[str], message: str) -> None:
    code, stdout, stderr = run(*args)
    assert (code, stdout) == (1, "")
    assert stderr == f"error: {message}\n"


def test_meta_option_may_name_the_folder_that_holds_meta_toml() -> None:
    code, stdout, _ = run("parse", str(FOLDER / "de.txt"), "--lang", "de", "--meta", str(FOLDER))
    assert code == 0 and len(stdout.splitlines()) == 32
