"""The four weeks: minutes on the mat and whether to wear a thin shirt, week by week."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from guide_engine.rules import applies


def weekly_minutes(
    *, start: int, increase: int, ceiling: int, available: int, weeks: int
) -> list[int]:
    """Start low and add ``increase`` a week, never above the ceiling or the time available.

    If the time available is below the start, every week uses the time available: a short
    session is still a session, and the plan never asks for more time than the person has.
    """
    cap = min(ceiling, available)
    return [min(start + increase * week, cap) for week in range(weeks)]


def shirt_weeks(answers: Mapping[str, Any], level: str, data: Mapping[str, Any]) -> int:
    """How many weeks, from week 1, to keep a thin shirt on (0: bare skin from the start)."""
    shirt = data["shirt"]
    needed = any(applies(rule, answers, level) for rule in shirt["rules"])
    return shirt["weeks"] if needed else 0
