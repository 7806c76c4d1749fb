"""The furniture of an article (byline, dateline place, wire) is stored with it, kept true to
its current text, and shown by `articles`, exports and ClaimReview."""
import json

from sqlite_utils import Database
from typer.testing import CliRunner

from factcheck.present.cli import app
from factcheck.store.migrations import migrations
from factcheck.store.storage import Store

runner = CliRunner()

WIRE = ("Dam holds after a night of rain\n\n"
        "FARGO, N.D. (Meridian) - The river crested at 9 metres on Sunday, the weather service said.\n\n"
        "(Reporting by Ana Silva; Editing by Tom Black)\n")
PAPER = ("Dam holds after a night of rain\n"
         "By Kai Berg and Li Wei\n\n"
         "The river crested at 9 metres on Sunday.\n\n"
         "The Associated Press contributed to this report.\n")


def test_ingest_stores_the_furniture():
    store = Store(":memory:")
    wire = store.ingest(WIRE, name="wire").article_id
    paper = store.ingest(PAPER, name="paper").article_id
    rows = {r["id"]: r for r in store.articles()}
    assert (rows[wire]["byline"], rows[wire]["dateline_place"], rows[wire]["wire"]) == (None, "FARGO, N.D.", "Meridian")
    assert (rows[paper]["byline"], rows[paper]["dateline_place"], rows[paper]["wire"]) == (
        "Kai Berg and Li Wei", None, "The Associated Press")
    assert all("Meridian" not in c["text"] and "FARGO" not in c["text"] for c in store.claims(wire))


def test_a_revision_takes_the_furniture_of_its_new_text():
    store = Store(":memory:")
    first = store.ingest(PAPER, name="paper", path="/news/dam.txt")
    revised = store.ingest(PAPER.replace("The Associated Press contributed to this report.\n", "")
                           .replace("By Kai Berg and Li Wei", "By Kai Berg"), name="paper", path="/news/dam.txt")
    assert revised.revision == 2 and revised.article_id == first.article_id
    row = store.article(first.article_id)
    assert (row["byline"], row["wire"]) == ("Kai Berg", None)


def test_migration_fills_the_furniture_of_articles_stored_before():
    db = Database(memory=True)
    migrations.apply(db, stop_before="m008_article_furniture")
    db["articles"].insert({"id": 1, "text": WIRE, "content_hash": "x", "ingested_at": "2020-01-01T00:00:00"})
    db["articles"].insert({"id": 2, "text": "A plain sentence.", "content_hash": "y", "ingested_at": "2020-01-01"})
    migrations.apply(db)
    rows = {r["id"]: r for r in db["articles"].rows}
    assert (rows[1]["dateline_place"], rows[1]["wire"]) == ("FARGO, N.D.", "Meridian")
    assert (rows[2]["byline"], rows[2]["dateline_place"], rows[2]["wire"]) == (None, None, None)


def test_articles_exports_and_claimreview_show_the_furniture(db_path, tmp_path):
    article = tmp_path / "paper.txt"
    article.write_text(PAPER.replace("\n\nThe river", "\n\nPORTLAND, Maine — The river"), encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(article)]).exit_code == 0
    listed = json.loads(runner.invoke(app, ["articles", "--json"]).output)[0]
    assert (listed["byline"], listed["dateline_place"], listed["wire"]) == (
        "Kai Berg and Li Wei", "PORTLAND, Maine", "The Associated Press")
    table = runner.invoke(app, ["articles"]).output
    assert "By Kai Berg" in table and "PORTLAND" in table and max(len(line) for line in table.splitlines()) <= 80
    exported = json.loads(runner.invoke(app, ["export", "1"]).output)
    assert {(r["byline"], r["dateline_place"], r["wire"]) for r in exported} == {
        ("Kai Berg and Li Wei", "PORTLAND, Maine", "The Associated Press")}
    csv_header = runner.invoke(app, ["export", "1", "--format", "csv"]).output.splitlines()[0]
    assert csv_header.endswith("byline,dateline_place,wire,note,evidence,verified_at")
    assert runner.invoke(app, ["verify", "1", "--status", "verified", "--by", "alice"]).exit_code == 0
    reviews = json.loads(runner.invoke(app, ["export", "1", "--format", "claimreview",
                                             "--review-url", "https://desk.example/r"]).output)
    appearance = reviews[0]["itemReviewed"]["appearance"][0]
    assert appearance["author"] == [{"@type": "Person", "name": "Kai Berg"}, {"@type": "Person", "name": "Li Wei"}]
    assert appearance["sourceOrganization"] == {"@type": "Organization", "name": "The Associated Press"}
    assert appearance["locationCreated"] == {"@type": "Place", "name": "PORTLAND, Maine"}


def test_a_pages_byline_goes_before_the_texts(db_path, tmp_path):
    page = tmp_path / "dam.html"
    page.write_text('<html><head><title>Dam holds</title><meta name="author" content="Ana Lima"></head><body>'
                    "<p>FARGO, N.D. (Meridian) - The river crested at 9 metres on Sunday.</p></body></html>",
                    encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(page)]).exit_code == 0
    listed = json.loads(runner.invoke(app, ["articles", "--json"]).output)[0]
    assert (listed["byline"], listed["dateline_place"], listed["wire"]) == ("Ana Lima", "FARGO, N.D.", "Meridian")
