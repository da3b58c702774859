"""The four weeks: start low, rise gradually, never above the ceiling or the time available."""

from __future__ import annotations

import pytest

from guide_engine import build_plan
from guide_engine.schedule import weekly_minutes
from tests.engine.support import ENGINE_DATA, answers


def minutes(**changes: object) -> list[int]:
    return [week["minutes"] for week in build_plan(answers(**changes), data=ENGINE_DATA)["weeks"]]


def shirts(**changes: object) -> list[bool]:
    return [week["shirt"] for week in build_plan(answers(**changes), data=ENGINE_DATA)["weeks"]]


@pytest.mark.parametrize(
    ("experience", "first"), [("never", 10), ("a_few_times", 10), ("regular", 15)]
)
def test_week_one_starts_at_10_or_15_minutes_by_experience(experience: str, first: int) -> None:
    assert minutes(experience=experience, minutes_available=60)[0] == first


def test_the_plan_lasts_four_weeks() -> None:
    assert [week["week"] for week in build_plan(answers(), data=ENGINE_DATA)["weeks"]] == [
        1,
        2,
        3,
        4,
    ]


def test_minutes_rise_gradually_up_to_the_ok_ceiling() -> None:
    assert minutes(experience="never", minutes_available=60) == [10, 15, 20, 25]
    assert minutes(experience="regular", minutes_available=60) == [15, 20, 25, 30]


def test_minutes_never_exceed_the_time_available() -> None:
    assert minutes(experience="never", minutes_available=17) == [10, 15, 17, 17]


def test_time_available_below_the_start_is_used_every_week() -> None:
    assert minutes(experience="never", minutes_available=7) == [7, 7, 7, 7]
    assert minutes(experience="regular", minutes_available=12) == [12, 12, 12, 12]


def test_caution_caps_at_20_minutes() -> None:
    assert minutes(experience="regular", skin="sensitive", minutes_available=60) == [15, 20, 20, 20]


def test_weekly_minutes_is_capped_by_the_lower_of_ceiling_and_time() -> None:
    assert weekly_minutes(start=10, increase=5, ceiling=20, available=60, weeks=4) == [
        10,
        15,
        20,
        20,
    ]
    assert weekly_minutes(start=25, increase=5, ceiling=20, available=60, weeks=2) == [20, 20]


@pytest.mark.parametrize(
    "changes",
    [
        {"experience": "never"},
        {"experience": "regular", "skin": "sensitive"},
        {"experience": "regular", "conditions": ["diabetes"]},
    ],
)
def test_a_thin_shirt_for_weeks_1_and_2_for_newcomers_sensitive_skin_or_caution(
    changes: dict,
) -> None:
    assert shirts(**changes) == [True, True, False, False]


@pytest.mark.parametrize("experience", ["a_few_times", "regular"])
def test_bare_skin_from_the_start_for_people_used_to_mats(experience: str) -> None:
    assert shirts(experience=experience) == [False, False, False, False]
    plan = build_plan(answers(experience=experience), data=ENGINE_DATA)
    assert plan["shirt"]["weeks"] == 0


def test_each_schedule_part_says_why_with_a_guide_link() -> None:
    plan = build_plan(answers(), data=ENGINE_DATA)
    assert plan["progression"]["why"]["href"] == "../routine/#duration"
    assert plan["shirt"]["why"]["href"] == "../routine/#thin-layer"
