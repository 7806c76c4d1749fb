"""A small linear model that scores a word as an attribution cue from the words around it.

Weights are learned from PolNeAR train by `scripts/train_cues.py` (an averaged perceptron) and
shipped as feature → weight in `data/cue_model.json`; no corpus text is stored.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from .lexicon import DOCUMENT_WORDS, MEDIA_WORDS, OFFICIAL_WORDS, cue_rate


def features(tokens, i: int, rate=cue_rate) -> list[str]:
    """The features of tokens[i] (tokens have .text, .lower, .is_word) as strings; `rate` gives a
    word's cue rate (training passes rates that leave the article's own counts out)."""
    word = tokens[i].lower
    prev = tokens[i - 1] if i > 0 else None
    prev2 = tokens[i - 2] if i > 1 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    nxt2 = tokens[i + 2] if i + 2 < len(tokens) else None
    prev_shape, next_shape = _shape(prev), _shape(nxt)
    return [
        "bias",
        "w=" + word,
        "rate=" + str(round(rate(word), 1)),
        "suf=" + word[-3:],
        "p=" + prev_shape,
        "n=" + next_shape,
        "pp=" + _shape(prev2),
        "nn=" + _shape(nxt2),
        "w+n=" + word + "|" + next_shape,
        "p+w=" + prev_shape + "|" + word,
        "pw=" + (prev.lower if prev else "<s>"),
        "nw=" + (nxt.lower if nxt else "</s>"),
        "pk=" + _noun_kind(prev) + "|" + word[-2:],
    ]


def _noun_kind(token) -> str:
    """What kind of speaker a preceding noun names: a medium, a document, an office, or other."""
    if token is None or not token.is_word:
        return "-"
    lower = token.lower
    if lower in MEDIA_WORDS:
        return "media"
    if lower in DOCUMENT_WORDS:
        return "document"
    if lower in OFFICIAL_WORDS:
        return "official"
    return "other"


def _shape(token) -> str:
    """A coarse class of a neighbouring token: the word itself if short and common, else its shape."""
    if token is None:
        return "<edge>"
    text = token.text
    if not token.is_word:
        return text
    lower = token.lower
    if len(lower) <= 4 or lower in _FUNCTION_LIKE:
        return lower
    if text[0].isupper():
        return "Cap"
    if lower.endswith("ed"):
        return "-ed"
    if lower.endswith("ing"):
        return "-ing"
    if lower.endswith("ly"):
        return "-ly"
    return "x"


_FUNCTION_LIKE = frozenset("""
that which would could should their there these those about after before while because
reporters officials statement interview according
""".split())


@lru_cache(maxsize=1)
def _weights() -> dict[str, float]:
    return json.loads(resources.files("factcheck.data").joinpath("cue_model.json").read_text("utf-8"))


def cue_score(tokens, i: int) -> float:
    """The model's score for tokens[i] being a cue word: above 0 means more likely than not.
    The weights of `features` added in their order, those that follow from one token's text
    looked up once per distinct text (see _looked_up)."""
    weights = _weights()
    words, known, edges = _looked_up(weights)
    get = weights.get
    word = tokens[i].lower
    n = len(tokens)
    found = known.get  # a neighbour's text met before: no call to _neighbour
    prev = (found(tokens[i - 1].text) or _neighbour(known, get, tokens[i - 1])) if i > 0 else edges
    prev2 = (found(tokens[i - 2].text) or _neighbour(known, get, tokens[i - 2])) if i > 1 else edges
    nxt = (found(tokens[i + 1].text) or _neighbour(known, get, tokens[i + 1])) if i + 1 < n else edges
    nxt2 = (found(tokens[i + 2].text) or _neighbour(known, get, tokens[i + 2])) if i + 2 < n else edges
    head = words.get(word)
    if head is None:
        head = words[word] = (0 + get("bias", 0.0) + get("w=" + word, 0.0)
                              + get("rate=" + str(round(cue_rate(word), 1)), 0.0) + get("suf=" + word[-3:], 0.0))
    return (head + prev[1] + nxt[2] + prev2[3] + nxt2[4] + get("w+n=" + word + "|" + nxt[0], 0.0)
            + get("p+w=" + prev[0] + "|" + word, 0.0) + prev[5] + nxt[6]
            + get("pk=" + prev[7] + "|" + word[-2:], 0.0))


_MAX_LOOKED_UP = 200_000  # distinct texts whose weights are kept: bounds the memory they take
_looked: list = [None]  # the weights the lookups were read from, then what _looked_up returns


def _looked_up(weights: dict) -> tuple[dict, dict, tuple]:
    """The weights already read from `weights` (training swaps them: new weights start afresh):
    a word's sum of its own features (bias, w, rate, suf) by word, what _neighbour finds by token
    text, and the same for the sentence's edge."""
    if _looked[0] is not weights or len(_looked[1]) + len(_looked[2]) > _MAX_LOOKED_UP:
        get = weights.get
        edges = ("<edge>", get("p=<edge>", 0.0), get("n=<edge>", 0.0), get("pp=<edge>", 0.0),
                 get("nn=<edge>", 0.0), get("pw=<s>", 0.0), get("nw=</s>", 0.0), "-")
        _looked[:] = [weights, {}, {}, edges]
    return _looked[1], _looked[2], _looked[3]


def _neighbour(known: dict, get, token) -> tuple:
    """(shape, the weights of p=, n=, pp=, nn=, pw=, nw= for it, noun kind) of a neighbouring token."""
    found = known.get(token.text)
    if found is None:
        shape, lower = _shape(token), token.lower
        found = known[token.text] = (shape, get("p=" + shape, 0.0), get("n=" + shape, 0.0), get("pp=" + shape, 0.0),
                                     get("nn=" + shape, 0.0), get("pw=" + lower, 0.0), get("nw=" + lower, 0.0),
                                     _noun_kind(token))
    return found
