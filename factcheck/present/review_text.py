"""What the review view shows, as rich Text built from the store's rows; no widgets here.

Article text is data: it goes into Text objects as plain strings, never read as markup, with
control characters shown as escapes (inert.py).
"""
from __future__ import annotations

import re
from typing import Callable

from rich.text import Text

from .inert import inert, visible
from .render import KIND_STYLES, RELATION_MARKS, RELATION_STYLES, STATUS_STYLES

SELECTED = "reverse"  # how the selected claim (and the chosen match) stand out


def header_text(article: dict, claims: list[dict]) -> Text:
    """The article's title, outlet and date, and how many of its claims have a verdict."""
    out = Text(f"{article['id']}: ", style="bold")
    out.append(visible(article["title"]) or "untitled", style="bold")
    out.append(f" · {visible(article['outlet']) or 'outlet unknown'} · {visible(article['published']) or 'date unknown'}")
    checked = sum(c["status"] != "unverified" for c in claims)
    out.append(f" · {checked}/{len(claims)} checked", style="dim")
    out.no_wrap, out.overflow = True, "ellipsis"
    return out


def legend_text(by_kind: bool) -> Text:
    """The key to the colours of the article text: statuses, or source kinds after `t` (two
    lines at 80 columns)."""
    out = Text("kinds: " if by_kind else "statuses: ", style="dim")
    styles = dict(KIND_STYLES) if by_kind else STATUS_STYLES
    for label, style in styles.items():
        out.append(label, style=f"underline {style}")
        out.append(" ")
    out.append("selected", style=SELECTED)
    return out


def article_text(text: str, claims: list[dict], current_id: int | None, by_kind: bool) -> Text:
    """The article with each claim underlined in its status (or kind) colour, the selected one reversed."""
    spans = []
    for claim in claims:
        style = KIND_STYLES[claim["kind"]] if by_kind else STATUS_STYLES[claim["status"]]
        spans.append((claim["start"], claim["end"], f"underline {style}"))
        if claim["id"] == current_id:
            spans.append((claim["start"], claim["end"], f"bold {SELECTED}"))
    return inert(text, spans=spans)


def claim_matcher(query: str) -> Callable[[dict], bool]:
    """Whether a claim's text, source, status or kind holds the query's words, as whole words
    ("vest" is not in "investigation"), in order, any case."""
    words = query.split()
    if not words:
        return lambda claim: True
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)

    def matches(claim: dict) -> bool:
        fields = [claim.get(f) or "" for f in ("text", "source", "source_text", "status")]
        return any(pattern.search(field) for field in fields + [claim["kind"]])
    return matches


def details_text(claim: dict, matches: list[dict], chosen: int, tally: dict | None,
                 history: list[dict]) -> tuple[Text, tuple[int, int] | None]:
    """The selected claim in full with its source and cue, its matches elsewhere (the chosen
    one reversed) and its history; with where the chosen match starts and ends in the text."""
    out = Text()
    out.append(f"claim {claim['id']} ", style="bold")
    out.append(claim["status"], style=f"bold {STATUS_STYLES[claim['status']]}")
    out.append("\n")
    out.append(visible(claim["text"]), style="bold")
    out.append("\n— ")
    out.append(visible(claim["source"] or claim["source_text"]) or "the writer", style=f"bold {KIND_STYLES[claim['kind']]}")
    out.append(f" {visible(claim['cue'])}".rstrip())
    out.append(f" · {claim['kind']}")
    for flag in ("quoted", "hedged"):
        if claim[flag]:
            out.append(f" · {flag}")
    if claim["relayed_by"]:
        out.append(" · via ")
        out.append(visible(claim["relayed_by"]))
    if tally:
        out.append("\n")
        out.append(corroboration_line(tally), style="dim")
    chosen_at = None
    if matches:
        out.append("\nelsewhere ([ ] choose, c confirm, r reject):", style="dim")
    for index, link in enumerate(matches):
        out.append("\n")
        line = Text(f"{RELATION_MARKS[link['relation']]} {link['status']}",
                    style=f"bold {RELATION_STYLES[link['relation']]}")
        line.append(f" · article {link['other_article']}")
        for field in ("other_outlet", "other_published"):
            if link.get(field):
                line.append(f", {visible(link[field])}")
        line.append(" · ")
        line.append(visible(link["other_source"]) or "the writer", style=KIND_STYLES.get(link["other_kind"], ""))
        line.append(": ")
        line.append(visible(link["other_claim"]))
        if index == chosen:
            line.stylize(SELECTED)
            chosen_at = (len(out), len(out) + len(line))
        out.append_text(line)
    for entry in history:
        out.append(f"\n{entry['at'][:16].replace('T', ' ')} ", style="dim")
        out.append(visible(entry["reviewer"]), style="dim")
        change = entry["status"] if entry["status"] == entry["from_status"] else \
            f"{entry['from_status']} → {entry['status']}"
        out.append(f": {change}", style="dim")
        for field in ("note", "evidence"):
            if entry[field]:
                out.append(" ")
                out.append(visible(entry[field]), style="italic")
    return out, chosen_at


def corroboration_line(tally: dict) -> str:
    """"agree: 3 sources (1 confirmed, 2 suggested) · contradict: none"."""
    parts = []
    for relation in ("agree", "contradict"):
        sources = tally[f"{relation}_sources"]
        parts.append(f"{relation}: {sources} source{'s' if sources != 1 else ''} "
                     f"({tally[f'{relation}_confirmed']} confirmed, {tally[f'{relation}_suggested']} suggested)"
                     if sources else f"{relation}: none")
    return " · ".join(parts)


def key_lines(keys: list[tuple[str, str]], width: int) -> Text:
    """Key and label pairs packed into lines no wider than `width`, a pair never split."""
    out, used = Text(), 0
    for key, label in keys:
        size = len(key) + 1 + len(label)
        if used and used + 2 + size > width:
            out.append("\n")
            used = 0
        elif used:
            out.append("  ")
            used += 2
        out.append(key, style="bold reverse")
        out.append(f" {label}")
        used += size
    return out
