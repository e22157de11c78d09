"""How `mmssc --help` reads: conventional metavars (TEXT, PATH, [html|md]), nothing after flags, ASSESSMENT
rather than {assessment} in usage lines, and docstrings unwrapped into one paragraph per blank line.

Typer 0.29 prints `<bool>` after every flag, `<str>` after every text option and wraps required
arguments in braces. `HelpGroup` is the root command's class: before the command line is parsed it
gives every option and argument of the tree the small subclasses below, which only change how they
are displayed, never how they parse.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

from typer.core import TyperArgument, TyperGroup, TyperOption

_TYPE_NAMES = {"str": "TEXT", "int": "INTEGER", "float": "FLOAT", "path": "PATH", "file": "FILE",
               "dir": "DIRECTORY", "directory": "DIRECTORY", "datetime": "DATETIME", "uuid": "UUID",
               "int range": "INTEGER", "float range": "FLOAT"}  # typer adds the range itself: [1<=x<=20]


def conventional_metavar(param: TyperOption | TyperArgument, ctx: Any) -> str:
    """'TEXT', 'INTEGER', 'PATH' or '[html|md|csv]' for the value a parameter takes."""
    label = TyperOption.display_type(param, ctx).removeprefix("<").removesuffix(">")
    if param.type_descriptor.is_choice:
        return f"[{label.removeprefix('list[').removesuffix(']')}]"
    if label.startswith("list[") and label.endswith("]"):
        label = label[5:-1]
    return _TYPE_NAMES.get(label.lower(), label.upper())


class _Option(TyperOption):
    def display_type_rich(self, ctx: Any) -> str | None:
        if self.metavar is not None:
            return self.metavar
        if self.is_flag or self.count:
            return ""
        return conventional_metavar(self, ctx) + ("..." if self.nargs != 1 else "")


class _Argument(TyperArgument):
    @property
    def display_name_raw(self) -> str:
        return self.metavar or (self.name or "").upper()

    def display_type_rich(self, ctx: Any) -> str | None:
        metavar = conventional_metavar(self, ctx)
        return "" if metavar == "TEXT" else metavar  # the upper-case name says what text it is

    def _usage_display_name(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")


def unwrap_help(text: str | None) -> str | None:
    """A docstring as help: line breaks inside a paragraph become spaces; blank lines separate paragraphs."""
    if text is None:
        return None
    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(p if p.startswith("\b") else " ".join(p.split()) for p in paragraphs)


def _commands(command: Any) -> Iterator[Any]:
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _commands(sub)


def tidy_help(root: Any) -> None:
    """Give every parameter of the command tree its conventional help display (idempotent)."""
    for command in _commands(root):
        command.help = unwrap_help(command.help)
        command.short_help = unwrap_help(command.short_help)
        with command.context_class(command) as ctx:
            help_option = command.get_help_option(ctx)  # made once per command, then cached by it
        for param in [*command.params, help_option]:
            if type(param) is TyperOption:
                param.__class__ = _Option
            elif type(param) is TyperArgument:
                param.__class__ = _Argument


class HelpGroup(TyperGroup):
    """The root `mmssc` group: tidies the help of the whole tree, then runs as usual."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        tidy_help(self)
        return super().main(*args, **kwargs)
