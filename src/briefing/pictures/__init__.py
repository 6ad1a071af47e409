"""Pictures drawn at build time as SVG, in plain Python: a relationship map and a timeline
chart. Same dossier, same bytes."""

from briefing.pictures.relationship_map import (
    MAP_PAGES,
    RelationMap,
    neighbourhood,
    print_maps,
    relationship_map,
)
from briefing.pictures.svg import COLUMN, PHONE, PRINT, Frame, Palette
from briefing.pictures.timeline_chart import CHART_ROW_LIMIT, print_charts, timeline_chart

__all__ = [
    "CHART_ROW_LIMIT", "COLUMN", "MAP_PAGES", "PHONE", "PRINT", "Frame", "Palette",
    "RelationMap", "neighbourhood", "print_charts", "print_maps", "relationship_map",
    "timeline_chart",
]  # fmt: skip
