"""The layouts the relationship map could use, compared on the same boxes and labels
(`pictures.py --libraries`): every relation of a dossier, none left out, each label a box.

- this layout: our layers, no wider than the column, ordered by grandalf, placed by `_spread`;
- grandalf's own Sugiyama layout: its longest-path layers and Brandes-Köpf placement;
- networkx's spring and Kamada-Kawai layouts (when networkx is installed), scaled to the
  column's width, each label at its arrow's middle.

Each group of linked records is laid out on its own and the groups packed as the map packs
them, so the figures differ only by the layout.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable

from picture_figures import measure

from briefing.dossier import Dossier
from briefing.pictures import COLUMN
from briefing.pictures.layout import Drawing, Item, Link, draw, groups, pack
from briefing.pictures.svg import GAP, Box

relationship_map = importlib.import_module("briefing.pictures.relationship_map")
WIDTH = COLUMN.width - 2 * GAP
Layout = Callable[[list[Item], list[Item], list[Link]], Drawing]


def ours(records: list[Item], labels: list[Item], links: list[Link]) -> Drawing:
    return draw(records, labels, links, WIDTH)


def grandalf_own(records: list[Item], labels: list[Item], links: list[Link]) -> Drawing:
    from grandalf.graphs import Edge, Graph, Vertex
    from grandalf.layouts import SugiyamaLayout

    class View:
        def __init__(self, item: Item):
            self.w, self.h, self.xy = item.w, item.h, (0.0, 0.0)

    sizes = {i.key: i for i in [*records, *labels]}
    drawings = []
    for part in groups([r.key for r in records], links):
        members = set(part)
        own = [ln for ln in links if ln.upper in members]
        vertices = {k: Vertex(k) for k in [*part, *(ln.label for ln in own)]}
        for key, vertex in vertices.items():
            vertex.view = View(sizes[key])
        edges = [
            Edge(vertices[a], vertices[b])
            for ln in own
            for a, b in ((ln.upper, ln.label), (ln.label, ln.lower))
        ]
        sugiyama = SugiyamaLayout(Graph(list(vertices.values()), edges).C[0])
        sugiyama.init_all()
        sugiyama.draw()
        boxes = {k: Box(*v.view.xy, v.view.w, v.view.h) for k, v in vertices.items()}
        drawings.append(_with_paths(boxes, own))
    return pack(drawings, WIDTH)


def networkx_layout(name: str) -> Layout:
    def layout(records: list[Item], labels: list[Item], links: list[Link]) -> Drawing:
        import networkx

        sizes = {i.key: i for i in [*records, *labels]}
        drawings = []
        for part in groups([r.key for r in records], links):
            members = set(part)
            own = [ln for ln in links if ln.upper in members]
            graph = networkx.Graph()
            graph.add_nodes_from(part)
            graph.add_edges_from((ln.upper, ln.lower) for ln in own)
            if len(part) == 1:
                places = {part[0]: (0.0, 0.0)}
            elif name == "spring":
                places = networkx.spring_layout(graph, seed=1)
            else:
                places = networkx.kamada_kawai_layout(graph)
            spread = max(max(float(p[i]) for p in places.values()) -
                         min(float(p[i]) for p in places.values()) for i in (0, 1))  # fmt: skip
            scale = (WIDTH - 200) / (spread or 1.0)
            boxes = {k: Box(float(places[k][0]) * scale, float(places[k][1]) * scale,
                            sizes[k].w, sizes[k].h) for k in part}  # fmt: skip
            for ln in own:
                a, b = boxes[ln.upper], boxes[ln.lower]
                boxes[ln.label] = Box((a.cx + b.cx) / 2, (a.cy + b.cy) / 2, *_size(sizes, ln))
            drawings.append(_with_paths(boxes, own))
        return pack(drawings, WIDTH)

    return layout


def _size(sizes: dict[str, Item], link: Link) -> tuple[float, float]:
    return sizes[link.label].w, sizes[link.label].h


def _with_paths(boxes: dict[str, Box], links: list[Link]) -> Drawing:
    paths = {}
    for ln in links:
        points = [(boxes[k].cx, boxes[k].cy) for k in (ln.start, ln.label, ln.end)]
        start, end = boxes[ln.start], boxes[ln.end]
        points[0] = start.edge_point(*points[1])
        points[-1] = end.edge_point(*points[1])
        paths[ln.label] = points
    left = min(b.left for b in boxes.values())
    top = min(b.top for b in boxes.values())
    width = max(b.left + b.w for b in boxes.values()) - left
    height = max(b.top + b.h for b in boxes.values()) - top
    return Drawing(boxes, paths, width, height)


def svg_of(drawing: Drawing, records: list[Item], labels: list[Item]) -> str:
    """Just what `measure` reads: boxes, labels and arrows, in the map's classes."""
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{drawing.width + 2 * GAP}" '
           f'height="{drawing.height + 2 * GAP}">']  # fmt: skip
    for label in labels:
        points = " ".join(f"{x},{y}" for x, y in drawing.paths[label.key])
        out.append(f'<polyline class="edge" points="{points}"/>')
    for css, items in (("node", records), ("label-bg", labels)):
        for item in items:
            b = drawing.boxes[item.key]
            out.append(f'<rect class="{css}" x="{b.left}" y="{b.top}" width="{b.w}" '
                       f'height="{b.h}"/><text font-size="11">.</text>')  # fmt: skip
    return "".join(out) + "</svg>"


def compare(found: list[tuple[str, Dossier]]) -> None:
    candidates: list[tuple[str, Layout]] = [
        ("this layout", ours),
        ("grandalf's own Sugiyama", grandalf_own),
    ]
    try:
        importlib.import_module("networkx")
        importlib.import_module("scipy")
        candidates += [
            ("networkx spring_layout", networkx_layout("spring")),
            ("networkx kamada_kawai", networkx_layout("kamada_kawai")),
        ]
    except ImportError:
        print("(networkx or scipy not installed: `pip install networkx scipy` to compare them)")
    print(f"\n{'every relation, none left out':42} {'size':>13} {'overlaps':>9} "
          f"{'crossings':>9} {'through':>8} {'layout':>10}")  # fmt: skip
    for name, dossier in found:
        sizes = relationship_map._sizes(dossier, dossier.relations)
        records = [sizes[r] for r in relationship_map.records_of(dossier.relations)]
        keys = relationship_map._link_keys(dossier.relations)
        labels = [sizes[k] for k in keys]
        links = []
        for key, relation in keys.items():
            above = dossier.relation_kinds[relation.kind].above
            start_above = None if above is None else above == "subject"
            links.append(Link(key, relation.subject, relation.object, start_above))
        for candidate, layout in candidates:
            started = time.process_time()
            drawing = layout(records, labels, links)
            seconds = time.process_time() - started
            f = measure(svg_of(drawing, records, labels))
            counts = f"{f.overlaps:9} {f.crossings:9} {f.through_labels:8}"
            print(f"{name[:20] + ', ' + candidate:42} {f.width:5.0f} x {f.height:<5.0f} "
                  f"{counts} {seconds:8.2f} s")  # fmt: skip
