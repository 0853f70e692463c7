"""The guided check as a visitor uses it, in headless Chromium over http: on a
375 x 812 phone where the visitor most often is, and on a desktop."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, Route, ViewportSize, expect

from generator.link import Flow, Guide
from generator.pipeline import check
from generator.schema import Question, Share
from tests.browser import serve
from tests.conftest import HOUSEPLANTS, ROOT, build

PHONE: ViewportSize = {"width": 375, "height": 812}
SHARE_ANSWERS = {0: ("12", "20"), 1: ("3", "20"), 2: ("0", "0")}
"""Counts that land on the share question's answers: above, otherwise, zero."""
TARGET = 44
"""The smallest box a control may have, in CSS pixels, each way."""


def real_guide() -> Guide:
    guide = check(ROOT / "content", ROOT).guide
    assert guide is not None
    return guide


def real_flow() -> Flow:
    flow = real_guide().flow
    assert flow is not None
    return flow


def every_answer(flow: Flow) -> Iterator[tuple[list[int], str]]:
    """For every answer of every question, a path from the first question that
    takes it: (answer indexes, cause id). The way to each question is the
    shortest; after the answer, the path goes on with "not sure" wherever it
    can, so that every question is also finished with "not sure"."""
    questions = {q.id: q for q in flow.questions}
    way: dict[str, list[int]] = {flow.start: []}
    for q in flow.questions:  # breadth-first: the first way found is a shortest
        for i, a in enumerate(q.choices):
            if a.target.kind == "questions":
                way.setdefault(a.target.id, [*way[q.id], i])
    for q in flow.questions:
        for i, a in enumerate(q.choices):
            taken, target = [*way[q.id], i], a.target
            while target.kind == "questions":
                on = questions[target.id]
                taken.append(len(on.choices) - 1 if on.unsure else 0)
                target = on.choices[taken[-1]].target
            yield taken, target.id


PATHS = list(every_answer(real_flow()))


@pytest.fixture(scope="module")
def houseplants_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The houseplants site, built without instant navigation, and served."""
    site = build(HOUSEPLANTS / "mkdocs.yml", tmp_path_factory.mktemp("plants") / "site")
    with serve(site) as url:
        yield url


@pytest.fixture
def phone(page: Page) -> Page:
    page.set_viewport_size(PHONE)
    return page


def shown(page: Page) -> Locator:
    """The one section of the check that is shown."""
    return page.locator("[data-hs-step]:visible, [data-hs-outcome]:visible")


def current(page: Page) -> str:
    """The id of the one section of the check that is shown."""
    return shown(page).get_attribute("id") or ""


def answer(page: Page, flow: Flow, qid: str, index: int) -> None:
    question = next(q for q in flow.questions if q.id == qid)
    section = page.locator(f"#q-{qid}")
    if question.unsure is not None and index == len(question.choices) - 1:
        section.locator('[data-hs-answer="u"]').click()
    elif question.share is not None:
        part, whole = SHARE_ANSWERS[index]
        section.get_by_label(question.share.part).fill(part)
        section.get_by_label(question.share.whole).fill(whole)
        section.get_by_role("button", name="Continue").click()
    else:
        section.locator(f'[data-hs-answer="{index}"]').click()


def small_controls(page: Page) -> list[str]:
    """Every visible control of the check smaller than TARGET either way. A link
    inside a sentence is not a control here (as WCAG's target size exempts it)."""
    found: list[str] = page.evaluate(
        """(target) => Array.from(document.querySelectorAll(
            ".hs-check a, .hs-check button, .hs-check input, .hs-check summary"))
          .filter(el => el.offsetParent !== null)
          .filter(el => !(el.matches("p a, li a") && !el.matches(".md-button")
            && el.parentElement.textContent.trim() !== el.textContent.trim()
            && !el.closest("[data-hs-links], .hs-feedback")))
          .map(el => [el, el.getBoundingClientRect()])
          .filter(([el, r]) => r.width < target || r.height < target)
          .map(([el, r]) => `${el.textContent.trim() || el.name}: ${r.width}x${r.height}`)""",
        TARGET,
    )
    return found


@pytest.mark.parametrize(
    ("answers", "cause"), PATHS, ids=[".".join(map(str, a)) + "-" + c for a, c in PATHS]
)
def test_every_answer_leads_on_to_a_cause_whose_first_step_shows_on_a_phone(
    phone: Page, real_site_url: str, answers: list[int], cause: str
) -> None:
    flow = real_flow()
    questions = {q.id: q for q in flow.questions}
    phone.goto(real_site_url + "check/")
    qid = flow.start
    words: list[str] = []  # everything the visitor was asked and answered
    for number, index in enumerate(answers, 1):
        assert current(phone) == f"q-{qid}"
        if qid != flow.start:
            expect(phone.locator(f"#q-{qid} h2")).to_be_focused()
        expect(phone.locator("[data-hs-progress-text]")).to_contain_text(f"Question {number} of")
        assert small_controls(phone) == []
        question = questions[qid]
        words += [question.text, *(a.label for a in question.choices)]
        answer(phone, flow, qid, index)
        qid = question.choices[index].target.id
    assert current(phone) == f"o-{cause}"
    outcome = phone.locator(f"#o-{cause}")
    expect(outcome.locator("h2")).to_be_focused()
    expect(outcome.locator(".hs-verdict")).to_be_in_viewport()
    first_step = outcome.locator(".hs-steps > li").first
    box = first_step.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], "below the fold"
    assert small_controls(phone) == []
    request = outcome.locator("[data-hs-request-text]").inner_text()
    assert "[please fill in]" in request
    for text in words:
        assert text not in request, f"the request repeats {text!r}"


def test_the_share_question_computes_the_share_and_checks_input(
    page: Page, real_site_url: str
) -> None:
    page.goto(real_site_url + "check/#a=1.1.1.1.1")
    section = page.locator("#q-dispute-share")
    expect(section.locator("[data-hs-fallback]").first).to_be_hidden()
    section.get_by_label("Active orders with a dispute").fill("5")
    section.get_by_label("All active orders").fill("4")
    section.get_by_role("button", name="Continue").click()
    expect(section.get_by_role("alert")).to_have_text(
        "The first count cannot be larger than the second."
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


def test_no_orders_at_all_is_an_answer_not_a_dead_end(page: Page, real_site_url: str) -> None:
    page.goto(real_site_url + "check/#a=1.1.1.1.1")
    section = page.locator("#q-dispute-share")
    section.get_by_label("Active orders with a dispute").fill("0")
    section.get_by_label("All active orders").fill("0")
    section.get_by_role("button", name="Continue").click()
    assert current(page) == "o-no-known-reason"
    page.go_back(wait_until="networkidle")
    page.locator("#q-dispute-share").get_by_role("link", name="I cannot count them").click()
    assert current(page) == "o-no-known-reason"


def test_back_change_and_start_again_on_every_step(phone: Page, real_site_url: str) -> None:
    page = phone
    page.goto(real_site_url + "check/")
    expect(page.locator("#q-sign-in-details").get_by_role("button", name="Back")).to_be_hidden()
    page.locator('#q-sign-in-details [data-hs-answer="1"]').click()
    page.locator('#q-email-confirmed [data-hs-answer="1"]').click()
    assert current(page) == "q-deleted-account"
    expect(page.locator("[data-hs-progress-text]")).to_have_text("Question 3 of at most 6")
    page.locator("#q-deleted-account").get_by_role("button", name="Back").click()
    assert current(page) == "q-email-confirmed"
    page.go_forward()
    assert current(page) == "q-deleted-account"
    page.locator("#q-deleted-account").get_by_role("button", name="Change an answer").click()
    trail = page.locator("#q-deleted-account [data-hs-trail]")
    trail.get_by_role("button", name="Change the answer to: Do you see").click()
    assert current(page) == "q-email-confirmed"
    page.locator('#q-email-confirmed [data-hs-answer="0"]').click()
    assert current(page) == "o-email-not-confirmed"
    outcome = page.locator("#o-email-not-confirmed")
    expect(outcome.get_by_role("button", name="Back")).to_be_visible()
    outcome.locator(".hs-controls").get_by_role("link", name="Start again").click()
    assert current(page) == "q-sign-in-details"
    expect(page.locator("[data-hs-trail]")).to_be_hidden()


def test_result_is_restored_from_the_address(page: Page, real_site_url: str) -> None:
    page.goto(real_site_url + "check/#a=1.1.1.0")
    assert current(page) == "o-duplicate-accounts"
    expect(page.locator("[data-hs-trail] li")).to_have_count(4)


def test_did_this_fix_it_keeps_the_visitor_where_they_read(phone: Page, real_site_url: str) -> None:
    page = phone
    page.goto(real_site_url + "check/#a=1.1.1.1.1.7-10")
    outcome = page.locator("#o-too-many-disputes")
    rungs = outcome.locator("[data-hs-rung]")
    expect(rungs.nth(0)).to_be_visible()
    expect(rungs.nth(1)).to_be_hidden()
    outcome.get_by_role("button", name="No, show the next fix").click()
    assert page.url.endswith("#a=1.1.1.1.1.7-10&t=1")
    expect(rungs.nth(1)).to_be_visible()
    expect(rungs.nth(1).locator("h4")).to_be_in_viewport()
    expect(rungs.nth(1).locator("h4")).to_be_focused()
    tried = outcome.locator("[data-hs-tried]")
    expect(tried).to_have_text("Open disputes on unfinished orders")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    outcome.get_by_role("button", name="Copy the message").click()
    expect(outcome.get_by_text("Copied.")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "What I have tried: Open disputes on unfinished orders" in copied
    assert "Disputes were opened" not in copied  # nothing of the cause or the answers
    yes = outcome.get_by_role("button", name="Yes, it worked")
    yes.scroll_into_view_if_needed()
    scroll = page.evaluate("scrollY")
    yes.click()
    done = outcome.locator("[data-hs-done]")
    expect(done).to_be_visible()
    expect(done).to_be_in_viewport()
    expect(done).to_be_focused()
    assert abs(page.evaluate("scrollY") - scroll) < PHONE["height"] / 2, "jumped away"
    expect(outcome.locator("[data-hs-request]")).to_be_hidden()


def test_after_the_last_fix_the_request_for_help_comes(page: Page, real_site_url: str) -> None:
    page.goto(real_site_url + "check/#a=0")
    outcome = page.locator("#o-wrong-login-data")
    rungs = outcome.locator("[data-hs-rung]")
    for _ in range(rungs.count() - 1):
        outcome.get_by_role("button", name="No, show the next fix").click()
    outcome.get_by_role("button", name="No, it did not").click()
    expect(outcome.locator("[data-hs-exhausted]")).to_be_visible()
    expect(outcome.get_by_role("link", name="Start again").first).to_be_visible()
    names = [rungs.nth(i).locator("h4").inner_text() for i in range(rungs.count())]
    expect(outcome.locator("[data-hs-tried]")).to_have_text("; ".join(names))


def test_the_report_link_carries_the_way_and_the_fixes_not_the_visitor(
    page: Page, real_site_url: str
) -> None:
    page.goto(real_site_url + "check/#a=1.1.1.1.1.7-10&t=1")
    link = page.locator("#o-too-many-disputes").get_by_role(
        "link", name="Report a problem with this page"
    )
    href = link.get_attribute("href") or ""
    assert href.startswith("https://github.com/helpsite/helpsite/issues/new?template=report.yml")
    assert "record=causes%2Ftoo-many-disputes" in href
    assert "tried=Open+disputes+on+unfinished+orders" in href
    assert "7+of+10" in href


def test_the_skip_link_goes_straight_to_the_question(page: Page, real_site_url: str) -> None:
    page.goto(real_site_url + "check/#a=1")
    page.keyboard.press("Tab")
    expect(page.locator(".md-skip")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator('#q-email-confirmed [data-hs-answer="0"]')).to_be_focused()
    assert page.url.endswith("#a=1")  # the answers so far are kept


def test_printing_an_outcome_prints_every_fix(page: Page, real_site_url: str) -> None:
    page.goto(real_site_url + "check/#a=1.1.1.1.1.7-10")
    page.emulate_media(media="print")
    rungs = page.locator("#o-too-many-disputes [data-hs-rung]")
    for i in range(rungs.count()):
        expect(rungs.nth(i)).to_be_visible()
    expect(page.locator(".md-header")).to_be_hidden()


def test_keyboard_only(page: Page, real_site_url: str) -> None:
    page.goto(real_site_url + "check/")
    page.locator('#q-sign-in-details [data-hs-answer="1"]').focus()
    page.keyboard.press("Enter")
    expect(page.locator("#q-email-confirmed h2")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Yes, I see it")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="No, I do not see it")).to_be_focused()
    page.keyboard.press("Enter")
    assert current(page) == "q-deleted-account"
    expect(page.locator("#q-deleted-account h2")).to_be_focused()
    expect(page.locator("[data-hs-live]")).to_have_text(
        "Do you remember deleting or closing the account, even by mistake?"
    )


def test_works_without_javascript(browser: Browser, real_site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(real_site_url + "check/")
    assert current(page) == "q-sign-in-details"
    for label in (
        "Yes, the details are right and the message still appears",
        "No, I do not see it",
        "No",
        "No",
        "No",
        "More than half of them",
    ):
        page.locator("[data-hs-step]:visible").get_by_role("link", name=label, exact=True).click()
    assert current(page) == "o-too-many-disputes"
    assert page.url.endswith("#o-too-many-disputes")
    # Every fix and its steps, and the request to copy, without the script.
    rungs = page.locator("#o-too-many-disputes [data-hs-rung]")
    for i in range(rungs.count()):
        expect(rungs.nth(i)).to_be_visible()
    expect(page.locator("[data-hs-request-text]")).to_contain_text("[please fill in]")
    # The theme's instant navigation answers "back" by loading the page anew;
    # wait for that before typing into the form it replaces.
    page.go_back(wait_until="networkidle")
    assert current(page) == "q-dispute-share"
    context.close()


def test_the_first_question_stays_put_when_the_script_starts(
    browser: Browser, real_site_url: str
) -> None:
    """A visitor about to tap an answer must not see it jump away (layout shift)."""
    places = []
    for script in (False, True):
        context = browser.new_context(java_script_enabled=script, viewport=PHONE)
        page = context.new_page()
        page.goto(real_site_url + "check/")
        expect(page.locator("[data-hs-progress-text]")).to_have_text("Question 1 of at most 6")
        first = page.locator('#q-sign-in-details [data-hs-answer="0"]').bounding_box()
        assert first is not None
        places.append((first["x"], first["y"]))
        context.close()
    assert places[0] == places[1]


def test_an_outcome_opened_from_its_address_shows_no_other_question_first(
    browser: Browser, real_site_url: str
) -> None:
    """Until the script has drawn the outcome, the page would show the first question
    and then jump: the check stays out of sight, its room kept, until then."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        # The script held back: what the visitor sees while it is on its way.
        held: list[Route] = []
        page.route("**/assets/helpsite/check.js", lambda route: held.append(route))
        page.goto(real_site_url + "check/#a=1.1.1.0", wait_until="commit")
        first = page.locator("#q-sign-in-details")
        expect(first).to_be_attached()  # in the page, as without the script
        expect(first).not_to_be_visible()
        assert len(held) == 1
        for route in held:
            route.continue_()
        expect(page.locator("#o-duplicate-accounts h2")).to_be_visible()
        # Nothing moves once it is drawn, when the 3 seconds are up either: the
        # buttons keep their size.
        buttons = page.locator("#o-duplicate-accounts .md-button:visible")
        drawn = [box for box in (b.bounding_box() for b in buttons.all())]
        assert drawn
        page.wait_for_timeout(3300)
        assert [b.bounding_box() for b in buttons.all()] == drawn
        # Should the script never come, the page shows what it shows without it.
        lost = context.new_page()
        lost.route("**/assets/helpsite/check.js", lambda route: route.abort())
        lost.goto(real_site_url + "check/#a=1.1.1.0")
        expect(lost.locator("#q-sign-in-details")).to_be_visible(timeout=5000)
    finally:
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
    outcome.get_by_role("button", name="No, show the next fix").click()
    expect(rungs.nth(1)).to_be_visible()
    tried = outcome.locator("[data-hs-tried]")
    expect(tried).to_have_text("Open disputes on unfinished orders")
    page.reload()
    expect(rungs.nth(1)).to_be_visible()
    expect(tried).to_have_text("Open disputes on unfinished orders")
    page.go_back()
    expect(rungs.nth(1)).to_be_hidden()
    expect(tried).to_have_text("nothing yet")


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


def test_on_a_phone_the_diagram_is_an_outline_to_follow(phone: Page, real_site_url: str) -> None:
    """At 375 px the diagram's labels would be too small: the same tree shows as a
    list of questions, each answer leading on to the next question or a cause."""
    page = phone
    page.goto(real_site_url + "check/map/")
    expect(page.locator("svg.hs-diagram")).to_be_hidden()
    flow = real_flow()
    items = page.locator(".hs-outline ol > li")
    expect(items).to_have_count(len(flow.questions))
    for asked, item in zip(flow.questions, items.all(), strict=True):
        expect(item.locator("strong")).to_have_text(asked.text)
        expect(item.locator("ul > li")).to_have_count(len(asked.choices))
    size = items.first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 14, f"{size}px is too small to read on a phone"

    first = flow.questions[0]
    on = next(a for a in first.choices if a.target.kind == "questions")
    items.first.get_by_role("link", name=question(on.target.id).text, exact=True).click()
    expect(page.locator(f"#outline-q-{on.target.id}")).to_be_in_viewport()

    asked = next(q for q in flow.questions if any(a.target.kind == "causes" for a in q.choices))
    end = next(a for a in asked.choices if a.target.kind == "causes")
    title = real_guide().cause(end.target.id).title
    item = page.locator(f"#outline-q-{asked.id}")
    item.get_by_role("link", name=f"Likely cause: {title}").first.click()
    page.wait_for_url(f"**/check/#o-{end.target.id}")
    assert current(page) == f"o-{end.target.id}"
    page.go_back()
    page.locator(f"#outline-q-{asked.id}").get_by_role("link", name="Start the check here").click()
    page.wait_for_url(f"**/check/#q-{asked.id}")
    assert current(page) == f"q-{asked.id}"


def test_on_a_wide_screen_the_outline_follows_the_diagram(page: Page, real_site_url: str) -> None:
    page.goto(real_site_url + "check/map/")
    expect(page.locator("svg.hs-diagram")).to_be_visible()
    expect(page.locator(".hs-outline ol > li")).to_have_count(len(real_flow().questions))
