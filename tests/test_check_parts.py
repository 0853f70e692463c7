"""A large guided check cut into parts (`generator/render/parts.py`): what a
visitor downloads stays small, and the check still works as one, with and without
JavaScript, online and from the offline zip. How the check is cut is tested
without a browser in tests/test_render.py."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.pipeline import check
from generator.publish import build_bundle
from generator.render.addresses import CHECK, anchor
from generator.render.parts import split
from generator.schema import Ref
from generator.synth import synth
from tests.browser import console_errors, serve
from tests.conftest import build
from tests.flows import outcome_addresses
from tests.test_quality import axe_violations

CAUSES = 100
"""Enough for several parts (199 sections at 60 a part), few enough to build fast."""
MKDOCS_YML = """\
site_name: Large check
site_url: https://large.example.org/
docs_dir: content/pages
theme:
  name: material
  font: false
  features: [navigation.instant, navigation.sections, search.highlight]
plugins:
  - search
  - helpsite:
      content: content
"""


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("large")
    synth(CAUSES, folder / "content")
    (folder / "content/pages").mkdir()  # MkDocs requires a docs_dir (README)
    (folder / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return build(folder / "mkdocs.yml", folder / "site")


@pytest.fixture(scope="module")
def large_url(large_site: Path) -> Iterator[str]:
    with serve(large_site) as url:
        yield url


@pytest.fixture(scope="module")
def deepest(large_site: Path) -> tuple[str, str]:
    """The outcome the most answers lead to (cause id, its address): on a later part."""
    folder = large_site.parent
    guide = check(folder / "content", folder).guide
    assert guide is not None and guide.flow is not None
    addresses = outcome_addresses(guide.flow)
    cause = max(addresses, key=lambda c: (addresses[c].count("."), c))
    assert split(guide.flow).owner[Ref("causes", cause)] != CHECK
    return cause, addresses[cause]


def shown_step(page: Page) -> str:
    """The id of the question on screen."""
    step = page.locator("[data-hs-step]:visible")
    expect(step).to_have_count(1)
    return str(step.get_attribute("data-hs-step"))


def test_answers_lead_across_parts_and_keep_every_answer(
    page: Page, large_url: str, deepest: tuple[str, str]
) -> None:
    cause, address = deepest
    picks = address.removeprefix("#a=").split(".")
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(large_url + "check/")
    asked = []
    for i, pick in enumerate(picks):
        asked.append(shown_step(page))
        page.locator("[data-hs-step]:visible").locator(f'[data-hs-answer="{pick}"]').click()
        if i + 1 < len(picks):  # the next question, maybe once another part has loaded
            expect(page.locator("[data-hs-step]:visible")).not_to_have_attribute(
                "data-hs-step", asked[-1]
            )
    outcome = page.locator(f'[data-hs-outcome="{cause}"]')
    expect(outcome).to_be_visible()
    assert "/check/q-" in page.url and page.url.endswith(address)
    # "Your answers" lists every answer, those given on the check's first page too.
    trail = outcome.locator("[data-hs-trail] li")
    expect(trail).to_have_count(len(picks))
    page.go_back()
    expect(page.locator("[data-hs-step]:visible")).to_have_attribute("data-hs-step", asked[-1])
    # Back across a part: the question before, on the page it is on.
    for expected in reversed(asked[:-1]):
        page.go_back()
        expect(page.locator("[data-hs-step]:visible")).to_have_attribute("data-hs-step", expected)
    # Start again, from a later part: the first question, on that same page.
    page.goto(large_url + "check/" + address)
    outcome.locator("[data-hs-restart]").first.click()
    assert shown_step(page) == asked[0]


def test_a_shared_address_of_an_outcome_on_any_part_opens_it(
    browser: Browser, large_site: Path, large_url: str
) -> None:
    folder = large_site.parent
    guide = check(folder / "content", folder).guide
    assert guide is not None and guide.flow is not None
    owner = split(guide.flow).owner
    one_a_part: dict[str, tuple[str, str]] = {}
    for cause, address in sorted(outcome_addresses(guide.flow).items()):
        one_a_part.setdefault(owner[Ref("causes", cause)], (cause, address))
    assert len(one_a_part) > 1
    page = browser.new_page(viewport={"width": 375, "height": 812})
    errors = console_errors(page)
    try:
        for cause, address in one_a_part.values():
            # Addresses as the one-page check made them: on the first part.
            page.goto(large_url + "check/" + address)
            outcome = page.locator(f'[data-hs-outcome="{cause}"]')
            expect(outcome).to_be_visible()
            expect(outcome.locator("[data-hs-trail] li")).to_have_count(address.count(".") + 1)
    finally:
        page.close()
    assert errors == []


def test_without_javascript_answer_links_lead_across_parts(
    browser: Browser, large_url: str, deepest: tuple[str, str]
) -> None:
    cause, address = deepest
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(large_url + "check/")
        picks = address.removeprefix("#a=").split(".")
        for i, pick in enumerate(picks):
            # Without the script every answer is a link, and CSS shows the section
            # the address names (the first question when it names none).
            asked = shown_step(page)
            page.locator("[data-hs-step]:visible").locator(f'[data-hs-answer="{pick}"]').click()
            if i + 1 < len(picks):
                expect(page.locator("[data-hs-step]:visible")).not_to_have_attribute(
                    "data-hs-step", asked
                )
        expect(page.locator(f'[data-hs-outcome="{cause}"]')).to_be_visible()
        assert "/check/q-" in page.url
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [(375, 812), (1280, 800)])
def test_a_later_part_has_no_accessibility_violations(
    page: Page, large_url: str, deepest: tuple[str, str], viewport: tuple[int, int]
) -> None:
    cause, address = deepest
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(large_url + "check/" + address)
    expect(page.locator(f'[data-hs-outcome="{cause}"]')).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("viewport", [(375, 812), (1280, 800)])
def test_the_diagram_of_a_large_check_starts_it_on_the_part_of_a_question(
    page: Page, large_url: str, large_site: Path, viewport: tuple[int, int]
) -> None:
    """The diagram page draws the whole check; its links lead to the part that holds
    each question, where the check starts from there."""
    folder = large_site.parent
    guide = check(folder / "content", folder).guide
    assert guide is not None and guide.flow is not None
    owner = split(guide.flow).owner
    later = next(q.ref for q in reversed(guide.flow.questions) if owner[q.ref] != CHECK)
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(large_url + "check/map/")
    assert axe_violations(page) == []
    page.locator(f"#outline-{anchor(later)} a").first.click()
    page.wait_for_url(f"**/{owner[later].removesuffix('.md')}/#{anchor(later)}")
    assert shown_step(page) == later.id


def test_the_offline_zip_reaches_an_outcome_on_a_later_part(
    browser: Browser, large_site: Path, deepest: tuple[str, str], tmp_path: Path
) -> None:
    folder = large_site.parent
    target = tmp_path / "large.zip"
    assert build_bundle(folder / "mkdocs.yml", target, "large") == 0
    with zipfile.ZipFile(target) as archive:
        archive.extractall(tmp_path)
    cause, address = deepest
    page = browser.new_page()
    errors = console_errors(page)
    try:
        page.goto((tmp_path / "large" / "check.html").as_uri() + address)
        outcome = page.locator(f'[data-hs-outcome="{cause}"]')
        expect(outcome).to_be_visible()
        assert "/check/q-" in page.url
        expect(outcome.locator("[data-hs-trail] li")).to_have_count(address.count(".") + 1)
    finally:
        page.close()
    assert errors == []
