"""Print how long the PDF briefing takes to compile, as a user's build compiles it.

Each run is a fresh process: the `typst` binding memoises within a process, so a repeated
compile there takes a fraction of what a build pays.

.venv/bin/python benchmarks/pdf_speed.py [DOSSIER_DIR] [RUNS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from briefing import build_dossier
from briefing.pdf import build_pdf


def compile_once(dossier_dir: Path) -> float:
    """Seconds for one compile in this process; checking the dossier first is not timed."""
    dossier = build_dossier(dossier_dir)
    started = time.perf_counter()
    build_pdf(dossier)
    return time.perf_counter() - started


def cold_compile_seconds(dossier_dir: Path, env: dict[str, str] | None = None) -> float:
    """Seconds for one compile in a fresh process."""
    result = subprocess.run(
        [sys.executable, __file__, "--once", str(dossier_dir)],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"PDF failed for {dossier_dir}\n{result.stderr}")
    return float(result.stdout)


def main() -> None:
    if sys.argv[1:2] == ["--once"]:
        print(compile_once(Path(sys.argv[2])))
        return
    dossier_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("dossier")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    timings = [cold_compile_seconds(dossier_dir) for _ in range(runs)]
    print(
        f"pdf: {dossier_dir}: median {statistics.median(timings):.3f} s over {runs} fresh "
        f"processes (min {min(timings):.3f} s, max {max(timings):.3f} s)"
    )


if __name__ == "__main__":
    main()
