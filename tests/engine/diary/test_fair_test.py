"""The fair test's schedule: week 1 gets used to the mat; each later week has content's number
of mat evenings placed at random, balanced within the week, reproducible from its seed."""

from __future__ import annotations

import random
from datetime import date

import icalendar
import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from guide_engine import AnswersError, build_plan
from guide_engine.fair_test import CHOSEN, EVENINGS_PER_WEEK
from guide_engine.outputs import render
from tests.engine.diary.support import (
    DIARY,
    consult_first_condition,
    fair_test_answers,
    plan_answers,
)
from tests.engine.support import ENGINE_DATA, QUESTIONS, engine_settings

WORDS = DIARY["fair_test"]
PLAN_WORDS = ENGINE_DATA["wording"]
SEEDS = st.integers(QUESTIONS["fair_test_seed"]["min"], QUESTIONS["fair_test_seed"]["max"])


def schedule(seed: int, **changes: object) -> dict:
    plan = build_plan(fair_test_answers(seed, **changes), data=ENGINE_DATA)
    return plan["fair_test"]


def documented_schedule(seed: int, weeks: list[int]) -> dict[int, list[str]]:
    """The derivation README.md documents, written out independently of the engine."""
    rng = random.Random(seed)
    mat = WORDS["mat_evenings_per_week"]
    result = {}
    for week in weeks:
        kinds = ["mat"] * mat + ["rest"] * (EVENINGS_PER_WEEK - mat)
        for i in range(len(kinds) - 1, 0, -1):
            j = int(rng.random() * (i + 1))
            kinds[i], kinds[j] = kinds[j], kinds[i]
        result[week] = kinds
    return result


@engine_settings
@given(SEEDS)
def test_every_test_week_is_balanced_and_week_one_is_not_tested(seed: int) -> None:
    fair_test = schedule(seed)
    weeks = [week["week"] for week in fair_test["weeks"]]
    assert weeks == list(range(WORDS["familiarisation_weeks"] + 1, ENGINE_DATA["weeks"] + 1))
    for week in fair_test["weeks"]:
        kinds = [evening["kind"] for evening in week["evenings"]]
        assert kinds.count("mat") == WORDS["mat_evenings_per_week"]
        assert kinds.count("rest") == EVENINGS_PER_WEEK - WORDS["mat_evenings_per_week"]


@engine_settings
@given(SEEDS)
def test_the_schedule_is_reproducible_from_its_seed_as_documented(seed: int) -> None:
    fair_test = schedule(seed)
    assert schedule(seed) == fair_test
    weeks = [week["week"] for week in fair_test["weeks"]]
    expected = documented_schedule(seed, weeks)
    assert {w["week"]: [e["kind"] for e in w["evenings"]] for w in fair_test["weeks"]} == expected


def test_different_seeds_give_different_schedules() -> None:
    patterns = {
        tuple(e["kind"] for w in schedule(seed)["weeks"] for e in w["evenings"])
        for seed in range(
            QUESTIONS["fair_test_seed"]["min"], QUESTIONS["fair_test_seed"]["min"] + 40
        )
    }
    assert len(patterns) > 30  # C(7, 4)^3 = 42,875 schedules; 40 seeds nearly never repeat


def test_the_evenings_are_dated_from_the_start_date() -> None:
    fair_test = schedule(7)
    first_week = fair_test["weeks"][0]
    start = plan_answers()["start_date"]
    assert first_week["evenings"][0]["date"] > start
    dates = [e["date"] for w in fair_test["weeks"] for e in w["evenings"]]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)


def test_a_fair_test_needs_its_number() -> None:
    answers = {**fair_test_answers(), "fair_test_seed": None}
    with pytest.raises(AnswersError) as caught:
        build_plan(answers, data=ENGINE_DATA)
    assert caught.value.errors == {
        "fair_test_seed": QUESTIONS["fair_test_seed"]["errors"]["missing"]
    }


def test_the_plain_plan_stays_available() -> None:
    for kind in (None, *[o["value"] for o in QUESTIONS["plan_kind"]["options"]]):
        if kind == CHOSEN:
            continue
        plan = build_plan(plan_answers(plan_kind=kind), data=ENGINE_DATA)
        assert plan["fair_test"] is None
        assert WORDS["heading"] not in render(plan, "text", data=ENGINE_DATA)


def test_no_test_without_mat_sessions() -> None:
    plan = build_plan(fair_test_answers(conditions=[consult_first_condition()]), data=ENGINE_DATA)
    assert plan["weeks"] == []
    assert plan["fair_test"]["available"] is False
    assert plan["fair_test"]["note"] == WORDS["unavailable"]


@pytest.mark.parametrize("output_format", ["text", "html"])
def test_the_plan_shows_the_schedule_and_what_the_test_can_and_cannot_show(
    output_format: str,
) -> None:
    plan = build_plan(fair_test_answers(), data=ENGINE_DATA)
    shown = render(plan, output_format, data=ENGINE_DATA)
    shown = " ".join(shown.replace("&#x27;", "'").split())
    for text in (WORDS["heading"], WORDS["mat_evenings"], WORDS["rest_evenings"]):
        assert text in shown
    for text in [*WORDS["can_show"], *WORDS["cannot_show"], plan["fair_test"]["rest_evening"]]:
        assert " ".join(text.split()) in shown
    assert str(plan["fair_test"]["seed"]) in shown


def test_without_a_start_date_the_evenings_are_numbered() -> None:
    plan = build_plan({**fair_test_answers(), "start_date": None}, data=ENGINE_DATA)
    text = render(plan, "text", data=ENGINE_DATA)
    before, _, after = WORDS["evening_numbers"].partition("{numbers}")
    assert before in text and after in text


def evening_names(week: dict, kind: str) -> list[str]:
    """How the plan names a week's dated evenings of one kind ("Sunday 8 March")."""
    days = [date.fromisoformat(e["date"]) for e in week["evenings"] if e["kind"] == kind]
    return [f"{day:%A} {day.day} {day:%B}" for day in days]


def test_the_html_plan_has_a_table_of_each_test_weeks_mat_and_rest_evenings() -> None:
    plan = build_plan(fair_test_answers(), data=ENGINE_DATA)
    soup = BeautifulSoup(render(plan, "html", data=ENGINE_DATA), "html.parser")
    table = soup.find("caption", string=WORDS["schedule_caption"]).find_parent("table")
    headings = [th.get_text() for th in table.select("thead th[scope=col]")]
    assert headings == [
        PLAN_WORDS["week_column"],
        PLAN_WORDS["minutes_column"],
        WORDS["mat_evenings"],
        WORDS["rest_evenings"],
    ]
    rows = table.select("tbody tr")
    weeks = plan["fair_test"]["weeks"]
    assert [row.find("th", scope="row").get_text() for row in rows] == [
        str(week["week"]) for week in weeks
    ]
    for row, week in zip(rows, weeks, strict=True):
        minutes, mat, rest = (cell.get_text() for cell in row.find_all("td"))
        assert minutes == str(week["minutes"])
        assert mat.split(", ") == evening_names(week, "mat")
        assert rest.split(", ") == evening_names(week, "rest")
        assert len(mat.split(", ")) == WORDS["mat_evenings_per_week"]


def test_the_text_plan_has_the_same_table() -> None:
    plan = build_plan(fair_test_answers(), data=ENGINE_DATA)
    text = render(plan, "text", data=ENGINE_DATA)
    assert f"*{WORDS['schedule_caption']}*" in text
    heading = (PLAN_WORDS["week_column"], PLAN_WORDS["minutes_column"])
    heading += (WORDS["mat_evenings"], WORDS["rest_evenings"])
    assert "| " + " | ".join(heading) + " |" in text
    for week in plan["fair_test"]["weeks"]:
        cells = [str(week["week"]), str(week["minutes"])]
        cells += [", ".join(evening_names(week, kind)) for kind in ("mat", "rest")]
        assert "| " + " | ".join(cells) + " |" in text


@pytest.mark.parametrize("output_format", ["text", "html"])
def test_the_plan_repeats_the_morning_reminder_time_since_calendars_may_drop_it(
    output_format: str,
) -> None:
    note = DIARY["calendar"]["morning_note"]

    def shown(**changes: object) -> str:
        answers = {**fair_test_answers(), **changes}
        plan = build_plan({k: v for k, v in answers.items() if v is not None}, data=ENGINE_DATA)
        return " ".join(render(plan, output_format, data=ENGINE_DATA).split())

    assert " ".join(note.replace("{time}", "06:45").split()) in shown(diary_reminder="06:45")
    before = " ".join(note.split("{time}")[0].split())
    assert before not in shown()  # no reminder asked for
    assert before not in shown(diary_reminder="06:45", start_date=None)  # no calendar file


def test_a_rest_evenings_calendar_reminder_says_it_has_no_mat() -> None:
    plan = build_plan(fair_test_answers(), data=ENGINE_DATA)
    events = icalendar.Calendar.from_ical(render(plan, "ics", data=ENGINE_DATA)).walk("VEVENT")
    kinds = {
        f"week-{week['week']}-evening-{e['evening']}": e["kind"]
        for week in plan["fair_test"]["weeks"]
        for e in week["evenings"]
    }
    said: dict[str, set[str]] = {}
    for event in events:
        uid = str(event["UID"]).split("@")[0]
        kind = kinds.get(uid.removeprefix(f"{plan['calendar']['start_date']}-"), "mat")
        [alarm] = event.walk("VALARM")  # week 1 has the mat every evening
        said.setdefault(kind, set()).add(str(alarm["DESCRIPTION"]))
    assert said == {
        "mat": {ENGINE_DATA["calendar"]["reminder_text"]},
        "rest": {WORDS["calendar"]["rest_reminder"]},
    }
