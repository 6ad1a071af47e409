"""Load: the dossier's files become models, and the seeds' texts are read, with problems."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefing.load import display_path, load_dossier
from briefing.model import Person, Quote, Source
from briefing.problems import Problems
from support import FIXTURE, edit


def test_every_file_is_read_into_its_kind_and_the_seed_beside_it(mini):
    problems = Problems()
    loaded = load_dossier(mini, problems)
    assert problems.items == []
    assert loaded.meta_file is not None and loaded.meta_file.records[0].title
    people = loaded.records("person")
    assert [p.id for p in people] == ["elena-brisk", "tomas-reed"]
    assert all(isinstance(p, Person) for p in people)
    assert all(isinstance(q, Quote) for q in loaded.records("quote"))  # a list file
    (source,) = loaded.records("source")
    assert isinstance(source, Source)
    seed = loaded.seeds[source.id]
    assert seed.text == (FIXTURE / "seeds" / "port-vell.txt").read_text(encoding="utf-8")
    assert seed.shown_as == "seeds/port-vell.txt"


def test_a_file_that_fails_is_left_out_and_its_id_remembered(mini):
    edit(mini / "people" / "tomas-reed.yml", "name: Tomas Reed", "name: [Tomas, Reed]")
    problems = Problems()
    loaded = load_dossier(mini, problems)
    assert [p.id for p in loaded.records("person")] == ["elena-brisk"]
    assert loaded.failed == {"tomas-reed": "dossier/people/tomas-reed.yml"}
    (error,) = problems.errors
    assert (error.file, error.field) == ("dossier/people/tomas-reed.yml", "name")
    assert error.message == "expected text; found a list"


def test_a_list_file_reports_the_entry_and_line_of_its_error(mini):
    edit(mini / "quotes" / "quotes.yml", "delivery: said", "delivery: [said]")
    problems = Problems()
    load_dossier(mini, problems)
    (error,) = problems.errors
    assert error.file == "dossier/quotes/quotes.yml"
    assert error.field.endswith(".delivery") and error.field.startswith("[")
    assert error.line is not None and error.line > 1


def test_seeds_are_read_from_the_folder_dossier_yml_names(mini):
    moved = mini.parent / "texts"
    shutil.move(mini.parent / "seeds", moved)
    edit(mini / "dossier.yml", "seeds: ../seeds", "seeds: ../texts")
    problems = Problems()
    loaded = load_dossier(mini, problems)
    assert problems.items == [] and loaded.seeds["gazette"].shown_as == "texts/port-vell.txt"


def test_a_missing_seed_is_reported_with_the_name_it_was_likely_meant_to_have(mini):
    edit(mini / "sources" / "gazette.yml", "seed: port-vell.txt", "seed: port-vel.txt")
    problems = Problems()
    loaded = load_dossier(mini, problems)
    assert loaded.seeds == {}
    (error,) = problems.errors
    assert error.field == "seed"
    assert error.message == (
        "seed file 'port-vel.txt' not found in seeds; did you mean 'port-vell.txt'?"
    )


def test_paths_are_shown_from_the_project_folder(tmp_path):
    dossier = tmp_path / "project" / "dossier"
    dossier.mkdir(parents=True)
    assert display_path(dossier / "people" / "x.yml", dossier) == "dossier/people/x.yml"
    assert display_path(tmp_path / "project" / "seeds", dossier) == "seeds"
    elsewhere = Path("/somewhere/else.txt")
    assert display_path(elsewhere, dossier) == str(elsewhere)
