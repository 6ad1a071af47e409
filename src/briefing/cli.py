"""Command line: `briefing check`, `schema`, `migrate`, `add-source`, `draft` and `new`.

Exit status: 0 ok, 1 invalid dossier, 2 usage error (argparse's own convention).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from briefing import check_dossier
from briefing.draft import DraftRefused, draft_source
from briefing.draft.review import count_line, drafts_in, publishing_refusal
from briefing.intake import IntakeRefused, add_source
from briefing.migrate import migrate as migrate_dossier
from briefing.model.schema import write_schemas
from briefing.new import ProjectExists, new_project
from briefing.problems import shorten

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="briefing", description="Check a source-cited dossier and build its briefing."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate the dossier and verify every citation")
    check.add_argument(
        "dossier", nargs="?", default="dossier", help="dossier folder (default: dossier)"
    )
    check.add_argument(
        "--publish",
        action="store_true",
        help="also refuse drafts not yet reviewed, as publishing does",
    )
    schema = commands.add_parser("schema", help="write the JSON Schema files editors use")
    schema.add_argument(
        "dossier", nargs="?", default="dossier", help="dossier folder (default: dossier)"
    )
    migrate = commands.add_parser(
        "migrate", help="rewrite the dossier's files from older forms to the current ones"
    )
    migrate.add_argument(
        "dossier", nargs="?", default="dossier", help="dossier folder (default: dossier)"
    )
    add = commands.add_parser(
        "add-source", help="add a saved web page (.html) or a text file as a new source"
    )
    add.add_argument("file", help="the saved page or text file")
    add.add_argument("--id", help="the source's id (default: from its title)")
    add.add_argument("--dossier", default="dossier", help="dossier folder (default: dossier)")
    draft = commands.add_parser(
        "draft", help="propose draft records for what a source says and the dossier lacks"
    )
    draft.add_argument("source", help="the source's id")
    draft.add_argument("--dossier", default="dossier", help="dossier folder (default: dossier)")
    new = commands.add_parser("new", help="write a new briefing project, with an example dossier")
    new.add_argument("folder", help="where to write it (a new or empty folder)")
    new.add_argument("--title", default="A new briefing", help="the briefing's title")
    args = parser.parse_args(argv)

    if args.command == "new":
        return _new(Path(args.folder), args.title)
    root = Path(args.dossier)
    if not root.is_dir():
        print(f"briefing: error: no dossier folder at '{root}'", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "add-source":
        return _add_source(Path(args.file), root, args.id)
    if args.command == "draft":
        return _draft(root, args.source)
    if args.command == "schema":
        for path in write_schemas(root):
            print(f"wrote {path}")
        return EXIT_OK
    if args.command == "migrate":
        changed = migrate_dossier(root)
        for path, count in changed:
            print(f"rewrote {path}: {count} field{'s' * (count != 1)}")
        print("nothing to rewrite" if not changed else "now run: briefing check")
        return EXIT_OK
    return _check(root, publish=args.publish)


def _new(folder: Path, title: str) -> int:
    try:
        written = new_project(folder, title)
    except ProjectExists as error:
        print(f"briefing: error: {error}; choose a new folder", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {len(written)} files to {folder}; now run: cd {folder} && make site")
    return EXIT_OK


def _check(root: Path, *, publish: bool = False) -> int:
    started = time.perf_counter()
    dossier, problems = check_dossier(root)
    elapsed = time.perf_counter() - started
    if problems.items:
        print(problems.report(), file=sys.stderr)
    errors, warnings = len(problems.errors), len(problems.warnings)
    if dossier is None:
        print(
            f"briefing: {errors} error{'s' * (errors != 1)}, "
            f"{warnings} warning{'s' * (warnings != 1)} in {root}",
            file=sys.stderr,
        )
        return EXIT_INVALID
    print(f"ok: {root}: {dossier.summary()}")
    for document in dossier.sources.values():
        print(document.coverage_line())
        coverage = document.coverage
        for index in coverage.uncited:
            reason = coverage.explained.get(index, "no reason given")
            print(f"  uncited: '{coverage.sentences[index].text}' ({reason})")
    drafts = drafts_in(dossier)
    print(count_line(drafts))
    print(f"{warnings} warning{'s' * (warnings != 1)}; checked in {elapsed:.2f} s")
    if publish and drafts:
        print(f"briefing: {publishing_refusal(drafts)}", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def _add_source(file: Path, root: Path, source_id: str | None) -> int:
    try:
        intake = add_source(file, root, source_id)
    except IntakeRefused as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(f"added source '{intake.source_id}': {intake.paragraphs} paragraphs")
    for path in (intake.record, intake.seed, intake.page):
        if path is not None:
            print(f"  wrote {path}")
    for paragraph in intake.marked:
        print(f"  marked as {paragraph.mark}: '{shorten(paragraph.text, 70)}'")
    for name, why in intake.flags.items():
        print(f"  check {name}: {why}")
    for note in intake.notes:
        print(f"  not found: {note}")
    print(f"next: `briefing draft {intake.source_id}`; the record is a draft until you confirm it")
    return EXIT_OK


def _draft(root: Path, source_id: str) -> int:
    try:
        report = draft_source(root, source_id)
    except DraftRefused as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    for line in report.lines():
        print(line)
    print("each draft is marked 'draft: true': review it, then remove the mark")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
