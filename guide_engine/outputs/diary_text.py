"""The diary report as Markdown text: the same parts as the HTML, the chart as its table."""

from __future__ import annotations

from collections.abc import Mapping
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
from guide_engine.outputs.wording import engine_data
from guide_engine.rules import fill


def render_diary_text(report: Mapping[str, Any], *, data: Mapping[str, Any] | None = None) -> str:
    diary = engine_data(data)["diary"]
    words = diary["report"]
    blocks = [f"# {words['title']}"]
    if report["stop"]:
        blocks += _stop(report["stop"], diary)
    if report["adapted"]:
        blocks += _adapted(report["adapted"], diary)
    blocks += _comparison(report["comparison"], diary)
    if report["nights"]:
        blocks += _nights(report, diary)
        blocks += _weeks(report, diary)
    else:
        blocks.append(words["empty"])
    blocks += [
        fill(words["next_night"], night=report["next_night"]["night"]),
        "---",
        f"*{report['disclaimer']}*",
    ]
    return "\n\n".join(blocks) + "\n"


def _stop(stop: Mapping[str, Any], diary: Mapping[str, Any]) -> list[str]:
    words = diary["stop"]
    link = stop["why"]
    return [
        f"## {words['heading']}",
        stop["intro"],
        f"### {words['what_to_do_heading']}",
        "\n".join(f"- **{sign['text']}** {sign['what_to_do']}" for sign in stop["signs"]),
        f"{link['text']} [{link['link_text']}]({link['href']})",
    ]


def _adapted(adapted: Mapping[str, Any], diary: Mapping[str, Any]) -> list[str]:
    words = diary["adapt"]
    header = [words["week_column"], words["minutes_column"], words["why_column"]]
    rows = [[str(w["week"]), str(w["minutes"]), w["text"]] for w in adapted["weeks"]]
    return [f"## {words['heading']}", adapted["intro"], _table(words["caption"], header, rows)]


def _comparison(comparison: Mapping[str, Any], diary: Mapping[str, Any]) -> list[str]:
    words = diary["comparison"]
    blocks = [f"## {words['heading']}"]
    if comparison["text"]:
        blocks.append(comparison["text"])
    if comparison["outcomes"]:
        blocks.append("\n".join(f"- {o['verdict']} {o['chance']}" for o in comparison["outcomes"]))
    if comparison["off_schedule"]:
        blocks.append(words["schedule_note"])
    if comparison["after_stop"] and comparison["status"] != "not_a_test":
        blocks.append(words["after_stop_note"])
    if comparison["limits"]:
        blocks += [
            f"### {words['limits_heading']}",
            "\n".join(f"- {t}" for t in comparison["limits"]),
        ]
    return blocks


def _nights(report: Mapping[str, Any], diary: Mapping[str, Any]) -> list[str]:
    words = diary["report"]
    nights = shown_nights(report, words)
    blocks = [f"## {words['nights_heading']}"]
    if len(nights) < len(report["nights"]):
        blocks.append(fill(words["chart"]["more_nights"], count=len(nights)))
    rows = [[night_date(n["night"]), *night_cells(n, words, diary)] for n in nights]
    blocks.append(_table(words["nights_caption"], night_header(words, diary["measures"]), rows))
    return blocks


def _weeks(report: Mapping[str, Any], diary: Mapping[str, Any]) -> list[str]:
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
        for week in report["weeks"]
    ]
    return [f"## {words['weeks_heading']}", _table(words["weeks_caption"], header, rows)]


def _table(caption: str, header: list[str], rows: list[list[str]]) -> str:
    lines = [f"*{caption}*", "", _row(header), _row(["---"] * len(header))]
    lines += [_row(row) for row in rows]
    return "\n".join(lines)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"
