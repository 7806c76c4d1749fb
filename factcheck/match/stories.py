"""Stories: which stored article a new one reports the same event as, and a story's propositions.

An article is described by its telling terms (names, numbers, long words; `article_terms`).
Two articles are alike by the cosine of those terms weighted by rarity across the store
(`similarity`). A new article joins the story of its most alike article when that one is alike
enough and the story's recent articles are, on average, nearly as alike (so one shared name
does not chain unrelated reports together), and the dates, when known, are close.

Inside a story, claims that agree form one proposition (`propositions`): never two claims of
one article, never across a contradiction. Pure: the store hands in terms, counts and links.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Callable
from datetime import date
from typing import Iterable

from .normalise import NEGATIONS, STOP_WORDS

STORY_TERMS = 150          # telling terms kept per article
JOIN_SIMILARITY = 0.15     # an article this alike to a story's article may join its story ...
MEMBER_SHARE = 0.75        # ... if the story's recent articles are, on average, this share as alike
RECENT_MEMBERS = 10        # the story's articles compared for that average
STORY_WINDOW_DAYS = 7      # articles published further apart (when both dates are known) are other stories
MIN_LONG_WORD = 6          # a word this long says what an article is about even in lower case
MIN_NUMBER = 10            # smaller numbers are in every story
_POSSESSIVE = ("'s", "’s")
_TERM = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_][\w’'-]*\w|[^\W\d_]")
# An outlet's note set above or below its reports ("Editor's note: ..."): the same words in
# reports of every event, so no sign of one.
_EDITORS_NOTE = re.compile(r"^[ \t]*editor[’']?s[’']?\s+note\b.*$", re.IGNORECASE | re.MULTILINE)


def article_terms(text: str) -> dict[str, str]:
    """The article's telling terms, most telling first: comparable key -> the form as written.

    Numbers and names (never written in lower case in the article) count twice as much as
    long words; a term counts once per use; an editor's note counts for nothing. A light
    tokenisation of its own: this runs on whole articles, and only has to tell stories apart.
    """
    uses: dict[str, int] = {}
    lower_somewhere: set[str] = set()
    forms: dict[str, dict[str, int]] = {}  # key -> {form as written: uses}, in the order first written
    # each distinct token is looked at once, with its count (in the order tokens first appear,
    # so that on a tie the most common form of a term is the first written, as token by token)
    for token, n in Counter(_TERM.findall(_EDITORS_NOTE.sub("", text))).items():
        written = token[:-2] if token.endswith(_POSSESSIVE) else token
        lower = written.lower()
        if lower in STOP_WORDS or lower in NEGATIONS:
            continue
        if lower[0].isdigit():
            key = lower.replace(",", "")
            try:
                if float(key) < MIN_NUMBER:
                    continue
            except ValueError:
                continue
        else:
            key = lower[:-1] if len(lower) > 4 and lower.endswith("s") and not lower.endswith("ss") else lower
            if written[0].islower():
                lower_somewhere.add(key)
        uses[key] = uses.get(key, 0) + n
        written_as = forms.get(key)
        if written_as is None:
            forms[key] = {written: n}
        else:
            written_as[written] = written_as.get(written, 0) + n
    weight = {}
    for key, n in uses.items():
        if key[0].isdigit() or key not in lower_somewhere:
            weight[key] = 2.0 * n
        elif len(key) >= MIN_LONG_WORD:
            weight[key] = 1.0 * n
    ranked = sorted(weight, key=lambda k: (-weight[k], k))[:STORY_TERMS]
    return {key: max(forms[key].items(), key=itemgetter(1))[0] for key in ranked}  # the first most used


@dataclass
class Rarity:
    """How rare each term is across the stored articles: `articles` of them, `counts[term]` hold it."""

    articles: int
    counts: dict[str, int]
    _weights: dict[str, float] = field(default_factory=dict, repr=False)
    _squares: dict[str, float] = field(default_factory=dict, repr=False)
    _norms: dict[frozenset[str], float] = field(default_factory=dict, repr=False)
    _of_count: dict[int, float] = field(default_factory=dict, repr=False)  # the weight of a term so common

    def weight(self, term: str) -> float:
        """The term's weight, fixed the first time it is asked for."""
        found = self._weights.get(term)
        if found is None:
            found = self._weights[term] = self._weight_of_count(self.counts.get(term, 0))
        return found

    def _weight_of_count(self, count: int) -> float:
        found = self._of_count.get(count)
        if found is None:
            found = self._of_count[count] = math.log((self.articles + 2) / (count + 1)) + 1
        return found

    def squared(self, terms) -> float:
        """The sum of the squared weights of `terms`."""
        squares = self._squares
        try:
            return sum(map(squares.__getitem__, terms))
        except KeyError:  # a term not weighed yet: weigh them all, then add up in the same order
            weights, counts, of_count = self._weights, self.counts, self._of_count
            for term in terms:
                if term not in squares:
                    found = weights.get(term)
                    if found is None:
                        count = counts.get(term, 0)
                        found = of_count.get(count)
                        if found is None:
                            found = self._weight_of_count(count)
                        weights[term] = found
                    squares[term] = found ** 2
            return sum(map(squares.__getitem__, terms))

    def norm(self, terms: frozenset[str]) -> float:
        """`squared(terms)`, remembered: one set is compared with many."""
        found = self._norms.get(terms)
        if found is None:
            found = self._norms[terms] = self.squared(terms)
        return found


def similarity(a: frozenset[str], b: frozenset[str], rarity: Rarity) -> float:
    """Cosine of the two articles' term sets, each term weighted by its rarity."""
    if not a or not b:
        return 0.0
    return rarity.squared(a & b) / math.sqrt(rarity.norm(a) * rarity.norm(b))


@dataclass(frozen=True)
class Candidate:
    """A stored article the new one may report the same event as."""

    article_id: int
    story_id: int
    terms: frozenset[str]
    published: str | None = None


def choose_story(terms: frozenset[str], published: str | None, candidates: list[Candidate],
                 members: Callable[[int], list[frozenset[str]]], rarity: Rarity) -> int | None:
    """The story the new article joins, or None for a new story.

    `members(story)` gives the terms of the story's most recent articles (asked only for the
    stories of candidates alike enough). Ties go to the lower
    article id, so the choice does not depend on the order candidates came in.
    """
    terms = frozenset(terms)
    scored = sorted(((similarity(terms, c.terms, rarity), -c.article_id, c) for c in candidates
                     if _close_in_time(published, c.published)), reverse=True)
    for score, _, candidate in scored:
        if score < JOIN_SIMILARITY:
            return None
        recent = members(candidate.story_id) or [candidate.terms]
        mean = sum(similarity(terms, other, rarity) for other in recent) / len(recent)
        if mean >= JOIN_SIMILARITY * MEMBER_SHARE:
            return candidate.story_id
    return None


def _close_in_time(a: str | None, b: str | None) -> bool:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= STORY_WINDOW_DAYS
    except (TypeError, ValueError):
        return True  # a date unknown or unreadable says nothing


def story_title(member_terms: list[dict[str, str]], rarity: Rarity, size: int = 4) -> str:
    """The story's most telling words: held by most of its articles, names first, then those its
    articles use most and the rest of the store least."""
    held, rank, written = Counter(), Counter(), {}
    for terms in member_terms:
        for position, (term, form) in enumerate(terms.items()):
            held[term] += 1
            rank[term] += position  # the terms of an article come most telling first
            written.setdefault(term, form)
    ranked = sorted(held, key=lambda t: (-held[t], not written[t][:1].isupper(), rank[t] / rarity.weight(t), t))
    return " · ".join(written[t] for t in ranked[:size])


@dataclass
class Proposition:
    """Claims of different articles of one story that say the same thing."""

    claim_ids: list[int]
    contradicts: set[int] = field(default_factory=set)  # indexes of the propositions it conflicts with


def propositions(article_of: dict[int, int], links: list[tuple[int, int, str, float]],
                 apart: Iterable[tuple[int, int]] = ()) -> list[Proposition]:
    """Group the story's claims (`article_of[claim id]` = its article) into propositions.

    Agree links join claims, surest first, unless the joined group would hold two claims of
    one article, a contradiction or a pair in `apart` (a person said they do not agree);
    contradict links then connect the groups. Every claim is in exactly one proposition; the
    order is that of the claims' first ids.
    """
    group = {claim: claim for claim in article_of}
    articles = {claim: {article} for claim, article in article_of.items()}
    members = {claim: {claim} for claim in article_of}
    contradict = {(a, b) for a, b, relation, _ in links if relation == "contradict"}
    against = {claim: set() for claim in article_of}
    for a, b in contradict | set(apart):
        if a in against and b in against:
            against[a].add(b)
            against[b].add(a)

    def root(claim):
        while group[claim] != claim:
            group[claim] = group[group[claim]]
            claim = group[claim]
        return claim

    agree = sorted(((score, a, b) for a, b, relation, score in links
                    if relation == "agree" and a in group and b in group), key=lambda x: (-x[0], x[1], x[2]))
    for _, a, b in agree:
        ra, rb = root(a), root(b)
        if ra == rb or articles[ra] & articles[rb] or against[ra] & members[rb]:
            continue
        low, high = sorted((ra, rb))
        group[high] = low
        articles[low] |= articles.pop(high)
        members[low] |= members.pop(high)
        against[low] |= against.pop(high)
    by_root: dict[int, list[int]] = {}
    for claim in sorted(article_of):
        by_root.setdefault(root(claim), []).append(claim)
    found = [Proposition(claims) for claims in by_root.values()]
    index = {claim: i for i, p in enumerate(found) for claim in p.claim_ids}
    for a, b in contradict:
        if a in index and b in index and index[a] != index[b]:
            found[index[a]].contradicts.add(index[b])
            found[index[b]].contradicts.add(index[a])
    return found

