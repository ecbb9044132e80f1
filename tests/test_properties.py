"""Invariants on arbitrary input (hypothesis): the parser returns valid turns or raises the
project's own error, every non-blank line lands in exactly one turn or segment, and the
aligner puts every item of every problem in exactly one bead."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa_builder.alignment.model import SENTENCE_COSTS, TURN_COSTS, AlignItem, Bead, Costs, align, align_many
from qa_builder.errors import QABuilderError
from qa_builder.models import Exchange, Segment, Turn
from qa_builder.transcripts.exchanges import find_exchanges
from qa_builder.transcripts.interview import account
from qa_builder.transcripts.meta import InterviewMeta
from qa_builder.transcripts.parse import parse_lines
from qa_builder.transcripts.read import decode, split_lines

META = InterviewMeta.model_validate(
    {
        "title": "t",
        "publisher": "p",
        "url": "u",
        "published": "2024-01-01",
        "interviewer": "Ann",
        "interviewees": ["Bob Builder"],
        "languages": {"en": {"source": "s", "labels": {"Q": "Ann", "Bob": "Bob Builder"}}},
    }
)

pieces = st.sampled_from(
    ["Q: ", "Q：", "Bob: ", "Bobb: ", "(aside)", "Editor's note: x", "“Heading”", "# H", "\n", "\n\n", "\r\n", "?", ":"]
)
text = st.lists(st.one_of(pieces, st.text(max_size=30)), max_size=40).map("".join)


def check_contiguous(indices: list[int]) -> None:
    assert indices == list(range(len(indices)))


def parse(raw: str):  # type: ignore[no-untyped-def]
    lines = split_lines(raw, "x.txt")
    parsed = parse_lines(lines, meta=META, lang="en", interview_id="i", path="x.txt")
    return lines, parsed


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text)
def test_parser_returns_valid_turns_or_its_own_error(raw: str) -> None:
    try:
        lines, parsed = parse(raw)
    except QABuilderError:
        return
    check_contiguous([turn.turn_index for turn in parsed.turns])
    check_contiguous([segment.segment_index for segment in parsed.segments])
    for turn in parsed.turns:
        assert Turn.model_validate(turn.model_dump()) == turn
    assert all(Segment.model_validate(s.model_dump()) == s for s in parsed.segments)
    exchanges = find_exchanges(parsed.turns, parsed.segments)
    check_contiguous([exchange.exchange_index for exchange in exchanges])
    assert all(Exchange.model_validate(e.model_dump()) == e for e in exchanges)
    accounting = account(lines, parsed.turns, parsed.segments, "x.txt")
    assert accounting.lines == sum(1 for line in lines if line.text)


@settings(max_examples=200)
@given(st.binary(max_size=200))
def test_decoding_arbitrary_bytes_is_text_or_our_error(data: bytes) -> None:
    try:
        decoded = decode(data, "x.txt")
    except QABuilderError:
        return
    assert isinstance(decoded, str)


_item = st.builds(
    AlignItem,
    st.text(alphabet="abc 12?！。好X", max_size=25),
    st.sampled_from(["", "interviewer", "interviewee"]),
    st.sampled_from(["", "Ann", "Bob"]),
)
_side = st.lists(_item, max_size=9)


def _covers(beads: list[Bead], left: int, right: int) -> bool:
    """Every item in exactly one bead, beads in order, no bead empty on both sides."""
    lefts = [i for bead in beads for i in bead.left]
    rights = [j for bead in beads for j in bead.right]
    return lefts == list(range(left)) and rights == list(range(right)) and all(b.left or b.right for b in beads)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_side, _side), min_size=1, max_size=5), st.sampled_from([TURN_COSTS, SENTENCE_COSTS]))
def test_every_item_of_every_problem_is_in_exactly_one_bead(
    pairs: list[tuple[list[AlignItem], list[AlignItem]]], costs: Costs
) -> None:
    results = align_many(pairs, costs=costs)
    assert len(results) == len(pairs)
    for (left, right), beads in zip(pairs, results, strict=True):
        assert _covers(beads, len(left), len(right))
        assert all(0.0 <= bead.score <= 1.0 and bead.kind in {f"{a}-{b}" for a, b in costs.beads} for bead in beads)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.tuples(_side, _side), st.lists(st.tuples(_side, _side), max_size=3))
def test_a_problem_s_beads_do_not_depend_on_where_it_sits_in_the_batch(
    pair: tuple[list[AlignItem], list[AlignItem]], others: list[tuple[list[AlignItem], list[AlignItem]]]
) -> None:
    """Batching shares the length model, so the same pair twice in one batch gets the same beads."""
    results = align_many([pair, *others, pair], costs=SENTENCE_COSTS)
    assert results[0] == results[-1]


@settings(max_examples=50)
@given(st.integers(min_value=0, max_value=40), st.integers(min_value=0, max_value=40), st.integers(1, 3))
def test_a_narrow_band_is_widened_until_the_end_is_reached(m: int, n: int, band: int) -> None:
    left = [AlignItem("x" * (k % 7 + 1)) for k in range(m)]
    right = [AlignItem("y" * (k % 5 + 1)) for k in range(n)]
    assert _covers(align(left, right, band=band, costs=SENTENCE_COSTS), m, n)
