"""Every relation names a kind the dossier knows: a built-in one or one of dossier.yml's own."""

from __future__ import annotations

from briefing.load import LoadedFile
from briefing.model import DossierMeta, Relation
from briefing.model.relations import RelationKind, built_in
from briefing.problems import Problems, did_you_mean
from briefing.verify.walk import Node


def check_relation_kinds(
    meta_file: LoadedFile | None, nodes: list[Node], problems: Problems
) -> dict[str, RelationKind]:
    """The kinds relations may name, by id; reports an unknown kind at its relation, and a
    dossier kind that repeats another."""
    kinds = dict(built_in())
    if meta_file is not None:
        meta: DossierMeta = meta_file.records[0]
        for index, kind in enumerate(meta.relation_kinds):
            if kind.id in kinds:
                whose = "a built-in kind" if kind.id in built_in() else "listed above"
                problems.error(
                    meta_file.shown_as,
                    f"relation kind '{kind.id}' is {whose}; use it as it is, or give yours "
                    "another id",
                    **meta_file.where(("relation_kinds", index, "id")),
                )
                continue
            kinds[kind.id] = kind
    for node in nodes:
        if not isinstance(node.value, Relation) or node.value.kind in kinds:
            continue
        problems.error(
            node.file.shown_as,
            f"unknown relation kind '{node.value.kind}'{did_you_mean(node.value.kind, kinds)} "
            "(to add a kind of your own, describe it under relation_kinds in dossier.yml "
            "with its id, says and inverse)",
            **node.file.where((*node.loc, "kind")),
        )
    return kinds
