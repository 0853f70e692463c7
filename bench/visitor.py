"""What a benchmark site costs a visitor on a phone: Lighthouse's performance score
of four pages, and the bytes over the wire of three tasks.

Both serve the site as a host would (audit/server.py: gzip, cache headers). The
bytes are Chromium's own count (the DevTools protocol's `encodedDataLength`:
compressed body and headers) of every response a cold browser receives for the
task, except the theme's own scripts and styles, which are the same at every size
and which a visitor's browser keeps after the first page of any mkdocs-material
site. The page HTML, the widget (`assets/helpsite/`) and the search index count.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, Page, ViewportSize  # noqa: E402

from audit.server import serve  # noqa: E402 - the repository's own code
from generator.pipeline import check  # noqa: E402
from generator.render.addresses import page_url  # noqa: E402
from generator.render.parts import split  # noqa: E402
from generator.schema import Ref  # noqa: E402
from tests.browser import chromium, type_query  # noqa: E402
from tests.flows import outcome_addresses  # noqa: E402

THEME_ASSETS = ("assets/stylesheets/", "assets/javascripts/")
"""mkdocs-material's static files, under the site's root: fingerprinted, cached."""
SEARCH_INDEX = "search/search_index.json"
PHONE = ViewportSize(width=412, height=823)
"""Lighthouse's mobile screen (a Moto G Power), so that both measure the same page."""
QUIET_S = 0.5
"""How long no counted request may be in flight before a task's bytes are final."""
TIMEOUT_S = 120.0
"""The longest a page may take to show what a task waits for, or to go quiet."""

HOME, QUESTION, OUTCOME, CAUSE = "home page", "first question", "an outcome", "a cause page"
PAGES = (HOME, QUESTION, OUTCOME, CAUSE)
CHECK_PAGE = "check/"
SHOW_QUESTION = "show the check's first question"
REACH_OUTCOME = "reach an outcome"
FIRST_RESULT = "show the first search result"
TASKS = (SHOW_QUESTION, REACH_OUTCOME, FIRST_RESULT)


@dataclass(frozen=True)
class Visit:
    """What a visitor does on one benchmark site."""

    pages: Mapping[str, str]
    """Page name -> its address under the site's root, for Lighthouse."""
    start: str
    """The guided check's first question."""
    outcome: str
    """The cause that `pages[OUTCOME]` shows, reached by the fewest answers."""
    answers: str
    """The address of those answers on the check's first page (`#a=...`): where a
    visitor who answers them, or opens a link to them, starts."""
    query: str
    """A word to search for: the longest word of a cause's title."""


def visit(folder: Path) -> Visit:
    """The pages and tasks of the benchmark site in `folder` (its `content/`)."""
    guide = check(folder / "content", folder).guide
    assert guide is not None and guide.flow is not None, f"{folder}: the dataset does not check"
    addresses = outcome_addresses(guide.flow)
    # The fewest answers, then the first id: the same outcome at every run.
    cause = min(addresses, key=lambda c: (addresses[c].count("."), c))
    words = re.findall(r"\w+", guide.causes[0].title)
    # The page that shows the outcome: on a check cut into parts, its own part's.
    shown_on = page_url(split(guide.flow).owner[Ref("causes", cause)], directory_urls=True)
    return Visit(
        pages={
            HOME: "",
            QUESTION: CHECK_PAGE,
            OUTCOME: shown_on + addresses[cause],
            CAUSE: f"causes/{cause}/",
        },
        start=guide.flow.start,
        outcome=cause,
        answers=addresses[cause],
        query=max(words, key=len),
    )


def counted(url: str, base: str) -> bool:
    """Whether a response to `url` counts towards what the visitor pays on the site
    at `base`: everything but the theme's static assets and what never goes over the
    network (`data:`, `blob:`). A request to another origin is an error: the site
    must make none."""
    if urlsplit(url).scheme in ("data", "blob"):
        return False
    if not url.startswith(base):
        raise ValueError(f"expected requests to {base} only, got one to {url}")
    return not url.removeprefix(base).startswith(THEME_ASSETS)


@dataclass(frozen=True)
class Cost:
    """What one benchmark site costs a visitor."""

    n: int
    performance: Mapping[str, int]
    """Page name -> Lighthouse performance score, the median of three runs."""
    transferred: Mapping[str, Mapping[str, int]]
    """Task -> {path under the site's root: bytes received}, for counted responses."""

    def total(self, task: str) -> int:
        return sum(self.transferred[task].values())

    @property
    def home_html(self) -> int:
        return self.transferred[FIRST_RESULT][""]

    @property
    def search_index(self) -> int:
        return self.transferred[FIRST_RESULT][SEARCH_INDEX]


def transferred(site: Path, how: Visit) -> dict[str, dict[str, int]]:
    """Task -> {path: bytes}, each task in a browser of its own with an empty cache,
    on a phone-sized screen, until what the task shows is visible and the network
    has gone quiet (the search index, which the theme fetches on every page,
    included)."""
    with serve(site) as base, chromium() as browser:
        return {task: _task(browser, base, how, task) for task in TASKS}


def _task(browser: Browser, base: str, how: Visit, task: str) -> dict[str, int]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    # The 5,000-cause site's check page and search index take a while on a busy machine.
    context.set_default_timeout(1000 * TIMEOUT_S)
    try:
        page = context.new_page()
        session = context.new_cdp_session(page)
        started: dict[str, str] = {}
        finished: dict[str, int] = {}
        failed: dict[str, str] = {}

        def sent(event: dict[str, Any]) -> None:
            url = event["request"]["url"]
            if event.get("type") == "Document":
                # A page left for another (a part of the check that shows the
                # answers) ends what it still loads, not always with an event:
                # what arrived of that is not counted.
                for request in set(started) - set(finished) - set(failed):
                    finished[request] = 0
            if counted(url, base):  # raises on another origin
                started[str(event["requestId"])] = url.removeprefix(base).split("#")[0]

        def done(event: dict[str, float]) -> None:
            finished[str(event["requestId"])] = int(event["encodedDataLength"])

        def lost(event: dict[str, Any]) -> None:
            if event.get("canceled"):  # as above, a page left: no error
                finished.setdefault(str(event["requestId"]), 0)
            else:
                failed[str(event["requestId"])] = event["errorText"]

        session.on("Network.requestWillBeSent", sent)
        session.on("Network.loadingFinished", done)
        session.on("Network.loadingFailed", lost)
        session.send("Network.enable")
        if task == SHOW_QUESTION:
            page.goto(base + how.pages[QUESTION])
            page.locator(f'[data-hs-step="{how.start}"]').wait_for(state="visible")
        elif task == REACH_OUTCOME:
            # From the check's first page, as a shared link or the answers get
            # there: a later part's page is paid on top of the first's.
            page.goto(base + CHECK_PAGE + how.answers)
            page.locator(f'[data-hs-outcome="{how.outcome}"]').wait_for(state="visible")
        else:
            page.goto(base + how.pages[HOME])
            type_query(page, how.query)
            page.locator(".md-search-result__item").first.wait_for(state="visible")
        _quiet(page, started, finished, failed)
        if errors := [f"{started[r]}: {why}" for r, why in failed.items() if r in started]:
            raise RuntimeError(f"{task}: expected every request to succeed, got {errors}")
        received: dict[str, int] = {}
        for request, path in started.items():
            received[path] = received.get(path, 0) + finished[request]
        return received
    finally:
        context.close()


def _quiet(
    page: Page, started: Mapping[str, str], finished: Mapping[str, int], failed: Mapping[str, str]
) -> None:
    """Wait until every counted request has finished and none started for QUIET_S.

    A worker's own requests finish in the worker's session, not the page's; they
    are the theme's (its search worker and lunr), which are not counted, so none
    is waited for."""
    deadline = time.monotonic() + TIMEOUT_S
    seen, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        if len(started) != seen or set(started) - set(finished) - set(failed):
            seen, since = len(started), time.monotonic()
        elif time.monotonic() - since >= QUIET_S:
            return
        page.wait_for_timeout(100)  # lets Playwright deliver the protocol's events
    pending = sorted(started[r] for r in set(started) - set(finished) - set(failed))
    raise TimeoutError(f"expected every request to finish in {TIMEOUT_S:.0f} s, got {pending}")
