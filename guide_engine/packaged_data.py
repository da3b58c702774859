"""Find and check the engine data: the questionnaire and plan rules, compiled from content/.

The data is never part of the source tree. The site's build stages it into the engine's wheel
(``guide_engine/data/engine.json`` inside the package, where Pyodide and an installed wheel find
it); on a development checkout, point ``GUIDE_ENGINE_DATA`` at a file that
``python -m guide_site engine-data FILE`` wrote, or pass ``data=`` to the functions.
"""

from __future__ import annotations

import json
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from guide_engine.contract import DATA_FORMAT

EngineData = dict[str, Any]

DATA_FILE_VARIABLE = "GUIDE_ENGINE_DATA"
_HOW_TO_MAKE = (
    "write it with `python -m guide_site engine-data FILE` and set GUIDE_ENGINE_DATA=FILE, "
    "or install the engine wheel a site build makes"
)


@cache
def packaged_data() -> EngineData:
    """The engine data from ``$GUIDE_ENGINE_DATA``, else the package's own copy; read once."""
    override = os.environ.get(DATA_FILE_VARIABLE)
    if override:
        where = override
        try:
            text = Path(override).read_text(encoding="utf-8")
        except OSError as problem:
            raise RuntimeError(
                f"{DATA_FILE_VARIABLE}={override}: cannot read it ({problem.strerror})"
            ) from None
    else:
        where = "guide_engine/data/engine.json"
        try:
            text = (resources.files("guide_engine") / "data" / "engine.json").read_text("utf-8")
        except FileNotFoundError:
            raise RuntimeError(f"no engine data ({where} is missing): {_HOW_TO_MAKE}") from None
    try:
        data = json.loads(text)
    except ValueError as problem:
        raise RuntimeError(f"{where} is damaged ({problem}): {_HOW_TO_MAKE}") from None
    return checked(data)


def checked(data: Any) -> EngineData:
    """``data`` itself, once it looks like engine data of the format this engine reads."""
    if not isinstance(data, dict) or data.get("format") != DATA_FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise RuntimeError(
            f"engine data has format {found!r}, this engine reads format {DATA_FORMAT}: "
            f"{_HOW_TO_MAKE}"
        )
    return data
