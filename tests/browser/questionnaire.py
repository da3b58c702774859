"""Fill in the plan builder as a person would: by the questions' and answers' visible labels."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Locator, Page

from tests.support.content import QUESTIONS, example_answers, example_at

# A person at the "ok" safety level, as content/examples.yml has one.
TYPICAL_ANSWERS: dict[str, Any] = example_answers(example_at("ok"))


def question_field(page: Page, question_id: str) -> Locator:
    question = QUESTIONS[question_id]
    label = re.compile("^" + re.escape(question["label"]))
    if question["kind"] in ("one_of", "any_of"):
        return page.get_by_role("group", name=label)
    return page.get_by_label(label)


def option_label(question_id: str, value: str) -> str:
    return next(o["label"] for o in QUESTIONS[question_id]["options"] if o["value"] == value)


def fill_answers(page: Page, answers: dict[str, Any]) -> None:
    for question_id, answer in answers.items():
        question = QUESTIONS[question_id]
        field = question_field(page, question_id)
        if question["kind"] == "one_of":
            field.get_by_role("radio", name=option_label(question_id, answer), exact=True).check()
        elif question["kind"] == "any_of":
            for value in answer:
                field.get_by_role(
                    "checkbox", name=option_label(question_id, value), exact=True
                ).check()
        else:
            field.fill(str(answer))
