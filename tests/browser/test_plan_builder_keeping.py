"""Keeping answers and plans: saved answers, share links, the calendar file, print, deleting."""

from __future__ import annotations

import json
import re
from base64 import urlsafe_b64encode

from icalendar import Calendar
from playwright.sync_api import Page, expect

from tests.browser.builder import (
    STORAGE_KEY,
    build_my_plan,
    builder_url,
    calendar_button,
    engine_status,
    get_a_plan,
    label,
    off_origin,
    open_builder,
    plan_heading,
    stored,
    wait_until_ready,
)
from tests.browser.conftest import NewContext
from tests.browser.questionnaire import (
    CONTENT,
    DATED,
    ENGINE_DATA,
    QUESTIONS,
    TYPICAL_ANSWERS,
    WORDING,
    fill_answers,
    option_box,
    option_values,
    plan_for,
    question_field,
)
from tests.browser.wording import TEXT
from tests.support.server import ServedSite


def saved_before(page: Page, site: ServedSite, value: str) -> None:
    """Open the builder with ``value`` already in storage, as left by an earlier visit.

    It is stored from another page of the site: the builder would read it at once.
    """
    page.goto(site.root_url)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORAGE_KEY, value])
    page.goto(builder_url(site))


def test_a_reload_brings_back_what_was_typed(page: Page, served_site: ServedSite) -> None:
    open_builder(page, served_site, wait=False)
    age, pain = option_values("age_group")[-1], option_values("pain_areas")[-1]
    fill_answers(page, {"age_group": age, "pain_areas": [pain], "bedtime": "23:05"})
    page.reload()

    expect(option_box(page, "age_group", age)).to_be_checked()
    expect(option_box(page, "pain_areas", pain)).to_be_checked()
    expect(question_field(page, "bedtime")).to_have_value("23:05")
    expect(question_field(page, "minutes_available")).to_have_value("")


def test_a_reload_of_a_plan_shows_the_plan_again(page: Page, served_site: ServedSite) -> None:
    get_a_plan(page, served_site, TYPICAL_ANSWERS)
    page.reload()
    expect(plan_heading(page)).to_be_visible()
    page.get_by_role("button", name="Change answers").click()
    expect(question_field(page, "bedtime")).to_have_value(TYPICAL_ANSWERS["bedtime"])


def test_answers_from_an_older_questionnaire_that_no_longer_fit_are_dropped_with_a_notice(
    page: Page, served_site: ServedSite
) -> None:
    fits = {key: TYPICAL_ANSWERS[key] for key in ("age_group", "bedtime")}
    older = {
        "format": 1,
        "questionnaire": "an-older-questionnaire",
        "view": "plan",
        "answers": {
            **fits,  # still fit
            "experience": "no-longer-an-answer",  # not an answer to this question any more
            "minutes_available": str(QUESTIONS["minutes_available"]["max"] + 1),  # beyond limits
            "favourite_colour": "blue",  # no longer asked
        },
    }
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    saved_before(page, served_site, json.dumps(older))
    wait_until_ready(page)

    notice = page.get_by_role("status").filter(has_text=TEXT["notice.stale"])
    expect(notice).to_be_visible()
    for question_id in ("experience", "minutes_available"):
        expect(notice.get_by_role("listitem").filter(has_text=label(question_id))).to_be_visible()
    expect(notice).to_contain_text(TEXT["notice.removedQuestion"])
    expect(question_field(page, "minutes_available")).to_have_value("")
    expect(question_field(page, "bedtime")).to_have_value(fits["bedtime"])
    expect(option_box(page, "age_group", fits["age_group"])).to_be_checked()
    expect(plan_heading(page)).to_have_count(0)  # a half-kept set of answers is not a plan
    kept = stored(page)
    assert kept is not None
    assert kept["questionnaire"] != "an-older-questionnaire"
    assert kept["answers"] == fits | {
        key: [] for key, question in QUESTIONS.items() if question["kind"] == "any_of"
    }
    assert errors == []


def test_saved_answers_that_cannot_be_read_are_removed_with_a_notice(
    page: Page, served_site: ServedSite
) -> None:
    saved_before(page, served_site, "{not json")
    expect(page.get_by_role("status").filter(has_text=TEXT["notice.unreadable"])).to_be_visible()
    assert stored(page) is None
    fill_answers(page, TYPICAL_ANSWERS)
    build_my_plan(page)
    expect(plan_heading(page)).to_be_visible()


def test_with_storage_blocked_answers_are_kept_in_memory(
    new_context: NewContext, served_site: ServedSite
) -> None:
    context = new_context()
    # As in a browser set to block site data: touching localStorage throws (with a stack, to
    # tell whose code touched it: Material's own inline scripts do, without catching it).
    context.add_init_script(
        """Object.defineProperty(window, "localStorage", {
             get() {
               const error = new DOMException("The operation is insecure.", "SecurityError");
               Error.captureStackTrace(error);
               throw error;
             },
           });"""
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{error.message} {error.stack}"))
    open_builder(page, served_site)
    expect(page.get_by_text("This browser does not let the site keep your answers")).to_be_visible()
    fill_answers(page, TYPICAL_ANSWERS)
    # Away and back with Material's instant navigation: the page's memory still has them.
    home = CONTENT["pages/home"]
    navigation = page.get_by_role("navigation", name="Navigation")
    navigation.get_by_role("link", name=home.get("nav_title", home["title"])).first.click()
    page.wait_for_url(served_site.root_url)
    page.go_back()
    page.wait_for_url("**/plan/")
    expect(question_field(page, "bedtime")).to_have_value(TYPICAL_ANSWERS["bedtime"])
    build_my_plan(page)
    expect(plan_heading(page)).to_be_visible()
    ours = [error for error in errors if "/javascripts/guide/" in error]
    assert ours == [], "\n\n".join(ours)


def test_a_share_link_restores_the_answers_and_shows_the_plan_without_sending_them(
    new_context: NewContext, page: Page, served_site: ServedSite
) -> None:
    answers = {**DATED, "bedtime": "21:47"}
    first_step = plan_for(answers)["nightly"]["steps"][0]
    get_a_plan(page, served_site, answers)
    link = page.get_by_role("textbox", name="A link to your plan").input_value()
    assert link.startswith(builder_url(served_site) + "#answers=")
    page.get_by_role("button", name="Copy link").click()
    # The clipboard may be refused: then the link is selected for copying by hand.
    copied = re.compile("|".join(re.escape(TEXT[key]) for key in ("copy.copied", "copy.select")))
    expect(page.get_by_role("status").filter(has_text=copied)).to_be_visible()

    elsewhere = new_context()  # another device: nothing saved there
    other = elsewhere.new_page()
    seen: list[str] = []
    elsewhere.on("request", lambda request: seen.append(request.url))
    other.goto(link)
    expect(plan_heading(other)).to_be_visible()
    step = other.get_by_role("listitem").filter(has_text=first_step["title"])
    expect(step).to_contain_text(first_step["time"])
    assert "#" not in other.url  # out of the address bar once opened
    other.get_by_role("button", name="Change answers").click()
    expect(question_field(other, "bedtime")).to_have_value("21:47")
    expect(question_field(other, "start_date")).to_have_value(answers["start_date"])
    for value in answers["pain_areas"]:
        expect(option_box(other, "pain_areas", value)).to_be_checked()
    # The fragment never reaches the server, nor any other host.
    fragment = link.split("#", 1)[1]
    for url in seen + served_site.requests:
        assert "21:47" not in url and "21%3A47" not in url and fragment not in url, url
    assert off_origin(seen, served_site) == []


def test_a_damaged_share_link_says_so_and_asks_the_questions(
    page: Page, served_site: ServedSite
) -> None:
    half = urlsafe_b64encode(json.dumps(TYPICAL_ANSWERS).encode()).decode()[:40]
    page.goto(builder_url(served_site, "#answers=" + half))
    expect(page.get_by_role("status").filter(has_text=TEXT["notice.badLink"])).to_be_visible()
    expect(question_field(page, "age_group")).to_be_visible()
    expect(plan_heading(page)).to_have_count(0)


def test_the_calendar_file_downloads_and_parses(page: Page, served_site: ServedSite) -> None:
    get_a_plan(page, served_site, DATED)
    with page.expect_download() as download:
        calendar_button(page).click()
    assert download.value.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(download.value.path().read_bytes())

    plan = plan_for(DATED)
    events = calendar.walk("VEVENT")
    assert len(events) == len(plan["weeks"])  # one repeating event per week
    first = min(events, key=lambda event: event.decoded("DTSTART"))
    assert first.decoded("DTSTART").date().isoformat() == DATED["start_date"]
    week = plan["weeks"][0]
    summary = ENGINE_DATA["calendar"]["event_summary"]
    assert str(first["SUMMARY"]) == summary.format(minutes=week["minutes"], week=week["week"])
    assert all(event.get("RRULE") for event in events)
    assert all(event.walk("VALARM") for event in events)


def test_printing_puts_only_the_plan_on_paper_in_black(page: Page, served_site: ServedSite) -> None:
    get_a_plan(page, served_site, DATED)
    page.emulate_media(media="print", color_scheme="dark")

    expect(plan_heading(page)).to_be_visible()
    expect(page.get_by_role("heading", name=WORDING["weeks_heading"])).to_be_visible()
    expect(page.get_by_role("table")).to_be_visible()
    for hidden in (
        page.get_by_role("heading", name=CONTENT["pages/plan"]["title"], level=1),
        page.get_by_role("heading", name="Keep your plan"),
        page.get_by_role("heading", name="Your saved answers"),
        page.get_by_role("button", name="Change answers"),
        page.get_by_role("banner"),
        page.get_by_role("navigation", name="Navigation"),
        engine_status(page),
        page.get_by_text("Educational, not medical advice"),
    ):
        expect(hidden).to_be_hidden()
    colour = plan_heading(page).evaluate("heading => getComputedStyle(heading).color")
    assert colour == "rgb(0, 0, 0)"

    page.emulate_media(media="screen")
    expect(page.get_by_role("heading", name="Keep your plan")).to_be_visible()


def test_delete_my_answers_empties_storage_and_the_form(
    page: Page, served_site: ServedSite
) -> None:
    get_a_plan(page, served_site, DATED)
    assert stored(page) is not None

    page.get_by_role("button", name="Delete my answers").click()
    expect(page.get_by_role("status").filter(has_text=TEXT["notice.deleted"])).to_be_visible()
    assert stored(page) is None
    assert page.evaluate("Object.keys(localStorage).filter(key => key.startsWith('guide-'))") == []
    expect(plan_heading(page)).to_be_hidden()
    expect(question_field(page, "bedtime")).to_have_value("")
    expect(option_box(page, "age_group", DATED["age_group"])).not_to_be_checked()

    page.reload()
    wait_until_ready(page)
    expect(question_field(page, "bedtime")).to_have_value("")
    expect(plan_heading(page)).to_have_count(0)
