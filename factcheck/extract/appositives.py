"""Sources with a parenthetical between them and the cue: "the mayor of Montrouge, Pierre Brossollette,
told AFP", "Debbie Walsh, director of the Center ..., said", "Shook, a security expert who has ..., said"."""
from __future__ import annotations

from .content import before_kind, content_kind
from .cues import cue_strength
from .frame import Frame
from .lexicon import AUXILIARIES, DETERMINERS, SUBJECT_PRONOUNS
from .phrases import CLOSERS, PREPOSITIONS, QUOTES, clause_start, content_end, content_follows, is_verb, plain_phrase
from .told import content_start
from .tokens import Token, words_follow

MAX_RELATIVE_OFFSET = 8  # "Shook, a security expert who has ...": words before the "who" of a parenthetical
_RELATIVES = frozenset(("who", "whom", "whose", "which"))
_HEAD_PREPOSITIONS = frozenset(("of", "for"))  # "the mayor of Montrouge", "a spokeswoman for the council"


def appositive_frame(tokens: list[Token], i: int, first: int, cue: tuple[int, int]) -> Frame | None:
    """"..., the mayor of Montrouge, Pierre Brossollette, told AFP." and "Clinton, the nominee, said ..."."""
    commas = []
    for j in range(first - 1, -1, -1):
        if tokens[j].text == ",":
            commas.append(j)
            if len(commas) == 2:
                break
    if len(commas) < 2:
        return None
    name = tokens[commas[1] + 1:commas[0]]
    relative = bool(name) and name[0].lower in ("who", "whose")
    if not name or (len(name) > 8 or not plain_phrase(name)) and not (relative and len(name) <= 25):
        return None
    head_start = commas[1]
    while (head_start > 0 and commas[1] - head_start < 8 and tokens[head_start - 1].is_word
           and plain_phrase([tokens[head_start - 1]])):
        head_start -= 1
    if commas[1] - head_start == 1 and tokens[head_start].text.isdigit() and head_start > 1 \
            and tokens[head_start - 1].text == ",":  # "Rashid Amari, 52, a taxi driver, told": an age, the name before it
        named = head_start - 1
        while named > 0 and head_start - named < 8 and tokens[named - 1].is_word and plain_phrase([tokens[named - 1]]):
            named -= 1
        if named < head_start - 1 and tokens[named].text[0].isupper():
            head_start = named
    head = tokens[head_start:commas[1]]
    if not head or head[0].text[0].islower() and head[0].lower not in DETERMINERS:
        return None
    if name[0].lower in PREPOSITIONS or any(t.lower in PREPOSITIONS - _HEAD_PREPOSITIONS for t in head):
        return None  # "..., in Aurora, Colorado, in July 2012, said": a time or place, no name and title
    source = (head[0].start, name[-1].end)
    content_from, relayed_by, cut = content_start(tokens, i)
    if head_start > 0 and tokens[head_start - 1].text in CLOSERS:  # trailing: "..., the mayor, X, told AFP."
        prefix = tokens[:head_start - 1]
        if not any(is_verb(t) for t in prefix):
            return None
        return Frame(cue, source, [(prefix[0].start, prefix[-1].end)], cut, relayed_by, kind=before_kind(tokens))
    if not words_follow(tokens, content_from, 2) or not content_follows(tokens, content_from, cue_strength(tokens, i)):
        return None
    return Frame(cue, source, [(tokens[content_from].start, content_end(tokens, content_from))], cut, relayed_by,
                 kind=content_kind(tokens, i, content_from))


def parenthetical_frame(tokens: list[Token], i: int, first: int, cue: tuple[int, int],
                         start: int | None = None) -> Frame | None:
    """"Debbie Walsh, director of the Center for ... at Rutgers University, said Clinton is ...".

    The clause opens with a name or noun phrase and a comma; everything up to the comma before
    the cue is a parenthetical (an appositive, a relative clause, "21", "during a meeting").
    """
    start = clause_start(tokens, first) if start is None else start
    comma = next((j for j in range(start, first - 1) if tokens[j].text == ","), None)
    if comma is None or comma == start or comma - start > 8 or not plain_phrase(tokens[start:comma]):
        return None
    head = tokens[start]
    if not (head.text[0].isupper() or head.lower in DETERMINERS or head.lower in SUBJECT_PRONOUNS):
        return None
    middle = tokens[comma + 1:first - 1]
    relative = any(t.lower in _RELATIVES for t in middle[:MAX_RELATIVE_OFFSET])
    if len(middle) > 40 or any(t.text in QUOTES for t in middle) or (
            any(t.lower in AUXILIARIES for t in middle) and not relative):
        return None
    content_from, relayed_by, cut = content_start(tokens, i)
    if not words_follow(tokens, content_from, 2) or not content_follows(tokens, content_from, cue_strength(tokens, i)):
        return None
    source = (head.start, tokens[first - 2].end)
    if start > 0:
        cut.append((tokens[0].start, tokens[start - 1].end))
    return Frame(cue, source, [(tokens[content_from].start, content_end(tokens, content_from))], cut, relayed_by,
                 kind=content_kind(tokens, i, content_from))


def relative_opening(tokens: list[Token], first: int) -> int | None:
    """Where the clause before the cue at `first` starts, when it opens with a name, a comma, then
    "who", "whose" or "which" (from the sentence's start, or after its last clause break)."""
    for start in dict.fromkeys((0, clause_start(tokens, first))):
        if tokens[start].lower in PREPOSITIONS:
            continue
        comma = next((j for j in range(start, min(first - 1, start + 9)) if tokens[j].text == ","), None)
        if comma is None or comma + 1 >= first:
            continue
        after = tokens[comma + 1:min(first, comma + 1 + MAX_RELATIVE_OFFSET)]
        if after[0].lower in _RELATIVES or after[0].lower in DETERMINERS and any(t.lower in _RELATIVES for t in after):
            return start  # "Shook, a security expert who has ...": an appositive holding a relative clause
    return None
