"""Negation in a claim: the words that say no ("not", "denied", "refused to", "without"), the
idioms that negate nothing ("not only", "no doubt"), and the words each negation bears on.
"""
from __future__ import annotations

from .normalise import NEGATIONS, STOP_WORDS, antonym_keys

REFUTATIONS = frozenset("hoax hoaxes fake false debunk debunked debunks untrue myth nope deny denied "
                        "denies denying misleading baseless fabricated fabrication bogus erroneous wrongly "
                        "unfounded refute refutes refuted refuting rebuff rebuffs rebuffed phony phoney "
                        "misinformation exaggerated incorrect inaccurate rubbish nonsense fiction fictitious "
                        "falsely fakes faked debunking myths discredited disproved disproven dispel dispels "
                        "dispelled quash quashes quashed retract retracts retracted retraction "
                        "spoof hoaxer hoaxers prank doctored photoshopped bs trolled".split())
NEGATIVE_VERBS = frozenset("fail fails failed failing failure refuse refuses refused refusing refusal decline "
                           "declines declined declining unable".split())  # negate when followed by "to"
DENYING = frozenset("deny denied denies denying rebuff rebuffs rebuffed".split())  # a refutation after them is refuted
PRIVATIVES = frozenset("without lack lacks lacked lacking absence".split())
TRUTH_WORDS = frozenset("true real so correct accurate".split())
AUXILIARIES = frozenset("be been being get got have".split())  # between "not" and its verb
BEARING_WORDS = 2             # content words after "not" it bears on
NEGATION_SCOPE = 8              # words after "not" it can bear on


def negations(ws):
    """Where the words that negate a claim are: "not", "denied", "refused (to)", "without"."""
    cancelled = set()
    for k, w in enumerate(ws):
        lower = w.written
        if k in cancelled or (lower in NEGATIONS and _idiom(ws, k)):
            continue
        if lower in NEGATIONS or lower in DENYING:
            # "no hoax", "denies hoax claims": a refutation refuted affirms ("debunks the hoax" does not)
            refuted = next((j for j in range(k + 1, min(len(ws), k + 4)) if ws[j].written in REFUTATIONS
                            and not any(v.after_break for v in ws[k + 1:j + 1])), None)
            if refuted is not None:
                cancelled.add(refuted)
                continue
        if lower in NEGATIONS or lower in REFUTATIONS or lower in PRIVATIVES:
            yield k
        elif lower in NEGATIVE_VERBS and k + 1 < len(ws) and ws[k + 1].written == "to":
            yield k  # "refused to recuse himself" negates as "would not recuse himself" does


def ends_clause(ws, k: int) -> bool:
    """Whether a clause ends before word k: "isn't real." but not "no real explosives"."""
    return k >= len(ws) or ws[k].after_break or ws[k].key in ("that", "but", "and")


def _idiom(ws, k: int) -> bool:
    """Whether the negation word at k negates nothing: "not only", "isn't until", "nothing but",
    "no doubt", "No. 1", "may or may not", "no idea", "not sure"."""
    if any(w.key == "or" for w in ws[max(0, k - 2):k]):
        return True  # "whether or not", "may or may not"
    if k + 1 == len(ws):
        return False
    negation, following = ws[k].written, ws[k + 1]
    if negation == "no":
        return following.key in ("doubt", "idea") or following.number is not None
    if negation == "nothing":
        return following.key == "but"
    return following.key in ("only", "until", "till", "least", "sure")


def scope(ws, k: int):
    """The positions of the words the negation at k can bear on: up to NEGATION_SCOPE words after
    it, within its clause."""
    for j in range(k + 1, min(len(ws), k + 1 + NEGATION_SCOPE)):
        if ws[j].after_break:
            return
        yield j


def in_scope(ws, k: int, other_keys: frozenset, own_keys: frozenset) -> bool:
    """Whether the negation at k bears on something the other claim says: a refutation ("hoax",
    "denied", a bare "No,", "not true") bears on the whole claim, any other negation on its first
    BEARING_WORDS content words (`_bears`) in its `scope` ("whose names were not released, ..."
    is about names; "did not initially buy the weapon" about buying and the weapon).
    An opposite of the other's word denied right after the negation says what it says ("did not
    survive" / "died"), unless the negated claim writes that word too ("missing students not found")."""
    following = ws[k + 1] if k + 1 < len(ws) else None
    if ws[k].written in REFUTATIONS or following is None or following.after_break \
            or (following.key in TRUTH_WORDS and ends_clause(ws, k + 2)):
        return True  # "hoax", "No, ...", "... Probably Not", "not true"
    content, adjacent = 0, True
    for j in scope(ws, k):
        w = ws[j]
        if adjacent and any(o in other_keys and o not in own_keys for o in antonym_keys(w.key)):
            return False
        adjacent = adjacent and w.key in AUXILIARIES
        if w.key in other_keys:
            return True
        if _bears(ws, j):
            content += 1
            if content == BEARING_WORDS:
                break
    return False


def _bears(ws, j: int) -> bool:
    """Whether a negation can bear on word j itself: a content word, not an adverb ("immediately"),
    a figure, or a word that hands it on to what follows ("appear to fit", "the bill of the shooters")."""
    w = ws[j]
    if w.key in STOP_WORDS or w.number is not None or w.text[0].isdigit() or w.written.endswith("ly"):
        return False
    return j + 1 == len(ws) or ws[j + 1].after_break or ws[j + 1].key not in ("to", "of")


def negated_words(ws) -> frozenset[int]:
    """The positions of every word some negation of the claim can bear on (`scope`)."""
    return frozenset(j for k in negations(ws) for j in scope(ws, k))
