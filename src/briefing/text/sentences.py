"""A source text cut into paragraphs and sentences, with offsets into the original text.

Subheadings and links to other articles ("Related article: ...", a bare URL) are recognised as
such and are not content; every other sentence is a factual sentence that some statement
should cite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# "content" is a factual sentence to cite; the rest are read as what they are: headings and
# links are recognised, captions and the like are marked by the editors (`Source.marked`).
SentenceKind = Literal[
    "content", "heading", "link", "caption", "credit", "byline", "graphic", "note"
]

# A blank line, whether the lines end in LF or CRLF.
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINK_LINE = re.compile(r"^(?:related|read more|see also|also read)(?: article| story)?\s*:", re.I)
_BARE_URL = re.compile(r"^https?://\S+$")
# A sentence ends at . ! or ? (and any closing quote or bracket) before a capital or a digit,
# which may open a quotation: straight, curly or French guillemets («, with or without a space).
_SENTENCE_END = re.compile(
    r"[.!?][\"'\u201d\u2019\u00bb)\]]*\s+(?=(?:[\"'\u201c\u2018(\[]|\u00ab\s?)?[A-Z0-9\u00c0-\u00de])"
)
_ABBREVIATIONS = {
    "a.m", "p.m", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "u.s", "u.k", "e.g", "i.e",
    "etc", "no", "gen", "col", "lt", "sgt", "prof", "inc", "ltd", "co", "vs", "rev", "gov",
}  # fmt: skip
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")  # "J", "H.W", "U.N": no sentence ends there
_TERMINAL = re.compile(r"[.!?:;,][\"'\u201d\u2019\u00bb)\]]*$")


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
    for paragraph, chunk in enumerate(PARAGRAPH_BREAK.split(text)):
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
        if word in _ABBREVIATIONS or _INITIALS.fullmatch(word):
            continue
        end = match.end() - (len(match.group()) - len(match.group().rstrip()))
        pieces.append(_sentence(paragraph, begin, end, offset, number))
        begin = match.end()
    pieces.append(_sentence(paragraph, begin, len(paragraph.rstrip()), offset, number))
    return pieces


def _word_before(text: str, end: int, near: int = 32) -> str:
    """The last whitespace-separated word of text[:end], "" if there is none.

    It is looked for among the `near` characters before `end` first, so that a source without
    blank lines (one long paragraph) is not sliced whole at every sentence.
    """
    start = max(0, end - near)
    words = text[start:end].rsplit(None, 1)
    if len(words) < 2 and start > 0:  # no whitespace before the word within reach
        words = text[:end].rsplit(None, 1)
    return words[-1] if words else ""


def _sentence(paragraph: str, begin: int, end: int, offset: int, number: int) -> Sentence:
    text = " ".join(paragraph[begin:end].split())
    return Sentence(offset + begin, offset + end, text, "content", number)
