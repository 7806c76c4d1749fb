"""Revisions: a changed text at a stored article's path or url is a new revision of it.

The old text is kept (revisions.text; the current one is articles.text), so every offset of a
claim still indexes the text it was made from (claims.revision says which). A claim whose text
is unchanged keeps its id and verdicts and moves to the new text; a claim the new text no
longer holds is retired (kept, with `retired_at`), never deleted. `plan` reads and matches
before the write transaction; `write` only writes.

Re-extracting the same text (a newer extractor, or `ingest --force`) goes through the same
reconciliation (`plan_again`, `write_again`) but keeps the revision number: the text, which
every offset indexes, has not changed; only the claims found in it have. Each extraction is a
row of `extractions` naming its extractor; what a re-extraction changed is in extraction_changes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from ..errors import ChangedError, FactcheckError, NotFoundError
from ..extract import EXTRACTOR
from ..match.revisions import Reconciliation, reconcile
from ..model import Extraction
from .articles import Articles
from .database import dicts
from .frames import Frames
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
    links: list[PlannedLink]  # for the `linked` claims, by their position in `linked`
    terms: dict[str, str]
    stored: tuple[int, ...] = ()  # the ids of the article's current claims the plan was made against

    @property
    def fresh(self) -> list[int]:
        """Positions in the extraction of the claims that get new ids (changed or appeared)."""
        return sorted([p for _, p in self.reconciliation.changed] + self.reconciliation.appeared)

    @property
    def linked(self) -> list[int]:
        """Positions of the claims to link: the fresh ones and the revived ones (their links
        went when they were retired)."""
        return sorted(self.fresh + [p for _, p in self.reconciliation.revived])

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
        self._frames = Frames(db)

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
        stored = self._current_claims(article_id)
        matched = reconcile(stored, [c.text for c in extraction.claims])
        if by == "path" and stored and not matched.kept and not matched.changed:
            return None
        return self._with_links(RevisionPlan(article_id, base_hash, extraction, matched, [], terms,
                                             tuple(c for c, _ in stored)), link)

    def plan_again(self, article_id: int, extraction: Extraction, terms: dict[str, str],
                   link: bool) -> RevisionPlan:
        """Match the article's current claims with a new extraction of the same text, and the
        claims earlier re-extractions of this text retired (found again, they come back with
        their ids); plan links for the fresh and revived claims. Reads only."""
        base_hash, revision = self.db.execute("SELECT content_hash, revision FROM articles WHERE id = ?",
                                              [article_id]).fetchone()
        stored = self._current_claims(article_id)
        dormant = self.db.execute("SELECT id, text FROM claims WHERE article_id = ? AND retired_at IS NOT NULL "
                                  "AND revision = ? ORDER BY start, id", [article_id, revision]).fetchall()
        matched = reconcile(stored, [c.text for c in extraction.claims], dormant)
        return self._with_links(RevisionPlan(article_id, base_hash, extraction, matched, [], terms,
                                             tuple(c for c, _ in stored)), link)

    def _current_claims(self, article_id: int) -> list[tuple[int, str]]:
        return self.db.execute("SELECT id, text FROM claims WHERE article_id = ? AND retired_at IS NULL "
                               "ORDER BY start, id", [article_id]).fetchall()

    def _with_links(self, plan: RevisionPlan, link: bool) -> RevisionPlan:
        """The plan, with links for its `linked` claims when `link`."""
        if link:
            claims = [plan.extraction.claims[p] for p in plan.linked]
            story, published = self.db.execute("SELECT story_id, published FROM articles WHERE id = ?",
                                               [plan.article_id]).fetchone()
            near = self._stories.link_articles(story, self._stories.plan(plan.terms, None, own=plan.article_id),
                                               plan.article_id)
            plan.links.extend(self._links.plan(claims, near, published))
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
        new_id = self._add_fresh(plan, number)
        self.db.conn.executemany(
            "INSERT INTO revision_changes (revision_id, claim_id, change, previous_id) VALUES (?, ?, ?, ?)",
            _change_rows(revision_id, plan.reconciliation, new_id))
        self.record_extraction(article_id, number, article["ingested_at"], plan.extraction)
        self._stories.retag(article_id, plan.terms)
        return number

    def write_again(self, plan: RevisionPlan, article: dict) -> None:
        """Store a new extraction of the article's current text (inside the write transaction):
        kept claims move to their new offsets and attribution with their ids, revived ones come
        back, the others are retired, fresh ones are added with their links. Metadata in
        `article` (but `ingested_at`, the time of this extraction) replaces what is stored."""
        article_id, claims, matched = plan.article_id, plan.extraction.claims, plan.reconciliation
        current = self.db.execute("SELECT content_hash, revision FROM articles WHERE id = ?", [article_id]).fetchone()
        if current is None or current[0] != plan.base_hash or \
                tuple(c for c, _ in self._current_claims(article_id)) != plan.stored:
            raise ChangedError(f"article {article_id} changed while it was extracted again; extract it again")
        at, number = article["ingested_at"], current[1]
        changes = {k: v for k, v in article.items() if k != "ingested_at" and v is not None}
        self._articles.write({**changes, "updated_at": at}, article_id)
        self._articles.update_claims([(c, claims[p]) for c, p in matched.kept + matched.revived],
                                     self._sources.id_for, number)
        self.db.execute("UPDATE claims SET retired_at = NULL WHERE id IN (SELECT value FROM json_each(?))",
                        [json.dumps([c for c, _ in matched.revived])])
        self._links.unlink_claims(plan.retiring)
        self.db.execute("UPDATE claims SET retired_at = ? WHERE id IN (SELECT value FROM json_each(?))",
                        [at, json.dumps(plan.retiring)])
        self.db.execute("DELETE FROM sentences WHERE article_id = ? AND revision = ?", [article_id, number])
        new_id = self._add_fresh(plan, number)
        extraction_id = self.record_extraction(article_id, number, at, plan.extraction, matched.counts())
        self.db.conn.executemany(
            "INSERT INTO extraction_changes (extraction_id, claim_id, change, previous_id) VALUES (?, ?, ?, ?)",
            _change_rows(extraction_id, matched, new_id)
            + [(extraction_id, c, "revived", None) for c, _ in matched.revived])

    def _add_fresh(self, plan: RevisionPlan, number: int) -> dict[int, int]:
        """Store the plan's sentences and fresh claims (indexed, with the planned links of the
        fresh and revived ones); the new claims' ids by their position in the extraction."""
        article_id, claims = plan.article_id, plan.extraction.claims
        self._articles.insert_sentences(article_id, plan.extraction.sentences, number)
        new_ids = self._articles.insert_claims(article_id, [claims[p] for p in plan.fresh], self._sources.id_for,
                                               number)
        self._articles.index(new_ids)
        new_id = dict(zip(plan.fresh, new_ids))
        id_at = {**new_id, **{p: c for c, p in plan.reconciliation.revived}}
        self._links.write(plan.links, [id_at[p] for p in plan.linked])
        return new_id

    def record_extraction(self, article_id: int, revision: int, at: str, extraction: Extraction,
                          counts: dict[str, int] | None = None) -> int:
        """Record that the current extractor (EXTRACTOR) made the article's claims of `revision`
        and store its frames (inside the write transaction, once the claims are written; `counts`
        for a re-extraction); the extraction's id."""
        counts = counts or {}
        self.db.execute("UPDATE articles SET extractor = ? WHERE id = ?", [EXTRACTOR, article_id])
        extraction_id = self.db.execute(
            "INSERT INTO extractions (article_id, revision, extractor, at, claims, kept, changed, appeared, went) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [article_id, revision, EXTRACTOR, at, len(extraction.claims),
             *(counts.get(k) for k in ("kept", "changed", "appeared", "went"))]).lastrowid
        self._frames.write(extraction_id, article_id, revision, extraction)
        return extraction_id

    def outdated(self) -> list[int]:
        """Ids of the articles whose current claims another extractor (or an unrecorded one) made,
        or whose frames were never stored (extracted before migration m012)."""
        return [r[0] for r in self.db.execute(
            "SELECT id FROM articles a WHERE extractor IS NOT ? OR NOT EXISTS (SELECT 1 FROM extractions e "
            "WHERE e.article_id = a.id AND e.revision = a.revision AND e.frames IS NOT NULL) ORDER BY id",
            [EXTRACTOR])]

    def forget(self, article_id: int) -> None:
        """Drop the article's revisions and extractions with what they changed and its frames (it
        is being removed)."""
        claims = "SELECT id FROM claims WHERE article_id = ?"
        for table in ("revision_changes", "extraction_changes"):
            self.db.execute(f"DELETE FROM {table} WHERE claim_id IN ({claims}) OR previous_id IN ({claims})",
                            [article_id, article_id])
        self.db.execute("DELETE FROM revisions WHERE article_id = ?", [article_id])
        self._frames.forget(article_id)  # they name its extractions
        self.db.execute("DELETE FROM extractions WHERE article_id = ?", [article_id])

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

    def frames(self, article: dict) -> list[dict]:
        """The frames of the article's current text (see store/frames.py)."""
        return self._frames.of_article(article)

    def text(self, article_id: int, number: int) -> str:
        """The text of one revision of the article, or NotFoundError."""
        row = self.db.execute("""SELECT coalesce(r.text, a.text) FROM revisions r JOIN articles a ON a.id = r.article_id
                                 WHERE r.article_id = ? AND r.number = ?""", [article_id, number]).fetchone()
        if row is None:
            raise NotFoundError(f"article {article_id} has no revision {number}")
        return row[0]

    def of_claim(self, claim_id: int) -> list[dict]:
        """What revisions and re-extractions did to a claim, oldest first: the one that brought
        it (as new, or as the rewording of another claim), retired it or brought it back.
        `extractor` names the extractor of a re-extraction (None for a new revision)."""
        return dicts(self.db.execute("""
            SELECT revision, at, CASE WHEN claim_id = :id THEN change ELSE 'changed into' END AS change,
                   CASE WHEN claim_id = :id THEN previous_id ELSE claim_id END AS other_id, extractor
            FROM (SELECT r.number AS revision, r.ingested_at AS at, NULL AS extractor, x.claim_id,
                         x.previous_id, x.change
                  FROM revision_changes x JOIN revisions r ON r.id = x.revision_id
                  UNION ALL
                  SELECT e.revision, e.at, coalesce(e.extractor, 'an unrecorded extractor'), x.claim_id,
                         x.previous_id, x.change
                  FROM extraction_changes x JOIN extractions e ON e.id = x.extraction_id)
            WHERE claim_id = :id OR previous_id = :id ORDER BY at, revision""", {"id": claim_id}))


def _change_rows(record_id: int, matched: Reconciliation, new_id: dict[int, int]) -> list[tuple]:
    """Rows (record, claim, change, previous claim) saying which claims appeared, changed and went."""
    return ([(record_id, new_id[p], "appeared", None) for p in matched.appeared]
            + [(record_id, new_id[p], "changed", old) for old, p in matched.changed]
            + [(record_id, old, "went", None) for old in matched.went])
