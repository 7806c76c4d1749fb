"""Re-extraction keeps the anchor of every verdict: a newer extractor, or `ingest --force`,
over the same text keeps the id of every claim it finds again, wherever it now is."""
import json
import re
import sqlite3
from dataclasses import replace

import pytest
from sqlite_utils import Database
from typer.testing import CliRunner

from conftest import ROOT
from factcheck.errors import FactcheckError
from factcheck.extract import EXTRACTOR, extract
from factcheck.model import Claim
from factcheck.present.cli import app
from factcheck.store import revisions as store_revisions
from factcheck.store import storage
from factcheck.store.migrations import migrations
from factcheck.store.storage import Store

runner = CliRunner()
# The same claim twice: an extractor may find either one.
TWICE = """Gunman flees

A policewoman was shot dead, police said.

The gunman fled in a car, witnesses said.

A policewoman was shot dead, police said.
"""
NEWER = "factcheck.rules.v99"


def newer_extractor(monkeypatch, drop=(), add=(), only_last=False, relayed_by=None):
    """Make the store extract with a pretend newer extractor: the real one's claims but those in
    `drop`, plus the spans of text `add` as claims, with `only_last` only the last of claims with
    the same text, with `relayed_by` every claim relayed by it."""
    def extract_newer(text):
        found = extract(text)
        claims = [c for c in found.claims if c.text not in drop]
        if only_last:
            claims = [c for i, c in enumerate(claims) if c.text not in {d.text for d in claims[i + 1:]}]
        if relayed_by:
            claims = [replace(c, attribution=replace(c.attribution, relayed_by=relayed_by)) for c in claims]
        for words in add:
            start = text.index(words)
            claims.append(Claim(start, start + len(words), words))
        return replace(found, claims=sorted(claims, key=lambda c: c.start))
    monkeypatch.setattr(storage, "extract", extract_newer)
    monkeypatch.setattr(store_revisions, "EXTRACTOR", NEWER)


def by_text(store, **options):
    return {c["text"]: c for c in store.claims(**options)}


@pytest.fixture
def seeded(seed_store):
    return seed_store


def test_a_newer_extractor_keeps_ids_verdicts_links_and_link_decisions(seeded, monkeypatch):
    store = seeded
    claims = by_text(store)
    clio = claims["the shooter fled in a Renault Clio car"]
    vest = claims["he had been wearing a bullet-proof vest"]
    dropped = store.claims(1)[-1]  # goes, with a verdict
    store.verify([clio["id"], dropped["id"]], "verified", reviewer="alice")
    store.verify([vest["id"]], "disputed", reviewer="bob")
    confirmed, rejected = (next(m for m in store.matches(1) if m["claim_id"] == c["id"]) for c in (clio, vest))
    store.review_link(clio["id"], confirmed["other_id"], "confirmed", reviewer="alice")
    store.review_link(vest["id"], rejected["other_id"], "rejected", reviewer="alice")
    links_before = {(r["claim_id"], r["other_id"]) for r in store.links(1)
                    if dropped["id"] not in (r["claim_id"], r["other_id"])}
    before = {c["id"]: c for c in store.claims(1)}
    top = max(c["id"] for c in store.claims(retired=True))
    headline = store.sentences(1)[0]
    headline_text = store.article(1)["text"][headline["start"]:headline["end"]]

    newer_extractor(monkeypatch, drop={dropped["text"]}, add=[headline_text], relayed_by="AFP")
    result = store.re_extract(1)

    assert result.replaced and result.changes == {"kept": len(before) - 1, "changed": 0, "appeared": 1, "went": 1}
    after = {c["id"]: c for c in store.claims(1)}
    assert set(after) - set(before) == {top + 1} and after[top + 1]["text"] == headline_text
    assert set(before) - set(after) == {dropped["id"]}
    for claim_id in set(before) & set(after):  # same id, same text, the newer extractor's attribution
        assert after[claim_id]["text"] == before[claim_id]["text"]
        assert after[claim_id]["status"] == before[claim_id]["status"]
        assert after[claim_id]["relayed_by"] == "AFP"
    assert [h["status"] for h in store.history(clio["id"])] == ["verified"]
    assert {(m["claim_id"], m["status"]) for m in store.matches(1, status="rejected")} == {(vest["id"], "rejected")}
    assert next(m for m in store.matches(1) if m["id"] == confirmed["id"])["status"] == "confirmed"
    assert links_before <= {(r["claim_id"], r["other_id"]) for r in store.links(1)}
    assert not any(vest["id"] in (m["claim_id"], m["other_id"]) and m["other_id"] == rejected["other_id"]
                   for m in store.matches(1))

    gone = store.claim(dropped["id"])  # retired: kept with its text, history and retired_at, hidden
    assert gone["retired_at"] and gone["text"] == dropped["text"] and gone["status"] == "verified"
    assert dropped["id"] not in {c["id"] for c in store.claims()}
    assert [e["change"] for e in store.claim_revisions(dropped["id"])] == ["went"]
    assert store.claim_revisions(dropped["id"])[0]["extractor"] == NEWER
    assert not any(dropped["id"] in (r["claim_id"], r["other_id"]) for r in store.links(1))
    assert store.article(1)["extractor"] == NEWER and store.article(2)["extractor"] == EXTRACTOR
    assert store.outdated_articles() == [2, 3]


def test_a_claim_found_elsewhere_in_the_same_text_keeps_its_id(tmp_path, monkeypatch):
    store = Store(tmp_path / "claims.db")
    first = store.ingest(TWICE, name="twice")
    twice = [c for c in store.claims() if c["text"] == "A policewoman was shot dead"]
    store.verify([twice[0]["id"]], "verified", reviewer="alice")
    newer_extractor(monkeypatch, only_last=True)
    result = store.ingest(TWICE, name="twice", force=True)
    assert result.changes == {"kept": 2, "changed": 0, "appeared": 0, "went": 1}
    kept = store.claim(twice[0]["id"])
    assert kept["retired_at"] is None and kept["status"] == "verified"
    assert kept["start"] == twice[1]["start"] != twice[0]["start"]  # it moved to where it was found
    assert TWICE[kept["start"]:kept["end"]] == kept["text"]
    assert store.claim(twice[1]["id"])["retired_at"]  # the other one went (kept, hidden)
    assert store.article(first.article_id)["revision"] == 1  # the same text: the same revision


def test_a_reworded_claim_gets_a_new_id_and_the_old_one_keeps_its_verdict(seeded, monkeypatch):
    store = seeded
    old = by_text(store)["the shooter fled in a Renault Clio car"]
    store.verify([old["id"]], "verified", reviewer="alice")
    newer_extractor(monkeypatch, drop={old["text"]}, add=["shooter fled in a Renault Clio car"])
    assert store.re_extract(1).changes == {"kept": len(store.claims(1)) - 1, "changed": 1, "appeared": 0, "went": 0}
    new = by_text(store)["shooter fled in a Renault Clio car"]
    assert new["id"] > old["id"] and new["status"] == "unverified"
    assert store.claim(old["id"])["retired_at"] and store.claim(old["id"])["status"] == "verified"
    assert store.claim_revisions(old["id"]) == [{"revision": 1, "at": store.claim(old["id"])["retired_at"],
                                                 "change": "changed into", "other_id": new["id"], "extractor": NEWER}]


def test_a_claim_found_again_comes_back_with_its_id_and_verdict(seeded, monkeypatch):
    store = seeded
    claim = by_text(store)["he had been wearing a bullet-proof vest"]
    store.verify([claim["id"]], "false", reviewer="alice")
    newer_extractor(monkeypatch, drop={claim["text"]})
    assert store.re_extract(1).changes["went"] == 1 and store.claim(claim["id"])["retired_at"]
    monkeypatch.undo()  # the extractor after that finds it again
    again = store.re_extract(1)
    assert again.changes == {"kept": len(store.claims(1)), "changed": 0, "appeared": 0, "went": 0}
    back = store.claim(claim["id"])
    assert back["retired_at"] is None and back["status"] == "false" and back["text"] == claim["text"]
    assert [e["change"] for e in store.claim_revisions(claim["id"])] == ["went", "revived"]
    assert store.search("bullet-proof vest") and store.links(1)
    store.db.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)")


def test_re_extraction_keeps_metadata_unless_new_values_are_given(seeded):
    store = seeded
    store.edit_article(1, title="Montrouge shooting", url="https://example.org/m", published="2015-01-08")
    before = store.article(1)
    store.ingest((ROOT / "seeds" / "montrouge.txt").read_text(encoding="utf-8"), name="montrouge", force=True)
    row = store.article(1)
    assert {k: row[k] for k in ("title", "url", "published", "outlet", "ingested_at", "revision")} == \
        {k: before[k] for k in ("title", "url", "published", "outlet", "ingested_at", "revision")}
    assert row["updated_at"] >= before["updated_at"]
    store.re_extract(1, outlet="AFP")
    assert (store.article(1)["outlet"], store.article(1)["title"]) == ("AFP", "Montrouge shooting")


def test_each_extraction_is_recorded_with_its_extractor(seeded, monkeypatch):
    store = seeded
    newer_extractor(monkeypatch, drop={store.claims(2)[0]["text"]})
    list(store.re_extract_many(store.outdated_articles()))
    assert store.outdated_articles() == []
    rows = store.db.execute("SELECT article_id, revision, extractor, claims, kept, went FROM extractions "
                            "ORDER BY id").fetchall()
    assert [r[:3] for r in rows] == [(1, 1, EXTRACTOR), (2, 1, EXTRACTOR), (3, 1, EXTRACTOR),
                                     (1, 1, NEWER), (2, 1, NEWER), (3, 1, NEWER)]
    assert rows[4][3:] == (len(store.claims(2)), len(store.claims(2)), 1) and rows[0][4] is None


def test_a_database_from_before_extractors_were_recorded_is_outdated(tmp_path, seed_text):
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="m011_extractions")
    db.close()
    store = Store(path)  # no extractions yet: migrate, then store an article the old way
    store.ingest(seed_text, name="montrouge")
    store.db.execute("UPDATE articles SET extractor = NULL")
    assert store.outdated_articles() == [1]
    store.close()
    db = Database(path)
    db.execute("DELETE FROM extractions")
    db.execute("DELETE FROM _sqlite_migrations WHERE name IN ('m011_extractions', 'm012_frames')")
    for statement in ("DROP TABLE frames", "DROP TABLE extraction_changes", "DROP TABLE extractions",
                      "ALTER TABLE articles DROP COLUMN extractor"):
        db.execute(statement)
    db.conn.commit()
    db.close()
    store = Store(path)  # m011 over a database with an article in it
    assert store.db.execute("SELECT article_id, revision, extractor, claims FROM extractions").fetchall() == \
        [(1, 1, None, len(store.claims(1)))]
    assert store.outdated_articles() == [1]
    assert store.re_extract(1).changes["kept"] == len(store.claims(1)) and store.outdated_articles() == []


def test_a_plan_made_before_another_re_extraction_is_refused(seeded, monkeypatch):
    store = seeded
    text = store.article(1)["text"]
    plan = store._revisions.plan_again(1, extract(text), {}, link=False)
    newer_extractor(monkeypatch, drop={store.claims(1)[0]["text"]})
    store.re_extract(1)  # another writer, meanwhile
    before = store.claims(1, retired=True)
    with pytest.raises(FactcheckError, match="changed while it was extracted again"):
        with store._writing():
            store._revisions.write_again(plan, {"ingested_at": "now"})
    assert store.claims(1, retired=True) == before


def test_reextract_command(seeded, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", seeded.path)
    seeded.verify([1], "verified", reviewer="alice")
    nothing = runner.invoke(app, ["reextract"])
    assert (nothing.exit_code, nothing.output) == (0, f"nothing to re-extract: every article was extracted by {EXTRACTOR}\n")
    newer_extractor(monkeypatch, drop={seeded.claim(1)["text"]})
    result = runner.invoke(app, ["reextract"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "re-extracting" not in line]  # the progress bar
    assert re.fullmatch(r"re-extracted article 1 'montrouge' \(\d+ claims: \d+ kept, 1 went\)", lines[0])
    assert "re-extracting" in result.output
    assert runner.invoke(app, ["claims", "1", "--json"]).output.count('"id": 1,') == 0
    retired = json.loads(runner.invoke(app, ["claims", "1", "--retired", "--json"]).output)
    assert next(c for c in retired if c["id"] == 1)["status"] == "verified"
    as_json = runner.invoke(app, ["reextract", "2", "--json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout) == [{"article_id": 2, "title": seeded.article(2)["title"],
                                           "claims": len(seeded.claims(2)), "kept": len(seeded.claims(2)),
                                           "changed": 0, "appeared": 0, "went": 0}]
    missing = runner.invoke(app, ["reextract", "99"])
    assert (missing.exit_code, missing.output) == (1, "error: no article with id 99\n")
    both = runner.invoke(app, ["reextract", "1", "--all"])
    assert both.exit_code == 2 and "Traceback" not in both.output


def test_the_library_never_prints_while_re_extracting(seeded, capsys):
    list(seeded.re_extract_many([1, 2, 99]))
    assert capsys.readouterr() == ("", "")
    assert [r.refused for r in seeded.re_extract_many([99])] == ["no article with id 99"]


def test_re_extraction_leaves_the_database_consistent(seeded, monkeypatch):
    newer_extractor(monkeypatch, drop={seeded.claims(1)[2]["text"]})
    seeded.re_extract(1)
    seeded.close()
    conn = sqlite3.connect(seeded.path)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)")
    text = conn.execute("SELECT text FROM articles WHERE id = 1").fetchone()[0]
    for start, end, claim in conn.execute('SELECT start, "end", text FROM claims WHERE article_id = 1'):
        assert text[start:end] == claim


def test_a_byline_a_web_page_gave_outlives_re_extraction(tmp_path):
    store = Store(tmp_path / "claims.db")
    article_id = store.ingest("Shooting in Montrouge\n\nPolice said the man fled on foot.\n", name="m",
                              byline="Jane Doe").article_id
    assert store.article(article_id)["byline"] == "Jane Doe"
    store.re_extract(article_id)
    assert store.article(article_id)["byline"] == "Jane Doe"
    store.re_extract(article_id, byline="John Roe")
    assert store.article(article_id)["byline"] == "John Roe"
