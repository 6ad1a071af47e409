"""A source text laid out for reading with its citations: paragraphs, sentences, segments.

Both the site's Source page and the PDF's source appendix show the article with every cited
passage marked; this module cuts the text once at every citation and sentence boundary so each
piece knows which citations cover it and which begin there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.dossier import SourceDocument
from briefing.text.sentences import SentenceKind


@dataclass
class Segment:
    text: str  # whitespace folded to single spaces
    cites: list[int]  # numbers of the citations covering this piece
    anchors: list[int]  # numbers of the citations that begin here


@dataclass
class SentenceView:
    index: int  # position among the source's sentences, from 0
    kind: SentenceKind
    segments: list[Segment]
    citing: list[int]
    reason: str | None  # why it is left uncited, when the editors said


@dataclass
class ParagraphView:
    kind: SentenceKind
    sentences: list[SentenceView] = field(default_factory=list)


def paragraphs(document: SourceDocument) -> list[ParagraphView]:
    coverage = document.coverage
    spans = coverage.spans
    text = document.text
    result: list[ParagraphView] = []
    active: list[tuple[int, int, int]] = []
    next_span = 0
    for index, sentence in enumerate(coverage.sentences):
        while next_span < len(spans) and spans[next_span][0] < sentence.end:
            active.append(spans[next_span])
            next_span += 1
        active = [s for s in active if s[1] > sentence.start]
        cuts = {sentence.start, sentence.end}
        for start, end, _ in active:
            cuts.update(x for x in (start, end) if sentence.start < x < sentence.end)
        bounds = sorted(cuts)
        segments = []
        for left, right in zip(bounds, bounds[1:], strict=False):
            piece = " ".join(text[left:right].split())
            if text[left:right][:1].isspace():
                piece = " " + piece
            if text[left:right][-1:].isspace() and piece.strip():
                piece += " "
            segments.append(
                Segment(
                    piece,
                    [n for s, e, n in active if s <= left < e],
                    [n for s, _, n in active if s == left],
                )
            )
        view = SentenceView(
            index, sentence.kind, segments, coverage.citing.get(index, []),
            coverage.explained.get(index),
        )  # fmt: skip
        if not result or coverage.sentences[index - 1].paragraph != sentence.paragraph:
            result.append(ParagraphView(sentence.kind))
        result[-1].sentences.append(view)
    return result
