"""Finding and storing how claims of different articles relate.

Candidates for a claim come from the full-text index (FTS5) queried with the claim's most telling
words, are ranked with rapidfuzz, and only the closest go through `relate`.
"""
from __future__ import annotations

import itertools
import json
import math

from rapidfuzz import fuzz, process
from sqlite_utils import Database

from .relate import relate
from .normalise import STOP_WORDS, synonyms, words

MATCHES_READ = 200             # index hits read per claim, newest first
CANDIDATES_PER_CLAIM = 10      # of those, the closest by rapidfuzz go through `relate`
MIN_CANDIDATE_SIMILARITY = 35  # rapidfuzz token-set ratio a hit needs before `relate` sees it
QUERY_WORDS = 4                # rarest telling words of a claim used in its query
KEPT_RELATIONS = ("agree", "contradict", "related")
SYNONYMS_PER_WORD = 4          # synonyms added to the query for each chosen word
COMMON_SHARE = 0.01            # a word in more than this share of claims is common ...
COMMON_MINIMUM = 200           # ... and in more than this many
PAIR_HITS_BUDGET = MATCHES_READ // 2  # index hits the chosen word pairs are expected to bring, together
STALE_GROWTH, STALE_MINIMUM = 0.1, 20  # word counts are read again once the store has grown by 10% + 20 claims


def query_for(text: str, frequency: "Frequencies") -> str | None:
    """An FTS5 query from the claim's most telling words (two of them together), or None.

    The rarest of them (by `frequency`) are asked for, since they find the claims about the
    same thing fastest; each with its synonyms ("fled" finds "escaped").
    """
    found = words(text)
    ranked = sorted((w for w in found if _telling(w) > 0), key=_telling, reverse=True)
    plain = list(dict.fromkeys(w.written for w in ranked if w.written not in STOP_WORDS and w.written.isalnum()))
    groups = {lower: [lower] + synonyms(lower)[:SYNONYMS_PER_WORD] for lower in plain[:2 * QUERY_WORDS]}
    # a word asked for with its synonyms is as rare as the claims holding any of them
    counts = {lower: sum(frequency(w) for w in group) for lower, group in groups.items()}
    stored = [lower for lower in groups if counts[lower]]  # a word no claim holds finds nothing
    rarest = sorted(stored if len(stored) >= 2 else groups, key=counts.get)[:QUERY_WORDS]
    asked = {lower: "(" + " OR ".join(f'"{w}"' for w in groups[lower]) + ")" for lower in rarest}
    if len(asked) < 2:
        return next(iter(asked.values()), None)
    return " OR ".join(f"({asked[x]} AND {asked[y]})" for x, y in _pairs_to_ask(found, rarest, counts, frequency))


def _pairs_to_ask(found: list, rarest: list[str], counts: dict[str, int], frequency: "Frequencies") -> list:
    """The pairs of words to ask for together, fewest expected hits first, up to PAIR_HITS_BUDGET.

    Never two common words ("prices" and "percent" go together everywhere) nor the two halves of
    one name ("Toyota Yaris").  The hits are read newest first, so a pair bringing hundreds would
    hide old claims: "Anpiba" and "243" together, not "Anpiba" and "people", which a million
    claims hold hundreds of times.  Expected hits: between the count if the words were
    independent and the count if one always came with the other (the geometric mean), since
    words of one story ("suspect", "Toyota") come together more often than chance says.
    """
    capitalised = {w.written: k for k, w in enumerate(found) if w.capitalised}
    claims = max(1, frequency.claims)
    expected = {}
    for x, y in itertools.combinations(rarest, 2):
        one_name = x in capitalised and y in capitalised and abs(capitalised[x] - capitalised[y]) == 1
        if one_name or (frequency.common(counts[x]) and frequency.common(counts[y])):
            continue
        alone = min(counts[x], counts[y])
        expected[(x, y)] = math.sqrt(counts[x] * counts[y] / claims * alone)
    pairs, total = [], 0.0
    for pair in sorted(expected, key=expected.get):
        if pairs and total + expected[pair] > PAIR_HITS_BUDGET:
            break
        pairs.append(pair)
        total += expected[pair]
    return pairs or [(rarest[0], rarest[1])]


def _telling(word) -> float:
    """How much a word says about what a claim is about: numbers and names most, then long words."""
    if word.number is not None:
        return 3.0
    if word.capitalised:
        return 2.5
    return min(len(word.text), 10) / 5.0 if len(word.text) > 3 else 0.0


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


def candidates(db: Database, text: str, article_id: int, frequency: "Frequencies") -> list[tuple[int, str]]:
    """(id, text) of stored claims from other articles that may say the same thing as `text`.

    The index is read newest first and stops after MATCHES_READ hits, so the work per claim is
    bounded however many claims match; rapidfuzz then keeps the CANDIDATES_PER_CLAIM closest.
    """
    query = query_for(text, frequency)
    if query is None:
        return []
    rows = db.execute(
        """SELECT c.id, c.text FROM claims c WHERE c.id IN
             (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
           AND c.article_id != ?""",
        [query, MATCHES_READ, article_id]).fetchall()
    if not rows:
        return []
    kept = process.extract(text, [r[1] for r in rows], scorer=fuzz.token_set_ratio,
                           score_cutoff=MIN_CANDIDATE_SIMILARITY, limit=CANDIDATES_PER_CLAIM)
    return [rows[index] for _, _, index in kept]


def link_article(db: Database, article_id: int, frequency: Frequencies | None = None) -> int:
    """Relate every claim of the article to similar claims of other articles; store the links.

    `frequency` may be kept from article to article (see Frequencies.stale).
    """
    claims = db.execute("SELECT id, text FROM claims WHERE article_id = ?", [article_id]).fetchall()
    frequency = frequency or Frequencies(db)
    frequency.forget_unseen()
    rows = []
    for claim_id, text in claims:
        for other_id, other_text in candidates(db, text, article_id, frequency):
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
