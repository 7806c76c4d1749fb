"""Candidates: which stored claims a new claim should be related to.

The store asks its full-text index (FTS5) with `query_for` (the claim's most telling words),
`closest` ranks the hits with rapidfuzz, and only those go through `relate` (`relations_to`).
Nothing here touches the database: word counts come in through a `Frequency`.
"""
from __future__ import annotations

import itertools
import math
from typing import Protocol

from rapidfuzz import fuzz, process

from .relate import Context, Relation, relate
from .normalise import STOP_WORDS, synonyms, words

MATCHES_READ = 200             # index hits read per claim, newest first
CANDIDATES_PER_CLAIM = 8      # of those, the closest by rapidfuzz go through `relate`
MIN_CANDIDATE_SIMILARITY = 35  # rapidfuzz token-set ratio a hit needs before `relate` sees it
QUERY_WORDS = 4                # rarest telling words of a claim used in its query
KEPT_RELATIONS = ("agree", "contradict", "related")
SYNONYMS_PER_WORD = 4          # synonyms added to the query for each chosen word
PAIR_HITS_BUDGET = MATCHES_READ // 2  # index hits the chosen word pairs are expected to bring, together


class Frequency(Protocol):
    """How many stored claims hold a word (`frequency(word)`), of `claims` in all."""

    claims: int

    def __call__(self, word: str) -> int: ...

    def common(self, count: int) -> bool: ...


def query_for(text: str, frequency: Frequency) -> str | None:
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


def _pairs_to_ask(found: list, rarest: list[str], counts: dict[str, int], frequency: Frequency) -> list:
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


def closest(text: str, hits: list[tuple]) -> list[tuple]:
    """Of the index hits (id, text, ...), the CANDIDATES_PER_CLAIM closest to `text` by rapidfuzz."""
    if not hits:
        return []
    kept = process.extract(text, [h[1] for h in hits], scorer=fuzz.token_set_ratio,
                           score_cutoff=MIN_CANDIDATE_SIMILARITY, limit=CANDIDATES_PER_CLAIM)
    return [hits[index] for _, _, index in kept]


def relations_to(text: str, hedged: bool, candidates: list[tuple[int, str, bool]]) -> list[tuple[int, Relation]]:
    """(candidate id, relation) for each candidate (id, text, hedged) `relate` finds related to `text`."""
    found = []
    for other_id, other_text, other_hedged in candidates:
        relation = relate(other_text, text, Context(bool(other_hedged)), Context(hedged))
        if relation.label in KEPT_RELATIONS:
            found.append((other_id, relation))
    return found
