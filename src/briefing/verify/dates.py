"""Relative dates ("on Thursday") resolved against their anchor source's date, with the basis
of each resolution in words: a date the engine derives is an editorial inference."""

from __future__ import annotations

from briefing.model import DateSpec
from briefing.problems import Problems, some_of
from briefing.text.dates import describe_rule, resolve_relative
from briefing.verify.citations import PreparedSource, only_source
from briefing.verify.walk import Node


def resolve_dates(
    nodes: list[Node], sources: dict[str, PreparedSource], problems: Problems
) -> None:
    single = only_source(sources)
    for node in nodes:
        if not isinstance(node.value, DateSpec) or node.value.relative is None:
            continue
        spec: DateSpec = node.value
        rule = node.value.relative
        anchor_id = rule.anchor or single
        if anchor_id not in sources:
            if rule.anchor is None:
                problems.error(
                    node.file.shown_as,
                    "relative date needs an 'anchor' source: the dossier has "
                    + (f"several sources ({some_of(sources)})" if sources else "none"),
                    **node.file.where((*node.loc, "relative")),
                )
            continue
        source = sources[anchor_id].source
        anchor = source.date.date
        try:
            resolved = resolve_relative(
                anchor,
                weekday=rule.weekday,
                month=rule.month,
                same_year=rule.same_year,
                direction=rule.direction,
            )
        except ValueError as exc:
            problems.error(node.file.shown_as, str(exc), **node.file.where((*node.loc, "relative")))
            continue
        how = describe_rule(
            weekday=rule.weekday,
            month=rule.month,
            same_year=rule.same_year,
            direction=rule.direction,
        )
        basis = (
            f"'{spec.wording}' resolved as {how}the date of "
            f"{source.title} ({anchor.human()}"
            + (", itself an editorial inference)" if source.date.inference else ")")
        )
        spec.set_resolved(resolved, basis)
