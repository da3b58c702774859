"""When the engine cannot run: a plain alert, the answers kept, example plans to read instead.

Pyodide's own files failing to load need the real engine; the rest works the same with the
stand-in, whose worker is just as much a worker that can fail to load or crash.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.builder import (
    BOOT_TIMEOUT_MS,
    build_my_plan,
    builder_url,
    crash_engine,
    engine_problem,
    engine_status,
    open_builder,
    plan_heading,
    wait_until_ready,
)
from tests.browser.conftest import NewContext
from tests.browser.questionnaire import (
    CONTENT,
    TYPICAL_ANSWERS,
    WORDING,
    fill_answers,
    question_field,
)
from tests.browser.wording import TEXT
from tests.support.server import ServedSite


def engine_alert(page: Page, heading_key: str) -> Locator:
    return engine_problem(page, heading_key)


PYODIDE_FILES = [
    "pyodide.asm.wasm",
    "python-stdlib-*.zip",
    "pyodide.mjs",
    "engine-boot.mjs",
    "guide-engine-*.zip",
]


@pytest.mark.parametrize(
    "blocked",
    [
        *(pytest.param(name, marks=pytest.mark.pyodide) for name in PYODIDE_FILES),
        "engine-worker.mjs",
    ],
)
def test_when_the_engine_cannot_load_an_alert_says_so_and_keeps_the_form(
    page: Page, served_site: ServedSite, blocked: str
) -> None:
    served_site.blocked.add(blocked)
    open_builder(page, served_site, wait=False)
    alert = engine_alert(page, "problem.notStarted")
    expect(alert).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    expect(engine_status(page)).to_have_text(TEXT["status.failed"])

    fill_answers(page, TYPICAL_ANSWERS)
    build_my_plan(page)
    expect(alert).to_be_visible()
    expect(plan_heading(page)).to_have_count(0)
    expect(question_field(page, "bedtime")).to_have_value(TYPICAL_ANSWERS["bedtime"])

    page.reload()  # the answers were kept in the browser, as usual
    expect(question_field(page, "bedtime")).to_have_value(TYPICAL_ANSWERS["bedtime"])
    expect(alert).to_be_visible(timeout=BOOT_TIMEOUT_MS)

    alert.get_by_role("link", name="example plans").click()
    page.wait_for_url("**/plan-examples/")
    title = CONTENT["pages/plan-examples"]["title"]
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    expect(page.get_by_role("heading", name=WORDING["weeks_heading"]).first).to_be_visible()


def test_a_crashed_engine_is_reported_and_can_be_restarted(
    page: Page, served_site: ServedSite
) -> None:
    open_builder(page, served_site)
    fill_answers(page, TYPICAL_ANSWERS)
    crash = crash_engine(page)

    alert = engine_alert(page, "problem.crashed")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text(crash)
    build_my_plan(page)  # asked while it is down: kept for the restarted engine
    alert.get_by_role("button", name="Try again").click()

    wait_until_ready(page)
    expect(alert).to_have_count(0)
    expect(plan_heading(page)).to_be_visible()
    expect(question_field(page, "age_group")).to_be_hidden()


def test_without_javascript_the_form_sends_nothing_anywhere(
    new_context: NewContext, served_site: ServedSite
) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(builder_url(served_site))
    expect(page.get_by_text("The plan builder needs JavaScript").first).to_be_visible()
    examples = page.get_by_role("link", name="example plans").first
    expect(examples).to_be_visible()

    fill_answers(page, {**TYPICAL_ANSWERS, "bedtime": "21:47"})
    before = list(served_site.requests)
    build_my_plan(page)
    page.wait_for_timeout(500)
    assert page.url == builder_url(served_site)
    assert served_site.requests == before  # not a single request, so no answers sent
