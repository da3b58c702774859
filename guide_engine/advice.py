"""Content advice that applies to a person: care notes, placement, tips and signposts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from guide_engine.links import why
from guide_engine.rules import applies


def advice(
    items: list[Mapping[str, Any]], answers: Mapping[str, Any], level: str
) -> list[dict[str, Any]]:
    """The content items (care notes, placement, tips, signposts) that apply, with their links."""
    return [
        {"id": item["id"], "text": item["text"], "why": why(item["why"])}
        for item in items
        if applies(item, answers, level)
    ]
