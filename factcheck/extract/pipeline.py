"""The extraction pipeline: text in, sentences and attributed claims out, offsets intact."""
from __future__ import annotations

import heapq
import re
from dataclasses import replace

from .cues import quote_open_before
from .frames import Frame, find_frames
from .furniture import read_furniture, same_outlet
from ..model import UNATTRIBUTED, Attribution, Claim, Extraction, Sentence, Span
from .hedges import cue_hedges, words_hedge
from .nesting import nest
from .clauses import split_clauses
from .segment import split_sentences
from .sources import PronounResolver
from .tokens import Tokens

# The extractor's name and version, stored with every claim set it makes (articles.extractor,
# extractions): bump the version whenever a change alters what `extract` returns for a stored
# text, so that `factcheck reextract` knows which articles an older extractor made.
EXTRACTOR = "factcheck.rules.v1"
_EDGE = " \t\n,;:-–—"
_LEADING_THAT = re.compile(r"(?:that|whether)\s+", re.IGNORECASE)
_QUOTE_CHARS = "“”\"‘’"


def extract(text: str) -> Extraction:
    """Split `text` into sentences and claims, each claim tagged with its attribution."""
    sentences = split_sentences(text)
    furniture = read_furniture(sentences)
    tokens = Tokens(text)
    resolver = PronounResolver()
    claims: list[Claim] = []
    announced = UNATTRIBUTED  # "Cruz continued:" gives the next sentence its attribution
    quoting = UNATTRIBUTED    # the speaker of a quotation the last sentence held
    for index, sentence in enumerate(sentences):
        if sentence.kind != "sentence":
            announced = quoting = UNATTRIBUTED
            continue
        frames, relays = nest(find_frames(tokens, sentence.start, sentence.end))
        attributions = [_attribution(text, frame, resolver, furniture.wire, sentence.end) for frame in frames]
        attributions = [_relayed(text, a, frames[j] if j is not None else None) for a, j in zip(attributions, relays)]
        if not frames:
            resolver.notice_names(tokens.between(sentence.start, sentence.end))
        resolver.notice_mentions(tokens.between(sentence.start, sentence.end))
        writer = UNATTRIBUTED
        if not frames:
            writer = quoting if _goes_on_quoting(text, sentences[index - 1], sentence) else announced
        for (start, end), owner in _owned_runs(sentence, frames):
            attribution = attributions[owner] if owner is not None else writer
            for clause_start, clause_end in _claim_bounds(tokens, start, end):
                claims.append(_claim(tokens, clause_start, clause_end, index, attribution))
        announced = next((a for f, a in zip(frames, attributions) if not f.content), UNATTRIBUTED)
        quoting = next((a for a in attributions if a.quoted), writer if writer.quoted else UNATTRIBUTED)
    return Extraction(text, sentences, claims, furniture)


def _goes_on_quoting(text: str, previous: Sentence, sentence: Sentence) -> bool:
    """Whether `sentence` goes on with the quotation of the sentence before, in one paragraph:
    '"A," said X. "B."' or 'X said: "A. B."' (B is X's too)."""
    if "\n" in text[previous.end:sentence.start]:
        return False
    return sentence.text[:1] in '"“' or quote_open_before(text, sentence.start)


def _attribution(text: str, frame: Frame, resolver: PronounResolver, wire: str | None,
                 sentence_end: int) -> Attribution:
    """The attribution a frame gives; "told The Associated Press" in a report the AP carries
    names the publishing outlet, not a relay."""
    source_span = Span.of(text, *frame.source) if frame.source else None
    name, kind = None, "anonymous"
    if source_span is not None:
        limit = frame.cue[0] if frame.cue[0] > source_span.end else sentence_end
        name, kind = resolver.attribute(text, source_span.start, source_span.end, limit)
    quoted = any(ch in text[s:e] for s, e in frame.content for ch in _QUOTE_CHARS)
    return Attribution(kind=kind, source=name, source_span=source_span,
                       cue_span=Span.of(text, *frame.cue), quoted=quoted,
                       hedged=source_span is None or cue_hedges(text[frame.cue[0]:frame.cue[1]]),
                       relayed_by=None if same_outlet(frame.relayed_by, wire) else frame.relayed_by)


def _relayed(text: str, attribution: Attribution, outer: Frame | None) -> Attribution:
    """An attribution passed on by the source of `outer`, as written ("a police source")."""
    if outer is None or outer.source is None or attribution.relayed_by:
        return attribution
    return replace(attribution, relayed_by=text[outer.source[0]:outer.source[1]])


def _owned_runs(sentence: Sentence, frames: list[Frame]):
    """Stretches of the sentence with the index of the frame that governs them (None: the writer).

    A stretch belongs to the innermost frame whose content covers it; a frame's own words
    (cue, source, object) belong to the frame around it, or to no claim at all.  One sweep over
    the stretches with a heap of the contents open there, so a sentence of many frames costs
    n log n, not n squared.
    """
    points = {sentence.start, sentence.end}
    for frame in frames:
        for start, end in [frame.cue, *frame.cut, *frame.content] + ([frame.source] if frame.source else []):
            points.update((start, end))
    edges = sorted(p for p in points if sentence.start <= p <= sentence.end)
    position = {edge: k for k, edge in enumerate(edges)}
    own_words: list[set[int]] = [set() for _ in edges]  # per stretch: frames whose own words cover it
    opening: list[list[tuple[int, int, int]]] = [[] for _ in edges]  # (reach, frame, last stretch + 1)
    for i, frame in enumerate(frames):
        for start, end in frame.words:
            for k in range(position.get(start, len(edges)), position.get(end, 0)):
                own_words[k].add(i)
        reach = frame.reach
        for start, end in frame.content:
            if start in position and end in position:
                opening[position[start]].append((reach, i, position[end]))
    runs: list[tuple[int, int, int | None]] = []
    open_contents: list[tuple[int, int, int]] = []
    for k, (start, end) in enumerate(zip(edges, edges[1:])):
        for entry in opening[k]:
            heapq.heappush(open_contents, entry)
        owner = _owner(k, own_words[k], open_contents, frames)
        if owner == "drop":
            continue
        if runs and runs[-1][2] == owner and runs[-1][1] == start:
            runs[-1] = (runs[-1][0], end, owner)
        else:
            runs.append((start, end, owner))
    return [((start, end), owner) for start, end, owner in runs]


def _owner(k: int, own_words: set[int], open_contents: list[tuple[int, int, int]], frames: list[Frame]):
    """Who governs stretch k: the innermost open content not of a frame whose words these are."""
    if any(frames[i].keep_source for i in own_words):
        return "drop"  # a participle or coordinated cue is nobody's content
    set_aside = []
    while open_contents and (open_contents[0][2] <= k or open_contents[0][1] in own_words):
        entry = heapq.heappop(open_contents)
        if entry[2] > k:
            set_aside.append(entry)  # still open: it may govern a later stretch
    owner = open_contents[0][1] if open_contents else None
    for entry in set_aside:
        heapq.heappush(open_contents, entry)
    if owner is not None:
        return owner
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
    if not attribution.hedged and words_hedge(tokens.words(start, end)):
        attribution = replace(attribution, hedged=True)
    return Claim(start, end, tokens.text[start:end], sentence, attribution)
