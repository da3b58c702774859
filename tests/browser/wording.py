"""The plan builder script's own wording, read from its one source (wording.mjs) through Node.

Tests find the page's status messages and notices by these strings, so an edit there needs no
edit here.
"""

from __future__ import annotations

import json
import subprocess

from tests.conftest import REPO

WORDING_MODULE = REPO / "overrides" / "assets" / "javascripts" / "guide" / "wording.mjs"


def _default_text() -> dict[str, str]:
    printed = subprocess.run(
        [
            "node",
            "--input-type=module",
            "-e",
            f"""
import {{ DEFAULT_TEXT }} from {json.dumps(WORDING_MODULE.as_uri())};
console.log(JSON.stringify(DEFAULT_TEXT));
""",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(json.loads(printed))


TEXT = _default_text()
"""Each key of wording.mjs's DEFAULT_TEXT and its words."""
