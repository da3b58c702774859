"""Text (Markdown), HTML fragment and JSON: the same plan, and nothing from data becomes markup.

Headings and captions are plan.yml's `wording`; links are each item's `why`.
"""

from __future__ import annotations

import copy
import json

from bs4 import BeautifulSoup

from guide_engine import build_plan
from guide_engine.contract import START_DATE
from guide_engine.outputs import render, render_html, render_json, render_text
from tests.engine.support import (
    ENGINE_DATA,
    PLAN,
    WEEKS,
    answers_where,
    base_answers,
    expected_ids,
    expected_level,
    expected_why,
)

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" \'too\''
FIRST_EVENING = "2026-03-01"
WORDING = PLAN["wording"]


def plan_of(answers: dict) -> dict:
    return build_plan(answers, data=ENGINE_DATA)


def test_json_is_sorted_and_round_trips() -> None:
    plan = plan_of(base_answers(**{START_DATE: FIRST_EVENING}))
    text = render_json(plan)
    assert json.loads(text) == plan
    assert text == json.dumps(json.loads(text), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_text_repeats_the_times_because_calendars_drop_reminders() -> None:
    plan = plan_of(base_answers(**{START_DATE: FIRST_EVENING}))
    text = render_text(plan, data=ENGINE_DATA)
    assert text.startswith(f"# {WORDING['title']}\n")
    for week in plan["weeks"]:
        assert f"| {week['week']} | " in text
        assert week["lie_down"] in text and week["get_up"] in text
    for step in plan["nightly"]["steps"]:
        assert f"**{step['time']}** {step['title']}" in text
    assert "1 March to 7 March" in text  # the first week's evenings, from the start date
    progression = expected_why(PLAN["progression_why"])
    assert f"[{progression['link_text']}]({progression['href']})" in text


def test_text_for_consult_first_has_no_schedule_but_the_questions_to_ask() -> None:
    plan = plan_of(base_answers("consult_first"))
    text = render_text(plan, data=ENGINE_DATA)
    assert f"## {WORDING['weeks_heading']}" not in text
    assert f"## {WORDING['safety_heading']}" in text
    for number, question in enumerate(plan["safety"]["ask_professional"], 1):
        assert f"{number}. {question}" in text
    assert plan["calendar"]["note"] == PLAN["calendar"]["notes"]["no_sessions"]
    assert plan["calendar"]["note"] in text


def test_html_is_a_well_formed_fragment_with_an_accessible_table() -> None:
    plan = plan_of(base_answers(**{START_DATE: FIRST_EVENING}))
    soup = BeautifulSoup(render_html(plan, data=ENGINE_DATA), "html.parser")
    section = soup.find("section")
    assert section["data-level"] == "ok"
    assert section.h2.get_text() == WORDING["title"]
    table = section.find("table")
    assert table.caption.get_text() == WORDING["weeks_caption"]
    headers = table.thead.find_all("th")
    assert headers and [th["scope"] for th in headers] == ["col"] * len(headers)
    rows = [row.th.get_text() for row in table.tbody.find_all("tr")]
    assert rows == [str(week) for week in range(1, WEEKS + 1)]
    links = {a["href"] for a in section.find_all("a")}
    assert expected_why(PLAN["progression_why"])["href"] in links
    assert all(href.startswith("../") for href in links)


def test_html_escapes_everything_from_content_and_answers() -> None:
    hostile = copy.deepcopy(ENGINE_DATA)
    hostile["disclaimer"] = HOSTILE
    hostile["wording"] = dict.fromkeys(hostile["wording"], HOSTILE)
    for item in hostile["placement"] + hostile["tips"]:
        item["text"] = HOSTILE
        item["why"] = {**item["why"], "text": HOSTILE, "link_text": HOSTILE}
    hostile["stop_rules"] = [{"id": "x", "text": HOSTILE}]
    answers = answers_where(
        "a plan with sessions, placement and tips",
        lambda a: (
            (level := expected_level(a)) != "consult_first"
            and expected_ids(PLAN["placement"], a, level)
            and expected_ids(PLAN["tips"], a, level)
        ),
    )
    plan = build_plan(answers, data=hostile)
    assert plan["placement"] and plan["tips"]
    plan["weeks"][0]["lie_down"] = HOSTILE  # even the engine's own values are escaped
    html = render_html(plan, data=hostile)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None and soup.find("img") is None
    assert not any(tag.has_attr("onerror") for tag in soup.find_all(True))
    assert HOSTILE in soup.get_text()
    assert "<script>" not in html


def test_render_rejects_an_unknown_format() -> None:
    plan = plan_of(base_answers())
    try:
        render(plan, "pdf", data=ENGINE_DATA)
    except ValueError as problem:
        assert "pdf" in str(problem)
    else:
        raise AssertionError("render accepted an unknown format")
