"""Every language of the site as its readers meet it, in Chromium: from a search
engine to its home, through the guided check, search, the language switcher,
on a phone, over http and from the offline zip."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from generator.i18n import direction
from generator.link import Guide
from generator.pipeline import build as build_pages
from generator.translations import languages
from tests.conftest import ROOT
from tests.flows import outcome_addresses
from tests.test_quality import axe_violations

LANGUAGES = languages(ROOT / "content")
PHONE = {"width": 375, "height": 812}


def translated(code: str) -> Guide:
    result = build_pages(ROOT / "content", ROOT, language=code)
    assert result.guide is not None
    return result.guide


def test_the_site_has_eight_languages() -> None:
    assert sorted(["en", *LANGUAGES]) == sorted(["en", "ru", "es", "pt-BR", "fr", "pl", "ko", "ar"])


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_language_s_pages_are_in_it_and_say_so(
    page: Page, real_site_url: str, code: str
) -> None:
    guide = translated(code)
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    for rel in ("", "causes/too-many-disputes/", "check/"):
        page.goto(f"{real_site_url}{code}/{rel}")
        html = page.locator("html")
        expect(html).to_have_attribute("lang", code)
        assert page.evaluate("document.dir || 'ltr'") == direction(code)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], rel
        assert axe_violations(page) == [], f"{code}/{rel}"
    page.goto(f"{real_site_url}{code}/")
    expect(page.locator("h1")).to_have_text(guide.settings.title)
    page.goto(f"{real_site_url}{code}/causes/too-many-disputes/")
    expect(page.locator("h1")).to_have_text(guide.cause("too-many-disputes").title)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_guided_check_reaches_every_outcome_in_each_language(
    page: Page, real_site_url: str, code: str
) -> None:
    guide = translated(code)
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    assert guide.flow is not None
    for cause, fragment in outcome_addresses(guide.flow).items():
        page.goto(f"{real_site_url}{code}/check/{fragment}")
        outcome = page.locator(f"#o-{cause}")
        expect(outcome).to_be_visible()
        expect(outcome.locator("h2")).to_contain_text(guide.cause(cause).title)
        # Fixes the answers rule out (a button the reader did not see) stay hidden.
        first = outcome.locator(".hs-steps > li:visible").first
        expect(first).to_be_visible()
        box = first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"], f"{code} {cause}"


def test_the_switcher_keeps_the_reader_on_the_same_page(page: Page, real_site_url: str) -> None:
    page.goto(real_site_url + "causes/too-many-disputes/")
    for code in LANGUAGES:
        link = page.locator(f'.md-select__link[hreflang="{code}"]')
        href = link.get_attribute("href") or ""
        assert href.endswith(f"{code}/causes/too-many-disputes/"), href
    page.locator(".md-header .md-select button").hover()
    page.locator('.md-select__link[hreflang="ru"]').click()
    page.wait_for_url("**/ru/causes/too-many-disputes/")
    # A whole page of that language, not the English one with Russian swapped
    # in: its own language, words and search.
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator(".md-search__input")).to_have_attribute(
        "placeholder",
        re.compile("[\u0400-\u04ff]"),  # Cyrillic
    )
    page.locator(".md-header .md-select button").hover()
    page.locator('.md-select__link[hreflang="en"]').click()
    page.wait_for_url(real_site_url + "causes/too-many-disputes/")
