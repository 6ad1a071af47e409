"""The JSON Schema editors use is generated from the models and kept in step with them."""

from __future__ import annotations

import json

from briefing.model.schema import schemas, stale_schemas
from support import ROOT


def test_committed_schema_is_current():
    stale = stale_schemas(ROOT / "dossier")
    assert not stale, f"run `make schema`: out of date: {stale}"


def test_schema_accepts_the_shorthands_editors_use():
    people = schemas()["people.schema.json"]
    text = json.dumps(people)
    assert '"additionalProperties": false' in text  # unknown fields are flagged while typing
    citation_input = people["$defs"]["Statement"]["properties"]["cite"]
    assert {"type": "string"} in citation_input["anyOf"]


def test_every_yaml_file_points_at_its_schema():
    for path in (ROOT / "dossier").rglob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = first.split("=", 1)[1]
        assert (path.parent / target).resolve().is_file(), path
