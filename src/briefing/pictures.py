"""Pictures drawn at build time as SVG, in plain Python: a relationship map and a timeline chart.

Layouts are deterministic (same dossier, same bytes) and keep boxes and labels apart by
construction: nodes sit on an ellipse that grows until no two boxes touch, and each label takes
the first free spot among a fixed list of candidates. On the site the SVG is styled by the
site's CSS (so it follows the light and dark schemes); for the PDF a `Palette` is embedded as a
<style> element. Text widths are estimated generously from character counts, since no font
metrics are available at build time.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from briefing.dossier import Dossier
from briefing.model import Event, Person, Relation

NAME_SIZE = 13.0
SMALL_SIZE = 11.0
GLYPH = 0.62  # assumed average glyph width, as a share of the font size
PAD = 8.0
GAP = 10.0

Href = Callable[[str, str], str]  # (kind, id) -> link; kinds: "record", "event", "citation"


@dataclass(frozen=True)
class Palette:
    """Explicit colours and font for media that cannot read the site's CSS (the PDF)."""

    ink: str = "#1b1f24"
    muted: str = "#5a6270"
    node_fill: str = "#eef3f6"
    node_stroke: str = "#0b4f6c"
    edge: str = "#0b4f6c"
    inference: str = "#8a5a00"
    label_bg: str = "#ffffff"
    font: str = "Libertinus Serif"

    def style(self) -> str:
        return (
            f"<style>text{{font-family:'{self.font}';fill:{self.ink}}}"
            f".node{{fill:{self.node_fill};stroke:{self.node_stroke};stroke-width:1.2}}"
            f".node-role,.edge-label,.axis-label,.event-date{{fill:{self.muted}}}"
            f".edge{{stroke:{self.edge};stroke-width:1.4;fill:none}}"
            f".edge.inferred{{stroke:{self.inference};stroke-dasharray:5 3}}"
            f".arrowhead{{fill:{self.edge}}}.label-bg{{fill:{self.label_bg};opacity:0.92}}"
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

    def overlaps(self, other: Box, margin: float = 0.0, margin_y: float | None = None) -> bool:
        """True when the boxes, kept `margin` apart (`margin_y` vertically if given), touch."""
        my = margin if margin_y is None else margin_y
        return (
            abs(self.cx - other.cx) * 2 < self.w + other.w + 2 * margin
            and abs(self.cy - other.cy) * 2 < self.h + other.h + 2 * my
        )

    def edge_point(self, toward_x: float, toward_y: float) -> tuple[float, float]:
        """Where the line from the centre toward a point leaves this box."""
        dx, dy = toward_x - self.cx, toward_y - self.cy
        if dx == 0 and dy == 0:
            return self.cx, self.cy
        scale = min(
            (self.w / 2) / abs(dx) if dx else math.inf, (self.h / 2) / abs(dy) if dy else math.inf
        )
        return self.cx + dx * scale, self.cy + dy * scale


def text_width(text: str, size: float) -> float:
    return len(text) * size * GLYPH


def _n(value: float) -> str:
    """Coordinates rounded to one decimal, written the same way every time."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _open_link(href: Href | None, kind: str, target: str, title: str = "") -> str:
    """A link (or a plain group without one), named by an SVG <title> when given."""
    named = f"<title>{escape(title)}</title>" if title else ""
    if href is None:
        return f"<g>{named}"
    return f'<a href="{escape(href(kind, target))}">{named}'


def _close_link(href: Href | None) -> str:
    return "</g>" if href is None else "</a>"


# --- relationship map -----------------------------------------------------------------------


@dataclass
class _Node:
    id: str
    name: str
    role: str
    box: Box


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def node_role(dossier: Dossier, record_id: str) -> str:
    """A short line under a node's name: the first role as worded, or what kind of record."""
    record = dossier.entity(record_id)
    if isinstance(record, Person) and record.roles:
        return record.roles[0].title
    return {
        "person": "person",
        "group": "group",
        "organisation": "organisation",
        "place": getattr(record, "kind", "place"),
        "event": "event",
    }.get(dossier.kind_of(record_id) or "", "")


# One map draws at most this many records: at 30 its names already print at about 4.5 pt,
# and past it the boxes and arrows crowd into a picture no reader can follow, while the
# layout, which weighs every pair of records, takes seconds (10.7 s for 220 records that hang
# together). Past it the relations are listed without a map.
MAP_LIMIT = 30


def records_on_map(relations: list[Relation]) -> int:
    """How many records a map of these relations would draw."""
    return len({r.subject for r in relations} | {r.object for r in relations})


def relationship_map(
    dossier: Dossier,
    *,
    focus: str | None = None,
    href: Href | None = None,
    palette: Palette | None = None,
    svg_id: str = "map",
) -> str | None:
    """The relations of the dossier (or of one record, drawn around it) as an SVG map; None
    when there are none, or too many records to draw (MAP_LIMIT)."""
    relations = dossier.relations if focus is None else dossier.relations_of(focus)
    if not relations or records_on_map(relations) > MAP_LIMIT:
        return None
    order = _node_order(relations, focus)
    sizes = {}
    for record_id in order:
        name, role = dossier.name_of(record_id), _shorten(node_role(dossier, record_id), 30)
        width = max(text_width(name, NAME_SIZE), text_width(role, SMALL_SIZE)) + 2 * PAD
        sizes[record_id] = (name, role, width, NAME_SIZE + SMALL_SIZE + 2 * PAD)
    links = [(r.subject, r.object, text_width(_edge_label(r), SMALL_SIZE) + 8) for r in relations]
    nodes = _place_nodes(order, sizes, links, centred=focus is not None)
    edges = _place_edges(relations, nodes)

    boxes = [n.box for n in nodes.values()] + [label for _, _, _, label in edges]
    left = min(b.left for b in boxes) - GAP
    top = min(b.top for b in boxes) - GAP
    width = max(b.left + b.w for b in boxes) + GAP - left
    height = max(b.top + b.h for b in boxes) + GAP - top

    title = (
        f"Relationship map of {dossier.name_of(focus)}" if focus else "Relationship map"
    ) + f": {len(relations)} sourced relations between {len(nodes)} records"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="briefing-map" id="{svg_id}" '
        f'width="{_n(width)}" height="{_n(height)}" '
        f'viewBox="{_n(left)} {_n(top)} {_n(width)} {_n(height)}" '
        f'aria-labelledby="{svg_id}-title">',
        f'<title id="{svg_id}-title">{escape(title)}</title>',
        palette.style() if palette else "",
        f'<defs><marker id="{svg_id}-arrow" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="8" markerHeight="8" orient="auto-start-reverse">'
        '<path class="arrowhead" d="M0,0L10,5L0,10z"/></marker></defs>',
        '<g class="edges">',
    ]
    labels = ['<g class="edge-labels">']
    for relation, start, end, label in edges:
        words = relation_sentence(dossier, relation)
        classes = "edge inferred" if relation.inference else "edge"
        target = str(relation.cite[0].number)
        line = (
            f'<line class="{classes}" x1="{_n(start[0])}" y1="{_n(start[1])}" '
            f'x2="{_n(end[0])}" y2="{_n(end[1])}" marker-end="url(#{svg_id}-arrow)"/>'
        )
        if href is not None:  # the arrow links too, but only its label is a tab stop
            line = (
                f'<a href="{escape(href("citation", target))}" tabindex="-1" aria-hidden="true">'
                f"{line}</a>"
            )
        out.append(line)
        labels.append(
            _open_link(href, "citation", target, words)
            + f'<rect class="label-bg" x="{_n(label.left)}" y="{_n(label.top)}" '
            f'width="{_n(label.w)}" height="{_n(label.h)}" rx="3"/>'
            + f'<text class="edge-label" x="{_n(label.cx)}" '
            f'y="{_n(label.cy + SMALL_SIZE * 0.35)}" font-size="{_n(SMALL_SIZE)}" '
            f'text-anchor="middle">{escape(_edge_label(relation))}</text>' + _close_link(href)
        )
    out.append('</g><g class="nodes">')
    for node in nodes.values():
        box = node.box
        out.append(
            _open_link(href, "record", node.id)
            + f'<rect class="node{" focus" if node.id == focus else ""}" x="{_n(box.left)}" '
            f'y="{_n(box.top)}" width="{_n(box.w)}" height="{_n(box.h)}" rx="6"/>'
            + f'<text class="node-name" x="{_n(box.cx)}" y="{_n(box.top + PAD + NAME_SIZE * 0.8)}" '
            f'font-size="{_n(NAME_SIZE)}" font-weight="bold" text-anchor="middle">'
            f"{escape(node.name)}</text>" + f'<text class="node-role" x="{_n(box.cx)}" '
            f'y="{_n(box.top + PAD + NAME_SIZE + SMALL_SIZE * 0.9)}" font-size="{_n(SMALL_SIZE)}" '
            f'text-anchor="middle">{escape(node.role)}</text>' + _close_link(href)
        )
    out.append("</g>")
    out.extend(labels)  # on top: a label never hides under a box
    out.append("</g></svg>")
    return "".join(out)


def _edge_label(relation: Relation) -> str:
    return relation.label + (" (claimed)" if relation.according_to else "")


def relation_sentence(dossier: Dossier, relation: Relation) -> str:
    """The relation in words, as the text alternative lists it."""
    words = (
        f"{dossier.name_of(relation.subject)} {relation.label} {dossier.name_of(relation.object)}"
    )
    if relation.according_to:
        words += f", according to {dossier.name_of(relation.according_to)}"
    if relation.inference:
        words += " (editorial inference)"
    return words


def _node_order(relations: list[Relation], focus: str | None) -> list[str]:
    """Focus first; otherwise a breadth-first walk from the best-connected record.

    Neighbours end up next to each other on the ellipse, which keeps arrows short and
    crossings few.
    """
    neighbours: dict[str, list[str]] = {}
    for relation in relations:
        for a, b in ((relation.subject, relation.object), (relation.object, relation.subject)):
            neighbours.setdefault(a, [])
            if b not in neighbours[a]:
                neighbours[a].append(b)
    if focus is not None:
        return [focus, *[n for n in neighbours[focus] if n != focus]]
    order: list[str] = []
    remaining = list(neighbours)
    while remaining:
        start = max(remaining, key=lambda n: (len(neighbours[n]), -remaining.index(n)))
        queue = [start]
        while queue:
            current = queue.pop(0)
            if current in order:
                continue
            order.append(current)
            queue.extend(n for n in neighbours[current] if n not in order)
        remaining = [n for n in remaining if n not in order]
    return order


def _place_nodes(
    order: list[str],
    sizes: dict[str, tuple[str, str, float, float]],
    links: list[tuple[str, str, float]],
    *,
    centred: bool,
) -> dict[str, _Node]:
    """Boxes for the records: around the focus, or by a deterministic force layout."""
    room: dict[frozenset, tuple[float, float]] = {}
    for a, b, label_width in links:
        pair = frozenset((a, b))
        wide, high = room.get(pair, (0.0, 0.0))
        # Side by side, the label needs its width between the boxes; one above the other, only
        # its height (it can sit beside the arrow).
        room[pair] = (max(wide, label_width / 2 + 2 * GAP), high + SMALL_SIZE + 2 * GAP)
    if centred:
        centres = _radial(order, sizes)
        boxes = {i: Box(*centres[i], sizes[i][2], sizes[i][3]) for i in order}
        boxes = _separate(order, boxes, room)
    else:
        parts = _components(order, [(a, b) for a, b, _ in links])
        firsts = {frozenset((a, b)): (a, b) for a, b, _ in reversed(links)}  # first of each pair
        pairs = [firsts[k] for k in dict.fromkeys(frozenset((a, b)) for a, b, _ in links)]
        boxes = _pack([_component_boxes(part, pairs, room, sizes) for part in parts])
    return {i: _Node(i, sizes[i][0], sizes[i][1], boxes[i]) for i in order}


def _components(order: list[str], links: list[tuple[str, str]]) -> list[list[str]]:
    """Groups of records linked to each other, in the order their first member appears."""
    parts: list[list[str]] = []
    seen: set[str] = set()
    for start in order:
        if start in seen:
            continue
        part, queue = [], [start]
        while queue:
            node = queue.pop(0)
            if node in seen:
                continue
            seen.add(node)
            part.append(node)
            queue += [b for a, b in links if a == node] + [a for a, b in links if b == node]
        parts.append([n for n in order if n in part])
    return parts


def _component_boxes(
    part: list[str],
    pairs: list[tuple[str, str]],
    room: dict[frozenset, tuple[float, float]],
    sizes,
) -> dict[str, Box]:
    """Lay out one connected part. Links come in the relations' order, never a set's order:
    string hashing changes between processes, and the layout must not."""
    members = set(part)
    inside = [(a, b) for a, b in pairs if a in members and b in members and a != b]
    centres = _spread(part, inside) if len(part) > 1 else {part[0]: (0.0, 0.0)}
    boxes = {i: Box(*centres[i], sizes[i][2], sizes[i][3]) for i in part}
    return _separate(part, boxes, room)


def _pack(parts: list[dict[str, Box]], row_width: float = 600.0) -> dict[str, Box]:
    """Set the groups side by side in rows, largest first, so the map stays compact."""
    parts = sorted(parts, key=lambda p: -len(p))
    placed: dict[str, Box] = {}
    x = y = row_height = 0.0
    for part in parts:
        left = min(b.left for b in part.values())
        top = min(b.top for b in part.values())
        width = max(b.left + b.w for b in part.values()) - left
        height = max(b.top + b.h for b in part.values()) - top
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + 3 * GAP, 0.0
        for key, b in part.items():
            placed[key] = Box(b.cx - left + x, b.cy - top + y, b.w, b.h)
        x += width + 4 * GAP
        row_height = max(row_height, height)
    return placed


def _radial(order: list[str], sizes) -> dict[str, tuple[float, float]]:
    ring = order[1:]
    count = max(len(ring), 1)
    radius = 70.0 + 12.0 * count
    centres = {order[0]: (0.0, 0.0)}
    for index, record_id in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * index / count
        centres[record_id] = (radius * 1.8 * math.cos(angle), radius * math.sin(angle))
    return centres


def _spread(order: list[str], links: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """A Fruchterman-Reingold layout from a fixed start, so the same graph lands the same way.

    Positions live in plain lists indexed like `order`: every pair of records is visited in
    each of the 300 rounds, so what a visit costs is what the layout costs.
    """
    ideal = 90.0
    count = len(order)
    xs = [ideal * math.cos(2 * math.pi * i / count) for i in range(count)]
    ys = [ideal * math.sin(2 * math.pi * i / count) for i in range(count)]
    index = {node: i for i, node in enumerate(order)}
    edges = [(index[a], index[b]) for a, b in links]
    hypot = math.hypot
    rounds = 300
    for step in range(rounds):
        shift_x, shift_y = [0.0] * count, [0.0] * count
        for i in range(count):
            x, y = xs[i], ys[i]
            push_x, push_y = shift_x[i], shift_y[i]
            for j in range(i + 1, count):
                dx, dy = x - xs[j], y - ys[j]
                distance = hypot(dx, dy)
                if distance < 1.0:
                    distance = 1.0
                push = ideal * ideal / distance
                along_x, along_y = dx / distance * push, dy / distance * push
                push_x += along_x
                push_y += along_y
                shift_x[j] -= along_x
                shift_y[j] -= along_y
            shift_x[i], shift_y[i] = push_x, push_y
        for a, b in edges:
            dx, dy = xs[a] - xs[b], ys[a] - ys[b]
            distance = max(hypot(dx, dy), 1.0)
            pull = distance * distance / ideal
            shift_x[a] -= dx / distance * pull
            shift_y[a] -= dy / distance * pull
            shift_x[b] += dx / distance * pull
            shift_y[b] += dy / distance * pull
        limit = 30.0 * (1 - step / rounds) + 1.0
        for i in range(count):
            shift_x[i] -= xs[i] * 0.08  # a little gravity keeps parts together
            shift_y[i] -= ys[i] * 0.08
            length = hypot(shift_x[i], shift_y[i]) or 1.0
            xs[i] += shift_x[i] / length * min(length, limit)
            ys[i] += shift_y[i] / length * min(length, limit)
    if max(xs) - min(xs) > max(ys) - min(ys):  # stand it upright: pages are narrow, boxes wide
        xs, ys = ys, xs
    return {node: (xs[i], ys[i]) for i, node in enumerate(order)}


def _separate(
    order: list[str], boxes: dict[str, Box], room: dict[frozenset, tuple[float, float]]
) -> dict[str, Box]:
    """Push boxes apart until none touch and linked ones leave room for their arrow's label.

    Works on plain lists indexed like `order`, as `_spread` does: each sweep visits every pair.
    """
    count = len(order)
    cx = [boxes[k].cx for k in order]
    cy = [boxes[k].cy for k in order]
    w = [boxes[k].w for k in order]
    h = [boxes[k].h for k in order]
    index = {node: i for i, node in enumerate(order)}
    apart = [{} for _ in order]  # apart[i][j], i < j: the room linked records i and j need
    for pair, margins in room.items():
        if len(pair) == 2 and pair <= index.keys():
            i, j = sorted(index[node] for node in pair)
            apart[i][j] = margins
    usual = (GAP * 2, GAP * 2)
    while True:
        for _ in range(200):
            moved = False
            for i in range(count):
                a, needs = order[i], apart[i]
                for j in range(i + 1, count):
                    mx, my = needs.get(j, usual)
                    if not (
                        abs(cx[i] - cx[j]) * 2 < w[i] + w[j] + 2 * mx
                        and abs(cy[i] - cy[j]) * 2 < h[i] + h[j] + 2 * my
                    ):
                        continue
                    moved = True
                    need_x = (w[i] + w[j]) / 2 + mx - abs(cx[i] - cx[j])
                    need_y = (h[i] + h[j]) / 2 + my - abs(cy[i] - cy[j])
                    if need_y <= need_x:
                        sign = 1.0 if (cy[i], a) >= (cy[j], order[j]) else -1.0
                        cy[i], cy[j] = cy[i] + sign * need_y / 2, cy[j] - sign * need_y / 2
                    else:
                        sign = 1.0 if (cx[i], a) >= (cx[j], order[j]) else -1.0
                        cx[i], cx[j] = cx[i] + sign * need_x / 2, cx[j] - sign * need_x / 2
            if not moved:
                return {node: Box(cx[i], cy[i], w[i], h[i]) for i, node in enumerate(order)}
        cx = [x * 1.2 for x in cx]
        cy = [y * 1.2 for y in cy]


def _free_spot(start, end, w: float, h: float, taken: list[Box]) -> Box:
    """The first spot along the arrow (or just beside it) where a label touches nothing."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy) or 1.0
    side_x, side_y = -dy / length, dx / length
    for shift in (0.0, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0):
        for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
            x = start[0] + dx * t + side_x * shift * (h + 2)
            y = start[1] + dy * t + side_y * shift * (h + 2)
            candidate = Box(x, y, w, h)
            if not any(candidate.overlaps(other, margin=2) for other in taken):
                return candidate
    return Box(start[0] + dx / 2, start[1] + dy / 2, w, h)


def _place_edges(
    relations: list[Relation], nodes: dict[str, _Node]
) -> list[tuple[Relation, tuple[float, float], tuple[float, float], Box]]:
    placed: list[tuple[Relation, tuple[float, float], tuple[float, float], Box]] = []
    taken = [n.box for n in nodes.values()]
    pairs: dict[frozenset, int] = {}
    per_pair = {}
    for relation in relations:
        key = frozenset((relation.subject, relation.object))
        per_pair[key] = per_pair.get(key, 0) + 1
    for relation in relations:
        a, b = nodes[relation.subject].box, nodes[relation.object].box
        key = frozenset((relation.subject, relation.object))
        rank = pairs.get(key, 0)
        pairs[key] = rank + 1
        offset = (rank - (per_pair[key] - 1) / 2) * 26.0
        length = math.hypot(b.cx - a.cx, b.cy - a.cy) or 1.0
        nx, ny = -(b.cy - a.cy) / length * offset, (b.cx - a.cx) / length * offset
        start = Box(a.cx + nx, a.cy + ny, a.w, a.h).edge_point(b.cx + nx, b.cy + ny)
        end = Box(b.cx + nx, b.cy + ny, b.w, b.h).edge_point(a.cx + nx, a.cy + ny)
        text = _edge_label(relation)
        w, h = text_width(text, SMALL_SIZE) + 8, SMALL_SIZE + 6
        label = _free_spot(start, end, w, h, taken)
        taken.append(label)
        placed.append((relation, start, end, label))
    return placed


# --- timeline chart -------------------------------------------------------------------------

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
    events = dossier.events
    if not events:
        return None
    first = date(min(e.date.date.earliest for e in events).year, 1, 1)
    last = date(max(e.date.date.latest for e in events).year, 12, 31) + timedelta(days=1)
    total = (last - first).days
    plot = CHART_WIDTH - 2 * MARGIN

    def x(day: date) -> float:
        return MARGIN + (day - first).days / total * plot

    rows: list[float] = []  # right edge of what is drawn in each row so far
    items = []
    for event in sorted(events, key=lambda e: (e.date.date.sort_key(), e.id)):
        d = event.date.date
        x0, x1 = x(d.earliest), max(x(d.latest + timedelta(days=1)), x(d.earliest) + 4)
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
        items.append((event, x0, x1, row, anchor_left))
    height = FIRST_ROW + len(rows) * ROW_H

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="briefing-chart" id="{svg_id}" '
        f'width="{_n(CHART_WIDTH)}" height="{_n(height)}" '
        f'viewBox="0 0 {_n(CHART_WIDTH)} {_n(height)}" aria-labelledby="{svg_id}-title">',
        f'<title id="{svg_id}-title">Timeline chart: {len(events)} events from '
        f"{first.year} to {last.year - 1}</title>",
        palette.style() if palette else "",
        f'<line class="axis" x1="{_n(MARGIN)}" y1="{_n(AXIS_Y)}" x2="{_n(CHART_WIDTH - MARGIN)}" '
        f'y2="{_n(AXIS_Y)}"/>',
    ]
    for year in range(first.year, last.year):
        tick = x(date(year, 1, 1))
        out.append(
            f'<line class="grid" x1="{_n(tick)}" y1="{_n(AXIS_Y - 5)}" x2="{_n(tick)}" '
            f'y2="{_n(height)}"/><text class="axis-label" x="{_n(tick + 3)}" '
            f'y="{_n(AXIS_Y - 8)}" font-size="{_n(SMALL_SIZE)}">{year}</text>'
        )
    out += [_chart_item(*item, href) for item in items]
    out.append("</svg>")
    return "".join(out)


def _status_words(event: Event) -> str:
    return {"superseded": " (planned, superseded)", "expected": " (expected)",
            "planned": " (planned)"}.get(event.status, "")  # fmt: skip


def _chart_item(
    event: Event, x0: float, x1: float, row: int, anchor_left: bool, href: Href | None
) -> str:
    d = event.date.date
    y = FIRST_ROW + row * ROW_H
    mark = (
        f'<circle class="point" cx="{_n(x0)}" cy="{_n(y)}" r="5"/>'
        if d.precision == "day"
        else f'<rect class="span" x="{_n(x0)}" y="{_n(y - 5)}" width="{_n(x1 - x0)}" '
        'height="10" rx="2"/>'
    )
    status = _status_words(event)
    text_x, anchor = (x0, "start") if anchor_left else (x1, "end")
    w = max(text_width(d.human() + status, SMALL_SIZE), text_width(event.title, SMALL_SIZE)) + 6
    left = text_x if anchor_left else text_x - w
    return (
        f'<g class="event status-{event.status}">'
        + _open_link(href, "event", event.id)
        + mark
        + f'<rect class="label-bg" x="{_n(left)}" y="{_n(y + 8)}" width="{_n(w)}" '
        f'height="{_n(2 * SMALL_SIZE + 5)}"/>'
        + f'<text class="event-date" x="{_n(text_x)}" y="{_n(y + 8 + SMALL_SIZE)}" '
        f'font-size="{_n(SMALL_SIZE)}" text-anchor="{anchor}" font-weight="bold">'
        f"{escape(d.human() + status)}</text>"
        + f'<text class="event-title" x="{_n(text_x)}" y="{_n(y + 10 + 2 * SMALL_SIZE)}" '
        f'font-size="{_n(SMALL_SIZE)}" text-anchor="{anchor}">{escape(event.title)}</text>'
        + _close_link(href)
        + "</g>"
    )
