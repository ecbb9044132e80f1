"""Drive a real headless Chromium over the DevTools protocol, with the standard library only.

Chromium speaks the protocol over two pipes (``--remote-debugging-pipe``: it
reads commands on fd 3 and writes replies on fd 4, each a JSON message ended by
a NUL byte), so no websocket client, driver binary or download is needed.

    with Browser.launch() as browser:
        page = browser.open(Path("report/index.html"))
        page.evaluate("document.title")
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--remote-debugging-pipe",
)


def find_chromium() -> str | None:
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def _above_four(fd: int) -> int:
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return moved


class BrowserError(RuntimeError):
    pass


class Browser:
    def __init__(
        self, process: subprocess.Popen[bytes], commands: int, replies: int, profile: str, size: tuple[int, int]
    ) -> None:
        self.process, self.commands, self.replies, self.profile = process, commands, replies, profile
        self.size = size
        self.buffer = b""
        self.last_id = 0

    @classmethod
    def launch(cls, executable: str | None = None, width: int = 1400, height: int = 1000) -> Browser:
        executable = executable or find_chromium()
        if executable is None:
            raise BrowserError("no chromium on PATH")
        to_browser, commands = os.pipe()
        replies, from_browser = os.pipe()
        # Above 4, so that putting one end on fd 3 or 4 cannot overwrite the other.
        to_browser, from_browser = (_above_four(fd) for fd in (to_browser, from_browser))
        profile = tempfile.mkdtemp(prefix="qa-builder-chromium-")
        # bash (dash takes one-digit fds only) puts our pipe ends on fds 3 and 4, then becomes Chromium.
        script = f'exec "$0" "$@" 3<&{to_browser} 4>&{from_browser} {to_browser}<&- {from_browser}>&-'
        arguments = [*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}", "about:blank"]
        process = subprocess.Popen(
            ["bash", "-c", script, executable, *arguments],
            pass_fds=(to_browser, from_browser),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)
        return cls(process, commands, replies, profile, (width, height))

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (BrowserError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self.commands, self.replies):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> Any:
        self.last_id += 1
        message: dict[str, Any] = {"id": self.last_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._next_message()
            if reply.get("id") == self.last_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply["result"]

    def _next_message(self) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            chunk = os.read(self.replies, 1 << 16)
            if not chunk:
                raise BrowserError("chromium closed the pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def open(self, path: Path, timeout: float = 20.0) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        width, height = self.size
        page.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        page.send("Page.navigate", {"url": path.resolve().as_uri()})
        deadline = time.monotonic() + timeout
        while page.evaluate("document.readyState") != "complete":
            if time.monotonic() > deadline:
                raise BrowserError(f"{path} did not finish loading in {timeout} s")
            time.sleep(0.05)
        return page


class Page:
    def __init__(self, browser: Browser, session: str) -> None:
        self.browser, self.session = browser, session

    def send(self, method: str, params: dict[str, Any] | None = None) -> Any:
        return self.browser.send(method, params, self.session)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (JSON-serialisable values only)."""
        params = {"expression": expression, "returnByValue": True, "awaitPromise": True}
        result = self.send("Runtime.evaluate", params)
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression}: {result['exceptionDetails']['text']}")
        return result["result"].get("value")

    def hover(self, selector: str) -> None:
        """Move the mouse onto the centre of the first element matching ``selector``."""
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center'}); const r = e.getClientRects()[0];"
            " return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": box[0], "y": box[1]})

    def screenshot(self, full_page: bool = False) -> bytes:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        return base64.b64decode(self.send("Page.captureScreenshot", params)["data"])

    def ink(self, png: bytes) -> tuple[int, int, float, int]:
        """Width, height, share of non-white pixels and number of colours of a PNG, decoded by the browser itself."""
        source = json.dumps(f"data:image/png;base64,{base64.b64encode(png).decode()}")
        stats: list[Any] = self.evaluate(
            "new Promise(done => { const image = new Image(); image.onload = () => {"
            " const canvas = document.createElement('canvas');"
            " canvas.width = image.width; canvas.height = image.height;"
            " const context = canvas.getContext('2d'); context.drawImage(image, 0, 0);"
            " const pixels = context.getImageData(0, 0, image.width, image.height).data;"
            " let inked = 0; const colours = new Set();"
            " for (let i = 0; i < pixels.length; i += 4) {"
            "   if (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200) inked++;"
            "   colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]); }"
            " done([image.width, image.height, inked / (pixels.length / 4), colours.size]); };"
            f" image.src = {source}; }})"
        )
        return stats[0], stats[1], stats[2], stats[3]
