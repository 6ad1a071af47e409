"""A quotation lies word for word inside its cited passages, and so does the role it gives.

Words the editors add in [brackets] and words left out (…) are allowed: what stands outside
them must be found in the passages, in order. A quotation the source splits with its
attribution is given as parts, each found after the one before.
"""

from __future__ import annotations

import re

from briefing.model import Quote
from briefing.problems import Problems, shorten
from briefing.text.passages import fold
from briefing.verify.citations import PreparedSource
from briefing.verify.walk import Node


def check_quotes(nodes: list[Node], sources: dict[str, PreparedSource], problems: Problems) -> None:
    for node in nodes:
        if isinstance(node.value, Quote):
            _check_quote(node, node.value, sources, problems)


def _check_quote(
    node: Node, quote: Quote, sources: dict[str, PreparedSource], problems: Problems
) -> None:
    passages = [
        fold(sources[c.source_id].text.text[c.start : c.end]) for c in quote.cite if c.located
    ]
    if len(passages) != len(quote.cite):
        return  # unverified citations were reported already
    missing = _first_missing(quote.pieces, passages)
    if missing is not None:
        field = "text" if quote.text is not None else "parts"
        shown = " ".join(" ".join(quote.pieces).split())
        problems.error(
            node.file.shown_as,
            f"quote text is not inside its cited passage: '{shorten(shown)}'"
            + (f" (the words '{shorten(missing, 60)}' are not there)" if missing != shown else "")
            + "; cite the passage that contains the quotation word for word (words of your "
            "own go in [brackets], words left out are marked …)",
            **node.file.where((*node.loc, field)),
        )
    if quote.role and not any(fold(quote.role) in p for p in passages):
        problems.error(
            node.file.shown_as,
            f"role '{quote.role}' is not in the quote's cited passages; give the role as the "
            "source words it and cite the passage that gives it",
            **node.file.where((*node.loc, "role")),
        )


_EDITORIAL = re.compile(r"\[[^\]]*\]|\u2026|\.\.\.")  # [added words], … or ... (left out)


def _first_missing(pieces: list[str], passages: list[str]) -> str | None:
    """The first stretch of the quotation's own words not found, in order, in the passages
    (read one after another); None when every stretch is there."""
    within = "\u2029".join(passages)  # a separator no stretch can match across
    at = 0
    for piece in pieces:
        for stretch in _EDITORIAL.split(piece):
            words = fold(stretch)
            if not words:
                continue
            found = within.find(words, at)
            if found == -1:
                return " ".join(stretch.split())
            at = found + len(words)
    return None
