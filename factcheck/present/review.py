"""`factcheck review`: a full-screen view to work through an article's claims and record verdicts.

The article's title, outlet and date on top; its text on the left with each claim coloured by
status (or by source kind, `t`; the legend below says which), following the selected claim;
the claims on the right; below, the selected claim in full with its source and cue, its
agreements and contradictions elsewhere (`c` confirms, `r` rejects the chosen one) and its
history. Every decision is written to the store at once, so nothing is lost if the terminal
closes. What the panes show is built in review_text.py.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from .inert import inert, visible
from ..store.storage import Store
from .render import STATUS_STYLES
from .review_text import article_text, claim_matcher, details_text, header_text, key_lines, legend_text

STATUS_KEYS = {"v": "verified", "d": "disputed", "f": "false", "m": "misleading", "x": "unverifiable",
               "u": "unverified"}
CONTEXT_LINES = 2  # lines of text kept in view above the selected claim


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


class KeyBar(Static):
    """Every key with what it does, packed into as many lines as the width needs."""

    def __init__(self, keys: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(**kwargs)
        self.keys = keys

    def render(self) -> Text:
        return key_lines(self.keys, max(self.size.width, 20))


def line_of(text: Text, offset: int, width: int) -> int:
    """The line (from 0) where character `offset` of `text` falls once wrapped at `width`, as
    Textual wraps it: the text up to there and its next word, wrapped alone."""
    plain = text.plain
    word_end = offset
    while word_end < len(plain) and not plain[word_end].isspace():
        word_end += 1
    return max(len(Content(plain[:word_end]).wrap(max(width, 1))) - 1, 0)


class ReviewApp(App):
    """Review the claims of one stored article."""

    CSS = """
    #header { height: 1; padding: 0 1; }
    #legend { height: auto; padding: 0 1; }
    #panes { height: 1fr; }
    #text { width: 1fr; border: round $primary; }
    #claims { width: 1fr; border: round $primary; }
    #details { height: 1fr; max-height: 16; border: round $secondary; }
    #keys { height: auto; max-height: 3; background: $panel; }
    Prompt { align: center middle; }
    Prompt Input { width: 70; }
    """
    BINDINGS = [
        Binding("j", "move(1)", "down", show=False), Binding("k", "move(-1)", "up", show=False),
        *[Binding(key, f"mark('{status}')", status) for key, status in STATUS_KEYS.items()],
        Binding("n", "note", "note"), Binding("e", "evidence", "evidence"),
        Binding("c", "decide('confirmed')", "confirm"), Binding("r", "decide('rejected')", "reject"),
        Binding("right_square_bracket", "choose(1)", "match", key_display="[ ]"),
        Binding("left_square_bracket", "choose(-1)", "previous match", show=False),
        Binding("slash", "search", "search", key_display="/"), Binding("t", "toggle_kinds", "by kind"),
        Binding("q", "quit", "quit"),
    ]
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, store: Store, article_id: int, reviewer: str | None = None) -> None:
        super().__init__()
        self.store, self.article_id, self.reviewer = store, article_id, reviewer
        self.article = store.article(article_id)
        self.all_claims: list[dict] = []  # as last read from the store
        self.claims: list[dict] = []      # those the search shows
        self.matches: dict[int, list[dict]] = {}  # claim id: its agreements and contradictions
        self.tallies: dict[int, dict] = {}        # claim id: its corroboration counts
        self.chosen = 0                           # the match `c` and `r` act on
        self.shown: int | None = None             # the claim the panes show
        self.search_text = ""
        self.by_kind = False

    def compose(self) -> ComposeResult:
        yield Static(id="header")
        with Horizontal(id="panes"):
            with VerticalScroll(id="text"):
                yield Static(id="article")
            yield DataTable(id="claims", cursor_type="row", zebra_stripes=True)
        yield Static(id="legend")
        with VerticalScroll(id="details"):
            yield Static(id="detail")
        yield KeyBar([(b.key_display or b.key, b.description) for b in self.BINDINGS if b.show], id="keys")

    def on_mount(self) -> None:
        self.title = visible(f"{self.article['id']}: {self.article['title']}")
        table = self.query_one(DataTable)
        table.add_columns("id", "status", "claim")
        self.reload()
        table.focus()

    # -- data ------------------------------------------------------------------

    def reload(self, keep: int | None = None, details_at: str = "top") -> None:
        """Read claims and matches again and redraw everything, keeping the cursor on claim `keep`."""
        self.all_claims = self.store.claims(self.article_id)
        wanted = claim_matcher(self.search_text)
        self.claims = [c for c in self.all_claims if wanted(c)]
        self.matches = {}
        for link in self.store.links(self.article_id):
            if link["relation"] in ("agree", "contradict"):
                self.matches.setdefault(link["claim_id"], []).append(link)
        self.tallies = {row["id"]: row for row in self.store.corroboration(self.article_id)}
        table = self.query_one(DataTable)
        table.clear()
        for claim in self.claims:
            table.add_row(str(claim["id"]), Text(claim["status"], style=STATUS_STYLES[claim["status"]]),
                          inert(claim["text"]), key=str(claim["id"]))
        ids = [c["id"] for c in self.claims]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        self.query_one("#header", Static).update(header_text(self.article, self.all_claims))
        self.refresh_views(details_at)

    @property
    def current(self) -> dict | None:
        """The claim under the cursor, if any."""
        row = self.query_one(DataTable).cursor_row
        return self.claims[row] if self.claims and 0 <= row < len(self.claims) else None

    def current_matches(self) -> list[dict]:
        """The selected claim's agreements and contradictions elsewhere."""
        claim = self.current
        return self.matches.get(claim["id"], []) if claim else []

    def refresh_views(self, details_at: str = "top") -> None:
        """Redraw the article, the legend and the details, then scroll the article to the
        selected claim and the details to `details_at`: top, the chosen match, or end."""
        claim = self.current
        self.shown = claim and claim["id"]
        shown = article_text(self.article["text"], self.all_claims, claim and claim["id"], self.by_kind)
        self.query_one("#article", Static).update(shown)
        self.query_one("#legend", Static).update(legend_text(self.by_kind))
        if claim is None:
            message = "no claim matches the search" if self.search_text else "no claims in this article"
            self.query_one("#detail", Static).update(Text(message))
            return
        self.chosen = min(self.chosen, max(len(self.current_matches()) - 1, 0))
        details, chosen_at = details_text(claim, self.current_matches(), self.chosen,
                                          self.tallies.get(claim["id"]), self.store.history(claim["id"]))
        self.query_one("#detail", Static).update(details)
        self.call_after_refresh(self.follow, claim, shown, details, chosen_at, details_at)

    def follow(self, claim: dict, shown: Text, details: Text, chosen_at: tuple[int, int] | None,
               details_at: str) -> None:
        """Scroll the article so the selected claim is in view, and the details to the top, the
        chosen match or the end (the history, where a note or evidence just added is)."""
        pane = self.query_one("#text", VerticalScroll)
        width = self.query_one("#article", Static).size.width
        top = line_of(shown, claim["start"], width)
        bottom = line_of(shown, max(claim["end"] - 1, claim["start"]), width)
        self._show_lines(pane, top, bottom)
        details_pane = self.query_one("#details", VerticalScroll)
        if details_at == "end":
            details_pane.scroll_end(animate=False, immediate=True)
        elif details_at == "chosen" and chosen_at is not None:
            width = self.query_one("#detail", Static).size.width
            self._show_lines(details_pane, line_of(details, chosen_at[0], width),
                             line_of(details, chosen_at[1] - 1, width))
        else:
            details_pane.scroll_home(animate=False, immediate=True)

    @staticmethod
    def _show_lines(pane: VerticalScroll, top: int, bottom: int) -> None:
        height = pane.scrollable_content_region.height
        if top < pane.scroll_y or bottom >= pane.scroll_y + height:
            target = top - CONTEXT_LINES if bottom - top + CONTEXT_LINES < height else top
            pane.scroll_to(y=max(target, 0), animate=False, immediate=True)

    # -- actions ---------------------------------------------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        claim = self.current
        if claim and claim["id"] != self.shown:  # redrawing the table highlights the same row again
            self.chosen = 0
            self.refresh_views()

    def on_resize(self) -> None:
        if self.is_mounted and self.all_claims:
            self.refresh_views()

    def action_move(self, step: int) -> None:
        table = self.query_one(DataTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()

    def action_mark(self, status: str) -> None:
        claim = self.current
        if claim is None:
            return
        if not self.store.verify([claim["id"]], status, reviewer=self.reviewer):
            self.notify(f"claim {claim['id']} is already {status}: nothing recorded", timeout=3, markup=False)
            return
        self.reload(keep=claim["id"])

    def action_choose(self, step: int) -> None:
        matches = self.current_matches()
        if matches:
            self.chosen = (self.chosen + step) % len(matches)
            self.refresh_views(details_at="chosen")

    def action_decide(self, decision: str) -> None:
        claim, matches = self.current, self.current_matches()
        if claim is None or not matches:
            self.notify("this claim has no agreement or contradiction elsewhere", timeout=3, markup=False)
            return
        link = matches[self.chosen]
        self.store.review_link(link["claim_id"], link["other_id"], decision, reviewer=self.reviewer)
        if decision == "rejected":
            self.notify(f"link {link['link_id']} rejected: `factcheck link confirm {link['link_id']}` undoes it",
                        timeout=4, markup=False)
        self.reload(keep=claim["id"], details_at="chosen")

    def _record(self, field: str, question: str) -> None:
        claim = self.current
        if claim is None:
            return

        def save(answer: str | None) -> None:
            if answer:
                self.store.verify([claim["id"]], None, reviewer=self.reviewer, **{field: answer})
                self.reload(keep=claim["id"], details_at="end")

        self.push_screen(Prompt(question), save)

    def action_note(self) -> None:
        self._record("note", "note on this claim (Enter to save, Esc to cancel)")

    def action_evidence(self) -> None:
        self._record("evidence", "evidence: a link or a reference (Enter to save, Esc to cancel)")

    def action_search(self) -> None:
        def apply(answer: str | None) -> None:
            if answer is not None:
                self.search_text = answer
                self.reload()

        self.push_screen(Prompt("show claims with these words (empty: all)", self.search_text), apply)

    def action_toggle_kinds(self) -> None:
        self.by_kind = not self.by_kind
        keys = self.query_one(KeyBar)
        keys.keys = [(k, ("by status" if self.by_kind else "by kind") if k == "t" else label)
                     for k, label in keys.keys]
        keys.refresh()
        self.refresh_views()
