"""The pictures, measured as a reader meets them: for the real dossier, the fixture and
generated dossiers of about 30, 100 and 300 related records (`related.py`), each map's and
chart's size against its frame, its smallest text as rendered (px in the site's 688 px
column; pt on an A4 and a Letter page), the boxes and labels that overlap, the pairs of
arrows that cross, the arrows that run through a box or a label not their own, and the CPU
time of the layout (the best of three).

With --libraries it also lays the same boxes and labels out with grandalf's own Sugiyama
layout (its layers and Brandes-Köpf placement) and, where networkx is installed, with
networkx's spring and Kamada-Kawai layouts (labels at the arrows' middles), for comparison.

    python benchmarks/pictures.py [--libraries] [RECORDS ...]   (default: 30 100 300)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from picture_figures import Figures, measure
from related import write_related

from briefing import build_dossier
from briefing.dossier import Dossier
from briefing.pictures import COLUMN, PRINT, print_charts, print_maps, relationship_map
from briefing.pictures import timeline_chart as chart

ROOT = Path(__file__).resolve().parent.parent
A4_TEXT, LETTER_TEXT = 470.55, 487.3  # the text's width on the page, in pt (2.2 cm margins)


def timed(work: Callable[[], object]) -> tuple[object, float]:
    best, result = float("inf"), None
    for _ in range(3):
        started = time.process_time()
        result = work()
        best = min(best, time.process_time() - started)
    return result, best


def row(name: str, figures: Figures, seconds: float, tallest: float = COLUMN.height) -> str:
    """A line of figures; `tallest` is the frame's height (a site's chart may be taller,
    as the page scrolls down)."""
    site = figures.smallest_text * min(1.0, COLUMN.width / figures.width)
    a4, letter = (figures.smallest_text * text / COLUMN.width for text in (A4_TEXT, LETTER_TEXT))
    fits = figures.width <= COLUMN.width and figures.height <= tallest
    return (
        f"{name:30} {figures.width:5.0f} x {figures.height:<5.0f} {'fits' if fits else 'OVER':4} "
        f"{site:5.1f} px {a4:4.1f} pt {letter:4.1f} pt {figures.overlaps:8} "
        f"{figures.crossings:9} {figures.through_labels:8} {seconds * 1000:8.1f} ms"
    )


HEADER = (
    f"{'picture':30} {'size (frame 688 x 840)':18} {'site':>7} {'A4':>7} {'Letter':>7} "
    f"{'overlaps':>8} {'crossings':>9} {'through':>8} {'layout':>11}"
)


def report(name: str, dossier: Dossier) -> None:
    records = len({end for r in dossier.relations for end in (r.subject, r.object)})
    print(f"--- {name}: {len(dossier.relations)} relations between {records} records, "
          f"{len(dossier.events)} events")  # fmt: skip
    drawn, seconds = timed(lambda: relationship_map(dossier))
    if drawn is not None:
        whole = drawn  # type: ignore[assignment]
        left = f" (leaves out {len(whole.left_out)} of {records})" if whole.left_out else ""
        print(row("whole map" + left, measure(whole.svg), seconds))
    pages, seconds = timed(lambda: print_maps(dossier, PRINT))
    for n, page in enumerate(pages):  # type: ignore[arg-type]
        print(row(f"  printed, page {n + 1} of {len(pages)}", measure(page.svg), seconds))  # type: ignore[arg-type]
    worst: tuple[Figures, float, str] | None = None
    for person in dossier.main_people:
        own, seconds = timed(lambda p=person: relationship_map(dossier, focus=p.id))
        if own is not None:
            figures = measure(own.svg)  # type: ignore[attr-defined]
            if worst is None or (figures.height, seconds) > (worst[0].height, worst[1]):
                worst = (figures, seconds, person.id)
    if worst is not None:
        print(row(f"  tallest neighbourhood ({worst[2][:8]})", worst[0], worst[1]))
    drawn_chart, seconds = timed(lambda: chart(dossier))
    if drawn_chart is None:
        print(f"{'timeline chart':30} none: more than 30 rows, listed instead")
    else:
        print(row("timeline chart", measure(drawn_chart), seconds, float("inf")))  # type: ignore[arg-type]
        printed = print_charts(dossier, PRINT)
        for n, svg in enumerate(printed):
            print(row(f"  printed, page {n + 1} of {len(printed)}", measure(svg), seconds))


def dossiers(sizes: list[int], folder: Path) -> list[tuple[str, Dossier]]:
    found = [
        ("real dossier", build_dossier(ROOT / "dossier")),
        ("fixture", build_dossier(ROOT / "tests" / "fixtures" / "mini" / "dossier")),
    ]
    for size in sizes:
        found.append(
            (f"{size} related records", build_dossier(write_related(size, folder / str(size))))
        )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--libraries", action="store_true")
    parser.add_argument("records", type=int, nargs="*", default=[30, 100, 300])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        found = dossiers(args.records, Path(folder))
        print(HEADER)
        for name, dossier in found:
            report(name, dossier)
        if args.libraries:
            import libraries

            libraries.compare(found)


if __name__ == "__main__":
    sys.exit(main())
