"""Answers are checked like a GOV.UK form: one clear message per question, nothing else."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from guide_engine import AnswersError, build_plan
from tests.engine.support import ENGINE_DATA, QUESTIONS, answers


def errors_for(given: Any) -> dict[str, str]:
    with pytest.raises(AnswersError) as raised:
        build_plan(given, data=ENGINE_DATA)
    return raised.value.errors


def test_answers_error_is_a_value_error_with_one_message_per_question() -> None:
    error = AnswersError({"bedtime": "Enter a bedtime in 24-hour time, like 22:30"})
    assert isinstance(error, ValueError)
    assert error.errors == {"bedtime": "Enter a bedtime in 24-hour time, like 22:30"}
    assert str(error) == "bedtime: Enter a bedtime in 24-hour time, like 22:30"


def test_every_missing_required_answer_gets_its_own_message() -> None:
    errors = errors_for({})
    required = {qid for qid, question in QUESTIONS.items() if question["required"]}
    assert set(errors) == required
    assert errors["age_group"] == "Select your age group"
    assert "start_date" not in errors  # optional


def test_anything_but_a_mapping_counts_as_no_answers() -> None:
    assert errors_for(["age_group", "18_to_64"]) == errors_for({})
    assert errors_for(None) == errors_for({})


@pytest.mark.parametrize(
    ("question_id", "value"),
    [
        ("bedtime", "24:00"),
        ("bedtime", "22:60"),
        ("bedtime", "10pm"),
        ("bedtime", "22:30:00"),
        ("bedtime", "٢٢:٣٠"),  # Arabic-Indic digits: int() would accept them
        ("bedtime", 1350),  # what YAML 1.1 makes of an unquoted 22:30
        ("minutes_available", 4),
        ("minutes_available", 61),
        ("minutes_available", "20.5"),
        ("minutes_available", "twenty"),
        ("minutes_available", True),  # a bool is an int in Python
        ("minutes_available", 20.0),
        ("minutes_available", "٢٠"),
        ("minutes_available", "9" * 5000),  # int() refuses strings this long
        ("start_date", "2026-02-30"),
        ("start_date", "01/03/2026"),
        ("start_date", "20260301"),
        ("start_date", "1999-12-31"),
        ("age_group", "adult"),
        ("age_group", ["18_to_64"]),
        ("conditions", ["pregnancy", "flu"]),
        ("conditions", "pregnancy,diabetes"),
        ("conditions", [1]),
        ("conditions", {"none": True}),
    ],
)
def test_an_unusable_answer_gets_that_questions_message(question_id: str, value: Any) -> None:
    messages = QUESTIONS[question_id]["errors"]
    expected = messages.get("invalid", messages.get("missing"))
    assert errors_for(answers(**{question_id: value})) == {question_id: expected}


def test_messages_follow_the_gov_uk_style() -> None:
    assert errors_for(answers(bedtime="25:00")) == {
        "bedtime": "Enter a bedtime in 24-hour time, like 22:30"
    }
    assert errors_for(answers(minutes_available="70")) == {
        "minutes_available": "Enter a whole number of minutes from 5 to 60"
    }
    for question in QUESTIONS.values():
        for message in question["errors"].values():
            assert message.split()[0] in {"Select", "Enter"}, message
            assert "please" not in message.lower()
            assert "invalid" not in message.lower()


def test_none_with_other_answers_is_a_conflict_with_its_own_message() -> None:
    errors = errors_for(answers(conditions=["none", "diabetes"]))
    assert errors == {"conditions": QUESTIONS["conditions"]["errors"]["conflict"]}
    assert errors["conditions"].endswith("on its own")


def test_blank_answers_are_missing_not_wrong() -> None:
    errors = errors_for(answers(bedtime="  ", pain_areas=[], age_group=""))
    assert errors == {
        "bedtime": QUESTIONS["bedtime"]["errors"]["missing"],
        "pain_areas": QUESTIONS["pain_areas"]["errors"]["missing"],
        "age_group": "Select your age group",
    }


def test_unknown_questions_are_named_so_an_out_of_date_file_can_be_fixed() -> None:
    errors = errors_for(answers(minutes_availble=20, **{"7": "x"}))
    message = ENGINE_DATA["questionnaire"]["unknown_question_error"]
    assert errors == {"minutes_availble": message, "7": message}


def test_all_problems_are_reported_together() -> None:
    errors = errors_for(answers(age_group="child", bedtime="late", conditions=[]))
    assert set(errors) == {"age_group", "bedtime", "conditions"}


def test_form_answers_arrive_as_text_and_are_normalised() -> None:
    plan = build_plan(
        answers(
            minutes_available=" 020 ",
            bedtime="7:05",
            pain_areas=["lower_back", "neck", "neck"],
            sleep_issues="racing_mind",  # one ticked box
            start_date=" 2026-03-01 ",
        ),
        data=ENGINE_DATA,
    )
    checked = plan["answers"]
    assert checked["minutes_available"] == 20
    assert checked["bedtime"] == "07:05"
    assert checked["pain_areas"] == ["neck", "lower_back"]  # questionnaire order, once each
    assert checked["sleep_issues"] == ["racing_mind"]
    assert checked["start_date"] == "2026-03-01"


def test_a_dotted_bedtime_is_read_as_a_time() -> None:
    assert build_plan(answers(bedtime="22.45"), data=ENGINE_DATA)["answers"]["bedtime"] == "22:45"


def test_an_empty_optional_answer_is_fine() -> None:
    plan = build_plan(answers(start_date=""), data=ENGINE_DATA)
    assert plan["answers"]["start_date"] is None


def test_true_is_not_a_number_of_minutes_even_where_1_would_be_allowed() -> None:
    data = copy.deepcopy(ENGINE_DATA)
    for question in data["questionnaire"]["questions"]:
        if question["id"] == "minutes_available":
            question["min"] = 1
    assert build_plan(answers(minutes_available=1), data=data)["weeks"][0]["minutes"] == 1
    with pytest.raises(AnswersError) as raised:
        build_plan(answers(minutes_available=True), data=data)
    assert set(raised.value.errors) == {"minutes_available"}
