"""The review site in a real browser: headless Chromium (Debian's, driven by Playwright) renders it, the
DOM shows every turn pair, issue, inferred speaker and excluded segment, hovering a sentence lights its
partner, and a screenshot is not blank. Each test opens its own page; expectations come from the
interview's reviewed snapshot.

Without Chromium these tests are skipped with a loud reason; `.ci/run` installs it and sets
QA_BUILDER_REQUIRE_BROWSER=1, which turns a missing browser into a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from chromium import find_chromium, ink, launched, new_page
from conftest import INTERVIEWS, VERGE

from qa_builder.site.write import write_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PAIR = "de-zh"
NO_BROWSER = (
    "!!! CHROMIUM NOT FOUND: the browser tests of the review site did NOT run. "
    "Install Debian's `chromium` (apt-get install chromium) to run them. !!!"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        if os.environ.get("QA_BUILDER_REQUIRE_BROWSER") == "1":
            pytest.fail("QA_BUILDER_REQUIRE_BROWSER=1 but no chromium on PATH")
        pytest.skip(NO_BROWSER)
    with launched(executable) as running:
        yield running


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    write_site(INTERVIEWS, out)
    return out


@pytest.fixture
def page(browser: Browser, site: Path) -> Iterator[Page]:
    """The Verge interview's page, fresh for each test."""
    opened = new_page(browser)
    opened.goto((site / f"{VERGE}.{PAIR}.html").as_uri())
    yield opened
    opened.close()


def rows(page: Page, selector: str, script: str) -> Any:
    return page.eval_on_selector_all(selector, f"(found) => found.map({script})")


def test_the_page_shows_every_turn_pair(page: Page, verge: dict[str, Any]) -> None:
    beads = verge["pairs"][PAIR]["beads"]
    pairs = rows(page, "table.aligned tbody tr.pair[data-pair]", "r => +r.dataset.pair")
    assert pairs == list(range(sum(bool(a and b) for a, b in beads)))
    assert page.locator("tr.pair[data-pair] td[lang=de] .turn").count() == len(pairs)
    assert page.locator("tr.pair[data-pair] td[lang=zh] .turn").count() == len(pairs)


def test_the_flagged_pairs_are_highlighted(page: Page, verge: dict[str, Any]) -> None:
    flagged = rows(
        page,
        "tr.flagged",
        "r => [+r.dataset.pair, r.dataset.flags, getComputedStyle(r.querySelector('td.meta')).borderLeftColor]",
    )
    assert [pair for pair, _, _ in flagged] == verge["pairs"][PAIR]["flagged"]
    assert {flags for _, flags, _ in flagged} == {"speaker_mismatch"}
    assert {colour for *_, colour in flagged} == {"rgb(184, 0, 31)"}  # the red edge is drawn


def test_the_inferred_speakers_are_marked(page: Page, verge: dict[str, Any]) -> None:
    inferred = rows(page, ".turn[data-inferred]", "t => [t.closest('td').lang, +t.dataset.turn, t.dataset.speaker]")
    expected = [
        [lang, turn[0], turn[2]]
        for lang, found in verge["transcripts"].items()
        for turn in found["turns"]
        if turn[1] is None
    ]
    assert sorted(inferred) == sorted(expected) and inferred
    assert set(rows(page, ".turn[data-inferred] .inferred", "s => s.textContent")) == {"inferred"}


def test_the_excluded_segments_are_greyed_with_their_kind(page: Page, verge: dict[str, Any]) -> None:
    segments = rows(
        page,
        "tr.segments .segment",
        "s => [s.closest('td').lang, s.dataset.kind, s.querySelector('.kind').textContent, getComputedStyle(s).color]",
    )
    for lang, found in verge["transcripts"].items():
        assert [kind for shown, kind, _, _ in segments if shown == lang] == [s[0] for s in found["segments"]]
    assert all(kind == label for _, kind, label, _ in segments)
    assert {colour for _, kind, _, colour in segments if kind != "heading"} == {"rgb(119, 119, 119)"}


def test_low_scores_are_highlighted(page: Page, verge: dict[str, Any]) -> None:
    assert rows(page, "tr.low", "r => +r.dataset.pair") == verge["pairs"][PAIR]["low"]
    background = page.eval_on_selector("tr.low .score", "s => getComputedStyle(s).backgroundColor")
    assert background != "rgba(0, 0, 0, 0)"


LIT = "s => [s.closest('td').lang, s.dataset.s]"


def test_hovering_a_sentence_lights_its_partner_in_the_other_language(page: Page) -> None:
    page.hover('td[lang=de] .s[data-s="p0-s0"]')
    lit = rows(page, ".s.lit", LIT)
    assert {bead for _, bead in lit} == {"p0-s0"} and {lang for lang, _ in lit} == {"de", "zh"}
    assert page.locator('.s[data-s="p0-s0"]').count() == len(lit)  # every sentence of the bead, nothing else
    page.hover('td[lang=zh] .s[data-s="p5-s1"]')
    lit = rows(page, ".s.lit", LIT)
    assert {bead for _, bead in lit} == {"p5-s1"} and {lang for lang, _ in lit} == {"de", "zh"}


def test_the_chart_draws_a_dot_per_pair(page: Page, verge: dict[str, Any]) -> None:
    dots = rows(page, "svg.length-chart circle[data-pair]", "c => [+c.dataset.pair, c.getAttribute('stroke')]")
    assert len(dots) == page.locator("tr.pair[data-pair]").count()
    assert [pair for pair, stroke in dots if stroke == "#000"] == verge["pairs"][PAIR]["flagged"]
    assert page.eval_on_selector("svg.length-chart", "s => s.getBoundingClientRect().width") > 300


def test_only_issues_hides_the_rest(page: Page, verge: dict[str, Any]) -> None:
    page.click("#only-issues")
    visible = rows(page, "tr.pair", "r => r.offsetParent !== null ? +r.dataset.pair : null")
    expected = sorted(set(verge["pairs"][PAIR]["flagged"]) | set(verge["pairs"][PAIR]["low"]))
    assert [pair for pair in visible if pair is not None] == expected
    page.click("#only-issues")
    assert page.evaluate("document.body.className") == ""


def test_the_index_links_every_interview_s_pages(browser: Browser, site: Path) -> None:
    index = new_page(browser)
    index.goto((site / "index.html").as_uri())
    cells = rows(index, "table.index tbody tr", "r => [...r.cells].map(c => c.textContent)")
    verge = [row[1:3] for row in cells if row[0] == VERGE]
    assert verge == [["Interview: Sam Altman on being fired and rehired by OpenAI", "de – zh"]]
    links = index.eval_on_selector_all("table.index a", "found => found.map(a => a.getAttribute('href'))")
    assert f"{VERGE}.{PAIR}.html" in links
    assert sorted(links) == sorted(p.name for p in site.glob("*.html") if p.name != "index.html")
    index.close()


def test_a_screenshot_is_not_blank(page: Page) -> None:
    png = page.screenshot()
    width, height, inked, colours = ink(page, png)
    assert (width, height) == (1400, 1000)
    assert inked > 0.02 and colours > 50, (inked, colours)


def test_the_blank_check_fails_on_a_blank_page(browser: Browser, tmp_path: Path) -> None:
    """The measure above tells a blank page from a drawn one."""
    (tmp_path / "blank.html").write_text("<!doctype html><title>blank</title>", encoding="utf-8")
    blank = new_page(browser)
    blank.goto((tmp_path / "blank.html").as_uri())
    _, _, inked, colours = ink(blank, blank.screenshot())
    blank.close()
    assert inked == 0 and colours == 1


@pytest.mark.parametrize("pair", ["de-en", "de-zh", "en-zh"])
def test_each_pair_of_a_three_language_interview_has_its_page(browser: Browser, site: Path, pair: str) -> None:
    from snapshots import load_snapshot

    beads = load_snapshot("trilingual-panel")["pairs"][pair]["beads"]
    opened = new_page(browser)
    opened.goto((site / f"trilingual-panel.{pair}.html").as_uri())
    left, right = pair.split("-")
    assert opened.locator("tr.pair[data-pair]").count() == sum(bool(a and b) for a, b in beads)
    for lang, side in ((left, 0), (right, 1)):
        drawn = opened.locator(f"tr.pair td[lang={lang}] .turn").count()
        assert drawn == sum(len(bead[side]) for bead in beads), lang  # every turn, paired or alone
    assert opened.locator("tr.alone").count() == sum(not (a and b) for a, b in beads)
    _, _, inked, colours = ink(opened, opened.screenshot())
    opened.close()
    assert inked > 0.02 and colours > 50


def test_a_one_language_interview_reads_as_one_column(browser: Browser, site: Path) -> None:
    from snapshots import load_snapshot

    turns = load_snapshot("one-language-en")["transcripts"]["en"]["turns"]
    opened = new_page(browser)
    opened.goto((site / "one-language-en.en.html").as_uri())
    assert opened.locator("td[lang=en] .turn").count() == len(turns)
    assert opened.locator("td[lang]:not([lang=en])").count() == 0
    assert opened.locator("#only-issues").count() == 0 and opened.locator("svg.length-chart").count() == 0
    speakers = rows(opened, "td[lang=en] .turn", "t => t.dataset.speaker")
    assert speakers == [turn[2] for turn in turns]
    opened.close()
