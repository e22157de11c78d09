"""A broken knowledge file is refused with a message naming the file and the field."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.errors import KnowledgeBaseError
from bot.knowledge import load_knowledge_base
from tests.conftest import KNOWLEDGE_DIR

DIM1 = "characteristics/1-strategy-management.json"


def corrupt(tmp_path: Path, name: str, change: Callable[[Any], None]) -> Path:
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, copy)
    document = json.loads((copy / name).read_text())
    change(document)
    (copy / name).write_text(json.dumps(document))
    return copy


def refused(directory: Path) -> str:
    with pytest.raises(KnowledgeBaseError) as error:
        load_knowledge_base(directory)
    return str(error.value)


def test_invalid_json_names_file_and_line(tmp_path: Path) -> None:
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, copy)
    (copy / "annex_c.json").write_text('{"functions": [')
    message = refused(copy)
    assert "annex_c.json" in message and "line 1" in message


def test_missing_file(tmp_path: Path) -> None:
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, copy)
    (copy / "levels.json").unlink()
    assert "levels.json: file is missing" in refused(copy)


def test_empty_criteria_names_the_field(tmp_path: Path) -> None:
    def blank(doc: Any) -> None:
        doc["characteristics"][2]["levels"][3]["criteria"] = ""

    message = refused(corrupt(tmp_path, DIM1, blank))
    assert DIM1 in message and "characteristics[2].levels.3.criteria" in message


def test_four_levels_are_refused(tmp_path: Path) -> None:
    message = refused(corrupt(tmp_path, DIM1, lambda doc: doc["characteristics"][0]["levels"].pop()))
    assert "characteristics[0].levels" in message and "1-5" in message


def test_duplicate_characteristic_id(tmp_path: Path) -> None:
    def duplicate(doc: Any) -> None:
        doc["characteristics"][1]["id"] = doc["characteristics"][0]["id"]

    message = refused(corrupt(tmp_path, DIM1, duplicate))
    assert "unique" in message and "1.1.1" in message


def test_missing_characteristic_breaks_the_count(tmp_path: Path) -> None:
    message = refused(corrupt(tmp_path, DIM1, lambda doc: doc["characteristics"].pop()))
    assert "25 smart enablers" in message


def test_unknown_standard_in_annex_b(tmp_path: Path) -> None:
    def typo(doc: Any) -> None:
        doc["entries"][0]["standard"] = "ISO/30145"

    message = refused(corrupt(tmp_path, "annex_b.json", typo))
    assert "annex_b.json" in message and "ISO/30145" in message and "standards.json" in message


def test_unknown_sub_dimension(tmp_path: Path) -> None:
    def move(doc: Any) -> None:
        doc["characteristics"][0]["sub_dimension"] = "1.9"

    assert "sub_dimension '1.9'" in refused(corrupt(tmp_path, DIM1, move))


def test_purpose_without_annex_c_function(tmp_path: Path) -> None:
    def drop(doc: Any) -> None:
        doc["functions"] = [f for f in doc["functions"] if f["purpose"] != "4.6"]

    assert "purposes with no ISO 18091 function: 4.6" in refused(corrupt(tmp_path, "annex_c.json", drop))
