"""Rich renderings for people: tables that fit 80 columns and highlighted article text."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text

KIND_STYLES = {
    "named_person": "cyan",
    "official_body": "blue",
    "anonymous": "magenta",
    "witness": "yellow",
    "media": "green",
    "document": "bright_black",
    "unattributed": "white",
}
KIND_LABELS = {
    "named_person": "person", "official_body": "official", "anonymous": "anonymous",
    "witness": "witness", "media": "media", "document": "document", "unattributed": "writer",
}


def kind_text(kind: str) -> Text:
    """A source kind, short and coloured."""
    return Text(KIND_LABELS.get(kind, kind), style=KIND_STYLES.get(kind, ""))


def articles_table(rows: list[dict]) -> Table:
    """Stored articles with their claim and source counts."""
    table = Table(title="Articles", expand=False)
    table.add_column("id", justify="right", style="bold")
    table.add_column("title", ratio=1, overflow="fold")
    table.add_column("outlet", max_width=14)
    table.add_column("date", max_width=10)
    table.add_column("claims", justify="right")
    table.add_column("sources", justify="right")
    for row in rows:
        table.add_row(str(row["id"]), row["title"] or "", row["outlet"] or "",
                      row["published"] or "", str(row["claims"]), str(row["sources"]))
    return table


def claims_table(rows: list[dict], title: str = "Claims") -> Table:
    """Claims with who says them, the cue and the kind of source."""
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("id", justify="right", style="bold")
    table.add_column("claim", ratio=2, overflow="fold")
    table.add_column("source", ratio=1, min_width=14, overflow="fold")
    table.add_column("cue", max_width=10, overflow="fold")
    table.add_column("kind", no_wrap=True)
    for row in rows:
        claim = Text(row["text"])
        for flag in ("quoted", "hedged"):
            if row.get(flag):
                claim.append(f" [{flag}]", style="dim")
        source = row.get("source") or ""
        if row.get("source_text") and row["source_text"] != source:
            source = f"{row['source_text']} → {source}" if source else row["source_text"]
        if row.get("relayed_by"):
            source += f" (via {row['relayed_by']})"
        table.add_row(str(row["id"]), claim, source, row.get("cue") or "", kind_text(row["kind"]))
    return table


def sources_table(rows: list[dict]) -> Table:
    """Sources with their kind, how many claims and articles cite them, and other names."""
    table = Table(title="Sources", expand=True)
    table.add_column("id", justify="right", style="bold")
    table.add_column("source", ratio=2, overflow="fold")
    table.add_column("kind", no_wrap=True)
    table.add_column("claims", justify="right")
    table.add_column("articles", justify="right")
    table.add_column("also written", ratio=2, overflow="fold")
    for row in rows:
        others = [a for a in row["aliases"] if a != row["name"]]
        table.add_row(str(row["id"]), row["name"], kind_text(row["kind"]), str(row["claims"]),
                      str(row["articles"]), "; ".join(others))
    return table


def search_table(rows: list[dict]) -> Table:
    """Full-text search hits."""
    table = Table(title="Search", show_lines=True, expand=True)
    table.add_column("id", justify="right", style="bold")
    table.add_column("article", max_width=16, overflow="fold")
    table.add_column("claim", ratio=3, overflow="fold")
    table.add_column("source", ratio=1, overflow="fold")
    for row in rows:
        table.add_row(str(row["id"]), f"{row['article_id']}: {row['title']}", row["text"],
                      row["source"] or KIND_LABELS["unattributed"])
    return table


def highlighted_article(text: str, claims: list[dict], sentences: list[dict]) -> Text:
    """The article text with claims coloured by source kind, sources bold, cues italic."""
    out = Text(text)
    for sentence in sentences:
        if sentence["kind"] != "sentence":
            out.stylize("dim italic", sentence["start"], sentence["end"])
    for claim in claims:
        out.stylize(f"underline {KIND_STYLES.get(claim['kind'], '')}", claim["start"], claim["end"])
        if claim["source_start"] is not None:
            out.stylize(f"bold reverse {KIND_STYLES.get(claim['kind'], '')}",
                        claim["source_start"], claim["source_end"])
        if claim["cue_start"] is not None:
            out.stylize("bold italic", claim["cue_start"], claim["cue_end"])
    return out


def legend() -> Text:
    """The colour key for highlighted text."""
    out = Text("key: ")
    for kind, style in KIND_STYLES.items():
        out.append(KIND_LABELS[kind], style=f"underline {style}")
        out.append(" ")
    out.append("· source ", style="bold reverse")
    out.append(" · cue", style="bold italic")
    return out
