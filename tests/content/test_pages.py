"""The guide pages: every effect claim shows its evidence, stories are labelled, links resolve,
and the numbers stay honest."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

EVIDENCE_LABELS = {
    "supported_by_trials": "Supported by trials",
    "mixed_or_no_effect": "Mixed or no effect in trials",
    "reported_by_users": "Reported by users",
    "proposed_mechanism": "Proposed mechanism, not tested in mats",
}
LINK = re.compile(r"\]\((?P<page>[a-z0-9-]+)\.md(?:#(?P<anchor>[a-z0-9_-]+))?\)")
SAME_PAGE_LINK = re.compile(r"\]\(#(?P<anchor>[a-z0-9_-]+)\)")
CLAIM_BLOCK = re.compile(r'(?s)<div class="claim claim--\w+" markdown>(.*?)</div>')
ANCHOR = re.compile(r'\{ #(?P<markdown>[a-z0-9_-]+) \}|id="(?P<html>[a-z0-9_-]+)"')


def flat(text: str) -> str:
    return " ".join(text.split())


def anchors(markdown: str) -> set[str]:
    return {match["markdown"] or match["html"] for match in ANCHOR.finditer(markdown)}


def claims(pages: dict[str, dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
    for page_id, page in pages.items():
        for section in page.get("sections", []):
            for claim in section.get("claims", []):
                yield page_id, claim


def test_every_effect_claim_shows_its_evidence_label_finding_and_sources(
    pages: dict[str, dict[str, Any]], rendered: dict[str, str], content: dict[str, Any]
) -> None:
    numbers = {ref["id"]: n for n, ref in enumerate(content["references"]["references"], 1)}
    found = list(claims(pages))
    assert len(found) >= 15
    for page_id, claim in found:
        blocks = re.findall(
            r'(?s)<div class="claim claim--\w+" markdown>(.*?)</div>', rendered[page_id]
        )
        block = next((b for b in blocks if flat(claim["statement"]) in flat(b)), None)
        assert block is not None, f"{page_id}: {claim['statement']!r} is not shown as a claim"
        assert EVIDENCE_LABELS[claim["evidence"]] in block
        assert flat(claim["finding"]) in flat(block)
        for ref in claim["refs"]:
            assert f"[[{numbers[ref]}]](references.md#ref-{ref})" in block


def test_the_evidence_labels_are_explained_on_the_references_page(rendered: dict[str, str]) -> None:
    explained = rendered["references"].split("{ #evidence-labels }")[1]
    for label in EVIDENCE_LABELS.values():
        assert f"**{label}**" in explained


def test_illustrations_are_labelled_as_made_up_and_not_evidence(
    pages: dict[str, dict[str, Any]], rendered: dict[str, str]
) -> None:
    stories = [
        (page_id, story)
        for page_id, page in pages.items()
        for section in page.get("sections", [])
        for story in section.get("stories", [])
    ]
    assert len(stories) == 5, "the brief has five personal stories, told as illustrations"
    for page_id, story in stories:
        box = rendered[page_id].split(f'!!! quote "Illustration: {story["who"]}"')
        assert len(box) == 2, f"{page_id}: story {story['who']!r} is not labelled"
        body = box[1].split("\n\n", 3)
        assert flat(story["text"]) in flat(body[1])
        assert "not a real person's account" in flat(body[2])
        assert "It is not evidence that a mat will do the same for you" in flat(body[2])


def test_every_link_between_pages_reaches_an_existing_section(rendered: dict[str, str]) -> None:
    targets = {page_id: anchors(text) for page_id, text in rendered.items()}
    links = 0
    for page_id, text in rendered.items():
        for match in LINK.finditer(text):
            links += 1
            assert match["page"] in rendered, f"{page_id} links to a missing page {match['page']}"
            if match["anchor"]:
                assert match["anchor"] in targets[match["page"]], (page_id, match.group())
        for match in SAME_PAGE_LINK.finditer(text):
            assert match["anchor"] in targets[page_id], (page_id, match.group())
    assert links > 50


def test_every_plan_builder_link_reaches_a_guide_section(
    content: dict[str, Any], rendered: dict[str, str]
) -> None:
    """The plan's 'why' links (content/plan.yml) point into these pages by page and anchor."""

    def plan_links(data: Any) -> Iterator[tuple[str, str]]:
        if isinstance(data, dict):
            if "page" in data and "anchor" in data:
                yield data["page"], data["anchor"]
            for value in data.values():
                yield from plan_links(value)
        elif isinstance(data, list):
            for item in data:
                yield from plan_links(item)

    links = set(plan_links(content["plan"]))
    assert links, "plan.yml links to no guide section"
    for page_id, anchor in links:
        assert anchor in anchors(rendered[page_id]), f"plan.yml links to {page_id}#{anchor}"


def test_the_plan_builder_asks_for_questions_the_precautions_page_lists(
    content: dict[str, Any],
) -> None:
    listed = {question["id"] for question in content["precautions"]["ask_a_professional"]}
    asked = {question["id"] for question in content["plan"]["ask_professional"]}
    assert asked <= listed


@pytest.mark.parametrize(
    "phrase",
    [
        "clinically proven",
        "proven to",
        "guaranteed",
        "cures insomnia",
        "releases endorphins",
        "94% of users",
        "ancient technique",
        "activates the parasympathetic",
    ],
)
def test_the_guide_never_makes_the_claims_evidence_does_not_support(
    phrase: str, rendered: dict[str, str]
) -> None:
    """Outside the labelled claims, which quote what people say in order to check it."""
    for page_id, text in rendered.items():
        own_words = CLAIM_BLOCK.sub("", text)
        assert phrase not in own_words.lower(), f"{page_id} says {phrase!r}"


def test_ancient_origin_claims_are_only_mentioned_to_be_corrected(rendered: dict[str, str]) -> None:
    for page_id, text in rendered.items():
        for match in re.finditer(r"5,000|thousands of years", text):
            context = text[max(0, match.start() - 300) : match.end() + 300]
            assert page_id in {"history", "faq"}, page_id
            assert "No." in context, f"{page_id}: {context!r}"


def test_the_history_gives_the_dated_facts(rendered: dict[str, str]) -> None:
    history = flat(rendered["history"])
    for fact in ("late 1970s", "early 1980s", "1979", "autumn 2004", "2006", "2007", "2009"):
        assert fact in history, fact


@pytest.mark.parametrize(
    ("page_id", "finding"),
    [
        ("how-it-may-work", "did not change sleep quality"),
        ("how-it-may-work", "with no difference between the groups"),
        ("how-it-may-work", "nearly 1 in 10 had a reaction"),
        ("how-it-may-work", "We found no trial of mats in people with insomnia"),
        ("comparison", "recommends CBT-I as the first treatment"),
        ("home", "ask a health professional about [CBT-I](comparison.md#cbt-i)"),
    ],
)
def test_the_key_findings_are_stated_plainly(
    page_id: str, finding: str, rendered: dict[str, str]
) -> None:
    assert finding in flat(rendered[page_id])


def test_every_page_but_the_plan_has_a_description_for_its_card(
    pages: dict[str, dict[str, Any]], rendered: dict[str, str]
) -> None:
    cards = rendered["home"].split('<div class="grid cards" markdown>')[1].split("</div>")[0]
    for page_id, page in pages.items():
        if page_id != "home":
            assert page.get("description"), page_id
            assert f"]({page_id}.md)**" in cards


def test_faq_questions_have_unique_anchors(pages: dict[str, dict[str, Any]]) -> None:
    faq = pages["faq"]
    ids = [section["id"] for section in faq["sections"]] + [
        question["id"] for section in faq["sections"] for question in section.get("questions", [])
    ]
    assert len(ids) == len(set(ids))
    assert len(ids) - len(faq["sections"]) >= 12


@pytest.mark.parametrize(
    ("word", "page_id"),
    [
        ("Kuznetsov", "history"),
        ("parasympathetic", "how-it-may-work"),
        ("chamomile", "comparison"),
        ("blood-thinning", "precautions"),
        ("pillow", "routine"),
    ],
)
def test_the_built_in_search_finds_the_guide(built_site: Path, word: str, page_id: str) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    found = {
        doc["location"].split("/")[0].split("#")[0]
        for doc in index["docs"]
        if word.lower() in (doc["title"] + " " + doc["text"]).lower()
    }
    assert page_id in found, sorted(found)
