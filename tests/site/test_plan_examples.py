"""The example plans page: a page like any other, its plans worked out by the engine at build."""

from __future__ import annotations

from guide_engine.plan import build_plan
from guide_site.examples import example_plans
from tests.support.content import CHECKED, CONTENT, ENGINE_DATA, example_levels, pages_with_template

[EXAMPLES_PAGE] = pages_with_template("plan_examples")


def test_the_page_shows_each_example_with_its_answers_and_its_plan() -> None:
    [page] = [page for page in CHECKED.pages if page.page_id == EXAMPLES_PAGE]
    assert page.source == f"content/pages/{EXAMPLES_PAGE}.yml"
    for example in CONTENT["examples"]["examples"]:
        assert f"## {example['heading']} {{ #{example['id']} }}" in page.markdown
        plan = build_plan(example["answers"], data=ENGINE_DATA)
        assert plan["safety"]["headline"].replace("'", "&#x27;") in page.markdown


def test_the_page_is_in_the_nav_after_the_plan_builder() -> None:
    nav = CONTENT["site"]["nav"]
    [builder] = pages_with_template("plan")
    assert nav.index(EXAMPLES_PAGE) == nav.index(builder) + 1


def test_the_examples_cover_every_safety_level() -> None:
    assert set(example_levels().values()) == {"ok", "caution", "consult_first"}


def test_plan_headings_sit_one_level_below_the_example_heading() -> None:
    words = ENGINE_DATA["wording"]
    for example in example_plans(CONTENT, ENGINE_DATA):
        html = example["plan_html"]
        assert "<h2" not in html  # the examples' own headings are the page's h2s
        assert f"<h3>{words['title']}</h3>" in html  # h2 in the builder
        assert f"<h4>{words['safety_heading']}</h4>" in html  # h3 in the builder


def test_answers_are_shown_as_the_form_labels_them() -> None:
    questions = {q["id"]: q for q in ENGINE_DATA["questionnaire"]["questions"]}
    for example in example_plans(CONTENT, ENGINE_DATA):
        shown = {item["question"]: item["answer"] for item in example["answers_shown"]}
        for question_id, answer in example["answers"].items():
            question = questions[question_id]
            labels = {o["value"]: o["label"] for o in question.get("options", [])}
            first = answer[0] if isinstance(answer, list) else answer
            assert labels.get(first, first) in shown[question["label"]]
