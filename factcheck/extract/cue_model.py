"""A small linear model that scores a word as an attribution cue from the words around it.

Weights are learned from PolNeAR train by `scripts/train_cues.py` (an averaged perceptron) and
shipped as feature → weight in `data/cue_model.json`; no corpus text is stored.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from itertools import repeat

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


_ZEROS = repeat(0.0)  # the default of every weight lookup: weights.get(feature, 0.0)


@lru_cache(maxsize=1)
def _weights() -> dict[str, float]:
    return json.loads(resources.files("factcheck.data").joinpath("cue_model.json").read_text("utf-8"))


def cue_score(tokens, i: int) -> float:
    """The model's score for tokens[i] being a cue word: above 0 means more likely than not."""
    weights = _weights()
    return sum(map(weights.get, features(tokens, i), _ZEROS))
