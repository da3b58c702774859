"""How a fair test week's evenings read in the plan: dates when there is a start date."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from guide_engine.outputs.diary_cells import evening_list
from guide_engine.outputs.wording import day_month, day_name
from guide_engine.rules import fill


def evenings_of(week: Mapping[str, Any], kind: str, words: Mapping[str, Any]) -> str:
    """The week's mat (or rest) evenings: "Sunday 8 March, Tuesday 10 March", or "evenings 1
    and 3" without a start date."""
    chosen = [evening for evening in week["evenings"] if evening["kind"] == kind]
    if all(evening["date"] is not None for evening in chosen):
        days = [date.fromisoformat(evening["date"]) for evening in chosen]
        return ", ".join(f"{day_name(day)} {day_month(day)}" for day in days)
    numbers = evening_list([evening["evening"] for evening in chosen])
    return fill(words["evening_numbers"], numbers=numbers)
