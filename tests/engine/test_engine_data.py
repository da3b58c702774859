"""From content/ to guide_engine/data/engine.json: one source of truth, checked at build time."""

from __future__ import annotations

import copy
import json
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import guide_engine.packaged_data as packaged
from guide_engine import __version__, build_plan, questionnaire
from guide_site import engine_data as builder
from guide_site.engine_data import EngineDataError, build_engine_data, engine_json
from tests.engine.support import CONTENT, CONTENT_DIR, ENGINE_DATA, REPO, answers, engine_content

OWN_FILES = ("questionnaire", "plan")


@pytest.mark.parametrize("stem", [*OWN_FILES, "precautions"])
def test_content_files_match_their_schemas_and_name_them(stem: str) -> None:
    path = CONTENT_DIR / f"{stem}.yml"
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=schemas/{stem}.schema.json"
    schema = json.loads((CONTENT_DIR / "schemas" / f"{stem}.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    Draft202012Validator(schema).validate(CONTENT[stem])


def _object_schemas(node: Any, where: str = "") -> Iterator[tuple[str, dict]]:
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield where, node
        for key, child in node.items():
            yield from _object_schemas(child, f"{where}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _object_schemas(child, f"{where}/{index}")


@pytest.mark.parametrize("stem", OWN_FILES)
def test_schemas_are_closed_and_every_property_has_an_editor_hint(stem: str) -> None:
    schema = json.loads((CONTENT_DIR / "schemas" / f"{stem}.schema.json").read_text())
    for where, node in _object_schemas(schema):
        assert node.get("additionalProperties") is False, where
        for name, child in node.get("properties", {}).items():
            assert "description" in child, f"{where}/properties/{name}"


def test_conditions_are_asked_from_the_precautions_list_plus_an_exclusive_none() -> None:
    content = engine_content()
    [question] = [q for q in ENGINE_DATA["questionnaire"]["questions"] if q["id"] == "conditions"]
    expected = [
        {"value": c["id"], "label": c["label"], "hint": c["hint"], "exclusive": False}
        for c in content["precautions"]["conditions"]
    ]
    assert question["options"][:-1] == expected
    assert question["options"][-1]["value"] == "none" and question["options"][-1]["exclusive"]


def test_condition_levels_become_safety_rules() -> None:
    rules = {rule["id"]: rule for rule in ENGINE_DATA["safety_rules"]}
    for condition in engine_content()["precautions"]["conditions"]:
        rule = rules[condition["id"]]
        assert rule["when"] == {"conditions": [condition["id"]]}
        assert (
            rule["level"]
            == {"ask_first": "consult_first", "take_care": "caution"}[condition["level"]]
        )
        assert rule["reason"] == condition["reason"]


def test_message_placeholders_are_filled_in() -> None:
    [question] = [
        q for q in ENGINE_DATA["questionnaire"]["questions"] if q["id"] == "minutes_available"
    ]
    assert question["errors"]["invalid"] == "Enter a whole number of minutes from 5 to 60"


def test_questions_for_a_professional_are_worded_in_precautions() -> None:
    worded = {
        item["id"]: item["text"] for item in engine_content()["precautions"]["ask_a_professional"]
    }
    for item in ENGINE_DATA["ask_professional"]:
        assert item["text"] == worded[item["id"]]


def broken(change: Any) -> list[str]:
    content = engine_content()
    change(content)
    with pytest.raises(EngineDataError) as raised:
        build_engine_data(content)
    return raised.value.problems


def test_a_rule_naming_an_unknown_answer_fails_the_build() -> None:
    def typo(content: dict) -> None:
        content["plan"]["tips"][0]["when"] = {"sleep_issues": ["racing"]}

    [problem] = broken(typo)
    assert problem.startswith("plan.yml: tips 'falling_asleep': 'sleep_issues' has no answer")


def test_a_rule_naming_an_unknown_question_fails_the_build() -> None:
    def typo(content: dict) -> None:
        content["plan"]["signposts"][0]["when"] = {"insomnia": ["3_months_or_more"]}

    assert broken(typo) == ["plan.yml: signposts 'chronic_insomnia': unknown question 'insomnia'"]


def test_start_minutes_must_cover_every_experience_answer() -> None:
    def drop(content: dict) -> None:
        del content["plan"]["start_minutes"]["regular"]

    assert "start_minutes" in broken(drop)[0]


def test_a_step_must_fall_inside_the_shortest_session() -> None:
    def late(content: dict) -> None:
        content["plan"]["nightly"]["mat_steps"][1]["plus_minutes"] = 5

    assert "plus_minutes must be less than 5" in broken(late)[0]


def test_links_must_land_on_a_section_of_a_loaded_page() -> None:
    def with_pages(content: dict) -> None:
        content["pages/routine"] = {"id": "routine", "sections": [{"id": "duration"}]}

    problems = broken(with_pages)
    assert any("page 'routine' has no section 'thin-layer'" in problem for problem in problems)
    assert all("'duration'" not in problem for problem in problems)


def test_links_must_name_a_guide_page() -> None:
    def unknown(content: dict) -> None:
        content["plan"]["progression_why"]["page"] = "blog"

    assert broken(unknown) == ["plan.yml: progression_why: unknown guide page 'blog'"]


def test_questions_for_a_professional_must_exist_in_precautions() -> None:
    def unknown(content: dict) -> None:
        content["plan"]["ask_professional"].append({"id": "horoscope"})

    assert "ask_professional 'horoscope'" in broken(unknown)[0]


def test_a_missing_content_file_is_named() -> None:
    def remove(content: dict) -> None:
        del content["plan"]

    assert broken(remove) == ["content/plan.yml: file is missing"]


def test_the_engine_needs_its_questions() -> None:
    def remove(content: dict) -> None:
        content["questionnaire"]["questions"] = [
            q for q in content["questionnaire"]["questions"] if q["id"] != "bedtime"
        ]

    assert "questionnaire.yml: the engine needs a question 'bedtime'" in broken(remove)


def test_the_file_is_stable_and_rewritten_only_when_content_changes(tmp_path: Path) -> None:
    target = builder.write_engine_data(engine_content(), tmp_path)
    assert target == tmp_path / "data" / "engine.json"
    text = target.read_text(encoding="utf-8")
    assert text == engine_json(ENGINE_DATA)
    assert list(json.loads(text)) == sorted(json.loads(text))
    written_at = target.stat().st_mtime_ns
    builder.write_engine_data(engine_content(), tmp_path)
    assert target.stat().st_mtime_ns == written_at
    assert sorted(path.name for path in target.parent.iterdir()) == ["engine.json"]


def test_python_m_guide_site_engine_data_writes_the_packaged_file(tmp_path: Path, capsys) -> None:
    content_dir = tmp_path / "content"
    shutil.copytree(CONTENT_DIR / "schemas", content_dir / "schemas")
    for stem in ("questionnaire", "plan", "precautions", "references"):
        shutil.copy(CONTENT_DIR / f"{stem}.yml", content_dir)
    assert builder.main([str(content_dir)]) == 0
    assert capsys.readouterr().out.strip().endswith("guide_engine/data/engine.json")
    packaged_file = REPO / "guide_engine" / "data" / "engine.json"
    assert packaged_file.read_text(encoding="utf-8") == engine_json(ENGINE_DATA)


def test_content_errors_make_the_command_fail_with_a_message(tmp_path: Path, capsys) -> None:
    content_dir = tmp_path / "content"
    shutil.copytree(CONTENT_DIR / "schemas", content_dir / "schemas")
    (content_dir / "plan.yml").write_text(
        "# yaml-language-server: $schema=schemas/plan.schema.json\nweeks: [\n", encoding="utf-8"
    )
    assert builder.main([str(content_dir)]) == 1
    assert "plan.yml:3:1" in capsys.readouterr().err


def test_build_plan_uses_the_packaged_data_by_default() -> None:
    assert build_plan(answers()) == build_plan(answers(), data=ENGINE_DATA)
    assert questionnaire() == ENGINE_DATA["questionnaire"]
    assert questionnaire() is not questionnaire()  # a copy: callers cannot change the engine


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    packaged.packaged_data.cache_clear()
    yield
    packaged.packaged_data.cache_clear()


def test_a_missing_data_file_tells_the_developer_to_build(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_cache: None
) -> None:
    monkeypatch.setattr(packaged.resources, "files", lambda _package: tmp_path)
    with pytest.raises(RuntimeError, match=r"engine.json is missing: run `make build`"):
        build_plan(answers())


def test_data_of_another_format_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_cache: None
) -> None:
    (tmp_path / "data").mkdir()
    stale = copy.deepcopy(ENGINE_DATA) | {"format": 0}
    (tmp_path / "data" / "engine.json").write_text(json.dumps(stale), encoding="utf-8")
    monkeypatch.setattr(packaged.resources, "files", lambda _package: tmp_path)
    with pytest.raises(RuntimeError, match="format 0, this engine reads format 1"):
        build_plan(answers())


def test_engine_and_builder_agree_on_the_data_format() -> None:
    assert packaged.DATA_FORMAT == builder.ENGINE_DATA_FORMAT


def test_the_engine_version_is_the_projects() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert __version__ == project["project"]["version"]
