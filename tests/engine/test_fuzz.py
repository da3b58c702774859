"""Fuzzed bad input only ever gives the validation error (and exit code 2 on the command line)."""

from __future__ import annotations

import contextlib
import io
import json
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guide_engine import AnswersError, build_plan, cli
from guide_engine.contract import BEDTIME
from guide_engine.web import respond
from tests.engine.support import (
    ENGINE_DATA,
    QUESTIONS,
    base_answers,
    engine_settings,
    exclusive_value,
    regular_values,
    valid_answers,
)

REQUIRED = [question_id for question_id, question in QUESTIONS.items() if question["required"]]
WITH_NONE = [
    question_id
    for question_id in QUESTIONS
    if QUESTIONS[question_id]["kind"] == "any_of" and exclusive_value(question_id) is not None
]

ODD_STRINGS = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=5),
    st.sampled_from(
        ["", " ", "\x00", "\n", "٢٢:٣٠", "22:30\n22:30", "9" * 10_000, "x" * 100_000, "none",
         "24:00", "-1", "1e3", "0x10", "NaN", "  7  ", "2026-02-29", "{}", "[]", "None"]
    ),
)  # fmt: skip
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ODD_STRINGS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=10,
)


def _is_valid_for(question_id: str, value: Any) -> bool:
    """Whether a replacement value happens to be a valid answer (then it is not a mutation)."""
    try:
        build_plan({**base_answers(), question_id: value}, data=ENGINE_DATA)
    except AnswersError:
        return False
    return True


@st.composite
def invalid_answers(draw: st.DrawFn) -> tuple[dict[str, Any], set[str]]:
    """Valid answers with one or more things broken, and the ids that must be reported."""
    given_answers = dict(draw(valid_answers()))
    broken: set[str] = set()
    for _ in range(draw(st.integers(1, 3))):
        mutation = draw(st.sampled_from(["drop", "replace", "unknown_id", "conflict"]))
        if mutation == "drop":
            question_id = draw(st.sampled_from(REQUIRED))
            given_answers.pop(question_id, None)
        elif mutation == "replace":
            question_id = draw(st.sampled_from(sorted(QUESTIONS)))
            value = draw(JSON_VALUES.filter(lambda v, q=question_id: not _is_valid_for(q, v)))
            given_answers[question_id] = value
        elif mutation == "unknown_id":
            question_id = draw(st.text(max_size=30).filter(lambda key: key not in QUESTIONS))
            given_answers[question_id] = draw(JSON_VALUES)
        else:
            question_id = draw(st.sampled_from(WITH_NONE))
            other = draw(st.sampled_from(regular_values(question_id)))
            given_answers[question_id] = [exclusive_value(question_id), other]
        broken.add(question_id)
    return given_answers, broken


@engine_settings
@given(invalid_answers())
def test_broken_answers_only_ever_raise_the_validation_error(case: tuple[dict, set]) -> None:
    given_answers, broken = case
    with pytest.raises(AnswersError) as raised:
        build_plan(given_answers, data=ENGINE_DATA)
    errors = raised.value.errors
    assert broken <= set(errors)
    assert all(isinstance(message, str) and message for message in errors.values())


@engine_settings
@given(JSON_VALUES)
def test_any_json_value_gives_a_plan_or_the_validation_error(value: Any) -> None:
    try:
        plan = build_plan(value, data=ENGINE_DATA)
    except AnswersError as problem:
        assert problem.errors
    else:
        assert plan["safety"]["level"] in {"ok", "caution", "consult_first"}


@engine_settings
@given(
    st.one_of(
        st.text(),
        JSON_VALUES.map(json.dumps),
        invalid_answers().map(lambda case: json.dumps({"action": "plan", "answers": case[0]})),
    )
)
def test_the_browser_entry_point_never_raises(request_json: str) -> None:
    response = json.loads(respond(request_json, data=ENGINE_DATA))
    assert isinstance(response, dict) and isinstance(response["ok"], bool)
    if not response["ok"]:
        assert response.get("errors") or response.get("error")


@engine_settings
@given(invalid_answers())
def test_the_cli_exits_2_with_one_line_per_problem(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[dict, set]
) -> None:
    given_answers, _broken = case
    path = tmp_path_factory.mktemp("answers") / "answers.json"
    path.write_text(json.dumps(given_answers), encoding="utf-8")
    code, stderr = _run_cli(["plan", str(path)])
    assert code == 2
    lines = stderr.splitlines()
    with pytest.raises(AnswersError) as raised:
        build_plan(given_answers)
    assert len(lines) == len(raised.value.errors)
    assert all(re.fullmatch(r"[^\n]*: [A-Z][^\n]*", line) for line in lines)
    assert "Traceback" not in stderr


def _run_cli(argv: list[str]) -> tuple[int, str]:
    stdout, stderr = io.BytesIO(), io.StringIO()
    fake_stdout = io.TextIOWrapper(stdout, encoding="utf-8")
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(fake_stdout):
        code = cli.main(argv)
    return code, stderr.getvalue()


def test_fuzz_helpers_see_a_valid_base() -> None:
    assert _is_valid_for(BEDTIME, "22:30")
    assert not _is_valid_for(BEDTIME, "22:61")
