"""The pieces every picture is drawn with: sizes, a palette for print, boxes, numbers and links.

Text widths are estimated generously from character counts, since no font metrics are
available at build time. On the site the SVG is styled by the site's CSS (so it follows the
light and dark schemes); for the PDF a `Palette` is embedded as a <style> element.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

NAME_SIZE = 13.0
SMALL_SIZE = 11.0
GLYPH = 0.62  # assumed average glyph width, as a share of the font size
PAD = 8.0
GAP = 10.0

Href = Callable[[str, str], str]  # (kind, id) -> link; kinds: "record", "event", "citation"


@dataclass(frozen=True)
class Frame:
    """The room a picture is drawn for, in the SVG's units: a pixel on the site, where the
    picture is never scaled up; in print, 1/688 of the text's width."""

    width: float
    height: float


# The site's content column at 1280 px; the same column printed spans the text of an A4 or a
# Letter page (7 pt to 11 units) and a page's room under a heading (Letter's, the shorter).
COLUMN = Frame(688.0, 840.0)
# A phone's column at 390 px, for the picture drawn in its place there.
PHONE = Frame(340.0, 900.0)


@dataclass(frozen=True)
class Palette:
    """Explicit colours and font for media that cannot read the site's CSS (the PDF)."""

    ink: str = "#1b1f24"
    muted: str = "#5a6270"
    node_fill: str = "#eef3f6"
    node_stroke: str = "#0b4f6c"
    edge: str = "#0b4f6c"
    support: str = "#2e6b34"
    conflict: str = "#a1262b"
    link: str = "#5a6270"
    label_bg: str = "#ffffff"
    font: str = "Libertinus Serif"

    def style(self) -> str:
        return (
            f"<style>text{{font-family:'{self.font}';fill:{self.ink}}}"
            f".node{{fill:{self.node_fill};stroke:{self.node_stroke};stroke-width:1.2}}"
            f".node-role,.edge-label,.axis-label,.event-date{{fill:{self.muted}}}"
            f".node.far{{stroke-dasharray:4 2}}.node.focus{{stroke-width:2.6}}"
            f".cluster{{fill:none;stroke:{self.node_stroke};stroke-width:1;stroke-dasharray:2 2}}"
            f".edge{{stroke:{self.edge};stroke-width:1.4;fill:none}}.arrowhead{{fill:{self.edge}}}"
            f".edge.style-support{{stroke:{self.support}}}.arrowhead.style-support{{fill:{self.support}}}"
            f".edge.style-conflict{{stroke:{self.conflict}}}"
            f".arrowhead.style-conflict{{fill:{self.conflict}}}"
            f".edge.style-link{{stroke:{self.link}}}.arrowhead.style-link{{fill:{self.link}}}"
            f".edge.inferred{{stroke-dasharray:5 3}}.label-bg{{fill:{self.label_bg};opacity:0.92}}"
            f".fade-stop{{stop-color:{self.edge}}}"
            f".axis{{stroke:{self.muted};stroke-width:1}}.grid{{stroke:#d0d5dc;stroke-width:0.6}}"
            f".span{{fill:{self.edge};opacity:0.75}}.point{{fill:{self.edge}}}"
            f".status-superseded .span,.status-superseded .point{{fill:none;stroke:{self.edge};"
            f"stroke-dasharray:3 2;opacity:1}}"
            f".status-expected .point,.status-planned .point{{fill:{self.label_bg};"
            f"stroke:{self.edge};stroke-width:1.5}}</style>"
        )


PRINT = Palette()


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle given by its centre and size."""

    cx: float
    cy: float
    w: float
    h: float

    @property
    def left(self) -> float:
        return self.cx - self.w / 2

    @property
    def top(self) -> float:
        return self.cy - self.h / 2

    def overlaps(self, other: Box, margin: float = 0.0) -> bool:
        """True when the boxes, kept `margin` apart, touch."""
        return (
            abs(self.cx - other.cx) * 2 < self.w + other.w + 2 * margin
            and abs(self.cy - other.cy) * 2 < self.h + other.h + 2 * margin
        )


def text_width(text: str, size: float) -> float:
    return len(text) * size * GLYPH


def number(value: float) -> str:
    """Coordinates rounded to one decimal, written the same way every time."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def open_link(href: Href | None, kind: str, target: str, title: str = "") -> str:
    """A link (or a plain group without one), named by an SVG <title> when given."""
    named = f"<title>{escape(title)}</title>" if title else ""
    if href is None:
        return f"<g>{named}"
    return f'<a href="{escape(href(kind, target))}">{named}'


def close_link(href: Href | None) -> str:
    return "</g>" if href is None else "</a>"


# --- relationship map -----------------------------------------------------------------------
