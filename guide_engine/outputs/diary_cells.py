"""What the diary report's text and HTML share: which nights are shown, and each cell's words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from guide_engine.outputs.wording import day_name
from guide_engine.rules import fill

NIGHT_MEASURES = ("sol", "waso", "tst", "tib", "se", "quality")
"""The measures of the night-by-night table, in its order."""
WEEK_MEASURES = ("sol", "waso", "tst", "tib", "se", "quality")


def shown_nights(report: Mapping[str, Any], words: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The nights the chart and the night-by-night table show: the last ``max_nights``."""
    nights = report["nights"]
    if not nights:
        return []
    last = date.fromisoformat(nights[-1]["night"])
    first = last - timedelta(days=words["chart"]["max_nights"] - 1)
    return [night for night in nights if date.fromisoformat(night["night"]) >= first]


def night_header(words: Mapping[str, Any], measures: Mapping[str, Any]) -> list[str]:
    return [
        words["night_column"],
        words["planned_column"],
        words["mat_column"],
        words["feeling_column"],
        *(measure_heading(measures[measure]) for measure in NIGHT_MEASURES),
    ]


def measure_heading(measure: Mapping[str, Any]) -> str:
    return f"{measure['short']} ({measure['abbreviation']})"


def night_cells(
    night: Mapping[str, Any], words: Mapping[str, Any], diary: Mapping[str, Any]
) -> list[str]:
    """Cells after the night's date: planned, mat, feeling, then each measure."""
    entry, measures = night["entry"], night["measures"]
    absent = words["not_logged"]
    if entry["mat_used"] is None:
        mat = absent
    elif entry["mat_minutes"] is None:
        mat = words["mat_not_used"]
    else:
        mat = fill(words["mat_used"], minutes=entry["mat_minutes"])
    cells = [words["planned"][night["planned"]], mat, option_label(diary, "mat_feeling", entry)]
    for measure in NIGHT_MEASURES:
        value = None if measures is None else measures[measure]
        cells.append(measure_text(measure, value, words, diary))
    return cells


def measure_text(
    measure: str, value: int | float | None, words: Mapping[str, Any], diary: Mapping[str, Any]
) -> str:
    if value is None:
        return str(words["not_logged"])
    if measure in ("tst", "tib"):
        hours, minutes = divmod(round(value), 60)
        return fill(words["hours_minutes"], hours=hours, minutes=minutes)
    if measure == "se":
        return f"{value}{diary['measures']['se']['unit']}"
    if measure == "quality" and float(value).is_integer():
        options = _field(diary, "sleep_quality")["options"]
        label = next(o["label"] for o in options if o["score"] == int(value))
        return f"{label} ({int(value)})"
    return str(value)


def option_label(diary: Mapping[str, Any], field_id: str, entry: Mapping[str, Any]) -> str:
    value = entry[field_id]
    if value is None:
        return str(diary["report"]["not_logged"])
    return str(next(o["label"] for o in _field(diary, field_id)["options"] if o["value"] == value))


def night_date(night: str) -> str:
    day = date.fromisoformat(night)
    return f"{day_name(day)} {day.isoformat()}"


def week_dates(starts_on: str) -> str:
    first = date.fromisoformat(starts_on)
    return f"{first.isoformat()} to {(first + timedelta(days=6)).isoformat()}"


def _field(diary: Mapping[str, Any], field_id: str) -> Mapping[str, Any]:
    return next(field for field in diary["fields"] if field["id"] == field_id)


def evening_list(numbers: Sequence[int]) -> str:
    """1, 3 and 6 (English, as the site is, like the month names in wording.py)."""
    text = [str(number) for number in numbers]
    return text[0] if len(text) == 1 else ", ".join(text[:-1]) + " and " + text[-1]
