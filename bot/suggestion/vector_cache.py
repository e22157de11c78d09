"""An optional on-disk cache of the condition vectors of one characteristic.

One float32 `.npy` file per (knowledge version, embedder name, characteristic), so a new process
(`mmssc suggest`, a chat or server start) reads the vectors instead of embedding every condition
again. Files are written atomically; a missing, unreadable or misshapen file is rebuilt silently.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def cache_path(cache_dir: Path, version: str, embedder_name: str, characteristic_id: str) -> Path:
    """Where the vectors of one characteristic live: <dir>/<version>/<embedder>/<characteristic>.npy."""
    folder = cache_dir / _UNSAFE.sub("_", version) / _UNSAFE.sub("_", embedder_name)
    return folder / f"{_UNSAFE.sub('_', characteristic_id)}.npy"


def load_vectors(path: Path, rows: int) -> np.ndarray | None:
    """The cached float32 matrix with `rows` finite rows, or None when missing or not usable."""
    if not path.is_file():
        return None
    try:
        vectors = np.load(path, allow_pickle=False)
    except (OSError, ValueError, EOFError) as error:
        log.debug("ignoring unreadable condition cache %s: %s", path, error)
        return None
    if vectors.dtype != np.float32 or vectors.ndim != 2 or vectors.shape[0] != rows or vectors.shape[1] == 0:
        log.debug("ignoring condition cache %s of shape %s, dtype %s", path, vectors.shape, vectors.dtype)
        return None
    if not np.isfinite(vectors).all():
        log.debug("ignoring condition cache %s with non-finite values", path)
        return None
    return vectors


def save_vectors(path: Path, vectors: np.ndarray) -> None:
    """Write the matrix atomically (temp file + rename); a failure only costs the next process time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                np.save(file, np.asarray(vectors, dtype=np.float32), allow_pickle=False)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        log.debug("could not write condition cache %s: %s", path, error)
