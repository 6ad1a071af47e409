"""What in a verified dossier is still a draft: `briefing check` counts it, and publishing
refuses a dossier that has any (an editor accepts a draft by removing its `draft: true`)."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.dossier import Dossier
from briefing.model import Statement
from briefing.model.kinds import BY_NOUN, PROFILED
from briefing.problems import shorten

PUBLISH_VARIABLE = "BRIEFING_PUBLISH"  # set to 1 by the Pages workflow: drafts stop the build


@dataclass(frozen=True)
class Draft:
    """One thing marked `draft: true`, said so an editor finds it."""

    where: str  # the file, or the folder of a kind kept in lists: "people/ergaly.yml"
    what: str  # "person 'Aidar Ergaly'", "statement 'The vote ...'"


def drafts_in(dossier: Dossier) -> list[Draft]:
    """Every draft record, and every draft statement inside a reviewed record, in file order."""
    found: list[Draft] = []
    for document in dossier.sources.values():
        if document.source.draft:
            source_id = document.source.id
            found.append(Draft(_file("source", source_id), f"source '{source_id}'"))
    found += _statements("dossier.yml", dossier.meta.at_a_glance)
    for kind in PROFILED:
        for record in dossier.profiles[kind.noun].values():
            where = _file(kind.noun, record.id)
            if record.draft:
                found.append(Draft(where, f"{kind.noun} '{record.name}'"))
            else:
                found += _statements(where, [record.summary, *record.statements])
    for event in dossier.events:
        if event.draft:
            found.append(Draft("events/", f"event '{event.id}'"))
        else:
            found += _statements("events/", [event.summary, *event.statements])
    found += [Draft("quotes/", f"quote '{q.id}'") for q in dossier.quotes if q.draft]
    found += [
        Draft("relations/", f"relation '{r.subject} {r.kind} {r.object}'")
        for r in dossier.relations
        if r.draft
    ]
    return found


def count_line(drafts: list[Draft]) -> str:
    """`briefing check`'s line on drafts."""
    if not drafts:
        return "no drafts: every record has been reviewed"
    return (
        f"{len(drafts)} draft{'s' * (len(drafts) != 1)} not yet reviewed (shown marked on the "
        "site and in the PDF; publishing refuses them until an editor removes 'draft: true')"
    )


def publishing_refusal(drafts: list[Draft], limit: int = 20) -> str:
    """Why a dossier with drafts may not be published, listing the first of them."""
    listed = "\n".join(f"  {d.where}: {d.what}" for d in drafts[:limit])
    more = f"\n  ... and {len(drafts) - limit} more" if len(drafts) > limit else ""
    return (
        f"the dossier has {len(drafts)} draft{'s' * (len(drafts) != 1)} not yet reviewed, and "
        f"a published briefing may hold none ({PUBLISH_VARIABLE}=1):\n{listed}{more}\n"
        "Check each against its passage, then remove its 'draft: true' (or delete it)."
    )


def _file(noun: str, record_id: str) -> str:
    return f"{BY_NOUN[noun].folder}/{record_id}.yml"


def _statements(where: str, statements: list[Statement]) -> list[Draft]:
    return [Draft(where, f"statement '{shorten(s.text, 60)}'") for s in statements if s.draft]
