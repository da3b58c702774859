"""The content parser reads with libyaml for speed and with PyYAML's pure Python parser for the
words of a syntax error: both must read every document alike, positions included."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from guide_site import yaml_source
from guide_site.yaml_source import ParsedYaml, parse_yaml
from tests.support.content import CONTENT_DIR


def read_slowly(text: str, path: Path) -> ParsedYaml:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yaml_source, "_FAST_LOADER", yaml_source._EXPLAINING_LOADER)
        parsed, problems = parse_yaml(text, path)
    assert problems == []
    return parsed


def assert_read_alike(text: str) -> None:
    path = Path("content/example.yml")
    fast, problems = parse_yaml(text, path)
    assert problems == []
    slow = read_slowly(text, path)
    assert (fast.data, fast.value_marks, fast.key_marks) == (
        slow.data,
        slow.value_marks,
        slow.key_marks,
    )


def test_libyaml_is_used_when_pyyaml_has_it() -> None:
    if yaml.__with_libyaml__:  # PyYAML's wheels for this platform carry it
        assert issubclass(yaml_source._FAST_LOADER, yaml.CSafeLoader)


def test_every_content_file_is_read_alike_by_both_parsers() -> None:
    files = sorted(CONTENT_DIR.rglob("*.yml"))
    assert files
    for path in files:
        assert_read_alike(path.read_text(encoding="utf-8"))


def test_columns_count_characters_not_bytes() -> None:
    quoted = "\u2018a\u2019"  # curly quotes: three bytes each in UTF-8
    second_line = f"items: [{quoted}, b]"
    text = f"title: Pressure \u2014 and more\n{second_line}\n"
    assert_read_alike(text)
    parsed, _ = parse_yaml(text, Path("x.yml"))
    assert parsed.value_marks[("items", 1)] == (2, second_line.index("b") + 1)


def test_a_syntax_error_keeps_the_pure_python_parsers_words() -> None:
    _, [problem] = parse_yaml("heading: [unclosed\n", Path("x.yml"))
    assert "but got '<stream end>'" in str(problem)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=12),
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(st.text(min_size=1, max_size=8), children, max_size=3)
        ),
        max_leaves=12,
    )
)
def test_any_document_is_read_alike(data: object) -> None:
    assert_read_alike(yaml.safe_dump({"root": data}, allow_unicode=True))
