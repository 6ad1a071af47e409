"""How a page presents itself when its link is shared or listed: its own description, its
share card, and the Open Graph and Twitter tags that carry them (plain text in, escaped out)."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from briefing.cards import Card
from briefing.dossier import Dossier, SourceDocument
from briefing.model import Person
from briefing.site.urls import METHOD

CARD_FOLDER = "assets/briefing/share"
HOME_CARD = f"{CARD_FOLDER}/index.png"
DESCRIPTION_LIMIT = 300  # characters: longer ones are cut short by every preview anyway


def card_path(src_uri: str) -> str:
    """Where the card of the page at `src_uri` ("people/tokayev.md") goes in the site."""
    return f"{CARD_FOLDER}/{src_uri.removesuffix('.md')}.png"


def home_card(dossier: Dossier) -> Card:
    meta = dossier.meta
    return Card(HOME_CARD, meta.title, f"As of {dossier.as_of()}", meta.marking,
                lede=meta.subtitle or "")  # fmt: skip


def profile_card(dossier: Dossier, src_uri: str, record: Any, kind: str) -> Card:
    role = record.roles[0].title if isinstance(record, Person) and record.roles else ""
    meta = dossier.meta
    return Card(card_path(src_uri), meta.title, f"As of {dossier.as_of()}", meta.marking,
                name=record.name, kind=kind, role=role)  # fmt: skip


def shortened(text: str) -> str:
    """One line of at most DESCRIPTION_LIMIT characters, cut at a word."""
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_LIMIT:
        return text
    return text[: DESCRIPTION_LIMIT - 1].rsplit(" ", 1)[0] + "…"


def home_description(dossier: Dossier) -> str:
    """The story's first at-a-glance line (else the subtitle, else the title)."""
    meta = dossier.meta
    return meta.at_a_glance[0].text if meta.at_a_glance else meta.subtitle or meta.title


def index_description(section: str, records: list[Any]) -> str:
    names = [record.name for record in records[:5]]
    more = f" and {len(records) - len(names)} more" if len(records) > len(names) else ""
    return f"{section} in this briefing: {', '.join(names)}{more}."


def timeline_description(dossier: Dossier) -> str:
    """How many events, over what span, and the first few, each with its date."""
    events = dossier.events
    dated = [when for e in events if (when := e.when) is not None]
    if not dated:
        return "The timeline of this briefing."
    span = f"from {dated[0].human()} to {dated[-1].human()}"
    first = "; ".join(
        f"{e.title} ({e.when.human() if e.when else 'date not given'})" for e in events[:3]
    )
    more = "; …" if len(events) > 3 else "."
    return f"{len(events)} events, {span}: {first}{more}"


def quotes_description(dossier: Dossier) -> str:
    return (
        f"{len(dossier.quotes)} quotations, each verbatim with its speaker, the role the "
        "source gives and the passage it stands in."
    )


def sources_description(dossier: Dossier) -> str:
    titles = "; ".join(doc.source.title for doc in dossier.sources.values())
    citations = len(dossier.citations)
    return f"The sources this briefing rests on, with {citations} verified citations: {titles}."


def source_description(document: SourceDocument) -> str:
    source = document.source
    return (
        f"{source.title}, {source.date.date.human()}: the text, with each passage this "
        f"briefing cites highlighted; {document.coverage.summary()}."
    )


def sentences_description(document: SourceDocument) -> str:
    return f"{document.source.title}, sentence by sentence, with the statements citing each."


def standard_description(dossier: Dossier, src_uri: str) -> str:
    """The Method and About pages: how every briefing is made; what this one covers."""
    if src_uri == METHOD:
        return (
            "How this briefing is made: every statement cites the passage of its source it "
            "rests on, and the build proves the passage is there."
        )
    meta = dossier.meta
    return meta.about[0] if meta.about else meta.subtitle or meta.title


DATA_DESCRIPTION = (
    "The fact base behind this briefing, as JSON with its JSON Schema, TimelineJS, CSV and "
    "FollowTheMoney files."
)


def share_tags(
    *,
    site_name: str,
    title: str,
    description: str,
    og_type: str,
    url: str | None,
    image: str | None,
    image_alt: str,
) -> str:
    """Open Graph and Twitter tags for a page's <head>; `url` and `image` are absolute URLs
    (left out when the site has no `site_url`). Every value is escaped."""
    tags = [
        ("og:site_name", site_name),
        ("og:type", og_type),
        ("og:title", title),
        ("og:description", description),
    ]
    if url:
        tags.append(("og:url", url))
    if image:
        tags += [
            ("og:image", image),
            ("og:image:type", "image/png"),
            ("og:image:width", "1200"),
            ("og:image:height", "630"),
            ("og:image:alt", image_alt),
        ]
    lines = [f'<meta property="{name}" content="{escape(value)}">' for name, value in tags]
    card = "summary_large_image" if image else "summary"
    lines.append(f'<meta name="twitter:card" content="{card}">')
    return "\n".join(lines) + "\n"


def card_alt(card: Card) -> str:
    """The card's words, for readers who cannot see it."""
    shown = ", ".join(part for part in (card.name, card.role) if part) or card.lede
    return " — ".join(part for part in (card.title, shown, card.marking) if part)
