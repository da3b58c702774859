"""The diary page as a person meets it, by keyboard: its check-ins, its report, its files.

Wording comes from content: the diary's fields and report (the engine data), the page's own
words (content/diary.yml ``page``); answers from content/examples.yml. Entries are made from the
fields' own options, so an editor's change to them needs no change here.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from typing import Any

from playwright.sync_api import Locator, Page, expect

from guide_engine.diary.entries import check_entries
from guide_engine.web import respond
from guide_site.render import dotted_keys
from tests.browser.builder import BOOT_TIMEOUT_MS, STORAGE_KEY
from tests.browser.questionnaire import CONTENT, ENGINE_DATA, TYPICAL_ANSWERS, plan_for
from tests.support.server import SUB_PATH, ServedSite

DIARY = ENGINE_DATA["diary"]
FIELDS: dict[str, dict[str, Any]] = {field["id"]: field for field in DIARY["fields"]}
PAGE_WORDS: dict[str, Any] = CONTENT["diary"]["page"]
SAY: dict[str, str] = dotted_keys(PAGE_WORDS["script"])
"""The page script's words, by the keys it uses ("status.ready")."""
REPORT = DIARY["report"]
DIARY_KEY = f"guide-diary:{SUB_PATH}"
NIGHTS_LOGGED = 14
START = date.today() - timedelta(days=NIGHTS_LOGGED)
"""The plan's first evening: two weeks ago, so two weeks of nights are all in the past."""
FAIR_TEST_ANSWERS: dict[str, Any] = {
    **TYPICAL_ANSWERS,
    "start_date": START.isoformat(),
    "plan_kind": "fair_test",
    "fair_test_seed": "4242",
}
EVERY_EVENING_ANSWERS: dict[str, Any] = {**FAIR_TEST_ANSWERS, "plan_kind": "every_evening"}
del EVERY_EVENING_ANSWERS["fair_test_seed"]


def diary_url(site: ServedSite) -> str:
    return site.root_url + "diary/"


def diary_status(page: Page) -> Locator:
    return page.locator("[data-diary] [data-engine-status]")


def open_diary(page: Page, site: ServedSite) -> None:
    page.goto(diary_url(site))
    expect(diary_status(page)).to_have_text(SAY["status.ready"], timeout=BOOT_TIMEOUT_MS)


def seed_storage(
    page: Page, site: ServedSite, answers: dict[str, Any] | None, entries: list[dict] | None
) -> None:
    """Leave plan answers and diary entries in this browser, as earlier visits would have."""
    page.goto(site.root_url)
    if answers is not None:
        saved = {"format": 1, "questionnaire": "earlier", "view": "plan", "answers": answers}
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORAGE_KEY, json.dumps(saved)])
    if entries is not None:
        kept = {"format": 1, "entries": check_entries(entries, DIARY)}
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [DIARY_KEY, json.dumps(kept)])


def stored_diary(page: Page) -> str | None:
    return page.evaluate("key => localStorage.getItem(key)", DIARY_KEY)


def option_value(field_id: str, key: str, wanted: object) -> str:
    return next(o["value"] for o in FIELDS[field_id]["options"] if o.get(key) == wanted)


def option_label(field_id: str, value: str) -> str:
    return next(o["label"] for o in FIELDS[field_id]["options"] if o["value"] == value)


def planned_kinds(answers: dict[str, Any]) -> dict[str, str]:
    """Each evening of a fair test's schedule, by date: "mat" or "rest"."""
    plan = plan_for(answers)
    kinds = {}
    for week in plan["fair_test"]["weeks"] if plan["fair_test"] else []:
        for evening in week["evenings"]:
            kinds[evening["date"]] = evening["kind"]
    return kinds


def nights_of_a_fair_test(answers: dict[str, Any], count: int = NIGHTS_LOGGED) -> list[dict]:
    """``count`` nights from the plan's start, kept as the schedule says, every check-in filled."""
    kinds = planned_kinds(answers)
    start = date.fromisoformat(answers["start_date"])
    comfortable = option_value("mat_feeling", "effect", "increase")
    fading = option_value("mat_marks", "effect", "none")
    entries = []
    for offset in range(count):
        night = (start + timedelta(days=offset)).isoformat()
        mat = kinds.get(night, "mat") == "mat"
        evening: dict[str, Any] = {"mat_used": "yes" if mat else "no", "stop_signs": []}
        if mat:
            evening.update(mat_minutes="10", mat_feeling=comfortable, mat_marks=fading)
        entries.append(
            {
                "night": night,
                **evening,
                "tried_to_sleep": "22:30",
                "sol_minutes": str(15 if mat else 30 + offset % 3),
                "awakenings": str(offset % 3),
                "waso_minutes": str(5 * (offset % 3)),
                "final_awakening": "06:40" if offset % 2 else "00:50",
                "out_of_bed": "07:05" if offset % 2 else "07:00",
                "sleep_quality": option_value("sleep_quality", "score", 4 if mat else 3),
            }
        )
    return entries


def engine_result(answers: dict[str, Any], entries: list[dict]) -> dict[str, Any]:
    """What the engine (in CPython, with the site's data) makes of this diary."""
    request = {"action": "diary", "answers": answers, "entries": entries}
    reply = json.loads(respond(json.dumps(request), data=ENGINE_DATA))
    assert reply["ok"], reply
    return dict(reply["result"])


# --- by keyboard ------------------------------------------------------------------------------


def check_in(page: Page, name: str) -> Locator:
    return page.get_by_role("form", name=DIARY["check_ins"][name]["heading"])


def field(form: Locator, field_id: str) -> Locator:
    spec = FIELDS[field_id]
    label = re.compile("^" + re.escape(spec["label"]))
    if spec["kind"] in ("one_of", "any_of"):
        return form.get_by_role("group", name=label)
    return form.get_by_label(label)


def tab_to(page: Page, target: Locator, limit: int = 40) -> None:
    """Press Tab until ``target`` has focus, as a keyboard user moves through a page."""
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target}")


def type_date(page: Page, text: str) -> None:
    """Into the focused date field, in the en-US order the tests' browsers use."""
    year, month, day = text.split("-")
    page.keyboard.type(month + day + year)


def type_time(page: Page, text: str) -> None:
    """Into the focused time field: hours and minutes on a 12-hour clock, then AM or PM."""
    hours, minutes = (int(part) for part in text.split(":"))
    page.keyboard.type(f"{(hours % 12) or 12:02d}{minutes:02d}{'P' if hours >= 12 else 'A'}")


def choose(page: Page, form: Locator, field_id: str, value: str) -> None:
    """Pick a radio answer by keyboard: Tab into the group, then arrows (Space for the first)."""
    values = [o["value"] for o in FIELDS[field_id]["options"]]
    group = field(form, field_id)
    tab_to(page, group.get_by_role("radio").first)
    steps = values.index(value)
    for _ in range(steps):
        page.keyboard.press("ArrowDown")
    if not steps:
        page.keyboard.press("Space")
    expect(
        group.get_by_role("radio", name=option_label(field_id, value), exact=True)
    ).to_be_checked()


def tick(page: Page, form: Locator, field_id: str, values: list[str]) -> None:
    group = field(form, field_id)
    for value in values:
        box = group.get_by_role("checkbox", name=option_label(field_id, value), exact=True)
        tab_to(page, box)
        page.keyboard.press("Space")


def type_into(page: Page, form: Locator, field_id: str, text: str) -> None:
    box = field(form, field_id)
    tab_to(page, box)
    kind = FIELDS[field_id]["kind"]
    if kind == "date":
        type_date(page, text)
    elif kind == "time":
        type_time(page, text)
    else:
        page.keyboard.press("ControlOrMeta+a")
        page.keyboard.type(text)
    if kind != "date":
        expect(box).to_have_value(text)


def submit(page: Page, form: Locator) -> None:
    tab_to(page, form.get_by_role("button"))
    page.keyboard.press("Enter")


def log_evening(page: Page, entry: dict[str, Any]) -> None:
    """The evening check-in, by keyboard; minutes the page suggests are kept if they fit."""
    form = check_in(page, "evening")
    type_into(page, form, "night", entry["night"])
    choose(page, form, "mat_used", entry["mat_used"])
    if entry["mat_used"] == "yes":
        minutes = field(form, "mat_minutes")
        if minutes.input_value() != entry["mat_minutes"]:
            type_into(page, form, "mat_minutes", entry["mat_minutes"])
        choose(page, form, "mat_feeling", entry["mat_feeling"])
        choose(page, form, "mat_marks", entry["mat_marks"])
    tick(page, form, "stop_signs", entry.get("stop_signs", []))
    submit(page, form)
    expect_notice(page, SAY["notice.saved"].replace("{night}", entry["night"]))


def log_morning(page: Page, entry: dict[str, Any]) -> None:
    """The morning check-in, by keyboard; the bedtime the page suggests is kept if it fits."""
    form = check_in(page, "morning")
    type_into(page, form, "night", entry["night"])
    if field(form, "tried_to_sleep").input_value() != entry["tried_to_sleep"]:
        type_into(page, form, "tried_to_sleep", entry["tried_to_sleep"])
    for field_id in ("sol_minutes", "awakenings", "waso_minutes"):
        type_into(page, form, field_id, entry[field_id])
    type_into(page, form, "final_awakening", entry["final_awakening"])
    type_into(page, form, "out_of_bed", entry["out_of_bed"])
    choose(page, form, "sleep_quality", entry["sleep_quality"])
    submit(page, form)
    expect_notice(page, SAY["notice.saved"].replace("{night}", entry["night"]))


def notice(page: Page) -> Locator:
    return page.locator("[data-diary-notice]")


def expect_notice(page: Page, text: str) -> None:
    expect(notice(page)).to_have_text(text)
    assert notice(page).get_attribute("role") == "status"  # announced, politely


def report(page: Page) -> Locator:
    return page.locator("[data-diary-report]")


def expect_nights_in_report(page: Page, count: int, timeout: float = 5_000) -> None:
    """``timeout``: longer where a real Pyodide engine has to boot first."""
    expect(report(page)).to_have_attribute("data-nights", str(count), timeout=timeout)


def words(text: str, **values: object) -> str:
    """Content words with their {placeholders} filled, as the page fills them."""
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


# --- the page in each of its states (for axe and the every-state checks) ----------------------


def _choose_file(page: Page, text: str) -> None:
    payload = {"name": "diary.csv", "mimeType": "text/csv", "buffer": text.encode("utf-8")}
    page.get_by_label(PAGE_WORDS["import_label"]).set_input_files(payload)  # type: ignore[arg-type]
    page.get_by_role("button", name=PAGE_WORDS["import_check"]).click()


def diary_without_a_plan(page: Page, site: ServedSite) -> None:
    page.goto(diary_url(site))
    expect(page.get_by_text(PAGE_WORDS["no_plan"])).to_be_visible()


def diary_empty(page: Page, site: ServedSite) -> None:
    seed_storage(page, site, FAIR_TEST_ANSWERS, None)
    open_diary(page, site)


def diary_report(page: Page, site: ServedSite) -> None:
    seed_storage(page, site, FAIR_TEST_ANSWERS, nights_of_a_fair_test(FAIR_TEST_ANSWERS))
    open_diary(page, site)
    expect_nights_in_report(page, NIGHTS_LOGGED)


def diary_errors(page: Page, site: ServedSite) -> None:
    diary_empty(page, site)
    morning = check_in(page, "morning")
    field(morning, "sol_minutes").fill("twenty")
    morning.get_by_role("button").click()
    expect(page.get_by_role("group", name=SAY["errors.title"])).to_be_focused()


def diary_import_preview(page: Page, site: ServedSite) -> None:
    entries = nights_of_a_fair_test(FAIR_TEST_ANSWERS, count=3)
    seed_storage(page, site, FAIR_TEST_ANSWERS, entries)
    open_diary(page, site)
    _choose_file(page, engine_result(FAIR_TEST_ANSWERS, entries)["csv"])
    expect(page.get_by_role("group", name=PAGE_WORDS["preview_heading"])).to_be_focused()


def diary_import_problems(page: Page, site: ServedSite) -> None:
    seed_storage(page, site, FAIR_TEST_ANSWERS, nights_of_a_fair_test(FAIR_TEST_ANSWERS, 3))
    open_diary(page, site)
    _choose_file(page, "night,sol_minutes\r\n2026-03-01,lots\r\n")
    expect(page.get_by_role("table", name=PAGE_WORDS["problems_caption"])).to_be_visible()


def diary_confirm_delete(page: Page, site: ServedSite) -> None:
    diary_report(page, site)
    page.get_by_role("button", name=PAGE_WORDS["delete"], exact=True).click()
    expect(page.get_by_role("button", name=PAGE_WORDS["delete_yes"])).to_be_visible()


DIARY_SCENES = {
    "diary, no plan": diary_without_a_plan,
    "diary, empty": diary_empty,
    "diary, report": diary_report,
    "diary, errors": diary_errors,
    "diary, import preview": diary_import_preview,
    "diary, import problems": diary_import_problems,
    "diary, confirm delete": diary_confirm_delete,
}
"""Each state of the diary page, reached as a person reaches it (from storage left earlier)."""
