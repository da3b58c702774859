"""Diary test helpers: entries built from content's own options, limits and effects."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from guide_engine.diary.fields import MAT_NOT_USED, MAT_USED
from guide_engine.diary.report import diary_report
from guide_engine.fair_test import CHOSEN
from tests.engine.support import CONTENT, ENGINE_DATA, base_answers

DIARY = ENGINE_DATA["diary"]
FIELDS = {field["id"]: field for field in DIARY["fields"]}
START = date(2026, 3, 2)
"""Any first evening; the tests never depend on which."""


def night(offset: int) -> str:
    """The evening ``offset`` days after the plan's start, as an entry's night."""
    return (START + timedelta(days=offset)).isoformat()


def option_with(field_id: str, key: str, value: object) -> str:
    """The value of the field's first option whose ``key`` is ``value`` (an effect, a score)."""
    return next(o["value"] for o in FIELDS[field_id]["options"] if o[key] == value)


def feeling(effect: str) -> str:
    return option_with("mat_feeling", "effect", effect)


def marks(effect: str) -> str:
    return option_with("mat_marks", "effect", effect)


def quality(score: int) -> str:
    return option_with("sleep_quality", "score", score)


def evening(
    *,
    used: bool = True,
    minutes: int | None = None,
    effect: str = "increase",
    marks_effect: str = "none",
    stop: tuple[str, ...] = (),
) -> dict[str, Any]:
    if not used:
        return {"mat_used": MAT_NOT_USED, "stop_signs": list(stop)}
    return {
        "mat_used": MAT_USED,
        "mat_minutes": FIELDS["mat_minutes"]["min"] if minutes is None else minutes,
        "mat_feeling": feeling(effect),
        "mat_marks": marks(marks_effect),
        "stop_signs": list(stop),
    }


def morning(
    tried: str = "23:00",
    sol: int = 20,
    awakenings: int = 1,
    waso: int = 10,
    final: str = "06:30",
    out: str = "06:45",
    score: int = 3,
    into: str | None = None,
) -> dict[str, Any]:
    parts = {
        "tried_to_sleep": tried,
        "sol_minutes": sol,
        "awakenings": awakenings,
        "waso_minutes": waso,
        "final_awakening": final,
        "out_of_bed": out,
        "sleep_quality": quality(score),
    }
    return parts if into is None else {**parts, "into_bed": into}


def entry(offset: int, *parts: dict[str, Any]) -> dict[str, Any]:
    combined: dict[str, Any] = {"night": night(offset)}
    for part in parts:
        combined.update(part)
    return combined


def plan_answers(**changes: Any) -> dict[str, Any]:
    """The answers of an example at the ok level, with a start date (the diary needs one)."""
    return base_answers(start_date=START.isoformat(), **changes)


def fair_test_answers(seed: int = 2012, **changes: Any) -> dict[str, Any]:
    return plan_answers(plan_kind=CHOSEN, fair_test_seed=seed, **changes)


def report(answers_given: dict[str, Any], entries: list[dict[str, Any]]) -> dict[str, Any]:
    return diary_report(answers_given, entries, data=ENGINE_DATA)


def consult_first_condition() -> str:
    """A condition whose precautions level means: no mat plan until a professional agrees."""
    conditions = CONTENT["precautions"]["conditions"]
    return str(next(c["id"] for c in conditions if c["level"] == "ask_first"))
