"""What a frame's content is: a proposition (a clause or a quotation) or not (a noun phrase, an action).

"Officials said the fire was out" reports a proposition: the claim is the officials'.
"The governor declared a state of emergency", "Voters rejected the plan" and "The mayor urged
people to stay indoors" report an act: PolNeAR still counts them as attributions, but the
claim is the writer's own.
"""
from __future__ import annotations

from .lexicon import core_verb_forms
from .phrases import CLAUSE_OPENERS, OPEN_QUOTES, PREPOSITIONS, QUOTES, clause_at, is_verb
from .tokens import Token

CLAUSE = "clause"
QUOTE = "quote"
NOUN_PHRASE = "noun_phrase"
ACTION = "action"
PROPOSITIONS = frozenset((CLAUSE, QUOTE))
_SUBJECTS = frozenset("he she they we i".split())  # never objects: "urged them to" has "them"
INTRODUCTION_WINDOW = 8  # how far a colon, "that" or a verb is looked for after a preposition
OBJECT_BEFORE_TO = 4
_QUOTE_OPENERS = frozenset('“"‘')  # not "'", which also ends a plural possessive  # "urged [people in the area] to stay indoors": an object this short, then "to"

# Verbs of saying and believing whose complement is a proposition even when no clause is seen:
# "said the shooter, who wore a mask, fled".
_SPEECH_STEMS = ("say", "said", "tell", "told", "add", "claim", "insist", "argue", "explain", "note",
                 "state", "stat", "writ", "wrote", "tweet", "believ", "think", "thought", "fear", "hope",
                 "worr", "knew", "know", "suggest", "stress", "assert", "maintain", "conced", "predict",
                 "alleg", "testif", "recall", "repl", "respond", "warn", "acknowledg", "admit", "emphasi",
                 "complain", "conclud")
SPEECH_VERBS = frozenset(f for f in core_verb_forms() if f.startswith(_SPEECH_STEMS))


def content_kind(tokens: list[Token], cue: int, k: int) -> str:
    """The kind of the content that starts at tokens[k], after the cue word at tokens[cue]."""
    if k >= len(tokens):
        return CLAUSE  # announced by a colon: the next sentence says what
    first = tokens[k]
    if first.text in OPEN_QUOTES:
        return QUOTE
    if tokens[k - 1].text == ":" or tokens[k - 1].lower == "that" or first.lower in CLAUSE_OPENERS:
        return CLAUSE
    if _quote_soon(tokens, k):
        return QUOTE  # 'calling them "armed and dangerous"': the quoted words are the source's
    if first.lower in _SUBJECTS or (first.lower == "it" and k + 1 < len(tokens) and tokens[k + 1].lower != "to"):
        return CLAUSE  # "said it expects the road to reopen": a subject pronoun opens a clause
    if first.lower == "to" or _object_then_to(tokens, k):
        return ACTION  # "vowed to rebuild", "declined to comment", "asked residents to leave"
    if clause_at(tokens, k) or _introduced_soon(tokens, k):
        return CLAUSE  # "wrote on Twitter: ...", "said in a statement that ..."
    if tokens[cue].lower in SPEECH_VERBS:
        # "warned of delays" reports an act; "said about 50 people were hurt" a proposition
        return NOUN_PHRASE if first.lower in PREPOSITIONS and not _verb_soon(tokens, k) else CLAUSE
    return NOUN_PHRASE


def _introduced_soon(tokens: list[Token], k: int) -> bool:
    """Whether a colon or "that" opens the content after a short adverbial ("on Twitter:")."""
    for j in range(k, min(k + INTRODUCTION_WINDOW, len(tokens))):
        token = tokens[j]
        if token.text == ":" or token.lower == "that":
            return j + 1 < len(tokens)
        if is_verb(token) or token.text in ",;.":
            return False
    return False


def _quote_soon(tokens: list[Token], k: int) -> bool:
    return any(t.text in _QUOTE_OPENERS for t in tokens[k:k + INTRODUCTION_WINDOW])


def _verb_soon(tokens: list[Token], k: int) -> bool:
    return any(is_verb(t) for t in tokens[k:k + INTRODUCTION_WINDOW])


def _object_then_to(tokens: list[Token], k: int) -> bool:
    for j in range(k, min(k + OBJECT_BEFORE_TO + 1, len(tokens))):
        token = tokens[j]
        if token.lower == "to" and j > k:
            return True
        if not token.is_word or is_verb(token) or token.lower in CLAUSE_OPENERS:
            return False
    return False


def has_verb(tokens: list[Token], start: int, end: int) -> bool:
    """Whether tokens[start:end] hold a verb: a clause, not a bare subject ("The blaze, ...")."""
    return any(is_verb(t) for t in tokens[start:end])


def before_kind(tokens: list[Token]) -> str:
    """The kind of a content that opens the sentence ("'...,' said X", "..., police said")."""
    return QUOTE if tokens[0].text in QUOTES else CLAUSE
