"""Drafting: `briefing draft SOURCE_ID` proposes what a source says and the dossier does not
hold yet — statements, quotes, people, organisations, places and dated events — as ordinary
records marked `draft: true`, each citing its passage and verified like any citation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing import check_dossier
from briefing.draft.propose import Proposals, propose
from briefing.draft.write import write_proposals
from briefing.problems import did_you_mean

__all__ = ["DraftRefused", "DraftReport", "draft_source"]


class DraftRefused(Exception):
    """Why nothing was drafted, in words for the editor."""


@dataclass
class DraftReport:
    proposals: Proposals
    coverage: str  # the source's coverage after the drafts

    def lines(self) -> list[str]:
        counted = [
            f"{len(records)} {noun}{'s' * (len(records) != 1)}"
            for noun, records in self.proposals.records.items()
        ]
        added = sum(map(len, self.proposals.statements.values()))
        if added:
            counted.append(f"{added} statements on existing records")
        return [f"drafted: {', '.join(counted) or 'nothing new'}", self.coverage]


def draft_source(root: Path, source_id: str) -> DraftReport:
    """Write draft records for one source into the dossier; undone if they do not verify."""
    dossier, problems = check_dossier(root)
    if dossier is None:
        raise DraftRefused(
            f"the dossier has errors; fix them first (briefing check):\n{problems.report()}"
        )
    if source_id not in dossier.sources:
        raise DraftRefused(
            f"no source '{source_id}' in the dossier"
            + did_you_mean(source_id, list(dossier.sources))
        )
    proposals = propose(dossier, source_id)
    written = write_proposals(root, proposals, source_id)
    checked, problems = check_dossier(root)
    if checked is None:
        written.undo()
        raise DraftRefused(
            "the drafts did not verify, so none were kept (please report this):\n"
            + problems.report()
        )
    return DraftReport(proposals, checked.sources[source_id].coverage_line())
