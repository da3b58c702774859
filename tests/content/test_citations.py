"""Every citation resolves to a reference, every reference is cited, and numbers are consistent."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

CITATION = re.compile(r"\[\[(?P<number>\d+)\]\]\(references\.md#ref-(?P<ref>[a-z0-9-]+)\)")


def cited_ids(data: Any) -> Iterator[str]:
    """Every reference id named in a ``refs`` list anywhere in the data."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "refs":
                yield from value
            else:
                yield from cited_ids(value)
    elif isinstance(data, list):
        for item in data:
            yield from cited_ids(item)


def reference_ids(content: dict[str, Any]) -> list[str]:
    return [ref["id"] for ref in content["references"]["references"]]


def test_every_cited_id_names_a_reference(content: dict[str, Any]) -> None:
    known = set(reference_ids(content))
    cited = set(cited_ids(content))
    assert cited, "nothing is cited"
    assert cited <= known, f"unknown references: {sorted(cited - known)}"


def test_every_reference_is_cited_somewhere(content: dict[str, Any]) -> None:
    uncited = set(reference_ids(content)) - set(cited_ids(content))
    assert not uncited, f"listed but never cited: {sorted(uncited)}"


def test_every_reference_is_cited_on_a_rendered_page(
    content: dict[str, Any], rendered: dict[str, str]
) -> None:
    on_pages = {match["ref"] for text in rendered.values() for match in CITATION.finditer(text)}
    assert on_pages == set(reference_ids(content))


def test_a_number_means_the_same_source_on_every_page(
    content: dict[str, Any], rendered: dict[str, str]
) -> None:
    numbers = {ref_id: n for n, ref_id in enumerate(reference_ids(content), start=1)}
    for page_id, text in rendered.items():
        for match in CITATION.finditer(text):
            assert int(match["number"]) == numbers[match["ref"]], (page_id, match.group())


def test_the_references_page_lists_every_source_in_order_at_its_number(
    content: dict[str, Any], rendered: dict[str, str]
) -> None:
    blocks = re.findall(
        r'(?s)<ol class="references" start="(\d+)"[^>]*>(.*?)</ol>', rendered["references"]
    )
    listed: list[str] = []
    for start, items in blocks:
        assert int(start) == len(listed) + 1, "a group's list starts at the wrong number"
        listed += re.findall(r'<li id="ref-([a-z0-9-]+)"', items)
    assert listed == reference_ids(content)


def test_each_group_keeps_its_references_together(content: dict[str, Any]) -> None:
    """Numbers run in order on the page only if a group's references are not split up."""
    order = [ref["group"] for ref in content["references"]["references"]]
    runs = [group for i, group in enumerate(order) if i == 0 or order[i - 1] != group]
    assert len(runs) == len(set(runs)), f"a group is split: {runs}"
    assert runs == [group["id"] for group in content["references"]["groups"]]


@pytest.mark.parametrize(
    "field", ["authors", "year"], ids=["unconfirmed authors", "unconfirmed year"]
)
def test_unconfirmed_details_are_said_not_guessed(
    field: str, content: dict[str, Any], rendered: dict[str, str]
) -> None:
    """A null author or year is shown as unconfirmed, never silently dropped or invented."""
    unconfirmed = [ref for ref in content["references"]["references"] if ref[field] is None]
    assert unconfirmed, f"expected some references with an unconfirmed {field}"
    for ref in unconfirmed:
        entry = re.search(rf'<li id="ref-{ref["id"]}"[^>]*>(.*?)</li>', rendered["references"])
        assert entry is not None, ref["id"]
        if field == "year":
            assert "year not confirmed" in entry[1]
        else:
            assert entry[1].startswith(ref["title"].split()[0])
