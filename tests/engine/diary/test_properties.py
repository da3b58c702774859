"""Invariants over any diary, in any order (Hypothesis): no crash, measures within bounds, minutes
never above the plan's caps and never up after a sign to stop or a painful session."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from guide_engine import build_plan
from guide_engine.outputs import render_diary
from tests.engine.diary.strategies import diaries, limit
from tests.engine.diary.support import DIARY, FIELDS, night, report
from tests.engine.support import ENGINE_DATA, engine_settings, valid_answers

NEVER_SAY = re.compile(r"\bpro(ve|ves|ved|ven|ving|of)\b", re.IGNORECASE)


def plan_answers_for_diaries() -> st.SearchStrategy[dict[str, Any]]:
    start = night(0)
    return valid_answers().map(lambda answers: {**answers, "start_date": start})


@engine_settings
@given(plan_answers_for_diaries(), diaries())
def test_any_diary_gives_a_report_within_bounds(answers: dict, entries: list) -> None:
    result = report(answers, entries)
    assert result == report(answers, sorted(entries, key=lambda e: e["night"]))
    scores = {option["score"] for option in FIELDS["sleep_quality"]["options"]}
    for item in result["nights"]:
        measures = item["measures"]
        if measures is None:
            continue
        assert 0 <= measures["sol"] <= limit("sol_minutes")[1]
        assert 0 <= measures["waso"] <= limit("waso_minutes")[1]
        assert 0 <= measures["tst"] <= measures["tib"] <= 60 * DIARY["limits"]["hours_in_bed"]
        assert 0 <= measures["se"] <= 100
        assert measures["quality"] in scores
    for week in result["weeks"]:
        measured = [n["measures"] for n in result["nights"] if n["week"] == week["week"]]
        measured = [m for m in measured if m is not None]
        for name, middle in week["medians"].items():
            if middle is None:
                assert not measured
            else:
                assert min(m[name] for m in measured) <= middle <= max(m[name] for m in measured)
    comparison = result["comparison"]
    assert comparison["status"] in {"not_a_test", "too_few", "compared"}
    for outcome in comparison["outcomes"]:
        assert 0 < outcome["p_value"] <= 1
        assert not NEVER_SAY.search(outcome["verdict"] + outcome["chance"])
    for output_format in ("json", "text", "html"):
        assert render_diary(result, output_format, data=ENGINE_DATA)


@engine_settings
@given(plan_answers_for_diaries(), diaries())
def test_minutes_stay_within_the_caps_and_never_rise_after_pain_or_a_stop(
    answers: dict, entries: list
) -> None:
    result = report(answers, entries)
    adapted = result["adapted"]
    if adapted is None:
        assert all(n["planned"] == "none" for n in result["nights"])
        return
    plan_weeks = [w["minutes"] for w in build_plan(answers, data=ENGINE_DATA)["weeks"]]
    level = result["level"]
    cap = min(ENGINE_DATA["levels"][level]["ceiling_minutes"], int(answers["minutes_available"]))
    minutes = {w["week"]: w["minutes"] for w in adapted["weeks"]}
    assert all(0 <= m <= cap for m in minutes.values())
    for week, planned in enumerate(plan_weeks, start=1):
        assert minutes[week] <= planned, "never more than the plan without a diary"

    stop = result["stop"]
    if stop is not None:
        stop_week = (date.fromisoformat(stop["night"]) - date.fromisoformat(night(0))).days // 7 + 1
        assert all(m == 0 for w, m in minutes.items() if w >= stop_week)
        later = [n for n in result["nights"] if n["night"] > stop["night"]]
        assert all(n["planned"] == "stopped" and not n["planned_minutes"] for n in later)

    painful = {o["value"] for o in FIELDS["mat_feeling"]["options"] if o["effect"] == "decrease"}
    reached = max((n["week"] for n in result["nights"]), default=0)
    for item in result["nights"]:
        entry, week = item["entry"], item["week"]
        if entry["mat_feeling"] in painful and 1 <= week <= reached and week + 1 in minutes:
            assert minutes[week + 1] <= min(minutes[week], entry["mat_minutes"])


@engine_settings
@given(plan_answers_for_diaries(), diaries())
def test_every_evening_agrees_with_the_nights_and_stays_within_the_caps(
    answers: dict, entries: list
) -> None:
    result = report(answers, entries)
    evenings = result["evenings"]
    start = date.fromisoformat(night(0))
    assert [e["night"] for e in evenings] == [
        (start + timedelta(days=day)).isoformat() for day in range(len(evenings))
    ]
    assert len(evenings) % 7 == 0 and len(evenings) >= 7 * ENGINE_DATA["weeks"]
    by_night = {e["night"]: e for e in evenings}
    for item in result["nights"]:
        if item["night"] in by_night:
            listed = by_night[item["night"]]
            assert (listed["planned"], listed["minutes"]) == (
                item["planned"],
                item["planned_minutes"],
            )
    if result["next_night"]["week"] >= 1:
        assert by_night[result["next_night"]["night"]] == result["next_night"]

    plan = build_plan(answers, data=ENGINE_DATA)
    plan_weeks = [w["minutes"] for w in plan["weeks"]]
    cap = plan["progression"]["ceiling_minutes"] if plan_weeks else 0
    cap = min(cap, int(answers["minutes_available"]))
    stop = result["stop"]
    for evening in evenings:
        if not plan_weeks:
            assert (evening["planned"], evening["minutes"]) == ("none", None)
        elif stop is not None and evening["night"] > stop["night"]:
            assert (evening["planned"], evening["minutes"]) == ("stopped", None)
        elif evening["planned"] == "mat":
            week = evening["week"]
            ceiling = plan_weeks[week - 1] if week <= len(plan_weeks) else cap
            assert 1 <= evening["minutes"] <= ceiling
        else:
            assert evening["minutes"] is None
