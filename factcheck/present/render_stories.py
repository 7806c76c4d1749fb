"""Rich renderings of stories: the list of stories, and one story's propositions."""
from __future__ import annotations

from collections import Counter

from rich.table import Table
from rich.text import Text

from .inert import inert
from .render import claim_id_text, kind_text, whole_words


def stories_table(rows: list[dict]) -> Table:
    """Stories with their dates, articles, outlets, claims, agreements and contradictions."""
    table = Table(title="Stories", expand=True)
    table.add_column("id", justify="right", style="bold")
    table.add_column("story", ratio=2, overflow="fold")
    table.add_column("dates", max_width=10, overflow="fold")
    table.add_column("art.", justify="right")
    table.add_column("outlets", ratio=1, overflow="fold")
    table.add_column("claims", justify="right")
    table.add_column("=", justify="right", style="green")
    table.add_column("≠", justify="right", style="red")
    for row in rows:
        dates = row["first"] or ""
        if row["last"] and row["last"] != row["first"]:
            dates += f" – {row['last']}"
        table.add_row(str(row["id"]), inert(row["title"]), inert(dates), str(len(row["articles"])),
                      inert(", ".join(row["outlets"])), str(row["claims"]), str(row["agree"]), str(row["contradict"]))
    return table


OUTLET_COLUMN = 18  # the narrowest column one outlet's claims read well in


def story_view(story: dict, propositions: list[dict], width: int = 80) -> list:
    """A story's articles, then its propositions: one row each, with a column per outlet (what it
    says, who says it) when the outlets fit in `width`, else one block each with a line per outlet."""
    articles = {a["id"]: a for a in story["articles"]}
    header = Text(f"Story {story['id']}: ", style="bold") + inert(story["title"])
    listing = Table(title="Articles", expand=True)
    listing.add_column("id", justify="right", style="bold")
    listing.add_column("title", ratio=1, overflow="fold")
    listing.add_column("outlet", max_width=16, overflow="fold")
    listing.add_column("date", max_width=10)
    for a in story["articles"]:
        listing.add_row(str(a["id"]), inert(a["title"]), inert(a["outlet"]), inert(a["published"]))
    marks = [_mark(p) for p in propositions]
    number = max((m.cell_len for m in marks), default=1)
    columns = len(articles) * (OUTLET_COLUMN + 3) + number + 4  # each column is padded and ruled
    if columns <= width:
        table = _outlet_columns(story["articles"], propositions, marks, number)
    else:
        table = _outlet_lines(articles, propositions, marks, number)
    return [header, listing, table]


def _outlet_columns(articles: list[dict], propositions: list[dict], marks: list[Text], number: int) -> Table:
    """Propositions as rows, articles as columns."""
    table = Table(title="Propositions", expand=True, show_lines=True)
    table.add_column("#", justify="right", style="bold", no_wrap=True, width=number)
    labels = _labels(articles)
    for article in articles:
        table.add_column(inert(labels[article["id"]]), ratio=1, overflow="fold", min_width=OUTLET_COLUMN)
    for proposition, mark in zip(propositions, marks):
        said = {c["article_id"]: c for c in proposition["claims"]}
        table.add_row(mark, *(_said(said[a["id"]]) if a["id"] in said else "" for a in articles))
    return table


def _outlet_lines(articles: dict[int, dict], propositions: list[dict], marks: list[Text], number: int) -> Table:
    """Propositions as blocks, each with a line per article that reports it."""
    table = Table(title="Propositions", expand=True)
    table.add_column("#", justify="right", style="bold", no_wrap=True, width=number)
    claims = [c for p in propositions for c in p["claims"]]
    labels = _labels(articles.values())
    table.add_column("from", max_width=12, overflow="fold", min_width=whole_words(
        labels[c["article_id"]] for c in claims))
    table.add_column("claim", ratio=3, overflow="fold")
    table.add_column("source", ratio=1, overflow="fold", width=max(14, whole_words(c["source"] for c in claims)))
    for proposition, mark in zip(propositions, marks):
        for row, claim in enumerate(proposition["claims"]):
            table.add_row(mark if row == 0 else "", inert(labels[claim["article_id"]]),
                          claim_id_text(claim["id"]) + inert(claim["text"]),
                          inert(claim["source"]) if claim["source"] else kind_text(claim["kind"]))
        table.add_section()
    return table


def _said(claim: dict) -> Text:
    """What one article says in a proposition, and who says it."""
    who = inert(claim["source"], style="italic") if claim["source"] else kind_text(claim["kind"])
    return claim_id_text(claim["id"]) + inert(claim["text"]) + Text("\n— ") + who


def _labels(articles) -> dict[int, str]:
    """Each article's outlet (or `article N`), with its id when two articles share an outlet."""
    articles = list(articles)
    shared = Counter(_short(a) for a in articles)
    return {a["id"]: _short(a) + (f" ({a['id']})" if shared[_short(a)] > 1 else "") for a in articles}


def _mark(proposition: dict) -> Text:
    """The proposition's number, with what it contradicts (≠, red) or how many articles agree (=)."""
    mark = Text(str(proposition["id"]))
    if proposition["contradicts"]:
        mark.append(" ≠" + ",".join(map(str, proposition["contradicts"])), style="red")
    elif proposition["articles"] > 1:
        mark.append(f" ={proposition['articles']}", style="green")
    return mark


def _short(article: dict) -> str:
    return article["outlet"] or f"article {article['id']}"
