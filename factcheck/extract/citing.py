"""A report that names the source it relies on: "The ferry was overloaded, the paper reported,
citing a port official." The cited source is the claim's source and the reporter relays it;
", citing a port official" is the frame's own words, never a claim of its own. The reporter's
frame stays among the article's frames ("the paper reported" is an attribution too).
"""
from __future__ import annotations

from dataclasses import replace

from .frame import Frame
from .kinds import bare, source_kind
from .phrases import MAX_SOURCE_TOKENS
from .source_words import (ANONYMOUS_NOUNS, BODY_NOUNS, DOCUMENT_NOUNS, INDEFINITE, MEDIA_NOUNS, SPOKESPEOPLE,
                           WITNESS_NOUNS)
from .tokens import Token

CITING = "citing"
_ENDS = frozenset(",;.!?")
# Words that make "citing X" a source ("a port official", "police", "records"), not a reason ("low growth").
_SOURCE_WORDS = (ANONYMOUS_NOUNS | SPOKESPEOPLE | BODY_NOUNS | MEDIA_NOUNS | DOCUMENT_NOUNS | WITNESS_NOUNS) - INDEFINITE
_DESCRIBING = frozenset("the a an who which whose".split())  # after "citing Ana Ruiz,": more about her
_HEAD_ENDS = frozenset("who whom which that of in at on for with from about familiar".split())


def cited(text: str, tokens: list[Token], frame: Frame) -> Frame:
    """The frame with the source it cites after ", citing" as its source, relayed by its own."""
    if frame.source is None:
        return frame
    after = max(frame.cue[1], frame.source[1])
    for k in range(1, len(tokens) - 1):
        if tokens[k].lower == CITING and tokens[k].start >= after and tokens[k - 1].text == ",":
            break
    else:
        return frame
    end = _phrase_end(tokens, k + 1)
    if end + 1 < len(tokens) and tokens[end].text == "," and tokens[end + 1].lower in ("the", "a", "an"):
        described = _phrase_end(tokens, end + 1)  # "citing Ana Ruiz, the harbour master."
        if described == len(tokens) or tokens[described].text in ".!?":
            end = described
    comma, named = tokens[k - 1].start, tokens[end - 1].end
    # the content before ", citing" and after the cited source ("..., that ...", "..., had been overloaded"),
    # unless what follows the source describes it ("..., the harbour master, who saw it")
    describes = end + 1 < len(tokens) and tokens[end + 1].lower in _DESCRIBING
    resume = tokens[end + 1].start if end + 1 < len(tokens) and tokens[end].text == "," else named
    content = [(start, min(stop, comma)) for start, stop in frame.content if start < comma]
    content += [(max(start, resume), stop) for start, stop in frame.content
                if start >= named or comma <= start < named < stop and not describes]
    content = [(start, stop) for start, stop in content if any(c.isalnum() for c in text[start:stop])]
    if end == k + 1 or not content or not _names_a_source(tokens[k + 1:end]):
        return frame  # "McCain said, citing low economic growth": a reason, PolNeAR's participial frame
    about = [(named, stop) for start, stop in frame.content if describes and comma <= start < named < stop]
    return replace(frame, cue=(tokens[k].start, tokens[k].end), source=(tokens[k + 1].start, tokens[end - 1].end),
                   content=content, cut=[*frame.cut, frame.cue, frame.source, *about], keep_source=False,
                   relayed_by=text[frame.source[0]:frame.source[1]], relaying=frame,
                   interrupted=frame.interrupted and len(content) > 1)


def _names_a_source(phrase: list[Token]) -> bool:
    """Whether "citing" names who or what says it: a person by name, or a noun phrase whose first
    words hold a source noun ("a doctor at the hospital", "port records", "Reuters")."""
    head = []
    for token in phrase:
        if token.lower in _HEAD_ENDS:
            break
        head.append(token)
    words = [bare(t.lower) for t in head if t.is_word]
    return bool(words) and (any(w in _SOURCE_WORDS for w in words)
                            or source_kind(" ".join(t.text for t in head)) == "named_person")


def _phrase_end(tokens: list[Token], k: int) -> int:
    """Where the phrase opening at tokens[k] ends: at a comma or the sentence's end, within MAX_SOURCE_TOKENS."""
    end = k
    while end < len(tokens) and tokens[end].text not in _ENDS and end - k < MAX_SOURCE_TOKENS:
        end += 1
    return end
