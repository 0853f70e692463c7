"""The benchmark's visitor rows count what a visitor's phone downloads, less the
theme's own scripts and styles (which any mkdocs-material site's visitor has cached)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from visitor import counted

BASE = "http://127.0.0.1:8000/"


def test_the_themes_scripts_and_styles_are_left_out() -> None:
    assert not counted(BASE + "assets/javascripts/bundle.a5f9d56c.min.js", BASE)
    assert not counted(BASE + "assets/javascripts/workers/search.a7633da7.min.js", BASE)
    assert not counted(BASE + "assets/stylesheets/main.57a0d79d.min.css", BASE)


def test_the_pages_the_widget_and_the_search_index_count() -> None:
    for path in (
        "",
        "check/",
        "causes/assets/javascripts/",  # a page, whatever its name, is not the theme's
        "assets/helpsite/check.js",
        "assets/helpsite/helpsite.css",
        "search/search_index.json",
    ):
        assert counted(BASE + path, BASE), path


def test_what_never_leaves_the_browser_is_not_counted() -> None:
    assert not counted("data:image/svg+xml;base64,PHN2Zz4=", BASE)


def test_a_request_to_another_origin_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"expected requests to http://127\.0\.0\.1:8000/ only"):
        counted("https://fonts.googleapis.com/css2?family=Roboto", BASE)
