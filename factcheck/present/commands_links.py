"""Commands for matches a person confirms: `links` lists them, `link confirm|reject` decides."""
from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.progress import track
from rich.text import Text

from ..errors import FactcheckError
from ..store.link_reviews import parse_link_id
from . import render
from .common import JsonOption, app, console, err_console, friendly, open_store, print_json

# A group of its own, so that more `link` subcommands (a second linking pass) can join it.
link_app = typer.Typer(help="Confirm or reject a suggested agreement or contradiction; match articles stored "
                             "with matching off.", no_args_is_help=True)
app.add_typer(link_app, name="link")


def _pair(value: str) -> tuple[int, int]:
    try:
        return parse_link_id(value)
    except FactcheckError as error:
        raise typer.BadParameter(str(error)) from None


LinkArg = Annotated[str, typer.Argument(
    help="The link: its two claim ids, like 12-40 (`factcheck links` lists them).", metavar="LINK_ID")]
ByOption = Annotated[Optional[str], typer.Option(
    help="Reviewer (default: $FACTCHECK_REVIEWER, else your login).")]


def _decide(link: str, decision: str, by: Optional[str]) -> None:
    row = open_store().review_link(*_pair(link), decision, reviewer=by)
    err_console.print(Text(f"link {row['id']} {decision}: {row['relation']} between claim {row['claim_id']} "
                           f"(article {row['article_id']}) and claim {row['other_id']} "
                           f"(article {row['other_article']})"), highlight=False, soft_wrap=True)


@link_app.command(name="confirm")
@friendly
def link_confirm(link: LinkArg, by: ByOption = None) -> None:
    """Confirm a link: a person agrees the two claims agree (or contradict) as matching said."""
    _decide(link, "confirmed", by)


@link_app.command(name="reject")
@friendly
def link_reject(link: LinkArg, by: ByOption = None) -> None:
    """Reject a link: it is never shown as agreement or contradiction again, even when re-made."""
    _decide(link, "rejected", by)


def link_articles(store, article_ids: list[int]) -> list[dict]:
    """Run the linking pass over these articles, with a progress bar when there are many; the
    article id and number of links of each."""
    items = track(article_ids, description="matching", console=err_console) if len(article_ids) > 1 else article_ids
    return [{"article_id": r.article_id, "links": r.links} for r in store.link_pending(items)]


@link_app.command(name="pending")
@friendly
def link_pending(json_: JsonOption = False) -> None:
    """Match the claims of the articles stored with matching off (`ingest --no-link`, or an
    ingest interrupted before its matching) with those of their stories."""
    store = open_store()
    rows = link_articles(store, store.pending_links())
    if json_:
        print_json(rows)
    err_console.print(f"matched {len(rows)} article(s): {sum(r['links'] for r in rows)} link(s)", highlight=False)


@app.command(name="links")
@friendly
def links_list(
    article: Annotated[Optional[str], typer.Argument(help="Article id or title prefix (default: all).")] = None,
    pending: Annotated[bool, typer.Option("--pending", help="Only links no one has confirmed or rejected.")] = False,
    rejected: Annotated[bool, typer.Option("--rejected", help="Only links a person rejected.")] = False,
    json_: JsonOption = False,
) -> None:
    """List agreements and contradictions between articles: suggested (by matching) or confirmed."""
    if pending and rejected:
        raise typer.BadParameter("choose one of --pending and --rejected", param_hint="--pending")
    store = open_store()
    article_id = store.resolve_article(article) if article else None
    rows = store.matches(article_id, "suggested" if pending else "rejected" if rejected else None)
    if json_:
        print_json(rows)
    elif not rows:
        err_console.print("no links" + (" waiting for a decision" if pending else ""), highlight=False)
    else:
        console.print(render.matches_table(rows))
