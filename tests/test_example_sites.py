"""The example site users copy (`examples/printer/`), another domain than the
repository's own: it passes the checks, builds strict, and a visitor gets the same
quality from it in Chromium, on a phone and on a desktop."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from generator.link import Flow
from generator.pipeline import check
from tests.browser import serve
from tests.conftest import ROOT, build
from tests.flows import outcome_addresses
from tests.test_quality import VIEWPORTS, axe_violations

PRINTER = ROOT / "examples/printer"
PAGES = {
    "home": "",
    "guided check": "check/",
    "symptom": "symptoms/printer-offline/",
    "cause": "causes/stuck-queue/",
    "remedy": "remedies/clear-queue/",
    "overview": "causes/",
    "diagram": "check/map/",
    "about": "about/",
}


def printer_flow() -> Flow:
    result = check(PRINTER / "content", PRINTER)
    assert result.guide is not None and result.guide.flow is not None
    return result.guide.flow


@pytest.fixture(scope="module")
def printer_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build(PRINTER / "mkdocs.yml", tmp_path_factory.mktemp("printer") / "site")
    with serve(site) as url:
        yield url


def test_the_example_passes_the_strict_check() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--strict"],
        cwd=PRINTER,
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_page_has_no_accessibility_violations_and_fits_a_phone(
    page: Page, printer_url: str
) -> None:
    for name, path in PAGES.items():
        for viewport, (width, height) in VIEWPORTS.items():
            page.set_viewport_size({"width": width, "height": height})
            page.goto(printer_url + path)
            page.wait_for_load_state("networkidle")
            assert axe_violations(page) == [], f"{name} on {viewport}"
        page.set_viewport_size({"width": 320, "height": 640})
        page.goto(printer_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, name


def test_the_count_question_is_answered_with_a_number(page: Page, printer_url: str) -> None:
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(printer_url + "check/")
    page.get_by_role("link", name="It is on and shows no problem").click()
    page.get_by_role("link", name="By a USB cable").click()
    page.get_by_role("link", name="Yes, at both ends").click()
    field = page.get_by_label("Jobs waiting in the print queue")
    field.fill("2.5")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert").filter(has_text="whole number")).to_be_visible()
    field.fill("5")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#o-stuck-queue")).to_be_visible()
    assert page.url.endswith("#a=2.0.1.5")


def test_every_outcome_shows_its_first_step_on_a_phone(page: Page, printer_url: str) -> None:
    page.set_viewport_size({"width": 375, "height": 812})
    for cause, fragment in outcome_addresses(printer_flow()).items():
        page.goto(printer_url + "check/" + fragment)
        outcome = page.locator(f"#o-{cause}")
        expect(outcome).to_be_visible()
        first = outcome.locator(".hs-steps > li:visible").first
        expect(first).to_be_in_viewport()
