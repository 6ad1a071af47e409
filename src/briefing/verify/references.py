"""Ids are unique across the dossier, and every reference names a record of a kind it accepts."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from briefing.load import LoadedFile
from briefing.model.ids import slug
from briefing.model.kinds import nouns_accepted
from briefing.problems import Problems, a_noun, did_you_mean
from briefing.verify.walk import Node

Definition = tuple[str, LoadedFile, int]  # (kind noun, file, record index)


def collect_ids(files: list[LoadedFile], problems: Problems) -> dict[str, Definition]:
    """Map every id to where it is defined; report duplicates.

    Lines are looked up only for a duplicate: finding a position walks the file's YAML nodes.
    """
    defined: dict[str, Definition] = {}
    for file in files:
        for index, record in enumerate(file.records):
            record_id = getattr(record, "id", None)
            if record_id is None:
                continue
            if record_id in defined:
                noun, other, other_index = defined[record_id]
                there = other.where((*other.record_loc(other_index), "id"))
                problems.error(
                    file.shown_as,
                    f"duplicate id '{record_id}': already used by {a_noun(noun)} at "
                    f"{other.shown_as}:{there['line']}; ids must be unique across the dossier",
                    **file.where((*file.record_loc(index), "id")),
                )
                continue
            defined[record_id] = (file.noun, file, index)
    return defined


def check_references(
    nodes: list[Node],
    defined: dict[str, Definition],
    failed: dict[str, str],
    problems: Problems,
) -> None:
    """Report every reference to an unknown id, or to a record of a kind not accepted there.

    A reference to a record that failed to load is reported once, where it is first made,
    as waiting for that record: its own errors say what is wrong.
    """
    hint = _hints_for(defined, failed)
    waiting: dict[str, list[Node]] = {}
    for node in nodes:
        ref = node.ref
        if ref is None or not isinstance(node.value, str):
            continue
        if node.value in failed and node.value not in defined:
            waiting.setdefault(node.value, []).append(node)
            continue
        accepts = nouns_accepted(ref.kind)
        found = defined.get(node.value)
        if found and found[0] in accepts:
            continue
        if found:
            message = (
                f"'{node.value}' is {a_noun(found[0])}, but {a_noun(ref.kind)} is expected here"
            )
        else:
            message = f"unknown {ref.kind} '{node.value}'{hint(ref.kind, node.value)}"
        problems.error(node.file.shown_as, message, **node.file.where(node.loc))
    for record_id, references in waiting.items():
        first, more = references[0], len(references) - 1
        problems.error(
            first.file.shown_as,
            f"'{record_id}' is defined in {failed[record_id]}, which has errors; fix them "
            "and this reference resolves" + (f" (so do {more} more to it)" if more else ""),
            **first.file.where(first.loc),
        )


def _hints_for(defined: dict[str, Definition], failed: dict[str, str]) -> Callable[[str, str], str]:
    """The "did you mean" for an unknown id where a kind of reference stands, worked out once
    for each, among the ids that kind accepts, listed once: a renamed record leaves every
    reference to it unknown."""

    @cache
    def ids_for(kind: str) -> list[str]:
        accepts = nouns_accepted(kind)
        return [i for i, (noun, *_) in defined.items() if noun in accepts] + list(failed)

    @cache
    def named(kind: str) -> dict[str, list[tuple[str, str]]]:
        """The records that kind accepts (id and name), by each name and alias as an id would
        be written: 'Robert M. Danin', alias 'Danin', under 'robert-m-danin' and 'danin'."""
        accepts = nouns_accepted(kind)
        found: dict[str, list[tuple[str, str]]] = {}
        for record_id, (noun, file, index) in defined.items():
            if noun not in accepts:
                continue
            record = file.records[index]
            for name in [getattr(record, "name", None), *getattr(record, "aliases", [])]:
                if isinstance(name, str):
                    same = found.setdefault(slug(name), [])
                    if all(other != record_id for other, _ in same):
                        same.append((record_id, name))
        return found

    @cache
    def hint(kind: str, value: str) -> str:
        """The closest ids, else the records named so ("did you mean 'robert-danin'
        (named 'Danin')?")."""
        close = did_you_mean(value, ids_for(kind))
        if close or value not in named(kind):
            return close
        listed = " or ".join(f"'{i}' (named '{n}')" for i, n in named(kind)[value][:3])
        return f"; did you mean {listed}?"

    return hint
