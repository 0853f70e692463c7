"""Every language of the site as its readers meet it, in Chromium: from a search
engine to its home, through the guided check, search, the language switcher,
on a phone, over http and from the offline zip."""

from __future__ import annotations

import re
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.i18n import catalog, direction, language_name_in
from generator.link import Guide
from generator.pipeline import build as build_pages
from generator.translations import languages
from tests.browser import console_errors, search
from tests.conftest import ROOT
from tests.flows import outcome_addresses
from tests.test_quality import axe_violations

LANGUAGES = languages(ROOT / "content")
PHONE = {"width": 375, "height": 812}
SMALLEST = {"width": 320, "height": 640}
TRANSLATED_PAGES = (
    "",
    "symptoms/account-terminated/",
    "causes/",
    "causes/too-many-disputes/",
    "remedies/contact-support/",
    "check/",
    "check/map/",
    "404.html",
)
"""Every kind of page, as each language has it."""


def translated(code: str) -> Guide:
    result = build_pages(ROOT / "content", ROOT, language=None if code == "en" else code)
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
    for rel in TRANSLATED_PAGES:
        page.goto(f"{real_site_url}{code}/{rel}")
        html = page.locator("html")
        expect(html).to_have_attribute("lang", code)
        assert page.evaluate("document.dir || 'ltr'") == direction(code)
        assert axe_violations(page) == [], f"{code}/{rel}"
        # The smallest phones in use: nothing may scroll sideways at 320 px either.
        page.set_viewport_size(SMALLEST)  # type: ignore[arg-type]
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, f"{code}/{rel}"
        page.set_viewport_size(PHONE)  # type: ignore[arg-type]
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
        # The script may redraw the outcome between finding the step and measuring
        # it (under load the step found visible was hidden a moment later).
        box, deadline = first.bounding_box(), time.monotonic() + 5
        while box is None and time.monotonic() < deadline:
            box = first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"], f"{code} {cause}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_request_for_support_is_one_tap_away_in_english_too(
    page: Page, real_site_url: str, code: str
) -> None:
    """Support may read only English: a translated outcome offers the same request
    in English, with the fixes tried as titled in English, as well as in the
    reader's language."""
    english, theirs = translated("en"), translated(code)
    words = catalog(code).gettext
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{real_site_url}{code}/check/#a=1.1.1.1.1.7-10&t=1")
    outcome = page.locator("#o-too-many-disputes")
    name = words("Copy the message in %(language)s") % {"language": language_name_in("en", code)}
    button = outcome.get_by_role("button", name=name)
    expect(button).to_be_visible()
    assert axe_violations(page) == []
    button.click()
    expect(outcome.get_by_text(words("Copied."))).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert english.settings.request is not None
    for fact in english.settings.request.facts:
        assert f"{fact}: [please fill in]" in copied
    first_fix = english.remedy("dispute-unfinished-orders").title
    assert f"What I have tried: {first_fix}\n" in copied
    assert copied.startswith("Hello,") and copied.endswith("Thank you.")

    outcome.get_by_role("button", name=words("Copy the message"), exact=True).click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert theirs.remedy("dispute-unfinished-orders").title in copied
    assert first_fix not in copied or first_fix == theirs.remedy("dispute-unfinished-orders").title

    summary = outcome.locator(".hs-request-original summary")
    summary.click()
    expect(outcome.locator("[data-hs-request-original]")).to_contain_text(first_fix)
    assert axe_violations(page) == []


def test_the_english_site_offers_its_request_once(page: Page, real_site_url: str) -> None:
    page.goto(f"{real_site_url}check/#a=1.1.1.1.1.7-10")
    outcome = page.locator("#o-too-many-disputes")
    expect(outcome.get_by_role("button", name="Copy the message")).to_have_count(1)
    expect(outcome.locator(".hs-request-original")).to_have_count(0)


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


WHERE = {
    # how it is reached: (home, a cause, the guided check), below the language's root
    "http": ("", "causes/too-many-disputes/", "check/"),
    "file": ("index.html", "causes/too-many-disputes.html", "check.html"),
}


@pytest.mark.parametrize("where", list(WHERE))
@pytest.mark.parametrize("code", ["en", *LANGUAGES])
def test_every_language_works_with_the_one_copy_of_the_theme_at_the_root(
    browser: Browser, real_site_url: str, unpacked: Path, code: str, where: str
) -> None:
    """Each language's pages load the theme and the widget from the site's root, the
    same addresses in every language (a browser keeps one copy), and everything
    works with them: pages, search in the language, the guided check; over http
    and from the offline zip under file://, with nothing failing or leaving."""
    guide = translated(code)
    site = real_site_url if where == "http" else unpacked.as_uri() + "/"
    base = site + ("" if code == "en" else f"{code}/")
    home, cause, check = (base + rel for rel in WHERE[where])
    context = browser.new_context()
    requested: list[str] = []
    failed: list[str] = []
    context.on("request", lambda r: requested.append(r.url))
    context.on("requestfailed", lambda r: failed.append(f"{r.url}: {r.failure}"))
    context.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page = context.new_page()
    errors = console_errors(page)
    for address in (home, cause):
        page.goto(address)
        page.wait_for_load_state("networkidle")
        expect(page.locator("html")).to_have_attribute("lang", code)

    title = guide.cause("too-many-disputes").title
    word = max(re.findall(r"\w+", title), key=len)
    heading = page.get_by_role("heading", name=title, exact=True)
    found = search(page, word).filter(has=heading).first
    expect(found).to_be_visible()
    href = found.locator("a").first.get_attribute("href") or ""
    assert unquote(urlsplit(href).path).endswith(urlsplit(cause).path), href

    assert guide.flow is not None
    outcome, fragment = next(iter(outcome_addresses(guide.flow).items()))
    page.goto(check + fragment)
    expect(page.locator(f"#o-{outcome}")).to_be_visible()
    expect(page.locator(f"#o-{outcome} h2")).to_contain_text(guide.cause(outcome).title)
    page.wait_for_load_state("networkidle")
    context.close()

    assert errors == [], "the console showed errors"
    assert failed == [], "requests failed"
    assert [u for u in requested if not u.startswith((site, "data:"))] == [], "requests left"
    theme = [u for u in requested if "/assets/" in u]
    for expected in ("assets/stylesheets/main.", "assets/javascripts/workers/search."):
        assert any(u.startswith(site + expected) for u in theme), expected
    assert [u for u in theme if not u.startswith(site + "assets/")] == []
