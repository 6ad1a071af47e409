"""Where the relationship map's boxes and labels go: deterministic (same graph, same
positions) and keeping boxes and labels apart by construction."""

from __future__ import annotations

import math

from briefing.pictures.svg import GAP, Box

Point = tuple[float, float]
# The room two linked records need between them (beside, above), by the pair.
Room = dict[frozenset[str], tuple[float, float]]
Sizes = dict[str, tuple[str, str, float, float]]  # record id -> (name, role, width, height)


def components(order: list[str], links: list[tuple[str, str]]) -> list[list[str]]:
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


def component_boxes(
    part: list[str],
    pairs: list[tuple[str, str]],
    room: Room,
    sizes: Sizes,
) -> dict[str, Box]:
    """Lay out one connected part. Links come in the relations' order, never a set's order:
    string hashing changes between processes, and the layout must not."""
    members = set(part)
    inside = [(a, b) for a, b in pairs if a in members and b in members and a != b]
    centres = spread(part, inside) if len(part) > 1 else {part[0]: (0.0, 0.0)}
    boxes = {i: Box(*centres[i], sizes[i][2], sizes[i][3]) for i in part}
    return separate(part, boxes, room)


def pack(parts: list[dict[str, Box]], row_width: float = 600.0) -> dict[str, Box]:
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


def radial(order: list[str], sizes: Sizes) -> dict[str, Point]:
    ring = order[1:]
    count = max(len(ring), 1)
    radius = 70.0 + 12.0 * count
    centres = {order[0]: (0.0, 0.0)}
    for index, record_id in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * index / count
        centres[record_id] = (radius * 1.8 * math.cos(angle), radius * math.sin(angle))
    return centres


def spread(order: list[str], links: list[tuple[str, str]]) -> dict[str, Point]:
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


def separate(order: list[str], boxes: dict[str, Box], room: Room) -> dict[str, Box]:
    """Push boxes apart until none touch and linked ones leave room for their arrow's label.

    Works on plain lists indexed like `order`, as `_spread` does: each sweep visits every pair.
    """
    count = len(order)
    cx = [boxes[k].cx for k in order]
    cy = [boxes[k].cy for k in order]
    w = [boxes[k].w for k in order]
    h = [boxes[k].h for k in order]
    index = {node: i for i, node in enumerate(order)}
    apart: list[dict[int, tuple[float, float]]] = [
        {} for _ in order
    ]  # apart[i][j], i < j: the room linked records i and j need
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


def free_spot(start: Point, end: Point, w: float, h: float, taken: list[Box]) -> Box:
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
