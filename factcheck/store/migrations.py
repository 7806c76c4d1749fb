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


# Tables whose ids people and exports hold on to (ClaimReview urls end in #claim-N, links and
# stories name ids): rebuilt with AUTOINCREMENT so an id is never handed out twice.
LASTING_IDS = ("articles", "claims", "sources", "stories")


@migrations()
def m006_revisions_and_lasting_ids(db: Database) -> None:
    """Verdicts keep their anchor.

    Ids are never reused after a removal (AUTOINCREMENT; every stored id is kept, the
    high-water mark starts at the largest one). An article's texts are kept as revisions: the
    current text stays in articles.text (revisions.text is NULL for the current revision and
    holds the text once superseded), and every claim and sentence says which revision's text
    its offsets index. A claim gone from a newer revision is retired, never deleted.
    revision_changes says what each revision changed. The verification history refuses
    UPDATE and DELETE.
    """
    for table in LASTING_IDS:
        _rebuild_with_autoincrement(db, table)
    db["articles"].add_column("revision", int, not_null_default=1)
    db["articles"].add_column("updated_at", str)
    for column in ("path", "url"):  # a new text from a stored path or url is a revision: looked up at every ingest
        db["articles"].create_index([column])
    db["claims"].add_column("revision", int, not_null_default=1)
    db["claims"].add_column("retired_at", str)
    db["sentences"].add_column("revision", int, not_null_default=1)
    db.execute("""CREATE TABLE revisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT, article_id INTEGER NOT NULL REFERENCES articles(id),
        number INTEGER NOT NULL, content_hash TEXT NOT NULL, text TEXT, path TEXT, url TEXT,
        ingested_at TEXT NOT NULL, kept INTEGER, changed INTEGER, appeared INTEGER, went INTEGER)""")
    db["revisions"].create_index(["article_id", "number"], unique=True)
    db["revision_changes"].create({
        "revision_id": int, "claim_id": int, "change": str, "previous_id": int,
    }, pk=("revision_id", "claim_id"), not_null={"change"},
        foreign_keys=[("revision_id", "revisions", "id"), ("claim_id", "claims", "id"),
                      ("previous_id", "claims", "id")])
    db["revision_changes"].create_index(["claim_id"])
    db["revision_changes"].create_index(["previous_id"])
    db.execute("""INSERT INTO revisions (article_id, number, content_hash, path, url, ingested_at)
                  SELECT id, 1, content_hash, path, url, ingested_at FROM articles ORDER BY id""")
    for event in ("UPDATE", "DELETE"):
        db.execute(f"""CREATE TRIGGER verifications_no_{event.lower()} BEFORE {event} ON verifications
                       BEGIN SELECT RAISE(ABORT, 'the verification history is append-only'); END""")


def _rebuild_with_autoincrement(db: Database, table: str) -> None:
    """Copy `table` into the same table declared AUTOINCREMENT, keeping every row and id.

    SQLite cannot add AUTOINCREMENT in place. Runs with foreign keys off (see
    database._migrate); views and the table's triggers and indexes are dropped and made again.
    """
    sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone()[0]
    declared = f'CREATE TABLE "{table}" (\n   "id" INTEGER PRIMARY KEY,'
    if not sql.startswith(declared):
        raise ValueError(f"{table}: unexpected schema, cannot add AUTOINCREMENT: {sql[:80]}")
    dependents = db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
        "(type = 'view' OR (type IN ('index', 'trigger') AND tbl_name = ?))", [table]).fetchall()
    for kind, name, _ in dependents:
        if kind == "view":
            db.execute(f'DROP VIEW "{name}"')
    db.execute(sql.replace(declared, f'CREATE TABLE "{table}_new" (\n   "id" INTEGER PRIMARY KEY AUTOINCREMENT,', 1))
    db.execute(f'INSERT INTO "{table}_new" SELECT * FROM "{table}"')
    db.execute(f'DROP TABLE "{table}"')
    db.execute(f'ALTER TABLE "{table}_new" RENAME TO "{table}"')
    for _, _, statement in dependents:
        db.execute(statement)


@migrations()
def m007_link_reviews(db: Database) -> None:
    """A person's decisions on links: one row per decision, never updated or deleted.

    Keyed by the pair of claim ids (the lower first, as in links), not by a link row: links are
    made again whenever an article is re-extracted or moved, and a rejection must outlive that.
    No foreign keys, for the same reason. Each row keeps both claims' texts, so a decision
    holds only while the claims still say what the person judged. The view link_decisions holds each pair's latest decision
    that still holds; link_status gives each stored link its state: confirmed (the latest
    decision confirms the relation it has now), rejected, or suggested (no person has said).
    """
    db["link_reviews"].create({
        "id": int, "claim_id": int, "other_id": int, "claim_text": str, "other_text": str,
        "relation": str, "decision": str, "reviewer": str, "at": str,
    }, pk="id", not_null={"claim_id", "other_id", "claim_text", "other_text", "relation", "decision",
                          "reviewer", "at"})
    db["link_reviews"].create_index(["claim_id", "other_id", "id"])
    db.execute("""CREATE VIEW link_decisions AS
        SELECT r.claim_id, r.other_id, r.relation, r.decision, r.reviewer, r.at FROM link_reviews r
        WHERE r.id = (SELECT max(x.id) FROM link_reviews x
                      JOIN claims a ON a.id = x.claim_id AND a.text = x.claim_text
                      JOIN claims b ON b.id = x.other_id AND b.text = x.other_text
                      WHERE x.claim_id = r.claim_id AND x.other_id = r.other_id)""")
    db.execute("""CREATE VIEW link_status AS
        SELECT l.claim_id, l.other_id, l.relation, l.score, l.reasons, l.conflicts,
               CASE WHEN d.decision = 'rejected' THEN 'rejected'
                    WHEN d.decision = 'confirmed' AND d.relation = l.relation THEN 'confirmed'
                    ELSE 'suggested' END AS status,
               d.reviewer, d.at
        FROM links l LEFT JOIN link_decisions d ON d.claim_id = l.claim_id AND d.other_id = l.other_id""")


@migrations()
def m008_article_furniture(db: Database) -> None:
    """What an article's furniture says about it (issue 11): its byline, the place of its
    dateline and the wire that carried it, read from the text at ingest. Articles stored before
    get them from their current text, as if they had just arrived; nothing else changes."""
    for column in ("byline", "dateline_place", "wire"):
        db["articles"].add_column(column, str)
    from ..extract.furniture import read_furniture
    from ..extract.segment import split_sentences
    for article_id, text in db.execute("SELECT id, text FROM articles ORDER BY id").fetchall():
        furniture = read_furniture(split_sentences(text)).to_dict()
        if any(furniture.values()):
            db["articles"].update(article_id, furniture)


@migrations()
def m010_linked_at(db: Database) -> None:
    """When the linking pass last related an article's claims to the claims near it; NULL while
    an article stored with matching off (`ingest --no-link`) waits for `factcheck link pending`.
    Articles stored before were linked as they arrived."""
    db["articles"].add_column("linked_at", str)
    db.execute("UPDATE articles SET linked_at = ingested_at")


@migrations()
def m011_extractions(db: Database) -> None:
    """Which extractor made each claim set, and what each re-extraction changed.

    An extraction of an article's text (at ingest, at a new revision, or again by a newer
    extractor over the same text) is one row of `extractions`, naming the extractor and its
    version (`extract.EXTRACTOR`); articles.extractor is the one behind its current claims.
    A re-extraction keeps the id of every claim it finds again and says what it changed in
    extraction_changes, as revision_changes does for a new text. Articles stored before this
    migration get one row with no extractor: nobody recorded which one it was.
    """
    db["articles"].add_column("extractor", str)
    db.execute("""CREATE TABLE extractions (
        id INTEGER PRIMARY KEY AUTOINCREMENT, article_id INTEGER NOT NULL REFERENCES articles(id),
        revision INTEGER NOT NULL, extractor TEXT, at TEXT NOT NULL, claims INTEGER NOT NULL,
        kept INTEGER, changed INTEGER, appeared INTEGER, went INTEGER)""")
    db["extractions"].create_index(["article_id", "revision"])
    db["extraction_changes"].create({
        "extraction_id": int, "claim_id": int, "change": str, "previous_id": int,
    }, pk=("extraction_id", "claim_id"), not_null={"change"},
        foreign_keys=[("extraction_id", "extractions", "id"), ("claim_id", "claims", "id"),
                      ("previous_id", "claims", "id")])
    db["extraction_changes"].create_index(["claim_id"])
    db["extraction_changes"].create_index(["previous_id"])
    db.execute("""INSERT INTO extractions (article_id, revision, at, claims)
                  SELECT a.id, a.revision, coalesce(a.updated_at, a.ingested_at),
                         (SELECT count(*) FROM claims c WHERE c.article_id = a.id AND c.retired_at IS NULL)
                  FROM articles a ORDER BY a.id""")


@migrations()
def m012_frames(db: Database) -> None:
    """Every attribution frame the extractor finds (issue 11), for each extraction of an article:
    source, cue and content spans with their texts (offsets index the text of `revision`, as a
    claim's do), what the content is (clause, quote, noun_phrase, action) and the source row the
    source resolves to, where there is one. A claim's attribution comes only from a frame whose
    content is a proposition; a frame is kept whatever its content.

    extractions.frames counts the frames an extraction kept; NULL for the extractions made before
    this migration, whose frames nobody stored. They are not found here: extracting every stored
    article would hold the write lock of a large store for as long as ingesting it again, and
    the frames of this extractor could disagree with claims an older one made. `factcheck
    reextract` finds them (it picks such articles by itself).
    """
    db["frames"].create({
        "id": int, "article_id": int, "revision": int, "extraction_id": int, "sentence": int, "kind": str,
        "source_id": int, "source_text": str, "source_start": int, "source_end": int,
        "cue_text": str, "cue_start": int, "cue_end": int, "content": str,
    }, pk="id", not_null={"article_id", "revision", "extraction_id", "kind", "cue_text", "cue_start", "cue_end",
                          "content"},
        foreign_keys=[("article_id", "articles", "id"), ("extraction_id", "extractions", "id"),
                      ("source_id", "sources", "id")])
    db["frames"].create_index(["article_id", "revision"])
    db["frames"].create_index(["source_id"])
    db["extractions"].add_column("frames", int)


@migrations()
def m013_claim_subjects(db: Database) -> None:
    """Whom a claim's opening "he" or "she" stands for, resolved in its article (issue 10's
    context): `relate` does not take two claims about different people for one proposition.
    NULL for claims stored before; `factcheck reextract` fills it in (the extractor's version
    changed with it)."""
    db["claims"].add_column("subject", str)
