"""Proposals written into the dossier as ordinary YAML: a new file for each new profile, new
entries at the end of the usual list files, statements at the end of an existing record's
`statements`. An existing file is added to, never rewritten: its lines, comments and line
breaks stay exactly as the editor left them (ruamel.yaml only finds where a list ends)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.draft.propose import Proposals
from briefing.load.files import yaml_files
from briefing.model.kinds import BY_NOUN, PROFILED
from briefing.model.schema import schema_line
from briefing.yamlwrite import comment_lines, dumps, read, styled, write

# The file a kind kept in lists gets when its folder has none yet (the examples' names).
LIST_FILES = {"event": "timeline.yml", "quote": "quotes.yml", "relation": "relations.yml"}


@dataclass
class Written:
    """The files a draft run changed, with what they held before (None: new), to undo it."""

    before: dict[Path, bytes | None] = field(default_factory=dict)

    def keep(self, path: Path) -> None:
        if path not in self.before:
            self.before[path] = path.read_bytes() if path.exists() else None

    def undo(self) -> None:
        for path, content in self.before.items():
            if content is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(content)


def write_proposals(root: Path, proposals: Proposals, source_id: str) -> Written:
    written = Written()
    note = (
        f"Drafted by `briefing draft {source_id}` from the source's words: check each entry "
        "against its\npassage, edit it as needed, then remove its 'draft: true'."
    )
    for noun, records in proposals.records.items():
        kind = BY_NOUN[noun]
        schema = f"{schema_line(kind.folder)}\n"
        folder = root / kind.folder
        if kind.one_per_file:
            for record in records:
                path = folder / f"{record['id']}.yml"
                written.keep(path)
                write(path, styled(record), schema + note)
            continue
        path = _list_file(folder, noun)
        written.keep(path)
        entries = "\n".join(dumps(styled([record])) for record in records)
        if path.exists():
            _append(path, entries)
        else:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(comment_lines(schema + note) + entries, encoding="utf-8")
    for record_id, statements in proposals.statements.items():
        profile = _profile_file(root, record_id)
        if profile is not None:
            written.keep(profile)
            _add_statements(profile, statements)
    return written


def _append(path: Path, entries: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n\n" + entries, encoding="utf-8")


def _add_statements(path: Path, statements: list[dict[str, Any]]) -> None:
    """The statements after the last of the record's own, or as a new list at its end."""
    text = path.read_text(encoding="utf-8")
    items = "".join(f"  {line}" if line.strip() else line for line in
                    dumps(styled(statements)).splitlines(True))  # fmt: skip
    data = read(path)
    listed = data.get("statements") if hasattr(data, "get") else None
    if not listed or getattr(listed.fa, "_flow_style", False):
        if listed is not None:  # "statements: []": the key is rewritten, nothing else
            text = re.sub(r"(?m)^statements:.*\n", "", text)
        path.write_text(text.rstrip("\n") + "\nstatements:\n" + items, encoding="utf-8")
        return
    keys = list(data.keys())
    after = keys[keys.index("statements") + 1 :]
    lines = text.splitlines(True)
    at = data.lc.key(after[0])[0] if after else len(lines)
    while at > 0 and not lines[at - 1].strip():
        at -= 1
    path.write_text("".join(lines[:at]) + items + "".join(lines[at:]), encoding="utf-8")


def _list_file(folder: Path, noun: str) -> Path:
    """The folder's one list file, or the usual name for a first one."""
    files = yaml_files(folder)
    return files[0] if len(files) == 1 else folder / LIST_FILES[noun]


def _profile_file(root: Path, record_id: str) -> Path | None:
    """The file a profile is in, whichever of the YAML suffixes it has."""
    for kind in PROFILED:
        for path in yaml_files(root / kind.folder):
            if path.stem == record_id:
                return path
    return None
