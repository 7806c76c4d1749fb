"""What follows a cue: whom it was told to ("told Reuters", "told analysts on a call"), and where
what was said begins ("said on Thursday that ...", "reported, citing a doctor, that ...")."""
from __future__ import annotations

from .lexicon import DETERMINERS, OBJECT_PRONOUNS, SUBJECT_PRONOUNS, TELL_VERBS
from .phrases import (CLAUSE_OPENERS, DAYS, MAX_SOURCE_TOKENS, OPEN_QUOTES, PARTS_OF_DAY, PREPOSITIONS, QUOTES,
                      SUBORDINATORS, TIME_WORDS, clause_at, is_verb)
from .source_words import MEDIA_NOUNS
from .tokens import Token, words_follow

ADDRESSEE_VERBS = frozenset("tell tells told telling inform informs informed assure assures assured".split())
MAX_ADJUNCT_TOKENS = 8  # a place or time closing a sentence after a spoken-to object ("on a conference call.")
MAX_PLAIN_OBJECT = 3  # lower-case words of a spoken-to object before "that" ("told local residents that")
_PLACE_OR_TIME = frozenset("on in at during after before near outside inside amid following".split())
_NO_OBJECT = frozenset("so also later then again not never only just even".split()) | DETERMINERS
_OPENS_A_CLAUSE = CLAUSE_OPENERS | SUBORDINATORS  # "told about his father", "tell if it will last", "told when"


def content_start(tokens: list[Token], i: int) -> tuple[int, str | None, list[tuple[int, int]]]:
    """Where the content begins after the cue at i, the outlet it was told to, and words to cut."""
    k = i + 1
    relayed_by, cut = None, []
    if tokens[i].lower in TELL_VERBS and k < len(tokens):
        end = object_end(tokens, k)
        if end > k:
            obj = tokens[k:end]
            cut.append((obj[0].start, obj[-1].end))
            relayed_by = outlet(obj)
            k = end
    if k + 1 < len(tokens) and tokens[k].text == "," and tokens[k + 1].lower == "citing":
        # "reported, citing a doctor at the hospital, that ...": the cited source, then the content
        close = next((j for j in range(k + 2, min(len(tokens), k + 2 + MAX_SOURCE_TOKENS)) if tokens[j].text == ","),
                     None)
        if close is not None and close + 1 < len(tokens) and tokens[close + 1].lower == "that":
            cut.append((tokens[k].start, tokens[close + 1].end))
            return close + 2, relayed_by, cut
    # "said on Thursday that ...": skip a short adverbial before "that".
    for look in range(k, min(k + 6, len(tokens))):
        if tokens[look].lower == "that":
            if look == k or all(t.is_word for t in tokens[k:look]) and tokens[k].lower in TIME_WORDS:
                cut.append((tokens[k].start, tokens[look].end))
                return look + 1, relayed_by, cut
            break
    day_end = _day_end(tokens, k)
    if day_end > k and words_follow(tokens, day_end, 2) and not is_verb(tokens[day_end]):
        cut.append((tokens[k].start, tokens[day_end - 1].end))  # "said Wednesday she backs it"
        k = day_end
    if k < len(tokens) and tokens[k].text == ":":
        cut.append((tokens[k].start, tokens[k].end))
        k += 1
    elif k + 1 < len(tokens) and tokens[k].text == "," and (
            tokens[k + 1].text in OPEN_QUOTES or introduced_by_as(tokens, i)):
        k += 1  # 'Brafman said, "The zeal ..."' and "As Crane said, the two ..."
    return k, relayed_by, cut


def _day_end(tokens: list[Token], k: int) -> int:
    """The end of a bare day ("Wednesday", "Tuesday night", "yesterday") starting at tokens[k], else k."""
    if k >= len(tokens) or tokens[k].lower not in DAYS:
        return k
    return k + 2 if k + 1 < len(tokens) and tokens[k + 1].lower in PARTS_OF_DAY else k + 1


def introduced_by_as(tokens: list[Token], i: int) -> bool:
    """Whether the clause of the cue at i opens with "as" ("As Crane said, ...")."""
    for j in range(i - 1, max(-1, i - MAX_SOURCE_TOKENS), -1):
        if not tokens[j].is_word:
            return False
        if tokens[j].lower == "as":
            return True
    return False


def object_end(tokens: list[Token], k: int) -> int:
    """End of the spoken-to object after a tell-verb ("told Reuters", "told reporters")."""
    first = tokens[k]
    if first.lower in OBJECT_PRONOUNS:
        return k + 1
    end = k
    if first.lower == "the":
        end += 1
    while end < len(tokens) and tokens[end].is_word and tokens[end].text[0].isupper():
        end += 1
    if end > k and (end == len(tokens) or not tokens[end].is_word or clause_at(tokens, end)
                    or tokens[end].lower == "that" or tokens[end].lower in DETERMINERS
                    or tokens[end].lower in SUBJECT_PRONOUNS or tokens[end].lower in _PLACE_OR_TIME):
        return end if tokens[end - 1].lower != "the" else k
    return _plain_object_end(tokens, k)


def _plain_object_end(tokens: list[Token], k: int) -> int:
    """End of a spoken-to object in lower case, up to three words before "that" ("told residents
    that", "assured the families that"); k when there is none. After "told", "informed" or "assured",
    whose object is always the one spoken to, the object also ends before a clause, punctuation, or
    a place or time that ends the sentence ("told police he fled", '"...," she told analysts on a call.');
    not before "of" ("told a meeting of leaders that")."""
    end = k + (tokens[k].lower in ("the", "a", "an"))
    if end >= len(tokens):
        return k  # "... she told the": the sentence ends
    addressed = tokens[k - 1].lower in ADDRESSEE_VERBS and tokens[end].lower not in PREPOSITIONS \
        and tokens[end].lower not in _OPENS_A_CLAUSE
    quoted = addressed and any(t.text in QUOTES for t in tokens[:k - 1])  # '"...," she told analysts.': nothing more to say
    for j in range(end, min(len(tokens), end + MAX_PLAIN_OBJECT + 1)):
        token = tokens[j]
        if token.lower == "that":
            return j if j > end else k
        if addressed and j > end and not _NO_OBJECT.intersection(t.lower for t in tokens[end:j]):
            if token.lower in SUBJECT_PRONOUNS or token.lower in DETERMINERS:
                return j  # "told police he fled"
            if quoted and not token.is_word:
                return j
            if quoted and token.lower in _PLACE_OR_TIME and _ends_the_sentence(tokens, j):
                return len(tokens) - (not tokens[-1].is_word)  # the place or time goes with the object: cut
            if token.lower in PREPOSITIONS or token.lower in _PLACE_OR_TIME:
                return k  # "telling customers at a breakfast spot that", "told the story of"
        if not token.is_word or not token.text.islower():
            return k
    return len(tokens) if quoted and len(tokens) - end <= MAX_PLAIN_OBJECT else k


def _ends_the_sentence(tokens: list[Token], j: int) -> bool:
    """Whether tokens[j:] is a short phrase of plain words to the sentence's end ("on a conference call.")."""
    rest = tokens[j:]
    return len(rest) <= MAX_ADJUNCT_TOKENS and all(t.is_word for t in rest[:-1]) and \
        (rest[-1].is_word or rest[-1].text in ".!?")


def outlet(obj: list[Token]) -> str | None:
    """The outlet a spoken-to object names ("told Reuters", "told a local radio station"); None for
    people ("told reporters", "told analysts", "told police")."""
    place = next((j for j in range(1, len(obj)) if obj[j].lower in _PLACE_OR_TIME), len(obj))
    obj = obj[:place]  # "analysts at the Brookings Institution": not the institution
    if obj[0].lower in OBJECT_PRONOUNS or not any(t.text[0].isupper() or t.lower in MEDIA_NOUNS for t in obj):
        return None
    return " ".join(t.text for t in obj if t.lower != "the") or None
