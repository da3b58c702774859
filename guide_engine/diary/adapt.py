"""Safety first, then comfort: what the diary does to the plan.

- A logged sign to stop ends the mat evenings from the next evening on, and the report says
  what to do and whom to see (each stop rule's ``what_to_do`` in precautions.yml).
- Each week's minutes come from the week before: a painful session brings them down (never
  up); marks slow to fade hold them for a week; a session that felt too intense, or too few
  sessions logged, holds them; only comfortable weeks add the plan's weekly increase.
- Never above the plan's caps: the safety level's ceiling and the person's minutes available.
Weeks the diary has not reached yet follow the plan's rule from the latest adapted week.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from guide_engine.diary.entries import fields_by_id
from guide_engine.diary.fields import MAT_USED
from guide_engine.diary.measures import week_starts_on
from guide_engine.links import why
from guide_engine.rules import fill


def first_stop(entries: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The earliest night with a sign to stop logged, or None (entries are in night order)."""
    return next((entry for entry in entries if entry["stop_signs"]), None)


def stop_part(
    entries: Sequence[Mapping[str, Any]], diary: Mapping[str, Any]
) -> dict[str, Any] | None:
    """What the report says once any sign to stop is logged; None until then."""
    first = first_stop(entries)
    if first is None:
        return None
    signs = {sign["id"]: sign for sign in diary["stop_signs"]}
    logged: list[dict[str, Any]] = []
    for entry in entries:
        for sign_id in entry["stop_signs"]:
            if all(item["id"] != sign_id for item in logged):
                sign = signs[sign_id]
                logged.append(
                    {
                        "id": sign_id,
                        "night": entry["night"],
                        "text": sign["text"],
                        "what_to_do": sign["what_to_do"],
                    }
                )
    return {
        "night": first["night"],
        "intro": fill(diary["stop"]["intro"], night=first["night"]),
        "signs": logged,
        "why": why(diary["stop"]["why"]),
    }


def adapted_weeks(
    plan: Mapping[str, Any],
    nights: Sequence[Mapping[str, Any]],
    engine: Mapping[str, Any],
    *,
    through_week: int = 0,
) -> dict[str, Any] | None:
    """The minutes for every week so far and the next (and up to ``through_week``), each with
    its reason; None without mat."""
    if not plan["weeks"]:
        return None
    diary = engine["diary"]
    rules = diary["adapt"]
    cap = min(plan["progression"]["ceiling_minutes"], plan["answers"]["minutes_available"])
    entries = [night["entry"] for night in nights]
    stop = first_stop(entries)
    stop_week = None if stop is None else _week_of(nights, stop["night"])
    reached = max((night["week"] for night in nights), default=0)
    last_week = max(len(plan["weeks"]), reached + 1, through_week)
    start_date = plan["calendar"]["start_date"]

    weeks: list[dict[str, Any]] = []
    minutes = plan["weeks"][0]["minutes"]
    for week in range(1, last_week + 1):
        if stop_week is not None and week >= stop_week:
            minutes, reason = 0, "stopped"
        elif week == 1:
            reason = "first_week"
        elif week - 1 > reached:
            minutes, reason = min(minutes + engine["weekly_increase_minutes"], cap), "planned"
        else:
            sessions = [
                night["entry"]
                for night in nights
                if night["week"] == week - 1 and night["entry"]["mat_used"] == MAT_USED
            ]
            minutes, reason = next_minutes(minutes, sessions, cap, engine)
        weeks.append(
            {
                "week": week,
                "starts_on": week_starts_on(week, start_date),
                "minutes": minutes,
                "reason": reason,
                "text": fill(
                    rules["reasons"][reason],
                    increase=engine["weekly_increase_minutes"],
                    sessions=rules["sessions_to_increase"],
                ),
            }
        )
    return {"ceiling": cap, "intro": fill(rules["intro"], ceiling=cap), "weeks": weeks}


def next_minutes(
    minutes: int, sessions: Sequence[Mapping[str, Any]], cap: int, engine: Mapping[str, Any]
) -> tuple[int, str]:
    """(next week's minutes, reason) from this week's planned minutes and its mat sessions.

    The pace is what was done, never more than planned: the longest session logged, or for a
    painful week the shortest painful session, less ``decrease_minutes``.
    """
    rules = engine["diary"]["adapt"]
    fields = fields_by_id(engine["diary"])
    feeling = _effect_of(fields["mat_feeling"])
    marks = _effect_of(fields["mat_marks"])
    painful = [s["mat_minutes"] for s in sessions if feeling[s["mat_feeling"]] == "decrease"]
    if painful:
        base = min(minutes, *painful)
        return min(base, max(base - rules["decrease_minutes"], rules["smallest_minutes"])), (
            "decreased"
        )
    done = min(minutes, max((s["mat_minutes"] for s in sessions), default=minutes))
    if any(marks[s["mat_marks"]] == "hold_week" for s in sessions):
        return done, "held_marks"
    if any(feeling[s["mat_feeling"]] == "hold" for s in sessions):
        return done, "held_intense"
    if len(sessions) < rules["sessions_to_increase"]:
        return done, "held_few"
    if done >= cap:
        return cap, "at_most"
    return min(done + engine["weekly_increase_minutes"], cap), "increased"


def _effect_of(field: Mapping[str, Any]) -> dict[str, str]:
    return {option["value"]: option["effect"] for option in field["options"]}


def _week_of(nights: Sequence[Mapping[str, Any]], night: str) -> int:
    return int(next(item["week"] for item in nights if item["entry"]["night"] == night))
