"""`guide-engine plan ANSWERS [--format ...]`: a plan out, one line per problem, no traceback.

The answers files are written here, into tmp_path, from content/examples.yml: as YAML the way
people write it by hand, and as JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import icalendar
import pytest

from guide_engine import build_plan
from guide_engine.cli import main
from guide_engine.contract import BEDTIME, MINUTES_AVAILABLE, START_DATE
from tests.engine.support import (
    ENGINE_DATA,
    EXAMPLES,
    PLAN,
    QUESTIONS,
    REPO,
    base_answers,
    example_answers,
    message,
    option_values,
    questions_of_kind,
)

FIRST_EVENING = "2026-03-01"


def run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsysbinary.readouterr()
    return code, captured.out.decode("utf-8"), captured.err.decode("utf-8")


def hand_written_yaml(answers: dict[str, Any]) -> str:
    """Answers as a person types them: nothing quoted, lists in brackets."""
    lines = []
    for question_id, value in answers.items():
        shown = f"[{', '.join(value)}]" if isinstance(value, list) else str(value)
        lines.append(f"{question_id}: {shown}")
    return "\n".join(lines) + "\n"


def answers_file(tmp_path: Path, answers: dict[str, Any], suffix: str = ".yml") -> str:
    path = tmp_path / f"answers{suffix}"
    text = json.dumps(answers, indent=2) if suffix == ".json" else hand_written_yaml(answers)
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("suffix", [".yml", ".json"])
@pytest.mark.parametrize("example_id", EXAMPLES)
def test_every_example_as_an_answers_file_makes_its_plan(
    capsysbinary, tmp_path: Path, example_id: str, suffix: str
) -> None:
    answers = example_answers(example_id)
    code, out, err = run(capsysbinary, "plan", answers_file(tmp_path, answers, suffix))
    assert (code, err) == (0, "")
    assert json.loads(out) == build_plan(answers, data=ENGINE_DATA)


def test_hand_written_yaml_times_and_dates_are_read_as_written(capsysbinary, tmp_path) -> None:
    """YAML 1.1 would read 22:30 as 1350, 2026-03-01 as a date and 020 as octal 16."""
    answers = base_answers(**{START_DATE: FIRST_EVENING})
    minutes = int(answers[MINUTES_AVAILABLE])
    answers[MINUTES_AVAILABLE] = f"0{minutes}"
    code, out, _err = run(capsysbinary, "plan", answers_file(tmp_path, answers))
    checked = json.loads(out)["answers"]
    assert code == 0
    assert (checked[BEDTIME], checked[MINUTES_AVAILABLE], checked[START_DATE]) == (
        build_plan(answers, data=ENGINE_DATA)["answers"][BEDTIME],
        minutes,
        FIRST_EVENING,
    )


@pytest.mark.parametrize("output_format", ["json", "text", "html", "ics"])
def test_each_format_matches_the_engine(capsysbinary, tmp_path, output_format: str) -> None:
    answers = base_answers(**{START_DATE: FIRST_EVENING})
    source = answers_file(tmp_path, answers)
    code, out, err = run(capsysbinary, "plan", source, "--format", output_format)
    assert (code, err) == (0, "")
    plan = build_plan(answers, data=ENGINE_DATA)
    if output_format == "json":
        assert json.loads(out) == plan
    elif output_format == "text":
        assert out.startswith(f"# {PLAN['wording']['title']}\n")
    elif output_format == "html":
        assert out.startswith("<section")
    else:
        assert "\r\n" in out
        assert len(icalendar.Calendar.from_ical(out).walk("VEVENT")) == len(plan["weeks"])


def test_invalid_answers_exit_2_with_one_line_per_problem(capsysbinary, tmp_path) -> None:
    one_of = questions_of_kind("one_of")[0]
    wrong = {one_of: f"{option_values(one_of)[0]}_not_an_option", BEDTIME: "25:00"}
    code, out, err = run(capsysbinary, "plan", answers_file(tmp_path, wrong, ".json"))
    assert code == 2 and out == ""
    lines = err.splitlines()
    for question_id in wrong:
        assert f"{question_id}: {message(question_id, 'invalid')}" in lines
    required = [q for q in QUESTIONS.values() if q["required"]]
    assert len(lines) == len(required)  # every required question has one problem


def test_odd_keys_stay_on_one_line(capsysbinary, tmp_path) -> None:
    code, _out, err = run(capsysbinary, "plan", answers_file(tmp_path, {"bad\nkey": 1}, ".json"))
    assert code == 2
    assert any(line.startswith("bad\\nkey: ") for line in err.splitlines())


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.yml", "a_question: [unclosed\n", "bad.yml:2:1: not valid YAML"),
        ("list.yml", "- 1\n- 2\n", "expected a mapping of question ids to answers"),
        ("two.yml", "a: 1\n---\nb: 2\n", "not valid YAML"),
        ("binary.yml", None, "not UTF-8 text"),
    ],
)
def test_unreadable_files_exit_2_with_a_clear_message(
    capsysbinary, tmp_path, name: str, text: str | None, message: str
) -> None:
    path = tmp_path / name
    if text is None:
        path.write_bytes(b"\xff\xfe\x00bedtime")
    else:
        path.write_text(text, encoding="utf-8")
    code, out, err = run(capsysbinary, "plan", str(path))
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


def test_a_missing_file_exits_2(capsysbinary, tmp_path) -> None:
    code, _out, err = run(capsysbinary, "plan", str(tmp_path / "nope.yml"))
    assert code == 2
    assert "cannot read" in err and "No such file" in err


def test_ics_without_a_start_date_asks_for_one(capsysbinary, tmp_path) -> None:
    source = answers_file(tmp_path, base_answers(**{START_DATE: None}))
    code, out, err = run(capsysbinary, "plan", source, "--format", "ics")
    assert (code, out) == (2, "")
    assert err == f"{START_DATE}: {PLAN['calendar']['notes']['no_start_date']}\n"


def test_ics_for_consult_first_says_there_is_no_calendar(capsysbinary, tmp_path) -> None:
    answers = base_answers("consult_first", **{START_DATE: FIRST_EVENING})
    code, out, err = run(capsysbinary, "plan", answers_file(tmp_path, answers), "--format", "ics")
    assert (code, out) == (1, "")
    assert PLAN["calendar"]["notes"]["no_sessions"] in err


def test_questions_prints_the_questionnaire(capsysbinary) -> None:
    code, out, _err = run(capsysbinary, "questions")
    assert code == 0
    assert json.loads(out) == ENGINE_DATA["questionnaire"]


def test_answers_from_standard_input_in_a_real_process() -> None:
    answers = base_answers(**{START_DATE: FIRST_EVENING})
    result = subprocess.run(
        [sys.executable, "-m", "guide_engine", "plan", "-", "--format", "json"],
        input=hand_written_yaml(answers).encode("utf-8"),
        capture_output=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan == build_plan(answers, data=ENGINE_DATA)


def test_usage_errors_exit_2_without_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "guide_engine", "plan"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 2
    assert "usage:" in result.stderr and "Traceback" not in result.stderr
