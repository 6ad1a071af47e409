"""Share cards (the picture a link preview shows) drawn by Typst in a process of its own while
the site builds, as the PDF is: Typst's memory goes back to the system when it ends, and a
build that fails stops it at once."""

from __future__ import annotations

import subprocess
import sys
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

import orjson

HERE = Path(__file__).parent
TEMPLATE = HERE / "card.typ"
TYPESET = HERE / "typeset.py"


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
    """Typst drawing the cards in a child process (`typeset.py`) while the caller goes on."""

    def __init__(self, cards: list[Card]):
        self.cards = cards
        self._process = subprocess.Popen(
            [sys.executable, str(TYPESET), str(TEMPLATE)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self._output = (b"", b"")
        data = orjson.dumps([asdict(card) for card in cards])
        self._feeder = threading.Thread(target=self._communicate, args=(data,), daemon=True)
        self._feeder.start()

    def _communicate(self, data: bytes) -> None:
        self._output = self._process.communicate(data)

    def result(self) -> dict[str, bytes]:
        """Each card's path in the site and its PNG; raise CardsFailed with Typst's message."""
        self._feeder.join()
        out, errors = self._output
        if self._process.returncode != 0:
            message = errors.decode("utf-8", "replace").strip()
            raise CardsFailed(message or f"Typst's process ended with {self._process.returncode}")
        pngs = []
        while out:
            length = int.from_bytes(out[:8], "big")
            pngs.append(out[8 : 8 + length])
            out = out[8 + length :]
        if len(pngs) != len(self.cards):
            raise CardsFailed(f"Typst drew {len(pngs)} cards of {len(self.cards)}")
        return {card.path: png for card, png in zip(self.cards, pngs, strict=True)}

    def stop(self) -> None:
        """End the drawing now (the build it was for has failed)."""
        self._process.kill()
        self._feeder.join()
