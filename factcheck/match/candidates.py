"""Candidates: which claims of the articles near a new one a new claim is related to.

The store hands in the pool (the claims of the new article's story, and of the most alike
articles of other stories); `Pool.closest` keeps the claims sharing most content words, and only
those go through `relate` (`relations_to`). Nothing here touches the database.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from functools import lru_cache
from itertools import chain

from rapidfuzz import fuzz, process

from .normalise import NEGATIONS, NUMBER_WORDS, STOP_WORDS, key_of, lexical_keys
from .relate import Context, Relation, relate

CANDIDATES_PER_CLAIM = 8      # of the pool, the closest go through `relate`
MIN_SHARED_KEYS = 1           # content words (or words WordNet relates) a claim of the pool must share
KEPT_RELATIONS = ("agree", "contradict", "related")
_WORD = re.compile(r"[^\W_]+(?:['’][a-z]+)?")


@lru_cache(maxsize=50_000)
def claim_keys(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The keys of a claim's content words (normalise's stems and synonym groups), and those of
    them that are names or numbers (capitalised but not first, digits, number words). Found fast: this runs
    on every claim of the pool, where `relate` runs on a few."""
    keys, names = set(), set()
    for position, match in enumerate(_WORD.finditer(text)):
        written = match.group()
        key = key_of(written.lower())
        if key in STOP_WORDS or key in NEGATIONS:
            continue
        keys.add(key)
        if written[0].isdigit() or written.lower() in NUMBER_WORDS or (position and written[0].isupper()):
            names.add(key)
    return frozenset(keys), frozenset(names)


class Pool:
    """The claims a new article's claims may be related to, (id, text, hedged), indexed by key:
    those of its story, and those of alike articles of other stories (`outside`), which must
    share a name or number besides."""

    def __init__(self, rows: list[tuple[int, str, int]], outside: list[tuple[int, str, int]] = ()) -> None:
        self.rows = list(rows) + list(outside)
        self._first_outside = len(rows)
        self._keys = [claim_keys(text)[0] for _, text, _ in self.rows]
        self._holding: dict[str, list[int]] = {}
        for index, keys in enumerate(self._keys):
            for key in keys:
                holders = self._holding.get(key)
                if holders is None:
                    self._holding[key] = [index]
                else:
                    holders.append(index)
        self._reached: dict[str, Collection[int]] = {}  # key -> the claims holding it or a key it reaches

    def closest(self, text: str) -> list[tuple[int, str, int]]:
        """The CANDIDATES_PER_CLAIM claims of the pool that share the most with `text`: at least
        MIN_SHARED_KEYS of its content words, each in the same key or one WordNet relates (as
        `relate` counts them), and for a claim of another story a name or number and one word
        more; ties go to the closer by rapidfuzz, then the older."""
        keys, names = claim_keys(text)
        shared = Counter(chain.from_iterable(map(self._holders, keys)))
        first_outside = self._first_outside
        kept = [index for index, n in shared.items() if n >= MIN_SHARED_KEYS and
                (index < first_outside or (n >= 2 and not names.isdisjoint(self._keys[index])))]
        if len(kept) > CANDIDATES_PER_CLAIM:
            kept.sort(key=lambda i: -shared[i])
            last = shared[kept[CANDIDATES_PER_CLAIM - 1]]  # those sharing as much as the last one kept compete
            sure = [i for i in kept if shared[i] > last]
            tied = [i for i in kept if shared[i] == last]
            closeness = process.extract(text, [self.rows[i][1] for i in tied], scorer=fuzz.token_set_ratio,
                                        limit=None)
            order = sorted((-score, tied[position]) for _, score, position in closeness)
            kept = sure + [i for _, i in order[:CANDIDATES_PER_CLAIM - len(sure)]]
        return [self.rows[index] for index in sorted(kept)]

    def _holders(self, key: str) -> Collection[int]:
        """The claims of the pool holding `key` or a key WordNet relates to it, each once."""
        found = self._reached.get(key)
        if found is None:
            reach = _reach(key)
            if len(reach) == 1:
                found = self._holding.get(key, ())
            else:
                found = set(chain.from_iterable(self._holding.get(k, ()) for k in reach))
            self._reached[key] = found
        return found


@lru_cache(maxsize=50_000)
def _reach(key: str) -> tuple[str, ...]:
    """The key and the keys of the words WordNet relates to it."""
    return (key, *lexical_keys(key))


def relations_to(text: str, hedged: bool, candidates: list[tuple[int, str, bool]]) -> list[tuple[int, Relation]]:
    """(candidate id, relation) for each candidate (id, text, hedged) `relate` finds related to `text`."""
    found = []
    for other_id, other_text, other_hedged in candidates:
        relation = relate(other_text, text, Context(bool(other_hedged)), Context(hedged))
        if relation.label in KEPT_RELATIONS:
            found.append((other_id, relation))
    return found
