"""Placement, tips, signposts and stop rules: each from the answers, each with its why."""

from __future__ import annotations

import pytest

from guide_engine import build_plan
from tests.engine.support import ENGINE_DATA, answers
from tests.support.content import CONTENT

GUIDE_PAGES = {data["id"] for key, data in CONTENT.items() if key.startswith("pages/")}


def plan_for(**changes: object) -> dict:
    return build_plan(answers(**changes), data=ENGINE_DATA)


def ids(items: list[dict]) -> list[str]:
    return [item["id"] for item in items]


@pytest.mark.parametrize("area", ["neck", "shoulders", "upper_back", "lower_back"])
def test_placement_follows_each_pain_area(area: str) -> None:
    assert ids(plan_for(pain_areas=[area])["placement"]) == [area]


def test_without_pain_the_mat_goes_under_the_upper_and_middle_back() -> None:
    assert ids(plan_for(pain_areas=["none"])["placement"]) == ["general"]


def test_the_neck_placement_mentions_a_pillow_or_rolled_edge() -> None:
    text = plan_for(pain_areas=["neck"])["placement"][0]["text"]
    assert "pillow" in text and "rolled" in text


@pytest.mark.parametrize(
    ("issue", "tip"),
    [
        ("falling_asleep", "falling_asleep"),
        ("waking_at_night", "waking_at_night"),
        ("racing_mind", "racing_mind"),
        ("pain_at_night", "pain_at_night"),
        ("not_refreshed", "not_refreshed"),
    ],
)
def test_tips_follow_sleep_issues(issue: str, tip: str) -> None:
    assert ids(plan_for(sleep_issues=[issue])["tips"]) == [tip]


def test_racing_mind_puts_attention_on_breath_and_sensation() -> None:
    text = plan_for(sleep_issues=["racing_mind"])["tips"][0]["text"]
    assert "breath" in text and "feels" in text


def test_no_mat_tips_for_someone_who_must_ask_first() -> None:
    plan = plan_for(sleep_issues=["pain_at_night"], conditions=["epilepsy"])
    assert ids(plan["tips"]) == ["pain_at_night_ask"]


@pytest.mark.parametrize("conditions", [["none"], ["diabetes"], ["pregnancy"]])
def test_long_insomnia_is_signposted_to_a_doctor_and_cbt_i_at_every_level(conditions: list) -> None:
    plan = plan_for(insomnia_duration="3_months_or_more", conditions=conditions)
    [signpost] = plan["signposts"]
    assert signpost["id"] == "chronic_insomnia"
    assert "CBT-I" in signpost["text"] and "doctor" in signpost["text"]
    assert signpost["why"]["href"] == "../comparison/#cbt-i"


@pytest.mark.parametrize("conditions", [["none"], ["diabetes"], ["pregnancy"]])
def test_snoring_or_breathing_pauses_is_signposted_for_sleep_apnea(conditions: list) -> None:
    plan = plan_for(sleep_issues=["snoring_or_breathing_pauses"], conditions=conditions)
    assert ids(plan["signposts"]) == ["sleep_apnea"]
    assert "sleep apnoea" in plan["signposts"][0]["text"]  # British spelling, as the guide


def test_no_signposts_without_a_reason() -> None:
    assert plan_for(insomnia_duration="under_3_months")["signposts"] == []


@pytest.mark.parametrize("conditions", [["none"], ["low_blood_pressure"], ["bleeding_risk"]])
def test_every_plan_has_the_stop_rules(conditions: list) -> None:
    stop = " ".join(rule["text"].lower() for rule in plan_for(conditions=conditions)["stop_rules"])
    for sign in (
        "bruis",
        "broken skin",
        "numbness or tingling that lasts",
        "dizziness",
        "pain that grows",
    ):
        assert sign in stop


def test_the_mat_is_a_relaxation_aid_never_a_treatment() -> None:
    disclaimer = plan_for()["disclaimer"]
    assert "relax" in disclaimer and "not as a treatment" in disclaimer


def test_every_why_links_to_a_guide_page_relative_to_the_plan_page() -> None:
    plan = plan_for(
        conditions=["diabetes", "low_blood_pressure"],
        pain_areas=["neck", "lower_back"],
        sleep_issues=["racing_mind", "pain_at_night", "snoring_or_breathing_pauses"],
        insomnia_duration="3_months_or_more",
    )
    whys = [plan["progression"]["why"], plan["shirt"]["why"]]
    for key in ("signposts", "placement", "tips"):
        whys += [item["why"] for item in plan[key]]
    whys += [item["why"] for item in plan["safety"]["reasons"] + plan["safety"]["care_notes"]]
    whys += [step["why"] for step in plan["nightly"]["steps"]]
    for why in whys:
        assert why["page"] in GUIDE_PAGES
        assert why["href"] == f"../{why['page']}/#{why['anchor']}"
        assert why["text"] and why["link_text"]
