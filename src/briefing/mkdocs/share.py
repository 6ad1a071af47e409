"""Link previews: each page's Open Graph and Twitter tags, with its share card (or the home
page's), unless Material's `social` plugin, which makes cards and tags of its own, is on."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from briefing.cards import CardsFailed, CardsJob
from briefing.site import SitePage
from briefing.site.sharing import card_alt, share_tags


def social_cards_on(config: MkDocsConfig) -> bool:
    social = config.plugins.get("material/social")
    return social is not None and bool(social.config.get("enabled", True))


def start_cards(pages: list[SitePage], language: str) -> CardsJob | None:
    """Typst drawing the pages' own cards (the home page's, each main profile's), if any."""
    cards = [page.card for page in pages if page.card is not None]
    return CardsJob(cards, language) if cards else None


def write_cards(job: CardsJob, site_dir: Path) -> None:
    """Each card where its pages' tags say it is; a card Typst could not draw fails the build."""
    try:
        pictures = job.result()
    except CardsFailed as error:
        raise PluginError(f"the share cards could not be drawn:\n{error}") from None
    for path, png in pictures.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png)


def with_share_tags(
    html: str, page: Page, generated: SitePage | None, home: SitePage | None, config: MkDocsConfig
) -> str:
    """The page's HTML with its share tags at the end of its <head>."""
    card = (generated.card if generated else None) or (home.card if home else None)
    site_url = config.site_url or ""
    if generated is not None:
        title, description, og_type = generated.title, generated.description, generated.og_type
    else:  # a hand-written page: its title, and its description, the site's or the home's
        title, og_type = page.title or config.site_name, "article"
        description = str(
            page.meta.get("description")
            or config.site_description
            or (home.description if home else "")
        )
    tags = share_tags(
        site_name=config.site_name,
        title=title,
        description=description,
        og_type=og_type,
        url=page.canonical_url,
        image=urljoin(site_url, card.path) if site_url and card else None,
        image_alt=card_alt(card) if card else "",
    )
    return html.replace("</head>", tags + "</head>", 1)
