"""The rich rendering of an article's attribution frames."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text

from .inert import inert
from .render import whole_words

CONTENT_JOINER = " … "  # between the pieces of a content the source's own words interrupt


def frames_table(article: dict, rows: list[dict]) -> Table:
    """Each frame: who (as written, and the source it resolves to), the cue, what the content
    says and what kind it is; a content that is no proposition (a noun phrase, an action) is dim,
    since it gives no claim its source."""
    sources = [_source(row) for row in rows]
    table = Table(title=inert(f"Frames in {article['id']}: {article['title']}"), show_lines=True, expand=True)
    table.add_column("source", ratio=1, width=max(10, whole_words(s.plain for s in sources)), overflow="fold")
    table.add_column("cue", max_width=16, overflow="fold")
    table.add_column("content", ratio=2, overflow="fold")
    table.add_column("kind", no_wrap=True)
    for row, source in zip(rows, sources):
        style = "" if row["proposition"] else "dim"
        content = inert(CONTENT_JOINER.join(piece["text"] for piece in row["content"]), style=style)
        table.add_row(source, inert(row["cue"], style="italic"), content,
                      inert(row["kind"], style=style or "bold"))
    return table


def _source(row: dict) -> Text:
    """The mention as written; "→ name" when it resolves to a source not named inside it."""
    mention, name = row["source_text"], row["source"]
    if mention is None:
        return Text("-", style="dim")
    out = inert(mention)
    if name and name.lower() not in mention.lower():
        out.append(inert(f" → {name}", style="dim"))
    return out
