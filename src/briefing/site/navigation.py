"""The site's navigation: home, the generated sections in reading order, then the
hand-written pages; long sections in nested groups."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any, TypeVar

from markupsafe import escape

from briefing.model import kinds
from briefing.site.pages import SitePage
from briefing.site.urls import ABOUT, METHOD

T = TypeVar("T")


def navigation(pages: list[SitePage], docs_dir: Path) -> list[Any]:
    """Home, the generated sections in reading order, then the hand-written pages.

    MkDocs would sort an automatic navigation alphabetically; a briefing reads better with the
    main figures first and the About page last. A long section is split into groups of
    SECTION_CHUNK pages: Material writes the visible navigation into every page, so one flat
    list of thousands of people would make the build time grow with the square of their count.
    """
    section_titles = kinds.section_titles()
    nav: list[Any] = [{"Home": "index.md"}]
    sections: dict[str, list[SitePage]] = {}
    for page in pages[1:]:
        folder = page.src_uri.split("/")[0] if "/" in page.src_uri else ""
        if folder in section_titles:
            if folder not in sections:
                sections[folder] = []
                nav.append({section_titles[folder]: sections[folder]})
            sections[folder].append(page)
        else:
            nav.append(page.src_uri)
    for entry in nav[1:]:
        if isinstance(entry, dict):
            title, members = next(iter(entry.items()))
            entry[title] = _chunked(members)
    generated = {page.src_uri for page in pages}
    written = sorted(
        (p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")),
        key=lambda uri: (uri.startswith("about"), uri.count("/"), uri),
    )
    nav.extend(uri for uri in written if uri not in generated)
    for last in (METHOD, ABOUT):  # Method, then About, come last, whoever wrote them
        if last in nav:
            nav.remove(last)
            nav.append(last)
    return nav


FLAT_LIMIT = 60  # a section of up to this many pages is listed as it is
SECTION_CHUNK = 20  # pages in a group
GROUPS_PER_LEVEL = 10  # groups side by side before they are grouped again


def _chunked(members: list[SitePage]) -> list[Any]:
    """A long section as groups of SECTION_CHUNK pages, and groups of GROUPS_PER_LEVEL groups.

    Material looks through every child of each group it shows to find the group's index page,
    so one level of many groups made the build grow with the square of the pages; nested, a
    page walks a few hundred.
    """
    index = [p.src_uri for p in members if p.src_uri.endswith("/index.md")]
    rest = [p for p in members if not p.src_uri.endswith("/index.md")]
    if len(rest) <= FLAT_LIMIT:
        return index + [p.src_uri for p in rest]
    # A group is (title of its first page, title of its last page, its navigation entries).
    chunks = _slices(rest, SECTION_CHUNK)
    groups: list[tuple[str, str, list[Any]]] = [
        (c[0].title, c[-1].title, [p.src_uri for p in c]) for c in chunks
    ]
    while len(groups) > GROUPS_PER_LEVEL:
        outer = _slices(groups, GROUPS_PER_LEVEL)
        groups = [(g[0][0], g[-1][1], [_entry(x) for x in g]) for g in outer]
    return index + [_entry(g) for g in groups]


def _slices(items: list[T], size: int) -> list[list[T]]:
    """Items in as few runs of at most `size` as will do, evened out: 61 people make groups
    of 15, 15, 15 and 16, not three of 20 and one of a single name."""
    count = -(-len(items) // size)
    bounds = [len(items) * n // count for n in range(count + 1)]
    return [items[start:end] for start, end in pairwise(bounds)]


def _entry(group: tuple[str, str, list[Any]]) -> dict[str, list[Any]]:
    first, last, items = group
    return {str(escape(f"{first} – {last}")): items}  # nav titles reach the HTML unescaped
