"""What kind of source a mention is, what name it goes by, and whom a pronoun points to."""
from __future__ import annotations

import re

from .lexicon import (ANONYMOUS_WORDS, DOCUMENT_WORDS, INDEFINITE, MEDIA_WORDS, OFFICIAL_WORDS,
                      TITLES, WITNESS_WORDS)
from .tokens import Token

PERSON_PRONOUNS = frozenset("he she him her his i me".split())
GROUP_PRONOUNS = frozenset("they them we us".split())
_WORD = re.compile(r"[\w’'.-]+")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")


def words_of(mention: str) -> list[str]:
    """The words of a mention, possessive endings dropped."""
    return [_POSSESSIVE.sub("", w) for w in _WORD.findall(mention)]


def _capitalised_names(words: list[str]) -> list[str]:
    """Capitalised words that are not titles or institution words: the personal names."""
    return [w for w in words if w[:1].isupper() and w.lower() not in TITLES
            and w.lower() not in OFFICIAL_WORDS and w.lower() not in MEDIA_WORDS
            and w.lower() not in DOCUMENT_WORDS and w.lower() not in ANONYMOUS_WORDS]


def source_kind(mention: str) -> str:
    """Classify a source mention: named_person, official_body, anonymous, witness, media, document.

    An appositive ("the mayor of Montrouge, Pierre Brossollette") is a person if either part
    names one; otherwise the phrase is judged by its head, the words before any modifier
    ("a study [published on Monday]", "one police officer [at the scene]").
    """
    parts = [p for p in mention.split(",") if p.strip()]
    kinds = [_phrase_kind(words_of(p)) for p in parts] or ["anonymous"]
    return "named_person" if "named_person" in kinds else kinds[0]


def _phrase_kind(words: list[str]) -> str:
    words = _head_phrase(words)
    lower = [w.lower() for w in words]
    if not words:
        return "anonymous"
    if set(lower) & WITNESS_WORDS:
        return "witness"
    head = lower[-1]
    names = _capitalised_names(words)
    if set(lower) & ANONYMOUS_WORDS and not names:
        return "anonymous"  # "police sources", "the officer", "experts"
    if head in MEDIA_WORDS or head in DOCUMENT_WORDS:
        return "media" if head in MEDIA_WORDS else "document"
    if lower[0] in INDEFINITE and not _capitalised_names(words[1:]):
        return "anonymous"  # "one police officer", "an official"
    if any(w in MEDIA_WORDS for w in lower):
        return "media"
    if names and words[-1] in names:
        return "named_person"
    if set(lower) & OFFICIAL_WORDS or any(w[:1].isupper() for w in words):
        return "official_body"
    return "anonymous"


_MODIFIER_START = frozenset("at in on of for from with by who which that published released "
                            "speaking quoted cited according".split())


def _head_phrase(words: list[str]) -> list[str]:
    """The words of a noun phrase up to its first post-modifier."""
    for k, word in enumerate(words[1:], 1):
        lower = word.lower()
        if lower in _MODIFIER_START or (lower.endswith(("ed", "ing")) and word[0].islower() and len(lower) > 4):
            return words[:k]
    return words


def normalise_name(mention: str) -> str:
    """A key for merging sources: lower case, no titles, no possessives, no leading article."""
    words = [w.lower() for w in words_of(mention)]
    names = [w for w in words if w not in TITLES]
    return " ".join(names or words)


class PronounResolver:
    """Remembers the sources seen so far in an article, to resolve "he said" to a name."""

    def __init__(self) -> None:
        self._person: str | None = None
        self._group: str | None = None

    def resolve(self, mention: str, kind: str) -> tuple[str, str]:
        """(name, kind) for a mention: a pronoun becomes the last fitting source seen."""
        lower = mention.lower()
        if lower in PERSON_PRONOUNS:
            return (self._person, "named_person") if self._person else (mention, "anonymous")
        if lower in GROUP_PRONOUNS:
            return (self._group, source_kind(self._group)) if self._group else (mention, "anonymous")
        if kind == "named_person":
            self._person = mention
        else:
            self._group = mention
        return mention, kind

    def notice_names(self, tokens: list[Token]) -> None:
        """Remember the first person named in a sentence with no source ("Pierre Brossollette
        went ..."), for a later "he"."""
        name = _first_name_run(tokens)
        if name and source_kind(name) == "named_person":
            self._person = name


_FIRST_NAME_WORD = re.compile(r"[A-Z][a-z]+")
_NAME_WORD = re.compile(r"[A-Z][a-z’'-]+")


def _first_name_run(tokens: list[Token]) -> str | None:
    """The first run of two or more capitalised words with only spaces between them, as written."""
    run: list[Token] = []
    for token in tokens + [None]:
        if token is not None and run and token.start > run[-1].end and _NAME_WORD.fullmatch(token.text):
            run.append(token)
            continue
        if len(run) >= 2:
            return " ".join(t.text for t in run)
        run = [token] if token is not None and _FIRST_NAME_WORD.fullmatch(token.text) else []
    return None
