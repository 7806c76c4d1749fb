"""Revisions: a changed text at a stored article's path or url is a new revision of it.

The old text is kept (revisions.text; the current one is articles.text), so every offset of a
claim still indexes the text it was made from (claims.revision says which). A claim whose text
is unchanged keeps its id and verdicts and moves to the new text; a claim the new text no
longer holds is retired (kept, with `retired_at`), never deleted. `plan` reads and matches
before the write transaction; `write` only writes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from ..errors import FactcheckError, NotFoundError
from ..match.revisions import Reconciliation, reconcile
from ..model import Extraction
from .articles import Articles
from .database import dicts
from .links import Links, PlannedLink
from .sources import Sources
from .stories import Stories


@dataclass(frozen=True)
class RevisionPlan:
    """What a new revision of a stored article will change, found before the write."""

    article_id: int
    base_hash: str            # the stored text the plan was made against
    extraction: Extraction
    reconciliation: Reconciliation
    links: list[PlannedLink]  # for the fresh claims, by their position in `fresh`
    terms: dict[str, str]

    @property
    def fresh(self) -> list[int]:
        """Positions in the extraction of the claims that get new ids (changed or appeared)."""
        return sorted([p for _, p in self.reconciliation.changed] + self.reconciliation.appeared)

    @property
    def retiring(self) -> list[int]:
        """Ids of the stored claims the new text no longer holds (went, or changed)."""
        return sorted([c for c, _ in self.reconciliation.changed] + self.reconciliation.went)


class Revisions:
    """The revisions and revision_changes tables, and writing a new revision of an article."""

    def __init__(self, db: Database, articles: Articles, sources: Sources, links: Links,
                 stories: Stories) -> None:
        self.db = db
        self._articles, self._sources, self._links, self._stories = articles, sources, links, stories

    def revised_article(self, path: str | None, url: str | None) -> tuple[int, str] | None:
        """The stored article a text read from `path` or published at `url` may revise, and
        which of the two found it (the url decides first), or None."""
        for column, value in (("url", url), ("path", path)):
            if value:
                found = self.db.execute(f"SELECT max(id) FROM articles WHERE {column} = ?", [value]).fetchone()[0]
                if found is not None:
                    return found, column
        return None

    def first(self, article_id: int, row: dict) -> None:
        """Record revision 1 of a newly stored article (inside the write transaction)."""
        self.db.execute("INSERT INTO revisions (article_id, number, content_hash, path, url, ingested_at) "
                        "VALUES (?, 1, ?, ?, ?, ?)",
                        [article_id, row["content_hash"], row["path"], row["url"], row["ingested_at"]])

    def plan(self, article_id: int, extraction: Extraction, terms: dict[str, str], link: bool,
             by: str = "url") -> RevisionPlan | None:
        """Match the stored claims with the new extraction and plan links for the fresh claims.
        Reads only: run it before the write transaction.

        A url names one article; a file name may be reused for another (`draft.txt`), so a text
        found `by` path that keeps or rewords none of the stored claims is no revision (None).
        """
        base_hash = self.db.execute("SELECT content_hash FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        stored = self.db.execute("SELECT id, text FROM claims WHERE article_id = ? AND retired_at IS NULL "
                                 "ORDER BY start, id", [article_id]).fetchall()
        matched = reconcile(stored, [c.text for c in extraction.claims])
        if by == "path" and stored and not matched.kept and not matched.changed:
            return None
        plan = RevisionPlan(article_id, base_hash, extraction, matched, [], terms)
        if link:
            fresh = [extraction.claims[p] for p in plan.fresh]
            story = self.db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()[0]
            near = self._stories.link_articles(story, self._stories.plan(terms, None, own=article_id), article_id)
            plan.links.extend(self._links.plan(fresh, near))
        return plan

    def write(self, plan: RevisionPlan, article: dict) -> int:
        """Store the new revision (inside the write transaction): keep the old text, move kept
        claims, retire the others, add the fresh ones with their links. The revision's number.

        `article` holds the new text, content_hash, ingested_at and the metadata to change.
        """
        article_id, claims = plan.article_id, plan.extraction.claims
        current = self.db.execute("SELECT content_hash, revision, text FROM articles WHERE id = ?",
                                  [article_id]).fetchone()
        if current is None or current[0] != plan.base_hash:
            raise FactcheckError(f"article {article_id} changed while its new revision was read; ingest it again")
        number = current[1] + 1
        self.db.execute("UPDATE revisions SET text = ? WHERE article_id = ? AND number = ?",
                        [current[2], article_id, current[1]])
        counts = plan.reconciliation.counts()
        revision_id = self.db.execute(
            "INSERT INTO revisions (article_id, number, content_hash, path, url, ingested_at, kept, changed, "
            "appeared, went) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [article_id, number, article["content_hash"], article.get("path"), article.get("url"),
             article["ingested_at"], *counts.values()]).lastrowid
        changes = {k: v for k, v in article.items() if k != "ingested_at" and v is not None}
        self._articles.write({**changes, "revision": number, "updated_at": article["ingested_at"]}, article_id)
        source_id = self._sources.id_for
        self._articles.update_claims([(c, claims[p]) for c, p in plan.reconciliation.kept], source_id, number)
        self._links.unlink_claims(plan.retiring)
        self.db.execute("UPDATE claims SET retired_at = ? WHERE id IN (SELECT value FROM json_each(?))",
                        [article["ingested_at"], json.dumps(plan.retiring)])
        self._articles.insert_sentences(article_id, plan.extraction.sentences, number)
        new_ids = self._articles.insert_claims(article_id, [claims[p] for p in plan.fresh], source_id, number)
        self._links.write(plan.links, new_ids)
        self._articles.index(new_ids)
        new_id = dict(zip(plan.fresh, new_ids))
        self.db.conn.executemany(
            "INSERT INTO revision_changes (revision_id, claim_id, change, previous_id) VALUES (?, ?, ?, ?)",
            [(revision_id, new_id[p], "appeared", None) for p in plan.reconciliation.appeared]
            + [(revision_id, new_id[p], "changed", old) for old, p in plan.reconciliation.changed]
            + [(revision_id, old, "went", None) for old in plan.reconciliation.went])
        self._stories.retag(article_id, plan.terms)
        return number

    def forget(self, article_id: int, current_only: bool = False) -> None:
        """Drop the change records of the article's claims (with `current_only`, of the claims
        of its current revision, about to be extracted again); without it, its revisions too."""
        claims = "SELECT id FROM claims WHERE article_id = ?" + (" AND retired_at IS NULL" if current_only else "")
        self.db.execute(f"DELETE FROM revision_changes WHERE claim_id IN ({claims}) OR previous_id IN ({claims})",
                        [article_id, article_id])
        if not current_only:
            self.db.execute("DELETE FROM revisions WHERE article_id = ?", [article_id])

    # -- reading -------------------------------------------------------------------

    def listing(self, article_id: int) -> list[dict]:
        """The article's revisions, oldest first: when, its hash and length, what it changed
        (counts, and each claim that appeared, changed or went, with its text)."""
        rows = dicts(self.db.execute("""
            SELECT r.id, r.number, r.ingested_at, r.content_hash, r.path, r.url,
                   length(coalesce(r.text, a.text)) AS characters, r.kept, r.changed, r.appeared, r.went
            FROM revisions r JOIN articles a ON a.id = r.article_id
            WHERE r.article_id = ? ORDER BY r.number""", [article_id]))
        changes: dict[int, list[dict]] = {}
        for change in dicts(self.db.execute("""
                SELECT x.revision_id, x.change, x.claim_id, c.text, x.previous_id, p.text AS previous_text
                FROM revision_changes x JOIN claims c ON c.id = x.claim_id
                LEFT JOIN claims p ON p.id = x.previous_id
                WHERE x.revision_id IN (SELECT id FROM revisions WHERE article_id = ?)
                ORDER BY x.revision_id, x.change, x.claim_id""", [article_id])):
            changes.setdefault(change.pop("revision_id"), []).append(change)
        for row in rows:
            row["changes"] = changes.get(row.pop("id"), [])
        return rows

    def text(self, article_id: int, number: int) -> str:
        """The text of one revision of the article, or NotFoundError."""
        row = self.db.execute("""SELECT coalesce(r.text, a.text) FROM revisions r JOIN articles a ON a.id = r.article_id
                                 WHERE r.article_id = ? AND r.number = ?""", [article_id, number]).fetchone()
        if row is None:
            raise NotFoundError(f"article {article_id} has no revision {number}")
        return row[0]

    def of_claim(self, claim_id: int) -> list[dict]:
        """What revisions did to a claim: the revision that brought it (as new, or as the
        rewording of another claim) and the one that retired it."""
        return dicts(self.db.execute("""
            SELECT r.number AS revision, r.ingested_at AS at,
                   CASE WHEN x.claim_id = ? THEN x.change ELSE 'changed into' END AS change,
                   CASE WHEN x.claim_id = ? THEN x.previous_id ELSE x.claim_id END AS other_id
            FROM revision_changes x JOIN revisions r ON r.id = x.revision_id
            WHERE x.claim_id = ? OR x.previous_id = ? ORDER BY r.number""", [claim_id] * 4))

