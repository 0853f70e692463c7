"""The offline zip, unpacked and opened from disk in Chromium over file://."""

from __future__ import annotations

import os
import re
import subprocess
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.publish import source_date_epoch, write_zip
from tests.browser import search
from tests.conftest import BUNDLE_NAME as NAME
from tests.conftest import ROOT, make_bundle


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page that records every request the browser makes, and console errors."""
    context = browser.new_context()
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, requests
    context.close()
    assert errors == []
    left = [url for url in requests if not url.startswith(("file://", "data:"))]
    assert left == [], "requests left file://"


def test_zip_has_one_top_folder_with_index(bundle: Path) -> None:
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert {name.split("/")[0] for name in names} == {NAME}
    assert f"{NAME}/index.html" in names
    assert f"{NAME}/check.html" in names


def test_vendored_shim_is_the_pinned_npm_package() -> None:
    vendored = ROOT / "generator/vendor/iframe-worker/shim.js"
    assert vendored.read_bytes() == (ROOT / "node_modules/iframe-worker/shim/index.js").read_bytes()


def test_every_entry_carries_the_source_date(bundle: Path) -> None:
    """The zip's times come from SOURCE_DATE_EPOCH (the last commit's time), not the
    clock: two builds a day apart give the same bytes."""
    stamp = time.gmtime(source_date_epoch(ROOT))
    expected = (*stamp[:5], stamp.tm_sec // 2 * 2)  # a zip keeps even seconds
    with zipfile.ZipFile(bundle) as archive:
        times = {info.date_time for info in archive.infolist()}
    assert times == {expected}


@pytest.mark.parametrize(
    ("value", "year"),
    [("1", 1980), ("1700000000", 2023), ("99999999999", 2107), ("9" * 5000, None), ("-5", None)],
)
def test_source_date_epoch_stays_within_what_a_zip_holds(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str, year: int | None
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    epoch = source_date_epoch(tmp_path)  # not a git checkout: a malformed value means 1980
    assert time.gmtime(epoch).tm_year == (year or 1980)
    (tmp_path / "site").mkdir()
    (tmp_path / "site/index.html").write_text("<p>hi</p>", encoding="utf-8")
    write_zip(tmp_path / "site", tmp_path / "out.zip", epoch)
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert archive.infolist()[0].date_time[0] == (year or 1980)


@pytest.mark.parametrize(
    ("date", "year"), [("1975-01-01T00:00:00Z", 1980), ("@7000000000 +0000", 2107)]
)
def test_a_commit_dated_outside_what_a_zip_holds_is_brought_within_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, date: str, year: int
) -> None:
    """A pull request's commits carry any date their author gives them."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", str(tmp_path)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "dated"], check=True, env=env)
    assert time.gmtime(source_date_epoch(tmp_path)).tm_year == year


def test_two_bundles_are_byte_identical(bundle: Path, tmp_path: Path) -> None:
    assert make_bundle(tmp_path).read_bytes() == bundle.read_bytes()


def test_pages_and_links_work_from_disk(
    offline_page: tuple[Page, list[str]], unpacked: Path
) -> None:
    page, requests = offline_page
    page.goto((unpacked / "index.html").as_uri())
    page.locator("article").get_by_role(
        "link", name="Disputes were opened on too many orders"
    ).click()
    assert page.url.endswith("/causes/too-many-disputes.html")
    page.locator("article").get_by_role(
        "link", name="Create a new account and build your rating again"
    ).click()
    assert page.url.endswith("/remedies/create-new-account.html")
    page.get_by_role("link", name="Home", exact=True).first.click()
    assert page.url.endswith("/index.html")
    assert len(requests) > 10


def test_search_finds_the_symptom_page(
    offline_page: tuple[Page, list[str]], unpacked: Path
) -> None:
    page, _ = offline_page
    page.goto((unpacked / "causes/too-many-disputes.html").as_uri())
    search(page, "terminated").first.locator("a").first.click()
    assert urlsplit(page.url).path.endswith("/symptoms/account-terminated.html")


def test_guided_check_works_from_disk(offline_page: tuple[Page, list[str]], unpacked: Path) -> None:
    page, _ = offline_page
    page.goto((unpacked / "check.html").as_uri())
    page.locator('#q-sign-in-details [data-hs-answer="1"]').click()
    page.locator('#q-email-confirmed [data-hs-answer="0"]').click()
    expect(page.locator("#o-email-not-confirmed")).to_be_visible()
    assert page.url.endswith("check.html#a=1.0")
    page.go_back()
    expect(page.locator("#q-email-confirmed")).to_be_visible()
    page.goto((unpacked / "check.html").as_uri() + "#a=1.1.1.1.1.9-10")
    expect(page.locator("#o-too-many-disputes")).to_be_visible()
    page.locator("#o-too-many-disputes").get_by_role(
        "link", name="Everything about this cause"
    ).click()
    assert page.url.endswith("/causes/too-many-disputes.html")


def test_tree_picture_shows_from_disk(offline_page: tuple[Page, list[str]], unpacked: Path) -> None:
    page, _ = offline_page
    page.goto((unpacked / "check/map.html").as_uri())
    picture = page.locator("svg.hs-diagram")
    expect(picture.locator("title")).to_have_text(re.compile("The guided check as a diagram"))
    expect(picture).to_be_visible()
    assert picture.bounding_box()["height"] > 300  # type: ignore[index]
