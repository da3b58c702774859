"""Accessible to everyone: axe finds nothing, the keyboard alone is enough, and phones fit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from playwright.sync_api import Locator, Page, expect

from guide_engine.contract import DIARY_REMINDER, FAIR_TEST_SEED
from guide_site.render import page_src_uri
from tests.browser.axe import axe_context, axe_violations, describe, lighthouse_scored_rules
from tests.browser.builder import (
    build_my_plan,
    builder_url,
    calendar_button,
    engine_problem,
    error_summary,
    focused,
    off_origin,
    open_builder,
    plan_heading,
)
from tests.browser.conftest import NewContext
from tests.browser.questionnaire import (
    CAUTION_ANSWERS,
    CONSULT_FIRST_ANSWERS,
    CONTENT,
    DATED,
    EXAMPLES,
    FAIR_TEST,
    QUESTIONS,
    TYPICAL_ANSWERS,
    fill_answers,
    option_label,
    plan_for,
    question_field,
)
from tests.browser.states import each_scheme
from tests.browser.wording import TEXT
from tests.support.content import pages_with_template
from tests.support.server import ServedSite

EVERY_PAGE = CONTENT["site"]["nav"]
[EXAMPLES_PAGE_ID] = pages_with_template("plan_examples")

# Elements of the page body that stick out past the right edge of the screen.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('.md-content *')]
    .filter(element => element.getBoundingClientRect().right > width + 1)
    .slice(0, 5)
    .map(element => element.outerHTML.slice(0, 120));
}"""


def page_url(site: ServedSite, page_id: str) -> str:
    uri = page_src_uri(page_id)
    return site.root_url + ("" if uri == "index.md" else uri.removesuffix(".md") + "/")


@pytest.fixture
def axe_page(new_context: NewContext, served_site: ServedSite) -> Iterator[Page]:
    """A page for axe; afterwards, no request it made may have left the site."""
    context = axe_context(new_context)
    seen: list[str] = []
    context.on("request", lambda sent: seen.append(sent.url))
    yield context.new_page()
    assert off_origin(seen, served_site) == []


def violations_in_each_scheme(page: Page) -> str:
    """What axe finds in the page as it stands, shown in the light and then the dark scheme: by
    WCAG 2.2 AA and by every rule Lighthouse's accessibility score is made of (Lighthouse
    itself, in test_lighthouse.py, sees each page only as it loads, not in these states)."""
    found = []
    for scheme in each_scheme(page):
        if violations := axe_violations(page, and_rules=lighthouse_scored_rules()):
            found.append(f"{scheme}:\n{describe(violations)}")
    return "\n".join(found)


def assert_no_violations(page: Page, state: str) -> None:
    """axe finds nothing in the page's present state, in either scheme."""
    found = violations_in_each_scheme(page)
    assert not found, f"{state}:\n{found}"


@pytest.mark.long
def test_axe_finds_nothing_in_any_state_of_the_builder(
    axe_page: Page, served_site: ServedSite
) -> None:
    page = axe_page
    open_builder(page, served_site)
    assert_no_violations(page, "empty")

    build_my_plan(page)
    expect(error_summary(page)).to_be_visible()
    assert_no_violations(page, "errors")

    fill_answers(page, DATED)
    build_my_plan(page)
    expect(plan_heading(page)).to_be_visible()
    assert_no_violations(page, "ok plan")

    for state, answers in (
        ("caution plan", CAUTION_ANSWERS),
        ("consult-first", CONSULT_FIRST_ANSWERS),
        ("fair test plan", {**FAIR_TEST, DIARY_REMINDER: "07:30"}),
    ):
        page.get_by_role("button", name="Delete my answers").click()
        fill_answers(page, answers)
        build_my_plan(page)
        expect(plan_heading(page)).to_be_visible()
        assert_no_violations(page, state)

    # A fair test's number, revealed in the form, with the content's message for a wrong one.
    page.get_by_role("button", name="Change answers").click()
    seed = question_field(page, FAIR_TEST_SEED)
    expect(seed).to_be_visible()
    assert_no_violations(page, "fair test number revealed")
    seed.fill("not a number")
    build_my_plan(page)
    expect(error_summary(page)).to_be_visible()
    assert_no_violations(page, "fair test number wrong")


def test_axe_finds_nothing_when_the_engine_cannot_start(
    axe_page: Page, served_site: ServedSite
) -> None:
    served_site.blocked.add("engine-worker.mjs")
    open_builder(axe_page, served_site, wait=False)
    alert = engine_problem(axe_page, "problem.notStarted")
    expect(alert).to_be_visible()
    assert_no_violations(axe_page, "engine failed")


@pytest.mark.long
def test_axe_finds_nothing_on_every_other_page(axe_page: Page, served_site: ServedSite) -> None:
    found = {}
    for page_id in (p for p in EVERY_PAGE if p != "plan"):
        axe_page.goto(page_url(served_site, page_id))
        if violations := violations_in_each_scheme(axe_page):
            found[page_id] = violations
    assert not found, "\n".join(f"{page_id}:\n{lines}" for page_id, lines in found.items())


@pytest.mark.browser  # it checks what the browser tests cover, so it runs with them
def test_every_page_of_the_site_is_checked(built_site: Path, served_site: ServedSite) -> None:
    tree = ElementTree.parse(built_site / "sitemap.xml")
    listed = {element.text for element in tree.iter() if element.tag.endswith("loc")}
    assert listed == {page_url(served_site, page_id) for page_id in EVERY_PAGE}


# --- the keyboard alone ------------------------------------------------------------------------


def is_focused(target: Locator) -> bool:
    return bool(target.evaluate("element => element === document.activeElement"))


def tab_to(page: Page, target: Locator, *, backwards: bool = False, limit: int = 200) -> None:
    """Press Tab (or Shift+Tab) until ``target`` has focus, as a keyboard user would."""
    for _ in range(limit):
        if is_focused(target):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"Tab never reached {target}")


def answer_with_keys(page: Page, answers: dict[str, object]) -> None:
    for question_id, answer in answers.items():
        question = QUESTIONS[question_id]
        field = question_field(page, question_id)
        if question["kind"] == "one_of":
            # Tab reaches a radio group once (its chosen answer, or its first); arrows choose.
            values = [option["value"] for option in question["options"]]
            radios = field.get_by_role("radio")
            current = next((i for i in range(len(values)) if radios.nth(i).is_checked()), None)
            tab_to(page, radios.nth(current or 0))
            if current is None:
                page.keyboard.press("Space")
                current = 0
            target = values.index(str(answer))
            for _ in range(abs(target - current)):
                page.keyboard.press("ArrowDown" if target > current else "ArrowUp")
            name = option_label(question_id, str(answer))
            expect(field.get_by_role("radio", name=name, exact=True)).to_be_checked()
        elif question["kind"] == "any_of":
            for value in answer:  # type: ignore[attr-defined]
                box = field.get_by_role(
                    "checkbox", name=option_label(question_id, value), exact=True
                )
                tab_to(page, box)
                page.keyboard.press("Space")
                expect(box).to_be_checked()
        else:
            tab_to(page, field)
            page.keyboard.type(str(answer))


def test_the_whole_flow_works_with_the_keyboard_alone(page: Page, served_site: ServedSite) -> None:
    open_builder(page, served_site)

    # Build with nothing answered: the summary takes focus; its first link leads to the question.
    tab_to(page, page.get_by_role("button", name="Build my plan"))
    page.keyboard.press("Enter")
    expect(focused(page)).to_contain_text(TEXT["errors.title"])
    page.keyboard.press("Tab")
    expect(focused(page)).to_have_text(QUESTIONS["age_group"]["errors"]["missing"])
    page.keyboard.press("Enter")
    expect(question_field(page, "age_group").get_by_role("radio").first).to_be_focused()

    answer_with_keys(page, {key: value for key, value in DATED.items() if key != "start_date"})
    tab_to(page, question_field(page, "start_date"))
    year, month, day = DATED["start_date"].split("-")
    page.keyboard.type(month + day + year)  # in the en-US order of the date field
    page.keyboard.press("Enter")  # Enter in a field sends the form, as in any form
    expect(plan_heading(page)).to_be_focused()

    # Keep the plan: the calendar file, from the keyboard.
    with page.expect_download() as download:
        tab_to(page, calendar_button(page))
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".ics")

    # Back to the answers, all still there, and one changed.
    tab_to(page, page.get_by_role("button", name="Change answers"), backwards=True)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your answers", exact=True)).to_be_focused()
    experience = QUESTIONS["experience"]["options"][-1]["value"]
    answer_with_keys(page, {"experience": experience})
    tab_to(page, page.get_by_role("button", name="Build my plan"))
    page.keyboard.press("Enter")
    expect(plan_heading(page)).to_be_focused()

    tab_to(page, page.get_by_role("button", name="Delete my answers"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text=TEXT["notice.deleted"])).to_be_visible()
    expect(question_field(page, "bedtime")).to_have_value("")


# --- phones ------------------------------------------------------------------------------------


def assert_fits(page: Page, state: str) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, state
    assert page.evaluate(OVERFLOWING) == [], state


def test_nothing_scrolls_sideways_at_360_px_in_any_state(
    new_context: NewContext, served_site: ServedSite
) -> None:
    page = new_context(viewport={"width": 360, "height": 740}).new_page()
    open_builder(page, served_site)
    assert_fits(page, "empty")
    build_my_plan(page)
    expect(error_summary(page)).to_be_visible()
    assert_fits(page, "errors")
    fill_answers(page, DATED)
    build_my_plan(page)
    expect(plan_heading(page)).to_be_visible()
    assert_fits(page, "plan")
    page.get_by_role("button", name="Delete my answers").click()
    fill_answers(page, CONSULT_FIRST_ANSWERS)
    build_my_plan(page)
    expect(plan_heading(page)).to_be_visible()
    assert_fits(page, "consult first")
    page.goto(page_url(served_site, EXAMPLES_PAGE_ID))
    assert_fits(page, "example plans")


def test_the_example_plans_need_no_script(new_context: NewContext, served_site: ServedSite) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(page_url(served_site, EXAMPLES_PAGE_ID))
    examples = page.get_by_role("heading", level=2)
    expect(examples.first).to_be_visible()
    assert examples.count() == len(CONTENT["examples"]["examples"])
    for answers in EXAMPLES.values():
        plan = plan_for(answers)
        expect(page.get_by_text(plan["safety"]["headline"]).first).to_be_visible()
    expect(page.get_by_role("table").first).to_be_visible()
    why = plan_for(TYPICAL_ANSWERS)["progression"]["why"]
    link = page.get_by_role("link", name=why["link_text"]).first
    expected = served_site.root_url + f"{why['page']}/#{why['anchor']}"
    assert link.evaluate("a => a.href") == expected
    own = page.get_by_role("link", name="Build your own plan")
    assert own.evaluate("a => a.href") == builder_url(served_site)
