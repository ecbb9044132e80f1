"""Sentence segmentation, one rule per test row, and the invariant that nothing is lost."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from qa_builder.transcripts.conventions import SentenceRules, builtin_conventions
from qa_builder.transcripts.sentences import split_sentences

ZH = builtin_conventions("zh").sentences
DE = builtin_conventions("de").sentences
EN = builtin_conventions("en").sentences

RULES = [
    # Chinese
    ("zh", "好。好！好？", ["好。", "好！", "好？"]),
    ("zh", "好!好?好", ["好!", "好?", "好"]),
    ("zh", "我还没准备好……如果非让我说", ["我还没准备好……", "如果非让我说"]),
    ("zh", "我回答道,“好啊,我当然愿意回去。”然后", ["我回答道,“好啊,我当然愿意回去。”", "然后"]),
    ("zh", "“完善治理结构”是什么意思?OpenAI 的结构", ["“完善治理结构”是什么意思?", "OpenAI 的结构"]),
    ("zh", "这是结尾.下一句", ["这是结尾.", "下一句"]),
    ("zh", "全角句号．半角句号｡完", ["全角句号．", "半角句号｡", "完"]),
    ("zh", "他问(真的吗?)然后", ["他问(真的吗?)", "然后"]),
    ("zh", "增长了 3.5 倍。", ["增长了 3.5 倍。"]),
    ("zh", "关于 Q*的报道", ["关于 Q*的报道"]),
    ("zh", "第一段。\n第二段", ["第一段。", "第二段"]),
    # German
    ("de", "Ja. Nein.", ["Ja.", "Nein."]),
    ("de", "Das ist z. B. hier so.", ["Das ist z. B. hier so."]),
    ("de", "Das heißt d. h. nichts.", ["Das heißt d. h. nichts."]),
    ("de", "Er kam bzw. Die Frau kam.", ["Er kam bzw. Die Frau kam."]),
    ("de", "Am 17. November kam er.", ["Am 17. November kam er."]),
    ("de", "Das war 2023. Dann kam er.", ["Das war 2023.", "Dann kam er."]),
    ("de", "Sam A. Altman kam.", ["Sam A. Altman kam."]),
    ("de", "Er sagte: „Gut.“ Dann ging er.", ["Er sagte: „Gut.“", "Dann ging er."]),
    ("de", "„Warum?“, fragte er.", ["„Warum?“, fragte er."]),
    ("de", "Beim Q*-Modell. Das ist neu.", ["Beim Q*-Modell.", "Das ist neu."]),
    ("de", "Version 3.5 ist da.", ["Version 3.5 ist da."]),
    ("de", "Ich bin nicht bereit … Ich kann nicht.", ["Ich bin nicht bereit …", "Ich kann nicht."]),
    ("de", "Angst, Sorge … scheint jeder zu haben.", ["Angst, Sorge … scheint jeder zu haben."]),
    ("de", "Es sind ca. zehn.", ["Es sind ca. zehn."]),
    ("de", "Was? Wirklich!", ["Was?", "Wirklich!"]),
    ("de", "Was?! Nein... Doch.", ["Was?!", "Nein...", "Doch."]),
    ("de", "Er sagte »Gut.« Dann ging er.", ["Er sagte »Gut.«", "Dann ging er."]),
    ("de", 'Er sagte: "Gut." Dann ging er.', ['Er sagte: "Gut."', "Dann ging er."]),
    ("de", "Es kostet 5 Mio. Euro. Viel.", ["Es kostet 5 Mio. Euro.", "Viel."]),
    ("de", "Erster Absatz.\nzweiter Absatz", ["Erster Absatz.", "zweiter Absatz"]),
    ("de", "Siehe openai.com. Dort steht es.", ["Siehe openai.com.", "Dort steht es."]),
    # Latin-script defaults
    ("en", "Mr. Altman spoke. Then he left.", ["Mr. Altman spoke.", "Then he left."]),
    ("en", "He left (twice.) Then", ["He left (twice.)", "Then"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), RULES)
def test_rule(lang: str, text: str, expected: list[str]) -> None:
    rules = {"zh": ZH, "de": DE, "en": EN}[lang]
    assert split_sentences(text, rules) == expected


def test_interview_abbreviations_add_to_the_language_s() -> None:
    extra = SentenceRules.model_validate({"abbreviations": ["Abk"]})
    rules = DE.merged(extra)
    assert split_sentences("Die Abk. Dann mehr.", rules) == ["Die Abk. Dann mehr."]
    assert split_sentences("Die Abk. Dann mehr.", DE) == ["Die Abk.", "Dann mehr."]
    assert "usw" in rules.abbreviations


def test_a_bad_pattern_is_refused_when_conventions_load() -> None:
    with pytest.raises(ValueError, match="bad regular expression"):
        SentenceRules.model_validate({"end": "[."})


_ALPHABET = st.sampled_from(list("ab Zß。！？!?….,“”„\"'()\n 12好 了Q*") + ["z. B.", "17. November", "……"])


@given(st.lists(_ALPHABET, max_size=40).map("".join), st.sampled_from([ZH, DE, EN]))
def test_nothing_is_lost_and_nothing_is_blank(text: str, rules: SentenceRules) -> None:
    sentences = split_sentences(text, rules)
    assert regex.sub(r"\s", "", "".join(sentences)) == regex.sub(r"\s", "", text)
    assert all(sentence and sentence == sentence.strip() for sentence in sentences)
