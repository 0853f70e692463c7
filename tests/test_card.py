"""The link-preview card (`og:image`): the generator's own, or a site's."""

from __future__ import annotations

import errno
import os
import shutil
import struct
from pathlib import Path

import pytest

from generator.render.card import MAX_BYTES, PNG_SIGNATURE, CardError, read_card
from tests.conftest import HOUSEPLANTS, build, plain_mkdocs_build

SITE_URL = "https://helpsite.example.org/"


def png(width: int, height: int, extra: int = 0) -> bytes:
    """The start of a PNG: signature and header, as far as the card reads it."""
    header = struct.pack(">II", width, height) + b"\x08\x02\x00\x00\x00"
    return PNG_SIGNATURE + struct.pack(">I", 13) + b"IHDR" + header + b"\x00" * (4 + extra)


def test_the_generator_s_card_is_a_preview_sized_png() -> None:
    card = read_card(Path("generator/assets/card.png"))
    assert (card.width, card.height) == (1200, 630)


NOT_A_PNG = "expected a PNG image (link previews take PNG or JPEG; save it as PNG)"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a" + b"\x00" * 40, NOT_A_PNG),
        (PNG_SIGNATURE, NOT_A_PNG),
        # Cut short inside its size, which the card reads.
        (png(1200, 630)[:23], NOT_A_PNG),
        # An intact header behind a damaged signature.
        (b"\x89PNG\n\x1a\n\x00" + png(1200, 630)[8:], NOT_A_PNG),
        (
            png(199, 630),
            "expected at least 200 x 200 pixels (1200 x 630 suits most previews), got 199 x 630",
        ),
        (
            png(1200, 630, MAX_BYTES),
            f"expected at most {MAX_BYTES:,} bytes, got {len(png(1200, 630, MAX_BYTES)):,}",
        ),
    ],
    ids=[
        "not-a-png",
        "cut-short",
        "cut-in-its-size",
        "damaged-signature",
        "too-small",
        "too-large",
    ],
)
def test_an_unsuitable_card_is_refused_with_why(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "card.png"
    path.write_bytes(data)
    with pytest.raises(CardError) as refused:
        read_card(path)
    assert str(refused.value) == message


def test_a_card_that_cannot_be_read_says_why(tmp_path: Path) -> None:
    with pytest.raises(CardError) as refused:
        read_card(tmp_path / "missing.png")
    assert str(refused.value) == f"cannot be read ({os.strerror(errno.ENOENT)})"


@pytest.mark.parametrize(
    ("data", "size"),
    [
        (png(200, 200), (200, 200)),
        # The header is all the card reads of the image.
        (png(1200, 630)[:24], (1200, 630)),
        (png(1200, 630, MAX_BYTES - len(png(1200, 630))), (1200, 630)),
    ],
    ids=["smallest-size", "header-only", "largest-file"],
)
def test_a_card_at_the_limits_is_taken_whole(
    tmp_path: Path, data: bytes, size: tuple[int, int]
) -> None:
    path = tmp_path / "card.png"
    path.write_bytes(data)
    card = read_card(path)
    assert (card.width, card.height) == size
    assert card.data == data  # what the site publishes as its card


def test_every_page_previews_with_the_card(tmp_path: Path) -> None:
    site = build(HOUSEPLANTS / "mkdocs.yml", tmp_path / "site")
    card = read_card(site / "assets/helpsite/card.png")
    # Every page a visitor can share; the 404 page has no address of its own.
    for page in sorted(p for p in site.rglob("*.html") if p.name != "404.html"):
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(site).as_posix()
        assert (
            '<meta property="og:image" content="https://plants.example.org/assets/helpsite/card.png">'
            in html
        ), rel
        assert f'<meta property="og:image:width" content="{card.width}">' in html, rel
        assert f'<meta property="og:image:height" content="{card.height}">' in html, rel
        assert '<meta name="twitter:card" content="summary_large_image">' in html, rel


def test_a_site_s_own_card_replaces_the_generator_s(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(HOUSEPLANTS, project)
    own = png(1200, 628)
    (project / "own-card.png").write_bytes(own)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      content: content\n", "      content: content\n      card: own-card.png\n"
        ),
        encoding="utf-8",
    )
    site = build(config, tmp_path / "site")
    assert (site / "assets/helpsite/card.png").read_bytes() == own
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:image:height" content="628">' in html


def test_a_card_that_is_not_a_png_stops_the_build_with_the_fix(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(HOUSEPLANTS, project)
    (project / "card.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      content: content\n", "      content: content\n      card: card.jpg\n"
        ),
        encoding="utf-8",
    )
    result = plain_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert (
        "card.jpg: expected a PNG image (link previews take PNG or JPEG; save it as PNG); set "
        "`card:` of the helpsite plugin in mkdocs.yml to a PNG image, or leave it out for the "
        "generator's own"
    ) in result.stderr
    assert "Traceback" not in result.stderr
