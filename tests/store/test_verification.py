"""Verification: statuses with a history never lost, concurrency, exports, and the CLI."""
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from factcheck import Store
from factcheck.present.cli import app
from factcheck.errors import FactcheckError, NotFoundError
from conftest import ROOT

runner = CliRunner()


@pytest.fixture
def store(tmp_path, seed_text):
    store = Store(tmp_path / "claims.db")
    store.ingest(seed_text, name="montrouge", url="https://example.org/live", published="2015-01-08")
    return store


def test_status_history_is_appended_and_survives_reopening(store, tmp_path):
    store.verify([7], "verified", note="Confirmed by prefecture statement", evidence="https://x.org/1", reviewer="alice")
    store.verify([7], "disputed", reviewer="bob")
    store.verify([7], None, note="Second source denies it", reviewer="carol")
    store.close()
    again = Store(tmp_path / "claims.db")
    assert again.claim(7)["status"] == "disputed"
    history = again.history(7)
    assert [(h["from_status"], h["status"], h["reviewer"]) for h in history] == [
        ("unverified", "verified", "alice"), ("verified", "disputed", "bob"), ("disputed", "disputed", "carol")]
    assert history[0]["evidence"] == "https://x.org/1" and history[2]["note"] == "Second source denies it"
    assert [c["id"] for c in again.claims(1, status="disputed")] == [7]
    assert again.articles()[0]["statuses"] == {"disputed": 1}


def test_errors_change_nothing(store):
    with pytest.raises(NotFoundError):
        store.verify([7, 999], "false", reviewer="alice")
    with pytest.raises(FactcheckError):
        store.verify([7], "probably", reviewer="alice")
    with pytest.raises(FactcheckError):
        store.verify([7], None, reviewer="alice")
    assert store.history(7) == [] and store.claim(7)["status"] == "unverified"


def test_two_reviewers_at_once_are_both_recorded(store, tmp_path):
    db = str(tmp_path / "claims.db")
    procs = [subprocess.Popen([sys.executable, "-m", "factcheck", "--db", db, "verify", "7", "--status", status,
                               "--by", who], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for status, who in (("verified", "alice"), ("false", "bob"))]
    for proc in procs:
        assert proc.wait(timeout=60) == 0, proc.stderr.read().decode()
    assert sorted(h["reviewer"] for h in store.history(7)) == ["alice", "bob"]


def test_exports(store):
    vest = claim_id(store, "he had been wearing a bullet-proof vest")
    store.verify([vest], "false", note="No vest was found", evidence="https://x.org/2", reviewer="alice")
    rows = store.export_rows(1)
    row = next(r for r in rows if r["id"] == vest)
    assert (row["status"], row["note"], row["evidence"], row["source"]) == (
        "false", "No vest was found", "https://x.org/2", "Police sources")
    assert len(rows) == len(store.claims(1))


def claim_id(store, text):
    return next(c["id"] for c in store.claims(1) if c["text"] == text)


REQUIRED = ("url", "claimReviewed", "reviewRating", "author", "datePublished", "itemReviewed")


def test_claimreview_has_what_google_requires(store, monkeypatch, tmp_path):
    store.verify([claim_id(store, "he had been wearing a bullet-proof vest")], "false", reviewer="alice")
    store.verify([20], "verified", reviewer="alice")
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "claims.db"))
    result = runner.invoke(app, ["export", "1", "--format", "claimreview", "--org", "Desk",
                                 "--review-url", "https://desk.example/checks"])
    reviews = json.loads(result.output)
    assert len(reviews) == 2  # only the claims with a verdict
    for review in reviews:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        for field in REQUIRED:
            assert review[field], field
        assert review["url"].startswith("https://desk.example/checks#claim-")
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert review["author"] == {"@type": "Organization", "name": "Desk"}
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["appearance"][0]["url"] == "https://example.org/live"
        assert len(review["datePublished"]) == 10
    by_claim = {r["claimReviewed"]: r for r in reviews}
    vest = by_claim["he had been wearing a bullet-proof vest"]
    assert vest["reviewRating"]["alternateName"] == "False"
    assert vest["itemReviewed"]["author"] == {"@type": "Organization", "name": "Police sources"}
    assert runner.invoke(app, ["export", "1", "--format", "claimreview"]).exit_code == 2


def test_cli_verify_history_export(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "claims.db"))
    assert runner.invoke(app, ["ingest", str(ROOT / "seeds")]).exit_code == 0
    result = runner.invoke(app, ["verify", "7", "9", "--status", "disputed", "--by", "alice"])
    assert result.exit_code == 0 and "claim 9: disputed" in result.output
    data = json.loads(runner.invoke(app, ["history", "7", "--json"]).output)
    assert data["history"][0]["status"] == "disputed" and data["claim"]["id"] == 7
    csv_text = runner.invoke(app, ["export", "montrouge", "--format", "csv"]).output
    assert csv_text.splitlines()[0].startswith("id,text,start,end,source")
    assert runner.invoke(app, ["verify", "999", "--status", "false"]).exit_code == 1
    assert runner.invoke(app, ["verify", "7", "--status", "nope"]).exit_code == 2
    assert "[disputed]" in runner.invoke(app, ["compare", "1", "2"]).output


def test_reviewed_articles_cannot_be_removed_but_can_be_re_extracted(store, seed_text):
    store.verify([7], "verified", reviewer="alice")
    with pytest.raises(FactcheckError):
        store.delete_article(1)
    claim = store.claim(7)
    again = store.ingest(seed_text, name="montrouge", force=True)
    assert again.replaced and again.changes["kept"] == again.claims
    assert store.claim(7) == claim and claim["status"] == "verified" and len(store.history(7)) == 1


def test_remove_command(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "claims.db"))
    runner.invoke(app, ["ingest", str(ROOT / "seeds")])
    result = runner.invoke(app, ["remove", "Gunman", "--yes"])
    assert result.exit_code == 0 and "removed article 3" in result.output
    assert [a["id"] for a in json.loads(runner.invoke(app, ["articles", "--json"]).output)] == [1, 2]
    runner.invoke(app, ["verify", "7", "--status", "false"])
    result = runner.invoke(app, ["remove", "1", "--yes"])
    assert result.exit_code == 1 and "never lost" in result.output
