"""Every page two small datasets make, byte for byte as last reviewed.

The other render tests each check one thing a visitor sees; this one notices
any change to any generated page (a heading, a link, the diagram's layout, the
widget's data, the structured data), intended or not, so that an unintended one
shows in review. Output is deterministic (README), so the pages of a fixed
dataset are a fixed text. When a change is intended, write the new pages and
read their diff before committing them:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py

Fast: no MkDocs build, no browser. The datasets are the houseplants test project
(English, directory URLs, reports to a repository) and a 12-cause synthetic one
in Russian (file URLs, as the offline zip has them, machine-translated text).
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from generator.pipeline import build
from generator.render.addresses import Options, Sites
from generator.render.structured import robots_txt, sitemap_index
from generator.synth import synth
from tests.conftest import HOUSEPLANTS, ROOT

GOLDEN = ROOT / "tests" / "golden"


def pages_text(content: Path, base: Path, options: Options, language: str | None) -> str:
    result = build(content, base, options, language)
    assert result.ok, [str(p) for p in result.problems]
    parts = [
        f"=== {page.path} (source {page.source}, reviewed {page.reviewed})\n{page.markdown}"
        for page in result.pages
    ]
    return "".join(parts)


def compare(name: str, made: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(made, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if made != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), made.splitlines(), "as reviewed", "as made now", n=2, lineterm=""
        )
        shown = "\n".join(list(diff)[:60])
        pytest.fail(
            f"tests/golden/{name}: expected the pages as last reviewed, got others:\n{shown}\n"
            "If the change is intended: UPDATE_GOLDEN=1 .venv/bin/python -m pytest "
            "tests/test_golden.py, and read the diff before committing it",
            pytrace=False,
        )


def test_the_houseplants_pages_are_as_reviewed() -> None:
    options = Options(
        directory_urls=True,
        site_url="https://plants.example.org/",
        reports="https://github.com/helpsite/plants/issues/new",
        language="en",
    )
    text = pages_text(HOUSEPLANTS / "content", HOUSEPLANTS, options, None)
    sites = Sites("en", "en", ("en", "fr"), "https://plants.example.org/")
    text += "=== robots.txt\n" + robots_txt("https://plants.example.org/", "sitemap-index.xml")
    text += "=== sitemap-index.xml\n" + sitemap_index(sites)
    compare("houseplants-en.txt", text)


def test_a_translated_synthetic_site_s_pages_are_as_reviewed(tmp_path: Path) -> None:
    synth(12, tmp_path / "content", languages=("ru",))
    options = Options(directory_urls=False, language="ru")
    compare("synthetic-12-ru.txt", pages_text(tmp_path / "content", tmp_path, options, "ru"))
