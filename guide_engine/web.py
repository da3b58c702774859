"""The browser's entry point: the plan builder's Web Worker calls ``respond`` through Pyodide.

This docstring is the protocol between the page and the engine, written down once; the worker's
side (overrides/.../guide/engine-protocol.mjs) and the page's (engine-client.mjs) follow it.

JSON text in, JSON text out, and it never raises: a worker that gets an exception instead of a
reply leaves the page waiting, so anything unexpected becomes a reply with an ``error``.

Requests are objects with an ``action``:

- ``{"action": "ping"}``: is the engine there? ``result``: ``{"engine": version, "questions": n}``.
- ``{"action": "questionnaire"}``: ``result``: ``{"questionnaire": {...}}``.
- ``{"action": "validate", "answers": {...}}``: check answers without making a plan (the page's
  check of answers saved under an older questionnaire). ``result``: ``{"answers": {...}}``, the
  answers as the engine reads them.
- ``{"action": "plan", "answers": {...}}``: ``result``: ``{"plan", "html", "text", "ics"}``
  (``ics`` is null when the plan has no calendar; ``plan.calendar.note`` says why).
- ``{"action": "diary", "answers": {...}, "entries": [...]}`` (or ``"csv": text`` instead of
  ``entries``, to import a file): ``result``: ``{"report", "html", "text", "csv", "entries",
  "preview"}`` (``entries``: the checked entries, in night order, to store; ``csv``: their
  export; ``preview``: for an import, ``{nights, first_night, last_night, evenings, mornings,
  problems: []}``, else null). An ``errors`` key is a question id, ``entries/<index>/<field>``,
  ``entries`` (the list as a whole) or ``csv/<row>/<column>`` (1-based, the header being row 1;
  the first problem of each cell). The report's shape is in guide_engine/README.md; its
  ``evenings`` say what the plan has for each evening, for a check-in about any night.

Every reply has the same four keys, whatever the action:

    {"ok": bool, "result": object | null, "errors": {question_id: message}, "error": str | null}

- ``ok`` true: ``result`` holds what was asked for; ``errors`` is empty and ``error`` null.
- Answers the engine cannot use (``validate``, ``plan``, ``diary``): ``ok`` false, ``errors``
  gives the message for each question (or diary field), in the content's own words, to show
  beside its field.
- Anything else (not a request, an unknown action, a fault in the engine): ``ok`` false,
  ``errors`` empty, and ``error`` says what went wrong, for the page to report as a failure.

The worker sends the page ``{"id": n, "reply": reply}`` for the request it sent with id ``n``,
and once, when it has started or failed to, ``{"id": 0, "reply": reply}`` for its own ``ping``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from guide_engine.answers import validate_answers
from guide_engine.diary.csv_file import export_csv, import_csv
from guide_engine.diary.errors import DiaryError
from guide_engine.diary.report import diary_report
from guide_engine.errors import AnswersError
from guide_engine.outputs import (
    render_diary_html,
    render_diary_text,
    render_html,
    render_ics,
    render_text,
)
from guide_engine.packaged_data import checked, packaged_data
from guide_engine.plan import build_plan, questionnaire
from guide_engine.version import __version__

ACTIONS = ("ping", "questionnaire", "validate", "plan", "diary")


def respond(request_json: str, *, data: Mapping[str, Any] | None = None) -> str:
    try:
        reply = _respond(json.loads(request_json), data)
    except (AnswersError, DiaryError) as problem:
        reply = _reply(errors=problem.errors)
    except Exception as problem:  # the one place that must catch everything
        reply = _reply(error=f"{type(problem).__name__}: {problem}")
    return json.dumps(reply, sort_keys=True, ensure_ascii=False)


def _reply(
    result: Mapping[str, Any] | None = None,
    *,
    errors: Mapping[str, str] | None = None,
    error: str | None = None,
) -> dict[str, Any]:
    errors = dict(errors or {})
    ok = result is not None and not errors and error is None
    return {"ok": ok, "result": dict(result) if ok else None, "errors": errors, "error": error}


def _respond(request: object, data: Mapping[str, Any] | None) -> dict[str, Any]:
    if not isinstance(request, dict):
        return _reply(error="The request must be a JSON object with an 'action'.")
    action = request.get("action")
    if action == "ping":
        count = len(questionnaire(data=data)["questions"])
        return _reply({"engine": __version__, "questions": count})
    if action == "questionnaire":
        return _reply({"questionnaire": questionnaire(data=data)})
    if action == "validate":
        checked = validate_answers(request.get("answers"), questionnaire(data=data))
        return _reply({"answers": checked})
    if action == "plan":
        return _reply(_plan(request.get("answers"), data))
    if action == "diary":
        return _diary(request, data)
    expected = ", ".join(repr(name) for name in ACTIONS)
    return _reply(error=f"Unknown action {action!r}; expected one of {expected}.")


def _plan(answers: object, data: Mapping[str, Any] | None) -> dict[str, Any]:
    plan = build_plan(answers, data=data)
    return {
        "plan": plan,
        "html": render_html(plan, data=data),
        "text": render_text(plan, data=data),
        "ics": render_ics(plan, data=data) if plan["calendar"]["available"] else None,
    }


def _diary(request: Mapping[str, Any], data: Mapping[str, Any] | None) -> dict[str, Any]:
    diary = (packaged_data() if data is None else checked(data))["diary"]
    entries: object = request.get("entries")
    preview = None
    if isinstance(request.get("csv"), str):
        imported = import_csv(request["csv"], diary)
        if imported.problems:
            errors: dict[str, str] = {}
            for problem in imported.problems:  # a cell's first problem is the one to fix first
                errors.setdefault(f"csv/{problem.row}/{problem.column}", problem.message)
            return _reply(errors=errors)
        entries, preview = imported.entries, imported.preview()
    report = diary_report(request.get("answers"), entries, data=data)
    checked_entries = [night["entry"] for night in report["nights"]]
    return _reply(
        {
            "report": report,
            "html": render_diary_html(report, data=data),
            "text": render_diary_text(report, data=data),
            "csv": export_csv(checked_entries, diary),
            "entries": checked_entries,
            "preview": preview,
        }
    )
