"""Every value of the dossier's records a check looks at, with where it stands in its file.

The checks (references, citations, dates, quotes) each go through this one list rather than
walking the records again.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from briefing.load import LoadedFile
from briefing.load.yamlfile import Loc
from briefing.model import RefTo


@dataclass
class Node:
    """A value met while walking a file's records, with where it is."""

    file: LoadedFile
    loc: Loc
    value: Any
    ref: RefTo | None  # set when the value is a reference to another record
    record_kind: str  # the noun of the record it belongs to
    record_id: str | None
    parent: Any  # the model holding the value


def walk_files(files: list[LoadedFile]) -> list[Node]:
    """The models (citations, dates, quotes ...) and references of every record, in file order."""
    nodes: list[Node] = []
    for file in files:
        for index, record in enumerate(file.records):
            record_id = getattr(record, "id", None)
            _walk(nodes, file, record, file.record_loc(index), None, file.noun, record_id, None)
    return nodes


def _walk(
    nodes: list[Node],
    file: LoadedFile,
    value: Any,
    loc: Loc,
    ref: RefTo | None,
    record_kind: str,
    record_id: str | None,
    parent: Any,
) -> None:
    """Appends to one list rather than yielding, for speed (benchmarks/README.md)."""
    if isinstance(value, BaseModel):
        nodes.append(Node(file, loc, value, ref, record_kind, record_id, parent))
        fields = value.__dict__  # a pydantic model's fields, fast
        for name, child_ref in _fields_to_visit(type(value)):
            child = fields[name]
            if child is not None:
                _walk(nodes, file, child, (*loc, name), child_ref, record_kind, record_id, value)
        return
    if ref is not None:
        nodes.append(Node(file, loc, value, ref, record_kind, record_id, parent))
    if isinstance(value, list):
        for i, item in enumerate(value):
            if ref is None and isinstance(item, _PLAIN):
                continue
            _walk(nodes, file, item, (*loc, i), ref, record_kind, record_id, parent)


_PLAIN = (str, int, float, type(None))


@cache
def _fields_to_visit(model: type[BaseModel]) -> tuple[tuple[str, RefTo | None], ...]:
    """The fields of a model that hold references or models, each with the kind of record it
    refers to (None for a model); plain text is never visited."""
    fields = []
    for name, info in model.model_fields.items():
        ref = _find_ref(info.annotation, tuple(info.metadata))
        if ref is not None or _may_hold_model(info.annotation):
            fields.append((name, ref))
    return tuple(fields)


def _may_hold_model(tp: Any) -> bool:
    if tp is Any or (isinstance(tp, type) and issubclass(tp, BaseModel)):
        return True
    return any(_may_hold_model(arg) for arg in typing.get_args(tp))


def _find_ref(tp: Any, metadata: tuple[Any, ...]) -> RefTo | None:
    for item in metadata:
        if isinstance(item, RefTo):
            return item
    if typing.get_origin(tp) is typing.Annotated:
        inner, *extra = typing.get_args(tp)
        return _find_ref(inner, tuple(extra))
    for arg in typing.get_args(tp):
        found = _find_ref(arg, ())
        if found:
            return found
    return None
