"""The `factcheck` command: a thin layer that parses options, calls the library, prints."""
from __future__ import annotations

import functools
import json
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import track
from rich.text import Text

from . import render
from ..model import SOURCE_KINDS
from ..errors import FactcheckError, InputError
from ..match.relate import relate as relate_claims
from ..extract.pipeline import extract
from ..read.files import DEFAULT_MAX_BYTES, article_files, read_document
from ..store.verification import STATUSES
from .exports import as_csv, claim_reviews
from ..store.storage import Store

app = typer.Typer(help="Claims and their attribution from news articles, stored in SQLite.",
                  no_args_is_help=True, add_completion=False)
console = Console()
err_console = Console(stderr=True)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ArticleArg = Annotated[str, typer.Argument(help="Article id, or a unique prefix of its title or file name.")]


SHOWN_ONE_BY_ONE = 20  # ingest reports each article up to this many files, then a summary


class _State:
    db_path = "claims.db"


def friendly(command):
    """Turn library errors into one line on stderr and exit code 1 (Ctrl-C: 130)."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except FactcheckError as error:
            _print_error(str(error))
            raise typer.Exit(1)
        except sqlite3.Error as error:
            _print_error(f"database {_State.db_path}: {error}")
            raise typer.Exit(1)
        except KeyboardInterrupt:
            err_console.print("interrupted; whatever was stored before stays stored")
            raise typer.Exit(130)
    return wrapper


def _print_error(message: str) -> None:
    """One line on stderr, never wrapped, never read as markup."""
    err_console.print(Text("error: ", style="red") + Text(message), soft_wrap=True, highlight=False)


def _store() -> Store:
    return Store(_State.db_path)


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@app.callback()
def main(db: Annotated[str, typer.Option("--db", envvar="FACTCHECK_DB",
                                         help="The database file.")] = "claims.db") -> None:
    """Claims and their attribution from news articles, stored in SQLite."""
    _State.db_path = db


def _check_choice(value: Optional[str], choices: tuple[str, ...], option: str) -> None:
    """Usage error (exit 2) when an option's value is not one of its choices."""
    if value is not None and value not in choices:
        raise typer.BadParameter(f"{value!r} is not one of: {', '.join(choices)}", param_hint=option)


def _check_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2015-01-08") from None


@app.command()
@friendly
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (.txt, .md, .html), or - for stdin.")],
    title: Annotated[Optional[str], typer.Option(help="Title (default: the headline, else the file name).")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Who published it.")] = None,
    url: Annotated[Optional[str], typer.Option(help="Where it was published.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date, YYYY-MM-DD.",
                                                     callback=_check_date)] = None,
    force: Annotated[bool, typer.Option(help="Extract again an article already stored.")] = False,
    max_bytes: Annotated[int, typer.Option(help="Refuse files larger than this.", min=1)] = DEFAULT_MAX_BYTES,
) -> None:
    """Extract claims from articles and store them (each article all or nothing)."""
    files, from_folder = [], False
    for path in paths:
        if path != "-" and Path(path).is_dir():
            found = article_files(path)
            if not found:
                raise InputError(f"{path}: no .txt, .md or .html files in this folder")
            files += found
            from_folder = True
        else:
            files.append(path)
    store = _store()
    stdin = sys.stdin.buffer.read() if "-" in files else None
    skipped: list[str] = []

    def readable():
        items = track(files, description="ingesting", console=err_console) if len(files) > 1 else files
        for path in items:
            try:
                document = read_document(path, max_bytes, stdin)
            except InputError as error:
                if not from_folder and len(files) == 1:
                    raise
                err_console.print(Text("skipped: ", style="red") + Text(str(error)), soft_wrap=True,
                                  highlight=False)
                skipped.append(path)
                continue
            yield {"text": document.text, "title": title, "name": document.name, "outlet": outlet,
                   "url": url, "published": published, "path": document.path, "force": force}

    counts = {"stored": 0, "re-extracted": 0, "unchanged": 0}
    for result in store.ingest_many(readable()):
        outcome = "stored" if result.created else "re-extracted" if result.replaced else "unchanged"
        counts[outcome] += 1
        if len(files) <= SHOWN_ONE_BY_ONE:
            detail = f" ({result.claims} claims)" if outcome != "unchanged" else \
                ", already stored (use --force to extract again)"
            err_console.print(f"{outcome} article {result.article_id} {result.title!r}{detail}", highlight=False)
    if len(files) > SHOWN_ONE_BY_ONE:
        err_console.print(", ".join(f"{n} {what}" for what, n in counts.items()) + f", {len(skipped)} skipped")
    if skipped:
        raise typer.Exit(1)


@app.command()
@friendly
def articles(json_: JsonOption = False) -> None:
    """List stored articles with their counts of claims and sources."""
    rows = _store().articles()
    _print_json(rows) if json_ else console.print(render.articles_table(rows))


@app.command()
@friendly
def claims(
    article: Annotated[Optional[str], typer.Argument(help="Article id or title prefix (default: all).")] = None,
    kind: Annotated[Optional[str], typer.Option(help="Only this kind of source: " + ", ".join(SOURCE_KINDS))] = None,
    source: Annotated[Optional[str], typer.Option(help="Only sources whose name contains this.")] = None,
    status: Annotated[Optional[str], typer.Option(help="Only claims with this status: " + ", ".join(STATUSES))] = None,
    corroboration: Annotated[bool, typer.Option(
        "--corroboration", help="Count the other articles and independent sources that agree (+) "
                                "or contradict (-) each claim.")] = False,
    json_: JsonOption = False,
) -> None:
    """List claims with their source, cue and kind of source."""
    _check_choice(kind, SOURCE_KINDS, "--kind")
    _check_choice(status, STATUSES, "--status")
    if corroboration and not article:
        raise typer.BadParameter("name an article to count corroboration for", param_hint="--corroboration")
    store = _store()
    article_id = store.resolve_article(article) if article else None
    if corroboration:
        wanted = {r["id"] for r in store.claims(article_id, kind=kind, source=source, status=status)}
        rows = [r for r in store.corroboration(article_id) if r["id"] in wanted]
    else:
        rows = store.claims(article_id, kind=kind, source=source, status=status)
    _print_json(rows) if json_ else console.print(render.claims_table(rows))


@app.command()
@friendly
def sources(
    article: Annotated[Optional[str], typer.Argument(help="Article id or title prefix (default: all).")] = None,
    json_: JsonOption = False,
) -> None:
    """List who is cited, how often and as what kind of source (merged across articles)."""
    store = _store()
    rows = store.sources(store.resolve_article(article) if article else None)
    _print_json(rows) if json_ else console.print(render.sources_table(rows))


@app.command()
@friendly
def show(
    article: ArticleArg,
    highlight: Annotated[bool, typer.Option(help="Colour claims by source kind; bold sources, italic cues.")] = False,
    json_: JsonOption = False,
) -> None:
    """Print an article's text, optionally with its claims highlighted."""
    store = _store()
    row = store.article(store.resolve_article(article))
    claims_rows = store.claims(row["id"])
    if json_:
        _print_json({**row, "sentences": store.sentences(row["id"]), "claims": claims_rows})
        return
    console.rule(f"{row['id']}: {row['title']}")
    if highlight:
        console.print(render.highlighted_article(row["text"], claims_rows, store.sentences(row["id"])))
        console.print(render.legend())
    else:
        console.print(row["text"], highlight=False, markup=False)


@app.command(name="extract")
@friendly
def extract_command(
    path: Annotated[str, typer.Argument(help="A file, or - for stdin.")],
    json_: Annotated[bool, typer.Option("--json", help="One JSON object per claim per line.")] = False,
    max_bytes: Annotated[int, typer.Option(help="Refuse files larger than this.", min=1)] = DEFAULT_MAX_BYTES,
) -> None:
    """Run the extraction alone on one article; nothing is stored."""
    stdin = sys.stdin.buffer.read() if path == "-" else None
    document = read_document(path, max_bytes, stdin)
    found = extract(document.text)
    if json_:
        sys.stdout.write("".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in found.claims))
        return
    rows = [{"id": i, "text": c.text, **c.attribution.to_dict(), "source_text": c.attribution.source_span
             and c.attribution.source_span.text} for i, c in enumerate(found.claims, 1)]
    console.print(render.claims_table(rows, title=f"Claims in {document.name}"))


@app.command()
@friendly
def search(
    query: Annotated[str, typer.Argument(help="Words to look for in claims.")],
    limit: Annotated[int, typer.Option(help="At most this many hits.", min=1)] = 50,
    json_: JsonOption = False,
) -> None:
    """Full-text search over stored claims, best matches first."""
    rows = _store().search(query, limit)
    _print_json(rows) if json_ else console.print(render.search_table(rows))


@app.command()
@friendly
def demo(folder: Annotated[str, typer.Argument(help="The folder of demo articles.")] = "seeds") -> None:
    """Ingest the bundled seed articles and show the first one's claims."""
    files = [f for f in article_files(folder)] if Path(folder).is_dir() else []
    if not files:
        raise InputError(f"{folder}: no seed articles here; run demo from the factcheck checkout")
    store = _store()
    first = None
    for path in track(files, description="ingesting seeds", console=err_console):
        document = read_document(path)
        result = store.ingest(document.text, name=document.name, path=document.path)
        first = first or result.article_id
    console.print(render.articles_table(store.articles()))
    console.print(render.claims_table(store.claims(first), title=f"Claims of article {first}"))


COMPARE_ONLY = ("contradictions", "agreements", "related", "unique")


@app.command()
@friendly
def compare(
    article_a: Annotated[str, typer.Argument(help="The first article (id or title prefix).")],
    article_b: Annotated[str, typer.Argument(help="The second article.")],
    only: Annotated[Optional[str], typer.Option(help="Show only: " + ", ".join(COMPARE_ONLY))] = None,
    json_: JsonOption = False,
) -> None:
    """Two reports side by side: what they agree on, where they contradict, what only one says."""
    _check_choice(only, COMPARE_ONLY, "--only")
    store = _store()
    comparison = store.compare(store.resolve_article(article_a), store.resolve_article(article_b))
    if json_:
        _print_json(comparison.to_dict())
        return
    for part in render.comparison_view(comparison, only):
        console.print(part)


@app.command()
@friendly
def match(
    article: ArticleArg,
    relation: Annotated[Optional[str], typer.Option(help="Only agree, contradict or related.")] = None,
    json_: JsonOption = False,
) -> None:
    """Every claim of an article against all stored claims of other articles."""
    store = _store()
    article_id = store.resolve_article(article)
    rows = [r for r in store.links(article_id) if relation is None or r["relation"] == relation]
    if json_:
        _print_json(rows)
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
        _print_json(relation.to_dict())
    else:
        console.print(render.relation_text(relation))


@app.command()
@friendly
def verify(
    claim_ids: Annotated[list[int], typer.Argument(help="One or more claim ids.")],
    status: Annotated[Optional[str], typer.Option(help="The verdict: " + ", ".join(STATUSES))] = None,
    note: Annotated[Optional[str], typer.Option(help="Why, in a sentence.")] = None,
    evidence: Annotated[Optional[str], typer.Option(help="A link or reference that backs it.")] = None,
    by: Annotated[Optional[str], typer.Option(help="Reviewer (default: $FACTCHECK_REVIEWER, else your login).")] = None,
) -> None:
    """Record a verdict, note or evidence on claims; the history keeps every change."""
    _check_choice(status, STATUSES, "--status")
    store = _store()
    store.verify(claim_ids, status, note=note, evidence=evidence, reviewer=by)
    for claim_id in claim_ids:
        err_console.print(f"claim {claim_id}: {store.claim(claim_id)['status']}", highlight=False)


@app.command()
@friendly
def history(claim_id: Annotated[int, typer.Argument(help="A claim id.")], json_: JsonOption = False) -> None:
    """Every change to a claim: who, when, from what to what, note and evidence."""
    store = _store()
    claim, rows = store.claim(claim_id), store.history(claim_id)
    if json_:
        _print_json({"claim": claim, "history": rows})
    else:
        console.print(render.history_table(claim, rows))


EXPORT_FORMATS = ("json", "csv", "claimreview")


@app.command()
@friendly
def export(
    article: ArticleArg,
    format_: Annotated[str, typer.Option("--format", help="json, csv or claimreview (schema.org JSON-LD).")] = "json",
    org: Annotated[str, typer.Option(help="The fact-checking organisation (ClaimReview author).")] = "factcheck",
    review_url: Annotated[Optional[str], typer.Option(help="Where the reviews are published (ClaimReview url).")] = None,
) -> None:
    """Export an article's claims with attribution, status, latest note and evidence."""
    _check_choice(format_, EXPORT_FORMATS, "--format")
    store = _store()
    article_id = store.resolve_article(article)
    rows = store.export_rows(article_id)
    if format_ == "csv":
        sys.stdout.write(as_csv(rows))
    elif format_ == "claimreview":
        if not review_url:
            raise typer.BadParameter("ClaimReview needs the address where the reviews are published",
                                     param_hint="--review-url")
        info = store.article(article_id)
        del info["text"]
        _print_json(claim_reviews(rows, info, org, review_url))
    else:
        _print_json(rows)


@app.command()
@friendly
def review(
    article: ArticleArg,
    by: Annotated[Optional[str], typer.Option(help="Reviewer (default: $FACTCHECK_REVIEWER, else your login).")] = None,
) -> None:
    """Work through an article's claims in a full-screen view; every verdict is saved at once."""
    from .review import ReviewApp  # Textual loads only for this command

    store = _store()
    ReviewApp(store, store.resolve_article(article), reviewer=by).run()


@app.command()
@friendly
def remove(article: ArticleArg) -> None:
    """Remove an article with its claims and links (refused once any claim has a verdict)."""
    store = _store()
    article_id = store.resolve_article(article)
    title = store.article(article_id)["title"]
    store.delete_article(article_id)
    err_console.print(f"removed article {article_id} {title!r}", highlight=False)
