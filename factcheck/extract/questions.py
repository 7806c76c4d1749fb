"""Frames of a question put to someone: "Sanders was asked whether ...", "when asked about the
vote, she said ...", "Asked by reporters what went wrong, the mayor ...".

The one asked is no source here (PolNeAR marks the question as the content and whoever asked
it, after "by", as the source). The content is a question, no proposition: it gives no claim
an attribution, and a reply in the same sentence keeps its own frame.
"""
from __future__ import annotations

from .content import NOUN_PHRASE
from .frame import Frame
from .lexicon import BE_FORMS
from .phrases import is_adverb
from .tokens import Token

_OPENERS = frozenset("when if after before while once".split())  # "when asked", "after being asked"
MAX_AGENT_TOKENS = 6  # "asked by Fox Business moderator Gerard Baker"
_AGENT_ENDS = frozenset("to whether if what who why how when where which about".split())


def put_to(tokens: list[Token], i: int) -> bool:
    """Whether "asked" at i is said of the one a question was put to, not of the asker."""
    j = i - 1
    while j >= 0 and is_adverb(tokens[j]):
        j -= 1  # "was repeatedly asked"
    if j < 0 or tokens[j].text == ",":  # "Asked about ...", "X, asked by reporters, ...", not "X, asked Y"
        return i + 1 < len(tokens) and (tokens[i + 1].lower in _AGENT_ENDS or tokens[i + 1].lower == "by")
    return tokens[j].lower in BE_FORMS or tokens[j].lower in _OPENERS


def asked_frame(tokens: list[Token], i: int) -> Frame | None:
    """The frame around "asked" at i, when `put_to` says so."""
    first = i
    while first > 0 and (is_adverb(tokens[first - 1]) or tokens[first - 1].lower in BE_FORMS):
        first -= 1
    if tokens[first].lower not in BE_FORMS:
        first = i  # "when asked": the cue is the one word
    last = i + 1 if i + 1 < len(tokens) and tokens[i + 1].lower == "about" else i
    k = last + 1
    source = None
    if k < len(tokens) and tokens[k].lower == "by":
        end = k + 1
        while (end < len(tokens) and end - k <= MAX_AGENT_TOKENS and tokens[end].is_word
               and tokens[end].lower not in _AGENT_ENDS):
            end += 1
        if end == k + 1:
            return None
        source, k = (tokens[k + 1].start, tokens[end - 1].end), end
    while k < len(tokens) and tokens[k].text == ",":
        k += 1
    content = []
    if first > 0 and tokens[first].lower in BE_FORMS and tokens[first - 1].is_word:
        content.append((tokens[0].start, tokens[first - 1].end))  # "[Sanders] was asked [to name ...]"
    if k < len(tokens) - 1 and (tokens[k].is_word or tokens[k].text in '"“'):
        content.append((tokens[k].start, _question_end(tokens, k, first)))
    if not content:
        return None
    return Frame((tokens[first].start, tokens[last].end), source, content, kind=NOUN_PHRASE)


def _question_end(tokens: list[Token], k: int, first: int) -> int:
    """Where the question ends: at the comma before the main clause when the question opens
    the sentence ("Asked what went wrong, the mayor said ..."), else at the sentence end."""
    opens = first == 0 or first <= 2 and tokens[0].lower in _OPENERS
    if opens:
        for j in range(k + 1, len(tokens)):
            if tokens[j].text == ",":
                return tokens[j - 1].end
    return tokens[-1].end
