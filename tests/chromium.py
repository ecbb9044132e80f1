"""Debian's Chromium driven by Playwright (sync API), for the browser tests and the README's screenshots.

No browser is downloaded: Playwright launches the system's ``chromium``
(``QA_BUILDER_CHROMIUM`` names another). Every call has a timeout, so a stuck
browser fails a test in seconds instead of hanging CI.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

TIMEOUT_MS = 10_000
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    return os.environ.get("QA_BUILDER_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def launched(executable: str) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=FLAGS, timeout=30_000)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser: Browser, width: int = 1400, height: int = 1000) -> Page:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.set_default_timeout(TIMEOUT_MS)
    return page


INK = """async (data) => {
  const image = new Image();
  image.src = "data:image/png;base64," + data;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = image.width; canvas.height = image.height;
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, image.width, image.height).data;
  let inked = 0; const colours = new Set();
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
    if (r < 240 || g < 240 || b < 240) inked++;
    colours.add((r >> 3) + "," + (g >> 3) + "," + (b >> 3));
  }
  return [image.width, image.height, inked / (image.width * image.height), colours.size];
}"""
"""Decode a PNG in the browser itself and measure it: width, height, share of inked pixels, colours."""


def ink(page: Page, png: bytes) -> tuple[int, int, float, int]:
    import base64

    width, height, inked, colours = page.evaluate(INK, base64.b64encode(png).decode("ascii"))
    return int(width), int(height), float(inked), int(colours)
