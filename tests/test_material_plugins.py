"""The plugin beside Material's own plugins, each listed before it and after it in mkdocs.yml:
each does its part and the site is whole (the plugin checks, then publishes, after them)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sitecheck import broken_links, build_site, page
from support import FIXTURE, edit

ORDERS = {
    "before": "plugins:\n  - {plugin}\n  - search\n  - briefing\n",
    "after": "plugins:\n  - search\n  - briefing\n  - {plugin}\n",
}


def build_with(tmp_path: Path, plugin: str, order: str) -> Path:
    """The fixture site built with `plugin` (its YAML) before or after ours; its folder."""
    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project, dirs_exist_ok=True)
    entry = ORDERS[order].format(plugin=plugin)
    if plugin == "search":  # the one plugin always there: moved after ours, or left before
        entry = ORDERS["after"].format(plugin="search").replace("  - search\n", "", 1)
        entry = entry if order == "after" else ORDERS["before"].replace("  - {plugin}\n", "")
    edit(project / "mkdocs.yml", "plugins:\n  - search\n  - briefing\n", entry)
    result = build_site(project, project / "build")
    assert result.returncode == 0, result.stderr
    assert not (project / "build.staging").exists()
    return project / "build"


def _og_images(site: Path, path: str) -> list[str]:
    return [tag["content"] for tag in page(site, path).find_all("meta", property="og:image")]


@pytest.mark.parametrize("order", ORDERS)
def test_search_indexes_the_dossiers_pages_and_writes_the_index_as_a_script(tmp_path, order):
    site = build_with(tmp_path, "search", order)
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Elena Brisk" in {doc["title"] for doc in json.loads(index)["docs"]}
    assert (site / "search" / "search_index.js").read_text(encoding="utf-8") == (
        f"var __index = {index}"
    )
    assert broken_links(site) == []


@pytest.mark.parametrize("order", ORDERS)
def test_offline_makes_the_site_of_html_files_with_its_index_as_a_script(tmp_path, order):
    site = build_with(tmp_path, "offline", order)
    profile = page(site, "people/elena-brisk.html")
    assert profile.find("h1").text == "Elena Brisk"
    assert (
        (site / "search" / "search_index.js")
        .read_text(encoding="utf-8")
        .startswith("var __index = ")
    )
    assert broken_links(site) == []  # which lists any script loaded from another host
    shims = [s["src"] for s in profile.find_all("script", src=True) if "iframe-worker" in s["src"]]
    assert shims == ["../assets/briefing/iframe-worker.js"]


@pytest.mark.parametrize("order", ORDERS)
def test_privacy_finds_nothing_to_fetch_and_the_site_stays_whole(tmp_path, order):
    # Material's script names a diagram library it would load from another host, for pages
    # with diagrams (none here): left out, or the build would try to download it.
    site = build_with(tmp_path, 'privacy:\n      assets_exclude: ["unpkg.com/*"]', order)
    assert not (site / "assets" / "external").exists()
    assert page(site, "people/elena-brisk/").find("h1").text == "Elena Brisk"
    assert broken_links(site) == []


@pytest.mark.parametrize("order", ORDERS)
def test_tags_on_a_hand_written_page_beside_the_generated_ones(tmp_path, order):
    notes = FIXTURE / "docs" / "notes.md"
    original = notes.read_text(encoding="utf-8")
    try:
        notes.write_text("---\ntags: [harbour]\n---\n\n" + original, encoding="utf-8")
        site = build_with(tmp_path, "tags", order)
    finally:
        notes.write_text(original, encoding="utf-8")
    assert [t.text.strip() for t in page(site, "notes/").select(".md-tag")] == ["harbour"]
    assert page(site, "people/elena-brisk/").find("h1").text == "Elena Brisk"
    assert broken_links(site) == []


def _a_font() -> Path | None:
    """A font file on this machine, for the social plugin (which would fetch its own)."""
    if not shutil.which("fc-match"):
        return None
    found = subprocess.run(
        ["fc-match", "--format=%{file}", "DejaVu Sans"], capture_output=True, text=True
    ).stdout
    return Path(found) if found and Path(found).is_file() else None


@pytest.mark.parametrize("order", ORDERS)
def test_social_makes_the_cards_and_tags_and_ours_step_aside(tmp_path, order):
    pytest.importorskip("cairosvg")
    font = _a_font()
    if font is None:
        if os.environ.get("CI"):
            pytest.fail("no font for the social plugin (fontconfig's fonts are missing)")
        pytest.skip("no font for the social plugin")
    # Its font, where the plugin keeps the fonts it downloaded: nothing is fetched.
    fonts = tmp_path / "mini" / ".cache" / "plugin" / "social" / "fonts" / "Test Sans"
    fonts.mkdir(parents=True)
    shutil.copy(font, fonts / "Regular.ttf")
    plugin = "social:\n      cards_layout_options:\n        font_family: Test Sans"
    site = build_with(tmp_path, plugin, order)
    social = "https://example.org/sub/path/assets/images/social/people/elena-brisk.png"
    assert _og_images(site, "people/elena-brisk/") == [social]
    assert (site / "assets/images/social/people/elena-brisk.png").is_file()
    assert not (site / "assets" / "briefing" / "share").exists()
    description = page(site, "people/elena-brisk/").find("meta", property="og:description")
    assert description["content"] == "Mayor of Port Vell since 2015."  # the page's own words
    assert broken_links(site) == []
