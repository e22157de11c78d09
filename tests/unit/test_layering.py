"""The product's parts depend on each other one way: no two import each other, and the core never imports
an adapter. Read from the source (`tests/support/imports.py`), lazy and type-checking imports included."""

from __future__ import annotations

from pathlib import Path

from bot.config import PROJECT_ROOT
from tests.support.imports import (
    adapter_imports_in_core,
    cycles,
    module_imports,
    tree_modules,
    unit_graph,
    unit_of,
)

BOT = PROJECT_ROOT / "bot"


def test_no_two_parts_of_the_product_import_each_other() -> None:
    graph = unit_graph(module_imports(BOT), tree_modules(BOT))
    assert {"bot.interview", "bot.storage", "bot.services", "bot.adapters.slack"} <= set(graph)
    assert cycles(graph) == []


def test_no_core_module_imports_an_adapter() -> None:
    assert [str(edge) for edge in adapter_imports_in_core(module_imports(BOT))] == []


def test_the_interview_decides_without_storage_and_storage_keeps_without_the_services() -> None:
    graph = unit_graph(module_imports(BOT), tree_modules(BOT))
    assert not graph["bot.interview"] & {"bot.storage", "bot.services", "bot.context"}
    assert "bot.services" not in graph["bot.storage"]
    assert "bot.storage" in graph["bot.services"] and "bot.interview" in graph["bot.services"]


def _write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_checks_find_a_loop_a_lazy_import_and_an_adapter_imported_by_the_core(tmp_path: Path) -> None:
    root = tmp_path / "bot"
    for package in ("", "a/", "b/", "c/", "adapters/", "adapters/slack/"):
        _write(root, f"{package}__init__.py", "")
    _write(root, "a/x.py", "from bot.b.y import thing\n")
    _write(root, "b/y.py", "def thing():\n    from bot.c import z\n    return z\n")  # lazy: still a dependency
    _write(root, "c/z.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
           "    from bot.adapters.slack import app\nfrom ..a import x\n")  # relative: bot.a
    _write(root, "adapters/slack/app.py", "import json\n")
    edges = module_imports(root)
    assert cycles(unit_graph(edges, tree_modules(root))) == [["bot.a", "bot.b", "bot.c"]]
    assert {str(edge) for edge in adapter_imports_in_core(edges)} == {
        "bot.c.z:3 imports bot.adapters.slack", "bot.c.z:3 imports bot.adapters.slack.app"}
    assert unit_of("bot.adapters.slack.app") == "bot.adapters.slack" and unit_of("bot.config") == "bot.config"


def test_adapters_read_assessments_through_the_services_and_keep_only_channel_state_in_storage() -> None:
    channel_state = {"bot.storage", "bot.storage.database", "bot.storage.faults", "bot.storage.deliveries",
                     "bot.storage.display_names", "bot.storage.posted_cards"}
    modules = tree_modules(BOT)
    assert sorted({str(edge) for edge in module_imports(BOT) if unit_of(edge.importer).startswith("bot.adapters.")
                   and edge.imported in modules and unit_of(edge.imported) == "bot.storage"
                   and edge.imported not in channel_state}) == []


def test_adapters_neither_score_nor_store_a_result_themselves() -> None:
    scoring_and_keeping = {"bot.storage.results", "bot.storage.queries", "bot.scoring.score"}
    assert [str(edge) for edge in module_imports(BOT)
            if unit_of(edge.importer).startswith("bot.adapters.") and edge.imported in scoring_and_keeping] == []


def test_channels_take_the_interviews_words_from_wording_and_leave_building_replies_to_it() -> None:
    edges = module_imports(BOT)
    assert [str(edge) for edge in edges if unit_of(edge.importer).startswith("bot.adapters.")
            and edge.imported == "bot.interview.replies"] == []
    assert {edge.importer for edge in edges if edge.imported == "bot.interview.wording"} >= {
        "bot.adapters.slack.card_blocks", "bot.adapters.terminal.render", "bot.interview.replies"}
