"""Compile checked content into the data the guide engine carries (``engine.json``).

The engine is stdlib-only and runs in the browser, so it cannot read YAML: this module resolves
``options_from``, turns each health condition of precautions.yml into a safety rule, fills
message placeholders and words the questions for a professional once. It expects content that
passed the checks (:func:`guide_site.pipeline.check_content`); it checks nothing itself.
"""

from __future__ import annotations

import copy
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from guide_engine.contract import CONDITIONS_SOURCE, DATA_FORMAT
from guide_site.diary_data import diary_part

EngineData = dict[str, Any]

PRECAUTION_LEVELS = {"ask_first": "consult_first", "take_care": "caution"}
"""A condition's level in precautions.yml -> the safety level it gives in the engine."""


def build_engine_data(content: Mapping[str, Any]) -> EngineData:
    """The JSON-ready engine data for checked content (file stem -> parsed YAML)."""
    plan = copy.deepcopy(dict(content["plan"]))
    precautions = content["precautions"]
    condition_rules = _condition_rules(
        content["questionnaire"], precautions, plan.pop("condition_why")
    )
    return {
        **plan,
        "format": DATA_FORMAT,
        "questionnaire": _resolve_questionnaire(content["questionnaire"], precautions),
        "safety_rules": condition_rules + plan["safety_rules"],
        "ask_professional": _ask_professional(plan["ask_professional"], precautions),
        "stop_rules": copy.deepcopy(precautions["stop_rules"]),
        "diary": diary_part(content),
    }


def engine_json(data: Mapping[str, Any]) -> str:
    """The file's text: sorted keys and a final newline, so identical content gives equal bytes."""
    return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def write_engine_json(data: Mapping[str, Any], target: Path) -> Path:
    """Write engine data to ``target``; leave the file untouched when nothing changed."""
    text = engine_json(data)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return target
    # Write then rename, so a test or a build reading the file never sees half of it.
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".engine-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def conditions_question(questionnaire: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The question whose answers are the conditions of precautions.yml (checked to be one)."""
    asking = [q for q in questionnaire["questions"] if q.get("options_from") == CONDITIONS_SOURCE]
    return asking[0] if asking else None


def _resolve_questionnaire(
    source: Mapping[str, Any], precautions: Mapping[str, Any]
) -> dict[str, Any]:
    questions = []
    for question in source["questions"]:
        resolved = copy.deepcopy(dict(question))
        resolved.setdefault("required", True)
        if resolved.pop("options_from", None) == CONDITIONS_SOURCE:
            resolved["options"] = [
                {"value": item["id"], "label": item["label"], "hint": item["hint"]}
                for item in precautions["conditions"]
            ]
        if "none_option" in resolved:
            none_option = resolved.pop("none_option")
            resolved["options"].append({**none_option, "exclusive": True})
        for option in resolved.get("options", []):
            option.setdefault("exclusive", False)
        limits = {"{min}": resolved.get("min"), "{max}": resolved.get("max")}
        for kind, message in resolved["errors"].items():
            for placeholder, value in limits.items():
                if value is not None:
                    message = message.replace(placeholder, str(value))
            resolved["errors"][kind] = message
        questions.append(resolved)
    return {"questions": questions, "unknown_question_error": source["unknown_question_error"]}


def _condition_rules(
    source: Mapping[str, Any], precautions: Mapping[str, Any], condition_why: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """One safety rule per health condition: one source of truth for who should ask first."""
    asking = conditions_question(source)
    assert asking is not None, "checked content has a question asking about the conditions"
    return [
        {
            "id": condition["id"],
            "when": {asking["id"]: [condition["id"]]},
            "level": PRECAUTION_LEVELS[condition["level"]],
            "reason": condition["reason"],
            "why": copy.deepcopy(condition_why[condition["level"]]),
        }
        for condition in precautions["conditions"]
    ]


def _ask_professional(
    chosen: list[Mapping[str, Any]], precautions: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """The questions for a health professional, worded once, in precautions.yml."""
    texts = {item["id"]: item["text"] for item in precautions.get("ask_a_professional", [])}
    return [{**copy.deepcopy(dict(item)), "text": texts[item["id"]]} for item in chosen]
