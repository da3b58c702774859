"""The evening timeline, timed back from the bedtime, including bedtimes after midnight.

Lights out is at the bedtime; getting up comes nightly.get_ready_minutes before it; lying down
comes the session's minutes before that. Each mat step of plan.yml is timed from its moment
(`at`) plus its `plus_minutes`, and the steps run earliest first.
"""

from __future__ import annotations

import pytest

from guide_engine import build_plan
from guide_engine.clock import format_time, parse_time
from guide_engine.contract import BEDTIME
from tests.engine.support import ENGINE_DATA, GET_READY, MAT_LEVELS, PLAN, base_answers

MINUTES_PER_DAY = 24 * 60


def plan_of(answers: dict) -> dict:
    return build_plan(answers, data=ENGINE_DATA)


def expected_steps(bedtime: int, minutes: int) -> list[tuple[str, str, int]]:
    """(id, time, minutes before bedtime) of each mat step, earliest first, as content times it."""
    moments = {"lights_out": 0, "get_up": GET_READY, "lie_down": GET_READY + minutes}
    timed = [
        (step["id"], moments[step["at"]] - step.get("plus_minutes", 0))
        for step in PLAN["nightly"]["mat_steps"]
    ]
    timed.sort(key=lambda pair: -pair[1])  # stable: ties keep content order
    return [(step_id, format_time(bedtime - before), before) for step_id, before in timed]


def steps(plan: dict) -> list[tuple[str, str, int]]:
    return [
        (step["id"], step["time"], step["minutes_before_bedtime"])
        for step in plan["nightly"]["steps"]
    ]


@pytest.mark.parametrize("level", MAT_LEVELS)
def test_the_mat_steps_are_timed_back_from_the_bedtime(level: str) -> None:
    plan = plan_of(base_answers(level))
    bedtime = parse_time(plan["answers"][BEDTIME])
    assert plan["nightly"]["kind"] == "mat"
    assert steps(plan) == expected_steps(bedtime, plan["weeks"][0]["minutes"])
    by_id = {step["id"]: step for step in PLAN["nightly"]["mat_steps"]}
    for step in plan["nightly"]["steps"]:
        assert step["title"] == by_id[step["id"]]["title"]
        assert step["why"]["href"].startswith("../")


def test_a_bedtime_just_after_midnight_starts_the_session_the_evening_before() -> None:
    first = plan_of(base_answers())["weeks"][0]["minutes"]
    bedtime = (GET_READY + first) // 2  # minutes after midnight: lying down comes before it
    plan = plan_of(base_answers(**{BEDTIME: format_time(bedtime)}))
    assert steps(plan) == expected_steps(bedtime, first)
    lie_down = parse_time(plan["weeks"][0]["lie_down"])
    assert lie_down == MINUTES_PER_DAY + bedtime - GET_READY - first, "the evening before"


def test_a_session_can_cross_midnight() -> None:
    first = plan_of(base_answers())["weeks"][0]["minutes"]
    bedtime = GET_READY + first // 2  # lie down before midnight, get up after it
    plan = plan_of(base_answers(**{BEDTIME: format_time(bedtime)}))
    week = plan["weeks"][0]
    assert parse_time(week["lie_down"]) > parse_time(week["get_up"])
    assert (parse_time(week["get_up"]) - parse_time(week["lie_down"])) % MINUTES_PER_DAY == first


@pytest.mark.parametrize("level", MAT_LEVELS)
def test_each_week_lies_down_its_minutes_earlier_and_gets_up_in_time_for_bedtime(
    level: str,
) -> None:
    plan = plan_of(base_answers(level))
    bedtime = parse_time(plan["answers"][BEDTIME])
    for week in plan["weeks"]:
        assert week["get_up"] == format_time(bedtime - GET_READY)
        assert week["lie_down"] == format_time(bedtime - GET_READY - week["minutes"])


def test_times_are_written_hh_mm() -> None:
    assert format_time(-20) == "23:40"
    assert format_time(5) == "00:05"
    assert parse_time("7:05") == 425
    assert parse_time("07:5") is None
