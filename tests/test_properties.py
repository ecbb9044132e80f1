"""Invariants on arbitrary input (hypothesis): the parser returns valid turns or raises the
project's own error, and every non-blank line lands in exactly one turn or segment."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa_builder.errors import QABuilderError
from qa_builder.exchanges import find_exchanges
from qa_builder.interview import account
from qa_builder.meta import InterviewMeta
from qa_builder.models import Exchange, Turn, check_contiguous
from qa_builder.parse import label_pattern, parse_paragraphs
from qa_builder.read import decode, paragraphs, split_lines

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
LABELS = label_pattern(["Q", "Bob"])

pieces = st.sampled_from(
    ["Q: ", "Q：", "Bob: ", "Bobb: ", "(aside)", "Editor's note: x", "“Heading”", "# H", "\n", "\n\n", "\r\n", "?", ":"]
)
text = st.lists(st.one_of(pieces, st.text(max_size=30)), max_size=40).map("".join)


def parse(raw: str):  # type: ignore[no-untyped-def]
    lines = split_lines(raw, "x.txt")
    parsed = parse_paragraphs(paragraphs(lines, LABELS), meta=META, lang="en", interview_id="i", path="x.txt")
    return lines, parsed


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text)
def test_parser_returns_valid_turns_or_its_own_error(raw: str) -> None:
    try:
        lines, parsed = parse(raw)
    except QABuilderError:
        return
    check_contiguous(parsed.turns)
    check_contiguous(parsed.segments)
    for turn in parsed.turns:
        assert Turn.model_validate(turn.model_dump()) == turn
    exchanges = find_exchanges(parsed.turns, parsed.segments)
    check_contiguous(exchanges)
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
