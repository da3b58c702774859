"""`guide-engine plan ANSWERS [--format ...]`: a plan out, one line per problem, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from guide_engine import build_plan
from guide_engine.cli import main
from tests.engine.support import ANSWER_FILES, REPO


def run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsysbinary.readouterr()
    return code, captured.out.decode("utf-8"), captured.err.decode("utf-8")


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("answers_file", ANSWER_FILES, ids=lambda path: path.name)
def test_every_example_answers_file_makes_a_plan(capsysbinary, answers_file: Path) -> None:
    code, out, err = run(capsysbinary, "plan", str(answers_file))
    assert (code, err) == (0, "")
    assert json.loads(out)["safety"]["level"] in {"ok", "caution", "consult_first"}


def test_hand_written_yaml_times_and_dates_are_read_as_written(capsysbinary, tmp_path) -> None:
    """YAML 1.1 would read 22:30 as 1350, 2026-03-01 as a date and 020 as octal 16."""
    path = write(
        tmp_path,
        "a.yml",
        "age_group: 18_to_64\nexperience: never\nskin: normal\nconditions: [none]\n"
        "pain_areas: [none]\nsleep_issues: [none]\ninsomnia_duration: none_or_occasional\n"
        "bedtime: 22:30\nminutes_available: 020\nstart_date: 2026-03-01\n",
    )
    code, out, _err = run(capsysbinary, "plan", path)
    answers = json.loads(out)["answers"]
    assert code == 0
    assert (answers["bedtime"], answers["minutes_available"], answers["start_date"]) == (
        "22:30",
        20,
        "2026-03-01",
    )


@pytest.mark.parametrize("output_format", ["json", "text", "html", "ics"])
def test_each_format_matches_the_engine(capsysbinary, output_format: str) -> None:
    source = REPO / "tests/engine/answers/beginner.yml"
    code, out, err = run(capsysbinary, "plan", str(source), "--format", output_format)
    assert (code, err) == (0, "")
    if output_format == "json":
        assert json.loads(out)["weeks"][0]["minutes"] == 10
    elif output_format == "text":
        assert out.startswith("# ")
    elif output_format == "html":
        assert out.startswith("<section")
    else:
        assert "\r\n" in out
        assert len(icalendar.Calendar.from_ical(out).walk("VEVENT")) == 4


def test_invalid_answers_exit_2_with_one_line_per_problem(capsysbinary, tmp_path) -> None:
    path = write(tmp_path, "a.json", json.dumps({"age_group": "adult", "bedtime": "25:00"}))
    code, out, err = run(capsysbinary, "plan", path)
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert "age_group: Select your age group" in lines
    assert "bedtime: Enter a bedtime in 24-hour time, like 22:30" in lines
    assert len(lines) == 9  # every required question has one problem


def test_odd_keys_stay_on_one_line(capsysbinary, tmp_path) -> None:
    path = write(tmp_path, "a.json", json.dumps({"bad\nkey": 1}))
    code, _out, err = run(capsysbinary, "plan", path)
    assert code == 2
    assert any(line.startswith("bad\\nkey: ") for line in err.splitlines())


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.yml", "age_group: [unclosed\n", "bad.yml:2:1: not valid YAML"),
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


def test_ics_without_a_start_date_asks_for_one(capsysbinary) -> None:
    source = REPO / "tests/engine/answers/short-on-time.yml"
    code, out, err = run(capsysbinary, "plan", str(source), "--format", "ics")
    assert (code, out) == (2, "")
    assert err.startswith("start_date: ")


def test_ics_for_consult_first_says_there_is_no_calendar(capsysbinary) -> None:
    source = REPO / "tests/engine/answers/consult-pregnancy.json"
    code, out, err = run(capsysbinary, "plan", str(source), "--format", "ics")
    assert (code, out) == (1, "")
    assert "no mat sessions" in err


def test_questions_prints_the_questionnaire(capsysbinary) -> None:
    code, out, _err = run(capsysbinary, "questions")
    assert code == 0
    assert json.loads(out)["questions"][0]["id"] == "age_group"


def test_answers_from_standard_input_in_a_real_process() -> None:
    answers = (REPO / "tests/engine/answers/beginner.yml").read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "guide_engine", "plan", "-", "--format", "json"],
        input=answers.encode("utf-8"),
        capture_output=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan == build_plan(plan["answers"])


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
