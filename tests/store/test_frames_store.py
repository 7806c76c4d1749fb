"""Frames in the store: every attribution relation of an article, with its offsets, kept through
re-extraction, revisions and removal (issue 11, "the two notions of attribution, kept apart")."""
import json
import re
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlite_utils import Database
from typer.testing import CliRunner

from factcheck.errors import FactcheckError, NotFoundError
from factcheck.extract import extract
from factcheck.present.cli import app
from factcheck.store.frames import FramesMissingError
from factcheck.store.migrations import migrations
from factcheck.store.storage import Store

runner = CliRunner()
# Made-up copy: a noun-phrase frame, an action, a quotation, a pronoun, a clause.
EMERGENCY = """Floods close the valley road

Governor Ellen Brightwater declared a state of emergency on Tuesday.

Brightwater said the levee had failed before dawn.

"We had no warning at all," said resident Tom Hale.

She urged people to stay indoors.

Officials said the water would recede by Friday.
"""


def spans_hold(text: str, frame: dict) -> bool:
    """Whether every offset of a stored frame slices its text out of the article text."""
    pieces = [(frame["cue_start"], frame["cue_end"], frame["cue"])]
    if frame["source_text"] is not None:
        pieces.append((frame["source_start"], frame["source_end"], frame["source_text"]))
    pieces += [(c["start"], c["end"], c["text"]) for c in frame["content"]]
    return all(text[start:end] == piece for start, end, piece in pieces)


def test_migration_builds_the_frames_table():
    db = Database(memory=True)
    migrations.apply(db)
    assert db["frames"].columns_dict == {
        "id": int, "article_id": int, "revision": int, "extraction_id": int, "sentence": int, "kind": str,
        "source_id": int, "source_text": str, "source_start": int, "source_end": int,
        "cue_text": str, "cue_start": int, "cue_end": int, "content": str}
    assert "frames" in db["extractions"].columns_dict


def test_ingest_stores_every_frame_the_extractor_finds_with_offsets_into_the_text():
    store = Store(":memory:")
    article = store.ingest(EMERGENCY, name="floods").article_id
    frames = store.frames(article)
    found = extract(EMERGENCY).frames
    assert [(f["cue_start"], f["kind"], [(c["start"], c["end"]) for c in f["content"]]) for f in frames] == \
        sorted((f.cue.start, f.kind, list(f.content)) for f in found)
    assert all(spans_hold(EMERGENCY, f) for f in frames)
    assert {f["kind"] for f in frames} >= {"noun_phrase", "clause"}
    assert all(f["proposition"] == (f["kind"] in ("clause", "quote")) for f in frames)


def test_a_frame_resolves_to_the_source_row_of_its_claims_or_of_the_name_it_gives():
    store = Store(":memory:")
    article = store.ingest(EMERGENCY, name="floods").article_id
    frames = {f["cue"]: f for f in store.frames(article)}
    claims = {c["cue"]: c for c in store.claims(article) if c["cue"]}
    sources = {s["name"]: s["id"] for s in store.sources(article)}
    # a proposition: the source row its claim has
    assert frames["said"]["source"] == claims["said"]["source"]
    # a noun phrase gives no claim, yet "Governor Ellen Brightwater" is the source named so
    declared = frames["declared"]
    assert declared["kind"] == "noun_phrase" and declared["source_id"] == sources["Ellen Brightwater"]
    assert "declared" not in claims  # the writer says a state of emergency was declared


def test_a_frame_whose_source_stands_for_nobody_known_has_no_source_row():
    store = Store(":memory:")
    store.ingest(EMERGENCY, name="floods")  # sources are stored: none of them is "he"
    article = store.ingest("Budget talks\n\nHe declined to comment on the plan.\n", name="budget").article_id
    (frame,) = store.frames(article)
    assert (frame["source_text"], frame["cue"], frame["kind"]) == ("He", "declined", "action")
    assert frame["source_id"] is None and frame["source"] is None


def test_re_extraction_replaces_the_frames_of_the_text():
    store = Store(":memory:")
    article = store.ingest(EMERGENCY, name="floods").article_id
    before = store.frames(article)
    store.re_extract(article)
    store.ingest(EMERGENCY, force=True)
    after = store.frames(article)
    strip = [{k: v for k, v in f.items() if k != "id"} for f in after]
    assert strip == [{k: v for k, v in f.items() if k != "id"} for f in before]  # no duplicates
    newest = store.db.execute("SELECT max(id) FROM extractions WHERE article_id = ?", [article]).fetchone()[0]
    assert {r[0] for r in store.db.execute("SELECT extraction_id FROM frames")} == {newest}
    assert store.db.execute("SELECT frames FROM extractions WHERE id = ?", [newest]).fetchone()[0] == len(after)


def test_a_revision_has_its_own_frames_and_the_old_ones_index_the_old_text():
    store = Store(":memory:")
    first = store.ingest(EMERGENCY, name="floods", url="https://example.org/floods").article_id
    old = store.frames(first)
    revised_text = EMERGENCY.replace("Officials said the water would recede by Friday.",
                                     "Engineers warned that the dam could give way.")
    result = store.ingest(revised_text, name="floods", url="https://example.org/floods")
    assert result.article_id == first and result.revision == 2
    new = store.frames(first)
    assert all(f["revision"] == 2 and spans_hold(revised_text, f) for f in new)
    assert any(f["cue"] == "warned" for f in new) and not any(f["cue"] == "warned" for f in old)
    kept = [json.loads(r[0]) for r in store.db.execute(
        "SELECT content FROM frames WHERE article_id = ? AND revision = 1", [first])]
    assert len(kept) == len(old)
    old_text = store.revision_text(first, 1)
    assert all(old_text[c["start"]:c["end"]] == c["text"] for content in kept for c in content)


def test_removing_an_article_removes_its_frames():
    store = Store(":memory:")
    article = store.ingest(EMERGENCY, name="floods").article_id
    other = store.ingest("Police said the road reopened.\n", name="road").article_id
    store.delete_article(article)
    assert {r[0] for r in store.db.execute("SELECT DISTINCT article_id FROM frames")} == {other}


def test_unknown_article():
    with pytest.raises(NotFoundError, match="no article with id 9"):
        Store(":memory:").frames(9)


def _as_before_m012(path):
    """Turn a database back into one m011 left: no frames table, no extractions.frames, m012 pending."""
    conn = sqlite3.connect(path)
    conn.executescript("""DROP TABLE frames; ALTER TABLE extractions DROP COLUMN frames;
                          DELETE FROM _sqlite_migrations WHERE name = 'm012_frames';""")
    conn.commit()
    conn.close()


def test_articles_stored_before_frames_get_them_on_re_extraction(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as store:
        article = store.ingest(EMERGENCY, name="floods").article_id
        claims = {c["id"]: c["text"] for c in store.claims(article)}
    _as_before_m012(path)
    with Store(path) as store:
        with pytest.raises(FramesMissingError, match="reextract"):
            store.frames(article)
        assert store.outdated_articles() == [article]  # `factcheck reextract` picks it by itself
        result = store.re_extract(article)
        assert result.changes["kept"] == len(claims) and result.changes["appeared"] == 0
        assert {c["id"]: c["text"] for c in store.claims(article)} == claims
        assert len(store.frames(article)) == len(extract(EMERGENCY).frames)
        assert store.outdated_articles() == []


def test_frames_command(db_path, tmp_path):
    source = tmp_path / "floods.txt"
    source.write_text(EMERGENCY, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(source)]).exit_code == 0
    table = runner.invoke(app, ["frames", "floods"], env={"COLUMNS": "80"})
    assert table.exit_code == 0
    lines = table.output.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert re.search(r"source\s+┃ cue\s+┃ content\s+┃ kind", table.output)
    assert "noun_phrase" in table.output and "declared" in table.output
    rows = json.loads(runner.invoke(app, ["frames", "1", "--json"]).output)
    assert all(spans_hold(EMERGENCY, row) for row in rows) and len(rows) == len(extract(EMERGENCY).frames)


def test_frames_command_errors(db_path, tmp_path):
    missing = runner.invoke(app, ["frames", "1"])
    assert missing.exit_code == 1 and missing.output.count("\n") == 1 and "no database" in missing.output
    source = tmp_path / "floods.txt"
    source.write_text(EMERGENCY, encoding="utf-8")
    runner.invoke(app, ["ingest", str(source)])
    unknown = runner.invoke(app, ["frames", "42"])
    assert unknown.exit_code == 1 and unknown.output == "error: no article with id 42\n"
    not_db = tmp_path / "junk.db"
    not_db.write_bytes(b"not sqlite at all" * 100)
    bad = runner.invoke(app, ["--db", str(not_db), "frames", "1"])
    assert bad.exit_code == 1 and bad.output.startswith("error: ") and bad.output.count("\n") == 1


def test_frames_before_m012_say_how_to_get_them(db_path, tmp_path):
    source = tmp_path / "floods.txt"
    source.write_text(EMERGENCY, encoding="utf-8")
    runner.invoke(app, ["ingest", str(source)])
    _as_before_m012(db_path)
    said = runner.invoke(app, ["frames", "1"])
    assert said.exit_code == 1 and "factcheck reextract" in said.output and said.output.count("\n") == 1
    assert runner.invoke(app, ["reextract"]).exit_code == 0
    assert runner.invoke(app, ["frames", "1"]).exit_code == 0


def test_article_text_in_frames_is_never_markup(db_path, tmp_path):
    source = tmp_path / "evil.txt"
    source.write_text('Bridge news\n\nThe mayor said that the \x1b]0;pwned\x07 bridge was [bold red]safe[/].\n',
                      encoding="utf-8")
    runner.invoke(app, ["ingest", str(source)])
    out = runner.invoke(app, ["frames", "1"], env={"COLUMNS": "200"}).output
    assert "[bold red]safe[/]" in out and "\x1b" not in out and "\\x1b" in out


NEWSY = st.lists(st.sampled_from([
    "Police said", "the mayor", ",", ".", "“", "”", '"', "according to", "declared", "an emergency",
    "urged", "people to stay", "and", "\n\n", "told", "Reuters", "he", "who said", ":", "Ana Ruiz",
]), max_size=30).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(NEWSY)
def test_stored_frames_always_index_the_stored_text(text):
    store = Store(":memory:")
    try:
        article = store.ingest(text or ".").article_id
    except FactcheckError:
        return  # a text the store refuses stores nothing, frames neither
    stored = store.article(article)["text"]
    assert all(spans_hold(stored, f) for f in store.frames(article))
