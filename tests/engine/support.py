"""Shared helpers for the engine tests: answers from content, the rules as content states them,
and Hypothesis strategies built from the questionnaire.

Nothing here copies content. Base answers are the examples of content/examples.yml; numbers,
wording and answer values are read from content/plan.yml, questionnaire.yml and
precautions.yml. The only questions named are the ones the engine's own code reads
(guide_engine/contract.py), so an editor may rename, add or tune anything else.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from functools import cache
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from guide_engine.contract import CONDITIONS_SOURCE, LARGEST_WHOLE_NUMBER, MINUTES_AVAILABLE
from guide_engine.links import guide_href
from guide_engine.safety import LEVELS
from guide_site.engine_data import PRECAUTION_LEVELS
from tests.support.content import (  # re-exported: the engine tests import them from here
    CONTENT,
    CONTENT_DIR,  # noqa: F401
    ENGINE_DATA,  # noqa: F401
    EXAMPLES,
    PLAN,
    QUESTIONS,
    REPO,  # noqa: F401
    example_answers,
    example_at,
    fresh_content,  # noqa: F401
    option_values,
)

Answers = dict[str, Any]
Rule = Mapping[str, Any]

# --- What content says, read once ------------------------------------------------------

CONDITIONS = next(
    question["id"]
    for question in CONTENT["questionnaire"]["questions"]
    if question.get("options_from") == CONDITIONS_SOURCE
)
"""The id of the question that asks about precautions.yml's conditions (an editor names it)."""

MINUTES = QUESTIONS[MINUTES_AVAILABLE]
LEAST, MOST = MINUTES["min"], MINUTES["max"]
"""The time people may say they have, from questionnaire.yml."""

START = PLAN["start_minutes"]
INCREASE = PLAN["weekly_increase_minutes"]
WEEKS = PLAN["weeks"]
SHIRT_WEEKS = PLAN["shirt"]["weeks"]
GET_READY = PLAN["nightly"]["get_ready_minutes"]
MAT_LEVELS = [level for level in LEVELS if "ceiling_minutes" in PLAN["levels"][level]]
"""The safety levels whose plans have mat sessions (consult_first has none)."""


def ceiling(level: str) -> int:
    return PLAN["levels"][level]["ceiling_minutes"]


def conditions_at(safety_level: str) -> list[str]:
    """The health conditions precautions.yml puts at a safety level, in content order."""
    return [
        condition["id"]
        for condition in CONTENT["precautions"]["conditions"]
        if PRECAUTION_LEVELS[condition["level"]] == safety_level
    ]


def exclusive_value(question_id: str) -> str | None:
    """The 'none of these' answer of an any_of question, if it has one."""
    return next((o["value"] for o in QUESTIONS[question_id]["options"] if o["exclusive"]), None)


def regular_values(question_id: str) -> list[str]:
    return [o["value"] for o in QUESTIONS[question_id]["options"] if not o["exclusive"]]


def questions_of_kind(kind: str) -> list[str]:
    return [question_id for question_id, question in QUESTIONS.items() if question["kind"] == kind]


def message(question_id: str, kind: str) -> str:
    """The question's message for a kind of problem ("missing", "invalid", "conflict"), or its
    nearest relative: missing and invalid stand in for each other, a conflict falls back to
    invalid, then missing."""
    errors = QUESTIONS[question_id]["errors"]
    order = {"missing": ("missing", "invalid"), "invalid": ("invalid", "missing")}
    return next(errors[k] for k in order.get(kind, (kind, "invalid", "missing")) if k in errors)


# --- Answers ---------------------------------------------------------------------------


def base_answers(level: str = "ok", **changes: Any) -> Answers:
    """The answers of the first example in content/examples.yml whose plan is at ``level``,
    with ``changes`` (None removes an answer)."""
    return example_answers(example_at(level), **changes)


def as_answer(question_id: str, value: str) -> str | list[str]:
    """``value`` given as the question takes it: alone, or ticked on its own."""
    return [value] if QUESTIONS[question_id]["kind"] == "any_of" else value


def with_answer(answers: Answers, question_id: str, value: str) -> Answers:
    return {**answers, question_id: as_answer(question_id, value)}


def triggers(rule: Rule) -> list[tuple[str, str]]:
    """Each (question, answer) in a rule's own ``when``: giving any one makes ``when`` match."""
    return [
        (question_id, value) for question_id, values in rule["when"].items() for value in values
    ]


def trigger_cases(rules: list[Rule]) -> list[tuple[Rule, str, str]]:
    """(rule, question, answer) for every trigger of every rule that has a ``when``."""
    return [(rule, q, v) for rule in rules if "when" in rule for q, v in triggers(rule)]


def case_id(case: tuple[Rule, str, str]) -> str:
    rule, question_id, value = case
    return f"{rule.get('id', 'rule')}-{question_id}={value}"


# --- The rules, as plan.yml's header states them ------------------------------------------


def rule_applies(rule: Rule, answers: Mapping[str, Any], level: str | None = None) -> bool:
    """plan.yml: a rule applies if ANY answer its ``when`` lists was given (no ``when``: to
    everyone), and only at the safety levels its ``levels`` lists (none: at every level)."""
    if "levels" in rule and level not in rule["levels"]:
        return False
    if "when" not in rule:
        return True
    for question_id, values in rule["when"].items():
        given = answers.get(question_id)
        chosen = given if isinstance(given, list) else [given]
        if any(value in values for value in chosen):
            return True
    return False


SAFETY_RULES: list[Rule] = [
    *(
        {
            "id": condition["id"],
            "when": {CONDITIONS: [condition["id"]]},
            "level": PRECAUTION_LEVELS[condition["level"]],
            "reason": condition["reason"],
        }
        for condition in CONTENT["precautions"]["conditions"]
    ),
    *PLAN["safety_rules"],
]
"""Every rule that sets a safety level: one per condition of precautions.yml (at the level its
`level` gives), then plan.yml's safety_rules."""


def expected_level(answers: Mapping[str, Any]) -> str:
    """The most careful level of any safety rule that applies; ok if none does."""
    matched = [rule["level"] for rule in SAFETY_RULES if rule_applies(rule, answers)]
    return max(matched, key=LEVELS.index, default="ok")


def expected_minutes(experience: str, level: str, available: int) -> list[int]:
    """Week 1 is start_minutes[experience], then +weekly_increase_minutes a week, capped by the
    level's ceiling and the minutes available."""
    cap = min(ceiling(level), available)
    return [min(START[experience] + INCREASE * week, cap) for week in range(WEEKS)]


def expected_shirts(answers: Mapping[str, Any], level: str) -> list[bool]:
    """A thin shirt for the first shirt.weeks weeks if any shirt rule applies, else bare skin."""
    needed = any(rule_applies(rule, answers, level) for rule in PLAN["shirt"]["rules"])
    return [needed and week <= SHIRT_WEEKS for week in range(1, WEEKS + 1)]


def expected_ids(items: list[Rule], answers: Mapping[str, Any], level: str) -> list[str]:
    """The ids of the content items that apply, in content order."""
    return [item["id"] for item in items if rule_applies(item, answers, level)]


def expected_why(source: Mapping[str, Any]) -> dict[str, Any]:
    """A content `why` as a plan carries it: its words, and a link relative to the plan page."""
    return {
        "text": source["text"],
        "link_text": source["link_text"],
        "page": source["page"],
        "anchor": source.get("anchor"),
        "href": guide_href(source["page"], source.get("anchor")),
    }


def ids(items: list[Mapping[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


# --- A fixed, varied sample of valid answers, for finding a case content makes possible ----


def _random_answer(question: Mapping[str, Any], rng: random.Random) -> Any:
    """One valid answer to a question, as a browser form sends it."""
    question_id, kind = question["id"], question["kind"]
    if kind == "one_of":
        return rng.choice(option_values(question_id))
    if kind == "any_of":
        regular, none = regular_values(question_id), exclusive_value(question_id)
        if none is not None and rng.random() < 0.3:
            return [none]
        return rng.sample(regular, rng.randint(1, min(3, len(regular))))
    if kind == "time":
        return f"{rng.randrange(24):02d}:{rng.randrange(60):02d}"
    if kind == "whole_number":
        return str(rng.randint(question["min"], question["max"]))
    if kind == "date":
        return date.fromordinal(date(2026, 1, 1).toordinal() + rng.randrange(730)).isoformat()
    raise AssertionError(f"no random answers for questions of kind {kind!r}")


def random_answers(rng: random.Random) -> Answers:
    """One valid answer set drawn from the questionnaire: optional questions most of the time,
    and those another answer makes necessary whenever it does."""
    answers = {
        question["id"]: _random_answer(question, rng)
        for question in QUESTIONS.values()
        if question["required"] or rng.random() < 0.7
    }
    for question_id in required_now(answers):
        answers[question_id] = _random_answer(QUESTIONS[question_id], rng)
    return answers


def required_now(answers: Mapping[str, Any]) -> list[str]:
    """Optional questions left unanswered that an answer given makes necessary
    (questionnaire.yml `required_when`, which reads like a rule's `when`)."""
    return [
        question_id
        for question_id, question in QUESTIONS.items()
        if "required_when" in question
        and answers.get(question_id) in (None, "", [])
        and rule_applies({"when": question["required_when"]}, answers)
    ]


@cache
def answer_sample() -> tuple[Answers, ...]:
    """The examples, then a seeded sample: the same every run, so a failure can be repeated."""
    rng = random.Random(20_261_202)
    examples = [example_answers(example_id) for example_id in EXAMPLES]
    return (*examples, *(random_answers(rng) for _ in range(500)))


def answers_where(description: str, wanted: Callable[[Answers], bool]) -> Answers:
    """The first answers in the sample for which ``wanted`` holds."""
    for answers in answer_sample():
        if wanted(answers):
            return dict(answers)
    raise AssertionError(f"no answers in the sample where {description}")


def every_why(plan: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    """Every `why` a plan carries, wherever it sits."""
    if plan["progression"]:
        yield plan["progression"]["why"]
    if plan["shirt"]:
        yield plan["shirt"]["why"]
    for part in (plan["safety"]["reasons"], plan["safety"]["care_notes"], plan["nightly"]["steps"]):
        yield from (item["why"] for item in part)
    for key in ("signposts", "placement", "tips"):
        yield from (item["why"] for item in plan[key])


# --- Hypothesis strategies, built from the questionnaire itself -------------------------

# Enough examples to find real bugs, few enough for the engine suite to stay well under a
# minute; set ENGINE_EXAMPLES=2000 for a thorough run.
HYPOTHESIS_EXAMPLES = int(os.environ.get("ENGINE_EXAMPLES", "150"))
engine_settings = settings(
    max_examples=HYPOTHESIS_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _any_of(question_id: str) -> st.SearchStrategy[list[str]]:
    some = st.lists(st.sampled_from(regular_values(question_id)), min_size=1, unique=True)
    none = exclusive_value(question_id)
    return some if none is None else st.one_of(st.just([none]), some)


def _as_form_text(number: int) -> st.SearchStrategy[Any]:
    """A browser form sends text; files and Python send numbers. A leading zero only where the
    text stays as short as the engine's largest number (it reads no longer text)."""
    forms = [number, str(number), f" {number} "]
    if len(f"0{number}") <= len(str(LARGEST_WHOLE_NUMBER)):
        forms.append(f"0{number}")
    return st.sampled_from(forms)


@st.composite
def bedtimes(draw: st.DrawFn) -> str:
    hour = draw(st.integers(0, 23))
    minute = draw(st.integers(0, 59))
    return draw(st.sampled_from([f"{hour:02d}:{minute:02d}", f"{hour}:{minute:02d}"]))


def _answer_strategy(question: Mapping[str, Any]) -> st.SearchStrategy[Any]:
    kind = question["kind"]
    if kind == "one_of":
        return st.sampled_from(option_values(question["id"]))
    if kind == "any_of":
        return _any_of(question["id"])
    if kind == "time":
        return bedtimes()
    if kind == "whole_number":
        return st.integers(question["min"], question["max"]).flatmap(_as_form_text)
    if kind == "date":
        days = st.dates(min_value=date(2000, 1, 1), max_value=date(2999, 12, 31))
        return days.map(date.isoformat)
    raise AssertionError(f"no strategy for questions of kind {kind!r}")


def valid_answers() -> st.SearchStrategy[Answers]:
    """Any valid answer set: every required question answered, optional ones sometimes, and
    those that another answer makes necessary (`required_when`) whenever it does."""
    required = {q["id"]: _answer_strategy(q) for q in QUESTIONS.values() if q["required"]}
    optional = {q["id"]: _answer_strategy(q) for q in QUESTIONS.values() if not q["required"]}
    return st.fixed_dictionaries(required, optional=optional).flatmap(_with_required_now)


def _with_required_now(answers: Answers) -> st.SearchStrategy[Answers]:
    needed = {
        question_id: _answer_strategy(QUESTIONS[question_id])
        for question_id in required_now(answers)
    }
    return st.fixed_dictionaries(needed).map(lambda extra: {**answers, **extra})
