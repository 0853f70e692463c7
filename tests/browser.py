"""Real headless Chromium (Debian's) through Playwright, and a local static server."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium tries to reach the internet on start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(
    root: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = QuietHandler
) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 at a free port; yields the base URL ending in `/`."""
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def search(page: Page, text: str, seconds: float = 15) -> Locator:
    """Type into the theme's search box and return the result items.

    The theme's search worker loads its index after the page; a query typed
    before it is ready is dropped, and the same query typed again is ignored,
    so type it again with a trailing space until results show.
    """
    box = page.get_by_role("textbox", name="Search")
    items = page.locator(".md-search-result__item")
    deadline = time.monotonic() + seconds
    attempt = 0
    while True:
        box.fill(text + " " * (attempt % 2))
        attempt += 1
        try:
            items.first.wait_for(state="visible", timeout=1500)
            return items
        except PlaywrightTimeoutError:
            if time.monotonic() > deadline:
                raise
