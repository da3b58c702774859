"""The cross-reference pass: ids declared once (scoped where needed), every reference resolved,
each problem one positioned line. Small schemas of their own, so these pin the mechanism."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from guide_site.errors import ContentErrors
from guide_site.loader import read_content

QUESTIONS_SCHEMA = {
    "type": "object",
    "properties": {
        "questions": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "string", "x-id": "question"},
                    "answers": {
                        "type": "array",
                        "items": {
                            "type": "string",
                            "x-id": {"kind": "answer", "in": "question", "scope": "2/id"},
                        },
                    },
                    "answers_from": {
                        "enum": ["colours"],
                        "x-id-from": {
                            "kind": "answer",
                            "in": "question",
                            "scope": "1/id",
                            "copy": {"colours": "colour"},
                        },
                    },
                },
            },
        },
        "colours": {"type": "array", "items": {"type": "string", "x-id": "colour"}},
    },
}
RULES_SCHEMA = {
    "type": "object",
    "properties": {
        "when": {
            "type": "object",
            "propertyNames": {"x-ref": "question"},
            "additionalProperties": {
                "type": "array",
                "items": {
                    "type": "string",
                    "x-ref": {"kind": "answer", "in": "question", "scope": "1#"},
                },
            },
        },
        "minutes": {
            "type": "object",
            "propertyNames": {
                "x-ref": {"kind": "answer", "in": "question", "scope": "size", "every": "error"}
            },
        },
        "shown": {
            "type": "array",
            "items": {"type": "string", "x-ref": {"kind": "question", "every": "warning"}},
        },
        "free": {
            "type": "object",
            "additionalProperties": {
                "type": "string",
                "x-ref": {"kind": "answer", "in": "question", "scope": "0#", "free_scopes": True},
            },
        },
    },
}
QUESTIONS = """\
# yaml-language-server: $schema=schemas/questions.schema.json
colours: [red, blue]
questions:
  - id: size
    answers: [small, large]
  - id: colour
    answers_from: colours
  - id: bedtime
"""
RULES = """\
# yaml-language-server: $schema=schemas/rules.schema.json
when: {size: [small], colour: [blue]}
minutes: {small: 5, large: 10}
shown: [size, colour, bedtime]
free: {size: large, bedtime: "22:30"}
"""


def problems(tmp_path: Path, *, questions: str = QUESTIONS, rules: str = RULES) -> list[str]:
    content = tmp_path / "content"
    (content / "schemas").mkdir(parents=True, exist_ok=True)
    for name, schema in (("questions", QUESTIONS_SCHEMA), ("rules", RULES_SCHEMA)):
        (content / "schemas" / f"{name}.schema.json").write_text(json.dumps(schema))
    (content / "questions.yml").write_text(textwrap.dedent(questions), encoding="utf-8")
    (content / "rules.yml").write_text(textwrap.dedent(rules), encoding="utf-8")
    files = read_content(content, shown_relative_to=tmp_path)
    files.link()
    return [str(problem) for problem in ContentErrors(files.errors, files.warnings).errors] + [
        f"warning: {problem}" for problem in ContentErrors([], files.warnings).warnings
    ]


def test_references_that_resolve_give_no_problem(tmp_path: Path) -> None:
    assert problems(tmp_path) == []


def test_a_key_naming_no_question_is_reported_at_the_key(tmp_path: Path) -> None:
    rules = RULES.replace("when: {size:", "when: {sise:")
    assert problems(tmp_path, rules=rules) == [
        "content/rules.yml:2:8: unknown question 'sise'; expected one of: bedtime, colour, size"
    ]


def test_an_answer_is_judged_within_its_own_question(tmp_path: Path) -> None:
    rules = RULES.replace("size: [small]", "size: [blue]")
    assert problems(tmp_path, rules=rules) == [
        "content/rules.yml:2:15: unknown answer 'blue' of question 'size'; "
        "expected one of: large, small"
    ]


def test_answers_copied_from_another_kind_count_as_the_questions_own(tmp_path: Path) -> None:
    rules = RULES.replace("colour: [blue]", "colour: [green]")
    assert problems(tmp_path, rules=rules) == [
        "content/rules.yml:2:32: unknown answer 'green' of question 'colour'; "
        "expected one of: blue, red"
    ]


def test_an_unknown_question_is_not_also_blamed_for_its_answers(tmp_path: Path) -> None:
    rules = RULES.replace("colour: [blue]", "flavour: [mint]")
    [problem] = problems(tmp_path, rules=rules)
    assert "unknown question 'flavour'" in problem


def test_a_question_without_answers_says_so(tmp_path: Path) -> None:
    rules = RULES.replace("colour: [blue]", "bedtime: [late]")
    assert problems(tmp_path, rules=rules) == [
        "content/rules.yml:2:33: question 'bedtime' has no answers to choose from, "
        "so 'late' cannot be one"
    ]


def test_free_scopes_accept_any_text_for_questions_without_answers(tmp_path: Path) -> None:
    rules = RULES.replace("size: large,", "size: huge,")
    assert problems(tmp_path, rules=rules) == [
        "content/rules.yml:5:14: unknown answer 'huge' of question 'size'; "
        "expected one of: large, small"
    ]


def test_every_answer_needs_an_entry_where_the_schema_says_every(tmp_path: Path) -> None:
    rules = RULES.replace("minutes: {small: 5, large: 10}", "minutes: {small: 5}")
    assert problems(tmp_path, rules=rules) == [
        "content/rules.yml:3:1: 'minutes' leaves out the answer 'large' "
        "(content/questions.yml:5) of question 'size'; expected every answer once"
    ]


def test_a_list_that_should_name_every_id_can_be_only_a_warning(tmp_path: Path) -> None:
    rules = RULES.replace("shown: [size, colour, bedtime]", "shown: [size]")
    assert problems(tmp_path, rules=rules) == [
        "warning: content/rules.yml:4:1: 'shown' leaves out the questions 'bedtime' "
        "(content/questions.yml:8), 'colour' (content/questions.yml:6); "
        "expected every question once"
    ]


def test_ids_are_unique_within_their_scope_only(tmp_path: Path) -> None:
    # "small" may be an answer of two questions, but not twice of one.
    questions = QUESTIONS + "  - id: shape\n    answers: [small, round]\n"
    rules = RULES.replace("shown: [size,", "shown: [shape, size,")
    assert problems(tmp_path, questions=questions, rules=rules) == []
    twice = QUESTIONS.replace("answers: [small, large]", "answers: [small, large, small]")
    assert problems(tmp_path, questions=twice) == [
        "content/questions.yml:5:29: duplicate answer id 'small' of question 'size' "
        "(first declared at content/questions.yml:5); expected every id once"
    ]


@pytest.mark.parametrize("broken", ["questions: [\n", "colours: [red\n"])
def test_links_are_not_judged_while_a_file_cannot_be_read(tmp_path: Path, broken: str) -> None:
    questions = "# yaml-language-server: $schema=schemas/questions.schema.json\n" + broken
    found = problems(tmp_path, questions=questions)
    assert [line.split(":")[0] for line in found] == ["content/questions.yml"]
    assert "YAML syntax" in found[0]
