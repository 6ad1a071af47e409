"""The plugin's options, as written under the plugin in mkdocs.yml:

plugins:
  - search
  - briefing:
      dossier: dossier
      paper: a4
      pdf: true
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class BriefingConfig(Config):
    dossier = c.Dir(exists=True, default="dossier")
    """The dossier folder, relative to mkdocs.yml (it must exist)."""

    paper = c.Choice(("a4", "us-letter"), default="a4")
    """The PDF briefing's paper: A4 or US Letter."""

    pdf = c.Type(bool, default=True)
    """Whether the build makes the PDF briefing (`false` leaves it out: Typst needs about
    1.4 MB of memory a page while it compiles)."""
