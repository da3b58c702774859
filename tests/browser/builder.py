"""The plan builder page as a person meets it: its status, its button, its plan, its errors.

Everything is found by role, label or visible text, as the tests act as a person would.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Locator, Page, Route, expect

from tests.browser.questionnaire import QUESTIONS, WORDING, fill_answers
from tests.browser.wording import TEXT
from tests.support.server import SUB_PATH, ServedSite
from tests.support.stand_in_engine import ENDPOINT_PATH

READY = TEXT["status.ready"]
NO_SCRIPT = "needs JavaScript"  # what the status says until the page's script takes over
STORAGE_KEY = f"guide-plan-answers:{SUB_PATH}"
BOOT_TIMEOUT_MS = 60_000


def builder_url(site: ServedSite, fragment: str = "") -> str:
    return site.root_url + "plan/" + fragment


def engine_status(page: Page) -> Locator:
    return page.get_by_role("status").filter(has_text="plan builder")


def open_builder(page: Page, site: ServedSite, *, wait: bool = True) -> None:
    """Open the builder once its script runs; with ``wait``, once its engine is ready too."""
    page.goto(builder_url(site))
    expect(engine_status(page)).not_to_contain_text(NO_SCRIPT)
    if wait:
        wait_until_ready(page)


def wait_until_ready(page: Page) -> None:
    expect(engine_status(page)).to_contain_text(READY, timeout=BOOT_TIMEOUT_MS)


def build_my_plan(page: Page) -> None:
    page.get_by_role("button", name="Build my plan").click()


def get_a_plan(page: Page, site: ServedSite, answers: dict[str, Any]) -> None:
    """Open the builder, answer, build, and wait for the plan."""
    open_builder(page, site)
    fill_answers(page, answers)
    build_my_plan(page)
    expect(plan_heading(page)).to_be_visible()


def plan_heading(page: Page) -> Locator:
    return page.get_by_role("heading", name=WORDING["title"], exact=True)


def error_summary(page: Page) -> Locator:
    return page.get_by_role("group", name=TEXT["errors.title"])


def alerts_with_text(page: Page) -> Locator:
    return page.get_by_role("alert").filter(has_text=re.compile(r"\S"))


def engine_problem(page: Page, heading_key: str) -> Locator:
    """The box that says the engine failed (``heading_key``: its heading in wording.mjs)."""
    return page.get_by_role("group", name=TEXT[heading_key])


CRASH = "simulated crash"


def crash_engine(page: Page) -> str:
    """Crash the page's engine worker, as an uncaught error inside Pyodide would; returns the
    error's message, which the page's alert shows."""
    worker = next(w for w in page.workers if w.url.endswith("/engine-worker.mjs"))
    worker.evaluate(f"setTimeout(() => {{ throw new Error({json.dumps(CRASH)}); }})")
    return CRASH


def calendar_button(page: Page) -> Locator:
    return page.get_by_role("button", name="Add it to your calendar (.ics file)")


def focused(page: Page) -> Locator:
    return page.locator(":focus")


def stored(page: Page) -> dict[str, Any] | None:
    """What the builder keeps in this browser's localStorage, or None."""
    text = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    return None if text is None else json.loads(text)


def message(question_id: str, kind: str) -> str:
    return str(QUESTIONS[question_id]["errors"][kind])


def label(question_id: str) -> str:
    return str(QUESTIONS[question_id]["label"])


def off_origin(urls: list[str], site: ServedSite) -> list[str]:
    """The URLs that do not belong to the test site (blob: URLs belong to their page's origin)."""
    origin = urlsplit(site.root_url)
    leaving = []
    for url in urls:
        inner = url.removeprefix("blob:")
        parts = urlsplit(inner)
        if url.startswith("data:"):
            continue
        if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
            leaving.append(url)
    return leaving


class HeldEngine:
    """Holds back the stand-in engine's answers (its first, which makes it ready, too)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.waiting: list[Route] = []
        self.released = False
        page.route(f"**/{ENDPOINT_PATH}", self._arrived)

    def _arrived(self, route: Route) -> None:
        if self.released:
            route.continue_()
        else:
            self.waiting.append(route)

    def release(self) -> None:
        """Let every held answer go, and the later ones through, once one has been asked for."""
        for _ in range(600):
            if self.waiting:
                break
            self.page.wait_for_timeout(50)  # lets Playwright deliver the route to the handler
        assert self.waiting, "the worker never asked the engine anything"
        self.released = True
        for route in self.waiting:
            route.continue_()
