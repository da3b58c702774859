"""The safety check: which level a person is at, and why.

- consult_first: no mat schedule at all; what to ask a health professional instead.
- caution: a gentler plan with care notes.
- ok: everyone else.
The rules are content (precautions.yml levels and plan.yml safety_rules); the highest level any
matching rule gives wins, so adding a rule can only make a plan more careful.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from guide_engine.advice import advice
from guide_engine.links import why
from guide_engine.rules import applies, fill

LEVELS = ("ok", "caution", "consult_first")  # from least to most careful


def safety_level(answers: Mapping[str, Any], data: Mapping[str, Any]) -> str:
    matched = [rule["level"] for rule in data["safety_rules"] if applies(rule, answers)]
    return max(matched, key=LEVELS.index, default="ok")


def safety_check(answers: Mapping[str, Any], data: Mapping[str, Any]) -> dict[str, Any]:
    level = safety_level(answers, data)
    matched = [rule for rule in data["safety_rules"] if applies(rule, answers)]
    # Most serious reasons first; content order otherwise (sorted() is stable).
    matched = sorted(matched, key=lambda rule: -LEVELS.index(rule["level"]))
    wording = data["levels"][level]
    return {
        "level": level,
        "headline": wording["headline"],
        "summary": fill(wording["summary"], ceiling=wording.get("ceiling_minutes", "")),
        "reasons": [
            {
                "id": rule["id"],
                "level": rule["level"],
                "text": rule["reason"],
                "why": why(rule["why"]),
            }
            for rule in matched
        ],
        "care_notes": advice(data["care_notes"], answers, level),
        "ask_professional": [
            item["text"] for item in data["ask_professional"] if applies(item, answers)
        ]
        if level == "consult_first"
        else [],
    }
