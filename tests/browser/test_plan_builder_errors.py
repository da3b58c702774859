"""Answers the engine cannot use: GOV.UK's error summary and messages, and nothing cleared."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.builder import (
    build_my_plan,
    error_summary,
    message,
    open_builder,
    plan_heading,
)
from tests.browser.questionnaire import (
    QUESTIONS,
    START,
    TYPICAL_ANSWERS,
    fill_answers,
    is_real_date,
    option_box,
    option_values,
    question_field,
)
from tests.browser.wording import TEXT
from tests.support.server import ServedSite

REQUIRED = [question_id for question_id, question in QUESTIONS.items() if question["required"]]
MINUTES = QUESTIONS["minutes_available"]


def without(question_id: str) -> dict[str, Any]:
    return {key: value for key, value in TYPICAL_ANSWERS.items() if key != question_id}


# case: (answers typed, {question id: the message the engine gives})
CASES: dict[str, tuple[dict[str, Any], dict[str, str]]] = {
    "nothing answered": ({}, {qid: message(qid, "missing") for qid in REQUIRED}),
    "a single choice left out": (
        without("age_group"),
        {"age_group": message("age_group", "missing")},
    ),
    "select all that apply left out": (
        without("sleep_issues"),
        {"sleep_issues": message("sleep_issues", "missing")},
    ),
    "a bedtime that is not a time": (
        {**TYPICAL_ANSWERS, "bedtime": "half ten"},
        {"bedtime": message("bedtime", "invalid")},
    ),
    "minutes above the limit": (
        {**TYPICAL_ANSWERS, "minutes_available": str(MINUTES["max"] + 1)},
        {"minutes_available": message("minutes_available", "invalid")},
    ),
    "a date that is not on the calendar": (
        {**TYPICAL_ANSWERS, "start_date": f"{START.year + 1}-02-30"},
        {"start_date": message("start_date", "invalid")},
    ),
    "a date only half typed": (
        {**TYPICAL_ANSWERS, "start_date": f"{START.year + 1}-02"},
        {"start_date": message("start_date", "invalid")},
    ),
    "two mistakes at once": (
        {**without("experience"), "minutes_available": str(MINUTES["min"] - 1)},
        {
            "experience": message("experience", "missing"),
            "minutes_available": message("minutes_available", "invalid"),
        },
    ),
}


def first_control_name(question_id: str) -> str:
    question = QUESTIONS[question_id]
    return question["options"][0]["label"] if "options" in question else question["label"]


@pytest.mark.parametrize("case", list(CASES))
def test_each_error_is_summarised_linked_and_shown_by_its_field(
    page: Page, served_site: ServedSite, case: str
) -> None:
    answers, expected = CASES[case]
    open_builder(page, served_site)
    fill_answers(page, answers)
    build_my_plan(page)

    summary = error_summary(page)
    expect(summary.get_by_role("heading", name=TEXT["errors.title"])).to_be_visible()
    expect(summary).to_be_focused()
    assert page.title().startswith(TEXT["errors.prefix"] + " ")
    # One link per problem, in the order the form asks, with the engine's own words.
    in_form_order = [expected[qid] for qid in QUESTIONS if qid in expected]
    expect(summary.get_by_role("link")).to_have_text(in_form_order)
    expect(plan_heading(page)).to_have_count(0)

    for question_id, text in expected.items():
        field = question_field(page, question_id)
        # Next to the field, and read out with it: "Error: <message>".
        prefixed = f"{TEXT['errors.prefix']} {text}"
        expect(field).to_have_accessible_description(_containing(prefixed))
        expect(page.get_by_text(text)).to_have_count(2)  # in the summary and by the field

        summary.get_by_role("link", name=text).click()
        if QUESTIONS[question_id]["kind"] in ("one_of", "any_of"):
            target = field.get_by_label(first_control_name(question_id), exact=True)
        else:
            target = field
        expect(target).to_be_focused()

    # Nothing typed or chosen was cleared.
    for question_id, answer in answers.items():
        kind = QUESTIONS[question_id]["kind"]
        if kind == "one_of":
            expect(option_box(page, question_id, answer)).to_be_checked()
        elif kind == "any_of":
            for value in answer:
                expect(option_box(page, question_id, value)).to_be_checked()
        elif kind == "date" and not is_real_date(answer):
            # A date field cannot give back what is not a date; it still shows what was typed.
            assert question_field(page, question_id).evaluate("field => field.validity.badInput")
        else:
            expect(question_field(page, question_id)).to_have_value(answer)


def test_fixing_the_answers_clears_the_errors_and_gives_the_plan(
    page: Page, served_site: ServedSite
) -> None:
    open_builder(page, served_site)
    fill_answers(page, {**TYPICAL_ANSWERS, "bedtime": "10.30pm"})
    build_my_plan(page)
    expect(error_summary(page)).to_be_visible()

    question_field(page, "bedtime").fill(TYPICAL_ANSWERS["bedtime"])
    build_my_plan(page)
    expect(plan_heading(page)).to_be_focused()
    expect(error_summary(page)).to_have_count(0)
    assert not page.title().startswith(TEXT["errors.prefix"])
    page.get_by_role("button", name="Change answers").click()
    expect(page.get_by_text(message("bedtime", "invalid"))).to_have_count(0)
    expect(question_field(page, "bedtime")).to_have_accessible_description(
        QUESTIONS["bedtime"]["hint"]
    )


def test_none_of_these_with_another_answer_is_refused_by_the_engine_too(
    page: Page, served_site: ServedSite
) -> None:
    """Without the page's script (or from an edited link) both boxes can arrive ticked."""
    open_builder(page, served_site)
    fill_answers(page, without("pain_areas"))
    pain = question_field(page, "pain_areas")
    boxes = [
        option_box(page, "pain_areas", option_values("pain_areas")[0]),
        option_box(page, "pain_areas", option_values("pain_areas", exclusive=True)[0]),
    ]
    for box in boxes:
        # Ticked without the click events the page listens to, as with scripts turned off.
        box.evaluate("box => { box.checked = true; }")
    build_my_plan(page)

    conflict = message("pain_areas", "conflict")
    expect(error_summary(page).get_by_role("link")).to_have_text([conflict])
    expect(pain).to_have_accessible_description(_containing(conflict))
    for box in boxes:
        expect(box).to_be_checked()


def _containing(text: str) -> re.Pattern[str]:
    return re.compile(re.escape(text))
