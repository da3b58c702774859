"""The plan as Markdown text: readable as plain text, printable, and it repeats every time,
because some calendars drop reminders."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from guide_engine.outputs.fair_test_words import evenings_of
from guide_engine.outputs.wording import calendar_notes, engine_data, week_dates
from guide_engine.rules import fill

KINDS = ("mat", "rest")


def render_text(plan: Mapping[str, Any], *, data: Mapping[str, Any] | None = None) -> str:
    words = engine_data(data)["wording"]
    blocks = [f"# {words['title']}", *_safety(plan, words)]
    if plan["signposts"]:
        blocks += [f"## {words['signposts_heading']}", _items(plan["signposts"])]
    if plan["weeks"]:
        blocks += [f"## {words['weeks_heading']}", *_weeks(plan, words)]
    if plan["fair_test"]:
        blocks += _fair_test(plan["fair_test"], words, engine_data(data)["diary"]["fair_test"])
    blocks += [f"## {words['nightly_heading']}", *_nightly(plan, words)]
    if plan["placement"]:
        blocks += [f"## {words['placement_heading']}", _items(plan["placement"])]
    if plan["tips"]:
        blocks += [f"## {words['tips_heading']}", _items(plan["tips"])]
    blocks += [
        f"## {words['stop_heading']}",
        words["stop_intro"],
        "\n".join(f"- {rule['text']}" for rule in plan["stop_rules"]),
        f"## {words['calendar_heading']}",
        *calendar_notes(plan, data),
        "---",
        f"*{plan['disclaimer']}*",
    ]
    return "\n\n".join(blocks) + "\n"


def _safety(plan: Mapping[str, Any], words: Mapping[str, str]) -> list[str]:
    safety = plan["safety"]
    blocks = [f"## {words['safety_heading']}", f"**{safety['headline']}**", safety["summary"]]
    if safety["reasons"]:
        blocks.append(_items(safety["reasons"]))
    if safety["care_notes"]:
        blocks += [f"### {words['care_heading']}", _items(safety["care_notes"])]
    if safety["ask_professional"]:
        questions = safety["ask_professional"]
        blocks += [
            f"### {words['ask_heading']}",
            "\n".join(f"{number}. {question}" for number, question in enumerate(questions, 1)),
        ]
    return blocks


def _weeks(plan: Mapping[str, Any], words: Mapping[str, str]) -> list[str]:
    dated = plan["calendar"]["start_date"] is not None
    header = [words["week_column"]]
    header += [words["dates_column"]] if dated else []
    header += [words[key] for key in ("minutes_column", "layer_column")]
    header += [words["lie_down_column"], words["get_up_column"]]
    rows = []
    for week in plan["weeks"]:
        cells = [str(week["week"])]
        cells += [week_dates(week["starts_on"])] if dated else []
        cells += [
            str(week["minutes"]),
            words["shirt_on"] if week["shirt"] else words["shirt_off"],
            week["lie_down"],
            week["get_up"],
        ]
        rows.append(cells)
    table = [_row(header), _row(["---"] * len(header)), *(_row(cells) for cells in rows)]
    blocks = [_why(plan["progression"]["why"]), f"*{words['weeks_caption']}*", "\n".join(table)]
    if plan["shirt"]["weeks"]:
        blocks.append(_why(plan["shirt"]["why"]))
    return blocks


def _fair_test(
    fair_test: Mapping[str, Any], plan_words: Mapping[str, str], words: Mapping[str, Any]
) -> list[str]:
    blocks = [f"## {words['heading']}"]
    if not fair_test["available"]:
        return [*blocks, fair_test["note"]]
    blocks += [fair_test["intro"], fair_test["rest_evening"]]
    header = [plan_words["week_column"], plan_words["minutes_column"]]
    header += [words["mat_evenings"], words["rest_evenings"]]
    rows = [
        [str(w["week"]), str(w["minutes"]), *(evenings_of(w, kind, words) for kind in KINDS)]
        for w in fair_test["weeks"]
    ]
    table = [_row(header), _row(["---"] * len(header)), *(_row(cells) for cells in rows)]
    blocks += [f"*{words['schedule_caption']}*", "\n".join(table)]
    blocks += [
        fair_test["seed_note"],
        f"### {words['can_show_heading']}",
        "\n".join(f"- {text}" for text in fair_test["can_show"]),
        f"### {words['cannot_show_heading']}",
        "\n".join(f"- {text}" for text in fair_test["cannot_show"]),
    ]
    return blocks


def _nightly(plan: Mapping[str, Any], words: Mapping[str, str]) -> list[str]:
    nightly = plan["nightly"]
    intro = words["nightly_intro_mat" if nightly["kind"] == "mat" else "nightly_intro_wind_down"]
    steps = [
        f"- **{step['time']}** {step['title']}. {step['text']} {_link(step['why'])}"
        for step in nightly["steps"]
    ]
    return [fill(intro, bedtime=nightly["bedtime"]), "\n".join(steps)]


def _items(items: list[Mapping[str, Any]]) -> str:
    return "\n".join(f"- {item['text']} {_link(item['why'])}" for item in items)


def _why(why: Mapping[str, Any]) -> str:
    return f"{why['text']} {_link(why)}"


def _link(why: Mapping[str, Any]) -> str:
    return f"[{why['link_text']}]({why['href']})"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"
