"""`factcheck review`: a full-screen view to work through an article's claims and record verdicts.

The article text is on the left with each claim coloured by status (or by source kind, `t`),
the claims on the right, the selected claim's attribution, matches and history below. Every
decision is written to the store at once, so nothing is lost if the terminal closes.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Input, Static

from .inert import inert, visible
from .render import KIND_STYLES, STATUS_STYLES
from ..store.storage import Store

STATUS_KEYS = {"v": "verified", "d": "disputed", "f": "false", "m": "misleading", "u": "unverified"}
SHORT = {"verified": "verif", "disputed": "disput", "false": "false", "misleading": "mislead",
         "unverified": "undo"}


class Prompt(ModalScreen[str]):
    """A one-line question; Enter answers, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, value: str = "") -> None:
        super().__init__()
        self.question, self.value = question, value

    def compose(self) -> ComposeResult:
        yield Input(value=self.value, placeholder=self.question, id="answer")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReviewApp(App):
    """Review the claims of one stored article."""

    CSS = """
    #panes { height: 1fr; }
    #text { width: 1fr; border: round $primary; }
    #claims { width: 1fr; border: round $primary; }
    #details { height: 8; border: round $secondary; }
    Prompt { align: center middle; }
    Prompt Input { width: 70; }
    """
    BINDINGS = [
        Binding("j", "move(1)", "Down", show=False), Binding("k", "move(-1)", "Up", show=False),
        *[Binding(key, f"mark('{status}')", SHORT[status]) for key, status in STATUS_KEYS.items()],
        Binding("n", "note", "note"), Binding("e", "evidence", "evid"),
        Binding("slash", "filter", "filter"), Binding("t", "toggle_kinds", "kinds"),
        Binding("q", "quit", "quit"),
    ]
    ENABLE_COMMAND_PALETTE = False  # the footer must fit 80 columns

    def __init__(self, store: Store, article_id: int, reviewer: str | None = None) -> None:
        super().__init__()
        self.store, self.article_id, self.reviewer = store, article_id, reviewer
        self.article = store.article(article_id)
        self.all_claims: list[dict] = []  # as last read from the store
        self.claims: list[dict] = []      # those the filter shows
        # Links change only when articles are ingested or removed, not while reviewing: read once.
        self.matches: dict[int, list[dict]] = {}
        for link in store.links(article_id):
            if link["relation"] in ("agree", "contradict"):
                self.matches.setdefault(link["claim_id"], []).append(link)
        self.filter_text = ""
        self.by_kind = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with VerticalScroll(id="text"):
                yield Static(id="article")
            yield DataTable(id="claims", cursor_type="row", zebra_stripes=True)
        yield Static(id="details")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = visible(f"{self.article['id']}: {self.article['title']}")
        table = self.query_one(DataTable)
        table.add_columns("id", "status", "claim")
        self.reload()
        table.focus()

    # -- data ------------------------------------------------------------------

    def reload(self, keep: int | None = None) -> None:
        """Read the claims again and redraw everything, keeping the cursor on claim `keep`."""
        wanted = self.filter_text.lower()
        self.all_claims = self.store.claims(self.article_id)
        self.claims = [c for c in self.all_claims
                       if not wanted or wanted in " ".join(str(c[k] or "") for k in ("text", "source", "status", "kind")).lower()]
        table = self.query_one(DataTable)
        table.clear()
        for claim in self.claims:
            table.add_row(str(claim["id"]), Text(claim["status"], style=STATUS_STYLES[claim["status"]]),
                          inert(claim["text"]), key=str(claim["id"]))
        ids = [c["id"] for c in self.claims]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        self.refresh_views()

    @property
    def current(self) -> dict | None:
        table = self.query_one(DataTable)
        return self.claims[table.cursor_row] if self.claims and 0 <= table.cursor_row < len(self.claims) else None

    def refresh_views(self) -> None:
        self.query_one("#article", Static).update(self.article_text())
        self.query_one("#details", Static).update(self.details())

    def article_text(self) -> Text:
        current, spans = self.current, []
        for claim in self.all_claims:
            style = KIND_STYLES[claim["kind"]] if self.by_kind else STATUS_STYLES[claim["status"]]
            spans.append((claim["start"], claim["end"], f"underline {style}"))
            if current and claim["id"] == current["id"]:
                spans.append((claim["start"], claim["end"], "reverse"))
        return inert(self.article["text"], spans=spans)

    def details(self) -> Text:
        claim = self.current
        if claim is None:
            return Text("no claim matches the filter" if self.filter_text else "no claims in this article")
        out = Text()
        who = claim["source"] or "the writer"
        out.append(inert(who, style=f"bold {KIND_STYLES[claim['kind']]}"))
        out.append(inert(f" {claim['cue'] or ''} · {claim['kind']}"))
        for flag in ("quoted", "hedged"):
            if claim[flag]:
                out.append(f" · {flag}")
        if claim["relayed_by"]:
            out.append(inert(f" · via {claim['relayed_by']}"))
        for link in self.matches.get(claim["id"], [])[:2]:
            mark = "=" if link["relation"] == "agree" else "≠"
            out.append(inert(f"\n{mark} article {link['other_article']}: {link['other_claim']}",
                             style="green" if link["relation"] == "agree" else "red"))
        for entry in self.store.history(claim["id"])[-3:]:
            out.append(inert(f"\n{entry['at'][:16].replace('T', ' ')} {entry['reviewer']}: "
                             f"{entry['from_status']} → {entry['status']}", style="dim"))
            if entry["note"] or entry["evidence"]:
                out.append(inert(f" {entry['note'] or ''} {entry['evidence'] or ''}".rstrip(), style="dim"))
        return out

    # -- actions ---------------------------------------------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.refresh_views()

    def action_move(self, step: int) -> None:
        table = self.query_one(DataTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()

    def action_mark(self, status: str) -> None:
        claim = self.current
        if claim is not None:
            self.store.verify([claim["id"]], status, reviewer=self.reviewer)
            self.reload(keep=claim["id"])

    def _record(self, field: str, question: str) -> None:
        claim = self.current
        if claim is None:
            return

        def save(answer: str | None) -> None:
            if answer:
                self.store.verify([claim["id"]], None, reviewer=self.reviewer, **{field: answer})
                self.reload(keep=claim["id"])

        self.push_screen(Prompt(question), save)

    def action_note(self) -> None:
        self._record("note", "note on this claim (Enter to save, Esc to cancel)")

    def action_evidence(self) -> None:
        self._record("evidence", "evidence: a link or a reference (Enter to save, Esc to cancel)")

    def action_filter(self) -> None:
        def apply(answer: str | None) -> None:
            if answer is not None:
                self.filter_text = answer
                self.reload()

        self.push_screen(Prompt("show claims containing (empty: all)", self.filter_text), apply)

    def action_toggle_kinds(self) -> None:
        self.by_kind = not self.by_kind
        self.refresh_views()
