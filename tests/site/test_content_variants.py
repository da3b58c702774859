"""A maintainer can rename an answer, add a question or tune a number by editing content alone,
and the suite still passes.

One combined variant of a copy of content/ (one sub-run keeps the time down):
(a) every number in plan.yml and every number limit in questionnaire.yml changes (n becomes
    n + 1 + n // 5, or n - 1 - n // 5 where that would pass the largest number the engine
    reads; 0 stays 0, so a step at lights out stays there), which keeps the content valid: the
    order of the numbers is kept;
(b) a new one_of question, answered in each example, and a new tip in plan.yml that uses it;
(c) an answer value that a safety rule names is renamed everywhere content uses it.
Then the engine, content and site tests run on that copy (GUIDE_CONTENT_DIR) in a subprocess,
and must all pass. The edits are made on the text, as an editor makes them, and checked here to
change exactly what they say.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from guide_engine.contract import LARGEST_WHOLE_NUMBER
from tests.support.content import CONTENT, CONTENT_DIR, REPO

NUMBER_LINE = re.compile(r"^(?P<key>[ \t]*(?:- )?[A-Za-z_][\w-]*:[ \t]+)(?P<number>[0-9]+)[ \t]*$")
LIMIT_LINE = re.compile(r"^(?P<key>[ \t]+(?:min|max):[ \t]+)(?P<number>[0-9]+)[ \t]*$")
NEW_QUESTION, NEW_TIP = "screen_in_bed", "screens_out_of_bed"
NEW_ANSWERS = ("most_nights", "rarely")
SUB_RUN = ["tests/engine", "tests/content", "tests/site"]
LEFT_OUT = ["tests/site/test_content_variants.py", "tests/site/test_serve.py"]  # this, and slow


def tuned(number: int) -> int:
    """Up by a fifth and one; down as much where that would pass the largest number the engine
    reads (the fair test number's max); 0 stays 0."""
    if not number:
        return 0
    up = number + 1 + number // 5
    return up if up <= LARGEST_WHOLE_NUMBER else number - 1 - number // 5


def numbers(data: Any, where: tuple = ()) -> Iterator[tuple[tuple, int]]:
    """Every whole number in parsed YAML, with where it is."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from numbers(value, (*where, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from numbers(value, (*where, index))
    elif isinstance(data, int) and not isinstance(data, bool):
        yield where, data


def without_numbers(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: without_numbers(value) for key, value in data.items()}
    if isinstance(data, list):
        return [without_numbers(value) for value in data]
    return None if isinstance(data, int) and not isinstance(data, bool) else data


def tune_numbers(path: Path, line: re.Pattern[str]) -> int:
    """Tune every number on a line like ``key: 15``; check nothing else changed, and that every
    number in the file was tuned. Returns how many numbers changed."""
    before = path.read_text(encoding="utf-8")
    after = "\n".join(
        line.sub(lambda m: f"{m['key']}{tuned(int(m['number']))}", text)
        for text in before.split("\n")
    )
    path.write_text(after, encoding="utf-8")
    old, new = yaml.safe_load(before), yaml.safe_load(after)
    assert without_numbers(new) == without_numbers(old), f"{path.name}: only numbers change"
    old_numbers = dict(numbers(old))
    assert dict(numbers(new)) == {where: tuned(n) for where, n in old_numbers.items()}
    return sum(tuned(n) != n for n in old_numbers.values())


def insert_after(path: Path, line: str, text: str) -> None:
    source = path.read_text(encoding="utf-8")
    assert source.count(f"\n{line}\n") == 1, f"{path.name}: expected one line {line!r}"
    path.write_text(source.replace(f"\n{line}\n", f"\n{line}\n{text}", 1), encoding="utf-8")


def add_question_and_tip(content: Path) -> None:
    """A new question first in the form, each example's answer to it, and a tip for one answer."""
    first, second = NEW_ANSWERS
    insert_after(
        content / "questionnaire.yml",
        "questions:",
        f"""\
  - id: {NEW_QUESTION}
    kind: one_of
    section: Your evening
    label: Do you look at a screen in bed?
    options:
      - value: {first}
        label: Most nights
      - value: {second}
        label: Rarely or never
    errors:
      missing: Select how often you look at a screen in bed
""",
    )
    # A link content already makes, from the evening's first wind-down step.
    why = json.dumps(CONTENT["plan"]["nightly"]["wind_down_steps"][0]["why"])
    insert_after(
        content / "plan.yml",
        "tips:",
        f"""\
  - id: {NEW_TIP}
    when: {{{NEW_QUESTION}: [{first}]}}
    text: Leave your phone in another room at night, so your bed is only for sleep.
    why: {why}
""",
    )
    examples = content / "examples.yml"
    count = iter(range(1_000))
    examples.write_text(
        re.sub(
            r"^(?P<indent>[ \t]+)answers:\n(?P<inner>[ \t]+)",
            lambda m: (
                f"{m['indent']}answers:\n{m['inner']}{NEW_QUESTION}: "
                f"{NEW_ANSWERS[next(count) % 2]}\n{m['inner']}"
            ),
            examples.read_text(encoding="utf-8"),
            flags=re.MULTILINE,
        ),
        encoding="utf-8",
    )
    assert next(count) == len(CONTENT["examples"]["examples"]), "each example answers it"


def answer_to_rename() -> tuple[str, str]:
    """An answer a safety rule names, of a question with its own options; one an example gives,
    if any does. Not an everyday word, so renaming it changes no sentence."""
    own_options = {q["id"] for q in CONTENT["questionnaire"]["questions"] if "options" in q}
    given = {
        (question_id, value)
        for example in CONTENT["examples"]["examples"]
        for question_id, answer in example["answers"].items()
        for value in (answer if isinstance(answer, list) else [answer])
    }
    candidates = [
        (question_id, value)
        for rule in CONTENT["plan"]["safety_rules"]
        for question_id, values in rule.get("when", {}).items()
        for value in values
        if question_id in own_options and re.search(r"[_0-9]", value)
    ]
    assert candidates, "no safety rule names an answer of a question with its own options"
    return sorted(candidates, key=lambda candidate: candidate not in given)[0]


def rename_everywhere(content: Path, old: str, new: str) -> list[str]:
    """Rename a value in every content file that uses it; return those files' names."""
    whole_word = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    changed = []
    for path in sorted(content.rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        if whole_word.search(text):
            path.write_text(whole_word.sub(new, text), encoding="utf-8")
            changed.append(str(path.relative_to(content)))
    return changed


def make_variant(content: Path) -> dict[str, Any]:
    """Apply the three edits to a copy of the content; say what changed."""
    tuned_in_plan = tune_numbers(content / "plan.yml", NUMBER_LINE)
    tuned_limits = tune_numbers(content / "questionnaire.yml", LIMIT_LINE)
    add_question_and_tip(content)
    question_id, answer = answer_to_rename()
    renamed_in = rename_everywhere(content, answer, f"{answer}_renamed")
    return {
        "tuned_in_plan": tuned_in_plan,
        "tuned_limits": tuned_limits,
        "renamed": (question_id, answer),
        "renamed_in": renamed_in,
    }


@pytest.mark.long
def test_the_suite_follows_the_content_when_an_editor_changes_it(tmp_path: Path) -> None:
    """A maintainer can rename an answer, add a question or tune a number by editing content
    alone, and the suite still passes: no test restates old content."""
    content = Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))
    changes = make_variant(content)
    assert changes["tuned_in_plan"] >= 10 and changes["tuned_limits"] >= 2
    assert {"questionnaire.yml", "plan.yml"} <= set(changes["renamed_in"])

    result = subprocess.run(
        [
            sys.executable, "-m", "pytest", *SUB_RUN, "-q", "-p", "no:cacheprovider",
            *(f"--ignore={path}" for path in LEFT_OUT),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "GUIDE_CONTENT_DIR": str(content), "ENGINE_EXAMPLES": "10"},
        timeout=900,
        check=False,
    )  # fmt: skip

    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    report = f"{changes}\n{result.stdout[-6000:]}\n{result.stderr[-3000:]}"
    assert result.returncode == 0, report
    assert re.fullmatch(r"=* ?\d+ passed in .*", summary), report  # nothing skipped or failed
