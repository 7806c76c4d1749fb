"""Find attribution frames in a sentence: who (source), how (cue) and what (content ranges).

A frame is found around a cue word and takes one of these shapes:
  leading      "Witnesses said the shooter fled ..."      content after the cue
  trailing     "Seven people ..., Manuel Valls said."     content before the source
  inverted     "'...,' said Caddell."                     source after the cue, content before
  interrupted  "The attack, the minister said, was ..."    content on both sides
  participial  "..., calling them 'armed and dangerous.'"  source is the main clause's subject
  according    "according to X" anywhere in the sentence
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .cue_model import cue_score
from .sources import source_kind
from .lexicon import (AUXILIARIES, DETERMINERS, DOCUMENT_WORDS, MEDIA_WORDS, INVERTING, IRREGULAR_PAST, NEGATIONS,
                      NOT_IN_SOURCE, OBJECT_PRONOUNS, PARTICIPLES, SUBJECT_PRONOUNS, TELL_VERBS,
                      cue_rate)

MIN_CUE_RATE = 0.4           # a word less likely than this to be a cue here is not one
MIN_REPORTER_CUE_RATE = 0.2  # ... or than this after a medium or a document ("television showed")
MIN_NOUN_CONTENT_RATE = 0.6  # a cue followed by a noun phrase, not a clause, must be this sure
FALLBACK_CUE_RATE = 0.6      # a cue this likely gets a frame even when no shape fits
MIN_MINED_RATE = 0.05        # words rarer than this as cues in train are never scored
CUE_SCORE_SCALE = 0.3        # the cue model's score times this, through a logistic, is a probability
MAX_SOURCE_TOKENS = 14
MAX_INTRO_WORDS = 6
QUOTE_LOOKBACK = 2000  # characters searched back for an open quotation: keeps huge paragraphs linear

_TOKEN = re.compile(r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|St|Jr|Sr|Rev|Hon)\.(?=\s)"
                    r"|(?:[A-Z]\.){1,3}(?=[\s,])|\w+(?:[’'.-]\w+)*|[^\w\s]")
_PLAIN_WORD = re.compile(r"\w+")
_OPEN_QUOTES = frozenset("“‘\"'")
_QUOTES = frozenset("“”‘’\"'")
_CLOSERS = frozenset(",;:—–()[]") | _QUOTES
_ADVERBS = frozenset("also long previously repeatedly already still once often later earlier "
                     "recently just further again now then since".split())
_CLAUSE_OPENERS = frozenset("that whether if how why what when where who".split())
_TIME_WORDS = frozenset("on in at last this yesterday today tonight earlier later during "
                        "after before late early monday tuesday wednesday thursday friday "
                        "saturday sunday morning evening week month year".split())
_CONCESSIVE = frozenset("though although but while".split())
_DASHES = frozenset("-–—")
_ARTICLES = frozenset("a an the this that these those his her its their our my your no".split())
# Verbs whose subject is part of the content and whose source goes unsaid: "X is expected to".
_RAISING = frozenset("seem seems seemed appear appears appeared expected".split())
_PASSIVE_AUX = frozenset("be been being is are was were".split())
_PREPOSITIONS = frozenset("of in on at for with by from into about over after before under "
                          "against between through during without".split())


class Token(NamedTuple):
    """A word or punctuation mark with its offsets; `lower` and `is_word` computed once."""

    start: int
    end: int
    text: str
    lower: str
    is_word: bool


@dataclass
class Frame:
    """One attribution in a sentence, as character ranges into the article text."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: list[tuple[int, int]]
    cut: list[tuple[int, int]] = field(default_factory=list)  # frame words, never content
    relayed_by: str | None = None
    keep_source: bool = False  # a participial frame's source is the main clause's subject

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


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Word and punctuation tokens of text[start:end], with their offsets."""
    return [Token(m.start(), m.end(), word, word.lower(), word[0].isalnum() or word[0] == "_")
            for m in _TOKEN.finditer(text, start, end) for word in (m.group(),)]


def find_frames(text: str, start: int, end: int) -> list[Frame]:
    """Every attribution frame in the sentence text[start:end], left to right."""
    if not _may_hold_cue(text[start:end]):
        return []
    tokens = tokenize(text, start, end)
    quoted = _inside_quotes(text, start, tokens)
    frames: list[Frame] = []
    unsourced: list[Frame] = []  # "is expected to": only where nobody in the sentence is cited
    taken: list[tuple[int, int]] = []  # the words of frames found so far
    for i, token in enumerate(tokens):
        word = token.lower
        if word == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
            make = _according_frame
        elif word in _RAISING:
            make = _raising_frame
        elif _is_cue_candidate(tokens, i):
            make = None
        else:
            continue
        if quoted[i] or any(s <= token.start < e for s, e in taken):
            continue  # a reporting verb inside a quotation belongs to the quoted speaker
        if make is _raising_frame:
            unsourced += [f for f in [_raising_frame(tokens, i)] if f is not None]
            continue
        if make is _according_frame:
            frame = _according_frame(tokens, i)
        else:
            frame = _verb_frame(tokens, i, frames[-1].source if frames else None) or _fallback_frame(tokens, i)
        if frame is not None:
            frames.append(frame)
            taken += frame.words
    return frames or unsourced[:1]


def _may_hold_cue(sentence: str) -> bool:
    """A cheap first look: does any word of the sentence ever serve as a cue?"""
    return any(cue_rate(w) >= MIN_MINED_RATE or w in _RAISING for w in _PLAIN_WORD.findall(sentence.lower()))


def _inside_quotes(text: str, start: int, tokens: list[Token]) -> list[bool]:
    """For each token, whether it stands inside a direct quotation."""
    depth = _open_quote_before(text, start)
    flags = []
    for token in tokens:
        closing_by_place = token.start > 0 and not text[token.start - 1].isspace() and (
            token.end == len(text) or text[token.end].isspace())
        if (token.text in "“‘" and not closing_by_place) or (token.text == '"' and not depth):
            flags.append(False)
            depth = True
        elif token.text in "”’“" or token.text == '"':
            flags.append(False)
            depth = False
        else:
            flags.append(depth)
    return flags


def _open_quote_before(text: str, start: int) -> bool:
    """Whether a quotation opened earlier in the paragraph is still open at `start`."""
    paragraph_start = max(text.rfind("\n", 0, start) + 1, start - QUOTE_LOOKBACK)
    before = text[paragraph_start:start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _raising_frame(tokens: list[Token], i: int) -> Frame | None:
    """"Trump is expected to deliver ...", "Christie appeared to end ...": a cue with no source."""
    first = i
    if tokens[i].lower == "expected":
        if i == 0 or tokens[i - 1].lower not in _PASSIVE_AUX:
            return None
        first = i - 1
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if following is None or following.lower != "to" or first == 0 or not tokens[first - 1].is_word:
        return None
    cue = (tokens[first].start, tokens[i].end)
    return Frame(cue, None, [(tokens[0].start, tokens[first - 1].end), (following.start, tokens[-1].end)])


def _could_be_cue(tokens: list[Token], i: int) -> bool:
    """Whether tokens[i] is a word the cue model should score at all."""
    token = tokens[i]
    word = token.lower
    if cue_rate(word) < MIN_MINED_RATE or not token.is_word or (i > 0 and token.text[0].isupper()):
        return False
    if (word in NOT_IN_SOURCE or word in _ADVERBS or word in DETERMINERS or word in _PREPOSITIONS
            or word.endswith("ly")):
        return False
    following = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    preceding = tokens[i - 1].lower if i > 0 else ""
    # "no suggestion", "the statement": a noun, not a cue verb; "named by police": a passive.
    return following != "by" and preceding not in _ARTICLES


def training_candidates(text: str):
    """(tokens, i) for every word of `text` the cue model scores: what scripts/train_cues.py learns on."""
    from .segment import split_sentences
    for sentence in split_sentences(text):
        tokens = tokenize(text, sentence.start, sentence.end)
        quoted = _inside_quotes(text, sentence.start, tokens)
        for i in range(len(tokens)):
            if not quoted[i] and _could_be_cue(tokens, i):
                yield tokens, i


def _strength(tokens: list[Token], i: int) -> float:
    """How likely tokens[i] is a cue here, 0..1: the cue model's score through a logistic."""
    return 1.0 / (1.0 + math.exp(-CUE_SCORE_SCALE * cue_score(tokens, i)))


def _is_cue_candidate(tokens: list[Token], i: int) -> bool:
    if not _could_be_cue(tokens, i):
        return False
    reporter = i > 0 and (tokens[i - 1].lower in MEDIA_WORDS or tokens[i - 1].lower in DOCUMENT_WORDS)
    return _strength(tokens, i) >= (MIN_REPORTER_CUE_RATE if reporter else MIN_CUE_RATE)


def _verb_frame(tokens: list[Token], i: int, previous_source: tuple[int, int] | None) -> Frame | None:
    """The frame around the cue verb at i; `previous_source` is the sentence's last source so far."""
    verb = tokens[i]
    rate = _strength(tokens, i)
    first = _verb_group_start(tokens, i)
    if any(t.lower in _PASSIVE_AUX for t in tokens[first:i]) and verb.lower.endswith(("ed", "en", "ld", "wn")):
        return None  # "had been called", "was told": a passive, not someone speaking
    cue = (tokens[first].start, verb.end)
    before = tokens[first - 1] if first > 0 else None
    if (verb.lower in PARTICIPLES or verb.lower.endswith("ing")) and before is not None and before.text == ",":
        return _participial_frame(tokens, i, cue, previous_source)
    if verb.lower in INVERTING and before is not None and before.text in _CLOSERS:
        inverted = _inverted_frame(tokens, i, cue, first)
        if inverted is not None:
            return inverted
    if before is not None and before.text == ",":
        appositive = _appositive_frame(tokens, i, first, cue) or _parenthetical_frame(tokens, i, first, cue)
        if appositive is not None:
            return appositive
    if before is not None and before.lower in ("and", "but") and first > 1:
        return _coordinated_frame(tokens, i, first, cue)
    subject_end = first - 1
    while subject_end > 0 and _is_adverb(tokens[subject_end]):
        subject_end -= 1  # "Cuban also complained": the adverb is neither source nor cue
    before = tokens[subject_end] if first > 0 else None
    if (before is None or not before.is_word or before.lower in NOT_IN_SOURCE - SUBJECT_PRONOUNS
            or before.lower in _PREPOSITIONS or _is_verb(before)):
        return None
    first = subject_end + 1

    source_start = _source_start(tokens, first)
    if source_start is None:
        return None
    if tokens[first - 1].lower.endswith(("’s", "'s")):
        return None  # "Kerry's announcement": a possessive before a noun, not a subject
    source = (tokens[source_start].start, tokens[first - 1].end)
    content_from, relayed_by, cut = _content_start(tokens, i)
    if tokens[first].start < cue[0]:
        cut.append((tokens[first].start, cue[0]))
    prefix = _prefix_content(tokens, source_start)
    rest = tokens[content_from:]
    rest_words = [t for t in rest if t.is_word]
    if prefix is not None and (not rest_words or rest[0].text == "," or _is_adverbial(rest)):
        interrupted = rest and rest[0].text == "," and len(rest_words) >= 3 and not _is_adverbial(rest)
        content = [prefix] + ([(rest[1].start, tokens[-1].end)] if interrupted else [])
        return Frame(cue, source, content, cut, relayed_by)
    if (source_start > 1 and rest and rest[0].text == "," and len(rest_words) >= 2
            and tokens[source_start - 1].text == ","):
        # "Mr. Obama, officials said, has become ...": a short subject, interrupted
        return Frame(cue, source, [(tokens[0].start, tokens[source_start - 2].end),
                                   (rest[1].start, tokens[-1].end)], cut, relayed_by)
    if _reports_or_records(tokens, source_start, first):
        rate = max(rate, MIN_NOUN_CONTENT_RATE)  # "Live French television showed ...", "the poll found ..."
    if len(rest_words) < 2 or not _content_follows(tokens, content_from, rate):
        return None
    if source_start > 0:  # an introduction ("However,") belongs to the frame, not to a claim
        cut.append((tokens[0].start, tokens[source_start - 1].end))
    return Frame(cue, source, [(rest[0].start, _content_end(tokens, content_from))], cut, relayed_by)


def _reports_or_records(tokens: list[Token], start: int, end: int) -> bool:
    """Whether the subject tokens[start:end] is a medium or a document, whose verbs report."""
    return source_kind(" ".join(t.text for t in tokens[start:end])) in ("media", "document")


def _fallback_frame(tokens: list[Token], i: int) -> Frame | None:
    """For the surest cues ("said", "told") when no shape fits: the nearest noun phrase before it."""
    if _strength(tokens, i) < FALLBACK_CUE_RATE:
        return None
    end = i
    while end > 0 and (tokens[end - 1].lower in AUXILIARIES or _is_adverb(tokens[end - 1])):
        end -= 1
    start = end
    while start > 0 and end - start < 6 and tokens[start - 1].is_word and tokens[start - 1].lower not in NOT_IN_SOURCE \
            and not _is_verb(tokens[start - 1]) and tokens[start - 1].lower not in _PREPOSITIONS:
        start -= 1
    if start == end:
        return None
    after = [t for t in tokens[i + 1:] if t.is_word]
    before = [t for t in tokens[:start] if t.is_word]
    if len(after) >= 2:
        content = [(after[0].start, tokens[-1].end)]
    elif before:
        content = [(tokens[0].start, tokens[start - 1].end)]
    else:
        return None
    return Frame((tokens[end].start, tokens[i].end), (tokens[start].start, tokens[end - 1].end), content)


def _appositive_frame(tokens: list[Token], i: int, first: int, cue: tuple[int, int]) -> Frame | None:
    """"..., the mayor of Montrouge, Pierre Brossollette, told AFP." and "Clinton, the nominee, said ..."."""
    commas = [j for j in range(first - 1, -1, -1) if tokens[j].text == ","][:2]
    if len(commas) < 2:
        return None
    name = tokens[commas[1] + 1:commas[0]]
    relative = bool(name) and name[0].lower in ("who", "whose")
    if not name or (len(name) > 8 or not _plain_phrase(name)) and not (relative and len(name) <= 25):
        return None
    head_start = commas[1]
    while (head_start > 0 and commas[1] - head_start < 8 and tokens[head_start - 1].is_word
           and _plain_phrase([tokens[head_start - 1]])):
        head_start -= 1
    head = tokens[head_start:commas[1]]
    if not head or head[0].text[0].islower() and head[0].lower not in DETERMINERS:
        return None
    source = (head[0].start, name[-1].end)
    content_from, relayed_by, cut = _content_start(tokens, i)
    if head_start > 0 and tokens[head_start - 1].text in _CLOSERS:  # trailing: "..., the mayor, X, told AFP."
        prefix = tokens[:head_start - 1]
        if not any(_is_verb(t) for t in prefix):
            return None
        return Frame(cue, source, [(prefix[0].start, prefix[-1].end)], cut, relayed_by)
    rest = tokens[content_from:]
    if sum(t.is_word for t in rest) < 2 or not _content_follows(tokens, content_from, _strength(tokens, i)):
        return None
    return Frame(cue, source, [(rest[0].start, _content_end(tokens, content_from))], cut, relayed_by)


def _parenthetical_frame(tokens: list[Token], i: int, first: int, cue: tuple[int, int]) -> Frame | None:
    """"Debbie Walsh, director of the Center for ... at Rutgers University, said Clinton is ...".

    The clause opens with a name or noun phrase and a comma; everything up to the comma before
    the cue is a parenthetical (an appositive, a relative clause, "21", "during a meeting").
    """
    start = _clause_start(tokens, first)
    comma = next((j for j in range(start, first - 1) if tokens[j].text == ","), None)
    if comma is None or comma == start or comma - start > 8 or not _plain_phrase(tokens[start:comma]):
        return None
    head = tokens[start]
    if not (head.text[0].isupper() or head.lower in DETERMINERS or head.lower in SUBJECT_PRONOUNS):
        return None
    middle = tokens[comma + 1:first - 1]
    relative = any(t.lower in ("who", "which", "whose") for t in middle[:3])
    if len(middle) > 40 or any(t.text in _QUOTES for t in middle) or (
            any(t.lower in AUXILIARIES for t in middle) and not relative):
        return None
    content_from, relayed_by, cut = _content_start(tokens, i)
    rest = tokens[content_from:]
    if sum(t.is_word for t in rest) < 2 or not _content_follows(tokens, content_from, _strength(tokens, i)):
        return None
    source = (head.start, tokens[first - 2].end)
    if start > 0:
        cut.append((tokens[0].start, tokens[start - 1].end))
    return Frame(cue, source, [(rest[0].start, _content_end(tokens, content_from))], cut, relayed_by)


def _clause_start(tokens: list[Token], limit: int) -> int:
    """Where the clause holding tokens[limit] opens: after an introduction or a dash."""
    start = 0
    for j in range(limit):
        if tokens[j].text in _DASHES or tokens[j].text in (";", ":"):
            start = j + 1
        elif tokens[j].text == "," and j - start <= MAX_INTRO_WORDS and start == 0 \
                and not any(_is_verb(t) for t in tokens[:j]) and j + 1 < limit and _looks_like_subject(tokens[j + 1]):
            start = j + 1
    return start


def _looks_like_subject(token: Token) -> bool:
    return token.text[0].isupper() or token.lower in DETERMINERS or token.lower in SUBJECT_PRONOUNS


def _is_adverb(token: Token) -> bool:
    word = token.lower
    return word in _ADVERBS or (word.endswith("ly") and len(word) > 3 and token.text[0].islower())


def _plain_phrase(tokens: list[Token]) -> bool:
    """Words (and parentheses) only, with no verb or clause word: a name or a noun phrase."""
    return all((t.is_word or t.text in "().") and not _is_verb(t) and t.lower not in NOT_IN_SOURCE
               for t in tokens)


def _coordinated_frame(tokens: list[Token], i: int, first: int, cue: tuple[int, int]) -> Frame | None:
    """"Fields tweeted a photograph and said she had been yanked": the subject is the clause's."""
    subject = _main_subject(tokens, first - 1)
    content_from, relayed_by, cut = _content_start(tokens, i)
    if subject is None or sum(t.is_word for t in tokens[content_from:]) < 2:
        return None
    if not _content_follows(tokens, content_from, _strength(tokens, i)):
        return None
    content = [(tokens[content_from].start, _content_end(tokens, content_from))]
    return Frame(cue, subject, content, cut, relayed_by, keep_source=True)


def _verb_group_start(tokens: list[Token], i: int) -> int:
    """Extend the cue leftwards over auxiliaries, negations and adverbs ("have long feared")."""
    first = i
    while first > 0:
        word = tokens[first - 1].lower
        if word in AUXILIARIES or word in NEGATIONS or word in _ADVERBS or (
                word.endswith("ly") and len(word) > 3 and not tokens[first - 1].text[0].isupper()):
            first -= 1
        else:
            break
    # Adverbs alone do not join the cue: "He also said" keeps "said".
    while first < i and tokens[first].lower not in AUXILIARIES and tokens[first].lower not in NEGATIONS:
        first += 1
    # A catenative verb joins it: "continue to warn", "went on to say", "declined to comment".
    if first >= 2 and tokens[first - 1].lower == "to":
        k = first - 2
        if tokens[k].lower == "on" and k >= 1:
            k -= 1
        head = tokens[k]
        if head.is_word and head.text[0].islower() and head.lower not in NOT_IN_SOURCE \
                and head.lower not in _PREPOSITIONS and head.lower not in DETERMINERS:
            return _verb_group_start(tokens, k)
    return first


def _source_start(tokens: list[Token], first: int) -> int | None:
    """Index of the first token of the subject phrase that ends just before `first`."""
    j = first - 1
    while j > 0 and first - j < MAX_SOURCE_TOKENS:
        previous = tokens[j - 1]
        if not previous.is_word or previous.lower in NOT_IN_SOURCE or _looks_like_cue(previous):
            break
        j -= 1
    if tokens[j].lower in NOT_IN_SOURCE - SUBJECT_PRONOUNS:
        return None
    return j


def _looks_like_cue(token: Token) -> bool:
    return token.text[0].islower() and cue_rate(token.lower) >= MIN_CUE_RATE


def _prefix_content(tokens: list[Token], source_start: int) -> tuple[int, int] | None:
    """The content before a trailing source ("Seven people ... arrested, X said"), if any."""
    if source_start == 0:
        return None
    boundary = tokens[source_start - 1]
    if boundary.text not in _CLOSERS:
        return None
    head = tokens[:source_start - 1]
    while head and not head[-1].is_word and head[-1].text not in _QUOTES:
        head.pop()
    words = [t for t in head if t.is_word]
    if not words:
        return None
    if len(words) <= MAX_INTRO_WORDS and not any(_is_verb(t) for t in words) and boundary.text == ",":
        return None  # an introduction ("However,", "On Thursday,"), not content
    return (head[0].start, head[-1].end)


def _is_adverbial(rest: list[Token]) -> bool:
    """Whether what follows the cue is only a time or manner phrase ("said on Thursday.")."""
    words = [t for t in rest if t.is_word]
    if not words:
        return True
    if rest[0].text == ",":
        return words[0].lower.endswith("ing") and len(words) <= 12 or words[0].lower in _TIME_WORDS
    return words[0].lower in _TIME_WORDS and len(words) <= 5 and not _clause_at(rest, 0)


def _content_start(tokens: list[Token], i: int) -> tuple[int, str | None, list[tuple[int, int]]]:
    """Where the content begins after the cue at i, the outlet it was told to, and words to cut."""
    k = i + 1
    relayed_by, cut = None, []
    if tokens[i].lower in TELL_VERBS and k < len(tokens):
        end = _object_end(tokens, k)
        if end > k:
            obj = tokens[k:end]
            cut.append((obj[0].start, obj[-1].end))
            relayed_by = _outlet(obj)
            k = end
    # "said on Thursday that ...": skip a short adverbial before "that".
    for look in range(k, min(k + 6, len(tokens))):
        if tokens[look].lower == "that":
            if look == k or all(t.is_word for t in tokens[k:look]) and tokens[k].lower in _TIME_WORDS:
                cut.append((tokens[k].start, tokens[look].end))
                return look + 1, relayed_by, cut
            break
    if k < len(tokens) and tokens[k].text == ":":
        cut.append((tokens[k].start, tokens[k].end))
        k += 1
    elif k + 1 < len(tokens) and tokens[k].text == "," and (
            tokens[k + 1].text in _OPEN_QUOTES or _introduced_by_as(tokens, i)):
        k += 1  # 'Brafman said, "The zeal ..."' and "As Crane said, the two ..."
    return k, relayed_by, cut


def _introduced_by_as(tokens: list[Token], i: int) -> bool:
    """Whether the clause of the cue at i opens with "as" ("As Crane said, ...")."""
    for j in range(i - 1, max(-1, i - MAX_SOURCE_TOKENS), -1):
        if not tokens[j].is_word:
            return False
        if tokens[j].lower == "as":
            return True
    return False


def _object_end(tokens: list[Token], k: int) -> int:
    """End of the spoken-to object after a tell-verb ("told Reuters", "told reporters")."""
    first = tokens[k]
    if first.lower in OBJECT_PRONOUNS:
        return k + 1
    end = k
    if first.lower == "the":
        end += 1
    while end < len(tokens) and tokens[end].is_word and tokens[end].text[0].isupper():
        end += 1
    if end > k and (end == len(tokens) or not tokens[end].is_word or _clause_at(tokens, end)
                    or tokens[end].lower == "that" or tokens[end].lower in DETERMINERS
                    or tokens[end].lower in SUBJECT_PRONOUNS):
        return end if tokens[end - 1].lower != "the" else k
    return k


def _outlet(obj: list[Token]) -> str | None:
    if obj[0].lower in OBJECT_PRONOUNS:
        return None
    return " ".join(t.text for t in obj if t.lower != "the") or None


def _content_follows(tokens: list[Token], k: int, rate: float) -> bool:
    if k >= len(tokens):
        return False
    token = tokens[k]
    if token.text in _OPEN_QUOTES or token.lower in _CLAUSE_OPENERS or token.lower == "to":
        return True
    if tokens[k - 1].text == ":" or tokens[k - 1].lower == "that" or _clause_at(tokens, k):
        return True
    return rate >= MIN_NOUN_CONTENT_RATE and token.is_word


def _clause_at(tokens: list[Token], k: int) -> bool:
    """Whether a clause (a subject, then a verb within a few words) starts at tokens[k]."""
    window = tokens[k:k + 10]
    if not window or not window[0].is_word:
        return False
    first = window[0]
    if first.lower in SUBJECT_PRONOUNS:
        return len(window) > 1 and (_is_verb(window[1]) or window[1].lower in _ADVERBS)
    if first.lower not in DETERMINERS and not first.text[0].isupper() and not first.text[0].isdigit():
        return False
    for token in window[1:]:
        if _is_verb(token):
            return True
        if not token.is_word and token.text != "-" or token.lower in ("that", "which", "who"):
            return False
    return False


def _is_verb(token: Token) -> bool:
    word = token.lower
    return (word in AUXILIARIES or word in IRREGULAR_PAST
            or (word.endswith("ed") and len(word) > 4 and not token.text[0].isupper()))


def _content_end(tokens: list[Token], k: int) -> int:
    """Content runs to the sentence end, or to a concessive dash ("- though ...")."""
    for j in range(k, len(tokens) - 1):
        if tokens[j].text in _DASHES and tokens[j + 1].lower in _CONCESSIVE:
            return tokens[j - 1].end if j > k else tokens[j].start
    return tokens[-1].end


def _participial_frame(tokens: list[Token], i: int, cue: tuple[int, int],
                       previous_source: tuple[int, int] | None) -> Frame | None:
    """", calling them ...": the source is the sentence's speaker so far, else its main subject."""
    k = i + 1
    if k >= len(tokens) or not _content_follows(tokens, k, _strength(tokens, i)) and not any(
            t.text in _OPEN_QUOTES for t in tokens[k:]):
        return None
    subject = previous_source or _main_subject(tokens, i)
    if subject is None:
        return None
    return Frame(cue, subject, [(tokens[k].start, tokens[-1].end)], keep_source=True)


def _main_subject(tokens: list[Token], limit: int) -> tuple[int, int] | None:
    """The subject of the sentence's main clause: the words before its first verb.

    A short introduction ending in a comma ("On Thursday, authorities released ...") is skipped.
    """
    start = 0
    for j in range(limit):
        if _is_verb(tokens[j]) or (tokens[j].lower in _ADVERBS and j > start):
            if j > start and j - start <= MAX_SOURCE_TOKENS:
                return (tokens[start].start, tokens[j - 1].end)
            return None
        if tokens[j].text == "," and j <= MAX_INTRO_WORDS and start == 0:
            start = j + 1
    return None


def _inverted_frame(tokens: list[Token], i: int, cue: tuple[int, int], first: int) -> Frame | None:
    """"'...,' said Caddell." and "..., said the minister, ..."."""
    k = i + 1
    end = k
    while end < len(tokens) and tokens[end].is_word and end - k < MAX_SOURCE_TOKENS:
        if tokens[end].lower in NOT_IN_SOURCE and tokens[end].lower not in ("of", "the"):
            break
        end += 1
    if end == k or (end < len(tokens) and tokens[end].text not in ",.;:!?"):
        return None
    if not _looks_like_subject(tokens[k]) or tokens[k].lower in SUBJECT_PRONOUNS | _PREPOSITIONS:
        return None  # "said in an interview", "said pleasantly": no source follows
    head = tokens[:first - 1]
    while head and not head[-1].is_word and head[-1].text not in _QUOTES:
        head.pop()
    if not any(t.is_word for t in head):
        return None
    source = (tokens[k].start, tokens[end - 1].end)
    content = [(head[0].start, head[-1].end)]
    after = tokens[end + 1:] if end < len(tokens) and tokens[end].text == "," else []
    while after and not after[-1].is_word and after[-1].text not in _QUOTES:
        after = after[:-1]
    if after and not any(_is_verb(t) for t in after) and after[0].lower in DETERMINERS | {"who"}:
        source = (source[0], after[-1].end)  # "said Larry Noble, an attorney with ..."
    elif sum(t.is_word for t in after) >= 3 and not after[0].lower.endswith("ing"):
        content.append((after[0].start, after[-1].end))
    return Frame(cue, source, content)


def _according_frame(tokens: list[Token], i: int) -> Frame | None:
    k = i + 2
    end = k
    while end < len(tokens) and tokens[end].text not in ",;:.!?" and end - k < MAX_SOURCE_TOKENS:
        if end > k and (tokens[end].lower in _CLAUSE_OPENERS or _clause_at(tokens, end)):
            break
        end += 1
    if end == k:
        return None
    cue = (tokens[i].start, tokens[i + 1].end)
    source = (tokens[k].start, tokens[end - 1].end)
    content = []
    head = [t for t in tokens[:i] if t.is_word]
    if head:
        before = tokens[:i]
        while before and not before[-1].is_word and before[-1].text not in _QUOTES:
            before.pop()
        content.append((before[0].start, before[-1].end))
    after = tokens[end + 1:] if end < len(tokens) and tokens[end].text in ",;:" else tokens[end:]
    if sum(t.is_word for t in after) >= 2:
        content.append((after[0].start, after[-1].end))
    if not content:
        return None
    return Frame(cue, source, content)
