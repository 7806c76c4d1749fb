"""What relate needs of one claim (Profile), computed once per text and cached: its words and keys,
names, negations, hedges, rumour and refutation words, numbers and values.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache

from . import quantities
from .normalise import NEGATIONS, Word, content_keys, words
from .negation import NEGATIVE_VERBS, REFUTATIONS, TRUTH_WORDS, ends_clause, negated_words, negations
from .opposed import quantified_shares, sides_taken
from .slots import month_may, slot_names

RUMOURS = frozenset("could may might reportedly allegedly alleged claim claims claimed claiming rumor "
                    "rumour rumors rumours rumored rumoured possibly apparently purportedly perhaps "
                    "unconfirmed appears seems ?".split())  # b only relays it: never agreement
# Words that say no without negating a clause: the other side's "not" is then no conflict
# ("declined comment" / "would not comment", "dismissed the charges" / "called them baseless",
# "avoid crowds" / "not gather").
DENIALS = NEGATIVE_VERBS | frozenset("dismiss dismissed dismisses dismissing reject rejected rejects rejecting "
                                     "unless avoid avoids avoided avoiding".split())
RELAYS = RUMOURS - frozenset("could may might".split())  # passing on what others say, not only a possibility
HEDGES = RUMOURS | frozenset("report reports reported source sources probably likely".split())


@dataclass(frozen=True)
class Profile:
    """What relate needs of one claim, computed once per text."""

    words: tuple
    keys: tuple
    key_set: frozenset
    text: str = ""
    published: date | None = None  # the article's date: places "yesterday", "850 years ago"

    # The rest is computed on first use: most candidate pairs leave relate at the "unrelated" exit.
    @cached_property
    def names(self) -> frozenset:
        """The keys of capitalised words."""
        return frozenset(w.key for w in self.words if w.capitalised)

    @cached_property
    def plain_keys(self) -> frozenset:
        """The keys of the words that are no names."""
        return self.key_set - self.names

    @cached_property
    def name_runs(self) -> tuple[frozenset, ...]:
        """The keys of each run of capitalised words: "the Brennan Bridge" is one name. In a headline
        written in Title Case each word is a run of its own."""
        letters = [w for w in self.words if w.text[0].isalpha()]
        if sum(w.capitalised for w in letters) * 2 > len(letters):
            return tuple(frozenset([w.key]) for w in self.words if w.capitalised)
        runs, run = [], []
        for w in self.words:
            if w.capitalised and not (run and w.after_break):
                run.append(w.key)
            elif run:
                runs.append(frozenset(run))
                run = [w.key] if w.capitalised else []
        return tuple(runs + [frozenset(run)] * bool(run))

    @cached_property
    def written(self) -> frozenset:
        """The words as written, lower-cased ("notes" is not "not"); the month May is no "may"."""
        ws = self.words
        return frozenset(w.written for k, w in enumerate(ws) if not month_may(ws, k))

    @cached_property
    def negated(self) -> bool:
        """Whether a word negates the claim (negation.negations)."""
        return next(negations(self.words), None) is not None

    @cached_property
    def denied(self) -> frozenset[int]:
        """The positions of the words a negation can bear on (negation.negated_words)."""
        return negated_words(self.words)

    @cached_property
    def hedged(self) -> bool:
        """Whether a word hedges it or says it is reported."""
        return not HEDGES.isdisjoint(self.written)

    @cached_property
    def rumoured(self) -> bool:
        """Whether a word says it is a rumour or a possibility."""
        return not RUMOURS.isdisjoint(self.written)

    @cached_property
    def refuted(self) -> bool:
        """Whether a word calls something false."""
        return not REFUTATIONS.isdisjoint(self.written)

    @cached_property
    def question(self) -> bool:
        """Whether it asks."""
        return "?" in self.written

    @cached_property
    def numbers(self) -> frozenset:
        """The values of the numbers it writes."""
        return frozenset(w.number for w in self.words if w.number is not None)

    @cached_property
    def values(self) -> tuple:
        """The counts, amounts, ages, years, times and dates the claim gives (quantities.py)."""
        return tuple(quantities.values(self.text, self.published))

    @cached_property
    def value_keys(self) -> frozenset:
        """The keys of the words the values are written in ("120 flats", "about 7:50 p.m.")."""
        spans = [v.written for v in self.values]
        return frozenset(w.key for w in self.words if any(w.text in span for span in spans)) if spans else frozenset()

    @cached_property
    def grams(self) -> tuple:
        """The sets of 1-, 2- and 3-word sequences of all word keys."""
        every = [w.key for w in self.words]
        return tuple(frozenset(zip(*(every[k:] for k in range(n)))) for n in (1, 2, 3))

    @cached_property
    def all_keys(self) -> frozenset:
        """The keys of every word, stop words included."""
        return frozenset(w.key for w in self.words)

    @cached_property
    def refutation(self) -> Word | None:
        """The word with which the claim calls something false ("hoax", "not true", "isn't real")."""
        ws = self.words
        for k, w in enumerate(ws):
            if w.written in REFUTATIONS or (w.written in NEGATIONS and k + 1 < len(ws)
                                            and ws[k + 1].key in TRUTH_WORDS and ends_clause(ws, k + 2)):
                return w
        return None

    @cached_property
    def declines(self) -> bool:
        """Whether a word that says no ("declined", "dismissed", "unless") stands anywhere."""
        return any(w.written in DENIALS for w in self.words)

    @cached_property
    def relays(self) -> bool:
        """Whether the claim passes on what others say ("reportedly", "rumoured"), not only a possibility ("could")."""
        return any(w.written in RELAYS for w in self.words)

    @cached_property
    def slot_names(self) -> dict[str, tuple[str, str]]:
        """{the content word before a name: (the name as written, its key)}."""
        return slot_names(self.words)

    @cached_property
    def shares(self) -> dict[str, tuple[bool, str]]:
        """{the key of a noun a quantifier counts: (whether it is all of it, the quantifier as written)}."""
        return quantified_shares(self.words)

    @cached_property
    def sides(self) -> dict[str, tuple[str, str]]:
        """{the key of the word before "for" or "against": (which, the two words as written)}."""
        return sides_taken(self.words)


@lru_cache(maxsize=20_000)
def profile(text: str, published: date | None = None) -> Profile:
    """The comparable form of a claim (cached: a claim meets many candidates)."""
    ws = tuple(words(text))
    keys = tuple(content_keys(list(ws)))
    return Profile(ws, keys, frozenset(keys), text, published)
