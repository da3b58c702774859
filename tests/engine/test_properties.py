"""Invariants of the policy and the plan, over every kind of valid answer set (Hypothesis)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from jsonschema import Draft202012Validator

from guide_engine import build_plan
from guide_engine.clock import parse_time
from guide_engine.outputs import render
from tests.engine.support import (
    CAUTION_CONDITIONS,
    CEILING,
    CONSULT_FIRST_CONDITIONS,
    ENGINE_DATA,
    START,
    engine_settings,
    valid_answers,
)

RESULT_SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "guide_engine" / "plan-result.schema.json").read_text()
)
RESULT_VALIDATOR = Draft202012Validator(RESULT_SCHEMA)


def expected_level(answers: dict[str, Any]) -> str:
    """The issue's policy, written out independently of the engine."""
    conditions = set(answers["conditions"])
    if answers["age_group"] == "under_18" or conditions & CONSULT_FIRST_CONDITIONS:
        return "consult_first"
    if (
        conditions & CAUTION_CONDITIONS
        or answers["skin"] == "sensitive"
        or answers["age_group"] == "65_plus"
    ):
        return "caution"
    return "ok"


@engine_settings
@given(valid_answers())
def test_the_policy_and_the_plan_hold_for_every_answer_set(answers: dict[str, Any]) -> None:
    plan = build_plan(answers, data=ENGINE_DATA)
    RESULT_VALIDATOR.validate(plan)
    level = expected_level(plan["answers"])
    assert plan["safety"]["level"] == level
    assert plan["stop_rules"]

    if level == "consult_first":
        assert plan["weeks"] == [] and plan["placement"] == []
        assert plan["safety"]["ask_professional"]
        assert plan["calendar"]["available"] is False
        return

    available = plan["answers"]["minutes_available"]
    minutes = [week["minutes"] for week in plan["weeks"]]
    assert len(minutes) == 4
    assert all(1 <= m <= min(CEILING[level], available) for m in minutes)
    assert minutes == sorted(minutes), "never falls from week to week"
    assert minutes[0] == min(START[plan["answers"]["experience"]], available)
    if available < START[plan["answers"]["experience"]]:
        assert set(minutes) == {available}

    needs_shirt = (
        plan["answers"]["experience"] == "never"
        or plan["answers"]["skin"] == "sensitive"
        or level == "caution"
    )
    expected_shirts = [True, True, False, False] if needs_shirt else [False] * 4
    assert [week["shirt"] for week in plan["weeks"]] == expected_shirts
    if level == "caution":
        assert plan["safety"]["care_notes"]


@engine_settings
@given(valid_answers())
def test_every_session_ends_by_bedtime(answers: dict[str, Any]) -> None:
    plan = build_plan(answers, data=ENGINE_DATA)
    bedtime = parse_time(plan["nightly"]["bedtime"])
    steps = plan["nightly"]["steps"]
    before = [step["minutes_before_bedtime"] for step in steps]
    assert before == sorted(before, reverse=True) and before[-1] == 0
    for step in steps:
        assert parse_time(step["time"]) == (bedtime - step["minutes_before_bedtime"]) % 1440
    for week in plan["weeks"]:
        lie_down, get_up = parse_time(week["lie_down"]), parse_time(week["get_up"])
        session = (get_up - lie_down) % 1440
        ready = (bedtime - get_up) % 1440
        assert session == week["minutes"]
        assert session + ready < 24 * 60, "the session ends before the bedtime, the same night"
        assert ready == ENGINE_DATA["nightly"]["get_ready_minutes"]


@engine_settings
@given(valid_answers())
def test_identical_answers_give_identical_output(answers: dict[str, Any]) -> None:
    first = build_plan(answers, data=ENGINE_DATA)
    again = build_plan(json.loads(json.dumps(answers)), data=ENGINE_DATA)
    assert first == again
    for output_format in ("json", "text", "html"):
        assert render(first, output_format, data=ENGINE_DATA) == render(
            again, output_format, data=ENGINE_DATA
        )
    if first["calendar"]["available"]:
        assert render(first, "ics", data=ENGINE_DATA) == render(again, "ics", data=ENGINE_DATA)


@engine_settings
@given(valid_answers())
def test_the_normalised_answers_make_the_same_plan(answers: dict[str, Any]) -> None:
    """The plan's own answers can be saved and fed back (a share link, a saved file)."""
    plan = build_plan(answers, data=ENGINE_DATA)
    saved = {key: value for key, value in plan["answers"].items() if value is not None}
    assert build_plan(saved, data=ENGINE_DATA) == plan
