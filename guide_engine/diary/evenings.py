"""What the plan has for each evening, for any night a check-in is about.

The report's ``nights`` say what each logged night was planned as; ``evenings`` say it for every
evening from the plan's start to the end of its last week (or of the week after the latest
entry, if later), so a check-in for any night, after missed nights too, can show the plan's
evening and fill in its minutes and bedtime.

An evening's minutes are those it gets once logged: weeks up to the week after the latest
entry have their adapted minutes; a later week (after missed weeks, which have no sessions to
go up on) keeps the minutes of the week after the latest entry, as logging it would. The week
of a sign to stop has 0 minutes from the stop on, but its evenings before the stop keep the
minutes the week had until then, which only the weeks before it decide.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from guide_engine.diary.adapt import adapted_weeks
from guide_engine.diary.measures import week_of
from guide_engine.fair_test import planned_kind


def planned(night: str, plan: Mapping[str, Any], start_date: str, stop: str | None) -> str:
    """mat, rest (a fair test's rest evening), stopped (after a sign to stop) or none."""
    if not plan["weeks"]:
        return "none"
    if stop is not None and night > stop:
        return "stopped"
    week = week_of(night, start_date)
    if not 1 <= week <= len(plan["weeks"]):
        return "mat"
    evening = (date.fromisoformat(night) - date.fromisoformat(start_date)).days % 7 + 1
    return planned_kind(plan["fair_test"], week, evening)


class Evenings:
    """The plan's evenings for a diary's nights (each ``{night, week, planned, entry, ...}``)."""

    def __init__(
        self,
        plan: Mapping[str, Any],
        nights: Sequence[Mapping[str, Any]],
        adapted: Mapping[str, Any] | None,
        stop: str | None,
        engine: Mapping[str, Any],
    ) -> None:
        self.plan = plan
        self.start_date: str = plan["calendar"]["start_date"]
        self.stop = stop
        self.next_week = max((night["week"] for night in nights), default=0) + 1
        self.last_week = max(len(plan["weeks"]) or engine["weeks"], self.next_week)
        self.minutes = _minutes_by_week(plan, nights, adapted, stop, engine)

    def minutes_of(self, night: Mapping[str, Any]) -> int | None:
        """The minutes of a mat evening; None for any other, or before the plan's start."""
        if night["planned"] != "mat":
            return None
        return self.minutes.get(min(night["week"], self.next_week))

    def of(self, night: str) -> dict[str, Any]:
        """``{night, week, planned, minutes, tried_to_sleep}`` for the evening of ``night``."""
        kind = planned(night, self.plan, self.start_date, self.stop)
        item = {"night": night, "week": week_of(night, self.start_date), "planned": kind}
        return {
            **item,
            "minutes": self.minutes_of(item),
            "tried_to_sleep": self.plan["nightly"]["bedtime"],
        }

    def every_one(self) -> list[dict[str, Any]]:
        """Each evening from the plan's start to the end of its last week, first first."""
        first = date.fromisoformat(self.start_date)
        days = range(7 * self.last_week)
        return [self.of((first + timedelta(days=day)).isoformat()) for day in days]

    def after(self, latest: str | None) -> dict[str, Any]:
        """The evening after the ``latest`` night logged (the plan's start if none is)."""
        if latest is None:
            return self.of(self.start_date)
        return self.of((date.fromisoformat(latest) + timedelta(days=1)).isoformat())


def _minutes_by_week(
    plan: Mapping[str, Any],
    nights: Sequence[Mapping[str, Any]],
    adapted: Mapping[str, Any] | None,
    stop: str | None,
    engine: Mapping[str, Any],
) -> dict[int, int]:
    if adapted is None:
        return {}
    minutes = {int(week["week"]): int(week["minutes"]) for week in adapted["weeks"]}
    if stop is not None:
        stop_week = week_of(stop, plan["calendar"]["start_date"])
        earlier = [night for night in nights if night["week"] < stop_week]
        before = adapted_weeks(plan, earlier, engine, through_week=stop_week)
        for week in before["weeks"] if before else []:
            if week["week"] == stop_week:
                minutes[stop_week] = int(week["minutes"])
    return minutes
