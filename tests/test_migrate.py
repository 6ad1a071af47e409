"""Older forms keep working with a warning, and `briefing migrate` rewrites them in place."""

from __future__ import annotations

import json

from briefing import check_dossier
from briefing.cli import main
from briefing.exports import exports
from support import edit

OLD = "  unnamed_speaker: {description: a harbour worker}  # as the Gazette puts it\n"


def test_an_older_form_still_works_says_what_to_write_and_is_rewritten(mini, capsys):
    edit(mini / "quotes" / "quotes.yml", "  speaker: tomas-reed\n", OLD)
    dossier, problems = check_dossier(mini)
    assert dossier is not None
    (warning,) = problems.warnings
    assert (warning.file, warning.line, warning.field) == (
        "dossier/quotes/quotes.yml",
        4,
        "[0].unnamed_speaker",
    )
    assert "write speaker: {description: ...} instead" in warning.message
    quote = next(q for q in dossier.quotes if q.id == "reed-rebuild")
    assert dossier.speaker_name(quote) == "a harbour worker"
    exported = json.loads(exports(dossier)["dossier.json"])
    (shown,) = [q for q in exported["quotes"] if q["id"] == "reed-rebuild"]
    assert shown["speaker"] == {"description": "a harbour worker"}
    assert "unnamed_speaker" not in shown

    before = (mini / "quotes" / "quotes.yml").read_text(encoding="utf-8")
    assert main(["migrate", str(mini)]) == 0
    assert "quotes.yml: 1 field" in capsys.readouterr().out
    after = (mini / "quotes" / "quotes.yml").read_text(encoding="utf-8").splitlines()
    assert len(after) == len(before.splitlines())
    pairs = zip(before.splitlines(), after, strict=True)
    assert [n for n, (a, b) in enumerate(pairs) if a != b] == [3]
    assert after[3].startswith("  speaker: {description: a harbour worker}")
    assert after[3].endswith("# as the Gazette puts it")  # the editor's comment is kept
    dossier, problems = check_dossier(mini)
    assert dossier is not None and problems.warnings == []


def test_migrating_a_file_leaves_its_nested_lists_where_they_were(tmp_path, capsys):
    """A block list under an entry keeps its indentation: only the older field's line moves."""
    project = tmp_path / "project"
    assert main(["new", str(project)]) == 0
    quotes = project / "dossier" / "quotes" / "quotes.yml"
    edit(quotes, "  speaker: dana-reyes\n", "  unnamed_speaker: {description: an engineer}\n")
    before = quotes.read_text(encoding="utf-8").splitlines()
    assert main(["migrate", str(project / "dossier")]) == 0
    after = quotes.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [
        ("  unnamed_speaker: {description: an engineer}", "  speaker: {description: an engineer}")
    ]
    capsys.readouterr()


def test_a_dossier_in_the_current_form_is_left_byte_for_byte(mini, capsys):
    files = {p: p.read_bytes() for p in mini.rglob("*.yml")}
    assert main(["migrate", str(mini)]) == 0
    assert "nothing to rewrite" in capsys.readouterr().out
    assert {p: p.read_bytes() for p in mini.rglob("*.yml")} == files
