"""The review page in a real browser: headless Chromium renders it, the DOM shows every turn
pair, flag, inferred speaker and excluded paragraph, hovering a sentence lights its partner,
and a screenshot is not blank.

Without Chromium these tests are skipped with a loud reason; `.ci/run` installs it and sets
QA_BUILDER_REQUIRE_BROWSER=1, which turns a missing browser into a failure.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import Browser, Page, find_chromium

from qa_builder.site.write import write_report

ROOT = Path(__file__).resolve().parent.parent
INTERVIEW_ID = "verge-altman-murati-2023"
NO_BROWSER = (
    "!!! CHROMIUM NOT FOUND: the browser tests of the review page did NOT run. "
    "Install Debian's `chromium` (apt-get install chromium) to run them. !!!"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        if os.environ.get("QA_BUILDER_REQUIRE_BROWSER") == "1":
            pytest.fail("QA_BUILDER_REQUIRE_BROWSER=1 but no chromium on PATH")
        pytest.skip(NO_BROWSER)
    with Browser.launch(executable, width=1400, height=1000) as launched:
        yield launched


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "report"
    write_report(ROOT / "raw", out)
    return out


@pytest.fixture(scope="module")
def page(browser: Browser, site: Path) -> Page:
    return browser.open(site / f"{INTERVIEW_ID}.html")


def count(page: Page, selector: str) -> int:
    found: int = page.evaluate(f"document.querySelectorAll({json.dumps(selector)}).length")
    return found


def test_the_page_shows_all_32_turn_pairs(page: Page) -> None:
    assert count(page, "table.aligned tbody tr.pair[data-pair]") == 32
    assert page.evaluate("[...document.querySelectorAll('tr.pair[data-pair]')].map(r => +r.dataset.pair)") == list(
        range(32)
    )
    # each pair shows both sides: a German and a Chinese turn
    assert count(page, "tr.pair[data-pair] td[lang=de] .turn") == 32
    assert count(page, "tr.pair[data-pair] td[lang=zh] .turn") == 32


def test_the_two_flagged_pairs_are_highlighted(page: Page) -> None:
    flagged = page.evaluate(
        "[...document.querySelectorAll('tr.flagged')].map(r => [r.id, r.dataset.flags,"
        " getComputedStyle(r.querySelector('td.meta')).borderLeftColor])"
    )
    assert [(row_id, flags) for row_id, flags, _ in flagged] == [
        ("p25", "speaker_mismatch"),
        ("p30", "speaker_mismatch"),
    ]
    assert all(colour == "rgb(184, 0, 31)" for *_, colour in flagged)  # the red edge is drawn


def test_the_two_inferred_german_speakers_are_marked(page: Page) -> None:
    inferred = page.evaluate(
        "[...document.querySelectorAll('.turn[data-inferred]')].map(t => [t.closest('td').lang,"
        " t.closest('tr').dataset.pair, t.dataset.speaker, t.querySelector('.inferred').textContent])"
    )
    assert inferred == [["de", "29", "Sam Altman", "inferred"], ["de", "31", "Sam Altman", "inferred"]]


def test_the_excluded_segments_are_greyed_with_their_kind(page: Page) -> None:
    segments = page.evaluate(
        "[...document.querySelectorAll('tr.segments .segment')].map(s => [s.closest('td').lang, s.dataset.kind,"
        " s.querySelector('.kind').textContent, getComputedStyle(s).color])"
    )
    kinds = [(lang, kind) for lang, kind, _, _ in segments]
    assert kinds == [
        ("de", "preamble"),
        ("zh", "preamble"),
        ("zh", "heading"),
        ("zh", "editor_note"),
        ("zh", "heading"),
        ("zh", "heading"),
        ("zh", "link"),
        ("de", "stage_direction"),
        ("zh", "stage_direction"),
        ("de", "boilerplate"),
        ("zh", "boilerplate"),
    ]
    assert all(kind == label for _, kind, label, _ in segments)
    grey = {colour for _, kind, _, colour in segments if kind != "heading"}
    assert grey == {"rgb(119, 119, 119)"}


def test_low_scores_are_highlighted(page: Page) -> None:
    low = page.evaluate("[...document.querySelectorAll('tr.low')].map(r => r.id)")
    assert low == ["p9", "p17", "p27", "p30", "p31"]
    assert page.evaluate("getComputedStyle(document.querySelector('tr.low .score')).backgroundColor") != (
        "rgba(0, 0, 0, 0)"
    )


LIT = "[...document.querySelectorAll('.s.lit')].map(s => [s.closest('td').lang, s.dataset.s, s.textContent])"


def test_hovering_a_sentence_lights_its_partner_in_the_other_language(page: Page) -> None:
    page.hover('td[lang=de] .s[data-s="p0-s0"]')
    lit = page.evaluate(LIT)
    assert lit == [  # the first row of parallel_sentences, a 2–2 bead, and nothing else
        [
            "de",
            "p0-s0",
            "Sam, ich möchte zunächst über das Offensichtliche sprechen: Wir wissen immer noch nicht, warum Sie "
            "überhaupt gefeuert wurden.",
        ],
        ["de", "p0-s0", "Warum glauben Sie, dass Sie gefeuert wurden?"],
        ["zh", "p0-s0", "Sam,我就单刀直入了。"],
        ["zh", "p0-s0", "现在外界还是不明白你为什么会被解雇,能不能解释一下?"],
    ]
    page.hover('td[lang=zh] .s[data-s="p5-s1"]')
    lit = page.evaluate(LIT)
    assert {bead for _, bead, _ in lit} == {"p5-s1"} and {lang for lang, _, _ in lit} == {"de", "zh"}


def test_the_chart_draws_a_dot_per_pair(page: Page) -> None:
    assert count(page, "svg.length-chart circle[data-pair]") == 32
    ringed = page.evaluate(
        "[...document.querySelectorAll('svg.length-chart circle[data-pair]')]"
        ".filter(c => c.getAttribute('stroke') === '#000').map(c => +c.dataset.pair)"
    )
    assert ringed == [25, 30]
    assert page.evaluate("document.querySelector('svg.length-chart').getBoundingClientRect().width") > 300


def test_only_issues_hides_the_rest(page: Page) -> None:
    page.evaluate("document.getElementById('only-issues').click()")
    visible = page.evaluate(
        "[...document.querySelectorAll('tr.pair')].filter(r => r.offsetParent !== null).map(r => r.id)"
    )
    page.evaluate("document.getElementById('only-issues').click()")
    assert visible == ["p9", "p17", "p25", "p27", "p30", "p31"]
    assert count(page, "tr.pair") == 32 and page.evaluate("document.body.className") == ""


def test_the_index_links_the_interview(browser: Browser, site: Path) -> None:
    index = browser.open(site / "index.html")
    rows = index.evaluate(
        "[...document.querySelectorAll('table.index tbody tr')].map(r => [...r.cells].map(c => c.textContent))"
    )
    assert rows == [
        [
            INTERVIEW_ID,
            "Interview: Sam Altman on being fired and rehired by OpenAI",
            "32 de / 32 zh",
            "32",
            "2",
            "5",
            "2 de / 0 zh",
            "0",
            "3 de / 8 zh",
            "73",
        ]
    ]
    assert index.evaluate("document.querySelector('table.index a').getAttribute('href')") == f"{INTERVIEW_ID}.html"


def test_a_screenshot_is_not_blank(page: Page) -> None:
    page.evaluate("window.scrollTo(0, 0)")
    png = page.screenshot()
    assert png.startswith(b"\x89PNG")
    stats = page.ink(png)
    width, height, inked, colours = stats
    assert (width, height) == (1400, 1000)
    assert inked > 0.02 and colours > 50, stats


def test_the_blank_check_fails_on_a_blank_page(browser: Browser, tmp_path: Path) -> None:
    """The measure above tells a blank page from a drawn one."""
    (tmp_path / "blank.html").write_text("<!doctype html><title>blank</title>", encoding="utf-8")
    blank = browser.open(tmp_path / "blank.html")
    _, _, inked, colours = blank.ink(blank.screenshot())
    assert inked == 0 and colours == 1
