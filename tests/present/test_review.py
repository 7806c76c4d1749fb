"""The review view driven headlessly with Textual's Pilot: keys in, screen and database rows out,
at 80x24 and 120x40."""
import asyncio
import re

import pytest

from factcheck import Store
from factcheck.present.review import ReviewApp
from conftest import ROOT

SIZES = [(80, 24), (120, 40)]
VEST = "he had been wearing a bullet-proof vest"
SCROLL_BAR = re.compile("[▁-█]+")


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "claims.db")
    for name in ("montrouge", "report-evening", "report-wire"):
        extra = {"outlet": "Reuters", "published": "2015-01-08"} if name == "montrouge" else {}
        store.ingest((ROOT / "seeds" / f"{name}.txt").read_text(encoding="utf-8"), name=name, **extra)
    return store


def run(store, keys, check, size=(80, 24)):
    steps(store, [(keys, check)], size)


def steps(store, scenario, size=(80, 24)):
    """Press each step's keys, then run its check, in one session of the view."""
    async def session():
        app = ReviewApp(store, 1, reviewer="tester")
        async with app.run_test(size=size) as pilot:
            for keys, check in scenario:
                for key in keys:
                    await pilot.press(key)
                await pilot.pause()
                check(app)
    asyncio.run(session())


def strips(app):
    return app.screen._compositor.render_strips()


def pane_text(app, selector):
    """The words a widget shows on screen, its lines joined by spaces (border and scroll bar cut off)."""
    region = app.query_one(selector).region
    lines = [SCROLL_BAR.sub("", "".join(s.text for s in strip)[region.x + 1:region.right - 1])
             for strip in strips(app)]
    return " ".join(" ".join(lines[region.y + 1:region.bottom - 1]).split())


def reversed_text(app, selector):
    """The text a widget shows in reverse video (the selected claim, the chosen match)."""
    region = app.query_one(selector).region
    found = []
    for y, strip in enumerate(strips(app)):
        x = 0
        for segment in strip:
            inside = region.x < x < region.right - 2 and region.y < y < region.bottom - 1
            if inside and segment.style and segment.style.reverse:
                found.append(segment.text)
            x += len(segment.text)
        found.append(" ")
    return " ".join(SCROLL_BAR.sub("", "".join(found)).split())


def screen(app):
    return "\n".join("".join(s.text for s in strip) for strip in strips(app))


def statuses(store):
    return {c["id"]: c["status"] for c in store.claims(1) if c["status"] != "unverified"}


def nth_claim(store, n):
    return store.claims(1)[n]


# -- the article follows the cursor ---------------------------------------------------

@pytest.mark.parametrize("size", SIZES)
def test_article_pane_follows_the_cursor(store, size):
    target = nth_claim(store, 20)

    def check(app):
        assert app.current["id"] == target["id"]
        shown = pane_text(app, "#text")
        assert " ".join(target["text"].split()[:6]) in shown
        assert reversed_text(app, "#text").startswith(" ".join(target["text"].split()[:4]))
        assert app.query_one("#text").scroll_y > 0

    def back(app):
        assert nth_claim(store, 0)["text"][:30] in pane_text(app, "#text")
        assert app.query_one("#text").scroll_y == 0
    steps(store, [(["j"] * 20, check), (["k"] * 20, back)], size)


@pytest.mark.parametrize("size", SIZES)
def test_last_claim_is_in_view(store, size):
    last = store.claims(1)[-1]

    def check(app):
        assert " ".join(last["text"].split()[:6]) in pane_text(app, "#text")
    run(store, ["j"] * (len(store.claims(1)) - 1), check, size)


# -- the details: the claim in full, its source and cue ---------------------------------

@pytest.mark.parametrize("size", SIZES)
def test_details_show_the_whole_claim_with_source_and_cue(store, size):
    long_claim = max(store.claims(1), key=lambda c: len(c["text"]))
    index = [c["id"] for c in store.claims(1)].index(long_claim["id"])

    def check(app):
        details = pane_text(app, "#details")
        assert " ".join(long_claim["text"].split()) in details
        source = long_claim["source"] or "the writer"
        assert f"— {source} {long_claim['cue'] or ''}".strip() in details
    run(store, ["j"] * index, check, size)


@pytest.mark.parametrize("size", SIZES)
def test_details_scroll_to_a_note_just_added(store, size):
    first = nth_claim(store, 0)["id"]  # three matches elsewhere: its details overflow at 80x24
    keys = ["n", *"first note", "enter", "e", *"https://example.org/proof", "enter"]

    def check(app):
        details = pane_text(app, "#details")
        assert "https://example.org/proof" in details
        assert "tester: unverified first note" in details
    run(store, keys, check, size)
    assert [h["evidence"] for h in store.history(first)] == [None, "https://example.org/proof"]


# -- keys -------------------------------------------------------------------------------

def test_moving_and_each_status_key(store):
    run(store, ["v", "j", "d", "j", "f", "j", "m", "down", "v", "u", "j", "x"], lambda app: None)
    assert statuses(store) == {1: "verified", 2: "disputed", 3: "false", 4: "misleading", 6: "unverifiable"}
    assert [(h["from_status"], h["status"]) for h in store.history(5)] == [("unverified", "verified"),
                                                                          ("verified", "unverified")]
    assert all(h["reviewer"] == "tester" for c in range(1, 7) for h in store.history(c))


def test_same_verdict_twice_is_recorded_once(store):
    said = []

    async def session():
        app = ReviewApp(store, 1, reviewer="tester")
        app.notify = lambda message, **options: said.append(message)
        async with app.run_test(size=(80, 24)) as pilot:
            for key in ["v", "v", "x", "x", "u", "u"]:
                await pilot.press(key)
            await pilot.pause()
    asyncio.run(session())
    assert said == [f"claim 1 is already {status}: nothing recorded" for status in ("verified", "unverifiable",
                                                                                  "unverified")]
    assert [(h["from_status"], h["status"]) for h in store.history(1)] == [
        ("unverified", "verified"), ("verified", "unverifiable"), ("unverifiable", "unverified")]


def test_k_moves_up(store):
    run(store, ["j", "j", "k", "f"], lambda app: None)
    assert statuses(store) == {2: "false"}


@pytest.mark.parametrize("size", SIZES)
def test_keys_are_labelled_by_what_they_do(store, size):
    def check(app):
        shown = screen(app)
        for label in ("v verified", "d disputed", "f false", "m misleading", "x unverifiable", "u unverified",
                      "n note", "e evidence", "c confirm", "r reject", "[ ] match", "/ search", "t by kind",
                      "q quit"):
            assert label in shown, label  # every key fits the screen, undivided
        assert "undo" not in shown
    run(store, [], check, size)


def test_note_and_evidence_are_saved(store):
    run(store, ["n", *"seen on TV", "enter", "e", *"http://x.org", "enter"], lambda app: None)
    history = store.history(1)
    assert [h["note"] for h in history] == ["seen on TV", None]
    assert [h["evidence"] for h in history] == [None, "http://x.org"]
    assert all(h["status"] == "unverified" for h in history)


def test_escape_cancels_a_note(store):
    run(store, ["n", *"draft", "escape"], lambda app: None)
    assert store.history(1) == []


# -- title, legend, search ----------------------------------------------------------------

@pytest.mark.parametrize("size", SIZES)
def test_title_outlet_date_and_the_legend(store, size):
    def before(app):
        top = screen(app).splitlines()[0]
        assert "1: montrouge · Reuters · 2015-01-08" in top
        assert "statuses: unverified verified disputed false misleading unverifiable" in screen(app)

    def after(app):
        shown = screen(app)
        assert "kinds: named_person official_body" in shown
        assert all(kind in shown for kind in ("anonymous", "witness", "media", "document", "unattributed"))
        assert "t by status" in screen(app)
    steps(store, [([], before), (["t"], after)], size)


@pytest.mark.parametrize("size", SIZES)
def test_search_matches_whole_words(store, size):
    def vest(app):
        assert [c["text"] for c in app.claims] == [VEST]  # not "... the ongoing investigation"
        assert app.query_one("#claims").row_count == 1 and VEST in pane_text(app, "#details")

    def nothing(app):
        assert app.claims == [] and "no claim matches the search" in pane_text(app, "#details")
    steps(store, [(["slash", *"vest", "enter"], vest),
                  (["slash", *["backspace"] * 4, *"vestigation", "enter"], nothing)], size)


def test_search_then_mark(store):
    expected = [c["id"] for c in store.claims(1)
                if re.search(r"\bpolice sources\b", f"{c['text']} {c['source']}", re.IGNORECASE)]
    assert len(expected) >= 2  # the vest, the weapons

    def check(app):
        assert [c["id"] for c in app.claims] == expected
    run(store, ["slash", *"police sources", "enter", "f"], check)
    assert statuses(store) == {expected[0]: "false"}


# -- matches a person confirms ------------------------------------------------------------

def vest_keys(store):
    return ["j"] * [c["text"] for c in store.claims(1)].index(VEST)


@pytest.mark.parametrize("size", SIZES)
def test_matches_listed_then_confirmed_and_rejected(store, size):
    vest_id = next(c["id"] for c in store.claims(1) if c["text"] == VEST)
    others = [r["other_claim"] for r in store.links(1) if r["claim_id"] == vest_id]
    assert len(others) == 2

    def listed(app):
        details = pane_text(app, "#details")
        assert VEST in details and " ".join(others[0].split()) in details
        assert "agree: 1 source (0 confirmed, 1 suggested)" in details
        assert reversed_text(app, "#details").endswith(" ".join(others[0].split()))

    def second_chosen(app):
        assert " ".join(others[1].split()) in pane_text(app, "#details")  # scrolled to it at 80x24
        assert reversed_text(app, "#details").endswith(" ".join(others[1].split()))

    def confirmed(app):
        assert "= confirmed · article" in pane_text(app, "#details")
        assert "agree: 1 source (1 confirmed, 0 suggested)" in pane_text(app, "#details")
        [first] = [r for r in store.links(1) if r["claim_id"] == vest_id and r["status"] == "confirmed"]
        assert first["other_claim"] == others[0]

    def rejected(app):
        details = pane_text(app, "#details")
        assert " ".join(others[1].split()) not in details
        assert " ".join(others[0].split()) in details
    steps(store, [(vest_keys(store), listed), (["right_square_bracket"], second_chosen),
                  (["left_square_bracket", "c"], confirmed), (["right_square_bracket", "r"], rejected)], size)
    assert [r["other_claim"] for r in store.links(1) if r["claim_id"] == vest_id] == [others[0]]
    reviews = list(store.db["link_reviews"].rows)
    assert [(r["decision"], r["reviewer"]) for r in reviews] == [("confirmed", "tester"), ("rejected", "tester")]
    assert all(r["at"] for r in reviews)


def test_confirm_without_matches_records_nothing(store):
    no_match = next(i for i, c in enumerate(store.claims(1))
                    if not any(r["claim_id"] == c["id"] for r in store.links(1)))
    run(store, ["j"] * no_match + ["c", "r"], lambda app: None)
    assert store.db["link_reviews"].count == 0


def test_quit(store):
    async def scenario():
        app = ReviewApp(store, 1)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("q")
            await pilot.pause()
        return app.return_code
    assert asyncio.run(scenario()) in (0, None)


def test_article_text_is_shown_as_written(tmp_path):
    store = Store(tmp_path / "markup.db")
    result = store.ingest("Police said the gunman wore a [red]vest[/red] and fled [b]north[/b].\n", name="markup")

    async def scenario():
        app = ReviewApp(store, result.article_id, reviewer="tester")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "[red]vest[/red]" in pane_text(app, "#text")
            assert "[red]vest[/red]" in pane_text(app, "#details")
    asyncio.run(scenario())
