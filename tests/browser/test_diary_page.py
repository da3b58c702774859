"""The sleep diary page (issue 10), in Chromium under the sub-path, with the stand-in engine.

A fair-test plan made in the plan builder; two weeks of nights kept on a phone, a mat night and
a rest night of them logged there by keyboard alone; the adapted plan and the chart; export,
delete and import back, a bad import, a sign to stop, reloads, and no request that leaves the
origin or carries the diary.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.builder import (
    build_my_plan,
    builder_url,
    crash_engine,
    off_origin,
    plan_heading,
)
from tests.browser.conftest import NewContext
from tests.browser.diary import (
    DIARY,
    EVERY_EVENING_ANSWERS,
    FAIR_TEST_ANSWERS,
    FIELDS,
    NIGHTS_LOGGED,
    PAGE_WORDS,
    REPORT,
    SAY,
    check_in,
    diary_status,
    diary_url,
    engine_result,
    expect_nights_in_report,
    expect_notice,
    field,
    log_evening,
    log_morning,
    nights_of_a_fair_test,
    open_diary,
    report,
    seed_storage,
    stored_diary,
    words,
)
from tests.browser.questionnaire import fill_answers
from tests.support.server import ServedSite
from tests.support.stand_in_engine import ENDPOINT_PATH, WORKER_PATH

PHONE = {"width": 360, "height": 800}


def error_summary(page: Page) -> Locator:
    return page.get_by_role("group", name=SAY["errors.title"])


def chart(page: Page) -> Locator:
    return report(page).get_by_role(
        "img", name=re.compile("^" + re.escape(REPORT["chart"]["title"]))
    )


def report_text(page: Page) -> str:
    return report(page).inner_html()


@pytest.mark.long
def test_a_fair_test_logged_by_keyboard_on_a_phone_adapts_the_plan_and_moves_as_a_file(
    new_context: NewContext, served_site: ServedSite, tmp_path: Path
) -> None:
    context = new_context(viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    sent: list[tuple[str, str | None]] = []
    context.on("request", lambda request: sent.append((request.url, request.post_data)))

    # The fair-test plan, made in the plan builder as a person makes it.
    page.goto(builder_url(served_site))
    fill_answers(page, FAIR_TEST_ANSWERS)
    build_my_plan(page)
    expect(plan_heading(page)).to_be_visible()

    # Two weeks of nights: the last mat night and the last rest night logged here by keyboard
    # (each check-in is the same form every night); the others kept in this browser, as earlier
    # evenings and mornings on this phone would have left them.
    entries = nights_of_a_fair_test(FAIR_TEST_ANSWERS)
    typed = list({entry["mat_used"]: entry for entry in entries}.values())
    assert len(typed) == 2, "a fair test's two weeks have mat and rest nights"
    earlier = [entry for entry in entries if entry not in typed]
    seed_storage(page, served_site, answers=None, entries=earlier)
    open_diary(page, served_site)
    expect_nights_in_report(page, len(earlier))
    for number, entry in enumerate(typed, start=len(earlier) + 1):
        log_evening(page, entry)
        log_morning(page, entry)
        expect_nights_in_report(page, number)

    # The adapted plan, the chart with its table, and the comparison's honest answer.
    expected = engine_result(FAIR_TEST_ANSWERS, entries)["report"]
    adapted = report(page).get_by_role("table", name=DIARY["adapt"]["caption"])
    for week in expected["adapted"]["weeks"]:
        row = adapted.get_by_role("row").filter(
            has=page.get_by_role("rowheader", name=str(week["week"]), exact=True)
        )
        expect(row).to_contain_text(str(week["minutes"]))
    expect(chart(page)).to_be_visible()
    expect(report(page).get_by_role("table", name=REPORT["nights_caption"])).to_be_visible()
    expect(report(page)).to_contain_text(expected["comparison"]["text"])
    logged = report_text(page)

    # Nothing left the origin; only the stand-in engine (the page's worker, in the tests) was
    # sent the diary, and nothing else carried any of it.
    assert off_origin([url for url, _ in sent], served_site) == []
    others = [(url, body) for url, body in sent if not url.endswith(ENDPOINT_PATH)]
    assert all(body is None for _, body in others), others
    for night in (entry["night"] for entry in entries):
        assert not [url for url, _ in others if night in url]

    # A reload keeps the diary.
    page.reload()
    expect(diary_status_ready(page)).to_be_visible()
    expect_nights_in_report(page, NIGHTS_LOGGED)
    assert report_text(page) == logged

    # Export, delete, import the file back: the same report.
    with page.expect_download() as download:
        page.get_by_role("button", name=PAGE_WORDS["export"]).click()
    assert download.value.suggested_filename == PAGE_WORDS["export_file"]
    exported = Path(download.value.path()).read_bytes().decode("utf-8")
    assert exported == engine_result(FAIR_TEST_ANSWERS, entries)["csv"]
    delete_diary(page)
    assert stored_diary(page) is None
    expect(report(page)).to_contain_text(REPORT["empty"])

    file = tmp_path / "diary.csv"
    file.write_bytes(exported.encode("utf-8"))
    page.get_by_label(PAGE_WORDS["import_label"]).set_input_files(file)
    page.get_by_role("button", name=PAGE_WORDS["import_check"]).click()
    preview = page.get_by_role("group", name=PAGE_WORDS["preview_heading"])
    expect(preview).to_be_focused()
    nights = [entry["night"] for entry in entries]
    expect(preview).to_contain_text(
        words(
            SAY["import.preview"],
            nights=len(nights),
            first=nights[0],
            last=nights[-1],
            evenings=len(nights),
            mornings=len(nights),
        )
    )
    assert stored_diary(page) is None  # nothing changes before it is confirmed
    page.get_by_role("button", name=PAGE_WORDS["import_replace"]).click()
    expect_notice(page, words(SAY["notice.imported"], nights=len(nights)))
    expect_nights_in_report(page, NIGHTS_LOGGED)
    assert report_text(page) == logged


def diary_status_ready(page: Page) -> Locator:
    return page.get_by_role("status").filter(has_text=SAY["status.ready"])


def delete_diary(page: Page) -> None:
    page.get_by_role("button", name=PAGE_WORDS["delete"], exact=True).click()
    confirm = page.get_by_role(
        "group", name=re.compile(re.escape(SAY["delete.confirm"].split("{")[0]))
    )
    expect(confirm).to_be_focused()
    confirm.get_by_role("button", name=PAGE_WORDS["delete_yes"]).click()
    expect_notice(page, SAY["notice.deleted"])


def test_a_crashed_engine_is_reported_and_a_restart_brings_the_report_back(
    page: Page, served_site: ServedSite
) -> None:
    """The same engine watching as the plan builder's (engine-watch.mjs), with the diary's own
    words: after "try again", the report is still there and the new engine takes check-ins."""
    entries = nights_of_a_fair_test(FAIR_TEST_ANSWERS, count=4)
    seed_storage(page, served_site, FAIR_TEST_ANSWERS, entries[:3])
    open_diary(page, served_site)
    expect_nights_in_report(page, 3)
    crash = crash_engine(page)

    alert = page.get_by_role("group", name=SAY["problem.crashed"])
    expect(alert).to_be_visible()
    expect(alert).to_contain_text(crash)
    alert.get_by_role("button", name=PAGE_WORDS["try_again"]).click()

    expect(diary_status(page)).to_have_text(SAY["status.ready"])
    expect(alert).to_have_count(0)
    expect_nights_in_report(page, 3)
    log_evening(page, entries[3])
    expect_nights_in_report(page, 4)


def test_a_bad_import_keeps_the_stored_diary_and_names_each_row_and_column(
    page: Page, served_site: ServedSite, tmp_path: Path
) -> None:
    entries = nights_of_a_fair_test(FAIR_TEST_ANSWERS, count=3)
    seed_storage(page, served_site, FAIR_TEST_ANSWERS, entries)
    open_diary(page, served_site)
    expect_nights_in_report(page, 3)
    before, shown = stored_diary(page), report_text(page)

    csv = engine_result(FAIR_TEST_ANSWERS, entries)["csv"].splitlines()
    header = csv[0].split(",")
    sol, quality = header.index("sol_minutes"), header.index("sleep_quality")
    row_2 = csv[1].split(",")
    row_2[sol] = "lots"
    row_4 = csv[3].split(",")
    row_4[quality] = "superb"
    bad = tmp_path / "bad.csv"
    bad.write_text("\r\n".join([csv[0], ",".join(row_2), csv[2], ",".join(row_4)]) + "\r\n")

    page.get_by_label(PAGE_WORDS["import_label"]).set_input_files(bad)
    page.get_by_role("button", name=PAGE_WORDS["import_check"]).click()
    summary = error_summary(page)
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(words(SAY["import.problems"], count=2))
    problems = page.get_by_role("table", name=PAGE_WORDS["problems_caption"])
    expect(problems.get_by_role("row")).to_have_count(3)
    first, second = problems.get_by_role("row").nth(1), problems.get_by_role("row").nth(2)
    expect(first).to_contain_text(FIELDS["sol_minutes"]["errors"]["invalid"])
    expect(first.get_by_role("rowheader")).to_have_text("2")
    expect(first.get_by_role("cell").first).to_have_text(str(sol + 1))
    expect(second.get_by_role("rowheader")).to_have_text("4")
    expect(second.get_by_role("cell").first).to_have_text(str(quality + 1))
    # The message is next to the file field too, and the field is described by it.
    expect(page.get_by_label(PAGE_WORDS["import_label"])).to_have_accessible_description(
        re.compile(re.escape(words(SAY["import.problems"], count=2)))
    )
    assert page.title().startswith(SAY["errors.prefix"])
    assert stored_diary(page) == before
    assert report_text(page) == shown


def test_a_logged_sign_to_stop_ends_mat_evenings_and_says_what_to_do(
    page: Page, served_site: ServedSite
) -> None:
    entries = nights_of_a_fair_test(EVERY_EVENING_ANSWERS, count=2)
    seed_storage(page, served_site, EVERY_EVENING_ANSWERS, entries[:1])
    open_diary(page, served_site)
    sign = DIARY["stop_signs"][0]
    log_evening(page, {**entries[1], "stop_signs": [sign["id"]]})

    stop = report(page).locator(".guide-diary__stop")
    expect(stop.get_by_role("heading", name=DIARY["stop"]["heading"])).to_be_visible()
    expect(stop).to_contain_text(sign["text"])
    expect(stop).to_contain_text(sign["what_to_do"])
    expect(stop.get_by_role("link", name=DIARY["stop"]["why"]["link_text"])).to_be_visible()
    # The next evening has no mat, and the check-in says so.
    next_night = engine_result(
        EVERY_EVENING_ANSWERS, [*entries[:1], {**entries[1], "stop_signs": [sign["id"]]}]
    )["report"]["next_night"]
    assert next_night["planned"] == "stopped"
    evening = check_in(page, "evening")
    field(evening, "night").fill(next_night["night"])
    expect(page.locator("[data-tonight]")).to_have_text(
        words(SAY["tonight.stopped"], night=next_night["night"])
    )


def test_without_a_plan_the_diary_says_to_build_one_first(
    page: Page, served_site: ServedSite
) -> None:
    page.goto(diary_url(served_site))
    # The no-plan box is hidden in the page as built: seen, it shows the page's code has run.
    expect(page.get_by_text(PAGE_WORDS["no_plan"])).to_be_visible()
    link = page.get_by_role("link", name=PAGE_WORDS["no_plan_link"])
    assert link.evaluate("a => a.href") == builder_url(served_site)
    expect(check_in(page, "evening")).to_be_hidden()
    # With nothing to report, the engine is not started: none of it is downloaded, and the
    # status line, which would say it is getting ready, says nothing.
    expect(diary_status(page)).to_have_text("")
    page.wait_for_load_state("networkidle")  # the engine would start at load: nothing came
    assert not [path for path in served_site.requests if WORKER_PATH in path]

    # Asked for something, it starts.
    page.get_by_label(PAGE_WORDS["import_label"]).set_input_files(
        {"name": "diary.csv", "mimeType": "text/csv", "buffer": b"night\n"}
    )
    page.get_by_role("button", name=PAGE_WORDS["import_check"]).click()
    # The status changes as the worker is asked for; once the engine is ready, it was fetched.
    expect(diary_status(page)).to_have_text(SAY["status.ready"])
    assert [path for path in served_site.requests if WORKER_PATH in path]


def test_answers_without_a_start_date_get_the_engines_message_and_a_link(
    page: Page, served_site: ServedSite
) -> None:
    answers: dict[str, Any] = {**FAIR_TEST_ANSWERS}
    del answers["start_date"]
    seed_storage(page, served_site, answers, None)
    page.goto(diary_url(served_site))
    expect(page.get_by_text(DIARY["entry_errors"]["start_date"])).to_be_visible()
    expect(page.get_by_role("link", name=PAGE_WORDS["plan_problem_link"])).to_be_visible()


def test_check_in_errors_sit_by_their_fields_and_nothing_typed_is_cleared(
    page: Page, served_site: ServedSite
) -> None:
    seed_storage(page, served_site, FAIR_TEST_ANSWERS, None)
    open_diary(page, served_site)
    morning = check_in(page, "morning")
    field(morning, "sol_minutes").fill("twenty")
    morning.get_by_role("button").click()
    summary = error_summary(page)
    expect(summary).to_be_focused()
    expect(
        summary.get_by_role("link", name=FIELDS["sol_minutes"]["errors"]["invalid"])
    ).to_be_visible()
    expect(field(morning, "sol_minutes")).to_have_accessible_description(
        re.compile(re.escape(FIELDS["sol_minutes"]["errors"]["invalid"]))
    )
    expect(field(morning, "sol_minutes")).to_have_value("twenty")
    summary.get_by_role("link", name=FIELDS["sol_minutes"]["errors"]["invalid"]).click()
    expect(field(morning, "sol_minutes")).to_be_focused()
    assert stored_diary(page) is None

    # An empty evening check-in: the engine's "fill in something" goes to its first question.
    check_in(page, "evening").get_by_role("button").click()
    expect(error_summary(page)).to_contain_text(DIARY["entry_errors"]["empty"])


def test_a_night_is_changed_and_deleted_and_the_defaults_follow_the_clock(
    page: Page, served_site: ServedSite
) -> None:
    entries = nights_of_a_fair_test(FAIR_TEST_ANSWERS, count=3)
    seed_storage(page, served_site, FAIR_TEST_ANSWERS, entries)
    open_diary(page, served_site)
    choice = page.get_by_label(PAGE_WORDS["nights_label"], exact=True)
    choice.select_option(entries[1]["night"])
    page.get_by_role("button", name=PAGE_WORDS["change_night"]).click()
    morning = check_in(page, "morning")
    expect(field(morning, "sol_minutes")).to_have_value(entries[1]["sol_minutes"])
    expect(field(check_in(page, "evening"), "night")).to_have_value(entries[1]["night"])
    field(morning, "sol_minutes").fill("25")
    morning.get_by_role("button").click()
    expect_notice(page, words(SAY["notice.saved"], night=entries[1]["night"]))
    kept = json.loads(stored_diary(page) or "null")["entries"]
    assert [entry["sol_minutes"] for entry in kept][1] == 25 and len(kept) == 3

    choice.select_option(entries[0]["night"])
    page.get_by_role("button", name=PAGE_WORDS["delete_night"]).click()
    expect_notice(page, words(SAY["notice.deletedNight"], night=entries[0]["night"]))
    expect_nights_in_report(page, 2)
    expect(choice.locator("option")).to_have_count(2)


def test_the_check_ins_start_on_the_likely_night_even_after_midnight(
    new_context: NewContext, served_site: ServedSite
) -> None:
    for clock, evening, morning in (
        ("2026-03-10T21:30:00", "2026-03-10", "2026-03-09"),
        ("2026-03-11T00:40:00", "2026-03-10", "2026-03-10"),
        ("2026-03-11T07:15:00", "2026-03-10", "2026-03-10"),
    ):
        page = new_context().new_page()
        page.clock.set_fixed_time(clock)
        seed_storage(page, served_site, FAIR_TEST_ANSWERS, None)
        open_diary(page, served_site)
        expect(field(check_in(page, "evening"), "night")).to_have_value(evening)
        expect(field(check_in(page, "morning"), "night")).to_have_value(morning)
        page.context.close()


def test_the_morning_check_in_suggests_the_plans_bedtime(
    page: Page, served_site: ServedSite
) -> None:
    seed_storage(page, served_site, FAIR_TEST_ANSWERS, None)
    open_diary(page, served_site)
    bedtime = engine_result(FAIR_TEST_ANSWERS, [])["report"]["next_night"]["tried_to_sleep"]
    expect(field(check_in(page, "morning"), "tried_to_sleep")).to_have_value(bedtime)
    assert stored_diary(page) is None  # nothing is kept until a night is saved
