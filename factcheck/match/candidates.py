"""Candidates: which claims of the articles near a new one a new claim is related to.

The store hands in the pool (the claims of the new article's story, and of the most alike
articles of other stories); `Pool.closest` keeps the claims sharing most content words, and only
those go through `relate` (`relations_to`). Nothing here touches the database.
"""
from __future__ import annotations

import re
from functools import lru_cache

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
    """The claims a new article's claims may be related to, (id, text, context), indexed by key:
    those of its story, and those of alike articles of other stories (`outside`), which must
    share a name or number besides.

    A set of the pool's claims is an int whose bit k stands for claim k, so that counting the
    keys each claim shares with a new one is a few operations on ints per key, not one per claim.
    """

    def __init__(self, rows: list[tuple[int, str, Context]], outside: list[tuple[int, str, Context]] = ()) -> None:
        self.rows = list(rows) + list(outside)
        self._positions: dict[str, list[int]] = {}  # key -> the claims holding it, by position
        for index, (_, text, _) in enumerate(self.rows):
            for key in claim_keys(text)[0]:
                self._positions.setdefault(key, []).append(index)
        self._holding: dict[str, int] = {}  # key -> the claims holding it, as bits (made when asked)
        self._reached: dict[str, int] = {}  # ... holding it or a key WordNet relates to it
        self._outside = _bits(range(len(rows), len(self.rows)))

    def closest(self, text: str) -> list[tuple[int, str, Context]]:
        """The CANDIDATES_PER_CLAIM claims of the pool that share the most with `text`: at least
        MIN_SHARED_KEYS of its content words, each in the same key or one WordNet relates (as
        `relate` counts them), and for a claim of another story a name or number and one word
        more; ties go to the closer by rapidfuzz, then the older."""
        keys, names = claim_keys(text)
        counts = _Counts()
        for key in keys:
            counts.add(self._holders(key))
        named = 0
        for name in names:
            named |= self._held(name)
        kept = counts.at_least(MIN_SHARED_KEYS) & (~self._outside | (counts.at_least(2) & named))
        if kept.bit_count() > CANDIDATES_PER_CLAIM:
            low, high = MIN_SHARED_KEYS, counts.most()  # the count of the last claim kept is in low..high
            while low < high:
                middle = (low + high + 1) // 2
                if (counts.at_least(middle) & kept).bit_count() >= CANDIDATES_PER_CLAIM:
                    low = middle
                else:
                    high = middle - 1
            last = low  # those sharing as much as the last claim kept compete for the places left
            sure = counts.at_least(last + 1) & kept
            tied = _indexes(counts.at_least(last) & kept & ~sure)
            closeness = process.extract(text, [self.rows[i][1] for i in tied], scorer=fuzz.token_set_ratio,
                                        limit=None)
            order = sorted((-score, tied[position]) for _, score, position in closeness)
            kept = sure | _bits(i for _, i in order[:CANDIDATES_PER_CLAIM - sure.bit_count()])
        return [self.rows[index] for index in _indexes(kept)]

    def _held(self, key: str) -> int:
        """The claims holding `key`."""
        found = self._holding.get(key)
        if found is None:
            found = self._holding[key] = _bits(self._positions.get(key, ()))
        return found

    def _holders(self, key: str) -> int:
        """The claims holding `key` or a key WordNet relates to it."""
        found = self._reached.get(key)
        if found is None:
            found = 0
            positions = self._positions
            for reached in _reach(key):
                if reached in positions:  # most keys WordNet relates are in no claim of the pool
                    found |= self._held(reached)
            self._reached[key] = found
        return found


class _Counts:
    """How many keys each claim of a pool shares, bit-sliced: bit k of `planes[j]` is bit j of
    claim k's count."""

    def __init__(self) -> None:
        self.planes: list[int] = []

    def add(self, claims: int) -> None:
        """One more for each of `claims` (an int of claim bits)."""
        carry, planes = claims, self.planes
        for j, plane in enumerate(planes):
            planes[j] = plane ^ carry
            carry &= plane
            if not carry:
                return
        if carry:
            planes.append(carry)

    def most(self) -> int:
        """A count no claim exceeds."""
        return (1 << len(self.planes)) - 1

    def at_least(self, count: int) -> int:
        """The claims counted `count` (>= 1) times or more."""
        if count >> len(self.planes):
            return 0
        greater, equal = 0, -1  # claims whose count is above `count`, equal to it, in the bits seen so far
        for j in reversed(range(len(self.planes))):
            if count >> j & 1:
                equal &= self.planes[j]
            else:
                greater |= equal & self.planes[j]
                equal &= ~self.planes[j]
        return greater | equal


def _bits(indexes) -> int:
    """The int with the bits of `indexes` set (built as bytes: one big int, not one per index)."""
    indexes = list(indexes)
    if not indexes:
        return 0
    octets = bytearray(max(indexes) // 8 + 1)
    for index in indexes:
        octets[index >> 3] |= 1 << (index & 7)
    return int.from_bytes(octets, "little")


def _indexes(bits: int) -> list[int]:
    """The indexes of the set bits, lowest first."""
    found = []
    while bits:
        lowest = bits & -bits
        found.append(lowest.bit_length() - 1)
        bits ^= lowest
    return found


@lru_cache(maxsize=50_000)
def _reach(key: str) -> tuple[str, ...]:
    """The key and the keys of the words WordNet relates to it."""
    return (key, *lexical_keys(key))


def relations_to(text: str, context: Context, candidates: list[tuple[int, str, Context]]) -> list[tuple[int, Relation]]:
    """(candidate id, relation) for each candidate (id, text, context) `relate` finds related to `text`."""
    found = []
    for other_id, other_text, other_context in candidates:
        relation = relate(other_text, text, other_context, context)
        if relation.label in KEPT_RELATIONS:
            found.append((other_id, relation))
    return found
