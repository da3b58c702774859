"""The report's HTML and text: an accessible inline SVG chart with a title, a description and the
same numbers as a table; readable in dark mode and print (currentColor only); escaped; and
the calendar's fair test evenings and morning diary reminder."""

from __future__ import annotations

import copy
import re
from datetime import datetime, timedelta

import icalendar
from bs4 import BeautifulSoup

from guide_engine import build_plan
from guide_engine.diary.fields import MAT_USED
from guide_engine.diary.report import diary_report
from guide_engine.outputs import render_diary, render_ics
from guide_engine.outputs.diary_cells import measure_text
from tests.engine.diary.support import (
    DIARY,
    entry,
    evening,
    fair_test_answers,
    morning,
    night,
    plan_answers,
    report,
)
from tests.engine.support import ENGINE_DATA

WORDS = DIARY["report"]
COLOUR = re.compile(r"#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(", re.IGNORECASE)


def nights(count: int, *, skip: tuple[int, ...] = ()) -> list[dict]:
    return [
        entry(offset, evening(used=offset % 2 == 0), morning(sol=5 + offset % 40))
        for offset in range(count)
        if offset not in skip
    ]


def html_of(result: dict, data: dict = ENGINE_DATA) -> BeautifulSoup:
    return BeautifulSoup(render_diary(result, "html", data=data), "html.parser")


def nights_table(soup: BeautifulSoup):
    return soup.find("caption", id="guide-diary-nights-caption").find_parent("table")


def test_the_chart_is_one_labelled_image_with_a_description() -> None:
    result = report(plan_answers(), nights(10, skip=(4,)))
    svg = html_of(result).find("svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title", id=title_id).get_text() == WORDS["chart"]["title"]
    description = svg.find("desc", id=desc_id).get_text()
    assert str(len(result["nights"])) in description and night(0) in description


def test_mat_nights_are_marked_by_shape_not_colour() -> None:
    result = report(plan_answers(), nights(10))
    svg = html_of(result).find("svg")
    used = sum(1 for n in result["nights"] if n["entry"]["mat_used"] == MAT_USED)
    # Two panels (minutes to fall asleep, quality), one mark per night in each, plus the key.
    assert len(svg.find_all("circle", class_="guide-chart__mat")) == 2 * used + 1
    others = len(result["nights"]) - used
    assert len(svg.find_all("rect", class_="guide-chart__other")) == 2 * others + 1


def test_no_colour_is_hard_coded_so_dark_mode_and_print_work() -> None:
    text = render_diary(report(fair_test_answers(), nights(28)), "html", data=ENGINE_DATA)
    svg = text[text.index("<svg") : text.index("</svg>")]
    assert not COLOUR.search(svg)
    paints = set(re.findall(r'(?:fill|stroke)="([^"]*)"', svg))
    assert paints <= {"currentColor", "none"}
    assert "style=" not in text  # the site's CSP allows no inline styles


def test_the_table_has_the_charts_numbers() -> None:
    result = report(plan_answers(), nights(9, skip=(3,)))
    soup = html_of(result)
    table = nights_table(soup)
    assert table.find("caption").get_text() == WORDS["nights_caption"]
    rows = table.find("tbody").find_all("tr")
    assert len(rows) == len(result["nights"])
    measures = DIARY["measures"]
    header = [th.get_text() for th in table.find("thead").find_all("th")]
    sol_column = header.index(f"{measures['sol']['short']} ({measures['sol']['abbreviation']})")
    for row, item in zip(rows, result["nights"], strict=True):
        cells = [cell.get_text() for cell in row.find_all(["th", "td"])]
        assert item["night"] in cells[0]
        assert cells[sol_column] == measure_text("sol", item["measures"]["sol"], WORDS, DIARY)
    region = table.find_parent("div", class_="guide-diary__scroll")
    assert region["role"] == "region" and region["tabindex"] == "0"
    assert region["aria-labelledby"] == table.find("caption")["id"]


def test_a_long_diary_shows_its_latest_nights_and_says_so() -> None:
    most = WORDS["chart"]["max_nights"]
    result = report(plan_answers(), nights(most + 10))
    soup = html_of(result)
    rows = nights_table(soup).find("tbody").find_all("tr")
    assert len(rows) == most
    assert night(most + 9) in rows[-1].get_text()
    expected = WORDS["chart"]["more_nights"].replace("{count}", str(most))
    assert " ".join(expected.split()) in " ".join(soup.get_text().split())


def test_an_empty_diary_says_so_and_has_no_chart() -> None:
    result = report(plan_answers(), [])
    soup = html_of(result)
    assert soup.find("svg") is None
    assert WORDS["empty"] in soup.get_text()
    assert WORDS["empty"] in render_diary(result, "text", data=ENGINE_DATA)


def test_every_text_is_escaped() -> None:
    hostile = copy.deepcopy(ENGINE_DATA)
    attack = '<script>alert("x")</script>'
    hostile["diary"]["report"]["chart"]["title"] = attack
    hostile["diary"]["report"]["title"] = attack
    hostile["diary"]["comparison"]["not_a_test"] = attack
    result = diary_report(plan_answers(), nights(3), data=hostile)
    text = render_diary(result, "html", data=hostile)
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_the_text_report_has_the_same_parts() -> None:
    result = report(fair_test_answers(), nights(12))
    text = render_diary(result, "text", data=ENGINE_DATA)
    for heading in (WORDS["title"], WORDS["nights_heading"], WORDS["weeks_heading"]):
        assert heading in text
    assert DIARY["adapt"]["heading"] in text and DIARY["comparison"]["heading"] in text
    assert text.count(f"| {measure_text('sol', 5, WORDS, DIARY)} |") >= 1


def test_the_calendar_marks_mat_and_rest_evenings_and_reminds_each_morning() -> None:
    plan = build_plan(fair_test_answers(diary_reminder="07:30"), data=ENGINE_DATA)
    events = icalendar.Calendar.from_ical(render_ics(plan, data=ENGINE_DATA)).walk("VEVENT")
    calendar_words = DIARY["fair_test"]["calendar"]
    mat_title = calendar_words["mat_summary"].split("{")[0]
    rest_title = calendar_words["rest_summary"].split("{")[0]
    kinds = [e["kind"] for w in plan["fair_test"]["weeks"] for e in w["evenings"]]
    titles = [str(event["SUMMARY"]) for event in events]
    marked = [t for t in titles if t.startswith((mat_title, rest_title))]
    assert [("mat" if t.startswith(mat_title) else "rest") for t in marked] == kinds
    [reminder] = [e for e in events if str(e["SUMMARY"]) == DIARY["calendar"]["morning_summary"]]
    first_morning = datetime.fromisoformat(plan_answers()["start_date"]) + timedelta(days=1)
    assert reminder.decoded("DTSTART") == first_morning.replace(hour=7, minute=30)
    assert reminder["RRULE"]["COUNT"] == [7 * len(plan["weeks"])]
    [alarm] = reminder.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(0)


def test_no_reminder_unless_asked() -> None:
    plan = build_plan(fair_test_answers(), data=ENGINE_DATA)
    assert plan["calendar"]["diary_reminder"] is None
    assert DIARY["calendar"]["morning_summary"] not in render_ics(plan, data=ENGINE_DATA)
