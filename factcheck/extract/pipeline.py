"""The extraction pipeline: text in, sentences and attributed claims out, offsets intact."""
from __future__ import annotations

import heapq
from bisect import bisect_left
import re
from dataclasses import replace

from .citing import CITING
from .cues import quote_open_before
from .frame import Frame
from .frames import find_frames
from .signatures import signed_quotes
from .furniture import read_furniture, same_outlet
from ..model import UNATTRIBUTED, Attribution, Claim, Extraction, Sentence, Span
from .. import model
from .headlines import headline_frames
from .hedges import cue_hedges, words_hedge
from .nesting import nest
from .clauses import split_clauses
from .segment import split_sentences
from .sources import RESOLVED_PRONOUNS, PronounResolver
from .tokens import Tokens
from .turns import turn_frame

# The extractor's name and version, stored with every claim set it makes (articles.extractor,
# extractions): bump the version whenever a change alters what `extract` returns for a stored
# text, so that `factcheck reextract` knows which articles an older extractor made.
EXTRACTOR = "factcheck.rules.v6"
_EDGE = " \t\n,;:-–—"
_LEADING_THAT = re.compile(r"(?:that|whether)\s+", re.IGNORECASE)
_QUOTE_CHARS = "“”\"‘’"
MAX_QUOTED_SENTENCES = 6  # how far back a quotation closed before its speaker may have opened
_TRAILING_COORDINATOR = re.compile(r"\s(?:and|but)$")
_AFTER_COORDINATOR = re.compile(r"\b(?:and|but|or)\s+$")
# what opens a clause after a "that" that introduces it: a pronoun, a determiner, a name ("that those
# emails", "that Trump"); a verb or a bare noun makes "that" the subject ("that is", "that group was")
_CLAUSE_AFTER_THAT = re.compile(r"(?:(?:he|she|they|it|we|i|you|there|the|a|an|his|her|their|its|our|my|this|these|"
                                r"those|some|many|no|all)\b|[A-Z])")
_COORDINATOR_LAST = ("d", "t", "\n")  # what ends a stretch _TRAILING_COORDINATOR matches ($ also matches before "\n")


def extract(text: str) -> Extraction:
    """Split `text` into sentences and claims, each claim tagged with its attribution, and list
    every attribution frame found (those whose content is no proposition included)."""
    sentences = split_sentences(text)
    furniture = read_furniture(sentences)
    tokens = Tokens(text)
    quote_marks = [tokens.all[k].start for k in tokens.marks(_QUOTE_CHARS)]
    resolver = PronounResolver()
    signed = signed_quotes(tokens)  # '"..." ― Steve Quinlan': frames that may span sentences
    signed_cues = [f.cue[0] for f in signed]
    claims: list[Claim] = []
    frames: list[_FrameRecord] = []
    announced = None  # "Cruz continued:" gives the next sentence its attribution: (attribution, frame)
    quoting = None    # the speaker of a quotation the last sentence held: (attribution, frame)
    speaking = None   # the speaker whose label opened the paragraph ("BENENSON: ..."): (attribution, frame)
    for index, sentence in enumerate(sentences):
        if sentence.kind != "sentence":
            announced = quoting = speaking = None
            if sentence.kind == "headline":  # no claims, but the attributions it makes are frames
                frames += [_FrameRecord(f, index) for f in headline_frames(tokens, sentence.start, sentence.end)]
            continue
        if speaking is not None and "\n" in text[sentences[index - 1].end:sentence.start]:
            speaking = None  # a speaker's turn ends with its paragraph
        turn = turn_frame(tokens, sentence.start, sentence.end)
        rest = turn.content[0][0] if turn is not None else sentence.start
        found, relays = nest(([turn] if turn is not None else []) + find_frames(tokens, rest, sentence.end))
        own = len(found)  # the sentence's own frames; after them, the signed quotations reaching into it
        signing = _signing(signed, signed_cues, sentence)
        found, relays = found + signing, relays + [None] * len(signing)
        records = [_FrameRecord(f, index) for f in found]
        # a signed quotation is listed once, with the sentence that holds its signature
        frames += records[:own] + [r for r in records[own:] if r.frame.cue[0] < sentence.end]
        frames += [_FrameRecord(f.relaying, index) for f in found[:own] if f.relaying is not None]
        attributions = [_attribution(text, frame, resolver, quote_marks, furniture.wire, sentence.end) for frame in found]
        attributions = [_relayed(text, a, found[j] if j is not None else None) for a, j in zip(attributions, relays)]
        if not found:
            resolver.notice_names(tokens.between(sentence.start, sentence.end))
        resolver.notice_mentions(tokens.between(sentence.start, sentence.end))
        asserting = [i for i, f in enumerate(found) if f.proposition]
        speaker = _closing_speaker(text, sentence, found, asserting)
        opened = _quotation_start(text, sentences, index) if speaker is not None else None
        if opened is not None:
            attributions[speaker] = replace(attributions[speaker], quoted=True)
        inherited = None
        if not asserting:
            inherited = quoting if _goes_on_quoting(text, sentences[index - 1], sentence) else announced or speaking
        if inherited is not None:
            inherited[1].content.append(_trim(text, sentence.start, sentence.end))
        writer = inherited[0] if inherited is not None else UNATTRIBUTED
        # a second verb of the subject that reports an act ("... and announced a campaign") is the
        # writer's, whatever frame its sentence opened with; ", citing safety concerns" only gives a
        # reason, and stays in its claim
        acts = [_writer_stretch(f) for f in found if f.keep_source and not f.proposition and f.content
                and text[f.cue[0]:f.cue[1]].lower() != CITING]
        owners = asserting + [None] * len(acts)
        for (start, end), owner in _owned_runs(sentence, [found[i] for i in asserting] + acts):
            owner = owners[owner] if owner is not None else None
            attribution = attributions[owner] if owner is not None else writer
            for clause_start, clause_end, words in _claim_bounds(tokens, start, end):
                # whom an opening "he" or "she" stands for (PronounResolver.stands_for); not in a quotation,
                # where it is someone other than the speaker
                subject = None if attribution.quoted or words[0].lower not in RESOLVED_PRONOUNS else resolver.stands_for(
                    attribution, tokens.between(sentence.start, clause_start),
                    tokens.between(sentences[index - 1].start, sentences[index - 1].end) if index else [])
                claims.append(_claim(tokens, clause_start, clause_end, words, index, attribution, subject))
        if opened is not None:  # '"A. B," X said.': A is X's too
            _give_back(claims, opened, index, attributions[speaker], records[speaker], sentences)
        announced = next(((attributions[i], records[i]) for i in asserting if not found[i].content), None)
        if turn is not None:
            speaking = (attributions[0], records[0])  # "Q: ...": the paragraph's next sentences are Q's too
        quoting = next(((attributions[i], records[i]) for i in asserting
                        if attributions[i].quoted and i < own),
                       inherited if writer.quoted else None)
    return Extraction(text, sentences, claims, furniture, [f.freeze(text) for f in frames])


def _closing_speaker(text: str, sentence: Sentence, found: list[Frame], asserting: list[int]) -> int | None:
    """The frame (an index into `found`) of a speaker named after a quotation that this sentence
    closes and an earlier one opened ('... falling," Mr. Lane said.'), or None."""
    if not quote_open_before(text, sentence.start):
        return None
    for i in asserting:
        frame = found[i]
        if frame.source and frame.content and frame.content[0][0] <= sentence.start + 1 < frame.source[0] \
                and any(mark in text[sentence.start:frame.source[0]] for mark in '”"'):
            return i
    return None


def _quotation_start(text: str, sentences: list[Sentence], index: int) -> int | None:
    """The sentence of the same paragraph, at most MAX_QUOTED_SENTENCES back, whose opening
    quotation mark the quotation still open at sentences[index] began with."""
    for j in range(index - 1, max(-1, index - 1 - MAX_QUOTED_SENTENCES), -1):
        here = sentences[j]
        if here.kind != "sentence" or "\n" in text[here.end:sentences[j + 1].start]:
            return None
        if here.text[:1] in '"“' and not quote_open_before(text, here.start):
            return j
    return None


def _give_back(claims: list[Claim], first: int, index: int, attribution: Attribution, record: "_FrameRecord",
               sentences: list[Sentence]) -> None:
    """Give the writer's claims of sentences first..index-1 the attribution of the speaker named
    at their quotation's end, and add those sentences to the speaker's frame."""
    for k in range(len(claims) - 1, -1, -1):
        claim = claims[k]
        if claim.sentence < first:
            break
        if claim.sentence < index and claim.attribution.kind == UNATTRIBUTED.kind:
            given = replace(attribution, hedged=attribution.hedged or claim.attribution.hedged)
            claims[k] = replace(claim, attribution=given)
    record.content[:0] = [(sentences[j].start, sentences[j].end) for j in range(first, index)]


def _signing(signed: list[Frame], cues: list[int], sentence: Sentence) -> list[Frame]:
    """The signed quotations whose signature is in or after the sentence and whose content
    reaches into it."""
    found = []
    for k in range(bisect_left(cues, sentence.start), len(signed)):
        if signed[k].content[0][0] >= sentence.end:
            break
        found.append(signed[k])
    return found


class _FrameRecord:
    """A frame as found, whose content may still grow by the sentences that go on with it."""

    def __init__(self, frame: Frame, sentence: int) -> None:
        self.frame, self.sentence, self.content = frame, sentence, list(frame.content)

    def freeze(self, text: str) -> model.Frame:
        frame = self.frame
        return model.Frame(Span.of(text, *frame.cue), Span.of(text, *frame.source) if frame.source else None,
                          tuple(self.content), frame.kind, self.sentence)


def _writer_stretch(frame: Frame) -> Frame:
    """A stand-in frame that gives the writer the cue and content of an act the subject did."""
    start, end = frame.cue[0], frame.content[-1][1]
    return Frame((start, start), None, [(start, end)])


def _goes_on_quoting(text: str, previous: Sentence, sentence: Sentence) -> bool:
    """Whether `sentence` goes on with the quotation of the sentence before, in one paragraph:
    '"A," said X. "B."' or 'X said: "A. B."' (B is X's too)."""
    if "\n" in text[previous.end:sentence.start]:
        return False
    return sentence.text[:1] in '"“' or quote_open_before(text, sentence.start)


def _attribution(text: str, frame: Frame, resolver: PronounResolver, quote_marks: list[int],
                 wire: str | None, sentence_end: int) -> Attribution:
    """The attribution a frame gives; "told The Associated Press" in a report the AP carries
    names the publishing outlet, not a relay."""
    source_span = Span.of(text, *frame.source) if frame.source else None
    name, kind = None, "anonymous"
    if source_span is not None:
        limit = frame.cue[0] if frame.cue[0] > source_span.end else sentence_end
        name, kind = resolver.attribute(text, source_span.start, source_span.end, limit)
    quoted = any(bisect_left(quote_marks, s) < bisect_left(quote_marks, e) for s, e in frame.content)
    return Attribution(kind=kind, source=name, source_span=source_span,
                       cue_span=Span.of(text, *frame.cue), quoted=quoted,
                       hedged=source_span is None or cue_hedges(text[frame.cue[0]:frame.cue[1]]),
                       relayed_by=None if same_outlet(frame.relayed_by, wire) else frame.relayed_by)


def _relayed(text: str, attribution: Attribution, outer: Frame | None) -> Attribution:
    """An attribution passed on by the source of `outer`, as written ("a police source"); no one
    relays themselves ("said the engineer, who added that ...")."""
    if outer is None or outer.source is None or attribution.relayed_by:
        return attribution
    relay = text[outer.source[0]:outer.source[1]]
    return attribution if relay == attribution.source else replace(attribution, relayed_by=relay)


def _owned_runs(sentence: Sentence, frames: list[Frame]):
    """Stretches of the sentence with the index of the frame that governs them (None: the writer).

    A stretch belongs to the innermost frame whose content covers it; a frame's own words
    (cue, source, object) belong to the frame around it, or to no claim at all, except those
    inside an interrupted claim ("The blaze, officials said, broke out ..."), which stay in it.
    One sweep over the frames' edges: linear in the frames, however many a sentence holds.
    """
    events: list[tuple[int, int, int, int]] = []  # (offset, +1 opens / -1 closes, role, frame)
    for i, frame in enumerate(frames):
        content = frame.content
        if frame.interrupted:
            content = [(content[0][0], content[-1][1])]
        spans = [(span, _CONTENT) for span in content]
        spans += [(span, _WORDS) for span in frame.words if not frame.interrupted
                  or not content[0][0] <= span[0] < content[0][1]]
        for (start, end), role in spans:
            start, end = max(start, sentence.start), min(end, sentence.end)
            if start < end:
                events += [(start, 1, role, i), (end, -1, role, i)]
    events.sort()
    reach = [sum(end - start for start, end in f.content) for f in frames]
    words_open: dict[int, int] = {}
    words_total = 0
    content_open = [0] * len(frames)
    kept_sources = 0  # open words of participial or coordinated frames: nobody's content
    innermost: list[tuple[int, int]] = []  # heap of (reach, frame) with open content
    runs: list[tuple[int, int, int | None]] = []
    cursor, k = sentence.start, 0
    while cursor < sentence.end:
        while k < len(events) and events[k][0] <= cursor:
            _, step, role, i = events[k]
            k += 1
            if role == _CONTENT:
                content_open[i] += step
                if step > 0:
                    heapq.heappush(innermost, (reach[i], i))
            else:
                words_open[i] = words_open.get(i, 0) + step
                words_total += step
                kept_sources += step if frames[i].keep_source else 0
        following = events[k][0] if k < len(events) else sentence.end
        following = min(following, sentence.end)
        owner = "drop" if kept_sources else _innermost(innermost, content_open, words_open, words_total, frames, cursor)
        if owner != "drop":
            if runs and runs[-1][2] == owner and runs[-1][1] == cursor:
                runs[-1] = (runs[-1][0], following, owner)
            else:
                runs.append((cursor, following, owner))
        cursor = following
    return [((start, end), owner) for start, end, owner in runs]


_CONTENT, _WORDS = 0, 1


def _innermost(heap: list[tuple[int, int]], content_open: list[int], words_open: dict[int, int], words_total: int,
               frames: list[Frame], at: int):
    """The frame with the least reach whose content is open here and whose own words are not;
    "drop" for a frame's own words with no content around them; None for the writer's text."""
    while heap and content_open[heap[0][1]] <= 0:
        heapq.heappop(heap)  # closed since it was pushed
    skipped, owner = [], None
    while heap:
        entry = heap[0]
        if content_open[entry[1]] <= 0:
            heapq.heappop(heap)
        elif words_open.get(entry[1], 0) > 0:
            skipped.append(heapq.heappop(heap))
        else:
            owner = entry[1]
            break
    for entry in skipped:
        heapq.heappush(heap, entry)
    if owner is None and words_total > 0:
        return "drop"
    if owner is not None and words_total > 0 and any(open_words > 0 and i != owner and _nested(frames[i], frames[owner], at)
                                                     for i, open_words in words_open.items()):
        return "drop"  # "[Police believe] the ferry sank, according to X": a nested frame's words; the relay says it
    return owner


def _nested(inner: Frame, outer: Frame, at: int) -> bool:
    """Whether the offset `at` is in the source or cue of `inner`, a frame whose cue lies in
    `outer`'s content: a frame reported inside another."""
    own = (inner.cue, inner.source) if inner.source else (inner.cue,)
    return any(start <= at < end for start, end in own) and any(start <= inner.cue[0] < end
                                                                for start, end in outer.content)


def _claim_bounds(tokens: Tokens, start: int, end: int) -> list[tuple[int, int, list]]:
    """The clauses of a run, trimmed of frame punctuation and a leading "that", with their words."""
    text = tokens.text
    start, end = _trim(text, start, end)
    that = _LEADING_THAT.match(text, start, end)
    if that and end - that.end() > 0:
        start = that.end()
    bounds = []
    for clause_start, clause_end in split_clauses(tokens, start, end):
        clause_start, clause_end = _trim(text, clause_start, clause_end)
        that = _LEADING_THAT.match(text, clause_start, clause_end) if clause_start > start else None
        if that and clause_end - that.end() > 0 and _AFTER_COORDINATOR.search(text, max(0, clause_start - 5), clause_start) \
                and _CLAUSE_AFTER_THAT.match(text, that.end()):
            clause_start = that.end()  # "told reporters that A and that the search went on"; not "and that didn't work"
        words = tokens.words(clause_start, clause_end)
        if words:
            bounds.append((clause_start, clause_end, words))
    return bounds


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop frame punctuation, a final full stop, a coordinator left before a frame and quotation
    marks around the claim (not those inside it: `it was "potentially linked" to the work`)."""
    while True:
        before = (start, end)
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and (text[end - 1] in _EDGE or text[end - 1] == "."):
            end -= 1
        if end > start + 1 and text[end - 1] == "'" and text[end:end + 1] == "'":
            end -= 1  # half of a closing "''" the frame left behind
        start, end = _unquote(text, start, end)
        coordinator = (_TRAILING_COORDINATOR.search(text, max(start, end - 8), end)
                       if text[end - 1:end] in _COORDINATOR_LAST else None)  # the search only where it can match
        if coordinator and coordinator.start() > start:
            end = coordinator.start()  # "The bridge gave way, and [police said ...]"
        if (start, end) == before:
            return start, end


def _unquote(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a quotation mark at either edge that has no partner inside text[start:end]; two
    apostrophes ("''The race is over,''", as some archives print quotes) are one mark."""
    piece = text[start:end]
    if piece[:1] in "‘'" and piece[1:2].isalpha():  # a single quotation mark opens it ("'Trains stopped,' he said")
        closes = piece[-1:] in "’'" and piece[-2:-1] not in "s'"  # not the apostrophe of "the players'"
        return start + 1, end - 1 if closes and len(piece) > 2 else end
    if piece.startswith("''") or piece.endswith("''"):
        doubled = piece.count("''")
        if len(piece) > 4 and piece.startswith("''") and piece.endswith("''") and doubled == 2:
            return start + 2, end - 2
        if doubled % 2:
            return (start + 2, end) if piece.startswith("''") else (start, end - 2)
    if start >= end or (text[start] not in '"“' and text[end - 1] not in '"”'):
        return start, end  # no quotation mark at an edge: nothing to count
    straight, opening, closing = piece.count('"'), piece.count("“"), piece.count("”")
    wrapped = piece[0] in '"“' and piece[-1] in '"”' and straight + opening + closing == 2
    if wrapped:
        return start + 1, end - 1
    if (piece[0] == '"' and straight % 2) or (piece[0] == "“" and opening > closing):
        return start + 1, end
    if (piece[-1] == '"' and straight % 2) or (piece[-1] == "”" and closing > opening):
        return start, end - 1
    return start, end


def _claim(tokens: Tokens, start: int, end: int, words: list, sentence: int, attribution: Attribution,
           subject: str | None) -> Claim:
    if not attribution.hedged and words_hedge(words):
        attribution = replace(attribution, hedged=True)
    return Claim(start, end, tokens.text[start:end], sentence, attribution, subject)
