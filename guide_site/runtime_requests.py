"""The requests the build sends the engine while it makes, and then checks, the browser runtime.

Whatever the engine imports on some path only shows when that path runs, so these requests take
every path the browser can: each action, each example plan, each answer of each question on its
own, plans with and without a calendar, four-week diaries (every answer of every diary field, a
stop sign, a fair test, a CSV file imported), rejected answers and entries, and malformed
requests. They come from the content (the questionnaire, the diary's fields, the examples) and
the engine's own diary format, never from a list kept by hand.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from guide_engine.diary.fields import MAT_NOT_USED, MAT_USED, WITH_THE_MAT
from guide_engine.web import respond

# Values no question accepts, one per kind of question, so each kind's error path runs too.
_WRONG = {"one_of": "no-such-answer", "any_of": ["no-such-answer"], "time": "25:99",
          "whole_number": "many", "date": "2026-02-30"}  # fmt: skip
_FALLBACK = {"time": "22:30", "date": "2026-03-01"}
_NIGHTS = 28
_THROUGH_THE_NIGHT = ("22:30", "23:00", "06:30", "06:45", "07:00")
"""Times for a diary's time fields, in the order it asks them: bed, sleep, waking, getting up."""


def _base_answers(questions: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """A plain set of answers built from the questionnaire itself: the first of every choice."""
    answers: dict[str, Any] = {}
    for question in questions:
        kind, options = question["kind"], question.get("options", [])
        if kind == "one_of":
            answers[question["id"]] = options[0]["value"]
        elif kind == "any_of":
            answers[question["id"]] = [options[-1]["value"]]
        elif kind == "whole_number":
            answers[question["id"]] = str(question.get("min", 1))
        elif kind in _FALLBACK:
            answers[question["id"]] = _FALLBACK[kind]
    return answers


def _each_answer(question: Mapping[str, Any]) -> Iterator[Any]:
    kind, options = question["kind"], question.get("options", [])
    if kind == "one_of":
        yield from (option["value"] for option in options)
    elif kind == "any_of":
        yield from ([option["value"]] for option in options)
        yield [option["value"] for option in options if not option.get("exclusive")]
    elif kind == "whole_number":
        yield from {str(question.get("min", 1)), str(question.get("max", 60))}
    elif kind == "time":
        yield from ("00:15", "12:00", "23:59")
    elif kind == "date":  # a start date: the plan gets a calendar
        yield from ("2026-03-01", "2026-12-31")
    yield _WRONG.get(kind)


def engine_requests(
    engine_data: Mapping[str, Any], examples: Sequence[Mapping[str, Any]] = ()
) -> list[str]:
    """Request texts, as the browser's worker sends them, covering every path of the engine."""
    questions = engine_data["questionnaire"]["questions"]
    bases = [dict(example["answers"]) for example in examples] or [_base_answers(questions)]
    answer_sets: list[dict[str, Any]] = [*bases, {}]
    for question in questions:
        for value in _each_answer(question):
            answer_sets.append({**bases[0], question["id"]: value})
        without = {k: v for k, v in bases[0].items() if k != question["id"]}
        answer_sets.append(without)
    requests: list[Any] = [{"action": "ping"}, {"action": "questionnaire"}]
    requests += [{"action": "plan", "answers": answers} for answers in answer_sets]
    requests += [{"action": "validate", "answers": answers} for answers in answer_sets[:3]]
    if "diary" in engine_data:
        requests += _diary_requests(engine_data, bases[0], questions)
    requests += [{"action": "plan", "answers": "not answers"}, {"action": "no-such-action"}, []]
    texts = [json.dumps(request, sort_keys=True) for request in requests]
    return [*texts, "not JSON at all"]


def _diary_entry(
    fields: Sequence[Mapping[str, Any]], night: int, start: date, *, quiet: bool = False
) -> dict[str, Any]:
    """One night's entry: each field's answers in turn over the nights, a stop sign on one;
    ``quiet``: the mat used every evening with no stop sign."""
    entry: dict[str, Any] = {}
    times = iter(_THROUGH_THE_NIGHT)
    for place, field in enumerate(fields):
        kind, options = field["kind"], [o["value"] for o in field.get("options", [])]
        if kind == "date":
            entry[field["id"]] = (start + timedelta(days=night)).isoformat()
        elif kind == "one_of":
            entry[field["id"]] = options[(night + place) % len(options)]
        elif kind == "any_of":
            entry[field["id"]] = options[:1] if night == _NIGHTS // 2 and not quiet else []
        elif kind == "whole_number":  # above the minimum: a night awake 0 times has 0 minutes
            low, high = field.get("min", 0), field.get("max", 60)
            entry[field["id"]] = low + 1 + (night * 7 + place) % max(1, min(high, low + 60) - low)
        elif kind == "time":
            entry[field["id"]] = next(times)
    if quiet:
        entry["mat_used"] = MAT_USED
    if entry.get("mat_used") == MAT_NOT_USED:
        for name in WITH_THE_MAT:
            entry.pop(name, None)
    return entry


def _diary_requests(
    engine_data: Mapping[str, Any], base: Mapping[str, Any], questions: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    fields = engine_data["diary"]["fields"]
    start = date(2026, 3, 2)
    answers = {**base, "start_date": start.isoformat()}
    kinds = [q for q in questions if q["id"] == "plan_kind"]
    fair = {**answers, "plan_kind": "fair_test", "fair_test_seed": 7} if kinds else answers
    every = [_diary_entry(fields, night, start) for night in range(_NIGHTS)]
    quiet = [_diary_entry(fields, night, start, quiet=True) for night in range(_NIGHTS)]
    requests = [
        {"action": "diary", "answers": fair, "entries": every},
        {"action": "diary", "answers": answers, "entries": quiet},
        {"action": "diary", "answers": fair, "entries": quiet},
        {"action": "diary", "answers": answers, "entries": list(reversed(every[:5]))},
        {"action": "diary", "answers": fair, "entries": [{"night": "2026-02-30", "x": 1}]},
        {"action": "diary", "answers": "not answers", "entries": every},
        {"action": "diary", "answers": fair, "csv": "night,sol_minutes\r\nsoon,ten\r\n"},
    ]
    # A file as the engine itself writes one, to take the import path too.
    reply = json.loads(respond(json.dumps(requests[0]), data=engine_data))
    exported = (reply.get("result") or {}).get("csv")
    if isinstance(exported, str):
        requests.append({"action": "diary", "answers": fair, "csv": exported})
    return requests
