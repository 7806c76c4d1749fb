"""Rich renderings of an article's revisions and of what they did to one claim."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text

from .inert import inert

CHANGE_MARKS = {"appeared": ("+", "green"), "changed": ("~", "yellow"), "went": ("-", "red")}


def revisions_table(article: dict, rows: list[dict]) -> Table:
    """Each revision of the article: when it was stored, its size, and the claims it changed."""
    table = Table(title=inert(f"Revisions of {article['id']}: {article['title']}"), show_lines=True, expand=True)
    table.add_column("rev", justify="right", style="bold")
    table.add_column("stored (UTC)", no_wrap=True, max_width=16)
    table.add_column("chars", justify="right")
    table.add_column("what changed", ratio=1, overflow="fold")
    for row in rows:
        table.add_row(str(row["number"]), inert(row["ingested_at"][:16].replace("T", " ")), str(row["characters"]),
                      changes_text(row))
    return table


def changes_said(counts: dict[str, int], zeros: bool = True) -> str:
    """How many claims were kept, changed, appeared and went, in words (without `zeros`, only
    the counts that are not 0)."""
    return ", ".join(f"{n} {what}" for what, n in counts.items() if n or zeros) or "nothing"


def changes_text(row: dict) -> Text:
    """A revision's counts, then one line per claim that appeared (+), changed (~) or went (-)."""
    if row["kept"] is None:
        return Text("first text", style="dim")
    out = Text(changes_said({k: row[k] for k in ("kept", "changed", "appeared", "went")}))
    for change in row["changes"]:
        mark, style = CHANGE_MARKS[change["change"]]
        out.append(f"\n{mark} ", style=f"bold {style}")
        if change["previous_id"] is not None:
            out.append(inert(f"[{change['previous_id']}] {change['previous_text']}", style="dim"))
            out.append(" → ")
        out.append(inert(f"[{change['claim_id']}] {change['text']}"))
    return out


def claim_revisions_text(claim: dict, events: list[dict]) -> Text:
    """What revisions and re-extractions did to a claim, one line each (empty when none did anything)."""
    out = Text()
    for event in events:
        other = f" claim {event['other_id']}" if event["other_id"] is not None else ""
        said = {"changed": f"reworded from{other}", "changed into": f"reworded as{other}",
                "appeared": "appeared", "went": "went (retired, kept with its history)",
                "revived": "found again (back from retired)"}[event["change"]]
        when = event["at"][:16].replace("T", " ")
        what = f"revision {event['revision']}" if event["extractor"] is None else \
            f"re-extraction of revision {event['revision']} by {event['extractor']}"
        out.append(inert(f"{what} ({when}): {said}\n"))
    if claim.get("retired_at") and not events:
        out.append(inert(f"retired at {claim['retired_at']}\n"))
    return out
