"""Links between claims of different articles: found before a write, stored in it, listed."""
from __future__ import annotations

import json

from sqlite_utils import Database

from ..match.candidates import Pool, relations_to
from ..match.relate import Context, Relation
from ..model import Claim
from .database import dicts

# Each link seen from one side: `mine` is a claim of the article asked about, `other` the claim
# it is linked to, `a` the other claim's article. Links a person rejected are never read.
_LINKS_OF_ARTICLE = """FROM link_status l
            JOIN claims mine ON mine.id IN (l.claim_id, l.other_id)
            JOIN claims other ON other.id IN (l.claim_id, l.other_id) AND other.id != mine.id
            JOIN articles a ON a.id = other.article_id AND l.status != 'rejected'"""
_IN_JSON = "(SELECT value FROM json_each(?))"
# what relate needs of a stored claim: its text, whether it is hedged, its article's date, whom its "he" stands for
_CLAIM_CONTEXT = "c.id, c.text, c.hedged, a.published, c.subject FROM claims c JOIN articles a ON a.id = c.article_id"
# A planned link: (position of the new claim in its extraction, id of the stored claim, relation).
PlannedLink = tuple[int, int, Relation]
# A link between two stored claims: (claim id, other claim id, relation).
StoredLink = tuple[int, int, Relation]


class Links:
    """The links table: planning links for a new article, writing them, and reading them."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def plan(self, claims: list[Claim], articles: tuple[list[int], list[int]],
             published: str | None = None) -> list[PlannedLink]:
        """Relate each new claim (of an article dated `published`) to the closest claims of the
        articles of its story and of the most alike of other stories (`Stories.link_articles`).
        Reads only: run it before the write transaction."""
        return self._relate([(c.text, Context.of(c.attribution.hedged, published, c.subject)) for c in claims],
                            articles)

    def plan_stored(self, article_id: int, articles: tuple[list[int], list[int]]) -> list[StoredLink]:
        """Relate the stored claims of an article (its current revision) to the closest claims of
        `articles` as `plan` does, leaving out the pairs already linked. Reads only."""
        mine = self.db.execute(f"SELECT {_CLAIM_CONTEXT} WHERE c.article_id = ? AND c.retired_at IS NULL "
                               "ORDER BY c.id", [article_id]).fetchall()
        planned = self._relate([(text, Context.of(hedged, published, subject))
                                for _, text, hedged, published, subject in mine], articles)
        linked = {tuple(row) for row in self.db.execute(
            "SELECT claim_id, other_id FROM links WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?) "
            "UNION SELECT other_id, claim_id FROM links WHERE other_id IN "
            "(SELECT id FROM claims WHERE article_id = ?)", [article_id, article_id])}
        return [(mine[p][0], other, relation) for p, other, relation in planned if (mine[p][0], other) not in linked]

    def _relate(self, claims: list[tuple[str, Context]], articles: tuple[list[int], list[int]]) -> list[PlannedLink]:
        if not claims or not any(articles):
            return []
        query = f"SELECT {_CLAIM_CONTEXT} WHERE c.article_id IN {_IN_JSON} AND c.retired_at IS NULL ORDER BY c.id"
        inside, outside = ([(claim_id, text, Context.of(hedged, published, subject))
                            for claim_id, text, hedged, published, subject in self.db.execute(query, [json.dumps(ids)])]
                           for ids in articles)
        pool = Pool(inside, outside)
        planned = []
        for position, (text, context) in enumerate(claims):
            for other_id, relation in relations_to(text, context, pool.closest(text)):
                planned.append((position, other_id, relation))
        return planned

    def write(self, planned: list[PlannedLink], claim_ids: list[int]) -> int:
        """Store planned links of the new claims `claim_ids` (inside the write transaction).

        A stored claim removed since the plan was made is skipped. Each link is kept once, with
        the lower claim id first.
        """
        return self._insert("OR REPLACE", [(claim_ids[position], other, relation)
                                           for position, other, relation in planned])

    def write_stored(self, planned: list[StoredLink]) -> int:
        """Store links planned by `plan_stored` (inside the write transaction); a pair linked
        meanwhile keeps its link, a claim removed or retired meanwhile is skipped."""
        return self._insert("OR IGNORE", planned)

    def _insert(self, conflict: str, links: list[StoredLink]) -> int:
        rows = []
        for claim_id, other_id, relation in links:
            low, high = sorted((claim_id, other_id))
            rows.append((low, high, relation.label, relation.score, json.dumps(relation.reasons),
                         json.dumps(relation.conflicts), low, high))
        self.db.conn.executemany(
            f"INSERT {conflict} INTO links (claim_id, other_id, relation, score, reasons, conflicts) "
            "SELECT ?, ?, ?, ?, ?, ? WHERE (SELECT count(*) FROM claims WHERE id IN (?, ?) AND retired_at IS NULL) = 2",
            rows)
        return len(rows)

    def unlink(self, article_id: int) -> None:
        """Remove every link that touches a claim of the article."""
        self.db.execute("""DELETE FROM links WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?)
                      OR other_id IN (SELECT id FROM claims WHERE article_id = ?)""", [article_id, article_id])

    def unlink_claims(self, claim_ids: list[int]) -> None:
        """Remove every link that touches one of these claims."""
        self.db.execute("""DELETE FROM links WHERE claim_id IN (SELECT value FROM json_each(?))
                      OR other_id IN (SELECT value FROM json_each(?))""", [json.dumps(claim_ids)] * 2)

    def of_article(self, article_id: int) -> list[dict]:
        """Every stored link from a claim of the article to a claim of another article, but
        those a person rejected; each with its link id and status (suggested or confirmed)."""
        rows = dicts(self.db.execute(f"""
            SELECT l.claim_id || '-' || l.other_id AS link_id, l.status,
                   mine.id AS claim_id, mine.text AS claim, other.id AS other_id,
                   other.text AS other_claim, other.article_id AS other_article,
                   a.title AS other_title, a.outlet AS other_outlet, a.published AS other_published,
                   l.relation, l.score, l.reasons, l.conflicts,
                   sm.name AS source, so.name AS other_source, other.kind AS other_kind
            {_LINKS_OF_ARTICLE}
            LEFT JOIN sources sm ON sm.id = mine.source_id
            LEFT JOIN sources so ON so.id = other.source_id
            WHERE mine.article_id = ?
            ORDER BY mine.start, l.relation, l.score DESC""", [article_id]))
        for row in rows:
            row["reasons"], row["conflicts"] = json.loads(row["reasons"]), json.loads(row["conflicts"])
        return rows

    def corroboration(self, article_id: int, claims: list[dict]) -> list[dict]:
        """The article's claims, each with how many other articles and independent sources agree
        or contradict, and of those sources how many a person confirmed and how many are only
        suggested. A source relayed by two outlets counts once; the writer of an article with
        no cited source counts as that article's outlet (or the article itself). Rejected links
        count for nothing."""
        tallies = {c["id"]: {"agree": (set(), set(), set()), "contradict": (set(), set(), set())}
                   for c in claims}
        for link in self.db.execute(f"""
                SELECT mine.id, l.relation, l.status, other.article_id, other.source_id,
                       coalesce(a.outlet, 'article ' || a.id)
                {_LINKS_OF_ARTICLE}
                WHERE mine.article_id = ? AND l.relation IN ('agree', 'contradict')""", [article_id]):
            claim_id, relation, status, other_article, source_id, writer = link
            articles, sources, confirmed = tallies[claim_id][relation]
            source = f"source {source_id}" if source_id is not None else writer
            articles.add(other_article)
            sources.add(source)
            if status == "confirmed":
                confirmed.add(source)
        for claim in claims:
            for relation in ("agree", "contradict"):
                articles, sources, confirmed = tallies[claim["id"]][relation]
                claim[f"{relation}_articles"] = len(articles)
                claim[f"{relation}_sources"] = len(sources)
                claim[f"{relation}_confirmed"] = len(confirmed)
                claim[f"{relation}_suggested"] = len(sources - confirmed)
        return claims

