"""The relationship map: records as boxes, sourced relations as labelled arrows.

Nodes of a record's own map sit around it; the whole story's map lays each group of linked
records out by a deterministic force layout and packs the groups side by side (`layout`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from briefing.dossier import Dossier
from briefing.model import Person, Relation
from briefing.model.kinds import kind_word
from briefing.pictures.layout import (
    Room,
    component_boxes,
    components,
    free_spot,
    pack,
    radial,
    separate,
)
from briefing.pictures.svg import (
    GAP,
    NAME_SIZE,
    PAD,
    SMALL_SIZE,
    Box,
    Href,
    Palette,
    close_link,
    number,
    open_link,
    text_width,
)


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
    noun = dossier.kind_of(record_id)
    return kind_word(record, noun) if noun else ""


# One map draws at most this many records: past it no reader could follow the picture, and
# the layout, which weighs every pair of records, takes seconds. The relations are then
# listed without a map.
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
    edge_words = {id(r): dossier.relation_label(r) for r in relations}
    links = [
        (r.subject, r.object, text_width(edge_words[id(r)], SMALL_SIZE) + 8) for r in relations
    ]
    nodes = _place_nodes(order, sizes, links, centred=focus is not None)
    edges = _place_edges(relations, nodes, edge_words)

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
        f'width="{number(width)}" height="{number(height)}" '
        f'viewBox="{number(left)} {number(top)} {number(width)} {number(height)}" '
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
        words = dossier.relation_sentence(relation)
        classes = "edge inferred" if relation.inference else "edge"
        target = str(relation.cite[0].number)
        line = (
            f'<line class="{classes}" x1="{number(start[0])}" y1="{number(start[1])}" '
            f'x2="{number(end[0])}" y2="{number(end[1])}" marker-end="url(#{svg_id}-arrow)"/>'
        )
        if href is not None:  # the arrow links too, but only its label is a tab stop
            line = (
                f'<a href="{escape(href("citation", target))}" tabindex="-1" aria-hidden="true">'
                f"{line}</a>"
            )
        out.append(line)
        labels.append(
            open_link(href, "citation", target, words)
            + f'<rect class="label-bg" x="{number(label.left)}" y="{number(label.top)}" '
            f'width="{number(label.w)}" height="{number(label.h)}" rx="3"/>'
            + f'<text class="edge-label" x="{number(label.cx)}" '
            f'y="{number(label.cy + SMALL_SIZE * 0.35)}" font-size="{number(SMALL_SIZE)}" '
            f'text-anchor="middle">{escape(edge_words[id(relation)])}</text>' + close_link(href)
        )
    out.append('</g><g class="nodes">')
    for node in nodes.values():
        box = node.box
        out.append(
            open_link(href, "record", node.id)
            + f'<rect class="node{" focus" if node.id == focus else ""}" x="{number(box.left)}" '
            f'y="{number(box.top)}" width="{number(box.w)}" height="{number(box.h)}" rx="6"/>'
            + f'<text class="node-name" x="{number(box.cx)}" '
            f'y="{number(box.top + PAD + NAME_SIZE * 0.8)}" '
            f'font-size="{number(NAME_SIZE)}" font-weight="bold" text-anchor="middle">'
            f"{escape(node.name)}</text>" + f'<text class="node-role" x="{number(box.cx)}" '
            f'y="{number(box.top + PAD + NAME_SIZE + SMALL_SIZE * 0.9)}" '
            f'font-size="{number(SMALL_SIZE)}" '
            f'text-anchor="middle">{escape(node.role)}</text>' + close_link(href)
        )
    out.append("</g>")
    out.extend(labels)  # on top: a label never hides under a box
    out.append("</g></svg>")
    return "".join(out)


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
    room: Room = {}
    for a, b, label_width in links:
        pair = frozenset((a, b))
        wide, high = room.get(pair, (0.0, 0.0))
        # Side by side, the label needs its width between the boxes; one above the other, only
        # its height (it can sit beside the arrow).
        room[pair] = (max(wide, label_width / 2 + 2 * GAP), high + SMALL_SIZE + 2 * GAP)
    if centred:
        centres = radial(order, sizes)
        boxes = {i: Box(*centres[i], sizes[i][2], sizes[i][3]) for i in order}
        boxes = separate(order, boxes, room)
    else:
        parts = components(order, [(a, b) for a, b, _ in links])
        firsts = {frozenset((a, b)): (a, b) for a, b, _ in reversed(links)}  # first of each pair
        pairs = [firsts[k] for k in dict.fromkeys(frozenset((a, b)) for a, b, _ in links)]
        boxes = pack([component_boxes(part, pairs, room, sizes) for part in parts])
    return {i: _Node(i, sizes[i][0], sizes[i][1], boxes[i]) for i in order}


def _place_edges(
    relations: list[Relation], nodes: dict[str, _Node], labels: dict[int, str]
) -> list[tuple[Relation, tuple[float, float], tuple[float, float], Box]]:
    placed: list[tuple[Relation, tuple[float, float], tuple[float, float], Box]] = []
    taken = [n.box for n in nodes.values()]
    pairs: dict[frozenset[str], int] = {}
    per_pair: dict[frozenset[str], int] = {}
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
        text = labels[id(relation)]
        w, h = text_width(text, SMALL_SIZE) + 8, SMALL_SIZE + 6
        label = free_spot(start, end, w, h, taken)
        taken.append(label)
        placed.append((relation, start, end, label))
    return placed


# --- timeline chart -------------------------------------------------------------------------
