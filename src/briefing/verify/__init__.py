"""Verify against sources: ids, references, passages, dates, quotes and coverage.

Works on what `load` read and produces the `Dossier` renderers use; reads no file itself.
Every problem is reported with the file, line and field it comes from.
"""

from __future__ import annotations

from briefing.dossier import Dossier
from briefing.load import LoadedDossier
from briefing.model.kinds import PROFILED
from briefing.problems import Problems
from briefing.verify.citations import locate_citations, prepare_sources
from briefing.verify.coverage import mark_paragraphs, measure_coverage
from briefing.verify.dates import resolve_dates, timeline_order
from briefing.verify.oldforms import warn_of_old_forms
from briefing.verify.pages import check_page_fields
from briefing.verify.quotes import check_quotes
from briefing.verify.references import check_references, collect_ids
from briefing.verify.relations import check_relation_kinds
from briefing.verify.walk import walk_files

__all__ = ["verify"]


def verify(loaded: LoadedDossier, problems: Problems) -> Dossier | None:
    """Check everything that spans files and sources; return the Dossier if nothing failed."""
    meta_file = loaded.meta_file
    files = ([meta_file] if meta_file else []) + loaded.files
    defined = collect_ids(files, problems)
    nodes = walk_files(files)
    check_references(nodes, defined, loaded.failed, problems)
    warn_of_old_forms(nodes, problems)

    sources = prepare_sources(loaded.records("source"), loaded.seeds)
    if sources.keys() != {source.id for source in loaded.records("source")}:
        return None  # a seed that could not be read was reported: its citations would repeat it
    mark_paragraphs(loaded.of_kind("source"), sources, problems)
    uses = locate_citations(nodes, sources, problems)
    resolve_dates(nodes, sources, problems)
    check_quotes(nodes, sources, problems)
    check_page_fields(nodes, loaded.seeds, problems)
    relation_kinds = check_relation_kinds(meta_file, nodes, problems)
    documents = measure_coverage(meta_file, sources, uses, problems)

    if problems.errors or meta_file is None:
        return None
    return Dossier(
        meta=meta_file.records[0],
        sources=documents,
        profiles={k.noun: {r.id: r for r in loaded.records(k.noun)} for k in PROFILED},
        events=timeline_order(loaded.records("event")),
        quotes=loaded.records("quote"),
        relations=loaded.records("relation"),
        citations=uses,
        relation_kinds=relation_kinds,
        questions=loaded.records("question"),
    )
