"""The .ics file: RFC 5545 as a real parser reads it, one daily event per week, a reminder."""

from __future__ import annotations

import copy
import re
from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from guide_engine import build_plan
from guide_engine.clock import format_time
from guide_engine.contract import BEDTIME, MINUTES_AVAILABLE, START_DATE
from guide_engine.outputs import CalendarUnavailable, render_ics
from guide_engine.outputs.icalendar_file import escape_text, fold
from tests.engine.support import (
    ENGINE_DATA,
    GET_READY,
    MOST,
    PLAN,
    WEEKS,
    base_answers,
    engine_settings,
    valid_answers,
)

FIRST_EVENING = "2026-03-01"


def ics_for(level: str = "ok", **changes: object) -> tuple[dict, str]:
    plan = build_plan(base_answers(level, **changes), data=ENGINE_DATA)
    return plan, render_ics(plan, data=ENGINE_DATA)


def lie_down_before_bedtime() -> int:
    """Minutes from lying down in week 1 to lights out, for the base example."""
    return GET_READY + build_plan(base_answers(), data=ENGINE_DATA)["weeks"][0]["minutes"]


def test_one_daily_event_per_week_with_the_session_time_and_length() -> None:
    plan, text = ics_for(**{BEDTIME: "22:30", START_DATE: FIRST_EVENING, MINUTES_AVAILABLE: MOST})
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert "guide-engine" in str(calendar["PRODID"])
    events = calendar.walk("VEVENT")
    assert len(events) == WEEKS
    for number, (event, week) in enumerate(zip(events, plan["weeks"], strict=True)):
        first_evening = date.fromisoformat(FIRST_EVENING) + timedelta(days=7 * number)
        start = event.decoded("DTSTART")
        assert start == datetime.combine(
            first_evening, datetime.strptime(week["lie_down"], "%H:%M").time()
        )
        assert start.tzinfo is None, "floating local time"
        assert event.decoded("DURATION") == timedelta(minutes=week["minutes"])
        assert event["RRULE"]["FREQ"] == ["DAILY"] and event["RRULE"]["COUNT"] == [7]
        summary = PLAN["calendar"]["event_summary"]
        assert str(event["SUMMARY"]) == summary.replace("{minutes}", str(week["minutes"])).replace(
            "{week}", str(week["week"])
        )
        assert week["lie_down"] in str(event["DESCRIPTION"])
        [alarm] = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        reminder = PLAN["calendar"]["reminder_minutes_before"]
        assert alarm.decoded("TRIGGER") == timedelta(minutes=-reminder)
        assert str(alarm["DESCRIPTION"]) == PLAN["calendar"]["reminder_text"]


def test_a_bedtime_after_midnight_keeps_the_session_on_the_evening_before() -> None:
    bedtime = lie_down_before_bedtime() // 2  # minutes after midnight; lying down is before it
    plan, text = ics_for(**{BEDTIME: format_time(bedtime), START_DATE: "2026-12-31"})
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    for event, week, evening in zip(
        events, plan["weeks"], (date(2026, 12, 31), date(2027, 1, 7)), strict=False
    ):
        lie_down = datetime.strptime(week["lie_down"], "%H:%M").time()
        assert event.decoded("DTSTART") == datetime.combine(evening, lie_down)


def test_a_session_after_midnight_is_on_the_next_calendar_day() -> None:
    bedtime = lie_down_before_bedtime() + 30  # minutes after midnight; lying down is too
    plan, text = ics_for(**{BEDTIME: format_time(bedtime), START_DATE: FIRST_EVENING})
    first = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    lie_down = datetime.strptime(plan["weeks"][0]["lie_down"], "%H:%M").time()
    assert first.decoded("DTSTART") == datetime.combine(date(2026, 3, 2), lie_down)


def test_the_file_is_deterministic_with_stable_uids_and_stamp() -> None:
    _plan, text = ics_for(**{START_DATE: FIRST_EVENING})
    _again, same = ics_for(**{START_DATE: FIRST_EVENING})
    assert text == same
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert [str(event["UID"]) for event in events] == [
        f"{FIRST_EVENING}-week-{n}@plan.acupressure-sleep-guide" for n in range(1, WEEKS + 1)
    ]
    assert {event.decoded("DTSTAMP") for event in events} == {datetime(2026, 3, 1, tzinfo=UTC)}


def test_lines_end_in_crlf_and_fold_within_75_octets() -> None:
    _plan, text = ics_for(**{START_DATE: FIRST_EVENING})
    assert text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")[:-1]
    assert "\n" not in "".join(lines)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines), "the long descriptions were folded"


def test_folding_never_splits_a_utf8_character() -> None:
    line = "DESCRIPTION:" + "é€😴a" * 40
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert "".join(piece.removeprefix(" ") for piece in pieces) == line


@engine_settings
@given(st.text(min_size=0, max_size=400))
def test_folding_and_escaping_round_trip_through_a_real_parser(text: str) -> None:
    clean = text.replace("\r", "")
    line = fold("DESCRIPTION:" + escape_text(clean))
    assert all(len(piece.encode("utf-8")) <= 75 for piece in line.split("\r\n"))
    event = icalendar.Event.from_ical(f"BEGIN:VEVENT\r\n{line}\r\nEND:VEVENT\r\n")
    assert str(event["DESCRIPTION"]) == clean


def test_text_values_are_escaped() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    hostile = copy.deepcopy(ENGINE_DATA)
    hostile["calendar"]["event_summary"] = "Mat; {minutes}, week {week}\nEND:VEVENT"
    plan = build_plan(base_answers(**{START_DATE: FIRST_EVENING}), data=hostile)
    text = render_ics(plan, data=hostile)
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert len(events) == WEEKS
    first = plan["weeks"][0]["minutes"]
    assert str(events[0]["SUMMARY"]) == f"Mat; {first}, week 1\nEND:VEVENT"


def test_no_calendar_without_a_start_date_or_without_sessions() -> None:
    undated = build_plan(base_answers(**{START_DATE: None}), data=ENGINE_DATA)
    assert undated["calendar"]["available"] is False
    notes = PLAN["calendar"]["notes"]
    assert undated["calendar"]["note"] == notes["no_start_date"]
    with pytest.raises(CalendarUnavailable, match=re.escape(notes["no_start_date"])):
        render_ics(undated, data=ENGINE_DATA)
    consult = build_plan(
        base_answers("consult_first", **{START_DATE: FIRST_EVENING}), data=ENGINE_DATA
    )
    assert consult["calendar"]["available"] is False
    with pytest.raises(CalendarUnavailable, match=re.escape(notes["no_sessions"])):
        render_ics(consult, data=ENGINE_DATA)


@engine_settings
@given(valid_answers(), st.dates(min_value=date(2000, 1, 1), max_value=date(2999, 12, 31)))
def test_every_dated_mat_plan_parses_with_its_events(answers_given: dict, start: date) -> None:
    """A daily event per week; one per evening in fair test weeks; a morning diary reminder."""
    plan = build_plan({**answers_given, "start_date": start.isoformat()}, data=ENGINE_DATA)
    if not plan["weeks"]:
        return
    calendar = icalendar.Calendar.from_ical(render_ics(plan, data=ENGINE_DATA))
    events = calendar.walk("VEVENT")
    tested = {w["week"]: w for w in (plan["fair_test"] or {}).get("weeks", [])}
    sessions = [e for e in events if not str(e["UID"]).split("@")[0].endswith("-diary")]
    expected = [
        (week, evening)
        for week in plan["weeks"]
        for evening in (range(1, 8) if week["week"] in tested else [1])
    ]
    assert len(sessions) == len(expected)
    reminders = len(events) - len(sessions)
    assert reminders == (plan["calendar"]["diary_reminder"] is not None)
    for event, (week, evening) in zip(sessions, expected, strict=True):
        start_at = event.decoded("DTSTART")
        assert start_at.strftime("%H:%M") == week["lie_down"]
        days_after_start = (start_at.date() - start).days - 7 * (week["week"] - 1) - evening + 1
        assert days_after_start in (0, 1), "on the week's evening, or just after its midnight"
        assert ("RRULE" in event) == (week["week"] not in tested)
