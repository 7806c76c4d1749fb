"""The SQLite store: articles, sentences, claims and merged sources, written transactionally."""
from __future__ import annotations

import hashlib
import json
import itertools
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from rapidfuzz import fuzz, process
from sqlite_utils import Database

from ..model import Extraction
from ..match.comparison import Comparison, compare_claims
from ..errors import FactcheckError, NotFoundError, StoreError
from ..match.candidates import Frequencies, link_article, unlink_article
from .migrations import migrations
from ..extract.pipeline import extract
from ..extract.sources import normalise_name
from .verification import STATUSES, default_reviewer, now

BUSY_TIMEOUT_S = 30.0
# Each link seen from one side: `mine` is a claim of the article asked about, `other` the claim
# it is linked to, `a` the other claim's article.
_LINKS_OF_ARTICLE = """FROM links l
            JOIN claims mine ON mine.id IN (l.claim_id, l.other_id)
            JOIN claims other ON other.id IN (l.claim_id, l.other_id) AND other.id != mine.id
            JOIN articles a ON a.id = other.article_id"""
SAME_NAME_SCORE = 92  # rapidfuzz ratio above which two source names are one source


@dataclass(frozen=True)
class IngestResult:
    """What `Store.ingest` did with one article."""

    article_id: int
    title: str
    created: bool
    replaced: bool
    claims: int


def content_hash(text: str) -> str:
    """The SHA-256 of the text: the same text is the same article."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store:
    """A factcheck database. Opening it creates or upgrades the schema."""

    def __init__(self, path: str | Path = "claims.db") -> None:
        self.path = str(path)
        self.db = _open(self.path)
        # (alias, key, kind) -> source id, for aliases this store has written or read; cleared
        # when a write rolls back, since ids it handed out may then not exist.
        self._known_aliases: dict[tuple[str, str, str], int] = {}
        self._source_keys: dict[str, dict[str, dict[str, int]]] = {}  # see _source_blocks
        self._frequencies: Frequencies | None = None  # see _word_counts

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    # -- writing ---------------------------------------------------------------

    def ingest(self, text: str, *, title: str | None = None, name: str | None = None,
               outlet: str | None = None, url: str | None = None, published: str | None = None,
               path: str | None = None, force: bool = False, link: bool = True) -> IngestResult:
        """Extract claims from `text` and store them, all or nothing.

        The same text twice is stored once; with `force` the stored article's claims are
        extracted again (its id stays). With `link`, its claims are matched against the
        claims of every other stored article and the links stored.
        """
        extraction = extract(text)
        digest = content_hash(text)
        title = title or extraction.title or name or "untitled"
        with self._writing():
            existing = self._article_by_hash(digest)
            if existing and not force:
                return IngestResult(existing["id"], existing["title"], False, False, 0)
            row = {"title": title, "outlet": outlet, "url": url, "published": published,
                   "path": path, "text": text, "content_hash": digest,
                   "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
            if existing:
                article_id = existing["id"]
                self._delete_contents(article_id)
                self.db["articles"].update(article_id, row)
            else:
                article_id = self.db["articles"].insert(row).last_pk
            count = self._insert_extraction(article_id, extraction)
            if link:  # before the article's own rows enter the index, so it finds only others
                link_article(self.db, article_id, self._word_counts())
            self.db.execute("INSERT INTO claims_fts (rowid, text) SELECT id, text FROM claims "
                            "WHERE article_id = ?", [article_id])  # see migration m002
        return IngestResult(article_id, title, existing is None, existing is not None, count)

    def delete_article(self, article_id: int) -> None:
        """Remove an article with its sentences and claims."""
        with self._writing():
            self.article(article_id)
            self._delete_contents(article_id)
            self.db["articles"].delete(article_id)

    def ingest_many(self, articles: Iterable[dict], batch_size: int = 50) -> Iterator[IngestResult]:
        """Ingest many articles (each a dict of `ingest` arguments), yielding a result for each.

        Articles are committed in batches of `batch_size`: an interruption loses at most the
        batch under way, and always whole articles.
        """
        iterator = iter(articles)
        batch = list(itertools.islice(iterator, batch_size))
        while batch:
            with self._writing():
                results = [self.ingest(**article) for article in batch]
            yield from results
            batch = list(itertools.islice(iterator, batch_size))

    def _word_counts(self) -> Frequencies:
        """How many claims hold each word, kept across ingests until the store has grown."""
        if self._frequencies is None or self._frequencies.stale():
            self._frequencies = Frequencies(self.db)
        return self._frequencies

    @contextmanager
    def _writing(self):
        if self.db.conn.in_transaction:  # inside ingest_many's batch
            with self.db.atomic():
                yield
            return
        try:
            with _immediate(self.db), self.db.atomic():
                yield
        except BaseException:
            self._known_aliases.clear()  # ids they hold may have been rolled back
            self._source_keys.clear()
            raise

    def _delete_contents(self, article_id: int) -> None:
        reviewed = self.db.execute(
            "SELECT count(*) FROM verifications v JOIN claims c ON c.id = v.claim_id WHERE c.article_id = ?",
            [article_id]).fetchone()[0]
        if reviewed:
            raise FactcheckError(f"article {article_id} has {reviewed} verification record(s); "
                                 "its claims stay so that their history is never lost")
        unlink_article(self.db, article_id)
        self.db.execute("DELETE FROM claims WHERE article_id = ?", [article_id])
        self.db.execute("DELETE FROM sentences WHERE article_id = ?", [article_id])

    def _article_by_hash(self, digest: str) -> dict | None:
        rows = list(self.db["articles"].rows_where("content_hash = ?", [digest], limit=1,
                                                   select="id, title"))
        return rows[0] if rows else None

    def _insert_extraction(self, article_id: int, extraction: Extraction) -> int:
        # Plain executemany: sqlite-utils' insert_all costs more than the extraction itself here.
        self.db.conn.executemany(
            'INSERT INTO sentences (article_id, position, start, "end", kind) VALUES (?, ?, ?, ?, ?)',
            [(article_id, i, s.start, s.end, s.kind) for i, s in enumerate(extraction.sentences)])
        rows = []
        for claim in extraction.claims:
            a, source, cue = claim.attribution, claim.attribution.source_span, claim.attribution.cue_span
            rows.append((
                article_id, claim.sentence, claim.start, claim.end, claim.text, a.kind,
                self._source_id(a.source, a.kind) if a.source else None,
                source.text if source else None, source.start if source else None,
                source.end if source else None, a.cue, cue.start if cue else None,
                cue.end if cue else None, int(a.quoted), int(a.hedged), a.relayed_by))
        self.db.conn.executemany(
            'INSERT INTO claims (article_id, sentence, start, "end", text, kind, source_id, source_text, '
            "source_start, source_end, cue, cue_start, cue_end, quoted, hedged, relayed_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        return len(rows)

    def _source_id(self, name: str, kind: str) -> int:
        """The id of the source called `name`, merging it with a known one where the names agree."""
        key = normalise_name(name) or name.lower()
        if (name, key, kind) in self._known_aliases:
            return self._known_aliases[(name, key, kind)]
        found = self.db.execute("SELECT id FROM sources WHERE key = ? AND kind = ?", [key, kind]).fetchone()
        if found is None:
            found = self._similar_source(key, kind)
        if found is None:
            source_id = self.db["sources"].insert({"name": name, "key": key, "kind": kind}).last_pk
            self._source_blocks(kind).setdefault(_block(key), {})[key] = source_id
        else:
            source_id = found[0]
        self.db.execute("INSERT OR IGNORE INTO source_aliases (source_id, alias) VALUES (?, ?)",
                        [source_id, name])
        self._known_aliases[(name, key, kind)] = source_id
        return source_id

    def _similar_source(self, key: str, kind: str):
        """A known source of the same kind whose key is near-identical, or a person's surname.

        Only keys whose last word starts like this one's are compared, so merging stays fast
        however many sources are stored.
        """
        known = self._source_blocks(kind).get(_block(key), {})
        if kind == "named_person":
            last = key.split()[-1]
            for other, source_id in known.items():
                if other.split()[-1] == last and (" " not in key or " " not in other):
                    return (source_id,)  # "Valls" and "manuel valls"
        best = process.extractOne(key, known.keys(), scorer=fuzz.ratio, score_cutoff=SAME_NAME_SCORE)
        return (known[best[0]],) if best else None

    def _source_blocks(self, kind: str) -> dict[str, dict[str, int]]:
        """{first three letters of the last word: {key: id}} of the sources of one kind."""
        if kind not in self._source_keys:
            blocks: dict[str, dict[str, int]] = {}
            for key, source_id in self.db.execute("SELECT key, id FROM sources WHERE kind = ?", [kind]):
                blocks.setdefault(_block(key), {})[key] = source_id
            self._source_keys[kind] = blocks
        return self._source_keys[kind]

    # -- reading ---------------------------------------------------------------

    def article(self, article_id: int) -> dict:
        """One article row, or NotFoundError."""
        rows = _dicts(self.db.execute("SELECT * FROM articles WHERE id = ?", [article_id]))
        if not rows:
            raise NotFoundError(f"no article with id {article_id}")
        return rows[0]

    def resolve_article(self, ref: str) -> int:
        """An article id from an id, or a unique prefix of a title or file name."""
        if ref.isdigit():
            return self.article(int(ref))["id"]
        rows = self.db.execute(
            "SELECT id, title, path FROM articles WHERE title LIKE ? ESCAPE '\\' OR path LIKE ? ESCAPE '\\' "
            "OR replace(path, rtrim(path, replace(path, '/', '')), '') LIKE ? ESCAPE '\\'",
            [_like_prefix(ref), _like_prefix(ref), _like_prefix(ref)]).fetchall()
        if not rows:
            raise NotFoundError(f"no article matches {ref!r}")
        exact = [r for r in rows if ref in (r[1], Path(r[2] or "").stem)]
        if len(exact) == 1:
            return exact[0][0]
        if len(rows) > 1:
            raise NotFoundError(f"{ref!r} matches {len(rows)} articles; use an id: "
                                + ", ".join(str(r[0]) for r in rows[:10]))
        return rows[0][0]

    def articles(self) -> list[dict]:
        """Every article with its counts of claims, distinct sources and claims per verdict."""
        rows = _dicts(self.db.execute("""
            SELECT a.id, a.title, a.outlet, a.published, a.url,
                   (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims,
                   (SELECT count(DISTINCT c.source_id) FROM claims c WHERE c.article_id = a.id) AS sources
            FROM articles a ORDER BY a.id"""))
        counts: dict[int, dict[str, int]] = {}
        for article_id, status, n in self.db.execute("""
                SELECT c.article_id, s.status, count(*) FROM claims c JOIN claim_status s ON s.claim_id = c.id
                WHERE s.status != 'unverified' GROUP BY c.article_id, s.status"""):
            counts.setdefault(article_id, {})[status] = n
        for row in rows:
            row["statuses"] = counts.get(row["id"], {})
        return rows

    def claims(self, article_id: int | None = None, *, kind: str | None = None,
               source: str | None = None, status: str | None = None) -> list[dict]:
        """Claims with their attribution and status, filtered by article, source kind, source
        name or status."""
        where, params = [], []
        if status:
            where.append("st.status = ?")
            params.append(status)
        if article_id is not None:
            self.article(article_id)
            where.append("c.article_id = ?")
            params.append(article_id)
        if kind:
            where.append("c.kind = ?")
            params.append(kind)
        if source:
            where.append("(s.name LIKE ? OR c.source_text LIKE ? OR s.id IN "
                         "(SELECT source_id FROM source_aliases WHERE alias LIKE ?))")
            params += [f"%{source}%"] * 3
        sql = f"""SELECT c.id, c.article_id, c.sentence, c.start, c."end", c.text, c.kind,
                         s.name AS source, c.source_text, c.source_start, c.source_end,
                         c.cue, c.cue_start, c.cue_end, c.quoted, c.hedged, c.relayed_by,
                         st.status
                  FROM claims c LEFT JOIN sources s ON s.id = c.source_id
                  JOIN claim_status st ON st.claim_id = c.id
                  {"WHERE " + " AND ".join(where) if where else ""}
                  ORDER BY c.article_id, c.start"""
        return _dicts(self.db.execute(sql, params))

    def sources(self, article_id: int | None = None) -> list[dict]:
        """Distinct sources (in one article, or everywhere) with how often they are cited."""
        params: list = []
        where = ""
        if article_id is not None:
            self.article(article_id)
            where, params = "WHERE c.article_id = ?", [article_id]
        rows = _dicts(self.db.execute(f"""
            SELECT s.id, s.name, s.kind, count(c.id) AS claims,
                   count(DISTINCT c.article_id) AS articles
            FROM sources s JOIN claims c ON c.source_id = s.id {where}
            GROUP BY s.id ORDER BY claims DESC, s.name""", params))
        aliases: dict[int, list[str]] = {}
        for source_id, alias in self.db.execute("SELECT source_id, alias FROM source_aliases ORDER BY alias"):
            aliases.setdefault(source_id, []).append(alias)
        for row in rows:
            row["aliases"] = aliases.get(row["id"], [])
        return rows

    def sentences(self, article_id: int) -> list[dict]:
        """The article's sentences (with their kind) in order."""
        return _dicts(self.db.execute(
            'SELECT position, start, "end", kind FROM sentences WHERE article_id = ? ORDER BY position',
            [article_id]))

    def search(self, query: str, limit: int = 50) -> list[dict]:
        """Claims whose text matches the full-text query, best first."""
        words = " ".join(f'"{w}"' for w in query.replace('"', " ").split())
        if not words:
            return []
        return _dicts(self.db.execute("""
            SELECT c.id, c.article_id, a.title, c.text, c.kind, s.name AS source, c.cue
            FROM claims_fts f JOIN claims c ON c.id = f.rowid
            JOIN articles a ON a.id = c.article_id LEFT JOIN sources s ON s.id = c.source_id
            WHERE claims_fts MATCH ? ORDER BY bm25(claims_fts) LIMIT ?""", [words, limit]))

    # -- verification ------------------------------------------------------------

    def claim(self, claim_id: int) -> dict:
        """One claim with its attribution and status, or NotFoundError."""
        row = self.db.execute("SELECT article_id FROM claims WHERE id = ?", [claim_id]).fetchone()
        if row is None:
            raise NotFoundError(f"no claim with id {claim_id}")
        return next(c for c in self.claims(row[0]) if c["id"] == claim_id)

    def verify(self, claim_ids: list[int], status: str | None, *, note: str | None = None,
               evidence: str | None = None, reviewer: str | None = None) -> list[int]:
        """Record a decision on claims: a status (None keeps the current one), a note, evidence.

        Appends one history row per claim, all or none; nothing is ever overwritten.
        """
        if status is not None and status not in STATUSES:
            raise FactcheckError(f"{status!r} is not a status; use one of: {', '.join(STATUSES)}")
        if status is None and not note and not evidence:
            raise FactcheckError("nothing to record: give a status, a note or evidence")
        reviewer = reviewer or default_reviewer()
        ids = []
        with self._writing():
            found = {r[0] for r in self.db.execute(
                f"SELECT id FROM claims WHERE id IN ({', '.join('?' * len(claim_ids))})", claim_ids)}
            missing = [str(c) for c in claim_ids if c not in found]
            if missing:
                raise NotFoundError(f"no claim with id {', '.join(missing)}")
            for claim_id in claim_ids:
                current = self._status(claim_id)
                cursor = self.db.execute(
                    "INSERT INTO verifications (claim_id, status, note, evidence, reviewer, at) "
                    "VALUES (?, ?, ?, ?, ?, ?)", [claim_id, status or current, note, evidence, reviewer, now()])
                ids.append(cursor.lastrowid)
        return ids

    def _status(self, claim_id: int) -> str:
        return self.db.execute("SELECT status FROM claim_status WHERE claim_id = ?", [claim_id]).fetchone()[0]

    def history(self, claim_id: int) -> list[dict]:
        """Every decision on a claim, oldest first, each with the status it changed from."""
        self.claim(claim_id)
        rows = _dicts(self.db.execute(
            "SELECT id, status, note, evidence, reviewer, at FROM verifications WHERE claim_id = ? ORDER BY id",
            [claim_id]))
        previous = "unverified"
        for row in rows:
            row["from_status"], previous = previous, row["status"]
        return rows

    def export_rows(self, article_id: int) -> list[dict]:
        """The article's claims with attribution, status, latest note and evidence, for export."""
        rows = self.claims(article_id)
        latest: dict[int, dict] = {}
        for claim_id, note, evidence, at in self.db.execute(
                """SELECT v.claim_id, v.note, v.evidence, v.at FROM verifications v
                   JOIN claims c ON c.id = v.claim_id WHERE c.article_id = ? ORDER BY v.id""", [article_id]):
            entry = latest.setdefault(claim_id, {})
            entry["verified_at"] = at
            if note:
                entry["note"] = note
            if evidence:
                entry["evidence"] = evidence
        fields = ("id", "text", "start", "end", "source", "source_text", "cue", "kind", "status")
        return [{**{f: r[f] for f in fields},
                 **{f: latest.get(r["id"], {}).get(f) for f in ("note", "evidence", "verified_at")}}
                for r in rows]

    # -- matching ----------------------------------------------------------------

    def compare(self, article_a: int, article_b: int) -> Comparison:
        """Two articles' claims aligned: agreements, contradictions, what only one reports."""
        if article_a == article_b:
            raise FactcheckError(f"article {article_a} compared with itself; name two different articles")
        a, b = self.article(article_a), self.article(article_b)
        for row in (a, b):
            del row["text"]
        return compare_claims(a, self.claims(article_a), b, self.claims(article_b))

    def links(self, article_id: int) -> list[dict]:
        """Every stored link from a claim of the article to a claim of another article."""
        self.article(article_id)
        rows = _dicts(self.db.execute(f"""
            SELECT mine.id AS claim_id, mine.text AS claim, other.id AS other_id,
                   other.text AS other_claim, other.article_id AS other_article,
                   a.title AS other_title, l.relation, l.score, l.reasons, l.conflicts,
                   sm.name AS source, so.name AS other_source, other.kind AS other_kind
            {_LINKS_OF_ARTICLE}
            LEFT JOIN sources sm ON sm.id = mine.source_id
            LEFT JOIN sources so ON so.id = other.source_id
            WHERE mine.article_id = ?
            ORDER BY mine.start, l.relation, l.score DESC""", [article_id]))
        for row in rows:
            row["reasons"], row["conflicts"] = json.loads(row["reasons"]), json.loads(row["conflicts"])
        return rows

    def corroboration(self, article_id: int) -> list[dict]:
        """The article's claims, each with how many other articles and independent sources agree
        or contradict. A source relayed by two outlets counts once; the writer of an article
        with no cited source counts as that article's outlet (or the article itself)."""
        claims = self.claims(article_id)
        tallies = {c["id"]: {"agree": (set(), set()), "contradict": (set(), set())} for c in claims}
        for link in self.db.execute(f"""
                SELECT mine.id, l.relation, other.article_id, other.source_id,
                       coalesce(a.outlet, 'article ' || a.id)
                {_LINKS_OF_ARTICLE}
                WHERE mine.article_id = ? AND l.relation IN ('agree', 'contradict')""", [article_id]):
            claim_id, relation, other_article, source_id, writer = link
            articles, sources = tallies[claim_id][relation]
            articles.add(other_article)
            sources.add(f"source {source_id}" if source_id is not None else writer)
        for claim in claims:
            for relation in ("agree", "contradict"):
                articles, sources = tallies[claim["id"]][relation]
                claim[f"{relation}_articles"] = len(articles)
                claim[f"{relation}_sources"] = len(sources)
        return claims


def _block(key: str) -> str:
    """The merging block of a source key: the first three letters of its last word."""
    return key.split()[-1][:3]


def _like_prefix(ref: str) -> str:
    return ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _dicts(cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


@contextmanager
def _immediate(db: Database):
    """A transaction that takes the write lock up front: a second writer waits for it (busy
    timeout) instead of failing when its read transaction tries to upgrade. Rolled back on error."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        db.conn.rollback()
        raise


def _while_locked(step) -> None:
    """Run `step`, retrying while another process holds a lock SQLite will not wait for."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            return step()
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _set_up(db: Database, path: str) -> None:
    if path != ":memory:" and db.journal_mode != "wal":
        db.enable_wal()  # readers never block the writer
    _migrate(db)


def _migrate(db: Database) -> None:
    """Apply pending migrations under the write lock, so two processes never race to create tables."""
    if not migrations.pending(db):
        return
    with _immediate(db):  # a second process waits here, then finds nothing pending
        migrations.apply(db)  # each step is a savepoint inside this transaction


def _open(path: str) -> Database:
    """Open (or create) the database at `path` and bring its schema up to date."""
    if path != ":memory:" and Path(path).is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: not a factcheck database ({error})") from None
    db = Database(conn)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")  # with WAL: still crash-safe, one fsync per checkpoint
        _while_locked(lambda: _set_up(db, path))
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: cannot use this database ({error})") from None
    return db
