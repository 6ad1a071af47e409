"""Schema.org JSON-LD for the pages: what each page presents, and the sources it rests on."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from briefing.dossier import Dossier
from briefing.model import Citation, Event, Person

JsonObject = dict[str, Any]

_EVENT_STATUS = {
    "happened": "https://schema.org/EventScheduled",
    "ongoing": "https://schema.org/EventScheduled",
    "expected": "https://schema.org/EventScheduled",
    "planned": "https://schema.org/EventScheduled",
    "superseded": "https://schema.org/EventRescheduled",
}


def script(data: JsonObject) -> Markup:
    """A JSON-LD script element; the JSON is escaped so text cannot end the script."""
    text = json.dumps(data, ensure_ascii=False, indent=None, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def based_on(dossier: Dossier, citations: Iterable[Citation]) -> list[JsonObject]:
    """The sources these citations quote, in the order first cited: what a page, an event or
    a quotation rests on."""
    cited = dict.fromkeys(c.source_id for c in citations)
    sources = [dossier.sources[source_id].source for source_id in cited if source_id]
    return [
        {"@type": "NewsArticle", "name": s.title, **({"url": s.address} if s.address else {})}
        for s in sources
    ]


def profile_page(dossier: Dossier, person: Person, cited: list[Citation]) -> JsonObject:
    """A person's profile page; `cited` is what the page cites before its JSON-LD."""
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "isBasedOn": based_on(dossier, cited),
        "mainEntity": {
            "@type": "Person",
            "name": person.name,
            "alternateName": person.aliases,
            "description": person.summary.text,
            "jobTitle": [r.title for r in person.roles],
            "homeLocation": [
                {"@type": "Place", "name": dossier.name_of(b.place)} for b in person.based_in
            ],
        },
    }


def timeline_page(dossier: Dossier, cited: list[Citation]) -> JsonObject:
    return {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": "Timeline",
        "isBasedOn": based_on(dossier, cited),
        "hasPart": events(dossier),
    }


def events(dossier: Dossier) -> list[JsonObject]:
    return [
        {
            "@type": "Event",
            "@id": f"#event-{e.id}",
            "name": e.title,
            **_event_dates(e),
            "description": e.summary.text,
            "eventStatus": _EVENT_STATUS[e.status],
            "location": [{"@type": "Place", "name": dossier.name_of(p)} for p in e.places],
            "isBasedOn": based_on(dossier, (u.citation for u in dossier.citations_of(e.id))),
        }
        for e in dossier.events
    ]


def _event_dates(event: Event) -> JsonObject:
    """schema.org's startDate and endDate, as far as the source gives them."""
    when = event.when
    if when is None:
        return {}
    if when.iso is not None:
        return {"startDate": when.iso}
    ends = {"startDate": when.earliest, "endDate": when.latest}
    return {key: day.isoformat() for key, day in ends.items() if day is not None}


def quotations(dossier: Dossier) -> JsonObject:
    return {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Quotation",
                "@id": f"#quote-{q.id}",
                "text": q.words,
                "creator": {
                    "@type": "Organization"
                    if dossier.kind_of(q.speaker_id or "") == "organisation"
                    else "Person",
                    "name": dossier.speaker_name(q),
                },
                "isBasedOn": based_on(dossier, q.cite),
            }
            for q in dossier.quotes
        ],
    }
