"""Rich renderings of stories: the list of stories, and one story's propositions."""
from __future__ import annotations

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


def story_view(story: dict, propositions: list[dict]) -> list:
    """A story's articles, then its propositions: each with what every article says and who says it."""
    articles = {a["id"]: a for a in story["articles"]}
    header = Text(f"Story {story['id']}: ", style="bold") + inert(story["title"])
    listing = Table(title="Articles", expand=True)
    listing.add_column("id", justify="right", style="bold")
    listing.add_column("title", ratio=1, overflow="fold")
    listing.add_column("outlet", max_width=16, overflow="fold")
    listing.add_column("date", max_width=10)
    for a in story["articles"]:
        listing.add_row(str(a["id"]), inert(a["title"]), inert(a["outlet"]), inert(a["published"]))
    table = Table(title="Propositions", expand=True)
    table.add_column("#", justify="right", style="bold", no_wrap=True)
    claims = [c for p in propositions for c in p["claims"]]
    table.add_column("from", max_width=12, overflow="fold", min_width=whole_words(
        _short(articles[c["article_id"]]) for c in claims))
    table.add_column("claim", ratio=3, overflow="fold")
    table.add_column("source", ratio=1, overflow="fold", width=max(14, whole_words(c["source"] for c in claims)))
    for proposition in propositions:
        for row, claim in enumerate(proposition["claims"]):
            table.add_row(_mark(proposition) if row == 0 else "", inert(_short(articles[claim["article_id"]])),
                          claim_id_text(claim["id"]) + inert(claim["text"]),
                          inert(claim["source"]) if claim["source"] else kind_text(claim["kind"]))
        table.add_section()
    return [header, listing, table]


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
