"""Each night's measures by the Consensus Sleep Diary definitions, checked against diaries
worked out by hand (Carney et al. 2012): SOL and WASO as given, TST = from trying to sleep
to the final awakening less SOL and WASO, TIB = into bed to out of bed, SE = TST / TIB."""

from __future__ import annotations

from guide_engine.diary.entries import check_entries, check_entry
from guide_engine.diary.measures import night_measures, week_of, weekly_medians
from tests.engine.diary.support import (
    DIARY,
    FIELDS,
    entry,
    evening,
    morning,
    night,
    plan_answers,
    report,
)


def measures_of(*parts: dict) -> dict:
    result = night_measures(check_entry(entry(0, *parts), DIARY), DIARY)
    assert result is not None
    return result


def test_a_night_before_midnight() -> None:
    # In bed 22:40, tried 23:00, 20 min to fall asleep, woke twice for 30 min in all, final
    # awakening 06:30 (7 h 30 = 450 min after 23:00), out of bed 07:00 (500 min after 22:40).
    result = measures_of(
        morning("23:00", sol=20, awakenings=2, waso=30, final="06:30", out="07:00", into="22:40")
    )
    assert result["sol"] == 20 and result["waso"] == 30 and result["awakenings"] == 2
    assert result["tst"] == 450 - 20 - 30 == 400
    assert result["tib"] == 500
    assert result["se"] == 80  # 400 / 500


def test_trying_to_sleep_after_midnight() -> None:
    # Tried 00:30, final 07:15 (405 min), out 07:45 (435 min), no separate time into bed.
    result = measures_of(morning("00:30", sol=15, awakenings=0, waso=0, final="07:15", out="07:45"))
    assert (result["tst"], result["tib"]) == (390, 435)
    assert result["se"] == 89.7  # 390 / 435 = 89.655...%


def test_into_bed_before_midnight_and_asleep_after_it() -> None:
    # Into bed 23:50, tried 00:20, final 05:50 (330 min), out 06:00 (370 min after 23:50).
    result = measures_of(
        morning("00:20", sol=40, awakenings=1, waso=5, final="05:50", out="06:00", into="23:50")
    )
    assert (result["tst"], result["tib"]) == (330 - 40 - 5, 370)
    assert result["se"] == 77.0  # 285 / 370 = 77.03%


def test_a_late_sleeper_whose_night_crosses_noon() -> None:
    # Shift work: tried 08:00, final 15:00, out 15:30. Each time follows the one before it.
    result = measures_of(morning("08:00", sol=10, awakenings=0, waso=0, final="15:00", out="15:30"))
    assert (result["tst"], result["tib"]) == (410, 450)


def test_quality_is_the_scale_score_from_content() -> None:
    for option in FIELDS["sleep_quality"]["options"]:
        parts = {**morning(), "sleep_quality": option["value"]}
        assert measures_of(parts)["quality"] == option["score"]


def test_a_missed_morning_is_missing_not_zero() -> None:
    assert night_measures(check_entry(entry(0, evening()), DIARY), DIARY) is None


def test_weeks_start_on_the_plan_start_date() -> None:
    start = night(0)
    assert [week_of(night(offset), start) for offset in (0, 6, 7, 13, 14, -1)] == [
        1, 1, 2, 2, 3, 0,
    ]  # fmt: skip


def test_weekly_medians_skip_missing_nights() -> None:
    # Week 1: three mornings logged (SOL 10, 30, 20 -> median 20), two nights missed, one
    # evening only. Week 2: two mornings (SOL 15 and 40 -> median 27.5). Week 3: evening only.
    entries = check_entries(
        [
            entry(0, morning(sol=10)),
            entry(2, morning(sol=30)),
            entry(3, evening()),
            entry(5, morning(sol=20)),
            entry(8, morning(sol=15)),
            entry(12, morning(sol=40)),
            entry(15, evening()),
        ],
        DIARY,
    )
    rows = {row["week"]: row for row in report(plan_answers(), entries)["weeks"]}
    assert rows[1]["nights"] == 3 and rows[1]["medians"]["sol"] == 20
    assert rows[2]["nights"] == 2 and rows[2]["medians"]["sol"] == 27.5
    assert rows[3]["nights"] == 0 and rows[3]["medians"]["sol"] is None
    assert rows[2]["starts_on"] == night(7)


def test_entries_in_any_order_give_the_same_report() -> None:
    entries = [entry(offset, evening(), morning(sol=5 + offset)) for offset in range(10)]
    forwards = report(plan_answers(), entries)
    backwards = report(plan_answers(), list(reversed(entries)))
    assert forwards == backwards
    assert [item["night"] for item in forwards["nights"]] == [night(i) for i in range(10)]


def test_weekly_medians_of_one_decimal_efficiencies() -> None:
    nights = [
        {"week": 1, "measures": {**dict.fromkeys(("sol", "waso", "tst", "tib", "quality",
                                                  "awakenings"), 1), "se": se}}
        for se in (80.1, 90.2)
    ]  # fmt: skip
    [row] = weekly_medians(nights, night(0))
    assert row["medians"]["se"] == 85.2  # (80.1 + 90.2) / 2 = 85.15, half to even
