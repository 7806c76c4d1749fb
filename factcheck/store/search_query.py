"""What a person types into `search`, as an FTS5 query: words, "phrases", OR, NOT, AND,
parentheses and prefixes (`polic*`), each word also matching its irregular forms
(`policewomen` finds `policewoman`, `fled` finds `flee`; Porter stemming covers the regular ones).

Every word goes to FTS5 quoted, so no text a person types is read as FTS5 syntax of its own
(`text:`, `^`, `NEAR`); malformed queries are refused with a message saying what is wrong."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from itertools import product

from ..errors import FactcheckError

OPERATORS = ("OR", "AND", "NOT")
MAX_PHRASE_VARIANTS = 16  # a phrase of irregular words is searched in at most this many spellings
_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"|(?P<open>")|(?P<paren>[()])|(?P<word>[^\s"()]+)')


class SearchSyntaxError(FactcheckError):
    """A search query that cannot be read: an unclosed quote or parenthesis, a dangling operator."""


def fts_query(query: str) -> str:
    """The FTS5 MATCH expression for a person's query, or SearchSyntaxError."""
    parts: list[str] = []
    expect_operand, depth = True, 0
    for token in _TOKEN.finditer(query):
        kind, text = token.lastgroup, token.group(token.lastgroup)
        if kind == "open":
            raise SearchSyntaxError(f"the quote at {query[token.start():][:20]!r} is never closed")
        if kind == "word" and text in OPERATORS:
            if expect_operand:
                where = "at the start" if not parts or parts[-1] == "(" else f"after {parts[-1]}"
                raise SearchSyntaxError(f"{text} {where} needs a word before it, as in 'vest {text} police'")
            parts.append(text)
            expect_operand = True
        elif text == "(":
            if not expect_operand:
                parts.append("AND")
            parts.append("(")
            depth += 1
            expect_operand = True
        elif text == ")":
            if depth == 0:
                raise SearchSyntaxError("a ')' closes no '('")
            if expect_operand:
                raise SearchSyntaxError("'(' ... ')' holds no words, or ends with an operator")
            parts.append(")")
            depth -= 1
        else:
            term = _phrase(text) if kind == "phrase" else _word(text)
            if term is None:
                continue
            if not expect_operand:
                parts.append("AND")
            parts.append(term)
            expect_operand = False
    if depth:
        raise SearchSyntaxError("a '(' is never closed")
    if not parts:
        raise SearchSyntaxError("nothing to search for; give words or a \"phrase\"")
    if expect_operand:
        raise SearchSyntaxError(f"{parts[-1]} at the end needs a word after it")
    return " ".join(parts)


def _word(text: str) -> str | None:
    """A word (maybe `prefix*`) and its irregular forms, OR-ed; None if it has no letter or digit."""
    prefix = text.endswith("*")
    word = text.rstrip("*")
    if not re.search(r"\w", word):
        return None
    if prefix:
        return f"{_quoted(word)}*"
    forms = word_forms(word)
    return _quoted(word) if len(forms) == 1 else "(" + " OR ".join(map(_quoted, forms)) + ")"


def _phrase(text: str) -> str | None:
    """A phrase, in every spelling its words' irregular forms give (up to MAX_PHRASE_VARIANTS)."""
    words = text.split()
    if not any(re.search(r"\w", w) for w in words):
        return None
    spellings = [" ".join(choice) for choice in product(*(word_forms(w) for w in words))][:MAX_PHRASE_VARIANTS]
    return _quoted(spellings[0]) if len(spellings) == 1 else "(" + " OR ".join(map(_quoted, spellings)) + ")"


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def word_forms(word: str) -> list[str]:
    """The word first, then its irregular forms: WordNet's (`flee`, `fled`) and the -man/-men of
    compounds (`policewoman`, `policewomen`; not of `German` or `Oman`)."""
    lower = word.lower()
    forms = [word, *(f for f in _irregular_forms().get(lower, ()) if f != lower)]
    compound = lower in ("man", "men") or lower.endswith(("woman", "women")) or len(lower) >= 7
    if compound and lower.endswith("man"):
        forms.append(lower[:-3] + "men")
    elif compound and lower.endswith("men"):
        forms.append(lower[:-3] + "man")
    return list(dict.fromkeys(forms))


@lru_cache(maxsize=1)
def _irregular_forms() -> dict[str, tuple[str, ...]]:
    """Each word of a WordNet irregular-forms group -> the whole group (factcheck/data)."""
    data = json.loads(resources.files("factcheck.data").joinpath("lexical_relations.json").read_text("utf-8"))
    return {word: tuple(group) for group in data["forms"] for word in group}
