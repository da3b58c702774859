"""The plan builder's main paths: answers in, a plan out, for each safety level.

The answers are content/examples.yml's, and what the page must show is what the engine makes of
them (``plan_for``), worded as content/ words it.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from guide_engine.outputs.wording import week_dates
from tests.browser.builder import (
    READY,
    HeldEngine,
    alerts_with_text,
    build_my_plan,
    calendar_button,
    engine_status,
    error_summary,
    focused,
    get_a_plan,
    off_origin,
    open_builder,
    plan_heading,
)
from tests.browser.questionnaire import (
    CAUTION_ANSWERS,
    CONSULT_FIRST_ANSWERS,
    DATED,
    ENGINE_DATA,
    QUESTIONS,
    TYPICAL_ANSWERS,
    WORDING,
    fill_answers,
    option_box,
    option_values,
    plan_for,
    question_field,
)
from tests.browser.wording import TEXT
from tests.support.server import ServedSite


def weeks_table(page: Page) -> Any:
    return page.get_by_role("table", name=WORDING["weeks_caption"])


def test_answers_become_a_plan_on_the_page(page: Page, served_site: ServedSite) -> None:
    plan = plan_for(DATED)
    get_a_plan(page, served_site, DATED)

    expect(plan_heading(page)).to_be_focused()
    assert not page.title().startswith("Error")
    expect(page.get_by_text(plan["safety"]["headline"])).to_be_visible()
    weeks = weeks_table(page)
    expect(weeks.get_by_role("row")).to_have_count(1 + len(plan["weeks"]))  # with its heading row
    expect(weeks).to_contain_text(week_dates(plan["weeks"][0]["starts_on"]))
    expect(page.get_by_role("heading", name=WORDING["nightly_heading"])).to_be_visible()
    for step in plan["nightly"]["steps"]:
        item = page.get_by_role("listitem").filter(has_text=step["title"])
        expect(item).to_contain_text(step["time"])
    # Each step's "why" leads to the guide page that explains it.
    why = plan["progression"]["why"]
    link = page.get_by_role("link", name=why["link_text"]).first
    expected = served_site.root_url + f"{why['page']}/#{why['anchor']}"
    assert link.evaluate("link => link.href") == expected
    # The questions make way for the plan.
    expect(question_field(page, next(iter(QUESTIONS)))).to_be_hidden()
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
    for question_id, answer in DATED.items():
        kind = QUESTIONS[question_id]["kind"]
        if kind == "one_of":
            expect(option_box(page, question_id, answer)).to_be_checked()
        elif kind == "any_of":
            for value in option_values(question_id) + option_values(question_id, exclusive=True):
                box = expect(option_box(page, question_id, value))
                box.to_be_checked() if value in answer else box.not_to_be_checked()
        else:
            expect(question_field(page, question_id)).to_have_value(answer)

    later = {**DATED, "bedtime": "23:15"}
    question_field(page, "bedtime").fill(later["bedtime"])
    build_my_plan(page)
    first_step = plan_for(later)["nightly"]["steps"][0]
    item = page.get_by_role("listitem").filter(has_text=first_step["title"])
    expect(item).to_contain_text(first_step["time"])


@pytest.mark.parametrize(
    "question_id", [q for q, question in QUESTIONS.items() if question["kind"] == "any_of"]
)
def test_none_of_these_unticks_the_other_answers_and_the_other_way_round(
    page: Page, served_site: ServedSite, question_id: str
) -> None:
    open_builder(page, served_site, wait=False)
    others = [option_box(page, question_id, value) for value in option_values(question_id)[:2]]
    (none,) = [option_box(page, question_id, v) for v in option_values(question_id, exclusive=True)]

    for box in others:
        box.check()
    none.check()
    for box in others:
        expect(box).not_to_be_checked()
    expect(none).to_be_checked()

    others[-1].check()
    expect(none).not_to_be_checked()
    expect(others[-1]).to_be_checked()


def test_consult_first_is_a_kind_explanation_with_a_routine_without_the_mat(
    page: Page, served_site: ServedSite
) -> None:
    answers = {**CONSULT_FIRST_ANSWERS, "start_date": DATED["start_date"]}
    plan = plan_for(answers)
    get_a_plan(page, served_site, answers)

    expect(page.get_by_text(plan["safety"]["headline"])).to_be_visible()
    expect(page.get_by_role("heading", name=WORDING["ask_heading"])).to_be_visible()
    assert plan["safety"]["ask_professional"]
    for question in plan["safety"]["ask_professional"]:
        expect(page.get_by_role("listitem").filter(has_text=question)).to_be_visible()
    # The wind-down routine, without the mat.
    expect(page.get_by_role("heading", name=WORDING["nightly_heading"])).to_be_visible()
    titles = {step["title"] for step in plan["nightly"]["steps"]}
    for title in titles:
        expect(page.get_by_role("listitem").filter(has_text=title)).to_be_visible()
    mat_only = {step["title"] for step in ENGINE_DATA["nightly"]["mat_steps"]} - titles
    assert mat_only
    for title in mat_only:
        expect(page.get_by_role("listitem").filter(has_text=title)).to_have_count(0)
    expect(page.get_by_role("table")).to_have_count(0)
    # Not an error: no summary, no alert, no "Error:" title, no calendar of mat sessions.
    expect(error_summary(page)).to_have_count(0)
    expect(alerts_with_text(page)).to_have_count(0)
    assert not page.title().startswith("Error")
    expect(calendar_button(page)).to_be_hidden()
    expect(page.get_by_text(ENGINE_DATA["calendar"]["notes"]["no_sessions"])).to_be_visible()


def test_caution_gives_a_gentler_plan_with_extra_care(page: Page, served_site: ServedSite) -> None:
    most = QUESTIONS["minutes_available"]["max"]
    answers = {**CAUTION_ANSWERS, "minutes_available": str(most)}
    plan = plan_for(answers)
    get_a_plan(page, served_site, answers)

    expect(page.get_by_text(plan["safety"]["headline"])).to_be_visible()
    if plan["safety"]["care_notes"]:
        expect(page.get_by_role("heading", name=WORDING["care_heading"])).to_be_visible()
    minutes = [
        int(text)
        for text in weeks_table(page).locator("tbody tr td:nth-child(2)").all_inner_texts()
    ]
    ceiling = ENGINE_DATA["levels"]["caution"]["ceiling_minutes"]
    assert minutes and max(minutes) <= ceiling < most, minutes  # caution caps what was asked for
    expect(weeks_table(page).get_by_role("cell", name=WORDING["shirt_on"]).first).to_be_visible()


def test_a_plan_asked_for_before_the_engine_is_ready_is_answered_when_it_is(
    page: Page, served_site: ServedSite
) -> None:
    """The engine's start held back (its first answer withheld): a request waits, none is lost."""
    held = HeldEngine(page)
    open_builder(page, served_site, wait=False)
    status = engine_status(page)
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text(TEXT["status.loading"])

    fill_answers(page, TYPICAL_ANSWERS)
    build_my_plan(page)
    expect(status).to_have_text(TEXT["status.waiting"])
    expect(plan_heading(page)).to_have_count(0)

    held.release()
    expect(plan_heading(page)).to_be_visible()
    expect(status).to_contain_text(READY)
    expect(focused(page)).to_have_text(WORDING["title"])
