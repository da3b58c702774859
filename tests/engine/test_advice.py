"""Placement, tips, signposts, stop rules and the disclaimer: each from content, each with its why.

Every item in plan.yml's placement, tips and signposts applies when its `when` matches, at its
`levels`; placement only where there is a mat to place.
"""

from __future__ import annotations

import pytest

from guide_engine import build_plan
from guide_engine.safety import LEVELS
from tests.engine.support import (
    CONTENT,
    ENGINE_DATA,
    PLAN,
    answer_sample,
    base_answers,
    case_id,
    every_why,
    expected_ids,
    expected_why,
    ids,
    trigger_cases,
    with_answer,
)
from tests.support.content import PAGES

GUIDE_PAGES = set(PAGES)
ADVICE = ("placement", "tips", "signposts")
CASES = [(part, *case) for part in ADVICE for case in trigger_cases(PLAN[part])]


def plan_of(answers: dict) -> dict:
    return build_plan(answers, data=ENGINE_DATA)


def shown(part: str, answers: dict, level: str) -> list[str]:
    """What content says a plan shows: placement needs a mat; the rest apply at any level."""
    if part == "placement" and level == "consult_first":
        return []
    return expected_ids(PLAN[part], answers, level)


@pytest.mark.parametrize("case", CASES, ids=[f"{case[0]}-{case_id(case[1:])}" for case in CASES])
def test_an_item_applies_when_its_when_matches_at_its_levels(case: tuple) -> None:
    part, item, question_id, value = case
    reached, shown_at = set(), set()
    for base_level in LEVELS:  # from an example at each level, give this one answer
        answers = with_answer(base_answers(base_level), question_id, value)
        plan = plan_of(answers)
        level = plan["safety"]["level"]
        reached.add(level)
        assert ids(plan[part]) == shown(part, answers, level), base_level
        for given in plan[part]:
            if given["id"] == item["id"]:
                shown_at.add(level)
                assert given["text"] == item["text"]
                assert given["why"] == expected_why(item["why"])
    allowed = set(item.get("levels", LEVELS))
    if part == "placement":
        allowed.discard("consult_first")
    assert shown_at == allowed & reached


@pytest.mark.parametrize("part", ADVICE)
@pytest.mark.parametrize("level", LEVELS)
def test_each_example_gets_the_items_that_apply_to_it(part: str, level: str) -> None:
    answers = base_answers(level)
    assert ids(plan_of(answers)[part]) == shown(part, answers, level)


@pytest.mark.parametrize("level", LEVELS)
def test_every_plan_has_every_stop_rule_of_precautions_yml(level: str) -> None:
    plan = plan_of(base_answers(level))
    assert plan["stop_rules"] == [
        {"id": rule["id"], "text": rule["text"]} for rule in CONTENT["precautions"]["stop_rules"]
    ]


@pytest.mark.parametrize("level", LEVELS)
def test_every_plan_carries_the_disclaimer(level: str) -> None:
    assert plan_of(base_answers(level))["disclaimer"] == PLAN["disclaimer"]


def test_every_why_links_to_a_guide_page_relative_to_the_plan_page() -> None:
    seen = 0
    for answers in answer_sample()[:60]:
        for why in every_why(plan_of(answers)):
            assert why["page"] in GUIDE_PAGES
            anchor = f"#{why['anchor']}" if why["anchor"] else ""
            home = why["page"] == "home"
            assert why["href"] == ("../" if home else f"../{why['page']}/") + anchor
            assert why["text"] and why["link_text"]
            seen += 1
    assert seen
