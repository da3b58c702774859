"""Fill in the plan builder as a person would: by the questions' and answers' visible labels.

Questions, answers and the plan's wording come from content/ (through the same engine data the
build makes), and base answers from content/examples.yml, so an editor's change to any of them
needs no change here.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from playwright.sync_api import Locator, Page

from guide_engine.contract import PLAN_KIND
from guide_engine.fair_test import CHOSEN
from guide_engine.plan import build_plan
from tests.support.content import CONTENT, ENGINE_DATA, QUESTIONS, example_answers, example_at

WORDING: dict[str, str] = ENGINE_DATA["wording"]
"""The plan's own headings and labels (plan.yml `wording`)."""
EXAMPLES: dict[str, dict[str, Any]] = {
    example["id"]: dict(example["answers"]) for example in CONTENT["examples"]["examples"]
}


def plan_for(answers: dict[str, Any]) -> dict[str, Any]:
    """The plan the engine makes of these answers, in CPython."""
    return build_plan(answers, data=ENGINE_DATA)


def example_at_level(level: str) -> dict[str, Any]:
    """The answers of the first example in examples.yml whose plan has this safety level."""
    return example_answers(example_at(level))


TYPICAL_ANSWERS = example_at_level("ok")
CAUTION_ANSWERS = example_at_level("caution")
CONSULT_FIRST_ANSWERS = example_at_level("consult_first")
START = date.today() + timedelta(days=7)
"""A first evening still ahead, as the date field asks."""
DATED: dict[str, Any] = {**TYPICAL_ANSWERS, "start_date": START.isoformat()}
FAIR_TEST: dict[str, Any] = {**DATED, PLAN_KIND: CHOSEN}
"""A fair test, dated; its number is left for the page to pick."""


def question_field(page: Page, question_id: str) -> Locator:
    question = QUESTIONS[question_id]
    label = re.compile("^" + re.escape(question["label"]))
    if question["kind"] in ("one_of", "any_of"):
        return page.get_by_role("group", name=label)
    return page.get_by_label(label)


def option_label(question_id: str, value: str) -> str:
    return next(o["label"] for o in QUESTIONS[question_id]["options"] if o["value"] == value)


def option_values(question_id: str, *, exclusive: bool = False) -> list[str]:
    """A question's answer values: the ordinary ones, or its "none of these" one(s)."""
    return [
        option["value"]
        for option in QUESTIONS[question_id]["options"]
        if bool(option.get("exclusive")) == exclusive
    ]


def option_box(page: Page, question_id: str, value: str) -> Locator:
    """The radio button or checkbox of one answer."""
    role = "radio" if QUESTIONS[question_id]["kind"] == "one_of" else "checkbox"
    field = question_field(page, question_id)
    return field.get_by_role(role, name=option_label(question_id, value), exact=True)  # type: ignore[arg-type]


def is_real_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def type_date(page: Page, question_id: str, text: str) -> None:
    """Type a date ("YYYY-MM-DD", or any part of it) into a date field, as a person would.

    A date field takes keys in the order of its locale's date: month, day, year in the en-US
    locale the tests' browser contexts use. Unlike ``fill``, this can leave the field holding
    something that is not a date, as a person can.
    """
    year, _, rest = text.partition("-")
    month, _, day = rest.partition("-")
    question_field(page, question_id).focus()
    page.keyboard.type(month + day + (year if day else ""))  # a part left out stays empty


def fill_answers(page: Page, answers: dict[str, Any]) -> None:
    """Answer in the form's order, so a question revealed by an earlier answer is there."""
    for question_id in (qid for qid in QUESTIONS if qid in answers):
        answer, question = answers[question_id], QUESTIONS[question_id]
        if question["kind"] == "one_of":
            option_box(page, question_id, answer).check()
        elif question["kind"] == "any_of":
            for value in answer:
                option_box(page, question_id, value).check()
        elif question["kind"] == "date" and not is_real_date(str(answer)):
            type_date(page, question_id, str(answer))
        else:
            question_field(page, question_id).fill(str(answer))
