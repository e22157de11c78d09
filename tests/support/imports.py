"""The import graph of a source tree, read from the files (nothing is imported), to check its layering.

Every import counts: at the top of a module, inside a function (a lazy import) and under
`TYPE_CHECKING`, because each is a dependency a reader has to follow. Modules are grouped into units
(`unit_of`): a package directly below the root (`bot.storage`), an adapter (`bot.adapters.slack`), or a
module directly below the root (`bot.config`).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ADAPTERS = "adapters"


@dataclass(frozen=True)
class ImportEdge:
    importer: str  # the module that imports, e.g. "bot.storage.interviews"
    imported: str  # what it names, e.g. "bot.interview.state"
    line: int

    def __str__(self) -> str:
        return f"{self.importer}:{self.line} imports {self.imported}"


def module_name(root: Path, path: Path) -> str:
    """ "bot/storage/interviews.py" below the folder holding `root` -> "bot.storage.interviews"."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_imports(root: Path) -> list[ImportEdge]:
    """Every import of a module of the tree `root` (a package folder) of another module of that tree."""
    package = root.name
    edges = []
    for path in sorted(root.rglob("*.py")):
        importer = module_name(root, path)
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for imported in _names(node, importer, is_package):
                if imported == package or imported.startswith(f"{package}."):
                    edges.append(ImportEdge(importer, imported, node.lineno))
    return edges


def _names(node: ast.AST, importer: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level:  # a relative import: from the importer's package, `level - 1` packages up
        here = importer.split(".") if is_package else importer.split(".")[:-1]
        base = here[: len(here) - (node.level - 1)]
        module = ".".join([*base, node.module] if node.module else base)
    else:
        module = node.module or ""
    # "from bot.interview import replies" names a module; "from bot.errors import X" names a module's member
    return [f"{module}.{alias.name}" for alias in node.names] + [module]


def unit_of(module: str) -> str:
    """The unit a module belongs to: "bot.storage.review" -> "bot.storage", "bot.adapters.slack.app" ->
    "bot.adapters.slack", "bot.config" -> "bot.config"."""
    parts = module.split(".")
    depth = 3 if len(parts) > 2 and parts[1] == ADAPTERS else 2
    return ".".join(parts[:depth])


def unit_graph(edges: list[ImportEdge], known: set[str]) -> dict[str, set[str]]:
    """Which unit imports which; `known` are the tree's modules (a member named in an import is not one)."""
    graph: dict[str, set[str]] = {}
    for edge in edges:
        if edge.imported not in known:
            continue
        source, target = unit_of(edge.importer), unit_of(edge.imported)
        graph.setdefault(source, set())
        if source != target:
            graph[source].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of units that import each other, directly or round a loop (strongly connected components
    of more than one unit, Tarjan's algorithm), each sorted; [] for a layered tree."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(unit: str) -> None:
        index[unit] = low[unit] = len(index)
        stack.append(unit)
        for target in sorted(graph.get(unit, ())):
            if target not in index:
                visit(target)
                low[unit] = min(low[unit], low[target])
            elif target in stack:
                low[unit] = min(low[unit], index[target])
        if low[unit] == index[unit]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == unit:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for unit in sorted(graph):
        if unit not in index:
            visit(unit)
    return sorted(found)


def tree_modules(root: Path) -> set[str]:
    return {module_name(root, path) for path in root.rglob("*.py")}


def adapter_imports_in_core(edges: list[ImportEdge]) -> list[ImportEdge]:
    """Imports of an adapter by a module that is not one (`__main__`, the program's entry point, starts one)."""
    def in_adapters(module: str) -> bool:
        return module.split(".")[1:2] == [ADAPTERS]

    return [edge for edge in edges if in_adapters(edge.imported) and not in_adapters(edge.importer)
            and not edge.importer.endswith(".__main__")]
