"""What a source's record says the saved web page's metadata gives is really in that page."""

from __future__ import annotations

from briefing.load import Seed
from briefing.model import PageField
from briefing.problems import Problems, did_you_mean, shorten
from briefing.verify.walk import Node


def check_page_fields(nodes: list[Node], seeds: dict[str, Seed], problems: Problems) -> None:
    for node in nodes:
        if not isinstance(node.value, PageField) or node.record_kind != "source":
            continue
        field: PageField = node.value
        seed = seeds.get(node.record_id or "")
        if seed is None:
            continue  # its seed could not be read, which was reported
        where = node.file.where((*node.loc, "value"))
        if seed.page is None:
            if node.file.records[0].page is not None:
                continue  # the page could not be read, or has changed: reported already
            problems.error(
                node.file.shown_as,
                "cites the saved page's metadata, but the source keeps no page: add "
                "page: {file: ..., sha256: ...}, or cite the text instead",
                **where,
            )
            continue
        values = seed.page.get(field.field)
        if values is None:
            problems.error(
                node.file.shown_as,
                f"the saved page ({seed.page_shown_as}) has no metadata field '{field.field}'"
                + did_you_mean(field.field, seed.page),
                **node.file.where((*node.loc, "field")),
            )
        elif " ".join(field.value.split()) not in values:
            shown = "; ".join(f"'{shorten(v, 60)}'" for v in values[:3])
            problems.error(
                node.file.shown_as,
                f"the saved page's '{field.field}' is {shown}, not '{shorten(field.value)}'; "
                "give the value exactly as the page has it",
                **where,
            )
