"""Finding and storing how claims of different articles relate.

Candidates for a claim come from the full-text index (FTS5, BM25) queried with the claim's most
telling words, are filtered with rapidfuzz, and only the survivors go through `relate`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlite_utils import Database

from .matching import Relation, relate
from .textnorm import STOP_WORDS, synonyms, words

CANDIDATES_PER_CLAIM = 25      # BM25 hits fetched per claim
MIN_CANDIDATE_SIMILARITY = 35  # rapidfuzz token-set ratio a hit needs before `relate` sees it
QUERY_WORDS = 8                # most telling words of a claim used in its query
KEPT_RELATIONS = ("agree", "contradict", "related")
SYNONYMS_PER_WORD = 4          # synonyms added to the query for each chosen word


@dataclass(frozen=True)
class Link:
    """How one stored claim relates to another."""

    claim_id: int
    other_id: int
    relation: Relation


def query_for(text: str) -> str | None:
    """An FTS5 query (OR of quoted words) from the claim's most telling words, or None."""
    chosen, seen = [], set()
    ranked = sorted(words(text), key=_telling, reverse=True)
    for word in ranked:
        lower = word.text.lower()
        if lower in STOP_WORDS or lower in seen or not lower.isalnum() or _telling(word) <= 0:
            continue
        seen.add(lower)
        chosen.append(f'"{lower}"')
        chosen += [f'"{other}"' for other in synonyms(lower)[:SYNONYMS_PER_WORD]]  # "fled" finds "escaped"
        if len(seen) == QUERY_WORDS:
            break
    return " OR ".join(chosen) or None


def _telling(word) -> float:
    """How much a word says about what a claim is about: numbers and names most, then long words."""
    if word.number is not None:
        return 3.0
    if word.capitalised:
        return 2.5
    return min(len(word.text), 10) / 5.0 if len(word.text) > 3 else 0.0


def candidates(db: Database, claim_id: int, text: str, article_id: int) -> list[tuple[int, str]]:
    """(id, text) of stored claims from other articles that may say the same thing as `text`."""
    query = query_for(text)
    if query is None:
        return []
    rows = db.execute(
        """SELECT c.id, c.text FROM claims_fts f JOIN claims c ON c.id = f.rowid
           WHERE claims_fts MATCH ? AND c.article_id != ? ORDER BY rank LIMIT ?""",
        [query, article_id, CANDIDATES_PER_CLAIM]).fetchall()
    if not rows:
        return []
    kept = process.extract(text, [r[1] for r in rows], scorer=fuzz.token_set_ratio,
                           score_cutoff=MIN_CANDIDATE_SIMILARITY, limit=None)
    return [rows[index] for _, _, index in kept]


def link_article(db: Database, article_id: int) -> int:
    """Relate every claim of the article to similar claims of other articles; store the links."""
    claims = db.execute("SELECT id, text FROM claims WHERE article_id = ?", [article_id]).fetchall()
    rows = []
    for claim_id, text in claims:
        for other_id, other_text in candidates(db, claim_id, text, article_id):
            low, high = sorted(((claim_id, text), (other_id, other_text)))
            relation = relate(low[1], high[1])
            if relation.label in KEPT_RELATIONS:
                rows.append((low[0], high[0], relation.label, relation.score,
                             json.dumps(relation.reasons), json.dumps(relation.conflicts)))
    db.conn.executemany(
        "INSERT OR REPLACE INTO links (claim_id, other_id, relation, score, reasons, conflicts) "
        "VALUES (?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def unlink_article(db: Database, article_id: int) -> None:
    """Remove every link that touches a claim of the article."""
    db.execute("""DELETE FROM links WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?)
                  OR other_id IN (SELECT id FROM claims WHERE article_id = ?)""", [article_id, article_id])
