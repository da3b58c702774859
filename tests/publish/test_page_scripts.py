"""The plan builder's wording module, run in Node: defaults in one place, and loud when wrong."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.browser.wording import TEXT, WORDING_MODULE


def run(body: str) -> subprocess.CompletedProcess[str]:
    script = f"import {{ wording }} from {json.dumps(WORDING_MODULE.as_uri())};\n{body}"
    return subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=False
    )


def test_every_default_is_a_non_empty_string() -> None:
    assert TEXT and all(isinstance(words, str) and words.strip() for words in TEXT.values())


def test_the_page_can_replace_a_string_and_keeps_the_other_defaults() -> None:
    key, other = sorted(TEXT)[:2]
    done = run(
        f"const text = wording(JSON.stringify({{ {json.dumps(key)}: 'Replaced' }}));"
        f"console.log(JSON.stringify([text({json.dumps(key)}), text({json.dumps(other)})]));"
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["Replaced", TEXT[other]]


@pytest.mark.parametrize(
    ("script", "complaint"),
    [
        ("wording()('status.no-such-state');", 'no text for "status.no-such-state"'),
        ("wording({ 'status.redy': 'Ready' });", 'unknown text "status.redy"'),
        ("wording({ 'status.ready': '' })('status.ready');", 'no text for "status.ready"'),
    ],
)
def test_a_missing_or_unknown_string_fails_loudly(script: str, complaint: str) -> None:
    done = run(script)
    assert done.returncode != 0
    assert complaint in done.stderr
