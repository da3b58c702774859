"""Hypothesis strategies for diaries: any mix of check-ins, consistent times, any order."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from guide_engine.clock import format_time
from guide_engine.diary.fields import MAT_NOT_USED, MAT_USED
from tests.engine.diary.support import DIARY, FIELDS, night

SIGNS = [sign["id"] for sign in DIARY["stop_signs"]]


def values(field_id: str) -> list[str]:
    return [option["value"] for option in FIELDS[field_id]["options"]]


def limit(field_id: str) -> tuple[int, int]:
    return FIELDS[field_id]["min"], FIELDS[field_id]["max"]


@st.composite
def evenings(draw: st.DrawFn) -> dict[str, Any]:
    stop = draw(st.lists(st.sampled_from(SIGNS), max_size=2, unique=True)) if draw(
        st.integers(0, 12)
    ) == 0 else []  # fmt: skip
    if not draw(st.booleans()):
        return {"mat_used": MAT_NOT_USED, "stop_signs": stop}
    return {
        "mat_used": MAT_USED,
        "mat_minutes": draw(st.integers(*limit("mat_minutes"))),
        "mat_feeling": draw(st.sampled_from(values("mat_feeling"))),
        "mat_marks": draw(st.sampled_from(values("mat_marks"))),
        "stop_signs": stop,
    }


@st.composite
def mornings(draw: st.DrawFn) -> dict[str, Any]:
    """A consistent morning: times after midnight, any length of night the limits allow."""
    tried = draw(st.integers(0, 24 * 60 - 1))
    longest = 60 * DIARY["limits"]["hours_in_bed"]
    before = draw(st.integers(0, 90))
    span = draw(st.integers(1, longest - before - 60))
    lingering = draw(st.integers(0, 60))
    sol = draw(st.integers(0, min(span, limit("sol_minutes")[1])))
    awakenings = draw(st.integers(*limit("awakenings")))
    waso = 0 if awakenings == 0 else draw(st.integers(0, min(span - sol, limit("waso_minutes")[1])))
    morning = {
        "tried_to_sleep": format_time(tried),
        "sol_minutes": str(sol),
        "awakenings": awakenings,
        "waso_minutes": waso,
        "final_awakening": format_time(tried + span),
        "out_of_bed": format_time(tried + span + lingering),
        "sleep_quality": draw(st.sampled_from(values("sleep_quality"))),
    }
    if before and draw(st.booleans()):
        morning["into_bed"] = format_time(tried - before)
    return morning


@st.composite
def diaries(draw: st.DrawFn) -> list[dict[str, Any]]:
    offsets = draw(st.lists(st.integers(-3, 45), unique=True, max_size=40))
    entries = []
    for offset in offsets:
        parts = draw(st.sampled_from(["evening", "morning", "both"]))
        entry: dict[str, Any] = {"night": night(offset)}
        if parts != "morning":
            entry.update(draw(evenings()))
        if parts != "evening":
            entry.update(draw(mornings()))
        entries.append(entry)
    return draw(st.permutations(entries))
