"""`briefing migrate`: rewrite a dossier's files from older forms to the current ones.

Every field the model marks as an older form (`OldForm`) names the field it becomes; migrate
renames it in place, keeping the file's comments, order and layout (ruamel.yaml round-trip),
and leaves every other byte alone. Run `briefing check` after it: the result is validated as
any dossier is.
"""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from briefing.model.ids import OldForm
from briefing.model.kinds import BY_FOLDER, META_FILE, META_MODEL
from briefing.yamlwrite import read, write


def migrate(root: Path) -> list[tuple[Path, int]]:
    """Rewrite every file of the dossier that uses an older form; (file, fields changed)."""
    changed = []
    for path, model in _dossier_files(root):
        data = read(path)
        count = _rewrite(data, model)
        if count:
            write(path, data)
            changed.append((path, count))
    return changed


def _dossier_files(root: Path) -> list[tuple[Path, Any]]:
    files: list[tuple[Path, Any]] = []
    if (root / META_FILE).is_file():
        files.append((root / META_FILE, META_MODEL))
    for folder, kind in BY_FOLDER.items():
        if (root / folder).is_dir():
            for path in sorted((root / folder).glob("*.y*ml")):
                files.append((path, kind.schema))
    return files


def _rewrite(data: Any, annotation: Any) -> int:
    """Rename the older fields found in `data`, read as `annotation`; how many were renamed."""
    count = 0
    for model in _models_in(annotation):
        if isinstance(data, CommentedMap):
            for name, info in model.model_fields.items():
                old = next((m for m in info.metadata if isinstance(m, OldForm)), None)
                if old is not None and old.renamed_to and name in data:
                    at = list(data).index(name)
                    value = data.pop(name)
                    data.insert(at, old.renamed_to, value)
                    count += 1
            for name, info in model.model_fields.items():
                if name in data:
                    count += _rewrite(data[name], info.annotation)
            return count
    if isinstance(data, CommentedSeq):
        for item_type in _list_items(annotation):
            count += sum(_rewrite(item, item_type) for item in data)
    return count


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models a value of this annotation may be (through Annotated, unions, Optional)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated or origin in (typing.Union, types.UnionType):
        return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]
    return []


def _list_items(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is list:
        return list(typing.get_args(annotation))
    if origin is typing.Annotated or origin in (typing.Union, types.UnionType):
        return [item for arg in typing.get_args(annotation) for item in _list_items(arg)]
    return []
