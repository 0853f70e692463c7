"""Links the generator writes without MkDocs: reports about a page, internal links
in hand-written pages, the language list, robots.txt and the sitemap index, and
the names of the languages."""

from __future__ import annotations

import re

import pytest

from generator.i18n import direction, language_name, language_name_in, og_locale
from generator.pipeline import build
from generator.render.addresses import Options, Sites, resolve_links, resolver
from generator.render.structured import robots_txt, sitemap_index
from tests.conftest import Project


def page(project: Project, path: str, options: Options) -> str:
    result = build(project.content, project.root, options)
    return next(p.markdown for p in result.pages if p.path == path)


def links(markdown: str, start: str) -> list[str]:
    return re.findall(f'href="({re.escape(start)}[^"]*)"', markdown)


def test_reports_open_the_repository_s_form_prefilled(project: Project) -> None:
    reports = "https://github.com/owner/repo/issues/new"
    text = page(
        project,
        "causes/overwatering.md",
        Options(reports=reports, site_url="https://example.org/", directory_urls=False),
    )
    form = f"{reports}?template=report.yml&amp;"
    where = (
        "page=https%3A%2F%2Fexample.org%2Fcauses%2Foverwatering.html"
        "&amp;record=causes%2Foverwatering"
    )
    assert links(text, reports) == [
        f"{form}title=Did+this+help%3A+yes%2C+causes%2Foverwatering&amp;{where}&amp;helped=yes",
        f"{form}title=Did+this+help%3A+no%2C+causes%2Foverwatering&amp;{where}&amp;helped=no",
        f"{form}title=Problem+with+causes%2Foverwatering&amp;{where}",
    ]
    assert links(text, "mailto:") == []


def test_without_a_repository_reports_go_by_email(project: Project) -> None:
    settings = (project.content / "site.yml").read_text(encoding="utf-8")
    project.write("site.yml", settings + "report_email: fixes@example.org\n")
    text = page(project, "remedies/let-soil-dry.md", Options())
    body = "page%3A%20remedies%2Flet-soil-dry%2F%0Arecord%3A%20remedies%2Flet-soil-dry"
    problem = (
        f"mailto:fixes@example.org?subject=Problem%20with%20remedies%2Flet-soil-dry&amp;body={body}"
    )
    assert links(text, "mailto:") == [
        "mailto:fixes@example.org?subject=Did%20this%20help%3A%20yes%2C%20remedies%2Flet-soil-dry"
        f"&amp;body={body}%0Ahelped%3A%20yes",
        "mailto:fixes@example.org?subject=Did%20this%20help%3A%20no%2C%20remedies%2Flet-soil-dry"
        f"&amp;body={body}%0Ahelped%3A%20no",
        problem,
        problem,  # "or by email" says the same
    ]


def test_with_both_the_email_is_offered_beside_the_form(project: Project) -> None:
    settings = (project.content / "site.yml").read_text(encoding="utf-8")
    project.write("site.yml", settings + "report_email: fixes@example.org\n")
    reports = "https://github.com/owner/repo/issues/new"
    text = page(project, "symptoms/yellow-leaves.md", Options(reports=reports))
    assert len(links(text, reports)) == 3
    assert links(text, "mailto:") == [
        "mailto:fixes@example.org?subject=Problem%20with%20symptoms%2Fyellow-leaves&amp;body="
        "page%3A%20symptoms%2Fyellow-leaves%2F%0Arecord%3A%20symptoms%2Fyellow-leaves"
    ]


def test_no_report_links_without_a_place_for_reports(project: Project) -> None:
    text = page(project, "causes/overwatering.md", Options())
    assert links(text, "mailto:") == [] and "Did this help?" not in text


@pytest.mark.parametrize(
    ("from_path", "directory_urls", "expected"),
    [
        ("index.md", True, "causes/old-leaves/"),
        ("index.md", False, "causes/old-leaves.html"),
        ("remedies/let-soil-dry.md", True, "../../causes/old-leaves/"),
        ("remedies/let-soil-dry.md", False, "../causes/old-leaves.html"),
        # Hand-written pages are named freely, capitals too.
        ("guides/X.md", True, "../../causes/old-leaves/"),
        (None, True, "/site/causes/old-leaves/"),
        (None, False, "/site/causes/old-leaves.html"),
    ],
)
def test_internal_links_resolve_from_the_page_they_are_on(
    from_path: str | None, directory_urls: bool, expected: str
) -> None:
    assert resolver(from_path, directory_urls, "/site/")("causes", "old-leaves") == expected


def test_hand_written_pages_link_to_records_that_exist_only() -> None:
    html = (
        '<a href="cause:old-leaves">a</a> <a href="remedy:gone">b</a> '
        '<a href="symptom:yellow-leaves">c</a> <a href="https://example.org/">d</a> '
        '<a href="cause:old-leaves:2">e</a>'
    )
    known = {("causes", "old-leaves"), ("symptoms", "yellow-leaves")}
    resolved = resolve_links(
        html,
        lambda folder, rid: f"../{folder}/{rid}/?a=1&b=2",
        lambda folder, rid: (folder, rid) in known,
    )
    assert resolved == (
        '<a href="../causes/old-leaves/?a=1&amp;b=2">a</a> <a href="remedy:gone">b</a> '
        '<a href="../symptoms/yellow-leaves/?a=1&amp;b=2">c</a> '
        '<a href="https://example.org/">d</a> <a href="cause:old-leaves:2">e</a>'
    )


def test_the_language_list_links_to_the_same_page_in_every_language() -> None:
    english = Sites("en", "en", ("en", "ru", "pt-BR"), "https://example.org/")
    assert english.links("causes/a/") == [
        ("en", "../../causes/a/"),
        ("ru", "../../ru/causes/a/"),
        ("pt-BR", "../../pt-BR/causes/a/"),
    ]
    assert english.links("") == [("en", "./"), ("ru", "ru/"), ("pt-BR", "pt-BR/")]
    russian = Sites("en", "ru", ("en", "ru"), "https://example.org/")
    assert russian.links("causes/a/") == [
        ("en", "../../../causes/a/"),
        ("ru", "../../../ru/causes/a/"),
    ]
    assert russian.links("") == [("en", "../"), ("ru", "../ru/")]
    assert russian.absolute("check/") == [
        ("en", "https://example.org/check/"),
        ("ru", "https://example.org/ru/check/"),
    ]
    assert sitemap_index(russian) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        "  <sitemap><loc>https://example.org/sitemap.xml</loc></sitemap>\n"
        "  <sitemap><loc>https://example.org/ru/sitemap.xml</loc></sitemap>\n"
        "</sitemapindex>\n"
    )


def test_robots_txt_allows_everything_and_names_the_sitemap() -> None:
    assert robots_txt("https://example.org/") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n"
    )
    assert robots_txt("https://example.org/", "sitemap-index.xml").endswith(
        "Sitemap: https://example.org/sitemap-index.xml\n"
    )


@pytest.mark.parametrize(
    ("code", "name", "locale", "writing"),
    [
        ("en", "English", "en_US", "ltr"),
        ("ru", "Русский", "ru_RU", "ltr"),
        ("pt-BR", "Português (Brasil)", "pt_BR", "ltr"),
        ("en-GB", "English (United Kingdom)", "en_GB", "ltr"),
        ("ar", "العربية", "ar_EG", "rtl"),
        ("ko", "한국어", "ko_KR", "ltr"),
        # CLDR's likely locale for `no` is one Babel does not have.
        ("no", "Norsk", "no_NO", "ltr"),
    ],
)
def test_languages_are_named_in_their_own_words(
    code: str, name: str, locale: str, writing: str
) -> None:
    assert (language_name(code), og_locale(code), direction(code)) == (name, locale, writing)


@pytest.mark.parametrize(
    ("language", "reader", "name"),
    [("en", "ru", "английский"), ("ru", "en", "Russian"), ("pt-BR", "es", "portugués (Brasil)")],
)
def test_a_language_is_named_in_the_reader_s_words(language: str, reader: str, name: str) -> None:
    # As a translated page's request for support names the dataset's own language.
    assert language_name_in(language, reader) == name
