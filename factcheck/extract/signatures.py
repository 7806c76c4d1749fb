"""Quotations signed after the fact with a dash and a name, as pull quotes and reader
responses are printed: '"We can build a wall around him." ― Steve Quinlan'.

The dash is the cue, the name the source, the quotation (which may run over several
sentences) the content. Only a closed quotation counts, and only a plain name after the dash
that ends where the line, the sentence or the next quotation does: a dash inside running text
("the party ― it is the party of ...") is no signature.
"""
from __future__ import annotations

import re

from .content import QUOTE
from .frame import Frame
from .lexicon import DETERMINERS, NOT_IN_SOURCE
from .tokens import Token, Tokens

DASHES = frozenset("—―–-")
_DASH_MARKS = "".join(sorted(DASHES))
_DOUBLE_QUOTES = frozenset('“”"')
_NAME_ENDS = frozenset('.,;(“”"')
_NAME_LINKS = frozenset("de del da van von bin al la le".split())  # lower-case words inside a name
MAX_NAME_WORDS = 5
MAX_QUOTE_CHARS = 1500  # a signed quotation longer than this is a lost quote mark, not a quotation
MIN_QUOTE_WORDS = 2
_NOT_A_NAME = NOT_IN_SOURCE | DETERMINERS  # "― The party ..." is running text

# A line that ends in a signature is body text, though no full stop closes it.
ENDS_SIGNED = re.compile(r'[”"]\s*[—―–-]{1,2}\s*[A-Z][\w.’\' -]{0,60}$')


def signed_quotes(tokens: Tokens) -> list[Frame]:
    """Every quotation in the text that a dash and a name sign, in text order."""
    found = []
    run = tokens.all
    for k in tokens.marks(_DASH_MARKS):
        if k == 0 or run[k - 1].text not in _DOUBLE_QUOTES:
            continue
        token = run[k]
        first = k + 1
        while first < len(run) and run[first].text in DASHES:
            first += 1  # "--"
        name_end = _name_end(tokens.text, run, first)
        if name_end is None:
            continue
        content = _quotation_before(run, k - 1)
        if content is not None:
            found.append(Frame((token.start, run[first - 1].end), (run[first].start, run[name_end - 1].end),
                               [content], kind=QUOTE))
    return found


def _name_end(text: str, run: list[Token], first: int) -> int | None:
    """The end of the name that starts at run[first], on the dash's line, or None."""
    if first >= len(run) or not run[first].capitalised or run[first].lower in _NOT_A_NAME:
        return None
    end = first
    while end < len(run) and end - first < MAX_NAME_WORDS and "\n" not in text[run[end - 1].end:run[end].start]:
        word = run[end]
        if not word.is_word or not (word.capitalised or word.lower in _NAME_LINKS):
            break
        end += 1
    if end == len(run) or "\n" in text[run[end - 1].end:run[end].start] or run[end].text in _NAME_ENDS:
        return end
    return None


def _quotation_before(run: list[Token], close: int) -> tuple[int, int] | None:
    """The text between the quote mark run[close] and the quote mark before it."""
    limit = run[close].start - MAX_QUOTE_CHARS
    for j in range(close - 1, -1, -1):
        token = run[j]
        if token.start < limit:
            return None
        if token.text in _DOUBLE_QUOTES:
            words = sum(t.is_word for t in run[j + 1:close])
            return (token.end, run[close].start) if words >= MIN_QUOTE_WORDS else None
    return None
