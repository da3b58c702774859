"""Checking entries: each problem gets its own field's message from content, never another error;
entries are keyed by night, can be edited or deleted, and a missed night is simply missing."""

from __future__ import annotations

import pytest

from guide_engine.diary.entries import check_entries, check_entry, with_entry, without_night
from guide_engine.diary.errors import DiaryError
from guide_engine.diary.fields import MAT_USED
from tests.engine.diary.support import DIARY, FIELDS, entry, evening, morning, night

MESSAGES = DIARY["entry_errors"]


def problems(raw: object) -> dict[str, str]:
    with pytest.raises(DiaryError) as caught:
        check_entry(raw, DIARY)
    return caught.value.errors


def message(field_id: str, kind: str) -> str:
    return str(FIELDS[field_id]["errors"][kind])


def test_a_full_entry_is_normalised() -> None:
    checked = check_entry(
        {
            **entry(0, evening(minutes=12), morning("0.30", final="7:05", out="7:20")),
            "sol_minutes": " 20 ",
        },
        DIARY,
    )
    assert checked["mat_minutes"] == 12 and checked["sol_minutes"] == 20
    assert (checked["tried_to_sleep"], checked["final_awakening"]) == ("00:30", "07:05")
    assert checked["into_bed"] is None and checked["stop_signs"] == []


def test_either_check_in_alone_is_an_entry() -> None:
    assert check_entry(entry(0, evening()), DIARY)["tried_to_sleep"] is None
    assert check_entry(entry(0, morning()), DIARY)["mat_used"] is None


def test_each_field_has_its_own_message() -> None:
    bad = {
        **entry(0, evening(), morning()),
        "mat_minutes": FIELDS["mat_minutes"]["max"] + 1,
        "mat_feeling": "glorious",
        "tried_to_sleep": "25:00",
        "sleep_quality": 7,
    }
    assert problems(bad) == {
        "mat_minutes": message("mat_minutes", "invalid"),
        "mat_feeling": message("mat_feeling", "invalid"),
        "tried_to_sleep": message("tried_to_sleep", "invalid"),
        "sleep_quality": message("sleep_quality", "invalid"),
    }


def test_limits_in_messages_are_filled_in_from_content() -> None:
    text = message("sol_minutes", "invalid")
    assert str(FIELDS["sol_minutes"]["max"]) in text and "{" not in text


def test_a_morning_needs_every_core_item_but_into_bed() -> None:
    partial = entry(0, {"tried_to_sleep": "23:00"})
    needed = [f for f in FIELDS.values() if f["check_in"] == "morning" and f["required"]]
    expected = {f["id"]: f["errors"]["missing"] for f in needed if f["id"] != "tried_to_sleep"}
    assert problems(partial) == expected


def test_an_evening_with_the_mat_needs_its_minutes_feeling_and_marks() -> None:
    assert problems(entry(0, {"mat_used": MAT_USED})) == {
        field_id: message(field_id, "missing")
        for field_id in ("mat_minutes", "mat_feeling", "mat_marks")
    }


def test_no_minutes_for_an_evening_without_the_mat() -> None:
    raw = entry(0, evening(used=False), {"mat_minutes": 10})
    assert problems(raw) == {"mat_minutes": MESSAGES["not_without_mat"]}


def test_an_entry_needs_a_night_and_some_answers() -> None:
    assert problems({}) == {
        "night": message("night", "missing"),
        "mat_used": MESSAGES["empty"],
    }
    assert problems({"night": "2026-02-30", **morning()}) == {"night": message("night", "invalid")}
    assert problems("a night") == {"night": MESSAGES["not_an_entry"]}


def test_unknown_fields_are_named() -> None:
    assert problems({**entry(0, morning()), "mood": "fine"}) == {"mood": MESSAGES["unknown_field"]}


def test_awake_minutes_without_waking_up_are_refused() -> None:
    raw = entry(0, morning(awakenings=0, waso=15))
    assert problems(raw) == {"waso_minutes": MESSAGES["awake_without_waking"]}


def test_more_time_awake_than_the_night_lasted_is_refused() -> None:
    raw = entry(0, morning("23:00", sol=300, waso=200, final="06:00"))  # 420 min from trying
    assert problems(raw) == {"waso_minutes": MESSAGES["more_awake_than_asleep"]}


def test_times_in_the_wrong_order_are_caught_as_too_long_in_bed() -> None:
    # Out of bed before the final awakening: read as the next day, longer than the limit.
    raw = entry(0, morning("23:00", final="07:00", out="06:50"))
    assert problems(raw) == {"out_of_bed": MESSAGES["too_long_in_bed"]}
    assert str(DIARY["limits"]["hours_in_bed"]) in MESSAGES["too_long_in_bed"]


def test_a_stop_sign_must_be_one_from_content() -> None:
    sign = DIARY["stop_signs"][0]["id"]
    assert check_entry(entry(0, evening(stop=(sign,))), DIARY)["stop_signs"] == [sign]
    raw = entry(0, evening(stop=("hiccups",)))
    assert problems(raw) == {"stop_signs": message("stop_signs", "invalid")}


def test_a_list_reports_each_entry_by_its_index() -> None:
    raws = [entry(0, morning()), entry(1, {"mat_used": "maybe"}), entry(0, evening())]
    with pytest.raises(DiaryError) as caught:
        check_entries(raws, DIARY)
    assert caught.value.errors == {
        "entries/1/mat_used": message("mat_used", "invalid"),
        "entries/2/night": MESSAGES["duplicate_night"].replace("{row}", "1"),
    }


def test_a_diary_has_a_limit_on_nights() -> None:
    too_many = [entry(offset, morning()) for offset in range(DIARY["limits"]["nights"] + 1)]
    with pytest.raises(DiaryError) as caught:
        check_entries(too_many, DIARY)
    assert caught.value.errors == {"entries": MESSAGES["too_many"]}


def test_editing_replaces_the_night_and_deleting_removes_it() -> None:
    diary = check_entries([entry(0, morning(sol=10)), entry(2, morning(sol=30))], DIARY)
    edited = with_entry(diary, check_entry(entry(0, morning(sol=45)), DIARY))
    assert [(e["night"], e["sol_minutes"]) for e in edited] == [(night(0), 45), (night(2), 30)]
    added = with_entry(edited, check_entry(entry(1, evening()), DIARY))
    assert [e["night"] for e in added] == [night(0), night(1), night(2)]
    assert [e["night"] for e in without_night(added, night(1))] == [night(0), night(2)]
    assert without_night(added, night(9)) == added
