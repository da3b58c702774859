"""Turn content/ into the data the guide engine carries (``guide_engine/data/engine.json``).

The engine is stdlib-only and runs in the browser, so it cannot read YAML or check cross-file
links itself: this module resolves ``options_from``, turns each health condition of
precautions.yml into a safety rule, fills message placeholders, and checks every reference a
rule makes to a question or an answer, so a typo in content fails the build, not a reader's plan.

Run ``python -m guide_site.engine_data [CONTENT_DIR]`` to regenerate the file by hand.
"""

from __future__ import annotations

import copy
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

ENGINE_DATA_FORMAT = 1
"""Bump with guide_engine.packaged_data.DATA_FORMAT when the shape below changes."""

GUIDE_PAGES = frozenset(
    {
        "home", "what-are-mats", "history", "how-it-may-work", "benefits", "comparison",
        "routine", "precautions", "faq", "references", "plan",
    }
)  # fmt: skip
PRECAUTION_LEVELS = {"ask_first": "consult_first", "take_care": "caution"}

# The engine reads these questions by id, so they must exist with these kinds.
REQUIRED_QUESTIONS = {
    "age_group": "one_of",
    "experience": "one_of",
    "skin": "one_of",
    "conditions": "any_of",
    "pain_areas": "any_of",
    "sleep_issues": "any_of",
    "insomnia_duration": "one_of",
    "bedtime": "time",
    "minutes_available": "whole_number",
}
OPTIONAL_QUESTIONS = {"start_date": "date"}


class EngineDataError(ValueError):
    """The content cannot become engine data; each line of the message is one problem."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def build_engine_data(content: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON-ready engine data for loaded content (file stem -> parsed YAML)."""
    missing = [stem for stem in ("questionnaire", "plan", "precautions") if stem not in content]
    if missing:
        raise EngineDataError(f"content/{stem}.yml: file is missing" for stem in missing)
    plan = copy.deepcopy(dict(content["plan"]))
    precautions = content["precautions"]
    questionnaire = _resolve_questionnaire(content["questionnaire"], precautions)

    condition_rules = _condition_rules(
        content["questionnaire"], precautions, plan.pop("condition_why")
    )
    data = {
        **plan,
        "format": ENGINE_DATA_FORMAT,
        "questionnaire": questionnaire,
        "safety_rules": condition_rules + plan["safety_rules"],
        "ask_professional": _ask_professional(plan["ask_professional"], precautions),
        "stop_rules": copy.deepcopy(precautions["stop_rules"]),
    }
    problems = _problems(data) + _anchor_problems(data, content)
    if problems:
        raise EngineDataError(problems)
    return data


def engine_json(data: Mapping[str, Any]) -> str:
    """The file's text: sorted keys and a final newline, so identical content gives equal bytes."""
    return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def write_engine_data(content: Mapping[str, Any], package_dir: Path) -> Path:
    """Write ``<package_dir>/data/engine.json``; leave it untouched when nothing changed."""
    return write_engine_json(build_engine_data(content), package_dir)


def write_engine_json(data: Mapping[str, Any], package_dir: Path) -> Path:
    """Write already built engine data (the build has it from checking content)."""
    text = engine_json(data)
    target = package_dir / "data" / "engine.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return target
    # Write then rename, so a test or a build reading the file never sees half of it.
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".engine-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _resolve_questionnaire(
    source: Mapping[str, Any], precautions: Mapping[str, Any]
) -> dict[str, Any]:
    questions = []
    for question in source["questions"]:
        resolved = copy.deepcopy(dict(question))
        resolved.setdefault("required", True)
        if resolved.pop("options_from", None) == "conditions":
            resolved["options"] = [
                {"value": item["id"], "label": item["label"], "hint": item["hint"]}
                for item in precautions["conditions"]
            ]
        if "none_option" in resolved:
            none_option = resolved.pop("none_option")
            resolved["options"].append({**none_option, "exclusive": True})
        for option in resolved.get("options", []):
            option.setdefault("exclusive", False)
        limits = {"{min}": resolved.get("min"), "{max}": resolved.get("max")}
        for kind, message in resolved["errors"].items():
            for placeholder, value in limits.items():
                if value is not None:
                    message = message.replace(placeholder, str(value))
            resolved["errors"][kind] = message
        questions.append(resolved)
    return {"questions": questions, "unknown_question_error": source["unknown_question_error"]}


def _condition_rules(
    source: Mapping[str, Any], precautions: Mapping[str, Any], condition_why: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """One safety rule per health condition: one source of truth for who should ask first."""
    asking = [q["id"] for q in source["questions"] if q.get("options_from") == "conditions"]
    if len(asking) != 1:
        raise EngineDataError(
            ["questionnaire.yml: exactly one question must say 'options_from: conditions'"]
        )
    return [
        {
            "id": condition["id"],
            "when": {asking[0]: [condition["id"]]},
            "level": PRECAUTION_LEVELS[condition["level"]],
            "reason": condition["reason"],
            "why": copy.deepcopy(condition_why[condition["level"]]),
        }
        for condition in precautions["conditions"]
    ]


def _ask_professional(
    chosen: list[Mapping[str, Any]], precautions: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """The questions for a health professional, worded once, in precautions.yml."""
    texts = {item["id"]: item["text"] for item in precautions.get("ask_a_professional", [])}
    unknown = [item["id"] for item in chosen if item["id"] not in texts]
    if unknown:
        raise EngineDataError(
            f"plan.yml: ask_professional '{question_id}': no question with this id in "
            f"precautions.yml ask_a_professional; expected one of: {', '.join(sorted(texts))}"
            for question_id in unknown
        )
    return [{**copy.deepcopy(dict(item)), "text": texts[item["id"]]} for item in chosen]


def _problems(data: Mapping[str, Any]) -> list[str]:
    questions = {question["id"]: question for question in data["questionnaire"]["questions"]}
    problems = _question_problems(data["questionnaire"]["questions"])
    answers = {qid: {o["value"] for o in q.get("options", [])} for qid, q in questions.items()}

    experience = answers.get("experience", set())
    if set(data["start_minutes"]) != experience:
        problems.append(
            "plan.yml: start_minutes: expected one entry for each 'experience' answer: "
            + ", ".join(sorted(experience))
        )
    shortest = questions.get("minutes_available", {}).get("min", 1)
    for step in data["nightly"]["mat_steps"]:
        if step.get("plus_minutes", 0) >= shortest:
            problems.append(
                f"plan.yml: nightly.mat_steps '{step['id']}': plus_minutes must be less than "
                f"{shortest}, the shortest session, so the step falls inside every session"
            )
    for where, rule in _rules(data):
        problems += _when_problems(where, rule.get("when", {}), answers)
        why = rule.get("why")
        if why is not None and why["page"] not in GUIDE_PAGES:
            problems.append(f"{where}: unknown guide page '{why['page']}'")
    return problems


def _anchor_problems(data: Mapping[str, Any], content: Mapping[str, Any]) -> list[str]:
    """Links must land on a section of their page; pages not loaded here are not checked."""
    sections = {
        page["id"]: {section["id"] for section in page.get("sections", [])}
        for key, page in content.items()
        if key.startswith("pages/") and isinstance(page, Mapping)
    }
    problems = []
    for where, rule in _rules(data):
        why = rule.get("why")
        if why is None or why.get("anchor") is None or why["page"] not in sections:
            continue
        if why["anchor"] not in sections[why["page"]]:
            known = ", ".join(sorted(sections[why["page"]])) or "none"
            problems.append(
                f"{where}: page '{why['page']}' has no section '{why['anchor']}'; "
                f"expected one of: {known}"
            )
    return problems


def _question_problems(questions: list[Mapping[str, Any]]) -> list[str]:
    problems = []
    by_id: dict[str, Mapping[str, Any]] = {}
    for question in questions:
        if question["id"] in by_id:
            problems.append(f"questionnaire.yml: question '{question['id']}' is listed twice")
        by_id[question["id"]] = question
        values = [option["value"] for option in question.get("options", [])]
        if len(values) != len(set(values)):
            problems.append(f"questionnaire.yml: '{question['id']}' has an answer value twice")
        if question["kind"] == "whole_number" and question["min"] > question["max"]:
            problems.append(f"questionnaire.yml: '{question['id']}': min is above max")
    for question_id, kind in {**REQUIRED_QUESTIONS, **OPTIONAL_QUESTIONS}.items():
        found = by_id.get(question_id)
        if found is None and question_id in REQUIRED_QUESTIONS:
            problems.append(f"questionnaire.yml: the engine needs a question '{question_id}'")
        elif found is not None and found["kind"] != kind:
            problems.append(f"questionnaire.yml: '{question_id}' must be of kind '{kind}'")
    return problems


def _rules(data: Mapping[str, Any]) -> Iterable[tuple[str, Mapping[str, Any]]]:
    """Every rule that may say `when`, `levels` or `why`, with where it is written."""
    for key in ("safety_rules", "care_notes", "placement", "tips", "signposts", "ask_professional"):
        for rule in data[key]:
            yield f"plan.yml: {key} '{rule['id']}'", rule
    for index, rule in enumerate(data["shirt"]["rules"]):
        yield f"plan.yml: shirt.rules[{index}]", rule
    yield "plan.yml: shirt", {"why": data["shirt"]["why"]}
    yield "plan.yml: progression_why", {"why": data["progression_why"]}
    for key in ("mat_steps", "wind_down_steps"):
        for step in data["nightly"][key]:
            yield f"plan.yml: nightly.{key} '{step['id']}'", step


def _when_problems(
    where: str, when: Mapping[str, Any], answers: Mapping[str, set[str]]
) -> list[str]:
    problems = []
    for question_id, values in when.items():
        if question_id not in answers:
            problems.append(f"{where}: unknown question '{question_id}'")
            continue
        for value in values:
            if value not in answers[question_id]:
                expected = ", ".join(sorted(answers[question_id])) or "no fixed answers"
                problems.append(
                    f"{where}: '{question_id}' has no answer '{value}'; expected one of: {expected}"
                )
    return problems


def engine_package_dir() -> Path:
    """Where the guide_engine package lives (the source tree in a development install)."""
    import guide_engine  # stdlib-only, cheap; imported here so this module stays importable alone

    return Path(guide_engine.__file__).parent


def main(argv: list[str] | None = None) -> int:
    """Load content (default ``content/``) and write the engine data; problems go to stderr."""
    from guide_site.errors import ContentErrors
    from guide_site.loader import load_content

    args = sys.argv[1:] if argv is None else argv
    content_dir = Path(args[0] if args else "content")
    try:
        path = write_engine_data(load_content(content_dir), engine_package_dir())
    except (ContentErrors, EngineDataError) as problems:
        print(problems, file=sys.stderr)
        return 1
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
