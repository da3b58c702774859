"""What the engine needs from its data: the format it reads and the questions its code reads.

Everything else in the data (which other questions exist, what the rules say) is content, free
to change. The site's build reads this module to check content before it becomes engine data,
so the engine, not the build, says what it depends on.
"""

from __future__ import annotations

from dataclasses import dataclass

DATA_FORMAT = 2
"""The shape of engine data this engine reads; bump it when the shape changes (2: the diary)."""


@dataclass(frozen=True)
class NeededQuestion:
    """A question the engine's code reads by id, so content must ask it, of this kind."""

    id: str
    kind: str
    required: bool = True
    why: str = ""


EXPERIENCE, BEDTIME, MINUTES_AVAILABLE, START_DATE = (
    "experience", "bedtime", "minutes_available", "start_date"
)  # fmt: skip

PLAN_KIND, FAIR_TEST_SEED, DIARY_REMINDER = "plan_kind", "fair_test_seed", "diary_reminder"
FAIR_TEST = "fair_test"
"""The plan_kind answer that asks for a fair test."""

NEEDED_QUESTIONS = (
    NeededQuestion(EXPERIENCE, "one_of", why="week 1's minutes depend on it (start_minutes)"),
    NeededQuestion(BEDTIME, "time", why="the evening is timed back from it"),
    NeededQuestion(MINUTES_AVAILABLE, "whole_number", why="no session is longer"),
    NeededQuestion(START_DATE, "date", required=False, why="the calendar starts on it"),
    NeededQuestion(PLAN_KIND, "one_of", required=False, why="'fair_test' asks for a fair test"),
    NeededQuestion(FAIR_TEST_SEED, "whole_number", required=False, why="the test's schedule"),
    NeededQuestion(DIARY_REMINDER, "time", required=False, why="the morning diary reminder"),
)

LARGEST_WHOLE_NUMBER = 999_999
"""The largest whole number the engine reads from text (int() of a long string is slow or
refused), so the largest ``max`` a whole_number question may have."""

CONDITIONS_SOURCE = "conditions"
"""The ``options_from`` value of the one question that asks about precautions.yml's conditions."""
