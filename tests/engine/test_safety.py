"""The safety check: nobody who should ask a doctor first ever gets a mat schedule."""

from __future__ import annotations

import pytest

from guide_engine import build_plan
from guide_site.engine_data import PRECAUTION_LEVELS, build_engine_data
from tests.engine.support import (
    CAUTION_CONDITIONS,
    CONSULT_FIRST_CONDITIONS,
    CONTENT,
    ENGINE_DATA,
    answers,
    engine_content,
    option_values,
)

CONDITIONS = CONTENT["precautions"]["conditions"]


def plan_for(**changes: object) -> dict:
    return build_plan(answers(**changes), data=ENGINE_DATA)


def test_the_conditions_question_lists_exactly_the_policys_conditions() -> None:
    conditions = set(option_values("conditions")) - {"none"}
    assert conditions == CONSULT_FIRST_CONDITIONS | CAUTION_CONDITIONS


@pytest.mark.parametrize("condition", sorted(CONSULT_FIRST_CONDITIONS))
def test_ask_first_conditions_mean_consult_first_and_no_mat(condition: str) -> None:
    plan = plan_for(conditions=[condition])
    assert plan["safety"]["level"] == "consult_first"
    assert plan["weeks"] == []
    assert plan["placement"] == []
    assert plan["progression"] is None
    assert plan["nightly"]["kind"] == "wind_down"
    assert [reason["id"] for reason in plan["safety"]["reasons"]] == [condition]
    assert plan["safety"]["ask_professional"], "says what to ask a health professional"


@pytest.mark.parametrize("condition", CONDITIONS, ids=[c["id"] for c in CONDITIONS])
def test_every_precaution_screens_at_the_level_precautions_yml_gives_it(condition: dict) -> None:
    """Each condition on the precautions page reaches the plan builder with its own level and
    reason: ask_first means no mat sessions at all, take_care a gentler plan of sessions."""
    plan = plan_for(conditions=[condition["id"]], experience="regular", minutes_available=60)
    level = PRECAUTION_LEVELS[condition["level"]]
    assert plan["safety"]["level"] == level
    reasons = plan["safety"]["reasons"]
    assert [reason["id"] for reason in reasons] == [condition["id"]]
    assert " ".join(reasons[0]["text"].split()) == " ".join(condition["reason"].split())
    if level == "consult_first":
        assert plan["weeks"] == []
        assert plan["safety"]["ask_professional"], "says what to ask a health professional"
    else:
        ceiling = CONTENT["plan"]["levels"][level]["ceiling_minutes"]
        assert plan["weeks"], "a take-care condition still gets a plan of sessions"
        assert max(week["minutes"] for week in plan["weeks"]) == ceiling
        assert plan["weeks"][0]["shirt"], "and starts with a layer"


def test_under_18_means_consult_first() -> None:
    plan = plan_for(age_group="under_18", experience="regular")
    assert plan["safety"]["level"] == "consult_first"
    assert plan["weeks"] == []
    assert plan["safety"]["reasons"][0]["id"] == "under_18"


@pytest.mark.parametrize(
    "changes",
    [
        {"conditions": ["diabetes"]},
        {"conditions": ["low_blood_pressure"]},
        {"skin": "sensitive"},
        {"age_group": "65_plus"},
    ],
)
def test_take_care_answers_mean_a_gentler_caution_plan(changes: dict) -> None:
    plan = plan_for(**changes, minutes_available=60, experience="regular")
    assert plan["safety"]["level"] == "caution"
    assert max(week["minutes"] for week in plan["weeks"]) == 20
    assert plan["weeks"][0]["shirt"] and plan["weeks"][1]["shirt"]
    assert plan["safety"]["care_notes"], "caution plans carry specific care notes"
    assert plan["safety"]["ask_professional"] == []


def test_care_notes_match_the_reason() -> None:
    skin = plan_for(conditions=["diabetes"])["safety"]["care_notes"]
    pressure = plan_for(conditions=["low_blood_pressure"])["safety"]["care_notes"]
    older = plan_for(age_group="65_plus")["safety"]["care_notes"]
    assert [note["id"] for note in skin] == ["check_skin"]
    assert [note["id"] for note in pressure] == ["get_up_slowly"]
    assert [note["id"] for note in older] == ["check_skin", "get_up_slowly"]


def test_everyone_else_is_ok_with_a_30_minute_ceiling() -> None:
    plan = plan_for(experience="regular", minutes_available=60)
    assert plan["safety"]["level"] == "ok"
    assert plan["safety"]["reasons"] == []
    assert plan["safety"]["care_notes"] == []
    assert [week["minutes"] for week in plan["weeks"]] == [15, 20, 25, 30]


def test_the_most_careful_level_wins_and_every_reason_is_given() -> None:
    plan = plan_for(conditions=["diabetes", "epilepsy"], age_group="65_plus")
    assert plan["safety"]["level"] == "consult_first"
    reasons = plan["safety"]["reasons"]
    assert [reason["level"] for reason in reasons] == ["consult_first", "caution", "caution"]
    assert {reason["id"] for reason in reasons} == {"epilepsy", "diabetes", "age_65_plus"}


def test_levels_come_from_the_precautions_content(engine_data: dict) -> None:
    """One source of truth: flipping a condition's level in precautions.yml flips the plan."""
    content = engine_content()
    for condition in content["precautions"]["conditions"]:
        if condition["id"] == "diabetes":
            condition["level"] = "ask_first"
    edited = build_engine_data(content)
    plan = build_plan(answers(conditions=["diabetes"]), data=edited)
    assert plan["safety"]["level"] == "consult_first"
    assert build_plan(answers(conditions=["diabetes"]), data=engine_data)["safety"]["level"] == (
        "caution"
    )


def test_consult_first_offers_a_wind_down_without_the_mat() -> None:
    plan = plan_for(conditions=["pregnancy"], bedtime="22:00")
    steps = plan["nightly"]["steps"]
    assert steps[-1]["id"] == "lights_out" and steps[-1]["time"] == "22:00"
    assert all("mat" not in step["title"].lower() for step in steps)
    assert plan["calendar"]["available"] is False
