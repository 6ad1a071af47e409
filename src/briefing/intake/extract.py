"""The article's text from a saved web page (trafilatura) or a plain text file: paragraphs,
wording untouched, with the ones that are not the article's statements (captions, bylines,
corrections, "Continue reading" links) recognised so the source can mark them.

trafilatura with `favor_precision` was picked by measurement (benchmarks/README.md, "Intake
and drafting"): its default options keep a column of unrelated teasers on some pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.model.sources import MarkKind

_SEPARATOR = re.compile(r"^[\s_\-*=~•·]+$")
_BLOCKS = ("p", "head", "item", "quote", "cell")
_CAPTION = re.compile(
    r"^(?:in this (?:photo|image|picture)|\(?photo\b|photograph:|file photo)|"
    r"\((?:[^()]*\b(?:photo|image|afp|reuters|getty|ap)\b[^()]*)\)$",
    re.I,
)
_NOTE = re.compile(r"^(?:this (?:version|story|article) (?:corrects|has been)|correction:|"
                   r"an earlier version of this|editor'?s note)", re.I)  # fmt: skip
_BYLINE = re.compile(r"\bcontributed (?:to )?(?:this|the) (?:report|story)\.?$|^(?:by|par) [A-Z]")
_LINKS = ("continue reading the main story", "read the full transcript", "click here", "lire aussi")
_HEADLINE_AT_MOST = 150  # a leading heading longer than this is a caption, not a headline


@dataclass(frozen=True)
class Paragraph:
    text: str
    mark: MarkKind | None = None  # what it is, when it is not a paragraph of the story


class NoArticle(Exception):
    """The page has no article text an extractor can find."""


def paragraphs_from_html(html: str, title: str | None) -> list[Paragraph]:
    """The article's paragraphs; a leading heading that repeats the title is left out."""
    import trafilatura  # here: only intake needs it, and it takes a while to import
    from lxml import etree  # type: ignore[import-untyped]  # no stubs; trafilatura's own parser

    xml = trafilatura.extract(
        html,
        output_format="xml",
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        with_metadata=False,
    )
    if not xml:
        raise NoArticle("no article text found in the page")
    root = etree.fromstring(xml.encode("utf-8"))
    found: list[Paragraph] = []
    for element in root.iter(*_BLOCKS):
        if any(parent.tag in _BLOCKS for parent in element.iterancestors()):
            continue  # a paragraph inside a quotation or a list item is read with it
        text = " ".join("".join(element.itertext()).split())
        if not text or _SEPARATOR.match(text):
            continue
        mark = _mark(text)
        if element.tag == "head" and not found:  # a heading before any paragraph
            if title and _same(text, title):
                continue  # the headline, kept as the source's title
            if len(text) > _HEADLINE_AT_MOST:
                mark = "caption"
        found.append(Paragraph(text, mark))
    if not any(p.mark is None for p in found):
        raise NoArticle("no article text found in the page")
    return found


def paragraphs_from_text(text: str) -> list[Paragraph]:
    """A text's paragraphs: separated by blank lines, or by line breaks where it has none."""
    text = text.replace("\r\n", "\n").strip()
    chunks = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    found = []
    for chunk in chunks:
        folded = " ".join(chunk.split())
        if folded and not _SEPARATOR.match(folded):
            found.append(Paragraph(folded, _mark(folded)))
    if not found:
        raise NoArticle("the file has no text")
    return found


def seed_text(paragraphs: list[Paragraph]) -> str:
    """The seed file: one paragraph a line, a blank line between paragraphs."""
    return "\n\n".join(p.text for p in paragraphs) + "\n"


def _mark(text: str) -> MarkKind | None:
    lowered = text.lower()
    if _CAPTION.search(text):
        return "caption"
    if _NOTE.match(text):
        return "note"
    if _BYLINE.search(text) and len(text) < 200:
        return "byline"
    if any(lowered.startswith(link) for link in _LINKS):
        return "link"
    return None


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())
