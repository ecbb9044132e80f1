"""The review site without a browser: what each row holds, where excluded paragraphs go, the
chart, the files written, and the command. `test_browser.py` checks the rendered page."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from qa_builder.alignment.parallel import align_interview
from qa_builder.cli import app
from qa_builder.errors import OutputError
from qa_builder.site.chart import SCORE_BANDS, length_chart
from qa_builder.site.pages import render_interview
from qa_builder.site.rows import PairRow, Piece, Review, ReviewSummary, SegmentRow, _pieces, review_interview
from qa_builder.transcripts.conventions import builtin_conventions
from qa_builder.transcripts.interview import Interview, load_interview
from qa_builder.transcripts.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
INTERVIEW_ID = "verge-altman-murati-2023"


@pytest.fixture(scope="module")
def review(interview: Interview) -> Review:
    return review_interview(interview, align_interview(interview))


def pair_rows(review: Review) -> list[PairRow]:
    return [row for row in review.rows if isinstance(row, PairRow)]


def test_one_row_per_turn_pair_in_order(review: Review) -> None:
    rows = pair_rows(review)
    assert [row.pair for row in rows] == list(range(32))
    assert [row.pair for row in rows if row.flags] == [25, 30]
    assert all(row.flags == ["speaker_mismatch"] for row in rows if row.flags)
    assert [row.pair for row in rows if row.low] == [9, 17, 27, 30, 31]


def test_the_summary_counts_what_the_page_shows(review: Review) -> None:
    summary = review.summary
    assert (summary.pairs, summary.flagged, summary.low, summary.sentence_pairs) == (32, 2, 5, 73)
    assert summary.turns == {"de": 32, "zh": 32}
    assert summary.inferred == {"de": 2, "zh": 0}
    assert summary.segments == {"de": 3, "zh": 8}
    assert len(summary.lengths) == 32 and sum(flagged for *_, flagged in summary.lengths) == 2


def test_the_inferred_speakers_are_the_two_german_turns_printed_without_a_label(review: Review) -> None:
    inferred = [
        (row.pair, lang, turn.speaker, turn.source)
        for row in pair_rows(review)
        for lang, turns in row.sides.items()
        for turn in turns
        if turn.inferred
    ]
    assert [(pair, lang) for pair, lang, _, _ in inferred] == [(29, "de"), (31, "de")]
    assert [source for *_, source in inferred] == [
        "raw/verge-altman-murati-2023/de.txt:87",
        "raw/verge-altman-murati-2023/de.txt:93–95",
    ]
    assert all(turn.label is None for row in pair_rows(review) for turn in row.sides["de"] if turn.inferred)


def test_every_excluded_segment_is_shown_once_in_file_order(review: Review, interview: Interview) -> None:
    for lang, transcript in interview.transcripts.items():
        shown = [s for row in review.rows if isinstance(row, SegmentRow) for s in row.sides.get(lang, [])]
        assert shown == transcript.segments
        # Document order: walking the rows, the lines of this language only go forward.
        lines = []
        for row in review.rows:
            if isinstance(row, SegmentRow):
                lines += [s.source.line_start for s in row.sides.get(lang, [])]
            else:
                lines += [transcript.turns[turn.index].source.line_start for turn in row.sides[lang]]
        assert lines == sorted(lines) and len(lines) == len(transcript.turns) + len(transcript.segments)


def test_turn_text_is_kept_whole_and_every_sentence_has_its_bead(review: Review, interview: Interview) -> None:
    sentences = align_interview(interview).sentences  # type: ignore[union-attr]
    beads: dict[str, Counter[str]] = {"de": Counter(), "zh": Counter()}
    for row in pair_rows(review):
        for lang, turns in row.sides.items():
            for turn in turns:
                text = "\n".join("".join(piece.text for piece in paragraph) for paragraph in turn.paragraphs)
                assert text == interview.transcripts[lang].turns[turn.index].text
                beads[lang].update(piece.bead for paragraph in turn.paragraphs for piece in paragraph if piece.bead)
    for lang in ("de", "zh"):  # every sentence of every pair, marked with the bead the dataset puts it in
        expected = {f"p{row.pair_index}-s{int(row.id.rsplit('/s', 1)[1])}": row for row in sentences}
        assert (
            beads[lang]
            == Counter({bead: len(getattr(row.sentence_indices, lang)) for bead, row in expected.items()}) - Counter()
        )
    assert len(set(beads["de"]) | set(beads["zh"])) == 73  # one id per parallel_sentences row
    assert sorted(set(beads["de"]) ^ set(beads["zh"])) == ["p28-s0"]  # the one German sentence with no partner


def test_a_dropped_turn_is_a_row_without_partner(raw_copy: Path) -> None:
    zh = raw_copy / INTERVIEW_ID / "zh.txt"
    lines = zh.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[26].lstrip().startswith("Q:")
    del lines[26]
    zh.write_text("".join(lines), encoding="utf-8")
    interview = load_interview(raw_copy / INTERVIEW_ID)
    review = review_interview(interview, align_interview(interview))
    alone = [row for row in pair_rows(review) if row.pair is None]
    assert alone and all(row.score is None and not all(row.sides.values()) for row in alone)
    assert review.summary.unpaired == {"de": 2, "zh": 1}
    assert sum(len(turns) for row in alone for turns in row.sides.values()) == 3
    assert '<tr class="pair alone">' in render_interview(review, "")


def test_an_interview_in_one_language_lists_its_turns(interview: Interview) -> None:
    german_only = Interview(interview.id, interview.meta, {"de": interview.transcripts["de"]})
    review = review_interview(german_only, None)
    rows = pair_rows(review)
    assert len(rows) == 32 and all(row.pair is None and row.bead == "1" for row in rows)
    assert review.summary.pairs == 0 and review.summary.lengths == []


def test_the_chart_has_one_dot_per_pair_coloured_by_score(review: Review) -> None:
    svg = length_chart(review.summary, link="page.html")
    root = ElementTree.fromstring(svg)  # well-formed XML, so it is also a valid image file
    namespace = "{http://www.w3.org/2000/svg}"
    dots = [c for c in root.iter(f"{namespace}circle") if "data-pair" in c.attrib]
    assert [int(dot.attrib["data-pair"]) for dot in dots] == list(range(32))
    colours = {colour: bound for bound, colour, _ in SCORE_BANDS}
    for dot, (_, _, score, flagged) in zip(dots, review.summary.lengths, strict=True):
        bound = colours[dot.attrib["fill"]]
        assert score >= bound and all(score < other for other in colours.values() if other > bound)
        assert (dot.attrib["stroke"] == "#000") == flagged
    assert length_chart(review.summary, link="page.html") == svg  # same pairs, same bytes


def test_an_empty_chart_is_still_an_image() -> None:
    svg = length_chart(ReviewSummary("x", "X", "", ["de"], {"de": 3}))
    assert ElementTree.fromstring(svg).tag.endswith("svg") and "data-pair" not in svg


def test_text_is_escaped(interview: Interview) -> None:
    review = review_interview(interview, align_interview(interview))
    summary = review.summary
    hostile = Review(
        ReviewSummary(summary.interview_id, "<script>alert(1)</script>", 'x" onload="y', summary.languages, {}),
        review.rows,
    )
    page = render_interview(hostile, "")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="x&quot; onload=&quot;y"' in page


def test_write_report_writes_the_index_a_page_and_a_chart_per_interview(tmp_path: Path) -> None:
    from qa_builder.site.write import write_report

    out = tmp_path / "report"
    summaries = write_report(ROOT / "raw", out)
    assert [s.interview_id for s in summaries] == [INTERVIEW_ID]
    assert sorted(p.name for p in out.iterdir()) == [
        ".qa-builder",
        "index.html",
        f"{INTERVIEW_ID}.html",
        f"{INTERVIEW_ID}.svg",
    ]
    page = (out / f"{INTERVIEW_ID}.html").read_text(encoding="utf-8")
    assert (out / f"{INTERVIEW_ID}.svg").read_text(encoding="utf-8") in page  # the card's chart is the page's
    assert "http" not in page.replace(summaries[0].url, "").replace("http://www.w3.org/2000/svg", "")


def test_the_dataset_ships_the_same_report(tmp_path: Path) -> None:
    from qa_builder.site.write import write_report

    write_report(ROOT / "raw", tmp_path / "report")
    for name in ("index.html", f"{INTERVIEW_ID}.html", f"{INTERVIEW_ID}.svg"):
        assert (tmp_path / "report" / name).read_bytes() == (ROOT / "dist" / "report" / name).read_bytes()


def test_write_report_refuses_a_file_as_output(tmp_path: Path) -> None:
    from qa_builder.site.write import write_report

    (tmp_path / "report").write_text("x")
    with pytest.raises(OutputError, match="the output path is a file"):
        write_report(ROOT / "raw", tmp_path / "report")


def test_report_command(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", "--out", str(tmp_path / "site")])
    assert result.exit_code == 0
    assert result.stdout == f"wrote {tmp_path / 'site' / 'index.html'}: 1 interview(s), 32 turn pairs, 2 flagged\n"
    assert result.stderr == ""  # the shipped interviews' inferences are reviewed in meta.toml


def test_report_command_on_a_missing_raw_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "site")])
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"error: {tmp_path / 'nope'}: the raw folder does not exist — pass --raw the folder that holds one folder "
        "per interview\n"
    )
    assert not (tmp_path / "site").exists()


_CHARACTERS = st.sampled_from(list("ab Zß。！？!?….,“”„\"'() \t12好了<&>") + ["z. B.", "  ", "……"])


@given(st.lists(_CHARACTERS, max_size=40).map("".join), st.sampled_from(["de", "zh", "en"]))
def test_a_paragraph_cut_into_sentence_pieces_keeps_every_character(paragraph: str, lang: str) -> None:
    sentences = split_sentences(paragraph, builtin_conventions(lang).sentences)
    pieces = _pieces(paragraph, [Piece(sentence, f"s{k}") for k, sentence in enumerate(sentences)])
    assert "".join(piece.text for piece in pieces) == paragraph
    assert [piece.text for piece in pieces if piece.bead] == sentences
