"""Checks on content/diary.yml that its schema and the cross-references cannot state.

The schema already checks each field's wording and limits, and the cross-reference pass that
every stop rule of precautions.yml has a label and that links land on a page section. What is
left: numbers that must agree with another file, and the values the engine reads by name.
"""

from __future__ import annotations

from collections.abc import Iterator

from guide_engine.contract import FAIR_TEST, PLAN_KIND
from guide_engine.diary.fields import MAT_NOT_USED, MAT_USED
from guide_site.errors import ContentError
from guide_site.loader import ContentFiles

DIARY = "diary"


def diary_problems(files: ContentFiles) -> list[ContentError]:
    """Every problem of the diary content, as positioned lines (run on schema-valid content)."""
    if DIARY not in files.documents:
        anywhere = next(iter(files.documents.values())).parsed.path.parent
        return [ContentError(anywhere / "diary.yml", 1, 1, "file is missing; the diary needs it")]
    return [
        *_limits(files),
        *_mat_used(files),
        *_quality_scale(files),
        *_test_weeks(files),
        *_fair_test_answer(files),
    ]


def _limits(files: ContentFiles) -> Iterator[ContentError]:
    for field_id, field in files.content[DIARY]["fields"].items():
        if "min" in field and field["min"] > field["max"]:
            yield files.error(
                DIARY,
                ("fields", field_id, "min"),
                f"fields.{field_id}: min ({field['min']}) is above max ({field['max']}); "
                "expected min <= max",
            )


def _mat_used(files: ContentFiles) -> Iterator[ContentError]:
    values = [o["value"] for o in files.content[DIARY]["fields"]["mat_used"]["options"]]
    if sorted(values) != sorted([MAT_USED, MAT_NOT_USED]):
        yield files.error(
            DIARY,
            ("fields", "mat_used", "options"),
            f"fields.mat_used: the options must be '{MAT_USED}' and '{MAT_NOT_USED}' (saved "
            f"diaries and CSV files use them); found {', '.join(values)}",
        )


def _quality_scale(files: ContentFiles) -> Iterator[ContentError]:
    scores = [o["score"] for o in files.content[DIARY]["fields"]["sleep_quality"]["options"]]
    if scores != sorted(set(scores)):
        yield files.error(
            DIARY,
            ("fields", "sleep_quality", "options"),
            "fields.sleep_quality: scores must rise from the first option to the last, each "
            f"once (very poor to very good); found {', '.join(map(str, scores))}",
        )


def _test_weeks(files: ContentFiles) -> Iterator[ContentError]:
    weeks = files.content["plan"]["weeks"]
    familiarisation = files.content[DIARY]["fair_test"]["familiarisation_weeks"]
    if familiarisation >= weeks:
        yield files.error(
            DIARY,
            ("fair_test", "familiarisation_weeks"),
            f"fair_test.familiarisation_weeks ({familiarisation}) must be fewer than plan.yml's "
            f"weeks ({weeks}), or the plan has no weeks left to test",
        )


def _fair_test_answer(files: ContentFiles) -> Iterator[ContentError]:
    for index, question in enumerate(files.content["questionnaire"]["questions"]):
        values = [o["value"] for o in question.get("options", [])]
        if question["id"] == PLAN_KIND and FAIR_TEST not in values:
            yield files.error(
                "questionnaire",
                ("questions", index, "options"),
                f"question '{PLAN_KIND}' must offer the answer '{FAIR_TEST}': the engine makes a "
                "fair test for it",
            )
