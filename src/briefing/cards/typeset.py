"""Render the share cards with Typst in a process of its own (started by `briefing.cards.job`).

    python typeset.py TEMPLATE  <cards.json  >cards

Writes each card's PNG as its length in 8 bytes (big-endian) and its bytes. Only the fonts in
the `typst` wheel are used, so the same cards give the same bytes on any machine.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typst

PPI = 144  # a 600 × 315 pt page is a 1200 × 630 px picture, the size link previews use


def main(argv: list[str]) -> int:
    (template,) = argv
    cards = sys.stdin.buffer.read().decode("utf-8")
    try:
        pngs = typst.compile(
            template,
            root=str(Path(template).parent),
            font_paths=[],
            ignore_system_fonts=True,
            sys_inputs={"cards": cards},
            format="png",
            ppi=PPI,
        )
    except RuntimeError as error:  # a TypstError's diagnostic names the file, line and column
        print((getattr(error, "diagnostic", "") or str(error)).strip(), file=sys.stderr)
        return 1
    for png in pngs if isinstance(pngs, list) else [pngs]:
        sys.stdout.buffer.write(len(png).to_bytes(8, "big") + png)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
