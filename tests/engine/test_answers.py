"""Answers are checked like a GOV.UK form: one clear message per question, nothing else.

The messages are the questionnaire's own (questionnaire.yml `errors`), and the unusable values
are made for each kind of question, so every question of that kind is tried.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from guide_engine import AnswersError, build_plan
from guide_engine.contract import BEDTIME, MINUTES_AVAILABLE, START_DATE
from tests.engine.support import (
    CONTENT,
    ENGINE_DATA,
    LEAST,
    MOST,
    QUESTIONS,
    base_answers,
    exclusive_value,
    message,
    option_values,
    questions_of_kind,
    regular_values,
)


def errors_for(given: Any) -> dict[str, str]:
    with pytest.raises(AnswersError) as raised:
        build_plan(given, data=ENGINE_DATA)
    return raised.value.errors


def unusable_values(question_id: str) -> list[Any]:
    """Values a question of this kind must refuse."""
    question = QUESTIONS[question_id]
    kind = question["kind"]
    if kind == "one_of":
        first = option_values(question_id)[0]
        return [f"{first}_not_an_option", [first], 1, {first: True}]
    if kind == "any_of":
        first = regular_values(question_id)[0]
        return [
            [first, f"{first}_not_an_option"],
            f"{first},{first}",  # one text, not two ticked boxes
            [1],
            {first: True},
        ]
    if kind == "time":
        return [
            "24:00",
            "22:60",
            "10pm",
            "22:30:00",
            "٢٢:٣٠",  # Arabic-Indic digits: int() would accept them
            1350,  # what YAML 1.1 makes of an unquoted 22:30
        ]
    if kind == "whole_number":
        low, high = question["min"], question["max"]
        return [
            low - 1,
            high + 1,
            str(high + 1),
            f"{low}.5",
            "twenty",
            True,  # a bool is an int in Python
            float(low),
            "".join(chr(0x0660 + int(digit)) for digit in str(low)),  # Arabic-Indic digits
            "9" * 5000,  # int() refuses strings this long
        ]
    if kind == "date":
        return ["2026-02-30", "01/03/2026", "20260301", "1999-12-31", "3000-01-01"]
    raise AssertionError(f"no unusable values for questions of kind {kind!r}")


CASES = [
    (question_id, value) for question_id in QUESTIONS for value in unusable_values(question_id)
]


def test_answers_error_is_a_value_error_with_one_message_per_question() -> None:
    error = AnswersError({"a_question": "Enter something else"})
    assert isinstance(error, ValueError)
    assert error.errors == {"a_question": "Enter something else"}
    assert str(error) == "a_question: Enter something else"


def test_every_missing_required_answer_gets_its_own_message() -> None:
    errors = errors_for({})
    required = {qid for qid, question in QUESTIONS.items() if question["required"]}
    assert errors == {question_id: message(question_id, "missing") for question_id in required}
    assert START_DATE not in errors  # optional


def test_anything_but_a_mapping_counts_as_no_answers() -> None:
    assert errors_for(list(base_answers())) == errors_for({})
    assert errors_for(None) == errors_for({})


@pytest.mark.parametrize(("question_id", "value"), CASES, ids=[f"{q}={v!r:.20}" for q, v in CASES])
def test_an_unusable_answer_gets_that_questions_message(question_id: str, value: Any) -> None:
    assert errors_for(base_answers(**{question_id: value})) == {
        question_id: message(question_id, "invalid")
    }


def test_a_number_out_of_range_gets_the_message_with_the_limits_filled_in() -> None:
    written = next(q for q in CONTENT["questionnaire"]["questions"] if q["id"] == MINUTES_AVAILABLE)
    expected = written["errors"]["invalid"].replace("{min}", str(LEAST)).replace("{max}", str(MOST))
    assert errors_for(base_answers(**{MINUTES_AVAILABLE: str(MOST + 1)})) == {
        MINUTES_AVAILABLE: expected
    }


def test_messages_follow_the_gov_uk_style() -> None:
    """Say what to do ("Select…", "Enter…"); no "please", no "invalid"."""
    for question in QUESTIONS.values():
        for text in question["errors"].values():
            assert text.split()[0] in {"Select", "Enter"}, text
            assert "please" not in text.lower()
            assert "invalid" not in text.lower()


@pytest.mark.parametrize(
    "question_id", [q for q in questions_of_kind("any_of") if exclusive_value(q) is not None]
)
def test_none_with_other_answers_is_a_conflict_with_its_own_message(question_id: str) -> None:
    given = [exclusive_value(question_id), regular_values(question_id)[0]]
    assert errors_for(base_answers(**{question_id: given})) == {
        question_id: message(question_id, "conflict")
    }


def test_blank_answers_are_missing_not_wrong() -> None:
    one_of = questions_of_kind("one_of")[0]
    any_of = questions_of_kind("any_of")[0]
    errors = errors_for(base_answers(**{BEDTIME: "  ", any_of: [], one_of: ""}))
    assert errors == {q: message(q, "missing") for q in (BEDTIME, any_of, one_of)}


def test_unknown_questions_are_named_so_an_out_of_date_file_can_be_fixed() -> None:
    typo = MINUTES_AVAILABLE[:-2] + MINUTES_AVAILABLE[-1]
    errors = errors_for(base_answers(**{typo: 20, "7": "x"}))
    unknown = ENGINE_DATA["questionnaire"]["unknown_question_error"]
    assert errors == {typo: unknown, "7": unknown}


def test_all_problems_are_reported_together() -> None:
    one_of, any_of = questions_of_kind("one_of")[0], questions_of_kind("any_of")[0]
    errors = errors_for(base_answers(**{one_of: "child", BEDTIME: "late", any_of: []}))
    assert set(errors) == {one_of, BEDTIME, any_of}


def test_form_answers_arrive_as_text_and_are_normalised() -> None:
    middle = (LEAST + MOST) // 2
    [any_of, *_] = [q for q in questions_of_kind("any_of") if len(regular_values(q)) >= 2]
    first, second = regular_values(any_of)[:2]
    one_box = questions_of_kind("any_of")[-1]
    plan = build_plan(
        base_answers(
            **{
                MINUTES_AVAILABLE: f" 0{middle} ",
                BEDTIME: "7:05",
                any_of: [second, first, first],
                START_DATE: " 2026-03-01 ",
            }
        ),
        data=ENGINE_DATA,
    )
    checked = plan["answers"]
    assert checked[MINUTES_AVAILABLE] == middle
    assert checked[BEDTIME] == "07:05"
    assert checked[any_of] == [first, second]  # questionnaire order, once each
    assert checked[START_DATE] == "2026-03-01"
    ticked = regular_values(one_box)[0]
    alone = build_plan(base_answers(**{one_box: ticked}), data=ENGINE_DATA)  # one ticked box
    assert alone["answers"][one_box] == [ticked]


def test_a_dotted_bedtime_is_read_as_a_time() -> None:
    plan = build_plan(base_answers(**{BEDTIME: "22.45"}), data=ENGINE_DATA)
    assert plan["answers"][BEDTIME] == "22:45"


def test_an_empty_optional_answer_is_fine() -> None:
    plan = build_plan(base_answers(**{START_DATE: ""}), data=ENGINE_DATA)
    assert plan["answers"][START_DATE] is None


def test_true_is_not_a_number_of_minutes_even_where_1_would_be_allowed() -> None:
    data = copy.deepcopy(ENGINE_DATA)
    for question in data["questionnaire"]["questions"]:
        if question["id"] == MINUTES_AVAILABLE:
            question["min"] = 1
    plan = build_plan(base_answers(**{MINUTES_AVAILABLE: 1}), data=data)
    assert plan["weeks"][0]["minutes"] == 1
    with pytest.raises(AnswersError) as raised:
        build_plan(base_answers(**{MINUTES_AVAILABLE: True}), data=data)
    assert set(raised.value.errors) == {MINUTES_AVAILABLE}
