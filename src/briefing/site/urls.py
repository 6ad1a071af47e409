"""Where each page and record lives on the site, and the URLs MkDocs gives them."""

from __future__ import annotations

from briefing.dossier import Dossier
from briefing.model.kinds import BY_NOUN

PDF_NAME = "briefing.pdf"
JSON_NAME = "dossier.json"
ABOUT = "about.md"  # written from dossier.yml, unless the project writes its own
METHOD = "method.md"  # how the briefing is made and checked, the same for every briefing
TIMELINE = "timeline.md"  # events have no pages of their own: each is an entry of the timeline


def page_of(dossier: Dossier, record_id: str) -> str:
    """Source path of the page that presents a record (event ids live on the timeline)."""
    noun = dossier.kind_of(record_id)
    if noun == "event":
        return TIMELINE
    if noun is None:
        raise KeyError(f"no record '{record_id}' in the dossier")
    return f"{BY_NOUN[noun].pages}/{record_id}.md"


def url_of(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives a Markdown source path, relative to the site root."""
    stem = src_uri.removesuffix(".md")
    if not use_directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"
