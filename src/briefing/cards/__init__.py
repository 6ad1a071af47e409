"""Share cards: the picture a link to a main page shows in a chat or a post, drawn by Typst
at build time (`card.typ`) in a process of its own (`job`)."""

from briefing.cards.job import Card, CardsFailed, CardsJob

__all__ = ["Card", "CardsFailed", "CardsJob"]
