"""The plain name a source goes by, and the key that merges its mentions across articles.

"Vermont Sen. Bernie Sanders", "GOP frontrunner Donald Trump", "Obama's" and "Governor Ellen
Brightwater, who declared an emergency on Tuesday" are mentions; "Bernie Sanders", "Donald
Trump", "Obama" and "Ellen Brightwater" are their plain names.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .kinds import bare, head_phrase, name_words, source_kind, titled_name, without_tag, words_of
from .source_words import TITLES

_INITIAL = re.compile(r"[a-z]\.?")
_AGE = re.compile(r"\d{1,3}")
_SHOUTED = re.compile(r"[A-Z]{4,}")  # "CLEVELAND - Donald Trump": a dateline word, no part of a name
# Lower-case words inside a surname: "Bill de Blasio", "Ursula von der Leyen", "Osama bin Laden".
NAME_PARTICLES = frozenset("de da di du del della dos das van von der den ter bin ibn".split())
_LEADING = frozenset("and but or so as when while after before since if because with without like of "
                     "the a an then even also".split())


@lru_cache(maxsize=8192)
def canonical_name(mention: str, kind: str | None = None) -> str:
    """The plain name of a source mention: a person's name without titles, roles, places,
    appositives, relative clauses or possessives; a body's noun phrase without them."""
    kind = kind or source_kind(mention)
    parts = [p.strip() for p in re.split(r"[,(]", without_tag(mention)) if p.strip() and not _AGE.fullmatch(p.strip())]
    if not parts:
        return mention.strip()
    if kind in ("named_person", "witness"):
        for part in parts:
            name = _person_name(words_of(part))
            if name and not re.search(re.escape(name) + r"['’]s\s+\w", part):
                return name  # not "Lam's attorney", "Trump's campaign manager": that name is someone else's
    words = _body_phrase(words_of(parts[0])) if kind == "official_body" else _unclaused(words_of(parts[0]))
    while len(words) > 1 and words[0].lower() in _LEADING - {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words) or mention.strip()


def _body_phrase(words: list[str]) -> list[str]:
    """A body keeps "of" and "for" ("the Bureau of Reclamation"), not a clause or a time."""
    for k, word in enumerate(words[1:], 1):
        lower = word.lower()
        if lower in ("who", "which", "that", "whose", "on", "in", "at", "speaking", "said") or (
                lower.endswith("ing") and word[0].islower() and len(lower) > 4):
            return words[:k]
    return words


def _unclaused(words: list[str]) -> list[str]:
    """A mention without a relative clause ("one officer at the scene [who saw it]")."""
    for k, word in enumerate(words[1:], 1):
        if word.lower() in ("who", "which", "that", "whose", "whom"):
            return words[:k]
    return words


def _person_name(words: list[str]) -> str | None:
    """The run of name words that ends with the last name word of the head phrase, or the name after
    a title of office ("Secretary of State John Kerry")."""
    titled = titled_name(words)
    if titled:
        return titled
    head = head_phrase(words)
    names = set(name_words(head))
    last = max((k for k, w in enumerate(head) if w in names), default=None)
    if last is None:
        return None
    first = last
    while first > 0 and (head[first - 1].lower() in NAME_PARTICLES
                         or head[first - 1][:1].isupper() and bare(head[first - 1]) not in TITLES
                         and not _SHOUTED.fullmatch(head[first - 1])
                         and (head[first - 1] in names or _INITIAL.fullmatch(head[first - 1].lower()))):
        first -= 1
    return " ".join(head[first:last + 1])


def name_key(name: str, kind: str = "named_person") -> str:
    """A key for merging sources: lower case, no dots or leading article; for a person, no
    titles or initials either."""
    words = [bare(w) for w in words_of(name)]
    person = kind in ("named_person", "witness")
    kept = [w for w in words if not person or w not in TITLES and not (len(w) == 1 and w.isalpha())]
    while len(kept) > 1 and kept[0] in _LEADING:
        kept = kept[1:]
    if person:
        kept = _surname_joined(kept)
    return " ".join(kept or words) or name.lower()


def _surname_joined(words: list[str]) -> list[str]:
    """A surname's particles joined to it, so that it is one word as a bare surname is: "de_blasio"."""
    joined: list[str] = []
    for word in words:
        if joined and joined[-1].split("_")[-1] in NAME_PARTICLES:
            joined[-1] += "_" + word
        else:
            joined.append(word)
    return joined
