"""Articles, their sentences and claims, and the full-text index of claims."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Callable

from sqlite_utils import Database

from ..errors import NotFoundError, ReviewedError
from ..model import Claim, Extraction, Sentence
from .database import dicts
from .search_query import SearchSyntaxError, fts_query

_CLAIM_COLUMNS = ("sentence", "start", '"end"', "text", "kind", "source_id", "source_text", "source_start",
                  "source_end", "cue", "cue_start", "cue_end", "quoted", "hedged", "relayed_by",
                  "subject")


class Articles:
    """The articles, sentences and claims tables (and claims_fts)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- writing (inside the caller's write transaction) -------------------------

    def by_hash(self, digest: str) -> dict | None:
        """The id, title and story of the article with this content hash, if stored."""
        rows = dicts(self.db.execute("SELECT id, title, story_id FROM articles WHERE content_hash = ? LIMIT 1",
                                     [digest]))
        return rows[0] if rows else None

    def write(self, row: dict, article_id: int | None = None) -> int:
        """Insert the article row, or update the row of `article_id`; its id."""
        if article_id is None:  # plain SQL: sqlite-utils reads the schema again at each insert
            columns = ", ".join(f'"{c}"' for c in row)
            return self.db.execute(f"INSERT INTO articles ({columns}) VALUES ({', '.join('?' * len(row))})",
                                   list(row.values())).lastrowid
        self.db["articles"].update(article_id, row)
        return article_id

    def insert_extraction(self, article_id: int, extraction: Extraction,
                          source_id: Callable[[str, str], int], revision: int = 1) -> list[int]:
        """Store the sentences and claims; the new claims' ids, in the extraction's order."""
        self.insert_sentences(article_id, extraction.sentences, revision)
        return self.insert_claims(article_id, extraction.claims, source_id, revision)

    def insert_sentences(self, article_id: int, sentences: list[Sentence], revision: int) -> None:
        """Store the sentences of one revision of the article's text."""
        # Plain executemany: sqlite-utils' insert_all costs more than the extraction itself here.
        self.db.conn.executemany(
            'INSERT INTO sentences (article_id, position, start, "end", kind, revision) VALUES (?, ?, ?, ?, ?, ?)',
            [(article_id, i, s.start, s.end, s.kind, revision) for i, s in enumerate(sentences)])

    def insert_claims(self, article_id: int, claims: list[Claim], source_id: Callable[[str, str], int],
                      revision: int) -> list[int]:
        """Store claims whose offsets index the text of `revision`; their ids, in order."""
        newest = self.db.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0]
        self.db.conn.executemany(
            f"INSERT INTO claims (article_id, revision, {', '.join(_CLAIM_COLUMNS)}) "
            f"VALUES (?, ?, {', '.join('?' * len(_CLAIM_COLUMNS))})",
            [(article_id, revision, *_claim_values(claim, source_id)) for claim in claims])
        # Ids are never reused (AUTOINCREMENT, m006): the new rows are those above the old maximum.
        return [r[0] for r in self.db.execute("SELECT id FROM claims WHERE article_id = ? AND id > ? ORDER BY id",
                                              [article_id, newest])]

    def update_claims(self, moved: list[tuple[int, Claim]], source_id: Callable[[str, str], int],
                      revision: int) -> None:
        """Point stored claims `(id, claim)` at the same claim in the text of `revision`."""
        self.db.conn.executemany(
            f"UPDATE claims SET revision = ?, {', '.join(f'{c} = ?' for c in _CLAIM_COLUMNS)} WHERE id = ?",
            [(revision, *_claim_values(claim, source_id), claim_id) for claim_id, claim in moved])

    def index(self, claim_ids: list[int]) -> None:
        """Add new claims to the full-text index (see migration m002)."""
        self.db.execute("INSERT INTO claims_fts (rowid, text) SELECT id, text FROM claims "
                        "WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(claim_ids)])

    def mark_linked(self, article_id: int, at: str | None) -> None:
        """Record when the article's claims were linked (None: they wait for the linking pass)."""
        self.db.execute("UPDATE articles SET linked_at = ? WHERE id = ?", [at, article_id])

    def unlinked(self) -> list[int]:
        """The ids of the articles whose claims wait for the linking pass, oldest first."""
        return [a for (a,) in self.db.execute("SELECT id FROM articles WHERE linked_at IS NULL ORDER BY id")]

    def pending(self, article_id: int) -> tuple[int, bool] | None:
        """If the article's claims wait for the linking pass: its story, and whether it was
        changed since it was first stored (extracted again, revised); else None."""
        row = self.db.execute("SELECT story_id, updated_at IS NOT NULL FROM articles WHERE id = ? "
                              "AND linked_at IS NULL AND story_id IS NOT NULL", [article_id]).fetchone()
        return (row[0], bool(row[1])) if row else None

    def delete_contents(self, article_id: int) -> None:
        """Remove the article's sentences and claims; refused if any claim has a verdict."""
        reviewed = self.db.execute(
            "SELECT count(*) FROM verifications WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?)",
            [article_id]).fetchone()[0]
        if reviewed:
            raise ReviewedError(f"article {article_id} has {reviewed} verification record(s); "
                                "its claims stay so that their history is never lost")
        self.db.execute("DELETE FROM claims WHERE article_id = ?", [article_id])
        self.db.execute("DELETE FROM sentences WHERE article_id = ?", [article_id])

    def delete(self, article_id: int) -> None:
        """Remove the article row (its contents first: see delete_contents)."""
        self.db["articles"].delete(article_id)

    # -- reading -------------------------------------------------------------------

    def article(self, article_id: int) -> dict:
        """One article row, or NotFoundError."""
        rows = dicts(self.db.execute("SELECT * FROM articles WHERE id = ?", [article_id]))
        if not rows:
            raise NotFoundError(f"no article with id {article_id}")
        rows[0]["story_pinned"] = bool(rows[0]["story_pinned"])
        return rows[0]

    def resolve(self, ref: str) -> int:
        """An article id from an id, or a unique prefix of a title or file name."""
        if ref.isascii() and ref.isdigit():  # not "²", which isdigit() but int() refuses
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

    def listing(self, limit: int | None = None, offset: int = 0) -> list[dict]:
        """Articles in id order (`limit` of them after skipping `offset`) with their furniture
        (byline, dateline place, wire) and their counts of claims, distinct sources and claims per
        verdict."""
        rows = dicts(self.db.execute("""
            SELECT a.id, a.title, a.outlet, a.published, a.url, a.byline, a.dateline_place, a.wire,
                   (SELECT count(*) FROM claims c WHERE c.article_id = a.id AND c.retired_at IS NULL) AS claims,
                   (SELECT count(DISTINCT c.source_id) FROM claims c
                    WHERE c.article_id = a.id AND c.retired_at IS NULL) AS sources,
                   a.revision
            FROM articles a ORDER BY a.id LIMIT ? OFFSET ?""", [_no_limit(limit), offset]))
        counts: dict[int, dict[str, int]] = {}
        for article_id, status, n in self.db.execute("""
                SELECT c.article_id, s.status, count(*) FROM claims c JOIN claim_status s ON s.claim_id = c.id
                WHERE s.status != 'unverified' AND c.retired_at IS NULL GROUP BY c.article_id, s.status"""):
            counts.setdefault(article_id, {})[status] = n
        for row in rows:
            row["statuses"] = counts.get(row["id"], {})
        return rows

    def claims(self, article_id: int | None = None, *, kind: str | None = None,
               source: str | None = None, status: str | None = None, retired: bool = False,
               limit: int | None = None, offset: int = 0) -> list[dict]:
        """Claims with their attribution and status, filtered by article, source kind, source
        name or status; claims retired by a newer revision only with `retired`; `limit` of them
        after skipping `offset`."""
        where, params = ([], []) if retired else (["c.retired_at IS NULL"], [])
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
                         c.cue, c.cue_start, c.cue_end, c.quoted, c.hedged, c.relayed_by, c.subject,
                         c.revision, c.retired_at, st.status
                  FROM claims c LEFT JOIN sources s ON s.id = c.source_id
                  JOIN claim_status st ON st.claim_id = c.id
                  {"WHERE " + " AND ".join(where) if where else ""}
                  ORDER BY c.article_id, c.retired_at IS NOT NULL, c.revision DESC, c.start LIMIT ? OFFSET ?"""
        rows = dicts(self.db.execute(sql, [*params, _no_limit(limit), offset]))
        for row in rows:
            row["quoted"], row["hedged"] = bool(row["quoted"]), bool(row["hedged"])
        return rows

    def claim(self, claim_id: int) -> dict:
        """One claim with its attribution and status, or NotFoundError."""
        row = self.db.execute("SELECT article_id FROM claims WHERE id = ?", [claim_id]).fetchone()
        if row is None:
            raise NotFoundError(f"no claim with id {claim_id}")
        return next(c for c in self.claims(row[0], retired=True) if c["id"] == claim_id)

    def sentences(self, article_id: int) -> list[dict]:
        """The sentences (with their kind) of the article's current revision, in order."""
        return dicts(self.db.execute(
            'SELECT position, start, "end", kind FROM sentences WHERE article_id = ? AND revision = '
            "(SELECT revision FROM articles WHERE id = ?) ORDER BY position", [article_id, article_id]))

    def search(self, query: str, limit: int = 50) -> list[dict]:
        """Claims whose text matches the query (see search_query), best first."""
        expression = fts_query(query)
        try:
            return dicts(self.db.execute("""
            SELECT c.id, c.article_id, a.title, c.text, c.kind, s.name AS source, c.cue
            FROM claims_fts f JOIN claims c ON c.id = f.rowid
            JOIN articles a ON a.id = c.article_id LEFT JOIN sources s ON s.id = c.source_id
            WHERE claims_fts MATCH ? AND c.retired_at IS NULL ORDER BY bm25(claims_fts) LIMIT ?""",
                [expression, limit]))
        except sqlite3.OperationalError as error:  # what the checks in fts_query did not foresee
            raise SearchSyntaxError(f"cannot search for {query!r} ({error})") from None


def _no_limit(limit: int | None) -> int:
    return -1 if limit is None else limit  # SQLite reads a negative LIMIT as none


def _like_prefix(ref: str) -> str:
    return ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _claim_values(claim: Claim, source_id: Callable[[str, str], int]) -> tuple:
    """A claim's values for _CLAIM_COLUMNS (a named source becomes its id)."""
    a, source, cue = claim.attribution, claim.attribution.source_span, claim.attribution.cue_span
    return (claim.sentence, claim.start, claim.end, claim.text, a.kind,
            source_id(a.source, a.kind) if a.source else None,
            source.text if source else None, source.start if source else None,
            source.end if source else None, a.cue, cue.start if cue else None,
            cue.end if cue else None, int(a.quoted), int(a.hedged), a.relayed_by, claim.subject)
