"""From content/ to the engine's data: compiled once, carried by the engine, never in the source."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import guide_engine.packaged_data as packaged
from guide_engine import __version__, build_plan, questionnaire
from guide_engine.contract import CONDITIONS_SOURCE, DATA_FORMAT
from guide_site.engine_data import PRECAUTION_LEVELS, engine_json, write_engine_json
from tests.engine.support import base_answers
from tests.support.content import CONTENT, CONTENT_DIR, ENGINE_DATA, REPO


def engine_question(question_id: str) -> dict:
    return next(q for q in ENGINE_DATA["questionnaire"]["questions"] if q["id"] == question_id)


def test_conditions_are_asked_from_the_precautions_list_plus_an_exclusive_none() -> None:
    [asking] = [
        q
        for q in CONTENT["questionnaire"]["questions"]
        if q.get("options_from") == CONDITIONS_SOURCE
    ]
    options = engine_question(asking["id"])["options"]
    expected = [
        {"value": c["id"], "label": c["label"], "hint": c["hint"], "exclusive": False}
        for c in CONTENT["precautions"]["conditions"]
    ]
    assert options[:-1] == expected
    assert options[-1] == {**asking["none_option"], "exclusive": True}


def test_each_condition_becomes_a_safety_rule_at_its_level() -> None:
    rules = {rule["id"]: rule for rule in ENGINE_DATA["safety_rules"]}
    for condition in CONTENT["precautions"]["conditions"]:
        rule = rules[condition["id"]]
        assert rule["level"] == PRECAUTION_LEVELS[condition["level"]]
        assert rule["reason"] == condition["reason"]
        assert list(rule["when"].values()) == [[condition["id"]]]


def test_message_placeholders_are_filled_with_the_questions_limits() -> None:
    for question in CONTENT["questionnaire"]["questions"]:
        for kind, message in question["errors"].items():
            filled = engine_question(question["id"])["errors"][kind]
            assert "{min}" not in filled and "{max}" not in filled
            if "{min}" in message:
                assert str(question["min"]) in filled


def test_questions_for_a_professional_are_worded_in_precautions() -> None:
    worded = {item["id"]: item["text"] for item in CONTENT["precautions"]["ask_a_professional"]}
    for item in ENGINE_DATA["ask_professional"]:
        assert item["text"] == worded[item["id"]]


def test_the_data_carries_the_format_the_engine_reads() -> None:
    assert ENGINE_DATA["format"] == DATA_FORMAT


def test_the_file_is_stable_and_rewritten_only_when_content_changes(tmp_path: Path) -> None:
    target = write_engine_json(ENGINE_DATA, tmp_path / "engine.json")
    text = target.read_text(encoding="utf-8")
    assert text == engine_json(ENGINE_DATA)
    assert list(json.loads(text)) == sorted(json.loads(text))
    written_at = target.stat().st_mtime_ns
    write_engine_json(ENGINE_DATA, target)
    assert target.stat().st_mtime_ns == written_at
    assert [path.name for path in tmp_path.iterdir()] == ["engine.json"]


def test_guide_site_engine_data_writes_what_the_build_stages(tmp_path: Path) -> None:
    target = tmp_path / "engine.json"
    result = subprocess.run(
        [sys.executable, "-m", "guide_site", "engine-data", str(target), str(CONTENT_DIR)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8") == engine_json(ENGINE_DATA)


def test_nothing_writes_engine_data_into_the_source_tree() -> None:
    # The site is built (and the engine run) before this in the same session, by other tests.
    leftover = REPO / "guide_engine" / "data"
    assert not leftover.exists(), f"{leftover}: an old build wrote it; delete it"


def test_build_plan_uses_the_data_file_by_default() -> None:
    assert build_plan(base_answers()) == build_plan(base_answers(), data=ENGINE_DATA)
    assert questionnaire() == ENGINE_DATA["questionnaire"]
    assert questionnaire() is not questionnaire()  # a copy: callers cannot change the engine


@pytest.fixture
def fresh_cache() -> object:
    packaged.packaged_data.cache_clear()
    yield
    packaged.packaged_data.cache_clear()


def test_without_data_the_engine_says_how_to_make_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_cache: None
) -> None:
    monkeypatch.delenv(packaged.DATA_FILE_VARIABLE)
    monkeypatch.setattr(packaged.resources, "files", lambda _package: tmp_path)
    with pytest.raises(RuntimeError, match=r"no engine data .*python -m guide_site engine-data"):
        build_plan(base_answers())


def test_an_unreadable_data_file_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_cache: None
) -> None:
    monkeypatch.setenv(packaged.DATA_FILE_VARIABLE, str(tmp_path / "missing.json"))
    with pytest.raises(RuntimeError, match=r"GUIDE_ENGINE_DATA=.*missing.json: cannot read it"):
        build_plan(base_answers())


def test_data_of_another_format_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_cache: None
) -> None:
    stale = tmp_path / "engine.json"
    stale.write_text(json.dumps({**ENGINE_DATA, "format": DATA_FORMAT - 1}), encoding="utf-8")
    monkeypatch.setenv(packaged.DATA_FILE_VARIABLE, str(stale))
    with pytest.raises(RuntimeError, match=f"this engine reads format {DATA_FORMAT}"):
        build_plan(base_answers())


def test_the_engine_version_is_the_projects() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert __version__ == project["project"]["version"]
