"""The engine gives byte-identical answers in real Pyodide (under Node) and in CPython.

Pyodide runs from the built site's own files (core, site lockfile, engine wheel), offline.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from guide_engine.web import respond

HERE = Path(__file__).parent
ANSWER_FILES = sorted((HERE / "answers").glob("*.json"))


def requests() -> list[dict[str, object]]:
    plans = [
        {"action": "plan", "answers": json.loads(path.read_text(encoding="utf-8"))}
        for path in ANSWER_FILES
    ]
    return [{"action": "ping"}, *plans]


@pytest.fixture(scope="module")
def pyodide_run(built_site: Path) -> dict[str, object]:
    result = subprocess.run(
        ["node", str(HERE / "run_engine.mjs"), str(built_site / "assets" / "pyodide")],
        input=json.dumps(requests()),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_it_really_is_pyodide(pyodide_run: dict[str, object]) -> None:
    assert str(pyodide_run["python"]).startswith("3.14")


def test_every_answer_file_gives_the_same_bytes_in_both(pyodide_run: dict[str, object]) -> None:
    assert len(ANSWER_FILES) >= 4
    expected = [respond(json.dumps(request)) for request in requests()]
    assert pyodide_run["responses"] == expected
    for raw in expected[1:]:
        assert json.loads(raw)["ok"] in (True, False)
