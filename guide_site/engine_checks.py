"""Checks across files that a schema cannot state: what the engine needs, and numbers that meet.

Run once every file matches its schema and every reference resolves, so each check can read the
content plainly; each problem is one positioned line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from guide_engine.contract import (
    CONDITIONS_SOURCE,
    LARGEST_WHOLE_NUMBER,
    MINUTES_AVAILABLE,
    NEEDED_QUESTIONS,
)
from guide_site.errors import ContentError
from guide_site.loader import ContentFiles

QUESTIONNAIRE, PLAN = "questionnaire", "plan"


def engine_problems(files: ContentFiles) -> list[ContentError]:
    """Every way the content fails the engine's contract or its own numbers."""
    missing = [key for key in (QUESTIONNAIRE, PLAN, "precautions") if key not in files.documents]
    if missing:  # nothing to check against; say which file the engine needs
        return [_missing_file(files, key) for key in missing]
    return [
        *_needed_questions(files),
        *_conditions_question(files),
        *_number_limits(files),
        *_steps_inside_sessions(files),
    ]


def _missing_file(files: ContentFiles, key: str) -> ContentError:
    anywhere = next(iter(files.documents.values())).parsed.path.parent
    return ContentError(anywhere / f"{key}.yml", 1, 1, "file is missing; the plan builder needs it")


def _questions(files: ContentFiles) -> Iterator[tuple[int, Mapping[str, Any]]]:
    yield from enumerate(files.content[QUESTIONNAIRE]["questions"])


def _needed_questions(files: ContentFiles) -> Iterator[ContentError]:
    by_id = {question["id"]: (index, question) for index, question in _questions(files)}
    for needed in NEEDED_QUESTIONS:
        if needed.id not in by_id:
            if needed.required:
                yield files.error(
                    QUESTIONNAIRE,
                    ("questions",),
                    f"the engine needs a question '{needed.id}' of kind '{needed.kind}' "
                    f"({needed.why}); expected it among the questions",
                    at_key=True,
                )
            continue
        index, question = by_id[needed.id]
        if question["kind"] != needed.kind:
            yield files.error(
                QUESTIONNAIRE,
                ("questions", index, "kind"),
                f"question '{needed.id}' is of kind '{question['kind']}'; the engine needs "
                f"kind '{needed.kind}' ({needed.why})",
            )
        if question.get("required", True) != needed.required:
            expected = "required" if needed.required else "optional (required: false)"
            yield files.error(
                QUESTIONNAIRE,
                ("questions", index, "id"),
                f"question '{needed.id}' must be {expected} for the engine ({needed.why})",
            )


def _conditions_question(files: ContentFiles) -> Iterator[ContentError]:
    asking = [
        (index, question)
        for index, question in _questions(files)
        if question.get("options_from") == CONDITIONS_SOURCE
    ]
    if not asking:
        yield files.error(
            QUESTIONNAIRE,
            ("questions",),
            f"no question asks about the health conditions of precautions.yml; expected one "
            f"with 'options_from: {CONDITIONS_SOURCE}' (the safety check needs their answers)",
            at_key=True,
        )
    for index, question in asking[1:]:
        yield files.error(
            QUESTIONNAIRE,
            ("questions", index, "options_from"),
            f"question '{question['id']}' asks about the conditions again (first: "
            f"'{asking[0][1]['id']}'); expected one such question",
        )
    for index, question in asking:
        if question["kind"] != "any_of":
            yield files.error(
                QUESTIONNAIRE,
                ("questions", index, "kind"),
                f"question '{question['id']}' takes its options from the conditions, so it must "
                "be of kind 'any_of' (people may have several)",
            )


def _number_limits(files: ContentFiles) -> Iterator[ContentError]:
    for index, question in _questions(files):
        if question["kind"] == "whole_number" and question["min"] > question["max"]:
            yield files.error(
                QUESTIONNAIRE,
                ("questions", index, "min"),
                f"question '{question['id']}': min ({question['min']}) is above max "
                f"({question['max']}); expected min <= max",
            )
        if question["kind"] == "whole_number" and question["max"] > LARGEST_WHOLE_NUMBER:
            yield files.error(
                QUESTIONNAIRE,
                ("questions", index, "max"),
                f"question '{question['id']}': max ({question['max']}) is above "
                f"{LARGEST_WHOLE_NUMBER}, the largest number the engine reads; expected at most "
                f"{LARGEST_WHOLE_NUMBER}",
            )


def _steps_inside_sessions(files: ContentFiles) -> Iterator[ContentError]:
    """A step timed after lying down must still fall inside the shortest possible session."""
    minutes = next((q for _index, q in _questions(files) if q["id"] == MINUTES_AVAILABLE), None)
    if minutes is None or minutes["kind"] != "whole_number":
        return  # reported by _needed_questions
    for index, step in enumerate(files.content[PLAN]["nightly"]["mat_steps"]):
        if step.get("plus_minutes", 0) >= minutes["min"]:
            yield files.error(
                PLAN,
                ("nightly", "mat_steps", index, "plus_minutes"),
                f"step '{step['id']}': plus_minutes ({step['plus_minutes']}) must be less than "
                f"{minutes['min']}, the shortest session (questionnaire.yml minutes_available "
                "min), so the step falls inside every session",
            )
