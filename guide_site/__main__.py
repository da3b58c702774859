"""`python -m guide_site check [CONTENT_DIR]`: check content as the build does, without building."""

from __future__ import annotations

import sys
from pathlib import Path

from guide_site.engine_data import EngineDataError, build_engine_data
from guide_site.errors import ContentErrors
from guide_site.loader import load_content


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] != "check" or len(args) > 2:
        print("usage: python -m guide_site check [CONTENT_DIR]", file=sys.stderr)
        return 2
    content_dir = Path(args[1] if len(args) == 2 else "content")
    try:
        content = load_content(content_dir)
        build_engine_data(content)  # the cross-file rules of the plan builder, as the build checks
    except (ContentErrors, EngineDataError) as problems:
        print(problems, file=sys.stderr)
        return 1
    print(f"{content_dir}: {len(content)} files, no problems")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
