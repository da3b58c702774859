"""Safety first: a sign to stop ends the mat evenings and says what to do; minutes never rise
after a painful session; slow-fading marks hold them a week; comfort raises them within the
plan's caps (the level's ceiling and the person's minutes available)."""

from __future__ import annotations

from guide_engine import build_plan
from guide_engine.outputs import render_diary
from tests.engine.diary.support import (
    DIARY,
    consult_first_condition,
    entry,
    evening,
    fair_test_answers,
    morning,
    plan_answers,
    report,
)
from tests.engine.support import ENGINE_DATA

RULES = DIARY["adapt"]
INCREASE = ENGINE_DATA["weekly_increase_minutes"]


def week_of_sessions(week: int, minutes: int, **kinds: object) -> list[dict]:
    """Enough mat evenings in ``week`` to allow an increase, all alike."""
    first = 7 * (week - 1)
    count = max(RULES["sessions_to_increase"], 1)
    return [entry(first + day, evening(minutes=minutes, **kinds)) for day in range(count)]


def minutes_by_week(result: dict) -> dict[int, tuple[int, str]]:
    return {w["week"]: (w["minutes"], w["reason"]) for w in result["adapted"]["weeks"]}


def base_minutes(answers: dict) -> list[int]:
    return [week["minutes"] for week in build_plan(answers, data=ENGINE_DATA)["weeks"]]


def test_comfortable_weeks_add_the_plans_increase() -> None:
    answers = plan_answers()
    first = base_minutes(answers)[0]
    result = report(answers, week_of_sessions(1, first))
    assert minutes_by_week(result)[2] == (first + INCREASE, "increased")


def test_the_minutes_never_pass_the_ceiling_or_the_minutes_available() -> None:
    answers = plan_answers(minutes_available=12)
    first = base_minutes(answers)[0]
    entries = week_of_sessions(1, first) + week_of_sessions(2, 12) + week_of_sessions(3, 12)
    weeks = minutes_by_week(report(answers, entries))
    assert all(minutes <= 12 for minutes, _ in weeks.values())
    assert weeks[4] == (12, "at_most")
    ceiling = ENGINE_DATA["levels"]["ok"]["ceiling_minutes"]
    long_sessions = [s for w in range(1, 9) for s in week_of_sessions(w, ceiling)]
    roomy = minutes_by_week(report(plan_answers(minutes_available=60), long_sessions))
    assert max(minutes for minutes, _ in roomy.values()) == ceiling


def test_a_painful_session_brings_the_minutes_down_never_up() -> None:
    answers = plan_answers()
    first = base_minutes(answers)[0]
    entries = week_of_sessions(1, first)
    entries[-1] = entry(len(entries) - 1, evening(minutes=first, effect="decrease"))
    minutes, reason = minutes_by_week(report(answers, entries))[2]
    assert reason == "decreased"
    assert minutes == max(first - RULES["decrease_minutes"], RULES["smallest_minutes"])


def test_slow_fading_marks_hold_the_minutes_for_a_week() -> None:
    answers = plan_answers()
    first = base_minutes(answers)[0]
    entries = week_of_sessions(1, first)
    entries[0] = entry(0, evening(minutes=first, marks_effect="hold_week"))
    entries += week_of_sessions(2, first)
    weeks = minutes_by_week(report(answers, entries))
    assert weeks[2] == (first, "held_marks")
    assert weeks[3] == (first + INCREASE, "increased")  # held for one week only


def test_too_intense_or_too_few_sessions_hold_the_minutes() -> None:
    answers = plan_answers()
    first = base_minutes(answers)[0]
    intense = week_of_sessions(1, first, effect="hold")
    assert minutes_by_week(report(answers, intense))[2] == (first, "held_intense")
    few = [entry(0, evening(minutes=first))] if RULES["sessions_to_increase"] > 1 else []
    if few:
        assert minutes_by_week(report(answers, few))[2] == (first, "held_few")


def test_shorter_sessions_than_planned_set_the_pace() -> None:
    answers = plan_answers()
    first = base_minutes(answers)[0]
    shorter = max(first - INCREASE, 1)
    weeks = minutes_by_week(report(answers, week_of_sessions(1, shorter)))
    assert weeks[2][0] == min(shorter + INCREASE, first + INCREASE)


def test_a_stop_sign_stops_mat_evenings_and_says_what_to_do_and_whom_to_see() -> None:
    sign = DIARY["stop_signs"][-1]
    answers = fair_test_answers()
    entries = [
        entry(0, evening(), morning()),
        entry(9, evening(stop=(sign["id"],)), morning()),
        entry(10, evening(used=False), morning()),
        entry(20, morning()),
    ]
    result = report(answers, entries)
    stop = result["stop"]
    assert stop["night"] == entries[1]["night"]
    assert stop["signs"] == [
        {"id": sign["id"], "night": entries[1]["night"], "text": sign["text"],
         "what_to_do": sign["what_to_do"]}
    ]  # fmt: skip
    assert stop["why"]["page"] == DIARY["stop"]["why"]["page"]
    weeks = minutes_by_week(result)
    assert all(weeks[w] == (0, "stopped") for w in weeks if w >= 2)
    planned = {night["night"]: night["planned"] for night in result["nights"]}
    assert planned[entries[2]["night"]] == planned[entries[3]["night"]] == "stopped"
    assert result["next_night"]["planned"] == "stopped"
    assert result["comparison"]["after_stop"] is True
    for output_format in ("text", "html"):
        shown = " ".join(render_diary(result, output_format, data=ENGINE_DATA).split())
        shown = shown.replace("&#x27;", "'")
        assert DIARY["stop"]["heading"] in shown
        assert " ".join(sign["what_to_do"].split()) in shown


def test_no_adapted_minutes_for_a_plan_without_the_mat() -> None:
    result = report(plan_answers(conditions=[consult_first_condition()]), [entry(0, morning())])
    assert result["adapted"] is None
    assert result["nights"][0]["planned"] == "none"
    assert result["comparison"]["status"] == "not_a_test"
    assert result["comparison"]["text"] == DIARY["fair_test"]["unavailable"]
