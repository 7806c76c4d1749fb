"""Verdicts keep their anchor: revisions of an article, ids never reused, an append-only history."""
import sqlite3

import pytest
from sqlite_utils import Database

from factcheck.errors import FactcheckError
from factcheck.match.revisions import reconcile
from factcheck.store.migrations import LASTING_IDS, migrations
from factcheck.store.storage import Store

V1 = """Gunman kills policewoman in Montrouge

A policewoman was shot dead in Montrouge on Thursday morning, police said.
The gunman fled in a Renault Clio, witnesses said.
Four people were wounded in the attack, the mayor said.
"""
# The live report, updated: a claim added before the others (every offset moves), one reworded,
# one gone, one unchanged.
V2 = """Gunman kills policewoman in Montrouge, seven arrested

Prime minister Manuel Valls said seven people had been arrested overnight.
A policewoman was shot dead in Montrouge on Thursday morning, police said.
Five people were wounded in the attack, the mayor said.
"""
OTHER = """Arrests after Montrouge shooting

Seven people had been arrested overnight, Manuel Valls said on Friday.
"""


def texts(store, **options):
    return {c["text"]: c for c in store.claims(**options)}


@pytest.fixture
def revised(tmp_path):
    store = Store(tmp_path / "claims.db")
    first = store.ingest(V1, path="live.txt", name="live")
    before = texts(store)
    store.verify([before["A policewoman was shot dead in Montrouge on Thursday morning"]["id"]], "verified",
                 reviewer="alice")
    store.verify([before["The gunman fled in a Renault Clio"]["id"]], "disputed", reviewer="alice")
    second = store.ingest(V2, path="live.txt", name="live")
    return store, first, second, before


def test_changed_text_at_the_same_path_is_a_new_revision_of_the_same_article(revised):
    store, first, second, before = revised
    assert second.article_id == first.article_id and len(store.articles()) == 1
    assert (second.revision, second.changes) == (2, {"kept": 1, "changed": 1, "appeared": 1, "went": 1})
    assert store.article(first.article_id)["text"] == V2
    after = texts(store)
    kept = after["A policewoman was shot dead in Montrouge on Thursday morning"]
    assert kept["id"] == before[kept["text"]]["id"] and kept["status"] == "verified"
    assert kept["start"] != before[kept["text"]]["start"] and kept["revision"] == 2
    assert set(after) == {kept["text"], "seven people had been arrested overnight",
                          "Five people were wounded in the attack"}


def test_every_offset_indexes_the_text_it_was_made_from(revised):
    store, first, _, _ = revised
    for claim in store.claims(first.article_id, retired=True):
        text = store.revision_text(first.article_id, claim["revision"])
        assert text[claim["start"]:claim["end"]] == claim["text"]
        if claim["source_start"] is not None:
            assert text[claim["source_start"]:claim["source_end"]] == claim["source_text"]
    assert store.revision_text(first.article_id, 1) == V1
    sentences = store.sentences(first.article_id)
    assert all(V2[s["start"]:s["end"]].strip() for s in sentences) and sentences[0]["kind"] == "headline"


def test_a_claim_that_went_is_retired_with_its_verdict_never_deleted(revised):
    store, _, _, before = revised
    gone = before["The gunman fled in a Renault Clio"]
    claim = store.claim(gone["id"])
    assert claim["retired_at"] and claim["status"] == "disputed" and claim["revision"] == 1
    assert gone["text"] not in texts(store)  # hidden from listings unless asked
    assert gone["text"] in texts(store, retired=True)
    assert [h["status"] for h in store.history(gone["id"])] == ["disputed"]
    assert not store.search("Renault Clio")
    assert store.claim_revisions(gone["id"]) == [
        {"revision": 2, "at": claim["retired_at"], "change": "went", "other_id": None, "extractor": None}]


def test_revisions_say_what_changed_when(revised):
    store, first, _, before = revised
    rows = store.revisions(first.article_id)
    assert [(r["number"], r["characters"], r["changes"] == []) for r in rows] == [(1, len(V1), True),
                                                                                 (2, len(V2), False)]
    changes = {(c["change"], c["text"], c["previous_text"]) for c in rows[1]["changes"]}
    assert changes == {
        ("appeared", "seven people had been arrested overnight", None),
        ("changed", "Five people were wounded in the attack", "Four people were wounded in the attack"),
        ("went", "The gunman fled in a Renault Clio", None)}
    reworded = texts(store)["Five people were wounded in the attack"]
    old = before["Four people were wounded in the attack"]["id"]
    assert reworded["id"] > max(c["id"] for c in before.values())
    assert store.claim_revisions(reworded["id"])[0]["change"] == "changed"
    assert store.claim_revisions(old)[0] == {"revision": 2, "at": rows[1]["ingested_at"], "change": "changed into",
                                             "other_id": reworded["id"], "extractor": None}


def test_same_text_again_changes_nothing(revised):
    store, first, _, _ = revised
    again = store.ingest(V2, path="live.txt", name="live")
    assert (again.created, again.replaced, again.revision, again.changes) == (False, False, None, None)
    assert len(store.revisions(first.article_id)) == 2


def test_same_url_from_another_file_is_a_revision_and_metadata_stays(tmp_path):
    store = Store(tmp_path / "claims.db")
    first = store.ingest(V1, name="a", url="https://example.org/live", outlet="AFP", published="2015-01-08")
    second = store.ingest(V2, name="b", path="elsewhere.txt", url="https://example.org/live")
    row = store.article(first.article_id)
    assert second.article_id == first.article_id and second.revision == 2
    assert (row["outlet"], row["published"], row["path"]) == ("AFP", "2015-01-08", "elsewhere.txt")
    assert row["ingested_at"] == store.revisions(first.article_id)[0]["ingested_at"] and row["updated_at"]
    third = store.ingest(V2.replace("Five", "Six"), name="c")  # no path, no url: another article
    assert third.created


def test_a_revision_refreshes_story_terms_and_links_of_changed_claims(tmp_path):
    store = Store(tmp_path / "claims.db")
    other = store.ingest(OTHER, name="other").article_id
    live = store.ingest(V1, path="live.txt", name="live").article_id
    assert not store.links(live)
    terms = lambda: {t for (t,) in store.db.execute("SELECT term FROM article_terms WHERE article_id = ?", [live])}
    assert "clio" in terms() and "vall" not in terms()
    story = store.story_of(live)
    store.ingest(V2, path="live.txt", name="live")
    assert "clio" not in terms() and "vall" in terms()
    counts = dict(store.db.execute("SELECT term, articles FROM term_counts WHERE term IN ('clio', 'vall')"))
    assert counts == {"clio": 0, "vall": 2}
    linked = {(l["claim"], l["other_article"]) for l in store.links(live)}
    assert ("seven people had been arrested overnight", other) in linked
    assert store.story_of(live) == story  # a stored article moves only when a person moves it


def test_force_re_extraction_keeps_old_revisions_and_metadata(revised):
    store, first, _, before = revised
    retired = {c["id"] for c in store.claims(retired=True)} - {c["id"] for c in store.claims()}
    verified = texts(store)["A policewoman was shot dead in Montrouge on Thursday morning"]
    forced = store.ingest(V2, path="live.txt", force=True)  # the kept claim has a verdict: allowed
    assert forced.replaced and forced.changes == {"kept": 3, "changed": 0, "appeared": 0, "went": 0}
    assert texts(store)[verified["text"]] == verified and store.article(first.article_id)["revision"] == 2
    fresh = store.ingest(V1.replace("Montrouge", "Clamart"), path="new.txt", url="https://example.org/c")
    again = store.ingest(V1.replace("Montrouge", "Clamart"), force=True)
    assert again.replaced and store.article(fresh.article_id)["url"] == "https://example.org/c"
    assert retired <= {c["id"] for c in store.claims(retired=True)}
    assert len(store.search("Clamart")) == 1


def test_ingest_many_forced_re_extracts_a_reviewed_article_too(tmp_path):
    store = Store(tmp_path / "claims.db")
    articles = [{"text": f"Police said {n} people were hurt in town {n}.", "name": f"a{n}"} for n in range(4)]
    list(store.ingest_many(articles))
    store.verify([store.claims(2)[0]["id"]], "verified", reviewer="alice")
    before = store.claims(2)
    results = list(store.ingest_many([{**a, "force": True} for a in articles]))
    assert [r.replaced for r in results] == [True] * 4 and not any(r.refused for r in results)
    assert store.claims(2) == before


def test_edit_changes_metadata_without_re_extraction(tmp_path):
    store = Store(tmp_path / "claims.db")
    article_id = store.ingest(V1, name="live", url="https://example.org/a").article_id
    before, claims = store.article(article_id), store.claims(article_id)
    row = store.edit_article(article_id, title="Montrouge shooting", outlet="AFP", url="", published="2015-01-08")
    assert (row["title"], row["outlet"], row["url"], row["published"]) == (
        "Montrouge shooting", "AFP", None, "2015-01-08")
    assert row["ingested_at"] == before["ingested_at"] and row["updated_at"] and before["updated_at"] is None
    assert store.claims(article_id) == claims
    with pytest.raises(FactcheckError, match="nothing to change"):
        store.edit_article(article_id)
    with pytest.raises(FactcheckError, match="empty"):
        store.edit_article(article_id, title="")


def test_verification_history_refuses_update_and_delete_in_sqlite_itself(revised, tmp_path):
    store, *_ = revised
    store.close()
    conn = sqlite3.connect(tmp_path / "claims.db")
    for statement in ("UPDATE verifications SET status = 'false'", "DELETE FROM verifications"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(statement)
    assert conn.execute("SELECT count(*) FROM verifications WHERE status != 'false'").fetchone()[0] == 2


def test_ids_are_never_reused_after_remove(tmp_path):
    store = Store(tmp_path / "claims.db")
    store.ingest("Police said the gunman fled.", name="a")
    last = store.ingest("Witnesses said a Renault Clio drove off.", name="b")
    top_claim = max(c["id"] for c in store.claims())
    store.delete_article(last.article_id)
    store.db.execute("DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM articles)")
    again = store.ingest("Firefighters said the fire was out by noon.", name="c")
    assert again.article_id == last.article_id + 1
    assert min(c["id"] for c in store.claims(again.article_id)) > top_claim
    assert store.story_of(again.article_id) > store.story_of(1)


def test_migrating_an_existing_database_keeps_every_id(tmp_path, seed_text):
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="m006_revisions_and_lasting_ids")
    db.close()
    conn = sqlite3.connect(path)  # an m005 database with gaps in its ids
    conn.executescript("""
        INSERT INTO stories (id, title, created_at) VALUES (3, 'story', 'now');
        INSERT INTO articles (id, title, text, content_hash, ingested_at, story_id) VALUES
            (5, 't', 'x y', 'h', 'now', 3), (9, 'u', 'y z', 'i', 'now', 3);
        INSERT INTO sources (id, name, key, kind) VALUES (12, 'Police', 'police', 'official_body');
        INSERT INTO source_aliases VALUES (12, 'Police');
        INSERT INTO claims (id, article_id, start, "end", text, kind, source_id) VALUES
            (40, 5, 0, 3, 'x y', 'official_body', 12), (77, 9, 0, 3, 'y z', 'unattributed', NULL);
        INSERT INTO claims_fts (rowid, text) VALUES (40, 'x y'), (77, 'y z');
        INSERT INTO links VALUES (40, 77, 'related', 0.5, '[]', '[]');
        INSERT INTO verifications (claim_id, status, reviewer, at) VALUES (40, 'verified', 'a', 'now');""")
    conn.commit()
    tables = ("articles", "claims", "sources", "source_aliases", "stories", "links", "verifications")
    before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    conn.close()
    store = Store(path)
    for table in tables:  # the rows as they were, with the new columns after them
        rows = store.db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
        assert [r[:len(before[table][0])] for r in rows] == before[table], table
    assert store.claim(40)["status"] == "verified" and store.article(5)["revision"] == 1
    assert [r["number"] for r in store.revisions(9)] == [1] and [h["id"] for h in store.search("z")] == [77]
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    new = store.ingest(seed_text, name="montrouge")
    assert new.article_id == 10 and min(c["id"] for c in store.claims(10)) == 78
    assert store.search("bullet-proof vest")
    for table in LASTING_IDS:
        sql = store.db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
        assert "AUTOINCREMENT" in sql, table


def test_reconcile_pairs_same_texts_in_order_then_rewordings():
    found = reconcile([(1, "a b c"), (2, "same"), (3, "same"), (4, "Four people were hurt"), (5, "gone entirely")],
                      ["same", "new claim here", "Five people were hurt", "same"])
    assert found.kept == [(2, 0), (3, 3)]
    assert found.changed == [(4, 2)] and found.appeared == [1] and found.went == [1, 5]


def test_export_keeps_a_retired_claim_while_it_has_a_verdict(revised):
    store, first, _, before = revised
    rows = {r["id"]: r for r in store.export_rows(first.article_id)}
    gone = before["The gunman fled in a Renault Clio"]["id"]
    reworded = before["Four people were wounded in the attack"]["id"]  # retired, no verdict
    assert rows[gone]["status"] == "disputed" and rows[gone]["retired_at"] and rows[gone]["revision"] == 1
    assert reworded not in rows
    assert {r["id"] for r in store.claims(first.article_id)} <= set(rows)


def test_a_reused_file_name_with_nothing_in_common_is_another_article(tmp_path):
    store = Store(tmp_path / "claims.db")
    first = store.ingest(V1, path="draft.txt", name="draft")
    other = store.ingest(OTHER, path="draft.txt", name="draft")
    assert other.created and other.article_id != first.article_id
    by_url = store.ingest(V1, url="https://example.org/x")  # the same text: the stored article
    assert by_url.article_id == first.article_id and not by_url.created
    store.edit_article(first.article_id, url="https://example.org/x")
    moved = store.ingest(OTHER.replace("Seven", "Eight"), url="https://example.org/x")
    assert moved.article_id == first.article_id and moved.revision == 2  # a url names one article


def test_the_full_text_index_stays_consistent_through_revisions_and_removal(tmp_path):
    store = Store(tmp_path / "claims.db")
    article_id = store.ingest(V1, path="live.txt", name="live").article_id
    store.ingest(V2, path="live.txt", name="live")
    store.ingest(V2, path="live.txt", name="live", force=True)
    per_revision = dict(store.db.execute("SELECT revision, count(*) FROM sentences GROUP BY revision"))
    assert per_revision == {1: 4, 2: 4}  # re-extraction replaced the current revision's only
    assert all(V1[c["start"]:c["end"]] == c["text"] for c in store.claims(retired=True) if c["revision"] == 1)
    check = "INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)"  # against the claims table too
    store.db.execute(check)  # raises if the index and the claims table disagree
    assert [h["text"] for h in store.search("wounded")] == ["Five people were wounded in the attack"]
    store.delete_article(article_id)
    store.db.execute(check)
    assert store.db.execute("SELECT count(*) FROM claims_fts").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM revisions").fetchone()[0] == 0
