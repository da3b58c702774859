"""Check raw answers against the questionnaire and put them in one canonical form.

Answers come from a browser form (everything is text; checkboxes give lists), from a YAML or
JSON file, or from Python. Each is accepted in its natural form and normalised:
one_of -> str, any_of -> list[str] in the questionnaire's order, time -> "HH:MM",
whole_number -> int, date -> "YYYY-MM-DD" (None when an optional question is left empty).
Anything else becomes one message per question, never another exception.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from guide_engine.clock import format_time, parse_time
from guide_engine.contract import LARGEST_WHOLE_NUMBER
from guide_engine.errors import AnswersError
from guide_engine.rules import applies

Answers = dict[str, Any]
Question = Mapping[str, Any]

_WHOLE_NUMBER = re.compile(rf"[0-9]{{1,{len(str(LARGEST_WHOLE_NUMBER))}}}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Calendars need real dates; these bounds keep date arithmetic away from year 1 and 9999.
_EARLIEST_DATE = date(2000, 1, 1)
_LATEST_DATE = date(2999, 12, 31)


class _Problem(Exception):
    """Which of the question's messages applies: "missing", "invalid" or "conflict"."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def validate_answers(raw: object, questionnaire: Mapping[str, Any]) -> Answers:
    """The normalised answers, or AnswersError with one message per question at fault.

    Anything other than a mapping counts as no answers at all, so each question says what it
    needs.
    """
    given: Mapping[Any, Any] = raw if isinstance(raw, Mapping) else {}
    questions = questionnaire["questions"]
    known = {question["id"] for question in questions}
    errors = {
        str(key): questionnaire["unknown_question_error"] for key in given if key not in known
    }
    answers: Answers = {}
    for question in questions:
        try:
            answers[question["id"]] = _answer(question, given.get(question["id"]))
        except _Problem as problem:
            errors[question["id"]] = _message(question, problem.kind)
    for question in questions:  # after every answer is parsed: the conditions read them
        if answers.get(question["id"]) is None and _required_now(question, answers, errors):
            errors[question["id"]] = _message(question, "missing")
    if errors:
        raise AnswersError(errors)
    return answers


def _required_now(question: Question, answers: Answers, errors: Mapping[str, str]) -> bool:
    """An optional question that another answer makes necessary (``required_when``)."""
    if question["id"] in errors:
        return False
    when = question.get("required_when")
    return when is not None and applies({"when": when}, answers)


def _answer(question: Question, value: object) -> Any:
    if _is_blank(value):
        if question.get("required", True):
            raise _Problem("missing")
        return None
    return _PARSERS[question["kind"]](question, value)


def _is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list | tuple) and not value


def _message(question: Question, kind: str) -> str:
    """The question's own message for this problem, falling back to its nearest relative."""
    errors = question["errors"]
    fallbacks = {"missing": ("missing", "invalid"), "invalid": ("invalid", "missing")}
    for candidate in fallbacks.get(kind, (kind, "invalid", "missing")):
        if candidate in errors:
            return str(errors[candidate])
    raise RuntimeError(f"question '{question['id']}' has no error messages")  # build prevents it


def _one_of(question: Question, value: object) -> str:
    if isinstance(value, str) and value in _values(question):
        return value
    raise _Problem("invalid")


def _any_of(question: Question, value: object) -> list[str]:
    chosen = [value] if isinstance(value, str) else value  # one ticked box may come as text
    if not isinstance(chosen, list | tuple) or not all(isinstance(item, str) for item in chosen):
        raise _Problem("invalid")
    values = _values(question)
    if any(item not in values for item in chosen):
        raise _Problem("invalid")
    exclusive = {o["value"] for o in question["options"] if o.get("exclusive")}
    if len(set(chosen)) > 1 and exclusive & set(chosen):
        raise _Problem("conflict")
    return [option for option in values if option in chosen]


def _time(_question: Question, value: object) -> str:
    minutes = parse_time(value) if isinstance(value, str) else None
    if minutes is None:
        raise _Problem("invalid")
    return format_time(minutes)


def _whole_number(question: Question, value: object) -> int:
    if isinstance(value, str) and _WHOLE_NUMBER.fullmatch(value.strip()):
        number = int(value.strip())
    elif isinstance(value, int) and not isinstance(value, bool):  # True is an int in Python
        number = value
    else:
        raise _Problem("invalid")
    if not question["min"] <= number <= question["max"]:
        raise _Problem("invalid")
    return number


def _date(_question: Question, value: object) -> str:
    if not isinstance(value, str) or not _DATE.fullmatch(value.strip()):
        raise _Problem("invalid")
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise _Problem("invalid") from None
    if not _EARLIEST_DATE <= day <= _LATEST_DATE:
        raise _Problem("invalid")
    return day.isoformat()


def _values(question: Question) -> list[str]:
    return [option["value"] for option in question["options"]]


_PARSERS: dict[str, Callable[[Question, object], Any]] = {
    "one_of": _one_of,
    "any_of": _any_of,
    "time": _time,
    "whole_number": _whole_number,
    "date": _date,
}
