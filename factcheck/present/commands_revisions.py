"""Commands on an article as it changes: its metadata edited in place."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from .common import ArticleArg, app, check_date, err_console, friendly, open_store
from .inert import inert


@app.command()
@friendly
def edit(
    article: ArticleArg,
    title: Annotated[Optional[str], typer.Option(help="New title.")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="New outlet (\"\" clears it).")] = None,
    url: Annotated[Optional[str], typer.Option(help="New url (\"\" clears it).")] = None,
    published: Annotated[Optional[str], typer.Option(help="New publication date, YYYY-MM-DD (\"\" clears it).",
                                                     callback=lambda v: v if v == "" else check_date(v))] = None,
) -> None:
    """Change an article's title, outlet, url or date; its claims and ids stay as they are."""
    store = open_store()
    row = store.edit_article(store.resolve_article(article), title=title, outlet=outlet, url=url,
                             published=published)
    err_console.print(inert(f"edited article {row['id']} {row['title']!r} (updated {row['updated_at']})"))
