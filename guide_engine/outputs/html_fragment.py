"""The plan as an HTML fragment for the plan builder page.

Every piece of text and every attribute goes through ``html.escape``: the page inserts this
fragment as HTML, so nothing from content or answers may ever become markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from guide_engine.outputs.fair_test_words import evenings_of
from guide_engine.outputs.wording import calendar_notes, engine_data, week_dates
from guide_engine.rules import fill


def render_html(plan: Mapping[str, Any], *, data: Mapping[str, Any] | None = None) -> str:
    words = engine_data(data)["wording"]
    level = plan["safety"]["level"]
    parts = [
        f'<section class="guide-plan" data-level="{_e(level)}">',
        f"<h2>{_e(words['title'])}</h2>",
        *_safety(plan, words),
    ]
    if plan["signposts"]:
        parts += _section("signposts", words["signposts_heading"], _items(plan["signposts"]))
    if plan["weeks"]:
        parts += _section("weeks", words["weeks_heading"], _weeks(plan, words))
    if plan["fair_test"]:
        diary_words = engine_data(data)["diary"]["fair_test"]
        parts += _section("fair-test", diary_words["heading"], _fair_test(plan, words, diary_words))
    parts += _section("nightly", words["nightly_heading"], _nightly(plan, words))
    if plan["placement"]:
        parts += _section("placement", words["placement_heading"], _items(plan["placement"]))
    if plan["tips"]:
        parts += _section("tips", words["tips_heading"], _items(plan["tips"]))
    stop = [f"<p>{_e(words['stop_intro'])}</p>", "<ul>"]
    stop += [f"<li>{_e(rule['text'])}</li>" for rule in plan["stop_rules"]] + ["</ul>"]
    parts += _section("stop", words["stop_heading"], stop)
    calendar = [f"<p>{_e(note)}</p>" for note in calendar_notes(plan, data)]
    parts += _section("calendar", words["calendar_heading"], calendar)
    parts += [f'<p class="guide-plan__disclaimer">{_e(plan["disclaimer"])}</p>', "</section>"]
    return "\n".join(parts) + "\n"


def _safety(plan: Mapping[str, Any], words: Mapping[str, str]) -> list[str]:
    safety = plan["safety"]
    body = [
        f'<p class="guide-plan__headline"><strong>{_e(safety["headline"])}</strong></p>',
        f"<p>{_e(safety['summary'])}</p>",
    ]
    if safety["reasons"]:
        body += _items(safety["reasons"])
    if safety["care_notes"]:
        body += [f"<h4>{_e(words['care_heading'])}</h4>", *_items(safety["care_notes"])]
    if safety["ask_professional"]:
        body += [f"<h4>{_e(words['ask_heading'])}</h4>", "<ol>"]
        body += [f"<li>{_e(question)}</li>" for question in safety["ask_professional"]]
        body.append("</ol>")
    return _section("safety", words["safety_heading"], body)


def _weeks(plan: Mapping[str, Any], words: Mapping[str, str]) -> list[str]:
    dated = plan["calendar"]["start_date"] is not None
    columns = ["week_column", *(["dates_column"] if dated else [])]
    columns += ["minutes_column", "layer_column", "lie_down_column", "get_up_column"]
    rows = []
    for week in plan["weeks"]:
        cells = [_e(week_dates(week["starts_on"]))] if dated else []
        cells += [
            _e(str(week["minutes"])),
            _e(words["shirt_on"] if week["shirt"] else words["shirt_off"]),
            _time(week["lie_down"]),
            _time(week["get_up"]),
        ]
        row_cells = "".join(f"<td>{cell}</td>" for cell in cells)
        rows.append(f'<tr><th scope="row">{_e(str(week["week"]))}</th>{row_cells}</tr>')
    head = "".join(f'<th scope="col">{_e(words[column])}</th>' for column in columns)
    table = [
        '<table class="guide-plan__table">',
        f"<caption>{_e(words['weeks_caption'])}</caption>",
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *rows,
        "</tbody>",
        "</table>",
    ]
    parts = [_why(plan["progression"]["why"]), *table]
    if plan["shirt"]["weeks"]:
        parts.append(_why(plan["shirt"]["why"]))
    return parts


def _fair_test(
    plan: Mapping[str, Any], plan_words: Mapping[str, str], words: Mapping[str, Any]
) -> list[str]:
    fair_test = plan["fair_test"]
    if not fair_test["available"]:
        return [f"<p>{_e(fair_test['note'])}</p>"]
    parts = [
        f"<p>{_e(fair_test['intro'])}</p>",
        f"<p>{_e(fair_test['rest_evening'])}</p>",
        *_fair_test_table(fair_test, plan_words, words),
    ]
    parts.append(f"<p>{_e(fair_test['seed_note'])}</p>")
    for heading, texts in (
        ("can_show_heading", "can_show"),
        ("cannot_show_heading", "cannot_show"),
    ):
        parts += [f"<h4>{_e(words[heading])}</h4>", "<ul>"]
        parts += [f"<li>{_e(text)}</li>" for text in fair_test[texts]]
        parts.append("</ul>")
    return parts


def _fair_test_table(
    fair_test: Mapping[str, Any], plan_words: Mapping[str, str], words: Mapping[str, Any]
) -> list[str]:
    """Each test week's mat and rest evenings, a row a week, so the week reads across."""
    columns = [
        plan_words["week_column"],
        plan_words["minutes_column"],
        words["mat_evenings"],
        words["rest_evenings"],
    ]
    head = "".join(f'<th scope="col">{_e(column)}</th>' for column in columns)
    rows = []
    for week in fair_test["weeks"]:
        cells = [str(week["minutes"]), evenings_of(week, "mat", words)]
        cells.append(evenings_of(week, "rest", words))
        row_cells = "".join(f"<td>{_e(cell)}</td>" for cell in cells)
        rows.append(f'<tr><th scope="row">{_e(str(week["week"]))}</th>{row_cells}</tr>')
    return [
        '<table class="guide-plan__table guide-plan__evenings">',
        f"<caption>{_e(words['schedule_caption'])}</caption>",
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *rows,
        "</tbody>",
        "</table>",
    ]


def _nightly(plan: Mapping[str, Any], words: Mapping[str, str]) -> list[str]:
    nightly = plan["nightly"]
    intro = words["nightly_intro_mat" if nightly["kind"] == "mat" else "nightly_intro_wind_down"]
    parts = [
        f"<p>{_e(fill(intro, bedtime=nightly['bedtime']))}</p>",
        '<ol class="guide-plan__steps">',
    ]
    for step in nightly["steps"]:
        parts.append(
            f"<li>{_time(step['time'])} <strong>{_e(step['title'])}</strong>. "
            f"{_e(step['text'])} {_link(step['why'])}</li>"
        )
    parts.append("</ol>")
    return parts


def _section(name: str, heading: str, body: list[str]) -> list[str]:
    return [
        f'<div class="guide-plan__{_e(name)}">',
        f"<h3>{_e(heading)}</h3>",
        *body,
        "</div>",
    ]


def _items(items: list[Mapping[str, Any]]) -> list[str]:
    listed = [f"<li>{_e(item['text'])} {_link(item['why'])}</li>" for item in items]
    return ["<ul>", *listed, "</ul>"]


def _why(why: Mapping[str, Any]) -> str:
    return f'<p class="guide-plan__why">{_e(why["text"])} {_link(why)}</p>'


def _link(why: Mapping[str, Any]) -> str:
    return f'<a href="{_e(why["href"])}">{_e(why["link_text"])}</a>'


def _time(clock: str) -> str:
    return f"<time>{_e(clock)}</time>"


def _e(text: str) -> str:
    return escape(text, quote=True)
