"""Render the verified dossier as a print briefing with Typst.

Python shapes the dossier into plain JSON (names resolved, dates in words, passages cut from the
source); the Typst template in `templates/pdf/` lays it out, in a process of its own
(`typeset.py`) so the site can be built meanwhile. The data reaches Typst as a string
input and is only ever placed as Typst strings, so text from YAML cannot become Typst markup.
Only the fonts inside the `typst` wheel are used, and the timestamp comes from
SOURCE_DATE_EPOCH or the dossier's as-of date, so identical input gives identical bytes.
"""

from __future__ import annotations

import calendar
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Literal, NamedTuple

import orjson

from briefing.collector import collector_paused
from briefing.dossier import Dossier
from briefing.model import Citation, DateSpec, Event, Person, Quote, Statement
from briefing.pictures import (
    CHART_ROW_LIMIT,
    MAP_LIMIT,
    PRINT,
    records_on_map,
    relation_sentence,
    relationship_map,
    timeline_chart,
)
from briefing.source_view import paragraphs

Paper = Literal["a4", "us-letter"]
TEMPLATE_FOLDER = "templates/pdf"
TEMPLATE = "briefing.typ"


# Typst lays out each footnote by re-flowing its page, about 10 ms a note; past this many
# citations the briefing prints its notes at the end of each profile and section instead.
FOOTNOTE_LIMIT = 1500
# Past this many second-level headings (profiles, quote speakers) the printed contents lists
# the sections only: a contents of dozens of pages helps no reader, costs Typst a second or two
# per thousand entries, and the PDF's bookmarks still list every heading.
CONTENTS_LIMIT = 150


def build_pdf(dossier: Dossier, **options: Any) -> bytes:
    """Compile the briefing PDF and return its bytes (options as for `start_pdf`)."""
    return start_pdf(dossier, **options).result()


def start_pdf(
    dossier: Dossier,
    *,
    paper: Paper = "a4",
    timestamp: int | None = None,
    footnote_limit: int = FOOTNOTE_LIMIT,
    contents_limit: int = CONTENTS_LIMIT,
    reuse: PdfJob | None = None,
) -> PdfJob:
    """Shape the briefing's data and start Typst on it; the job's `result()` is the PDF.

    `reuse`, a job whose PDF was made, is returned as it is when it was made from the same
    input: a served site's rebuild after an edit the PDF does not show (a hand-written page,
    the theme) then skips Typst, its seconds and its memory.
    """
    with collector_paused():  # a few hundred thousand new values beside the whole dossier
        data = orjson.dumps(pdf_data(dossier, footnote_limit, contents_limit))
    if timestamp is None:
        timestamp = build_timestamp(dossier)
    if reuse is not None and reuse.made_from == _typst_input(data, paper, timestamp):
        return reuse
    return PdfJob(data, paper=paper, timestamp=timestamp)


class TypstInput(NamedTuple):
    """Everything Typst makes the PDF from: it reads no file but the template, and no fonts
    but the wheel's, so the same input gives the same bytes."""

    template: Path
    template_text: bytes
    paper: Paper
    timestamp: int
    data: bytes


def _typst_input(data: bytes, paper: Paper, timestamp: int) -> TypstInput:
    template = Path(__file__).parent / TEMPLATE_FOLDER / TEMPLATE
    return TypstInput(template, template.read_bytes(), paper, timestamp, data)


class PdfFailed(Exception):
    """Typst could not make the PDF; the message is Typst's own."""


class PdfJob:
    """Typst compiling the briefing in a child process (`typeset.py`) while the caller goes on.

    A process rather than a thread: Typst keeps what it memoised in the process that ran it,
    about 50 MB for each rebuild of the real briefing under `mkdocs serve` (it grew past
    500 MB in ten), and its whole working memory (1.5 GiB at 1,000 people) goes back to the
    system when the process ends. A build that fails, or Ctrl-C, stops it at once, where a
    thread inside Typst could only be waited for.
    """

    def __init__(self, data: bytes, *, paper: Paper, timestamp: int):
        self.made_from = _typst_input(data, paper, timestamp)
        command = [sys.executable, str(Path(__file__).parent / "typeset.py"),
                   str(self.made_from.template), paper, str(timestamp)]  # fmt: skip
        self._process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self._output = (b"", b"")
        self._stopped = False
        # A daemon thread feeds the data and collects the PDF, so neither side's pipe fills.
        self._feeder = threading.Thread(target=self._communicate, args=(data,), daemon=True)
        self._feeder.start()

    def _communicate(self, data: bytes) -> None:
        self._output = self._process.communicate(data)

    def result(self) -> bytes:
        """Wait for the PDF; raise PdfFailed with Typst's message if there is none."""
        self._feeder.join()
        pdf, errors = self._output
        if self._stopped:
            raise PdfFailed("the compile was stopped before it finished")
        message = errors.decode("utf-8", "replace").strip()
        if self._process.returncode < 0:
            raise PdfFailed(_ended_by_signal(-self._process.returncode, message))
        if self._process.returncode != 0:
            raise PdfFailed(message or f"Typst's process ended with {self._process.returncode}")
        return pdf

    def stop(self) -> None:
        """End the compile now (the build it was for has failed) and release its process."""
        self._stopped = True
        self._process.kill()
        self._feeder.join()


def _ended_by_signal(number: int, errors: str) -> str:
    """Why a signal ended Typst's process, in words a user can act on: the signal, the first
    line it wrote if any (Typst's own errors end the process normally), and the likely cause."""
    try:
        name = signal.Signals(number).name
    except ValueError:  # a signal Python has no name for
        name = str(number)
    message = f"Typst's process was ended by signal {name} before the PDF was done"
    said = errors.splitlines()
    if said:
        message += f" (it said: {said[0]})"
    # The system's out-of-memory killer sends SIGKILL; a memory limit makes Typst abort.
    if number == signal.SIGKILL or "memory allocation of" in errors:
        message += (
            ". It most likely ran out of memory: Typst needs about 1.4 MB a page while it "
            "compiles (1.5 GiB for a briefing of 1,000 people). Give it more memory, or leave "
            "the PDF out with `pdf: false` under the briefing plugin in mkdocs.yml."
        )
    return message


def build_timestamp(dossier: Dossier) -> int:
    """SOURCE_DATE_EPOCH when set, else midnight UTC of the dossier's as-of date — never now."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    return calendar.timegm(dossier.meta.as_of.date.latest.timetuple())


def pdf_data(
    dossier: Dossier,
    footnote_limit: int = FOOTNOTE_LIMIT,
    contents_limit: int = CONTENTS_LIMIT,
) -> dict[str, Any]:
    """Everything the template shows, as plain JSON values."""
    data = _Shaper(dossier).document()
    data["notes"] = "footnotes" if len(dossier.citations) <= footnote_limit else "sections"
    second_level = ("other_people", "groups", "organisations", "places", "quotes_by_speaker")
    entries = sum(len(data[key]) for key in second_level)
    data["contents_depth"] = 2 if entries <= contents_limit else 1
    for profile in [*data["main_people"], *data["other_people"], *data["groups"],
                    *data["organisations"], *data["places"]]:  # fmt: skip
        profile["notes"] = _cites_in(profile)
    data["glance_notes"] = _cites_in([data["glance"], data["figures"], data["relations"]])
    data["timeline_notes"] = _cites_in(data["timeline"])
    data["quotes_notes"] = _cites_in(data["quotes_by_speaker"])
    return data


def _cites_in(value: Any) -> list[dict[str, Any]]:
    """Every citation shaped inside a value, once each, in the order they appear."""
    found: dict[int, dict[str, Any]] = {}

    def walk(item: Any) -> None:
        if isinstance(item, dict):
            for cite in item.get("cites", []):
                found.setdefault(cite["n"], cite)
            for key, child in item.items():
                if key != "cites":
                    walk(child)
        elif isinstance(item, list):
            for child in item:
                walk(child)

    walk(value)
    return list(found.values())


class _Shaper:
    def __init__(self, dossier: Dossier):
        self.d = dossier
        self.in_pdf = {
            *dossier.people,
            *dossier.groups,
            *dossier.organisations,
            *dossier.places,
            *(e.id for e in dossier.events),
        }

    def document(self) -> dict[str, Any]:
        d = self.d
        meta = d.meta
        return {
            "title": meta.title,
            "subtitle": meta.subtitle or "",
            "as_of": d.as_of(),
            "marking": meta.marking,
            "keywords": sorted(
                {p.name for p in d.main_people} | {p.name for p in d.places.values()}
            ),
            "sources": [self.source(doc) for doc in d.sources.values()],
            "glance": [self.statement(s) for s in meta.at_a_glance],
            "figures": [
                {"value": f.value, "label": f.label, **self.cited(f.cite, f.inference)}
                for f in meta.key_figures
            ],
            "main_people": [self.profile(p) for p in d.main_people],
            "other_people": [self.profile(p) for p in d.other_people],
            "groups": [self.profile(g) for g in d.groups.values()],
            "organisations": [self.profile(o) for o in d.organisations.values()],
            "places": [self.profile(p) for p in d.places.values()],
            "timeline": [self.event(e) for e in d.events],
            "quotes_by_speaker": self.quotes_by_speaker(),
            "source_texts": [self.source_text(doc) for doc in d.sources.values()],
            "citation_count": len(d.citations),
            "relation_map": relationship_map(d, palette=PRINT, svg_id="map") or "",
            # What the note in place of a map too crowded to draw says (numbers as printed).
            "relation_counts": {
                "relations": f"{len(d.relations):,}",
                "records": f"{records_on_map(d.relations):,}",
                "limit": str(MAP_LIMIT),
            },
            "timeline_chart": timeline_chart(d, palette=PRINT, svg_id="chart") or "",
            "event_counts": {"events": f"{len(d.events):,}", "limit": str(CHART_ROW_LIMIT)},
            "relations": [
                {"text": relation_sentence(d, r), **self.cited(r.cite, r.inference)}
                for r in d.relations
            ],
        }

    # -- pieces --------------------------------------------------------------------------

    def cite(self, citation: Citation) -> dict[str, Any]:
        document = self.d.sources[citation.source_id]
        passage = document.text[citation.start : citation.end]
        return {
            "n": citation.number,
            "passage": " ".join(passage.split()),
            "source": document.source.title,
        }

    def cited(self, cites: list[Citation], inference: str | None) -> dict[str, Any]:
        return {"cites": [self.cite(c) for c in cites], "inference": inference or ""}

    def statement(self, statement: Statement) -> dict[str, Any]:
        return {"text": statement.text, **self.cited(statement.cite, statement.inference)}

    def ref(self, record_id: str) -> dict[str, str]:
        return {
            "id": record_id if record_id in self.in_pdf else "",
            "name": self.d.name_of(record_id),
        }

    def date(self, spec: DateSpec) -> dict[str, str]:
        return {
            "text": spec.date.human(),
            "wording": spec.wording or "",
            "inferred": spec.inferred or "",
        }

    def source(self, document) -> dict[str, Any]:
        source = document.source
        return {
            "title": source.title,
            "file": document.shown_as,
            "date": source.date.date.human(),
            "date_basis": {**self.cited(source.date.cite, source.date.inference)},
            "publisher": source.publisher.name if source.publisher else "",
            "publisher_basis": self.cited(source.publisher.cite, source.publisher.inference)
            if source.publisher
            else {},
            "agency": source.agency.name if source.agency else "",
            "coverage": document.coverage.summary(),
        }

    def profile(self, record) -> dict[str, Any]:
        d = self.d
        kind = d.kind_of(record.id)
        data: dict[str, Any] = {
            "id": record.id,
            "name": record.name,
            "kind": kind,
            "aliases": list(getattr(record, "aliases", [])),
            "short_name": getattr(record, "short_name", None) or "",
            "size": getattr(record, "size", None) or "",
            "summary": self.statement(record.summary),
            "statements": [self.statement(s) for s in record.statements],
            "roles": [],
            "age": None,
            "based_in": [
                {**self.ref(b.place), "wording": b.wording or "", **self.cited(b.cite, b.inference)}
                for b in getattr(record, "based_in", [])
            ],
            "affiliations": [
                {**self.ref(a.organisation), **self.cited(a.cite, a.inference)}
                for a in getattr(record, "affiliations", [])
            ],
            "quotes": [self.quote(q) for q in d.quotes_by(record.id)],
            "said_of": [self.quote(q) for q in d.quotes_about(record.id) if q.speaker != record.id],
            "events": [
                {**self.ref(e.id), "date": e.date.date.human(), "status": e.status}
                for e in d.events_with(record.id)
            ],
            "related": [self.ref(r) for r in d.related(record.id)],
        }
        if isinstance(record, Person):
            data["roles"] = [
                {
                    "title": r.title,
                    "status": r.status or "",
                    "organisation": self.ref(r.organisation) if r.organisation else None,
                    "start": self.date(r.start) if r.start else None,
                    "end": self.date(r.end) if r.end else None,
                    **self.cited(r.cite, r.inference),
                }
                for r in record.roles
            ]
            if record.age:
                source_date = d.sources[record.age.cite[0].source_id].source.date.date.human()
                data["age"] = {
                    "years": record.age.years,
                    "as_of": source_date,
                    **self.cited(record.age.cite, record.age.inference),
                }
        return data

    def quote(self, quote: Quote) -> dict[str, Any]:
        speaker = (
            self.ref(quote.speaker)
            if quote.speaker
            else {"id": "", "name": self.d.speaker_name(quote)}
        )
        return {
            "text": " ".join(quote.text.split()),
            "speaker": speaker,
            "role": quote.role or "",
            "delivery": quote.delivery,
            "event": self.ref(quote.event) if quote.event else None,
            **self.cited(quote.cite, quote.inference),
        }

    def event(self, event: Event) -> dict[str, Any]:
        return {
            "id": event.id,
            "title": event.title,
            "date": self.date(event.date),
            "status": event.status,
            "superseded_by": self.ref(event.superseded_by) if event.superseded_by else None,
            "summary": self.statement(event.summary),
            "statements": [self.statement(s) for s in event.statements],
            "participants": [self.ref(p) for p in event.participants],
            "places": [self.ref(p) for p in event.places],
        }

    def quotes_by_speaker(self) -> list[dict[str, Any]]:
        groups = []
        for _, quotes in self.d.quotes_by_speaker():
            shaped = [self.quote(q) for q in quotes]
            groups.append({"speaker": shaped[0]["speaker"], "quotes": shaped})
        return groups

    def source_text(self, document) -> dict[str, Any]:
        shaped = []
        for para in paragraphs(document):
            segments: list[dict[str, Any]] = []
            for position, sentence in enumerate(para.sentences):
                if position:
                    segments.append({"text": " ", "cited": False})
                segments += [{"text": s.text, "cited": bool(s.cites)} for s in sentence.segments]
            shaped.append({"kind": para.kind, "segments": segments})
        return {
            "title": document.source.title,
            "coverage": document.coverage.summary(),
            "paragraphs": shaped,
        }
