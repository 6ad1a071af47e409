"""Compile the briefing with Typst in a process of its own (started by `briefing.pdf.job.PdfJob`).

    python typeset.py TEMPLATE PAPER TIMESTAMP PARENT  <data.json  >briefing.pdf

PARENT is the process id of the build that started it: the process ends as soon as that build
has gone, however it went (`kill -9` included), rather than compile on for nobody.

Run as a script, not with `-m briefing.typeset`: it imports Typst and nothing of the package,
whose models would add a third of a second to every build. Typst's own error report (with
the place in the template) goes to standard error, with exit status 1.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

import typst

WATCH_EVERY = 0.2  # seconds between looks at whether the build is still there


def main(argv: list[str]) -> int:
    # Python would only see Ctrl-C once Typst hands control back, after the whole layout.
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # as a background job's is
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    template, paper, timestamp, parent = argv
    threading.Thread(target=_end_with, args=(int(parent),), daemon=True).start()
    data = sys.stdin.buffer.read().decode("utf-8")
    try:
        pdf = typst.compile(
            template,
            root=str(Path(template).parent),
            font_paths=[],
            ignore_system_fonts=True,
            sys_inputs={"data": data, "paper": paper},
            timestamp=int(timestamp),
            pdf_tags=True,
        )
    except RuntimeError as error:  # a TypstError's diagnostic names the file, line and column
        print((getattr(error, "diagnostic", "") or str(error)).strip(), file=sys.stderr)
        return 1
    sys.stdout.buffer.write(pdf)
    return 0


def _end_with(parent: int) -> None:
    """End this process once its parent has: an orphan is adopted by another process, so its
    parent's id changes. Typst lets Python's threads run while it compiles."""
    while os.getppid() == parent:
        time.sleep(WATCH_EVERY)
    os._exit(1)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
