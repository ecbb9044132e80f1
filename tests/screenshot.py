"""Refresh the review page screenshots in docs/ (the README shows them).

    .venv/bin/python tests/screenshot.py

Renders the committed raw/ with `write_report` and shoots the page in headless
Chromium, 1400×1000: the top (counts, chart, legend), and the rows around a
flagged pair with a sentence hovered. Pixels depend on the fonts installed
(fonts-noto-cjk for the Chinese), so CI does not compare them; the browser
tests check the page itself.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from browser import Browser, find_chromium

from qa_builder.site.write import write_report

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
INTERVIEW_ID = "verge-altman-murati-2023"


def main() -> int:
    if find_chromium() is None:
        print("no chromium on PATH: apt-get install chromium fonts-noto-cjk", file=sys.stderr)
        return 1
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch, Browser.launch(width=1400, height=1000) as browser:
        write_report(ROOT / "raw", Path(scratch) / "report")
        page = browser.open(Path(scratch) / "report" / f"{INTERVIEW_ID}.html")
        (DOCS / "review-page.png").write_bytes(page.screenshot())
        page.hover('td[lang=zh] .s[data-s="p27-s4"]')  # scrolls it to the middle, with #30 below
        (DOCS / "review-flagged.png").write_bytes(page.screenshot())
    print(f"wrote {DOCS / 'review-page.png'} and {DOCS / 'review-flagged.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
