"""Phrases in a tokenised sentence: verbs, subjects, where a frame's content starts and ends.

The grammar the attribution rules stand on: no parser, just word classes and punctuation.
"""
from __future__ import annotations

from .lexicon import AUXILIARIES, DETERMINERS, IRREGULAR_PAST, NEGATIONS, NOT_IN_SOURCE, SUBJECT_PRONOUNS, cue_rate
from .tokens import Run, Token

CUE_BOUNDARY_RATE = 0.4  # a lower-case word this likely to be a cue ends a subject phrase on its left

OPEN_QUOTES = frozenset("“‘\"'")
QUOTES = frozenset("“”‘’\"'")
CLOSERS = frozenset(",;:—–()[]") | QUOTES
ADVERBS = frozenset("also long previously repeatedly already still once often later earlier "
                     "recently just further again now then since".split())
CLAUSE_OPENERS = frozenset("that whether if how why what when where who".split())
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today tonight".split())
TIME_WORDS = DAYS | frozenset("on in at last this earlier later during after before late early "
                              "morning evening week month year".split())
PARTS_OF_DAY = frozenset("morning afternoon evening night".split())
TIME_UNITS = frozenset("seconds moments minutes hours days weeks months years decades".split())
RELATIVE_TIME = frozenset("later earlier ago".split())
SUBORDINATORS = frozenset("when after before while as because since until once".split())
COORDINATORS = frozenset("and but ; ,".split())
SENTENCE_LINKS = frozenset("and but so or yet then".split())  # words that open a sentence before its subject
CONCESSIVE = frozenset("though although but while".split())
DASHES = frozenset("-–—")
PREPOSITIONS = frozenset("of in on at for with by from into about over after before under "
                          "against between through during without".split())
MAX_SOURCE_TOKENS = 14
# "An official who asked not to be named said": words between a source and its cue that keep it anonymous
ANONYMITY_TAILS = tuple(tuple(words.split()) for words in (
    "asked not to be named", "asked not to be identified", "asked to remain anonymous", "asked for anonymity",
    "declined to be named", "declined to be identified", "requested anonymity", "insisted on anonymity",
    "spoke on condition of anonymity", "speaking on condition of anonymity", "spoke on the condition of anonymity",
    "speaking on the condition of anonymity", "was not authorised to speak publicly",
    "was not authorized to speak publicly", "were not authorised to speak publicly",
    "were not authorized to speak publicly"))
_ANONYMITY_ENDS = frozenset(tail[-1] for tail in ANONYMITY_TAILS)
MIN_NOUN_CONTENT_RATE = 0.6  # a cue followed by a noun phrase, not a clause, must be this sure
MAX_INTRO_WORDS = 6
MAX_JOINED_WORDS = 4  # words before the "and" of a joined subject ("The mayor and the governor said")
_NAMES_LIKE_AUXILIARIES = frozenset(("May", "Will"))  # "in late May", "Will Hurd": a month, a name


def is_verb(token: Token) -> bool:
    word = token.lower
    return (word in AUXILIARIES and token.text not in _NAMES_LIKE_AUXILIARIES or word in IRREGULAR_PAST
            or (word.endswith("ed") and len(word) > 4 and not token.text[0].isupper()))


def is_adverb(token: Token) -> bool:
    word = token.lower
    return word in ADVERBS or (word.endswith("ly") and len(word) > 3 and token.text[0].islower())


def time_tail(tokens: list[Token], end: int) -> int:
    """How many tokens before `end` tell the day ("on Monday", "late on Tuesday night", "yesterday"),
    with a word left before them: "Gov. Bobby Jindal on Monday said" has the source Bobby Jindal.
    None when the day belongs to the word before it, a participle ("a report published Tuesday
    said") or a name ("the polls on Super Tuesday"), or no source could end there ("(I-Vt.)", "who")."""
    k = end
    if k > 2 and tokens[k - 1].lower in PARTS_OF_DAY and tokens[k - 2].lower in DAYS:
        k -= 2
    elif k > 1 and tokens[k - 1].lower in DAYS:
        k -= 1
    else:
        return 0
    if tokens[k - 1].capitalised:
        return 0
    if k > 1 and tokens[k - 1].lower == "on":
        k -= 1
    if k > 1 and tokens[k - 1].lower in ("late", "early"):
        k -= 1
    last = tokens[k - 1]  # what would end the source
    if (not last.is_word or last.lower in NOT_IN_SOURCE or last.lower in PREPOSITIONS or last.lower in DETERMINERS
            or is_verb(last) or last.lower.endswith("ing")):
        return 0
    return end - k


def plain_phrase(tokens: list[Token]) -> bool:
    """Words (and parentheses) only, with no verb or clause word: a name or a noun phrase."""
    return all((t.is_word or t.text in "().") and not is_verb(t) and t.lower not in NOT_IN_SOURCE
               for t in tokens)


def looks_like_subject(token: Token) -> bool:
    return token.text[0].isupper() or token.lower in DETERMINERS or token.lower in SUBJECT_PRONOUNS


def clause_at(tokens: list[Token], k: int) -> bool:
    """Whether a clause (a subject, then a verb within a few words) starts at tokens[k]."""
    window = tokens[k:k + 10]
    if not window or not window[0].is_word:
        return False
    first = window[0]
    if first.lower in SUBJECT_PRONOUNS:
        return len(window) > 1 and (is_verb(window[1]) or window[1].lower in ADVERBS)
    if first.lower not in DETERMINERS and not first.text[0].isupper() and not first.text[0].isdigit():
        return False
    for j, token in enumerate(window[1:], 1):
        if is_verb(token):
            return True
        if not token.is_word and token.text != "-" or token.lower in ("that", "which", "who") \
                or token.lower in SUBORDINATORS:  # "sounded [an alarm moments] before the boat tipped"
            return False
        if token.lower in ("and", "or") and j + 1 < len(window) and is_verb(window[j + 1]):
            return False  # "criticized [Clinton's record] and said": the verb is the cue's subject's
    return False


def clause_start(tokens: list[Token], limit: int) -> int:
    """Where the clause holding tokens[limit] opens: after an introduction or a dash."""
    start = tokens.last_break[limit] if isinstance(tokens, Run) else _last_break(tokens, limit)
    if start:
        return start
    for j in range(min(limit, MAX_INTRO_WORDS + 1)):
        if is_verb(tokens[j]):
            break
        if tokens[j].text == "," and j + 1 < limit and looks_like_subject(tokens[j + 1]):
            return j + 1
    return 0


def _last_break(tokens: list[Token], limit: int) -> int:
    for j in range(limit - 1, -1, -1):
        if tokens[j].text in DASHES or tokens[j].text in (";", ":"):
            return j + 1
    return 0


def sentence_run(tokens: list[Token]) -> Run:
    """The sentence's tokens with the positions clause_start and content_end ask for, found once."""
    return Run(tokens, DASHES | {";", ":"}, CONCESSIVE)


def verb_group_start(tokens: list[Token], i: int) -> int:
    """Extend the cue leftwards over auxiliaries, negations and adverbs ("have long feared")."""
    first = i
    while first > 0:
        word = tokens[first - 1].lower
        if word in AUXILIARIES or word in NEGATIONS or word in ADVERBS or (
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
                and head.lower not in PREPOSITIONS and head.lower not in DETERMINERS:
            return verb_group_start(tokens, k)
    return first


def source_start(tokens: list[Token], first: int) -> int | None:
    """Index of the first token of the subject phrase that ends just before `first`."""
    j = first - 1
    while j > 0 and first - j < MAX_SOURCE_TOKENS:
        previous = tokens[j - 1]
        if _plural_possessive(tokens, j - 1):
            j -= 1  # "the operators' association"
            continue
        if not previous.is_word or previous.lower in NOT_IN_SOURCE or looks_like_cue(previous):
            break
        j -= 1
    while j < first - 1 and tokens[j].lower in PREPOSITIONS:
        j += 1  # "footage of Trump saying": the phrase stopped at a cue-like noun; the source is Trump
    if tokens[j].lower in NOT_IN_SOURCE - SUBJECT_PRONOUNS:
        return None
    return _joined_start(tokens, j, first)


def _joined_start(tokens: list[Token], j: int, first: int) -> int:
    """Where a subject of joined names starts ("[Smith and] Jones said", "[Carson, Fiorina and]
    Huckabee say", "[Police and] firefighters said") when tokens[j] follows "and" or "or" and what
    comes before opens the clause; else j."""
    if j < 2 or tokens[j - 1].lower not in ("and", "or"):
        return j
    k, words = j - 1, 0
    while k > 0 and first - k < MAX_SOURCE_TOKENS:
        previous = tokens[k - 1]
        if previous.text == "," and k > 1 and tokens[k - 2].capitalised and tokens[k].capitalised:
            k -= 1  # "Carson, Fiorina and": a list of names
            continue
        if not previous.is_word or previous.lower in NOT_IN_SOURCE or previous.lower in PREPOSITIONS \
                or is_verb(previous) or looks_like_cue(previous):
            break
        k, words = k - 1, words + 1
    opens = k == 0 or tokens[k - 1].text in CLOSERS or tokens[k - 1].lower in SENTENCE_LINKS
    return k if opens and 0 < words <= MAX_JOINED_WORDS and k < j - 1 else j


def _plural_possessive(tokens: list[Token], k: int) -> bool:
    """Whether tokens[k] is the apostrophe of a plural possessive: glued to a word ending in "s"
    before it, a space and a word after it ("the operators' association")."""
    mark = tokens[k]
    return mark.text in ("'", "’") and 0 < k < len(tokens) - 1 and tokens[k - 1].end == mark.start \
        and tokens[k - 1].lower.endswith("s") and tokens[k + 1].start > mark.end and tokens[k + 1].is_word


def looks_like_cue(token: Token) -> bool:
    return token.text[0].islower() and cue_rate(token.lower) >= CUE_BOUNDARY_RATE


def prefix_content(tokens: list[Token], source_start: int) -> tuple[int, int] | None:
    """The content before a trailing source ("Seven people ... arrested, X said"), if any."""
    if source_start == 0:
        return None
    boundary = tokens[source_start - 1]
    if boundary.text not in CLOSERS:
        return None
    head = tokens[:source_start - 1]
    while head and not head[-1].is_word and head[-1].text not in QUOTES:
        head.pop()
    words = [t for t in head if t.is_word]
    if not words:
        return None
    if len(words) <= MAX_INTRO_WORDS and not any(is_verb(t) for t in words) and boundary.text == ",":
        return None  # an introduction ("However,", "On Thursday,"), not content
    return (head[0].start, head[-1].end)


def is_adverbial(rest: list[Token]) -> bool:
    """Whether what follows the cue is only a time or manner phrase ("said on Thursday.")."""
    words = [t for t in rest if t.is_word]
    if not words:
        return True
    if rest[0].text == ",":
        return words[0].lower.endswith("ing") and len(words) <= 12 or words[0].lower in TIME_WORDS
    return words[0].lower in TIME_WORDS and len(words) <= 5 and not clause_at(rest, 0)


def content_end(tokens: list[Token], k: int) -> int:
    """Content runs to the sentence end, or to a concessive dash ("- though ...")."""
    if isinstance(tokens, Run):
        j = tokens.next_turn[k]
        if j >= len(tokens) - 1:
            return tokens[-1].end
        return tokens[j - 1].end if j > k else tokens[j].start
    for j in range(k, len(tokens) - 1):
        if tokens[j].text in DASHES and tokens[j + 1].lower in CONCESSIVE:
            return tokens[j - 1].end if j > k else tokens[j].start
    return tokens[-1].end


def content_follows(tokens: list[Token], k: int, rate: float) -> bool:
    """Whether what starts at tokens[k] can be a cue's content: a quotation, a clause, or a noun
    phrase after a cue at least `rate` likely."""
    if k >= len(tokens):
        return False
    token = tokens[k]
    if token.text in OPEN_QUOTES or token.lower in CLAUSE_OPENERS or token.lower == "to":
        return True
    if tokens[k - 1].text == ":" or tokens[k - 1].lower == "that" or clause_at(tokens, k):
        return True
    return rate >= MIN_NOUN_CONTENT_RATE and token.is_word


def anonymity_tail(tokens: list[Token], end: int) -> int:
    """How many tokens before `end` are "(who) asked not to be named" or the like (0: none)."""
    if end < 2 or tokens[end - 1].lower not in _ANONYMITY_ENDS:
        return 0  # the common case, on every cue: no tail ends here
    for tail in ANONYMITY_TAILS:
        start = end - len(tail)
        if start > 0 and tuple(t.lower for t in tokens[start:end]) == tail:
            return len(tail) + (tokens[start - 1].lower in ("who", "because", "as") and start > 1)
    return 0
