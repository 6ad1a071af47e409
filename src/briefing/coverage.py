"""Coverage: which sentences of a source the dossier cites.

The source is cut into paragraphs and sentences. Subheadings and links to other articles
("Related article: ...", a bare URL) are recognised as such and are not content; every other
sentence is a factual sentence that some statement should cite.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Literal

SentenceKind = Literal["content", "heading", "link"]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINK_LINE = re.compile(r"^(?:related|read more|see also|also read)(?: article| story)?\s*:", re.I)
_BARE_URL = re.compile(r"^https?://\S+$")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_ABBREVIATIONS = {
    "a.m", "p.m", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "u.s", "u.k", "e.g", "i.e",
    "etc", "no", "gen", "col", "lt", "sgt", "prof", "inc", "ltd", "co", "vs", "rev", "gov",
}  # fmt: skip
_TERMINAL = re.compile(r"[.!?:;,][\"'\u201d\u2019)\]]*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    kind: SentenceKind
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Cut a source into sentences, with offsets into the original text."""
    sentences: list[Sentence] = []
    position = 0
    for paragraph, chunk in enumerate(_PARAGRAPH_BREAK.split(text)):
        start = text.index(chunk, position) if chunk else position
        position = start + len(chunk)
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = start + (len(chunk) - len(chunk.lstrip()))
        folded = " ".join(stripped.split())
        kind = _paragraph_kind(stripped, folded)
        if kind != "content":
            sentences.append(Sentence(lead, lead + len(stripped), folded, kind, paragraph))
            continue
        sentences.extend(_split_paragraph(stripped, lead, paragraph))
    return sentences


def _paragraph_kind(stripped: str, folded: str) -> SentenceKind:
    if _LINK_LINE.match(folded) or _BARE_URL.match(folded):
        return "link"
    if "\n" not in stripped and len(folded) <= 80 and not _TERMINAL.search(folded):
        return "heading"
    return "content"


def _split_paragraph(paragraph: str, offset: int, number: int) -> list[Sentence]:
    pieces: list[Sentence] = []
    begin = 0
    for match in _SENTENCE_END.finditer(paragraph):
        word = _word_before(paragraph, match.start()).lower().lstrip("\"'(")
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        end = match.end() - (len(match.group()) - len(match.group().rstrip()))
        pieces.append(_sentence(paragraph, begin, end, offset, number))
        begin = match.end()
    pieces.append(_sentence(paragraph, begin, len(paragraph.rstrip()), offset, number))
    return pieces


def _word_before(text: str, end: int, near: int = 32) -> str:
    """The last whitespace-separated word of text[:end], "" if there is none.

    It is looked for among the `near` characters before `end` first: slicing all of the text
    before each sentence's end made a source without blank lines, one long paragraph, take
    time in proportion to its length squared (2.8 s for 30,000 sentences).
    """
    start = max(0, end - near)
    words = text[start:end].rsplit(None, 1)
    if len(words) < 2 and start > 0:  # no whitespace before the word within reach
        words = text[:end].rsplit(None, 1)
    return words[-1] if words else ""


def _sentence(paragraph: str, begin: int, end: int, offset: int, number: int) -> Sentence:
    text = " ".join(paragraph[begin:end].split())
    return Sentence(offset + begin, offset + end, text, "content", number)


@dataclass
class Coverage:
    """How much of one source the dossier cites."""

    source_id: str
    sentences: list[Sentence]
    # The citations' (start, end, number), sorted: the source page marks them from here.
    spans: list[tuple[int, int, int]] = field(default_factory=list)
    citing: dict[int, list[int]] = field(default_factory=dict)  # sentence index -> citation nos.
    explained: dict[int, str] = field(default_factory=dict)  # sentence index -> reason uncited

    @property
    def factual(self) -> list[int]:
        return [i for i, s in enumerate(self.sentences) if s.kind == "content"]

    @property
    def cited(self) -> list[int]:
        return [i for i in self.factual if self.citing.get(i)]

    @property
    def uncited(self) -> list[int]:
        return [i for i in self.factual if not self.citing.get(i)]

    @property
    def share(self) -> float:
        return len(self.cited) / len(self.factual) if self.factual else 1.0

    def summary(self) -> str:
        return (
            f"{self.share:.0%} of factual sentences cited ({len(self.cited)}/{len(self.factual)})"
        )


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
