"""Building a dossier pauses Python's cycle collector and leaves it as it found it."""

from __future__ import annotations

import gc
import sys

from briefing import check_dossier
from conftest import edit


def test_checking_leaves_the_collector_on_after_a_good_and_a_bad_dossier(mini):
    assert gc.isenabled()
    dossier, _ = check_dossier(mini)
    assert dossier is not None and gc.isenabled()
    edit(mini / "people" / "elena-brisk.yml", "id: elena-brisk", "id: elena-brisk\ncolour: red")
    dossier, problems = check_dossier(mini)
    assert dossier is None and problems.errors and gc.isenabled()


def test_checking_keeps_the_collector_off_when_the_caller_switched_it_off(mini):
    gc.disable()
    try:
        check_dossier(mini)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_no_collection_runs_while_the_dossier_is_loaded_and_verified(mini):
    passes_inside = []

    def note_pass(phase: str, info: dict) -> None:
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_name in ("load_dossier", "verify"):
                passes_inside.append(frame.f_code.co_name)
                return
            frame = frame.f_back

    threshold = gc.get_threshold()
    gc.callbacks.append(note_pass)
    gc.set_threshold(1)  # without the pause, nearly every allocation would start a pass
    try:
        dossier, _ = check_dossier(mini)
    finally:
        gc.set_threshold(*threshold)
        gc.callbacks.remove(note_pass)
    assert dossier is not None and passes_inside == []
