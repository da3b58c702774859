"""`guide-engine diary report` and the web worker's `diary` action: the same report as the
engine, a `row:column: message` line per malformed row with exit 2, and never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from guide_engine.cli import main
from guide_engine.diary.csv_file import export_csv
from guide_engine.diary.entries import check_entries
from guide_engine.outputs import render_diary
from guide_engine.web import respond
from tests.engine.diary.support import (
    DIARY,
    FIELDS,
    entry,
    evening,
    fair_test_answers,
    morning,
    report,
)
from tests.engine.support import ENGINE_DATA, QUESTIONS, REPO


def nights() -> list[dict]:
    return [entry(offset, evening(), morning(sol=10 + offset)) for offset in range(12)]


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsysbinary.readouterr()
    return code, captured.out.decode("utf-8"), captured.err.decode("utf-8")


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    answers = write(tmp_path, "answers.json", json.dumps(fair_test_answers()))
    diary = write(tmp_path, "diary.csv", export_csv(check_entries(nights(), DIARY), DIARY))
    return answers, diary


@pytest.mark.parametrize("output_format", ["text", "json", "html"])
def test_the_report_matches_the_engine_in_each_format(
    capsysbinary, files: tuple[str, str], output_format: str
) -> None:
    answers, diary = files
    code, out, err = run(
        capsysbinary, "diary", "report", diary, "--answers", answers, "--format", output_format
    )
    assert (code, err) == (0, "")
    expected = report(fair_test_answers(), nights())
    assert out == render_diary(expected, output_format, data=ENGINE_DATA)


def test_malformed_rows_give_row_column_lines_and_exit_2(capsysbinary, tmp_path, files) -> None:
    answers, good = files
    header, first, second, *rest = Path(good).read_text(encoding="utf-8").splitlines()
    columns = header.split(",")
    cells = first.split(",")
    cells[columns.index("sol_minutes")] = "ten"
    dated = second.split(",")
    dated[0] = "yesterday"
    text = "\r\n".join([header, ",".join(cells), ",".join(dated), *rest]) + "\r\n"
    diary = write(tmp_path, "bad.csv", text)
    code, out, err = run(capsysbinary, "diary", "report", diary, "--answers", answers)
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"2:{columns.index('sol_minutes') + 1}: {FIELDS['sol_minutes']['errors']['invalid']}",
        f"3:1: {FIELDS['night']['errors']['invalid']}",
    ]


def test_a_file_that_is_not_text_or_not_there(capsysbinary, tmp_path, files) -> None:
    answers, _ = files
    binary = tmp_path / "diary.csv"
    binary.write_bytes(b"\xff\xfe\x00night")
    code, _out, err = run(capsysbinary, "diary", "report", str(binary), "--answers", answers)
    assert (code, err.strip()) == (2, f"1:1: {DIARY['file_errors']['not_text']}")
    code, _out, err = run(
        capsysbinary, "diary", "report", str(tmp_path / "no.csv"), "--answers", answers
    )
    assert code == 2 and "cannot read" in err


def test_answers_without_a_start_date_are_refused_by_question(
    capsysbinary, tmp_path, files
) -> None:
    _, diary = files
    undated = {**fair_test_answers(), "start_date": None}
    answers = write(tmp_path, "a.json", json.dumps(undated))
    code, _out, err = run(capsysbinary, "diary", "report", diary, "--answers", answers)
    assert (code, err.strip()) == (2, f"start_date: {DIARY['entry_errors']['start_date']}")


def test_the_installed_command_prints_no_traceback(tmp_path: Path, files) -> None:
    answers, _ = files
    diary = write(tmp_path, "odd.csv", "night,mat_used\r\n\x00,\x01\r\n")
    result = subprocess.run(
        [sys.executable, "-m", "guide_engine", "diary", "report", diary, "--answers", answers],
        capture_output=True, text=True, cwd=REPO, check=False,
    )  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("2:1: ")


def ask(request: Any) -> dict[str, Any]:
    """The reply ({ok, result, errors, error}, as guide_engine/web.py says)."""
    return json.loads(respond(json.dumps(request), data=ENGINE_DATA))


def result_of(request: Any) -> dict[str, Any]:
    reply = ask(request)
    assert reply["ok"] is True and reply["errors"] == {} and reply["error"] is None, reply
    return dict(reply["result"])


def test_the_diary_action_gives_the_report_in_every_form() -> None:
    answers = {k: str(v) if isinstance(v, int) else v for k, v in fair_test_answers().items()}
    response = result_of({"action": "diary", "answers": answers, "entries": nights()})
    expected = report(fair_test_answers(), nights())
    assert response["report"] == json.loads(json.dumps(expected))
    assert response["html"] == render_diary(expected, "html", data=ENGINE_DATA)
    assert response["text"] == render_diary(expected, "text", data=ENGINE_DATA)
    assert response["csv"] == export_csv(check_entries(nights(), DIARY), DIARY)
    assert response["entries"] == check_entries(nights(), DIARY)
    assert response["preview"] is None


def test_the_diary_action_imports_csv_with_a_preview() -> None:
    text = export_csv(check_entries(nights(), DIARY), DIARY)
    response = result_of({"action": "diary", "answers": fair_test_answers(), "csv": text})
    assert response["preview"]["nights"] == len(nights())
    assert response["entries"] == check_entries(nights(), DIARY)


def test_the_diary_action_reports_problems_by_field() -> None:
    bad_answers = ask({"action": "diary", "answers": {}, "entries": []})
    assert bad_answers["ok"] is False
    assert bad_answers["errors"]["age_group"] == QUESTIONS["age_group"]["errors"]["missing"]
    bad_entry = ask(
        {"action": "diary", "answers": fair_test_answers(), "entries": [{"night": "soon"}]}
    )
    assert bad_entry == {
        "ok": False,
        "result": None,
        "errors": {
            "entries/0/night": FIELDS["night"]["errors"]["invalid"],
            "entries/0/mat_used": DIARY["entry_errors"]["empty"],
        },
        "error": None,
    }
    bad_csv = ask({"action": "diary", "answers": fair_test_answers(), "csv": "night\r\nsoon\r\n"})
    assert bad_csv["ok"] is False
    assert bad_csv["errors"]["csv/2/1"] == FIELDS["night"]["errors"]["invalid"]
    not_a_list = ask({"action": "diary", "answers": fair_test_answers(), "entries": "x"})
    assert not_a_list["errors"] == {"entries": DIARY["entry_errors"]["not_an_entry"]}
