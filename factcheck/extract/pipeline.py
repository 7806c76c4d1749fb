"""The extraction pipeline: text in, sentences and attributed claims out, offsets intact."""
from __future__ import annotations

import re
from dataclasses import replace

from .cues import quote_open_before
from .frames import Frame, find_frames
from ..model import UNATTRIBUTED, Attribution, Claim, Extraction, Sentence, Span
from .lexicon import HEDGES
from .clauses import split_clauses
from .segment import split_sentences
from .sources import PronounResolver, source_kind
from .tokens import Tokens

_EDGE = " \t\n,;:-–—"
_LEADING_THAT = re.compile(r"(?:that|whether)\s+", re.IGNORECASE)
_QUOTE_CHARS = "“”\"‘’"
_APOSTROPHE = re.compile("[’']")


def extract(text: str) -> Extraction:
    """Split `text` into sentences and claims, each claim tagged with its attribution."""
    sentences = split_sentences(text)
    tokens = Tokens(text)
    resolver = PronounResolver()
    claims: list[Claim] = []
    announced = UNATTRIBUTED  # "Cruz continued:" gives the next sentence its attribution
    quoting = UNATTRIBUTED    # the speaker of a quotation the last sentence held
    for index, sentence in enumerate(sentences):
        if sentence.kind != "sentence":
            announced = quoting = UNATTRIBUTED
            continue
        frames = find_frames(tokens, sentence.start, sentence.end)
        attributions = [_attribution(text, frame, resolver) for frame in frames]
        if not frames:
            resolver.notice_names(tokens.between(sentence.start, sentence.end))
        writer = UNATTRIBUTED
        if not frames:
            writer = quoting if _goes_on_quoting(text, sentences[index - 1], sentence) else announced
        for (start, end), owner in _owned_runs(sentence, frames):
            attribution = attributions[owner] if owner is not None else writer
            for clause_start, clause_end in _claim_bounds(tokens, start, end):
                claims.append(_claim(tokens, clause_start, clause_end, index, attribution))
        announced = next((a for f, a in zip(frames, attributions) if not f.content), UNATTRIBUTED)
        quoting = next((a for a in attributions if a.quoted), writer if writer.quoted else UNATTRIBUTED)
    return Extraction(text, sentences, claims)


def _goes_on_quoting(text: str, previous: Sentence, sentence: Sentence) -> bool:
    """Whether `sentence` goes on with the quotation of the sentence before, in one paragraph:
    '"A," said X. "B."' or 'X said: "A. B."' (B is X's too)."""
    if "\n" in text[previous.end:sentence.start]:
        return False
    return sentence.text[:1] in '"“' or quote_open_before(text, sentence.start)


def _attribution(text: str, frame: Frame, resolver: PronounResolver) -> Attribution:
    source_span = Span.of(text, *frame.source) if frame.source else None
    name, kind = None, "anonymous"
    if source_span is not None:
        name, kind = resolver.resolve(source_span.text, source_kind(source_span.text))
    quoted = any(ch in text[s:e] for s, e in frame.content for ch in _QUOTE_CHARS)
    return Attribution(kind=kind, source=name, source_span=source_span,
                       cue_span=Span.of(text, *frame.cue), quoted=quoted,
                       hedged=source_span is None,  # "is expected to": nobody is named
                       relayed_by=frame.relayed_by)


def _owned_runs(sentence: Sentence, frames: list[Frame]):
    """Stretches of the sentence with the index of the frame that governs them (None: the writer).

    A stretch belongs to the innermost frame whose content covers it; a frame's own words
    (cue, source, object) belong to the frame around it, or to no claim at all.
    """
    points = {sentence.start, sentence.end}
    for frame in frames:
        for start, end in [frame.cue, *frame.cut, *frame.content] + ([frame.source] if frame.source else []):
            points.update((start, end))
    edges = sorted(p for p in points if sentence.start <= p <= sentence.end)
    runs: list[tuple[int, int, int | None]] = []
    for start, end in zip(edges, edges[1:]):
        owner = _owner(start, end, frames)
        if owner == "drop":
            continue
        if runs and runs[-1][2] == owner and runs[-1][1] == start:
            runs[-1] = (runs[-1][0], end, owner)
        else:
            runs.append((start, end, owner))
    return [((start, end), owner) for start, end, owner in runs]


def _owner(start: int, end: int, frames: list[Frame]):
    own_words = {i for i, f in enumerate(frames) if any(s <= start and end <= e for s, e in f.words)}
    if any(frames[i].keep_source for i in own_words):
        return "drop"  # a participle or coordinated cue is nobody's content
    covering = [i for i, f in enumerate(frames) if i not in own_words
                and any(s <= start and end <= e for s, e in f.content)]
    if covering:
        return min(covering, key=lambda i: frames[i].reach)
    return "drop" if own_words else None


def _claim_bounds(tokens: Tokens, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of a run, trimmed of frame punctuation and a leading "that"."""
    text = tokens.text
    start, end = _trim(text, start, end)
    that = _LEADING_THAT.match(text, start, end)
    if that and end - that.end() > 0:
        start = that.end()
    bounds = []
    for clause_start, clause_end in split_clauses(tokens, start, end):
        clause_start, clause_end = _trim(text, clause_start, clause_end)
        if tokens.words(clause_start, clause_end):
            bounds.append((clause_start, clause_end))
    return bounds


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop frame punctuation, a final full stop and quotation marks around the claim (not those
    inside it: `it was "potentially linked" to the work`)."""
    while True:
        before = (start, end)
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and (text[end - 1] in _EDGE or text[end - 1] == "."):
            end -= 1
        start, end = _unquote(text, start, end)
        if (start, end) == before:
            return start, end


def _unquote(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a quotation mark at either edge that has no partner inside text[start:end]."""
    piece = text[start:end]
    if not piece:
        return start, end
    straight, opening, closing = piece.count('"'), piece.count("“"), piece.count("”")
    wrapped = piece[0] in '"“' and piece[-1] in '"”' and straight + opening + closing == 2
    if wrapped:
        return start + 1, end - 1
    if (piece[0] == '"' and straight % 2) or (piece[0] == "“" and opening > closing):
        return start + 1, end
    if (piece[-1] == '"' and straight % 2) or (piece[-1] == "”" and closing > opening):
        return start, end - 1
    return start, end


def _claim(tokens: Tokens, start: int, end: int, sentence: int, attribution: Attribution) -> Claim:
    # "could've" hedges as "could" does; "mid-May" is no "may"
    if not attribution.hedged and any(_APOSTROPHE.split(t.lower)[0] in HEDGES for t in tokens.words(start, end)):
        attribution = replace(attribution, hedged=True)
    return Claim(start, end, tokens.text[start:end], sentence, attribution)
