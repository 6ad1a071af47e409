"""The plugin's options, as written under the plugin in mkdocs.yml:

plugins:
  - search
  - briefing:
      dossier: dossier
      paper: a4
      pdf: true
      pdf_in_full_up_to: 100
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig

from briefing.pdf import RECORDS_IN_FULL


class BriefingConfig(Config):
    dossier = c.Dir(exists=True, default="dossier")
    """The dossier folder, relative to mkdocs.yml (it must exist)."""

    paper = c.Choice(("a4", "us-letter"), default="a4")
    """The PDF briefing's paper: A4 or US Letter."""

    pdf = c.Type(bool, default=True)
    """Whether the build makes the PDF briefing (`false` leaves it out: Typst needs about
    1.2 MB of memory a page while it compiles)."""

    pdf_in_full_up_to = c.Type(int, default=RECORDS_IN_FULL)
    """Up to this many records (people, groups, organisations and places) the PDF prints each
    in full; past it, the main records in full and every other one in a register, an entry
    each with the address of its page on the site (from `site_url`)."""


def theme_language_problem(config: MkDocsConfig, dossier_language: str) -> str | None:
    """What to say when Material marks the pages (`theme.language`) in another language than
    the dossier's, if Material has a translation to set; else None."""
    theme_language = str(config.theme.get("language") or "en")
    if config.theme.name != "material" or _primary(dossier_language) == _primary(theme_language):
        return None
    folder = "partials/languages/"
    by_tag = {
        name.lower(): name
        for name in (
            template.removeprefix(folder).removesuffix(".html")
            for template in config.theme.get_env().list_templates()
            if template.startswith(folder)
        )
    }
    suggested = by_tag.get(dossier_language.lower()) or by_tag.get(_primary(dossier_language))
    if suggested is None:  # Material has no such translation: there is nothing to set
        return None
    return (
        f"the dossier's language is '{dossier_language}', but the site's pages are marked "
        f"'{theme_language}' (theme.language in mkdocs.yml, English unless set); set "
        f"`language: {suggested}` under `theme:` in mkdocs.yml, so that browsers, screen "
        "readers and translation tools read the pages in their language"
    )


def _primary(tag: str) -> str:
    return tag.split("-")[0].lower()
