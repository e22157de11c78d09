"""`mmssc knowledge list|show|export`: read the maturity model."""

from __future__ import annotations

from enum import StrEnum

import typer
from rich.markup import escape as e
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from bot.adapters.cli.common import console, print_json, state, user_errors
from bot.knowledge.export import export_knowledge_base

knowledge_app = typer.Typer(
    help="Browse the MMSSC knowledge base: dimensions, criteria, standards.", no_args_is_help=True
)


class ExportFormat(StrEnum):
    JSON = "json"


def register(app: typer.Typer) -> None:
    app.add_typer(knowledge_app, name="knowledge")


@knowledge_app.command("list")
def list_characteristics() -> None:
    """The tree of dimensions, sub-dimensions and the 31 characteristics."""
    with user_errors():
        kb = state.ctx.kb
        tree = Tree(f"[bold]MMSSC[/] — {len(kb.characteristics)} characteristics (knowledge {kb.short_version})")
        for dimension in kb.dimensions:
            branch = tree.add(f"[bold]{dimension.id}. {e(dimension.name)}[/] ({dimension.kind.value})")
            for sub in dimension.sub_dimensions:
                members = kb.characteristics_in_sub_dimension(sub.id)
                if len(members) == 1 and members[0].id == sub.id:
                    branch.add(f"[cyan]{sub.id}[/] {e(sub.name)}")
                    continue
                leaf = branch.add(f"{sub.id} {e(sub.name)}")
                for c in members:
                    leaf.add(f"[cyan]{c.id}[/] {e(c.name)}")
        console.print(tree)


@knowledge_app.command("show")
def show_characteristic(characteristic_id: str = typer.Argument(..., help="e.g. 1.2.1 or 4.3")) -> None:
    """One characteristic: its question, the criteria of all five levels, and the standards that help."""
    with user_errors():
        kb = state.ctx.kb
        c = kb.characteristic(characteristic_id)
        sub = kb.sub_dimension(c.sub_dimension)
        console.print(Panel.fit(
            f"[bold]{c.id} {e(c.name)}[/]\n{e(kb.dimension(c.dimension).name)} › {e(sub.name)}\n\n"
            f"[italic]{e(c.question)}[/]",
            title="Characteristic",
        ))
        table = Table(show_lines=True, expand=True)
        table.add_column("Level", no_wrap=True)
        table.add_column("Criteria (Annex A)")
        for level in c.levels:
            table.add_row(f"{level.level} {e(kb.level_name(level.level))}", Text(level.criteria))
        console.print(table)
        for note in c.notes:
            console.print(f"[dim]Note: {e(note)}[/]")
        entries = kb.annex_b_for_characteristic(c)
        if entries:
            console.print("[bold]Standards that help (Annex B)[/]")
            for entry in entries:
                ref = f" [{entry.ref}]" if entry.ref else ""
                console.print(f"• [cyan]{e(entry.standard + ref)}[/] {e(entry.guidance)}")
        functions = kb.annex_c_for_purpose(c.id)
        if functions:
            console.print("[bold]ISO 18091 local-government functions (Annex C)[/]")
            for function in functions:
                console.print(f"• [cyan]{e(function.code)}[/] {e(function.function)}")


@knowledge_app.command("export")
def export(
    format: ExportFormat = typer.Option(ExportFormat.JSON, "--format", help="Output format."),
) -> None:
    """The whole knowledge base as JSON on standard output."""
    with user_errors():
        print_json(export_knowledge_base(state.ctx.kb))
