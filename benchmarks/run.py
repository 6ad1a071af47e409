"""Build-speed benchmark: our site, check and PDF against a bare Material site of the same size.

For the real dossier and synthetic dossiers of N people it prints `briefing check` time, the
site build time (MkDocs + Material + the briefing plugin, PDF off), the PDF's time and its
Typst process's CPU time, the peak memory of the site build and of Typst's process, the pages
built, and the site build's wall time and CPU time as ratios to the anchor's: a bare
mkdocs-material site with the same number of pages and about the same words, in sections with
navigation.prune. Times are medians of several runs. For the real dossier it also prints the
whole build's time, warm (its PDF kept from the build before) and cold, and the memory of a
served site after each of ten rebuilds (`serve_memory.py`); for a synthetic one, how long
`check` takes to report what a changed source breaks (`generate.change_sources`). With
--calls it also counts the Python function calls of one site build and one anchor build:
slower to take, but no other load on a shared machine moves them, where the times swing by a
tenth or more. With --articles K the synthetic people are reported in K source articles
instead of one; with --every-kind the synthetic dossiers also hold groups, key figures,
superseded events, attributed relations and uncited sentences (see generate.py).

    python benchmarks/run.py [--runs R] [--calls] [--articles K] [--every-kind] [N ...]
    (default: 100 1000 2000 3000, 3 runs, one article)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import change_sources
from generate import write as generate
from pdf_speed import cold_compile

from briefing import build_dossier, check_dossier
from briefing.site import SiteRenderer
from briefing.text.dates import _parsed as parsed_dates

ROOT = Path(__file__).resolve().parent.parent
# Builds run as in a warm venv: with Python's bytecode cache on (some shells switch it off,
# which makes every build compile MkDocs, Material and their dependencies from source).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["NO_MKDOCS_2_WARNING"] = "1"


# A small parent process runs each measured command: a child forked straight from this
# process would inherit its memory (PDFs, dossiers) in its peak-memory figure.
_MEASURE = """
import os, subprocess, sys, time
started = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
_, status, usage = os.wait4(process.pid, 0)
elapsed = time.perf_counter() - started
sys.stderr.write(process.stderr.read().decode())
print(status, elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""


def timed_child(args: list[str], cwd: Path) -> tuple[float, int, float]:
    """Wall time (s), peak resident memory (MiB) and CPU time (s, all threads) of a command.

    CPU time leaves out the time the process waited for a core: on a shared machine it tells
    a build that queued apart from one that worked longer.
    """
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args], cwd=cwd, env=ENV, capture_output=True, text=True
    )
    status, elapsed, peak_kib, cpu = result.stdout.split()
    if int(status) != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{result.stderr}")
    return float(elapsed), int(peak_kib) // 1024, float(cpu)


_COUNT_CALLS = """
import cProfile, pstats, sys
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "-q", "-d", sys.argv[1]]
profile = cProfile.Profile()
try:
    profile.runcall(cli)
except SystemExit as done:
    if done.code:
        raise
print(pstats.Stats(profile).total_calls)
"""


def counted_calls(project: Path, out: Path) -> int:
    """Python function calls made by one `mkdocs build` of a project (profiled, so slower)."""
    shutil.rmtree(out, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-c", _COUNT_CALLS, str(out)],
        cwd=project, env=ENV, capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(f"counting the calls of {project} failed\n{result.stderr}")
    return int(result.stdout.split()[-1])


def mkdocs_build(project: Path, out: Path) -> tuple[float, int, float]:
    shutil.rmtree(out, ignore_errors=True)
    return timed_child([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], project)


def anchor_project(folder: Path, pages: int, words: int) -> Path:
    """A bare Material site: `pages` Markdown pages of about `words` words in all, in sections."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    per_page = max(words // max(pages, 1), 20)
    filler = [
        "the",
        "vote",
        "was",
        "held",
        "in",
        "the",
        "region",
        "after",
        "a",
        "long",
        "campaign",
        "of",
        "reform",
    ]
    (docs / "index.md").write_text("# Home\n\nA bare Material site.\n")
    for i in range(1, pages):
        section = docs / f"section-{i // 50:03d}"
        section.mkdir(exist_ok=True)
        body = " ".join(filler[(i + k) % len(filler)] for k in range(per_page))
        (section / f"page-{i:05d}.md").write_text(f"# Page {i}\n\n## Part\n\n{body}\n")
    (folder / "mkdocs.yml").write_text(
        "site_name: Anchor\nsite_url: http://127.0.0.1:8000/\ntheme:\n  name: material\n"
        "  font: false\n  features: [navigation.tabs, navigation.sections, navigation.indexes,"
        " navigation.prune]\nplugins:\n  - search\nmarkdown_extensions:\n  - toc\n"
    )
    return folder


def measure(
    name: str, project: Path, runs: int, work: Path, full: bool = False, calls: bool = False
) -> dict:
    """Figures for one project; with full=True also the whole build, site and PDF together,
    and with calls=True the Python calls of one site build and one anchor build."""
    dossier_dir = project / "dossier"
    checks = []
    for _ in range(runs):
        parsed_dates.cache_clear()  # each run as a new `briefing check` process: no date read
        started = time.perf_counter()
        dossier = build_dossier(dossier_dir)
        checks.append(time.perf_counter() - started)
    pages = SiteRenderer(dossier).pages()
    words = sum(len(re.sub(r"<[^>]+>", " ", " ".join(p.parts)).split()) for p in pages)
    pdf_runs = [cold_compile(dossier_dir, ENV) for _ in range(runs)]
    cold = None
    if full:  # the whole build, once with the PDF compiled, which keeps it for the next
        cold = mkdocs_build(project, work / f"{name}-full")[0]

    # Our builds and the anchor's take turns, so a machine that slows down or speeds up
    # during the run weighs on both sides of the ratio alike.
    config = project / "mkdocs.yml"
    text = config.read_text()
    site_only = text.replace("  - briefing\n", "  - briefing:\n      pdf: false\n")
    whole, site, bare = [], [], []
    anchor = None
    try:
        for _ in range(runs):
            if full:
                config.write_text(text)
                whole.append(mkdocs_build(project, work / f"{name}-full")[0])
            config.write_text(site_only)  # the site alone; the PDF is timed above
            site.append(mkdocs_build(project, work / f"{name}-site"))
            if anchor is None:
                built = sum(1 for _ in (work / f"{name}-site").rglob("index.html"))
                anchor = anchor_project(work / f"{name}-anchor", built, words)
            bare.append(mkdocs_build(anchor, work / f"{name}-anchor-site"))
        if calls:
            site_calls = counted_calls(project, work / f"{name}-site")
            anchor_calls = counted_calls(anchor, work / f"{name}-anchor-site")
    finally:
        config.write_text(text)
    site_time = statistics.median(t for t, _, _ in site)
    bare_time = statistics.median(t for t, _, _ in bare)
    site_cpu = statistics.median(cpu for _, _, cpu in site)
    bare_cpu = statistics.median(cpu for _, _, cpu in bare)
    full_time = statistics.median(whole) if whole else None
    return {
        "case": name,
        "check_s": statistics.median(checks),
        "site_s": site_time,
        "pdf_s": statistics.median(seconds for seconds, _, _ in pdf_runs),
        "pdf_cpu_s": statistics.median(cpu for _, _, cpu in pdf_runs),
        "pdf_peak_mib": max(peak for _, peak, _ in pdf_runs),
        "full_s": full_time,
        "full_ratio": full_time / bare_time if full_time else None,
        "full_cold_s": cold,
        "peak_mib": max(m for _, m, _ in site),
        "pages": built,
        "words": words,
        "anchor_s": bare_time,
        "ratio": site_time / bare_time,
        "cpu_ratio": site_cpu / bare_cpu,
        "calls": (site_calls, anchor_calls) if calls else None,
    }


def changed_source_line(name: str, project: Path, work: Path) -> str:
    """How long `check` takes to report the citations a changed source breaks, each with its
    "the source has" hint: the check an editor runs after replacing a seed (one run)."""
    changed = work / f"{name.replace('=', '')}-changed"
    shutil.copytree(project / "dossier", changed / "dossier")
    shutil.copytree(project / "seeds", changed / "seeds")
    change_sources(changed)
    started = time.perf_counter()
    _, problems = check_dossier(changed / "dossier")
    problems.report()
    seconds = time.perf_counter() - started
    return f"{name:>8} check of a changed source: {len(problems.errors):,} errors in {seconds:.2f}s"


def served_memory_line(project: Path, rebuilds: int = 10) -> str:
    """The line `serve_memory.py` prints: peak memory after each served rebuild."""
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("serve_memory.py")), str(project),
         str(rebuilds)],
        env=ENV, capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(f"serving {project} failed\n{result.stderr}")
    return result.stdout.strip()


def real_project(work: Path) -> Path:
    project = work / "real"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "dossier", "seeds"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    return project


def machine_speed() -> float:
    """Seconds for a fixed pure-Python loop (best of 3), to compare figures across machines."""
    timings = []
    for _ in range(3):
        started, total = time.perf_counter(), 0
        for i in range(10_000_000):
            total += i
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 2000, 3000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--calls", action="store_true")
    parser.add_argument("--articles", type=int, default=1)
    parser.add_argument("--every-kind", action="store_true")
    args = parser.parse_args()
    if args.articles > 1:
        print(f"synthetic dossiers: the people reported in {args.articles} source articles")
    if args.every_kind:
        print("synthetic dossiers: with every kind of record and field (generate.py)")
    header = (
        f"{'case':>8} {'check':>7} {'site':>7} {'anchor':>7} {'ratio':>6} {'cpu':>6} {'pdf':>7} "
        f"{'pdf cpu':>7} {'peak':>8} {'pdf peak':>8} {'pages':>6} {'words':>9}"
    )
    print(header)
    results = []
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        work = Path(tmp)
        cases = [] if args.skip_real else [("real", real_project(work))]
        for n in args.sizes:
            generate(n, work / f"n{n}", args.articles, args.every_kind)
            cases.append((f"N={n}", work / f"n{n}"))
        for name, project in cases:
            r = measure(name.replace("=", ""), project, args.runs, work, name == "real", args.calls)
            r["case"] = name
            results.append(r)
            print(
                f"{name:>8} {r['check_s']:6.2f}s {r['site_s']:6.2f}s {r['anchor_s']:6.2f}s "
                f"{r['ratio']:5.2f}x {r['cpu_ratio']:5.2f}x {r['pdf_s']:6.2f}s "
                f"{r['pdf_cpu_s']:6.2f}s {r['peak_mib']:5d}MiB {r['pdf_peak_mib']:5d}MiB "
                f"{r['pages']:6d} {r['words']:9,d}",
                flush=True,
            )
            if r["calls"]:
                ours, bare = r["calls"]
                print(
                    f"{name:>8} Python calls: site {ours / 1e6:.1f} million, anchor "
                    f"{bare / 1e6:.1f} million ({ours / bare:.2f}x)",
                    flush=True,
                )
            if name == "real":
                print(served_memory_line(project), flush=True)
            else:
                print(changed_source_line(name, project, work), flush=True)
    # Typst lays out on every core it is given (one core: 21 s for the N = 1,000 PDF, two: 11 s),
    # so the PDF's figure depends on the cores as much as on their speed.
    cores = len(os.sched_getaffinity(0))
    print(
        f"machine: {cores} cores; a pure-Python loop of 10^7 additions takes {machine_speed():.2f}s"
    )
    by = {r["case"]: r for r in results}
    if "real" in by:
        real = by["real"]
        print(
            f"real full build (site + PDF): {real['full_s']:.2f}s = "
            f"{real['full_ratio']:.2f}x bare Material of its page count, warm (its PDF kept "
            f"from the build before); {real['full_cold_s']:.2f}s with the PDF compiled"
        )
    verdicts = target_lines(by)
    if verdicts:
        print("the issue's targets, by this run's figures:")
        print("\n".join(verdicts))


def target_lines(by: dict[str, dict]) -> list[str]:
    """Each target of the benchmark issue that this run has figures for, met or not, so a run
    on another machine answers the question at once."""
    targets = []  # (what, figure, met)
    for case in ("N=1000", "N=2000"):
        if case in by:
            ratio = by[case]["ratio"]
            targets.append((f"site <= 1.1x the anchor at {case}", f"{ratio:.2f}x", ratio <= 1.1))
    if "N=1000" in by:
        check, pdf, cpu, peak = (by["N=1000"][k] for k in ("check_s", "pdf_s", "pdf_cpu_s",
                                                           "pdf_peak_mib"))  # fmt: skip
        targets.append(("check <= 1 s at N=1000", f"{check:.2f}s", check <= 1))
        targets.append(("PDF <= 5 s at N=1000", f"{pdf:.2f}s (CPU {cpu:.2f}s)", pdf <= 5))
        targets.append(("peak memory of the PDF at N=1000 < 1 GiB", f"{peak:,d} MiB", peak < 1024))
    if "N=1000" in by and "N=3000" in by:
        # The PDF's by Typst's CPU time: its wall time at 3,000 swings with the machine's load.
        for what, key in (("the site", "site_s"), ("the PDF (Typst's CPU)", "pdf_cpu_s")):
            growth = by["N=3000"][key] / by["N=1000"][key]
            targets.append(
                (f"growth of {what} N=3000 / N=1000 <= 3.3x", f"{growth:.2f}x", growth <= 3.3)
            )
    if "N=3000" in by:
        for what, key in (("the site build", "peak_mib"), ("the PDF", "pdf_peak_mib")):
            peak = by["N=3000"][key]
            targets.append(
                (f"peak memory of {what} at N=3000 < 1 GiB", f"{peak:,d} MiB", peak < 1024)
            )
    if "real" in by:
        full = by["real"]["full_ratio"]
        targets.append(
            ("real full build, warm, <= 1.3x bare Material", f"{full:.2f}x", full <= 1.3)
        )
    return [
        f"  {'met' if met else 'NOT met':>7}  {what}: {figure}" for what, figure, met in targets
    ]


if __name__ == "__main__":
    main()
