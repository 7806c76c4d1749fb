"""The subject a verb's clause belongs to: the main clause's, a coordinated clause's ("Fields
tweeted a photograph and said ..."), across a participial aside ("De Blasio, speaking on WOR710,
called ...", "Federal officials, speaking on condition of anonymity because ..., said ...",
"Trump, later alleging that ..., said ...").

An aside describes the subject: it is neither part of the source's name nor the start of the
content, and what a participle of saying inside it governs ends at the aside's closing comma.
"""
from __future__ import annotations

from .lexicon import DETERMINERS, NOT_IN_SOURCE, OBJECT_PRONOUNS, SUBJECT_PRONOUNS, cue_rate
from .phrases import (ADVERBS, COORDINATORS, CUE_BOUNDARY_RATE, DASHES, MAX_INTRO_WORDS, MAX_SOURCE_TOKENS,
                      PREPOSITIONS, QUOTES, RELATIVE_TIME, SENTENCE_LINKS, SUBORDINATORS, TIME_UNITS, clause_start,
                      is_adverb, is_verb, looks_like_subject, time_tail)
from .tokens import Token

_RELATIVE_OPENERS = frozenset(("who", "which", "whose"))
MAX_ASIDE_TOKENS = 30  # from the participle to the closing comma
_ASIDE_BREAKS = frozenset(";:()") | DASHES | QUOTES  # an aside holds none of these
# ", including Mr. Trump and ...," lists members of the subject: it stays in the source
_NOT_PARTICIPLES = frozenset("including excluding regarding concerning following notwithstanding pending barring "
                             "considering during according".split())
_COMPLEMENT_OPENERS = PREPOSITIONS | DETERMINERS | OBJECT_PRONOUNS | frozenset("that to his her their its".split())


def aside_closing(tokens: list[Token], opening: int) -> int | None:
    """The index of the comma that closes a participial aside opened by the comma at `opening`,
    when the words before that comma are the clause's subject (no verb among them) and a verb
    follows the closing comma; else None."""
    k = opening + 1
    while k < len(tokens) and is_adverb(tokens[k]):
        k += 1  # ", later alleging"
    if k >= len(tokens) or opening == 0 or not _participle(tokens[k]) or not _takes_complement(tokens, k):
        return None
    if any(is_verb(t) for t in tokens[clause_start(tokens, opening):opening]):
        return None  # "Police arrested him, saying ...": after a verb, a participle is an act of the subject's
    return closing_comma(tokens, k + 1)


def closing_comma(tokens: list[Token], k: int) -> int | None:
    """The index of the first comma from k on that a verb follows (", said", ", resigned"): the end
    of an aside or a relative clause put between a subject and its verb; None past a break."""
    for j in range(k, min(len(tokens), k + MAX_ASIDE_TOKENS)):
        text = tokens[j].text
        if text == "," and not _glued(tokens, j):
            after = j + 1
            while after < len(tokens) and is_adverb(tokens[after]):
                after += 1
            if after < len(tokens) and _finite(tokens[after]):
                return j  # else an inner comma: "facing a close race in Dunmore, a river town, said"
        if text in _ASIDE_BREAKS:
            return None
    return None


def aside_before(tokens: list[Token], closing: int) -> int | None:
    """The index of the comma that opens a participial aside closed by the comma at `closing`, or None."""
    for j in range(closing - 1, max(-1, closing - MAX_ASIDE_TOKENS), -1):
        if tokens[j].text == "," and not _glued(tokens, j) and aside_closing(tokens, j) == closing:
            return j
    return None


def opens_aside(tokens: list[Token], first: int) -> bool:
    """Whether the verb group at tokens[first] opens a participial aside (", speaking on WOR710,")."""
    first = adverbs_start(tokens, first)
    return first > 0 and tokens[first - 1].text == "," and aside_closing(tokens, first - 1) is not None


def adverbs_start(tokens: list[Token], first: int) -> int:
    """Where the adverbs right before tokens[first] start (", later alleging")."""
    while first > 0 and is_adverb(tokens[first - 1]):
        first -= 1
    return first


def _glued(tokens: list[Token], j: int) -> bool:
    """Whether the comma at j sits inside a number ("250,000")."""
    return 0 < j < len(tokens) - 1 and tokens[j - 1].end == tokens[j].start and tokens[j].end == tokens[j + 1].start


def _participle(token: Token) -> bool:
    word = token.lower
    return word.endswith("ing") and len(word) > 4 and token.text[0].islower() and word not in _NOT_PARTICIPLES


def _takes_complement(tokens: list[Token], k: int) -> bool:
    """Whether the participle at k governs what follows ("speaking on", "alleging that", "wearing a"),
    not a noun it qualifies ("ranking member", "acting director")."""
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    return after is not None and (after.lower in _COMPLEMENT_OPENERS or after.text in QUOTES or is_adverb(after))


def _finite(token: Token) -> bool:
    """A verb that can follow a subject ("said", "called", "argues")."""
    return is_verb(token) or token.text[0].islower() and cue_rate(token.lower) >= CUE_BOUNDARY_RATE


def main_subject(tokens: list[Token], limit: int) -> tuple[int, int] | None:
    """The subject of the sentence's main clause: the words before its first verb.

    A short introduction ending in a comma ("On Thursday, authorities released ...") is skipped;
    a participial aside after the subject ("De Blasio, speaking on WOR710, called") is not part of it.
    """
    start = 0
    for j in range(limit):
        if j == start and (tokens[j].lower in SENTENCE_LINKS or j > 0 and tokens[j].lower in ADVERBS):
            start = j + 1  # "And then Trump went on the attack": the subject is Trump
            continue
        if tokens[j].lower in RELATIVE_TIME and j > start and any(t.lower in TIME_UNITS for t in tokens[start:j]):
            start = j + 1  # "A few minutes later they reversed themselves": a time, not the subject
        elif is_verb(tokens[j]) or (tokens[j].lower in ADVERBS and j > start):
            return _subject_span(tokens, start, j - time_tail(tokens, j))  # "Sen. X on Wednesday downplayed"
        if tokens[j].text == "," and j > start and (aside_closing(tokens, j) is not None or _closed_relative(tokens, j + 1, limit)):
            return _subject_span(tokens, start, j)  # "Kari Dahl, who visited the scene, promised"
        if tokens[j].text == "," and j <= MAX_INTRO_WORDS and start == 0:
            start = j + 1
    return None


def _closed_relative(tokens: list[Token], k: int, limit: int) -> bool:
    """Whether a relative clause opens at k and a comma closes it before `limit`, a verb after it."""
    if k >= len(tokens) or tokens[k].lower not in _RELATIVE_OPENERS:
        return False
    closing = closing_comma(tokens, k + 1)
    return closing is not None and closing < limit


def _subject_span(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    while end > start and tokens[end - 1].text in ",;":
        end -= 1  # "The transport secretary, Helen Marsh, said": not "Helen Marsh,"
    return (tokens[start].start, tokens[end - 1].end) if 0 < end - start <= MAX_SOURCE_TOKENS else None


def coordinated_subject(tokens: list[Token], limit: int) -> tuple[int, int] | None:
    """The subject of the clause a verb joined by "and" at `limit` belongs to: the nearest clause
    opened before it ("Some booed, and when Rubio thanked Miami and said"), else the main clause's."""
    for j in range(limit - 1, -1, -1):
        word = tokens[j].lower
        # "and he pledged", or a clause put first ("When Rubio thanked ...", ", and when Rubio thanked ...");
        # not "was quick to embrace him after he clinched it and said": "said" is the main clause's
        if word in COORDINATORS or word in SUBORDINATORS and (j == 0 or tokens[j - 1].lower in COORDINATORS):
            found = _opened_subject(tokens, j + 1, limit)
            if found is not None:
                return found
    return main_subject(tokens, limit)


def _opened_subject(tokens: list[Token], k: int, limit: int) -> tuple[int, int] | None:
    """The subject of a clause that starts at k, when a verb follows it before `limit`
    ("when [Rubio] thanked", "and [he], once again, pledged")."""
    if k >= limit or not tokens[k].is_word or not looks_like_subject(tokens[k]) or _participle(tokens[k]):
        return None  # ", speaking on WOR710, called": a participle opens no clause
    if _closed_relative(tokens, k, limit):
        return None  # "X, who visited the scene, promised ... and said": the relative clause ended before
    end = k
    while end < limit and tokens[end].is_word and not is_verb(tokens[end]) and not is_adverb(tokens[end]):
        if tokens[end].lower in NOT_IN_SOURCE - SUBJECT_PRONOUNS - DETERMINERS:
            return None
        end += 1
    if end == k or end - k > MAX_SOURCE_TOKENS:
        return None
    verb = end
    if verb < limit and tokens[verb].text == ",":  # "he, once again, pledged"
        closing = next((c for c in range(verb + 1, min(limit, verb + 5)) if tokens[c].text == ","), None)
        verb = closing + 1 if closing is not None else limit
    while verb < limit and is_adverb(tokens[verb]):
        verb += 1
    if verb >= limit or not is_verb(tokens[verb]):
        return None
    return tokens[k].start, tokens[end - 1].end
