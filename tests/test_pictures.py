"""The relationship map and the timeline chart, parsed as SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import combinations

import pytest

from briefing import build_dossier
from briefing.pictures import CHART_ROW_LIMIT, MAP_LIMIT, PRINT, relationship_map, timeline_chart
from briefing.pictures.svg import Box
from briefing.pictures.timeline_chart import FIRST_ROW, ROW_H
from support import FIXTURE, SEVERAL, synthetic

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


def test_every_relation_is_an_edge_with_its_label_and_link(dossier):
    svg = ET.fromstring(relationship_map(dossier, href=link))
    labelled = [a for a in svg.iter(f"{SVG}a") if a.find(f"{SVG}text") is not None]
    edges = [a for a in labelled if a.find(f"{SVG}text").get("class") == "edge-label"]
    assert len(edges) == len(dossier.relations)
    for anchor, relation in zip(edges, dossier.relations, strict=True):
        assert anchor.get("href") == f"citation:{relation.cite[0].number}"
        assert anchor.find(f"{SVG}text").text == dossier.relation_label(relation)
    names = {t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "node-name"}
    ends = {dossier.name_of(i) for r in dossier.relations for i in (r.subject, r.object)}
    assert names == ends
    assert len(list(svg.iter(f"{SVG}line"))) == len(dossier.relations)


def test_no_boxes_overlap_and_labels_stay_clear_of_them(dossier):
    focuses = [None, *(p.id for p in dossier.main_people if dossier.relations_of(p.id))]
    for focus in focuses:
        svg = ET.fromstring(relationship_map(dossier, focus=focus, href=link))
        nodes = boxes(svg, "node")
        for a, b in combinations(nodes, 2):
            assert not a.overlaps(b), (focus, a, b)
        labels = boxes(svg, "label-bg")
        for label in labels:
            assert not any(label.overlaps(node) for node in nodes), (focus, label)


def test_inferred_relations_are_drawn_differently(dossier):
    svg = ET.fromstring(relationship_map(dossier, href=link))
    dashed = [ln for ln in svg.iter(f"{SVG}line") if "inferred" in ln.get("class", "")]
    assert len(dashed) == sum(1 for r in dossier.relations if r.inference)


def test_identical_bytes_on_rebuild(dossier):
    assert relationship_map(dossier, href=link) == relationship_map(
        build_dossier_again(dossier), href=link
    )
    assert timeline_chart(dossier, href=link, palette=PRINT) == timeline_chart(
        build_dossier_again(dossier), href=link, palette=PRINT
    )


def build_dossier_again(dossier):
    root = SEVERAL if len(dossier.sources) > 1 else FIXTURE
    return build_dossier(root / "dossier")


def test_timeline_chart_places_each_event_at_its_precision(dossier):
    svg = ET.fromstring(timeline_chart(dossier, href=link))
    groups = [g for g in svg.iter(f"{SVG}g") if "event" in g.get("class", "").split()]
    events = [e for e in dossier.events if e.when and e.when.earliest and e.when.latest]
    assert len(groups) == len(events)
    for group, event in zip(groups, events, strict=True):
        assert group.find(f"{SVG}a").get("href") == f"event:{event.id}"
        assert f"status-{event.status}" in group.get("class")
        span = group.find(f".//{SVG}rect[@class='span']")
        point = group.find(f".//{SVG}circle")
        if event.when.precision == "day":
            assert point is not None and span is None
        else:
            assert span is not None and point is None
    spans = {
        e.id: float(g.find(f".//{SVG}rect[@class='span']").get("width"))
        for g, e in zip(groups, events, strict=True)
        if e.when.precision != "day"
    }
    months = [
        w
        for i, w in spans.items()
        if next(e for e in dossier.events if e.id == i).date.date.precision == "month"
    ]
    years = [
        w
        for i, w in spans.items()
        if next(e for e in dossier.events if e.id == i).date.date.precision == "year"
    ]
    if months and years:
        assert max(months) * 10 < min(years)  # a month is drawn as a twelfth of a year
    labels = boxes(svg, "label-bg")
    for a, b in combinations(labels, 2):
        assert not a.overlaps(b)


def test_pictures_escape_text_from_yaml(tmp_path):
    import shutil

    from support import edit

    shutil.copytree(FIXTURE, tmp_path / "mini")
    dossier_dir = tmp_path / "mini" / "dossier"
    edit(dossier_dir / "people/tomas-reed.yml", "name: Tomas Reed", 'name: "Tomas <script>&"')
    svg = relationship_map(build_dossier(dossier_dir), href=link)
    assert "<script>" not in svg and "Tomas &lt;script&gt;&amp;" in svg
    ET.fromstring(svg)  # still well-formed XML


def test_same_map_whatever_the_string_hash_seed():
    """Layout must not depend on set order, which Python randomises per process."""
    import os
    import subprocess
    import sys

    script = (
        "from briefing import build_dossier; from briefing.pictures import relationship_map;"
        f"print(relationship_map(build_dossier({str(SEVERAL / 'dossier')!r})))"
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


def test_a_map_draws_up_to_its_limit_of_records_and_no_more(tmp_path):
    assert MAP_LIMIT == 30  # 27 people in three councils make 30 records; 28 make 31
    at_limit = build_dossier(synthetic(27, tmp_path / "at") / "dossier")
    svg = ET.fromstring(relationship_map(at_limit, href=link))
    assert len(boxes(svg, "node")) == 30
    past_limit = build_dossier(synthetic(28, tmp_path / "past") / "dossier")
    assert len(past_limit.relations) == 28
    assert relationship_map(past_limit, href=link) is None


def test_a_chart_draws_up_to_its_limit_of_rows_and_no_more(tmp_path):
    assert CHART_ROW_LIMIT == 30  # the events of 38 generated people take 30 rows; of 39, 31
    at_limit = build_dossier(synthetic(38, tmp_path / "at") / "dossier")
    svg = ET.fromstring(timeline_chart(at_limit, href=link))
    assert float(svg.get("height")) == FIRST_ROW + 30 * ROW_H
    past_limit = build_dossier(synthetic(39, tmp_path / "past") / "dossier")
    assert timeline_chart(past_limit, href=link) is None
