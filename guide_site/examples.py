"""The example plans: the engine, run here under CPython, works out each example's plan.

The plan builder needs JavaScript and WebAssembly; the example plans page needs neither. It is
also where the builder sends people whose browser cannot run the engine. Each plan is the
engine's own HTML fragment, the same the builder shows, so the examples can never drift from
what the builder says.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from guide_engine.errors import AnswersError
from guide_engine.outputs import render_html
from guide_engine.plan import build_plan
from guide_site.errors import ContentError
from guide_site.loader import ContentFiles

EXAMPLES = "examples"
_HEADING_TAG = re.compile(r"<(/?)h([1-5])\b")


def example_problems(files: ContentFiles, engine_data: Mapping[str, Any]) -> list[ContentError]:
    """One positioned line for each answer of an example that the engine rejects."""
    if EXAMPLES not in files.documents:
        return []
    problems = []
    for index, example in enumerate(files.content[EXAMPLES]["examples"]):
        try:
            build_plan(example["answers"], data=engine_data)
        except AnswersError as rejected:
            for question_id, message in rejected.errors.items():
                given = question_id in example["answers"]
                where = ("examples", index, "answers", *([question_id] if given else []))
                problem = (
                    f"example '{example['id']}': the engine rejects this answer to "
                    f"'{question_id}' (the plan builder would say: {message})"
                    if given
                    else f"example '{example['id']}' has no answer to '{question_id}', which "
                    f"the plan builder needs (it would say: {message})"
                )
                problems.append(files.error(EXAMPLES, where, problem, at_key=given))
    return problems


def example_plans(
    content: Mapping[str, Any], engine_data: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """Each example with its answers as the form shows them and its plan's HTML (checked)."""
    questions = engine_data["questionnaire"]["questions"]
    shown = []
    for example in content.get(EXAMPLES, {}).get("examples", []):
        plan = build_plan(example["answers"], data=engine_data)
        shown.append(
            {
                **example,
                "answers_shown": _answers_shown(example["answers"], questions),
                # Each example's heading is an h2 of the page: the plan's headings go one down.
                "plan_html": _one_level_down(render_html(plan, data=engine_data)),
            }
        )
    return shown


def _answers_shown(
    answers: Mapping[str, Any], questions: list[Mapping[str, Any]]
) -> list[dict[str, str]]:
    """Each answered question's label with the answer as the form shows it, in form order."""
    shown = []
    for question in questions:
        answer = answers.get(question["id"])
        if answer is None:
            continue
        labels = {option["value"]: option["label"] for option in question.get("options", [])}
        values = answer if isinstance(answer, list) else [answer]
        text = "; ".join(labels.get(value, value) for value in values)
        if question.get("suffix"):
            text = f"{text} {question['suffix']}"
        shown.append({"question": question["label"], "answer": text})
    return shown


def _one_level_down(html: str) -> str:
    return _HEADING_TAG.sub(lambda tag: f"<{tag[1]}h{int(tag[2]) + 1}", html)
