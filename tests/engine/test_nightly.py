"""The evening timeline, timed back from the bedtime, including bedtimes after midnight."""

from __future__ import annotations

from guide_engine import build_plan
from guide_engine.clock import format_time, parse_time
from tests.engine.support import ENGINE_DATA, answers

GET_READY = ENGINE_DATA["nightly"]["get_ready_minutes"]


def nightly(**changes: object) -> dict:
    return build_plan(answers(**changes), data=ENGINE_DATA)["nightly"]


def test_the_timeline_runs_lie_down_breathe_get_up_lights_out() -> None:
    steps = nightly(bedtime="22:30", experience="never")["steps"]
    assert [(step["id"], step["time"]) for step in steps] == [
        ("lie_down", "22:05"),
        ("breathe", "22:07"),
        ("get_up", "22:15"),
        ("lights_out", "22:30"),
    ]
    assert all(step["why"]["href"].startswith("../") for step in steps)


def test_a_bedtime_just_after_midnight_starts_the_session_the_evening_before() -> None:
    plan = build_plan(answers(bedtime="00:10", experience="never"), data=ENGINE_DATA)
    steps = plan["nightly"]["steps"]
    assert [step["time"] for step in steps] == ["23:45", "23:47", "23:55", "00:10"]
    assert [step["minutes_before_bedtime"] for step in steps] == [25, 23, 15, 0]
    assert plan["weeks"][0]["lie_down"] == "23:45"


def test_a_session_can_cross_midnight() -> None:
    steps = nightly(bedtime="00:20", experience="regular", minutes_available=60)["steps"]
    assert [step["time"] for step in steps] == ["23:50", "23:52", "00:05", "00:20"]


def test_each_week_lies_down_earlier_and_gets_up_in_time_for_bedtime() -> None:
    plan = build_plan(answers(bedtime="23:00", minutes_available=60), data=ENGINE_DATA)
    for week in plan["weeks"]:
        lie_down, get_up = parse_time(week["lie_down"]), parse_time(week["get_up"])
        assert (get_up - lie_down) % 1440 == week["minutes"]
        assert format_time(get_up + GET_READY) == "23:00"
    assert [week["lie_down"] for week in plan["weeks"]] == ["22:35", "22:30", "22:25", "22:20"]


def test_times_are_written_hh_mm() -> None:
    assert format_time(-20) == "23:40"
    assert format_time(5) == "00:05"
    assert parse_time("7:05") == 425
    assert parse_time("07:5") is None
