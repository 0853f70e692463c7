"""The link-preview image (Open Graph `og:image`): the generator's own card, or
a site's, read and checked once per build."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_BYTES = 1_000_000
"""Link previews fetch the image on every share; large ones are dropped by some
platforms, and a phone pays for it."""


class CardError(Exception):
    """The image cannot serve as a link preview; the message says why."""


@dataclass(frozen=True)
class Card:
    data: bytes
    width: int
    height: int


def read_card(path: Path) -> Card:
    """The PNG at `path` with its size in pixels, from its header."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CardError(f"cannot be read ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise CardError(f"expected at most {MAX_BYTES:,} bytes, got {len(data):,}")
    # The header: the signature, then the IHDR chunk (length, type, width, height).
    if len(data) < 24 or not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise CardError("expected a PNG image (link previews take PNG or JPEG; save it as PNG)")
    width, height = struct.unpack(">II", data[16:24])
    if width < 200 or height < 200:
        raise CardError(
            "expected at least 200 x 200 pixels (1200 x 630 suits most previews), "
            f"got {width} x {height}"
        )
    return Card(data, width, height)
