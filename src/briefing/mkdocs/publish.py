"""Publishing a build: it is written into a staging folder beside the output folder, which takes
the output folder's place only when the whole build succeeded, in one step.

At every instant the output folder is a whole site, the last one or the new one. On Linux the
two folders trade places in one rename (`renameat2` with RENAME_EXCHANGE); where that is not
to be had, two renames do it, and a build killed between them is healed by the next, which
puts the last site back before anything else. The output folder stays a plain folder (not a
link to one), so copying it, opening `index.html` and GitHub Pages' upload see only files.

One build at a time writes beside an output folder: each holds an advisory lock on
`<folder>.lock` while it runs, which the system releases when the build ends, however it ends.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import functools
import os
import shutil
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

LOCK_TIMEOUT = 600.0  # seconds a build waits for another build of the same folder
_WAIT_STEP = 0.1
_RENAME_EXCHANGE = 2  # from <linux/fs.h>
_AT_FDCWD = -100


class PublishError(PluginError):
    """The output folder could not be prepared or published; the message says what to do."""


class OutputFolder:
    """An output folder and the folders and lock beside it that a build uses."""

    def __init__(self, site_dir: str):
        # A linked output folder is published where it points: a rename stays on one disk.
        self.final = Path(os.path.realpath(site_dir))
        self.staging = self._beside("staging")
        self.old = self._beside("old")  # the last site, between two renames
        self.lock_path = self._beside("lock")
        self._lock_fd: int | None = None
        self._staged = False  # whether this build made the staging folder (and may remove it)

    def _beside(self, suffix: str) -> Path:
        return self.final.with_name(f"{self.final.name}.{suffix}")

    def lock(self, waiting: Callable[[str], None], timeout: float = LOCK_TIMEOUT) -> None:
        """Hold the folder's lock, waiting (and saying so once) while another build holds it."""
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                self.final.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as error:
                raise PublishError(file_system_problem(error, self.final)) from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                if self._still_the_lock_file(fd):
                    break
                os.close(fd)  # its holder removed it as it ended: lock the next one
                continue
            except BlockingIOError:
                if not told:
                    waiting(
                        f"Another build is writing {self.final} (process "
                        f"{_holder(fd) or 'unknown'}); waiting for it to finish"
                    )
                    told = True
                if time.monotonic() > deadline:
                    holder = _holder(fd) or "unknown"
                    os.close(fd)
                    raise PublishError(
                        f"Another build has been writing {self.final} for more than {timeout:g} "
                        f"seconds (process {holder}, lock {self.lock_path}). Wait for it to "
                        "end, or stop it, then build again."
                    ) from None
                os.close(fd)
                time.sleep(_WAIT_STEP)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._lock_fd = fd

    def _still_the_lock_file(self, fd: int) -> bool:
        """Whether the file locked is the one at the lock's path (a build that ends removes
        it, so that none is left beside the site; one that waited on it then tries again)."""
        try:
            return os.stat(self.lock_path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            return False

    def unlock(self) -> None:
        if self._lock_fd is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.lock_path)  # while still locked, so no one else holds it yet
            os.close(self._lock_fd)  # closing the file releases the lock
            self._lock_fd = None

    def prepare(self, notes: Callable[[str], None]) -> Path:
        """Heal what a build that was killed left, and return an empty staging folder."""
        if self.final.exists() and not self.final.is_dir():
            raise PublishError(
                f"{self.final} is not a folder, so the site cannot be published there: move "
                "it away, or build into another folder with `site_dir:` in mkdocs.yml or "
                "`mkdocs build -d FOLDER`."
            )
        try:
            if not self.final.exists() and self.old.is_dir():
                self.old.rename(self.final)  # killed between the two renames: the last site back
            for leftover in (self.staging, self.old):
                discard(leftover, notes)
            self.staging.mkdir()
        except OSError as error:
            raise PublishError(file_system_problem(error, self.final)) from None
        self._staged = True
        return self.staging

    def publish(self, notes: Callable[[str], None]) -> None:
        """Put the finished staging folder in the output folder's place, in one step."""
        try:
            if not self.final.exists():
                self.staging.rename(self.final)
            elif _exchange(self.staging, self.final):
                discard(self.staging, notes)  # now the last site
            else:
                self.final.rename(self.old)
                try:
                    self.staging.rename(self.final)
                except OSError:
                    self.old.rename(self.final)  # the last site back at once
                    raise
                discard(self.old, notes)
        except OSError as error:
            raise PublishError(file_system_problem(error, self.final)) from None
        self._staged = False

    def discard_staging(self, notes: Callable[[str], None]) -> None:
        """Remove what a failed build wrote; never a staging folder of another build's."""
        if self._staged:
            self._staged = False
            try:
                discard(self.staging, notes)
            except OSError as error:
                notes(f"Could not remove {self.staging}: {error}")


def discard(folder: Path, notes: Callable[[str], None]) -> None:
    """Remove a folder a build no longer needs. One that cannot be removed (files of another
    user, say) is moved out of the way, so that later builds still work, and named."""
    if not folder.exists() and not folder.is_symlink():
        return
    try:
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder)
        else:
            folder.unlink()
        return
    except OSError as error:
        aside = folder.with_name(f"{folder.name}.{uuid.uuid4().hex[:8]}")
        folder.rename(aside)
        notes(
            f"Could not remove {aside} ({error.strerror or error}): it is left for you to "
            f"remove (`rm -rf {aside}`, as its files' owner if need be)"
        )


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one rename where the system can; False where it cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    paths = (os.fsencode(first), os.fsencode(second))
    if renameat2(_AT_FDCWD, paths[0], _AT_FDCWD, paths[1], _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):  # a file system without it
        return False
    raise OSError(code, os.strerror(code), str(second))


@functools.cache
def _renameat2() -> Any:
    """Linux's renameat2 from the C library (glibc 2.28 and later), else None."""
    if not sys.platform.startswith("linux"):
        return None
    return getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)


def _holder(fd: int) -> str:
    """The process id the lock's holder wrote into the lock file."""
    try:
        return os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""


def file_system_problem(error: OSError, final: Path | None = None) -> str:
    """One paragraph on a file-system failure: the path, what went wrong, and what to do."""
    path = error.filename or final or "a file"
    kept = f" The last site in {final} is as it was." if final is not None else ""
    elsewhere = (
        "build into another folder with `site_dir:` in mkdocs.yml or `mkdocs build -d FOLDER`"
    )
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            f"The disk is full: no room to write {path} ({error.strerror}). A build writes the "
            "new site beside the last one before it takes its place, so it needs room for "
            f"both: free some space and build again, or {elsewhere}.{kept}"
        )
    if error.errno == errno.EROFS:
        return (
            f"{path} is on a read-only file system, so the build cannot write there: "
            f"{elsewhere}.{kept}"
        )
    if error.errno in (errno.EACCES, errno.EPERM):
        return (
            f"No permission to write {path} ({error.strerror}): the build writes the output "
            f"folder and, beside it, its .staging folder and .lock file. Make that folder "
            f"writable for you, or {elsewhere}.{kept}"
        )
    return (
        f"Could not write {path}: {error.strerror or error}. Check that the folder exists and "
        f"can be written, or {elsewhere}.{kept}"
    )
