"""Schema mistakes are impossible to miss: each bad example gives one exact path:line:col line.

Every example is a small content folder written into tmp_path with the real schemas, loaded the
way the build loads it.
"""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from guide_site.errors import ContentErrors
from guide_site.loader import load_content
from tests.support.content import CONTENT_DIR, REPO

REFERENCES = textwrap.dedent("""\
    # yaml-language-server: $schema=schemas/references.schema.json
    groups:
      - id: mat_studies
        heading: Studies of mats
    references:
      - id: kjellgren-2011
        group: mat_studies
        authors: Kjellgren A, Erdefelt K, Werngren L, Norlander T
        year: 2011
        title: Does relaxation on a bed of nails (spike mat) induce beneficial effects?
        published_in: Alternative Medicine Studies 2011;1:e5
    """)

PAGE_WITH_CLAIM = textwrap.dedent("""\
    # yaml-language-server: $schema=../schemas/page.schema.json
    id: benefits
    title: Benefits
    template: article
    summary: What people hope for.
    sections:
      - id: sleep
        heading: Sleep
        claims:
          - statement: A mat improves sleep.
            evidence: {evidence}
            finding: No effect on sleep quality.
            refs: {refs}
    """)

COMPARISON = textwrap.dedent("""\
    # yaml-language-server: $schema=schemas/comparison.schema.json
    caption: Sleep aids compared.
    criteria:
      - {id: evidence, label: Evidence}
      - {id: accessibility, label: Accessibility}
      - {id: cost, label: Cost over time}
      - {id: convenience, label: Convenience}
      - {id: needs, label: What it needs}
      - {id: best_for, label: Best for}
    aids:
      - id: mat
        name: Acupressure mat
        summary: A mat.
        cells:
          evidence:
            text: No better than control.
            refs: [kjellgren-2011]
          accessibility: Easy.
          cost: One purchase.
          convenience: At home.
          needs: A few minutes.
          best_for: People who like touch.
      - id: tea
        name: Chamomile tea
        summary: A tea.
        cells:
          evidence: {status: mixed_or_no_effect, text: Small effect., refs: [kjellgren-2011]}
          accessibility: Easy.
          cost: Ongoing.
          convenience: Quick.
          needs: A kettle.
          best_for: Tea lovers.
    """)

PRECAUTIONS = textwrap.dedent("""\
    # yaml-language-server: $schema=schemas/precautions.schema.json
    conditions:
      - id: pregnancy
        label: Pregnancy
        hint: You are pregnant.
        level: {level}
        reason: Not studied in pregnancy.
        refs: [kjellgren-2011]
    stop_rules:
      - id: dizziness
        text: Dizziness.
        what_to_do: Sit down and tell your doctor.
    side_effects:
      - id: redness
        name: Redness
        description: Red dots that fade.
        refs: {refs}
    """)


def problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    """Load a content folder of the given files with the real schemas; return every problem."""
    content = tmp_path / "content"
    shutil.copytree(REPO / "content" / "schemas", content / "schemas")
    for name, text in {"references.yml": REFERENCES, **files}.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    try:
        load_content(content, shown_relative_to=tmp_path)
    except ContentErrors as caught:
        return [str(error) for error in caught.errors]
    return []


def page_with_claim(evidence: str = "mixed_or_no_effect", refs: str = "[kjellgren-2011]") -> str:
    return PAGE_WITH_CLAIM.format(evidence=evidence, refs=refs)


def test_the_examples_are_valid_as_written(tmp_path: Path) -> None:
    comparison = COMPARISON.replace(
        "evidence:\n        text", "evidence:\n        status: mixed_or_no_effect\n        text"
    )
    files = {
        "pages/benefits.yml": page_with_claim(),
        "comparison.yml": comparison,
        "precautions.yml": PRECAUTIONS.format(level="ask_first", refs="[kjellgren-2011]"),
    }
    assert problems(tmp_path, files) == []


def test_a_claim_without_an_evidence_status_is_refused(tmp_path: Path) -> None:
    page = page_with_claim().replace("        evidence: mixed_or_no_effect\n", "")
    assert problems(tmp_path, {"pages/benefits.yml": page}) == [
        "content/pages/benefits.yml:10:9: missing required key 'evidence' in 'claims'"
    ]


def test_an_evidence_status_must_be_one_of_the_four_labels(tmp_path: Path) -> None:
    page = page_with_claim(evidence="proven")
    assert problems(tmp_path, {"pages/benefits.yml": page}) == [
        "content/pages/benefits.yml:11:19: 'proven' is not allowed here; expected one of: "
        "supported_by_trials, mixed_or_no_effect, reported_by_users, proposed_mechanism"
    ]


def test_a_claim_without_a_finding_is_refused(tmp_path: Path) -> None:
    page = page_with_claim().replace("        finding: No effect on sleep quality.\n", "")
    assert problems(tmp_path, {"pages/benefits.yml": page}) == [
        "content/pages/benefits.yml:10:9: missing required key 'finding' in 'claims'"
    ]


def test_a_claim_must_cite_at_least_one_source(tmp_path: Path) -> None:
    assert problems(tmp_path, {"pages/benefits.yml": page_with_claim(refs="[]")}) == [
        "content/pages/benefits.yml:13:15: 'refs': [] should be non-empty "
        "(Reference ids from references.yml, at least one.)"
    ]


def test_a_claim_cannot_cite_a_reference_that_does_not_exist(tmp_path: Path) -> None:
    page = page_with_claim(refs="[kjellgren-2011, smith-2020]")
    assert problems(tmp_path, {"pages/benefits.yml": page}) == [
        "content/pages/benefits.yml:13:32: unknown reference 'smith-2020'; "
        "expected one of: kjellgren-2011"
    ]


def test_a_reader_story_cannot_pass_as_anything_else(tmp_path: Path) -> None:
    page = page_with_claim() + textwrap.indent(
        textwrap.dedent("""\
            stories:
              - who: A reader with neck pain
                text: It helped me.
                evidence: supported_by_trials
            """),
        "    ",
    )
    assert problems(tmp_path, {"pages/benefits.yml": page}) == [
        "content/pages/benefits.yml:17:9: unknown key 'evidence'; expected one of: text, who"
    ]


def test_the_comparison_needs_an_evidence_status_for_every_aid(tmp_path: Path) -> None:
    assert problems(tmp_path, {"comparison.yml": COMPARISON}) == [
        "content/comparison.yml:16:9: missing required key 'status' in 'evidence'"
    ]


def test_the_comparison_needs_every_criterion_for_every_aid(tmp_path: Path) -> None:
    comparison = COMPARISON.replace(
        "evidence:\n        text", "evidence:\n        status: mixed_or_no_effect\n        text"
    ).replace("      cost: Ongoing.\n", "")
    assert problems(tmp_path, {"comparison.yml": comparison}) == [
        "content/comparison.yml:28:7: missing required key 'cost' in 'cells'"
    ]


def test_a_condition_level_is_ask_first_or_take_care(tmp_path: Path) -> None:
    precautions = PRECAUTIONS.format(level="avoid", refs="[kjellgren-2011]")
    assert problems(tmp_path, {"precautions.yml": precautions}) == [
        "content/precautions.yml:6:12: 'avoid' is not allowed here; expected one of: "
        "ask_first, take_care"
    ]


def test_a_side_effect_must_cite_a_source(tmp_path: Path) -> None:
    precautions = PRECAUTIONS.format(level="take_care", refs="[]")
    assert problems(tmp_path, {"precautions.yml": precautions}) == [
        "content/precautions.yml:17:11: 'refs': [] should be non-empty "
        "(Reference ids from references.yml, at least one.)"
    ]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("group", "trials", "unknown reference group 'trials'; expected one of: mat_studies"),
        ("year", "'2011'", "'year' is text ('2011'); expected a whole number or nothing"),
    ],
)
def test_a_reference_is_checked_field_by_field(
    tmp_path: Path, field: str, value: str, expected: str
) -> None:
    references = REFERENCES.replace(
        f"{field}: {'mat_studies' if field == 'group' else '2011'}\n", f"{field}: {value}\n"
    )
    line, column = {"group": (7, 12), "year": (9, 11)}[field]
    assert problems(tmp_path, {"references.yml": references}) == [
        f"content/references.yml:{line}:{column}: {expected}"
    ]


SCHEMAS = sorted((CONTENT_DIR / "schemas").glob("*.schema.json"))


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda path: path.name)
def test_every_schema_key_is_described_and_no_other_keys_are_allowed(path: Path) -> None:
    """Editors see each description as a hint; unknown keys (typos) are reported, not ignored.

    An object either lists its keys (closed, each described) or is a map whose keys the
    cross-reference pass checks (`propertyNames` with an `x-ref`)."""
    schema = json.loads(path.read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    undescribed, open_objects = [], []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                if node.get("additionalProperties") is not False:
                    open_objects.append(where)
                undescribed.extend(
                    f"{where}/{key}"
                    for key, value in node["properties"].items()
                    if "description" not in value
                )
            elif node.get("type") == "object" and "x-ref" not in node.get("propertyNames", {}):
                open_objects.append(where)
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    walk(schema, path.name)
    assert undescribed == [] and open_objects == []
