"""Render the site: the verified dossier as pages of Markdown and HTML, their navigation, and
what search reads of them."""

from briefing.site.navigation import navigation
from briefing.site.pages import SitePage, SiteRenderer
from briefing.site.search import search_view
from briefing.site.templatecache import use_template_cache
from briefing.site.urls import PDF_NAME

__all__ = [
    "PDF_NAME", "SitePage", "SiteRenderer", "navigation", "search_view", "use_template_cache",
]  # fmt: skip
