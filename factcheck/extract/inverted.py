"""The inverted shape: the cue before its source, after the content ("'...,' said Caddell.",
"..., said the minister, ..."). What follows the speaker after a comma describes them ("said
Larry Noble, an attorney with ...", "said resident Tom Hale, 62, who lives below the dam") or,
when it says more, is content of its own ("Those eight, said X, had ...").
"""
from __future__ import annotations

from .content import before_kind, has_verb
from .frame import Frame
from .lexicon import DETERMINERS, NOT_IN_SOURCE, SUBJECT_PRONOUNS
from .phrases import (MAX_SOURCE_TOKENS, PREPOSITIONS, QUOTES, TIME_WORDS, is_verb, looks_like_cue,
                      looks_like_subject)
from .tokens import Token

_POSSESSIVES = frozenset("his her their its our my your".split())
_RELATIVE_OPENERS = frozenset(("who", "whose", "which", "that"))


def inverted_frame(tokens: list[Token], i: int, cue: tuple[int, int], first: int) -> Frame | None:
    """"'...,' said Caddell." and "..., said the minister, ..."."""
    k = i + 1
    end = k
    while end < len(tokens) and tokens[end].is_word and end - k < MAX_SOURCE_TOKENS:
        if tokens[end].lower in NOT_IN_SOURCE and tokens[end].lower not in ("of", "the"):
            break
        end += 1
    if end == k or (end < len(tokens) and tokens[end].text not in ",.;:!?"):
        return None
    if not (looks_like_subject(tokens[k]) or _role_then_name(tokens, k, end)) \
            or tokens[k].lower in SUBJECT_PRONOUNS | PREPOSITIONS | _POSSESSIVES:
        return None  # "said in an interview", "said pleasantly", "said his district ...": no source follows
    if any(is_verb(t) or t.lower in SUBJECT_PRONOUNS for t in tokens[k:end]) or tokens[k].lower in TIME_WORDS:
        return None  # "..., said the district received ...", "..., said Wednesday he agrees": what was said
    head = tokens[:first - 1]
    while head and not head[-1].is_word and head[-1].text not in QUOTES:
        head.pop()
    if not any(t.is_word for t in head):
        return None
    source = (tokens[k].start, tokens[end - 1].end)
    content = [(head[0].start, head[-1].end)]
    after = tokens[end + 1:] if end < len(tokens) and tokens[end].text == "," else []
    while after and not after[-1].is_word and after[-1].text not in QUOTES:
        after = after[:-1]
    cut = []
    if _after_age(after):  # "said resident Tom Hale, 62, who lives below the dam": the age and what follows describe him
        cut.append((after[0].start, after[-1].end))
    elif after and after[0].lower in ("who", "whose"):  # what follows describes the speaker, or has a frame of its own
        if not any(looks_like_cue(t) for t in after):
            source = (source[0], after[-1].end)  # "said Maria Flores, whose brother died in the blaze"
    elif after and after[0].lower in DETERMINERS and not any(is_verb(t) for t in _before_relative(after)):
        described = after if not any(looks_like_cue(t) for t in after) else _before_relative(after)
        while described and not described[-1].is_word:
            described = described[:-1]  # "said Tom Adler, the engineer, who added that ...": the relative speaks
        if described:
            source = (source[0], described[-1].end)  # "said Larry Noble, an attorney with ..."
    elif sum(t.is_word for t in after) >= 3 and not after[0].lower.endswith("ing"):
        content.append((after[0].start, after[-1].end))
    one_claim = len(content) == 2 and not has_verb(tokens, 0, first)  # "Those eight, said X, had ..."
    return Frame(cue, source, content, cut, kind=before_kind(tokens), interrupted=one_claim)


def _before_relative(words: list[Token]) -> list[Token]:
    """The words before a relative clause opens ("a cardiologist [who was not involved]")."""
    return next((words[:k] for k, t in enumerate(words) if t.lower in _RELATIVE_OPENERS), words)


def _role_then_name(tokens: list[Token], k: int, end: int) -> bool:
    """Whether tokens[k:end] are lower-case words of a role, then a name ("resident Tom Hale",
    "fire chief Ann Lee")."""
    name = next((j for j in range(k, end) if tokens[j].capitalised), None)
    return name is not None and 0 < name - k <= 2 and end - name >= 1


def _after_age(after: list[Token]) -> bool:
    """Whether what follows an inverted source opens with an age ("62", "62, who lives ...")."""
    return bool(after) and after[0].text.isdigit() and len(after[0].text) <= 3 and (
        len(after) == 1 or after[1].text == ",")
