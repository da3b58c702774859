"""The fair test: which evenings of each test week are mat evenings and which rest evenings.

Week 1 (``familiarisation_weeks`` in content) has the mat every evening. In each later week of
the plan, ``mat_evenings_per_week`` of the seven evenings are mat evenings and the others rest
evenings (the same routine without the mat), placed at random but balanced within the week.

The schedule comes from the fair test number (the seed) stored with the answers, so it never
changes: ``rng = random.Random(seed)``; for each test week in order, the list
``["mat"] * m + ["rest"] * (7 - m)`` is shuffled by guide_engine.seeded.shuffle_in_place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from guide_engine.contract import FAIR_TEST, FAIR_TEST_SEED, PLAN_KIND
from guide_engine.rules import fill
from guide_engine.seeded import generator, shuffle_in_place

EVENINGS_PER_WEEK = 7
CHOSEN = FAIR_TEST
"""The ``plan_kind`` answer that asks for a fair test."""


def wants_fair_test(answers: Mapping[str, Any]) -> bool:
    return answers.get(PLAN_KIND) == CHOSEN


def test_week_numbers(plan_weeks: int, familiarisation_weeks: int) -> list[int]:
    return list(range(familiarisation_weeks + 1, plan_weeks + 1))


def evening_kinds(seed: int, weeks: Sequence[int], mat_per_week: int) -> dict[int, list[str]]:
    """Week number -> the kind of each of its evenings, first evening first."""
    rng = generator(seed)
    schedule = {}
    for week in weeks:
        kinds = ["mat"] * mat_per_week + ["rest"] * (EVENINGS_PER_WEEK - mat_per_week)
        shuffle_in_place(kinds, rng)
        schedule[week] = kinds
    return schedule


def fair_test_part(
    answers: Mapping[str, Any], weeks: Sequence[Mapping[str, Any]], engine: Mapping[str, Any]
) -> dict[str, Any] | None:
    """The plan's ``fair_test``: None without one; ``available`` false without mat sessions."""
    if not wants_fair_test(answers):
        return None
    words = engine["diary"]["fair_test"]
    if not weeks:
        return {
            "available": False,
            "note": words["unavailable"],
            "seed": answers.get(FAIR_TEST_SEED),
            "weeks": [],
        }
    seed = answers[FAIR_TEST_SEED]
    mat = words["mat_evenings_per_week"]
    numbers = test_week_numbers(len(weeks), words["familiarisation_weeks"])
    kinds = evening_kinds(seed, numbers, mat)
    test_weeks = []
    for week in weeks:
        if week["week"] not in kinds:
            continue
        first = week["starts_on"]
        test_weeks.append(
            {
                "week": week["week"],
                "minutes": week["minutes"],
                "evenings": [
                    {"evening": number, "date": _add_days(first, number - 1), "kind": kind}
                    for number, kind in enumerate(kinds[week["week"]], start=1)
                ],
            }
        )
    return {
        "available": True,
        "note": None,
        "seed": seed,
        "familiarisation_weeks": words["familiarisation_weeks"],
        "mat_evenings_per_week": mat,
        "rest_evenings_per_week": EVENINGS_PER_WEEK - mat,
        "intro": fill(words["intro"], mat=mat, rest=EVENINGS_PER_WEEK - mat),
        "rest_evening": words["rest_evening"],
        "seed_note": fill(words["seed_note"], seed=seed),
        "can_show": list(words["can_show"]),
        "cannot_show": list(words["cannot_show"]),
        "weeks": test_weeks,
    }


def planned_kind(fair_test: Mapping[str, Any] | None, week: int, evening: int) -> str:
    """ "mat" or "rest" for evening ``evening`` (1-7) of plan week ``week``."""
    if not fair_test or not fair_test["available"]:
        return "mat"
    for test_week in fair_test["weeks"]:
        if test_week["week"] == week:
            return str(test_week["evenings"][evening - 1]["kind"])
    return "mat"


def _add_days(day: str | None, days: int) -> str | None:
    return None if day is None else (date.fromisoformat(day) + timedelta(days=days)).isoformat()
