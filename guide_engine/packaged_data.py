"""Load the questionnaire and plan rules the engine carries (generated from content/)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

EngineData = dict[str, Any]

DATA_FORMAT = 1
"""Shape of engine.json understood by this engine; guide_site.engine_data writes the same."""

_REBUILD = "run `make build` or `python -m guide_site.engine_data` to generate it from content/"


@cache
def packaged_data() -> EngineData:
    """The engine data shipped in ``guide_engine/data/engine.json``, read once."""
    resource = resources.files("guide_engine") / "data" / "engine.json"
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuntimeError(f"guide_engine/data/engine.json is missing: {_REBUILD}") from None
    try:
        data = json.loads(text)
    except ValueError as problem:
        raise RuntimeError(
            f"guide_engine/data/engine.json is damaged ({problem}): {_REBUILD}"
        ) from None
    return checked(data)


def checked(data: Any) -> EngineData:
    """``data`` itself, once it looks like engine data of the format this engine reads."""
    if not isinstance(data, dict) or data.get("format") != DATA_FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise RuntimeError(
            f"engine data has format {found!r}, this engine reads format {DATA_FORMAT}: {_REBUILD}"
        )
    return data
