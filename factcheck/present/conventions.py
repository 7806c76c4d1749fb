"""How the command line behaves, as sqlite-utils and llm users expect: plain help with click-style
metavars (`--limit INTEGER`, `--kind [named_person|...]`, `ARTICLE`), usage errors in one line,
and options whose values are one of a few words, checked, listed and offered by completion."""
from __future__ import annotations

import sys
from typing import Iterable, Optional

import typer
from typer._click import exceptions as click_errors  # typer vendors click (>= 0.26)
from typer.core import TyperArgument, TyperCommand, TyperGroup

_TYPE_NAMES = {int: "INTEGER", float: "FLOAT", str: "TEXT"}


def _plain_metavar(param) -> None:
    """Give a parameter the metavar click would show, unless it has one (or is a flag)."""
    if param.metavar is not None or getattr(param, "is_flag", False):
        return
    if isinstance(param, TyperArgument):
        param.metavar = param.name.upper()
        return
    annotation = param.type_descriptor.annotation
    item = getattr(annotation, "__args__", (annotation,))[0] if param.multiple else annotation
    param.metavar = _TYPE_NAMES.get(item, "TEXT")


def _help_rows(command, ctx) -> tuple[list, list]:
    """(arguments, options) as (name, help) rows; an argument's row shows only its metavar."""
    arguments, options = [], []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        if isinstance(param, TyperArgument):
            arguments.append((param.metavar + ("..." if param.nargs != 1 else ""), record[1]))
        else:
            options.append(record)
    return arguments, options


def _usage_pieces(command, ctx) -> list[str]:
    """The usage line as click writes it: `[OPTIONS] ARTICLE [MORE]...`."""
    pieces = [command.options_metavar] if command.options_metavar else []
    for param in command.get_params(ctx):
        if isinstance(param, TyperArgument):
            name = param.metavar if param.required else f"[{param.metavar}]"
            pieces.append(name + ("..." if param.nargs != 1 else ""))
        else:
            pieces += param.get_usage_pieces(ctx)
    return pieces


def _write_rows(formatter, arguments: list, options: list) -> None:
    for title, rows in (("Arguments", arguments), ("Options", options)):
        if rows:
            with formatter.section(title):
                formatter.write_dl(rows)


class Command(TyperCommand):
    """A subcommand with click-style metavars in its usage line and help."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            _plain_metavar(param)

    def collect_usage_pieces(self, ctx) -> list[str]:
        return _usage_pieces(self, ctx)

    def format_options(self, ctx, formatter) -> None:
        _write_rows(formatter, *_help_rows(self, ctx))


class Group(TyperGroup):
    """The `factcheck` group: click-style help, and every usage error as one line on stderr."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            _plain_metavar(param)

    def format_options(self, ctx, formatter) -> None:
        _write_rows(formatter, *_help_rows(self, ctx))
        self.format_commands(ctx, formatter)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click_errors.NoArgsIsHelpError as error:
            if not standalone_mode:
                raise
            error.show()
            code = error.exit_code
        except click_errors.UsageError as error:
            if not standalone_mode:
                raise
            from .common import print_error  # common builds the app from this module

            print_error(usage_message(error))
            code = error.exit_code
        except typer.Abort:
            if not standalone_mode:
                raise
            from .common import print_error

            print_error("aborted")
            code = 1
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


class App(typer.Typer):
    """A Typer app whose commands are `Command`s and whose group is a `Group`."""

    def __init__(self, **kwargs) -> None:
        super().__init__(cls=Group, **kwargs)

    def command(self, *args, **kwargs):
        kwargs.setdefault("cls", Command)
        return super().command(*args, **kwargs)


def usage_message(error) -> str:
    """A usage error in one line: `--kind: 'person' is not one of: ...`, `Missing argument 'ARTICLE'`."""
    if isinstance(error, typer.BadParameter) and not isinstance(error, click_errors.MissingParameter):
        hint = error.param_hint
        if hint is None and error.param is not None:
            hint = error.param.metavar if isinstance(error.param, TyperArgument) else max(error.param.opts, key=len)
        if isinstance(hint, (list, tuple)):
            hint = " / ".join(hint)
        return f"{hint}: {error.message}" if hint else error.message
    message = error.format_message().rstrip(".")
    if error.ctx is not None:
        message += f" (see '{error.ctx.command_path} --help')"
    return message


def choice_option(choices: Iterable[str], help: str, *, flag: Optional[str] = None):
    """An option whose value is one of `choices`: listed in --help as `[a|b|c]`, offered by
    shell completion, and refused in one line otherwise."""
    choices = tuple(choices)

    def check(value: Optional[str]) -> Optional[str]:
        if value is None:
            return None
        if value not in choices:
            raise typer.BadParameter(f"{value!r} is not one of: {', '.join(choices)}")
        return value

    def complete(incomplete: str) -> list[str]:
        return [c for c in choices if c.startswith(incomplete)]

    declarations = (flag,) if flag else ()
    return typer.Option(*declarations, help=help, metavar=f"[{'|'.join(choices)}]", callback=check,
                        autocompletion=complete)
