"""`guide_engine.web.respond`: the Web Worker's JSON-in, JSON-out entry point."""

from __future__ import annotations

import json
from typing import Any

import icalendar
import pytest

from guide_engine import __version__
from guide_engine.contract import MINUTES_AVAILABLE, START_DATE
from guide_engine.web import respond
from tests.engine.support import MOST, QUESTIONS, WEEKS, base_answers, message


def ask(request: Any) -> dict[str, Any]:
    return json.loads(respond(json.dumps(request)))


def test_ping_reports_the_engine_and_question_count() -> None:
    assert ask({"action": "ping"}) == {
        "ok": True,
        "engine": __version__,
        "questions": len(QUESTIONS),
    }


def test_a_plan_comes_with_html_text_and_ics() -> None:
    form = {
        key: str(value) if not isinstance(value, list) else value
        for key, value in base_answers().items()
    }
    response = ask({"action": "plan", "answers": {**form, START_DATE: "2026-03-01"}})
    assert response["ok"] is True
    assert response["plan"]["answers"][MINUTES_AVAILABLE] == int(form[MINUTES_AVAILABLE])
    assert response["html"].startswith("<section")
    assert response["text"].startswith("# ")
    assert len(icalendar.Calendar.from_ical(response["ics"]).walk("VEVENT")) == WEEKS


def test_without_a_calendar_ics_is_null_and_the_plan_says_why() -> None:
    response = ask({"action": "plan", "answers": base_answers(**{START_DATE: None})})
    assert response["ics"] is None
    assert response["plan"]["calendar"]["note"]


def test_invalid_answers_come_back_as_errors_by_question() -> None:
    answers = base_answers(**{MINUTES_AVAILABLE: str(MOST + 1)})
    assert ask({"action": "plan", "answers": answers}) == {
        "ok": False,
        "errors": {MINUTES_AVAILABLE: message(MINUTES_AVAILABLE, "invalid")},
    }


def test_the_questionnaire_can_be_asked_for() -> None:
    response = ask({"action": "questionnaire"})
    assert [q["id"] for q in response["questionnaire"]["questions"]] == list(QUESTIONS)


@pytest.mark.parametrize(
    "request_json",
    ["", "not json", "[]", "null", '{"action": "dance"}', '{"answers": {}}', "[" * 100_000],
)
def test_anything_else_is_an_error_response_never_an_exception(request_json: str) -> None:
    response = json.loads(respond(request_json))
    assert response["ok"] is False and response["error"]


def test_a_missing_engine_data_file_becomes_an_error_response(monkeypatch) -> None:
    import guide_engine.plan as plan_module

    def missing() -> dict:
        raise RuntimeError("guide_engine/data/engine.json is missing: run `make build`")

    monkeypatch.setattr(plan_module, "packaged_data", missing)
    response = ask({"action": "ping"})
    assert response == {
        "ok": False,
        "error": "RuntimeError: guide_engine/data/engine.json is missing: run `make build`",
    }
