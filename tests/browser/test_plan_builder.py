"""The plan builder's main paths: answers in, a plan out, for each safety level."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Browser, Page, Route, expect

from guide_engine.plan import build_plan
from tests.browser.builder import (
    CAUTION_ANSWERS,
    CONSULT_FIRST_ANSWERS,
    READY,
    alerts_with_text,
    build_my_plan,
    engine_status,
    error_summary,
    focused,
    get_a_plan,
    off_origin,
    open_builder,
    plan_heading,
)
from tests.browser.questionnaire import TYPICAL_ANSWERS, fill_answers, question_field
from tests.support.server import ServedSite

DATED: dict[str, Any] = {**TYPICAL_ANSWERS, "start_date": "2026-03-01"}


def test_answers_become_a_plan_on_the_page(page: Page, served_site: ServedSite) -> None:
    get_a_plan(page, served_site, DATED)

    expect(plan_heading(page)).to_be_focused()
    assert not page.title().startswith("Error")
    expect(page.get_by_text("You can start with short sessions")).to_be_visible()
    weeks = page.get_by_role("table", name="Minutes on the mat and times for each week")
    expect(weeks.get_by_role("row")).to_have_count(5)  # the heading row and four weeks
    expect(weeks).to_contain_text("1 March to 7 March")
    routine = page.get_by_role("heading", name="Your evening routine")
    expect(routine).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="Lights out")).to_contain_text("22:30")
    # Each step's "why" leads to the guide page that explains it.
    why = page.get_by_role("link", name="How long to lie on a mat")
    assert why.evaluate("link => link.href") == served_site.root_url + "routine/#duration"
    # The questions make way for the plan.
    expect(question_field(page, "age_group")).to_be_hidden()
    expect(error_summary(page)).to_have_count(0)
    # All of it without a single request to another host.
    assert off_origin(page.requests_seen, served_site) == []  # type: ignore[attr-defined]


def test_change_answers_returns_to_the_form_as_it_was_filled(
    page: Page, served_site: ServedSite
) -> None:
    get_a_plan(page, served_site, DATED)
    page.get_by_role("button", name="Change answers").click()

    expect(page.get_by_role("heading", name="Your answers", exact=True)).to_be_focused()
    expect(plan_heading(page)).to_be_hidden()
    group = question_field(page, "age_group")
    expect(group.get_by_role("radio", name="18 to 64")).to_be_checked()
    pain = question_field(page, "pain_areas")
    expect(pain.get_by_role("checkbox", name="Neck")).to_be_checked()
    expect(pain.get_by_role("checkbox", name="Upper back")).to_be_checked()
    expect(pain.get_by_role("checkbox", name="Shoulders")).not_to_be_checked()
    expect(question_field(page, "bedtime")).to_have_value("22:30")
    expect(question_field(page, "start_date")).to_have_value("2026-03-01")

    question_field(page, "bedtime").fill("23:15")
    build_my_plan(page)
    expect(page.get_by_role("listitem").filter(has_text="Lights out")).to_contain_text("23:15")


def test_none_of_these_unticks_the_other_answers_and_the_other_way_round(
    page: Page, served_site: ServedSite
) -> None:
    open_builder(page, served_site, wait=False)
    pain = question_field(page, "pain_areas")
    neck = pain.get_by_role("checkbox", name="Neck")
    shoulders = pain.get_by_role("checkbox", name="Shoulders")
    none = pain.get_by_role("checkbox", name="None of these")

    neck.check()
    shoulders.check()
    none.check()
    expect(neck).not_to_be_checked()
    expect(shoulders).not_to_be_checked()
    expect(none).to_be_checked()

    shoulders.check()
    expect(none).not_to_be_checked()
    expect(shoulders).to_be_checked()

    conditions = question_field(page, "conditions")
    conditions.get_by_role("checkbox", name="Diabetes").check()
    conditions.get_by_role("checkbox", name="No, none of these apply to me").check()
    expect(conditions.get_by_role("checkbox", name="Diabetes")).not_to_be_checked()


def test_consult_first_is_a_kind_explanation_with_a_routine_without_the_mat(
    page: Page, served_site: ServedSite
) -> None:
    get_a_plan(page, served_site, {**CONSULT_FIRST_ANSWERS, "start_date": "2026-03-01"})

    expect(page.get_by_text("Ask a health professional before you use a mat")).to_be_visible()
    asks = page.get_by_role("heading", name="Questions to ask a health professional")
    expect(asks).to_be_visible()
    for question in build_plan(CONSULT_FIRST_ANSWERS)["safety"]["ask_professional"]:
        expect(page.get_by_role("listitem").filter(has_text=question)).to_be_visible()
    # The wind-down routine, without the mat.
    expect(page.get_by_role("heading", name="Your evening routine")).to_be_visible()
    expect(page.get_by_text("Put screens away and dim the lights")).to_be_visible()
    expect(page.get_by_text("Lie down on the mat")).to_have_count(0)
    expect(page.get_by_role("table")).to_have_count(0)
    # Not an error: no summary, no alert, no "Error:" title, no calendar of mat sessions.
    expect(error_summary(page)).to_have_count(0)
    expect(alerts_with_text(page)).to_have_count(0)
    assert not page.title().startswith("Error")
    expect(page.get_by_role("link", name=re.compile("calendar"))).to_have_count(0)
    expect(page.get_by_text("There is no calendar file")).to_be_visible()


def test_caution_gives_a_gentler_plan_with_extra_care(page: Page, served_site: ServedSite) -> None:
    get_a_plan(page, served_site, CAUTION_ANSWERS)

    expect(page.get_by_text("You can start, gently")).to_be_visible()
    expect(page.get_by_role("heading", name="Take extra care")).to_be_visible()
    weeks = page.get_by_role("table", name="Minutes on the mat and times for each week")
    minutes = [int(text) for text in weeks.locator("tbody tr td:nth-child(2)").all_inner_texts()]
    assert minutes and max(minutes) <= 20, minutes  # asked for 45; caution caps sessions
    expect(weeks.get_by_role("cell", name="A thin shirt").first).to_be_visible()


def test_a_plan_asked_for_before_the_engine_is_ready_is_answered_when_it_is(
    browser: Browser, served_site: ServedSite
) -> None:
    # Playwright cannot hold a request that the service worker answers, so keep it out here.
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    held: list[Route] = []
    page.route(
        "**/*.whl", lambda route: held.append(route)
    )  # the engine cannot finish starting until released
    open_builder(page, served_site, wait=False)
    status = engine_status(page)
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_contain_text("getting ready")

    fill_answers(page, TYPICAL_ANSWERS)
    build_my_plan(page)
    expect(status).to_have_text("Your plan will appear here once the plan builder has started.")
    expect(plan_heading(page)).to_have_count(0)

    release(page, held)
    expect(plan_heading(page)).to_be_visible(timeout=60_000)
    expect(status).to_contain_text(READY)
    expect(focused(page)).to_have_text("Your starter plan")
    context.close()


def release(page: Page, held: list[Route]) -> None:
    """Let the held engine download go on, once the worker has asked for it."""
    for _ in range(600):
        if held:
            break
        page.wait_for_timeout(50)  # lets Playwright deliver the route to the handler
    assert held, "the worker never asked for the engine wheel"
    for route in held:
        route.continue_()
    page.unroute("**/*.whl")
