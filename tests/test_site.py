"""The review site without a browser: what each row holds, where excluded text goes, the chart, the
files written, and the command. `test_browser.py` checks the rendered pages; expectations about the
Verge interview come from its reviewed snapshot."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections import Counter, deque
from pathlib import Path
from typing import Any

import pytest
from conftest import VERGE, raw_with
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from qa_builder.alignment.parallel import align_interview
from qa_builder.cli import app
from qa_builder.errors import OutputError
from qa_builder.site.chart import SCORE_BANDS, length_chart
from qa_builder.site.pages import render_page
from qa_builder.site.rows import Dot, Page, PairRow, Piece, SegmentRow, _pieces, interview_pages
from qa_builder.site.write import write_site
from qa_builder.summary import summarize
from qa_builder.transcripts.conventions import builtin_conventions
from qa_builder.transcripts.interview import Interview, load_interview
from qa_builder.transcripts.sentences import split_sentences

PAIR = "de-zh"


def pages_of(interview: Interview) -> list[Page]:
    alignments = align_interview(interview)
    return interview_pages(interview, alignments, summarize(interview, alignments))


@pytest.fixture(scope="module")
def page(interview: Interview) -> Page:
    (found,) = pages_of(interview)
    return found


def pair_rows(page: Page) -> list[PairRow]:
    return [row for row in page.rows if isinstance(row, PairRow)]


def test_one_row_per_turn_bead_in_order_with_the_snapshot_s_flags_and_scores(page: Page, verge: dict[str, Any]) -> None:
    expected = verge["pairs"][PAIR]
    rows = pair_rows(page)
    assert len(rows) == len(expected["beads"])
    assert [row.pair for row in rows if row.pair is not None] == list(range(len(page.dots)))
    assert [row.pair for row in rows if row.issues] == expected["flagged"]
    assert [row.pair for row in rows if row.low] == expected["low"]


def test_the_page_counts_what_it_shows(page: Page, verge: dict[str, Any]) -> None:
    assert page.pair is not None and page.pair.flagged == len(verge["pairs"][PAIR]["flagged"])
    assert page.pair.sentence_pairs == verge["pairs"][PAIR]["sentence_pairs"]
    shown_inferred = sum(turn.inferred for row in pair_rows(page) for side in row.sides.values() for turn in side)
    assert shown_inferred == sum(page.summary.inferred.values())
    assert len(page.dots) == page.pair.turn_pairs and sum(dot.flagged for dot in page.dots) == page.pair.flagged


def test_inferred_speakers_are_the_turns_printed_without_a_label(page: Page, verge: dict[str, Any]) -> None:
    inferred = {
        (lang, turn.index)
        for row in pair_rows(page)
        for lang, side in row.sides.items()
        for turn in side
        if turn.inferred
    }
    expected = {(lang, t[0]) for lang, found in verge["transcripts"].items() for t in found["turns"] if t[1] is None}
    assert inferred == expected and inferred
    assert all(
        turn.label is None for row in pair_rows(page) for side in row.sides.values() for turn in side if turn.inferred
    )


def test_every_excluded_segment_is_shown_once_in_file_order(page: Page, interview: Interview) -> None:
    for lang, transcript in interview.transcripts.items():
        shown = [s for row in page.rows if isinstance(row, SegmentRow) for s in row.sides.get(lang, [])]
        assert shown == transcript.segments
        lines = []
        for row in page.rows:
            if isinstance(row, SegmentRow):
                lines += [s.source.line_start for s in row.sides.get(lang, [])]
            else:
                lines += [transcript.turns[turn.index].source.line_start for turn in row.sides[lang]]
        assert lines == sorted(lines) and len(lines) == len(transcript.turns) + len(transcript.segments)


def test_turn_text_is_kept_whole_and_every_sentence_has_its_bead(page: Page, interview: Interview) -> None:
    (alignment,) = align_interview(interview)
    beads: dict[str, Counter[str]] = {"de": Counter(), "zh": Counter()}
    for row in pair_rows(page):
        for lang, turns in row.sides.items():
            for turn in turns:
                text = "\n".join("".join(piece.text for piece in paragraph) for paragraph in turn.paragraphs)
                assert text == interview.transcripts[lang].turns[turn.index].text
                beads[lang].update(piece.bead for paragraph in turn.paragraphs for piece in paragraph if piece.bead)
    for pair, aligned in zip(alignment.turns, alignment.sentence_alignments, strict=True):
        for local, bead in enumerate(aligned.beads):
            assert beads["de"][f"p{pair.pair_index}-s{local}"] == len(bead.left)
            assert beads["zh"][f"p{pair.pair_index}-s{local}"] == len(bead.right)
    alone = {f"p{row.pair_index}-s{row.bead_index}" for row in alignment.unpaired if row.level == "sentence"}
    assert sorted(set(beads["de"]) ^ set(beads["zh"])) == sorted(alone)


def test_a_dropped_turn_is_a_row_without_partner(raw_copy: Path) -> None:
    zh = raw_copy / VERGE / "zh.txt"
    lines = zh.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[26].lstrip().startswith("Q:")
    del lines[26]
    zh.write_text("".join(lines), encoding="utf-8")
    (page,) = pages_of(load_interview(raw_copy / VERGE))
    alone = [row for row in pair_rows(page) if row.pair is None]
    assert alone and all(row.score is None and not all(row.sides.values()) for row in alone)
    assert page.pair is not None and page.pair.unpaired["turn"] == {"de": 2, "zh": 1}
    assert sum(len(turns) for row in alone for turns in row.sides.values()) == 3
    assert '<tr class="pair alone">' in render_page(page, "")


def test_an_interview_in_one_language_gets_a_page_without_pair_furniture(interview: Interview) -> None:
    german_only = Interview(interview.id, interview.meta, {"de": interview.transcripts["de"]})
    (page,) = pages_of(german_only)
    rows = pair_rows(page)
    assert page.name == f"{VERGE}.de.html" and page.pair is None and page.dots == []
    assert len(rows) == len(interview.transcripts["de"].turns) and all(row.pair is None for row in rows)
    html = render_page(page, "")
    assert "no partner" not in html and "turn pairs" not in html and 'id="only-issues"' not in html


def test_the_chart_has_one_dot_per_pair_coloured_by_score(page: Page) -> None:
    svg = length_chart(VERGE, ("de", "zh"), page.dots, link="page.html")
    root = ElementTree.fromstring(svg)  # well-formed XML, so it is also a valid image file
    namespace = "{http://www.w3.org/2000/svg}"
    dots = [c for c in root.iter(f"{namespace}circle") if "data-pair" in c.attrib]
    assert [int(dot.attrib["data-pair"]) for dot in dots] == [dot.pair for dot in page.dots]
    colours = {colour: bound for bound, colour, _ in SCORE_BANDS}
    for circle, dot in zip(dots, page.dots, strict=True):
        bound = colours[circle.attrib["fill"]]
        assert dot.score >= bound and all(dot.score < other for other in colours.values() if other > bound)
        assert (circle.attrib["stroke"] == "#000") == dot.flagged
    assert "de characters (log)" in svg and "zh characters (log)" in svg
    assert length_chart(VERGE, ("de", "zh"), page.dots, link="page.html") == svg  # same pairs, same bytes


def test_an_empty_chart_is_still_an_image() -> None:
    svg = length_chart("x", ("en", "fr"), [])
    assert ElementTree.fromstring(svg).tag.endswith("svg") and "data-pair" not in svg


def test_text_is_escaped(page: Page) -> None:
    hostile = Page(
        page.name,
        page.summary.__class__(
            **{**_fields(page.summary), "title": "<script>alert(1)</script>", "url": 'x" onload="y'}
        ),
        page.langs,
        page.pair,
        page.rows,
        page.dots,
        page.siblings,
    )
    html = render_page(hostile, "")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="x&#34; onload=&#34;y"' in html
    svg = length_chart("<b>", ("de", "zh"), [Dot(0, 3, 4, 0.9, False)], link='"><script>')
    assert "<b>" not in svg and "<script>" not in svg


def _fields(summary: Any) -> dict[str, Any]:
    return {name: getattr(summary, name) for name in summary.__slots__}


def test_write_site_writes_the_index_a_page_and_a_chart_per_pair(tmp_path: Path) -> None:
    out = tmp_path / "site"
    summaries = write_site(raw_with(tmp_path, VERGE), out)
    assert [s.id for s in summaries] == [VERGE]
    names = sorted(p.name for p in out.iterdir())
    assert names == [".qa-builder", "index.html", f"{VERGE}.{PAIR}.html", f"{VERGE}.{PAIR}.svg"]
    html = (out / f"{VERGE}.{PAIR}.html").read_text(encoding="utf-8")
    assert (out / f"{VERGE}.{PAIR}.svg").read_text(encoding="utf-8") in html  # the card's chart is the page's
    assert "http" not in html.replace(summaries[0].url, "").replace("http://www.w3.org/2000/svg", "")


def test_write_site_refuses_a_file_as_output(tmp_path: Path) -> None:
    (tmp_path / "site").write_text("x")
    with pytest.raises(OutputError, match="the output path is a file"):
        write_site(raw_with(tmp_path, VERGE), tmp_path / "site")


def test_site_command(tmp_path: Path) -> None:
    raw = raw_with(tmp_path, VERGE)
    result = CliRunner().invoke(app, ["site", "--raw", str(raw), "--out", str(tmp_path / "site")])
    assert result.exit_code == 0 and result.stderr == ""  # the fixture's inferences are reviewed in meta.toml
    assert result.stdout == f"wrote {tmp_path / 'site' / 'index.html'}: 1 interview(s), 32 turn pairs, 2 flagged\n"


def test_site_command_on_a_missing_raw_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["site", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "site")])
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
    queue = deque(Piece(sentence, f"s{k}") for k, sentence in enumerate(sentences))
    pieces = _pieces(paragraph, queue)
    assert "".join(piece.text for piece in pieces) == paragraph
    assert [piece.text for piece in pieces if piece.bead] == sentences and not queue
