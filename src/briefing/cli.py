"""Command line: `briefing check`, `briefing schema` and `briefing migrate` [DOSSIER_DIR].

Exit status: 0 ok, 1 invalid dossier, 2 usage error (argparse's own convention).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from briefing import check_dossier
from briefing.migrate import migrate as migrate_dossier
from briefing.model.schema import write_schemas
from briefing.new import ProjectExists, new_project

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
    return _check(root)


def _new(folder: Path, title: str) -> int:
    try:
        written = new_project(folder, title)
    except ProjectExists as error:
        print(f"briefing: error: {error}; choose a new folder", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {len(written)} files to {folder}; now run: cd {folder} && make site")
    return EXIT_OK


def _check(root: Path) -> int:
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
    print(f"{warnings} warning{'s' * (warnings != 1)}; checked in {elapsed:.2f} s")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
