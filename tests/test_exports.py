"""Each export, loaded back and checked against the dossier it came from."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from followthemoney import model as ftm

from briefing import build_dossier
from briefing.exports import exports
from support import FIXTURE, SEVERAL


@pytest.fixture(scope="module", params=["mini", "several"])
def case(request):
    root = (FIXTURE if request.param == "mini" else SEVERAL) / "dossier"
    dossier = build_dossier(root)
    return dossier, exports(dossier)


def test_dossier_json_matches_its_schema_and_offsets(case):
    dossier, files = case
    data = json.loads(files["dossier.json"])
    jsonschema.validate(data, json.loads(files["dossier.schema.json"]))
    texts = {s["source"]["id"]: s["text"] for s in data["sources"]}
    for person in data["people"]:
        for statement in [person["summary"], *person.get("statements", [])]:
            for cite in statement["cite"]:
                passage = texts[cite["source_id"]][cite["start"] : cite["end"]]
                assert " ".join(passage.split()) == " ".join(cite["exact"].split()).replace(
                    "\u201c", '"'
                ).replace("\u201d", '"')
    assert [e["id"] for e in data["events"]] == [e.id for e in dossier.events]
    assert data["as_of"] == str(dossier.meta.as_of.date)


def test_timeline_json_in_timelinejs_format(case):
    dossier, files = case
    data = json.loads(files["timeline.json"])
    assert data["title"]["text"]["headline"]
    dated = [e for e in dossier.events if e.when is not None]  # TimelineJS needs a date
    assert len(data["events"]) == len(dated)
    for entry, event in zip(data["events"], dated, strict=True):
        when = event.when
        first = when.earliest or when.latest
        assert entry["unique_id"] == event.id
        assert entry["start_date"]["year"] == str(first.year)
        if when.precision in ("day", "interval"):
            assert entry["start_date"]["day"] == str(first.day)
        assert entry["start_date"]["display_date"] == when.human()
        if when.interval and when.latest:
            assert entry["end_date"]["year"] == str(when.latest.year)
        assert "<blockquote>" in entry["text"]["text"]


def test_quotes_csv_rows_match_the_quotes(case):
    dossier, files = case
    rows = list(csv.DictReader(io.StringIO(files["quotes.csv"].decode("utf-8"))))
    assert [r["id"] for r in rows] == [q.id for q in dossier.quotes]
    for row, quote in zip(rows, dossier.quotes, strict=True):
        assert row["text"] == quote.words
        assert row["role"] == (quote.role or "")
        assert row["delivery"] == quote.delivery
        assert row["text"].rstrip(",.") in row["passage"]


def test_ftm_entities_are_valid_followthemoney(case):
    dossier, files = case
    entities = json.loads(files["entities.ftm.json"])
    ids = {e["id"] for e in entities}
    for data in entities:
        proxy = ftm.make_entity(data["schema"])
        proxy.id = data["id"]
        for prop, values in data["properties"].items():
            for value in values:
                proxy.add(prop, value)  # raises on a property the schema does not have
        assert proxy.to_dict()["properties"].get("name") or proxy.schema.name == "Article"
        for target in data["properties"].get("proof", []):
            assert target in ids
    people = {e["id"]: e for e in entities if e["schema"] == "Person"}
    assert set(people) == set(dossier.people)
    organisations = {e["id"] for e in entities if e["schema"] == "Organization"}
    assert organisations == set(dossier.organisations)
    some = next(iter(dossier.people.values()))
    assert any("source: “" in note for note in people[some.id]["properties"]["notes"])
