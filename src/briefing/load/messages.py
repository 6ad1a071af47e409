"""Pydantic's validation errors in words an editor can act on, with a suggestion where one
exists, at the line and column of the value (or key) they are about."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from briefing.load.yamlfile import Loc, YamlDocument
from briefing.problems import Problems, did_you_mean, field_path

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
}


def report_validation_error(
    error: ErrorDetails, schema: Any, document: YamlDocument, shown_as: str, problems: Problems
) -> None:
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    found = _describe(error.get("input"))
    key = False
    if kind == "missing":
        message = f"missing required field '{loc[-1]}'"
        position = document.position(loc[:-1])
    elif kind == "extra_forbidden":
        allowed = _fields_at(schema, loc[:-1])
        message = f"unknown field '{loc[-1]}'{did_you_mean(str(loc[-1]), allowed)}"
        if allowed:
            message += f" (allowed: {', '.join(sorted(allowed))})"
        if " " in str(loc[-1]):  # text, not a field name: a comma split a {...} mapping
            message += "; a comma inside { } starts a new field: put text with a comma in quotes"
        key = True
        position = document.position(loc, key=True)
    elif kind == "string_pattern_mismatch":
        value = str(error.get("input"))
        suggestion = "-".join("".join(c if c.isalnum() else " " for c in value.lower()).split())
        message = f"invalid id {found}: use lowercase letters, digits and single hyphens" + (
            f"; did you mean '{suggestion}'?" if suggestion and suggestion != value else ""
        )
        position = document.position(loc)
    elif kind == "literal_error":
        expected = error["ctx"]["expected"]
        options = [o.strip(" '") for o in expected.replace(" or ", ", ").split(",")]
        message = f"expected one of {expected}; found {found}" + did_you_mean(
            str(error.get("input")), options
        )
        position = document.position(loc)
    elif kind in _TYPE_WORDS:
        message = f"expected {_TYPE_WORDS[kind]}; found {found}"
        position = document.position(loc)
    elif kind in ("too_short", "string_too_short"):
        message = "must not be empty" + ("" if kind == "string_too_short" else "; add at least one")
        position = document.position(loc)
    elif kind == "value_error":
        message = str(error["msg"]).removeprefix("Value error, ")
        position = document.position(loc)
    else:
        message = f"{error['msg']}; found {found}"
        position = document.position(loc)
    problems.error(
        shown_as,
        message,
        line=position.line if position else None,
        column=position.column if position else None,
        field=field_path(loc) if not key else field_path(loc),
    )


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _fields_at(schema: Any, loc: Loc) -> set[str]:
    """Field names of the model found by following `loc` through the schema's types."""
    tp = schema
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(part, int):
            args = typing.get_args(tp)
            tp = args[0] if args else None
        elif isinstance(tp, type) and issubclass(tp, BaseModel) and part in tp.model_fields:
            tp = tp.model_fields[part].annotation
        else:
            return set()
    tp = _unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return set(tp.model_fields)
    return set()


def _unwrap(tp: Any) -> Any:
    """Strip Annotated and Optional; from a union keep the model or list member."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(tp) if a is not type(None)]
            preferred = [
                m
                for m in members
                if typing.get_origin(_strip(m)) is list
                or (isinstance(_strip(m), type) and issubclass(_strip(m), BaseModel))
            ]
            tp = (preferred or members)[0]
        else:
            return tp


def _strip(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp
