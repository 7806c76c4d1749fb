"""Frames that are one statement: "issued a statement saying ..." is one frame, not two."""
from __future__ import annotations

from dataclasses import replace

from .frame import Frame
from .lexicon import DOCUMENT_WORDS

MAX_STATEMENT_WORDS = 6  # "issued a brief statement on Friday saying": words between the verb and "saying"


def joined_statements(text: str, frames: list[Frame]) -> list[Frame]:
    """"The campaign issued a statement saying that ...": one frame, its cue from the verb to "saying",
    not a frame for the issuing and another for the saying."""
    joined: list[Frame] = []
    for frame in frames:
        previous = joined[-1] if joined else None
        if previous is not None and previous.source and previous.content and previous.cue[1] < frame.cue[0] \
                and text[frame.cue[0]:frame.cue[1]].lower().endswith("ing") \
                and previous.content[0][0] < frame.cue[0] <= previous.content[0][1] \
                and (frame.source == previous.source or _swallowed(frame.source, previous)):
            between = text[previous.cue[1]:frame.cue[0]].lower().split()
            if 1 <= len(between) <= MAX_STATEMENT_WORDS and DOCUMENT_WORDS.intersection(between):
                joined[-1] = replace(frame, source=previous.source, cue=(previous.cue[0], frame.cue[1]))
                continue
        joined.append(frame)
    return joined


def _swallowed(source: tuple[int, int] | None, frame: Frame) -> bool:
    """Whether a source span takes in an earlier frame ("The ministry released a statement" [saying]) or
    lies in its content ("He wrote a letter to the mayor" [saying]): the verb's subject is the frame's."""
    if source is None:
        return False
    return source[0] <= frame.source[0] and frame.cue[1] <= source[1] \
        or frame.content[0][0] <= source[0] and source[1] <= frame.content[0][1]
