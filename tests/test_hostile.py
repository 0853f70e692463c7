"""Content is text, never code: a dataset whose every text field carries markup,
built for real and opened in Chromium over http and file://."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from generator.publish import build_bundle
from tests.browser import search, serve
from tests.conftest import DATASETS, build

HOSTILE = DATASETS / "hostile"
PAYLOAD = "</script><img src=x onerror=alert(1)><svg onload=alert(2)>\"'&amp;{{7*7}}"
CHECK_PATHS = ["#a=0", "#a=1.3-4&t=1", "#a=u.0-0", "#a=1.u", "#a=1.1-4&t=1&d=1", "#a=1.1-4&t=1"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(HOSTILE / "mkdocs.yml", tmp_path_factory.mktemp("hostile") / "site")


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site) as url:
        yield url


@pytest.fixture(scope="module")
def hostile_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-offline")
    target = folder / "hostile-offline.zip"
    assert build_bundle(HOSTILE / "mkdocs.yml", target, "hostile") == 0
    with zipfile.ZipFile(target) as archive:
        archive.extractall(folder)
    return folder / "hostile"


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog: object) -> None:
        dialogs.append(getattr(dialog, "message", "?"))
        dialog.dismiss()  # type: ignore[attr-defined]

    page.on("dialog", on_dialog)
    yield page, dialogs
    context.close()


def assert_inert(page: Page, dialogs: list[str]) -> None:
    page.wait_for_timeout(50)  # let any injected handler fire
    injected = page.locator("img[src='x'], svg[onload], [onerror], [onload]")
    assert injected.count() == 0, page.url
    assert dialogs == [], page.url


def visit_everything(page: Page, dialogs: list[str], base: str, root: Path, check: str) -> None:
    pages = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))
    assert len(pages) > 8
    for rel in pages:
        page.goto(base + rel)
        assert_inert(page, dialogs)
    for fragment in CHECK_PATHS:
        page.goto(base + check + fragment)
        assert_inert(page, dialogs)
    # The last path is an outcome with a fix tried: the request for help shows the
    # settings' facts and the fix's title, as text.
    request = page.locator("[data-hs-outcome]:visible [data-hs-request-text]").inner_text()
    assert PAYLOAD in request
    assert f"What I have tried: {PAYLOAD}" in request


def test_payload_shows_as_text(watched: tuple[Page, list[str]], hostile_url: str) -> None:
    page, dialogs = watched
    page.goto(hostile_url + "causes/one/")
    assert page.locator("h1").inner_text() == PAYLOAD
    assert page.title().startswith(PAYLOAD)
    assert_inert(page, dialogs)


def test_a_hand_written_page_s_front_matter_is_text(
    watched: tuple[Page, list[str]], hostile_url: str
) -> None:
    page, dialogs = watched
    page.goto(hostile_url + "about/")
    assert page.title().startswith(PAYLOAD)
    description = page.locator('meta[name="description"]')
    assert description.get_attribute("content") == PAYLOAD
    og = page.locator('meta[property="og:description"]')
    assert og.get_attribute("content") == PAYLOAD
    nav = page.locator(".md-nav__link", has_text="</script><img src=x")
    assert nav.count() > 0
    author = page.locator('meta[name="author"]')
    assert author.get_attribute("content") == PAYLOAD
    assert_inert(page, dialogs)
    # The subtitle is printed under the page's name in every page's navigation.
    page.goto(hostile_url + "causes/one/")
    subtitle = page.locator(".md-nav__link small", has_text="</script><img src=x")
    assert subtitle.first.inner_text() == PAYLOAD
    assert_inert(page, dialogs)


def test_search_results_show_the_payload_as_text(
    watched: tuple[Page, list[str]], hostile_url: str
) -> None:
    page, dialogs = watched
    page.goto(hostile_url)
    results = search(page, "onerror")
    assert results.count() > 0
    assert "<img src=x onerror=alert(1)>" in results.first.inner_text()
    assert_inert(page, dialogs)


def test_nothing_runs_over_http(
    watched: tuple[Page, list[str]], hostile_site: Path, hostile_url: str
) -> None:
    page, dialogs = watched
    visit_everything(page, dialogs, hostile_url, hostile_site, "check/")


def test_nothing_runs_from_disk(watched: tuple[Page, list[str]], hostile_bundle: Path) -> None:
    page, dialogs = watched
    visit_everything(page, dialogs, hostile_bundle.as_uri() + "/", hostile_bundle, "check.html")


def test_structured_data_stays_data(hostile_site: Path) -> None:
    import json
    import re

    for page in sorted(hostile_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
            assert "<" not in block
            json.loads(block)
    crumbs = (hostile_site / "causes/one/index.html").read_text(encoding="utf-8")
    assert "\\u003c/script\\u003e" in crumbs
