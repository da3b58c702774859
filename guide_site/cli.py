"""``python -m guide_site``: check content as the build does, or write the engine data.

- ``check [CONTENT_DIR]``: every check the build makes (schemas, references, what the engine
  needs, the example plans run through the engine, every page rendered); problems are
  ``path:line:col: message`` lines on stderr, and the exit code is 1.
- ``engine-data FILE [CONTENT_DIR]``: check, then write the engine data to FILE, for running
  ``guide-engine`` on a development checkout with ``GUIDE_ENGINE_DATA=FILE``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guide_site.engine_data import write_engine_json
from guide_site.errors import ContentErrors
from guide_site.pipeline import CheckedContent, check_content


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        checked = check_content(Path(args.content_dir))
    except ContentErrors as problems:
        print(problems, file=sys.stderr)
        return 1
    if checked.warnings:  # the build is strict: what it warns about stops it
        print("\n".join(str(warning) for warning in checked.warnings), file=sys.stderr)
        return 1
    if args.command == "engine-data":
        print(f"wrote {write_engine_json(checked.engine_data, Path(args.file))}")
    else:
        print(_summary(args.content_dir, checked))
    return 0


def _summary(content_dir: str, checked: CheckedContent) -> str:
    return f"{content_dir}: {len(checked.content)} files, {len(checked.pages)} pages, no problems"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m guide_site")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="check content as the build does")
    check.add_argument("content_dir", nargs="?", default="content", metavar="CONTENT_DIR")
    data = commands.add_parser("engine-data", help="check content, then write the engine data")
    data.add_argument("file", metavar="FILE")
    data.add_argument("content_dir", nargs="?", default="content", metavar="CONTENT_DIR")
    return parser
