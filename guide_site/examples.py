"""The example plans page: the engine, run here under CPython, works out each example's plan.

The plan builder needs JavaScript and WebAssembly; this page needs neither. It is also where the
builder sends people whose browser cannot run the engine. Each plan is the engine's own HTML
fragment, the same the builder shows, so the examples can never drift from what the builder says.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import jinja2

from guide_engine.errors import AnswersError
from guide_engine.outputs import render_html
from guide_engine.plan import build_plan
from guide_site.engine_data import EngineDataError

EXAMPLES_PAGE_ID = "plan-examples"
"""The page's id and address (``plan-examples/``); the builder's alert links to it."""
EXAMPLES_SOURCE = "content/examples.yml"
_HEADING_TAG = re.compile(r"<(/?)h([1-5])\b")


def examples_markdown(
    content: Mapping[str, Any], engine_data: Mapping[str, Any], env: jinja2.Environment
) -> str | None:
    """The page's Markdown, or None when content/ has no examples.yml.

    Raises EngineDataError, one line per example, if the engine rejects an example's answers.
    """
    if "examples" not in content:
        return None
    page = content["examples"]
    questions = engine_data["questionnaire"]["questions"]
    examples = [
        {**example, "answers_shown": _answers_shown(example["answers"], questions)}
        for example in page["examples"]
    ]
    plans = _plans(examples, engine_data)
    for example in examples:
        # Each example's heading is an h2 of the page, so the plan's own headings go one down.
        example["plan_html"] = _one_level_down(render_html(plans[example["id"]], data=engine_data))
    template = env.get_template("plan_examples.md.j2")
    return template.render(page=page, site=content["site"], examples=examples)


def _plans(
    examples: list[dict[str, Any]], engine_data: Mapping[str, Any]
) -> dict[str, dict[str, Any]]:
    plans, problems = {}, []
    for example in examples:
        try:
            plans[example["id"]] = build_plan(example["answers"], data=engine_data)
        except AnswersError as rejected:
            problems += [
                f"{EXAMPLES_SOURCE}: example '{example['id']}': answer '{question}': {message}"
                for question, message in rejected.errors.items()
            ]
    if problems:
        raise EngineDataError(problems)
    return plans


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
