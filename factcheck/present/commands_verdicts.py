"""Commands that record and export verdicts: verify, history, export, review."""
from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from ..errors import StoreError
from ..store.verification import STATUSES
from . import render, render_revisions
from .common import ArticleArg, JsonOption, app, choice_option, console, err_console, friendly, open_store, print_json
from .exports import as_csv, claim_reviews, script_safe_json

@app.command()
@friendly
def verify(
    claim_ids: Annotated[list[int], typer.Argument(help="One or more claim ids.")],
    status: Annotated[Optional[str], choice_option(STATUSES, "The verdict.")] = None,
    note: Annotated[Optional[str], typer.Option(help="Why, in a sentence.")] = None,
    evidence: Annotated[Optional[str], typer.Option(help="A link or reference that backs it.")] = None,
    by: Annotated[Optional[str], typer.Option(help="Reviewer (default: $FACTCHECK_REVIEWER, else your login).")] = None,
) -> None:
    """Record a verdict, note or evidence on claims; the history keeps every change."""
    store = open_store()
    before = {claim_id: store.claim(claim_id)["status"] for claim_id in claim_ids}
    store.verify(claim_ids, status, note=note, evidence=evidence, reviewer=by)
    for claim_id in claim_ids:
        unchanged = status == before[claim_id] and not note and not evidence
        err_console.print(f"claim {claim_id}: already {status}, nothing recorded" if unchanged
                          else f"claim {claim_id}: {store.claim(claim_id)['status']}", highlight=False)


@app.command()
@friendly
def history(claim_id: Annotated[int, typer.Argument(help="A claim id.")], json_: JsonOption = False) -> None:
    """Every change to a claim: who, when, from what to what, note and evidence; and what newer
    revisions of its article did to it."""
    store = open_store()
    claim, rows, revisions = store.claim(claim_id), store.history(claim_id), store.claim_revisions(claim_id)
    if json_:
        print_json({"claim": claim, "history": rows, "revisions": revisions})
    else:
        for part in render.history_view(claim, rows):
            console.print(part, soft_wrap=bool(getattr(part, "no_wrap", False)))
        console.print(render_revisions.claim_revisions_text(claim, revisions), end="", highlight=False)


EXPORT_FORMATS = ("json", "csv", "claimreview")


@app.command()
@friendly
def export(
    article: ArticleArg,
    format_: Annotated[str, choice_option(EXPORT_FORMATS, "claimreview: schema.org JSON-LD.", flag="--format")] = "json",
    org: Annotated[str, typer.Option(help="The fact-checking organisation (ClaimReview author).")] = "factcheck",
    review_url: Annotated[Optional[str], typer.Option(help="Where the reviews are published (ClaimReview url).")] = None,
    raw: Annotated[bool, typer.Option("--raw", help="CSV: write every cell exactly as stored, without the quote "
                                                    "that stops a spreadsheet running a cell as a formula.")] = False,
) -> None:
    """Export an article's claims with attribution, status, latest note and evidence."""
    store = open_store()
    article_id = store.resolve_article(article)
    rows = store.export_rows(article_id)
    if not rows:
        err_console.print(f"article {article_id} has no claims; nothing to export", highlight=False)
    if format_ == "csv":
        sys.stdout.write(as_csv(rows, raw=raw))
    elif format_ == "claimreview":
        if not review_url:
            raise typer.BadParameter("ClaimReview needs the address where the reviews are published",
                                     param_hint="--review-url")
        info = store.article(article_id)
        del info["text"]
        reviews = claim_reviews(rows, info, org, review_url)
        if rows and not reviews:
            err_console.print(f"no claim of article {article_id} has a verdict; nothing to export "
                              "(verify one first)", highlight=False)
        sys.stdout.write(script_safe_json(reviews) + "\n")
    else:
        print_json(rows)


@app.command()
@friendly
def review(
    article: ArticleArg,
    by: Annotated[Optional[str], typer.Option(help="Reviewer (default: $FACTCHECK_REVIEWER, else your login).")] = None,
) -> None:
    """Work through an article's claims in a full-screen view; every verdict is saved at once."""
    from .review import ReviewApp  # Textual loads only for this command

    store = open_store()
    if store.read_only:  # refused before the view opens, not at the first key press
        raise StoreError(f"{store.path}: read-only here; review records verdicts, so it needs to write")
    ReviewApp(store, store.resolve_article(article), reviewer=by).run()
