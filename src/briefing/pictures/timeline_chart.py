"""The timeline chart: every event by its date, a dot for a day and a span for anything
longer (a month, a year, an interval), a span with an open end fading out to the chart's
edge; events without a date in a band of their own below, in the timeline's order. Each
event takes a row of its own unless it fits beside an earlier one, so marks and labels never
overlap; printed, a chart too tall for a page goes on over several, each with its own axis."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from html import escape

from briefing.dossier import Dossier
from briefing.model import Event
from briefing.pictures.svg import (
    COLUMN,
    GAP,
    GLYPH,
    SMALL_SIZE,
    Frame,
    Href,
    Palette,
    close_link,
    number,
    open_link,
    text_width,
)
from briefing.text.dates import EdtfDate

MARGIN = 16.0
AXIS_Y = 30.0
FIRST_ROW = 48.0
ROW_H = 44.0
FADE = 40.0  # how far an open end's span runs before it has faded out
# One chart draws at most this many rows (an event takes a row of its own unless it fits beside
# an earlier one); past it the events are listed without one.
CHART_ROW_LIMIT = 30


@dataclass(frozen=True)
class _Mark:
    event: Event
    x0: float  # where the mark starts and ends; a dot has x0 == x1
    x1: float
    open_start: bool
    open_end: bool
    label_left: float  # the label's left edge
    label_w: float
    row: int
    title: str  # as shown: cut short where the chart is too narrow for it


def timeline_chart(
    dossier: Dossier,
    *,
    frame: Frame = COLUMN,
    href: Href | None = None,
    palette: Palette | None = None,
    svg_id: str = "chart",
) -> str | None:
    """The whole timeline in one chart as wide as the frame; None when there are no events,
    or more than CHART_ROW_LIMIT rows of them."""
    pieces = _pieces(dossier.events, frame.width, CHART_ROW_LIMIT, most=2)
    if len(pieces) != 1:
        return None
    return _svg(pieces[0], frame.width, href, palette, svg_id)


def print_charts(dossier: Dossier, palette: Palette, frame: Frame = COLUMN) -> list[str]:
    """The timeline for print, as charts of a page each; none when one chart would take
    more than CHART_ROW_LIMIT rows."""
    if len(_pieces(dossier.events, frame.width, CHART_ROW_LIMIT, most=2)) != 1:
        return []
    rows = int((frame.height - FIRST_ROW) // ROW_H)
    pieces = _pieces(dossier.events, frame.width, rows)
    return [_svg(p, frame.width, None, palette, f"chart-{n + 1}") for n, p in enumerate(pieces)]


def _when(event: Event) -> EdtfDate | None:
    """The event's date, or None for an event the source leaves undated (or only places
    before or after another undated one)."""
    return event.when


def _pieces(
    events: list[Event], width: float, rows: int, most: int | None = None
) -> list[list[_Mark]]:
    """The events in charts of at most `rows` rows each, dated ones in date order, then the
    undated in the timeline's order; no more than `most` charts where it is given."""
    dated = [e for e in events if _when(e) is not None]
    undated = [e for e in events if _when(e) is None]
    pieces: list[list[_Mark]] = []
    start = 0
    while start < len(dated) and len(pieces) != most:
        low, high = start + 1, len(dated)  # the most events whose rows fit, by halving
        while low < high:
            middle = (low + high + 1) // 2
            if max(m.row for m in _dated_marks(dated[start:middle], width, rows)) < rows:
                low = middle
            else:
                high = middle - 1
        pieces.append(_dated_marks(dated[start:low], width, rows))
        start = low
    if undated:
        marks = _undated_marks(undated, width)
        if pieces and max(m.row for m in pieces[-1]) + 2 + max(m.row for m in marks) < rows:
            below = max(m.row for m in pieces[-1]) + 2  # a row's gap, with the band's name
            pieces[-1] += [_shifted(m, below) for m in marks]
        else:
            pieces.append([_shifted(m, 1) for m in marks])
    return pieces


def _shifted(mark: _Mark, rows: int) -> _Mark:
    return replace(mark, row=mark.row + rows)


def _span(events: list[Event]) -> tuple[date, date]:
    """The first and last day the axis shows: every known end, with room to spare."""
    days = [d for e in events for d in _ends(e) if d is not None]
    first, last = min(days), max(days)
    if (last - first).days > 3 * 365:
        return date(first.year, 1, 1), date(last.year + 1, 1, 1)
    if (last - first).days > 62:
        return first.replace(day=1), _next_month(last.replace(day=1))
    return first - timedelta(days=1), last + timedelta(days=2)


def _ends(event: Event) -> tuple[date | None, date | None]:
    when = _when(event)
    assert when is not None
    return when.earliest, when.latest


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _dated_marks(events: list[Event], width: float, most: int = CHART_ROW_LIMIT) -> list[_Mark]:
    """Each event's mark and label, in the first row with room for both; it stops at the
    first mark that would open row `most` (counting from 0), as that is too many."""
    first, last = _span(events)
    total = (last - first).days
    plot = width - 2 * MARGIN

    def x(day: date) -> float:
        return MARGIN + (day - first).days / total * plot

    rows: list[float] = []  # the right edge of what is drawn in each row so far
    marks = []
    for event in events:
        earliest, latest = _ends(event)
        x0 = x(earliest) if earliest is not None else MARGIN
        x1 = x(latest + timedelta(days=1)) if latest is not None else width - MARGIN
        if _is_day(event):
            x1 = x0
        w = _label_width(event, width)
        left = min(max(x0, MARGIN), width - MARGIN - w)  # the label starts at the mark if it can
        right = max(x1, left + w)
        row = next((i for i, edge in enumerate(rows) if edge + GAP <= min(x0, left)), len(rows))
        if row == len(rows):
            rows.append(0.0)
        rows[row] = right
        marks.append(_Mark(event, x0, x1, earliest is None, latest is None, left, w, row,
                           _title(event, width)))  # fmt: skip
        if row == most:
            break
    return marks


def _undated_marks(events: list[Event], width: float) -> list[_Mark]:
    """Undated events as labels, left to right and row after row, in the timeline's order."""
    marks, row, left = [], 0, MARGIN
    for event in events:
        w = _label_width(event, width)
        if left > MARGIN and left + w > width - MARGIN:
            row, left = row + 1, MARGIN
        marks.append(_Mark(event, left, left, False, False, left, w, row, _title(event, width)))
        left += w + 2 * GAP
    return marks


def _is_day(event: Event) -> bool:
    when = _when(event)
    return when is not None and when.precision == "day" and when.earliest == when.latest


def _label_width(event: Event, width: float) -> float:
    words = (_date_words(event), _title(event, width))
    return max(text_width(line, SMALL_SIZE) for line in words) + 6


def _title(event: Event, width: float) -> str:
    """The event's title, cut short where it would not fit the chart (a phone's)."""
    room = int((width - 2 * MARGIN - 6) // (SMALL_SIZE * GLYPH))
    title = event.title
    return title if len(title) <= room else title[: room - 1].rstrip() + "…"


def _date_words(event: Event) -> str:
    when = _when(event)
    status = {"superseded": " (planned, superseded)", "expected": " (expected)",
              "planned": " (planned)"}.get(event.status, "")  # fmt: skip
    return (when.human() if when is not None else "Not dated") + status


def _svg(marks: list[_Mark], width: float, href: Href | None, palette: Palette | None,
         svg_id: str) -> str:  # fmt: skip
    dated = [m for m in marks if _when(m.event) is not None]
    undated = [m for m in marks if _when(m.event) is None]
    height = FIRST_ROW + (max(m.row for m in marks) + 1) * ROW_H
    if dated:
        first, last = _span([m.event for m in dated])
        last_day = _words(last - timedelta(days=1))
        title = f"Timeline chart: {len(marks)} events, {_words(first)} to {last_day}"
    else:
        first = last = date.min
        title = f"Timeline chart: {len(marks)} events without a date"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="briefing-chart" id="{svg_id}" '
        f'width="{number(width)}" height="{number(height)}" '
        f'viewBox="0 0 {number(width)} {number(height)}" '
        f'aria-labelledby="{svg_id}-title">',
        f'<title id="{svg_id}-title">{escape(title)}</title>',
        palette.style() if palette else "",
        f'<defs><linearGradient id="{svg_id}-fade-in"><stop offset="0" stop-opacity="0" '
        'class="fade-stop"/><stop offset="1" class="fade-stop"/></linearGradient>'
        f'<linearGradient id="{svg_id}-fade-out"><stop offset="0" class="fade-stop"/>'
        '<stop offset="1" stop-opacity="0" class="fade-stop"/></linearGradient></defs>',
    ]
    if dated:
        out.append(
            f'<line class="axis" x1="{number(MARGIN)}" y1="{number(AXIS_Y)}" '
            f'x2="{number(width - MARGIN)}" y2="{number(AXIS_Y)}"/>'
        )
        out += _ticks(first, last, width, height)
    if undated:
        top = FIRST_ROW + min(m.row for m in undated) * ROW_H - 22
        out.append(
            f'<text class="axis-label" x="{number(MARGIN)}" y="{number(top)}" '
            f'font-size="{number(SMALL_SIZE)}">Not dated, in the timeline’s order</text>'
        )
    out += [_item(m, svg_id, href) for m in marks]
    out.append("</svg>")
    return "".join(out)


def _words(day: date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def _ticks(first: date, last: date, width: float, height: float) -> list[str]:
    """Grid lines and their words, as many as fit: days, months, or every 1, 2, 5, ... years."""
    total = (last - first).days
    plot = width - 2 * MARGIN
    room = text_width("September 2022", SMALL_SIZE)
    days = []
    if total <= 62:
        step = max(1, int(total * room / plot / 2) + 1)
        days = [first + timedelta(days=n) for n in range(1, total, step)]
        words = [f"{d.day} {calendar.month_abbr[d.month]}" for d in days]
    elif total <= 3 * 366:
        months = []
        day = first.replace(day=1)
        while day < last:
            months.append(day)
            day = _next_month(day)
        step = next(s for s in (1, 2, 3, 6, 12) if plot / len(months) * s >= room * 0.8)
        days = [d for n, d in enumerate(months) if (d.month - 1) % step == 0 or n == 0]
        words = [f"{calendar.month_abbr[d.month]} {d.year}" for d in days]
    else:
        years = last.year - first.year
        step = next(s for s in (1, 2, 5, 10, 25, 50, 100, 1000) if plot / years * s >= 34)
        days = [date(y, 1, 1) for y in range(first.year, last.year) if y % step == 0]
        words = [str(d.year) for d in days]
    out = []
    for day, word in zip(days, words, strict=True):
        tick = MARGIN + (day - first).days / total * plot
        out.append(
            f'<line class="grid" x1="{number(tick)}" y1="{number(AXIS_Y - 5)}" '
            f'x2="{number(tick)}" y2="{number(height)}"/><text class="axis-label" '
            f'x="{number(tick + 3)}" y="{number(AXIS_Y - 8)}" '
            f'font-size="{number(SMALL_SIZE)}">{escape(word)}</text>'
        )
    return out


def _item(mark: _Mark, svg_id: str, href: Href | None) -> str:
    event = mark.event
    y = FIRST_ROW + mark.row * ROW_H
    if _when(event) is None:
        drawn = ""
    elif mark.x0 == mark.x1:
        drawn = f'<circle class="point" cx="{number(mark.x0)}" cy="{number(y)}" r="5"/>'
    else:
        # An open end fades out over its last FADE units, towards the chart's edge.
        x0 = mark.x0 + FADE if mark.open_start else mark.x0
        x1 = mark.x1 - FADE if mark.open_end else mark.x1
        drawn = (
            f'<rect class="span" x="{number(x0)}" y="{number(y - 5)}" '
            f'width="{number(max(x1 - x0, 4))}" height="10" rx="2"/>'
        )
        for open_, left, fade in ((mark.open_start, mark.x0, "in"), (mark.open_end, x1, "out")):
            if open_:
                drawn += (
                    f'<rect class="open-end" x="{number(left)}" y="{number(y - 5)}" '
                    f'width="{number(FADE)}" height="10" fill="url(#{svg_id}-fade-{fade})"/>'
                )
    label_y = y + 8 if _when(event) is not None else y - 12
    return (
        f'<g class="event status-{event.status}">'
        + open_link(href, "event", event.id, event.title if mark.title != event.title else "")
        + drawn
        + f'<rect class="label-bg" x="{number(mark.label_left)}" y="{number(label_y)}" '
        f'width="{number(mark.label_w)}" height="{number(2 * SMALL_SIZE + 5)}"/>'
        + f'<text class="event-date" x="{number(mark.label_left + 3)}" '
        f'y="{number(label_y + SMALL_SIZE)}" font-size="{number(SMALL_SIZE)}" '
        f'font-weight="bold">{escape(_date_words(event))}</text>'
        + f'<text class="event-title" x="{number(mark.label_left + 3)}" '
        f'y="{number(label_y + 2 + 2 * SMALL_SIZE)}" font-size="{number(SMALL_SIZE)}">'
        f"{escape(mark.title)}</text>" + close_link(href) + "</g>"
    )
