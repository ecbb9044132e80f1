"""The command line: exact messages, exit codes, no tracebacks. Each bad input here is a row of
the README's "Bad input" table."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import INTERVIEW, INTERVIEWS, VERGE
from typer.testing import CliRunner

from qa_builder.cli import app

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
META = INTERVIEW / "meta.toml"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output + result.stderr
    return result.exit_code, result.stdout, result.stderr


def test_parse_prints_turns_as_json_lines() -> None:
    code, out, err = run("parse", str(INTERVIEW / "zh.txt"), "--lang", "zh")
    assert code == 0 and err == ""
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 32 and rows[9]["speaker"] == "Mira Murati"


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("not-a-transcript-*")))
def test_non_transcripts_are_refused(name: str) -> None:
    code, out, err = run("parse", str(FIXTURES / name), "--lang", "zh", "--meta", str(META))
    assert code == 1 and out == ""
    assert err == (
        f"error: {FIXTURES / name}:1: no speaker turns: no paragraph starts with a label meta.toml declares "
        "(Mira Murati, Q, Sam) and no question is printed in bold — check that this file is an interview transcript "
        "and that its labels are listed under [languages.zh.labels] (`qa-builder init --print` drafts them); a "
        "transcript that does not mark who speaks (an automatic one without speaker names) cannot be read into turns\n"
    )


def copied_and_edited(raw: Path, shared: str = "") -> None:
    """The Verge interview copied to ``verge-copy`` with one byte more in de.txt, its url with ``shared`` after it."""
    copy = raw / "verge-copy"
    shutil.copytree(raw / "verge-altman-murati-2023", copy)
    (copy / "de.txt").write_bytes((copy / "de.txt").read_bytes() + b" \n")
    meta = (copy / "meta.toml").read_text(encoding="utf-8")
    (copy / "meta.toml").write_text(meta.replace('rehired"', f'rehired{shared}"'), encoding="utf-8")


def break_raw(raw: Path, lang: str, data: bytes) -> Path:
    path = raw / "verge-altman-murati-2023" / f"{lang}.txt"
    path.write_bytes(data)
    return path


BAD_INPUTS = [
    (
        "empty file",
        lambda raw: break_raw(raw, "de", b""),
        "error: {raw}/verge-altman-murati-2023/de.txt: the file is empty — "
        "put the transcript text in it or remove the file",
    ),
    (
        "binary file",
        lambda raw: break_raw(raw, "de", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        "error: {raw}/verge-altman-murati-2023/de.txt:3: the file looks binary (it contains NUL bytes), not like a "
        "text transcript — give a plain-text transcript",
    ),
    (
        "UTF-16 without a byte order mark",
        lambda raw: break_raw(raw, "zh", (INTERVIEW / "zh.txt").read_text("utf-8").encode("utf-16-le")),
        "error: {raw}/verge-altman-murati-2023/zh.txt: the file is UTF-16-LE text without a byte order mark — "
        'declare `encoding = "utf-16-le"` under [languages.zh] in meta.toml, or save it as UTF-8',
    ),
    (
        "GB18030 without a declared encoding",
        lambda raw: break_raw(raw, "zh", (INTERVIEW / "zh.txt").read_text("utf-8").encode("gb18030")),
        "error: {raw}/verge-altman-murati-2023/zh.txt:1:1: not valid UTF-8 (byte 0xA1) — "
        'declare `encoding = "gb18030"` under [languages.zh] in meta.toml, or convert it to UTF-8',
    ),
    (
        "a news article, not a transcript",
        lambda raw: break_raw(raw, "zh", (FIXTURES / "not-a-transcript-003_a3a4129361f8745e.txt").read_bytes()),
        "error: {raw}/verge-altman-murati-2023/zh.txt:1: no speaker turns: no paragraph starts with a label meta.toml "
        "declares (Mira Murati, Q, Sam) and no question is printed in bold — check that this file is an interview "
        "transcript and that its labels are listed under [languages.zh.labels] (`qa-builder init --print` drafts "
        "them); a transcript that does not mark who speaks (an automatic one without speaker names) cannot be read "
        "into turns",
    ),
    (
        "a label the metadata does not know",
        lambda raw: break_raw(
            raw,
            "de",
            (INTERVIEW / "de.txt").read_bytes().replace(b"Murati: Nein", b"Muratti: Nein"),
        ),
        "error: {raw}/verge-altman-murati-2023/de.txt:77:1: undeclared speaker label 'Muratti' (a typo of 'Murati'?) "
        '— add it to [languages.de.labels] in meta.toml: "Muratti" = "<speaker>" (or, if it is no label, add '
        '"Muratti" to not_labels under [languages.de.conventions])',
    ),
    (
        "a label with a look-alike letter of another script",
        lambda raw: break_raw(
            raw,
            "de",
            (INTERVIEW / "de.txt").read_bytes().replace(b"Murati: Nein", "Мurati: Nein".encode()),
        ),
        "error: {raw}/verge-altman-murati-2023/de.txt:77:1: undeclared speaker label 'Мurati' (a typo of 'Murati'? "
        "its 'М' is U+041C CYRILLIC CAPITAL LETTER EM, where 'Murati' is written in Latin letters) — add it to "
        '[languages.de.labels] in meta.toml: "Мurati" = "<speaker>" (or, if it is no label, add "Мurati" to '
        "not_labels under [languages.de.conventions])",
    ),
    (
        "a language with no transcript",
        lambda raw: (raw / "verge-altman-murati-2023" / "de.txt").unlink(),
        "error: {raw}/verge-altman-murati-2023/meta.toml: meta.toml declares language 'de' but there is no de.txt — "
        "add {raw}/verge-altman-murati-2023/de.txt or remove [languages.de]",
    ),
    (
        "a transcript with no metadata",
        lambda raw: (raw / "verge-altman-murati-2023" / "fr.txt").write_text("Q: Salut?\n", encoding="utf-8"),
        "error: {raw}/verge-altman-murati-2023/fr.txt: transcript fr.txt has no metadata — add [languages.fr] with its "
        "source and labels to {raw}/verge-altman-murati-2023/meta.toml",
    ),
    (
        "a transcript named with a locale's underscore",
        lambda raw: (raw / "verge-altman-murati-2023" / "zh.txt").rename(
            raw / "verge-altman-murati-2023" / "zh_CN.txt"
        ),
        "error: {raw}/verge-altman-murati-2023/zh_CN.txt: the file is named 'zh_CN' but meta.toml declares "
        "[languages.zh], which has no transcript — rename it zh.txt, or name it zh-CN.txt (a language code has a "
        "hyphen) and rename [languages.zh] to [languages.zh-CN]",
    ),
    (
        "a transcript named with an underscore for a declared subtag",
        lambda raw: (
            (raw / VERGE / "meta.toml").write_text(
                (raw / VERGE / "meta.toml").read_text(encoding="utf-8").replace("[languages.zh", "[languages.zh-Hans"),
                encoding="utf-8",
            ),
            (raw / VERGE / "zh.txt").rename(raw / VERGE / "zh_Hans.txt"),
        ),
        "error: {raw}/verge-altman-murati-2023/zh_Hans.txt: the file is named 'zh_Hans' but meta.toml declares "
        "[languages.zh-Hans], which has no transcript — rename it zh-Hans.txt",
    ),
    (
        "a transcript saved as Markdown",
        lambda raw: (raw / "verge-altman-murati-2023" / "de.txt").rename(raw / "verge-altman-murati-2023" / "de.md"),
        "error: {raw}/verge-altman-murati-2023/meta.toml: meta.toml declares language 'de' but there is no de.txt "
        "(there is de.md) — save de.md as plain text named de.txt",
    ),
    (
        "a note that is no transcript in an interview folder",
        lambda raw: (raw / "verge-altman-murati-2023" / "notes.txt").write_text("call back", encoding="utf-8"),
        "error: {raw}/verge-altman-murati-2023/notes.txt: notes.txt is not named after a language code (<lang>.txt), "
        "so it cannot be a transcript — move it out of the interview folder, or name it after its language (de.txt, "
        "zh-Hant.txt)",
    ),
    (
        "a transcript's extension in capitals",
        lambda raw: (raw / "verge-altman-murati-2023" / "de.txt").rename(raw / "verge-altman-murati-2023" / "de.TXT"),
        "error: {raw}/verge-altman-murati-2023/de.TXT: the transcript's extension is '.TXT' — rename it de.txt",
    ),
    (
        "interview folders nested one level too deep",
        lambda raw: (raw / "group").mkdir() or (raw / "verge-altman-murati-2023").rename(raw / "group" / "verge"),
        "error: {raw}/group: holds interview folders (verge) instead of being one — move them up into the raw folder "
        "(an interview is raw/<id>/meta.toml), or pass --raw {raw}/group",
    ),
    (
        "duplicate interview ids",
        lambda raw: shutil.copytree(raw / "verge-altman-murati-2023", raw / "Verge-Altman-Murati-2023"),
        "error: {raw}/verge-altman-murati-2023: duplicate interview id: 'Verge-Altman-Murati-2023' and "
        "'verge-altman-murati-2023' differ only in case — rename or merge one of the two folders",
    ),
    (
        "a transcript copied to stand in for its translation",
        lambda raw: shutil.copy(
            raw / "verge-altman-murati-2023" / "de.txt", raw / "verge-altman-murati-2023" / "zh.txt"
        ),
        "error: {raw}/verge-altman-murati-2023/zh.txt: the zh transcript is byte for byte the de one (de.txt) — put "
        "the zh translation in zh.txt, or remove [languages.zh] from meta.toml",
    ),
    (
        "a transcript linked to its translation's file",
        lambda raw: (
            (raw / "verge-altman-murati-2023" / "zh.txt").unlink()
            or (raw / "verge-altman-murati-2023" / "zh.txt").symlink_to("de.txt")
        ),
        "error: {raw}/verge-altman-murati-2023/zh.txt: zh.txt is a link to de.txt, and the zh transcript is byte for "
        "byte the one in de.txt — put the zh translation in zh.txt as a file of its own, or remove [languages.zh] "
        "from meta.toml",
    ),
    (
        "an interview copied and edited a little",
        lambda raw: copied_and_edited(raw),
        "error: {raw}/verge-copy/meta.toml: its meta.toml gives the url of {raw}/verge-altman-murati-2023 "
        "(https://www.theverge.com/2023/11/29/23982046/sam-altman-interview-openai-ceo-rehired): the same interview "
        "twice? — remove the copy, or give each interview the url of the page it was published at (two interviews "
        "on one page: tell them apart with a fragment, …#part-2)",
    ),
    (
        "an interview copied with the url it was shared at (a tracker's parameter)",
        lambda raw: copied_and_edited(raw, "?utm_source=twitter&utm_medium=social"),
        "error: {raw}/verge-copy/meta.toml: its meta.toml gives the url of {raw}/verge-altman-murati-2023 "
        "(https://www.theverge.com/2023/11/29/23982046/sam-altman-interview-openai-ceo-rehired?utm_source=twitter&"
        "utm_medium=social): the same interview twice? — remove the copy, or give each interview the url of the page "
        "it was published at (two interviews on one page: tell them apart with a fragment, …#part-2)",
    ),
    (
        "an earlier version of a transcript kept in a folder inside the interview",
        lambda raw: (
            (raw / "verge-altman-murati-2023" / "old").mkdir()
            or shutil.copy(raw / "verge-altman-murati-2023" / "de.txt", raw / "verge-altman-murati-2023" / "old")
        ),
        "error: {raw}/verge-altman-murati-2023/old: a folder inside the interview folder holds text files that are "
        "not read (de.txt) — move it out of the interview folder, or rename it _old to keep it there unread",
    ),
    (
        "meta.toml saved under another name",
        lambda raw: (raw / "verge-altman-murati-2023" / "meta.toml").rename(
            raw / "verge-altman-murati-2023" / "meta.toml.txt"
        ),
        "error: {raw}/verge-altman-murati-2023/meta.toml: no meta.toml in the interview folder — rename "
        "meta.toml.txt to meta.toml",
    ),
    (
        "an interview folder without meta.toml",
        lambda raw: (raw / "verge-altman-murati-2023" / "meta.toml").unlink(),
        "error: {raw}/verge-altman-murati-2023/meta.toml: no meta.toml in the interview folder — write one (see the "
        "README's table of meta.toml keys)",
    ),
]


@pytest.mark.parametrize(("case", "breaker", "message"), BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_gets_one_clear_line(case: str, breaker, message: str, raw_copy: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    breaker(raw_copy)
    code, out, err = run("build", "--raw", str(raw_copy), "--out", str(tmp_path / "dist"), "--jobs", "1")
    assert code == 1, case
    assert err == message.replace("{raw}", str(raw_copy)) + "\n"
    assert not (tmp_path / "dist").exists()


def test_an_interview_folder_passed_as_the_raw_folder_names_its_parent(raw_copy: Path, tmp_path: Path) -> None:
    folder = raw_copy / "verge-altman-murati-2023"
    code, _, err = run("build", "--raw", str(folder), "--out", str(tmp_path / "dist"))
    assert (code, err) == (
        1,
        f"error: {folder}: is an interview folder (it holds meta.toml), not the raw folder that holds interview "
        f"folders — pass its parent: --raw {raw_copy}\n",
    )


def test_a_dataset_passed_as_the_raw_folder_is_named_an_output(raw_copy: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    assert run("build", "--raw", str(raw_copy), "--out", str(dist), "--jobs", "1")[0] == 0
    code, _, err = run("validate", "--raw", str(dist))
    assert code == 1
    assert err.startswith(f"error: {dist}: is an output qa-builder wrote, not a raw folder of interviews — ")
    assert f"(this dataset's copies of the transcripts are in {dist / 'raw'})" in err
    site = tmp_path / "site"
    assert run("site", "--raw", str(raw_copy), "--out", str(site))[0] == 0
    code, _, err = run("validate", "--raw", str(site))
    assert code == 1 and "copies of the transcripts" not in err  # a site holds none


def test_init_and_parse_given_the_wrong_thing_say_what_to_give(raw_copy: Path, tmp_path: Path) -> None:
    transcript = raw_copy / "verge-altman-murati-2023" / "de.txt"
    code, _, err = run("init", str(transcript))
    assert (code, err) == (
        1,
        f"error: {transcript}: is a file, not the interview folder — give the folder that holds it: "
        f"{transcript.parent}\n",
    )
    lonely = tmp_path / "de.txt"
    lonely.write_bytes(transcript.read_bytes())
    code, _, err = run("parse", str(lonely), "--lang", "de")
    assert (
        code == 1 and "--meta PATH" in err and err.startswith(f"error: {tmp_path / 'meta.toml'}: no meta.toml beside")
    )


def test_output_path_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "dist").write_text("x")
    code, _, err = run("build", "--out", str(tmp_path / "dist"))
    assert code == 1
    assert err == f"error: {tmp_path / 'dist'}: the output path is a file — pass --out a folder path\n"


def test_validate_prints_the_accounting() -> None:
    code, out, err = run("validate", "--raw", str(INTERVIEWS), "--strict")
    assert out.splitlines()[-1] == f"{len(list(INTERVIEWS.iterdir()))} interview(s) OK"
    assert code == 0 and err == ""  # the shipped interviews' inferences are all reviewed in meta.toml
    assert [line for line in out.splitlines() if line.startswith(str(INTERVIEW))] == [
        f"{INTERVIEW}/de.txt: 51 non-blank lines = 3 boilerplate, 11 preamble, 1 stage_direction, 36 turn",
        f"{INTERVIEW}/zh.txt: 51 non-blank lines = 5 boilerplate, 1 editor_note, 3 heading, "
        "1 link, 4 preamble, 1 stage_direction, 36 turn",
    ]


def test_validate_exits_1_on_problems(raw_copy: Path) -> None:
    break_raw(raw_copy, "de", b"")
    code, _, err = run("validate", "--raw", str(raw_copy))
    assert code == 1
    assert err.splitlines()[-1] == "1 interview(s) with errors"


def test_stats(verge: dict[str, Any]) -> None:
    code, out, _ = run("stats", "--raw", str(INTERVIEWS))
    assert code == 0
    zh = verge["transcripts"]["zh"]
    assert f"{VERGE}\tzh\t{len(zh['turns'])} turns\t{len(zh['exchanges'])} exchanges" in out.splitlines()
    flagged = len(verge["pairs"]["de-zh"]["flagged"])
    assert f"{VERGE}\tde-zh\t32 turn pairs\t{flagged} flagged\tunpaired de 0, zh 0" in out.splitlines()


def test_align_prints_beads_as_json_lines(verge: dict[str, Any]) -> None:
    code, out, _ = run("align", str(INTERVIEW))
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [[row["de"]["turns"], row["zh"]["turns"]] for row in rows] == verge["pairs"]["de-zh"]["beads"]
    assert {row["pair"] for row in rows} == {"de-zh"}
    flagged = verge["pairs"]["de-zh"]["flagged"]
    assert [row["index"] for row in rows if row["issues"]] == flagged
    assert rows[flagged[0]]["de"]["speakers"] != rows[flagged[0]]["zh"]["speakers"]


def test_align_two_files(verge: dict[str, Any]) -> None:
    code, out, _ = run("align", str(INTERVIEW / "zh.txt"), str(INTERVIEW / "de.txt"))
    assert code == 0 and len(out.splitlines()) == len(verge["pairs"]["de-zh"]["beads"])


def test_show_renders_a_table(verge: dict[str, Any]) -> None:
    result = runner.invoke(app, ["show", str(INTERVIEW), "--width", "20"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert result.stdout.count("speaker_mismatch") == len(verge["pairs"]["de-zh"]["flagged"])
    assert result.stdout.count("│ 1-1  │") == len(verge["pairs"]["de-zh"]["beads"])


def test_show_refuses_a_width_too_small_to_show_text() -> None:
    result = runner.invoke(app, ["show", str(INTERVIEW), "--width", "-5"])
    assert result.exit_code == 2 and "--width" in result.output + result.stderr


def test_align_sentences_prints_the_dataset_s_sentence_beads(verge: dict[str, Any]) -> None:
    code, out, _ = run("align", str(INTERVIEW), "--sentences")
    rows = [json.loads(line) for line in out.splitlines()]
    pair = verge["pairs"]["de-zh"]
    assert code == 0 and len(rows) == pair["sentence_pairs"] + pair["unpaired"]["sentence"]["de"]
    assert rows[0]["bead"] == "2-2" and rows[0]["de"]["sentences"] == [0, 1] and rows[0]["zh"]["sentences"] == [0, 1]
    assert sorted({row["turn_pair"] for row in rows}) == list(range(len(pair["beads"])))


def test_show_sentences_renders_a_table() -> None:
    result = runner.invoke(app, ["show", str(INTERVIEW), "--sentences", "--width", "20"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].strip().startswith("sentences:")
    assert result.stdout.count("│ 2-1  │") == 10


def test_schema_check_fails_when_stale(tmp_path: Path) -> None:
    assert run("schema", "--out", str(tmp_path))[0] == 0
    assert run("schema", "--check", "--out", str(tmp_path))[0] == 0
    (tmp_path / "turns.schema.json").write_text("{}")
    code, _, err = run("schema", "--check", "--out", str(tmp_path))
    assert code == 1
    assert err == (
        f"error: {tmp_path}: {tmp_path} is not what `qa-builder schema` would make (turns.schema.json differs) — "
        f"run `qa-builder schema --out {tmp_path}` and commit the result\n"
    )


def test_committed_schema_is_current() -> None:
    assert run("schema", "--check", "--out", str(ROOT / "schema"))[0] == 0


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["parse", "--help"],
        ["parse", "tests/fixtures/interviews/verge-altman-murati-2023/zh.txt", "--lang", "zh"],
        ["align", "tests/fixtures/interviews/verge-altman-murati-2023"],
        ["align", "tests/fixtures/interviews/verge-altman-murati-2023", "--sentences"],
        ["show", "tests/fixtures/interviews/verge-altman-murati-2023"],
        ["stats", "--raw", "tests/fixtures/interviews"],
        ["validate", "--raw", "tests/fixtures/interviews"],
        ["evaluate", "tests/gold/verge-altman-murati-2023.sentences.json", "--raw", "tests/fixtures/interviews"],
        ["site", "--raw", "tests/fixtures/interviews", "--out", "{tmp}/site"],
    ],
)
def test_only_build_imports_datasets_or_pyarrow(args: list[str], tmp_path: Path) -> None:
    """Every command but build runs without the export libraries."""
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in args]
    check = "import sys; assert not {'datasets', 'pyarrow'} & set(sys.modules), sorted(sys.modules)"
    script = f"import sys; from qa_builder.cli import app; sys.argv=['qa-builder', *{args!r}]\n"
    script += "try: app()\nexcept SystemExit as exit: assert not exit.code, exit.code\n" + check
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, cwd=ROOT, text=True)
    assert result.returncode == 0, result.stderr[-500:]


def test_evaluate_prints_strict_and_lax_figures() -> None:
    gold = ROOT / "tests/gold/verge-altman-murati-2023.sentences.json"
    code, out, err = run("evaluate", str(gold), "--raw", str(INTERVIEWS))
    assert code == 0 and err == ""
    assert out == ("strict: precision 0.932, recall 0.944, f1 0.938\nlax: precision 0.986, recall 1.000, f1 0.993\n")


def test_evaluate_refuses_a_file_that_is_not_a_gold_alignment(tmp_path: Path) -> None:
    bad = tmp_path / "gold.json"
    bad.write_text("[]", encoding="utf-8")
    code, out, err = run("evaluate", str(bad))
    assert code == 1 and out == ""
    assert err == (
        f"error: {bad}: not a gold alignment file: (top level): Input should be an object — see tests/gold/README.md\n"
    )


@pytest.mark.parametrize(
    ("gold", "message"),
    [
        (
            '{"interview_id": "nope", "pairs": []}',
            "no interview folder {raw}/nope for the gold's interview_id 'nope' — "
            "pass the raw folder that holds it with --raw",
        ),
        (
            '{"interview_id": "verge-altman-murati-2023", "pairs": []}',
            "the gold aligns other turn pairs than the dataset has — remake the gold for the current parallel_turns "
            "(see tests/gold/README.md)",
        ),
    ],
)
def test_evaluate_says_which_gold_does_not_fit(tmp_path: Path, gold: str, message: str) -> None:
    path = tmp_path / "gold.json"
    path.write_text(gold, encoding="utf-8")
    code, out, err = run("evaluate", str(path), "--raw", str(INTERVIEWS))
    assert code == 1 and out == ""
    assert err == f"error: {path}: " + message.format(raw=INTERVIEWS) + "\n"


def test_every_public_name_resolves() -> None:
    import qa_builder

    assert qa_builder.__all__ == sorted(qa_builder._EXPORTS)
    for name in qa_builder.__all__:
        assert getattr(qa_builder, name) is not None
