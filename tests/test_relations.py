"""Kinds of relation: an open vocabulary, read from either side, that a dossier may extend."""

from __future__ import annotations

import pytest

from briefing import build_dossier, check_dossier
from briefing.model.relations import built_in
from support import edit, run_check


def test_the_built_in_kinds_cover_what_news_reports_say():
    kinds = built_in()
    for needed in ("leads", "member-of", "works-for", "spokesperson-for", "appointed", "elected",
                   "succeeded", "allied-with", "supports", "opposes", "criticised", "condemned",
                   "accused", "charged", "arrested", "sentenced", "attacked", "killed",
                   "injured", "funds", "owns", "based-in", "located-in", "linked-to",
                   "negotiates-with"):  # fmt: skip
        assert needed in kinds
    for kind in kinds.values():  # every kind reads from both sides
        assert kind.symmetric or kind.inverse or kind.id == "shares-views-of"


def test_a_relation_reads_from_the_side_of_the_page_that_shows_it(mini):
    dossier = build_dossier(mini)
    relation = next(r for r in dossier.relations if r.object == "port-vell-council")
    assert dossier.relation_sentence(relation).startswith("Elena Brisk is part of Port Vell")
    assert dossier.relation_sentence(relation, side="port-vell-council").startswith(
        "Port Vell town council includes Elena Brisk"
    )


def test_a_kind_without_an_inverse_reads_from_its_subject_on_the_object_s_page(mini):
    """'shares the views of' has no passive form: on the object's page it still reads the
    right way round, subject first."""
    (mini / "relations" / "relations.yml").write_text(
        "- subject: tomas-reed\n  kind: shares-views-of\n  object: elena-brisk\n"
        "  cite: said harbour master Tomas Reed\n"
        "  inference: A test of the reading, not a reading of the source.\n",
        encoding="utf-8",
    )
    dossier = build_dossier(mini)
    for side in (None, "tomas-reed", "elena-brisk"):
        assert dossier.relation_sentence(dossier.relations[0], side=side).startswith(
            "Tomas Reed shares the views of Elena Brisk"
        )


def test_a_plural_subject_takes_the_plural_form(mini):
    (mini / "relations" / "relations.yml").write_text(
        "- subject: residents\n  kind: opposes\n  object: port-vell-council\n"
        "  cite: About 4,000 residents are eligible to vote.\n"
        "  inference: A test of the plural form, not a reading of the source.\n",
        encoding="utf-8",
    )
    dossier = build_dossier(mini)
    sentence = dossier.relation_sentence(dossier.relations[0])
    assert sentence.startswith("Eligible residents oppose Port Vell town council")
    inverse = dossier.relation_sentence(dossier.relations[0], side="port-vell-council")
    assert inverse.startswith("Port Vell town council is opposed by Eligible residents")


def test_an_unknown_kind_is_named_with_the_closest_and_how_to_add_one(mini, capsys):
    edit(mini / "relations" / "relations.yml", "kind: member-of", "kind: member-off")
    status, _, err = run_check(mini, capsys)
    assert status == 1
    assert (
        "dossier/relations/relations.yml:8:9: error: [1].kind: unknown relation kind "
        "'member-off'; did you mean 'member-of'? (to add a kind of your own, describe it under "
        "relation_kinds in dossier.yml with its id, says and inverse)"
    ) in err
    assert err.count("error:") == 1  # the file's other relations are checked as usual


def test_a_dossier_adds_its_own_kinds(mini):
    edit(
        mini / "dossier.yml",
        "seeds: ../seeds\n",
        "seeds: ../seeds\nrelation_kinds:\n"
        "  - {id: chairs, says: chairs, plural: chair, inverse: is chaired by, style: belongs,"
        " above: subject}\n",
    )
    edit(mini / "relations" / "relations.yml", "kind: member-of", "kind: chairs")
    edit(
        mini / "relations" / "relations.yml",
        "The mayor is read as part",
        "The mayor is read as chair",
    )
    dossier = build_dossier(mini)
    relation = next(r for r in dossier.relations if r.kind == "chairs")
    assert dossier.relation_sentence(relation, side="port-vell-council").startswith(
        "Port Vell town council is chaired by Elena Brisk"
    )


@pytest.mark.parametrize("kind_id", ["leads", "chairs"])
def test_a_dossier_kind_may_not_repeat_another(mini, capsys, kind_id):
    kinds = f"  - {{id: {kind_id}, says: runs, inverse: is run by}}\n"
    edit(
        mini / "dossier.yml",
        "seeds: ../seeds\n",
        "seeds: ../seeds\nrelation_kinds:\n" + kinds * (1 + (kind_id == "chairs")),
    )
    dossier, problems = check_dossier(mini)
    assert dossier is None
    (error,) = problems.errors
    assert error.field.startswith("relation_kinds[") and f"'{kind_id}'" in error.message


def test_a_claim_names_who_makes_it_whether_named_or_not(mini):
    edit(
        mini / "relations" / "relations.yml",
        "  inference: The mayor is read as part",
        "  according_to: {description: local reports}\n  inference: The mayor is read as part",
    )
    dossier = build_dossier(mini)
    relation = next(r for r in dossier.relations if r.kind == "member-of")
    assert ", according to local reports (editorial inference)" in dossier.relation_sentence(
        relation
    )
    assert dossier.relation_label(relation) == "is part of (claimed)"
