"""The diary part of the engine data, from content/diary.yml and the stop rules it names.

One public function, ``diary_part``, so it can move with the rest of the engine data build.
Like that build, it only resolves what the stdlib-only engine cannot (placeholders, options
from another file) and expects checked content (guide_site.diary_checks).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from guide_engine.diary.fields import FIELDS


def diary_part(content: Mapping[str, Any]) -> dict[str, Any]:
    """The ``diary`` engine data: content/diary.yml with its fields and stop signs resolved."""
    diary = copy.deepcopy(dict(content["diary"]))
    diary.pop("page")  # the diary page's own words: the site's, never the engine's
    del diary["plan_links"]  # the plan builder page's words, not the engine's
    rules = {rule["id"]: rule for rule in content["precautions"]["stop_rules"]}
    stop_signs = [
        {
            "id": rule_id,
            "label": label,
            "text": rules[rule_id]["text"],
            "what_to_do": rules[rule_id]["what_to_do"],
        }
        for rule_id, label in diary.pop("stop_sign_labels").items()
    ]
    diary["stop_signs"] = stop_signs
    diary["fields"] = _resolved_fields(diary["fields"], stop_signs)
    limits, errors = diary["limits"], diary["entry_errors"]
    errors["too_long_in_bed"] = errors["too_long_in_bed"].replace(
        "{hours}", str(limits["hours_in_bed"])
    )
    errors["too_many"] = errors["too_many"].replace("{count}", str(limits["nights"]))
    return diary


def _resolved_fields(
    fields: Mapping[str, Any], stop_signs: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Every field in the engine's order, with its kind and check-in, messages filled in."""
    resolved = []
    for field in FIELDS:
        wording = copy.deepcopy(dict(fields[field.id]))
        if field.id == "stop_signs":
            wording["options"] = [{"value": s["id"], "label": s["label"]} for s in stop_signs]
        for kind, message in wording["errors"].items():
            for limit in ("min", "max"):
                if limit in wording:
                    message = message.replace("{" + limit + "}", str(wording[limit]))
            wording["errors"][kind] = message
        resolved.append(
            {
                "id": field.id,
                "kind": field.kind,
                "check_in": field.check_in,
                "required": field.required,
                **wording,
            }
        )
    return resolved
