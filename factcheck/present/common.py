"""What every `factcheck` command shares: the app, the consoles, options, errors in one line."""
from __future__ import annotations

import functools
import json
import sqlite3
import sys
from datetime import date
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.text import Text

from ..errors import FactcheckError
from ..store import Store

app = typer.Typer(help="Claims and their attribution from news articles, stored in SQLite.",
                  no_args_is_help=True, add_completion=False)
console = Console()
err_console = Console(stderr=True)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ArticleArg = Annotated[str, typer.Argument(help="Article id, or a unique prefix of its title or file name.")]


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
        except KeyboardInterrupt:
            err_console.print("interrupted; whatever was stored before stays stored")
            raise typer.Exit(130)
    return wrapper


def print_error(message: str) -> None:
    """One line on stderr, never wrapped, never read as markup."""
    err_console.print(Text("error: ", style="red") + Text(message), soft_wrap=True, highlight=False)


def open_store() -> Store:
    """The store at the --db path."""
    return Store(State.db_path)


def print_json(data) -> None:
    """Data as indented JSON on stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@app.callback()
def main(db: Annotated[str, typer.Option("--db", envvar="FACTCHECK_DB",
                                         help="The database file.")] = "claims.db") -> None:
    """Claims and their attribution from news articles, stored in SQLite."""
    State.db_path = db


def check_choice(value: Optional[str], choices: tuple[str, ...], option: str) -> None:
    """Usage error (exit 2) when an option's value is not one of its choices."""
    if value is not None and value not in choices:
        raise typer.BadParameter(f"{value!r} is not one of: {', '.join(choices)}", param_hint=option)


def check_date(value: Optional[str]) -> Optional[str]:
    """An ISO date, or a usage error (exit 2)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2015-01-08") from None
