"""``guide-engine plan ANSWERS [--format json|text|html|ics]``: the plan on the command line.
``guide-engine diary report DIARY.csv --answers ANSWERS [--format text|json|html]``: the
diary report, the same as the browser shows.

Exit codes: 0 the plan (or report) was written; 2 the answers cannot make a plan (one
``question_id: message`` line each on stderr), a diary row is malformed (one
``row:column: message`` line each) or a file cannot be read; 1 the plan has no calendar to
write or something unexpected happened. Never a traceback: the messages are for people.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from guide_engine.answers_file import UnreadableAnswers, parse_answers
from guide_engine.diary.csv_file import import_csv
from guide_engine.diary.report import diary_report
from guide_engine.errors import AnswersError
from guide_engine.outputs import (
    DIARY_FORMATS,
    FORMATS,
    CalendarUnavailable,
    render,
    render_diary,
    render_json,
)
from guide_engine.packaged_data import packaged_data
from guide_engine.plan import build_plan, questionnaire

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)  # usage errors exit 2 with a usage line, as argparse does
    try:
        if args.command == "questions":
            return _write(render_json(questionnaire()))
        if args.command == "diary":
            return diary_report_command(args.diary, args.answers, args.format)
        return _plan(args.answers, args.format)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `guide-engine plan a.yml | head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as problem:  # the promise: no traceback, ever
        return _fail(f"guide-engine: unexpected error: {type(problem).__name__}: {problem}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="guide-engine", description="Turn plan builder answers into a starter plan."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    plan = commands.add_parser("plan", help="write the plan for an answers file")
    plan.add_argument("answers", metavar="ANSWERS", help="a YAML or JSON file of answers, or -")
    plan.add_argument("--format", choices=FORMATS, default="json", help="default: json")
    commands.add_parser("questions", help="write the questionnaire as JSON")
    diary = commands.add_parser("diary", help="work with a sleep diary file")
    diary_commands = diary.add_subparsers(dest="diary_command", required=True, metavar="ACTION")
    report = diary_commands.add_parser("report", help="write the diary report for a CSV diary")
    report.add_argument("diary", metavar="DIARY.csv", help="a diary exported as CSV, or -")
    report.add_argument(
        "--answers", required=True, metavar="ANSWERS", help="the plan's answers (YAML or JSON)"
    )
    report.add_argument("--format", choices=DIARY_FORMATS, default="text", help="default: text")
    return parser


def _plan(source: str, output_format: str) -> int:
    try:
        answers = _read(source)
    except UnreadableAnswers as problem:
        return _fail(f"guide-engine: {problem}", EXIT_BAD_INPUT)
    if not isinstance(answers, dict):
        return _fail(
            f"guide-engine: {_shown(source)}: expected a mapping of question ids to answers, "
            "like 'age_group: 18_to_64'",
            EXIT_BAD_INPUT,
        )
    try:
        plan = build_plan(answers)
    except AnswersError as problem:
        return _fail(
            "\n".join(f"{_one_line(q)}: {_one_line(m)}" for q, m in problem.errors.items()),
            EXIT_BAD_INPUT,
        )
    try:
        return _write(render(plan, output_format))
    except CalendarUnavailable as problem:
        if plan["weeks"]:  # only the start date is missing: that is the answers' to fix
            return _fail(f"start_date: {problem}", EXIT_BAD_INPUT)
        return _fail(f"guide-engine: {problem}")


def diary_report_command(diary_source: str, answers_source: str, output_format: str) -> int:
    try:
        answers = _read(answers_source)
        text = _read_text(diary_source)
    except UnreadableAnswers as problem:
        return _fail(f"guide-engine: {problem}", EXIT_BAD_INPUT)
    diary = packaged_data()["diary"]
    if text is None:
        return _fail(f"1:1: {diary['file_errors']['not_text']}", EXIT_BAD_INPUT)
    imported = import_csv(text, diary)
    if imported.problems:
        return _fail("\n".join(p.line() for p in imported.problems), EXIT_BAD_INPUT)
    try:
        report = diary_report(answers, imported.entries)
    except AnswersError as problem:
        return _fail(
            "\n".join(f"{_one_line(q)}: {_one_line(m)}" for q, m in problem.errors.items()),
            EXIT_BAD_INPUT,
        )
    return _write(render_diary(report, output_format))


def _read(source: str) -> object:
    text = _read_text(source)
    if text is None:
        raise UnreadableAnswers(f"{_shown(source)}: not UTF-8 text")
    return parse_answers(text, _shown(source))


def _read_text(source: str) -> str | None:
    """The file's text; None when it is not UTF-8. Unreadable files raise UnreadableAnswers."""
    shown = _shown(source)
    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as problem:
        raise UnreadableAnswers(f"cannot read {shown}: {problem.strerror or problem}") from None
    try:
        return raw.decode("utf-8-sig")  # tolerate the byte-order mark some editors write
    except UnicodeDecodeError:
        return None


def _shown(source: str) -> str:
    return "standard input" if source == "-" else source


def _one_line(text: str) -> str:
    """Keep one problem per line even if an answers file used an odd key."""
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


def _write(text: str) -> int:
    sys.stdout.buffer.write(text.encode("utf-8"))  # bytes: keeps the calendar's CRLF as is
    sys.stdout.flush()
    return EXIT_OK


def _fail(message: str, code: int = EXIT_FAILED) -> int:
    print(message, file=sys.stderr)
    return code
