"""A learned tagger for the source of a cue the frame rules could not read.

Each token of the sentence gets a score for lying in the source of the cue at tokens[first:last+1],
from features of the token, its neighbours and what stands between it and the cue (commas,
quotes, verbs). The source is the contiguous stretch on one side of the cue with the highest
total score (a maximum-sum segment, so decoding is linear), or none when no stretch scores above 0.
Weights are learned from PolNeAR train by `scripts/train_sources.py` (a structured averaged
perceptron) and shipped as feature -> weight in `data/source_model.json`; no corpus text is stored.
"""
from __future__ import annotations

import json
from functools import lru_cache
from itertools import accumulate
from importlib import resources
from operator import attrgetter, itemgetter

from .lexicon import DETERMINERS, cue_rate
from .phrases import QUOTES, is_verb
from .tokens import Token

_DISTANCES = (1, 2, 3, 5, 8, 12, 20)


def _bucket(n: int, edges=_DISTANCES) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return "more"


_DISTANCE_BUCKETS = [_bucket(n + 1) for n in range(200)]  # by distance - 1; a window never reaches 200
_DISTANCE_INDEX = [[*map(str, _DISTANCES), "more"].index(far) for far in _DISTANCE_BUCKETS]  # the bucket's number
_CUE_DISTANCE_BUCKETS = [_bucket(n + 1, (1, 3, 8)) for n in range(200)]
_AT_MOST_2 = ["0", "1", "2", "more"]  # _bucket(n, (0, 1, 2)) by min(n, 3)
_AT_MOST_1 = ["0", "1", "more"]  # _bucket(n, (0, 1)) by min(n, 2)


def _shape(token: Token | None) -> str:
    if token is None:
        return "<edge>"
    if not token.is_word:
        return token.text
    if token.number is not None:
        return "num"
    if token.capitalised:
        return "Cap"
    return "low"


def _text_facts(token: Token) -> tuple[bool, str]:
    """Whether a token is a verb, and its shape: both follow from its text alone, so they are
    found once per distinct text."""
    facts = (token.is_word and is_verb(token), _shape(token))
    if len(_TEXT_FACTS) < _MAX_TEXT_FACTS:
        _TEXT_FACTS[token.text] = facts
    return facts


_MAX_TEXT_FACTS = 200_000
_TEXT_FACTS: dict[str, tuple[bool, str]] = {}
_text, _verb, _shape_of = attrgetter("text"), itemgetter(0), itemgetter(1)  # read in C, not a Python loop


class SentenceFacts:
    """Prefix counts of commas, quote marks and verbs over a sentence's tokens, found once,
    and the token scores every cue of the sentence shares."""

    def __init__(self, tokens: list[Token]) -> None:
        texts = list(map(_text, tokens))
        self.commas = [0, *accumulate(map(",".__eq__, texts))]
        self.quotes = [0, *accumulate(map(QUOTES.__contains__, texts))]
        facts = list(map(_TEXT_FACTS.get, texts))
        if not all(facts):  # a text met for the first time
            facts = [known or _text_facts(token) for known, token in zip(facts, tokens)]
        self.verbs = [0, *accumulate(map(_verb, facts))]
        self.shapes = list(map(_shape_of, facts))
        self.scores: dict[str, dict[int, float]] = {}  # the shipped model's cue-independent token scores, by side


def features(tokens: list[Token], facts: SentenceFacts, first: int, last: int, j: int) -> list[str]:
    """The features of tokens[j] as a part of the source of the cue tokens[first:last+1]."""
    side = "L" if j < first else "R"
    return token_features(tokens, j, side) + cue_features(tokens, facts, first, last, j, side)


def token_features(tokens: list[Token], j: int, side: str, shapes: list[str] | None = None) -> list[str]:
    """The features of tokens[j] that depend only on which side of the cue it stands (`shapes`:
    the sentence's token shapes, if already found)."""
    token = tokens[j]
    prev = tokens[j - 1] if j > 0 else None
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    word = token.lower if token.is_word else token.text
    if shapes is None:
        shape, prev_shape, next_shape = _shape(token), _shape(prev), _shape(nxt)
    else:
        shape = shapes[j]
        prev_shape = shapes[j - 1] if prev is not None else "<edge>"
        next_shape = shapes[j + 1] if nxt is not None else "<edge>"
    return [
        "w=" + word,
        "sw=" + side + word,
        "s=" + side + shape,
        "p=" + side + (prev.lower if prev is not None else "<s>"),
        "n=" + side + (nxt.lower if nxt is not None else "</s>"),
        "ps=" + side + prev_shape + "|" + shape,
        "ns=" + side + shape + "|" + next_shape,
        "cr=" + side + str(round(cue_rate(word), 1)),
        "first=" + side + str(j == 0) + shape,
    ]


def cue_features(tokens: list[Token], facts: SentenceFacts, first: int, last: int, j: int, side: str) -> list[str]:
    """The features of tokens[j] that depend on the cue: how far it is, and what stands between."""
    if side == "L":
        distance, low, high = first - j, j + 1, first
    else:
        distance, low, high = j - last, last + 1, j
    commas = _AT_MOST_2[min(facts.commas[high] - facts.commas[low], 3)]
    quotes = _AT_MOST_1[min(facts.quotes[high] - facts.quotes[low], 2)]
    verbs = _AT_MOST_1[min(facts.verbs[high] - facts.verbs[low], 2)]
    between = side + "c" + commas + "q" + quotes + "v" + verbs
    far = _DISTANCE_BUCKETS[distance - 1]
    return [
        "bias" + side,
        "d=" + side + far,
        "b=" + between,
        "bd=" + between + far,
        "bs=" + between + facts.shapes[j],
        "cue=" + side + tokens[last].lower + "|" + _CUE_DISTANCE_BUCKETS[distance - 1],
    ]


@lru_cache(maxsize=1)
def _weights() -> dict[str, float]:
    return json.loads(resources.files("factcheck.data").joinpath("source_model.json").read_text("utf-8"))


def token_scores(tokens: list[Token], facts: SentenceFacts, first: int, last: int, indices, weights,
                 cache: dict | None, parts: dict | None = None) -> list[float]:
    """The score of each token of `indices` for lying in the source: the weights of its
    token_features, then of its cue_features, added in their order. `cache` keeps the first sum
    of a token (by side, then index), shared by every cue of the sentence. `parts` (from _parts_for) keeps the weights
    of the features that come in groups (those of one word, of one neighbour, of one shape, of
    one distance ...) across sentences, looked up once per group instead of as strings one by
    one: only for weights that do not change (training changes its weights, and passes none)."""
    get = weights.get
    left = indices[0] < first
    side = "L" if left else "R"
    if cache is None:
        cache = {}
    statics = cache.get(side)  # the first sums of this side's tokens, by index
    if statics is None:
        statics = cache[side] = {}
    if parts is None:
        parts = {}
    groups = parts.get(side)
    if groups is None:
        groups = parts[side] = ({}, {}, {}, {}, {}, {})
    by_word, by_shapes, by_prev, by_next, by_cue, by_between = groups
    commas, quotes, verbs, shapes = facts.commas, facts.quotes, facts.verbs, facts.shapes
    cue_word = tokens[last].lower
    by_far = by_cue.get(cue_word)
    if by_far is None:
        by_far = by_cue[cue_word] = {}
    n = len(tokens)
    scores = []
    for j in indices:
        static = statics.get(j)
        if static is None:
            token = tokens[j]
            word = token.lower if token.is_word else token.text
            prev = tokens[j - 1].lower if j > 0 else "<s>"
            nxt = tokens[j + 1].lower if j + 1 < n else "</s>"
            shape = shapes[j]
            prev_shape = shapes[j - 1] if j > 0 else "<edge>"
            next_shape = shapes[j + 1] if j + 1 < n else "<edge>"
            w, sw, cr = by_word.get(word) or _part(by_word, get, word, (
                "w=" + word, "sw=" + side + word, "cr=" + side + str(round(cue_rate(word), 1))))
            s, ps, ns, fs = by_shapes.get((prev_shape, shape, next_shape, j == 0)) or _part(
                by_shapes, get, (prev_shape, shape, next_shape, j == 0), (
                    "s=" + side + shape, "ps=" + side + prev_shape + "|" + shape,
                    "ns=" + side + shape + "|" + next_shape, "first=" + side + str(j == 0) + shape))
            p, = by_prev.get(prev) or _part(by_prev, get, prev, ("p=" + side + prev,))
            nx, = by_next.get(nxt) or _part(by_next, get, nxt, ("n=" + side + nxt,))
            static = statics[j] = 0.0 + w + sw + s + p + nx + ps + ns + cr + fs  # token_features' order
        if left:
            low, high = j + 1, first
        else:
            low, high = last + 1, j
        c, q, v = commas[high] - commas[low], quotes[high] - quotes[low], verbs[high] - verbs[low]
        c, q, v = c if c < 3 else 3, q if q < 2 else 2, v if v < 2 else 2
        distance = high - low  # the cue's distance - 1
        far = _DISTANCE_BUCKETS[distance]
        bias, d, cue = by_far.get(far) or _part(by_far, get, far, (
            "bias" + side, "d=" + side + far,
            "cue=" + side + cue_word + "|" + _CUE_DISTANCE_BUCKETS[distance]))
        between = ((c * 3 + q) * 3 + v) * (len(_DISTANCES) + 1) + _DISTANCE_INDEX[distance]
        by_shape = by_between.get(between)
        if by_shape is None:
            by_shape = by_between[between] = {}
        b, bd, bs = by_shape.get(shapes[j]) or _between_part(by_shape, get, side, c, q, v, far, shapes[j])
        scores.append(static + (0.0 + bias + d + b + bd + bs + cue))  # cue_features' order
    return scores


def _part(parts: dict, get, key, names: tuple[str, ...]) -> tuple[float, ...]:
    """The weights of the features `names`, kept in `parts` under `key`."""
    found = parts[key] = tuple(get(name, 0.0) for name in names)
    return found


def _between_part(parts: dict, get, side: str, c: int, q: int, v: int, far: str, shape: str) -> tuple[float, ...]:
    """The weights of the features of what stands between a token and the cue, and how far,
    kept in `parts` under the token's shape."""
    between = side + "c" + _AT_MOST_2[c] + "q" + _AT_MOST_1[q] + "v" + _AT_MOST_1[v]
    return _part(parts, get, shape, ("b=" + between, "bd=" + between + far, "bs=" + between + shape))


_MAX_PARTS = 500_000  # kept groups of weights before they are dropped: bounds the memory they take
_parts: list = [None, {}, 0]  # the weights the groups were read from, the groups, then calls since a size check


def _parts_for(weights) -> dict:
    """The groups of weights already read from `weights`, shared by every sentence (by side, then
    by kind of group); new weights (training swaps them) start afresh."""
    _parts[2] += 1
    if _parts[0] is not weights or _parts[2] >= 1000 and _size(_parts[1]) > _MAX_PARTS:
        _parts[:] = [weights, {}, 0]
    elif _parts[2] >= 1000:
        _parts[2] = 0
    return _parts[1]


def _size(parts: dict) -> int:
    """How many groups of weights `parts` holds (by word, shapes, neighbour; by cue, then distance;
    by what stands between, then shape)."""
    return sum(len(by_word) + len(by_shapes) + len(by_prev) + len(by_next) + sum(map(len, by_cue.values()))
               + sum(map(len, by_between.values()))
               for by_word, by_shapes, by_prev, by_next, by_cue, by_between in parts.values())


def best_segment(scores: list[float], offset: int) -> tuple[float, int, int]:
    """(total, start, end) of the maximum-sum contiguous stretch of `scores` (end exclusive,
    shifted by `offset`); total 0 and an empty stretch when every score is negative."""
    best, best_start, best_end = 0.0, offset, offset
    total, start = 0.0, 0
    for k, score in enumerate(scores):
        if total <= 0:
            total, start = score, k
        else:
            total += score
        if total > best:
            best, best_start, best_end = total, start + offset, k + 1 + offset
    return best, best_start, best_end


def decode(tokens: list[Token], facts: SentenceFacts, first: int, last: int, weights,
           window: int, cache: dict | None = None) -> tuple[int, int] | None:
    """The source of the cue as token indices [start, end), or None: the best stretch on either side."""
    return decode_scored(tokens, facts, first, last, weights, window, cache)[0]


def decode_scored(tokens: list[Token], facts: SentenceFacts, first: int, last: int, weights,
                  window: int, cache: dict | None = None, left_only: bool = False,
                  parts: dict | None = None) -> tuple[tuple[int, int] | None, float]:
    """decode's source and the total score of its stretch (0 when there is none); `left_only`
    reads only the words before the cue."""
    left = range(max(0, first - window), first)
    right = range(last + 1, min(len(tokens), last + 1 + window)) if not left_only else range(0)
    found = None
    best = 0.0
    for indices in (left, right):
        if not indices:
            continue
        scores = token_scores(tokens, facts, first, last, indices, weights, cache, parts)
        total, start, end = best_segment(scores, indices[0])
        if total > best:
            best, found = total, (start, end)
    return found, best


WINDOW = 30  # tokens either side of a cue the tagger reads: a source lies closer than that


def learned_source(tokens: list[Token], facts: SentenceFacts, first: int, last: int) -> tuple[int, int] | None:
    """The source of the cue tokens[first:last+1] as token indices [start, end), or None."""
    return scored_source(tokens, facts, first, last)[0]


def scored_source(tokens: list[Token], facts: SentenceFacts, first: int, last: int,
                  window: int = WINDOW, left_only: bool = False) -> tuple[tuple[int, int] | None, float]:
    """learned_source and how sure the tagger is of it (its stretch's total score), reading
    `window` tokens either side (only before the cue if `left_only`)."""
    weights = _weights()
    found, total = decode_scored(tokens, facts, first, last, weights, window, facts.scores, left_only,
                                 _parts_for(weights))
    if found is not None and all(not t.is_word or t.lower in DETERMINERS for t in tokens[found[0]:found[1]]):
        return None, 0.0  # a comma, a quote mark or "A" alone is no one
    return found, total
