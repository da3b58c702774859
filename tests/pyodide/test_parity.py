"""The engine gives byte-identical answers in real Pyodide (under Node) and in CPython.

Pyodide runs from the built site's own files (its core, the trimmed precompiled standard library,
the engine zip), started by the site's own engine-boot.mjs, offline, so a pass here means the
browser gets this very engine on this very runtime.
"""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path
from typing import Any

import pytest

from guide_engine.contract import BEDTIME, START_DATE
from guide_engine.diary.csv_file import export_csv
from guide_engine.diary.entries import check_entries
from guide_engine.web import respond
from guide_site.runtime_requests import engine_requests
from tests.engine.diary.support import (
    DIARY,
    consult_first_condition,
    entry,
    evening,
    fair_test_answers,
    morning,
    plan_answers,
)
from tests.engine.support import (
    CONDITIONS,
    CONTENT,
    ENGINE_DATA,
    EXAMPLES,
    example_answers,
    exclusive_value,
    questions_of_kind,
    random_answers,
    regular_values,
)

RUNNER = Path(__file__).with_name("run_engine.mjs")


def example_answer_sets() -> list[dict[str, Any]]:
    """Each example of content/examples.yml, as it is and with a start date (a calendar)."""
    return [
        example_answers(example_id, **changes)
        for example_id in EXAMPLES
        for changes in ({}, {START_DATE: "2026-03-01"})
    ]


def generated_answer_sets(count: int) -> list[dict[str, Any]]:
    """A fixed, varied sample drawn from the questionnaire (seeded, so a failure repeats)."""
    rng = random.Random(20_261_124)
    return [random_answers(rng) for _ in range(count)]


def invalid_answers() -> dict[str, Any]:
    """Three kinds of mistake at once: no such option, 'none' with another, no such time."""
    one_of = questions_of_kind("one_of")[0]
    return {
        one_of: "not_an_option",
        CONDITIONS: [exclusive_value(CONDITIONS), regular_values(CONDITIONS)[0]],
        BEDTIME: "25:99",
    }


def diary_requests() -> list[dict[str, Any]]:
    """Diaries of every kind: a full fair test, a stop sign, missed nights, no mat, bad entries,
    a CSV file."""
    rng = random.Random(1642)
    full = [
        entry(
            offset,
            evening(used=rng.random() < 0.6, effect=rng.choice(["increase", "hold"])),
            morning(
                sol=rng.randint(0, 90),
                score=rng.randint(1, 5),
                tried="00:15",
                final="07:00",
                out="07:10",
            ),
        )
        for offset in range(28)
        if rng.random() < 0.9
    ]
    sign = DIARY["stop_signs"][0]["id"]
    stopped = [*full[:10], entry(11, evening(stop=(sign,)), morning()), *full[12:]]
    fair, plain = fair_test_answers(seed=777), plan_answers()
    # Missed nights: a sign to stop, then a gap; a night before the start, a gap, one past the end.
    stop_then_gap = [*full[:4], entry(5, evening(stop=(sign,))), *full[-6:]]
    outside = [entry(-2, morning()), *full[:7], *full[-3:], entry(33, evening(), morning())]
    csv_text = export_csv(check_entries(full, DIARY), DIARY)
    return [
        {"action": "diary", "answers": fair, "entries": full},
        {"action": "diary", "answers": fair, "entries": stopped},
        {"action": "diary", "answers": plain, "entries": list(reversed(full))},
        {"action": "diary", "answers": fair, "entries": stop_then_gap},
        {"action": "diary", "answers": plain, "entries": outside},
        {
            "action": "diary",
            "answers": plan_answers(conditions=[consult_first_condition()]),
            "entries": full[:5],
        },
        {"action": "diary", "answers": fair, "entries": [{"night": "2026-02-30", "x": 1}]},
        {"action": "diary", "answers": fair, "csv": csv_text},
        {"action": "diary", "answers": fair, "csv": "night,sol_minutes\r\nsoon,ten\r\n"},
    ]


def own_requests() -> list[dict[str, Any]]:
    fair_tests = [  # the schedule's table, rest evenings' reminders, the morning diary reminder
        fair_test_answers(seed=777, diary_reminder="07:30"),
        {k: v for k, v in fair_test_answers(seed=4242).items() if k != START_DATE},
    ]
    answer_sets = [
        *example_answer_sets(),
        *generated_answer_sets(40),
        *fair_tests,
        invalid_answers(),
    ]
    plans = [{"action": "plan", "answers": a} for a in answer_sets]
    return [{"action": "ping"}, *plans, *diary_requests()]


def requests() -> list[str]:
    """Request texts: the test's own, then every path the build checks its runtime with
    (guide_site/runtime_requests.py: each action and answer, diaries, malformed requests)."""
    every_path = engine_requests(ENGINE_DATA, CONTENT["examples"]["examples"])
    return [json.dumps(request) for request in own_requests()] + every_path


@pytest.fixture(scope="module")
def pyodide_run(built_site: Path) -> dict[str, Any]:
    result = subprocess.run(
        ["node", str(RUNNER), str(built_site)],
        input=json.dumps(requests()),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_it_really_is_pyodide(pyodide_run: dict[str, Any]) -> None:
    assert str(pyodide_run["python"]).startswith("3.14")


def test_it_runs_on_the_precompiled_runtime(pyodide_run: dict[str, Any]) -> None:
    """The standard library and the engine both come from .pyc made at build, not from .py."""
    files = pyodide_run["files"]
    assert files["json"].endswith(".zip/json/__init__.pyc"), files
    assert files["guide_engine.web"].endswith("engine.zip/guide_engine/web.pyc"), files


def test_every_request_gives_the_same_bytes_in_both(pyodide_run: dict[str, Any]) -> None:
    expected = [respond(request) for request in requests()]
    assert len(pyodide_run["responses"]) == len(expected)
    for request, in_pyodide, in_cpython in zip(
        requests(), pyodide_run["responses"], expected, strict=True
    ):
        assert in_pyodide == in_cpython, request


def test_the_sample_covers_every_outcome(pyodide_run: dict[str, Any]) -> None:
    own = len(own_requests())
    responses = [
        json.loads(raw) for raw in pyodide_run["responses"][1 : own - len(diary_requests())]
    ]
    levels = {r["result"]["plan"]["safety"]["level"] for r in responses if r["ok"]}
    assert levels == {"ok", "caution", "consult_first"}
    assert any(r["ok"] and r["result"]["ics"] for r in responses), "some plan has a calendar"
    assert responses[-1]["ok"] is False and set(responses[-1]["errors"]) >= set(invalid_answers())


def test_the_diary_sample_covers_its_outcomes(pyodide_run: dict[str, Any]) -> None:
    own = len(own_requests())
    diaries = [
        json.loads(raw) for raw in pyodide_run["responses"][own - len(diary_requests()) : own]
    ]
    reports = [response["result"]["report"] for response in diaries if response["ok"]]
    assert {r["comparison"]["status"] for r in reports} >= {"compared", "not_a_test"}
    assert any(r["stop"] for r in reports) and any(r["adapted"] is None for r in reports)
    assert any(response["result"]["preview"] for response in diaries if response["ok"])
    assert sum(not response["ok"] for response in diaries) == 2


def test_the_builds_own_requests_cover_every_action(pyodide_run: dict[str, Any]) -> None:
    """What the build checks the trimmed runtime with reaches each kind of answer too."""
    responses = [json.loads(raw) for raw in pyodide_run["responses"][len(own_requests()) :]]
    results = [r["result"] for r in responses if r["ok"]]
    assert any("questionnaire" in r for r in results)
    assert any("plan" in r and r["ics"] for r in results)
    assert any("plan" in r and r["ics"] is None for r in results)
    assert any("report" in r and r["preview"] for r in results)
    assert any(not r["ok"] and r.get("errors") for r in responses)
    assert any(not r["ok"] and r.get("error") for r in responses), "a malformed request answered"
