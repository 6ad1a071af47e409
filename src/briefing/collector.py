"""Python's cycle collector, kept from walking a dossier over and over.

A large dossier is hundreds of thousands of objects (YAML nodes, models, citations, rendered
pages) and holds no reference cycles to free; the collector would still walk all of them at
each of its full passes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run a block with cycle collection off; memory is still freed as references drop."""
    was_enabled = gc.isenabled()
    nothing_frozen = gc.get_freeze_count() == 0
    gc.disable()
    try:
        yield
    finally:
        if nothing_frozen:
            # Hand the block's objects to the oldest generation in one step: left in the
            # youngest, the first pass after this block would walk every one of them. Skipped
            # when the caller froze objects of its own, which unfreezing would release.
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


def keep_out_of_collection() -> None:
    """Hand everything alive now (a build's dossier and pages) to the collector's permanent
    generation: they live until the build ends, and its passes need not walk them meanwhile.
    Undone by `release_to_collection` when the build ends, however it ends."""
    gc.freeze()


def release_to_collection() -> None:
    gc.unfreeze()


def collect_what_the_last_build_left() -> None:
    """A served site's last build (its pages, navigation, templates) waits in the oldest
    generation for a full pass, which the freezing keeps from coming while a build runs: run
    one before the next build, or every rebuild stays in memory."""
    gc.collect()
