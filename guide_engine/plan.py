"""build_plan: from answers to the whole plan, as JSON-ready data.

Each part has its own module (safety, schedule, nightly); this one only puts them together.
The result's shape is documented in README.md and plan-result.schema.json.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from guide_engine.advice import advice
from guide_engine.answers import Answers, validate_answers
from guide_engine.clock import parse_time
from guide_engine.contract import BEDTIME, EXPERIENCE, MINUTES_AVAILABLE, START_DATE
from guide_engine.fair_test import fair_test_part
from guide_engine.links import why
from guide_engine.nightly import mat_evening, session_times, wind_down_evening
from guide_engine.packaged_data import checked, packaged_data
from guide_engine.safety import safety_check
from guide_engine.schedule import shirt_weeks, weekly_minutes
from guide_engine.version import __version__

Plan = dict[str, Any]


def questionnaire(*, data: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The questions, options, hints and error messages, for a form to render."""
    return copy.deepcopy(_engine_data(data)["questionnaire"])


def build_plan(answers: object, *, data: Mapping[str, Any] | None = None) -> Plan:
    """The personal starter plan for ``answers``; raises AnswersError if any answer is unusable.

    ``data`` replaces the packaged engine data (tests use it); the result is deterministic:
    the same answers and data always give an equal plan.
    """
    engine = _engine_data(data)
    checked_answers = validate_answers(answers, engine["questionnaire"])
    safety = safety_check(checked_answers, engine)
    level = safety["level"]
    with_mat = level != "consult_first"
    bedtime = parse_time(checked_answers[BEDTIME])
    assert bedtime is not None  # validate_answers only lets real times through

    nightly = engine["nightly"]
    if with_mat:
        weeks = _weeks(checked_answers, level, engine, bedtime)
        steps = mat_evening(bedtime, weeks[0]["minutes"], nightly)
    else:
        weeks, steps = [], wind_down_evening(bedtime, nightly)
    return {
        "engine": __version__,
        "answers": checked_answers,
        "safety": safety,
        "signposts": advice(engine["signposts"], checked_answers, level),
        "weeks": weeks,
        "progression": _progression(level, engine) if with_mat else None,
        "shirt": _shirt(weeks, engine) if with_mat else None,
        "nightly": {
            "kind": "mat" if with_mat else "wind_down",
            "bedtime": checked_answers[BEDTIME],
            "steps": steps,
        },
        "placement": advice(engine["placement"], checked_answers, level) if with_mat else [],
        "tips": advice(engine["tips"], checked_answers, level),
        "stop_rules": [{"id": rule["id"], "text": rule["text"]} for rule in engine["stop_rules"]],
        "fair_test": fair_test_part(checked_answers, weeks, engine),
        "calendar": _calendar(checked_answers, weeks, engine),
        "disclaimer": engine["disclaimer"],
    }


def _engine_data(data: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return packaged_data() if data is None else checked(data)


Week = dict[str, Any]


def _weeks(answers: Answers, level: str, engine: Mapping[str, Any], bedtime: int) -> list[Week]:
    minutes = weekly_minutes(
        start=engine["start_minutes"][answers[EXPERIENCE]],
        increase=engine["weekly_increase_minutes"],
        ceiling=engine["levels"][level]["ceiling_minutes"],
        available=answers[MINUTES_AVAILABLE],
        weeks=engine["weeks"],
    )
    with_shirt = shirt_weeks(answers, level, engine)
    first_evening = answers.get(START_DATE)
    weeks = []
    for number, session in enumerate(minutes, start=1):
        lie_down, get_up = session_times(bedtime, session, engine["nightly"]["get_ready_minutes"])
        weeks.append(
            {
                "week": number,
                "minutes": session,
                "shirt": number <= with_shirt,
                "lie_down": lie_down,
                "get_up": get_up,
                "starts_on": _add_days(first_evening, 7 * (number - 1)),
            }
        )
    return weeks


def _progression(level: str, engine: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "ceiling_minutes": engine["levels"][level]["ceiling_minutes"],
        "why": why(engine["progression_why"]),
    }


def _shirt(weeks: list[Week], engine: Mapping[str, Any]) -> dict[str, Any]:
    return {"weeks": sum(week["shirt"] for week in weeks), "why": why(engine["shirt"]["why"])}


def _calendar(answers: Answers, weeks: list[Week], engine: Mapping[str, Any]) -> dict[str, Any]:
    start_date = answers.get("start_date")
    notes = engine["calendar"]["notes"]
    available = bool(weeks) and start_date is not None
    if available:
        note = notes["ready"]
    else:
        note = notes["no_sessions"] if not weeks else notes["no_start_date"]
    return {
        "available": available,
        "start_date": start_date,
        "reminder_minutes_before": engine["calendar"]["reminder_minutes_before"],
        "diary_reminder": answers.get("diary_reminder"),
        "note": note,
    }


def _add_days(day: str | None, days: int) -> str | None:
    return None if day is None else (date.fromisoformat(day) + timedelta(days=days)).isoformat()
