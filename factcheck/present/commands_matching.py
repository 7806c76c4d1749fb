"""Commands that match claims across reports: compare, match, relate."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..match import relate as relate_claims
from . import render
from .render import RELATION_WORDS
from .common import JsonOption, ArticleArg, app, choice_option, console, friendly, open_store, print_json

COMPARE_ONLY = (*RELATION_WORDS, "unique")


@app.command()
@friendly
def compare(
    article_a: Annotated[str, typer.Argument(help="The first article (id or title prefix).")],
    article_b: Annotated[str, typer.Argument(help="The second article.")],
    only: Annotated[Optional[str], choice_option(COMPARE_ONLY, "Show only these.")] = None,
    json_: JsonOption = False,
) -> None:
    """Two reports side by side: what they agree on, where they contradict, what only one says."""
    store = open_store()
    comparison = store.compare(store.resolve_article(article_a), store.resolve_article(article_b))
    if json_:
        print_json(comparison.to_dict())
        return
    for part in render.comparison_view(comparison, only):
        console.print(part)


@app.command()
@friendly
def match(
    article: ArticleArg,
    relation: Annotated[Optional[str], choice_option(RELATION_WORDS, "Only links of this kind.")] = None,
    json_: JsonOption = False,
) -> None:
    """Every claim of an article against all stored claims of other articles."""
    store = open_store()
    article_id = store.resolve_article(article)
    rows = [r for r in store.links(article_id) if relation is None or r["relation"] == RELATION_WORDS[relation]]
    if json_:
        print_json(rows)
    else:
        console.print(render.links_table(rows, f"Claims of article {article_id} elsewhere"))


@app.command()
@friendly
def relate(
    claim_a: Annotated[str, typer.Argument(help="A claim.")],
    claim_b: Annotated[str, typer.Argument(help="Another claim.")],
    json_: JsonOption = False,
) -> None:
    """How two claims relate (agree, contradict, related, unrelated), with the reasons."""
    relation = relate_claims(claim_a, claim_b)
    if json_:
        print_json(relation.to_dict())
    else:
        console.print(render.relation_text(relation))
