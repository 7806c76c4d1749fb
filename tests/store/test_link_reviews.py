"""Links a person confirms or rejects: recorded append-only, honoured everywhere, kept when
linking makes the link again."""
from pathlib import Path

import pytest
from sqlite_utils import Database

from factcheck import Store
from factcheck.match import relate
from factcheck.errors import FactcheckError, NotFoundError
from factcheck.store.link_reviews import link_id, parse_link_id
from factcheck.store.migrations import migrations
from conftest import ROOT, SEED_REPORTS



@pytest.fixture
def store(seed_store):
    return seed_store


def claim_id(store, text):
    return next(c["id"] for c in store.claims() if c["text"] == text)


@pytest.fixture
def vest(store):
    """The pair "he had been wearing a bullet-proof vest" (article 1) = "the gunman wore a
    bullet-proof vest" (article 2)."""
    return (claim_id(store, "he had been wearing a bullet-proof vest"),
            claim_id(store, "the gunman wore a bullet-proof vest"))


def linked(store, article_id, pair):
    return [r for r in store.links(article_id) if {r["claim_id"], r["other_id"]} == set(pair)]


def test_migration_builds_the_table_and_views():
    db = Database(memory=True)
    migrations.apply(db)
    assert db["link_reviews"].columns_dict == {
        "id": int, "claim_id": int, "other_id": int, "claim_text": str, "other_text": str,
        "relation": str, "decision": str, "reviewer": str, "at": str}
    assert {"link_decisions", "link_status"} <= set(db.view_names())


def test_link_ids():
    assert link_id(40, 12) == "12-40" and parse_link_id("40-12") == (12, 40) == parse_link_id(" 12 - 40 ")
    for bad in ("12", "12-", "a-b", "12-40-3", "7-7", ""):
        with pytest.raises(FactcheckError):
            parse_link_id(bad)


def test_confirm_is_recorded_with_reviewer_and_time(store, vest):
    assert linked(store, 1, vest)[0]["status"] == "suggested"
    row = store.review_link(*vest, "confirmed", reviewer="alice")
    assert (row["id"], row["status"], row["reviewer"], row["relation"]) == (link_id(*vest), "confirmed", "alice", "agree")
    assert row["at"].endswith("+00:00")
    assert linked(store, 1, vest)[0]["status"] == "confirmed"
    assert [r["id"] for r in store.matches(status="confirmed")] == [link_id(*vest)]
    assert link_id(*vest) not in {r["id"] for r in store.matches(status="suggested")}
    reviews = list(store.db["link_reviews"].rows)
    assert [(r["claim_id"], r["other_id"], r["decision"]) for r in reviews] == [(*sorted(vest), "confirmed")]


def test_rejected_link_is_shown_nowhere(store, vest):
    story = store.story_of(1)
    before = store.story(story)["agree"]
    store.review_link(*vest, "rejected", reviewer="bob")
    assert linked(store, 1, vest) == [] and linked(store, 2, vest) == []
    assert store.story(story)["agree"] == before - 1
    assert [r["id"] for r in store.matches(status="rejected")] == [link_id(*vest)]
    assert link_id(*vest) not in {r["id"] for r in store.matches(1)}
    pairs = store.compare(1, 2).pairs
    assert all({p.a["id"], p.b["id"]} != set(vest) for p in pairs)
    for proposition in store.propositions(story):
        ids = {c["id"] for c in proposition["claims"]}
        assert not set(vest) <= ids


def test_compare_without_rejection_pairs_them(store, vest):
    assert any({p.a["id"], p.b["id"]} == set(vest) for p in store.compare(1, 2).pairs)


def test_corroboration_counts_confirmed_and_suggested_apart(store):
    first = claim_id(store, "A policewoman shot near Paris has died after a second attack on police "
                            "in the French capital in consecutive days")
    others = sorted(r["other_id"] for r in store.links(1) if r["claim_id"] == first and r["relation"] == "agree")
    assert len(others) == 3  # one claim in article 2, two in article 3

    def tally():
        row = next(c for c in store.corroboration(1) if c["id"] == first)
        return row["agree_articles"], row["agree_sources"], row["agree_confirmed"], row["agree_suggested"]

    assert tally() == (2, 2, 0, 2)
    store.review_link(first, others[0], "confirmed", reviewer="alice")
    assert tally() == (2, 2, 1, 1)
    store.review_link(first, others[1], "rejected", reviewer="alice")
    assert tally() == (2, 2, 1, 1)  # article 3 still agrees through its other claim
    store.review_link(first, others[2], "rejected", reviewer="alice")
    assert tally() == (1, 1, 1, 0)


def test_a_new_revision_keeps_the_rejection(tmp_path):
    store = Store(tmp_path / "revised.db")
    paths = {name: str(ROOT / "seeds" / f"{name}.txt") for name in SEED_REPORTS}
    for name, path in paths.items():
        store.ingest(Path(path).read_text(encoding="utf-8"), name=name, path=path)
    pair = (claim_id(store, "he had been wearing a bullet-proof vest"),
            claim_id(store, "the gunman wore a bullet-proof vest"))
    store.review_link(*pair, "rejected", reviewer="bob")
    revised = Path(paths["report-evening"]).read_text(encoding="utf-8") + \
        "\nPolice said the roads around the town were closed on Friday.\n"
    result = store.ingest(revised, name="report-evening", path=paths["report-evening"])
    assert result.revision == 2 and result.changes["kept"] == 9  # a new revision: its claims keep their ids
    assert store.db.execute("SELECT relation FROM links WHERE claim_id = ? AND other_id = ?",
                            sorted(pair)).fetchone() == ("agree",)  # matching still says agree
    assert linked(store, 1, pair) == []
    assert [r["id"] for r in store.matches(1, "rejected")] == [link_id(*pair)]


def test_a_link_made_again_keeps_its_decision(store, vest):
    store.review_link(*vest, "confirmed", reviewer="alice")
    texts = [store.claim(c)["text"] for c in vest]
    with store._writing():  # what linking does when it makes an article's links again
        store._links.unlink(2)
        assert linked(store, 1, vest) == []
        store._links.write([(0, vest[0], relate(texts[1], texts[0]))], [vest[1]])
    assert linked(store, 1, vest)[0]["status"] == "confirmed"


def test_a_confirmation_holds_only_for_the_relation_confirmed(store, vest):
    store.review_link(*vest, "confirmed", reviewer="alice")
    store.db.execute("UPDATE links SET relation = 'contradict' WHERE claim_id = ? AND other_id = ?", sorted(vest))
    assert linked(store, 1, vest)[0]["status"] == "suggested"  # matching changed its mind: ask again


def test_a_decision_does_not_pass_to_a_claim_that_changed(store, vest):
    store.review_link(*vest, "rejected", reviewer="bob")
    store.db.execute("UPDATE claims SET text = 'the gunman wore a vest' WHERE id = ?", [vest[1]])
    assert linked(store, 1, vest)[0]["status"] == "suggested"


def test_latest_decision_wins_and_history_stays(store, vest):
    store.review_link(*vest, "rejected", reviewer="bob")
    store.review_link(*vest, "confirmed", reviewer="alice")
    assert linked(store, 1, vest)[0]["status"] == "confirmed"
    assert [r["decision"] for r in store.db["link_reviews"].rows] == ["rejected", "confirmed"]


def test_errors_record_nothing(store, vest):
    unlinked = claim_id(store, "he had been wearing a bullet-proof vest"), claim_id(store, "called them armed and dangerous")
    with pytest.raises(NotFoundError, match="not linked"):
        store.review_link(*unlinked, "rejected")
    with pytest.raises(FactcheckError, match="not a decision"):
        store.review_link(*vest, "maybe")
    with pytest.raises(FactcheckError, match="not a link status"):
        store.matches(status="pending")
    with pytest.raises(NotFoundError):
        store.matches(99)
    assert store.db["link_reviews"].count == 0


def test_same_verdict_again_is_not_recorded(store):
    store.verify([5], "verified", reviewer="alice")
    store.verify([5], "verified", reviewer="alice")
    assert [h["status"] for h in store.history(5)] == ["verified"]
    store.verify([5], "verified", note="seen twice", reviewer="alice")
    store.verify([5], "unverifiable", reviewer="alice")
    assert [(h["status"], h["note"]) for h in store.history(5)] == [
        ("verified", None), ("verified", "seen twice"), ("unverifiable", None)]


def test_propositions_keep_a_rejected_pair_apart():
    from factcheck.match.stories import propositions
    links = [(1, 3, "agree", 0.9), (2, 3, "agree", 0.8)]
    assert [p.claim_ids for p in propositions({1: 1, 2: 2, 3: 3}, links)] == [[1, 2, 3]]
    found = [p.claim_ids for p in propositions({1: 1, 2: 2, 3: 3}, links, apart=[(1, 2)])]
    assert found == [[1, 3], [2]] and all(not p.contradicts for p in propositions({1: 1, 2: 2, 3: 3}, links, [(1, 2)]))
