"""Whether a claim is put forward as uncertain: by its cue ("Officials fear ...") or its own words."""
from __future__ import annotations

import re
from operator import attrgetter

from .lexicon import HEDGES
from .tokens import Token

# Verbs of belief, suspicion and expectation: content under them is not asserted as known.
BELIEF_FORMS = frozenset("""
believe believes believed believing think thinks suspect suspects suspected suspecting fear fears
feared fearing expect expects expected expecting presume presumes presumed assume assumes assumed
""".split())
# Likelihood words a claim may carry besides the modal ones of the lexicon.
_LIKELIHOOD = frozenset("potential potentially possible uncertain".split())
# "not clear whether", "not yet known": uncertainty stated in the claim.
_UNCERTAIN_AFTER_NOT = frozenset("clear certain known confirmed".split())
_NEGATIVES = frozenset("not n't n’t never nothing no nobody none cannot".split())
_ABILITY = frozenset(["could"])  # "could not be reached", "nothing we could do": no hedge
_APOSTROPHE = re.compile("[’']")
# The words (cut at an apostrophe) that can make words_hedge true: a claim with none is certain.
_TRIGGERS = HEDGES | _LIKELIHOOD | BELIEF_FORMS | _ABILITY | {"not", "n't"}
_lower = attrgetter("lower")


def cue_hedges(cue: str | None) -> bool:
    """Whether a cue is a verb of belief or expectation ("have long feared", "believe")."""
    return cue is not None and any(w in BELIEF_FORMS for w in cue.lower().split())


_COMPARED = frozenset(("likely", "unlikely", "probable"))
_APPEAR = frozenset(("appears", "appeared"))
_BELIEVERS = frozenset("i we they he she you".split())
_PLACES = frozenset("before in on at for with alongside outside inside by during from together".split())
_COMPARATIVES = frozenset("more less as times twice".split())  # not "the most likely cause": a hedge


def words_hedge(words: list[Token]) -> bool:
    """Whether a claim's own words make it uncertain: a modal or likelihood word, a belief verb,
    or "not clear"; a capitalised "May" is a name or a month, and "could not" is inability."""
    lowers = list(map(_lower, words))
    if _TRIGGERS.isdisjoint(lowers):
        joined = "".join(lowers)
        if "'" not in joined and "’" not in joined:
            return False  # most claims: no word that could make them uncertain, read in C
    for k, token in enumerate(words):
        word = token.lower
        if "'" in word or "’" in word:
            word = _APOSTROPHE.split(word)[0]  # "could've" hedges as "could" does
        if token.text[:1].isupper() and k > 0:
            continue
        if word in _ABILITY:
            if any(w.lower in _NEGATIVES for w in words[max(0, k - 3):k + 2]):
                continue
            return True
        if word in _COMPARED and k > 0 and words[k - 1].lower in _COMPARATIVES:
            continue  # "18 percent more likely to develop": a measured risk, not a hedge
        if word in BELIEF_FORMS and word.endswith("ing") and (k + 1 == len(words) or words[k + 1].lower != "that"):
            continue  # "spent the night in their cars, fearing further tremors": what they feared is no claim
        if word in BELIEF_FORMS and k == len(words) - 1 and not (k and words[k - 1].lower in _BELIEVERS):
            continue  # "The players never stopped believing": nothing believed is told ("..., I think" is a hedge)
        if word in _APPEAR and k + 1 < len(words) and words[k + 1].lower in _PLACES:
            continue  # "appeared before magistrates", "appeared on television": a presence, not a hedge
        if word in HEDGES or word in _LIKELIHOOD or word in BELIEF_FORMS:
            return True
        if word == "not" and k + 1 < len(words) and words[k + 1].lower in _UNCERTAIN_AFTER_NOT:
            return True
        if word in ("not", "n't") and k + 2 < len(words) and words[k + 1].lower in ("yet", "immediately") \
                and words[k + 2].lower in _UNCERTAIN_AFTER_NOT:
            return True
    return False
