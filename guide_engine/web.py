"""The browser's entry point: the plan builder's Web Worker calls ``respond`` through Pyodide.

JSON text in, JSON text out, and it never raises: a worker that gets an exception instead of
an answer leaves the page waiting, so anything unexpected becomes ``{"ok": false, "error"}``.

Requests:
- ``{"action": "plan", "answers": {...}}`` -> ``{"ok": true, "plan", "html", "text", "ics"}``
  (``ics`` is null when the plan has no calendar; ``plan.calendar.note`` says why), or
  ``{"ok": false, "errors": {question_id: message}}`` for answers that cannot make a plan.
- ``{"action": "questionnaire"}`` -> ``{"ok": true, "questionnaire": {...}}``
- ``{"action": "ping"}`` -> ``{"ok": true, "engine": version, "questions": count}``
- ``{"action": "diary", "answers": {...}, "entries": [...]}`` (or ``"csv": text`` instead of
  ``entries``, to import a file) -> ``{"ok": true, "report", "html", "text", "csv",
  "entries", "preview"}``, or ``{"ok": false, "errors": {key: message}}`` where a key is a
  question id, ``entries/<index>/<field>`` or ``csv/<row>/<column>``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

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


def respond(request_json: str, *, data: Mapping[str, Any] | None = None) -> str:
    try:
        response = _respond(json.loads(request_json), data)
    except Exception as problem:  # the one place that must catch everything
        response = {"ok": False, "error": f"{type(problem).__name__}: {problem}"}
    return json.dumps(response, sort_keys=True, ensure_ascii=False)


def _respond(request: object, data: Mapping[str, Any] | None) -> dict[str, Any]:
    if not isinstance(request, dict):
        return {"ok": False, "error": "The request must be a JSON object with an 'action'."}
    action = request.get("action")
    if action == "plan":
        return _plan(request.get("answers"), data)
    if action == "questionnaire":
        return {"ok": True, "questionnaire": questionnaire(data=data)}
    if action == "diary":
        return _diary(request, data)
    if action == "ping":
        count = len(questionnaire(data=data)["questions"])
        return {"ok": True, "engine": __version__, "questions": count}
    return {
        "ok": False,
        "error": f"Unknown action {action!r}; expected 'plan', 'questionnaire', 'diary' or 'ping'.",
    }


def _plan(answers: object, data: Mapping[str, Any] | None) -> dict[str, Any]:
    try:
        plan = build_plan(answers, data=data)
    except AnswersError as problem:
        return {"ok": False, "errors": problem.errors}
    return {
        "ok": True,
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
            return {"ok": False, "errors": errors}
        entries, preview = imported.entries, imported.preview()
    try:
        report = diary_report(request.get("answers"), entries, data=data)
    except (AnswersError, DiaryError) as problem:
        return {"ok": False, "errors": problem.errors}
    checked_entries = [night["entry"] for night in report["nights"]]
    return {
        "ok": True,
        "report": report,
        "html": render_diary_html(report, data=data),
        "text": render_diary_text(report, data=data),
        "csv": export_csv(checked_entries, diary),
        "entries": checked_entries,
        "preview": preview,
    }
