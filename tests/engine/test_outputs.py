"""Text (Markdown), HTML fragment and JSON: the same plan, and nothing from data becomes markup."""

from __future__ import annotations

import copy
import json

from bs4 import BeautifulSoup

from guide_engine import build_plan
from guide_engine.outputs import render, render_html, render_json, render_text
from tests.engine.support import ENGINE_DATA, answers

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" \'too\''


def test_json_is_sorted_and_round_trips() -> None:
    plan = build_plan(answers(start_date="2026-03-01"), data=ENGINE_DATA)
    text = render_json(plan)
    assert json.loads(text) == plan
    assert text == json.dumps(json.loads(text), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_text_repeats_the_times_because_calendars_drop_reminders() -> None:
    plan = build_plan(answers(bedtime="22:30", start_date="2026-03-01"), data=ENGINE_DATA)
    text = render_text(plan, data=ENGINE_DATA)
    for week in plan["weeks"]:
        assert f"| {week['week']} | " in text
        assert week["lie_down"] in text and week["get_up"] in text
    for step in plan["nightly"]["steps"]:
        assert f"**{step['time']}** {step['title']}" in text
    assert "1 March to 7 March" in text
    assert "[How long to lie on a mat](../routine/#duration)" in text


def test_text_for_consult_first_has_no_schedule_but_the_questions_to_ask() -> None:
    plan = build_plan(answers(conditions=["epilepsy"]), data=ENGINE_DATA)
    text = render_text(plan, data=ENGINE_DATA)
    assert ENGINE_DATA["wording"]["weeks_heading"] not in text
    assert f"1. {plan['safety']['ask_professional'][0]}" in text
    assert plan["calendar"]["note"] in text


def test_html_is_a_well_formed_fragment_with_an_accessible_table() -> None:
    plan = build_plan(answers(start_date="2026-03-01"), data=ENGINE_DATA)
    soup = BeautifulSoup(render_html(plan, data=ENGINE_DATA), "html.parser")
    section = soup.find("section")
    assert section["data-level"] == "ok"
    table = section.find("table")
    assert table.caption.get_text() == ENGINE_DATA["wording"]["weeks_caption"]
    assert [th["scope"] for th in table.thead.find_all("th")] == ["col"] * 6
    assert [row.th.get_text() for row in table.tbody.find_all("tr")] == ["1", "2", "3", "4"]
    links = {a["href"] for a in section.find_all("a")}
    assert "../routine/#duration" in links
    assert all(href.startswith("../") for href in links)


def test_html_escapes_everything_from_content_and_answers() -> None:
    hostile = copy.deepcopy(ENGINE_DATA)
    hostile["disclaimer"] = HOSTILE
    hostile["wording"] = dict.fromkeys(hostile["wording"], HOSTILE)
    for item in hostile["placement"] + hostile["tips"]:
        item["text"] = HOSTILE
        item["why"] = {**item["why"], "text": HOSTILE, "link_text": HOSTILE}
    hostile["stop_rules"] = [{"id": "x", "text": HOSTILE}]
    plan = build_plan(answers(pain_areas=["neck"], sleep_issues=["racing_mind"]), data=hostile)
    plan["weeks"][0]["lie_down"] = HOSTILE  # even the engine's own values are escaped
    html = render_html(plan, data=hostile)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None and soup.find("img") is None
    assert not any(tag.has_attr("onerror") for tag in soup.find_all(True))
    assert HOSTILE in soup.get_text()
    assert "<script>" not in html


def test_render_rejects_an_unknown_format() -> None:
    plan = build_plan(answers(), data=ENGINE_DATA)
    try:
        render(plan, "pdf", data=ENGINE_DATA)
    except ValueError as problem:
        assert "pdf" in str(problem)
    else:
        raise AssertionError("render accepted an unknown format")
