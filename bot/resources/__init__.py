"""Where the data the product reads at run time is found: `knowledge/` (the model) and `prompts/`.

The repository keeps both at its top level, the one source of truth. Building the wheel copies them into
this package (`setup.py`), so an installed `bot` reads its own copies, wherever it runs from; in a source
checkout or an editable install nothing is copied and the repository's folders are used. `Settings`
defaults `knowledge_dir` and `prompts_dir` to these (`MMSSC_KNOWLEDGE_DIR`, `MMSSC_PROMPTS_DIR` override).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SHIPPED_FOLDERS = ("knowledge", "prompts")
REPOSITORY = Path(__file__).resolve().parents[2]  # the checkout, when `bot` runs from one


def shipped_folder(name: str) -> Path:
    """The folder `name` ("knowledge" or "prompts") inside the installed package, else the repository's."""
    if name not in SHIPPED_FOLDERS:
        raise ValueError(f"no shipped folder {name!r}")
    packaged = files(__name__) / name
    if packaged.is_dir():
        return Path(str(packaged))
    return REPOSITORY / name
