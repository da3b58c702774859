"""The content the tests run against, checked once, and answers taken from it.

Tests read numbers, wording and answers from here, never copies of them: an editor who tunes a
number or renames an answer in content/ changes what the tests expect too. ``GUIDE_CONTENT_DIR``
points the whole suite at another copy of the content (tests/site/test_content_variants.py
uses it to show the suite follows the content).
"""

from __future__ import annotations

import copy
import os
from functools import cache
from pathlib import Path
from typing import Any

from guide_engine import build_plan
from guide_site.pipeline import CheckedContent, check_content

REPO = Path(__file__).resolve().parents[2]
CONTENT_DIR = Path(os.environ.get("GUIDE_CONTENT_DIR") or REPO / "content")

CHECKED: CheckedContent = check_content(CONTENT_DIR, shown_relative_to=REPO)
CONTENT = CHECKED.content
ENGINE_DATA = CHECKED.engine_data
PLAN = CONTENT["plan"]
QUESTIONS = {question["id"]: question for question in ENGINE_DATA["questionnaire"]["questions"]}
EXAMPLES = {example["id"]: example for example in CONTENT["examples"]["examples"]}
PAGES = {data["id"]: data for key, data in CONTENT.items() if key.startswith("pages/")}
"""Each page's content (content/pages/*.yml), by page id."""


def pages_with_template(template: str) -> list[str]:
    """The ids of the pages made with ``template``, in the nav's order."""
    return [page_id for page_id in CONTENT["site"]["nav"] if PAGES[page_id]["template"] == template]


def fresh_content() -> dict[str, Any]:
    """A copy of the loaded content that a test may change."""
    return copy.deepcopy(CONTENT)


def example_answers(example_id: str, **changes: Any) -> dict[str, Any]:
    """One example's answers (content/examples.yml), with ``changes`` (None removes one)."""
    answers = {**copy.deepcopy(EXAMPLES[example_id]["answers"]), **changes}
    return {key: value for key, value in answers.items() if value is not None}


@cache
def example_levels() -> dict[str, str]:
    """Each example's safety level, as the engine works it out."""
    return {
        example_id: build_plan(example["answers"], data=ENGINE_DATA)["safety"]["level"]
        for example_id, example in EXAMPLES.items()
    }


def example_at(level: str) -> str:
    """The first example whose plan has this safety level (examples.yml keeps one of each)."""
    for example_id, found in example_levels().items():
        if found == level:
            return example_id
    raise AssertionError(f"content/examples.yml has no example at safety level {level!r}")


def option_values(question_id: str) -> list[str]:
    return [option["value"] for option in QUESTIONS[question_id]["options"]]
