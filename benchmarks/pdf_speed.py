"""Print how long the PDF briefing takes to compile, as a user's build compiles it.

Each run is a fresh process that checks the dossier and compiles the PDF the way a build
does: Typst in a process of its own, started with nothing memoised and no PDF kept from an
earlier build. Past `pdf_in_full_up_to` records (100) that PDF is a briefing and a register.

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

SITE_URL = "http://127.0.0.1:8000/"  # generate.py's, for the register's addresses


def compile_once(dossier_dir: Path) -> float:
    """Seconds for one PDF (data shaped here, Typst in its own process); the check before
    it is not timed."""
    dossier = build_dossier(dossier_dir)
    started = time.perf_counter()
    build_pdf(dossier, site_url=SITE_URL)
    return time.perf_counter() - started


def cold_compile(dossier_dir: Path, env: dict[str, str] | None = None) -> tuple[float, int, float]:
    """Seconds for one compile in a fresh process, the peak memory in MiB of Typst's process,
    and its CPU time in seconds (on all its threads: Typst lays out on every core)."""
    result = subprocess.run(
        [sys.executable, __file__, "--once", str(dossier_dir)],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"PDF failed for {dossier_dir}\n{result.stderr}")
    seconds, peak_mib, cpu = result.stdout.split()
    return float(seconds), int(peak_mib), float(cpu)


def main() -> None:
    if sys.argv[1:2] == ["--once"]:
        seconds = compile_once(Path(sys.argv[2]))
        typst = resource.getrusage(resource.RUSAGE_CHILDREN)
        print(seconds, typst.ru_maxrss // 1024, typst.ru_utime + typst.ru_stime)
        return
    dossier_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("dossier")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    runs_done = [cold_compile(dossier_dir) for _ in range(runs)]
    timings = [seconds for seconds, _, _ in runs_done]
    print(
        f"pdf: {dossier_dir}: median {statistics.median(timings):.3f} s over {runs} fresh "
        f"processes (min {min(timings):.3f} s, max {max(timings):.3f} s), Typst's CPU "
        f"{statistics.median(cpu for _, _, cpu in runs_done):.2f} s, its peak "
        f"{max(peak for _, peak, _ in runs_done)} MiB"
    )


if __name__ == "__main__":
    main()
