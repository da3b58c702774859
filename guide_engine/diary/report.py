"""diary_report: the plan's answers and the diary's entries in, the whole report out.

Each part has its own module (entries, measures, adapt, comparison, evenings); this one puts them
together. The shape is documented in guide_engine/README.md. Deterministic: equal answers
and entries (in any order) give an equal report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from guide_engine.diary.adapt import adapted_weeks, first_stop, stop_part
from guide_engine.diary.comparison import comparison_part
from guide_engine.diary.entries import Entry, check_entries
from guide_engine.diary.evenings import Evenings, planned
from guide_engine.diary.measures import night_measures, week_of, weekly_medians
from guide_engine.errors import AnswersError
from guide_engine.fair_test import wants_fair_test
from guide_engine.packaged_data import checked, packaged_data
from guide_engine.plan import build_plan
from guide_engine.version import __version__

Report = dict[str, Any]


def diary_report(
    answers: object, entries: object, *, data: Mapping[str, Any] | None = None
) -> Report:
    """The report; AnswersError for answers that make no plan (or have no start date),
    DiaryError for entries that cannot be used, each with a message per field."""
    engine = packaged_data() if data is None else checked(data)
    diary = engine["diary"]
    plan = build_plan(answers, data=engine)
    start_date = plan["answers"]["start_date"]
    if start_date is None:
        raise AnswersError({"start_date": diary["entry_errors"]["start_date"]})
    checked_entries = check_entries(entries, diary)
    return report_for(plan, checked_entries, engine)


def report_for(
    plan: Mapping[str, Any], entries: Sequence[Entry], engine: Mapping[str, Any]
) -> Report:
    """The report for an already built plan (with a start date) and checked entries."""
    diary = engine["diary"]
    start_date = plan["calendar"]["start_date"]
    stop = first_stop(entries)
    stop_night = None if stop is None else stop["night"]
    nights = [_night(entry, plan, start_date, stop_night, diary) for entry in entries]
    adapted = adapted_weeks(plan, nights, engine)
    evenings = Evenings(plan, nights, adapted, stop_night, engine)
    for night in nights:
        night["planned_minutes"] = evenings.minutes_of(night)
    return {
        "engine": __version__,
        "start_date": start_date,
        "fair_test": wants_fair_test(plan["answers"]),
        "level": plan["safety"]["level"],
        "nights": nights,
        "weeks": weekly_medians(nights, start_date),
        "stop": stop_part(entries, diary),
        "adapted": adapted,
        "comparison": comparison_part(plan, nights, stop_night, engine),
        "evenings": evenings.every_one(),
        "next_night": evenings.after(entries[-1]["night"] if entries else None),
        "disclaimer": diary["report"]["disclaimer"],
    }


def _night(
    entry: Entry,
    plan: Mapping[str, Any],
    start_date: str,
    stop_night: str | None,
    diary: Mapping[str, Any],
) -> dict[str, Any]:
    night = entry["night"]
    return {
        "night": night,
        "week": week_of(night, start_date),
        "planned": planned(night, plan, start_date, stop_night),
        "planned_minutes": None,
        "entry": entry,
        "measures": night_measures(entry, diary),
    }
