"""Read an answers file (YAML or JSON) for the command line.

PyYAML is imported only here and only when needed: the engine itself stays stdlib-only for
Pyodide, while the CLI runs in CPython where PyYAML is installed.
"""

from __future__ import annotations

import json
import re
from typing import Any


class UnreadableAnswers(ValueError):
    """The answers file is not YAML or JSON; the message says where and why."""


def parse_answers(text: str, shown_as: str) -> Any:
    """The document in ``text``: JSON if it is JSON, otherwise YAML."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        import yaml
    except ImportError:
        raise UnreadableAnswers(f"{shown_as}: not JSON, and PyYAML is not installed") from None
    try:
        return yaml.load(text, Loader=_answers_loader(yaml))  # a SafeLoader subclass
    except yaml.MarkedYAMLError as problem:
        mark = problem.problem_mark or problem.context_mark
        where = f"{shown_as}:{mark.line + 1}:{mark.column + 1}" if mark else shown_as
        problem_text = problem.problem or problem.context
        raise UnreadableAnswers(f"{where}: not valid YAML: {problem_text}") from None
    except yaml.YAMLError as problem:
        raise UnreadableAnswers(f"{shown_as}: not valid YAML: {problem}") from None


# YAML 1.1 reads `bedtime: 22:30` as the number 1350 (base 60), `start_date: 2026-03-01` as a
# date and `020` as octal 16. People write answers files by hand, so those stay text here and
# the engine checks them like any form field. Only plain decimal numbers become integers.
_DECIMAL = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_INT, _FLOAT, _TIMESTAMP = (f"tag:yaml.org,2002:{name}" for name in ("int", "float", "timestamp"))


def _answers_loader(yaml: Any) -> type:
    class AnswersLoader(yaml.SafeLoader):  # type: ignore[misc]
        pass

    AnswersLoader.yaml_implicit_resolvers = {
        first: [
            (tag, _DECIMAL if tag == _INT else regexp)
            for tag, regexp in resolvers
            if tag not in (_FLOAT, _TIMESTAMP)
        ]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return AnswersLoader
