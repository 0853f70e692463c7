"""Real headless Chromium (Debian's) through Playwright, and a local static server."""

from __future__ import annotations

import functools
import http.server
import io
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from playwright.sync_api import Browser, Locator, Page, sync_playwright

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


SITEMAP_ORIGIN = re.compile(r"(<loc>|href=\")https?://[^/<\"]+")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the files silently, and `sitemap.xml` as if this server were the
    site's host: its URLs (made from `site_url`) get this server's origin.

    The theme's instant navigation takes over a link only to a page its sitemap
    lists, compared by scheme and host name but not port; with the sitemap as
    built, every click on a server with a port would load a whole page, and the
    tests would never see the theme swap a page in as it does for visitors.
    """

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.name != "sitemap.xml" or not path.is_file():
            return super().send_head()
        origin = "http://" + self.headers["Host"]
        xml = SITEMAP_ORIGIN.sub(lambda m: m[1] + origin, path.read_text(encoding="utf-8"))
        body = xml.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(
    root: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = QuietHandler
) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 at a free port; yields the base URL ending in `/`.

    Serve from a fixture that outlives every page loading from it (module or
    session scope, against the function-scoped `page`), never from inside a
    test body. A page keeps loading after a test's last step (the favicon after
    a click, the search index); once the server stops, a request waiting in its
    accept queue is reset when the socket closes, and the page logs
    `net::ERR_CONNECTION_RESET`.
    """
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def console_errors(page: Page) -> list[str]:
    """A list that fills with what `page` logs as a console error or throws uncaught."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def search(page: Page, text: str, label: str = "Search") -> Locator:
    """Type into the theme's search box, as a person would; the result items.

    `label` is the box's name in the page's language. The theme reads the query
    on key events, which `fill` alone does not send, so a key press follows it.
    """
    box = page.get_by_role("textbox", name=label)
    box.fill(text)
    box.press("End")
    items = page.locator(".md-search-result__item")
    items.first.wait_for(state="visible", timeout=15_000)
    return items
