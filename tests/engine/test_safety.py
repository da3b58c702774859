"""The safety check: nobody who should ask a doctor first ever gets a mat schedule.

Who is at which level is content: each condition's `level` in precautions.yml, and plan.yml's
safety_rules. These tests take every condition and every rule from there.
"""

from __future__ import annotations

import pytest

from guide_engine import build_plan
from guide_engine.clock import format_time, parse_time
from guide_engine.contract import BEDTIME, EXPERIENCE, MINUTES_AVAILABLE
from guide_engine.safety import LEVELS
from guide_site.engine_data import build_engine_data
from tests.engine.support import (
    CONDITIONS,
    CONTENT,
    ENGINE_DATA,
    MAT_LEVELS,
    PLAN,
    SAFETY_RULES,
    base_answers,
    case_id,
    conditions_at,
    exclusive_value,
    expected_ids,
    expected_level,
    expected_minutes,
    expected_why,
    fresh_content,
    ids,
    option_values,
    rule_applies,
    trigger_cases,
    triggers,
    with_answer,
)

ASK_A_PROFESSIONAL = CONTENT["precautions"]["ask_a_professional"]
CONDITION_REASONS = {c["id"]: c["reason"] for c in CONTENT["precautions"]["conditions"]}
ASK_FIRST = conditions_at("consult_first")
TAKE_CARE = conditions_at("caution")
PLAN_RULE_CASES = trigger_cases(PLAN["safety_rules"])
CARE_NOTE_CASES = trigger_cases(PLAN["care_notes"])


def plan_of(answers: dict) -> dict:
    return build_plan(answers, data=ENGINE_DATA)


def with_conditions(*conditions: str, level: str = "ok") -> dict:
    return base_answers(level, **{CONDITIONS: list(conditions)})


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_no_mat(plan: dict) -> None:
    assert plan["weeks"] == []
    assert plan["placement"] == []
    assert plan["progression"] is None and plan["shirt"] is None
    assert plan["nightly"]["kind"] == "wind_down"
    assert plan["calendar"]["available"] is False


def test_the_conditions_question_lists_exactly_the_precautions_conditions() -> None:
    listed = set(option_values(CONDITIONS)) - {exclusive_value(CONDITIONS)}
    assert listed == set(ASK_FIRST) | set(TAKE_CARE)
    assert set(ASK_FIRST) and set(TAKE_CARE), "precautions.yml uses both levels"


@pytest.mark.parametrize("condition", ASK_FIRST)
def test_every_condition_at_ask_first_gives_consult_first_with_no_weeks(condition: str) -> None:
    plan = plan_of(with_conditions(condition))
    assert plan["safety"]["level"] == "consult_first"
    assert_no_mat(plan)
    reasons = {reason["id"]: reason for reason in plan["safety"]["reasons"]}
    assert flat(reasons[condition]["text"]) == flat(CONDITION_REASONS[condition])
    assert reasons[condition]["level"] == "consult_first"
    assert plan["safety"]["ask_professional"], "says what to ask a health professional"


@pytest.mark.parametrize("condition", TAKE_CARE)
def test_every_condition_at_take_care_gives_a_gentler_plan_of_sessions(condition: str) -> None:
    """take_care means caution: sessions, capped at caution's ceiling, with its reason given."""
    answers = with_conditions(condition)
    plan = plan_of(answers)
    assert plan["safety"]["level"] == expected_level(answers) == "caution"
    checked = plan["answers"]
    assert [week["minutes"] for week in plan["weeks"]] == expected_minutes(
        checked[EXPERIENCE], "caution", checked[MINUTES_AVAILABLE]
    )
    [reason] = [reason for reason in plan["safety"]["reasons"] if reason["id"] == condition]
    assert flat(reason["text"]) == flat(CONDITION_REASONS[condition])
    assert plan["safety"]["ask_professional"] == []


@pytest.mark.parametrize("case", PLAN_RULE_CASES, ids=[case_id(c) for c in PLAN_RULE_CASES])
def test_a_safety_rule_applies_when_any_answer_its_when_lists_is_given(case: tuple) -> None:
    """The plan is at least as careful as the rule's level, and gives its reason."""
    rule, question_id, value = case
    answers = with_answer(base_answers(), question_id, value)
    plan = plan_of(answers)
    level = plan["safety"]["level"]
    assert level == expected_level(answers)
    assert LEVELS.index(level) >= LEVELS.index(rule["level"])
    reasons = {reason["id"]: reason for reason in plan["safety"]["reasons"]}
    assert flat(reasons[rule["id"]]["text"]) == flat(rule["reason"])
    assert reasons[rule["id"]]["why"] == expected_why(rule["why"])
    if rule["level"] == "consult_first":
        assert_no_mat(plan)


def test_everyone_else_is_ok_with_no_reasons() -> None:
    plan = plan_of(base_answers("ok"))
    assert plan["safety"]["level"] == "ok"
    assert plan["safety"]["reasons"] == []
    assert plan["safety"]["ask_professional"] == []
    assert plan["safety"]["headline"] == PLAN["levels"]["ok"]["headline"]


def test_the_most_careful_level_wins_and_every_reason_is_given_most_serious_first() -> None:
    answers, used = with_conditions(ASK_FIRST[0], TAKE_CARE[0]), {CONDITIONS}
    for rule, question_id, value in PLAN_RULE_CASES:  # and an answer of each caution rule
        if rule["level"] == "caution" and question_id not in used:
            answers, used = with_answer(answers, question_id, value), used | {question_id}
    plan = plan_of(answers)
    assert plan["safety"]["level"] == "consult_first"
    reasons = plan["safety"]["reasons"]
    expected = {rule["id"] for rule in SAFETY_RULES if rule_applies(rule, answers)}
    assert {reason["id"] for reason in reasons} == expected
    assert {ASK_FIRST[0], TAKE_CARE[0]} <= expected
    levels = [LEVELS.index(reason["level"]) for reason in reasons]
    assert levels == sorted(levels, reverse=True)


def test_levels_come_from_the_precautions_content() -> None:
    """One source of truth: moving a condition to ask_first in precautions.yml moves the plan."""
    condition = TAKE_CARE[0]
    content = fresh_content()
    for listed in content["precautions"]["conditions"]:
        if listed["id"] == condition:
            listed["level"] = "ask_first"
    edited = build_engine_data(content)
    assert build_plan(with_conditions(condition), data=edited)["safety"]["level"] == "consult_first"
    assert plan_of(with_conditions(condition))["safety"]["level"] == "caution"


def test_consult_first_offers_the_wind_down_without_the_mat() -> None:
    """Each wind-down step at its minutes before the bedtime, earliest first."""
    answers = base_answers("consult_first")
    plan = plan_of(answers)
    assert_no_mat(plan)
    bedtime = parse_time(plan["answers"][BEDTIME])
    steps = sorted(
        PLAN["nightly"]["wind_down_steps"], key=lambda step: -step["minutes_before_bedtime"]
    )
    assert [(step["id"], step["time"], step["title"]) for step in plan["nightly"]["steps"]] == [
        (step["id"], format_time(bedtime - step["minutes_before_bedtime"]), step["title"])
        for step in steps
    ]
    assert plan["calendar"]["note"] == PLAN["calendar"]["notes"]["no_sessions"]


@pytest.mark.parametrize("level", LEVELS)
def test_questions_for_a_professional_only_when_asking_first(level: str) -> None:
    """At consult_first, each ask_professional item whose `when` matches (or that has none),
    worded as precautions.yml words it; at other levels, none."""
    answers = base_answers(level)
    plan = plan_of(answers)
    worded = {item["id"]: item["text"] for item in ASK_A_PROFESSIONAL}
    expected = [
        worded[item["id"]] for item in PLAN["ask_professional"] if rule_applies(item, answers)
    ]
    assert plan["safety"]["ask_professional"] == (expected if level == "consult_first" else [])


@pytest.mark.parametrize(
    "item", [item for item in PLAN["ask_professional"] if "when" in item], ids=lambda i: i["id"]
)
def test_a_question_for_a_professional_is_asked_when_its_when_matches(item: dict) -> None:
    [worded] = [q["text"] for q in ASK_A_PROFESSIONAL if q["id"] == item["id"]]
    asked = 0
    for question_id, value in triggers(item):
        plan = plan_of(with_answer(base_answers("consult_first"), question_id, value))
        if plan["safety"]["level"] == "consult_first":  # a condition may be swapped for another
            assert worded in plan["safety"]["ask_professional"], (question_id, value)
            asked += 1
    assert asked, "no answer in its `when` keeps the example at consult_first"


@pytest.mark.parametrize("case", CARE_NOTE_CASES, ids=[case_id(c) for c in CARE_NOTE_CASES])
def test_a_care_note_applies_when_its_when_matches_at_its_levels(case: tuple) -> None:
    note, question_id, value = case
    shown_at = []
    for base_level in LEVELS:
        answers = with_answer(base_answers(base_level), question_id, value)
        plan = plan_of(answers)
        level = plan["safety"]["level"]
        notes = plan["safety"]["care_notes"]
        assert ids(notes) == expected_ids(PLAN["care_notes"], answers, level)
        if note["id"] in ids(notes):
            shown_at.append(level)
            [shown] = [n for n in notes if n["id"] == note["id"]]
            assert shown["text"] == note["text"] and shown["why"] == expected_why(note["why"])
        else:
            assert level not in note.get("levels", LEVELS)
    assert shown_at, f"care note {note['id']!r} is shown to none of the examples given {value!r}"


@pytest.mark.parametrize("level", MAT_LEVELS)
def test_care_notes_are_the_ones_that_apply(level: str) -> None:
    answers = base_answers(level)
    plan = plan_of(answers)
    assert ids(plan["safety"]["care_notes"]) == expected_ids(PLAN["care_notes"], answers, level)
