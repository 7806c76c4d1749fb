"""Frames for cues that no rule shape fits, read by the learned source tagger (source_model.py)."""
from __future__ import annotations

from .content import before_kind, content_kind
from .cues import PARTICLES
from .frame import Frame
from .phrases import QUOTES, content_end, verb_group_start
from .told import content_start
from .source_model import SentenceFacts, scored_source
from .tokens import Token, words_follow

SECOND_OPINION_WINDOW = 12  # tokens before the cue the tagger reads for a second opinion


def learned_frame(tokens: list[Token], i: int, facts: SentenceFacts) -> Frame | None:
    """For a cue no shape fits: the source the learned tagger reads, and the content after the
    cue (or after a source that follows it), else the words before them both."""
    first = verb_group_start(tokens, i)
    last = i + 1 if i + 1 < len(tokens) and tokens[i + 1].lower in PARTICLES else i
    cue = (tokens[first].start, tokens[last].end)
    found, sureness = scored_source(tokens, facts, first, last)
    source = (tokens[found[0]].start, tokens[found[1] - 1].end) if found else None
    tagger = _sureness(sureness)
    content_from, relayed_by, cut = content_start(tokens, last)
    inverted = found is not None and found[0] > last  # "'...,' said the mayor of the town"
    head = tokens[:min(found[0], first) if found else first]
    while head and not head[-1].is_word and head[-1].text not in QUOTES:
        head.pop()
    before = (head[0].start, head[-1].end) if sum(t.is_word for t in head) >= 2 else None
    if inverted:
        content_from = found[1]
    after = _after(tokens, content_from)
    if after is not None and not (inverted and before is not None):
        return Frame(cue, source, [after], cut, relayed_by, kind=content_kind(tokens, i, content_from), tagger=tagger)
    if before is not None:
        return Frame(cue, source, [before], cut, relayed_by, kind=before_kind(tokens), tagger=tagger)
    return None


def _sureness(total: float) -> str:
    """The tagger's total score for its source, in a few steps."""
    for edge in (0, 5, 10, 20, 40):
        if total <= edge:
            return f"<={edge}"
    return ">40"


def second_opinion(tokens: list[Token], i: int, facts: SentenceFacts,
                   source: tuple[int, int]) -> tuple[tuple[int, int], str]:
    """The source a rule found for the cue at i, or the tagger's when it finds one among the words
    before the cue that shares no word with it (the rule stopped at the wrong noun phrase: "Some
    56 percent of those polled said" is not "those polled"). A source after the cue ("'...,'
    said Ana Ruiz") stays, unasked. Then what the tagger made of it: "agrees", "replaced",
    "none" (it found no source) or "after"."""
    first = verb_group_start(tokens, i)
    last = i + 1 if i + 1 < len(tokens) and tokens[i + 1].lower in PARTICLES else i
    if source[0] >= tokens[last].end:
        return source, "after"
    found = scored_source(tokens, facts, first, last, SECOND_OPINION_WINDOW, left_only=True)[0]
    if found is None:
        return source, "none"
    start, end = tokens[found[0]].start, tokens[found[1] - 1].end
    if not (end <= source[0] or start >= source[1]) or start >= source[1] and end <= tokens[first].start:
        return source, "agrees"  # overlapping, or within what the rule left between source and cue ("on Tuesday night")
    return (start, end), "replaced"


def _after(tokens: list[Token], k: int) -> tuple[int, int] | None:
    """The content from tokens[k] to the sentence end (or a concessive dash), if it holds two words."""
    if not words_follow(tokens, k, 2):
        return None
    end = content_end(tokens, k)
    return (tokens[k].start, end) if end > tokens[k].start else None
