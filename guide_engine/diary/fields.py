"""What a diary entry holds: the fields the engine reads, their kinds and their check-in.

These ids are a file format as much as code: saved diaries and CSV files use them, so they
live here, with the engine, while their wording, limits and options live in content/diary.yml.
The morning fields are the Consensus Sleep Diary core items 1-8 (Carney et al. 2012).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DiaryField:
    id: str
    kind: str
    """date, one_of, any_of, time or whole_number."""
    check_in: str
    """night (the entry's key), evening or morning."""
    required: bool
    """Needed whenever its check-in is filled in (evening mat fields: when the mat was used)."""


FIELDS = (
    DiaryField("night", "date", "night", True),
    DiaryField("mat_used", "one_of", "evening", True),
    DiaryField("mat_minutes", "whole_number", "evening", True),
    DiaryField("mat_feeling", "one_of", "evening", True),
    DiaryField("mat_marks", "one_of", "evening", True),
    DiaryField("stop_signs", "any_of", "evening", False),
    DiaryField("into_bed", "time", "morning", False),
    DiaryField("tried_to_sleep", "time", "morning", True),
    DiaryField("sol_minutes", "whole_number", "morning", True),
    DiaryField("awakenings", "whole_number", "morning", True),
    DiaryField("waso_minutes", "whole_number", "morning", True),
    DiaryField("final_awakening", "time", "morning", True),
    DiaryField("out_of_bed", "time", "morning", True),
    DiaryField("sleep_quality", "one_of", "morning", True),
)
FIELD_IDS = tuple(field.id for field in FIELDS)
EVENING = tuple(field.id for field in FIELDS if field.check_in == "evening")
MORNING = tuple(field.id for field in FIELDS if field.check_in == "morning")

MAT_USED, MAT_NOT_USED = "yes", "no"
"""The two values of mat_used."""
WITH_THE_MAT = ("mat_minutes", "mat_feeling", "mat_marks")
"""Asked only when the mat was used."""

FEELING_EFFECTS = ("increase", "hold", "decrease")
MARKS_EFFECTS = ("none", "hold_week")
MEASURES = ("sol", "waso", "tst", "tib", "se", "quality", "awakenings")
"""The Consensus Sleep Diary measures the report works out, in the order it shows them."""
