"""Frames in a headline: "Lynch: No outside influence on the probe", "Mayor says bridge is safe".

A headline is never a claim, but PolNeAR counts the attributions it makes, and so do frames.
"""
from __future__ import annotations

from .frame import Frame
from .frames import find_frames
from .lexicon import core_verb_forms
from .tokens import Token, Tokens
from .turns import MAX_SPEAKER_WORDS, speaker_colon

# "Trump Says He Never Pledged ...": a headline's reporting verb, in the present as headlines write it
HEADLINE_VERBS = frozenset(w for w in core_verb_forms() if w.endswith("s")) | {"said", "told"}
TITLE_CASE_SHARE = 0.6  # of a headline's words capitalised: capitals no longer mark names


def headline_frames(article: Tokens, start: int, end: int) -> list[Frame]:
    """The frames of the headline article.text[start:end]: a speaker before a colon, else those
    the sentence rules find."""
    tokens = article.between(start, end)
    colon = speaker_colon(tokens)
    if colon is not None:
        rest = tokens[colon + 1:]
        return [Frame((tokens[colon].start, tokens[colon].end), (tokens[0].start, tokens[colon - 1].end),
                      [(rest[0].start, rest[-1].end)])]
    return _title_case_frame(tokens) or find_frames(article, start, end)


def _title_case_frame(tokens: list[Token]) -> list[Frame]:
    """"Glenn Beck Says Trump Poses A Threat": in a headline where every word is capitalised, a
    short name and a reporting verb open it."""
    words = [t for t in tokens if t.is_word]
    if len(words) < 4 or sum(t.capitalised for t in words) < TITLE_CASE_SHARE * len(words):
        return []
    for k in range(1, min(MAX_SPEAKER_WORDS, len(tokens) - 2) + 1):
        if tokens[k].lower in HEADLINE_VERBS:
            rest = tokens[k + 1:]
            if all(t.is_word for t in tokens[:k]) and sum(t.is_word for t in rest) >= 2:
                return [Frame((tokens[k].start, tokens[k].end), (tokens[0].start, tokens[k - 1].end),
                              [(rest[0].start, rest[-1].end)])]
            return []
    return []
