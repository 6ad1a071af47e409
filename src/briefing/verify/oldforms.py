"""Fields written the older way still work; each gets a warning saying what to write instead."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel

from briefing.model.ids import OldForm
from briefing.problems import Problems
from briefing.verify.walk import Node


def warn_of_old_forms(nodes: list[Node], problems: Problems) -> None:
    for node in nodes:
        if not isinstance(node.value, BaseModel):
            continue
        for name, old in _old_fields(type(node.value)):
            if name in node.value.model_fields_set:  # as written, though read as the newer
                problems.warning(
                    node.file.shown_as,
                    f"'{name}' is the older way to write this: write {old.instead} instead "
                    "(`briefing migrate` rewrites the dossier's files so)",
                    **node.file.where((*node.loc, name), key=True),
                )


@cache
def _old_fields(model: type[BaseModel]) -> tuple[tuple[str, OldForm], ...]:
    return tuple(
        (name, item)
        for name, info in model.model_fields.items()
        for item in info.metadata
        if isinstance(item, OldForm)
    )
