"""The store: schema, idempotent ingest, source merging, search, transactional writes."""
import pytest
from sqlite_utils import Database

from factcheck.errors import NotFoundError, StoreError
from factcheck.store.migrations import migrations
from factcheck.store.search_query import SearchSyntaxError
from factcheck.store.storage import Store


def test_migrations_build_every_table():
    db = Database(memory=True)
    migrations.apply(db)
    assert db["articles"].columns_dict == {
        "id": int, "title": str, "outlet": str, "url": str, "published": str, "path": str,
        "text": str, "content_hash": str, "ingested_at": str, "story_id": int, "story_pinned": int,
        "revision": int, "updated_at": str, "byline": str, "dateline_place": str, "wire": str,
        "extractor": str, "linked_at": str}
    assert db["stories"].columns_dict == {"id": int, "title": str, "created_at": str}
    assert set(db["article_terms"].columns_dict) == {"article_id", "term", "written", "position"}
    assert db["sentences"].columns_dict == {
        "id": int, "article_id": int, "position": int, "start": int, "end": int, "kind": str, "revision": int}
    assert db["sources"].columns_dict == {"id": int, "name": str, "key": str, "kind": str}
    assert db["source_aliases"].columns_dict == {"source_id": int, "alias": str}
    assert set(db["claims"].columns_dict) == {
        "id", "article_id", "sentence", "start", "end", "text", "kind", "source_id", "source_text",
        "source_start", "source_end", "cue", "cue_start", "cue_end", "quoted", "hedged", "relayed_by",
        "revision", "retired_at", "subject"}
    assert db["revisions"].columns_dict == {
        "id": int, "article_id": int, "number": int, "content_hash": str, "text": str, "path": str, "url": str,
        "ingested_at": str, "kept": int, "changed": int, "appeared": int, "went": int}
    assert db["revision_changes"].columns_dict == {
        "revision_id": int, "claim_id": int, "change": str, "previous_id": int}
    assert db["extractions"].columns_dict == {
        "id": int, "article_id": int, "revision": int, "extractor": str, "at": str, "claims": int,
        "kept": int, "changed": int, "appeared": int, "went": int, "frames": int}
    assert db["extraction_changes"].columns_dict == {
        "extraction_id": int, "claim_id": int, "change": str, "previous_id": int}
    assert "claims_fts" in db.table_names()
    assert set(db.triggers_dict) == {"claims_ad", "claims_au",  # inserts: the store itself (m002)
                                     "verifications_no_update", "verifications_no_delete"}


def test_ingest_twice_is_a_no_op(seed_text):
    store = Store(":memory:")
    first = store.ingest(seed_text, name="montrouge")
    again = store.ingest(seed_text, name="montrouge")
    assert first.created and not again.created and again.article_id == first.article_id
    assert len(store.articles()) == 1
    forced = store.ingest(seed_text, name="montrouge", force=True)
    assert forced.replaced and forced.claims == first.claims
    assert len(store.claims(first.article_id)) == first.claims
    assert len(store.search("bullet-proof vest")) == 1  # the index holds the new rows only


def test_ingest_many_stores_every_article(seed_text):
    store = Store(":memory:")
    articles = [{"text": f"Police said {n} people were hurt.", "name": f"a{n}"} for n in range(7)]
    results = list(store.ingest_many(articles))
    assert [r.created for r in results] == [True] * 7
    assert len(store.articles()) == 7 and len(store.search("hurt")) == 7


def test_crash_mid_stream_keeps_every_article_committed_before(monkeypatch):
    store = Store(":memory:")
    real_insert, calls = store._articles.insert_extraction, []

    def crash_on_third(article_id, extraction, source_id, **options):
        calls.append(article_id)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_insert(article_id, extraction, source_id, **options)

    monkeypatch.setattr(store._articles, "insert_extraction", crash_on_third)
    articles = [{"text": f"Police said {n} people were hurt.", "name": f"a{n}"} for n in range(5)]
    with pytest.raises(KeyboardInterrupt):
        list(store.ingest_many(articles))
    assert [a["title"] for a in store.articles()] == ["a0", "a1"]
    assert len(store.search("hurt")) == 2


def test_no_extraction_or_matching_inside_the_write_transaction(seed_text, monkeypatch):
    import factcheck.store.storage as storage
    store = Store(":memory:")
    store.ingest(seed_text.replace("Montrouge", "Clamart"), name="other")
    seen = []
    real_extract, real_plan = storage.extract, store._links.plan
    monkeypatch.setattr(storage, "extract", lambda text: seen.append(store.db.conn.in_transaction)
                        or real_extract(text))
    monkeypatch.setattr(store._links, "plan", lambda *a: seen.append(store.db.conn.in_transaction)
                        or real_plan(*a))
    result = store.ingest(seed_text, name="montrouge")
    assert seen == [False, False]
    assert store.links(result.article_id)  # the planned links were written


def test_stored_offsets_point_into_stored_text(seed_text):
    store = Store(":memory:")
    article_id = store.ingest(seed_text, name="montrouge").article_id
    text = store.article(article_id)["text"]
    assert text == seed_text
    for claim in store.claims(article_id):
        assert text[claim["start"]:claim["end"]] == claim["text"]
        if claim["source_start"] is not None:
            assert text[claim["source_start"]:claim["source_end"]] == claim["source_text"]
            assert text[claim["cue_start"]:claim["cue_end"]] == claim["cue"]


def test_sources_merge_across_articles():
    store = Store(":memory:")
    store.ingest("Seven people were arrested, prime minister Manuel Valls said.", name="a")
    store.ingest("Manuel Valls said nine people had been arrested overnight.", name="b")
    store.ingest("The arrests were lawful, Valls said.", name="c")
    valls = [s for s in store.sources() if s["name"].endswith("Valls")]
    assert len(valls) == 1
    assert valls[0]["articles"] == 3
    assert set(valls[0]["aliases"]) == {"prime minister Manuel Valls", "Manuel Valls", "Valls"}


def test_filters_and_search(seed_text):
    store = Store(":memory:")
    article_id = store.ingest(seed_text, name="montrouge").article_id
    anonymous = store.claims(article_id, kind="anonymous")
    assert {c["source_text"] for c in anonymous} == {"Police sources", "police sources",
                                                    "one police officer at the scene"}
    assert [c["source"] for c in store.claims(source="Valls")] == ["Manuel Valls"]  # the plain name; the titled form is an alias
    hits = store.search("bullet-proof vest")
    assert hits and "bullet-proof vest" in hits[0]["text"]
    with pytest.raises(SearchSyntaxError, match="never closed"):
        store.search('"')  # malformed: refused with a message, not read as "no hits"
    assert store.search("zebra") == []


def test_resolve_article_by_prefix(seed_text):
    store = Store(":memory:")
    store.ingest(seed_text, name="montrouge", path="seeds/montrouge.txt")
    store.ingest("Headline of another\n\nThe minister said it rained.", name="other")
    assert store.resolve_article("mont") == 1
    assert store.resolve_article("Headline") == 2
    with pytest.raises(NotFoundError):
        store.resolve_article("zzz")
    with pytest.raises(NotFoundError):
        store.resolve_article("9")


def test_failed_ingest_leaves_nothing(seed_text, monkeypatch):
    store = Store(":memory:")
    monkeypatch.setattr(store._articles, "insert_extraction", lambda *a: (_ for _ in ()).throw(RuntimeError("crash")))
    with pytest.raises(RuntimeError):
        store.ingest(seed_text, name="montrouge")
    assert store.articles() == []


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError):
        Store(path)
    assert path.read_text().startswith("this is not sqlite")


def test_delete_article(seed_text):
    store = Store(":memory:")
    article_id = store.ingest(seed_text, name="montrouge").article_id
    store.delete_article(article_id)
    assert store.articles() == [] and store.claims() == []
    assert store.db.execute("SELECT count(*) FROM claims_fts").fetchone()[0] == 0


def test_links_place_relative_days_by_each_articles_date(tmp_path):
    store = Store(tmp_path / "dated.db")
    first = store.ingest("The ferry Aurora sank off Kerrow yesterday, the coastguard said.", title="one",
                         published="2024-03-12")  # a Tuesday: yesterday was Monday
    second = store.ingest("The ferry Aurora sank off Kerrow on Sunday, the harbour master said.", title="two",
                          published="2024-03-12")
    third = store.ingest("The ferry Aurora sank off Kerrow on Monday, the harbour master said.", title="three",
                         published="2024-03-14")
    relations = {(row["claim_id"], row["other_id"]): row["relation"] for row in store.links(first.article_id)}
    [one] = store.claims(first.article_id)
    [two] = store.claims(second.article_id)
    [three] = store.claims(third.article_id)
    found = {frozenset(pair): label for pair, label in relations.items()}
    assert found[frozenset((one["id"], two["id"]))] == "contradict"
    assert found[frozenset((one["id"], three["id"]))] == "agree"


def test_links_read_he_and_she_as_whom_each_article_names(tmp_path):
    store = Store(tmp_path / "people.db")
    jones = store.ingest("Police in Kerrow arrested Tom Jones at the harbour on Monday. He was charged with "
                         "arson at the boatyard.", title="one")
    smith = store.ingest("Police in Kerrow arrested Ann Smith at the harbour on Monday. She was charged with "
                         "arson at the boatyard.", title="two")
    again = store.ingest("Tom Jones, a fisherman, was detained in Kerrow on Monday. He was charged with "
                         "arson at the boatyard.", title="three")
    charged = {a.article_id: next(c for c in store.claims(a.article_id) if c["text"].endswith("boatyard"))
               for a in (jones, smith, again)}
    assert [charged[a.article_id]["subject"] for a in (jones, smith, again)] == ["Tom Jones", "Ann Smith", "Tom Jones"]
    found = {frozenset((row["claim_id"], row["other_id"])): row["relation"] for row in store.links(jones.article_id)}
    assert found.get(frozenset((charged[jones.article_id]["id"], charged[smith.article_id]["id"]))) != "agree"
    assert found[frozenset((charged[jones.article_id]["id"], charged[again.article_id]["id"]))] == "agree"
