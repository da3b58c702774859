"""Precautions are one structured list, shared with the plan builder, and rendered on their page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup


def precautions_page(site: Path) -> BeautifulSoup:
    html = (site / "precautions" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


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
    for level in precautions["levels"]:
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


def test_the_stop_signs_stand_out_as_a_danger_box_with_what_to_do_for_each(
    built_site: Path, content: dict[str, Any]
) -> None:
    """Each sign, in bold, then what to do and whom to see: the words the diary report shows."""
    page = precautions_page(built_site)
    heading = page.find(id="when-to-stop")
    assert heading is not None
    box = heading.find_next_sibling("div", class_="admonition")
    assert box is not None and "danger" in box["class"]
    items = box.find_all("li")
    rules = content["precautions"]["stop_rules"]
    assert [" ".join(item.strong.get_text(" ", strip=True).split()) for item in items] == [
        " ".join(rule["text"].split()) for rule in rules
    ]
    assert [" ".join(item.get_text(" ", strip=True).split()) for item in items] == [
        " ".join(f"{rule['text']} {rule['what_to_do']}".split()) for rule in rules
    ]


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


def test_chest_symptoms_say_to_call_the_emergency_number(content: dict[str, Any]) -> None:
    """House style: for chest pain or trouble breathing, 'call your emergency number' with the
    UK, EU and US numbers, in the stop signs and in the box of when to get help."""
    stop_rules = {rule["id"]: rule["text"] for rule in content["precautions"]["stop_rules"]}
    seeing = " ".join(item["text"] for item in content["precautions"]["see_a_professional"])
    for text in (stop_rules["chest_symptoms"], seeing):
        flat = " ".join(text.split())
        assert "call your emergency number (999 in the UK, 112 in the EU, 911 in the US)" in flat


def test_the_page_has_a_clear_see_a_gp_box(built_site: Path, content: dict[str, Any]) -> None:
    page = precautions_page(built_site)
    titles = page.find_all(class_="admonition-title")
    [box_title] = [t for t in titles if t.get_text(strip=True).startswith("See a GP or health")]
    box = box_title.parent
    assert "warning" in box["class"]
    shown = [item.get_text(" ", strip=True) for item in box.find_all("li")]
    expected = [" ".join(i["text"].split()) for i in content["precautions"]["see_a_professional"]]
    assert shown == expected
