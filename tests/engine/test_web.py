"""`guide_engine.web.respond`: the Web Worker's JSON-in, JSON-out entry point.

Every reply has one shape (see the module's docstring): these tests check it for every action,
with answers taken from content/examples.yml and messages from the questionnaire.
"""

from __future__ import annotations

import json
from typing import Any

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from guide_engine import __version__
from guide_engine.plan import build_plan
from guide_engine.web import ACTIONS, respond
from tests.support.content import ENGINE_DATA as DATA
from tests.support.content import EXAMPLES, QUESTIONS, example_answers

EXAMPLE = example_answers(next(iter(EXAMPLES)))
REPLY_KEYS = {"ok", "result", "errors", "error"}


def ask(request: Any) -> dict[str, Any]:
    reply = json.loads(respond(json.dumps(request), data=DATA))
    assert set(reply) == REPLY_KEYS, reply  # one shape, whatever happened
    return reply


def beyond_the_limit() -> tuple[dict[str, Any], dict[str, str]]:
    """The example with its minutes past the questionnaire's maximum, and the message for it."""
    minutes = QUESTIONS["minutes_available"]
    message = minutes["errors"]["invalid"].format(min=minutes["min"], max=minutes["max"])
    return {**EXAMPLE, "minutes_available": str(minutes["max"] + 1)}, {"minutes_available": message}


def test_ping_reports_the_engine_and_question_count() -> None:
    assert ask({"action": "ping"}) == {
        "ok": True,
        "result": {"engine": __version__, "questions": len(QUESTIONS)},
        "errors": {},
        "error": None,
    }


def test_a_plan_comes_with_html_text_and_ics() -> None:
    reply = ask({"action": "plan", "answers": {**EXAMPLE, "start_date": "2026-03-01"}})
    assert reply["ok"] is True and reply["errors"] == {} and reply["error"] is None
    result = reply["result"]
    assert result["plan"] == build_plan({**EXAMPLE, "start_date": "2026-03-01"}, data=DATA)
    assert result["html"].startswith("<section")
    assert result["text"].startswith("# ")
    events = icalendar.Calendar.from_ical(result["ics"]).walk("VEVENT")
    assert len(events) == len(result["plan"]["weeks"])


def test_without_a_calendar_ics_is_null_and_the_plan_says_why() -> None:
    result = ask({"action": "plan", "answers": EXAMPLE})["result"]
    assert result["ics"] is None
    assert result["plan"]["calendar"]["note"]


@pytest.mark.parametrize("action", ["plan", "validate"])
def test_invalid_answers_come_back_as_errors_by_question(action: str) -> None:
    answers, expected = beyond_the_limit()
    assert ask({"action": action, "answers": answers}) == {
        "ok": False,
        "result": None,
        "errors": expected,
        "error": None,
    }


def test_validate_gives_the_answers_as_the_engine_reads_them_without_a_plan() -> None:
    reply = ask({"action": "validate", "answers": EXAMPLE})
    assert reply["ok"] is True
    assert reply["result"] == {"answers": build_plan(EXAMPLE, data=DATA)["answers"]}


def test_validate_names_unknown_questions_and_every_missing_one() -> None:
    reply = ask({"action": "validate", "answers": {"favourite_colour": "blue"}})
    required = {qid for qid, question in QUESTIONS.items() if question["required"]}
    assert set(reply["errors"]) == required | {"favourite_colour"}
    assert reply["errors"]["favourite_colour"] == DATA["questionnaire"]["unknown_question_error"]


@given(st.dictionaries(st.sampled_from(sorted(QUESTIONS)), st.text(max_size=8), max_size=4))
def test_validate_and_plan_agree_on_every_set_of_answers(changes: dict[str, str]) -> None:
    """The stale-answers check asks `validate`: it must reject exactly what `plan` rejects."""
    answers = {**EXAMPLE, **changes}
    checked = ask({"action": "validate", "answers": answers})
    planned = ask({"action": "plan", "answers": answers})
    assert checked["ok"] == planned["ok"]
    assert checked["errors"] == planned["errors"]


def test_the_questionnaire_can_be_asked_for() -> None:
    result = ask({"action": "questionnaire"})["result"]
    assert [q["id"] for q in result["questionnaire"]["questions"]] == list(QUESTIONS)


@pytest.mark.parametrize(
    "request_json",
    ["", "not json", "[]", "null", '{"action": "dance"}', '{"answers": {}}', "[" * 100_000],
)
def test_anything_else_is_an_error_reply_never_an_exception(request_json: str) -> None:
    reply = json.loads(respond(request_json, data=DATA))
    assert set(reply) == REPLY_KEYS
    assert reply["ok"] is False and reply["result"] is None and reply["errors"] == {}
    assert reply["error"]


def test_an_unknown_action_is_told_the_actions_there_are() -> None:
    error = ask({"action": "dance"})["error"]
    assert all(repr(action) in error for action in ACTIONS)


def test_damaged_engine_data_becomes_an_error_reply() -> None:
    reply = json.loads(respond('{"action": "ping"}', data={"format": -1}))
    assert reply["ok"] is False and reply["result"] is None
    assert "format" in reply["error"]
