"""The diary part of the engine data: resolved from content/diary.yml and the precautions' stop
rules; a mistake in the diary content is one positioned `path:line:col: message` line from the
same checks the build runs. The edits are made to a copy of the real content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guide_engine.diary.fields import FIELDS as ENGINE_FIELDS
from guide_engine.diary.fields import MAT_USED
from guide_site.errors import ContentErrors
from guide_site.pipeline import check_content
from tests.engine.diary.support import DIARY
from tests.support.content import CONTENT, CONTENT_DIR

LABELS = CONTENT["diary"]["stop_sign_labels"]


def problems_after(tmp_path: Path, edits: dict[str, tuple[str, str]]) -> list[str]:
    """Every problem the checks find once each file's ``old`` text is replaced by ``new``."""
    content = Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))
    for name, (old, new) in edits.items():
        path = content / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        check_content(content, shown_relative_to=tmp_path)
    return [str(error) for error in raised.value.errors]


def label_line(rule_id: str) -> str:
    return f"  {rule_id}: {LABELS[rule_id]}\n"


def test_fields_come_in_the_engines_order_with_their_kinds() -> None:
    assert [(f["id"], f["kind"], f["check_in"]) for f in DIARY["fields"]] == [
        (f.id, f.kind, f.check_in) for f in ENGINE_FIELDS
    ]
    assert all("{" not in message for f in DIARY["fields"] for message in f["errors"].values())


def test_stop_signs_are_the_precautions_stop_rules_with_short_labels() -> None:
    rules = {rule["id"]: rule for rule in CONTENT["precautions"]["stop_rules"]}
    assert [sign["id"] for sign in DIARY["stop_signs"]] == list(LABELS)
    assert sorted(LABELS) == sorted(rules)
    for sign in DIARY["stop_signs"]:
        rule = rules[sign["id"]]
        assert (sign["text"], sign["what_to_do"], sign["label"]) == (
            rule["text"],
            rule["what_to_do"],
            LABELS[sign["id"]],
        )
    [field] = [f for f in DIARY["fields"] if f["id"] == "stop_signs"]
    assert [o["value"] for o in field["options"]] == list(LABELS)


def test_every_stop_rule_needs_a_label(tmp_path: Path) -> None:
    last = list(LABELS)[-1]
    [problem] = problems_after(tmp_path, {"diary.yml": (label_line(last), "")})
    assert problem.startswith("content/diary.yml:")
    assert f"leaves out the stop rule '{last}'" in problem


def test_a_label_for_a_stop_rule_that_does_not_exist_is_named(tmp_path: Path) -> None:
    first = next(iter(LABELS))
    edit = (label_line(first), label_line(first) + "  hiccups: Hiccups\n")
    [problem] = problems_after(tmp_path, {"diary.yml": edit})
    assert "unknown stop rule 'hiccups'" in problem


def test_the_plan_must_have_weeks_left_to_test(tmp_path: Path) -> None:
    weeks = CONTENT["plan"]["weeks"]
    familiarisation = CONTENT["diary"]["fair_test"]["familiarisation_weeks"]
    edit = (f"familiarisation_weeks: {familiarisation}", f"familiarisation_weeks: {weeks}")
    [problem] = problems_after(tmp_path, {"diary.yml": edit})
    assert problem.startswith("content/diary.yml:") and "familiarisation_weeks" in problem
    assert f"plan.yml's weeks ({weeks})" in problem


def test_mat_used_stays_yes_or_no(tmp_path: Path) -> None:
    edit = (f'- value: "{MAT_USED}"', '- value: "sure"')
    [problem] = problems_after(tmp_path, {"diary.yml": edit})
    assert "fields.mat_used" in problem and "sure" in problem


def test_quality_scores_must_rise(tmp_path: Path) -> None:
    options = CONTENT["diary"]["fields"]["sleep_quality"]["options"]
    first, second = options[0], options[1]
    edit = (
        f"label: {first['label']}\n        score: {first['score']}",
        f"label: {first['label']}\n        score: {second['score']}",
    )
    [problem] = problems_after(tmp_path, {"diary.yml": edit})
    assert "fields.sleep_quality: scores must rise" in problem


def test_the_stop_link_must_land_on_a_section(tmp_path: Path) -> None:
    anchor = CONTENT["diary"]["stop"]["why"]["anchor"]
    [problem] = problems_after(tmp_path, {"diary.yml": (f"anchor: {anchor}", "anchor: nowhere")})
    assert "unknown section 'nowhere'" in problem


def test_a_required_when_must_name_a_real_answer(tmp_path: Path) -> None:
    edit = ("required_when: {plan_kind: [fair_test]}", "required_when: {plan_kind: [fair]}")
    [problem] = problems_after(tmp_path, {"questionnaire.yml": edit})
    assert problem.startswith("content/questionnaire.yml:") and "unknown answer 'fair'" in problem


def test_the_diary_file_is_needed(tmp_path: Path) -> None:
    content = Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))
    (content / "diary.yml").unlink()
    with pytest.raises(ContentErrors) as raised:
        check_content(content, shown_relative_to=tmp_path)
    assert [str(e) for e in raised.value.errors] == [
        "content/diary.yml:1:1: file is missing; the diary needs it"
    ]
