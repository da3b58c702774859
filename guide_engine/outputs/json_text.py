"""The plan as JSON text: sorted keys, so equal plans give equal bytes on every Python."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


def render_json(plan: Mapping[str, Any]) -> str:
    return json.dumps(plan, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
