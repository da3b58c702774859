"""The evening timeline, timed back from the bedtime.

Lights out stays at the bedtime; getting up from the mat comes ``get_ready_minutes`` before it;
lying down comes the session's length before that. Times wrap around midnight, so a 00:10
bedtime gives a session that starts the evening before (23:35, say).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from guide_engine.clock import format_time
from guide_engine.links import why


def mat_moments(minutes: int, get_ready: int) -> dict[str, int]:
    """Minutes before lights out of each moment a mat step can be timed from."""
    return {"lights_out": 0, "get_up": get_ready, "lie_down": get_ready + minutes}


def session_times(bedtime: int, minutes: int, get_ready: int) -> tuple[str, str]:
    """(lie down, get up) as "HH:MM" for a session of ``minutes``."""
    moments = mat_moments(minutes, get_ready)
    return format_time(bedtime - moments["lie_down"]), format_time(bedtime - moments["get_up"])


def mat_evening(bedtime: int, minutes: int, nightly: Mapping[str, Any]) -> list[dict[str, Any]]:
    moments = mat_moments(minutes, nightly["get_ready_minutes"])
    return _timeline(
        bedtime,
        [
            (step, moments[step["at"]] - step.get("plus_minutes", 0))
            for step in nightly["mat_steps"]
        ],
    )


def wind_down_evening(bedtime: int, nightly: Mapping[str, Any]) -> list[dict[str, Any]]:
    steps = nightly["wind_down_steps"]
    return _timeline(bedtime, [(step, step["minutes_before_bedtime"]) for step in steps])


def _timeline(bedtime: int, timed: list[tuple[Mapping[str, Any], int]]) -> list[dict[str, Any]]:
    # Earliest first whatever the content order; sorted() keeps ties in content order.
    ordered = sorted(timed, key=lambda pair: -pair[1])
    return [
        {
            "id": step["id"],
            "time": format_time(bedtime - before),
            "minutes_before_bedtime": before,
            "title": step["title"],
            "text": step["text"],
            "why": why(step["why"]),
        }
        for step, before in ordered
    ]
