"""Compile the briefing with Typst in a process of its own (started by `briefing.pdf.job.PdfJob`).

    python typeset.py TEMPLATE PAPER TIMESTAMP  <data.json  >briefing.pdf

Run as a script, not with `-m briefing.typeset`: it imports Typst and nothing of the package,
whose models would add a third of a second to every build. Typst's own error report (with
the place in the template) goes to standard error, with exit status 1.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import typst


def main(argv: list[str]) -> int:
    # Python would only see Ctrl-C once Typst hands control back, after the whole layout.
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # as a background job's is
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    template, paper, timestamp = argv
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


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
