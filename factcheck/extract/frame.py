"""The attribution frame the frame rules build: source, cue and content ranges of one sentence."""
from __future__ import annotations

from dataclasses import dataclass, field

from .content import CLAUSE, PROPOSITIONS


@dataclass
class Frame:
    """One attribution in a sentence, as character ranges into the article text."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: list[tuple[int, int]]  # empty: announced by a colon, the content is the next sentence
    cut: list[tuple[int, int]] = field(default_factory=list)  # frame words, never content
    relayed_by: str | None = None
    keep_source: bool = False  # a participial frame's source is the main clause's subject
    kind: str = CLAUSE  # what the content is: a clause, a quote, a noun phrase or an action (content.py)
    interrupted: bool = False  # two content pieces that are one claim: "The blaze, officials said, broke out"
    tagger: str = "-"  # what the source tagger made of the source, for the frame gate (learned_frames.py)
    relaying: "Frame | None" = None  # the reporter's own frame around a cited source (citing.py): listed, governs nothing

    @property
    def proposition(self) -> bool:
        """Whether the content is a proposition, so the claims in it are the source's."""
        return self.kind in PROPOSITIONS

    @property
    def words(self) -> list[tuple[int, int]]:
        """The frame's own words, which are never part of its content."""
        own = [self.cue, *self.cut]
        if self.source and not self.keep_source:
            own.append(self.source)
        return own

    @property
    def reach(self) -> int:
        """How much text the frame governs: inner frames govern less."""
        return sum(end - start for start, end in self.content)
