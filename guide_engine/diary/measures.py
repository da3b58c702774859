"""Each night's sleep measures, by the Consensus Sleep Diary's definitions, and weekly medians.

For one night (Carney et al. 2012), all in minutes but SE and quality:
- SOL, sleep onset latency: the minutes it took to fall asleep, as given.
- WASO, wake after sleep onset: the minutes the awakenings lasted, as given.
- TST, total sleep time: from trying to sleep to the final awakening, less SOL and WASO.
- TIB, time in bed: from getting into bed (or trying to sleep, if not given) to getting up.
- SE, sleep efficiency: TST / TIB x 100, a percentage to one decimal.
- quality: the sleep quality answer's score, 1 (very poor) to 5 (very good).
- awakenings (NWAK): times woken, not counting the final awakening, as given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from guide_engine.clock import parse_time
from guide_engine.diary.entries import fields_by_id, has_morning
from guide_engine.diary.fields import MEASURES
from guide_engine.diary.numbers import median, rounded, rounded_ratio
from guide_engine.diary.timeline import place

Measures = dict[str, int | float]


def night_measures(entry: Mapping[str, Any], diary: Mapping[str, Any]) -> Measures | None:
    """The night's measures; None without a morning check-in (a missed night is missing)."""
    if not has_morning(entry):
        return None
    night = place(
        _clock(entry["into_bed"]) if entry["into_bed"] else None,
        _clock(entry["tried_to_sleep"]),
        _clock(entry["final_awakening"]),
        _clock(entry["out_of_bed"]),
    )
    sol, waso = entry["sol_minutes"], entry["waso_minutes"]
    total_sleep = night.final_awakening - night.tried_to_sleep - sol - waso
    in_bed = night.out_of_bed
    return {
        "sol": sol,
        "waso": waso,
        "tst": total_sleep,
        "tib": in_bed,
        "se": rounded_ratio(100 * total_sleep, in_bed),
        "quality": quality_score(entry["sleep_quality"], diary),
        "awakenings": entry["awakenings"],
    }


def quality_score(value: str, diary: Mapping[str, Any]) -> int:
    options = fields_by_id(diary)["sleep_quality"]["options"]
    return int(next(option["score"] for option in options if option["value"] == value))


def week_of(night: str, start_date: str) -> int:
    """Week 1 is the start date and the six nights after it; earlier nights: week 0 or less."""
    return (date.fromisoformat(night) - date.fromisoformat(start_date)).days // 7 + 1


def week_starts_on(week: int, start_date: str) -> str:
    return (date.fromisoformat(start_date) + timedelta(days=7 * (week - 1))).isoformat()


def weekly_medians(nights: Sequence[Mapping[str, Any]], start_date: str) -> list[dict[str, Any]]:
    """One row per week with any entry: nights with a morning check-in, and each median."""
    by_week: dict[int, list[Mapping[str, Any]]] = {}
    for night in nights:
        by_week.setdefault(night["week"], []).append(night)
    rows = []
    for week in sorted(by_week):
        measured = [n["measures"] for n in by_week[week] if n["measures"] is not None]
        medians = {}
        for measure in MEASURES:
            middle = median([m[measure] for m in measured])
            medians[measure] = None if middle is None else rounded(middle)
        rows.append(
            {
                "week": week,
                "starts_on": week_starts_on(week, start_date),
                "nights": len(measured),
                "medians": medians,
            }
        )
    return rows


def _clock(text: str) -> int:
    minutes = parse_time(text)
    assert minutes is not None  # entries are checked before they are measured
    return minutes
