"""The diary page's words, run in Node: all from content, and loud when one is missing."""

from __future__ import annotations

import json
import subprocess

import pytest

from guide_site.render import dotted_keys
from tests.conftest import REPO
from tests.support.content import CONTENT

MODULE = REPO / "overrides" / "assets" / "javascripts" / "guide" / "diary-wording.mjs"
WORDS = dotted_keys(CONTENT["diary"]["page"]["script"])


def run(body: str) -> subprocess.CompletedProcess[str]:
    script = (
        f"import {{ DIARY_TEXT_KEYS, diaryWording }} from {json.dumps(MODULE.as_uri())};\n"
        f"const words = {json.dumps(json.dumps(WORDS))};\n{body}"
    )
    return subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=False
    )


def test_the_script_needs_exactly_the_words_content_gives_it() -> None:
    done = run("console.log(JSON.stringify(DIARY_TEXT_KEYS));")
    assert done.returncode == 0, done.stderr
    assert sorted(json.loads(done.stdout)) == sorted(WORDS)


def test_placeholders_are_filled_and_others_left_as_they_are() -> None:
    key = next(key for key, text in WORDS.items() if "{night}" in text)
    done = run(f"console.log(diaryWording(words)({json.dumps(key)}, {{ night: '2026-03-01' }}));")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == WORDS[key].replace("{night}", "2026-03-01")


@pytest.mark.parametrize(
    ("script", "complaint"),
    [
        (
            "const w = JSON.parse(words); delete w['status.ready'];"
            "diaryWording(JSON.stringify(w));",
            "missing status.ready",
        ),
        (
            "diaryWording(JSON.stringify({ ...JSON.parse(words), 'status.redy': 'x' }));",
            "unknown status.redy",
        ),
        ("diaryWording(words)('status.no-such-state');", 'no text for "status.no-such-state"'),
    ],
)
def test_a_missing_or_unknown_word_fails_loudly(script: str, complaint: str) -> None:
    done = run(script)
    assert done.returncode != 0
    assert complaint in done.stderr
