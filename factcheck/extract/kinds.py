"""What kind of source a mention is: named_person, official_body, anonymous, witness, media, document."""
from __future__ import annotations

import re
from functools import lru_cache

from .source_words import (ANONYMOUS_NOUNS, BODY_NOUNS, DOCUMENT_NOUNS, INDEFINITE, LAY_ROLES, MEDIA_NOUNS,
                           OFFICE_WORDS, SPOKESPEOPLE, TITLES, WITNESS_NOUNS, is_common)

_WORD = re.compile(r"[\w’'.-]+")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
_AGE = re.compile(r"\d{1,3}(?:-year-old)?")
_DWELLINGS = frozenset(("house", "houses"))  # lower case: a home; "the House" is a chamber
# Post-modifiers: a noun phrase's head ends before them ("a study [published on Monday]").
MODIFIER_START = frozenset("at in on of for from with by who whom whose which that published released "
                           "speaking quoted cited according seen obtained kept near inside outside".split())
_NEWS = frozenset("news press wire broadcasting".split())
# Words that follow a source's head and are no part of it ("Clinton herself", "Trump on Tuesday").
_AFTER_HEAD = frozenset("himself herself themselves itself even instead both all too also again now then "
                        "last this next said says monday tuesday wednesday thursday friday saturday "
                        "sunday".split())
# Verbs of a relative clause or participle that place an ordinary person at the scene.
_LIVED = frozenset("lives lived live living works worked working runs ran running sells sold selling "
                   "watched watching saw seen visiting visited finished escaped survived fled stood "
                   "standing waiting".split())


def words_of(mention: str) -> list[str]:
    """The words of a mention, possessive endings dropped."""
    words = (_POSSESSIVE.sub("", w) if "'" in w or "’" in w else w for w in _WORD.findall(mention))
    return [w for w in words if w.strip(".-")]


def bare(word: str) -> str:
    """A word lower-cased without its dots, to look up in the word classes ("Sen." -> "sen")."""
    return word.lower().strip(".")


def name_words(words: list[str]) -> list[str]:
    """The words that can be part of a personal name: capitalised, not a title or a role, and (for
    the first word, whose capital may only open the sentence) not a common word."""
    names = []
    for k, word in enumerate(words):
        lower = bare(word)
        if not word[:1].isupper() or lower in TITLES or lower in BODY_NOUNS or lower in MEDIA_NOUNS \
                or lower in DOCUMENT_NOUNS or lower in ANONYMOUS_NOUNS or lower in WITNESS_NOUNS \
                or lower in SPOKESPEOPLE or lower in INDEFINITE or lower == "the":
            continue
        if k == 0 and is_common(lower):
            continue
        names.append(word)
    return names


def head_phrase(words: list[str]) -> list[str]:
    """The words of a noun phrase up to its first post-modifier, adverb or day."""
    for k, word in enumerate(words[1:], 1):
        lower = word.lower()
        if lower in MODIFIER_START or lower in _AFTER_HEAD or (word[0].islower() and (
                lower.endswith(("ed", "ing")) and len(lower) > 4 or lower.endswith("ly") and len(lower) > 4
                or lower.endswith(("n't", "n’t")))):
            return words[:k]
    return words


@lru_cache(maxsize=8192)  # a pure function of two strings; names recur through an article
def source_kind(mention: str, descriptor: str = "") -> str:
    """Classify a source mention; `descriptor` is what follows it in the sentence after a comma
    (", 38, a runner from Ohio"), which tells an ordinary person from one in office.

    A mention with a comma is judged by its parts: a person is named if any part names one
    ("the mayor of Montrouge, Pierre Brossollette"), and a named person with an age, a lay
    occupation or a relative clause placing them at the scene, and no office, is a witness.
    """
    own = _parts(without_tag(mention))
    parts = own + _parts(descriptor)
    if not parts:
        return "anonymous"
    kinds = [_phrase_kind(words_of(p)) for p in parts]
    if len(own) > 1 and {kinds[0], kinds[1]} == {"named_person", "official_body"}:
        body = own[kinds.index("official_body")]
        if bare(head_phrase(words_of(body))[-1]) in BODY_NOUNS and body.split()[0].lower() not in ("who", "whose"):
            # "Rydon, the firm that carried out the work", "The operator, Bayline Transit"; not "Mr Price,
            # who chairs the committee": a relative clause names no body
            return "official_body"
    if "named_person" in kinds:
        return "witness" if _ordinary(parts) else "named_person"
    described = [k for p, k in zip(parts, kinds) if not _AGE.fullmatch(p)]
    if not described:
        return "witness" if any(_AGE.fullmatch(p) for p in parts) else "anonymous"
    if described[0] == "anonymous" and _ordinary(["", *parts]):
        return "witness"  # "52, a taxi driver who lives nearby"
    return described[0]


_TAG = re.compile(r"\s*\([^()a-z]*\)\s*$")  # "(R-S.C.)", "(CDC)": no lower-case letter inside


def without_tag(mention: str) -> str:
    """The mention without a bracketed tag at its end: a party and state, an acronym."""
    return _TAG.sub("", mention) or mention


def _parts(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[,()]", text) if p.strip()]


def _ordinary(parts: list[str]) -> bool:
    """Whether a named person's description makes them an ordinary person at the scene."""
    lower = [bare(w) for p in parts[1:] for w in words_of(p) if w not in _DWELLINGS]  # "whose house", not "the House"
    if any(w in OFFICE_WORDS for w in lower) or any(bare(w) in OFFICE_WORDS for w in words_of(parts[0])
                                                    if bare(w) not in ("dr", "mr", "mrs", "ms")):
        return False
    aged = any(_AGE.fullmatch(p) or p.lower().startswith(("a ", "an ")) and "-year-old" in p for p in parts[1:])
    lay = any(w in LAY_ROLES for w in lower)
    lived = any(w in _LIVED for w in lower)
    return aged or lay or lived


def titled_name(words: list[str]) -> str | None:
    """The name after a title of office with no article ("Secretary of State John Kerry", "Speaker
    of the House Rep. Paul Ryan"): the last two capitalised words, when the capitalised run after
    the last "of" holds the office's body and two more. None for "the mayor of New York City"."""
    if len(words) < 5 or not words[0][:1].isupper() or bare(words[0]) not in TITLES:
        return None
    lower = [w.lower() for w in words]
    if "of" not in lower or not all(bare(w) in TITLES for w in words[:lower.index("of")]):
        return None  # "Mr. Burman of the Tax Policy Center": a name before "of", no title of office
    after = len(lower) - lower[::-1].index("of")
    run = [w for w in words[after:] if w.lower() != "the"]
    first = len(run) - 2
    while first > 0 and re.fullmatch(r"[A-Z]\.", run[first]):
        first -= 1  # "John F. Kerry"
    if first < 1 or not all(w[:1].isupper() for w in run) or bare(run[first]) in TITLES:
        return None
    return " ".join(run[first:])


def _phrase_kind(words: list[str]) -> str:
    """The kind of one noun phrase with no comma in it, judged by its head."""
    full = words
    if titled_name(words):
        return "named_person"
    words = head_phrase(words)
    if not words:
        return "anonymous"
    lower = [bare(w) for w in words]
    head = lower[-1]
    names = name_words(words)
    if head in SPOKESPEOPLE and not (names and words[-1] in names):
        return "official_body"  # "a spokeswoman for the council" speaks for the council
    if names and words[-1] in names and not lower[0] in INDEFINITE:
        if lower[0] == "the" and len(words) > 1:
            return "official_body"  # "the Kremlin", "The Bureau of Reclamation": no person takes "the"
        return "named_person"
    if head in WITNESS_NOUNS or head in LAY_ROLES and len(words) > 1:
        return "witness"
    if head in DOCUMENT_NOUNS:
        return "document"
    if head in BODY_NOUNS and set(lower) & _NEWS:
        return "media"  # "a news agency", "the press service"
    if head in MEDIA_NOUNS:
        return "media"
    if lower[0] in INDEFINITE and (head in ANONYMOUS_NOUNS or head in TITLES):
        return "anonymous"  # "A White House official", "one police officer"
    if head in BODY_NOUNS or lower[0] == "the" and head in OFFICE_WORDS:
        return "official_body"  # "the minister": an unnamed office holder speaks for the office
    if head in ANONYMOUS_NOUNS or head in TITLES:
        return "anonymous"  # "Engineers", "the officer"
    if names and words[-1] in names:
        return "named_person"  # "one Pierre Brossollette"
    if any(bare(w) in MEDIA_NOUNS for w in full):
        return "media"
    if any(bare(w) in BODY_NOUNS for w in lower) or names:
        return "official_body"
    return "anonymous"
