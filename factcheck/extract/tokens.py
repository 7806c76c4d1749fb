"""The one tokenisation of an article: every later stage reads these tokens, none re-splits the text.

A token is a word or a punctuation mark with its character offsets into the article text and
the cheap facts the stages ask for (lower form, is it a word, is it capitalised, its number).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate, chain, compress, count
from operator import attrgetter

# Titles and initials keep their dot ("Mr.", "U.S."); words keep inner apostrophes, dots and
# hyphens ("didn't", "p.m", "so-called"); anything else is one punctuation mark.
# Both dotted forms open with a capital: one look at it spares trying them anywhere else.
TOKEN = re.compile(r"(?=[A-Z])(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|St|Jr|Sr|Rev|Hon)\.(?=\s)"
                   r"|(?:[A-Z]\.){1,3}(?=[\s,]))|\w+(?:[’'.-]\w+)*|[^\w\s]")
# Each token with the spaces before it: findall hands back plain strings (no match object per
# token) and the offsets follow from their lengths, since only spaces stand between tokens.
_SPACED_TOKEN = re.compile(r"(\s*+)(" + TOKEN.pattern + ")")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


class Token:
    """A word or punctuation mark of the article text, text[start:end]; every field after the
    offsets follows from `text` alone (the stages keep facts about a token by its text).
    Slots, not a named tuple: the stages read these fields millions of times, and a slot is the
    attribute Python reads fastest."""

    __slots__ = ("start", "end", "text", "lower", "is_word", "capitalised", "number")

    def __init__(self, start: int, end: int, facts: tuple) -> None:
        """A token from its offsets and the facts of its text (see _word_facts)."""
        self.start, self.end = start, end
        # lower form, is it a word, is it capitalised, its number: "1990" -> 1990.0, "3.5" -> 3.5, else None
        self.text, self.lower, self.is_word, self.capitalised, self.number = facts

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


_lower, _start = attrgetter("lower"), attrgetter("start")  # keys read in C, not by a Python call


def _number(word: str) -> float | None:
    return float(word) if word[0].isdigit() and _NUMBER.fullmatch(word) else None


def _word_facts(known: dict, word: str) -> tuple:
    """A token's fields after its offsets, found once per distinct word and kept in `known`."""
    facts = known[word] = (word, word.lower(), word[0].isalnum() or word[0] == "_", word[0].isupper(), _number(word))
    return facts


_MAX_WORD_FACTS = 200_000  # distinct words whose facts are kept: a text of random words finds the rest anew
_WORD_FACTS: dict[str, tuple] = {}


class Tokens:
    """All tokens of one text, in order, with fast access to those of a stretch of it."""

    def __init__(self, text: str) -> None:
        self.text = text
        known = _WORD_FACTS if len(_WORD_FACTS) < _MAX_WORD_FACTS else {}
        facts_of = known.get
        # up to the first of the spaces that end the text: a lookahead may ask for it, and no
        # search need start again at each of the rest
        pieces = _SPACED_TOKEN.findall(text, 0, min(len(text.rstrip()) + 1, len(text)))
        offsets = list(accumulate(map(len, chain.from_iterable(pieces))))
        starts = offsets[0::2]
        self.all = [Token(start, end, facts_of(word) or _word_facts(known, word))
                    for start, end, (_, word) in zip(starts, offsets[1::2], pieces)]
        self._starts = starts
        self._positions: dict[frozenset[str], list[int]] = {}

    def between(self, start: int, end: int) -> list[Token]:
        """The tokens that begin in text[start:end]."""
        return self.all[bisect_left(self._starts, start):bisect_left(self._starts, end)]

    def indices(self, start: int, end: int) -> tuple[int, int]:
        """(first, last): self.all[first:last] are the tokens that begin in text[start:end]."""
        return bisect_left(self._starts, start), bisect_left(self._starts, end)

    def positions(self, words: frozenset[str]) -> list[int]:
        """The indices of the tokens whose lower form is in `words`, found once per text and set:
        a stage that looks only at those words skips the rest of every sentence."""
        found = self._positions.get(words)
        if found is None:
            found = self._positions[words] = list(compress(count(), map(words.__contains__, map(_lower, self.all))))
        return found

    def words(self, start: int, end: int) -> list[Token]:
        """The word tokens that begin in text[start:end]."""
        return [t for t in self.between(start, end) if t.is_word]

    def first_words(self, start: int, end: int, count: int) -> list[Token]:
        """The first `count` word tokens that begin in text[start:end], looking no further."""
        found = []
        for k in range(bisect_left(self._starts, start), len(self.all)):
            token = self.all[k]
            if token.start >= end or len(found) == count:
                break
            if token.is_word:
                found.append(token)
        return found

    def marks(self, marks: str) -> list[int]:
        """The indices of the tokens that are one of the punctuation `marks`, in order: found by
        searching the text for each mark, which stands far less often than a token does."""
        found = []
        starts, tokens, text = self._starts, self.all, self.text
        for mark in marks:
            at = text.find(mark)
            while at >= 0:
                k = bisect_left(starts, at)
                if k < len(tokens) and starts[k] == at and tokens[k].text == mark:
                    found.append(k)
                at = text.find(mark, at + 1)
        return sorted(found)


class Run(list):
    """The tokens of one sentence, with positions the frame rules ask for again and again
    found once (on first use), so a sentence with thousands of cues costs no more than
    thousands of sentences."""

    def __init__(self, tokens: list[Token], breaks: frozenset[str], concessive: frozenset[str]) -> None:
        super().__init__(tokens)
        self._breaks, self._concessive = breaks, concessive
        self._last_break: list[int] | None = None
        self._next_turn: list[int] | None = None
        self.strengths: dict[int, float] = {}  # cue strength by index, found once (cues.cue_strength)

    @property
    def last_break(self) -> list[int]:
        """last_break[k]: the index just after the last break token (dash, ";", ":") before k, or 0."""
        if self._last_break is None:
            marks = [0] * (len(self) + 1)
            for k, token in enumerate(self):
                marks[k + 1] = k + 1 if token.text in self._breaks else marks[k]
            self._last_break = marks
        return self._last_break

    @property
    def next_turn(self) -> list[int]:
        """next_turn[k]: the first j >= k where a dash opens a concession ("- though ..."), or len."""
        if self._next_turn is None:
            n = len(self)
            turns = [n] * (n + 1)
            for k in range(n - 2, -1, -1):
                text = self[k].text
                turning = text in self._breaks and text not in ";:" and self[k + 1].lower in self._concessive
                turns[k] = k if turning else turns[k + 1]
            self._next_turn = turns
        return self._next_turn


LOOKAHEAD_WORDS = 16  # words after a cue the frame rules look at (they need at most 13)


def starts_within(tokens: list[Token], spans: list[tuple[int, int]]):
    """The start offsets of the tokens inside `spans` (frame words: a few tokens each)."""
    for start, end in spans:
        k = bisect_left(tokens, start, key=_start)
        while k < len(tokens) and tokens[k].start < end:
            yield tokens[k].start
            k += 1


def lookahead(tokens: list[Token], k: int, words: int = LOOKAHEAD_WORDS) -> list[Token]:
    """tokens[k:] as far as its `words`-th word: all the checks after a cue ever look at."""
    j = k
    while j < len(tokens) and words > 0:
        words -= tokens[j].is_word
        j += 1
    return tokens[k:j + 1]


def words_follow(tokens: list[Token], k: int, count: int) -> bool:
    """Whether at least `count` words stand in tokens[k:] (looking no further than needed)."""
    for j in range(k, len(tokens)):
        if tokens[j].is_word:
            count -= 1
            if count <= 0:
                return True
    return False
