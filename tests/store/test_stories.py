"""Stories: grouping reports of one event as they arrive, propositions, corrections that stick."""
import pytest
from sqlite_utils import Database

from factcheck import Store
from factcheck.errors import FactcheckError
from factcheck.match.stories import Rarity, article_terms, choose_story, Candidate, propositions
from factcheck.store.migrations import migrations
from factcheck.store.links import Links
from factcheck.store.relinking import LINK_BATCH
from conftest import ROOT, SHARED

REPORTS = SHARED / "data" / "reports" / "articles"


def ingest_reports(store):
    ids = {}
    for path in sorted(REPORTS.glob("*.txt")):
        ids[path.stem] = store.ingest(path.read_text(encoding="utf-8"), title=path.stem).article_id
    return ids


@pytest.mark.skipif(not REPORTS.exists(), reason="needs ../shared/data/reports")
def test_the_reports_of_each_event_make_one_story(tmp_path):
    store = Store(tmp_path / "claims.db")
    ids = ingest_reports(store)
    stories = store.stories()
    assert len(stories) == 4
    for story in stories:
        events = {title.split("_")[0] for title in (a["title"] for a in story["articles"])}
        assert len(events) == 1 and len(story["articles"]) == 3
        assert story["claims"] > 0 and story["agree"] > 0
    notredame = store.story_of(ids["notredame_meridian"])
    assert {"Notre", "Paris"} & set(store.story(notredame)["title"].split(" · "))


def test_articles_join_a_story_by_shared_names_and_stay_apart_otherwise(tmp_path, seed_text):
    store = Store(tmp_path / "claims.db")
    first = store.ingest(seed_text, name="montrouge").article_id
    for path in sorted((ROOT / "seeds").glob("report-*.txt")):
        store.ingest(path.read_text(encoding="utf-8"), name=path.stem)
    other = store.ingest("Council approves budget\n\nThe city council approved a 4 million euro budget "
                         "for new cycle lanes in Lyon on Tuesday, the mayor said.\n").article_id
    stories = store.stories()
    assert [len(s["articles"]) for s in stories] == [3, 1]
    assert store.story_of(first) != store.story_of(other)


def test_dates_far_apart_keep_look_alike_reports_in_two_stories(tmp_path, seed_text):
    store = Store(tmp_path / "claims.db")
    a = store.ingest(seed_text, published="2015-01-08").article_id
    b = store.ingest(seed_text + "\nUpdated.", published="2016-01-08").article_id
    c = store.ingest(seed_text + "\nUpdated again.", published="2015-01-09").article_id
    assert store.story_of(a) != store.story_of(b)
    assert store.story_of(a) == store.story_of(c)


def test_merge_and_split_stick_and_removal_empties_a_story(tmp_path, seed_text):
    store = Store(tmp_path / "claims.db")
    a = store.ingest(seed_text).article_id
    b = store.ingest("Council approves budget\n\nThe city council approved a budget for cycle lanes in Lyon.\n").article_id
    kept = store.merge_stories(store.story_of(a), store.story_of(b))
    assert store.story_of(a) == store.story_of(b) == kept and len(store.stories()) == 1
    new = store.split_story(kept, b)
    assert store.story_of(b) == new != store.story_of(a)
    store.delete_article(b)
    assert [s["id"] for s in store.stories()] == [kept]
    with pytest.raises(FactcheckError, match="not in story"):
        store.split_story(kept, new_article(store))
    with pytest.raises(FactcheckError, match="no article with id 999"):
        store.split_story(kept, 999)


def new_article(store):
    return store.ingest("Storm closes ferry port\n\nGales shut the ferry port at Dover on Friday.\n").article_id


def test_propositions_never_hold_two_claims_of_one_article_nor_a_contradiction():
    article_of = {1: 10, 2: 10, 3: 20, 4: 30}
    links = [(1, 3, "agree", 0.9), (2, 3, "agree", 0.8), (3, 4, "agree", 0.7), (1, 4, "contradict", 0.9)]
    found = propositions(article_of, links)
    groups = sorted(sorted(p.claim_ids) for p in found)
    assert groups == [[1, 3], [2], [4]]
    by_claim = {c: i for i, p in enumerate(found) for c in p.claim_ids}
    assert by_claim[4] in found[by_claim[1]].contradicts


def test_choosing_a_story_needs_more_than_one_shared_name():
    rarity = Rarity(100, {"paris": 30, "montrouge": 2, "clio": 1, "policewoman": 3, "lyon": 5})
    new = {"montrouge", "clio", "policewoman", "paris"}
    alike = Candidate(1, 7, frozenset({"montrouge", "clio", "policewoman"}))
    loose = Candidate(2, 8, frozenset({"paris", "lyon", "budget", "council", "cycle"}))
    assert choose_story(new, None, [loose, alike], lambda story: [], rarity) == 7
    assert choose_story(new, None, [loose], lambda story: [], rarity) is None


def test_article_terms_prefer_names_and_numbers():
    terms = article_terms("The Renault Clio was found in Montrouge. The car was found empty. "
                          "Police said 120 officers searched Montrouge.")
    written = list(terms.values())
    assert written[:2] == ["Montrouge", "120"]
    assert "The" not in written and "car" not in written  # stop words and short common words say little


def test_an_editors_note_says_nothing_of_the_story():
    note = "Editor's note: This outlet's coverage of Governor Halvorsen is collected at our Halvorsen Files page."
    for report in ("Governor Halvorsen opened the Tarnby bridge on Monday.",
                   "Flooding closed the Tarnby bridge; 300 homes were evacuated."):
        terms = article_terms(f"{report}\n\n{note}")
        assert "file" not in terms and "collected" not in terms and "coverage" not in terms
        assert "tarnby" in terms
    assert "halvorsen" not in article_terms("Flooding closed the Tarnby bridge.\n" + note.replace("'", "’"))


def test_an_older_database_gets_its_articles_grouped_on_upgrade(tmp_path, seed_text):
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="m005_stories")
    db["articles"].insert({"title": "old", "text": seed_text, "content_hash": "x", "ingested_at": "2015-01-08"})
    db.close()
    store = Store(path)
    assert [len(s["articles"]) for s in store.stories()] == [1]
    assert store.pending_links() == []  # linked as they arrived, before linked_at was kept (m010)


def seed_report(name):
    return (ROOT / "seeds" / f"{name}.txt").read_text(encoding="utf-8")


def pairs_between(store, a, b):
    return {(l["claim_id"], l["other_id"], l["relation"]) for l in store.links(a) if l["other_article"] == b}


def test_a_merge_links_the_claims_of_the_stories_it_joins(tmp_path, seed_text):
    store = Store(tmp_path / "claims.db")
    a = store.ingest(seed_text, published="2015-01-08").article_id
    b = store.ingest(seed_report("report-evening"), published="2016-01-08", link=False).article_id
    assert store.story_of(a) != store.story_of(b) and store.links(b) == []
    kept = store.merge_stories(store.story_of(b), store.story_of(a))
    texts = {(l["claim"], l["other_claim"]): l["relation"] for l in store.links(b)}
    assert texts[("the shooter fled in a Renault Clio", "the shooter fled in a Renault Clio car")] == "agree"
    assert {l["other_article"] for l in store.links(b)} == {a}
    story = store.story(kept)
    assert story["agree"] == len([l for l in store.links(a) if l["relation"] == "agree"]) > 0
    made = pairs_between(store, a, b)
    store.split_story(kept, a)
    assert pairs_between(store, a, b) == made  # still true, so kept ...
    assert all(s["agree"] == s["contradict"] == 0 for s in store.stories())  # ... but no story holds both ends
    assert all(len(p["claims"]) == 1 for s in store.stories() for p in store.propositions(s["id"]))


def test_a_merge_keeps_the_links_and_decisions_it_finds(tmp_path, seed_text):
    store = Store(tmp_path / "claims.db")
    a = store.ingest(seed_text, published="2015-01-08").article_id
    b = store.ingest(seed_report("report-evening"), published="2016-01-08").article_id  # linked across stories
    wire = store.ingest(seed_report("report-wire"), published="2016-01-09", link=False).article_id
    before = store.links(b)
    assert before and store.story_of(wire) == store.story_of(b) != store.story_of(a)
    rejected = next(l for l in before if l["other_article"] == a)
    store.review_link(rejected["claim_id"], rejected["other_id"], "rejected")
    store.merge_stories(store.story_of(a), store.story_of(b))
    after = {l["link_id"]: l for l in store.links(b)}
    assert rejected["link_id"] not in after  # made again by nobody, still rejected
    assert all(after[l["link_id"]]["score"] == l["score"] for l in before if l["link_id"] != rejected["link_id"])
    assert {l["other_article"] for l in store.links(wire)} >= {a}


def test_articles_stored_with_matching_off_are_searchable_at_once_and_linked_by_the_second_pass(tmp_path, seed_text):
    store = Store(tmp_path / "claims.db")
    a = store.ingest(seed_text).article_id
    b = store.ingest(seed_report("report-evening"), link=False).article_id
    wire = store.ingest(seed_report("report-wire"), link=False).article_id
    assert store.pending_links() == [b, wire] and store.links(b) == store.links(wire) == []
    assert store.search("Peugeot")[0]["article_id"] == wire
    assert [r.article_id for r in store.link_pending([wire])] == [wire]
    assert store.pending_links() == [b]
    made_by_wire = len(store.links(b))  # b's claims are in wire's pool
    assert made_by_wire > 0
    results = list(store.link_pending())
    assert [r.article_id for r in results] == [b] and results[0].links == len(store.links(b)) - made_by_wire
    relations = {(l["claim"], l["other_claim"]): l["relation"] for l in store.links(wire)}
    assert relations[("the gunman escaped in a Peugeot", "the shooter fled in a Renault Clio car")] == "contradict"
    assert {l["other_article"] for l in store.links(b)} == {a, wire}
    assert list(store.link_pending()) == [] and list(store.link_pending([a, 999])) == []  # none waits
    assert store.article(b)["linked_at"] is not None


def test_an_article_changed_since_it_was_stored_meets_the_newer_articles_too(tmp_path, seed_text):
    store = Store(tmp_path / "claims.db")
    a = store.ingest(seed_text, link=False).article_id
    b = store.ingest(seed_report("report-evening"), link=False).article_id
    store.edit_article(a, title="Montrouge")  # changed since stored: its pass meets every article
    assert [r.article_id for r in store.link_pending([a])] == [a]
    assert {l["other_article"] for l in store.links(a)} == {b}
    assert [r.links for r in store.link_pending([b])] == [0]  # nothing left to relate


def test_an_article_extracted_again_with_matching_off_waits_for_the_pass(tmp_path, seed_text):
    store = Store(tmp_path / "claims.db")
    a = store.ingest(seed_text).article_id
    store.ingest(seed_report("report-evening"))
    kept = store.links(a)
    store.ingest(seed_text, force=True, link=False)
    assert store.pending_links() == [a] and store.links(a) == kept  # claims found again keep their links
    assert [r.article_id for r in store.link_pending()] == [a] and store.pending_links() == []


def test_the_pass_in_one_batch_makes_the_links_one_article_after_the_other_would(tmp_path, seed_text):
    store = Store(tmp_path / "claims.db")
    a = store.ingest(seed_text, link=False).article_id
    b = store.ingest(seed_report("report-evening"), link=False).article_id
    store.edit_article(a, title="Montrouge")  # a's pass meets b: b's must not count the pairs again
    results = list(store.link_pending())
    assert [r.article_id for r in results] == [a, b] and results[1].links == 0
    assert results[0].links == len(store.links(a)) > 0


def test_the_pass_over_many_articles_links_as_ingest_does(tmp_path, seed_text):
    texts = [seed_text] + [seed_report(name) for name in ("report-evening", "report-wire")]
    texts += [f"{text}\nUpdate {n}: {n + 3} officers were questioned, the prefect said.\n"
              for n in range(LINK_BATCH + 3) for text in texts[:1]]
    at_ingest, by_pass = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    for text in texts:
        at_ingest.ingest(text)
        by_pass.ingest(text, link=False)
    results = list(by_pass.link_pending())
    assert [r.article_id for r in results] == list(range(1, len(texts) + 1))

    def links(store):
        return sorted(store.db.execute("SELECT claim_id, other_id, relation, score, reasons FROM links").fetchall())
    assert links(by_pass) == links(at_ingest) and sum(r.links for r in results) == len(links(at_ingest)) > 0


def test_remembered_term_counts_follow_other_writers_and_rollbacks(tmp_path, monkeypatch):
    path = tmp_path / "claims.db"
    mine, other = Store(path), Store(path)
    mine.ingest("Riots in Anpiba\nPolice said 243 people were arrested in Anpiba.\n")
    counts = mine._stories._term_counts
    assert counts.counts(["anpiba", "vardell"]) == {"anpiba": 1, "vardell": 0}
    other.ingest("Anpiba riots\n243 people were detained in Anpiba near the Vardell stadium.\n")
    assert counts.counts(["anpiba", "vardell"]) == {"anpiba": 2, "vardell": 1}  # another connection wrote
    mine.ingest("Vardell stadium reopens\nThe Vardell stadium in Anpiba reopened on Sunday.\n")
    assert counts.counts(["anpiba", "vardell"]) == {"anpiba": 3, "vardell": 2}  # this one wrote

    def broken(self, claim_ids):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr("factcheck.store.articles.Articles.index", broken)
    with pytest.raises(RuntimeError):
        mine.ingest("Anpiba again\nThe Vardell stadium in Anpiba closed on Monday.\n")  # rolled back after join
    assert counts.counts(["anpiba", "vardell"]) == {"anpiba": 3, "vardell": 2}


def test_an_error_in_the_pass_keeps_the_links_planned_before_it(tmp_path, seed_text, monkeypatch):
    store = Store(tmp_path / "claims.db")
    ids = [store.ingest(text, link=False).article_id
           for text in (seed_text, seed_report("report-evening"), seed_report("report-wire"))]
    planned = Links.plan_stored

    def failing(self, article_id, articles):
        if article_id == ids[2]:
            raise RuntimeError("out of memory")
        return planned(self, article_id, articles)
    monkeypatch.setattr(Links, "plan_stored", failing)
    with pytest.raises(RuntimeError):
        list(store.link_pending())
    assert store.pending_links() == [ids[2]] and store.links(ids[1])  # the first two are linked
