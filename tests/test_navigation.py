"""The site's navigation: long sections folded into nested groups that keep every page."""

from __future__ import annotations

from pathlib import Path

from briefing.site import SitePage
from briefing.site.navigation import GROUPS_PER_LEVEL, SECTION_CHUNK, navigation

HOME = SitePage("index.md", "Home", "")


def people(count: int) -> list[SitePage]:
    return [SitePage(f"people/p{n:05d}.md", f"Person {n:05d}", "") for n in range(count)]


def section(nav: list, title: str) -> list:
    return next(entry[title] for entry in nav if isinstance(entry, dict) and title in entry)


def leaves(entries: list) -> list[str]:
    found = []
    for entry in entries:
        if isinstance(entry, dict):
            found.extend(leaves(next(iter(entry.values()))))
        else:
            found.append(entry)
    return found


def widest_level(entries: list) -> int:
    groups = [next(iter(e.values())) for e in entries if isinstance(e, dict)]
    return max([len(entries), *(widest_level(g) for g in groups)])


def test_a_short_section_lists_its_pages(tmp_path: Path):
    nav = navigation([HOME, *people(12)], tmp_path)
    assert section(nav, "People") == [f"people/p{n:05d}.md" for n in range(12)]


def test_thousands_of_people_fold_into_nested_groups_that_keep_every_page(tmp_path: Path):
    folded = section(navigation([HOME, *people(3000)], tmp_path), "People")
    assert leaves(folded) == [f"people/p{n:05d}.md" for n in range(3000)]
    assert widest_level(folded) == SECTION_CHUNK  # only a group of pages is that wide
    assert len(folded) <= GROUPS_PER_LEVEL
    # 150 groups of twenty, in 15 groups of ten, in two of seven and eight: each level at
    # most ten wide, and evened out
    assert [next(iter(group)) for group in folded] == [
        "Person 00000 – Person 01399",
        "Person 01400 – Person 02999",
    ]
    inner = next(iter(folded[0].values()))
    assert next(iter(inner[0])) == "Person 00000 – Person 00199"
    innermost = next(iter(inner[0].values()))
    assert next(iter(innermost[0])) == "Person 00000 – Person 00019"


def test_a_section_of_sixty_pages_is_listed_as_it_is(tmp_path: Path):
    assert section(navigation([HOME, *people(60)], tmp_path), "People") == [
        f"people/p{n:05d}.md" for n in range(60)
    ]
    folded = section(navigation([HOME, *people(61)], tmp_path), "People")
    assert [len(leaves([group])) for group in folded] == [15, 15, 15, 16]  # no group of one


def test_group_titles_are_escaped_for_thenavigation(tmp_path: Path):
    pages = [SitePage(f"people/p{n:03d}.md", f"<b>{n:03d}</b>", "") for n in range(100)]
    folded = section(navigation([HOME, *pages], tmp_path), "People")
    assert next(iter(folded[0])) == "&lt;b&gt;000&lt;/b&gt; – &lt;b&gt;019&lt;/b&gt;"
