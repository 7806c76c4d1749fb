"""The data model: sentences, attributions and claims, all anchored by character offsets.

Every span holds `start`/`end` code-point offsets into the article text it came from
(slice semantics), so `text[span.start:span.end] == span.text` always holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field

SOURCE_KINDS = (
    "named_person", "official_body", "anonymous", "witness", "media", "document", "unattributed",
)


@dataclass(frozen=True)
class Span:
    """A stretch of the article text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """The span of `text` between `start` and `end`."""
        return cls(start, end, text[start:end])


# The kinds of sentence that hold no claims: the news furniture of an article.
FURNITURE_KINDS = ("headline", "subheading", "byline", "dateline", "credit", "label")  # label: "___", "ABSTRACT."


@dataclass(frozen=True)
class Sentence(Span):
    """A sentence, or a piece of news furniture (one of FURNITURE_KINDS), which holds no claims."""

    kind: str = "sentence"


@dataclass(frozen=True)
class Attribution:
    """Who says a claim: the source as written, its cue, and what kind of source it is.

    `source` is the name the source resolves to (a pronoun's antecedent), while
    `source_span` is the mention as written in the attributing clause.
    """

    kind: str = "unattributed"
    source: str | None = None
    source_span: Span | None = None
    cue_span: Span | None = None
    quoted: bool = False
    hedged: bool = False
    relayed_by: str | None = None

    @property
    def cue(self) -> str | None:
        """The cue's text ("said", "have long feared", "according to")."""
        return self.cue_span.text if self.cue_span else None

    def to_dict(self) -> dict:
        """The JSON form used by `extract --json` (see the PolNeAR scorer's contract)."""
        source, cue = self.source_span, self.cue_span
        return {
            "source": self.source,
            "source_start": source.start if source else None,
            "source_end": source.end if source else None,
            "cue": self.cue,
            "cue_start": cue.start if cue else None,
            "cue_end": cue.end if cue else None,
            "kind": self.kind,
            "quoted": self.quoted,
            "hedged": self.hedged,
            "relayed_by": self.relayed_by,
        }


UNATTRIBUTED = Attribution()


@dataclass(frozen=True)
class Claim(Span):
    """One proposition of the article, with the attribution it carries."""

    sentence: int = 0
    attribution: Attribution = field(default=UNATTRIBUTED)
    subject: str | None = None  # whom an opening "he" or "she" stands for, resolved in the article

    def to_dict(self) -> dict:
        """The JSON form: text, offsets, sentence index, attribution and resolved subject."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "attribution": self.attribution.to_dict(),
            "subject": self.subject,
        }


FRAME_KINDS = ("clause", "quote", "noun_phrase", "action")
PROPOSITION_KINDS = ("clause", "quote")


@dataclass(frozen=True)
class Frame:
    """One attribution relation found in the text: source, cue and content spans.

    `kind` says what the content is. A "clause" or a "quote" is a proposition, and the claims
    inside it are the source's. A "noun_phrase" ("declared [a state of emergency]") or an
    "action" ("urged [people to stay indoors]") is an act the writer reports: the frame is kept
    (PolNeAR counts it as an attribution) but it gives no claim its source.
    `content` holds offset pairs into the article text, not Spans: the contents of nested
    frames overlap, and a copy of each would make a sentence of many cues quadratic.
    """

    cue: Span
    source: Span | None
    content: tuple[tuple[int, int], ...]
    kind: str = "clause"
    sentence: int = 0

    @property
    def proposition(self) -> bool:
        """Whether the content is a proposition (a clause or a quotation)."""
        return self.kind in PROPOSITION_KINDS

    def to_dict(self) -> dict:
        """The JSON form of `extract --json --frames` (the PolNeAR scorer's FRAMES contract)."""
        source = self.source
        return {
            "source": [source.start, source.end] if source else None,
            "source_text": source.text if source else None,
            "cue": [self.cue.start, self.cue.end],
            "cue_text": self.cue.text,
            "content": [[start, end] for start, end in self.content] or None,
            "kind": self.kind,
            "sentence": self.sentence,
        }


@dataclass(frozen=True)
class Furniture:
    """What an article's furniture says about it: who wrote it ("Jane Doe and John Roe"), the
    place of its dateline as written ("MAE SAI, Thailand"), and the wire that carried it, from
    the dateline ("(Reuters)") or a credit line ("The Associated Press contributed ...")."""

    byline: str | None = None
    dateline_place: str | None = None
    wire: str | None = None

    def to_dict(self) -> dict:
        """The three fields by name (as the articles table stores them)."""
        return {"byline": self.byline, "dateline_place": self.dateline_place, "wire": self.wire}


NO_FURNITURE = Furniture()


@dataclass(frozen=True)
class Extraction:
    """What the pipeline finds in one text: its sentences, its claims and every attribution frame."""

    text: str
    sentences: list[Sentence]
    claims: list[Claim]
    furniture: Furniture = NO_FURNITURE
    frames: list[Frame] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        """The headline, if the text starts with one."""
        for sentence in self.sentences:
            return sentence.text if sentence.kind == "headline" else None
        return None
