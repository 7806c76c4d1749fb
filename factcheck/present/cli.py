"""The `factcheck` command: reading, listing and showing articles; the other commands join from
commands_links, commands_matching, commands_stories and commands_verdicts. Each parses options, calls the library, prints."""
from __future__ import annotations

import sys
from itertools import chain
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import track
from rich.text import Text

from ..errors import InputError
from ..extract import extract
from ..model import SOURCE_KINDS
from ..read import DEFAULT_MAX_BYTES, Document, article_files, read_document, read_stdin
from ..store.search_query import SearchSyntaxError
from ..store.verification import STATUSES
from . import commands_frames, commands_links, commands_matching, commands_revisions, commands_stories, commands_verdicts  # noqa: F401  they add their commands
from . import render, render_revisions
from .common import (ArticleArg, ColorOption, JsonOption, app, check_date, choice_option, console, err_console,
                     friendly, open_store, print_json, to_json, use_color)
from .inert import inert

SHOWN_ONE_BY_ONE = 20  # ingest reports each article up to this many files, then a summary
LimitOption = Annotated[Optional[int], typer.Option(help="At most this many rows (default: all).", min=0)]
OffsetOption = Annotated[int, typer.Option(help="Skip this many rows first.", min=0)]


@app.command()
@friendly
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (.txt, .md, .html), or - for stdin.")],
    title: Annotated[Optional[str], typer.Option(help="Title (default: the headline, else the file name).")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Who published it.")] = None,
    url: Annotated[Optional[str], typer.Option(help="Where it was published.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date, YYYY-MM-DD.", metavar="DATE",
                                                     callback=check_date)] = None,
    force: Annotated[bool, typer.Option(help="Extract again an article already stored: claims found again keep "
                                             "their ids and verdicts, the others are retired.")] = False,
    max_bytes: Annotated[int, typer.Option(help="Refuse files larger than this.", min=1)] = DEFAULT_MAX_BYTES,
    link: Annotated[bool, typer.Option(help="Match the stored articles' claims with those of their stories once "
                                            "all are stored (--no-link: later, with `factcheck link pending`).")]
    = True,
) -> None:
    """Extract claims from articles and store them (each article all or nothing, searchable at once),
    then match their claims across articles."""
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
    stdin = read_stdin(sys.stdin.buffer, max_bytes) if "-" in files else None
    skipped: list[str] = []

    def readable():
        items = track(files, description="ingesting", console=err_console) if len(files) > 1 else files
        for path in items:
            try:
                document = read_document(path, max_bytes, stdin)
            except InputError as error:
                if not from_folder and len(files) == 1:
                    raise
                err_console.print(Text("skipped: ", style="red") + inert(str(error), one_line=True), soft_wrap=True,
                                  highlight=False)
                skipped.append(path)
                continue
            print_warnings(document)
            yield {"text": document.text, "title": title or document.title, "name": document.name,
                   "outlet": outlet or document.outlet, "url": url or document.url,
                   "published": published or document.published, "path": document.path,
                   "byline": document.byline, "force": force, "link": False}

    documents = readable()
    first = next(documents, None)  # the database is created only once there is an article to store
    store = open_store(create=True) if first else None
    results = store.ingest_many(chain([first], documents)) if first else []
    to_link = []
    counts = {"stored": 0, "revised": 0, "re-extracted": 0, "unchanged": 0}
    for result in results:
        outcome = "stored" if result.created else "re-extracted" if result.replaced else \
            "revised" if result.changes else "unchanged"
        counts[outcome] += 1
        if outcome != "unchanged":
            to_link.append(result.article_id)
        if len(files) <= SHOWN_ONE_BY_ONE:
            said = render_revisions.changes_said
            detail = f" ({result.claims} claims)" if outcome == "stored" else \
                f" ({result.claims} claims: {said(result.changes, zeros=False)})" if outcome == "re-extracted" else \
                ", already stored (use --force to extract again)" if outcome == "unchanged" else \
                f": revision {result.revision}, claims {said(result.changes)}"
            err_console.print(inert(f"{outcome} article {result.article_id} {result.title!r}{detail}"))
    if len(files) > SHOWN_ONE_BY_ONE:
        err_console.print(", ".join(f"{n} {what}" for what, n in counts.items()) + f", {len(skipped)} skipped")
    if to_link and link:
        commands_links.link_articles(store, to_link)
    elif to_link:
        err_console.print(f"{len(to_link)} article(s) wait for matching: `factcheck link pending` matches them",
                          highlight=False)
    if skipped:
        raise typer.Exit(1)


def print_warnings(document: Document) -> None:
    """What reading the document noticed (bad bytes replaced, a guessed encoding), a line each."""
    for warning in document.warnings:
        err_console.print(Text("warning: ", style="yellow") + Text(warning), soft_wrap=True, highlight=False)


@app.command()
@friendly
def articles(limit: LimitOption = None, offset: OffsetOption = 0, json_: JsonOption = False) -> None:
    """List stored articles with their byline, dateline place and wire, and their counts of claims and sources."""
    rows = open_store().articles(limit, offset)
    print_json(rows) if json_ else console.print(render.articles_table(rows))


@app.command()
@friendly
def claims(
    article: Annotated[Optional[str], typer.Argument(help="Article id or title prefix (default: all).")] = None,
    kind: Annotated[Optional[str], choice_option(SOURCE_KINDS, "Only this kind of source.")] = None,
    source: Annotated[Optional[str], typer.Option(help="Only sources whose name contains this.")] = None,
    status: Annotated[Optional[str], choice_option(STATUSES, "Only claims with this status.")] = None,
    corroboration: Annotated[bool, typer.Option(
        "--corroboration", help="Count the other articles and independent sources that agree (+) "
                                "or contradict (-) each claim; ✓: how many of those a person confirmed.")] = False,
    retired: Annotated[bool, typer.Option(
        "--retired", help="Also the claims newer revisions of their article no longer hold.")] = False,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    json_: JsonOption = False,
) -> None:
    """List claims with their source, cue and kind of source."""
    if corroboration and not article:
        raise typer.BadParameter("name an article to count corroboration for", param_hint="--corroboration")
    store = open_store()
    article_id = store.resolve_article(article) if article else None
    if corroboration:
        wanted = {r["id"] for r in store.claims(article_id, kind=kind, source=source, status=status,
                                                limit=limit, offset=offset)}
        rows = [r for r in store.corroboration(article_id) if r["id"] in wanted]
    else:
        rows = store.claims(article_id, kind=kind, source=source, status=status, retired=retired,
                            limit=limit, offset=offset)
    print_json(rows) if json_ else console.print(render.claims_table(rows))


@app.command()
@friendly
def sources(
    article: Annotated[Optional[str], typer.Argument(help="Article id or title prefix (default: all).")] = None,
    json_: JsonOption = False,
) -> None:
    """List who is cited, how often and as what kind of source (merged across articles)."""
    store = open_store()
    rows = store.sources(store.resolve_article(article) if article else None)
    print_json(rows) if json_ else console.print(render.sources_table(rows))


@app.command()
@friendly
def show(
    article: ArticleArg,
    highlight: Annotated[bool, typer.Option(help="Colour claims by source kind; bold sources, italic cues.")] = False,
    revisions: Annotated[bool, typer.Option("--revisions", help="List the article's revisions and what each "
                                                                  "changed.")] = False,
    revision: Annotated[Optional[int], typer.Option(help="Print the text of this revision.", min=1)] = None,
    color: ColorOption = None,
    json_: JsonOption = False,
) -> None:
    """Print an article's text, optionally with its claims highlighted (`--color always` keeps the
    colours when piped, as into `less -R`), or its revisions."""
    if color:
        use_color(color)
    store = open_store()
    row = store.article(store.resolve_article(article))
    if revisions or revision is not None:
        _show_revisions(store, row, revision, json_)
        return
    claims_rows = store.claims(row["id"])
    if json_:
        print_json({**row, "sentences": store.sentences(row["id"]), "claims": claims_rows})
        return
    console.rule(inert(f"{row['id']}: {row['title']}"))
    if highlight:
        console.print(render.highlighted_article(row["text"], claims_rows, store.sentences(row["id"])))
        console.print(render.legend())
    else:
        console.print(inert(row["text"]))


def _show_revisions(store, row: dict, number: int | None, json_: bool) -> None:
    """`show --revisions` (the list) or `show --revision N` (one revision's text)."""
    if number is None:
        rows = store.revisions(row["id"])
        print_json(rows) if json_ else console.print(render_revisions.revisions_table(row, rows))
        return
    text = store.revision_text(row["id"], number)
    if json_:
        claims_rows = [c for c in store.claims(row["id"], retired=True) if c["revision"] == number]
        print_json({"id": row["id"], "revision": number, "text": text, "claims": claims_rows})
        return
    console.rule(inert(f"{row['id']}: {row['title']} (revision {number})"))
    console.print(inert(text))


@app.command(name="extract")
@friendly
def extract_command(
    path: Annotated[str, typer.Argument(help="A file, or - for stdin.")],
    json_: Annotated[bool, typer.Option("--json", help="One JSON object per claim per line.")] = False,
    frames: Annotated[bool, typer.Option("--frames", help='With --json, add one {"frame": ...} line per '
                                         "attribution frame (noun-phrase contents included).")] = False,
    max_bytes: Annotated[int, typer.Option(help="Refuse files larger than this.", min=1)] = DEFAULT_MAX_BYTES,
) -> None:
    """Run the extraction alone on one article; nothing is stored."""
    if frames and not json_:
        raise typer.BadParameter("--frames goes with --json", param_hint="--frames")
    stdin = read_stdin(sys.stdin.buffer, max_bytes) if path == "-" else None
    document = read_document(path, max_bytes, stdin)
    print_warnings(document)
    found = extract(document.text)
    if json_:
        lines = [c.to_dict() for c in found.claims] + ([{"frame": f.to_dict()} for f in found.frames] if frames else [])
        sys.stdout.write("".join(to_json(line) + "\n" for line in lines))
        return
    rows = [{"id": i, "text": c.text, **c.attribution.to_dict(), "source_text": c.attribution.source_span
             and c.attribution.source_span.text} for i, c in enumerate(found.claims, 1)]
    console.print(render.claims_table(rows, title=f"Claims in {document.name}"))


@app.command()
@friendly
def search(
    query: Annotated[str, typer.Argument(help='Words (all of them), "a phrase", OR, NOT, AND, ( ), prefix*.')],
    limit: Annotated[int, typer.Option(help="At most this many hits.", min=1)] = 50,
    json_: JsonOption = False,
) -> None:
    """Full-text search over stored claims, best matches first; a word also finds its other forms
    (stems, and irregular ones: `policewomen` finds `policewoman`)."""
    try:
        rows = open_store().search(query, limit)
    except SearchSyntaxError as error:
        raise typer.BadParameter(str(error), param_hint="QUERY") from None
    if json_:
        print_json(rows)
    elif not rows:
        err_console.print(Text("no claims match ") + Text(repr(query)), highlight=False)
    else:
        console.print(render.search_table(rows))


@app.command()
@friendly
def demo(folder: Annotated[str, typer.Argument(help="The folder of demo articles.")] = "seeds") -> None:
    """Ingest the bundled seed articles and show the first one's claims."""
    files = [f for f in article_files(folder)] if Path(folder).is_dir() else []
    if not files:
        raise InputError(f"{folder}: no seed articles here; run demo from the factcheck checkout")
    store = open_store(create=True)
    first = None
    for path in track(files, description="ingesting seeds", console=err_console):
        document = read_document(path)
        result = store.ingest(document.text, name=document.name, path=document.path)
        first = first or result.article_id
    console.print(render.articles_table(store.articles()))
    console.print(render.claims_table(store.claims(first), title=f"Claims of article {first}"))


def at_a_terminal() -> bool:
    """Whether a person can answer a question on stdin."""
    return sys.stdin.isatty()


@app.command()
@friendly
def remove(
    article: ArticleArg,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove an article with its claims and links (refused once any claim has a verdict); asks
    first unless --yes."""
    store = open_store()
    article_id = store.resolve_article(article)
    title = store.article(article_id)["title"]
    if not yes:
        if not at_a_terminal():
            raise typer.BadParameter("not at a terminal to confirm; add --yes to remove", param_hint="--yes")
        if not typer.confirm(f"remove article {article_id} {title!r} with its claims and links?"):
            err_console.print("nothing removed", highlight=False)
            raise typer.Exit(1)
    store.delete_article(article_id)
    err_console.print(inert(f"removed article {article_id} {title!r}"))
