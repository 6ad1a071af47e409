"""JSON Schema for each kind of dossier file, generated from the pydantic models.

Editors' YAML language servers read these (`# yaml-language-server: $schema=...`) to complete
field names and flag mistakes while typing. They are generated, never edited by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from briefing.model.kinds import KINDS, META_FILE, META_MODEL

SCHEMA_FOLDER = "schema"
JsonSchema = dict[str, Any]


def schema_line(folder: str) -> str:
    """The comment that points an editor at a file's schema, for a file in `folder`."""
    return f"yaml-language-server: $schema=../{SCHEMA_FOLDER}/{folder}.schema.json"


def schemas() -> dict[str, JsonSchema]:
    """File name -> JSON Schema, one per kind of file (validation mode: what editors write)."""
    result = {"dossier.schema.json": _schema(META_MODEL, META_FILE)}
    for kind in KINDS:
        result[f"{kind.folder}.schema.json"] = _schema(kind.schema, f"{kind.folder}/*.yml")
    return result


def _schema(schema: Any, title: str) -> JsonSchema:
    generated = TypeAdapter(schema).json_schema(mode="validation")
    generated.setdefault("title", title)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **generated}


def render(schema: JsonSchema) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(dossier_root: Path) -> list[Path]:
    folder = dossier_root / SCHEMA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(dossier_root: Path) -> list[str]:
    """Names of schema files that are missing or differ from what the models generate."""
    folder = dossier_root / SCHEMA_FOLDER
    return [
        name
        for name, schema in schemas().items()
        if not (folder / name).is_file()
        or (folder / name).read_text(encoding="utf-8") != render(schema)
    ]
