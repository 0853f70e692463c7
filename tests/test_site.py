"""The real dataset through the real MkDocs build: pages, cross-links, and the seed's facts."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from playwright.sync_api import Page

from generator.pipeline import check
from tests.conftest import HOUSEPLANTS, ROOT, build, plain_mkdocs_build
from tests.pages import article_text, broken_links, links_to, resolve

CAUSES = [
    "wrong-login-data",
    "email-not-confirmed",
    "deleted-by-accident",
    "illegal-activity",
    "too-many-disputes",
    "duplicate-accounts",
    "no-known-reason",
]


def test_every_record_has_a_page_at_its_stable_url(real_site: Path) -> None:
    guide = check(ROOT / "content", ROOT).guide
    assert guide is not None
    assert [c.id for c in guide.causes] == CAUSES
    for kind, records in (
        ("symptoms", guide.symptoms),
        ("causes", guide.causes),
        ("remedies", guide.remedies),
    ):
        for record in records:
            assert (real_site / kind / record.id / "index.html").is_file()
    assert (real_site / "causes/index.html").is_file()
    assert (real_site / "index.html").is_file()


def test_each_cause_links_to_its_remedies_and_back(real_site: Path) -> None:
    guide = check(ROOT / "content", ROOT).guide
    assert guide is not None
    for cause in guide.causes:
        page = f"causes/{cause.id}/index.html"
        targets = links_to(real_site, page)
        for step in cause.remedies:
            remedy_page = f"remedies/{step.remedy.id}/index.html"
            assert remedy_page in targets, f"{page} does not link to {remedy_page}"
            assert page in links_to(real_site, remedy_page), f"{remedy_page} lacks a link back"
        assert "symptoms/account-terminated/index.html" in targets
        assert page in links_to(real_site, "symptoms/account-terminated/index.html")


def test_home_page_lists_every_cause_with_its_verdict(real_site: Path) -> None:
    targets = links_to(real_site, "index.html")
    for cause in CAUSES:
        assert f"causes/{cause}/index.html" in targets
    text = article_text(real_site, "index.html")
    assert "This account has been terminated. Please use another account to login" in text
    # site.yml's own words for the four verdicts.
    for verdict in (
        "Can come back",
        "May come back",
        "Unlikely to come back",
        "Will not come back",
    ):
        assert verdict in text


def test_overview_table_has_cause_verdict_and_first_remedy(real_site: Path) -> None:
    text = article_text(real_site, "causes/index.html")
    assert "The email address was not confirmed in time Can come back Press the “Account " in text
    assert "Disputes were opened on too many orders Unlikely to come back Open disputes" in text


def test_seed_facts_appear(real_site: Path) -> None:
    assert "within three days of registering" in article_text(
        real_site, "causes/email-not-confirmed/index.html"
    )
    assert "more than 50% of an account's active orders" in article_text(
        real_site, "causes/too-many-disputes/index.html"
    )
    assert "“Account reactivation” button" in article_text(
        real_site, "remedies/account-reactivation/index.html"
    )
    symptom = article_text(real_site, "symptoms/account-terminated/index.html")
    assert "You cannot place new orders" in symptom
    assert "open a dispute on those unfinished orders" in symptom
    assert "Will not come back" in article_text(real_site, "causes/illegal-activity/index.html")


def test_every_page_says_it_is_an_independent_guide(real_site: Path) -> None:
    for page in ("index.html", "causes/too-many-disputes/index.html", "about/index.html"):
        html = (real_site / page).read_text(encoding="utf-8")
        assert "This is an independent guide. It is not run by AliExpress" in html


def test_edit_link_points_at_the_data_file(real_site: Path) -> None:
    html = (real_site / "causes/too-many-disputes/index.html").read_text(encoding="utf-8")
    assert (
        'href="https://github.com/helpsite/helpsite/edit/main/content/causes/too-many-disputes.yml"'
        in html
    )


@pytest.fixture(scope="module")
def houseplants_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(HOUSEPLANTS / "mkdocs.yml", tmp_path_factory.mktemp("houseplants") / "site")


def test_second_domain_builds_with_the_same_code(houseplants_site: Path) -> None:
    site = houseplants_site
    assert "Most plants recover once the soil dries out." in article_text(
        site, "causes/overwatering/index.html"
    )
    assert "remedies/let-soil-dry/index.html" in links_to(site, "causes/overwatering/index.html")


def test_a_second_domain_s_pages_say_nothing_of_accounts_or_support(
    houseplants_site: Path,
) -> None:
    pages = sorted(
        p.relative_to(houseplants_site).as_posix() for p in houseplants_site.rglob("*.html")
    )
    assert len(pages) > 8
    for page in pages:
        text = article_text(houseplants_site, page).lower()
        for words in ("aliexpress", "account", "for support", "to support"):
            assert words not in text, f"{words!r} on {page}"
    cause = article_text(houseplants_site, "causes/overwatering/index.html")
    assert "Can it be put right? Recoverable" in cause
    # No `request` in its settings: no request for help to write to anyone.
    assert "Writing to" not in article_text(houseplants_site, "check/index.html")


def test_visitor_goes_from_home_to_a_cause_to_a_remedy(page: Page, real_site_url: str) -> None:
    page.goto(real_site_url)
    assert "what it means and what to do" in page.locator("h1").inner_text()
    page.get_by_role("link", name="Disputes were opened on too many orders").first.click()
    page.wait_for_url("**/causes/too-many-disputes/")
    assert (
        page.locator(".hs-recoverability")
        .inner_text()
        .startswith("Can the account come back? Unlikely to come back")
    )
    page.locator("article").get_by_role(
        "link", name="Create a new account and build your rating again"
    ).click()
    page.wait_for_url("**/remedies/create-new-account/")
    page.locator("article").get_by_role(
        "link", name="Disputes were opened on too many orders"
    ).click()
    page.wait_for_url("**/causes/too-many-disputes/")


def test_every_internal_link_and_anchor_resolves(real_site: Path) -> None:
    assert broken_links(real_site) == []


EDIT = re.compile(r'href="https://github\.com/helpsite/helpsite/edit/main/([^"]+)"')


def test_every_edit_link_opens_the_source_file(real_site: Path) -> None:
    seen = {}
    for page in sorted(real_site.rglob("*.html")):
        found = EDIT.findall(page.read_text(encoding="utf-8"))
        for target in found:
            assert (ROOT / target).is_file(), f"{page}: edit link to missing {target}"
            assert not target.endswith(".md") or target.startswith(
                ("content/pages/", "content/translations/")
            )
        if found:
            seen[page.relative_to(real_site).as_posix()] = found[0]
    assert seen["causes/wrong-login-data/index.html"] == "content/causes/wrong-login-data.yml"
    assert seen["remedies/reset-password/index.html"] == "content/remedies/reset-password.yml"
    assert seen["symptoms/account-terminated/index.html"] == (
        "content/symptoms/account-terminated.yml"
    )
    assert seen["index.html"] == "content/site.yml"
    assert seen["about/index.html"] == "content/pages/about.md"


def test_the_build_says_how_long_the_generator_took(tmp_path: Path) -> None:
    result = plain_mkdocs_build(HOUSEPLANTS, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    line = r"INFO    -  helpsite: \d+ pages generated in \d+\.\d{3} seconds"
    assert re.search(line, result.stderr)


def test_crawlers_are_pointed_at_the_sitemap(real_site: Path) -> None:
    robots = (real_site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://helpsite.example.org/sitemap-index.xml\n" in robots
    assert (real_site / "sitemap.xml").is_file()


def test_a_hand_written_robots_txt_is_kept(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(HOUSEPLANTS, project)
    (project / "content/pages/robots.txt").write_text("User-agent: *\nDisallow: /\n", "utf-8")
    site = build(project / "mkdocs.yml", tmp_path / "site")
    assert (site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /\n"


COPYRIGHT = re.compile(r'<div class="md-copyright__highlight">(.*?)</div>', re.S)


def footer_hrefs(site: Path, page: str) -> list[str]:
    found = COPYRIGHT.search((site / page).read_text(encoding="utf-8"))
    assert found is not None, f"{page} has no footer notice"
    return re.findall(r'href="([^"]*)"', found.group(1))


def test_the_footer_notice_links_to_records_from_every_page(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(HOUSEPLANTS, project)
    site_yml = project / "content/site.yml"
    site_yml.write_text(
        site_yml.read_text(encoding="utf-8").replace(
            "notice: A small example guide used by the generator's tests.",
            "notice: A small example guide; see [too much water](cause:overwatering).",
        ),
        encoding="utf-8",
    )
    site = build(project / "mkdocs.yml", tmp_path / "site")
    pages = [
        "index.html",
        "causes/index.html",
        "causes/overwatering/index.html",
        "remedies/let-soil-dry/index.html",
        "check/map/index.html",
        "about/index.html",
    ]
    for page in pages:
        [href] = footer_hrefs(site, page)
        assert resolve(site, page, href) == ("causes/overwatering/index.html", ""), page
    # Served at any address, so its links start from the site's root.
    assert footer_hrefs(site, "404.html") == ["/causes/overwatering/"]


def test_hand_written_pages_link_to_records_by_id(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(HOUSEPLANTS, project)
    about = project / "content/pages/about.md"
    about.write_text("# About\n\nSee [too much water](cause:overwatering).\n", encoding="utf-8")
    site = build(project / "mkdocs.yml", tmp_path / "site")
    assert "causes/overwatering/index.html" in links_to(site, "about/index.html")


def test_a_link_to_no_record_in_a_hand_written_page_stops_the_build(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(HOUSEPLANTS, project)
    about = project / "content/pages/about.md"
    about.write_text("# About\n\nSee [too much water](cause:overwaterin).\n", encoding="utf-8")
    result = plain_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert (
        "content/pages/about.md: a link to 'cause:overwaterin' is left in the built page; "
        "expected the id of an existing record, e.g. [text](cause:ID) with ID a file name in "
        "causes/ without `.yml`"
    ) in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-1", "expected a whole number of 0 or more, got -1"),
        ("many", "Expected type: <class 'int'> but received: <class 'str'>"),
    ],
)
def test_nav_limit_must_be_a_count(tmp_path: Path, value: str, message: str) -> None:
    project = tmp_path / "project"
    shutil.copytree(HOUSEPLANTS, project)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      content: content", f"      content: content\n      nav_limit: {value}"
        ),
        encoding="utf-8",
    )
    result = plain_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert f"Plugin 'helpsite' option 'nav_limit': {message}" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_link_in_the_pages_folder_stops_the_build_before_anything_is_copied(
    tmp_path: Path,
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("token=do-not-publish\n", encoding="utf-8")
    project = tmp_path / "project"
    shutil.copytree(HOUSEPLANTS, project)
    (project / "content/pages/notes.txt").symlink_to(secret)
    result = plain_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert (
        "content/pages/notes.txt:1:1: error: a symbolic link; everything in content/pages/ must "
        "be a regular file or folder inside it: replace the link with what it points to\n"
        "1 error in the hand-written pages; nothing was built."
    ) in result.stderr
    assert "do-not-publish" not in result.stdout + result.stderr
    assert not (tmp_path / "site").exists()


def test_the_dataset_is_published_as_json_that_follows_its_schema(real_site: Path) -> None:
    data = json.loads((real_site / "data/dataset.json").read_text(encoding="utf-8"))
    schema = json.loads((real_site / "data/dataset.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert [c["id"] for c in data["causes"]] == CAUSES
    cause = next(c for c in data["causes"] if c["id"] == "too-many-disputes")
    assert cause["recoverability"]["verdict"] == "rarely"
    assert cause["sources"] == [
        "cashbackhunter-terminated",
        "profile-appeal",
        "tvzvezda-appeal",
        "gazeta-blacklist",
        "aliexpress-dispute-claim-process",
    ]
    broken = dict(data, causes=[{"id": "x"}])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
