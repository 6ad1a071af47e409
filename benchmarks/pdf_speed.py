"""Print how long the PDF briefing takes to compile, as a user's build compiles it.

Each run is a fresh process that checks the dossier and compiles the PDF the way a build
does: Typst in a process of its own, started with nothing memoised.

.venv/bin/python benchmarks/pdf_speed.py [DOSSIER_DIR] [RUNS]
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from briefing import build_dossier
from briefing.pdf import build_pdf

SELF, TYPST = resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN


def compile_once(dossier_dir: Path) -> float:
    """Seconds for one PDF (data shaped here, Typst in its own process); the check before
    it is not timed."""
    dossier = build_dossier(dossier_dir)
    started = time.perf_counter()
    build_pdf(dossier)
    return time.perf_counter() - started


def cold_compile(dossier_dir: Path, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Seconds for one compile in a fresh process, and the peak memory in MiB of the larger of
    that process (checking the dossier) and Typst's."""
    result = subprocess.run(
        [sys.executable, __file__, "--once", str(dossier_dir)],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"PDF failed for {dossier_dir}\n{result.stderr}")
    seconds, peak_mib = result.stdout.split()
    return float(seconds), int(peak_mib)


def main() -> None:
    if sys.argv[1:2] == ["--once"]:
        seconds = compile_once(Path(sys.argv[2]))
        peak = max(resource.getrusage(who).ru_maxrss for who in (SELF, TYPST))
        print(seconds, peak // 1024)
        return
    dossier_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("dossier")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    runs_done = [cold_compile(dossier_dir) for _ in range(runs)]
    timings = [seconds for seconds, _ in runs_done]
    print(
        f"pdf: {dossier_dir}: median {statistics.median(timings):.3f} s over {runs} fresh "
        f"processes (min {min(timings):.3f} s, max {max(timings):.3f} s), "
        f"peak {max(peak for _, peak in runs_done)} MiB"
    )


if __name__ == "__main__":
    main()
