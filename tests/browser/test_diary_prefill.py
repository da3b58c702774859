"""The check-ins fill in what the plan has for the night picked, whatever night it is: after
missed nights, for a night picked by hand, in a new diary opened after the plan's start; and
never over what the person typed. Every number and word comes from content and the engine."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from typing import Any

from playwright.sync_api import Locator, Page, expect

from tests.browser.diary import (
    EVERY_EVENING_ANSWERS,
    FAIR_TEST_ANSWERS,
    FIELDS,
    SAY,
    check_in,
    choose,
    engine_result,
    field,
    nights_of_a_fair_test,
    open_diary,
    seed_storage,
    stored_diary,
    submit,
    type_into,
    words,
)
from tests.support.server import ServedSite


def evenings(answers: dict[str, Any], entries: list[dict]) -> dict[str, dict[str, Any]]:
    """The engine's evenings for this diary, by night."""
    report = engine_result(answers, entries)["report"]
    return {item["night"]: item for item in report["evenings"]}


def night_after_start(answers: dict[str, Any], days: int) -> str:
    return (date.fromisoformat(answers["start_date"]) + timedelta(days=days)).isoformat()


def tonight(page: Page) -> Locator:
    return page.locator("[data-tonight]")


def expect_the_plans_evening(page: Page, evening: dict[str, Any]) -> None:
    """The line above the evening check-in says what the plan has for that evening."""
    expect(tonight(page)).to_have_text(
        words(
            SAY[f"tonight.{evening['planned']}"], night=evening["night"], minutes=evening["minutes"]
        )
    )


def test_after_missed_nights_a_check_in_gets_that_nights_plan(
    page: Page, served_site: ServedSite
) -> None:
    answers = EVERY_EVENING_ANSWERS
    logged = nights_of_a_fair_test(answers, count=3)
    seed_storage(page, served_site, answers, logged)
    open_diary(page, served_site)
    gap_night = night_after_start(answers, 10)  # a week later, nothing logged in between
    planned = evenings(answers, logged)
    evening = planned[gap_night]
    assert gap_night != engine_result(answers, logged)["report"]["next_night"]["night"]
    assert evening["planned"] == "mat" and evening["minutes"]

    form = check_in(page, "evening")
    type_into(page, form, "night", gap_night)
    expect_the_plans_evening(page, evening)
    choose(page, form, "mat_used", "yes")
    expect(field(form, "mat_minutes")).to_have_value(str(evening["minutes"]))
    mat_yes = next(e for e in logged if e["mat_used"] == "yes")
    choose(page, form, "mat_feeling", mat_yes["mat_feeling"])
    choose(page, form, "mat_marks", mat_yes["mat_marks"])
    submit(page, form)
    expect(page.locator("[data-diary-notice]")).to_have_text(
        words(SAY["notice.saved"], night=gap_night)
    )
    kept = json.loads(stored_diary(page) or "null")["entries"]
    assert next(e for e in kept if e["night"] == gap_night)["mat_minutes"] == evening["minutes"]

    # The morning after that evening gets its bedtime.
    morning = check_in(page, "morning")
    field(morning, "night").fill(gap_night)
    expect(field(morning, "tried_to_sleep")).to_have_value(evening["tried_to_sleep"])


def test_a_night_picked_by_hand_gets_its_own_plan_and_keeps_what_was_typed(
    page: Page, served_site: ServedSite
) -> None:
    answers = FAIR_TEST_ANSWERS
    logged = nights_of_a_fair_test(answers, count=3)
    seed_storage(page, served_site, answers, logged)
    open_diary(page, served_site)
    planned = evenings(answers, logged)
    unlogged = [e for e in planned.values() if e["night"] > logged[-1]["night"]]
    rest = next(e for e in unlogged if e["planned"] == "rest")
    first_week = next(e for e in unlogged if e["planned"] == "mat" and e["week"] == 1)
    second_week = next(e for e in unlogged if e["planned"] == "mat" and e["week"] == 2)
    assert first_week["minutes"] != second_week["minutes"]  # else the change would not show

    form = check_in(page, "evening")
    night, minutes = field(form, "night"), field(form, "mat_minutes")
    choose(page, form, "mat_used", "yes")
    for evening in (first_week, rest, second_week):
        night.fill(evening["night"])
        expect_the_plans_evening(page, evening)
        expect(minutes).to_have_value("" if evening["minutes"] is None else str(evening["minutes"]))

    # What the person types stays, whichever night they pick next.
    typed = str(second_week["minutes"] + 1)
    minutes.fill(typed)
    night.fill(first_week["night"])
    expect_the_plans_evening(page, first_week)
    expect(minutes).to_have_value(typed)

    # A night before the plan's start has no plan: no line, nothing filled in.
    night.fill(night_after_start(answers, -1))
    expect(tonight(page)).to_be_hidden()
    expect(minutes).to_have_value(typed)
    minutes.fill("")
    night.fill(second_week["night"])
    expect(minutes).to_have_value(str(second_week["minutes"]))


def test_a_new_diary_opened_after_the_plans_start_fills_in_tonight(
    page: Page, served_site: ServedSite
) -> None:
    answers = EVERY_EVENING_ANSWERS
    seed_storage(page, served_site, answers, None)
    open_diary(page, served_site)
    form = check_in(page, "evening")
    tonight_night = field(form, "night").input_value()  # the page's likely night, by its clock
    assert tonight_night > answers["start_date"]
    evening = evenings(answers, [])[tonight_night]
    assert evening["minutes"]
    expect_the_plans_evening(page, evening)
    expect(field(form, "mat_minutes")).to_have_value(str(evening["minutes"]))


def test_a_time_field_on_a_12_hour_clock_names_a_half_typed_time_and_keeps_it(
    page: Page, served_site: ServedSite
) -> None:
    """The tests' Chromium (en-US) shows time fields with am or pm, as many phones do: the
    hint and the message must fit that clock as well as a 24-hour one."""
    seed_storage(page, served_site, EVERY_EVENING_ANSWERS, None)
    open_diary(page, served_site)
    morning = check_in(page, "morning")
    tried = field(morning, "tried_to_sleep")
    expect(tried).to_have_accessible_description(FIELDS["tried_to_sleep"]["hint"])
    tried.fill("")
    tried.focus()
    page.keyboard.type("11")  # the hours only
    morning.get_by_role("button").click()
    message = FIELDS["tried_to_sleep"]["errors"]["invalid"]
    expect(page.get_by_role("group", name=SAY["errors.title"])).to_contain_text(message)
    expect(tried).to_have_accessible_description(re.compile(re.escape(message)))
    assert tried.evaluate("input => input.validity.badInput")  # what was typed is still there

    # The rest of the time, with pm, is an evening time on the diary's 24-hour clock.
    tried.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.type("15P")
    expect(tried).to_have_value("23:15")
