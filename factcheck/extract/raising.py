"""Cues with no source: "Trump is expected to deliver ...", "Christie appeared to end ...",
"It appears that ...", "The FBI is reportedly ...". The claim is hedged, nobody is cited, and
what stands on both sides of the cue is one claim, the cue's words included.

frames.find_frames keeps one such frame a sentence, unless it stands inside another frame's words
("The mayor said the plan seemed to work": the mayor's claim, not a second one).
"""
from __future__ import annotations

from .frame import Frame
from .lexicon import BE_FORMS, NEGATIONS
from .phrases import is_adverb
from .tokens import Token


def raising_frame(tokens: list[Token], i: int) -> Frame | None:
    """"Trump is expected to deliver ...", "Christie appeared to end ...", "The vote seemed like
    a formality", "It appears that ...", "The FBI is reportedly ...": a cue with no source."""
    first = i
    if tokens[i].lower == "reportedly":  # "The FBI is reportedly making arrangements ..."
        before = [(tokens[0].start, tokens[i - 1].end)] if i > 0 and tokens[i - 1].is_word else []
        after = [(tokens[i + 1].start, tokens[-1].end)] if i + 2 < len(tokens) else []
        return Frame((tokens[i].start, tokens[i].end), None, before + after,
                     interrupted=bool(before and after)) if before or after else None
    if tokens[i].lower == "expected":
        first = i - 1
        while first > 0 and i - first <= 2 and (is_adverb(tokens[first]) or tokens[first].lower in NEGATIONS):
            first -= 1  # "is not expected", "are widely expected"
        if first < 0 or tokens[first].lower not in BE_FORMS:
            return None
    k = i + 1
    if k >= len(tokens) or first == 0 or not tokens[first - 1].is_word:
        return None
    if tokens[k].lower != "to" and (tokens[i].lower == "expected" or not _raised_complement(tokens, k)):
        return None
    if tokens[k].text == ",":
        k = next(j for j in range(k + 1, len(tokens)) if tokens[j].text == ",") + 1  # ", though, that"
    cue = (tokens[first].start, tokens[i].end)
    # one claim, hedged: "The dam appeared to be cracking", not "The dam" and "to be cracking"
    before, after = (tokens[0].start, tokens[first - 1].end), (tokens[k].start, tokens[-1].end)
    if first == 1 and tokens[0].lower == "it" and tokens[k].lower == "that":  # "It appears that": what follows
        return Frame(cue, None, [after], cut=[before])
    return Frame(cue, None, [before, after], interrupted=True)


_RAISED_OPENERS = frozenset("like as that".split())  # "seemed like", "appears as if", "it appears that"


def _raised_complement(tokens: list[Token], k: int) -> bool:
    """Whether what follows "seemed" at k opens what seemed so ("like a rout", "that ...",
    ", though, that"), not where something appeared ("on television"). An adjective after it
    ("seemed paralysed") is left out: PolNeAR train marks too few of them to pay."""
    token = tokens[k]
    if token.text == ",":
        aside = next((j for j in range(k + 1, min(k + 4, len(tokens))) if tokens[j].text == ","), None)
        return aside is not None and aside + 1 < len(tokens) and tokens[aside + 1].lower == "that"
    return token.lower in _RAISED_OPENERS
