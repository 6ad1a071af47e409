"""Verify against sources: ids, references, passages, dates, quotes and coverage.

Works on the validated files from `load` and produces the `Dossier` renderers use. Every
problem is reported with the file, line and field it comes from.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from briefing.coverage import Sentence, measure, split_sentences
from briefing.dates import describe_rule, resolve_relative
from briefing.dossier import CitationUse, Dossier, SourceDocument
from briefing.load import LoadedDossier, LoadedFile, display_path
from briefing.model import Citation, DateSpec, Quote, RefTo, Source
from briefing.passages import SentenceIndex, SourceText, fold
from briefing.problems import Problems, did_you_mean
from briefing.yamlfile import Loc

_RECORD_NOUN = {
    "sources": "source",
    "people": "person",
    "groups": "group",
    "organisations": "organisation",
    "places": "place",
    "events": "event",
    "quotes": "quote",
    "relations": "relation",
    "meta": "dossier",
}
_REF_ACCEPTS = {
    "actor": {"person", "group", "organisation"},
    "person": {"person"},
    "organisation": {"organisation"},
    "place": {"place"},
    "event": {"event"},
    "source": {"source"},
    "entity": {"person", "group", "organisation", "place", "event"},
}


@dataclass
class _Node:
    """A value met while walking a file's records, with where it is."""

    file: LoadedFile
    loc: Loc
    value: Any
    ref: RefTo | None
    record_kind: str
    record_id: str | None
    parent: Any


def verify(loaded: LoadedDossier, problems: Problems) -> Dossier | None:
    """Check everything that spans files and sources; return the Dossier if nothing failed."""
    meta_file = loaded.meta_file
    files = ([meta_file] if meta_file else []) + loaded.files
    defined = _collect_ids(files, problems)
    nodes: list[_Node] = []
    for file in files:
        _walk_file(file, nodes)

    hint = _hints_for(defined)
    for node in nodes:
        is_reference = node.ref is not None and isinstance(node.value, str)
        if is_reference and node.value not in loaded.unreadable_ids:
            _check_reference(node, defined, hint, problems)

    sources = _load_sources(loaded, problems)
    uses = _verify_citations(nodes, sources, problems)
    _resolve_dates(nodes, sources, problems)
    for node in nodes:
        if isinstance(node.value, Quote):
            _check_quote(node, sources, problems)
    documents = _measure_coverage(loaded, sources, uses, problems)

    if problems.errors or meta_file is None:
        return None
    records = {kind: [r for f in loaded.of_kind(kind) for r in f.records] for kind in _RECORD_NOUN}
    return Dossier(
        meta=meta_file.records[0],
        sources=documents,
        people={p.id: p for p in records["people"]},
        groups={g.id: g for g in records["groups"]},
        organisations={o.id: o for o in records["organisations"]},
        places={p.id: p for p in records["places"]},
        events=sorted(records["events"], key=lambda e: (e.date.date.sort_key(), e.id)),
        quotes=records["quotes"],
        relations=records["relations"],
        citations=uses,
    )


# --- ids and references ---------------------------------------------------------------------


_Definition = tuple[str, LoadedFile, int]  # (kind noun, file, record index)


def _collect_ids(files: list[LoadedFile], problems: Problems) -> dict[str, _Definition]:
    """Map every id to where it is defined; report duplicates.

    Lines are looked up only for a duplicate: finding a position walks the file's YAML nodes,
    which for thousands of records would cost more than the rest of this step.
    """
    defined: dict[str, _Definition] = {}
    for file in files:
        for index, record in enumerate(file.records):
            record_id = getattr(record, "id", None)
            if record_id is None:
                continue
            if record_id in defined:
                noun, other, other_index = defined[record_id]
                there = other.where((*other.record_loc(other_index), "id"))
                problems.error(
                    file.shown_as,
                    f"duplicate id '{record_id}': already used by {_a(noun)} at "
                    f"{other.shown_as}:{there['line']}; ids must be unique across the dossier",
                    **file.where((*file.record_loc(index), "id")),
                )
                continue
            defined[record_id] = (_RECORD_NOUN[file.kind], file, index)
    return defined


def _hints_for(defined: dict[str, _Definition]) -> Callable[[str, str], str]:
    """The "did you mean" for an unknown id where a kind of reference stands, worked out once
    for each: a renamed record leaves every reference to it unknown, and comparing the id
    with every other took 11 ms a reference at 1,000 people. The ids a kind accepts are
    listed once too: listed for each hint, they were 2,000 walks of every id when all 1,000
    people were renamed."""

    @cache
    def ids_for(kind: str) -> list[str]:
        accepts = _REF_ACCEPTS[kind]
        return [i for i, (noun, *_) in defined.items() if noun in accepts]

    @cache
    def hint(kind: str, value: str) -> str:
        return did_you_mean(value, ids_for(kind))

    return hint


def _check_reference(
    node: _Node,
    defined: dict[str, _Definition],
    hint: Callable[[str, str], str],
    problems: Problems,
) -> None:
    accepts = _REF_ACCEPTS[node.ref.kind]
    found = defined.get(node.value)
    if found and found[0] in accepts:
        return
    if found:
        message = f"'{node.value}' is {_a(found[0])}, but {_a(node.ref.kind)} is expected here"
    else:
        message = f"unknown {node.ref.kind} '{node.value}'{hint(node.ref.kind, node.value)}"
    problems.error(node.file.shown_as, message, **node.file.where(node.loc))


# --- walking records ------------------------------------------------------------------------


def _walk_file(file: LoadedFile, nodes: list[_Node]) -> None:
    record_kind = _RECORD_NOUN[file.kind]
    for index, record in enumerate(file.records):
        record_id = getattr(record, "id", None)
        _walk(nodes, file, record, file.record_loc(index), None, record_kind, record_id, None)


def _walk(nodes: list[_Node], file, value, loc, ref, record_kind, record_id, parent) -> None:
    """Models (citations, dates, quotes ...) and references, each with where it stands.

    Appends to one list rather than yielding: a generator per value made this walk a fifth
    of `check` at N = 1,000 (60,000 nodes).
    """
    if isinstance(value, BaseModel):
        nodes.append(_Node(file, loc, value, ref, record_kind, record_id, parent))
        fields = value.__dict__  # a pydantic model's fields, fast
        for name, child_ref in _fields_to_visit(type(value)):
            child = fields[name]
            if child is not None:
                _walk(nodes, file, child, (*loc, name), child_ref, record_kind, record_id, value)
        return
    if ref is not None:
        nodes.append(_Node(file, loc, value, ref, record_kind, record_id, parent))
    if isinstance(value, list):
        for i, item in enumerate(value):
            if ref is None and isinstance(item, _PLAIN):
                continue
            _walk(nodes, file, item, (*loc, i), ref, record_kind, record_id, parent)


_PLAIN = (str, int, float, type(None))


@cache
def _fields_to_visit(model: type[BaseModel]) -> tuple[tuple[str, RefTo | None], ...]:
    """The fields of a model that hold references or models, each with the kind of record it
    refers to (None for a model); plain text is never visited."""
    fields = []
    for name, info in model.model_fields.items():
        ref = _find_ref(info.annotation, tuple(info.metadata))
        if ref is not None or _may_hold_model(info.annotation):
            fields.append((name, ref))
    return tuple(fields)


def _may_hold_model(tp: Any) -> bool:
    if tp is Any or (isinstance(tp, type) and issubclass(tp, BaseModel)):
        return True
    return any(_may_hold_model(arg) for arg in typing.get_args(tp))


def _find_ref(tp: Any, metadata: tuple) -> RefTo | None:
    for item in metadata:
        if isinstance(item, RefTo):
            return item
    if typing.get_origin(tp) is typing.Annotated:
        inner, *extra = typing.get_args(tp)
        return _find_ref(inner, tuple(extra))
    for arg in typing.get_args(tp):
        found = _find_ref(arg, ())
        if found:
            return found
    return None


# --- sources and citations ------------------------------------------------------------------


@dataclass
class _LoadedSource:
    source: Source
    text: SourceText
    shown_as: str
    sentences: list[Sentence]

    @cached_property
    def sentence_index(self) -> SentenceIndex:
        """Made at the first look-up by sentence: most dossiers never need one."""
        return SentenceIndex([sentence.text for sentence in self.sentences])


def _load_sources(loaded: LoadedDossier, problems: Problems) -> dict[str, _LoadedSource]:
    meta = loaded.meta_file.records[0] if loaded.meta_file else None
    seeds = (loaded.root / (meta.seeds if meta else "../seeds")).resolve()
    sources: dict[str, _LoadedSource] = {}
    for file in loaded.of_kind("sources"):
        source: Source = file.records[0]
        if source.id in sources:
            continue
        seed_name = source.seed
        where = file.where(("seed",))
        if Path(seed_name).name != seed_name or seed_name in (".", ".."):
            problems.error(
                file.shown_as,
                f"seed '{seed_name}' must be a plain file name inside the seeds folder",
                **where,
            )
            continue
        path = seeds / seed_name
        if not path.is_file():
            existing = [p.name for p in seeds.iterdir()] if seeds.is_dir() else []
            problems.error(
                file.shown_as,
                f"seed file '{seed_name}' not found in {display_path(seeds, loaded.root)}"
                + did_you_mean(seed_name, existing),
                **where,
            )
            continue
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            problems.error(file.shown_as, f"seed file '{seed_name}' is not UTF-8 text", **where)
            continue
        sources[source.id] = _LoadedSource(
            source, SourceText(text), display_path(path, loaded.root), split_sentences(text)
        )
    return sources


def _verify_citations(
    nodes: list[_Node], sources: dict[str, _LoadedSource], problems: Problems
) -> list[CitationUse]:
    uses: list[CitationUse] = []
    only_source = next(iter(sources)) if len(sources) == 1 else None
    for node in nodes:
        if not isinstance(node.value, Citation):
            continue
        citation: Citation = node.value
        file, loc = node.file, node.loc
        source_id = citation.source or only_source
        if source_id is None:
            if citation.source is None:
                problems.error(
                    file.shown_as,
                    "citation needs a 'source': the dossier has "
                    + (f"several sources ({_some(sources)})" if sources else "no source"),
                    **file.where(loc),
                )
            continue
        if source_id not in sources:
            continue  # an unknown source id was already reported as a bad reference
        loaded = sources[source_id]
        spans = loaded.text.find(citation.exact, citation.prefix, citation.suffix)
        if not spans:
            hint = loaded.sentence_index.closest(citation.exact)
            context = "" if not (citation.prefix or citation.suffix) else " with that prefix/suffix"
            problems.error(
                file.shown_as,
                f"passage not found in source '{source_id}' ({loaded.shown_as}){context}: "
                f"'{_short(citation.exact)}'"
                + (f"; the source has: '{_short(hint, 160)}'" if hint else ""),
                **file.where((*loc, "exact")),
            )
            continue
        if len(spans) > 1:
            lines = ", ".join(str(loaded.text.line_of(start)) for start, _ in spans)
            problems.error(
                file.shown_as,
                f"passage '{_short(citation.exact)}' occurs {len(spans)} times in source "
                f"'{source_id}' (lines {lines}); add a 'prefix' or 'suffix' to pick one",
                **file.where((*loc, "exact")),
            )
            continue
        start, end = spans[0]
        citation.resolve(source_id, start, end, len(uses) + 1)
        uses.append(CitationUse(citation, node.record_kind, node.record_id, node.parent))
    return uses


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _some(ids: Iterable[str], shown: int = 5) -> str:
    """Ids for a message: all of a few, or the first few and how many more (a dossier of a
    hundred sources would otherwise print all hundred in every such error)."""
    names = sorted(ids)
    if len(names) <= shown + 1:
        return ", ".join(names)
    return f"{', '.join(names[:shown])} and {len(names) - shown} more"


# --- dates ----------------------------------------------------------------------------------


def _resolve_dates(
    nodes: list[_Node], sources: dict[str, _LoadedSource], problems: Problems
) -> None:
    only_source = next(iter(sources)) if len(sources) == 1 else None
    for node in nodes:
        if not isinstance(node.value, DateSpec) or node.value.relative is None:
            continue
        spec: DateSpec = node.value
        rule = spec.relative
        anchor_id = rule.anchor or only_source
        if anchor_id not in sources:
            if rule.anchor is None:
                problems.error(
                    node.file.shown_as,
                    "relative date needs an 'anchor' source: the dossier has "
                    + (f"several sources ({_some(sources)})" if sources else "none"),
                    **node.file.where((*node.loc, "relative")),
                )
            continue
        source = sources[anchor_id].source
        anchor = source.date.date
        rule_args = {
            "weekday": rule.weekday,
            "month": rule.month,
            "same_year": rule.same_year,
            "direction": rule.direction,
        }
        try:
            resolved = resolve_relative(anchor, **rule_args)
        except ValueError as exc:
            problems.error(node.file.shown_as, str(exc), **node.file.where((*node.loc, "relative")))
            continue
        basis = (
            f"'{spec.wording}' resolved as {describe_rule(**rule_args)}the date of "
            f"{source.title} ({anchor.human()}"
            + (", itself an editorial inference)" if source.date.inference else ")")
        )
        spec.set_resolved(resolved, basis)


# --- quotes ---------------------------------------------------------------------------------


def _check_quote(node: _Node, sources: dict[str, _LoadedSource], problems: Problems) -> None:
    quote: Quote = node.value
    passages = [
        fold(sources[c.source_id].text.text[c.start : c.end])
        for c in quote.cite
        if c.start is not None
    ]
    if len(passages) != len(quote.cite):
        return  # unverified citations were reported already
    if not any(fold(quote.text) in p for p in passages):
        problems.error(
            node.file.shown_as,
            f"quote text is not inside its cited passage: '{_short(quote.text)}'; "
            "cite the passage that contains the quotation word for word",
            **node.file.where((*node.loc, "text")),
        )
    if quote.role and not any(fold(quote.role) in p for p in passages):
        problems.error(
            node.file.shown_as,
            f"role '{quote.role}' is not in the quote's cited passages; give the role as the "
            "source words it and cite the passage that gives it",
            **node.file.where((*node.loc, "role")),
        )


# --- coverage -------------------------------------------------------------------------------


def _measure_coverage(
    loaded: LoadedDossier,
    sources: dict[str, _LoadedSource],
    uses: list[CitationUse],
    problems: Problems,
) -> dict[str, SourceDocument]:
    # The citations of each source, sorted out in one pass over them: filtering all of them
    # for each source grew with sources times citations (1 s at 100 sources and 13,000).
    spans: dict[str, list[tuple[int, int, int]]] = {source_id: [] for source_id in sources}
    for use in uses:
        citation = use.citation
        if citation.source_id in spans:
            spans[citation.source_id].append((citation.start, citation.end, use.number))
    documents: dict[str, SourceDocument] = {}
    for source_id, item in sources.items():
        coverage = measure(source_id, item.sentences, spans[source_id])
        documents[source_id] = SourceDocument(item.source, item.text.text, item.shown_as, coverage)

    meta_file = loaded.meta_file
    only_source = next(iter(sources)) if len(sources) == 1 else None
    if meta_file is not None:
        for index, entry in enumerate(meta_file.records[0].uncited):
            where = meta_file.where(("uncited", index, "sentence"))
            source_id = entry.source or only_source
            if source_id not in documents:
                continue
            coverage = documents[source_id].coverage
            match = sources[source_id].sentence_index.first_starting_with(entry.sentence)
            if match is None:
                problems.error(
                    meta_file.shown_as,
                    f"uncited sentence not found in source '{source_id}': "
                    f"'{_short(entry.sentence)}'",
                    **where,
                )
            elif coverage.citing.get(match):
                problems.warning(
                    meta_file.shown_as,
                    f"sentence listed as uncited is cited (citations "
                    f"{', '.join(map(str, coverage.citing[match]))}); remove it from 'uncited'",
                    **where,
                )
            else:
                coverage.explained[match] = entry.reason

    for source_id, document in documents.items():
        coverage = document.coverage
        text = sources[source_id].text
        for index in coverage.uncited:
            if index in coverage.explained:
                continue
            sentence = coverage.sentences[index]
            problems.warning(
                document.shown_as,
                f"sentence not cited by any statement: '{_short(sentence.text)}'; cite it, or "
                "list it under 'uncited' in dossier.yml with the reason",
                line=text.line_of(sentence.start),
            )
    return documents
