"""The aligner on variants of the real transcripts: exchanges deleted, turns merged or split.

Each test builds the variant from the raw files, knows the true pairs, and
reports precision and recall of the aligner's pairs (run with -s to see them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest

from qa_builder import align_sentences
from qa_builder.alignment.model import AlignItem, align, bead_pairs
from qa_builder.alignment.parallel import turn_items
from qa_builder.transcripts.interview import Interview

Side = list[tuple[AlignItem, set[int]]]  # each item with the original turn indices it holds


def sides(interview: Interview) -> tuple[Side, Side]:
    de, zh = (
        [
            (item, {t.turn_index})
            for item, t in zip(
                turn_items(interview.transcripts[lang].turns), interview.transcripts[lang].turns, strict=True
            )
        ]
        for lang in ("de", "zh")
    )
    return de, zh


def delete(side: Side, originals: set[int]) -> Side:
    return [(item, held) for item, held in side if not held & originals]


def merge(side: Side, first: int) -> Side:
    (a, held_a), (b, held_b) = side[first], side[first + 1]
    merged = replace(a, text=a.text + "\n" + b.text)
    return [*side[:first], (merged, held_a | held_b), *side[first + 2 :]]


def split(side: Side, index: int) -> Side:
    item, held = side[index]
    paragraphs = item.text.split("\n")
    cut = len(paragraphs) // 2
    parts = [replace(item, text="\n".join(p)) for p in (paragraphs[:cut], paragraphs[cut:])]
    return [*side[:index], (parts[0], held), (parts[1], held), *side[index + 1 :]]


def score(de: Side, zh: Side) -> tuple[float, float]:
    truth = {(i, j) for i, (_, a) in enumerate(de) for j, (_, b) in enumerate(zh) if a & b}
    got = bead_pairs(align([item for item, _ in de], [item for item, _ in zh]))
    hits = len(got & truth)
    return hits / max(len(got), 1), hits / max(len(truth), 1)


EXCHANGES = [{2 * k, 2 * k + 1} for k in range(15)]


def report(name: str, results: Sequence[tuple[float, float]]) -> tuple[float, float]:
    precision = sum(p for p, _ in results) / len(results)
    recall = sum(r for _, r in results) / len(results)
    print(f"\n{name}: {len(results)} variants, mean precision {precision:.3f}, mean recall {recall:.3f}")
    return precision, recall


def test_the_real_interview_aligns_as_its_reviewed_snapshot(interview: Interview, verge: dict[str, Any]) -> None:
    de, zh = sides(interview)
    beads = align([i for i, _ in de], [i for i, _ in zh])
    assert [[list(b.left), list(b.right)] for b in beads] == verge["pairs"]["de-zh"]["beads"]
    assert [i for i, b in enumerate(beads) if b.flags] == verge["pairs"]["de-zh"]["flagged"]


@pytest.mark.parametrize("lang", ["de", "zh"])
def test_one_exchange_deleted_on_one_side(interview: Interview, lang: str) -> None:
    de, zh = sides(interview)
    results = [score(delete(de, ex), zh) if lang == "de" else score(de, delete(zh, ex)) for ex in EXCHANGES]
    assert report(f"one exchange deleted from {lang}", results) == (1.0, 1.0)


def test_the_same_exchange_deleted_on_both_sides(interview: Interview) -> None:
    de, zh = sides(interview)
    results = [score(delete(de, ex), delete(zh, ex)) for ex in EXCHANGES]
    assert report("same exchange deleted from both", results) == (1.0, 1.0)


def test_different_exchanges_deleted_on_each_side(interview: Interview) -> None:
    de, zh = sides(interview)
    results = [score(delete(de, a), delete(zh, b)) for a in EXCHANGES for b in EXCHANGES if a != b]
    precision, recall = report("different exchanges deleted from each side", results)
    assert precision >= 0.97 and recall >= 0.97


@pytest.mark.parametrize("lang", ["de", "zh"])
def test_two_turns_merged_on_one_side(interview: Interview, lang: str) -> None:
    de, zh = sides(interview)
    results = [score(merge(de, k), zh) if lang == "de" else score(de, merge(zh, k)) for k in range(31)]
    precision, recall = report(f"two turns merged in {lang}", results)
    assert precision >= 0.97 and recall >= 0.97


@pytest.mark.parametrize("lang", ["de", "zh"])
def test_a_multi_paragraph_turn_split_on_one_side(interview: Interview, lang: str) -> None:
    de, zh = sides(interview)
    side = de if lang == "de" else zh
    splittable = [k for k, (item, _) in enumerate(side) if "\n" in item.text]
    results = [score(split(de, k), zh) if lang == "de" else score(de, split(zh, k)) for k in splittable]
    assert report(f"a turn split in {lang}", results) == (1.0, 1.0)


def test_alignment_is_deterministic(interview: Interview) -> None:
    de, zh = sides(interview)
    left, right = delete(de, EXCHANGES[3]), zh
    first = align([i for i, _ in left], [i for i, _ in right])
    assert all(align([i for i, _ in left], [i for i, _ in right]) == first for _ in range(3))


NAMES_ZH = [
    "张建国是河口镇的渔民，一辈子没离开过那片海。",
    "他天不亮就出海，天黑才回来。",
    "女儿秀英在上海读书。",
    "她很少回家，电话也不多。",
    "每到过年，建国就去码头等船。",
    "秀英总是最后一个下船。",
    "她给父亲带了一件新棉袄。",
    "建国嘴上说不要，却穿了一整个冬天。",
]
NAMES_EN = [
    "Zhang Jianguo was a fisherman in Hekou and had never left that stretch of sea.",
    "He went out before dawn and came back after dark.",
    "His daughter Xiuying was at university in Shanghai; she seldom came home and seldom called.",
    "Every New Year Jianguo went down to the pier to wait for the boat.",
    "Xiuying was always the last one off.",
    "She had brought her father a new padded coat.",
    "He said he did not need it.",
    "He wore it all winter.",
]


def test_chinese_names_spelt_in_pinyin_are_anchors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lengths alone align this story one to one and slide; the names (秀英 / Xiuying, 建国 / Jianguo) hold the
    2–1 and the 1–2 where the translator merged and split."""
    gold = [([0], [0]), ([1], [1]), ([2, 3], [2]), ([4], [3]), ([5], [4]), ([6], [5]), ([7], [6, 7])]
    assert align_sentences(NAMES_ZH, NAMES_EN, left_lang="zh", right_lang="en") == gold
    assert align_sentences(NAMES_EN, NAMES_ZH, left_lang="en", right_lang="zh") == [
        (right, left) for left, right in gold
    ]
    monkeypatch.setattr("qa_builder.alignment.items.romanization", lambda lang: None)  # no names
    assert align_sentences(NAMES_ZH, NAMES_EN, left_lang="zh", right_lang="en") != gold


def test_a_name_is_found_under_any_reading_of_its_characters() -> None:
    from qa_builder.alignment.romanized import NameAnchors

    found = NameAnchors.of(["Zhang Jianguo wrote to Xiuying from Chongqing."])
    assert found is not None
    assert found.native("张建国从重庆给秀英写信。") == ["zhangjianguo", "chongqing", "xiuying"]
    assert NameAnchors.of(["The sea in London."]) is None  # no pinyin name at all
    one = NameAnchors.of(["Old Wang went to the sea, not Wang Li."])
    assert one is not None and one.native("他往海边走。") == [] and one.native("老王往海边走。") == ["wang"]


def test_names_a_cyrillic_side_declines_are_anchors_by_their_transliterated_start() -> None:
    """``Петрова`` (genitive) and ``Petrov`` start alike once transliterated; a sentence-initial word
    (``Каждую``) has no Latin partner and adds nothing; the other direction of the pair reads the same."""
    from qa_builder.alignment.items import name_anchors

    russian = [AlignItem("Каждую весну Анна ждала Петрова у причала."), AlignItem("Зимой было тихо.")]
    english = [AlignItem("Every spring Anna waited for Petrov at the pier."), AlignItem("Winter was quiet every year.")]
    found = name_anchors([(russian, english)], ("ru", "en"))
    assert found is not None and found[0] == 0
    assert found[1].native(russian[0].text) == ["~anna", "~petr"]
    assert found[1].latin(english[0].text) == ["~anna", "~petr"]
    swapped = name_anchors([(english, russian)], ("en", "uk"))
    assert swapped is not None and swapped[0] == 1
    assert name_anchors([(russian, english)], ("ru", "zh")) is None  # neither side spells in Latin letters


def test_names_a_greek_side_declines_are_anchors_too() -> None:
    from qa_builder.alignment.items import name_anchors

    greek = [AlignItem("Ο Παπαδόπουλος συνάντησε την Ελένη στη Θεσσαλονίκη."), AlignItem("Ήταν Τρίτη.")]
    english = [AlignItem("Papadopoulos met Eleni in Thessaloniki."), AlignItem("It was a quiet day, a tuesday.")]
    found = name_anchors([(greek, english)], ("el", "en"))
    assert found is not None
    assert found[1].native(greek[0].text) == found[1].latin(english[0].text) == ["~papa", "~elen", "~thes"]
