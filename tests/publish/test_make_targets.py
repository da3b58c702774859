"""`make test` runs every test; `make test-fast` runs all but the browser tests, with no browser."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from tests.browser.conftest import NO_BROWSER

REPO = Path(__file__).resolve().parents[2]
PYTEST = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider"]


def recipe(target: str) -> list[list[str]]:
    """The commands `make` would run for ``target`` (its own lines, not its prerequisites')."""
    printed = subprocess.run(
        ["make", "--no-print-directory", "-n", target],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [shlex.split(line) for line in printed.splitlines() if "pytest" in line]


SELECTING = ("-m", "-k", "--deselect", "--ignore", "--ignore-glob", "--lf", "--sw", "-x")
TAKES_A_VALUE = ("-n", "--dist", "-p")


def test_make_test_runs_pytest_on_everything() -> None:
    """In parallel, and with no selection: no path, marker, keyword or stop at a failure."""
    (command,) = recipe("test")
    options = command[command.index("pytest") + 1 :]
    assert options[:2] == ["-n", "auto"], command
    values = {index + 1 for index, option in enumerate(options) if option in TAKES_A_VALUE}
    selecting = [
        option
        for index, option in enumerate(options)
        if option.split("=")[0] in SELECTING or (index not in values and option[0] != "-")
    ]
    assert selecting == [], command


def test_make_test_fast_leaves_out_the_browser_tests_and_forbids_the_browser() -> None:
    (command,) = recipe("test-fast")
    assert f"{NO_BROWSER}=1" in command
    assert command[-2:] == ["-m", "not browser"], command


def test_every_test_that_uses_the_browser_is_marked_browser() -> None:
    """Collected with `-m "not browser"`, tests/browser (browser tests only) has nothing left."""
    result = subprocess.run(
        [*PYTEST, "--collect-only", "-q", "-m", "not browser", "tests/browser"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, NO_BROWSER: "1"},
        check=False,
    )
    assert "deselected" in result.stdout, result.stdout + result.stderr
    left = [line for line in result.stdout.splitlines() if "::" in line]
    assert left == [], left


def test_make_lint_runs_eslint_on_the_javascript_too() -> None:
    printed = subprocess.run(
        ["make", "--no-print-directory", "-n", "lint"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "node_modules/.bin/eslint ." in printed.splitlines()


def test_ruff_reads_every_python_file_in_the_repository() -> None:
    """`make lint` runs ruff on `.`: its excludes leave out only what the build makes. (An
    exclude of `site`, meant for the built site, once left out tests/site as well.)"""
    tracked = subprocess.run(
        ["git", "ls-files", "-z", "--", "*.py"], cwd=REPO, capture_output=True, check=True
    ).stdout.decode()
    listed = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--show-files", "."],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    missing = {name for name in tracked.split("\0") if name} - {
        str(Path(line).relative_to(REPO)) for line in listed if line.startswith(str(REPO))
    }
    assert missing == set(), sorted(missing)
