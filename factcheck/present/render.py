"""Rich renderings for people: tables that fit 80 columns and highlighted article text.

Every stored string goes through `inert`: shown as it is, never read as markup or terminal control."""
from __future__ import annotations

from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .inert import inert, visible

KIND_STYLES = {
    "named_person": "cyan",
    "official_body": "blue",
    "anonymous": "magenta",
    "witness": "yellow",
    "media": "green",
    "document": "bright_black",
    "unattributed": "white",
}
STATUS_STYLES = {
    "unverified": "dim", "verified": "green", "disputed": "yellow", "false": "red",
    "misleading": "magenta", "unverifiable": "blue",
}


def kind_text(kind: str) -> Text:
    """A source kind, coloured, in the words `--kind` takes and JSON gives."""
    return inert(kind, style=KIND_STYLES.get(kind, ""))


def articles_table(rows: list[dict]) -> Table:
    """Stored articles with their claim and source counts."""
    table = Table(title="Articles", expand=False)
    table.add_column("id", justify="right", style="bold")
    table.add_column("title", ratio=1, overflow="fold")
    table.add_column("outlet", max_width=14)
    table.add_column("date", max_width=10)
    table.add_column("claims", justify="right")
    table.add_column("sources", justify="right")
    table.add_column("checked", max_width=14)
    for row in rows:
        checked = Text()
        for status, n in sorted(row.get("statuses", {}).items()):
            checked.append(f"{n} {status} ", style=STATUS_STYLES.get(status, ""))
        table.add_row(str(row["id"]), _title_with_furniture(row), inert(row["outlet"]),
                      inert(row["published"]), str(row["claims"]), str(row["sources"]), checked)
    return table


def _title_with_furniture(row: dict) -> Text:
    """The title, and under it, dim, what the furniture says: "By Ana Lima · PARIS · Reuters"."""
    title = inert(row["title"])
    furniture = [f"By {row['byline']}" if row.get("byline") else None, row.get("dateline_place"), row.get("wire")]
    if any(furniture):
        title.append("\n")
        title.append(inert(" · ".join(f for f in furniture if f), style="dim", one_line=True))
    return title


def whole_words(texts, at_most: int = 20) -> int:
    """A column width that breaks no word of `texts` (a name, a URL) up to `at_most` letters long.
    Give it to a ratio column as `width` (its minimum when the table expands; rich ignores `min_width` there)."""
    return min(max((len(word) for text in texts for word in str(text or "").split()), default=1), at_most)




def claims_table(rows: list[dict], title: str = "Claims") -> Table:
    """Claims with who says them and the cue (`Police sources said`), and the kind of source."""
    sources = [_said(row) for row in rows]
    table = Table(title=inert(title), show_lines=True, expand=True)
    table.add_column("id", justify="right", style="bold")
    table.add_column("claim", ratio=2, overflow="fold")
    table.add_column("source, cue", ratio=1, width=max(14, whole_words(sources)), overflow="fold")
    table.add_column("kind", no_wrap=True)
    corroboration = bool(rows) and "agree_articles" in rows[0]
    if corroboration:
        table.add_column("±", no_wrap=True)
    for row, source in zip(rows, sources):
        claim = inert(row["text"]) + subject_note(row)
        for flag in ("quoted", "hedged"):
            if row.get(flag):
                claim.append(f" [{flag}]", style="dim")
        if row.get("status") and row["status"] != "unverified":
            claim.append(f" [{row['status']}]", style=f"bold {STATUS_STYLES.get(row['status'], '')}")
        if row.get("retired_at"):
            claim.append(" [retired]", style="dim")
        cells = [str(row["id"]), claim, source, kind_text(row["kind"])]
        if corroboration:
            cells.append(corroboration_text(row))
        table.add_row(*cells)
    return table


def subject_note(claim: dict) -> Text:
    """" [he: Tom Jones?]", dim, for a claim whose opening "he" or "she" was read as someone named
    before (a reading, right about three times in four on PolNeAR dev); else nothing."""
    if not claim.get("subject"):
        return Text()
    return inert(f" [{claim['text'].split()[0].lower()}: {claim['subject']}?]", style="dim")


def _said(row: dict) -> Text:
    """Who says a claim as written, what it resolves to, the cue dim, and who relayed it."""
    source = row.get("source") or ""
    if row.get("source_text") and source.lower() not in row["source_text"].lower():
        # a resolved pronoun or back-reference; a plain name inside the mention says nothing new
        source = f"{row['source_text']} → {source}" if source else row["source_text"]
    out = inert(source)
    if row.get("cue"):
        out.append(inert(f" {row['cue']}", style="dim"))
    if row.get("relayed_by"):
        out.append(inert(f" (via {row['relayed_by']})"))
    return out


def corroboration_text(row: dict) -> Text:
    """"+3 (1✓) -1": independent sources that agree and contradict, with how many of those a
    person confirmed (the rest are suggested by matching)."""
    out = Text()
    for relation, sign, style in (("agree", "+", "green"), ("contradict", "-", "red")):
        out.append(f"{sign}{row[f'{relation}_sources']}", style=style)
        if row.get(f"{relation}_confirmed"):
            out.append(f" ({row[f'{relation}_confirmed']}✓)", style=f"bold {style}")
        out.append(" " if relation == "agree" else "")
    return out


def sources_table(rows: list[dict]) -> Table:
    """Sources with their kind, how many claims and articles cite them, and other names."""
    table = Table(title="Sources", expand=True)
    table.add_column("id", justify="right", style="bold")
    table.add_column("source", ratio=2, overflow="fold", width=whole_words(r["name"] for r in rows))
    table.add_column("kind", no_wrap=True)
    table.add_column("claims", justify="right")
    table.add_column("articles", justify="right")
    table.add_column("also written", ratio=2, overflow="fold", width=whole_words(a for r in rows for a in r["aliases"]))
    for row in rows:
        others = [a for a in row["aliases"] if a != row["name"]]
        table.add_row(str(row["id"]), inert(row["name"]), kind_text(row["kind"]), str(row["claims"]),
                      str(row["articles"]), inert("; ".join(others)))
    return table


def search_table(rows: list[dict]) -> Table:
    """Full-text search hits."""
    table = Table(title="Search", show_lines=True, expand=True)
    table.add_column("id", justify="right", style="bold")
    table.add_column("article", max_width=16, overflow="fold", min_width=whole_words(r["title"] for r in rows))
    table.add_column("claim", ratio=3, overflow="fold")
    table.add_column("source", ratio=1, overflow="fold", width=whole_words(r["source"] for r in rows))
    for row in rows:
        table.add_row(str(row["id"]), inert(f"{row['article_id']}: {row['title']}"), inert(row["text"]),
                      inert(row["source"]) if row["source"] else kind_text("unattributed"))
    return table


def highlighted_article(text: str, claims: list[dict], sentences: list[dict]) -> Text:
    """The article text with claims coloured by source kind, sources bold, cues italic."""
    spans = [(s["start"], s["end"], "dim italic") for s in sentences if s["kind"] != "sentence"]
    for claim in claims:
        spans.append((claim["start"], claim["end"], f"underline {KIND_STYLES.get(claim['kind'], '')}"))
        if claim["source_start"] is not None:
            spans.append((claim["source_start"], claim["source_end"],
                          f"bold reverse {KIND_STYLES.get(claim['kind'], '')}"))
        if claim["cue_start"] is not None:
            spans.append((claim["cue_start"], claim["cue_end"], "bold italic"))
    return inert(text, spans=spans)


def legend() -> Text:
    """The colour key for highlighted text."""
    out = Text("key: ")
    for kind, style in KIND_STYLES.items():
        out.append(kind, style=f"underline {style}")
        out.append(" ")
    out.append("· source ", style="bold reverse")
    out.append(" · cue", style="bold italic")
    return out


# The words `compare --only` and `match --relation` take, and the relation each stands for.
RELATION_WORDS = {"contradictions": "contradict", "agreements": "agree", "related": "related"}
RELATION_STYLES = {"agree": "green", "contradict": "red", "related": "yellow", "unrelated": "dim"}
RELATION_MARKS = {"agree": "=", "contradict": "≠", "related": "~", "unrelated": " "}


def attributed_claim(claim: dict, highlight: list[str] = ()) -> Text:
    """`[id]` (for `factcheck verify ID`) and the claim's text with conflicting words in bold red,
    then who says it on a dim line."""
    out = inert(claim["text"]) + subject_note(claim)
    if claim.get("status", "unverified") != "unverified":
        out.append(f" [{claim['status']}]", style=f"bold {STATUS_STYLES.get(claim['status'], '')}")
    for words in highlight:
        if words:
            out.highlight_words([visible(words)], style="bold red reverse", case_sensitive=False)
    source = claim.get("source") or claim.get("source_text")
    cue = claim.get("cue") or ""
    if source:
        said = f"{cue.lower()} {source}" if cue.lower().startswith("according") else f"{source} {cue}".rstrip()
        out.append(inert(f"\n— {said}", style="dim"))
        if claim.get("relayed_by"):
            out.append(inert(f" (via {claim['relayed_by']})", style="dim"))
    else:
        out.append("\n— the writer", style="dim")
    return claim_id_text(claim["id"]) + out


def claim_id_text(claim_id: int) -> Text:
    """A claim's id as `[12] `, a word that never breaks across lines."""
    return Text(f"[{claim_id}] ", style="dim")


def comparison_view(comparison, only: str | None = None) -> list:
    """Renderables for `compare`: aligned pairs, then what only A and only B report."""
    a, b = comparison.a, comparison.b
    parts = []
    labels = (RELATION_WORDS[only],) if only in RELATION_WORDS else () if only == "unique" else \
        tuple(RELATION_WORDS.values())
    pairs = [p for p in comparison.pairs if p.relation.label in labels]
    if pairs:
        table = Table(title=inert(f"{a['id']}: {a['title']}  vs  {b['id']}: {b['title']}"), show_lines=True,
                      expand=True)
        table.add_column(f"A ({a['id']})", ratio=1, overflow="fold")
        table.add_column("", width=1, no_wrap=True)
        table.add_column(f"B ({b['id']})", ratio=1, overflow="fold")
        for pair in pairs:
            label = pair.relation.label
            left = [c[0] for c in pair.relation.conflicts]
            right = [c[1] for c in pair.relation.conflicts]
            table.add_row(attributed_claim(pair.a, left),
                          Text(RELATION_MARKS[label], style=f"bold {RELATION_STYLES[label]}"),
                          attributed_claim(pair.b, right), style=RELATION_STYLES[label])
        parts.append(table)
    if only in (None, "unique"):
        for side, claims in ((a, comparison.only_a), (b, comparison.only_b)):
            table = Table(title=inert(f"Only in {side['id']}: {side['title']}"), show_header=False, expand=True)
            table.add_column("claim", overflow="fold")
            for claim in claims:
                table.add_row(attributed_claim(claim))
            parts.append(table)
    counts = {label: sum(p.relation.label == label for p in comparison.pairs) for label in RELATION_MARKS}
    parts.append(Text.assemble(
        (f"{counts['agree']} agree", "green"), " · ", (f"{counts['contradict']} contradict", "red"), " · ",
        (f"{counts['related']} related", "yellow"), " · ",
        f"{len(comparison.only_a)} only in A · {len(comparison.only_b)} only in B"))
    return parts


def links_table(rows: list[dict], title: str) -> Table:
    """Stored links of an article's claims to claims elsewhere."""
    table = Table(title=inert(title), show_lines=True, expand=True)
    table.add_column("claim", ratio=1, overflow="fold")
    table.add_column("", width=1, no_wrap=True)
    table.add_column("other article's claim", ratio=1, overflow="fold")
    for row in rows:
        label = row["relation"]
        mine = claim_id_text(row["claim_id"]) + inert(row["claim"])
        other = claim_id_text(row["other_id"]) + inert(row["other_claim"])
        other.append(inert(f"\n— {row['other_source'] or 'the writer'} · article {row['other_article']}",
                           style="dim"))
        table.add_row(mine, Text(RELATION_MARKS[label], style=f"bold {RELATION_STYLES[label]}"),
                      other, style=RELATION_STYLES[label])
    return table


def relation_text(relation) -> Text:
    """One relation with its score and reasons."""
    out = Text(f"{relation.label}", style=f"bold {RELATION_STYLES[relation.label]}")
    out.append(f"  score {relation.score:.2f}\n")
    for reason in relation.reasons:
        out.append(inert(f"  · {reason}\n"))
    return out


def history_view(claim: dict, rows: list[dict]) -> list:
    """A claim's verification history, oldest first: each change on a line (UTC time, who, from
    what to what), its note below it, and its evidence on a line of its own that is never wrapped
    or cut, so a link stays whole for the terminal to open or copy: print a part that is `no_wrap` with `soft_wrap=True`."""
    parts: list = [Text(f"Claim {claim['id']}: ", style="bold") + inert(claim["text"])]
    for row in rows:
        change = inert(f"{row['at'][:16].replace('T', ' ')}  ") + inert(row["reviewer"], style="bold")
        change.append(inert(f"  {row['from_status']}", style=STATUS_STYLES.get(row["from_status"], "")))
        change.append(" → ")
        change.append(inert(row["status"], style=STATUS_STYLES.get(row["status"], "")))
        parts.append(change)
        if row["note"]:
            parts.append(Padding(inert(row["note"]), (0, 0, 0, 2), expand=False))
        if row["evidence"]:
            evidence = inert(f"  {row['evidence']}", one_line=True)  # the whole link on one line, never cut
            evidence.no_wrap, evidence.overflow = True, "ignore"
            evidence.stylize("underline", 2)
            parts.append(evidence)
    if not rows:
        parts.append(Text("no verdicts, notes or evidence yet", style="dim"))
    return parts


LINK_STATUS_STYLES = {"suggested": "yellow", "confirmed": "bold green", "rejected": "dim"}


def matches_table(rows: list[dict]) -> Table:
    """Agreements and contradictions with their link id and status (suggested, confirmed, rejected)."""
    table = Table(title="Links", show_lines=True, expand=True)
    table.add_column("link", no_wrap=True)
    table.add_column("", width=1, no_wrap=True)
    table.add_column("claim", ratio=1, overflow="fold")
    table.add_column("other article's claim", ratio=1, overflow="fold")
    for row in rows:
        label = row["relation"]
        cells = []
        for text, claim_id, article, title in ((row["claim"], row["claim_id"], row["article_id"], row["title"]),
                                               (row["other_claim"], row["other_id"], row["other_article"],
                                                row["other_title"])):
            cells.append(Text(text) + Text(f"\n— claim {claim_id} · article {article}: {title}", style="dim"))
        link = Text(row["id"], style="bold")
        link.append(f"\n{row['status']}", style=LINK_STATUS_STYLES[row["status"]])
        if row["reviewer"] and row["status"] != "suggested":
            link.append(f"\n{row['reviewer']}", style="dim")
        table.add_row(link, Text(RELATION_MARKS[label], style=f"bold {RELATION_STYLES[label]}"), *cells)
    return table
