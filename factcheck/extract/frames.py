"""Find attribution frames in a sentence: who (source), how (cue) and what (content ranges).

A frame is found around a cue word and takes one of these shapes:
  leading      "Witnesses said the shooter fled ..."      content after the cue
  trailing     "Seven people ..., Manuel Valls said."     content before the source
  inverted     "'...,' said Caddell."                     source after the cue, content before (inverted.py)
  interrupted  "The attack, the minister said, was ..."    content on both sides
  participial  "..., calling them 'armed and dangerous.'"  source is the main clause's subject
  according    "according to X" anywhere in the sentence
"""
from __future__ import annotations

from itertools import takewhile

from bisect import bisect_left

from .subjects import (adverbs_start, aside_before, aside_closing, closing_comma, coordinated_subject, main_subject,
                       opens_aside)
from .appositives import appositive_frame, parenthetical_frame, relative_opening
from .content import CLAUSE, NOUN_PHRASE, before_kind, content_kind, has_verb
from .frame import Frame
from .frame_gate import features as gate_features, keeps
from .inverted import inverted_frame
from .learned_frames import learned_frame, second_opinion
from .cues import CUE, PARTICLES, RAISING, cue_level, cue_strength, inside_quotes, maybe_cue_words
from .lexicon import AUXILIARIES, BE_FORMS, DETERMINERS, INVERTING, NOT_IN_SOURCE, PARTICIPLES, SUBJECT_PRONOUNS
from .phrases import (ANONYMITY_TAILS, CLAUSE_OPENERS, CLOSERS, MAX_SOURCE_TOKENS, MIN_NOUN_CONTENT_RATE, OPEN_QUOTES,
                      PREPOSITIONS, QUOTES, SENTENCE_LINKS, anonymity_tail, clause_at, content_end, content_follows, is_adverb,
                      is_adverbial, is_verb, prefix_content, sentence_run, source_start, time_tail, verb_group_start)
from .questions import asked_frame, put_to
from .raising import raising_frame
from .source_model import SentenceFacts
from .sources import source_kind
from .statements import joined_statements
from .tokens import Token, Tokens, lookahead, starts_within, words_follow
from .told import content_start
from .citing import CITING, cited

MAX_CUES_PER_SENTENCE = 64  # cue words looked at in one sentence: bounds a pathological "sentence"
MAX_INTRODUCTION_TOKENS = 16  # "In a statement on Tuesday night, police said": cut as the frame's
FALLBACK_CUE_RATE = 0.6      # a cue this likely gets a frame even when no shape fits
MAX_ADJUNCT_WORDS = 6        # '"...," X said in a telephone interview on Monday.': cut, no claim

_WEAK = "weak"  # a cue word too unlikely for a sure frame
_LINKING_ADVERBS = frozenset("meanwhile however though too also instead likewise meantime nevertheless nonetheless "
                             "still moreover furthermore separately".split())
# "It is/was ... CUE that/whether": the words that report what is known, with nobody cited
_IMPERSONAL_CUES = frozenset("""clear unclear likely unlikely possible known unknown reported believed thought expected
understood said alleged claimed rumoured rumored feared suspected hoped estimated confirmed""".split())
_RELATIVES = frozenset("who whom whose which".split())  # a relative clause after a source describes it


def find_frames(article: Tokens, start: int, end: int) -> list[Frame]:
    """Every attribution frame in the sentence article.text[start:end], left to right."""
    found, unsourced = candidate_frames(article, start, end)
    kept = [frame for frame, sure, feats in found if sure or keeps(feats)]
    spans = [span for frame in kept for span in (frame.cue, frame.source, *frame.content) if span]
    free = [f for f in unsourced if not any(s <= f.cue[0] < e for s, e in spans)]
    kept = joined_statements(article.text, kept)
    if CITING in article.text[start:end].lower():  # "..., the paper reported, citing a port official"
        sentence = article.between(start, end)
        kept = [cited(article.text, sentence, frame) for frame in kept]
        citing = {frame.cue for frame in kept if frame.relaying is not None}  # now in a report's frame
        kept = [frame for frame in kept if frame.relaying is not None or frame.cue not in citing]
    return sorted(kept + free[:1], key=lambda frame: frame.cue[0])


def candidate_frames(article: Tokens, start: int, end: int):
    """The frames the rules and the source tagger find in the sentence as (frame, sure, features):
    a rule's frame whose content is a proposition is sure (it gives claims their source, and the
    rules were written for it); the frame gate judges the others by their features. Then the
    sourceless frames ("is expected to"), kept unless inside another frame's words. A sure
    frame's features are None."""
    first, last = article.indices(start, end)
    cue_words = article.positions(maybe_cue_words())  # the article's words that may be cues: no other is
    cue_words = cue_words[bisect_left(cue_words, first):bisect_left(cue_words, last)]
    if not any(article.all[k].is_word for k in cue_words):
        return [], []
    tokens = sentence_run(article.all[first:last])
    quoted = None  # which tokens stand inside a quotation, found when a cue first asks
    frames: list[Frame] = []
    found: list[tuple[Frame, bool, list[str] | None]] = []
    unsourced: list[Frame] = []  # "is expected to": kept where no other frame holds it
    taken: set[int] = set()  # the start offsets of the tokens of frames found so far
    budget = MAX_CUES_PER_SENTENCE
    facts = None  # the learned tagger's counts over the sentence, found when first needed
    for k in cue_words:
        i = k - first  # the word's index in the sentence
        token = tokens[i]
        word = token.lower
        if word == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
            make = _according_frame
        elif word in RAISING:
            make = raising_frame
        elif word == "asked" and put_to(tokens, i):
            make = asked_frame
        else:
            level = cue_level(tokens, i)
            if not level:
                continue
            make = None if level == CUE else _WEAK  # a weak cue: the rules may read a frame, the gate judges it
        budget -= 1
        if budget < 0:
            break  # no real sentence holds this many cues: the rest of it stays as written
        if quoted is None:
            quoted = inside_quotes(article.text, start, tokens)
        if quoted[i] or token.start in taken:
            continue  # a reporting verb inside a quotation belongs to the quoted speaker
        if make is raising_frame:
            unsourced += [f for f in [raising_frame(tokens, i)] if f is not None]
            continue
        origin = "according"
        if make is _according_frame:
            frame = _according_frame(tokens, i)
        elif make is asked_frame:
            origin, frame = "asked", asked_frame(tokens, i)
        elif make is _WEAK:
            origin, frame = "weak", _verb_frame(tokens, i, frames[-1].source if frames else None)
        else:
            origin = "verb"
            frame = _verb_frame(tokens, i, frames[-1].source if frames else None)
            if frame is None and opens_aside(tokens, verb_group_start(tokens, i)):
                continue  # "De Blasio, speaking on WOR710, called ...": the aside describes the subject
            if frame is None:
                origin, frame = "fallback", _fallback_frame(tokens, i)
            if frame is None:
                facts = facts or SentenceFacts(tokens)
                origin, frame = "learned", learned_frame(tokens, i, facts)
        if origin == "verb" and frame is not None and frame.source and not frame.keep_source:
            facts = facts or SentenceFacts(tokens)
            frame.source, frame.tagger = second_opinion(tokens, i, facts, frame.source)
        if frame is not None and frames and frames[-1].cue[1] > frame.cue[0]:
            frame = None  # "declined to comment": the verb group takes in the cue before it
        if frame is not None:
            sure = origin == "asked" or frame.proposition and origin not in ("learned", "weak")
            feats = gate_features(tokens, i, frame, origin, len(frames)) if not sure else None
            found.append((frame, sure, feats))
            frames.append(frame)
            taken.update(starts_within(tokens, frame.words))
    return found, unsourced


def _verb_frame(tokens: list[Token], i: int, previous_source: tuple[int, int] | None) -> Frame | None:
    """The frame around the cue verb at i; `previous_source` is the sentence's last source so far."""
    verb = tokens[i]
    rate = cue_strength(tokens, i)
    first = verb_group_start(tokens, i)
    if any(t.lower in BE_FORMS for t in tokens[first:i]) and verb.lower.endswith(("ed", "en", "ld", "wn")):
        return None  # "had been called", "was told": a passive, not someone speaking
    last = i + 1 if i + 1 < len(tokens) and tokens[i + 1].lower in PARTICLES else i  # "pointed out"
    cue = (tokens[first].start, tokens[last].end)
    before = tokens[first - 1] if first > 0 else None
    participle = verb.lower in PARTICIPLES or verb.lower.endswith("ing")
    closing = aside_closing(tokens, adverbs_start(tokens, first) - 1) if participle else None
    if closing is not None:
        # "Trump, later alleging that ..., said": the aside's words are its content; "speaking on WOR710" has none
        frame = _participial_frame(tokens, i, cue, previous_source, closing)
        return frame if frame is not None and _explicit_clause(tokens, i + 1) else None
    if participle and before is not None and before.text == ",":
        return _participial_frame(tokens, i, cue, previous_source)
    if verb.lower in INVERTING and before is not None and before.text in CLOSERS:
        inverted = inverted_frame(tokens, i, cue, first)
        if inverted is not None:
            return inverted
    aside = aside_before(tokens, first - 1) if before is not None and before.text == "," else None
    if aside is None and first >= 3 and before.text == "," and tokens[first - 3].text == "," \
            and tokens[first - 2].lower in _LINKING_ADVERBS:
        aside = first - 3  # "Rail bosses, meanwhile, insist": the adverb links the sentence, names no one
    if aside is not None:  # "Sen. Marco Rubio, R-Fla., appearing on Fox News, said": the aside is cut
        appositive = appositive_frame(tokens, i, aside + 1, cue)
        if appositive is not None:
            appositive.cut.append((tokens[aside].start, cue[0]))
            return appositive
    if before is not None and before.text == "," and aside is None:
        opening = relative_opening(tokens, first)  # "Slinker, whose start-up, Paradata, uses ..., said"
        appositive = (opening is not None and parenthetical_frame(tokens, i, first, cue, opening)
                      or appositive_frame(tokens, i, first, cue) or parenthetical_frame(tokens, i, first, cue))
        if appositive is not None:
            return appositive
    if before is not None and first > 1 and (before.lower in ("and", "but") or before.lower == "then" and first > 2
                                             and tokens[first - 2].lower in ("and", ",", "but")):
        return _coordinated_frame(tokens, i, first, cue)  # "... and said", "..., then says"
    tail = anonymity_tail(tokens, first) if aside is None else 0  # "An official who asked not to be named said"
    subject_end = first - 1 - tail if aside is None else _before_brackets(tokens, aside - 1)  # "De Blasio, speaking ..."
    bracket = None  # "Sen. Lindsey Graham (R-S.C.) said": the tag is part of the source
    if aside is None and not tail and subject_end > 0 and tokens[subject_end].text == ")":
        bracket, subject_end = subject_end, _before_brackets(tokens, subject_end)
    while subject_end > 0 and is_adverb(tokens[subject_end]):
        subject_end -= 1  # "Cuban also complained": the adverb is neither source nor cue
    if not tail:
        subject_end -= time_tail(tokens, subject_end + 1)  # "Jindal on Monday said": nor is the day
    before = tokens[subject_end] if first > 0 else None
    if (before is None or not before.is_word or before.lower in NOT_IN_SOURCE - SUBJECT_PRONOUNS
            or before.lower in PREPOSITIONS or is_verb(before)):
        return None
    first = subject_end + 1

    subject_from = source_start(tokens, first)
    if subject_from is None:
        return None
    if tokens[first - 1].lower.endswith(("’s", "'s")):
        return None  # "Kerry's announcement": a possessive before a noun, not a subject
    source = (tokens[subject_from].start, tokens[bracket if bracket is not None else first - 1 + tail].end)
    expletive = first - subject_from == 1 and tokens[subject_from].lower == "it" and any(
        t.lower in BE_FORMS for t in tokens[first:i])  # "It was not immediately clear whether ...": nobody is cited
    if expletive and verb.lower not in _IMPERSONAL_CUES:
        return None  # "It is necessary to show ...": the writer's own words
    content_from, relayed_by, cut = content_start(tokens, last)
    if not tail and bracket is None and tokens[first].start < cue[0]:
        cut.append((tokens[first].start, cue[0]))
    if expletive:
        source, cut = None, cut + [(tokens[subject_from].start, tokens[subject_from].end)]
    prefix = prefix_content(tokens, subject_from)
    rest = lookahead(tokens, content_from)
    rest_words = [t for t in rest if t.is_word]
    if prefix is not None and (not rest_words or rest[0].text == "," or is_adverbial(rest)):
        interrupted = rest and rest[0].text == "," and len(rest_words) >= 3 and not is_adverbial(rest)
        content = [prefix] + ([(rest[1].start, tokens[-1].end)] if interrupted else [])
        if rest_words and rest[0].is_word and is_adverbial(rest) and len(rest_words) <= MAX_ADJUNCT_WORDS:
            cut.append((rest[0].start, rest_words[-1].end))  # '"...," Stone said in an interview.
        one_claim = bool(interrupted) and not has_verb(tokens, 0, subject_from)
        return Frame(cue, source, content, cut, relayed_by, kind=before_kind(tokens), interrupted=one_claim)
    if (subject_from > 1 and rest and rest[0].text == "," and len(rest_words) >= 2
            and tokens[subject_from - 1].text == ","):
        # "Mr. Obama, officials said, has become ...": a short subject, interrupted
        return Frame(cue, source, [(tokens[0].start, tokens[subject_from - 2].end),
                                   (rest[1].start, tokens[-1].end)], cut, relayed_by,
                     kind=before_kind(tokens), interrupted=not has_verb(tokens, 0, subject_from))
    reporter = _reports_or_records(tokens, subject_from, first)
    if reporter:
        rate = max(rate, MIN_NOUN_CONTENT_RATE)  # "Live French television showed ...", "the poll found ..."
    if not rest and content_from > 0 and tokens[content_from - 1].text == ":" and subject_from == 0:
        return Frame(cue, source, [], cut, relayed_by)  # "Cruz continued:" - the next sentence says what
    if len(rest_words) < 2 or not content_follows(tokens, content_from, rate):
        return None
    kind = content_kind(tokens, i, content_from)
    if kind == NOUN_PHRASE and reporter:
        kind = CLAUSE  # "Live television showed [flames on the roof]": what the record shows
    if 0 < subject_from <= MAX_INTRODUCTION_TOKENS and (tokens[subject_from - 1].text == "," or all(
            t.lower in SENTENCE_LINKS for t in tokens[:subject_from])):  # "But police said": "But" is no claim
        # an introduction ("However,", "On Thursday,") belongs to the frame; what else comes
        # before the source ("The bridge gave way, and police said") is the writer's
        cut.append((tokens[0].start, tokens[subject_from - 1].end))
        relayed_by = relayed_by or _interviewed_by(tokens[:subject_from - 1])
    return Frame(cue, source, [(rest[0].start, _relative_content_end(tokens, subject_from, content_from))], cut,
                 relayed_by, kind=kind)


def _interviewed_by(intro: list[Token]) -> str | None:
    """The outlet an introduction names as the one spoken to ("In an interview with CNN,", "Speaking
    to the BBC,"): the claim is relayed by it."""
    words = [t for t in intro if t.is_word]
    lower = [t.lower for t in words]
    for opening in (("in", "an", "interview", "with"), ("in", "an", "interview", "on"), ("speaking", "to")):
        if tuple(lower[:len(opening)]) == opening and len(words) > len(opening):
            rest = words[len(opening) + (lower[len(opening)] == "the"):]
            named = list(takewhile(lambda t: t.text[:1].isupper(), rest))  # "CNN" of "CNN on Sunday"
            return " ".join(t.text for t in named) or None
    return None


def _relative_content_end(tokens: list[Token], subject_from: int, content_from: int) -> int:
    """Where the content ends: at the comma closing a relative clause the frame stands in ("The mayor,
    who said the bridge was safe, resigned"), else where content_end says."""
    if subject_from > 0 and tokens[subject_from].lower in _RELATIVES and tokens[subject_from - 1].text == ",":
        closing = closing_comma(tokens, content_from)
        if closing is not None and closing > content_from:
            return tokens[closing - 1].end
    return content_end(tokens, content_from)


def _before_brackets(tokens: list[Token], end: int) -> int:
    """The last word before a bracketed tag ending at tokens[end] ("Sen. Roy Blunt (R-Mo.)"), else end."""
    if tokens[end].text != ")":
        return end
    for j in range(end - 1, max(0, end - 8), -1):
        if tokens[j].text == "(":
            return j - 1
    return end


def _explicit_clause(tokens: list[Token], k: int) -> bool:
    """Whether a quotation, "that" or a clause opens at k ("alleging that ...", "saying he ...")."""
    return k < len(tokens) and (tokens[k].text in OPEN_QUOTES or tokens[k].lower in CLAUSE_OPENERS
                                or clause_at(tokens, k))


def _reports_or_records(tokens: list[Token], start: int, end: int) -> bool:
    """Whether the subject tokens[start:end] is a medium or a document, whose verbs report."""
    return source_kind(" ".join(t.text for t in tokens[start:end])) in ("media", "document")


def _fallback_frame(tokens: list[Token], i: int) -> Frame | None:
    """For the surest cues ("said", "told") when no shape fits: the nearest noun phrase before it."""
    if cue_strength(tokens, i) < FALLBACK_CUE_RATE:
        return None
    end = i
    while end > 0 and (tokens[end - 1].lower in AUXILIARIES or is_adverb(tokens[end - 1])):
        end -= 1
    start = end
    while start > 0 and end - start < 6 and tokens[start - 1].is_word and tokens[start - 1].lower not in NOT_IN_SOURCE \
            and not is_verb(tokens[start - 1]) and tokens[start - 1].lower not in PREPOSITIONS:
        start -= 1
    if start == end:
        return None
    after = [tokens[j] for j in range(i + 1, len(tokens)) if tokens[j].is_word][:2] if words_follow(
        tokens, i + 1, 2) else []
    before = any(tokens[j].is_word for j in range(start))
    if len(after) >= 2:
        content, kind = [(after[0].start, tokens[-1].end)], content_kind(tokens, i, i + 1)
    elif before:
        content, kind = [(tokens[0].start, tokens[start - 1].end)], before_kind(tokens)
    else:
        return None
    return Frame((tokens[end].start, tokens[i].end), (tokens[start].start, tokens[end - 1].end), content,
                 kind=kind)


def _coordinated_frame(tokens: list[Token], i: int, first: int, cue: tuple[int, int]) -> Frame | None:
    """"Fields tweeted a photograph and said she had been yanked": the subject is the clause's."""
    subject = coordinated_subject(tokens, first - 1)
    content_from, relayed_by, cut = content_start(tokens, i)
    if subject is None or not words_follow(tokens, content_from, 2):
        return None
    if not content_follows(tokens, content_from, cue_strength(tokens, i)):
        return None
    subject_from = next((k for k in range(first) if tokens[k].start == subject[0]), 0)
    content = [(tokens[content_from].start, _relative_content_end(tokens, subject_from, content_from))]
    return Frame(cue, subject, content, cut, relayed_by, keep_source=True, kind=content_kind(tokens, i, content_from))


def _participial_frame(tokens: list[Token], i: int, cue: tuple[int, int],
                       previous_source: tuple[int, int] | None, end: int | None = None) -> Frame | None:
    """", calling them ...": the source is the sentence's speaker so far, else its main subject.
    The content runs to the sentence's end, or to tokens[end] (an aside's closing comma)."""
    k = i + 1
    last = tokens[-1] if end is None else tokens[end - 1]
    if k >= len(tokens) or k >= (end or len(tokens)) or not content_follows(tokens, k, cue_strength(tokens, i)) and not any(
            t.text in OPEN_QUOTES for t in tokens[k:]):
        return None
    subject = previous_source or main_subject(tokens, i)
    if subject is None:
        return None
    return Frame(cue, subject, [(tokens[k].start, last.end)], keep_source=True, kind=content_kind(tokens, i, k))


def _anonymity_after(tokens: list[Token], end: int) -> int | None:
    """The end of ", who asked not to be named" (any of ANONYMITY_TAILS) at tokens[end], else None."""
    if end + 2 >= len(tokens) or tokens[end].text != "," or tokens[end + 1].lower != "who":
        return None
    words = tuple(t.lower for t in tokens[end + 2:end + 2 + max(map(len, ANONYMITY_TAILS))])
    tail = next((t for t in ANONYMITY_TAILS if words[:len(t)] == t), None)
    return end + 2 + len(tail) if tail else None


def _according_frame(tokens: list[Token], i: int) -> Frame | None:
    k = i + 2
    end = k
    while end < len(tokens) and tokens[end].text not in ",;:.!?" and end - k < MAX_SOURCE_TOKENS:
        previous, word = tokens[end - 1], tokens[end].lower
        if end > k and word not in _RELATIVES and (word in CLAUSE_OPENERS or clause_at(tokens, end)
                                                   and previous.lower not in DETERMINERS and not previous.text[0].isupper()):
            break  # a name goes on ("according to a New Jersey Watchdog report released by ..."), so does "who ..."
        end += 1
    if end == k:
        return None
    cue = (tokens[i].start, tokens[i + 1].end)
    source = (tokens[k].start, tokens[end - 1].end)
    anonymous = _anonymity_after(tokens, end)  # "according to a local official, who asked not to be named"
    if anonymous:
        source, end = (source[0], tokens[anonymous - 1].end), anonymous
    content = []
    head = [t for t in tokens[:i] if t.is_word]
    if head:
        before = tokens[:i]
        while before and not before[-1].is_word and before[-1].text not in QUOTES:
            before.pop()
        content.append((before[0].start, before[-1].end))
    after = tokens[end + 1:] if end < len(tokens) and tokens[end].text in ",;:" else tokens[end:]
    if after and after[0].lower in _RELATIVES:  # "According to the mayor, who spoke on Monday, the dam held"
        comma = next((n for n, t in enumerate(after) if t.text == ","), None)
        after = after[comma + 1:] if comma is not None else []
    if sum(t.is_word for t in after) >= 2:
        content.append((after[0].start, after[-1].end))
    if not content:
        return None
    one_claim = len(content) == 2 and not has_verb(tokens, 0, i)  # "The fire, according to police, began ..."
    return Frame(cue, source, content, kind=before_kind(tokens) if head else CLAUSE, interrupted=one_claim)
