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
