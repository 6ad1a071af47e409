"""Compile a Typst template in a process of its own (started by `briefing.typesetting.process`).

    python run.py TEMPLATE PARENT OPTIONS  <input  >documents

OPTIONS is JSON: the name the template reads standard input under (`sys.inputs`), its other
inputs, and Typst's own options (`format`, `ppi`, `timestamp`, `pdf_tags`). Each document
Typst makes (one PDF, or a PNG for each page) is written as its length in 8 bytes
(big-endian), then its bytes. Only the fonts in the `typst` wheel are used, so the same input
gives the same bytes on any machine.

PARENT is the process id of the build that started it: the process ends as soon as that build
has gone, however it went (`kill -9` included), rather than compile on for nobody.

Run as a script, not with `-m`: it imports Typst and nothing of the package, whose models would
add a third of a second to every build. Typst's own error report (with the place in the
template) goes to standard error, with exit status 1.
"""

from __future__ import annotations

import json
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
    template, parent, options_text = argv
    threading.Thread(target=_end_with, args=(int(parent),), daemon=True).start()
    options = json.loads(options_text)
    inputs = {**options.pop("inputs"), options.pop("input_name"): sys.stdin.buffer.read().decode()}
    try:
        documents = typst.compile(
            template,
            root=str(Path(template).parent),
            font_paths=[],
            ignore_system_fonts=True,
            sys_inputs=inputs,
            **options,
        )
    except RuntimeError as error:  # a TypstError's diagnostic names the file, line and column
        print((getattr(error, "diagnostic", "") or str(error)).strip(), file=sys.stderr)
        return 1
    for document in documents if isinstance(documents, list) else [documents]:
        sys.stdout.buffer.write(len(document).to_bytes(8, "big") + document)
    return 0


def _end_with(parent: int) -> None:
    """End this process once its parent has: an orphan is adopted by another process, so its
    parent's id changes. Typst lets Python's threads run while it compiles."""
    while os.getppid() == parent:
        time.sleep(WATCH_EVERY)
    os._exit(1)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
