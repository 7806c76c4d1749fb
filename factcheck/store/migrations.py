"""The database schema, built by numbered migrations. Never edit a shipped one: add the next."""
from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("factcheck")


@migrations()
def m001_articles_claims_sources(db: Database) -> None:
    """Articles with their verbatim text (all offsets index it), sentences, claims, sources."""
    db["articles"].create({
        "id": int, "title": str, "outlet": str, "url": str, "published": str, "path": str,
        "text": str, "content_hash": str, "ingested_at": str,
    }, pk="id", not_null={"text", "content_hash", "ingested_at"})
    db["articles"].create_index(["content_hash"], unique=True)
    db["sentences"].create({
        "id": int, "article_id": int, "position": int, "start": int, "end": int, "kind": str,
    }, pk="id", foreign_keys=[("article_id", "articles", "id")], not_null={"start", "end", "kind"})
    db["sources"].create({"id": int, "name": str, "key": str, "kind": str},
                         pk="id", not_null={"name", "key", "kind"})
    db["sources"].create_index(["key", "kind"], unique=True)
    db["source_aliases"].create({"source_id": int, "alias": str}, pk=("source_id", "alias"),
                                foreign_keys=[("source_id", "sources", "id")])
    db["claims"].create({
        "id": int, "article_id": int, "sentence": int, "start": int, "end": int, "text": str,
        "kind": str, "source_id": int, "source_text": str, "source_start": int, "source_end": int,
        "cue": str, "cue_start": int, "cue_end": int, "quoted": int, "hedged": int,
        "relayed_by": str,
    }, pk="id", foreign_keys=[("article_id", "articles", "id"), ("source_id", "sources", "id")],
        not_null={"start", "end", "text", "kind"})
    for table, column in (("sentences", "article_id"), ("claims", "article_id"),
                          ("claims", "source_id")):
        db[table].create_index([column])
    # The full-text index backs `search` and, later, candidate retrieval for matching.
    db["claims"].enable_fts(["text"], fts_version="FTS5", create_triggers=True,
                            tokenize="porter unicode61")


@migrations()
def m002_fts_rows_written_by_the_store(db: Database) -> None:
    """The store writes each article's claims into claims_fts in one statement.

    A row trigger made ingest spend half its storage time in FTS (bench/ingest_bench.py);
    deletes and updates still go through their triggers.
    """
    db.execute("DROP TRIGGER IF EXISTS claims_ai")


@migrations()
def m003_links(db: Database) -> None:
    """Links between claims of different articles: how they relate, how sure, and why.

    One row per pair, the lower claim id first; reasons and conflicts are JSON lists.
    The vocabulary table lets matching query a claim by its rarest words.
    """
    db["links"].create({
        "claim_id": int, "other_id": int, "relation": str, "score": float, "reasons": str,
        "conflicts": str,
    }, pk=("claim_id", "other_id"), foreign_keys=[("claim_id", "claims", "id"), ("other_id", "claims", "id")],
        not_null={"relation", "score"})
    db["links"].create_index(["other_id"])
    db.execute("CREATE VIRTUAL TABLE claims_fts_vocab USING fts5vocab(claims_fts, 'row')")


@migrations()
def m004_verifications(db: Database) -> None:
    """Verification history: one row per decision, never updated or deleted.

    A claim's current status is its latest row (unverified when it has none); the view
    claim_status shows it for Datasette and for readers of the database.
    """
    db["verifications"].create({
        "id": int, "claim_id": int, "status": str, "note": str, "evidence": str, "reviewer": str,
        "at": str,
    }, pk="id", foreign_keys=[("claim_id", "claims", "id")], not_null={"status", "reviewer", "at"})
    db["verifications"].create_index(["claim_id", "id"])
    db.execute("""CREATE VIEW claim_status AS
        SELECT c.id AS claim_id, coalesce(v.status, 'unverified') AS status, v.reviewer, v.at
        FROM claims c LEFT JOIN verifications v ON v.id =
            (SELECT max(id) FROM verifications WHERE claim_id = c.id)""")


@migrations()
def m005_stories(db: Database) -> None:
    """Stories: the reports of one event. Each article is in one story; `story_pinned` marks an
    article a person placed (merge, split), which grouping never moves. article_terms holds each
    article's telling terms (how each is written, and its place, most telling first), term_counts how many articles hold a term.
    Articles stored before are grouped here, oldest first, as if they had just arrived."""
    db["stories"].create({"id": int, "title": str, "created_at": str}, pk="id", not_null={"created_at"})
    db["articles"].add_column("story_id", int)
    db["articles"].add_column("story_pinned", int, not_null_default=0)
    db["articles"].create_index(["story_id"])
    db["article_terms"].create({"article_id": int, "term": str, "written": str, "position": int},
                               pk=("article_id", "term"),
                               foreign_keys=[("article_id", "articles", "id")])
    db["article_terms"].create_index(["term", "article_id"])
    db["term_counts"].create({"term": str, "articles": int}, pk="term", not_null={"articles"})
    from ..match.stories import article_terms
    from .stories import Stories
    stories = Stories(db)
    for article_id, text, published in db.execute("SELECT id, text, published FROM articles ORDER BY id").fetchall():
        terms = article_terms(text)
        stories.join(article_id, terms, stories.plan(terms, published).story_id)
