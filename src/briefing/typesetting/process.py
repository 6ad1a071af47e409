"""Typst compiling a template in a child process (`run.py`) while the caller goes on.

A process rather than a thread: Typst keeps what it memoised in the process that ran it (a
served site's memory grew at each rebuild), and its whole working memory goes back to the
system when the process ends. A build that fails, or Ctrl-C, stops it at once, where a thread
inside Typst could only be waited for; a build that is killed takes it along (the process
watches for its parent to go).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

RUN = Path(__file__).parent / "run.py"


class TypstFailed(Exception):
    """Typst made no documents; the message is Typst's own, or why its process ended."""


class TypstProcess:
    """One compile of what `making` names: `data` reaches the template as the string input
    `input_name`, `inputs` as the others; `options` are Typst's (`format`, `ppi`, `timestamp`,
    `pdf_tags`)."""

    def __init__(
        self,
        template: Path,
        data: bytes,
        *,
        input_name: str,
        making: str,
        inputs: dict[str, str] | None = None,
        out_of_memory: str = "",
        **options: Any,
    ):
        self._making = making  # what the compile makes, for its messages: "the PDF"
        self._out_of_memory = out_of_memory  # what to do when the system ran out of memory
        settings = {"input_name": input_name, "inputs": inputs or {}, **options}
        command = [sys.executable, str(RUN), str(template), str(os.getpid()),
                   json.dumps(settings)]  # fmt: skip
        self._process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self._output = (b"", b"")
        self._stopped = False
        # A daemon thread feeds the data and collects the output, so neither side's pipe fills.
        self._feeder = threading.Thread(target=self._communicate, args=(data,), daemon=True)
        self._feeder.start()

    @property
    def pid(self) -> int:
        return self._process.pid

    def _communicate(self, data: bytes) -> None:
        self._output = self._process.communicate(data)

    def documents(self) -> list[bytes]:
        """Wait for Typst's documents (one PDF, or a PNG a page); raise TypstFailed if none."""
        self._feeder.join()
        out, errors = self._output
        if self._stopped:
            raise TypstFailed("the compile was stopped before it finished")
        message = errors.decode("utf-8", "replace").strip()
        if self._process.returncode < 0:
            raise TypstFailed(self._ended_by_signal(-self._process.returncode, message))
        if self._process.returncode != 0:
            raise TypstFailed(message or f"Typst's process ended with {self._process.returncode}")
        documents, at = [], 0
        while at < len(out):
            length = int.from_bytes(out[at : at + 8], "big")
            documents.append(out[at + 8 : at + 8 + length])
            at += 8 + length
        return documents

    def stop(self) -> None:
        """End the compile now (the build it was for has failed) and release its process."""
        self._stopped = True
        self._process.kill()
        self._feeder.join()

    def _ended_by_signal(self, number: int, errors: str) -> str:
        """Why a signal ended Typst's process, in words a user can act on: the signal, the
        first line it wrote if any (Typst's own errors end the process normally), and the
        likely cause."""
        try:
            name = signal.Signals(number).name
        except ValueError:  # a signal Python has no name for
            name = str(number)
        message = f"Typst's process was ended by signal {name} before it had made {self._making}"
        said = errors.splitlines()
        if said:
            message += f" (it said: {said[0]})"
        # The system's out-of-memory killer sends SIGKILL; a memory limit makes Typst abort.
        if number == signal.SIGKILL or "memory allocation of" in errors:
            message += ". It most likely ran out of memory" + (
                f": {self._out_of_memory}" if self._out_of_memory else ""
            )
        return message
