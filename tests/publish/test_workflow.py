"""The GitHub workflows: valid, safe (zizmor); the tests on every push and pull request, and
Pages publishing what `make build` builds only after they pass on main."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = REPO / ".github" / "workflows"
PAGES = WORKFLOWS / "pages.yml"
TESTS = WORKFLOWS / "tests.yml"
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def all_workflows() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def load(path: Path) -> dict[str, Any]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    loaded["on"] = loaded.pop(True, loaded.get("on"))
    return dict(loaded)


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return load(PAGES)


@pytest.fixture(scope="module")
def tests_workflow() -> dict[str, Any]:
    return load(TESTS)


def steps(workflow: dict[str, Any], job: str) -> list[dict[str, Any]]:
    return list(workflow["jobs"][job].get("steps", []))  # a called workflow has none here


def step_using(workflow: dict[str, Any], action: str) -> dict[str, Any]:
    found = [
        step
        for job in workflow["jobs"]
        for step in steps(workflow, job)
        if step.get("uses", "").startswith(action + "@")
    ]
    assert len(found) == 1, f"expected one step using {action}"
    return found[0]


@pytest.mark.parametrize("path", all_workflows(), ids=lambda p: p.name)
def test_matches_githubs_workflow_schema(path: Path) -> None:
    result = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", path],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_of_medium_severity_or_higher() -> None:
    assert {PAGES, TESTS} <= set(all_workflows())
    result = subprocess.run(
        [BIN / "zizmor", "--offline", "--format", "json", *all_workflows()],
        capture_output=True,
        text=True,
        check=False,
    )
    findings = json.loads(result.stdout or "null")
    assert isinstance(findings, list), result.stdout + result.stderr
    serious = [
        f"{finding['ident']} ({finding['determinations']['severity']}): {finding['desc']}"
        for finding in findings
        if finding["determinations"]["severity"] in ("Medium", "High")
    ]
    assert not serious, serious


@pytest.mark.parametrize("path", all_workflows(), ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_commit(path: Path) -> None:
    loaded = load(path)
    uses = [
        step["uses"]
        for job in loaded["jobs"].values()
        for step in job.get("steps", [])
        if "uses" in step
    ]
    assert uses
    assert all(PINNED.match(use) for use in uses), uses


def test_every_push_and_pull_request_runs_make_test(tests_workflow: dict[str, Any]) -> None:
    triggers = tests_workflow["on"]
    # Every branch but main here; main's pushes run this same workflow from pages.yml.
    assert triggers["push"] == {"branches-ignore": ["main"]}
    assert "pull_request" in triggers and "workflow_call" in triggers
    (job,) = tests_workflow["jobs"].values()
    assert [step["run"].strip() for step in job["steps"] if "run" in step] == ["make test"]
    assert job["permissions"] == {"contents": "read"}
    assert tests_workflow["permissions"] == {}
    # Debian, so that the Makefile installs Debian's Chromium as on the development machines.
    assert "bookworm" in job["container"]


def test_pages_deploys_only_after_the_tests_pass_on_main(workflow: dict[str, Any]) -> None:
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["jobs"]["test"]["uses"] == "./.github/workflows/tests.yml"
    assert workflow["jobs"]["build"]["needs"] == "test"
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_a_push_to_main_builds_with_make_build_and_deploys(workflow: dict[str, Any]) -> None:
    assert workflow["on"]["push"]["branches"] == ["main"]
    build = [step for step in steps(workflow, "build") if "run" in step]
    assert [step["run"].strip() for step in build] == ["make build"]
    assert "make build" in (REPO / "README.md").read_text(encoding="utf-8")
    upload = step_using(workflow, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    step_using(workflow, "actions/deploy-pages")


def test_the_public_address_comes_from_pages(workflow: dict[str, Any]) -> None:
    """mkdocs.yml reads SITE_URL; configure-pages knows the address, sub-path included."""
    pages = step_using(workflow, "actions/configure-pages")
    build = next(step for step in steps(workflow, "build") if step.get("run") == "make build")
    expected = "${{ steps." + pages["id"] + ".outputs.base_url }}/"
    assert build["env"]["SITE_URL"] == expected
    assert "!ENV [SITE_URL" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")


def test_permissions_are_the_least_each_job_needs(workflow: dict[str, Any]) -> None:
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["test"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"
    checkout = step_using(workflow, "actions/checkout")
    assert checkout["with"]["persist-credentials"] is False


def test_one_deployment_at_a_time(workflow: dict[str, Any]) -> None:
    assert workflow["concurrency"]["group"]
    assert workflow["concurrency"]["cancel-in-progress"] is False


def test_pip_and_npm_downloads_are_cached(workflow: dict[str, Any]) -> None:
    assert step_using(workflow, "actions/setup-python")["with"]["cache"] == "pip"
    assert step_using(workflow, "actions/setup-node")["with"]["cache"] == "npm"
