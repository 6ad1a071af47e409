"""The timeline chart: every event by its date, a dot for a day and a bar for a month or a
year, each in a row of its own unless it fits beside an earlier one."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from briefing.dossier import Dossier
from briefing.model import Event
from briefing.pictures.svg import (
    GAP,
    SMALL_SIZE,
    Href,
    Palette,
    close_link,
    number,
    open_link,
    text_width,
)
from briefing.text.dates import EdtfDate

CHART_WIDTH = 680.0
MARGIN = 16.0
AXIS_Y = 30.0
FIRST_ROW = 48.0
ROW_H = 44.0
# One chart draws at most this many rows (an event takes a row of its own unless it fits beside
# an earlier one). Fitted to a printed page, a chart of 30 rows already prints its words at
# about 4 pt, and on the site it is 1,400 px tall; past it the events are listed without one.
CHART_ROW_LIMIT = 30


def timeline_chart(
    dossier: Dossier,
    *,
    href: Href | None = None,
    palette: Palette | None = None,
    svg_id: str = "chart",
) -> str | None:
    """Every event by its date, a dot for a day and a bar for a month or a year; None when
    there are none, or more than CHART_ROW_LIMIT rows of them.

    Each event gets a row of its own unless it fits beside an earlier one, so marks and labels
    never overlap however crowded a year is.
    """
    # Events the chart can place: a first and a last day known (an undated event, or an open
    # interval, is listed in the timeline below the chart).
    placed: list[tuple[Event, EdtfDate, date, date]] = []
    for event in dossier.events:
        when = event.when
        if when is not None and when.earliest is not None and when.latest is not None:
            placed.append((event, when, when.earliest, when.latest))
    if not placed:
        return None
    first = date(min(a for _, _, a, _ in placed).year, 1, 1)
    last = date(max(b for _, _, _, b in placed).year, 12, 31) + timedelta(days=1)
    total = (last - first).days
    plot = CHART_WIDTH - 2 * MARGIN

    def x(day: date) -> float:
        return MARGIN + (day - first).days / total * plot

    rows: list[float] = []  # right edge of what is drawn in each row so far
    items = []
    for event, d, earliest, latest in sorted(placed, key=lambda p: (p[1].sort_key(), p[0].id)):
        x0, x1 = x(earliest), max(x(latest + timedelta(days=1)), x(earliest) + 4)
        w = max(text_width(d.human() + _status_words(event), SMALL_SIZE),
                text_width(event.title, SMALL_SIZE)) + 6  # fmt: skip
        anchor_left = x0 + w <= CHART_WIDTH - MARGIN
        left = min(x0, x0 if anchor_left else x1 - w)
        right = max(x1, left + w)
        row = next((i for i, edge in enumerate(rows) if edge + GAP <= left), len(rows))
        if row == len(rows):
            if row == CHART_ROW_LIMIT:
                return None
            rows.append(0.0)
        rows[row] = right
        items.append((event, d, x0, x1, row, anchor_left))
    height = FIRST_ROW + len(rows) * ROW_H

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="briefing-chart" id="{svg_id}" '
        f'width="{number(CHART_WIDTH)}" height="{number(height)}" '
        f'viewBox="0 0 {number(CHART_WIDTH)} {number(height)}" aria-labelledby="{svg_id}-title">',
        f'<title id="{svg_id}-title">Timeline chart: {len(placed)} events from '
        f"{first.year} to {last.year - 1}</title>",
        palette.style() if palette else "",
        f'<line class="axis" x1="{number(MARGIN)}" y1="{number(AXIS_Y)}" '
        f'x2="{number(CHART_WIDTH - MARGIN)}" '
        f'y2="{number(AXIS_Y)}"/>',
    ]
    for year in range(first.year, last.year):
        tick = x(date(year, 1, 1))
        out.append(
            f'<line class="grid" x1="{number(tick)}" y1="{number(AXIS_Y - 5)}" x2="{number(tick)}" '
            f'y2="{number(height)}"/><text class="axis-label" x="{number(tick + 3)}" '
            f'y="{number(AXIS_Y - 8)}" font-size="{number(SMALL_SIZE)}">{year}</text>'
        )
    out += [_chart_item(*item, href) for item in items]
    out.append("</svg>")
    return "".join(out)


def _status_words(event: Event) -> str:
    return {"superseded": " (planned, superseded)", "expected": " (expected)",
            "planned": " (planned)"}.get(event.status, "")  # fmt: skip


def _chart_item(
    event: Event,
    d: EdtfDate,
    x0: float,
    x1: float,
    row: int,
    anchor_left: bool,
    href: Href | None,
) -> str:
    y = FIRST_ROW + row * ROW_H
    mark = (
        f'<circle class="point" cx="{number(x0)}" cy="{number(y)}" r="5"/>'
        if d.precision == "day"
        else f'<rect class="span" x="{number(x0)}" y="{number(y - 5)}" width="{number(x1 - x0)}" '
        'height="10" rx="2"/>'
    )
    status = _status_words(event)
    text_x, anchor = (x0, "start") if anchor_left else (x1, "end")
    w = max(text_width(d.human() + status, SMALL_SIZE), text_width(event.title, SMALL_SIZE)) + 6
    left = text_x if anchor_left else text_x - w
    return (
        f'<g class="event status-{event.status}">'
        + open_link(href, "event", event.id)
        + mark
        + f'<rect class="label-bg" x="{number(left)}" y="{number(y + 8)}" width="{number(w)}" '
        f'height="{number(2 * SMALL_SIZE + 5)}"/>'
        + f'<text class="event-date" x="{number(text_x)}" y="{number(y + 8 + SMALL_SIZE)}" '
        f'font-size="{number(SMALL_SIZE)}" text-anchor="{anchor}" font-weight="bold">'
        f"{escape(d.human() + status)}</text>"
        + f'<text class="event-title" x="{number(text_x)}" y="{number(y + 10 + 2 * SMALL_SIZE)}" '
        f'font-size="{number(SMALL_SIZE)}" text-anchor="{anchor}">{escape(event.title)}</text>'
        + close_link(href)
        + "</g>"
    )
