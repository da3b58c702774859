"""What a maintainer meets when they edit a copy of the real content: `guide_site check` and the
build report one `path:line:col:` line per problem, never a traceback, and accept a rename once
it is made everywhere. The edits are chosen from the content, not written out here."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from guide_engine.contract import LARGEST_WHOLE_NUMBER, MINUTES_AVAILABLE, NEEDED_QUESTIONS
from guide_site.render import page_src_uri
from tests.support.content import CONTENT, CONTENT_DIR, PAGES, REPO, pages_with_template

LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<message>.+)$")


def copy_of_content(tmp_path: Path) -> Path:
    return Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))


def edit(path: Path, old: str, new: str, *, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def guide_site_check(content: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "guide_site", "check", str(content)],
        cwd=content.parent,
        capture_output=True,
        text=True,
        check=False,
    )


def mkdocs_build(content: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--site-dir",
            str(content.parent / "site"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDE_CONTENT_DIR": str(content)},
        check=False,
    )


def problem_lines(output: str, base: Path) -> list[re.Match[str]]:
    """The positioned lines of ``output``, each checked to point inside its file."""
    found = []
    for text in output.splitlines():
        match = LINE.match(text.strip())
        if match is None:
            continue
        path = Path(match["path"]) if Path(match["path"]).is_absolute() else base / match["path"]
        lines = path.read_text(encoding="utf-8").splitlines()
        assert 1 <= int(match["line"]) <= len(lines) + 1, text
        found.append(match)
    return found


def text_at(base: Path, match: re.Match[str]) -> str:
    line = (base / match["path"]).read_text(encoding="utf-8").splitlines()[int(match["line"]) - 1]
    return line[int(match["column"]) - 1 :]


def when_references() -> Iterator[tuple[str, str]]:
    """Every (question, answer) a rule in plan.yml names, in content order."""

    def walk(node: object) -> Iterator[tuple[str, str]]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "when":
                    for question_id, values in value.items():
                        yield from ((question_id, answer) for answer in values)
                else:
                    yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    yield from walk(CONTENT["plan"])


def renamable_answer() -> tuple[str, str]:
    """An answer that rules use, listed in questionnaire.yml, and not an everyday word."""
    listed = {q["id"] for q in CONTENT["questionnaire"]["questions"] if "options" in q}
    for question_id, answer in when_references():
        if question_id in listed and re.search(r"[_0-9]", answer):
            return question_id, answer
    raise AssertionError("no rule in plan.yml names a listed answer")


def test_good_content_passes_the_check(tmp_path: Path) -> None:
    result = guide_site_check(copy_of_content(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout


def test_an_answer_renamed_in_the_questionnaire_only_is_reported_where_it_is_used(
    tmp_path: Path,
) -> None:
    question_id, answer = renamable_answer()
    content = copy_of_content(tmp_path)
    edit(content / "questionnaire.yml", f"value: {answer}\n", f"value: {answer}_renamed\n")

    result = guide_site_check(content)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = problem_lines(result.stderr, tmp_path)
    assert lines, result.stderr
    for match in lines:
        assert match["message"].startswith(
            f"unknown answer '{answer}' of question '{question_id}'; expected one of: "
        )
        assert f"{answer}_renamed" in match["message"]
        assert text_at(tmp_path, match).startswith(answer)
    assert any(match["path"] == "content/plan.yml" for match in lines)


def test_a_rename_made_everywhere_in_content_passes(tmp_path: Path) -> None:
    _question_id, answer = renamable_answer()
    content = copy_of_content(tmp_path)
    whole_word = re.compile(rf"(?<![\w-]){re.escape(answer)}(?![\w-])")
    for name in ("questionnaire.yml", "plan.yml", "examples.yml"):
        path = content / name
        path.write_text(whole_word.sub(f"{answer}_renamed", path.read_text("utf-8")), "utf-8")
    result = guide_site_check(content)
    assert result.returncode == 0, result.stderr


def test_a_when_key_naming_no_question_is_one_positioned_line(tmp_path: Path) -> None:
    question_id, _answer = next(when_references())
    content = copy_of_content(tmp_path)
    edit(content / "plan.yml", f"when: {{{question_id}:", f"when: {{{question_id}_typo:")

    result = guide_site_check(content)

    assert result.returncode == 1
    [match] = problem_lines(result.stderr, tmp_path)
    assert match["path"] == "content/plan.yml"
    assert match["message"].startswith(f"unknown question '{question_id}_typo'; expected one of: ")
    assert text_at(tmp_path, match).startswith(f"{question_id}_typo:")


def test_a_question_the_engine_reads_must_keep_its_kind(tmp_path: Path) -> None:
    needed = next(q for q in NEEDED_QUESTIONS if q.kind == "time")
    content = copy_of_content(tmp_path)
    path = content / "questionnaire.yml"
    its_kind = re.compile(rf"(- id: {needed.id}\n(?:[ \t]+.*\n)*?[ \t]+kind: ){needed.kind}\b")
    path.write_text(its_kind.sub(r"\1date", path.read_text("utf-8"), count=1), "utf-8")

    result = guide_site_check(content)

    assert result.returncode == 1
    [match] = problem_lines(result.stderr, tmp_path)
    assert match["message"].startswith(
        f"question '{needed.id}' is of kind 'date'; the engine needs"
    )
    assert text_at(tmp_path, match).startswith("date")


def test_a_step_after_lying_down_must_fit_the_shortest_session(tmp_path: Path) -> None:
    shortest = next(
        q["min"] for q in CONTENT["questionnaire"]["questions"] if q["id"] == MINUTES_AVAILABLE
    )
    step = next(s for s in CONTENT["plan"]["nightly"]["mat_steps"] if "plus_minutes" in s)
    content = copy_of_content(tmp_path)
    edit(
        content / "plan.yml",
        f"plus_minutes: {step['plus_minutes']}\n",
        f"plus_minutes: {shortest}\n",
    )

    result = guide_site_check(content)

    [match] = problem_lines(result.stderr, tmp_path)
    assert match["path"] == "content/plan.yml"
    assert f"plus_minutes ({shortest}) must be less than {shortest}" in match["message"]
    assert text_at(tmp_path, match).startswith(str(shortest))


def test_a_number_limit_above_what_the_engine_reads_is_one_positioned_line(
    tmp_path: Path,
) -> None:
    limits = next(q for q in CONTENT["questionnaire"]["questions"] if q["id"] == MINUTES_AVAILABLE)
    too_many = LARGEST_WHOLE_NUMBER + 1
    content = copy_of_content(tmp_path)
    edit(content / "questionnaire.yml", f"    max: {limits['max']}\n", f"    max: {too_many}\n")

    result = guide_site_check(content)

    assert result.returncode == 1
    [match] = problem_lines(result.stderr, tmp_path)
    assert match["path"] == "content/questionnaire.yml"
    assert match["message"].startswith(
        f"question '{MINUTES_AVAILABLE}': max ({too_many}) is above {LARGEST_WHOLE_NUMBER}"
    )
    assert text_at(tmp_path, match).startswith(str(too_many))


def test_an_example_answer_the_engine_rejects_points_at_the_answer(tmp_path: Path) -> None:
    example = CONTENT["examples"]["examples"][0]
    bedtime = next(q for q in NEEDED_QUESTIONS if q.kind == "time").id
    content = copy_of_content(tmp_path)
    edit(
        content / "examples.yml",
        f'{bedtime}: "{example["answers"][bedtime]}"',
        f'{bedtime}: "half ten"',
    )

    result = guide_site_check(content)

    [match] = problem_lines(result.stderr, tmp_path)
    assert match["path"] == "content/examples.yml"
    assert match["message"].startswith(
        f"example '{example['id']}': the engine rejects this answer to '{bedtime}'"
    )
    assert text_at(tmp_path, match).startswith(bedtime)


def test_a_page_file_whose_id_is_not_its_name_is_reported(tmp_path: Path) -> None:
    page = next(key for key in CONTENT if key.startswith("pages/") and key != "pages/home")
    page_id = CONTENT[page]["id"]
    content = copy_of_content(tmp_path)
    shutil.move(content / f"{page}.yml", content / f"{page}-renamed.yml")

    [match] = problem_lines(guide_site_check(content).stderr, tmp_path)
    assert match["path"] == f"content/{page}-renamed.yml"
    assert f"page id '{page_id}' differs from its file name" in match["message"]


def test_a_page_added_in_content_alone_is_built_and_in_the_nav(tmp_path: Path) -> None:
    """A new page file (here a copy of the last article page, under a new id) and its line in
    the nav: the check passes and the strict build makes the page and links it."""
    page_id = pages_with_template("article")[-1]
    new_id = f"{page_id}-more"
    content = copy_of_content(tmp_path)
    text = (content / "pages" / f"{page_id}.yml").read_text(encoding="utf-8")
    assert text.count(f"\nid: {page_id}\n") == 1
    new_page = text.replace(f"\nid: {page_id}\n", f"\nid: {new_id}\n")
    (content / "pages" / f"{new_id}.yml").write_text(new_page, encoding="utf-8")
    edit(content / "site.yml", f"  - {page_id}\n", f"  - {page_id}\n  - {new_id}\n")

    check = guide_site_check(content)
    assert check.returncode == 0, check.stderr
    build = mkdocs_build(content)
    assert build.returncode == 0, build.stderr
    site = content.parent / "site"
    built = site / page_src_uri(new_id).removesuffix(".md") / "index.html"
    assert PAGES[page_id]["title"] in built.read_text(encoding="utf-8")
    assert f'href="{new_id}/"' in (site / "index.html").read_text(encoding="utf-8")


def test_a_page_left_out_of_the_nav_fails_the_check_and_the_strict_build(tmp_path: Path) -> None:
    left_out = CONTENT["site"]["nav"][-1]
    content = copy_of_content(tmp_path)
    edit(content / "site.yml", f"  - {left_out}\n", "")

    check = guide_site_check(content)
    [match] = problem_lines(check.stderr, tmp_path)
    assert check.returncode == 1
    assert match["path"] == "content/site.yml"
    assert f"'nav' leaves out the page '{left_out}'" in match["message"]

    build = mkdocs_build(content)
    assert build.returncode == 1
    assert 'are not included in the "nav" configuration' in build.stderr  # MkDocs' own check
    assert f"'nav' leaves out the page '{left_out}'" in build.stderr
    assert "Traceback" not in build.stderr + build.stdout


@pytest.mark.parametrize("tool", ["check", "build"])
def test_content_errors_never_give_a_traceback(tmp_path: Path, tool: str) -> None:
    question_id, answer = renamable_answer()
    content = copy_of_content(tmp_path)
    edit(content / "questionnaire.yml", f"value: {answer}\n", f"value: {answer}_renamed\n")
    result = guide_site_check(content) if tool == "check" else mkdocs_build(content)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = problem_lines(result.stderr, tmp_path if tool == "check" else Path("/"))
    assert lines and all(f"'{question_id}'" in match["message"] for match in lines)
