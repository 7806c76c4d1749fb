"""Attributions inside attributions: who passes on what another source said.

"Investigators believe A, a police source said": the police source relays the investigators,
who are the claim's source. "The brigade said an engineer had found A": the brigade relays the
engineer. A frame whose cue lies in another frame's content is the inner one; the other relays it,
when what it reports is a proposition ("promised an inquiry and said ..." relays nothing).
"""
from __future__ import annotations

from dataclasses import replace

from .frame import Frame


def nest(frames: list[Frame]) -> tuple[list[Frame], list[int | None]]:
    """The frames with a leading frame's content kept off the trailing frame that encloses it,
    and for each frame the index of the frame that relays it (None: nobody)."""
    frames = [_clipped(frame, frames) for frame in frames]
    relays: list[int | None] = []
    for i, inner in enumerate(frames):
        outer = [j for j, other in enumerate(frames) if j != i and _covers(other, inner.cue) and other.proposition
                 and other.source is not None and other.source != inner.source and not _covers(inner, other.cue)]
        relays.append(min(outer, key=lambda j: frames[j].reach) if outer else None)
    return frames, relays


def _clipped(frame: Frame, frames: list[Frame]) -> Frame:
    """`frame` without the words of a trailing frame that holds it in its content ("A, a police
    source said" is no part of what the investigators believe)."""
    content = list(frame.content)
    for other in frames:
        if other is frame or other.source is None or not _covers(other, frame.cue):
            continue
        words_start = min(other.source[0], other.cue[0])
        if other.source[0] < frame.cue[0]:
            continue  # a leading frame: it encloses `frame` without sitting inside it
        content = [(start, min(end, words_start)) if start < words_start < end else (start, end)
                   for start, end in content]
    return frame if content == frame.content else replace(frame, content=_trimmed(content))


def _trimmed(content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(start, end) for start, end in content if end > start]


def _covers(frame: Frame, span: tuple[int, int]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in frame.content)
