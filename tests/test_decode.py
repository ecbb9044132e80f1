"""Decoding: encodings, byte-order marks and line endings, with the file's own line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_builder.dataset.build import process_interview
from qa_builder.errors import BinaryFileError, DecodeError
from qa_builder.transcripts.read import decode, split_lines

ROOT = Path(__file__).resolve().parent.parent
ZH = (ROOT / "raw/verge-altman-murati-2023/zh.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: t.encode("utf-8-sig"),
        lambda t: t.encode("utf-16"),
        lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
        lambda t: t.encode("utf-32"),
    ],
    ids=["utf-8", "utf-8 BOM", "utf-16 LE BOM", "utf-16 BE BOM", "utf-32 BOM"],
)
def test_unicode_with_and_without_bom(encode) -> None:  # type: ignore[no-untyped-def]
    assert decode(encode(ZH), "zh.txt", lang="zh") == ZH


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_line_endings_keep_the_files_line_numbers(ending: str) -> None:
    lines = split_lines(ZH.replace("\n", ending), "zh.txt")
    assert [(line.number, line.text) for line in lines] == [
        (line.number, line.text) for line in split_lines(ZH, "zh.txt")
    ]


def with_file(raw: Path, lang: str, data: bytes, meta_line: str | None = None) -> dict[str, object]:
    folder = raw / "verge-altman-murati-2023"
    (folder / f"{lang}.txt").write_bytes(data)
    if meta_line:
        meta = (folder / "meta.toml").read_text(encoding="utf-8")
        meta = meta.replace(f"[languages.{lang}]\n", f"[languages.{lang}]\n{meta_line}\n")
        (folder / "meta.toml").write_text(meta, encoding="utf-8")
    result = process_interview(folder)
    return {"turns": [r for r in result.rows["turns"] if r["lang"] == lang]}


def test_a_declared_legacy_encoding_gives_the_same_turns(raw_copy: Path) -> None:
    reference = with_file(raw_copy, "zh", ZH.encode("utf-8"))
    assert with_file(raw_copy, "zh", ZH.encode("gb18030"), 'encoding = "gb18030"') == reference


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_reads_once_declared_and_init_drafts_it(raw_copy: Path, encoding: str) -> None:
    from qa_builder.transcripts.draft import draft_meta

    reference = with_file(raw_copy, "zh", ZH.encode("utf-8"))
    assert with_file(raw_copy, "zh", ZH.encode(encoding), f'encoding = "{encoding}"') == reference
    assert f'encoding = "{encoding}"' in draft_meta(raw_copy / "verge-altman-murati-2023")


def test_utf16_without_a_bom_declared_utf16_names_the_byte_order_to_declare() -> None:
    with pytest.raises(DecodeError) as raised:
        decode(ZH.encode("utf-16-be"), "zh.txt", encoding="utf-16")
    assert 'the file is utf-16-be without a byte order mark: declare encoding = "utf-16-be"' in str(raised.value)


def test_windows_line_endings_and_bom_give_the_same_turns(raw_copy: Path) -> None:
    reference = with_file(raw_copy, "zh", ZH.encode("utf-8"))
    assert with_file(raw_copy, "zh", ZH.replace("\n", "\r\n").encode("utf-8-sig")) == reference


def test_a_wrong_declaration_is_refused_rather_than_garbled() -> None:
    with pytest.raises(DecodeError, match="declares 'latin-1' but the file is valid UTF-8"):
        decode(ZH.encode("utf-8"), "zh.txt", encoding="latin-1")


def test_an_unknown_encoding_name() -> None:
    with pytest.raises(DecodeError, match="unknown encoding 'klingon'"):
        decode(b"Q: x", "zh.txt", encoding="klingon")


def test_a_control_character_is_reported_with_its_line_and_column() -> None:
    with pytest.raises(DecodeError) as caught:
        split_lines("Q: fine\n\nA: bad\x07 bell", "x.txt")
    assert (
        str(caught.value)
        == "x.txt:3:7: control character U+0007 in the text — delete it from the file (it is not printable text)"
    )
    assert (caught.value.line, caught.value.col) == (3, 7)


def test_a_cp1252_file_declared_latin_1_is_refused_where_it_would_hold_control_characters() -> None:
    """cp1252's quotes and dashes are C1 control characters in latin-1: no text holds them, so the declaration is
    wrong, and the file's line and column say where."""
    data = "F: Warum?\n\nA: Er sagte „gut“.\n".encode("cp1252")
    with pytest.raises(DecodeError, match=r"control character U\+0084: the file is in another encoding") as caught:
        decode(data, "de.txt", encoding="latin-1")
    assert (caught.value.line, caught.value.col) == (3, 13)
    assert decode(data, "de.txt", encoding="cp1252").endswith("„gut“.\n")
    assert decode("Café crème\n".encode("latin-1"), "fr.txt", encoding="latin-1") == "Café crème\n"


GERMAN = "F: Warum sind Sie zurückgekehrt?\n\nA: Weil meine Familie hier lebt; wir haben große Pläne, für später.\n" * 4
RUSSIAN = "В: Почему вы вернулись?\n\nО: Потому что моя семья живёт здесь, и мы строим планы.\n" * 3
HONG_KONG = (
    "記：你哋間舖頭開咗幾耐？點解仲未執笠？\n黎：開咗三十年喇。佢哋成日話我哋嘅生意唔得，但係啲熟客仲係返嚟㗎。"
    "我哋係一間細舖頭，不過大家都好熟。你問我點解未執笠，我話你知，係因為人情味。"
)
"""Cantonese written in Traditional characters, some only in Big5-HKSCS (哋, 咗, 㗎)."""
TAIWANESE = "問：您為什麼回到台南？你說了什麼？\n\n答：因為我的家人都在這裡，他們也想我回來。\n" * 4


@pytest.mark.parametrize(
    ("data", "declared", "lang", "message", "fix"),
    [
        (
            ZH.encode("gb18030"),
            "latin-1",
            "zh",
            r"only 0% of the \d+ letters beyond ASCII are in the Han script",
            "gb18030",
        ),
        (
            GERMAN.encode("cp1252"),
            "gb18030",
            "de",
            r"only 0% of the \d+ letters beyond ASCII are in the Latin",
            "cp1252",
        ),
        (
            RUSSIAN.encode("cp1251"),
            "latin-1",
            "ru",
            r"only 0% of the \d+ letters beyond ASCII are in the Cyrillic",
            "cp1251",
        ),
        (RUSSIAN.encode("koi8_r"), "cp1251", "ru", r"reads \d of the characters frequent in 'ru' text", "koi8_r"),
        (RUSSIAN.encode("cp1251"), "koi8_r", "ru", r"reads \d of the characters frequent in 'ru' text", "cp1251"),
        (GERMAN.encode("mac_roman"), "cp1252", "de", r"reads 0 of the characters frequent in 'de' text", "mac_roman"),
        (GERMAN.encode("cp1252"), "mac_roman", "de", r"reads 0 of the characters frequent in 'de' text", "cp1252"),
        (TAIWANESE.encode("big5"), "cp1252", "zh-Hant", r"only 0% of the \d+ letters", "big5"),
        (
            TAIWANESE.encode("big5"),
            "gb18030",
            "zh-Hant",
            r"it reads 0 of the characters frequent in 'zh-Hant' text",
            "big5",
        ),
        (HONG_KONG.encode("big5hkscs"), "gb18030", "zh-Hant", r"characters frequent in 'zh-Hant' text", "big5hkscs"),
    ],
    ids=[
        "gb18030 as latin-1",
        "cp1252 as gb18030",
        "cp1251 as latin-1",
        "koi8-r as cp1251",
        "cp1251 as koi8-r",
        "mac roman as cp1252",
        "cp1252 as mac roman",
        "big5 as cp1252",
        "big5 as gb18030",
        "big5-hkscs as gb18030",
    ],
)
def test_a_declared_encoding_that_garbles_the_languages_letters_is_refused_naming_the_right_one(
    data: bytes, declared: str, lang: str, message: str, fix: str
) -> None:
    """Decoding as declared raises no error and leaves no control character, but the letters are another script's
    (or, Big5 read as GB18030, Han that is never the frequent characters): the file's encoding is named."""
    with pytest.raises(DecodeError, match=message) as caught:
        decode(data, f"{lang}.txt", encoding=declared, lang=lang)
    assert f'declare `encoding = "{fix}"` under [languages.{lang}]' in str(caught.value)
    assert decode(data, f"{lang}.txt", encoding=fix, lang=lang).startswith(data.decode(fix)[:5])


@pytest.mark.parametrize(
    ("text", "encoding", "lang"),
    [
        (GERMAN, "latin-1", "de"),
        (GERMAN, "cp1252", "de"),
        (GERMAN, "mac_roman", "de"),
        (GERMAN.upper(), "cp1252", "de"),
        (ZH, "gbk", "zh"),
        (TAIWANESE, "big5", "zh"),
        (RUSSIAN, "koi8_r", "ru"),
        (RUSSIAN, "cp1251", "ru"),
        (RUSSIAN.upper(), "cp1251", "ru"),
        (RUSSIAN.upper(), "koi8_r", "ru"),
    ],
)
def test_a_right_declaration_passes_the_script_check(text: str, encoding: str, lang: str) -> None:
    assert decode(text.encode(encoding), f"{lang}.txt", encoding=encoding, lang=lang) == text


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}F: Warum?\\par\n}", "an RTF document"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a zip archive"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "a Word 97"),
    ],
    ids=["rtf", "docx", "pdf", "doc"],
)
def test_a_document_saved_as_txt_is_refused_for_what_it_is(data: bytes, what: str) -> None:
    """A word processor's file decodes without error in some encoding; its codes would be the turns' text."""
    with pytest.raises(BinaryFileError, match=f"the file is {what}") as caught:
        decode(data, "de.txt", encoding="cp1252")
    assert "save it as plain text (UTF-8)" in str(caught.value)


@pytest.mark.parametrize(
    ("data", "declared"),
    [
        (GERMAN.encode("utf-8").decode("cp1252").encode("utf-8"), None),  # read as cp1252 once, saved as UTF-8
        (GERMAN.encode("utf-8") + GERMAN.encode("cp1252"), "cp1252"),  # a mixed file, declared cp1252
    ],
    ids=["garbled, saved as UTF-8", "mixed, declared cp1252"],
)
def test_utf8_read_as_cp1252_in_the_text_is_refused(data: bytes, declared: str | None) -> None:
    with pytest.raises(DecodeError, match=r"holds UTF-8 read as cp1252: 'Ã¼' is 'ü'"):
        decode(data, "de.txt", encoding=declared, lang="de")


def test_a_utf8_file_with_a_paragraph_in_cp1252_is_said_to_mix_two_encodings() -> None:
    with pytest.raises(DecodeError, match="mixes two encodings") as caught:
        decode(GERMAN.encode("utf-8") + GERMAN.encode("cp1252"), "de.txt", lang="de")
    assert caught.value.line == 13  # the first line in cp1252


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("P: Você já foi a São Paulo?\n\nR: Sim, à noite, às vezes. ÃO é só um exemplo.\n", "pt"),
        ("F: Und dann?\n\nA: Ich weiß… ich weiß nicht. Das weiß… keiner. „Große“ Fragen.\n", "de"),
    ],
)
def test_accented_letters_before_punctuation_are_no_garbled_text(text: str, lang: str) -> None:
    assert decode(text.encode("utf-8"), f"{lang}.txt", lang=lang) == text


def test_a_cp1252_english_file_with_irish_names_is_read_as_declared() -> None:
    """English has no frequent letters beyond ASCII: ``Ó`` and ``Ñ`` read as Mac Roman are quotes, not evidence."""
    text = "Q: Why?\n\nÓ Ríordáin: Because Ñandú said so.\n" * 10
    assert decode(text.encode("cp1252"), "en.txt", encoding="cp1252", lang="en") == text


def test_text_is_composed_and_loses_invisible_characters_a_soft_hyphen_ending_a_line_is_a_hyphen() -> None:
    text = "Altma\u0308n\u200e:\u00a0Die Vor\u00adstands\u00ad\nmitglieder\u200b sagen \u202bNein."
    lines = split_lines(text, "de.txt")
    assert [line.text for line in lines] == ["Altmän: Die Vorstands-", "mitglieder sagen Nein."]


@pytest.mark.parametrize(
    ("char", "message"),
    [("\u0085", r"control character U\+0085"), ("\u2028", r"line separator U\+2028")],
)
def test_a_c1_control_or_a_unicode_line_separator_is_refused_where_it_is(char: str, message: str) -> None:
    with pytest.raises(DecodeError, match=message) as caught:
        split_lines(f"Q: Why?\n\nA: Because.{char}Q: And?", "en.txt")
    assert (caught.value.line, caught.value.col) == (3, 12)


def test_a_file_whose_lines_all_end_in_unicode_line_separators_is_no_binary_file() -> None:
    with pytest.raises(DecodeError, match=r"line separator U\+2028") as caught:
        split_lines("\u2028".join(["Q: Why?", "A: Because.", "Q: And?", "A: So."] * 5), "en.txt")
    assert (caught.value.line, caught.value.col) == (1, 8)


def test_a_declared_encoding_that_cannot_decode_the_file_names_the_one_that_does() -> None:
    """Diet minutes saved as EUC-JP, declared ``shift_jis``: the error names ``euc_jp``, which decodes them."""
    data = "○桐生真澄君　林野庁に伺います。譲与額はいくらですか。\n○大河内聡君　お答えいたします。\n".encode("euc_jp")
    with pytest.raises(DecodeError, match=r'not valid shift_jis .* declare encoding = "euc_jp"'):
        decode(data, "ja.txt", encoding="shift_jis", lang="ja")
