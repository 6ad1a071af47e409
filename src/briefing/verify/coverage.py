"""Coverage: which sentences of each source the dossier cites, and the ones it leaves uncited
without a reason (warnings), or lists as uncited wrongly (errors)."""

from __future__ import annotations

import bisect
from dataclasses import replace

from briefing.dossier import CitationUse, Coverage, SourceDocument
from briefing.load import LoadedFile
from briefing.model import DossierMeta, Source
from briefing.problems import Problems, shorten
from briefing.text.passages import fold
from briefing.text.sentences import Sentence
from briefing.verify.citations import PreparedSource, only_source


def mark_paragraphs(
    files: list[LoadedFile], sources: dict[str, PreparedSource], problems: Problems
) -> None:
    """Read the paragraphs each source record marks (captions, credits, bylines ...) as what
    they are: not sentences to cite; and list items marked as such as sentences to cite."""
    for file in files:
        source: Source = file.records[0]
        prepared = sources.get(source.id)
        if prepared is None or prepared.source is not source:
            continue
        sentences = prepared.sentences
        paragraphs: dict[int, str] = {}
        for sentence in sentences:
            paragraphs[sentence.paragraph] = (
                f"{paragraphs.get(sentence.paragraph, '')} {sentence.text}"
            )
        for index, mark in enumerate(source.marked):
            opening = fold(mark.text)
            paragraph = next(
                (n for n, text in paragraphs.items() if fold(text).startswith(opening)), None
            )
            if paragraph is None:
                problems.error(
                    file.shown_as,
                    f"marked paragraph not found in the source: '{shorten(mark.text)}'; give its "
                    "opening words as the text has them",
                    **file.where(("marked", index, "text")),
                )
                continue
            kind = "content" if mark.kind == "item" else mark.kind  # an item is text to cite
            for at, sentence in enumerate(sentences):
                if sentence.paragraph == paragraph:
                    sentences[at] = replace(sentence, kind=kind)


def measure(
    source_id: str, sentences: list[Sentence], spans: list[tuple[int, int, int]]
) -> Coverage:
    """Coverage of one source from its citations' (start, end, number) spans."""
    coverage = Coverage(source_id, sentences, sorted(spans))
    starts = [s.start for s in sentences]
    for start, end, number in spans:
        index = max(bisect.bisect_right(starts, start) - 1, 0)
        while index < len(sentences) and sentences[index].start < end:
            if sentences[index].end > start:
                coverage.citing.setdefault(index, []).append(number)
            index += 1
    return coverage


def measure_coverage(
    meta_file: LoadedFile | None,
    sources: dict[str, PreparedSource],
    uses: list[CitationUse],
    problems: Problems,
) -> dict[str, SourceDocument]:
    """Each source as the dossier uses it: its text, and which of its sentences are cited."""
    # The citations of each source, sorted out in one pass over them.
    spans: dict[str, list[tuple[int, int, int]]] = {source_id: [] for source_id in sources}
    for use in uses:
        citation = use.citation
        if citation.source_id in spans:
            spans[citation.source_id].append((citation.start, citation.end, use.number))
    documents: dict[str, SourceDocument] = {}
    for source_id, item in sources.items():
        coverage = measure(source_id, item.sentences, spans[source_id])
        documents[source_id] = SourceDocument(item.source, item.text.text, item.shown_as, coverage)
    if meta_file is not None:
        _explain_uncited(meta_file, sources, documents, problems)
    for source_id, document in documents.items():
        coverage = document.coverage
        text = sources[source_id].text
        for index in coverage.uncited:
            if index in coverage.explained:
                continue
            sentence = coverage.sentences[index]
            problems.warning(
                document.shown_as,
                f"sentence not cited by any statement: '{shorten(sentence.text)}'; cite it, or "
                "list it under 'uncited' in dossier.yml with the reason",
                line=text.line_of(sentence.start),
            )
    return documents


def _explain_uncited(
    meta_file: LoadedFile,
    sources: dict[str, PreparedSource],
    documents: dict[str, SourceDocument],
    problems: Problems,
) -> None:
    """The reasons dossier.yml gives for sentences it leaves uncited, each found in its source."""
    meta: DossierMeta = meta_file.records[0]
    single = only_source(sources)
    for index, entry in enumerate(meta.uncited):
        where = meta_file.where(("uncited", index, "sentence"))
        source_id = entry.source or single
        if source_id not in documents:
            continue
        coverage = documents[source_id].coverage
        match = sources[source_id].sentence_index.first_starting_with(entry.sentence)
        if match is None:
            problems.error(
                meta_file.shown_as,
                f"uncited sentence not found in source '{source_id}': '{shorten(entry.sentence)}'",
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
