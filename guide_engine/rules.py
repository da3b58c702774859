"""When does a content rule apply? One small matcher shared by every kind of rule.

A rule may say ``when: {question_id: [values]}`` (applies if ANY listed answer was given) and
``levels: [...]`` (applies only at those safety levels). Without either, it applies to everyone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def applies(rule: Mapping[str, Any], answers: Mapping[str, Any], level: str | None = None) -> bool:
    levels = rule.get("levels")
    if levels is not None and level not in levels:
        return False
    when = rule.get("when")
    if when is None:
        return True
    return any(_gave_any(answers.get(question_id), values) for question_id, values in when.items())


def _gave_any(answer: Any, values: list[str]) -> bool:
    if isinstance(answer, list):
        return any(value in values for value in answer)
    return answer in values


def fill(template: str, **values: object) -> str:
    """Replace ``{name}`` placeholders; unlike str.format, other braces in content are safe."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template
