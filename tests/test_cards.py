"""Share cards drawn by Typst: a PNG for each card, set in the briefing's language."""

from __future__ import annotations

import pytest

from briefing.cards import Card, CardsFailed, CardsJob


def card(name: str) -> Card:
    """A profile's card: the briefing's title on the band, the record's name below it."""
    return Card("assets/briefing/share/people/x.png", "Kent raporu", "As of 1 May 2024",
                "Open sources", name=name, kind="Person")  # fmt: skip


def test_a_card_is_set_in_the_briefings_language():
    """The font follows the language: Turkish keeps "f" and "i" apart where English joins them
    in one ligature (a Turkish reader would read the dotless "ı")."""
    title = card("Resmi firmalar")
    english = CardsJob([title], "en").result()[title.path]
    turkish = CardsJob([title], "tr").result()[title.path]
    assert english[:8] == turkish[:8] == b"\x89PNG\r\n\x1a\n"
    assert turkish != english
    assert CardsJob([title], "tr-TR").result()[title.path] == turkish
    assert CardsJob([title], "en-GB").result()[title.path] == english
    plain = card("Resmi kararlar")  # no ligature to make: alike in both
    assert (
        CardsJob([plain], "tr").result()[plain.path] == CardsJob([plain], "en").result()[plain.path]
    )


def test_a_stopped_drawing_says_so():
    job = CardsJob([card("A title")], "en")
    job.stop()
    with pytest.raises(CardsFailed, match="stopped before it finished"):
        job.result()
