"""The guided check as a visitor uses it, in headless Chromium over http."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from generator.link import Flow
from generator.pipeline import check
from generator.schema import Question, Share
from tests.browser import serve
from tests.conftest import HOUSEPLANTS, ROOT, build

SHARE_ANSWERS = {0: ("12", "20"), 1: ("3", "20")}
"""Counts that land on the share question's first (above) and second answer."""


def paths(flow: Flow) -> Iterator[tuple[list[int], str]]:
    """Every path from the first question to an outcome: (answer indexes, cause id)."""
    questions = {q.id: q for q in flow.questions}

    def walk(qid: str, taken: list[int]) -> Iterator[tuple[list[int], str]]:
        for i, target in enumerate(a.target for a in questions[qid].choices):
            if target.kind == "causes":
                yield [*taken, i], target.id
            else:
                yield from walk(target.id, [*taken, i])

    yield from walk(flow.start, [])


def real_flow() -> Flow:
    guide = check(ROOT / "content", ROOT).guide
    assert guide is not None and guide.flow is not None
    return guide.flow


@pytest.fixture(scope="module")
def houseplants_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The houseplants site, built without instant navigation, and served."""
    site = build(HOUSEPLANTS / "mkdocs.yml", tmp_path_factory.mktemp("plants") / "site")
    with serve(site) as url:
        yield url


def shown(page: Page) -> Locator:
    """The one section of the check that is shown."""
    return page.locator("[data-hs-step]:visible, [data-hs-outcome]:visible")


def current(page: Page) -> str:
    """The id of the one section of the check that is shown."""
    return shown(page).get_attribute("id") or ""


def answer(page: Page, flow: Flow, qid: str, index: int) -> None:
    question = next(q for q in flow.questions if q.id == qid)
    section = page.locator(f"#q-{qid}")
    if question.share is not None:
        part, whole = SHARE_ANSWERS[index]
        section.get_by_label(question.share.part).fill(part)
        section.get_by_label(question.share.whole).fill(whole)
        section.get_by_role("button", name="Continue").click()
    else:
        section.locator(f'[data-hs-answer="{index}"]').click()


@pytest.mark.parametrize(
    ("answers", "cause"), list(paths(real_flow())), ids=[c for _, c in paths(real_flow())]
)
def test_every_path_leads_to_its_cause(
    page: Page, real_site_url: str, answers: list[int], cause: str
) -> None:
    flow = real_flow()
    page.goto(real_site_url + "check/")
    qid = flow.start
    for index in answers:
        assert current(page) == f"q-{qid}"
        if qid != flow.start:
            expect(page.locator(f"#q-{qid} h2")).to_be_focused()
        answer(page, flow, qid, index)
        target = next(q for q in flow.questions if q.id == qid).choices[index].target
        qid = target.id
    assert current(page) == f"o-{cause}"
    outcome = page.locator(f"#o-{cause}")
    expect(outcome.locator("h2")).to_be_focused()
    expect(outcome.locator(".hs-verdict")).to_be_visible()
    expect(outcome.get_by_role("link", name="Everything about this cause")).to_be_visible()


def test_numeric_question_computes_the_share_and_checks_input(
    page: Page, real_site_url: str
) -> None:
    page.goto(real_site_url + "check/#a=1.1.1.1.1")
    section = page.locator("#q-dispute-share")
    expect(section.locator("[data-hs-fallback]")).to_be_hidden()
    section.get_by_label("Active orders with a dispute").fill("5")
    section.get_by_label("All active orders").fill("4")
    section.get_by_role("button", name="Continue").click()
    expect(section.get_by_role("alert")).to_have_text(
        "The first count cannot be larger than the total."
    )
    section.get_by_label("All active orders").fill("10")
    section.get_by_role("button", name="Continue").click()  # 50% is not more than half
    assert current(page) == "o-no-known-reason"
    # The theme's instant navigation answers "back" by loading the page anew;
    # wait for that before typing into the form it replaces.
    page.go_back(wait_until="networkidle")
    assert current(page) == "q-dispute-share"
    section.get_by_label("Active orders with a dispute").fill("6")
    section.get_by_label("All active orders").fill("10")
    section.get_by_role("button", name="Continue").click()
    assert current(page) == "o-too-many-disputes"
    expect(page.locator("[data-hs-trail]")).to_contain_text("6 of 10 (60%)")


def test_back_change_and_start_again(page: Page, real_site_url: str) -> None:
    page.goto(real_site_url + "check/")
    page.locator('#q-sign-in-details [data-hs-answer="1"]').click()
    page.locator('#q-email-confirmed [data-hs-answer="1"]').click()
    assert current(page) == "q-deleted-account"
    page.go_back()
    assert current(page) == "q-email-confirmed"
    page.go_forward()
    assert current(page) == "q-deleted-account"
    trail = page.get_by_role("navigation", name="Your answers so far")
    trail.get_by_role("link", name="Change the answer to: Did you confirm").click()
    assert current(page) == "q-email-confirmed"
    page.locator('#q-email-confirmed [data-hs-answer="0"]').click()
    assert current(page) == "o-email-not-confirmed"
    page.locator("#o-email-not-confirmed").get_by_role("link", name="Start again").click()
    assert current(page) == "q-sign-in-details"
    expect(trail).to_be_hidden()


def test_result_is_restored_from_the_address(page: Page, real_site_url: str) -> None:
    page.goto(real_site_url + "check/#a=1.1.1.0")
    assert current(page) == "o-duplicate-accounts"
    expect(page.locator("[data-hs-trail] li")).to_have_count(4)


def test_remedy_ladder_and_support_summary(page: Page, real_site_url: str) -> None:
    page.goto(real_site_url + "check/#a=1.1.1.1.1.7-10")
    outcome = page.locator("#o-too-many-disputes")
    rungs = outcome.locator("[data-hs-rung]")
    expect(rungs.nth(0)).to_be_visible()
    expect(rungs.nth(1)).to_be_hidden()
    outcome.get_by_role("button", name="No, show the next step").click()
    expect(rungs.nth(1)).to_be_visible()
    assert page.url.endswith("#a=1.1.1.1.1.7-10&t=1")
    summary = outcome.locator("[data-hs-summary]")
    expect(summary).to_contain_text("Likely cause: Disputes were opened on too many orders")
    expect(summary).to_contain_text("Already tried: Open disputes on unfinished orders")
    expect(summary).to_contain_text(
        "On how many of your active orders have you opened a dispute? 7 of 10 (70%)"
    )
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    outcome.get_by_role("button", name="Copy the summary").click()
    expect(outcome.get_by_text("Copied.")).to_be_visible()
    assert "Likely cause: Disputes" in page.evaluate("navigator.clipboard.readText()")
    outcome.get_by_role("button", name="Yes, it worked").click()
    expect(outcome.get_by_text("Good: that sorted it out.")).to_be_visible()


def test_the_support_summary_follows_the_outcome_on_screen(page: Page, real_site_url: str) -> None:
    page.goto(real_site_url + "check/#a=1.1.1.0")
    first = page.locator("#o-duplicate-accounts")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    first.get_by_role("button", name="Copy the summary").click()
    expect(first.get_by_text("Copied.")).to_be_visible()
    first.get_by_role("link", name="Start again").click()
    page.locator('#q-sign-in-details [data-hs-answer="0"]').click()
    second = page.locator("#o-wrong-login-data")
    summary = second.locator("[data-hs-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Likely cause: The sign-in details were entered wrongly")
    expect(second.get_by_text("Copied.")).to_have_count(0)


def test_keyboard_only(page: Page, real_site_url: str) -> None:
    page.goto(real_site_url + "check/")
    page.locator('#q-sign-in-details [data-hs-answer="1"]').focus()
    page.keyboard.press("Enter")
    expect(page.locator("#q-email-confirmed h2")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="No, or I am not sure")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Yes, I confirmed it")).to_be_focused()
    page.keyboard.press("Enter")
    assert current(page) == "q-deleted-account"
    expect(page.locator("#q-deleted-account h2")).to_be_focused()
    expect(page.locator("[data-hs-live]")).to_have_text(
        "Could the account have been deleted, by you or by someone using your device?"
    )


def test_works_without_javascript(browser: Browser, real_site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(real_site_url + "check/")
    assert current(page) == "q-sign-in-details"
    for label in (
        "Yes, the details are right and the message still appears",
        "Yes, I confirmed it",
        "No",
        "No",
        "No",
        "More than half of them",
    ):
        page.locator("[data-hs-step]:visible").get_by_role("link", name=label, exact=True).click()
    assert current(page) == "o-too-many-disputes"
    assert page.url.endswith("#o-too-many-disputes")
    # The theme's instant navigation answers "back" by loading the page anew;
    # wait for that before typing into the form it replaces.
    page.go_back(wait_until="networkidle")
    assert current(page) == "q-dispute-share"
    context.close()


def test_instant_navigation_into_the_check(page: Page, real_site_url: str) -> None:
    page.goto(real_site_url + "causes/wrong-login-data/")
    page.get_by_role("link", name="Not sure this is your cause? Take the guided check").click()
    page.wait_for_url(re.compile(r".*/check/$"))
    page.locator('#q-sign-in-details [data-hs-answer="0"]').click()
    assert current(page) == "o-wrong-login-data"


def test_check_without_instant_navigation(page: Page, houseplants_url: str) -> None:
    page.goto(houseplants_url + "check/")
    page.locator('#q-soil [data-hs-answer="1"]').click()
    page.locator('#q-light [data-hs-answer="0"]').click()
    assert current(page) == "o-too-little-light"
    assert page.url.endswith("#a=1.0")


def box(page: Page, text: str) -> Locator:
    """The box of the diagram (an SVG link) that reads `text`."""
    return page.locator("svg.hs-diagram a", has_text=text)


def question(qid: str) -> Question:
    return next(q for q in real_flow().questions if q.id == qid)


def share(qid: str) -> Share:
    asked = question(qid).share
    assert asked is not None, f"{qid} asks for two counts"
    return asked


def test_a_question_box_of_the_diagram_starts_the_check_there(
    page: Page, real_site_url: str
) -> None:
    deleted = question("deleted-account").text
    page.goto(real_site_url + "check/map/")
    box(page, deleted).click()
    page.wait_for_url("**/check/#q-deleted-account")
    assert current(page) == "q-deleted-account"
    page.locator('#q-deleted-account [data-hs-answer="1"]').click()
    assert current(page) == "q-other-accounts"
    page.locator('#q-other-accounts [data-hs-answer="0"]').click()
    assert current(page) == "o-duplicate-accounts"
    trail = page.locator("[data-hs-trail] li")
    expect(trail).to_have_count(2)
    expect(trail.first).to_contain_text(deleted)
    page.reload()
    expect(shown(page)).to_have_id("o-duplicate-accounts")
    expect(trail).to_have_count(2)
    page.go_back()
    expect(shown(page)).to_have_id("q-other-accounts")
    page.go_back()
    expect(shown(page)).to_have_id("q-deleted-account")
    page.go_back()
    page.wait_for_url("**/check/map/")


def test_the_share_question_box_keeps_the_counts_given_there(
    page: Page, real_site_url: str
) -> None:
    counts = share("dispute-share")  # more than half leads to too-many-disputes
    page.goto(real_site_url + "check/map/")
    box(page, question("dispute-share").text).click()
    page.wait_for_url("**/check/#q-dispute-share")
    section = page.locator("#q-dispute-share")
    section.get_by_label(counts.part).fill("7")
    section.get_by_label(counts.whole).fill("10")
    section.get_by_role("button", name="Continue").click()
    assert current(page) == "o-too-many-disputes"
    trail = page.locator("[data-hs-trail]")
    expect(trail).to_contain_text("7 of 10 (70%)")
    summary = page.locator("#o-too-many-disputes [data-hs-summary]")
    expect(summary).to_contain_text(question("dispute-share").text + " 7 of 10 (70%)")
    page.reload()
    expect(shown(page)).to_have_id("o-too-many-disputes")
    expect(trail).to_contain_text("7 of 10 (70%)")
    page.go_back()
    expect(shown(page)).to_have_id("q-dispute-share")
    expect(trail).to_be_hidden()


def test_an_outcome_box_of_the_diagram_opens_its_remedies_step_by_step(
    page: Page, real_site_url: str
) -> None:
    page.goto(real_site_url + "check/map/")
    box(page, "Disputes were opened on too many orders").click()
    page.wait_for_url("**/check/#o-too-many-disputes")
    assert current(page) == "o-too-many-disputes"
    outcome = page.locator("#o-too-many-disputes")
    rungs = outcome.locator("[data-hs-rung]")
    outcome.get_by_role("button", name="No, show the next step").click()
    expect(rungs.nth(1)).to_be_visible()
    summary = outcome.locator("[data-hs-summary]")
    expect(summary).to_contain_text("Already tried: Open disputes on unfinished orders")
    page.reload()
    expect(rungs.nth(1)).to_be_visible()
    expect(summary).to_contain_text("Already tried: Open disputes on unfinished orders")
    page.go_back()
    expect(rungs.nth(1)).to_be_hidden()
    expect(summary).to_contain_text("Already tried: nothing yet")


def test_the_diagram_s_boxes_work_without_javascript(browser: Browser, real_site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(real_site_url + "check/map/")
    box(page, question("dispute-share").text).click()
    page.wait_for_url("**/check/#q-dispute-share")
    assert current(page) == "q-dispute-share"
    above = share("dispute-share").above.label
    page.locator("#q-dispute-share").get_by_role("link", name=above, exact=True).click()
    assert current(page) == "o-too-many-disputes"
    context.close()


def test_instant_navigation_into_the_diagram(page: Page, real_site_url: str) -> None:
    page.goto(real_site_url + "check/")
    page.evaluate("window.loadedOnce = true")
    page.get_by_role("link", name="See the whole check as a diagram").click()
    page.wait_for_url("**/check/map/")
    questions = real_flow().questions
    ends = [a for q in questions for a in q.choices if a.target.kind == "causes"]
    # A box per question, and one per answer that ends the check.
    expect(page.locator("svg.hs-diagram a")).to_have_count(len(questions) + len(ends))
    # The theme swapped the page in; a failure there would have reloaded it.
    assert page.evaluate("window.loadedOnce === true")
