"""Accessible in every state, not only at rest (issue 12).

- Every control, the theme's own included, in hover, keyboard focus and active states, in the
  light and the dark scheme: WCAG 2.2 AA contrast (axe) and a focus indicator that is there,
  thick enough, 3:1 against what is behind it, and never hidden under the sticky header.
- Forced colours, 320 px, 200 % text, WCAG text spacing and reduced motion.
- What a screen reader hears: status changes announced once, politely; one h1 and headings in
  order; the builder's states pinned with ARIA snapshots made from content/.
- The start date: a native date field whose earliest day is today.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from guide_engine.contract import DIARY_REMINDER, FAIR_TEST_SEED
from tests.browser.axe import describe
from tests.browser.builder import (
    HeldEngine,
    build_my_plan,
    engine_problem,
    error_summary,
    open_builder,
    plan_heading,
)
from tests.browser.conftest import NewContext
from tests.browser.diary import DIARY_SCENES
from tests.browser.questionnaire import (
    CONSULT_FIRST_ANSWERS,
    CONTENT,
    DATED,
    FAIR_TEST,
    QUESTIONS,
    WORDING,
    fill_answers,
    plan_for,
)
from tests.browser.states import contrast_in_each_scheme, each_scheme, focus_problems
from tests.browser.test_plan_builder_access import EVERY_PAGE, page_url
from tests.browser.wording import TEXT
from tests.support.server import ServedSite

FORCED = ["hover", "focus-visible", "active"]

Scene = Callable[[Page, ServedSite], None]


# --- scenes: a page put in one of its states --------------------------------------------------


def home_scrolled_back_up(page: Page, site: ServedSite) -> None:
    """The home page, scrolled down and a little back up: Material shows "Back to top"."""
    page.goto(site.root_url)
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(200)
    page.mouse.wheel(0, -300)
    expect(page.get_by_role("button", name=re.compile("top", re.I))).to_be_visible()


def search_with_results(page: Page, site: ServedSite) -> None:
    page.goto(site.root_url)
    page.keyboard.press("s")  # Material's key for search
    page.keyboard.type(QUESTIONS["sleep_issues"]["label"].split()[-1].strip("?"))
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def builder_empty(page: Page, site: ServedSite) -> None:
    open_builder(page, site)


def builder_with_errors(page: Page, site: ServedSite) -> None:
    open_builder(page, site)
    build_my_plan(page)
    expect(error_summary(page)).to_be_visible()


def builder_busy(page: Page, site: ServedSite) -> None:
    """A plan asked for while the engine is still starting."""
    HeldEngine(page)
    open_builder(page, site, wait=False)
    fill_answers(page, DATED)
    build_my_plan(page)
    expect(page.get_by_role("status").filter(has_text=TEXT["status.waiting"])).to_be_visible()


def builder_plan(page: Page, site: ServedSite) -> None:
    open_builder(page, site)
    fill_answers(page, DATED)
    build_my_plan(page)
    expect(plan_heading(page)).to_be_visible()


def open_builder_afresh(page: Page, site: ServedSite) -> None:
    """The builder with nothing saved, whatever an earlier scene on this page left."""
    page.goto(site.root_url)
    page.evaluate("localStorage.clear()")
    open_builder(page, site)


def builder_fair_test_chosen(page: Page, site: ServedSite) -> None:
    """A fair test chosen: its number revealed, picked at random, with a wrong one typed."""
    open_builder_afresh(page, site)
    fill_answers(page, FAIR_TEST)
    seed = QUESTIONS[FAIR_TEST_SEED]
    expect(page.get_by_label(seed["label"])).to_be_visible()
    page.get_by_label(seed["label"]).fill(str(seed["max"] + 1))
    build_my_plan(page)
    expect(error_summary(page)).to_be_visible()


def builder_fair_test_plan(page: Page, site: ServedSite) -> None:
    open_builder_afresh(page, site)
    fill_answers(page, {**FAIR_TEST, DIARY_REMINDER: "07:30"})
    build_my_plan(page)
    expect(plan_heading(page)).to_be_visible()


def builder_engine_failed(page: Page, site: ServedSite) -> None:
    site.blocked.add("engine-worker.mjs")
    open_builder(page, site, wait=False)
    expect(engine_problem(page, "problem.notStarted")).to_be_visible()


def examples_page(page: Page, site: ServedSite) -> None:
    page.goto(page_url(site, "plan-examples"))


def comparison_page(page: Page, site: ServedSite) -> None:
    page.goto(page_url(site, "comparison"))


SCENES: dict[str, Scene] = {
    "home, back to top shown": home_scrolled_back_up,
    "search with results": search_with_results,
    "comparison": comparison_page,
    "builder, empty": builder_empty,
    "builder, errors": builder_with_errors,
    "builder, busy": builder_busy,
    "builder, plan": builder_plan,
    "builder, fair test chosen": builder_fair_test_chosen,
    "builder, fair test plan": builder_fair_test_plan,
    "builder, engine failed": builder_engine_failed,
    "example plans": examples_page,
    **DIARY_SCENES,
}
SEARCHING = {"search with results"}
# The theme's header, navigation and footer are the same on every page: they are checked with
# the home page and the search; on the other scenes, the page's own content.
CHECKED_PART = {"home, back to top shown": "html", "search with results": ".md-search"}


@pytest.mark.parametrize(
    "scene",
    [
        pytest.param(scene, marks=[pytest.mark.search] if scene in SEARCHING else [])
        for scene in SCENES
    ],
)
def test_every_control_in_every_state_meets_wcag_22_aa(
    new_context: NewContext, served_site: ServedSite, scene: str
) -> None:
    """Forced states and real keyboard focus, in the light and the dark scheme (the state is
    built once and shown in each); at rest, test_plan_builder_access.py checks."""
    # Reduced motion: colours are judged where transitions end, without waiting for them.
    page = new_context(bypass_csp=True, reduced_motion="reduce").new_page()
    SCENES[scene](page, served_site)
    part = CHECKED_PART.get(scene, ".md-content")
    found = []
    for state in FORCED:
        for scheme, violations in contrast_in_each_scheme(page, state, part):
            if violations:
                found.append(f"{scheme}, :{state}:\n{describe(violations)}")
    for scheme in each_scheme(page):
        if problems := focus_problems(page, part):
            found.append(f"{scheme}, keyboard focus:\n" + "\n".join(problems))
    assert not found, f"{scene}:\n" + "\n".join(found)


def test_a_link_that_fades_on_hover_is_caught(
    new_context: NewContext, served_site: ServedSite
) -> None:
    """The forced states are really judged: a hover colour too faint to read is found, in the
    scheme it is faint in, and only in the hover state."""
    page = new_context(bypass_csp=True, reduced_motion="reduce").new_page()
    comparison_page(page, served_site)
    page.add_style_tag(content="[data-md-color-scheme=default] .md-typeset a:hover { color: #eee }")
    found = {
        (state, scheme)
        for state in FORCED
        for scheme, violations in contrast_in_each_scheme(page, state, ".md-content")
        if any(violation["id"] == "color-contrast" for violation in violations)
    }
    assert found == {("hover", "light")}


# --- beyond colour and size -------------------------------------------------------------------

# Controls whose edges must stay visible when the system forces its own colours.
OUR_CONTROLS = ".md-typeset .md-button, .md-typeset input:not([type=radio], [type=checkbox])"
EDGELESS = """(selector) => [...document.querySelectorAll(selector)]
  .filter((element) => element.getClientRects().length && !element.closest("[hidden]"))
  .filter((element) => {
    const style = getComputedStyle(element);
    return style.borderStyle === "none" || parseFloat(style.borderWidth) === 0;
  })
  .map((element) => element.outerHTML.slice(0, 100))"""


@pytest.mark.parametrize("scene", ["builder, errors", "builder, plan", "home, back to top shown"])
def test_with_forced_colours_every_control_and_focus_stays_visible(
    new_context: NewContext, served_site: ServedSite, scene: str
) -> None:
    page = new_context(forced_colors="active", reduced_motion="reduce").new_page()
    SCENES[scene](page, served_site)
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    assert page.evaluate(EDGELESS, OUR_CONTROLS) == []
    # Forced colours drop box shadows, not outlines: every focus indicator is an outline.
    problems = [p for p in focus_problems(page) if "contrast" not in p and "outline " not in p]
    assert problems == []


# Text cut off or pushed out of sight: content wider than the page, or an element whose
# content overflows a box that hides the overflow.
CUT_OFF = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width + 1) {
    problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  }
  for (const element of document.querySelectorAll("body *")) {
    if (!element.getClientRects().length || !element.textContent.trim()) continue;
    // A closed box (a shut dialog or drawer) or a visually hidden text is meant to be unseen;
    // Material's drawer keeps its panes side by side and slides between them.
    if (element.clientWidth <= 1 || element.clientHeight <= 1) continue;
    if (element.matches(".md-sidebar__scrollwrap")) continue;
    const style = getComputedStyle(element);
    const hides = (value) => value === "hidden" || value === "clip";
    const label = `${element.tagName.toLowerCase()}.${String(element.className).trim()}`;
    if (hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1) {
      problems.push(`${label}: ${element.textContent.trim().slice(0, 40)} (cut at the side)`);
    }
    if (hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1) {
      problems.push(`${label}: ${element.textContent.trim().slice(0, 40)} (cut at the bottom)`);
    }
  }
  return problems.slice(0, 10);
}"""

# WCAG 1.4.12's own test values.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""


def set_text_size(page: Page, percent: int) -> None:
    """As a person's browser setting for text size does: the default font size, scaled."""
    session = page.context.new_cdp_session(page)
    scale = percent / 100
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 16 * scale, "fixed": 13 * scale}})


@pytest.mark.long
@pytest.mark.parametrize(
    ("width", "text_percent"), [(320, 100), (1280, 200)], ids=["320 px", "200% text"]
)
def test_nothing_is_cut_off_or_scrolls_sideways(
    new_context: NewContext, served_site: ServedSite, width: int, text_percent: int
) -> None:
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    set_text_size(page, text_percent)
    found = {}
    for page_id in EVERY_PAGE:
        page.goto(page_url(served_site, page_id))
        if problems := page.evaluate(CUT_OFF):
            found[page_id] = problems
    for scene in (
        "builder, errors",
        "builder, plan",
        "builder, fair test plan",
        "diary, report",
        "diary, import problems",
    ):
        SCENES[scene](page, served_site)
        if problems := page.evaluate(CUT_OFF):
            found[scene] = problems
    assert not found, found


def test_wcag_text_spacing_loses_no_content(
    new_context: NewContext, served_site: ServedSite
) -> None:
    page = new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True).new_page()
    found = {}
    scenes = ["home, back to top shown", "comparison", "builder, errors", "builder, plan"]
    for scene in [*scenes, "builder, fair test chosen", "builder, fair test plan"]:
        SCENES[scene](page, served_site)
        page.add_style_tag(content=TEXT_SPACING)
        if problems := page.evaluate(CUT_OFF):
            found[scene] = problems
    assert not found, found


LONGEST_MOTION = """() => Math.max(0, ...[...document.querySelectorAll("*")].flatMap((element) => {
  const style = getComputedStyle(element);
  return [style.transitionDuration, style.animationDuration]
    .flatMap((value) => value.split(","))
    .map((value) => parseFloat(value) * (value.trim().endsWith("ms") ? 1 : 1000));
}))"""


def test_reduced_motion_is_honoured(new_context: NewContext, served_site: ServedSite) -> None:
    moving = new_context().new_page()
    builder_plan(moving, served_site)
    assert moving.evaluate(LONGEST_MOTION) > 1  # the theme does animate, for those who want it
    still = new_context(reduced_motion="reduce").new_page()
    builder_plan(still, served_site)
    assert still.evaluate(LONGEST_MOTION) <= 0.01
    assert still.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"


# --- what a screen reader hears ---------------------------------------------------------------

# Records each change of text in a live region, with its politeness, from the page's start.
RECORD_ANNOUNCEMENTS = """
window.__announced = [];
// From the end of parsing (when scripts start to run): what the page itself says, not the text
// the parser put there, which is the page's content, read in its turn.
document.addEventListener("readystatechange", () => {
  if (document.readyState !== "interactive") return;
const LIVE = '[aria-live], [role="status"], [role="alert"], [role="log"]';
const politeness = (region) => region.getAttribute("aria-live") ||
  (region.getAttribute("role") === "alert" ? "assertive" : "polite");
new MutationObserver((changes) => {
  for (const change of changes) {
    const node = change.target.nodeType === 1 ? change.target : change.target.parentElement;
    const region = node && node.closest(LIVE);
    if (!region || region.closest(".md-search, .md-dialog")) continue;  // Material's own
    const text = region.textContent.trim().replace(/\\s+/g, " ");
    if (!text) continue;  // emptied: nothing is said
    window.__announced.push([politeness(region), text]);
  }
}).observe(document, { subtree: true, childList: true, characterData: true });
});
"""


def announced(page: Page) -> list[tuple[str, str]]:
    return [tuple(item) for item in page.evaluate("window.__announced")]  # type: ignore[misc]


def test_status_changes_are_announced_once_politely(page: Page, served_site: ServedSite) -> None:
    page.add_init_script(RECORD_ANNOUNCEMENTS)
    open_builder(page, served_site)
    expect(page.get_by_role("status").filter(has_text=TEXT["status.ready"])).to_be_visible()
    until_ready = announced(page)
    # "Getting ready" is said only if the engine (started from the page's head) is not ready yet.
    assert until_ready in (
        [("polite", TEXT["status.ready"])],
        [("polite", TEXT["status.loading"]), ("polite", TEXT["status.ready"])],
    ), until_ready

    # Errors and the plan are not announced: they take focus, and so are read once.
    build_my_plan(page)
    expect(error_summary(page)).to_be_focused()
    fill_answers(page, DATED)
    build_my_plan(page)
    expect(plan_heading(page)).to_be_focused()
    page.get_by_role("button", name="Copy link").click()
    copied = re.compile("|".join(re.escape(TEXT[key]) for key in ("copy.copied", "copy.select")))
    expect(page.get_by_role("status").filter(has_text=copied)).to_be_visible()
    page.get_by_role("button", name="Delete my answers").click()
    expect(page.get_by_role("status").filter(has_text=TEXT["notice.deleted"])).to_be_visible()

    after_ready = announced(page)[len(until_ready) :]
    assert len(after_ready) == 2, after_ready
    (copy_politeness, copy_text), deleted = after_ready
    assert copy_politeness == "polite" and copied.fullmatch(copy_text)
    assert deleted == ("polite", TEXT["notice.deleted"])


def test_a_failed_engine_is_announced_once_politely(page: Page, served_site: ServedSite) -> None:
    page.add_init_script(RECORD_ANNOUNCEMENTS)
    builder_engine_failed(page, served_site)
    expect(page.get_by_role("status").filter(has_text=TEXT["status.failed"])).to_be_visible()
    assert announced(page) in (
        [("polite", TEXT["status.failed"])],
        [("polite", TEXT["status.loading"]), ("polite", TEXT["status.failed"])],
    )


HEADINGS = """() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
  .filter((heading) => heading.getClientRects().length)
  .map((heading) => [Number(heading.tagName[1]), heading.textContent.trim()])"""


@pytest.mark.parametrize(
    "scene",
    [
        "builder, empty",
        "builder, errors",
        "builder, plan",
        "builder, fair test plan",
        "builder, engine failed",
        *DIARY_SCENES,
    ],
)
def test_one_h1_and_headings_that_never_skip_a_level(
    page: Page, served_site: ServedSite, scene: str
) -> None:
    SCENES[scene](page, served_site)
    headings = page.evaluate(HEADINGS)
    levels = [level for level, _ in headings]
    assert levels.count(1) == 1, headings
    # Deeper by one level at most (GOV.UK's error summary, an h2, rightly comes before the h1).
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), headings


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def pattern(text: str) -> str:
    """An ARIA snapshot pattern for a name that starts with ``text`` (a heading's permalink
    adds to its name)."""
    return "/^" + re.sub(r"([\\^$.*+?()[\]{}|/-])", r"\\\1", text) + "/"


def plan_snapshot(answers: dict[str, Any]) -> str:
    """The plan view as a screen reader meets it, made from the engine's plan for ``answers``."""
    plan = plan_for(answers)
    lines = [
        f"- heading {quoted(WORDING['title'])} [level=2]",
        f"- heading {quoted(WORDING['safety_heading'])} [level=3]",
        "- paragraph:",
        f"  - strong: {plan['safety']['headline']}",
    ]
    if plan["weeks"]:
        dated = plan["calendar"]["start_date"] is not None
        columns = ["week_column", *(["dates_column"] if dated else [])]
        columns += ["minutes_column", "layer_column", "lie_down_column", "get_up_column"]
        lines += [
            f"- heading {quoted(WORDING['weeks_heading'])} [level=3]",
            f"- table {quoted(WORDING['weeks_caption'])}:",
            "  - rowgroup:",
            "    - row:",
            *(f"      - columnheader {quoted(WORDING[column])}" for column in columns),
            "  - rowgroup:",
            *(
                f"    - row:\n      - rowheader {quoted(str(week['week']))}"
                for week in plan["weeks"]
            ),
        ]
    lines.append(f"- heading {quoted(WORDING['nightly_heading'])} [level=3]")
    lines.append(f"- heading {quoted(WORDING['stop_heading'])} [level=3]")
    return "\n".join(lines)


def test_aria_snapshots_of_each_builder_state(page: Page, served_site: ServedSite) -> None:
    builder = page.locator("[data-plan-builder]")
    open_builder(page, served_site)
    first_question = QUESTIONS[next(iter(QUESTIONS))]
    expect(builder).to_match_aria_snapshot(
        f"""
        - status: {TEXT["status.ready"]}
        - form "Your answers":
          - heading "Your answers" [level=2]
          - group {quoted(first_question["label"])}
          - button "Build my plan"
        """
    )

    build_my_plan(page)
    required = [qid for qid, question in QUESTIONS.items() if question["required"]]
    first = QUESTIONS[required[0]]
    expect(page.locator("article")).to_match_aria_snapshot(
        f"""
        - group {quoted(TEXT["errors.title"])}:
          - heading {quoted(TEXT["errors.title"])} [level=2]
          - list:
            - listitem:
              - link {quoted(first["errors"]["missing"])}
        - heading {pattern(CONTENT["pages/plan"]["title"])} [level=1]
        """
    )

    for answers in (DATED, {**CONSULT_FIRST_ANSWERS, "start_date": DATED["start_date"]}):
        page.get_by_role("button", name="Delete my answers").click()
        fill_answers(page, answers)
        build_my_plan(page)
        expect(plan_heading(page)).to_be_focused()
        expect(page.locator("[data-plan-body]")).to_match_aria_snapshot(plan_snapshot(answers))

    page.get_by_role("button", name="Delete my answers").click()
    expect(builder).to_match_aria_snapshot(
        f"""
        - status: {TEXT["status.ready"]}
        - status:
          - paragraph: {TEXT["notice.deleted"]}
        - form "Your answers"
        """
    )


def test_an_engine_that_cannot_start_in_an_aria_snapshot(
    page: Page, served_site: ServedSite
) -> None:
    builder_engine_failed(page, served_site)
    expect(page.locator("[data-plan-builder]")).to_match_aria_snapshot(
        f"""
        - group {quoted(TEXT["problem.notStarted"])}:
          - heading {quoted(TEXT["problem.notStarted"])} [level=2]
          - paragraph:
            - button "Try again"
        - status: {TEXT["status.failed"]}
        """
    )


# --- the start date ---------------------------------------------------------------------------


def test_the_start_date_is_a_date_field_from_today_with_a_hint_that_cannot_go_stale(
    page: Page, served_site: ServedSite
) -> None:
    (question_id,) = [qid for qid, question in QUESTIONS.items() if question["kind"] == "date"]
    open_builder(page, served_site)
    field = page.locator(f"#{question_id}")
    assert field.get_attribute("type") == "date"
    today = page.evaluate(
        "() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]"
        ".map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-'); }"
    )
    assert field.get_attribute("min") == today  # in the person's own time zone
    hint = QUESTIONS[question_id].get("hint", "")
    assert not re.search(r"\d{4}-\d{2}-\d{2}", hint), "a date in the hint goes stale"
    expect(field).to_have_accessible_description(hint)
