"""The diary report as an HTML fragment, with the chart and the same numbers as tables.

Every piece of text and every attribute goes through ``html.escape``; the chart is built from
numbers and escaped words only. Wide tables sit in a focusable, labelled region that scrolls
sideways on a narrow phone instead of making the page wider.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from guide_engine.outputs.diary_cells import (
    WEEK_MEASURES,
    measure_heading,
    measure_text,
    night_cells,
    night_date,
    night_header,
    shown_nights,
    week_dates,
)
from guide_engine.outputs.diary_chart import render_chart
from guide_engine.outputs.wording import engine_data
from guide_engine.rules import fill


def render_diary_html(report: Mapping[str, Any], *, data: Mapping[str, Any] | None = None) -> str:
    diary = engine_data(data)["diary"]
    words = diary["report"]
    parts = ['<section class="guide-diary">', f"<h2>{_e(words['title'])}</h2>"]
    if report["stop"]:
        parts += _stop(report["stop"], diary)
    if report["adapted"]:
        parts += _adapted(report["adapted"], diary)
    parts += _comparison(report["comparison"], diary)
    if report["nights"]:
        parts += _nights(report, diary)
        parts += _weeks(report["weeks"], diary)
    else:
        parts.append(f"<p>{_e(words['empty'])}</p>")
    next_night = fill(words["next_night"], night=report["next_night"]["night"])
    parts += [
        f'<p class="guide-diary__next">{_e(next_night)}</p>',
        f'<p class="guide-diary__disclaimer">{_e(report["disclaimer"])}</p>',
        "</section>",
    ]
    return "\n".join(parts) + "\n"


def _stop(stop: Mapping[str, Any], diary: Mapping[str, Any]) -> list[str]:
    words = diary["stop"]
    signs = [
        f"<li><strong>{_e(sign['text'])}</strong> {_e(sign['what_to_do'])}</li>"
        for sign in stop["signs"]
    ]
    link = stop["why"]
    return _part(
        "stop",
        words["heading"],
        [
            f"<p>{_e(stop['intro'])}</p>",
            f"<h4>{_e(words['what_to_do_heading'])}</h4>",
            "<ul>",
            *signs,
            "</ul>",
            f'<p>{_e(link["text"])} <a href="{_e(link["href"])}">{_e(link["link_text"])}</a></p>',
        ],
    )


def _adapted(adapted: Mapping[str, Any], diary: Mapping[str, Any]) -> list[str]:
    words = diary["adapt"]
    rows = [[str(week["week"]), str(week["minutes"]), week["text"]] for week in adapted["weeks"]]
    header = [words["week_column"], words["minutes_column"], words["why_column"]]
    return _part(
        "adapted",
        words["heading"],
        [f"<p>{_e(adapted['intro'])}</p>", *_table(words["caption"], header, rows, "adapted")],
    )


def _comparison(comparison: Mapping[str, Any], diary: Mapping[str, Any]) -> list[str]:
    words = diary["comparison"]
    body = []
    if comparison["text"]:
        body.append(f"<p>{_e(comparison['text'])}</p>")
    if comparison["outcomes"]:
        body.append('<ul class="guide-diary__verdicts">')
        body += [
            f"<li>{_e(outcome['verdict'])} {_e(outcome['chance'])}</li>"
            for outcome in comparison["outcomes"]
        ]
        body.append("</ul>")
    if comparison["off_schedule"]:
        body.append(f"<p>{_e(words['schedule_note'])}</p>")
    if comparison["after_stop"] and comparison["status"] != "not_a_test":
        body.append(f"<p>{_e(words['after_stop_note'])}</p>")
    if comparison["limits"]:
        body += [f"<h4>{_e(words['limits_heading'])}</h4>", "<ul>"]
        body += [f"<li>{_e(limit)}</li>" for limit in comparison["limits"]]
        body.append("</ul>")
    return _part("comparison", words["heading"], body)


def _nights(report: Mapping[str, Any], diary: Mapping[str, Any]) -> list[str]:
    words = diary["report"]
    nights = shown_nights(report, words)
    body = []
    if len(nights) < len(report["nights"]):
        body.append(f"<p>{_e(fill(words['chart']['more_nights'], count=len(nights)))}</p>")
    chart = render_chart(nights, words)
    if chart:
        body.append(chart)
    rows = [[night_date(n["night"]), *night_cells(n, words, diary)] for n in nights]
    header = night_header(words, diary["measures"])
    body += _table(words["nights_caption"], header, rows, "nights")
    return _part("nights", words["nights_heading"], body)


def _weeks(weeks: Sequence[Mapping[str, Any]], diary: Mapping[str, Any]) -> list[str]:
    words = diary["report"]
    header = [words["week_column"], words["dates_column"], words["nights_column"]]
    header += [measure_heading(diary["measures"][m]) for m in WEEK_MEASURES]
    rows = [
        [
            str(week["week"]),
            week_dates(week["starts_on"]),
            str(week["nights"]),
            *(measure_text(m, week["medians"][m], words, diary) for m in WEEK_MEASURES),
        ]
        for week in weeks
    ]
    return _part(
        "weeks", words["weeks_heading"], _table(words["weeks_caption"], header, rows, "weeks")
    )


def _table(caption: str, header: list[str], rows: list[list[str]], name: str) -> list[str]:
    caption_id = f"guide-diary-{name}-caption"
    head = "".join(f'<th scope="col">{_e(cell)}</th>' for cell in header)
    body = [
        f'<tr><th scope="row">{_e(row[0])}</th>'
        + "".join(f"<td>{_e(cell)}</td>" for cell in row[1:])
        + "</tr>"
        for row in rows
    ]
    return [
        f'<div class="guide-diary__scroll" role="region" tabindex="0" '
        f'aria-labelledby="{caption_id}">',
        '<table class="guide-diary__table">',
        f'<caption id="{caption_id}">{_e(caption)}</caption>',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *body,
        "</tbody>",
        "</table>",
        "</div>",
    ]


def _part(name: str, heading: str, body: list[str]) -> list[str]:
    return [f'<div class="guide-diary__{_e(name)}">', f"<h3>{_e(heading)}</h3>", *body, "</div>"]


def _e(text: str) -> str:
    return escape(text, quote=True)
