"""Search as each language's readers use it, in Chromium over the real build: the
words they type find the page, shown in their language; a search that finds
nothing leads to the guided check. The words come from the dataset where it has
them (titles, the message as the platform shows it); the other forms a reader
types are written out below."""

from __future__ import annotations

import functools
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, Request, Route, expect

from generator.i18n import catalog, direction
from generator.link import Guide
from generator.pipeline import build as build_pages
from generator.search import SEPARATOR
from generator.translations import languages
from tests.browser import search, serve, type_query
from tests.conftest import HOUSEPLANTS, ROOT, Project, build
from tests.test_quality import axe_violations

LANGUAGES = ["en", *languages(ROOT / "content")]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}
NO_RESULTS = "No results? Take the guided check"
NOTHING = "zqxjvw"
"""A word in no language of the site."""


@functools.cache
def guide(code: str) -> Guide:
    result = build_pages(ROOT / "content", ROOT, language=None if code == "en" else code)
    assert result.guide is not None
    return result.guide


def home(url: str, code: str) -> str:
    return url if code == "en" else f"{url}{code}/"


def expect_first(items: Locator, code: str, path: str, title: str) -> None:
    """The first result is the page at `path`, titled in the site's language, and
    reads in that language's direction."""
    first = items.first
    href = first.locator("a").first.get_attribute("href") or ""
    prefix = "" if code == "en" else f"{code}/"
    assert re.search(f"/{re.escape(prefix + path)}(\\?|$)", href), (href, title)
    expect(first.locator("h1")).to_have_text(title)
    assert first.evaluate("e => getComputedStyle(e).direction") == direction(code)


@pytest.mark.parametrize("code", LANGUAGES)
def test_typing_a_cause_s_title_finds_its_page_first(
    page: Page, real_site_url: str, code: str
) -> None:
    page.goto(home(real_site_url, code))
    for cause in guide(code).causes:
        expect_first(search(page, cause.title), code, f"causes/{cause.id}/", cause.title)


def wordings(code: str) -> list[tuple[str, str, str]]:
    """Each symptom's message as the platform shows it to this language's readers:
    in their language where the dataset has it, else as the site's own language
    has it (symptom id, its title in this language, the words)."""
    out = []
    for symptom in guide(code).symptoms:
        own = [m.text for m in symptom.messages if m.language == code]
        shown = own or [m.text for m in symptom.messages if not m.language]
        out += [(symptom.id, symptom.title, text) for text in shown]
    return out


@pytest.mark.parametrize("code", LANGUAGES)
def test_pasting_the_message_as_the_platform_shows_it_finds_the_symptom_first(
    page: Page, real_site_url: str, code: str
) -> None:
    page.goto(home(real_site_url, code))
    assert wordings(code)
    for symptom, title, text in wordings(code):
        expect_first(search(page, text), code, f"symptoms/{symptom}/", title)


OTHER_FORMS = [
    # Stemmed: a word typed in another form than the title's.
    ("en", "deleting account", "deleted-by-accident"),
    ("en", "confirming emails", "email-not-confirmed"),
    ("ru", "удален аккаунт", "deleted-by-accident"),
    ("ru", "слишком много споров", "too-many-disputes"),
    ("ru", "не подтвердил почту", "email-not-confirmed"),
    ("es", "cuentas eliminadas", "deleted-by-accident"),
    ("pt-BR", "contas excluídas", "deleted-by-accident"),
    ("fr", "comptes supprimés", "deleted-by-accident"),
    ("ar", "حذف حسابي", "deleted-by-accident"),
    ("ar", "النزاعات الكثيرة", "too-many-disputes"),
    # Korean (no stemmer): nouns without the particle or ending the title gives them.
    ("ko", "계정 삭제", "deleted-by-accident"),
    ("ko", "이메일 인증", "email-not-confirmed"),
]


@pytest.mark.parametrize(("code", "query", "cause"), OTHER_FORMS)
def test_other_forms_of_a_title_s_words_find_the_page_first(
    page: Page, real_site_url: str, code: str, query: str, cause: str
) -> None:
    title = guide(code).cause(cause).title
    words = set(re.split(SEPARATOR, title.lower()))
    assert not set(query.split()) <= words, "a case of other forms than the title's"
    page.goto(home(real_site_url, code))
    expect_first(search(page, query), code, f"causes/{cause}/", title)


VISITORS_WORDS = [
    # How a Russian shopper says it, not the platform's wording.
    ("ru", "аккаунт заблокирован", "account-terminated"),
]


@pytest.mark.parametrize(("code", "query", "symptom"), VISITORS_WORDS)
def test_a_visitor_s_own_words_for_the_message_find_the_symptom_first(
    page: Page, real_site_url: str, code: str, query: str, symptom: str
) -> None:
    page.goto(home(real_site_url, code))
    title = guide(code).symptom(symptom).title
    expect_first(search(page, query), code, f"symptoms/{symptom}/", title)


POLISH_FORMS = ["pomyłka", "pomyłki", "pomyłkę"]
"""`pomyłkę` is in the title of the page; the others are its other forms."""


@pytest.mark.parametrize("query", POLISH_FORMS)
def test_polish_search_finds_other_forms_of_a_word_without_a_stemmer(
    page: Page, real_site_url: str, query: str
) -> None:
    """Lunr has no Polish stemmer (README, "Languages"): typed words are looked up
    without their likely ending, so each form finds the page whose title has one."""
    cause = guide("pl").cause("deleted-by-accident")
    assert "pomyłkę" in cause.title.split()
    page.goto(home(real_site_url, "pl"))
    expect_first(search(page, query), "pl", "causes/deleted-by-accident/", cause.title)


CHECKS = [*((code, "phone") for code in LANGUAGES), ("en", "desktop"), ("ar", "desktop")]


@pytest.mark.parametrize(("code", "viewport"), CHECKS)
def test_a_search_that_finds_nothing_leads_to_the_guided_check(
    page: Page, real_site_url: str, code: str, viewport: str
) -> None:
    page.set_viewport_size(PHONE if viewport == "phone" else DESKTOP)  # type: ignore[arg-type]
    page.goto(home(real_site_url, code) + "causes/too-many-disputes/")
    hint = page.locator("[data-hs-search-none]")
    link = hint.get_by_role("link", name=catalog(code).gettext(NO_RESULTS))
    box = type_query(page, guide(code).cause("too-many-disputes").title)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    expect(hint).to_be_hidden()
    box = type_query(page, NOTHING)
    expect(link).to_be_visible()
    assert axe_violations(page) == []
    box.press("ArrowDown")  # as to the first result
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(home(real_site_url, code) + "check/")
    expect(page.locator("html")).to_have_attribute("lang", code)


def test_the_hint_waits_for_the_search_to_say_it_found_nothing(
    page: Page, real_site_url: str
) -> None:
    page.goto(real_site_url)
    hint = page.locator("[data-hs-search-none]")
    box = type_query(page, NOTHING)
    expect(hint).to_be_visible()
    box.fill("")
    box.press("End")
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    expect(hint).to_be_hidden()


INDEX = "**/search/search_index.json"
WAYS_TO_SEARCH = [
    ("en", "phone", "the header's search button"),
    ("ar", "phone", "the header's search button"),
    ("en", "desktop", "the search box"),
    ("en", "desktop", "the keyboard shortcut"),
]


def open_search(page: Page, way: str) -> None:
    if way == "the header's search button":
        page.locator("label.md-header__button[for=__search]").click()
    elif way == "the search box":
        page.locator("[data-md-component=search-query]").click()
    else:
        page.keyboard.press("/")  # the theme's shortcut, as are `f` and `s`
    expect(page.locator("[data-md-component=search-query]")).to_be_focused()


@pytest.mark.parametrize(("code", "viewport", "way"), WAYS_TO_SEARCH)
def test_the_search_index_is_downloaded_once_the_visitor_opens_search(
    page: Page, real_site_url: str, code: str, viewport: str, way: str
) -> None:
    """The index holds the text of every page (megabytes at thousands of records):
    neither a page nor the next one the theme swaps in downloads it; opening
    search does, once, and words typed before it arrives are searched once it has."""
    page.set_viewport_size(PHONE if viewport == "phone" else DESKTOP)  # type: ignore[arg-type]
    requests: list[Request] = []
    page.on("request", lambda r: requests.append(r) if "search_index" in r.url else None)
    held: list[Route] = []
    page.route(INDEX, lambda route: held.append(route))
    page.goto(home(real_site_url, code) + "causes/too-many-disputes/")
    page.wait_for_load_state("networkidle")
    assert requests == []
    page.evaluate("window.hsSameDocument = true")
    page.locator(".md-content a[href*='remedies/']").first.click()
    page.wait_for_url("**/remedies/**")
    assert page.evaluate("window.hsSameDocument"), "the theme swapped the page in"
    page.wait_for_load_state("networkidle")
    assert requests == []

    with page.expect_request(INDEX):
        open_search(page, way)
    cause = guide(code).cause("too-many-disputes")
    type_query(page, cause.title)
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text(re.compile(r"\d"))  # no count of results: still waiting
    expect(page.locator(".md-search-result__item")).to_have_count(0)
    assert len(held) == 1
    held[0].continue_()
    expect_first(
        page.locator(".md-search-result__item"), code, "causes/too-many-disputes/", cause.title
    )
    assert len(requests) == 1


def test_a_page_opened_from_a_result_highlights_the_words_searched(
    page: Page, real_site_url: str
) -> None:
    """A result links to its page with the words searched (`?h=`), which the theme
    marks there with the index's settings: such a page downloads the index at once."""
    page.goto(real_site_url + "causes/too-many-disputes/?h=disputes")
    marks = page.locator(".md-content mark")
    expect(marks.first).to_have_text(re.compile("^disputes$", re.IGNORECASE))


def summaries_project(folder: Path) -> Path:
    """The houseplants project with `large_site_above: 0`: its seven record
    pages are over the limit, as a site's thousands are; its mkdocs.yml."""
    shutil.copytree(HOUSEPLANTS, folder)
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      content: content\n" in text and "features:" not in text
    # As a site would have it, for the feature a large site turns off.
    text = text.replace(
        "  name: material\n",
        "  name: material\n  features: [navigation.instant, navigation.sections]\n",
    )
    limit = "      content: content\n      large_site_above: 0\n"
    config.write_text(text.replace("      content: content\n", limit), encoding="utf-8")
    return config


def index_docs(site: Path) -> list[dict[str, str]]:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    docs: list[dict[str, str]] = index["docs"]
    return docs


OVERWATERING = {
    "location": "causes/overwatering/",
    "title": "Too much water",
    "text": "<p>The roots sit in wet soil and cannot breathe.</p>",
}


@pytest.fixture(scope="module")
def summaries_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("summaries")
    site = build(summaries_project(folder / "project"), folder / "site")
    with serve(site) as url:
        yield url


def test_above_the_limit_a_record_page_is_found_by_its_title_and_shows_its_summary(
    page: Page, summaries_site_url: str
) -> None:
    page.goto(summaries_site_url)
    items = search(page, "too much water")
    first = items.first
    href = first.locator("a").first.get_attribute("href") or ""
    assert re.search(r"/causes/overwatering/(\?|$)", href), href
    expect(first).to_contain_text("The roots sit in wet soil and cannot breathe.")


def test_above_the_limit_each_record_page_has_one_entry_online_and_offline(
    tmp_path: Path,
) -> None:
    config = summaries_project(tmp_path / "project")
    online = build(config, tmp_path / "online")
    docs = index_docs(online)
    assert [d for d in docs if d["location"].startswith("causes/overwatering/")] == [OVERWATERING]
    assert any(d["location"].startswith("#") for d in docs), "the home page keeps its sections"
    offline = build(config, tmp_path / "offline", offline=True)
    script = (offline / "search/search_index.js").read_text(encoding="utf-8")
    index = (offline / "search/search_index.json").read_text(encoding="utf-8")
    assert script == f"var __index = {index}"
    overwatering = {**OVERWATERING, "location": "causes/overwatering.html"}
    assert [d for d in index_docs(offline) if "overwatering" in d["location"]] == [overwatering]


def theme_features(site: Path) -> list[str]:
    """The theme's features as a built page gives them to the theme's script."""
    html = (site / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html)
    assert found is not None
    features: list[str] = json.loads(found[1])["features"]
    return features


def test_a_large_site_has_no_instant_navigation_and_so_no_sitemap_download(
    tmp_path: Path, real_site: Path
) -> None:
    """The theme's instant navigation downloads the whole sitemap on a visitor's
    first page; on a large site that grows with the dataset."""
    assert "navigation.instant" in theme_features(real_site)
    large = build(summaries_project(tmp_path / "project"), tmp_path / "site")
    features = theme_features(large)
    assert "navigation.instant" not in features
    assert "navigation.sections" in features  # the others stay


def test_a_site_s_own_search_settings_win(project: Project, tmp_path: Path) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - search\n" in text
    config.write_text(
        text.replace("  - search\n", "  - search:\n      separator: '[\\s]+'\n"), encoding="utf-8"
    )
    site = build(config, tmp_path / "site")
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["separator"] == "[\\s]+"  # the site's
    assert index["config"]["pipeline"] == ["stemmer", "stopWordFilter"]  # the plugin's


def test_no_link_to_a_guided_check_the_site_does_not_have(project: Project, tmp_path: Path) -> None:
    for question in (project.content / "questions").glob("*.yml"):
        question.unlink()
    site_yml = project.content / "site.yml"
    site_yml.write_text(
        re.sub(r"(?m)^check_start:.*\n", "", site_yml.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    site = build(project.root / "mkdocs.yml", tmp_path / "site")
    assert not (site / "check").exists()
    assert "data-hs-search-none" not in (site / "index.html").read_text(encoding="utf-8")
