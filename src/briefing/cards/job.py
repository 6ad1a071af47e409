"""Share cards (the picture a link preview shows) drawn by Typst in a process of its own while
the site builds, as the PDF is: Typst's memory goes back to the system when it ends, and a
build that fails stops it at once."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import orjson

from briefing.typesetting import TypstFailed, TypstProcess, typst_language

TEMPLATE = Path(__file__).parent / "card.typ"
PPI = 144  # a 600 × 315 pt page is a 1200 × 630 px picture, the size link previews use


@dataclass(frozen=True)
class Card:
    """What one card shows, all plain text: Typst places each as a string."""

    path: str  # where its PNG goes in the site: "assets/briefing/share/people/tokayev.png"
    title: str  # the briefing's title
    as_of: str  # "As of 17 November 2022"
    marking: str  # the briefing's marking line
    name: str = ""  # the record's name; a card without one shows the lede
    kind: str = ""  # "Person"
    role: str = ""  # the record's first role
    lede: str = ""  # the briefing's subtitle, on the home page's card


class CardsFailed(Exception):
    """Typst could not draw the cards; the message is Typst's own."""


class CardsJob:
    """Typst drawing the cards, in the briefing's language (a BCP 47 tag), while the caller
    goes on."""

    def __init__(self, cards: list[Card], language: str):
        self.cards = cards
        data = orjson.dumps(
            {"language": typst_language(language), "cards": [asdict(card) for card in cards]}
        )
        self.typst = TypstProcess(
            TEMPLATE, data, input_name="cards", making="the share cards", format="png", ppi=PPI
        )

    def result(self) -> dict[str, bytes]:
        """Each card's path in the site and its PNG; raise CardsFailed with Typst's message."""
        try:
            pngs = self.typst.documents()
        except TypstFailed as error:
            raise CardsFailed(str(error)) from None
        if len(pngs) != len(self.cards):
            raise CardsFailed(f"Typst drew {len(pngs)} cards of {len(self.cards)}")
        return {card.path: png for card, png in zip(self.cards, pngs, strict=True)}

    def stop(self) -> None:
        """End the drawing now (the build it was for has failed)."""
        self.typst.stop()
