"""404.html, the page a server shows for any missing address, at any depth: its links are
written relative to the site's root, and a script in its <head> works out where that root is
from the address (see theme/404.html), whatever `site_url` the site was built with."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

THEME = Path(__file__).parent / "theme"  # holds 404.html, extending the theme's main.html


def add_not_found_page(config: MkDocsConfig) -> None:
    """Put our 404.html before the theme's own, after the project's `custom_dir` if any."""
    if str(THEME) not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))


def root_names(files: Files) -> list[str]:
    """The names at the site's root: in a missing address, what stands before one of them
    is the root (`/kazakhstan/people/nobody/` → `/kazakhstan/`)."""
    return sorted({file.dest_uri.split("/")[0] for file in files} | {"404.html"})


def not_found_context(context: Any, config: MkDocsConfig, names: list[str]) -> Any:
    """MkDocs links 404.html from `site_url`'s path; here every link is relative to the root."""
    context["base_url"] = "."  # Material's links (extra_css and extra_javascript too) follow it
    context["briefing_root"] = {"built_for": urlsplit(config.site_url or "/").path, "names": names}
    return context
