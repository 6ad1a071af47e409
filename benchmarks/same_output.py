"""Does a change leave what users get as it was? Builds the briefing and the test fixture at a
git revision and in the working tree, and lists every output file that differs.

    python benchmarks/same_output.py            # against HEAD
    python benchmarks/same_output.py 66963e6    # against any revision

The revision is checked out into a temporary folder and built there with its own `make site`
(its own virtual environment, from its own locks), so a revision whose engine is laid out
differently builds as it did. Compared, byte for byte: the real briefing's `build/` (site, PDF,
exports), the fixture's built site, and the JSON Schema files `briefing schema` writes. Prints
"same output" and exits 0, or lists the differences and exits 1.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path("tests/fixtures/mini")


def build(project: Path, out: Path) -> None:
    """`make site` for the real briefing, then the fixture and the schema, into `out`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(["make", "-s", "site"], cwd=project, check=True, env=env)
    shutil.copytree(project / "build", out / "briefing")
    python = str(project / ".venv" / "bin" / "python")
    fixture = out / "fixture-project"
    shutil.copytree(project / FIXTURE, fixture)
    subprocess.run(
        [python, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(out / "fixture")],
        cwd=fixture,
        check=True,
        env=env,
    )
    schema = out / "schema-dossier"
    shutil.copytree(project / "dossier", schema)
    shutil.rmtree(schema / "schema", ignore_errors=True)
    subprocess.run([python, "-m", "briefing", "schema", str(schema)], check=True, env=env,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    shutil.rmtree(fixture)


def differences(left: Path, right: Path) -> list[str]:
    """Paths (relative to the two folders) that are in one only or differ in their bytes."""
    found: list[str] = []

    def walk(comparison: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(f"only at the revision: {prefix}{n}" for n in comparison.left_only)
        found.extend(f"only in the working tree: {prefix}{n}" for n in comparison.right_only)
        _, mismatch, errors = filecmp.cmpfiles(
            comparison.left, comparison.right, comparison.common_files, shallow=False
        )
        found.extend(f"differs: {prefix}{n}" for n in [*mismatch, *errors])
        for name, sub in sorted(comparison.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return sorted(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision", nargs="?", default="HEAD")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="same-output-") as scratch:
        work = Path(scratch)
        checkout = work / "checkout"
        subprocess.run(["git", "worktree", "add", "-q", "--detach", str(checkout),
                        args.revision], cwd=ROOT, check=True)  # fmt: skip
        try:
            build(checkout, work / "before")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(checkout)], cwd=ROOT)
        build(ROOT, work / "after")
        found = differences(work / "before", work / "after")
    if found:
        print("\n".join(found))
        print(f"{len(found)} differences against {args.revision}")
        return 1
    print(f"same output as {args.revision}: the briefing, the fixture's site and the schema")
    return 0


if __name__ == "__main__":
    sys.exit(main())
