"""The review view driven headlessly with Textual's Pilot: keys in, database rows out."""
import asyncio

import pytest

from factcheck import Store
from factcheck.present.review import ReviewApp
from conftest import ROOT


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "claims.db")
    for name in ("montrouge", "report-evening", "report-wire"):
        store.ingest((ROOT / "seeds" / f"{name}.txt").read_text(encoding="utf-8"), name=name)
    return store


def run(store, keys, check, size=(80, 24)):
    async def scenario():
        app = ReviewApp(store, 1, reviewer="tester")
        async with app.run_test(size=size) as pilot:
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            check(app)
    asyncio.run(scenario())


def statuses(store):
    return {c["id"]: c["status"] for c in store.claims(1) if c["status"] != "unverified"}


def test_moving_and_each_status_key(store):
    run(store, ["v", "j", "d", "j", "f", "j", "m", "down", "v", "u"], lambda app: None)
    assert statuses(store) == {1: "verified", 2: "disputed", 3: "false", 4: "misleading"}
    assert [(h["from_status"], h["status"]) for h in store.history(5)] == [("unverified", "verified"),
                                                                          ("verified", "unverified")]
    assert all(h["reviewer"] == "tester" for c in range(1, 6) for h in store.history(c))


def test_k_moves_up(store):
    run(store, ["j", "j", "k", "f"], lambda app: None)
    assert statuses(store) == {2: "false"}


def test_note_and_evidence_are_saved(store):
    run(store, ["n", *"seen on TV", "enter", "e", *"http://x.org", "enter"], lambda app: None)
    history = store.history(1)
    assert [h["note"] for h in history] == ["seen on TV", None]
    assert [h["evidence"] for h in history] == [None, "http://x.org"]
    assert all(h["status"] == "unverified" for h in history)


def test_escape_cancels_a_note(store):
    run(store, ["n", *"draft", "escape"], lambda app: None)
    assert store.history(1) == []


def test_filter_then_mark(store):
    expected = [c["id"] for c in store.claims(1)
                if "police sources" in f"{c['text']} {c['source']}".lower()]
    assert len(expected) >= 2  # the vest, the weapons

    def check(app):
        assert [c["id"] for c in app.claims] == expected
    run(store, ["slash", *"police sources", "enter", "f"], check)
    assert statuses(store) == {expected[0]: "false"}


def test_screen_shows_claims_details_and_footer(store):
    def check(app):
        screen = app.export_screenshot()
        for label in ("verif", "disput", "false", "mislead", "undo", "note", "evid", "filter", "kinds", "quit"):
            assert label in screen, label  # the whole footer fits 80 columns
        details = str(app.query_one("#details").render())
        assert "Montrouge mayor Pierre Brossollette" in details or "writer" in details
        assert app.query_one("#claims").row_count == len(store.claims(1))
    run(store, ["j", "j"], check)
    run(store, [], lambda app: None, size=(120, 40))


def test_quit(store):
    async def scenario():
        app = ReviewApp(store, 1)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("q")
            await pilot.pause()
        return app.return_code
    assert asyncio.run(scenario()) in (0, None)
