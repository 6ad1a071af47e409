"""Every citation's passage is found, exactly once, in its source's text."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from briefing.dossier import CitationUse
from briefing.load import Seed
from briefing.model import Citation, Source
from briefing.problems import Problems, shorten, some_of
from briefing.text.passages import SentenceIndex, SourceText, where_they_part
from briefing.text.sentences import Sentence, split_sentences
from briefing.verify.walk import Node


@dataclass
class PreparedSource:
    """A source's record and its text, ready for passages to be looked up in."""

    source: Source
    text: SourceText
    shown_as: str
    sentences: list[Sentence]

    @cached_property
    def sentence_index(self) -> SentenceIndex:
        """Made at the first look-up by sentence: most dossiers never need one."""
        return SentenceIndex([sentence.text for sentence in self.sentences])


def prepare_sources(sources: list[Source], seeds: dict[str, Seed]) -> dict[str, PreparedSource]:
    """Source id -> its prepared text, for every source whose seed was read."""
    prepared: dict[str, PreparedSource] = {}
    for source in sources:
        seed = seeds.get(source.id)
        if seed is not None and source.id not in prepared:
            text = seed.text
            prepared[source.id] = PreparedSource(
                source, SourceText(text), seed.shown_as, split_sentences(text)
            )
    return prepared


def only_source(sources: dict[str, PreparedSource]) -> str | None:
    """The id of a dossier's single source, which a citation or date may leave unnamed."""
    return next(iter(sources)) if len(sources) == 1 else None


def unnamed_source(node: Node, single: str | None) -> str | None:
    """The source a citation or date naming none is in: in a source's own record (its date,
    its byline) that source, elsewhere the dossier's only one."""
    return node.record_id if node.record_kind == "source" else single


def locate_citations(
    nodes: list[Node], sources: dict[str, PreparedSource], problems: Problems
) -> list[CitationUse]:
    """Find each citation's passage; number the ones found, in the order they are met."""
    uses: list[CitationUse] = []
    single = only_source(sources)
    for node in nodes:
        if not isinstance(node.value, Citation):
            continue
        citation: Citation = node.value
        file, loc = node.file, node.loc
        source_id = citation.source or unnamed_source(node, single)
        if source_id is None:
            if citation.source is None:
                problems.error(
                    file.shown_as,
                    "citation needs a 'source': the dossier has "
                    + (f"several sources ({some_of(sources)})" if sources else "no source"),
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
                f"'{shorten(citation.exact)}'"
                + (f"; the source has: '{shorten(hint, 160)}'" if hint else "")
                + (f"; {where_they_part(citation.exact, hint)}" if hint else ""),
                **file.where((*loc, "exact")),
            )
            continue
        if len(spans) > 1:
            lines = ", ".join(str(loaded.text.line_of(start)) for start, _ in spans)
            problems.error(
                file.shown_as,
                f"passage '{shorten(citation.exact)}' occurs {len(spans)} times in source "
                f"'{source_id}' (lines {lines}); add a 'prefix' or 'suffix' to pick one",
                **file.where((*loc, "exact")),
            )
            continue
        start, end = spans[0]
        citation.resolve(source_id, start, end, len(uses) + 1)
        uses.append(CitationUse(citation, node.record_kind, node.record_id, node.parent))
    return uses
