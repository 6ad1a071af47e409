"""Where the relationship map's boxes, labels and arrows go: a layered drawing.

Each relation's label is a box of its own, in a layer between its two records, so grandalf's
Sugiyama layout (which orders each layer to cut crossings and places the boxes, Brandes and
Köpf) keeps labels clear of boxes, of each other and of other arrows, as it keeps boxes apart.
We choose the layers: the end a relation puts above (a leader, an organisation, a place) is
higher, and a layer holds no more than the box's width, so a wide group grows downwards.
Separate groups are laid out on their own and packed side by side in rows.

Deterministic: every list is walked in the order the relations give, never a set's order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from grandalf.graphs import Edge, Vertex, graph_core
from grandalf.layouts import Layer, SugiyamaLayout

from briefing.pictures.svg import GAP, Box

Point = tuple[float, float]
H_SPACE = 16.0  # between neighbours in a layer (two arrows passing between boxes included)
V_SPACE = 14.0  # between layers
PACK_GAP = 3 * GAP  # between groups


@dataclass(frozen=True)
class Item:
    """A record's box or a relation's label, by its key, with its size."""

    key: str
    w: float
    h: float


@dataclass(frozen=True)
class Link:
    """One relation: its label's key, and the keys of the records its arrow runs from and to.
    `start_above` puts one end higher (True: the start, False: the end); None leaves it to
    the layout, which then puts the start higher where nothing else decides."""

    label: str
    start: str
    end: str
    start_above: bool | None

    @property
    def upper(self) -> str:
        return self.end if self.start_above is False else self.start

    @property
    def lower(self) -> str:
        return self.start if self.start_above is False else self.end

    @property
    def fixed(self) -> bool:
        return self.start_above is not None


@dataclass
class Drawing:
    """Boxes by key, and for each label the arrow's points from its start record's centre
    through the label to its end record's centre; (0, 0) is the top left corner."""

    boxes: dict[str, Box] = field(default_factory=dict)
    paths: dict[str, list[Point]] = field(default_factory=dict)
    width: float = 0.0
    height: float = 0.0


def groups(records: list[str], links: list[Link]) -> list[list[str]]:
    """Records linked to each other, each group in `records`' order, the groups in the order
    their first record appears."""
    parent = {r: r for r in records}

    def root(r: str) -> str:
        while parent[r] != r:
            parent[r] = parent[parent[r]]
            r = parent[r]
        return r

    for link in links:
        a, b = root(link.upper), root(link.lower)
        if a != b:
            parent[b] = a
    found: dict[str, list[str]] = {}
    for r in records:
        found.setdefault(root(r), []).append(r)
    return list(found.values())


def draw(records: list[Item], labels: list[Item], links: list[Link], width: float) -> Drawing:
    """The groups of linked records, each laid out no wider than `width` where it can be,
    packed side by side in rows of that width."""
    sizes = {i.key: i for i in [*records, *labels]}
    parts = groups([r.key for r in records], links)
    member = {key: n for n, part in enumerate(parts) for key in part}
    drawings = []
    for part in parts:
        own = [link for link in links if member[link.upper] == member[part[0]]]
        drawings.append(layered(part, own, sizes, width))
    return pack(drawings, width)


def layered(records: list[str], links: list[Link], sizes: dict[str, Item], width: float) -> Drawing:
    """One group: records on even layers, labels on the odd ones between; narrowed until it
    fits `width` (a group wider than that at its narrowest is drawn as it is)."""
    if not links:
        box = sizes[records[0]]
        return Drawing({box.key: Box(box.w / 2, box.h / 2, box.w, box.h)}, {}, box.w, box.h)
    limit = width
    for _ in range(4):  # arrows passing a layer can crowd it past the width: a little less
        drawing = _sugiyama(links, sizes, _layers(records, links, sizes, limit), width)
        if drawing.width <= width:
            break
        limit -= drawing.width - width + H_SPACE
    return drawing


def _layers(
    records: list[str], links: list[Link], sizes: dict[str, Item], limit: float
) -> dict[str, int]:
    """Each record's and label's layer: after whatever must stand above it, in the first
    layer of the right kind (even for records, odd for labels) with room for it."""
    below = _directions(records, links)
    labels = {link.label for link in links}
    before: dict[str, list[str]] = {k: [] for k in [*records, *(ln.label for ln in links)]}
    after: dict[str, list[str]] = {k: [] for k in before}
    for link in links:
        upper, lower = (link.upper, link.lower) if below[link.label] else (link.lower, link.upper)
        before[link.label].append(upper)
        before[lower].append(link.label)
        after[upper].append(link.label)
        after[link.label].append(lower)
    layer: dict[str, int] = {}
    used: dict[int, float] = {}
    waiting = {k: len(v) for k, v in before.items()}
    ready = [k for k in before if waiting[k] == 0]
    while ready:
        key = ready.pop(0)
        lowest = max((layer[p] + 1 for p in before[key]), default=0)
        rank = lowest + (lowest % 2 != (key in labels))
        need = sizes[key].w + H_SPACE
        while used.get(rank, 0.0) > 0 and used[rank] + need > limit:
            rank += 2
        for p in before[key]:  # an arrow passing a layer takes a little of its room
            for passed in range(layer[p] + 1, rank):
                used[passed] = used.get(passed, 0.0) + H_SPACE + 1
        layer[key] = rank
        used[rank] = used.get(rank, 0.0) + need
        for n in after[key]:
            waiting[n] -= 1
            if waiting[n] == 0:
                ready.append(n)

    def move_down(key: str, to: int) -> None:
        if to > layer[key] and used.get(to, 0.0) + sizes[key].w + H_SPACE <= limit:
            used[layer[key]] -= sizes[key].w + H_SPACE
            used[to] = used.get(to, 0.0) + sizes[key].w + H_SPACE
            layer[key] = to

    # A record that nothing stands above (a place, an organisation) comes down to sit just
    # over what hangs from it; and a label sits just over the record it leads to, so that
    # it is read with it.
    for key in [k for k in records if not before[k]]:
        for label in after[key]:
            move_down(label, min(layer[n] for n in after[label]) - 1)
        move_down(key, min(layer[n] for n in after[key]) - 1)
    for label in reversed([k for k in layer if k in labels]):
        move_down(label, layer[after[label][0]] - 1)
    top = min(layer[r] for r in records)  # even, as every record's layer is
    return {k: v - top for k, v in layer.items()}


def _directions(records: list[str], links: list[Link]) -> dict[str, bool]:
    """For each label, whether its link is drawn as given (upper above lower) or turned:
    fixed links as given, unless they make a cycle; the rest from the record placed higher by
    the fixed ones, then as given; any link that would close a cycle is turned."""
    depth = {r: 0 for r in records}
    for _ in range(len(records)):  # longest paths along the fixed links, cycles cut short
        changed = False
        for link in links:
            if link.fixed and depth[link.lower] < depth[link.upper] + 1 <= len(records):
                depth[link.lower] = depth[link.upper] + 1
                changed = True
        if not changed:
            break
    below: dict[str, bool] = {}
    reach: dict[str, list[str]] = {r: [] for r in records}

    def leads_to(start: str, goal: str) -> bool:
        seen, stack = {start}, [start]
        while stack:
            for n in reach[stack.pop()]:
                if n == goal:
                    return True
                if n not in seen:
                    seen.add(n)
                    stack.append(n)
        return False

    ranked = sorted(links, key=lambda ln: not ln.fixed)  # fixed ones first, else as given
    for link in ranked:
        a, b = link.upper, link.lower
        if not link.fixed and depth[b] < depth[a]:
            a, b = b, a
        if leads_to(b, a):
            a, b = b, a
        reach[a].append(b)
        below[link.label] = a == link.upper
    return below


def _sugiyama(
    links: list[Link], sizes: dict[str, Item], layer: dict[str, int], limit: float
) -> Drawing:
    """One group in the layers given: grandalf orders each layer to cut crossings, and
    `_spread` places what it ordered."""
    vertices: dict[str, Any] = {}
    for key in layer:
        vertex = Vertex(key)
        vertex.view = _View(sizes[key].w, sizes[key].h)
        vertices[key] = vertex
    edges = []
    for link in links:
        top, bottom = link.upper, link.lower
        if layer[top] > layer[bottom]:
            top, bottom = bottom, top
        edges.append(Edge(vertices[top], vertices[link.label]))
        edges.append(Edge(vertices[link.label], vertices[bottom]))
    sugiyama = SugiyamaLayout(graph_core(list(vertices.values()), edges))
    sugiyama.dw = sugiyama.dh = 1.0  # an arrow passing a layer needs little room

    def rank_all(roots: object, optimize: bool = False) -> None:
        sugiyama.layers = [Layer([]) for _ in range(max(layer.values()) + 1)]
        for key, vertex in vertices.items():
            sugiyama.grx[vertex].rank = layer[key]
            sugiyama.layers[layer[key]].append(vertex)

    sugiyama.rank_all = rank_all  # our layers, not grandalf's longest paths
    sugiyama.init_all(roots=[], inverted_edges=[])
    for _ in range(3):  # down and up again, three times, as grandalf's own draw() does
        for _ in sugiyama.ordering_step():
            pass
    # What grandalf ordered, by key: a record or label, or "n:r" for where the edge n passes
    # the layer r.
    names = {vertex: key for key, vertex in vertices.items()}
    chains = []
    for n, edge in enumerate(edges):
        passes = sugiyama.ctrls.get(edge, {})
        for rank in sorted(passes):
            if passes[rank] not in names:
                names[passes[rank]] = f"{n}:{rank}"
        top, bottom = names[edge.v[0]], names[edge.v[1]]
        middle = [names[passes[r]] for r in sorted(passes) if names[passes[r]] not in (top, bottom)]
        chains.append([top, *middle, bottom])
    rows = [[names[v] for v in row] for row in sugiyama.layers]
    width = {k: sizes[k].w if k in sizes else 1.0 for row in rows for k in row}
    x = _spread(rows, chains, width, limit)
    band: dict[str, tuple[float, float]] = {}  # each row's top and bottom, by what is in it
    y = 0.0
    for row in rows:
        h = max((sizes[k].h for k in row if k in sizes), default=1.0)
        band.update((k, (y, y + h)) for k in row)
        y += h + V_SPACE
    boxes = {k: Box(x[k], sum(band[k]) / 2, sizes[k].w, sizes[k].h) for k in layer}
    paths = {}
    for n, link in enumerate(links):
        chain = chains[2 * n] + chains[2 * n + 1][1:]
        # Straight down through each row it passes (a label's, or between boxes), so that
        # an arrow slants only between rows, where no box is.
        inner = [(x[k], edge) for k in chain[1:-1] for edge in band[k]]
        upper, lower = boxes[chain[0]], boxes[chain[-1]]
        points = [_port(upper, inner[0][0], upper.top + upper.h), *inner,
                  _port(lower, inner[-1][0], lower.top)]  # fmt: skip
        paths[link.label] = points if chain[0] == link.start else points[::-1]
    return _moved(Drawing(boxes, paths), 0.0, 0.0)


def _port(box: Box, toward: float, y: float) -> Point:
    """Where an arrow meets a box's top or bottom side: below or above where it heads."""
    reach = max(box.w / 2 - 8.0, 0.0)
    return (min(max(toward, box.cx - reach), box.cx + reach), y)


def _spread(
    rows: list[list[str]], chains: list[list[str]], width: dict[str, float], limit: float
) -> dict[str, float]:
    """Centres across: each row in its order, its members no closer than H_SPACE, each as
    near the mean of its neighbours in the row above (then below) as that allows, and the
    row within `limit` where it is no wider."""
    up: dict[str, list[str]] = {k: [] for row in rows for k in row}
    down: dict[str, list[str]] = {k: [] for k in up}
    for chain in chains:
        for a, b in zip(chain, chain[1:], strict=False):
            down[a].append(b)
            up[b].append(a)
    x: dict[str, float] = {}
    for row in rows:
        _settle(row, [limit / 2] * len(row), width, limit, x)
    for sweep in range(6):
        pull, order = (up, rows) if sweep % 2 == 0 else (down, rows[::-1])
        for row in order:
            wanted = [sum(x[n] for n in pull[k]) / len(pull[k]) if pull[k] else x[k] for k in row]
            _settle(row, wanted, width, limit, x)
    return x


def _settle(
    row: list[str], wanted: list[float], width: dict[str, float], limit: float,
    x: dict[str, float],
) -> None:  # fmt: skip
    """The row's centres nearest `wanted` (least squares) with every gap kept, pooling
    adjacent violators over the centres less the room before each; then moved within
    [0, limit] as far as the row's width allows."""
    before = [0.0]
    for a, b in zip(row, row[1:], strict=False):
        before.append(before[-1] + (width[a] + width[b]) / 2 + H_SPACE)
    blocks: list[list[float]] = []  # [mean, count]
    for want, room in zip(wanted, before, strict=True):
        blocks.append([want - room, 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, count = blocks.pop()
            blocks[-1] = [
                (blocks[-1][0] * blocks[-1][1] + mean * count) / (blocks[-1][1] + count),
                blocks[-1][1] + count,
            ]
    centres = [mean for mean, count in blocks for _ in range(int(count))]
    centres = [c + room for c, room in zip(centres, before, strict=True)]
    centres[0] = max(centres[0], width[row[0]] / 2)
    for n in range(1, len(row)):  # within the limit: from the left, then from the right
        centres[n] = max(centres[n], centres[n - 1] + before[n] - before[n - 1])
    centres[-1] = min(centres[-1], limit - width[row[-1]] / 2)
    for n in range(len(row) - 2, -1, -1):
        centres[n] = min(centres[n], centres[n + 1] - before[n + 1] + before[n])
    if centres[0] < width[row[0]] / 2:  # wider than the limit: from the left edge
        centres = [c - centres[0] + width[row[0]] / 2 for c in centres]
    for key, centre in zip(row, centres, strict=True):
        x[key] = centre


class _View:
    """What grandalf reads a vertex's size from."""

    def __init__(self, w: float, h: float):
        self.w, self.h = w, h


def _moved(drawing: Drawing, left: float, top: float) -> Drawing:
    """The drawing moved so that its top left corner is at (left, top)."""
    x0 = min(b.left for b in drawing.boxes.values())
    y0 = min(b.top for b in drawing.boxes.values())
    dx, dy = left - x0, top - y0
    boxes = {k: Box(b.cx + dx, b.cy + dy, b.w, b.h) for k, b in drawing.boxes.items()}
    paths = {k: [(x + dx, y + dy) for x, y in p] for k, p in drawing.paths.items()}
    width = max(b.left + b.w for b in boxes.values()) - left
    height = max(b.top + b.h for b in boxes.values()) - top
    return Drawing(boxes, paths, width, height)


def pack(drawings: list[Drawing], width: float) -> Drawing:
    """The groups in rows no wider than `width`, tallest first, each row's spare width shared
    out between its groups so the map spans the box."""
    order = sorted(range(len(drawings)), key=lambda n: (-drawings[n].height, n))
    rows: list[list[Drawing]] = []
    for n in order:
        drawing = drawings[n]
        row = next(
            (r for r in rows if sum(d.width + PACK_GAP for d in r) + drawing.width <= width),
            None,
        )
        if row is None:
            rows.append([drawing])
        else:
            row.append(drawing)
    packed = Drawing()
    top = 0.0
    for row in rows:
        spare = width - sum(d.width for d in row)
        gap = min(spare / (len(row) + 1), 2 * PACK_GAP) if len(row) > 1 else 0.0
        left = max(0.0, (spare - gap * (len(row) - 1)) / 2)
        height = max(d.height for d in row)
        for drawing in row:
            moved = _moved(drawing, left, top + (height - drawing.height) / 2)
            packed.boxes.update(moved.boxes)
            packed.paths.update(moved.paths)
            left += drawing.width + gap
        top += height + PACK_GAP
    return _moved(packed, 0.0, 0.0)
