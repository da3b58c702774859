"""Nights after mat evenings against nights after rest evenings, once there are enough of each.

Only the fair test's weeks count, by the schedule chance picked (what the randomisation test
is valid for), and only nights with a morning check-in; after a sign to stop, the test ends.
The words come from content and never claim the test proves anything.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from guide_engine.diary.fields import MAT_NOT_USED, MAT_USED
from guide_engine.diary.numbers import mean, rounded
from guide_engine.diary.randomisation import randomisation_test
from guide_engine.rules import fill

TESTED = ("mat", "rest")


def comparison_part(
    plan: Mapping[str, Any],
    nights: Sequence[Mapping[str, Any]],
    stop_night: str | None,
    engine: Mapping[str, Any],
) -> dict[str, Any]:
    words = engine["diary"]["comparison"]
    fair_test = plan["fair_test"]
    result: dict[str, Any] = {
        "status": "not_a_test",
        "text": words["not_a_test"],
        "mat_nights": 0,
        "rest_nights": 0,
        "needed": words["nights_needed_each"],
        "off_schedule": 0,
        "after_stop": stop_night is not None,
        "outcomes": [],
        "limits": [],
    }
    if not plan["weeks"]:  # no mat sessions at all: say that, not "the mat every evening"
        result["text"] = engine["diary"]["fair_test"]["unavailable"]
    if not fair_test or not fair_test["available"]:
        return result
    test_weeks = {week["week"] for week in fair_test["weeks"]}
    counted = [
        night
        for night in nights
        if night["week"] in test_weeks
        and night["planned"] in TESTED
        and night["measures"] is not None
        and (stop_night is None or night["night"] <= stop_night)
    ]
    mat = sum(1 for night in counted if night["planned"] == "mat")
    rest = len(counted) - mat
    result.update(
        mat_nights=mat,
        rest_nights=rest,
        off_schedule=sum(1 for night in counted if _off_schedule(night)),
        limits=list(fair_test["cannot_show"]),
    )
    needed = words["nights_needed_each"]
    if min(mat, rest) < needed:
        result.update(
            status="too_few", text=fill(words["too_few"], mat=mat, rest=rest, needed=needed)
        )
        return result
    outcomes = [_outcome(outcome, counted, engine) for outcome in words["outcomes"]]
    result.update(status="compared", text=None, outcomes=outcomes)
    return result


def _outcome(
    outcome: Mapping[str, Any], counted: Sequence[Mapping[str, Any]], engine: Mapping[str, Any]
) -> dict[str, Any]:
    words = engine["diary"]["comparison"]
    measure = outcome["measure"]
    blocks: dict[int, list[tuple[int, bool]]] = {}
    for night in counted:
        blocks.setdefault(night["week"], []).append(
            (_whole(night["measures"][measure]), night["planned"] == "mat")
        )
    test = randomisation_test(
        [blocks[week] for week in sorted(blocks)],
        exact_up_to=words["exact_up_to"],
        resamples=words["resamples"],
        seed=words["resample_seed"],
    )
    decimals = outcome["decimals"]
    difference = rounded(abs(test.difference), decimals)
    if difference == 0:
        finding = outcome["same"]
    else:
        side = "mat_lower" if test.difference < 0 else "mat_higher"
        finding = fill(outcome[side], difference=difference)
    clear = test.p_value < Fraction(str(words["clear_below"]))
    verdict = words["same"] if difference == 0 else words["clear" if clear else "unclear"]
    percent = rounded(test.p_value * 100, 1)
    chance = words["chance_exact" if test.exact else "chance_sampled"]
    mat_values = [value for block in blocks.values() for value, is_mat in block if is_mat]
    rest_values = [value for block in blocks.values() for value, is_mat in block if not is_mat]
    return {
        "measure": measure,
        "mat_mean": rounded(mean(mat_values), decimals + 1),
        "rest_mean": rounded(mean(rest_values), decimals + 1),
        "difference": rounded(test.difference, decimals),
        "p_value": rounded(test.p_value, 4),
        "exact": test.exact,
        "count": test.count,
        "clear": clear and difference != 0,
        "verdict": fill(verdict, finding=finding),
        "chance": fill(
            chance,
            percent=words["tiny_percent"] if percent == 0 else percent,
            count=f"{test.count:,}",
        ),
    }


def _off_schedule(night: Mapping[str, Any]) -> bool:
    used = night["entry"]["mat_used"]
    return (night["planned"] == "mat" and used == MAT_NOT_USED) or (
        night["planned"] == "rest" and used == MAT_USED
    )


def _whole(value: int | float) -> int:
    """Compared measures are whole numbers (minutes, quality scores)."""
    if isinstance(value, float) and not value.is_integer():
        raise ValueError(f"comparison needs whole numbers, got {value}")
    return int(value)
