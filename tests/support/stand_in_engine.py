"""The engine behind the tests' stand-in worker: ``guide_engine.web.respond`` run by CPython.

It answers with the engine data that the built site ships to the browser (read from the engine
archive in the site's Pyodide folder), so the stand-in and real Pyodide answer the same
questions the same way; tests/pyodide checks that the engine itself gives the same answers in both.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from guide_engine.web import respond

ENGINE_DATA_MEMBER = "guide_engine/data/engine.json"
STAND_IN_WORKER = Path(__file__).with_name("stand-in-worker.mjs")
WORKER_PATH = "assets/javascripts/guide/engine-worker.mjs"
"""The real worker's path in the site; the stand-in is served there instead."""
ENDPOINT_PATH = "__stand-in-engine__"
"""Where the stand-in worker posts its requests, relative to the site root."""


def shipped_engine_data(site_dir: Path) -> dict[str, Any]:
    """The engine data inside the engine archive the built site gives Pyodide."""
    for archive in sorted((site_dir / "assets" / "pyodide").rglob("*")):
        if not archive.is_file() or not zipfile.is_zipfile(archive):
            continue
        with zipfile.ZipFile(archive) as opened:
            names = [name for name in opened.namelist() if name.endswith(ENGINE_DATA_MEMBER)]
            if names:
                return dict(json.loads(opened.read(names[0])))
    raise FileNotFoundError(f"no archive under {site_dir}/assets/pyodide holds engine data")


class StandInEngine:
    """Answers the stand-in worker's requests as the browser's engine would."""

    def __init__(self, site_dir: Path) -> None:
        self.data = shipped_engine_data(site_dir)

    def __call__(self, request_text: str) -> str:
        return respond(request_text, data=self.data)
