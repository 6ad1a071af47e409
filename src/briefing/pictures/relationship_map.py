"""The relationship map: records as boxes, sourced relations as labelled arrows, laid out in
layers (`layout`) for the frame it is shown in.

The whole story's map, or one record's neighbourhood (its relations and theirs), drawn at a
fixed text size: when the records do not fit the frame at that size, the map keeps the most
connected of them and names the rest. Printed, the whole map may take several pages instead,
a group of linked records never split between two.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from briefing.dossier import Dossier
from briefing.model import Person, Relation
from briefing.model.kinds import kind_word
from briefing.pictures.layout import H_SPACE, V_SPACE, Drawing, Item, Link, draw, groups
from briefing.pictures.svg import (
    COLUMN,
    GAP,
    NAME_SIZE,
    PAD,
    SMALL_SIZE,
    Box,
    Frame,
    Href,
    Palette,
    close_link,
    number,
    open_link,
    text_width,
)

NODE_H = NAME_SIZE + SMALL_SIZE + 2 * PAD
LABEL_H = SMALL_SIZE + 6
# The printed map takes at most this many pages; groups past them are listed, not drawn.
MAP_PAGES = 6
# The share of a frame a layout's boxes and labels fill at most (with the room around each):
# past it, not all of them are tried.
FILL = 0.6


@dataclass(frozen=True)
class RelationMap:
    """A drawn map, and what it leaves out."""

    svg: str
    width: float
    height: float
    relations: list[Relation]  # the relations it draws
    records: list[str]  # the records it draws
    left_out: list[str]  # ids of records it leaves out, most connected first


def node_role(dossier: Dossier, record_id: str) -> str:
    """A short line under a node's name: the first role as worded, or what kind of record."""
    record = dossier.entity(record_id)
    if isinstance(record, Person) and record.roles:
        return record.roles[0].title
    noun = dossier.kind_of(record_id)
    return kind_word(record, noun) if noun else ""


def neighbourhood(dossier: Dossier, focus: str) -> list[Relation]:
    """The relations of a record and of the records it is related to: one and two steps."""
    near = {focus} | {end for r in dossier.relations_of(focus) for end in (r.subject, r.object)}
    return [r for r in dossier.relations if r.subject in near or r.object in near]


def records_of(relations: list[Relation]) -> list[str]:
    """The records these relations join, in the order they first appear."""
    return list(dict.fromkeys(end for r in relations for end in (r.subject, r.object)))


def relationship_map(
    dossier: Dossier,
    *,
    focus: str | None = None,
    frame: Frame = COLUMN,
    href: Href | None = None,
    palette: Palette | None = None,
    svg_id: str = "map",
) -> RelationMap | None:
    """The whole story's map, or the neighbourhood of `focus`, fitted to `frame`; None when
    there are no relations to draw."""
    relations = dossier.relations if focus is None else neighbourhood(dossier, focus)
    if not relations:
        return None
    shown, drawing = _fitted(dossier, relations, frame, focus)
    left_out = [r for r in _by_links(relations, focus) if r not in drawing.boxes]
    return _svg(dossier, shown, drawing, left_out, focus, href, palette, svg_id)


def print_maps(dossier: Dossier, palette: Palette, frame: Frame = COLUMN) -> list[RelationMap]:
    """The whole story's map for print: a page of groups at a time, largest groups first,
    never shrunk; a group too big for a page keeps its most connected records."""
    relations = dossier.relations
    records = records_of(relations)
    keys = _link_keys(relations)
    parts = groups(records, [Link(k, r.subject, r.object, None) for k, r in keys.items()])
    parts.sort(key=lambda part: -len(part))
    pages: list[tuple[list[Relation], Drawing]] = []
    page: list[Relation] = []
    drawing: Drawing | None = None
    for part in parts:
        members = set(part)
        own = [r for r in relations if r.subject in members]
        if page:
            tried = _drawing(dossier, page + own, frame)
            if _fits(tried, frame):
                page, drawing = page + own, tried
                continue
            assert drawing is not None
            pages.append((page, drawing))
            if len(pages) == MAP_PAGES:
                page = []
                break
        page, drawing = _fitted(dossier, own, frame, None)
    if page and drawing is not None:
        pages.append((page, drawing))
    drawn = {r for _, d in pages for r in d.boxes}
    left_out = [r for r in _by_links(relations, None) if r not in drawn]
    maps = []
    for n, (shown, drawing) in enumerate(pages):
        last = n == len(pages) - 1
        maps.append(
            _svg(
                dossier,
                shown,
                drawing,
                left_out if last else [],
                None,
                None,
                palette,
                f"map-{n + 1}",
            )  # fmt: skip
        )
    return maps


def _by_links(relations: list[Relation], focus: str | None) -> list[str]:
    """The records of these relations, the most connected first (the focus before all)."""
    count: dict[str, int] = {}
    for r in relations:
        for end in (r.subject, r.object):
            count[end] = count.get(end, 0) + 1
    order = records_of(relations)
    place = {record: n for n, record in enumerate(order)}
    return sorted(order, key=lambda r: (r != focus, -count[r], place[r]))


def _fitted(
    dossier: Dossier, relations: list[Relation], frame: Frame, focus: str | None
) -> tuple[list[Relation], Drawing]:
    """The relations drawn within the frame: all of them when they fit, else those among the
    most connected records that do, found by halving from a guess by area."""
    sizes = _sizes(dossier, relations)
    room = frame.width * frame.height
    if _area(sizes.values()) <= FILL * room:
        drawing = _drawing(dossier, relations, frame)
        if _fits(drawing, frame):
            return relations, drawing
    ranked = _by_links(relations, focus)
    keys = _link_keys(relations)
    high = len(ranked) - 1
    guess = high
    while guess > 2 and _area(_among(ranked[:guess], keys, sizes)) > FILL * room:
        guess = guess * 4 // 5
    low, high = 2, min(high, 2 * guess)
    best: tuple[list[Relation], Drawing] | None = None
    while low <= high:
        among = [keys[i.key] for i in _among(ranked[:guess], keys, sizes) if i.key in keys]
        tried = _drawing(dossier, among, frame) if among else None
        if tried is not None and _fits(tried, frame):
            best, low = (among, tried), guess + 1
        else:
            high = guess - 1
        guess = (low + high) // 2
    if best is None:  # not even the two most connected fit: draw them as they are
        among = [r for r in relations if {r.subject, r.object} <= set(ranked[:2])] or relations[:1]
        return among, _drawing(dossier, among, frame)
    return best


def _among(kept: list[str], keys: dict[str, Relation], sizes: dict[str, Item]) -> list[Item]:
    """The sizes of the kept records and of the labels of the relations between them."""
    chosen = set(kept)
    links = [k for k, r in keys.items() if r.subject in chosen and r.object in chosen]
    ends = {end for k in links for end in (keys[k].subject, keys[k].object)}
    return [sizes[k] for k in links] + [sizes[r] for r in kept if r in ends]


def _area(items: Iterable[Item]) -> float:
    return sum((i.w + H_SPACE) * (i.h + V_SPACE) for i in items)


def _fits(drawing: Drawing, frame: Frame) -> bool:
    return drawing.width + 2 * GAP <= frame.width and drawing.height + 2 * GAP <= frame.height


def _link_keys(relations: list[Relation]) -> dict[str, Relation]:
    return {f"relation-{n}": r for n, r in enumerate(relations)}


def _sizes(dossier: Dossier, relations: list[Relation]) -> dict[str, Item]:
    """Each record's box and each relation's label, by key."""
    sizes = {}
    for record_id in records_of(relations):
        name, role = _texts(dossier, record_id)
        width = max(text_width(name, NAME_SIZE), text_width(role, SMALL_SIZE)) + 2 * PAD
        sizes[record_id] = Item(record_id, width, NODE_H)
    for key, relation in _link_keys(relations).items():
        words = dossier.relation_label(relation)
        sizes[key] = Item(key, text_width(words, SMALL_SIZE) + 8, LABEL_H)
    return sizes


@dataclass(frozen=True)
class _Bundle:
    """Relations of one kind between one record (the hub) and several that have no other
    relation on the map: drawn as one arrow, between the hub and a box holding the rest."""

    key: str
    relations: list[Relation]
    hub: str
    leaves: list[str]
    leaves_first: bool  # the leaves are the relations' subjects


def _bundles(dossier: Dossier, relations: list[Relation]) -> list[_Bundle]:
    """Three or more relations that read the same from a hub to records linked to nothing
    else on the map (ten councillors who are part of one council)."""
    count: dict[str, int] = {}
    for r in relations:
        for end in (r.subject, r.object):
            count[end] = count.get(end, 0) + 1
    sets: dict[tuple[str, str, bool, bool, bool], list[Relation]] = {}
    for r in relations:
        for hub, leaf, leaves_first in ((r.object, r.subject, True), (r.subject, r.object, False)):
            if count[leaf] == 1 and count[hub] > 1:
                key = (r.kind, hub, leaves_first, bool(r.inference), bool(r.according_to))
                sets.setdefault(key, []).append(r)
                break
    keys = {id(r): k for k, r in _link_keys(relations).items()}
    return [
        _Bundle(
            keys[id(rs[0])].replace("relation", "bundle"),
            rs,
            key[1],
            [r.subject if key[2] else r.object for r in rs],
            key[2],
        )  # fmt: skip
        for key, rs in sets.items()
        if len(rs) >= 3
    ]


def _grid(bundle: _Bundle, sizes: dict[str, Item], width: float) -> tuple[int, float, float]:
    """Columns, cell width and height of the box holding a bundle's leaves, at most `width`."""
    cell = max(sizes[leaf].w for leaf in bundle.leaves)
    columns = max(1, min(len(bundle.leaves), int((width - 2 * PAD + GAP) // (cell + GAP))))
    return columns, cell, NODE_H


def _drawing(dossier: Dossier, relations: list[Relation], frame: Frame) -> Drawing:
    """The layout of these relations: one box and label each, or one for each bundle."""
    sizes = _sizes(dossier, relations)
    width = frame.width - 2 * GAP
    bundles = _bundles(dossier, relations)
    bundled = {id(r) for b in bundles for r in b.relations}
    leaves = {leaf for b in bundles for leaf in b.leaves}
    items = [sizes[r] for r in records_of(relations) if r not in leaves]
    labels, links = [], []
    grids = {bundle.key: _grid(bundle, sizes, width) for bundle in bundles}
    for bundle in bundles:
        columns, cell, height = grids[bundle.key]
        rows = -(-len(bundle.leaves) // columns)
        cluster = f"{bundle.key}-box"
        items.append(Item(cluster, columns * (cell + GAP) - GAP + 2 * PAD,
                          rows * (height + GAP) - GAP + 2 * PAD))  # fmt: skip
        words = _bundle_words(dossier, bundle)
        labels.append(Item(bundle.key, text_width(words, SMALL_SIZE) + 8, LABEL_H))
        above = dossier.relation_kinds[bundle.relations[0].kind].above
        start, end = (cluster, bundle.hub) if bundle.leaves_first else (bundle.hub, cluster)
        start_above = None if above is None else (above == "subject") == bundle.leaves_first
        links.append(Link(bundle.key, start, end, start_above))
    for key, relation in _link_keys(relations).items():
        if id(relation) not in bundled:
            labels.append(sizes[key])
            above = dossier.relation_kinds[relation.kind].above
            start_above = None if above is None else above == "subject"
            links.append(Link(key, relation.subject, relation.object, start_above))
    drawing = draw(items, labels, links, width)
    for bundle in bundles:  # the leaves in rows inside their box
        box = drawing.boxes[f"{bundle.key}-box"]
        columns, cell, height = grids[bundle.key]
        for n, leaf in enumerate(bundle.leaves):
            row, column = divmod(n, columns)
            drawing.boxes[leaf] = Box(
                box.left + PAD + column * (cell + GAP) + cell / 2,
                box.top + PAD + row * (height + GAP) + height / 2,
                cell,
                height,
            )
    return drawing


def _bundle_words(dossier: Dossier, bundle: _Bundle) -> str:
    first = bundle.relations[0]
    kind = dossier.relation_kinds[first.kind]
    words = (
        (kind.verb(plural=True) or "") if bundle.leaves_first else dossier.relation_parts(first)[1]
    )
    return words + (" (claimed)" if first.according_to else "")


def _texts(dossier: Dossier, record_id: str) -> tuple[str, str]:
    role = node_role(dossier, record_id)
    return dossier.name_of(record_id), role if len(role) <= 30 else role[:29].rstrip() + "…"


def _svg(
    dossier: Dossier,
    shown: list[Relation],
    drawing: Drawing,
    left_out: list[str],
    focus: str | None,
    href: Href | None,
    palette: Palette | None,
    svg_id: str,
) -> RelationMap:
    width, height = drawing.width + 2 * GAP, drawing.height + 2 * GAP
    records = records_of(shown)
    near = (
        {e for r in dossier.relations_of(focus) for e in (r.subject, r.object)} if focus else set()
    )
    title = (
        f"Relationship map of {dossier.name_of(focus)}" if focus else "Relationship map"
    ) + f": {len(shown)} sourced relations between {len(records)} records"
    if left_out:
        title += f" (the most connected; {len(left_out)} more are listed with the relations)"
    styles = list(dict.fromkeys(dossier.relation_kinds[r.kind].style for r in shown))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="briefing-map" id="{svg_id}" '
        f'width="{number(width)}" height="{number(height)}" '
        f'viewBox="{number(-GAP)} {number(-GAP)} {number(width)} {number(height)}" '
        f'aria-labelledby="{svg_id}-title">',
        f'<title id="{svg_id}-title">{escape(title)}</title>',
        palette.style() if palette else "",
        "<defs>",
        *(
            f'<marker id="{svg_id}-arrow-{style}" viewBox="0 0 10 10" refX="10" refY="5" '
            'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            f'<path class="arrowhead style-{style}" d="M0,0L10,5L0,10z"/></marker>'
            for style in styles
        ),
        "</defs>",
        '<g class="edges">',
    ]
    labels = ['<g class="edge-labels">']
    bundles = {b.key: b for b in _bundles(dossier, shown)}
    bundled = {id(r) for b in bundles.values() for r in b.relations}
    arrows: list[tuple[str, list[Relation], str]] = [
        (key, [r], dossier.relation_label(r))
        for key, r in _link_keys(shown).items()
        if id(r) not in bundled
    ]
    arrows += [(key, b.relations, _bundle_words(dossier, b)) for key, b in bundles.items()]
    for key, group, words in arrows:
        first = group[0]
        kind = dossier.relation_kinds[first.kind]
        classes = f"edge style-{kind.style}" + (" inferred" if first.inference else "")
        arrow = "" if kind.symmetric else f' marker-end="url(#{svg_id}-arrow-{kind.style})"'
        line = (
            f'<polyline class="{classes}" points="'
            + " ".join(f"{number(x)},{number(y)}" for x, y in drawing.paths[key])
            + f'"{arrow}/>'
        )
        target = str(first.cite[0].number)
        if href is not None:  # the arrow links too, but only its label is a tab stop
            line = (
                f'<a href="{escape(href("citation", target))}" tabindex="-1" aria-hidden="true">'
                f"{line}</a>"
            )
        out.append(line)
        label = drawing.boxes[key]
        sentences = "; ".join(dossier.relation_sentence(r) for r in group)
        labels.append(
            open_link(href, "citation", target, sentences)
            + f'<rect class="label-bg" x="{number(label.left)}" y="{number(label.top)}" '
            f'width="{number(label.w)}" height="{number(label.h)}" rx="3"/>'
            + f'<text class="edge-label" x="{number(label.cx)}" '
            f'y="{number(label.cy + SMALL_SIZE * 0.35)}" font-size="{number(SMALL_SIZE)}" '
            f'text-anchor="middle">{escape(words)}</text>' + close_link(href)
        )
    out.append('</g><g class="nodes">')
    for key in bundles:
        box = drawing.boxes[f"{key}-box"]
        out.append(
            f'<rect class="cluster" x="{number(box.left)}" y="{number(box.top)}" '
            f'width="{number(box.w)}" height="{number(box.h)}" rx="8"/>'
        )
    for record_id in records:
        box = drawing.boxes[record_id]
        name, role = _texts(dossier, record_id)
        classes = "node" + (" focus" if record_id == focus else "")
        classes += " far" if focus and record_id not in near | {focus} else ""
        out.append(
            open_link(href, "record", record_id)
            + f'<rect class="{classes}" x="{number(box.left)}" '
            f'y="{number(box.top)}" width="{number(box.w)}" height="{number(box.h)}" rx="6"/>'
            + f'<text class="node-name" x="{number(box.cx)}" '
            f'y="{number(box.top + PAD + NAME_SIZE * 0.8)}" '
            f'font-size="{number(NAME_SIZE)}" font-weight="bold" text-anchor="middle">'
            f"{escape(name)}</text>" + f'<text class="node-role" x="{number(box.cx)}" '
            f'y="{number(box.top + PAD + NAME_SIZE + SMALL_SIZE * 0.9)}" '
            f'font-size="{number(SMALL_SIZE)}" '
            f'text-anchor="middle">{escape(role)}</text>' + close_link(href)
        )
    out.append("</g>")
    out.extend(labels)  # on top: a label hides the stretch of its own arrow it sits on
    out.append("</g></svg>")
    return RelationMap("".join(out), width, height, shown, records, left_out)
