"""What every output shares: the wording from content, and how dates read in a plan."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from guide_engine.packaged_data import checked, packaged_data
from guide_engine.rules import fill

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def engine_data(data: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return packaged_data() if data is None else checked(data)


def calendar_notes(plan: Mapping[str, Any], data: Mapping[str, Any] | None) -> list[str]:
    """What the plan says about its calendar file: the note, then the morning diary reminder's
    time when the file has one (calendars may drop reminders, so the plan repeats it)."""
    calendar = plan["calendar"]
    notes = [calendar["note"]]
    if calendar["available"] and calendar["diary_reminder"] is not None:
        morning_note = engine_data(data)["diary"]["calendar"]["morning_note"]
        notes.append(fill(morning_note, time=calendar["diary_reminder"]))
    return notes


def week_dates(starts_on: str, days: int = 7) -> str:
    """The evenings of one week, like "1 March to 7 March" (English, as the site is)."""
    first = date.fromisoformat(starts_on)
    last = first + timedelta(days=days - 1)
    return f"{_day(first)} to {_day(last)}"


def _day(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]}"


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def day_name(day: date) -> str:
    return _DAYS[day.weekday()]


def day_month(day: date) -> str:
    """ "1 March" (English, as the site is)."""
    return _day(day)
