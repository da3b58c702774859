"""The plan as an iCalendar file (RFC 5545): one daily event per week, each with a reminder.

- Times are floating local times (no time zone): 22:05 means 22:05 wherever the person is.
- Each week is one VEVENT repeating daily for 7 evenings (RRULE COUNT=7), starting on the
  plan's start date; an event starts when the person lies down and lasts the session's length.
- Output depends only on the plan: DTSTAMP is midnight UTC of the start date and UIDs are
  built from the start date and week, so the same answers always give the same bytes, and
  importing an updated plan replaces the events of the earlier one.
- A plan without mat sessions (consult_first) or without a start date has no calendar.
- A fair test's weeks have one event per evening instead, each titled as a mat or a rest
  evening (UIDs end ``-evening-<n>``), a rest evening's reminder saying there is no mat; an
  answered diary_reminder adds one daily morning event (UID ``<start date>-diary``) with an
  alarm at its start, for every night of the plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from guide_engine.clock import MINUTES_PER_DAY, bedtime_on, parse_time
from guide_engine.nightly import mat_evening
from guide_engine.outputs.wording import engine_data
from guide_engine.rules import fill
from guide_engine.version import __version__

_MAX_LINE_OCTETS = 75
_UID_DOMAIN = "plan.acupressure-sleep-guide"
_DIARY_MINUTES = 5  # a short event: the alarm matters, not the block of time


class CalendarUnavailable(ValueError):
    """This plan has no calendar; the message (from content) says why and what to do."""


def render_ics(plan: Mapping[str, Any], *, data: Mapping[str, Any] | None = None) -> str:
    calendar = plan["calendar"]
    if not calendar["available"]:
        raise CalendarUnavailable(calendar["note"])
    engine = engine_data(data)
    stamp = date.fromisoformat(calendar["start_date"]).strftime("%Y%m%dT000000Z")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Acupressure Sleep Guide//guide-engine {__version__}//EN",
        "CALSCALE:GREGORIAN",
    ]
    tested = _test_weeks(plan)
    for week in plan["weeks"]:
        if week["week"] in tested:
            for evening in tested[week["week"]]["evenings"]:
                lines += _test_evening_event(plan, week, evening, engine, stamp)
        else:
            lines += _week_event(plan, week, engine, stamp)
    if calendar["diary_reminder"] is not None:
        lines += _diary_reminder(plan, engine, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _week_event(
    plan: Mapping[str, Any], week: Mapping[str, Any], engine: Mapping[str, Any], stamp: str
) -> list[str]:
    settings = engine["calendar"]
    summary = fill(settings["event_summary"], minutes=week["minutes"], week=week["week"])
    return _session_event(
        plan,
        week,
        uid=f"{plan['calendar']['start_date']}-week-{week['week']}",
        evening=date.fromisoformat(week["starts_on"]),
        repeat=["RRULE:FREQ=DAILY;COUNT=7"],
        summary=summary,
        description=_description(plan, week, engine),
        stamp=stamp,
        reminder=settings["reminder_text"],
    )


def _test_evening_event(
    plan: Mapping[str, Any],
    week: Mapping[str, Any],
    evening: Mapping[str, Any],
    engine: Mapping[str, Any],
    stamp: str,
) -> list[str]:
    """One event per fair test evening, so each says whether it is a mat or a rest evening."""
    words = engine["diary"]["fair_test"]
    kind = evening["kind"]
    summary = fill(words["calendar"][f"{kind}_summary"], minutes=week["minutes"], week=week["week"])
    # A rest evening's event keeps the session's times; the mat's steps do not apply.
    if kind == "rest":
        description = plan["fair_test"]["rest_evening"]
        reminder = words["calendar"]["rest_reminder"]
    else:
        description = _description(plan, week, engine)
        reminder = engine["calendar"]["reminder_text"]
    return _session_event(
        plan,
        week,
        uid=f"{plan['calendar']['start_date']}-week-{week['week']}-evening-{evening['evening']}",
        evening=date.fromisoformat(evening["date"]),
        repeat=[],
        summary=summary,
        description=description,
        stamp=stamp,
        reminder=reminder,
    )


def _session_event(
    plan: Mapping[str, Any],
    week: Mapping[str, Any],
    *,
    uid: str,
    evening: date,
    repeat: list[str],
    summary: str,
    description: str,
    stamp: str,
    reminder: str,
) -> list[str]:
    bedtime = parse_time(plan["nightly"]["bedtime"])
    lie_down = parse_time(week["lie_down"])
    assert bedtime is not None and lie_down is not None  # the plan holds only valid times
    before_bedtime = (bedtime - lie_down) % MINUTES_PER_DAY
    starts = bedtime_on(evening, bedtime) - timedelta(minutes=before_bedtime)
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}@{_UID_DOMAIN}",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{starts:%Y%m%dT%H%M%S}",
        f"DURATION:PT{week['minutes']}M",
        *repeat,
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"TRIGGER:-PT{plan['calendar']['reminder_minutes_before']}M",
        f"DESCRIPTION:{escape_text(reminder)}",
        "END:VALARM",
        "END:VEVENT",
    ]


def _diary_reminder(plan: Mapping[str, Any], engine: Mapping[str, Any], stamp: str) -> list[str]:
    """A daily morning reminder from the morning after the first evening, for every night."""
    words = engine["diary"]["calendar"]
    reminder = parse_time(plan["calendar"]["diary_reminder"])
    assert reminder is not None
    first_morning = date.fromisoformat(plan["calendar"]["start_date"]) + timedelta(days=1)
    starts = datetime.combine(first_morning, time(reminder // 60, reminder % 60))
    return [
        "BEGIN:VEVENT",
        f"UID:{plan['calendar']['start_date']}-diary@{_UID_DOMAIN}",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{starts:%Y%m%dT%H%M%S}",
        f"DURATION:PT{_DIARY_MINUTES}M",
        f"RRULE:FREQ=DAILY;COUNT={7 * len(plan['weeks'])}",
        f"SUMMARY:{escape_text(words['morning_summary'])}",
        f"DESCRIPTION:{escape_text(words['morning_description'])}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:PT0M",
        f"DESCRIPTION:{escape_text(words['morning_summary'])}",
        "END:VALARM",
        "END:VEVENT",
    ]


def _test_weeks(plan: Mapping[str, Any]) -> dict[int, Mapping[str, Any]]:
    fair_test = plan["fair_test"]
    if not fair_test or not fair_test["available"]:
        return {}
    return {week["week"]: week for week in fair_test["weeks"]}


def _description(
    plan: Mapping[str, Any], week: Mapping[str, Any], engine: Mapping[str, Any]
) -> str:
    """The evening's steps with their times, then the stop rules: the reminder may never show."""
    words = engine["wording"]
    bedtime = parse_time(plan["nightly"]["bedtime"])
    assert bedtime is not None
    layer = words["shirt_on"] if week["shirt"] else words["shirt_off"]
    steps = mat_evening(bedtime, week["minutes"], engine["nightly"])
    lines = [f"{week['minutes']} {words['minutes_unit']}", f"{words['layer_column']}: {layer}"]
    lines += [f"{step['time']} {step['title']}" for step in steps]
    lines += ["", words["stop_intro"]]
    lines += [f"- {rule['text']}" for rule in plan["stop_rules"]]
    return "\n".join(lines)


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets (RFC 5545 3.1).

    Cuts fall between characters, never inside a UTF-8 sequence; each continuation starts
    with a space, which counts towards its 75 octets.
    """
    encoded = line.encode("utf-8")
    pieces = []
    limit = _MAX_LINE_OCTETS
    while len(encoded) > limit:
        cut = limit
        while encoded[cut] & 0b1100_0000 == 0b1000_0000:  # a continuation byte: step back
            cut -= 1
        pieces.append(encoded[:cut].decode("utf-8"))
        encoded = encoded[cut:]
        limit = _MAX_LINE_OCTETS - 1
    pieces.append(encoded.decode("utf-8"))
    return "\r\n ".join(pieces)
