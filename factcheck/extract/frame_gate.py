"""A learned check on each frame the rules and the source tagger build: is it an attribution?

The frame rules take any likely cue word with a plausible shape around it; many are not
attributions ("so-called", "the decision", "went on"). This linear model reads the frame as a
whole (how it was found, its cue word and how sure the cue model is, what its source looks
like, where its content lies and what kind it is) and drops the frames it scores below zero.
Weights are learned by `scripts/train_frame_gate.py` (an averaged perceptron) on the frames found
in each half of PolNeAR train by cue and source models trained on the other half, so it judges
them as it will meet them in new text; shipped as feature -> weight in `data/frame_gate.json`.
"""
from __future__ import annotations

import json
from bisect import bisect_left
from functools import lru_cache
from importlib import resources
from itertools import repeat
from operator import attrgetter

from .cues import cue_strength
from .frame import Frame
from .lexicon import SUBJECT_PRONOUNS
from .tokens import Token

_start = attrgetter("start")  # a bisect key read in C
_PRONOUNS = SUBJECT_PRONOUNS | frozenset("who which i you me him them us".split())


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return "more"


def features(tokens: list[Token], i: int, frame: Frame, origin: str, order: int) -> list[str]:
    """The features of `frame`, found by `origin` around the cue word tokens[i], the `order`-th
    frame of its sentence."""
    word = tokens[i].lower
    strength = str(round(cue_strength(tokens, i), 1))
    cue_start, cue_end = frame.cue
    source = frame.source
    if source is None:
        source_side = "none"
    else:
        source_side = "before" if source[1] <= cue_start else "after"
    if not frame.content:
        content_side = "next"
    elif frame.content[0][0] >= cue_end:
        content_side = "after"
    elif frame.content[-1][1] <= cue_start:
        content_side = "before"
    else:
        content_side = "both"
    reach = sum(end - start for start, end in frame.content)
    shape = _source_shape_of(tokens, source)
    prev = tokens[i - 1].lower if i > 0 else "<s>"
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else "</s>"
    return [
        "bias",
        "o=" + origin,
        "w=" + word,
        "o+w=" + origin + "|" + word,
        "st=" + strength,
        "o+st=" + origin + "|" + strength,
        "k=" + frame.kind,
        "o+k=" + origin + "|" + frame.kind,
        "w+k=" + word + "|" + frame.kind,
        "src=" + shape,
        "o+src=" + origin + "|" + shape,
        "w+src=" + word + "|" + shape,
        "ss=" + source_side + "|" + content_side,
        "o+ss=" + origin + "|" + source_side + "|" + content_side,
        "reach=" + _bucket(reach, (20, 50, 100, 200)),
        "flags=" + str(frame.keep_source) + str(frame.interrupted) + str(frame.relayed_by is not None),
        "order=" + _bucket(order, (0, 1, 2)),
        "p=" + prev,
        "n=" + nxt,
        "w+n=" + word + "|" + nxt,
        "t=" + origin + "|" + frame.tagger,
        "t+k=" + frame.tagger + "|" + frame.kind,
    ]


def _source_shape_of(tokens: list[Token], source: tuple[int, int] | None) -> str:
    """The shape of the source from its tokens: none, a pronoun, or its case and length in words."""
    if source is None:
        return "none"
    k = bisect_left(tokens, source[0], key=_start)
    words = []
    while k < len(tokens) and tokens[k].start < source[1]:
        if tokens[k].is_word:
            words.append(tokens[k])
        k += 1
    if not words:
        return "punct"
    if len(words) == 1 and words[0].lower in _PRONOUNS:
        return "pronoun"
    return ("Cap" if words[0].capitalised else "low") + _bucket(len(words), (1, 2, 3, 5, 8))


@lru_cache(maxsize=1)
def _weights() -> dict[str, float]:
    return json.loads(resources.files("factcheck.data").joinpath("frame_gate.json").read_text("utf-8"))


def keeps(feats: list[str]) -> bool:
    """Whether a frame with these features is an attribution (no weights at all: every frame is)."""
    weights = _weights()
    return sum(map(weights.get, feats, repeat(0.0))) >= 0.0
