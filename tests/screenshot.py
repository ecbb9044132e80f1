"""Refresh the review site screenshots in docs/ (the README shows them).

    .venv/bin/python tests/screenshot.py

Renders the Verge interview with `write_site` and shoots its page in headless
Chromium, 1400×1000: the top (counts, chart, legend), and the rows around a
flagged pair with a sentence hovered. Pixels depend on the fonts installed
(fonts-noto-cjk for the Chinese), so CI does not compare them; the browser
tests check the page itself.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from chromium import find_chromium, launched, new_page

from qa_builder.site.write import write_site

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
INTERVIEWS = ROOT / "tests" / "fixtures" / "interviews"
PAGE = "verge-altman-murati-2023.de-zh.html"


def main() -> int:
    executable = find_chromium()
    if executable is None:
        print("no chromium on PATH: apt-get install chromium fonts-noto-cjk", file=sys.stderr)
        return 1
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch, launched(executable) as browser:
        write_site(INTERVIEWS, Path(scratch) / "site")
        page = new_page(browser)
        page.goto((Path(scratch) / "site" / PAGE).as_uri())
        (DOCS / "review-page.png").write_bytes(page.screenshot())
        page.hover('td[lang=zh] .s[data-s="p27-s4"]')  # scrolls it to the middle, with #30 below
        (DOCS / "review-flagged.png").write_bytes(page.screenshot())
    print(f"wrote {DOCS / 'review-page.png'} and {DOCS / 'review-flagged.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
