"""Accessibility (axe-core in Chromium), console errors, and privacy (every request the
browser makes)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import ROOT

AXE = ROOT / "node_modules/axe-core/axe.min.js"
PAGES = {
    "home": "",
    "guided check, first question": "check/",
    "guided check, an outcome": "check/#a=1.1.1.1.1.7-10",
    "guided check, an outcome with a fix tried": "check/#a=1.1.1.1.1.7-10&t=1",
    "symptom": "symptoms/account-terminated/",
    "cause": "causes/too-many-disputes/",
    "remedy": "remedies/contact-support/",
    "overview": "causes/",
    "diagram": "check/map/",
    "not found": "404.html",
}
"""Every kind of page; the `page` fixture fails a test on any console error."""
VIEWPORTS = {"desktop": (1280, 800), "phone": (375, 812)}


SETTLED = """Promise.all(document.getAnimations()
  .filter(a => isFinite(a.effect?.getComputedTiming().endTime))
  .map(a => a.finished.catch(() => null)))"""
"""Every transition and animation with an end, ended (or cancelled): axe judges colours
as they are at that moment, and a button drawn a moment ago by the check's script can
still be on its way from the theme's starting colour (a contrast failure under load)."""


def axe_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    page.evaluate(SETTLED)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("name", list(PAGES))
def test_no_accessibility_violations(page: Page, real_site_url: str, name: str) -> None:
    for viewport, (width, height) in VIEWPORTS.items():
        # A page loaded at this size: to the same address with a fragment, goto
        # would only scroll, and axe would catch the theme's drawer mid-transition
        # from the previous size (its titles' colours in between failed contrast).
        page.goto("about:blank")
        page.set_viewport_size({"width": width, "height": height})
        page.goto(real_site_url + PAGES[name])
        page.wait_for_load_state("networkidle")
        assert axe_violations(page) == [], f"{name} on {viewport}"


@pytest.mark.parametrize("name", list(PAGES))
def test_hovering_and_focusing_every_link_logs_no_error(
    page: Page, real_site_url: str, name: str
) -> None:
    # The `page` fixture fails the test on any console error.
    page.goto(real_site_url + PAGES[name])
    page.wait_for_load_state("networkidle")
    links = page.locator("article a:visible")
    assert links.count() > 0, name
    for link in links.all():
        link.hover()
        link.focus()


def test_every_page_requests_only_its_own_site(
    browser: Browser, real_site: Path, real_site_url: str
) -> None:
    origin = urlsplit(real_site_url).netloc
    context = browser.new_context()
    requested: set[str] = set()
    context.on("request", lambda r: requested.add(r.url))
    page = context.new_page()
    for html in sorted(real_site.rglob("*.html")):
        page.goto(real_site_url + html.relative_to(real_site).as_posix())
        page.wait_for_load_state("networkidle")
    context.close()
    foreign = sorted(u for u in requested if urlsplit(u).netloc not in (origin, ""))
    assert foreign == []
    assert len(requested) > 20


@pytest.mark.parametrize("name", list(PAGES))
def test_no_page_scrolls_sideways_on_a_small_phone(
    page: Page, real_site_url: str, name: str
) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(real_site_url + PAGES[name])
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, name
