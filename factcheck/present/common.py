"""What every `factcheck` command shares: the app, the consoles, options, errors in one line."""
from __future__ import annotations

import functools
import json
import re
import sqlite3
import sys
from datetime import date
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.text import Text

from .. import __version__
from ..errors import FactcheckError
from ..store import Store
from .conventions import App, choice_option
from .inert import INVISIBLE, inert

app = App(help="Claims and their attribution from news articles, stored in SQLite.", no_args_is_help=True,
          rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]})
console = Console()
err_console = Console(stderr=True)
COLOR_MODES = ("auto", "always", "never")

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ArticleArg = Annotated[str, typer.Argument(help="Article id, or a unique prefix of its title or file name.")]


MAX_INTEGER = 2**63 - 1  # the largest id or count SQLite can hold


class State:
    db_path = "claims.db"


def friendly(command):
    """Turn library errors into one line on stderr and exit code 1 (Ctrl-C: 130)."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except FactcheckError as error:
            print_error(str(error))
            raise typer.Exit(1)
        except sqlite3.Error as error:
            print_error(f"database {State.db_path}: {error}")
            raise typer.Exit(1)
        except OverflowError:  # SQLite's integers are 64-bit; Python's are not
            print_error(f"{_too_large(kwargs.values())} is too large: ids and counts go up to {MAX_INTEGER}")
            raise typer.Exit(1)
        except KeyboardInterrupt:
            err_console.print("interrupted; whatever was stored before stays stored")
            raise typer.Exit(130)
    return wrapper


def _too_large(values) -> str:
    """The first argument beyond SQLite's integers, as it was written, or a description."""
    for value in values:
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if str(item).isascii() and str(item).isdigit() and int(item) > MAX_INTEGER:
                return str(item)
    return "a number given"


def print_error(message: str) -> None:
    """One line on stderr, never wrapped, never read as markup."""
    err_console.print(Text("error: ", style="red") + inert(message, one_line=True), soft_wrap=True, highlight=False)


def open_store(create: bool = False) -> Store:
    """The store at the --db path; only commands that add articles `create` it."""
    return Store(State.db_path, create=create)


_UNESCAPED_CONTROL = re.compile(f"[\x7f-\x9f{INVISIBLE}]")


def to_json(data, indent: int | None = None) -> str:
    """Data as JSON; DEL, the C1 controls, bidi controls and zero-width characters escaped too
    (JSON escapes only C0), so that no string from an article reaches the terminal as a control
    or reorders what it shows, yet every one decodes exactly."""
    return _UNESCAPED_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}",
                                  json.dumps(data, ensure_ascii=False, indent=indent))


def print_json(data) -> None:
    """Data as indented JSON on stdout."""
    sys.stdout.write(to_json(data, indent=2) + "\n")


def show_version(wanted: bool) -> None:
    """--version: print the version and stop."""
    if wanted:
        print(f"factcheck {__version__}")
        raise typer.Exit()


_AUTO_COLOR = {id(each): (each._force_terminal, each._color_system, each.no_color) for each in (console, err_console)}


def use_color(mode: Optional[str]) -> None:
    """--color: colour when stdout is a terminal (auto), always (piped into `less -R`), or never.
    Rich settles this when a console is made, before options are read, hence its private fields."""
    for each in (console, err_console):
        each._force_terminal, each._color_system, each.no_color = _AUTO_COLOR[id(each)]
        if mode == "always":
            each._force_terminal = True
            each._color_system = each._detect_color_system()
        elif mode == "never":
            each.no_color = True


ColorOption = Annotated[Optional[str], choice_option(
    COLOR_MODES, "Colour: when printing to a terminal (auto), always (for `less -R`), never.", flag="--color")]


@app.callback()
def main(
    db: Annotated[str, typer.Option("--db", envvar="FACTCHECK_DB", metavar="PATH",
                                    help="The database file.")] = "claims.db",
    color: ColorOption = None,
    version: Annotated[bool, typer.Option("--version", callback=show_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Claims and their attribution from news articles, stored in SQLite."""
    State.db_path = db
    use_color(color)


def check_date(value: Optional[str]) -> Optional[str]:
    """An ISO date, or a usage error (exit 2)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2015-01-08") from None
