"""Exports published next to the site, for reuse in other tools.

- `dossier.json`: the whole verified fact base, each citation with its character offsets in
  the source text (included), and `dossier.schema.json` describing it, generated from the model.
- `timeline.json`: the timeline in TimelineJS's JSON format.
- `quotes.csv`: one row per quotation, with speaker, role and passage.
- `entities.ftm.json`: people and organisations as FollowTheMoney entities (the format OCCRP
  Aleph and OpenSanctions use), each pointing at the source article and quoting its passages.
"""

from __future__ import annotations

import csv
import html
import io
from datetime import date
from typing import Any

import orjson
from pydantic import BaseModel, create_model

from briefing.dossier import Dossier, SourceDocument
from briefing.model import (
    Citation,
    DossierMeta,
    Event,
    Organisation,
    Person,
    Question,
    Quote,
    Relation,
    Role,
    Source,
    Statement,
)
from briefing.model.kinds import PROFILED

DOSSIER_JSON = "dossier.json"
DOSSIER_SCHEMA = "dossier.schema.json"
TIMELINE_JSON = "timeline.json"
QUOTES_CSV = "quotes.csv"
ENTITIES_FTM = "entities.ftm.json"


class UncitedExport(BaseModel):
    sentence: str
    reason: str | None


class CoverageExport(BaseModel):
    factual_sentences: int
    cited_sentences: int
    share: float
    uncited: list[UncitedExport]


class SourceExport(BaseModel):
    source: Source
    text: str
    coverage: CoverageExport


# The shape of dossier.json: a list of records for each kind with profiles (`kinds`), named
# after its folder, beside the meta file, the sources with their texts, events and quotes.
_EXPORTED: dict[str, Any] = {
    "as_of": (str, ...),
    "meta": (DossierMeta, ...),
    "sources": (list[SourceExport], ...),
    **{kind.folder: (list[kind.model], ...) for kind in PROFILED},  # type: ignore[name-defined]  # run-time type
    "events": (list[Event], ...),
    "quotes": (list[Quote], ...),
    "relations": (list[Relation], ...),
    "questions": (list[Question], ...),
}
DossierExport = create_model(
    "DossierExport",
    __doc__="The shape of dossier.json: the verified dossier with its sources' texts.",
    **_EXPORTED,
)


def exports(dossier: Dossier) -> dict[str, bytes]:
    """File name -> content of every export, published at the root of the site."""
    return {
        DOSSIER_JSON: _json(dossier_export(dossier).model_dump(mode="json")),
        DOSSIER_SCHEMA: _json(DossierExport.model_json_schema(mode="serialization")),
        TIMELINE_JSON: _json(timeline_js(dossier)),
        QUOTES_CSV: quotes_csv(dossier).encode("utf-8"),
        ENTITIES_FTM: _json(ftm_entities(dossier)),
    }


def _json(data: Any) -> bytes:
    """Indented UTF-8 JSON with sorted keys: readable, and stable to diff between builds.

    orjson writes the same bytes as `json.dumps(data, ensure_ascii=False, indent=2,
    sort_keys=True)`, many times faster.
    """
    return orjson.dumps(data, option=_JSON_LAYOUT)


_JSON_LAYOUT = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE


def dossier_export(dossier: Dossier) -> BaseModel:
    return DossierExport(
        as_of=str(dossier.meta.as_of.date),
        meta=dossier.meta,
        sources=[_source_export(doc) for doc in dossier.sources.values()],
        **{kind.folder: list(dossier.profiles[kind.noun].values()) for kind in PROFILED},
        events=dossier.events,
        quotes=dossier.quotes,
        relations=dossier.relations,
        questions=dossier.questions,
    )


def _source_export(document: SourceDocument) -> SourceExport:
    coverage = document.coverage
    return SourceExport(
        source=document.source,
        text=document.text,
        coverage=CoverageExport(
            factual_sentences=len(coverage.factual),
            cited_sentences=len(coverage.cited),
            share=round(coverage.share, 4),
            uncited=[
                UncitedExport(sentence=coverage.sentences[i].text, reason=coverage.explained.get(i))
                for i in coverage.uncited
            ],
        ),
    )


# --- TimelineJS -----------------------------------------------------------------------------


def timeline_js(dossier: Dossier) -> dict[str, Any]:
    """The timeline in TimelineJS's JSON format (its text fields are HTML, so text is escaped)."""
    events = []
    for event in dossier.events:
        when = event.when
        if when is None:
            continue  # TimelineJS places every event by its date: one without is left out
        first, last = when.earliest or when.latest, when.latest
        assert first is not None  # a date has at least one end
        start = {"year": str(first.year), "display_date": when.human()}
        if when.precision in ("day", "month", "interval"):
            start["month"] = str(first.month)
        if when.precision in ("day", "interval"):
            start["day"] = str(first.day)
        passages = "".join(
            f"<blockquote>{html.escape(dossier.passage(c))}</blockquote>"
            for c in event.summary.cite
        )
        inferred = event.date.inferred if event.date else None
        note = f"<p><em>{html.escape(inferred)}</em></p>" if inferred else ""
        ends = {"end_date": _timeline_js_day(last)} if when.interval and last else {}
        events.append(
            {
                "unique_id": event.id,
                "start_date": start,
                **ends,
                "group": event.status,
                "text": {
                    "headline": html.escape(event.title),
                    "text": f"<p>{html.escape(event.summary.text)}</p>{passages}{note}",
                },
            }
        )
    meta = dossier.meta
    return {
        "title": {
            "text": {"headline": html.escape(meta.title), "text": html.escape(meta.subtitle or "")}
        },
        "events": events,
    }


def _timeline_js_day(day: date) -> dict[str, str]:
    return {"year": str(day.year), "month": str(day.month), "day": str(day.day)}


# --- quotes.csv -----------------------------------------------------------------------------

QUOTE_COLUMNS = [
    "id", "text", "speaker_id", "speaker", "role", "delivery", "event_id",
    "source_id", "passage", "start", "end", "attribution_inference",
]  # fmt: skip


def quotes_csv(dossier: Dossier) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=QUOTE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for quote in dossier.quotes:
        first = quote.cite[0]
        writer.writerow(
            {
                "id": quote.id,
                "text": quote.words,
                "speaker_id": quote.speaker_id or "",
                "speaker": dossier.speaker_name(quote),
                "role": quote.role or "",
                "delivery": quote.delivery,
                "event_id": quote.event or "",
                "source_id": first.source_id,
                "passage": " … ".join(dossier.passage(c) for c in quote.cite),
                "start": first.start,
                "end": first.end,
                "attribution_inference": quote.inference or "",
            }
        )
    return out.getvalue()


# --- FollowTheMoney -------------------------------------------------------------------------


def ftm_entities(dossier: Dossier) -> list[dict[str, Any]]:
    """Sources as Article entities; people and organisations pointing at them as proof."""
    entities = []
    for source_id, document in dossier.sources.items():
        source = document.source
        published = source.date.date.iso  # FtM takes an ISO date, none for "the 2010s"
        properties = {
            "title": [source.title],
            **({"publishedAt": [published]} if published else {}),
            "bodyText": [document.text],
        }
        if source.publisher:
            properties["publisher"] = [source.publisher.name]
        if source.address:
            properties["sourceUrl"] = [source.address]
        if source.authors:
            properties["author"] = [author.name for author in source.authors]
        if source.language:
            properties["language"] = [source.language]
        entities.append(
            {"id": f"source-{source_id}", "schema": "Article", "properties": properties}
        )
    for person in dossier.people.values():
        entities.append(_ftm_record(dossier, person, "Person", person.aliases, person.roles))
    for organisation in dossier.organisations.values():
        aliases = [*organisation.aliases, *filter(None, [organisation.short_name])]
        entities.append(_ftm_record(dossier, organisation, "Organization", aliases, []))
    return entities


def _ftm_record(
    dossier: Dossier,
    record: Person | Organisation,
    schema: str,
    aliases: list[str],
    roles: list[Role],
) -> dict[str, Any]:
    statements: list[Statement] = [record.summary, *record.statements]
    notes = [_ftm_note(dossier, s.text, s.cite, s.inference) for s in statements]
    notes += [_ftm_note(dossier, f"Role: {r.title}", r.cite, r.inference) for r in roles]
    proof = sorted({f"source-{c.source_id}" for s in statements for c in s.cite})
    properties: dict[str, list[str]] = {
        "name": [record.name],
        "description": [record.summary.text],
        "notes": notes,
        "proof": proof,
    }
    if aliases:
        properties["alias"] = list(aliases)
    if roles:
        properties["position"] = [r.title for r in roles]
    return {"id": record.id, "schema": schema, "properties": properties}


def _ftm_note(dossier: Dossier, text: str, cites: list[Citation], inference: str | None) -> str:
    passages = "; ".join(
        f"“{dossier.passage(c)}” ({dossier.source_of(c).title}, characters {c.start}–{c.end})"
        for c in cites
    )
    marker = f" [editorial inference: {inference}]" if inference else ""
    return f"{text}{marker} — source: {passages}"
