"""A static server for the audits, serving the built site as a production host
would: gzip for text, long cache lifetimes for the theme's fingerprinted assets."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests import browser

TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class Handler(browser.QuietHandler):
    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and path.suffix in TEXT and gzip_ok):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        immutable = "/assets/" in self.path and ".min." in self.path
        self.send_header("Cache-Control", "max-age=31536000" if immutable else "max-age=600")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """The tests' local server, with the handler above."""
    with browser.serve(root, Handler) as url:
        yield url
