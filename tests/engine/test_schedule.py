"""The weeks: start low, rise gradually, never above the level's ceiling or the time available.

The numbers are content/plan.yml's (weeks, start_minutes, weekly_increase_minutes, each level's
ceiling_minutes, shirt) and questionnaire.yml's limits of the time available.
"""

from __future__ import annotations

import pytest

from guide_engine import build_plan
from guide_engine.contract import EXPERIENCE, MINUTES_AVAILABLE
from guide_engine.schedule import weekly_minutes
from tests.engine.support import (
    ENGINE_DATA,
    LEAST,
    MAT_LEVELS,
    MOST,
    PLAN,
    SHIRT_WEEKS,
    START,
    WEEKS,
    answers_where,
    base_answers,
    case_id,
    ceiling,
    expected_level,
    expected_minutes,
    expected_shirts,
    expected_why,
    rule_applies,
    trigger_cases,
    with_answer,
)


def plan_of(answers: dict) -> dict:
    return build_plan(answers, data=ENGINE_DATA)


def minutes(plan: dict) -> list[int]:
    return [week["minutes"] for week in plan["weeks"]]


def shirts(plan: dict) -> list[bool]:
    return [week["shirt"] for week in plan["weeks"]]


def times_worth_trying() -> list[int]:
    """The limits, and the times around each start, week-2 value and ceiling, as allowed."""
    near = {LEAST, MOST}
    for first in START.values():
        near |= {first - 1, first, first + 1, first + PLAN["weekly_increase_minutes"]}
    for level in MAT_LEVELS:
        near |= {ceiling(level) - 1, ceiling(level), ceiling(level) + 1}
    return sorted(minutes for minutes in near if LEAST <= minutes <= MOST)


@pytest.mark.parametrize("experience", START)
def test_week_one_is_the_start_minutes_for_the_experience(experience: str) -> None:
    plan = plan_of(base_answers(**{EXPERIENCE: experience, MINUTES_AVAILABLE: MOST}))
    level = plan["safety"]["level"]
    assert plan["weeks"][0]["minutes"] == min(START[experience], ceiling(level), MOST)


def test_the_plan_lasts_the_weeks_plan_yml_sets() -> None:
    assert [week["week"] for week in plan_of(base_answers())["weeks"]] == list(range(1, WEEKS + 1))


@pytest.mark.parametrize("level", MAT_LEVELS)
@pytest.mark.parametrize("experience", START)
def test_minutes_rise_by_the_weekly_increase_capped_by_the_ceiling_and_the_time(
    level: str, experience: str
) -> None:
    """Week 1 is start_minutes[experience], then +weekly_increase_minutes a week, capped by the
    level's ceiling and the minutes available, for every time worth trying."""
    for available in times_worth_trying():
        plan = plan_of(
            base_answers(level, **{EXPERIENCE: experience, MINUTES_AVAILABLE: available})
        )
        reached = plan["safety"]["level"]
        assert minutes(plan) == expected_minutes(experience, reached, available), available
        assert max(minutes(plan)) <= min(ceiling(reached), available)


@pytest.mark.parametrize("experience", START)
def test_time_available_below_the_start_is_used_every_week(experience: str) -> None:
    """A short session is still a session: with less time than the start, every week uses all
    the time there is, and never more."""
    available = max(LEAST, START[experience] - 1)
    plan = plan_of(base_answers(**{EXPERIENCE: experience, MINUTES_AVAILABLE: available}))
    assert minutes(plan) == [min(available, ceiling(plan["safety"]["level"]))] * WEEKS


@pytest.mark.parametrize("level", MAT_LEVELS)
def test_each_level_caps_sessions_at_its_own_ceiling(level: str) -> None:
    experience = max(START, key=START.get)
    plan = plan_of(base_answers(level, **{EXPERIENCE: experience, MINUTES_AVAILABLE: MOST}))
    assert plan["safety"]["level"] == level
    assert plan["progression"]["ceiling_minutes"] == ceiling(level)
    highest = START[experience] + (WEEKS - 1) * PLAN["weekly_increase_minutes"]
    assert max(minutes(plan)) == min(ceiling(level), MOST, highest)


def test_weekly_minutes_is_capped_by_the_lower_of_ceiling_and_time() -> None:
    """The pure rule, with numbers of its own."""
    assert weekly_minutes(start=7, increase=4, ceiling=18, available=50, weeks=5) == [
        7,
        11,
        15,
        18,
        18,
    ]
    assert weekly_minutes(start=7, increase=4, ceiling=50, available=12, weeks=3) == [7, 11, 12]
    assert weekly_minutes(start=25, increase=4, ceiling=18, available=50, weeks=2) == [18, 18]
    assert weekly_minutes(start=7, increase=0, ceiling=18, available=50, weeks=2) == [7, 7]


SHIRT_CASES = trigger_cases(PLAN["shirt"]["rules"])


@pytest.mark.parametrize("case", SHIRT_CASES, ids=[case_id(case) for case in SHIRT_CASES])
def test_a_thin_shirt_for_the_first_weeks_when_a_shirt_rule_matches(case: tuple) -> None:
    """A shirt rule applies when any answer its `when` lists was given, at its levels."""
    rule, question_id, value = case
    checked = 0
    for level in rule.get("levels", MAT_LEVELS):
        answers = with_answer(base_answers(level), question_id, value)
        if expected_level(answers) not in rule.get("levels", MAT_LEVELS):
            continue  # this answer moves the plan to a level the rule leaves out
        plan = plan_of(answers)
        assert shirts(plan) == [week <= SHIRT_WEEKS for week in range(1, WEEKS + 1)]
        assert plan["shirt"]["weeks"] == min(SHIRT_WEEKS, WEEKS)
        checked += 1
    assert checked, "no example stays at the rule's levels with this answer"


@pytest.mark.parametrize(
    "rule",
    [rule for rule in PLAN["shirt"]["rules"] if "when" not in rule],
    ids=lambda rule: "levels=" + "+".join(rule["levels"]),
)
def test_a_shirt_rule_without_when_applies_to_everyone_at_its_levels(rule: dict) -> None:
    for level in rule["levels"]:
        if level in MAT_LEVELS:
            assert shirts(plan_of(base_answers(level)))[0]


def test_bare_skin_from_the_start_when_no_shirt_rule_applies() -> None:
    answers = answers_where(
        "no shirt rule applies to a plan with sessions",
        lambda a: (
            expected_level(a) in MAT_LEVELS
            and not any(rule_applies(r, a, expected_level(a)) for r in PLAN["shirt"]["rules"])
        ),
    )
    plan = plan_of(answers)
    assert shirts(plan) == [False] * WEEKS == expected_shirts(answers, plan["safety"]["level"])
    assert plan["shirt"]["weeks"] == 0


def test_each_schedule_part_says_why_with_a_guide_link() -> None:
    plan = plan_of(base_answers())
    assert plan["progression"]["why"] == expected_why(PLAN["progression_why"])
    assert plan["shirt"]["why"] == expected_why(PLAN["shirt"]["why"])
