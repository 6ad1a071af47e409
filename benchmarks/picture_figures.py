"""What a drawn picture measures, read back from its SVG: size, smallest text, overlapping
boxes and labels, edge crossings, and edges that run through a label. `pictures.py` prints
these for every dossier; this module knows nothing of how the picture was laid out."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from itertools import combinations

SVG = "{http://www.w3.org/2000/svg}"
Rect = tuple[float, float, float, float]  # left, top, right, bottom
Segment = tuple[tuple[float, float], tuple[float, float]]


@dataclass
class Figures:
    width: float
    height: float
    smallest_text: float  # in the SVG's own units
    overlaps: int  # boxes or labels that touch another box or label
    crossings: int  # pairs of edges that cross
    through_labels: int  # edges that run through another edge's label or a box not their own


def measure(svg_text: str) -> Figures:
    svg = ET.fromstring(svg_text)
    sizes = [float(t.get("font-size", "0")) for t in svg.iter(f"{SVG}text") if t.get("font-size")]
    boxes = _rects(svg, "node") + _rects(svg, "label-bg")
    overlaps = sum(1 for a, b in combinations(boxes, 2) if _touch(a, b))
    edges = [_segments(e) for e in svg.iter() if "edge" in e.get("class", "").split()]
    crossings = sum(
        1
        for a, b in combinations(edges, 2)
        if any(_cross(s, t) for s in a for t in b if not _share_end(s, t))
    )
    labels = _rects(svg, "label-bg")
    nodes = _rects(svg, "node")
    through = 0
    for index, segments in enumerate(edges):
        own = labels[index] if len(labels) == len(edges) else None
        for rect in [*labels, *nodes]:
            if rect is own:
                continue
            if any(_segment_in_rect(s, _shrink(rect, 1.5)) for s in segments):
                through += 1
    return Figures(
        float(svg.get("width", "0")),
        float(svg.get("height", "0")),
        min(sizes, default=0.0),
        overlaps,
        crossings,
        through,
    )


def _rects(svg: ET.Element, css_class: str) -> list[Rect]:
    found = []
    for rect in svg.iter(f"{SVG}rect"):
        if css_class in rect.get("class", "").split():
            x, y, w, h = (float(rect.get(k, "0")) for k in ("x", "y", "width", "height"))
            found.append((x, y, x + w, y + h))
    return found


def _segments(element: ET.Element) -> list[Segment]:
    if element.tag == f"{SVG}line":
        x1, y1, x2, y2 = (float(element.get(k, "0")) for k in ("x1", "y1", "x2", "y2"))
        return [((x1, y1), (x2, y2))]
    if element.tag in (f"{SVG}polyline", f"{SVG}path"):
        text = element.get("points") or element.get("d") or ""
        numbers = [
            float(n) for n in text.replace("M", " ").replace("L", " ").replace(",", " ").split()
        ]
        points = list(zip(numbers[::2], numbers[1::2], strict=True))
        return list(zip(points, points[1:], strict=False))
    return []


def _touch(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _shrink(rect: Rect, by: float) -> Rect:
    return (rect[0] + by, rect[1] + by, rect[2] - by, rect[3] - by)


def _share_end(s: Segment, t: Segment) -> bool:
    return any(abs(p[0] - q[0]) < 0.5 and abs(p[1] - q[1]) < 0.5 for p in s for q in t)


def _orient(p: tuple[float, float], q: tuple[float, float], r: tuple[float, float]) -> float:
    return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])


def _cross(s: Segment, t: Segment) -> bool:
    d1, d2 = _orient(*t, s[0]), _orient(*t, s[1])
    d3, d4 = _orient(*s, t[0]), _orient(*s, t[1])
    return d1 * d2 < 0 and d3 * d4 < 0


def _segment_in_rect(s: Segment, rect: Rect) -> bool:
    """Whether the segment passes through the rectangle's inside (Liang-Barsky clipping)."""
    (x1, y1), (x2, y2) = s
    dx, dy = x2 - x1, y2 - y1
    low, high = 0.0, 1.0
    for p, q in ((-dx, x1 - rect[0]), (dx, rect[2] - x1), (-dy, y1 - rect[1]), (dy, rect[3] - y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return high - low > 1e-6
