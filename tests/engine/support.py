"""Shared helpers for the engine tests: the real content, valid answers, Hypothesis strategies."""

from __future__ import annotations

import copy
import os
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from guide_site.engine_data import PRECAUTION_LEVELS
from tests.support.content import (  # re-exported: the engine tests import them from here
    CONTENT,
    CONTENT_DIR,  # noqa: F401
    ENGINE_DATA,  # noqa: F401
    QUESTIONS,
    REPO,  # noqa: F401
)

ANSWER_FILES = sorted((Path(__file__).parent / "answers").iterdir())
ENGINE_STEMS = ("questionnaire", "plan", "precautions", "diary")

CEILING = {"ok": 30, "caution": 20}
START = {"never": 10, "a_few_times": 10, "regular": 15}


def conditions_at(safety_level: str) -> frozenset[str]:
    """The health conditions precautions.yml puts at a safety level (consult_first, caution)."""
    return frozenset(
        condition["id"]
        for condition in CONTENT["precautions"]["conditions"]
        if PRECAUTION_LEVELS[condition["level"]] == safety_level
    )


# Who must ask a professional first, and who gets a gentler plan, as precautions.yml says.
CONSULT_FIRST_CONDITIONS = conditions_at("consult_first")
CAUTION_CONDITIONS = conditions_at("caution")


def engine_content() -> dict[str, Any]:
    """A fresh copy of the engine's content (file stem -> data): tests may change it."""
    return copy.deepcopy({stem: CONTENT[stem] for stem in ENGINE_STEMS})


def option_values(question_id: str) -> list[str]:
    return [option["value"] for option in QUESTIONS[question_id]["options"]]


def answers(**changes: Any) -> dict[str, Any]:
    """A valid set of answers for a healthy adult new to mats, with ``changes`` applied."""
    base: dict[str, Any] = {
        "age_group": "18_to_64",
        "experience": "never",
        "skin": "normal",
        "conditions": ["none"],
        "pain_areas": ["none"],
        "sleep_issues": ["none"],
        "insomnia_duration": "none_or_occasional",
        "bedtime": "22:30",
        "minutes_available": 30,
    }
    base.update(changes)
    return {key: value for key, value in base.items() if value is not None}


# --- Hypothesis strategies, built from the questionnaire itself -------------------------

# Enough examples to find real bugs, few enough for the engine suite to stay well under a
# minute; set ENGINE_EXAMPLES=2000 for a thorough run.
EXAMPLES = int(os.environ.get("ENGINE_EXAMPLES", "150"))
engine_settings = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _any_of(question_id: str) -> st.SearchStrategy[list[str]]:
    options = QUESTIONS[question_id]["options"]
    regular = [o["value"] for o in options if not o["exclusive"]]
    exclusive = [o["value"] for o in options if o["exclusive"]]
    return st.one_of(
        st.sampled_from(exclusive).map(lambda value: [value]),
        st.lists(st.sampled_from(regular), min_size=1, unique=True),
    )


def _as_form_text(number: int) -> st.SearchStrategy[Any]:
    """A browser form sends text; files and Python send numbers."""
    return st.sampled_from([number, str(number), f" {number} ", f"0{number}"])


@st.composite
def bedtimes(draw: st.DrawFn) -> str:
    hour = draw(st.integers(0, 23))
    minute = draw(st.integers(0, 59))
    return draw(st.sampled_from([f"{hour:02d}:{minute:02d}", f"{hour}:{minute:02d}"]))


def valid_answers() -> st.SearchStrategy[dict[str, Any]]:
    number = QUESTIONS["minutes_available"]
    fields: dict[str, st.SearchStrategy[Any]] = {
        "bedtime": bedtimes(),
        "minutes_available": st.integers(number["min"], number["max"]).flatmap(_as_form_text),
    }
    for question_id, question in QUESTIONS.items():
        if not question["required"]:
            continue
        if question["kind"] == "one_of":
            fields[question_id] = st.sampled_from(option_values(question_id))
        elif question["kind"] == "any_of":
            fields[question_id] = _any_of(question_id)
    start_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2999, 12, 31))
    optional = {"start_date": start_dates.map(date.isoformat), "diary_reminder": bedtimes()}
    return st.fixed_dictionaries(fields, optional=optional).flatmap(_with_plan_kind)


def _with_plan_kind(answers: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Any plan kind, or none; a fair test comes with its number, as the page stores it."""
    seed = QUESTIONS["fair_test_seed"]
    kinds = st.sampled_from([None, *option_values("plan_kind")])
    seeds = st.integers(seed["min"], seed["max"])

    def add(kind: str | None, number: int) -> dict[str, Any]:
        if kind is None:
            return answers
        extra: dict[str, Any] = {"plan_kind": kind}
        if kind == "fair_test":
            extra["fair_test_seed"] = number
        return {**answers, **extra}

    return st.builds(add, kinds, seeds)
