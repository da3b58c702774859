"""The report's ``evenings``: what the plan has for every evening, whatever night is picked,
after missed nights too, following the adapted plan (a sign to stop ends mat evenings; a painful
session brings the minutes down; slow-fading marks hold them)."""

from __future__ import annotations

from typing import Any

from guide_engine import build_plan
from tests.engine.diary.support import (
    DIARY,
    START,
    consult_first_condition,
    entry,
    evening,
    fair_test_answers,
    morning,
    night,
    plan_answers,
    report,
)
from tests.engine.support import ENGINE_DATA

RULES = DIARY["adapt"]
INCREASE = ENGINE_DATA["weekly_increase_minutes"]
PLAN_WEEKS = ENGINE_DATA["weeks"]
ANSWERS = plan_answers()
PLAN = build_plan(ANSWERS, data=ENGINE_DATA)
FIRST = PLAN["weeks"][0]["minutes"]
CAP = min(PLAN["progression"]["ceiling_minutes"], PLAN["answers"]["minutes_available"])
BEDTIME = PLAN["nightly"]["bedtime"]
SIGN = DIARY["stop_signs"][0]["id"]


def evenings_of(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["night"]: item for item in result["evenings"]}


def plans(result: dict[str, Any], offset: int) -> tuple[str, int | None]:
    """(planned, minutes) for the evening ``offset`` days after the start."""
    item = evenings_of(result)[night(offset)]
    return item["planned"], item["minutes"]


def comfortable_week(week: int, minutes: int = FIRST, **kinds: object) -> list[dict[str, Any]]:
    """Every evening of ``week`` on the mat, each alike, with a morning."""
    first = 7 * (week - 1)
    return [entry(first + day, evening(minutes=minutes, **kinds), morning()) for day in range(7)]


def test_an_empty_diary_lists_every_evening_of_the_plan_and_none_outside_it() -> None:
    result = report(ANSWERS, [])
    nights = [item["night"] for item in result["evenings"]]
    assert nights == [night(day) for day in range(7 * PLAN_WEEKS)]
    assert night(-1) not in nights and night(7 * PLAN_WEEKS) not in nights
    for day, item in enumerate(result["evenings"]):
        assert (item["week"], item["planned"], item["tried_to_sleep"]) == (
            day // 7 + 1,
            "mat",
            BEDTIME,
        )
    # Nothing logged yet: any evening, once logged, has the first week's minutes (a week without
    # sessions gives no reason to go up).
    assert {item["minutes"] for item in result["evenings"]} == {FIRST}
    assert result["next_night"] == evenings_of(result)[START.isoformat()]


def test_after_missed_nights_any_evening_has_the_minutes_it_gets_once_logged() -> None:
    # Week 1 logged, comfortable every evening; then nothing for ten nights and more.
    entries = comfortable_week(1)
    result = report(ANSWERS, entries)
    week_two = min(FIRST + INCREASE, CAP)  # a comfortable week: the plan's increase
    assert plans(result, 8) == ("mat", week_two)
    # Week 2 was missed: week 3 has no sessions to go up on, so it keeps week 2's minutes.
    assert plans(result, 17) == ("mat", week_two)
    assert plans(result, 7 * PLAN_WEEKS - 1) == ("mat", week_two)
    # Logging the night after the gap gives it what its evening said, and the next night is
    # the one after it.
    for logged_part in (morning(), evening(minutes=week_two)):
        later = report(ANSWERS, [*entries, entry(17, logged_part)])
        logged = later["nights"][-1]
        assert (logged["planned"], logged["planned_minutes"]) == plans(result, 17)
        assert plans(later, 17) == plans(result, 17)
        assert later["next_night"] == evenings_of(later)[night(18)]


def test_a_painful_session_before_the_gap_brings_the_next_weeks_minutes_down() -> None:
    entries = comfortable_week(1)
    entries[-1] = entry(6, evening(minutes=FIRST, effect="decrease"))
    result = report(ANSWERS, entries)
    lower = max(FIRST - RULES["decrease_minutes"], RULES["smallest_minutes"])
    assert all(plans(result, day) == ("mat", lower) for day in range(7, 14))


def test_slow_fading_marks_before_the_gap_hold_the_next_weeks_minutes() -> None:
    entries = comfortable_week(1)
    entries[2] = entry(2, evening(minutes=FIRST, marks_effect="hold_week"))
    result = report(ANSWERS, entries)
    assert all(plans(result, day) == ("mat", FIRST) for day in range(7, 14))


def test_a_sign_to_stop_before_the_gap_stops_every_later_evening() -> None:
    entries = [entry(day, evening(minutes=FIRST)) for day in range(3)]
    entries.append(entry(3, evening(minutes=FIRST, stop=(SIGN,))))
    result = report(ANSWERS, entries)
    # Up to the stop, the evenings were mat evenings of the first week's minutes.
    assert all(plans(result, day) == ("mat", FIRST) for day in range(4))
    assert all(plans(result, day) == ("stopped", None) for day in range(4, 7 * PLAN_WEEKS))
    assert result["nights"][-1]["planned_minutes"] == FIRST
    assert result["next_night"]["planned"] == "stopped"


def test_a_sign_to_stop_mid_week_keeps_the_weeks_minutes_for_its_earlier_evenings() -> None:
    # Week 1 comfortable; in week 2 the evenings before the stop were missed.
    stop_night = 10
    entries = [*comfortable_week(1), entry(stop_night, evening(minutes=FIRST, stop=(SIGN,)))]
    result = report(ANSWERS, entries)
    week_two = min(FIRST + INCREASE, CAP)
    assert all(plans(result, day) == ("mat", week_two) for day in range(7, stop_night + 1))
    assert result["nights"][-1]["planned_minutes"] == week_two
    assert plans(result, stop_night + 1) == ("stopped", None)
    # The adapted weeks still say 0 minutes from the week of the stop on.
    assert [w["minutes"] for w in result["adapted"]["weeks"][1:]] == [0] * (PLAN_WEEKS - 1)


def test_a_fair_test_gives_each_evening_its_kind_and_rest_evenings_no_minutes() -> None:
    answers = fair_test_answers()
    plan = build_plan(answers, data=ENGINE_DATA)
    scheduled = {
        item["date"]: item["kind"]
        for week in plan["fair_test"]["weeks"]
        for item in week["evenings"]
    }
    result = report(answers, [])
    for item in result["evenings"]:
        assert item["planned"] == scheduled.get(item["night"], "mat")
        assert (item["minutes"] is None) == (item["planned"] == "rest")
    assert {item["planned"] for item in result["evenings"]} == {"mat", "rest"}


def test_a_diary_past_the_plans_end_extends_the_evenings_a_week_beyond_it() -> None:
    beyond = 7 * PLAN_WEEKS + 2  # an evening of the week after the plan's last
    result = report(ANSWERS, [entry(beyond, morning())])
    nights = [item["night"] for item in result["evenings"]]
    assert nights[-1] == night(7 * (PLAN_WEEKS + 2) - 1)
    assert result["next_night"] == evenings_of(result)[night(beyond + 1)]
    assert result["next_night"]["minutes"] is not None


def test_a_night_before_the_plan_starts_is_not_an_evening_of_it() -> None:
    result = report(ANSWERS, [entry(-2, morning())])
    assert result["evenings"][0]["night"] == START.isoformat()
    assert result["nights"][0]["planned_minutes"] is None
    assert result["next_night"]["week"] == 0 and result["next_night"]["minutes"] is None


def test_a_plan_without_the_mat_has_only_wind_down_evenings() -> None:
    result = report(plan_answers(conditions=[consult_first_condition()]), [entry(0, morning())])
    assert len(result["evenings"]) == 7 * PLAN_WEEKS
    assert {(item["planned"], item["minutes"]) for item in result["evenings"]} == {("none", None)}
