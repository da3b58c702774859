"""The diary part of the engine data: resolved from content/diary.yml and the precautions'
stop rules, with the cross-file rules a schema cannot check failing the build by name."""

from __future__ import annotations

from typing import Any

import pytest

from guide_engine.diary.fields import FIELDS as ENGINE_FIELDS
from guide_site.engine_data import EngineDataError, build_engine_data
from tests.engine.diary.support import DIARY
from tests.engine.support import engine_content


def broken(change: Any) -> list[str]:
    content = engine_content()
    change(content)
    with pytest.raises(EngineDataError) as raised:
        build_engine_data(content)
    return raised.value.problems


def test_fields_come_in_the_engines_order_with_their_kinds() -> None:
    assert [(f["id"], f["kind"], f["check_in"]) for f in DIARY["fields"]] == [
        (f.id, f.kind, f.check_in) for f in ENGINE_FIELDS
    ]
    assert all("{" not in message for f in DIARY["fields"] for message in f["errors"].values())


def test_stop_signs_are_the_precautions_stop_rules_with_short_labels() -> None:
    content = engine_content()
    rules = content["precautions"]["stop_rules"]
    labels = {o["stop_rule"]: o["label"] for o in content["diary"]["stop_sign_options"]}
    assert [sign["id"] for sign in DIARY["stop_signs"]] == [
        o["stop_rule"] for o in content["diary"]["stop_sign_options"]
    ]
    assert sorted(sign["id"] for sign in DIARY["stop_signs"]) == sorted(r["id"] for r in rules)
    for sign, rule in zip(
        sorted(DIARY["stop_signs"], key=lambda s: s["id"]), sorted(rules, key=lambda r: r["id"]),
        strict=True,
    ):  # fmt: skip
        assert (sign["text"], sign["what_to_do"]) == (rule["text"], rule["what_to_do"])
        assert sign["label"] == labels[rule["id"]]
    [field] = [f for f in DIARY["fields"] if f["id"] == "stop_signs"]
    assert [o["value"] for o in field["options"]] == [s["id"] for s in DIARY["stop_signs"]]


def test_every_stop_rule_must_be_offered_once() -> None:
    def drop(content: dict) -> None:
        content["diary"]["stop_sign_options"].pop()

    rule = engine_content()["diary"]["stop_sign_options"][-1]["stop_rule"]
    [problem] = broken(drop)
    expected = f"diary.yml: stop_sign_options: no option for precautions.yml stop rule '{rule}'"
    assert problem.startswith(expected)

    def twice(content: dict) -> None:
        options = content["diary"]["stop_sign_options"]
        options.append(dict(options[0]))

    first = engine_content()["diary"]["stop_sign_options"][0]["stop_rule"]
    assert broken(twice) == [f"diary.yml: stop_sign_options: stop rule '{first}' is offered twice"]


def test_the_plan_must_have_weeks_left_to_test() -> None:
    def long_start(content: dict) -> None:
        content["diary"]["fair_test"]["familiarisation_weeks"] = content["plan"]["weeks"]

    assert broken(long_start)[0].startswith("diary.yml: fair_test.familiarisation_weeks")


def test_mat_used_is_yes_or_no_and_quality_scores_rise() -> None:
    def renamed(content: dict) -> None:
        content["diary"]["fields"]["mat_used"]["options"][0]["value"] = "sure"

    assert broken(renamed)[0].startswith("diary.yml: fields.mat_used")

    def shuffled(content: dict) -> None:
        content["diary"]["fields"]["sleep_quality"]["options"].reverse()

    assert broken(shuffled)[0].startswith("diary.yml: fields.sleep_quality")


def test_a_required_when_must_name_a_real_answer() -> None:
    def typo(content: dict) -> None:
        for question in content["questionnaire"]["questions"]:
            if "required_when" in question:
                question["required_when"] = {"plan_kind": ["fair"]}

    [problem] = broken(typo)
    assert "required_when" in problem and "'plan_kind' has no answer 'fair'" in problem


def test_the_diary_file_is_needed() -> None:
    def remove(content: dict) -> None:
        del content["diary"]

    assert broken(remove) == ["content/diary.yml: file is missing"]
