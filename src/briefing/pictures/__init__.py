"""Pictures drawn at build time as SVG, in Python: a relationship map (its layers ordered by
grandalf) and a timeline chart. Same dossier, same bytes."""

from briefing.pictures.relationship_map import (
    RelationMap,
    neighbourhood,
    print_maps,
    relationship_map,
)
from briefing.pictures.svg import COLUMN, PHONE, PRINT, Frame, Palette
from briefing.pictures.timeline_chart import CHART_ROW_LIMIT, print_charts, timeline_chart

__all__ = [
    "CHART_ROW_LIMIT", "COLUMN", "PHONE", "PRINT", "Frame", "Palette",
    "RelationMap", "neighbourhood", "print_charts", "print_maps", "relationship_map",
    "timeline_chart",
]  # fmt: skip
