"""The fair test in the plan builder: a real choice, a number picked at random (or typed), the
schedule of mat and rest evenings in the plan, the calendar file, and the way to the diary.

Numbers and wording come from content/ (the questionnaire, diary.yml), and the plans the page
should show from the engine run in CPython on the same answers.
"""

from __future__ import annotations

import json
import re
from base64 import urlsafe_b64decode
from datetime import date, timedelta
from typing import Any

from icalendar import Calendar
from playwright.sync_api import Locator, Page, expect

from guide_engine.contract import DIARY_REMINDER, FAIR_TEST_SEED, PLAN_KIND
from guide_engine.fair_test import CHOSEN, EVENINGS_PER_WEEK
from tests.browser.builder import (
    build_my_plan,
    calendar_button,
    error_summary,
    get_a_plan,
    open_builder,
    plan_heading,
    stored,
)
from tests.browser.conftest import NewContext
from tests.browser.questionnaire import (
    CONTENT,
    DATED,
    ENGINE_DATA,
    FAIR_TEST,
    QUESTIONS,
    fill_answers,
    option_box,
    option_values,
    plan_for,
    question_field,
)
from tests.browser.test_plan_builder_access import answer_with_keys, tab_to
from tests.support.server import ServedSite

SEED = QUESTIONS[FAIR_TEST_SEED]
FAIR = ENGINE_DATA["diary"]["fair_test"]
LINKS = CONTENT["diary"]["plan_links"]
PLAIN = next(value for value in option_values(PLAN_KIND) if value != CHOSEN)


def seed_field(page: Page) -> Locator:
    return question_field(page, FAIR_TEST_SEED)


def choose(page: Page, kind: str) -> None:
    option_box(page, PLAN_KIND, kind).check()


def picked_number(page: Page) -> int:
    """The number in the fair test field, which must be a whole number within content's limits."""
    expect(seed_field(page)).to_have_value(re.compile(r"^\d+$"))
    number = int(seed_field(page).input_value())
    assert SEED["min"] <= number <= SEED["max"]
    return number


def schedule_table(page: Page) -> Locator:
    return page.get_by_role("table", name=FAIR["schedule_caption"])


def schedule_rows(page: Page) -> list[list[str]]:
    """The schedule as the page shows it: a row per week, its header cell and its cells."""
    rows = schedule_table(page).locator("tbody tr")
    return [
        [" ".join(cell.split()) for cell in row.locator("th, td").all_inner_texts()]
        for row in rows.all()
    ]


def expected_rows(answers: dict[str, Any]) -> list[list[str]]:
    """The rows the engine's plan for these answers gives, with content's balance checked."""
    rows = []
    for week in plan_for(answers)["fair_test"]["weeks"]:
        kinds = [evening["kind"] for evening in week["evenings"]]
        assert kinds.count("mat") == FAIR["mat_evenings_per_week"]
        assert kinds.count("rest") == EVENINGS_PER_WEEK - FAIR["mat_evenings_per_week"]
        rows.append([str(week["week"]), str(week["minutes"]), *names_of(week)])
    return rows


def names_of(week: dict[str, Any]) -> list[str]:
    """A week's mat evenings and its rest evenings as the plan names them ("Sunday 8 March")."""
    named = []
    for kind in ("mat", "rest"):
        days = [date.fromisoformat(e["date"]) for e in week["evenings"] if e["kind"] == kind]
        named.append(", ".join(f"{day:%A} {day.day} {day:%B}" for day in days))
    return named


def cell_texts(rows: list[list[str]]) -> list[list[str]]:
    """Cells without the labels narrow screens put before them ("Minutes: 15")."""
    return [[re.sub(r"^[^:]+: ", "", cell) for cell in row] for row in rows]


def diary_link(page: Page, link_text: str) -> Locator:
    return page.get_by_role("link", name=link_text, exact=True)


# --- choosing a fair test ----------------------------------------------------------------------


def test_the_plain_plan_is_the_default_and_the_number_is_asked_only_for_a_fair_test(
    page: Page, served_site: ServedSite
) -> None:
    open_builder(page, served_site)
    for value in option_values(PLAN_KIND):
        expect(option_box(page, PLAN_KIND, value)).not_to_be_checked()  # never pre-selected
    expect(seed_field(page)).to_be_hidden()
    choose(page, PLAIN)
    expect(seed_field(page)).to_be_hidden()
    choose(page, CHOSEN)
    expect(seed_field(page)).to_be_visible()
    # The fair test answer says which question it reveals.
    revealed = page.locator(f"#question-{FAIR_TEST_SEED}")
    controls = option_box(page, PLAN_KIND, CHOSEN).get_attribute("aria-controls") or ""
    assert revealed.get_attribute("id") in controls.split()
    expect(seed_field(page)).to_have_accessible_description(
        re.compile(re.escape(" ".join(SEED["hint"].split())))
    )

    # With no plan kind chosen, the plan is the plain one, and it says nothing of a test.
    fill_answers(page, DATED)
    choose(page, PLAIN)
    build_my_plan(page)
    expect(plan_heading(page)).to_be_visible()
    expect(page.get_by_role("heading", name=FAIR["heading"])).to_have_count(0)


def test_choosing_a_fair_test_picks_a_number_within_the_limits_at_random(
    new_context: NewContext, served_site: ServedSite
) -> None:
    numbers = []
    for _ in range(2):
        page = new_context().new_page()  # nothing saved: a new person
        open_builder(page, served_site)
        choose(page, CHOSEN)
        numbers.append(picked_number(page))
    # Two people get different numbers (the same one twice has a chance of about 1 in a million).
    assert numbers[0] != numbers[1], numbers


def test_a_number_is_never_replaced_once_there(page: Page, served_site: ServedSite) -> None:
    open_builder(page, served_site)
    choose(page, CHOSEN)
    picked = picked_number(page)
    choose(page, PLAIN)
    choose(page, CHOSEN)
    expect(seed_field(page)).to_have_value(str(picked))  # chosen again: the same number

    earlier = str(SEED["min"] + 41)  # the number of an earlier plan, typed in
    seed_field(page).fill(earlier)
    choose(page, PLAIN)
    choose(page, CHOSEN)
    expect(seed_field(page)).to_have_value(earlier)
    fill_answers(page, {k: v for k, v in DATED.items() if k != PLAN_KIND})
    build_my_plan(page)
    seed_note = FAIR["seed_note"].replace("{seed}", earlier)
    expect(page.get_by_text(" ".join(seed_note.split()))).to_be_visible()
    assert stored(page)["answers"][FAIR_TEST_SEED] == earlier  # type: ignore[index]


def test_a_number_restored_from_saved_answers_is_kept(page: Page, served_site: ServedSite) -> None:
    open_builder(page, served_site)
    fill_answers(page, {PLAN_KIND: CHOSEN})
    seed_field(page).fill(str(SEED["max"]))
    page.reload()
    expect(option_box(page, PLAN_KIND, CHOSEN)).to_be_checked()
    expect(seed_field(page)).to_be_visible()
    expect(seed_field(page)).to_have_value(str(SEED["max"]))


# --- the plan ------------------------------------------------------------------------------------


def test_a_fair_test_plan_shows_mat_and_rest_evenings_balanced_in_each_week(
    page: Page, served_site: ServedSite
) -> None:
    open_builder(page, served_site)
    fill_answers(page, FAIR_TEST)
    answers = {**FAIR_TEST, FAIR_TEST_SEED: str(picked_number(page))}
    build_my_plan(page)
    expect(plan_heading(page)).to_be_visible()

    expect(page.get_by_role("heading", name=FAIR["heading"])).to_be_visible()
    headers = schedule_table(page).get_by_role("columnheader").all_inner_texts()
    assert headers == [
        ENGINE_DATA["wording"]["week_column"],
        ENGINE_DATA["wording"]["minutes_column"],
        FAIR["mat_evenings"],
        FAIR["rest_evenings"],
    ]
    assert cell_texts(schedule_rows(page)) == expected_rows(answers)
    plan = plan_for(answers)
    for text in (*plan["fair_test"]["can_show"], *plan["fair_test"]["cannot_show"]):
        expect(page.get_by_role("listitem").filter(has_text=" ".join(text.split()))).to_be_visible()
    for heading in (FAIR["can_show_heading"], FAIR["cannot_show_heading"]):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()


def test_the_same_number_gives_the_same_schedule_after_a_reload_and_through_the_link(
    new_context: NewContext, page: Page, served_site: ServedSite
) -> None:
    open_builder(page, served_site)
    fill_answers(page, FAIR_TEST)
    number = picked_number(page)
    build_my_plan(page)
    expect(schedule_table(page)).to_be_visible()
    shown = schedule_rows(page)
    assert cell_texts(shown) == expected_rows({**FAIR_TEST, FAIR_TEST_SEED: str(number)})

    page.reload()
    expect(schedule_table(page)).to_be_visible()
    assert schedule_rows(page) == shown
    link = page.get_by_role("textbox", name="A link to your plan").input_value()
    page.get_by_role("button", name="Change answers").click()
    expect(seed_field(page)).to_have_value(str(number))

    other = new_context().new_page()  # another device: nothing saved there
    other.goto(link)
    expect(schedule_table(other)).to_be_visible()
    assert schedule_rows(other) == shown
    other.get_by_role("button", name="Change answers").click()
    expect(seed_field(other)).to_have_value(str(number))


def test_a_number_not_asked_for_stays_in_the_form_but_not_in_the_plan_or_its_link(
    page: Page, served_site: ServedSite
) -> None:
    open_builder(page, served_site)
    fill_answers(page, FAIR_TEST)
    number = "12x"  # not a number the engine takes: a plain plan must not be held up by it
    seed_field(page).fill(number)
    choose(page, PLAIN)
    build_my_plan(page)
    expect(plan_heading(page)).to_be_visible()
    expect(error_summary(page)).to_have_count(0)
    expect(page.get_by_role("heading", name=FAIR["heading"])).to_have_count(0)
    link = page.get_by_role("textbox", name="A link to your plan").input_value()
    encoded = link.split("#answers=", 1)[1]
    shared = json.loads(urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
    assert FAIR_TEST_SEED not in shared and shared[PLAN_KIND] == PLAIN
    assert stored(page)["answers"][FAIR_TEST_SEED] == number  # type: ignore[index]
    page.get_by_role("button", name="Change answers").click()
    choose(page, CHOSEN)
    expect(seed_field(page)).to_have_value(number)


# --- bad numbers ---------------------------------------------------------------------------------


def test_a_bad_number_gets_contents_message_next_to_the_field_and_nothing_is_cleared(
    page: Page, served_site: ServedSite
) -> None:
    open_builder(page, served_site)
    fill_answers(page, FAIR_TEST)
    question = page.locator(f"#question-{FAIR_TEST_SEED}")
    for typed, kind in (
        ("12x", "invalid"),
        (str(SEED["max"] + 1), "invalid"),
        (str(SEED["min"] - 1), "invalid"),
        ("", "missing"),
    ):
        seed_field(page).fill(typed)
        build_my_plan(page)
        message = SEED["errors"][kind]
        expect(error_summary(page)).to_be_focused()
        expect(error_summary(page).get_by_role("link", name=message)).to_be_visible()
        expect(question.locator("[data-error-message]")).to_have_text(
            re.compile(re.escape(message))
        )
        expect(seed_field(page)).to_have_accessible_description(re.compile(re.escape(message)))
        expect(seed_field(page)).to_have_value(typed)  # nothing typed is cleared
        expect(question_field(page, "bedtime")).to_have_value(FAIR_TEST["bedtime"])
        expect(option_box(page, PLAN_KIND, CHOSEN)).to_be_checked()
        expect(page.locator("[data-error-message]")).to_have_count(1)  # the number's only
    error_summary(page).get_by_role("link", name=SEED["errors"]["missing"]).click()
    expect(seed_field(page)).to_be_focused()


# --- the calendar file ---------------------------------------------------------------------------


def downloaded_calendar(page: Page) -> Calendar:
    with page.expect_download() as download:
        calendar_button(page).click()
    return Calendar.from_ical(download.value.path().read_bytes())


def test_the_calendar_marks_mat_and_rest_evenings_and_reminds_each_morning_when_asked(
    page: Page, served_site: ServedSite
) -> None:
    reminder = "07:40"
    open_builder(page, served_site)
    fill_answers(page, {**FAIR_TEST, DIARY_REMINDER: reminder})
    answers = {**FAIR_TEST, DIARY_REMINDER: reminder, FAIR_TEST_SEED: str(picked_number(page))}
    build_my_plan(page)
    expect(plan_heading(page)).to_be_visible()
    morning_note = ENGINE_DATA["diary"]["calendar"]["morning_note"].replace("{time}", reminder)
    expect(page.get_by_text(" ".join(morning_note.split()))).to_be_visible()

    plan = plan_for(answers)
    events = downloaded_calendar(page).walk("VEVENT")
    words = FAIR["calendar"]
    for week in plan["fair_test"]["weeks"]:
        for evening in week["evenings"]:
            summary = words[f"{evening['kind']}_summary"]
            summary = summary.replace("{minutes}", str(week["minutes"]))
            summary = summary.replace("{week}", str(week["week"]))
            [event] = [
                e for e in events if e.decoded("DTSTART").date().isoformat() == evening["date"]
            ]
            assert str(event["SUMMARY"]) == summary
    diary = ENGINE_DATA["diary"]["calendar"]
    [morning] = [e for e in events if str(e["SUMMARY"]) == diary["morning_summary"]]
    first = morning.decoded("DTSTART")
    assert first.strftime("%H:%M") == reminder
    assert first.date() == date.fromisoformat(FAIR_TEST["start_date"]) + timedelta(days=1)
    assert morning["RRULE"]["COUNT"] == [7 * len(plan["weeks"])]
    [alarm] = morning.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(0)


def test_no_morning_reminder_without_a_time(page: Page, served_site: ServedSite) -> None:
    get_a_plan(page, served_site, FAIR_TEST)
    diary = ENGINE_DATA["diary"]["calendar"]
    summaries = [str(e["SUMMARY"]) for e in downloaded_calendar(page).walk("VEVENT")]
    assert diary["morning_summary"] not in summaries
    before_time = diary["morning_note"].split("{time}")[0].strip()
    expect(page.get_by_text(before_time)).to_have_count(0)


# --- the way to the diary ------------------------------------------------------------------------


def test_a_fair_test_plan_leads_clearly_to_the_diary_and_any_plan_quietly(
    page: Page, served_site: ServedSite
) -> None:
    diary_page = served_site.root_url + "diary/"  # ../diary/ from the builder's address
    get_a_plan(page, served_site, FAIR_TEST)
    expect(page.get_by_role("heading", name=LINKS["fair_test"]["heading"], level=2)).to_be_visible()
    clear = diary_link(page, LINKS["fair_test"]["link_text"])
    expect(clear).to_be_visible()
    assert clear.evaluate("a => a.href") == diary_page
    expect(diary_link(page, LINKS["any_plan"]["link_text"])).to_be_hidden()

    page.get_by_role("button", name="Change answers").click()
    choose(page, PLAIN)
    build_my_plan(page)
    expect(plan_heading(page)).to_be_focused()
    quiet = diary_link(page, LINKS["any_plan"]["link_text"])
    expect(quiet).to_be_visible()
    assert quiet.evaluate("a => a.href") == diary_page
    expect(page.get_by_role("heading", name=LINKS["fair_test"]["heading"])).to_be_hidden()
    expect(diary_link(page, LINKS["fair_test"]["link_text"])).to_be_hidden()


def test_printing_a_fair_test_plan_puts_its_schedule_on_paper(
    page: Page, served_site: ServedSite
) -> None:
    get_a_plan(page, served_site, FAIR_TEST)
    page.emulate_media(media="print")
    expect(schedule_table(page)).to_be_visible()
    expect(page.get_by_role("heading", name=FAIR["cannot_show_heading"])).to_be_visible()
    expect(diary_link(page, LINKS["fair_test"]["link_text"])).to_be_hidden()  # not a paper thing
    borders = (
        schedule_table(page)
        .locator("td")
        .first.evaluate("cell => getComputedStyle(cell).borderTopColor")
    )
    assert borders == "rgb(0, 0, 0)"


# --- the keyboard alone, and phones --------------------------------------------------------------


def test_a_fair_test_by_keyboard_alone(page: Page, served_site: ServedSite) -> None:
    open_builder(page, served_site)
    answer_with_keys(page, {k: v for k, v in FAIR_TEST.items() if k != "start_date"})
    number = picked_number(page)
    tab_to(page, seed_field(page))  # the revealed number comes next, and can be changed
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(str(number + 1))
    tab_to(page, question_field(page, DIARY_REMINDER))
    page.keyboard.type("07:15")
    page.keyboard.press("Enter")
    expect(plan_heading(page)).to_be_focused()
    seed_note = FAIR["seed_note"].replace("{seed}", str(number + 1))
    expect(page.get_by_text(" ".join(seed_note.split()))).to_be_visible()
    tab_to(page, diary_link(page, LINKS["fair_test"]["link_text"]))


def test_a_fair_test_fits_a_320_px_screen(new_context: NewContext, served_site: ServedSite) -> None:
    page = new_context(viewport={"width": 320, "height": 700}).new_page()
    open_builder(page, served_site)
    fill_answers(page, FAIR_TEST)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    build_my_plan(page)
    expect(schedule_table(page)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # Each week is a card whose cells name their column.
    first_cell = schedule_table(page).locator("tbody td").first
    assert first_cell.get_attribute("data-label") == ENGINE_DATA["wording"]["minutes_column"]
