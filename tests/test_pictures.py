"""The relationship map and the timeline chart, parsed as SVG."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from itertools import combinations

import pytest
from picture_figures import measure

from briefing import build_dossier
from briefing.pictures import (
    CHART_ROW_LIMIT,
    COLUMN,
    PRINT,
    print_charts,
    print_maps,
    relationship_map,
    timeline_chart,
)
from briefing.pictures.relationship_map import MAP_PAGES
from briefing.pictures.svg import Box
from briefing.pictures.timeline_chart import FIRST_ROW, ROW_H
from support import FIXTURE, SEVERAL, edit, synthetic

SVG = "{http://www.w3.org/2000/svg}"


def link(kind: str, target: str) -> str:
    return f"{kind}:{target}"


@pytest.fixture(scope="module", params=["several", "mini"])
def dossier(request):
    return build_dossier((SEVERAL if request.param == "several" else FIXTURE) / "dossier")


def boxes(svg: ET.Element, css_class: str) -> list[Box]:
    found = []
    for rect in svg.iter(f"{SVG}rect"):
        if css_class in rect.get("class", "").split():
            x, y, w, h = (float(rect.get(k)) for k in ("x", "y", "width", "height"))
            found.append(Box(x + w / 2, y + h / 2, w, h))
    return found


def node_boxes(svg: ET.Element) -> dict[str, Box]:
    """Each record's box, by the name written in it."""
    found = {}
    for group in svg.iter(f"{SVG}a"):
        rect, name = group.find(f"{SVG}rect"), group.find(f"{SVG}text")
        if rect is not None and "node" in rect.get("class", "").split():
            x, y, w, h = (float(rect.get(k)) for k in ("x", "y", "width", "height"))
            found[name.text] = Box(x + w / 2, y + h / 2, w, h)
    return found


def mini_with_relations(tmp_path, relations: str):
    """The fixture dossier with its relations replaced."""
    shutil.copytree(FIXTURE, tmp_path / "mini")
    folder = tmp_path / "mini" / "dossier"
    (folder / "relations" / "relations.yml").write_text(relations, encoding="utf-8")
    return build_dossier(folder)


def test_every_relation_is_an_edge_with_its_label_and_link(dossier):
    svg = ET.fromstring(relationship_map(dossier, href=link).svg)
    labelled = [a for a in svg.iter(f"{SVG}a") if a.find(f"{SVG}text") is not None]
    edges = [a for a in labelled if a.find(f"{SVG}text").get("class") == "edge-label"]
    assert len(edges) == len(dossier.relations)
    for anchor, relation in zip(edges, dossier.relations, strict=True):
        assert anchor.get("href") == f"citation:{relation.cite[0].number}"
        assert anchor.find(f"{SVG}text").text == dossier.relation_label(relation)
        assert anchor.find(f"{SVG}title").text == dossier.relation_sentence(relation)
    ends = {dossier.name_of(i) for r in dossier.relations for i in (r.subject, r.object)}
    assert set(node_boxes(svg)) == ends
    assert len(list(svg.iter(f"{SVG}polyline"))) == len(dossier.relations)


def test_maps_fit_the_column_at_full_size_with_nothing_overlapping(dossier, tmp_path):
    crowded = build_dossier(synthetic(36, tmp_path) / "dossier")
    maps = [relationship_map(d, focus=f, href=link) for d, f in [(dossier, None), (crowded, None)]]
    maps += [relationship_map(dossier, focus=p.id) for p in dossier.main_people]
    maps += print_maps(crowded, PRINT)
    for drawn in [m for m in maps if m is not None]:
        figures = measure(drawn.svg)
        assert figures.width <= COLUMN.width and figures.height <= COLUMN.height
        assert figures.smallest_text >= 11  # 11 px on the site, 7.5 pt printed
        assert figures.overlaps == 0
        assert figures.through_labels == 0  # no arrow runs through a box or another label


def test_the_end_a_relation_puts_above_is_drawn_higher(dossier):
    svg = ET.fromstring(relationship_map(dossier, href=link).svg)
    placed = node_boxes(svg)
    for relation in dossier.relations:
        above = dossier.relation_kinds[relation.kind].above
        if above is not None:
            upper, lower = (relation.subject, relation.object)[:: 1 if above == "subject" else -1]
            assert placed[dossier.name_of(upper)].cy < placed[dossier.name_of(lower)].cy


def test_separate_groups_stand_side_by_side(tmp_path):
    mini = mini_with_relations(
        tmp_path,
        "- {subject: elena-brisk, kind: leads, object: port-vell-council, "
        "cite: has led the town since 2015}\n"
        "- {subject: tomas-reed, kind: based-in, object: port-vell, "
        "cite: said harbour master Tomas Reed}\n",
    )
    placed = node_boxes(ET.fromstring(relationship_map(mini, href=link).svg))
    assert placed["Elena Brisk"].cy < placed["Port Vell town council"].cy  # who leads, above
    assert placed["Port Vell"].cy == placed["Elena Brisk"].cy  # the two groups, side by side
    assert placed["Port Vell"].left > placed["Elena Brisk"].left + placed["Elena Brisk"].w


def test_records_linked_only_to_one_hub_share_one_arrow_and_a_box(tmp_path):
    mini = mini_with_relations(
        tmp_path,
        "".join(
            f'- {{subject: {who}, kind: member-of, object: port-vell-council, cite: "{cite}"}}\n'
            for who, cite in [
                ("elena-brisk", "Mayor Elena Brisk"),
                ("tomas-reed", "said harbour master Tomas Reed"),
                ("residents", "About 4,000 residents are eligible to vote"),
            ]
        ),
    )
    svg = ET.fromstring(relationship_map(mini, href=link).svg)
    (label,) = [a for a in svg.iter(f"{SVG}a") if a.find(f"{SVG}title") is not None]
    assert label.find(f"{SVG}text").text == "are part of"
    assert label.find(f"{SVG}title").text == "; ".join(
        mini.relation_sentence(r) for r in mini.relations
    )
    (cluster,) = boxes(svg, "cluster")
    placed = node_boxes(svg)
    for name in ("Elena Brisk", "Tomas Reed", "Eligible residents"):
        assert cluster.left < placed[name].left and cluster.top < placed[name].top
    assert placed["Port Vell town council"].cy < cluster.cy  # the council holds them: above


def test_a_crowded_map_keeps_the_most_connected_records_and_names_the_rest(tmp_path):
    crowded = build_dossier(synthetic(36, tmp_path) / "dossier")  # 4 councils, 40 records
    drawn = relationship_map(crowded)
    assert len(drawn.records) + len(drawn.left_out) == 40
    assert drawn.left_out and set(drawn.records).isdisjoint(drawn.left_out)
    councils = [f"council-{n:04d}" for n in range(3)]  # the best connected, ten people each
    assert set(councils) <= set(drawn.records)
    assert "more are listed with the relations" in drawn.svg


def test_printed_maps_take_a_page_of_groups_each_rather_than_shrink(tmp_path):
    crowded = build_dossier(synthetic(36, tmp_path) / "dossier")
    pages = print_maps(crowded, PRINT)
    assert len(pages) == 2
    assert all(p.height <= COLUMN.height and p.width <= COLUMN.width for p in pages)
    drawn = [r for p in pages for r in p.relations]
    assert len(drawn) == len(crowded.relations)  # every group on a page, none split
    assert not pages[-1].left_out


def test_printed_maps_stop_at_their_pages_and_name_who_they_leave_out(tmp_path):
    many = build_dossier(synthetic(130, tmp_path) / "dossier")  # thirteen councils
    pages = print_maps(many, PRINT)
    assert len(pages) == MAP_PAGES
    drawn = {r for p in pages for r in p.records}
    assert pages[-1].left_out and drawn.isdisjoint(pages[-1].left_out)
    assert len(drawn) + len(pages[-1].left_out) == 130 + 13


def test_a_neighbourhood_map_shows_two_steps_around_its_record(tmp_path):
    mini = mini_with_relations(
        tmp_path,
        "- {subject: elena-brisk, kind: based-in, object: port-vell, cite: Mayor Elena Brisk}\n"
        "- {subject: tomas-reed, kind: based-in, object: port-vell, "
        "cite: said harbour master Tomas Reed}\n"
        "- {subject: residents, kind: opposes, object: tomas-reed, "
        'cite: "About 4,000 residents are eligible to vote"}\n',
    )
    svg = ET.fromstring(relationship_map(mini, focus="elena-brisk", href=link).svg)
    names = {r.get("class"): None for r in svg.iter(f"{SVG}rect")}
    assert "node focus" in names and "node far" in names
    assert set(node_boxes(svg)) == {"Elena Brisk", "Port Vell", "Tomas Reed"}  # three steps: no


def test_identical_bytes_on_rebuild(dossier):
    again = build_dossier_again(dossier)
    assert relationship_map(dossier, href=link) == relationship_map(again, href=link)
    assert timeline_chart(dossier, href=link, palette=PRINT) == timeline_chart(
        again, href=link, palette=PRINT
    )


def build_dossier_again(dossier):
    root = SEVERAL if len(dossier.sources) > 1 else FIXTURE
    return build_dossier(root / "dossier")


def test_timeline_chart_places_each_event_at_its_precision(dossier):
    svg = ET.fromstring(timeline_chart(dossier, href=link))
    groups = [g for g in svg.iter(f"{SVG}g") if "event" in g.get("class", "").split()]
    assert len(groups) == len(dossier.events)
    widths = {}
    for group, event in zip(groups, dossier.events, strict=True):
        assert group.find(f"{SVG}a").get("href") == f"event:{event.id}"
        assert f"status-{event.status}" in group.get("class")
        span = group.find(f".//{SVG}rect[@class='span']")
        point = group.find(f".//{SVG}circle")
        precision = event.when.precision if event.when else "undated"
        if precision == "day":
            assert point is not None and span is None
        else:
            assert span is not None and point is None
            widths.setdefault(precision, []).append(float(span.get("width")))
    if "month" in widths and "year" in widths:
        assert max(widths["month"]) * 10 < min(widths["year"])  # a month, a twelfth of a year
    for a, b in combinations(boxes(svg, "label-bg"), 2):
        assert not a.overlaps(b)


OPEN_AND_UNDATED = """- id: storm-season
  title: Event 1
  date: 2021-04/..
  summary: {text: Storm season arrived early., cite: Storm season arrives early}
- id: council-sits
  title: Event 3
  summary: {text: The council set the vote., cite: The council first set the vote}
- id: residents-count
  title: Event 4
  summary: {text: 'About 4,000 residents may vote.', cite: 'About 4,000 residents are eligible'}
"""


def test_undated_events_and_open_ends(mini):
    """Events the source does not date go in a band of their own, in the timeline's order;
    an interval with an open end fades out to the chart's edge."""
    (mini / "events" / "more.yml").write_text(OPEN_AND_UNDATED, encoding="utf-8")
    svg = ET.fromstring(timeline_chart(build_dossier(mini)))
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "Not dated, in the timeline’s order" in texts
    assert texts.index("Event 3") < texts.index("Event 4")
    (fading,) = [r for r in svg.iter(f"{SVG}rect") if r.get("class") == "open-end"]
    assert float(fading.get("x")) + float(fading.get("width")) == pytest.approx(688 - 16)
    for a, b in combinations(boxes(svg, "label-bg"), 2):
        assert not a.overlaps(b)


def test_pictures_escape_text_from_yaml(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "mini")
    dossier_dir = tmp_path / "mini" / "dossier"
    edit(dossier_dir / "people/tomas-reed.yml", "name: Tomas Reed", 'name: "Tomas <script>&"')
    svg = relationship_map(build_dossier(dossier_dir), href=link).svg
    assert "<script>" not in svg and "Tomas &lt;script&gt;&amp;" in svg
    ET.fromstring(svg)  # still well-formed XML


def test_same_map_whatever_the_string_hash_seed():
    """Layout must not depend on set order, which Python randomises per process."""
    import os
    import subprocess
    import sys

    script = (
        "from briefing import build_dossier; from briefing.pictures import relationship_map;"
        f"print(relationship_map(build_dossier({str(SEVERAL / 'dossier')!r})).svg)"
    )
    maps = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(maps) == 1


def test_a_chart_draws_up_to_its_limit_of_rows_and_no_more(tmp_path):
    assert CHART_ROW_LIMIT == 30  # the events of 41 generated people take 30 rows; of 42, 31
    at_limit = build_dossier(synthetic(41, tmp_path / "at") / "dossier")
    svg = ET.fromstring(timeline_chart(at_limit, href=link))
    assert float(svg.get("height")) == FIRST_ROW + 30 * ROW_H
    printed = [ET.fromstring(chart) for chart in print_charts(at_limit, PRINT)]
    assert len(printed) == 2  # a page holds 18 rows
    assert all(float(chart.get("height")) <= COLUMN.height for chart in printed)
    past_limit = build_dossier(synthetic(42, tmp_path / "past") / "dossier")
    assert timeline_chart(past_limit, href=link) is None
    assert print_charts(past_limit, PRINT) == []
