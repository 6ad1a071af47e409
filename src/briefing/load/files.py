"""The dossier folder's YAML files, each read safely and validated against its kind's model.

Any validation error is reported with file, line, column and field path (see `messages`).
Cross-file checks (duplicate ids, references, passages) come later, in `verify`.
"""

from __future__ import annotations

import functools
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from briefing.load.messages import report_validation_error
from briefing.load.yamlfile import Loc, YamlDocument, YamlError, read_yaml
from briefing.model import RESERVED_IDS
from briefing.model.kinds import KINDS, META_FILE, META_MODEL, META_NOUN, RecordKind
from briefing.model.schema import SCHEMA_FOLDER
from briefing.problems import Problems, Where, did_you_mean, field_path
from briefing.text.webpage import PageMetadata

IGNORED_FOLDERS = {SCHEMA_FOLDER}


@dataclass
class LoadedFile:
    """One validated file: where it is, its positions, and the records it holds."""

    path: Path
    shown_as: str  # the path as printed in messages
    noun: str  # the record kind's noun ("person"), or "dossier" for dossier.yml
    document: YamlDocument
    records: list[Any]  # model objects; loc of records[i] is `record_loc(i)`
    is_list: bool
    indices: list[int]  # where in a list file each record stands (entries that failed are left out)

    def record_loc(self, index: int) -> Loc:
        return (self.indices[index],) if self.is_list else ()

    def where(self, loc: Loc, *, key: bool = False) -> Where:
        """Keyword arguments for Problems.error/warning pointing at `loc` in this file."""
        position = self.document.position(loc, key=key)
        return {
            "line": position.line if position else None,
            "column": position.column if position else None,
            "field": field_path(loc),
        }


@dataclass(frozen=True)
class Seed:
    """A source's text as read from its seed file, and the metadata of the web page it was
    saved from, where the source keeps one."""

    text: str
    shown_as: str  # the seed file's path as shown to people
    page: PageMetadata | None = None
    page_shown_as: str = ""


@dataclass
class LoadedDossier:
    root: Path
    meta_file: LoadedFile | None
    files: list[LoadedFile] = field(default_factory=list)
    # Ids of records that failed to load -> where they are defined ("events/timeline.yml:12";
    # a one-record file's id is taken from its name): references to them are not reported as
    # dangling, but once, as waiting for that record's errors to be fixed.
    failed: dict[str, str] = field(default_factory=dict)
    seeds: dict[str, Seed] = field(default_factory=dict)  # source id -> its text, as read

    def of_kind(self, noun: str) -> list[LoadedFile]:
        return [f for f in self.files if f.noun == noun]

    def records(self, noun: str) -> list[Any]:
        return [record for f in self.of_kind(noun) for record in f.records]


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


def read_files(root: Path, problems: Problems) -> LoadedDossier:
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
        loaded.meta_file = _load_file(
            meta_path, root, META_NOUN, META_MODEL, False, problems, loaded.failed
        )

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
                path, root, kind.noun, kind.schema, not kind.one_per_file, problems, loaded.failed
            )
            if loaded_file is None:
                if kind.one_per_file:
                    loaded.failed[path.stem] = display_path(path, root)
                continue
            loaded.files.append(loaded_file)
            if kind.one_per_file:
                _check_file_name(loaded_file, kind, problems)
    return loaded


YAML_SUFFIXES = (".yml", ".yaml")


def _is_yaml(path: Path) -> bool:
    return path.suffix in YAML_SUFFIXES


def yaml_files(folder: Path) -> list[Path]:
    """A dossier folder's YAML files, in the order they are read."""
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.iterdir()) if _is_yaml(p) and not p.name.startswith(".")]


def _load_file(
    path: Path,
    root: Path,
    noun: str,
    schema: Any,
    is_list: bool,
    problems: Problems,
    failed: dict[str, str],
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
    if is_list and isinstance(document.data, list) and document.data:
        records, indices = _valid_entries(document, schema, shown_as, failed, problems)
    else:
        try:
            value = _validator(schema).validate_python(document.data)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                report_validation_error(error, schema, document, shown_as, problems)
            return None
        records = value if is_list else [value]
        indices = list(range(len(records)))
    loaded = LoadedFile(path, shown_as, noun, document, records, is_list, indices)
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


def _valid_entries(
    document: YamlDocument, schema: Any, shown_as: str, failed: dict[str, str], problems: Problems
) -> tuple[list[Any], list[int]]:
    """Each entry of a list file validated on its own, so that one bad entry does not take
    the others with it; the ids of entries that failed go into `failed`."""
    entry_schema = typing.get_args(typing.get_args(schema)[0])[0]  # Annotated[list[X], ...]
    records, indices = [], []
    for index, entry in enumerate(document.data):
        try:
            records.append(_validator(entry_schema).validate_python(entry))
            indices.append(index)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                error["loc"] = (index, *error["loc"])
                report_validation_error(error, schema, document, shown_as, problems)
            entry_id = entry.get("id") if isinstance(entry, dict) else None
            if isinstance(entry_id, str):
                position = document.position((index,))
                failed[entry_id] = f"{shown_as}:{position.line}" if position else shown_as
    return records, indices


@functools.cache
def _validator(schema: Any) -> TypeAdapter[Any]:
    """One validator per kind of file, not one per file."""
    return TypeAdapter(schema)


def _check_file_name(loaded: LoadedFile, kind: RecordKind, problems: Problems) -> None:
    record_id = loaded.records[0].id
    if loaded.path.stem != record_id:
        problems.error(
            loaded.shown_as,
            f"{kind.noun} id '{record_id}' does not match the file name; "
            f"rename the file to '{record_id}{loaded.path.suffix}' or change the id",
            **loaded.where(("id",)),
        )
