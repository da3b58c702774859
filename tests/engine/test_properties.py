"""Invariants of the policy and the plan, over every kind of valid answer set (Hypothesis).

The expected plan is worked out here from content as plan.yml's header and precautions.yml
state the rules (tests/engine/support.py), independently of the engine's code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from jsonschema import Draft202012Validator

from guide_engine import build_plan
from guide_engine.clock import parse_time
from guide_engine.contract import EXPERIENCE, MINUTES_AVAILABLE
from guide_engine.outputs import render
from tests.engine.support import (
    CONTENT,
    ENGINE_DATA,
    GET_READY,
    PLAN,
    engine_settings,
    expected_ids,
    expected_level,
    expected_minutes,
    expected_shirts,
    ids,
    rule_applies,
    valid_answers,
)

RESULT_SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "guide_engine" / "plan-result.schema.json").read_text()
)
RESULT_VALIDATOR = Draft202012Validator(RESULT_SCHEMA)
WORDED = {item["id"]: item["text"] for item in CONTENT["precautions"]["ask_a_professional"]}


@engine_settings
@given(valid_answers())
def test_the_policy_and_the_plan_hold_for_every_answer_set(answers: dict[str, Any]) -> None:
    """The level is the most careful of the safety rules that apply; consult_first has no mat;
    every other plan follows the start, increase, ceiling and shirt rules; each piece of advice
    is there exactly when its rule applies."""
    plan = build_plan(answers, data=ENGINE_DATA)
    RESULT_VALIDATOR.validate(plan)
    checked = plan["answers"]
    level = expected_level(checked)
    assert plan["safety"]["level"] == level
    assert plan["stop_rules"]
    assert ids(plan["safety"]["care_notes"]) == expected_ids(PLAN["care_notes"], checked, level)
    assert ids(plan["tips"]) == expected_ids(PLAN["tips"], checked, level)
    assert ids(plan["signposts"]) == expected_ids(PLAN["signposts"], checked, level)

    if level == "consult_first":
        assert plan["weeks"] == [] and plan["placement"] == []
        asked = [WORDED[i["id"]] for i in PLAN["ask_professional"] if rule_applies(i, checked)]
        assert plan["safety"]["ask_professional"] == asked
        assert plan["calendar"]["available"] is False
        return

    assert plan["safety"]["ask_professional"] == []
    assert ids(plan["placement"]) == expected_ids(PLAN["placement"], checked, level)
    minutes = [week["minutes"] for week in plan["weeks"]]
    assert minutes == expected_minutes(checked[EXPERIENCE], level, checked[MINUTES_AVAILABLE])
    assert minutes == sorted(minutes), "never falls from week to week"
    assert [week["shirt"] for week in plan["weeks"]] == expected_shirts(checked, level)


@engine_settings
@given(valid_answers())
def test_every_session_ends_by_bedtime(answers: dict[str, Any]) -> None:
    plan = build_plan(answers, data=ENGINE_DATA)
    bedtime = parse_time(plan["nightly"]["bedtime"])
    steps = plan["nightly"]["steps"]
    before = [step["minutes_before_bedtime"] for step in steps]
    assert before == sorted(before, reverse=True)
    for step in steps:
        assert parse_time(step["time"]) == (bedtime - step["minutes_before_bedtime"]) % 1440
    for week in plan["weeks"]:
        lie_down, get_up = parse_time(week["lie_down"]), parse_time(week["get_up"])
        session = (get_up - lie_down) % 1440
        ready = (bedtime - get_up) % 1440
        assert session == week["minutes"]
        assert session + ready < 24 * 60, "the session ends before the bedtime, the same night"
        assert ready == GET_READY


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
