"""Writing output files whole or not at all.

Each file is written to a temporary file in its own folder, flushed to disk, then renamed over the
target (an atomic step on one file system). A crash, a full disk or a refused path leaves the
earlier file, or nothing, never half a report. Several files (a CSV and its consensus table) are
all staged before any is renamed.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from bot.errors import EnvironmentFaultError


def write_files_atomically(files: Mapping[Path, bytes]) -> list[Path]:
    """Write every file of `{path: bytes}`, creating folders as needed; returns the paths written.

    Raises `EnvironmentFaultError` naming the path and what to do when one cannot be written; then
    none of the files was changed.
    """
    staged: list[tuple[Path, Path]] = []
    target = Path()
    try:
        for target, data in files.items():
            if target.is_dir():
                raise EnvironmentFaultError(f"Cannot write {target}: it is a folder. Give the path of a file in it.")
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
            staged.append((temporary, target))
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        for temporary, target in staged:
            os.replace(temporary, target)
    except OSError as error:
        raise EnvironmentFaultError(
            f"Cannot write {target}: {error.strerror or error}. Choose another path, or make its folder "
            "writable.") from error
    finally:
        for temporary, _ in staged:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
    return [target for _, target in staged]
