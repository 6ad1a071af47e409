"""Pictures drawn at build time as SVG, in plain Python: a relationship map and a timeline
chart. Same dossier, same bytes."""

from briefing.pictures.relationship_map import MAP_LIMIT, records_on_map, relationship_map
from briefing.pictures.svg import PRINT, Palette
from briefing.pictures.timeline_chart import CHART_ROW_LIMIT, timeline_chart

__all__ = [
    "CHART_ROW_LIMIT", "MAP_LIMIT", "PRINT", "Palette", "records_on_map", "relationship_map",
    "timeline_chart",
]  # fmt: skip
