"""A quotation lies word for word inside its cited passages, and so does the role it gives."""

from __future__ import annotations

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
    if not any(fold(quote.text) in p for p in passages):
        problems.error(
            node.file.shown_as,
            f"quote text is not inside its cited passage: '{shorten(quote.text)}'; "
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
