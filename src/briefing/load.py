"""Load and validate: the dossier folder's YAML files become model objects.

Each file is read safely (see `yamlfile`) and validated against its kind's pydantic model. Any
validation error is reported with file, line, column and field path, in words an editor can act
on, with a suggestion where one exists. Cross-file checks (duplicate ids, references, passages)
come later, in `verify`.
"""

from __future__ import annotations

import functools
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from briefing.model import (
    RESERVED_IDS,
    DossierMeta,
    EventsFile,
    Group,
    Organisation,
    Person,
    Place,
    QuotesFile,
    RelationsFile,
    Source,
)
from briefing.problems import Problems, did_you_mean, field_path
from briefing.yamlfile import Loc, YamlDocument, YamlError, read_yaml

META_FILE = "dossier.yml"


@dataclass(frozen=True)
class Kind:
    folder: str
    noun: str  # singular, for messages: "person"
    schema: Any  # a model class, or an Annotated list type for list files
    one_per_file: bool


KINDS = [
    Kind("sources", "source", Source, True),
    Kind("people", "person", Person, True),
    Kind("groups", "group", Group, True),
    Kind("organisations", "organisation", Organisation, True),
    Kind("places", "place", Place, True),
    Kind("events", "event", EventsFile, False),
    Kind("quotes", "quote", QuotesFile, False),
    Kind("relations", "relation", RelationsFile, False),
]
IGNORED_FOLDERS = {"schema"}


@dataclass
class LoadedFile:
    """One validated file: where it is, its positions, and the records it holds."""

    path: Path
    shown_as: str  # the path as printed in messages
    kind: str  # "meta" or a Kind.folder
    document: YamlDocument
    records: list[Any]  # model objects; loc of records[i] is `record_loc(i)`
    is_list: bool

    def record_loc(self, index: int) -> Loc:
        return (index,) if self.is_list else ()

    def where(self, loc: Loc, *, key: bool = False) -> dict[str, Any]:
        """Keyword arguments for Problems.error/warning pointing at `loc` in this file."""
        position = self.document.position(loc, key=key)
        return {
            "line": position.line if position else None,
            "column": position.column if position else None,
            "field": field_path(loc),
        }


@dataclass
class LoadedDossier:
    root: Path
    meta_file: LoadedFile | None
    files: list[LoadedFile] = field(default_factory=list)
    # Ids of one-record files that failed to load (taken from the file name): references to
    # them are not reported again as dangling.
    unreadable_ids: set[str] = field(default_factory=set)

    def of_kind(self, folder: str) -> list[LoadedFile]:
        return [f for f in self.files if f.kind == folder]


def display_path(path: Path, base: Path) -> str:
    """Path relative to the folder the dossier sits in (the project), else as given."""
    try:  # the common case, a file inside the dossier: no file system look-up needed
        return (Path(_resolved(base).name) / path.relative_to(base)).as_posix()
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(_resolved(base).parent).as_posix()
    except ValueError:
        return str(path)


@functools.lru_cache(maxsize=8)
def _resolved(path: Path) -> Path:
    return path.resolve()


def load_dossier(root: Path, problems: Problems) -> LoadedDossier:
    """Read and validate every YAML file of the dossier; report problems, keep what is valid."""
    loaded = LoadedDossier(root=root, meta_file=None)
    meta_path = root / META_FILE
    if not meta_path.is_file():
        problems.error(
            display_path(meta_path, root),
            f"missing {META_FILE}: every dossier folder needs one with its title, as_of date "
            "and marking line",
        )
    else:
        loaded.meta_file = _load_file(meta_path, root, "meta", DossierMeta, False, problems)

    known_folders = {kind.folder for kind in KINDS} | IGNORED_FOLDERS
    for entry in sorted(root.iterdir()):
        if entry.is_dir() and entry.name not in known_folders and not entry.name.startswith("."):
            problems.error(
                display_path(entry, root),
                f"unexpected folder '{entry.name}'{did_you_mean(entry.name, known_folders)} "
                f"(dossier folders are: {', '.join(k.folder for k in KINDS)})",
            )
        elif entry.is_file() and _is_yaml(entry) and entry.name != META_FILE:
            problems.error(
                display_path(entry, root),
                f"unexpected file at the top of the dossier; put it in one of the folders "
                f"{', '.join(k.folder for k in KINDS)}",
            )

    for kind in KINDS:
        folder = root / kind.folder
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.is_dir() or path.name.startswith("."):
                continue
            if not _is_yaml(path):
                problems.error(
                    display_path(path, root), "not a YAML file; dossier files end in .yml"
                )
                continue
            loaded_file = _load_file(
                path, root, kind.folder, kind.schema, not kind.one_per_file, problems
            )
            if loaded_file is None:
                if kind.one_per_file:
                    loaded.unreadable_ids.add(path.stem)
                continue
            loaded.files.append(loaded_file)
            if kind.one_per_file:
                _check_file_name(loaded_file, kind, problems)
    return loaded


def _is_yaml(path: Path) -> bool:
    return path.suffix in (".yml", ".yaml")


def _load_file(
    path: Path, root: Path, kind: str, schema: Any, is_list: bool, problems: Problems
) -> LoadedFile | None:
    shown_as = display_path(path, root)
    try:
        document = read_yaml(path)
    except YamlError as exc:
        problems.error(shown_as, exc.message, line=exc.line, column=exc.column)
        return None
    except OSError as exc:
        problems.error(shown_as, f"cannot read file: {exc.strerror}")
        return None
    try:
        value = _validator(schema).validate_python(document.data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            _report_validation_error(error, schema, document, shown_as, problems)
        return None
    records = value if is_list else [value]
    loaded = LoadedFile(path, shown_as, kind, document, records, is_list)
    for index, record in enumerate(records):
        record_id = getattr(record, "id", None)
        if record_id in RESERVED_IDS:
            problems.error(
                shown_as,
                f"id '{record_id}' is reserved (unsafe as a file or page name); "
                f"choose another, e.g. '{record_id}-1'",
                **loaded.where((*loaded.record_loc(index), "id")),
            )
    return loaded


@functools.cache
def _validator(schema: Any) -> TypeAdapter:
    """One validator per kind of file, not one per file (1,200 at N = 1,000)."""
    return TypeAdapter(schema)


def _check_file_name(loaded: LoadedFile, kind: Kind, problems: Problems) -> None:
    record_id = loaded.records[0].id
    if loaded.path.stem != record_id:
        problems.error(
            loaded.shown_as,
            f"{kind.noun} id '{record_id}' does not match the file name; "
            f"rename the file to '{record_id}{loaded.path.suffix}' or change the id",
            **loaded.where(("id",)),
        )


# --- turning pydantic errors into editor-friendly messages ----------------------------------

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


def _report_validation_error(
    error: dict, schema: Any, document: YamlDocument, shown_as: str, problems: Problems
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
