"""Print how long the PDF briefing takes to compile (median of several runs).

.venv/bin/python benchmarks/pdf_speed.py [DOSSIER_DIR] [RUNS]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from briefing import build_dossier
from briefing.pdf import build_pdf


def main() -> None:
    dossier_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("dossier")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    dossier = build_dossier(dossier_dir)
    build_pdf(dossier)  # the first compile also loads the bundled fonts
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        pdf = build_pdf(dossier)
        timings.append(time.perf_counter() - started)
    print(
        f"pdf: {dossier_dir}: {len(pdf):,} bytes; median {statistics.median(timings):.3f} s "
        f"over {runs} runs (min {min(timings):.3f} s, max {max(timings):.3f} s)"
    )


if __name__ == "__main__":
    main()
