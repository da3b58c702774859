"""Precautions are one structured list, shared with the plan builder, and rendered on their page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

# The contract with the plan builder's safety screening: these ids at exactly these levels.
CONDITION_LEVELS = {
    "pregnancy": "ask_first",
    "bleeding_risk": "ask_first",
    "reduced_sensation": "ask_first",
    "diabetes": "take_care",
    "skin_damage": "ask_first",
    "epilepsy": "ask_first",
    "heart_condition": "ask_first",
    "low_blood_pressure": "take_care",
    "fever_or_inflammation": "ask_first",
}
CONDITION_KEYS = {"id", "label", "hint", "level", "reason", "refs"}


def precautions_page(site: Path) -> BeautifulSoup:
    html = (site / "precautions" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def test_the_conditions_keep_the_ids_and_levels_the_plan_builder_relies_on(
    content: dict[str, Any],
) -> None:
    conditions = content["precautions"]["conditions"]
    assert {c["id"]: c["level"] for c in conditions} == CONDITION_LEVELS
    assert all(set(condition) == CONDITION_KEYS for condition in conditions)


def test_a_reason_without_a_source_says_that_nobody_has_studied_it(
    content: dict[str, Any],
) -> None:
    for condition in content["precautions"]["conditions"]:
        if not condition["refs"]:
            assert "no study" in condition["reason"].lower(), condition["id"]


def test_the_side_effects_include_the_trial_dropout_rate_honestly(content: dict[str, Any]) -> None:
    side_effects = {effect["id"]: effect for effect in content["precautions"]["side_effects"]}
    assert {"prickling", "redness", "bruising", "too_painful"} <= set(side_effects)
    too_painful = side_effects["too_painful"]
    assert "pad-low-back-2016" in too_painful["refs"]
    assert "eight of 91" in too_painful["description"]
    assert "1 in 10" in too_painful["description"]


def test_each_condition_is_listed_under_its_level(
    built_site: Path, content: dict[str, Any]
) -> None:
    page = precautions_page(built_site)
    precautions = content["precautions"]
    for level in ("ask_first", "take_care"):
        heading = page.find(id=level.replace("_", "-"))
        assert heading is not None and heading.name == "h3"
        assert precautions["levels"][level]["heading"] in heading.get_text()
        listed = heading.find_next_sibling("ul")
        assert listed is not None
        items = listed.find_all("li", recursive=False)
        conditions = [c for c in precautions["conditions"] if c["level"] == level]
        assert len(items) == len(conditions)
        for item, condition in zip(items, conditions, strict=True):
            assert item["id"] == "condition-" + condition["id"].replace("_", "-")
            text = item.get_text(" ", strip=True)
            assert condition["label"] in text
            assert " ".join(condition["reason"].split()) in text


def test_the_stop_signs_stand_out_as_a_danger_box(
    built_site: Path, content: dict[str, Any]
) -> None:
    page = precautions_page(built_site)
    heading = page.find(id="when-to-stop")
    assert heading is not None
    box = heading.find_next_sibling("div", class_="admonition")
    assert box is not None and "danger" in box["class"]
    shown = [item.get_text(" ", strip=True) for item in box.find_all("li")]
    expected = [" ".join(rule["text"].split()) for rule in content["precautions"]["stop_rules"]]
    assert shown == expected


def test_the_page_shows_side_effects_care_and_questions_to_ask(
    built_site: Path, content: dict[str, Any]
) -> None:
    text = precautions_page(built_site).get_text(" ", strip=True)
    precautions = content["precautions"]
    for effect in precautions["side_effects"]:
        assert effect["name"] in text
    for item in precautions["general_care"]:
        assert " ".join(item["text"].split()) in text
    for question in precautions["ask_a_professional"]:
        assert " ".join(question["text"].split()) in text
