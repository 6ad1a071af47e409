"""Helpers to build a fixture site with MkDocs and read it as a reader's browser would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup


def build_site(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run `mkdocs build` for a project folder into site_dir."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site_dir),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
    )


def page(site: Path, url_path: str) -> BeautifulSoup:
    target = site / url_path
    if url_path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")


def content(soup: BeautifulSoup):
    """The article body of a Material page, without header, navigation and footer."""
    return soup.select_one("article.md-content__inner")


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor in the site that does not resolve, as 'page -> href'."""
    ids: dict[Path, set[str]] = {}

    def ids_of(file: Path) -> set[str]:
        if file not in ids:
            soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
            ids[file] = {t["id"] for t in soup.find_all(id=True)} | {
                t["name"] for t in soup.find_all("a", attrs={"name": True})
            }
        return ids[file]

    problems = []
    for html in sorted(site.rglob("*.html")):
        if html.name == "404.html":
            continue  # its links are absolute to the site root; checked separately
        base = "/" + html.relative_to(site).as_posix()
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag, attrs={attr: True}):
                if "canonical" in element.get("rel", []):
                    continue  # names the page's public address; nothing is loaded from it
                href = element[attr]
                parsed = urlparse(href)
                if parsed.scheme or href.startswith("//"):
                    if tag != "a":
                        problems.append(f"{base} loads from another host: {href}")
                    continue
                resolved = urlparse(urljoin(base, href))
                target = site / unquote(resolved.path).lstrip("/")
                if target.is_dir():
                    target = target / "index.html"
                if not target.is_file():
                    problems.append(f"{base} -> {href}")
                    continue
                anchor = unquote(resolved.fragment)
                if anchor and target.suffix == ".html" and anchor not in ids_of(target):
                    problems.append(f"{base} -> {href} (no such anchor)")
    return problems
