"""Findability: canonical links, descriptions, Open Graph, structured data, sitemap, 404, search."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from playwright.sync_api import Page, expect

from generator.pipeline import check
from generator.translations import languages
from tests.browser import search
from tests.conftest import HOUSEPLANTS, ROOT, build

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
SITE_URL = "https://helpsite.example.org/"
MESSAGE = "This account has been terminated. Please use another account to login"


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def structured(html: str) -> dict[str, dict[str, object]]:
    return {data["@type"]: data for data in map(json.loads, LD_JSON.findall(html))}


def test_every_page_has_canonical_description_and_open_graph(real_site: Path) -> None:
    for page in pages(real_site):
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(real_site).as_posix()
        expected = SITE_URL + rel.removesuffix("index.html")
        assert f'<link rel="canonical" href="{expected}">' in html, rel
        assert re.search(r'<meta name="description" content="[^"]{20,}">', html), rel
        assert f'<meta property="og:url" content="{expected}">' in html, rel
        assert re.search(r'<meta property="og:title" content="[^"]+">', html), rel
        assert re.search(r'<meta property="og:description" content="[^"]{20,}">', html), rel


def test_record_pages_have_breadcrumbs(real_site: Path) -> None:
    html = (real_site / "causes/too-many-disputes/index.html").read_text(encoding="utf-8")
    crumbs = structured(html)["BreadcrumbList"]
    assert crumbs["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "name": "Home", "item": SITE_URL},
        {"@type": "ListItem", "position": 2, "name": "Causes", "item": SITE_URL + "causes/"},
        {
            "@type": "ListItem",
            "position": 3,
            "name": "Disputes were opened on too many orders",
            "item": SITE_URL + "causes/too-many-disputes/",
        },
    ]
    for kind in ("symptoms", "causes", "remedies"):
        for page in (real_site / kind).glob("*/index.html"):
            assert "BreadcrumbList" in structured(page.read_text(encoding="utf-8")), page


def test_symptom_page_has_a_faq(real_site: Path) -> None:
    html = (real_site / "symptoms/account-terminated/index.html").read_text(encoding="utf-8")
    faq = structured(html)["FAQPage"]
    questions = faq["mainEntity"]
    assert isinstance(questions, list)
    assert questions[0]["name"] == f"What does \u201c{MESSAGE}\u201d mean?"
    answers = " ".join(q["acceptedAnswer"]["text"] for q in questions)
    assert "Disputes were opened on too many orders: Unlikely to come back." in answers


MARKUP = re.compile(r"\]\(|\*\*|`|<[a-z/]|&[a-z]+;|(?:cause|remedy|symptom):[a-z0-9]")
"""Markdown links, bold, code, HTML tags and entities, internal link targets."""


def test_structured_data_is_plain_text(real_site: Path) -> None:
    html = (real_site / "symptoms/account-terminated/index.html").read_text(encoding="utf-8")
    texts = [
        text
        for question in structured(html)["FAQPage"]["mainEntity"]  # type: ignore[attr-defined]
        for text in (question["name"], question["acceptedAnswer"]["text"])
    ]
    assert any("open a dispute on those unfinished orders (how to do it)" in t for t in texts)
    for text in texts:
        assert not MARKUP.search(text), text


def test_the_sitemaps_list_every_page_with_its_other_languages(real_site: Path) -> None:
    ns = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    index = ElementTree.parse(real_site / "sitemap-index.xml").getroot()
    sitemaps = [loc.text or "" for loc in index.findall("s:sitemap/s:loc", ns)]
    codes = ["", *(f"{code}/" for code in languages(ROOT / "content"))]
    assert sitemaps == [f"{SITE_URL}{code}sitemap.xml" for code in codes]
    for code in codes:
        tree = ElementTree.parse(real_site / code / "sitemap.xml").getroot()
        urls = {url.findtext("s:loc", namespaces=ns): url for url in tree.findall("s:url", ns)}
        for page in pages(real_site / code) if code else pages(real_site):
            rel = page.relative_to(real_site / code).as_posix()
            if not code and rel.split("/")[0] + "/" in codes:
                continue  # another language's page
            url = urls[SITE_URL + code + rel.removesuffix("index.html")]
            alternates = {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
            }
            assert alternates["x-default"] == SITE_URL + rel.removesuffix("index.html")
            assert alternates["ru"] == SITE_URL + "ru/" + rel.removesuffix("index.html")


def test_not_found_page_points_to_the_check_and_search(page: Page, real_site_url: str) -> None:
    page.goto(real_site_url + "404.html")
    expect(page.locator("h1")).to_have_text("Page not found")
    page.get_by_role("link", name="Take the guided check").click()
    page.wait_for_url("**/check/")


def messages() -> list[str]:
    """The wordings of the message in the site's language (the English site's
    search reads English; a Russian wording is found on the Russian site)."""
    guide = check(ROOT / "content", ROOT).guide
    assert guide is not None
    return [m.text for s in guide.symptoms for m in s.messages if not m.language]


@pytest.mark.parametrize("message", messages())
def test_searching_each_wording_of_the_message_finds_the_symptom_page_first(
    page: Page, real_site_url: str, message: str
) -> None:
    page.goto(real_site_url)
    search(page, message).first.locator("a").first.click()
    page.wait_for_url("**/symptoms/account-terminated/**")


def test_no_analytics_or_third_party_scripts_in_config() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "analytics" not in config


def test_the_sitemap_dates_pages_by_when_their_facts_were_checked(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(HOUSEPLANTS, project)
    cause = project / "content/causes/overwatering.yml"
    cause.write_text(
        cause.read_text(encoding="utf-8").replace("reviewed: 2026-11-27", "reviewed: 2025-03-04"),
        encoding="utf-8",
    )
    site = build(project / "mkdocs.yml", tmp_path / "site")
    tree = ElementTree.parse(site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    lastmod = {
        url.findtext("s:loc", namespaces=ns): url.findtext("s:lastmod", namespaces=ns)
        for url in tree.getroot().findall("s:url", ns)
    }
    assert lastmod["https://plants.example.org/causes/overwatering/"] == "2025-03-04"
    assert lastmod["https://plants.example.org/causes/too-little-light/"] == "2026-11-27"
    assert lastmod["https://plants.example.org/about/"] == "2026-11-27"  # the latest check


def test_the_publish_workflow_s_addresses_reach_every_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The publish workflow sets these from the Pages deployment and the repository."""
    monkeypatch.setenv("HELPSITE_SITE_URL", "https://someone.github.io/guide/")
    monkeypatch.setenv("HELPSITE_REPO_URL", "https://github.com/someone/guide")
    site = build(ROOT / "mkdocs.yml", tmp_path / "site")
    html = (site / "causes/too-many-disputes/index.html").read_text(encoding="utf-8")
    page = "https://someone.github.io/guide/causes/too-many-disputes/"
    assert f'<link rel="canonical" href="{page}">' in html
    assert f'<meta property="og:url" content="{page}">' in html
    card = "https://someone.github.io/guide/assets/helpsite/card.png"
    assert f'<meta property="og:image" content="{card}">' in html
    assert 'href="https://github.com/someone/guide/edit/main/content/causes/' in html
    assert 'href="https://github.com/someone/guide/issues/new?template=report.yml&amp;' in html
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://someone.github.io/guide/sitemap-index.xml" in robots
    assert "helpsite.example.org" not in (site / "sitemap.xml").read_text(encoding="utf-8")
