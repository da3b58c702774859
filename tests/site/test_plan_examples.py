"""The example plans page: worked out by the engine at build, from content/examples.yml."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from guide_engine.plan import build_plan
from guide_site.engine_data import EngineDataError, build_engine_data
from guide_site.examples import EXAMPLES_PAGE_ID, examples_markdown
from guide_site.loader import Content, load_content
from guide_site.render import environment, render_pages

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(REPO / "content", shown_relative_to=REPO)


def test_the_page_follows_the_plan_builder_with_each_example_and_its_plan(
    content: Content,
) -> None:
    pages = render_pages(content)
    assert [page.page_id for page in pages][-2:] == ["plan", EXAMPLES_PAGE_ID]
    page = pages[-1]
    assert page.src_uri == "plan-examples.md"
    assert page.source == "content/examples.yml"
    engine_data = build_engine_data(content)
    for example in content["examples"]["examples"]:
        assert f"## {example['heading']} {{ #{example['id']} }}" in page.markdown
        plan = build_plan(example["answers"], data=engine_data)
        assert plan["safety"]["headline"].replace("'", "&#x27;") in page.markdown


def test_the_examples_cover_every_safety_level(content: Content) -> None:
    engine_data = build_engine_data(content)
    levels = {
        build_plan(example["answers"], data=engine_data)["safety"]["level"]
        for example in content["examples"]["examples"]
    }
    assert levels == {"ok", "caution", "consult_first"}


def test_plan_headings_sit_one_level_below_the_example_heading(content: Content) -> None:
    markdown = examples_markdown(content, build_engine_data(content), environment())
    assert markdown is not None
    assert "<h2" not in markdown  # the examples' own headings are the page's h2s
    words = build_engine_data(content)["wording"]
    assert f"<h3>{words['title']}</h3>" in markdown  # h2 in the builder
    assert f"<h4>{words['safety_heading']}</h4>" in markdown  # h3 in the builder
    assert f"<h5>{words['ask_heading']}</h5>" in markdown  # h4 in the builder


def test_answers_the_engine_rejects_fail_the_build_naming_the_example(content: Content) -> None:
    broken = copy.deepcopy(content)
    broken["examples"]["examples"][1]["answers"]["bedtime"] = "half ten"
    with pytest.raises(EngineDataError) as problem:
        examples_markdown(broken, build_engine_data(broken), environment())
    example_id = broken["examples"]["examples"][1]["id"]
    assert problem.value.problems == [
        f"content/examples.yml: example '{example_id}': answer 'bedtime': "
        "Enter a bedtime in 24-hour time, like 22:30"
    ]


def test_without_examples_yml_there_is_no_page(content: Content) -> None:
    without = {key: value for key, value in content.items() if key != "examples"}
    assert examples_markdown(without, build_engine_data(without), environment()) is None
    assert EXAMPLES_PAGE_ID not in [page.page_id for page in render_pages(without)]
