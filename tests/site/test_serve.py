"""`mkdocs serve` as a maintainer runs it (`make serve`): content problems are positioned lines,
never a traceback; on an edit the server keeps the last good content until they are fixed."""

from __future__ import annotations

import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.content import CONTENT, CONTENT_DIR, REPO
from tests.support.server import free_port

POSITIONED = re.compile(r"\S+\.yml:\d+:\d+: ")
STARTUP_SECONDS = 60


class Serving:
    """A `mkdocs serve` process whose output is read line by line as it comes."""

    def __init__(self, content: Path, port: int) -> None:
        self.port = port
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "mkdocs", "serve", "--livereload", "--no-strict",
                "--dev-addr", f"127.0.0.1:{port}",
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDE_CONTENT_DIR": str(content)},
        )  # fmt: skip
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, pattern: str, seconds: float = STARTUP_SECONDS) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                if self.process.poll() is not None and self.lines.empty():
                    break
                continue
            self.seen.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(f"no line matching {pattern!r}; got:\n" + "\n".join(self.seen))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.reader.join(timeout=10)  # the output ends with the process
        assert self.process.stdout is not None
        self.process.stdout.close()


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))


@pytest.fixture
def serving(content: Path) -> Iterator[Serving]:
    server = Serving(content, free_port())
    yield server
    server.stop()


def test_broken_content_on_start_gives_lines_and_exit_1(content: Path) -> None:
    site = content / "site.yml"
    site.write_text(site.read_text("utf-8") + "colour: blue\n", "utf-8")
    server = Serving(content, free_port())
    try:
        server.wait_for(r"site\.yml:\d+:\d+: unknown key 'colour'")
        assert server.process.wait(timeout=STARTUP_SECONDS) == 1
        server.wait_for(r"Aborted", seconds=5)
        assert not any("Traceback" in line for line in server.seen)
    finally:
        server.stop()


def test_an_edit_that_breaks_content_is_reported_and_the_last_good_site_stays(
    content: Path, serving: Serving
) -> None:
    serving.wait_for(r"Serving on")
    home = f"http://127.0.0.1:{serving.port}/acupressure-guide/"
    shown = " ".join(CONTENT["site"]["disclaimer"].split()[:3])  # on every page
    assert shown in fetch(home)

    site = content / "site.yml"
    good = site.read_text("utf-8")
    site.write_text(good + "colour: blue\n", "utf-8")
    problem = serving.wait_for(r"unknown key 'colour'")
    assert POSITIONED.search(problem)
    serving.wait_for(r"still serving the last good content")
    assert shown in fetch(home)

    site.write_text(good.replace(shown, f"Edited. {shown}", 1), "utf-8")
    serving.wait_for(r"Reloading browsers|Serving on")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if f"Edited. {shown}" in fetch(home):
            break
        time.sleep(0.5)
    else:
        raise AssertionError("the fixed content was not served")
    assert not any("Traceback" in line for line in serving.seen)
