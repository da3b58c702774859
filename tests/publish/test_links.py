"""No broken links: every internal link, anchor and asset reference in the built site resolves.

External links are not fetched (there is no network here); they are listed in a report written to
the test's tmp dir and printed (see it with ``pytest -rP tests/publish/test_links.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.publish.crawl import BuiltSite, Reference


@pytest.fixture(scope="module")
def site(built_site: Path) -> BuiltSite:
    return BuiltSite(built_site)


@pytest.fixture(scope="module")
def references(site: BuiltSite) -> list[Reference]:
    return site.references()


def _shown(problems: list[str]) -> str:
    return "\n".join(problems[:50]) + (
        f"\n... and {len(problems) - 50} more" if len(problems) > 50 else ""
    )


def test_the_crawler_sees_the_whole_site(site: BuiltSite, references: list[Reference]) -> None:
    # Guards the checks below against passing vacuously.
    assert {"index.html", "404.html", "plan/index.html"} <= set(site.pages)
    assert len(site.pages) >= 5
    sources = {reference.source for reference in references}
    assert set(site.pages) <= sources
    assert "sitemap.xml" in sources
    assert any(r.source.endswith("engine-worker.mjs") for r in references)
    assert any("#" in r.url for r in references), "no anchors found to check"


def test_every_internal_reference_resolves_to_a_file(
    site: BuiltSite, references: list[Reference]
) -> None:
    broken = [
        f"{r.source}: {r.url} → {r.resolved}"
        for r in references
        if site.is_internal(r.resolved) and not site.resolves(r)
    ]
    assert not broken, "broken internal references:\n" + _shown(broken)


def test_every_anchor_exists_on_its_page(site: BuiltSite, references: list[Reference]) -> None:
    missing = []
    for r in references:
        fragment = r.resolved.partition("#")[2]
        target = site.file_for(r.resolved) if site.is_internal(r.resolved) else None
        if (
            fragment
            and target
            and target.endswith(".html")
            and fragment not in site.anchors(target)
        ):
            missing.append(f"{r.source}: {r.url} (no id {fragment!r} in {target})")
    assert not missing, "links to anchors that do not exist:\n" + _shown(missing)


def test_external_links_are_listed_in_a_report(
    site: BuiltSite, references: list[Reference], tmp_path: Path
) -> None:
    pages_linking: dict[str, set[str]] = {}
    for r in references:
        if not site.is_internal(r.resolved):
            pages_linking.setdefault(r.resolved, set()).add(r.source)
    lines = [f"{url}\t{', '.join(sorted(pages))}" for url, pages in sorted(pages_linking.items())]
    report = tmp_path / "external-links.txt"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} external link(s), not fetched; report: {report}")
    print("\n".join(lines))
    # Pages may link out (cited sources), but nothing may be *loaded* from another host.
    loaded = [
        f"{r.source}: <{r.element}> {r.url}"
        for r in references
        if not site.is_internal(r.resolved) and not r.followed_by_reader
    ]
    assert not loaded, "assets loaded from another host:\n" + _shown(loaded)
