"""Building a dossier pauses Python's cycle collector and leaves it as it found it."""

from __future__ import annotations

import gc
import sys

from briefing import check_dossier
from support import edit


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


def test_the_dossier_is_handed_to_the_oldest_generation_when_checking_ends(mini):
    gc.unfreeze()  # start from nothing frozen, whatever ran earlier in this process
    dossier, _ = check_dossier(mini)
    assert dossier is not None
    # not left young, where the first pass after checking would walk all of it
    assert any(kept is dossier for kept in gc.get_objects(generation=2))
    assert gc.get_freeze_count() == 0  # handed on, not frozen: cycles among them still free


def test_objects_the_caller_froze_stay_frozen(mini):
    class Kept:
        pass

    kept = Kept()
    gc.freeze()  # as a server does before forking workers, say
    try:
        check_dossier(mini)
        # frozen objects are outside the three generations get_objects() lists
        assert not any(found is kept for found in gc.get_objects())
    finally:
        gc.unfreeze()
    assert any(found is kept for found in gc.get_objects())
