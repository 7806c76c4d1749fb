"""Commands on an article as it changes: its metadata edited in place, its claims extracted again."""
from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.progress import track

from ..extract import EXTRACTOR
from .common import ArticleArg, JsonOption, app, check_date, err_console, friendly, open_store, print_json
from .inert import inert
from .render_revisions import changes_said

SHOWN_ONE_BY_ONE = 20  # reextract reports each article up to this many, then a summary


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


@app.command()
@friendly
def reextract(
    articles: Annotated[Optional[list[str]], typer.Argument(
        help="Article ids or title prefixes (default: every article an older extractor made, "
             "or one stored before frames were kept).")] = None,
    every: Annotated[bool, typer.Option("--all", help="Every stored article, whichever extractor made it.")] = False,
    json_: JsonOption = False,
) -> None:
    """Extract stored articles again with this version's extractor; claims found again keep their ids,
    verdicts and link decisions, claims no longer found are retired (kept, hidden)."""
    if articles and every:
        raise typer.BadParameter("name articles or give --all, not both", param_hint="--all")
    store = open_store()
    ids = [store.resolve_article(a) for a in articles] if articles else \
        [a["id"] for a in store.articles()] if every else store.outdated_articles()
    items = track(ids, description="re-extracting", console=err_console) if len(ids) > 1 else ids
    results = list(store.re_extract_many(items))
    for result in results:
        if result.refused:
            err_console.print(inert(f"left article {result.article_id} as it is: {result.refused}",
                                    style="red", one_line=True), soft_wrap=True)
        elif not json_ and len(results) <= SHOWN_ONE_BY_ONE:
            err_console.print(inert(f"re-extracted article {result.article_id} {result.title!r} "
                                    f"({result.claims} claims: {changes_said(result.changes, zeros=False)})"))
    done = [r for r in results if not r.refused]
    if json_:
        print_json([{"article_id": r.article_id, "title": r.title, "claims": r.claims, **r.changes} for r in done])
    elif not results:
        err_console.print(f"nothing to re-extract: every article was extracted by {EXTRACTOR}")
    elif len(results) > SHOWN_ONE_BY_ONE:
        totals = {what: sum(r.changes[what] for r in done) for what in ("kept", "changed", "appeared", "went")}
        err_console.print(f"re-extracted {len(done)} articles with {EXTRACTOR}: claims {changes_said(totals)}")
    if len(done) < len(results):
        raise typer.Exit(1)
