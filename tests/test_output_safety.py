"""Output folders are the tool's own: every other --out is refused with one line and nothing on disk changes."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa_builder.cli import app
from qa_builder.errors import OutputError
from qa_builder.outdir import MARKER, write_file

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output + result.stderr
    return result.exit_code, result.stdout, result.stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) with its bytes: what must not change."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def workspace(raw_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding a raw/ copy, as a maintainer's project would."""
    monkeypatch.chdir(raw_copy.parent)
    return raw_copy.parent


HINT = "pass --out a new folder, e.g. --out dataset"


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("raw", "the output folder is the raw folder (raw)"),
        ("raw/verge-altman-murati-2023", "the output folder is inside the raw folder (raw)"),
        (".", "the output folder is the working folder"),
        ("..", "the output folder is a folder that holds the working folder"),
        ("/", "the output folder is the filesystem root"),
    ],
)
def test_build_refuses_folders_it_does_not_own(workspace: Path, out: str, message: str) -> None:
    before = snapshot(workspace)
    code, stdout, stderr = run("build", "--raw", "raw", "--out", out, "--jobs", "1")
    assert (code, stdout) == (1, "")
    assert stderr == f"error: {out}: {message} — {HINT}\n"
    assert snapshot(workspace) == before
    assert not [p for p in Path("/").iterdir() if ".qa-builder-tmp" in p.name]


def test_a_folder_holding_the_raw_folder_is_refused(tmp_path: Path, raw_copy: Path) -> None:
    code, _, stderr = run("build", "--raw", str(raw_copy), "--out", str(tmp_path), "--jobs", "1")
    assert code == 1
    assert (
        stderr == f"error: {tmp_path}: the output folder is a folder that holds the raw folder ({raw_copy}) — {HINT}\n"
    )


def test_the_home_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    (home / "notes").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    code, _, stderr = run("report", "--out", str(home))
    assert (
        code == 1
        and stderr
        == f"error: {home}: the output folder is the home folder — pass --out a new folder, e.g. --out site\n"
    )
    assert entries(home) == ["notes"]


def test_a_repository_root_is_refused(tmp_path: Path) -> None:
    repo = tmp_path / "project"
    (repo / ".git").mkdir(parents=True)
    code, _, stderr = run("schema", "--out", str(repo))
    assert code == 1 and "the output folder is a repository's root" in stderr
    assert entries(repo) == [".git"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (".git", "the output folder is a version-control or tool folder"),
        (".venv/dataset", "the output folder is a version-control or tool folder"),
        ("dist ", "the output folder's name starts or ends with a space (a pasted name?)"),
        ("sub/ dist", "without the space"),
    ],
)
def test_a_tool_s_folder_and_a_name_pasted_with_a_space_are_refused(tmp_path: Path, name: str, message: str) -> None:
    code, _, stderr = run("schema", "--out", str(tmp_path / name))
    assert code == 1 and message in stderr
    if "space" in message:  # the suggested folder keeps its parent
        assert f"pass --out '{tmp_path / name.replace(' ', '')}'" in stderr
    assert entries(tmp_path) == []


@pytest.mark.parametrize("command", [["report"], ["schema"], ["build", "--jobs", "1"]])
def test_a_folder_with_the_user_s_files_is_refused_and_kept(command: list[str], tmp_path: Path) -> None:
    mywork = tmp_path / "mywork"
    mywork.mkdir()
    (mywork / "thesis.tex").write_text("\\chapter{Results}", encoding="utf-8")
    (mywork / "figures").mkdir()
    code, stdout, stderr = run(*command, "--out", str(mywork))
    assert code == 1 and stdout == ""
    assert stderr.startswith(
        f"error: {mywork}: the output folder holds files qa-builder did not write (figures, thesis.tex) — "
    )
    assert snapshot(mywork) == {"thesis.tex": b"\\chapter{Results}"} and entries(tmp_path) == ["mywork"]


def test_one_command_does_not_replace_another_s_output(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run("report", "--out", str(site))[0] == 0
    before = snapshot(site)
    code, _, stderr = run("schema", "--out", str(site))
    assert code == 1
    assert stderr == (
        f"error: {site}: the output folder holds a qa-builder site output, not a schema — pass --out a new folder, "
        "e.g. --out schema; `qa-builder schema` replaces only its own output\n"
    )
    assert snapshot(site) == before


def test_its_own_output_an_empty_folder_and_an_unmarked_earlier_output_are_replaced(tmp_path: Path) -> None:
    out = tmp_path / "schema"
    out.mkdir()
    assert run("schema", "--out", str(out))[0] == 0  # empty
    listed = (out / MARKER).read_text(encoding="utf-8").splitlines()
    names = [line.partition("\t")[0] for line in listed[1:]]
    assert listed[0] == "schema" and names == sorted(p.name for p in out.iterdir() if p.name != MARKER)
    assert run("schema", "--out", str(out))[0] == 0  # its own
    (out / MARKER).unlink()
    (out / "stale.schema.json").write_text("{}", encoding="utf-8")
    assert run("schema", "--out", str(out))[0] == 0  # written before the marker existed: only schema files
    assert "stale.schema.json" not in entries(out) and MARKER in entries(out)
    assert entries(tmp_path) == ["schema"]  # no staging or retired folder left beside it


def test_a_killed_build_leaves_the_previous_output_whole_and_the_next_run_cleans_up(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    shutil.copytree(ROOT / "dist", out)
    before = snapshot(out)
    # A build that dies by SIGKILL half-way through writing its staging folder.
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "import qa_builder.dataset.build as build\n"
        "def dying(raw, staging, *rest):\n"
        "    (staging / 'turns').mkdir()\n"
        "    (staging / 'turns' / 'train.parquet.partial').write_bytes(b'half')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "build._write = dying\n"
        f"build.build(Path({str(ROOT / 'raw')!r}), Path({str(out)!r}), jobs=1)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, cwd=tmp_path, check=False)
    assert done.returncode == -9
    assert snapshot(out) == before
    leftovers = [name for name in entries(tmp_path) if name != "dist"]
    assert len(leftovers) == 1 and leftovers[0].startswith(".dist.qa-builder-tmp-")
    assert run("build", "--raw", str(ROOT / "raw"), "--out", str(out), "--jobs", "1")[0] == 0
    assert entries(tmp_path) == ["dist"]


def test_a_terminated_build_removes_its_staging_folder(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    script = (
        "import os, signal, sys\n"
        "import qa_builder.dataset.build as build\n"
        "from qa_builder.cli import app\n"
        "def terminated(raw, staging, *rest):\n"
        "    (staging / 'partial').write_text('x')\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "build._write = terminated\n"
        f"sys.argv = ['qa-builder', 'build', '--raw', {str(ROOT / 'raw')!r}, '--out', {str(out)!r}]\n"
        "app()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, cwd=tmp_path, check=False, text=True)
    assert done.returncode == 128 + 15 and "Traceback" not in done.stderr
    assert entries(tmp_path) == []


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (
            "missing/scores.json",
            "{tmp}/missing/scores.json: the folder {tmp}/missing does not exist — create it first, "
            "or write somewhere else",
        ),
        (".", "{tmp}: is a folder — give the path of a file to write, e.g. scores.json"),
    ],
)
def test_evaluate_write_target_errors(tmp_path: Path, target: str, message: str) -> None:
    gold = ROOT / "tests/gold/verge-altman-murati-2023.sentences.json"
    code, stdout, stderr = run("evaluate", str(gold), "--raw", str(ROOT / "raw"), "--write", f"{tmp_path}/{target}")
    assert (code, stdout) == (1, "")
    assert stderr == "error: " + message.replace("{tmp}", str(tmp_path)) + "\n"
    assert entries(tmp_path) == []


def read_only(self: Path, *args: object, **kwargs: object) -> None:
    """What writing or removing a file does on a read-only file system."""
    raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self))


def test_a_file_that_cannot_be_written_is_one_error_though_removing_its_staging_file_fails_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Path, "write_text", read_only)
    monkeypatch.setattr(Path, "unlink", read_only)
    with pytest.raises(OutputError) as caught:
        write_file(tmp_path / "scores.json", "{}")
    assert str(caught.value) == f"{tmp_path}/scores.json: cannot write it: Read-only file system — write somewhere else"


def test_a_file_that_cannot_be_put_in_place_leaves_no_staging_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Path, "replace", read_only)
    with pytest.raises(OutputError, match="cannot write it: Read-only file system"):
        write_file(tmp_path / "scores.json", "{}")
    assert entries(tmp_path) == []


def test_the_default_site_folder_is_ignored_by_git() -> None:
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "site/index.html"], cwd=ROOT, capture_output=True, check=False
    )
    assert ignored.returncode == 0 or not (ROOT / ".git").exists()


def test_no_temporary_files_are_left_in_the_working_folder(workspace: Path) -> None:
    before = entries(workspace)
    assert run("build", "--raw", "raw", "--out", "dataset", "--jobs", "1")[0] == 0
    assert entries(workspace) == sorted([*before, "dataset"])
    assert os.listdir(workspace / "dataset").count(MARKER) == 1


def test_a_folder_inside_another_output_is_refused(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    shutil.copytree(ROOT / "dist", dist)
    before = snapshot(dist)
    code, _, stderr = run("report", "--out", str(dist / "report"))
    assert code == 1 and f"the output folder is inside a qa-builder dataset output ({dist})" in stderr
    assert snapshot(dist) == before


def test_a_symbolic_link_to_the_raw_folder_is_the_raw_folder(workspace: Path) -> None:
    (workspace / "out").symlink_to(workspace / "raw")
    before = snapshot(workspace / "raw")
    code, _, stderr = run("build", "--raw", "raw", "--out", "out", "--jobs", "1")
    assert code == 1 and stderr == f"error: out: the output folder is the raw folder (raw) — {HINT}\n"
    assert snapshot(workspace / "raw") == before


@pytest.mark.parametrize(
    ("command", "theirs"),
    [
        (("build",), {"README.md": "# my docs", "install.md": "pip install it"}),
        (("site",), {"index.html": "<h1>home</h1>", "about.html": "<p>me</p>"}),
        (("schema",), {"turns.schema.json": "{}", "config.json": "{}"}),
    ],
)
def test_a_folder_that_only_looks_like_an_output_is_not_replaced(
    command: tuple[str, ...], theirs: dict[str, str], tmp_path: Path
) -> None:
    """Docs with a README, a hand-made site, JSON files beside a schema's name: no marker, so not ours."""
    mywork = tmp_path / "mywork"
    mywork.mkdir()
    for name, text in theirs.items():
        (mywork / name).write_text(text, encoding="utf-8")
    code, _, stderr = run(*command, "--out", str(mywork))
    assert code == 1 and "the output folder holds files qa-builder did not write" in stderr
    assert {p.name: p.read_text(encoding="utf-8") for p in mywork.iterdir()} == theirs


def test_a_file_added_to_an_output_stops_the_next_run(tmp_path: Path) -> None:
    """Notes written into a built folder are the user's: the rebuild names them and keeps them."""
    out = tmp_path / "schema"
    assert run("schema", "--out", str(out))[0] == 0
    (out / "ANALYSIS.txt").write_text("my notes", encoding="utf-8")
    (out / "notebooks").mkdir()
    (out / "notebooks" / "a.ipynb").write_text("{}", encoding="utf-8")
    code, _, stderr = run("schema", "--out", str(out))
    assert code == 1
    assert "did not write (ANALYSIS.txt, notebooks/a.ipynb)" in stderr
    assert (out / "ANALYSIS.txt").read_text(encoding="utf-8") == "my notes"
    (out / "ANALYSIS.txt").unlink()
    (out / "notebooks" / "a.ipynb").unlink()
    assert run("schema", "--out", str(out))[0] == 0  # its own files only again (an empty folder left is no file)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
def test_a_worker_dies_with_a_build_killed_by_sigkill(tmp_path: Path) -> None:
    """``kill -9`` leaves a build no time to stop its workers; the kernel stops them, or they would wait for work
    forever and hold the caller's pipes open."""
    script = (
        "import os, signal, sys, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from qa_builder.dataset.pool import _worker_started\n"
        "pool = ProcessPoolExecutor(1, initializer=_worker_started)\n"
        "print(pool.submit(os.getpid).result(), flush=True)\n"
        "pool.submit(time.sleep, 60)\n"
        "time.sleep(0.5)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    run_script = [sys.executable, "-c", script]
    done = subprocess.run(run_script, capture_output=True, text=True, cwd=tmp_path, check=False, timeout=30)
    assert done.returncode == -9
    worker = Path(f"/proc/{int(done.stdout.split()[0])}")
    for _ in range(50):
        if not worker.exists():
            break
        time.sleep(0.1)
    assert not worker.exists()


OLD_DATASET = {
    "README.md": "# card",
    "interviews/train-0123456789ab.parquet": "rows",
    "parallel_turns/de-zh/train-0123456789ab.parquet": "rows",
    "site/index.html": "<p>index</p>",
    "site/verge.de-zh.html": "<p>page</p>",
    "site/verge.de-zh.svg": "<svg/>",
    "raw/verge/de.txt": "F: Warum?",
}


@pytest.mark.parametrize(
    ("marker", "theirs"),
    [
        ("dataset\n", {"ANALYSIS.txt": "mine", "notebooks/explore.ipynb": "{}", "NOTES.md": "n"}),
        (None, {"NOTES.md": "# my notes", "eval_results.json": '{"acc": 0.9}'}),
        ("dataset\n", {"site/analysis-notes.html": "<p>mine</p>"}),
        ("dataset\n", {"raw/verge/fix.txt": "a fix"}),
    ],
    ids=["marker without a file list", "no marker", "a page saved among the site's", "a note among the raw copies"],
)
def test_files_a_user_saved_into_an_earlier_version_s_output_stop_the_build(
    marker: str | None, theirs: dict[str, str], workspace: Path
) -> None:
    """An output written before the marker listed its files (or before there was a marker) is replaced only where
    every file in it is one a dataset has held; notes and notebooks saved into it are named and kept."""
    out = workspace / "dist"
    files = OLD_DATASET | ({MARKER: marker} if marker is not None else {}) | theirs
    for name, text in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    before = snapshot(out)
    code, _, stderr = run("build", "--jobs", "1", "--out", "dist")
    assert code == 1 and "the output folder holds files qa-builder did not write" in stderr
    assert all(name.split("/")[0] in stderr for name in theirs)
    assert snapshot(out) == before
    for name in theirs:
        (out / name).unlink()
    assert run("build", "--jobs", "1", "--out", "dist")[0] == 0  # the earlier output alone is replaced
    assert "NOTES.md" not in entries(out) and MARKER in entries(out)


def test_pages_a_user_added_to_an_earlier_site_stop_the_next_one(tmp_path: Path) -> None:
    site = tmp_path / "web"
    assert run("site", "--raw", str(ROOT / "raw"), "--out", str(site))[0] == 0
    (site / MARKER).write_text("site\n", encoding="utf-8")  # as a version before the file list wrote it
    (site / "about.html").write_text("<p>me</p>", encoding="utf-8")
    (site / "notes.txt").write_text("x", encoding="utf-8")
    code, _, stderr = run("site", "--raw", str(ROOT / "raw"), "--out", str(site))
    assert code == 1 and "did not write (notes.txt)" in stderr
    assert (site / "about.html").read_text(encoding="utf-8") == "<p>me</p>"


def test_a_file_edited_in_an_output_stops_the_next_run(tmp_path: Path) -> None:
    """A card or schema edited by hand after the build is the user's work now: the rebuild names it and keeps it;
    deleted, it is rebuilt. A marker from before the digests (names only) still lets its output be replaced."""
    out = tmp_path / "schema"
    assert run("schema", "--out", str(out))[0] == 0
    edited = out / "turns.schema.json"
    edited.write_text('{"title": "my notes"}', encoding="utf-8")
    code, _, stderr = run("schema", "--out", str(out))
    assert code == 1 and "were edited since qa-builder wrote them (turns.schema.json)" in stderr
    assert edited.read_text(encoding="utf-8") == '{"title": "my notes"}'
    edited.unlink()
    assert run("schema", "--out", str(out))[0] == 0
    marker = out / MARKER
    names = [line.partition("\t")[0] for line in marker.read_text(encoding="utf-8").splitlines()]
    marker.write_text("\n".join(names) + "\n", encoding="utf-8")  # as a version before the digests wrote it
    edited.write_text("{}", encoding="utf-8")
    assert run("schema", "--out", str(out))[0] == 0


def test_a_file_saved_into_the_output_while_it_is_rebuilt_stops_the_swap_and_stays(tmp_path: Path) -> None:
    """The folder is checked again once the new output is written: what the user saved meanwhile is kept, with
    the output it was saved into."""
    from qa_builder.outdir import SCHEMA, write_output

    out = tmp_path / "schema"
    assert run("schema", "--out", str(out))[0] == 0
    before = snapshot(out)

    def write(staging: Path) -> None:
        (staging / "turns.schema.json").write_text("{}", encoding="utf-8")
        (out / "NOTES.md").write_text("my notes", encoding="utf-8")  # saved while the build runs

    with pytest.raises(OutputError, match=r"holds files qa-builder did not write \(NOTES.md\)"):
        write_output(out, SCHEMA, write)
    assert snapshot(out) == before | {"NOTES.md": b"my notes"}
    assert entries(tmp_path) == ["schema"]


def test_a_full_disk_while_the_output_is_written_is_one_error_and_the_old_output_stays(tmp_path: Path) -> None:
    from qa_builder.outdir import SCHEMA, write_output

    out = tmp_path / "schema"
    assert run("schema", "--out", str(out))[0] == 0
    before = snapshot(out)

    def write(staging: Path) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(staging / "turns.schema.json"))

    with pytest.raises(OutputError) as caught:
        write_output(out, SCHEMA, write)
    assert str(caught.value) == (
        f"{out}: cannot write the output: No space left on device — free some space, or pick another --out"
    )
    assert snapshot(out) == before and entries(tmp_path) == ["schema"]


def test_a_mount_point_as_the_output_is_refused_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A mounted volume cannot be renamed: the tool says so at once and names a folder inside it."""
    out = tmp_path / "volume"
    out.mkdir()
    mounted = out.resolve()
    real = os.path.ismount
    monkeypatch.setattr(os.path, "ismount", lambda path: Path(path) == mounted or real(path))
    code, _, stderr = run("schema", "--out", str(out))
    assert code == 1
    assert f"{out}: the output folder is a mount point, which cannot be replaced whole" in stderr
    assert f"pass --out a folder inside it, e.g. --out {out / 'schema'}" in stderr
    assert entries(tmp_path) == ["volume"] and entries(out) == []


def test_a_busy_output_folder_says_what_holds_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import qa_builder.outdir as outdir

    out = tmp_path / "schema"
    assert run("schema", "--out", str(out))[0] == 0
    before = snapshot(out)

    def busy(staging: Path, target: Path) -> None:
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(target))

    monkeypatch.setattr(outdir, "_swap", busy)
    code, _, stderr = run("schema", "--out", str(out))
    assert code == 1
    assert f"{out}: cannot replace it: Device or resource busy — the folder is in use or mounted" in stderr
    assert snapshot(out) == before and entries(tmp_path) == ["schema"]


def test_an_output_checked_out_with_crlf_line_ends_is_not_edited(tmp_path: Path) -> None:
    """git's autocrlf on Windows turns an output's text files to CRLF: nobody edited them, so the rebuild replaces
    them (an edit is still an edit)."""
    out = tmp_path / "schema"
    assert run("schema", "--out", str(out))[0] == 0
    for path in out.glob("*.json"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert run("schema", "--out", str(out))[0] == 0
    assert b"\r\n" not in (out / "turns.schema.json").read_bytes()
    edited = out / "turns.schema.json"
    edited.write_bytes(edited.read_bytes().replace(b"\n", b"\r\n").replace(b'"title"', b'"Title"', 1))
    code, _, stderr = run("schema", "--out", str(out))
    assert code == 1 and "were edited since qa-builder wrote them (turns.schema.json)" in stderr


@pytest.mark.parametrize("target", ["transcript", "meta", "gold", "inside raw"])
def test_evaluate_write_never_replaces_a_file_it_did_not_write(tmp_path: Path, target: str) -> None:
    """`--write` named after the gold or a raw file by a slip: refused, the file kept; its own scores it replaces."""
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", raw)
    gold = tmp_path / "gold.json"
    shutil.copyfile(ROOT / "tests/gold/verge-altman-murati-2023.sentences.json", gold)
    interview = raw / "verge-altman-murati-2023"
    path = {
        "transcript": interview / "de.txt",
        "meta": interview / "meta.toml",
        "gold": gold,
        "inside raw": raw / "scores.json",
    }[target]
    before = path.read_bytes() if path.exists() else None
    code, _, stderr = run("evaluate", str(gold), "--raw", str(raw), "--write", str(path))
    assert code == 1 and stderr.startswith(f"error: {path}: "), stderr
    assert (path.read_bytes() if path.exists() else None) == before
    scores = tmp_path / "scores.json"
    assert run("evaluate", str(gold), "--raw", str(raw), "--write", str(scores))[0] == 0
    assert run("evaluate", str(gold), "--raw", str(raw), "--write", str(scores))[0] == 0


def test_a_file_saved_in_the_instant_before_the_swap_is_swapped_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import qa_builder.outdir as outdir

    out = tmp_path / "schema"
    assert run("schema", "--out", str(out))[0] == 0
    before = snapshot(out)
    swap = outdir._swap

    def late_save(staging: Path, target: Path) -> None:
        if not (target / "NOTES.md").exists() and (target / MARKER).is_file():
            (target / "NOTES.md").write_text("my notes", encoding="utf-8")
        swap(staging, target)

    monkeypatch.setattr(outdir, "_swap", late_save)
    with pytest.raises(OutputError, match="a file was saved into the output folder while it was being replaced"):
        outdir.write_output(out, outdir.SCHEMA, lambda staging: (staging / "x.schema.json").write_text("{}"))
    assert snapshot(out) == before | {"NOTES.md": b"my notes"}
    assert entries(tmp_path) == ["schema"]


def test_a_file_manager_s_folder_listing_does_not_stop_the_rebuild(tmp_path: Path) -> None:
    """Finder's ``.DS_Store`` (Windows' ``Thumbs.db``) appears in any folder one looks at: nobody's work."""
    out = tmp_path / "schema"
    assert run("schema", "--out", str(out))[0] == 0
    (out / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (out / "Thumbs.db").write_bytes(b"\xd0\xcf")
    assert run("schema", "--out", str(out))[0] == 0
