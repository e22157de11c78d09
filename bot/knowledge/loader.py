"""Load the JSON files of `knowledge/` into a checked `KnowledgeBase`.

Every problem is reported as a `KnowledgeBaseError` naming the file and the field, so a maintainer
who mistypes an id in a JSON file learns where at once.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bot.errors import KnowledgeBaseError
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.checks import check_cross_references
from bot.knowledge.models import (
    AnnexBEntry,
    AnnexCFunction,
    Characteristic,
    Dimension,
    LevelFamily,
    LevelName,
    Standard,
)

CHARACTERISTIC_FILES = (
    "characteristics/1-strategy-management.json",
    "characteristics/2-citizen-centric-service-management.json",
    "characteristics/3-digital-and-physical-resource-management.json",
    "characteristics/4-purposes.json",
)
OTHER_FILES = ("dimensions.json", "levels.json", "standards.json", "annex_b.json", "annex_c.json")
KNOWLEDGE_FILES = OTHER_FILES + CHARACTERISTIC_FILES

Model = TypeVar("Model", bound=BaseModel)


def knowledge_version(directory: Path) -> str:
    """SHA-256 over the names and bytes of every knowledge file, in a fixed order."""
    digest = hashlib.sha256()
    for name in KNOWLEDGE_FILES:
        path = directory / name
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes() if path.exists() else b"")
        digest.update(b"\0")
    return digest.hexdigest()


def load_knowledge_base(directory: Path) -> KnowledgeBase:
    """Read, validate and cross-check every file of the knowledge directory.

    >>> kb = load_knowledge_base(Path("knowledge"))
    >>> kb.characteristic("1.2.1").name
    'Integrated governance for city-wide change'
    """
    dimensions = _read_list(directory, "dimensions.json", "dimensions", Dimension)
    levels_doc = _read_json(directory, "levels.json")
    level_names = _parse_list(levels_doc, "levels.json", "levels", LevelName)
    families = _parse_list(levels_doc, "levels.json", "families", LevelFamily)
    characteristics: list[Characteristic] = []
    for name in CHARACTERISTIC_FILES:
        document = _read_json(directory, name)
        parsed = _parse_list(document, name, "characteristics", Characteristic)
        for index, characteristic in enumerate(parsed):
            if characteristic.dimension != str(document.get("dimension")):
                raise KnowledgeBaseError(
                    f"{name}: characteristics[{index}].id '{characteristic.id}' is not in dimension "
                    f"'{document.get('dimension')}' declared by the file"
                )
        characteristics.extend(parsed)
    kb = KnowledgeBase(
        version=knowledge_version(directory),
        dimensions=dimensions,
        level_names=level_names,
        families=families,
        characteristics=characteristics,
        standards=_read_list(directory, "standards.json", "standards", Standard),
        annex_b=_read_list(directory, "annex_b.json", "entries", AnnexBEntry),
        annex_c=_read_list(directory, "annex_c.json", "functions", AnnexCFunction),
    )
    check_cross_references(kb)
    return kb


def _read_json(directory: Path, name: str) -> dict[str, Any]:
    path = directory / name
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise KnowledgeBaseError(f"{name}: file is missing from {directory}") from error
    except UnicodeDecodeError as error:
        raise KnowledgeBaseError(f"{name}: not valid UTF-8 at byte {error.start} ({error.reason}); save the file "
                                 "as UTF-8") from error
    except OSError as error:
        raise KnowledgeBaseError(f"{name}: cannot be read from {directory} ({error.strerror or error})") from error
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise KnowledgeBaseError(f"{name}: invalid JSON at {where}: {error.msg}") from error
    if not isinstance(document, dict):
        raise KnowledgeBaseError(f"{name}: the top level must be a JSON object")
    return document


def _read_list(directory: Path, name: str, key: str, model: type[Model]) -> list[Model]:
    return _parse_list(_read_json(directory, name), name, key, model)


def _parse_list(document: dict[str, Any], name: str, key: str, model: type[Model]) -> list[Model]:
    items = document.get(key)
    if not isinstance(items, list):
        raise KnowledgeBaseError(f"{name}: field '{key}' must be a list")
    parsed = []
    for index, item in enumerate(items):
        try:
            parsed.append(model.model_validate(item))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            field = f"{key}[{index}]" + (f".{where}" if where else "")
            raise KnowledgeBaseError(f"{name}: {field}: {first['msg']}") from error
    return parsed
