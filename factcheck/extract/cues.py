"""Cues: is this word, here, the verb or phrase that attributes something ("said", "told")?

Mined rates of each word as a cue in PolNeAR train (lexicon.py) and a learned cue model
(cue_model.py) decide; words inside a direct quotation belong to the quoted speaker.
"""
from __future__ import annotations

import math
from functools import lru_cache
from itertools import compress, count
from operator import attrgetter

from .cue_model import cue_score
from .lexicon import DETERMINERS, DOCUMENT_WORDS, MEDIA_WORDS, NOT_IN_SOURCE, cue_rate, cue_table
from .phrases import ADVERBS, PREPOSITIONS
from .tokens import Token, Tokens

MIN_CUE_RATE = 0.4           # a word less likely than this to be a cue here is not one
MIN_REPORTER_CUE_RATE = 0.2  # ... or than this after a medium or a document ("television showed")
MIN_WEAK_CUE_RATE = 0.2      # ... but one this likely may still get a frame, for the frame gate to judge
MIN_MINED_RATE = 0.05        # words rarer than this as cues in train are never scored
CUE_SCORE_SCALE = 0.3        # the cue model's score times this, through a logistic, is a probability
QUOTE_LOOKBACK = 2000  # characters searched back for an open quotation: keeps huge paragraphs linear
_ARTICLES = frozenset("a an the this that these those his her its their our my your no".split())
# Verbs whose subject is part of the content and whose source goes unsaid: "X is expected to".
RAISING = frozenset("seem seems seemed appear appears appeared expected reportedly".split())
# Particles that are a cue only with a cue verb before them: "pointed out", never "broke out".
PARTICLES = frozenset("out up off down back over".split())
_QUOTE_MARKS = frozenset("“‘\"”’")  # the tokens that open or close a quotation (inside_quotes)
_text = attrgetter("text")


@lru_cache(maxsize=1)
def maybe_cue_words() -> frozenset[str]:
    """Every lower-cased word that can start a frame: those mined as cues often enough that no
    word class rules out (_never_a_cue), the raising verbs, "according" and "asked" (questions.py).
    A word outside it is never a cue, so the frame rules look only at the words in it (Tokens.positions)."""
    mined = {word for word, rate in cue_table().items() if rate >= MIN_MINED_RATE and not _never_a_cue(word)}
    return frozenset(mined | RAISING | {"according", "asked"})


def _never_a_cue(word: str) -> bool:
    """Whether the lower-cased `word` is of a class that is never a cue (a preposition, an adverb ...)."""
    return (word in NOT_IN_SOURCE or word in ADVERBS or word in DETERMINERS or word in PREPOSITIONS
            or word.endswith("ly"))


def inside_quotes(text: str, start: int, tokens: list[Token]) -> list[bool]:
    """For each token, whether it stands inside a direct quotation. Only quotation marks change
    that: the tokens between them are found in C and flagged in one step."""
    depth = quote_open_before(text, start)
    flags: list[bool] = []
    for k in compress(count(), map(_QUOTE_MARKS.__contains__, map(_text, tokens))):
        flags += [depth] * (k - len(flags))
        token = tokens[k]
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
    flags += [depth] * (len(tokens) - len(flags))
    return flags


def quote_open_before(text: str, start: int) -> bool:
    """Whether a quotation opened earlier in the paragraph is still open at `start`."""
    earliest = max(0, start - QUOTE_LOOKBACK)  # the search stops there: a line can be megabytes long
    paragraph_start = max(text.rfind("\n", earliest, start) + 1, earliest)
    before = text[paragraph_start:start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


_PUT = frozenset(("put", "puts", "putting"))
MAX_PUT_OBJECT = 20  # tokens between "put" and its "at" ("put the total number of ... at about 55,000")


def _could_be_cue(tokens: list[Token], i: int) -> bool:
    """Whether tokens[i] is a word the cue model should score at all."""
    token = tokens[i]
    word = token.lower
    if not token.is_word or cue_rate(word) < MIN_MINED_RATE or (i > 0 and token.text[0].isupper()):
        return False
    if _never_a_cue(word):
        return False
    following = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    preceding = tokens[i - 1].lower if i > 0 else ""
    if word in PARTICLES and cue_rate(preceding) < MIN_MINED_RATE:
        return False
    if word in _PUT and following not in ("it", "out", "forth", "forward") and \
            not any(t.lower == "at" for t in tokens[i + 2:i + 2 + MAX_PUT_OBJECT]):
        return False  # "as she put it", "estimates put the toll at 200"; not "The win puts Rovers two points clear"
    # "no suggestion", "the statement": a noun, not a cue verb; "named by police": a passive.
    return following != "by" and preceding not in _ARTICLES


def training_candidates(text: str):
    """(tokens, i) for every word of `text` the cue model scores: what scripts/train_cues.py learns on."""
    from .segment import split_sentences
    article = Tokens(text)
    for sentence in split_sentences(text):
        tokens = article.between(sentence.start, sentence.end)
        quoted = inside_quotes(text, sentence.start, tokens)
        for i in range(len(tokens)):
            if not quoted[i] and _could_be_cue(tokens, i):
                yield tokens, i


def cue_strength(tokens: list[Token], i: int) -> float:
    """How likely tokens[i] is a cue here, 0..1: the cue model's score through a logistic.
    A sentence's Run keeps what it found: the frame rules ask again and again."""
    known = getattr(tokens, "strengths", None)
    if known is not None and i in known:
        return known[i]
    strength = 1.0 / (1.0 + math.exp(-CUE_SCORE_SCALE * cue_score(tokens, i)))
    if known is not None:
        known[i] = strength
    return strength


CUE, WEAK_CUE = 2, 1


def cue_level(tokens: list[Token], i: int) -> int:
    """CUE when tokens[i] is likely enough a cue here for a sure frame; WEAK_CUE when it is only
    likely enough for the frame gate to judge a frame around it; else 0."""
    if not _could_be_cue(tokens, i):
        return 0
    reporter = i > 0 and (tokens[i - 1].lower in MEDIA_WORDS or tokens[i - 1].lower in DOCUMENT_WORDS)
    strength = cue_strength(tokens, i)
    if strength >= (MIN_REPORTER_CUE_RATE if reporter else MIN_CUE_RATE):
        return CUE
    return WEAK_CUE if strength >= MIN_WEAK_CUE_RATE else 0

