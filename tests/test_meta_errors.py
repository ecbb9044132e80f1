"""meta.toml mistakes: every problem in one run, each a line naming the key, the bad value and what is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa_builder.cli import app

INTERVIEW = "verge-altman-murati-2023"
runner = CliRunner()


def validate(raw: Path) -> tuple[int, list[str]]:
    result = runner.invoke(app, ["validate", "--raw", str(raw)])
    assert "Traceback" not in result.output + result.stderr
    return result.exit_code, result.stderr.splitlines()


def edit_meta(raw: Path, *replacements: tuple[str, str]) -> Path:
    meta = raw / INTERVIEW / "meta.toml"
    text = meta.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    meta.write_text(text, encoding="utf-8")
    return meta


def line_of(meta: Path, start: str) -> int:
    return next(n for n, line in enumerate(meta.read_text("utf-8").splitlines(), 1) if line.startswith(start))


def test_a_misspelt_key_is_named_with_what_was_meant(raw_copy: Path) -> None:
    meta = edit_meta(raw_copy, ('title = "Interview:', 'titel = "Interview:'))
    code, lines = validate(raw_copy)
    assert code == 1
    assert lines[0] == (
        f"error: {meta}:{line_of(meta, 'titel')}: unknown key 'titel' (did you mean 'title'?) — known keys here: "
        "title, publisher, url, published, interviewer, interviewees, speakers, license, license_note, "
        "default_interviewee, languages"
    )
    assert not any("Field required" in line for line in lines)


def test_every_problem_is_reported_in_one_run(raw_copy: Path) -> None:
    meta = edit_meta(
        raw_copy,
        ('license = "other"', 'license = "CC BY-SA 4.0: see note"'),
        ('default_interviewee = "Sam Altman"', 'default_interviewee = "Sam Altmann"'),
        ('Murati = "Mira Murati"\n"Mira', 'Murati = "Mira Muratti"\n"Mira'),
        ("[languages.de.conventions]", "[languages.de.convention]"),
        ("published = 2023-11-29", 'published = "29.11.2023"'),
    )
    code, lines = validate(raw_copy)
    assert code == 1
    at = f"error: {meta}:"
    assert lines == [
        f"{at}{line_of(meta, 'published')}: published = '29.11.2023': Input should be a valid date or datetime, "
        "invalid character in year — Publication date, a TOML date without quotes: 2023-11-29.",
        f"{at}{line_of(meta, 'license =')}: license 'CC BY-SA 4.0: see note' is not a licence id the Hub accepts — "
        "use the Hub id 'cc-by-sa-4.0'; or 'other', with the terms in license_note "
        "(all ids: https://huggingface.co/docs/hub/repositories-licenses)",
        f"{at}{line_of(meta, 'default_interviewee')}: default_interviewee 'Sam Altmann' is not one of the "
        "speakers who answer — use one of: Sam Altman, Mira Murati",
        f"{at}{line_of(meta, 'Murati =')}: label 'Murati' names 'Mira Muratti', who is not a declared speaker — use "
        "one of: Alex Heath, Sam Altman, Mira Murati (or declare them with interviewer, interviewees or [speakers])",
        f"{at}{line_of(meta, '[languages.de.convention]')}: unknown key 'convention' (did you mean 'conventions'?) — "
        "known keys here: source, title, encoding, labels, markup, paragraphs, layout, conventions, reviewed",
        "1 interview(s) with errors",
    ]


def test_an_unquoted_chinese_key_gets_a_hint_to_quote_it(raw_copy: Path) -> None:
    meta = edit_meta(raw_copy, ('Q = "Alex Heath"', '记者 = "Alex Heath"'))
    code, lines = validate(raw_copy)
    assert code == 1
    assert lines[0] == (
        f"error: {meta}:{line_of(meta, '记者')}:1: not valid TOML: Invalid statement — a key with characters other "
        'than A–Z, 0–9, _ and - must be quoted: "记者" = …'
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('url = "https', 'link = "https', "unknown key 'link' — known keys here: title,"),
        ('url = "https://www.', 'url = "www.', 'has no scheme — write it as a full address: "https://www.theverge'),
        (
            "[languages.de.reviewed]\n",
            '[languages.de.reviewed]\n86 = ""\n',
            "languages.de.reviewed.86 = '': it is empty",
        ),
        ('url = "https', 'link = "https', "missing key 'url' — add `url = …` (Where the original is published.)"),
        (
            'title = "Interview',
            'speakers = { "Alex Heath" = "host" }\ntitle = "Interview',
            "'Alex Heath' is declared as interviewer under interviewer and as host under speakers — give each "
            "speaker one role",
        ),
        (
            'Q = "Alex Heath"',
            'Q = { speaker = "Alex Heath", role = "host" }',
            "give the label either a speaker or a role",
        ),
        ('Q = "Alex Heath"', 'Q = { role = "anchor" }', "Input should be 'interviewer', 'host'"),
        (
            'interviewer = "Alex Heath"\n',
            "",
            "label 'Q' names 'Alex Heath', who is not a declared speaker",
        ),
        (
            'Altmann = { speaker = "Sam Altman", reason',
            'Altmann = { speakr = "Sam Altman", reason',
            "unknown key 'speakr' (did you mean 'speaker'?)",
        ),
        ('license = "other"', 'license = "MIT"', "use the Hub id 'mit'"),
        (
            'license = "other"',
            'license = "other"\nlicense = "mit"',
            "not valid TOML: Cannot overwrite a value — a key or table is written twice; keep one",
        ),
        ("[languages.de]", "[languages.german]", "language code 'german' is not a code like 'de', 'zh-Hant'"),
        (
            "[languages.zh]",
            "[languages.zh-cn]",
            "write it 'zh-CN' (the table [languages.zh-CN] and the file zh-CN.txt)",
        ),
        ("[languages.zh]", "[languages.ZH]", "write it 'zh'"),
        ("[languages.de.labels]", "[language.de.labels]", ":31: unknown key 'language' (did you mean 'languages'?)"),
        ('Q = "Alex Heath"', '"Q:" = "Alex Heath"', "label 'Q:' ends in a colon, so no line matches it — write it 'Q'"),
        ('Q = "Alex Heath"', '" Q" = "Alex Heath"', "label ' Q' has spaces around it, so no line matches it"),
        ("published = 2023-11-29", "published = 2023", "published = 2023: a year alone is a number, not a date"),
        (
            'interviewees = ["Sam Altman", "Mira Murati"]',
            'interviewees = "Sam Altman, Mira Murati"',
            'holds several names in one string — write a list: interviewees = ["Sam Altman", "Mira Murati"]',
        ),
        ("published = 2023-11-29", "published = 2203-11-29", "2203-11-29 is in the future: give the date it was"),
        ("published = 2023-11-29", "published = 20231129", "a number, not a date: write it 2023-11-29"),
        ("published = 2023-11-29", "published = 29112023", "a number, not a date: write it YYYY-MM-DD"),
        ('source = "German', 'source = "C:\\Users\\me\\German', "write a Windows path in single quotes"),
        ('source = "German', 'source = "C:\\data\\German', "write a Windows path in single quotes"),
        (
            "published = 2023-11-29",
            "published = 2023-11-29T10:00:00Z",
            "a date and a time: give the date alone, 2023-11-29",
        ),
        ("87 = ", '"de.txt:87" = ', "'de.txt:87' is a place, the key is its line number alone: 87 = "),
        (
            "[languages.de.labels]\n",
            '[languages.de.labels]\nencoding = "cp1252"\n',
            "'encoding' is a key of [languages.de], not a label — move `encoding = …` above [languages.de.labels]",
        ),
        (
            'source = "German',
            'encoding = 5\nsource = "German',
            "languages.de.encoding = 5: Input should be a valid string",
        ),
    ],
)
def test_other_mistakes(raw_copy: Path, old: str, new: str, expected: str) -> None:
    edit_meta(raw_copy, (old, new))
    code, lines = validate(raw_copy)
    assert code == 1
    assert lines[-1] == "1 interview(s) with errors"
    assert any(expected in line for line in lines), lines
    assert all(line.startswith(f"error: {raw_copy}/{INTERVIEW}/meta.toml") for line in lines[:-1])


def test_other_needs_a_note_and_unknown_is_the_default(raw_copy: Path) -> None:
    edit_meta(raw_copy, ('license_note = """The texts', 'notes = """The texts'))
    assert "license 'other' needs a license_note — say what the terms are" in validate(raw_copy)[1][0]
    edit_meta(raw_copy, ('license = "other"\n', ""), ('notes = """The texts', 'license_note = """The texts'))
    assert validate(raw_copy)[0] == 0


def test_the_readme_lists_every_meta_toml_key() -> None:
    from refresh_readme import README, refreshed

    text = README.read_text(encoding="utf-8")
    assert refreshed(text) == text, "run `python tests/refresh_readme.py`"


def test_a_meta_toml_that_is_not_utf8_or_has_a_bom(raw_copy: Path) -> None:
    meta = raw_copy / INTERVIEW / "meta.toml"
    text = meta.read_text(encoding="utf-8")
    meta.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert validate(raw_copy)[0] == 0  # a BOM is fine
    meta.write_bytes(text.encode("gb18030"))
    assert validate(raw_copy)[1][0] == f"error: {meta}: meta.toml is not UTF-8 (byte 0x81) — save it as UTF-8"


def test_a_declared_speaker_no_label_names_and_who_never_speaks_is_warned(raw_copy: Path) -> None:
    """A second interviewer declared by mistake has no label and no turn: every transcript says so."""
    edit_meta(raw_copy, ('interviewer = "Alex Heath"', 'interviewer = ["Alex Heath", "Nilay Patel"]'))
    result = runner.invoke(app, ["validate", "--raw", str(raw_copy), "--strict"])
    assert result.exit_code == 1
    warned = [line for line in result.stderr.splitlines() if "Nilay Patel is declared in meta.toml" in line]
    assert len(warned) == 2 and all("has no turn in this transcript" in line for line in warned)


@pytest.mark.parametrize("code", ["sr-Latn", "zh-Hant-TW", "yue", "es-419", "de-CH-1996", "ca-valencia"])
def test_language_codes_with_script_region_or_variant_are_accepted(raw_copy: Path, code: str) -> None:
    folder = raw_copy / INTERVIEW
    (folder / "de.txt").rename(folder / f"{code}.txt")
    meta = edit_meta(raw_copy, ("[languages.de]", f"[languages.{code}]"))
    text = meta.read_text(encoding="utf-8").replace("[languages.de.", f"[languages.{code}.")
    meta.write_text(text, encoding="utf-8")
    code_, lines = validate(raw_copy)
    assert not [line for line in lines if "language code" in line], lines


def test_labels_mapped_the_wrong_way_round_are_warned_on_that_translation(raw_copy: Path) -> None:
    """The Chinese interviewer's label given to the interviewee and back: the askers' share of the words flips."""
    edit_meta(raw_copy, ('Q = "Alex Heath"', 'Q = "Sam Altman"'), ('Sam = "Sam Altman"', 'Sam = "Alex Heath"'))
    result = runner.invoke(app, ["validate", "--raw", str(raw_copy), "--strict"])
    assert result.exit_code == 1
    warned = [line for line in result.stderr.splitlines() if "are the labels swapped" in line]
    assert len(warned) == 1 and f"{INTERVIEW}/zh.txt:" in warned[0], result.stderr
    assert "or in [languages.zh.labels]" in warned[0]


def test_a_review_naming_another_speaker_than_the_line_is_now_read_as_is_warned(raw_copy: Path) -> None:
    """The review of line 87 says it is Altman's; with another default interviewee the line is read as Murati's,
    and the review must not hide that."""
    edit_meta(raw_copy, ('default_interviewee = "Sam Altman"', 'default_interviewee = "Mira Murati"'))
    result = runner.invoke(app, ["validate", "--raw", str(raw_copy), "--strict"])
    assert result.exit_code == 1
    warned = [line for line in result.stderr.splitlines() if "review of line 87" in line]
    assert len(warned) == 1 and "names Sam Altman, but the line is now read as Mira Murati's" in warned[0]
    assert warned[0].startswith(f"{raw_copy}/{INTERVIEW}/de.txt:87: warning:")


def test_names_and_labels_compare_as_text_whatever_their_spaces_and_composition(raw_copy: Path) -> None:
    """A no-break space typed in a name in meta.toml, and a label decomposed (as macOS writes it) in the text."""
    edit_meta(
        raw_copy, ('interviewees = ["Sam Altman", "Mira Murati"]', 'interviewees = ["Sam Altman", "Mira\u00a0Murati"]')
    )
    transcript = raw_copy / INTERVIEW / "de.txt"
    transcript.write_text(transcript.read_text("utf-8").replace("\nMurati:", "\nMura\u0301ti:"), encoding="utf-8")
    edit_meta(raw_copy, ('Murati = "Mira Murati"', 'Murati = "Mira Murati"\n"Muráti" = "Mira Murati"'))
    code, errors = validate(raw_copy)
    assert code == 0 and not [line for line in errors if "error" in line], errors
