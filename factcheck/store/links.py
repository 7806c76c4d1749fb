"""Links between claims of different articles: found before a write, stored in it, listed."""
from __future__ import annotations

import json
from collections import Counter

from sqlite_utils import Database

from ..match.candidates import MATCHES_READ, closest, query_for, relations_to
from ..match.relate import Relation
from ..model import Claim
from .database import dicts

COMMON_SHARE = 0.01            # a word in more than this share of claims is common ...
COMMON_MINIMUM = 200           # ... and in more than this many
STALE_GROWTH, STALE_MINIMUM = 0.1, 20  # word counts are read again once the store has grown by 10% + 20 claims
NEIGHBOURS = 2            # articles whose every claim is a candidate: those the index hits most
MIN_NEIGHBOUR_VOTES = 2   # ... for at least this many of the new article's claims
# Each link seen from one side: `mine` is a claim of the article asked about, `other` the claim
# it is linked to, `a` the other claim's article.
_LINKS_OF_ARTICLE = """FROM links l
            JOIN claims mine ON mine.id IN (l.claim_id, l.other_id)
            JOIN claims other ON other.id IN (l.claim_id, l.other_id) AND other.id != mine.id
            JOIN articles a ON a.id = other.article_id"""
# A planned link: (position of the new claim in its extraction, id of the stored claim, relation).
PlannedLink = tuple[int, int, Relation]


class Frequencies:
    """How many stored claims hold a word, read from the index's vocabulary and remembered.

    Counts only rank words, so they may lag the store a little: `stale()` says when the store
    has grown enough (by STALE_GROWTH) that they should be read afresh.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.known: dict[str, int] = {}
        self.claims = self._claims()

    def _claims(self) -> int:
        return self.db.execute("SELECT max(rowid) FROM claims").fetchone()[0] or 0

    def common(self, count: int) -> bool:
        """Whether a word held by `count` claims is in more than COMMON_SHARE of stored claims
        (and COMMON_MINIMUM)."""
        return count > max(COMMON_MINIMUM, COMMON_SHARE * self.claims)

    def stale(self) -> bool:
        """Whether the store has grown by more than STALE_GROWTH since the counts were read."""
        return self._claims() > self.claims * (1 + STALE_GROWTH) + STALE_MINIMUM

    def __call__(self, word: str) -> int:
        if word not in self.known:
            # The index stores Porter stems; the stem is the longest of these forms it knows.
            stems = {word[:-1], word[:-2], word[:-3], word[:-4], word[:-1] + "i"}
            forms = [word] + [f for f in stems if len(f) >= 3 and f != word]  # "86" is its own stem
            row = self.db.execute(
                f"SELECT doc FROM claims_fts_vocab WHERE term IN ({', '.join('?' * len(forms))}) "
                "ORDER BY length(term) DESC LIMIT 1", forms).fetchone()
            self.known[word] = row[0] if row else 0
        return self.known[word]

    def forget_unseen(self) -> None:
        """Drop the words no claim held: the article stored since may have brought them."""
        self.known = {word: count for word, count in self.known.items() if count}


class Links:
    """The links table: planning links for a new article, writing them, and reading them."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._frequencies: Frequencies | None = None

    def word_counts(self) -> Frequencies:
        """How many claims hold each word, kept across ingests until the store has grown."""
        if self._frequencies is None or self._frequencies.stale():
            self._frequencies = Frequencies(self.db)
        return self._frequencies

    def plan(self, claims: list[Claim], article_id: int | None) -> list[PlannedLink]:
        """Relate each new claim to similar stored claims of other articles. Reads only: run it
        before the write transaction.

        Candidates come from the full-text index, and from the NEIGHBOURS articles the index
        hits most often (likely reports of the same event), whose every claim is a candidate:
        a paraphrase that shares one word or none is still found there.
        """
        frequency = self.word_counts()
        frequency.forget_unseen()
        hits = [self.hits(claim.text, article_id) for claim in claims]
        neighbours = {row[0]: row for row in self.neighbour_claims(hits)}
        planned = []
        for position, claim in enumerate(claims):
            pool = {**neighbours, **{row[0]: row[:3] for row in hits[position]}}  # (id, text, hedged)
            candidates = closest(claim.text, list(pool.values()))
            for other_id, relation in relations_to(claim.text, claim.attribution.hedged, candidates):
                planned.append((position, other_id, relation))
        return planned

    def hits(self, text: str, article_id: int | None) -> list[tuple[int, str, int, int]]:
        """(id, text, hedged, article id) of stored claims of other articles the index finds for
        `text`: read newest first, at most MATCHES_READ, so the work per claim is bounded."""
        query = query_for(text, self.word_counts())
        if query is None:
            return []
        return self.db.execute(
            """SELECT c.id, c.text, c.hedged, c.article_id FROM claims c WHERE c.id IN
                 (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
               AND c.article_id IS NOT ? AND c.retired_at IS NULL""",
            [query, MATCHES_READ, article_id]).fetchall()

    def neighbour_claims(self, hits: list[list[tuple]]) -> list[tuple[int, str, int]]:
        """(id, text, hedged) of every claim of the NEIGHBOURS articles most claims' hits fall in."""
        votes = Counter(article for rows in hits for article in {row[3] for row in rows})
        chosen = [article for article, count in votes.most_common(NEIGHBOURS) if count >= MIN_NEIGHBOUR_VOTES]
        if not chosen:
            return []
        return self.db.execute(
            f"SELECT id, text, hedged FROM claims WHERE article_id IN ({', '.join('?' * len(chosen))}) "
            "AND retired_at IS NULL",
            chosen).fetchall()

    def write(self, planned: list[PlannedLink], claim_ids: list[int]) -> int:
        """Store planned links of the new claims `claim_ids` (inside the write transaction).

        A stored claim removed since the plan was made is skipped. Each link is kept once, with
        the lower claim id first.
        """
        rows = []
        for position, other_id, relation in planned:
            low, high = sorted((claim_ids[position], other_id))
            rows.append((low, high, relation.label, relation.score, json.dumps(relation.reasons),
                         json.dumps(relation.conflicts), other_id))
        self.db.conn.executemany(
            "INSERT OR REPLACE INTO links (claim_id, other_id, relation, score, reasons, conflicts) "
            "SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM claims WHERE id = ?)", rows)
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
        """Every stored link from a claim of the article to a claim of another article."""
        rows = dicts(self.db.execute(f"""
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

    def corroboration(self, article_id: int, claims: list[dict]) -> list[dict]:
        """The article's claims, each with how many other articles and independent sources agree
        or contradict. A source relayed by two outlets counts once; the writer of an article
        with no cited source counts as that article's outlet (or the article itself)."""
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

