"""How two claims relate: agree, contradict, related (same subject, other facts) or unrelated.

`relate(a, b)` compares normalised words (normalise.py) with rapidfuzz, then looks for the signals
of a contradiction: different numbers for the same thing, a negation or a refutation on one
side only, opposite outcomes (died / survived), a different name in the same slot, a different
day or month (slots.py).  Two boosted-tree models (trees.py, fitted by scripts/train_relate.py) weigh the
similarities and signals where no rule decides.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

from .claim_profile import Profile, profile
from .normalise import lexical_keys
from .lookalikes import another_one, another_time, other_members
from .slots import (DATED_APART, SUBJECT, conflicts_between, denies_the_act, details, looser_counts, one_slot_apart,
                    same_polarity)
from .trees import BoostedTrees

RELATIONS = ("agree", "contradict", "related", "unrelated")
MIN_SHARED_FOR_RELATED = 2      # content words two claims share before they are about the same thing
MIN_DICE_FOR_RELATED = 0.15
CONTRADICT_PROBABILITY = 0.5    # the contradiction model's probability for a contradiction with no signal
AGREE_PROBABILITY = 0.4         # the agreement model's probability above which b agrees with a
NAMES_ONLY_AGREE_PROBABILITY = 0.5  # ... when the words they share are names
AGREE_MIN_COVERAGE = 0.5        # ... if more than this share of one claim's words is in the other
ENTAILED_COVERAGE = 0.8         # claims agree, whatever the model says, if one has this share of the other's words
DETAIL_CONFLICT_SIMILARITY = 0.7  # a different name in the same place or day counts only between claims this alike
SAME_BUT_NEGATED = 0.7          # a negation between claims this alike is a contradiction outright
CONFLICT_SIMILARITY = 0.5       # claims less alike than this are about different things: no conflict
DETAIL_AGREE_PROBABILITY = 0.35  # claims giving one telling detail alike agree above this model probability,
DETAIL_AGREE_UNSAID = 2         # ... when the shorter says at most this many other words the longer does not
SURE_AGREE_PROBABILITY = 0.6   # a model this sure outweighs a rumour word on one side ("could face" / "faces")


@dataclass(frozen=True)
class Relation:
    """The relation of claim a to claim b, how sure (0..1), and why."""

    label: str
    score: float
    reasons: tuple[str, ...] = ()
    conflicts: tuple[tuple[str, str], ...] = ()  # (a's words, b's words)

    def flipped(self) -> "Relation":
        """The same relation seen from b: each conflict's two sides swapped."""
        return Relation(self.label, self.score, self.reasons, tuple((y, x) for x, y in self.conflicts))

    def to_dict(self) -> dict:
        """The JSON form."""
        return {"label": self.label, "score": round(self.score, 3), "reasons": self.reasons,
                "conflicts": [list(c) for c in self.conflicts]}


@dataclass(frozen=True)
class Context:
    """What is known of a claim beyond its words: whether it is put forward as uncertain, the
    date of its article (which places "yesterday", "on Monday" and "850 years ago"), and whom
    its opening "he" or "she" stands for (resolved in its article: `Claim.subject`)."""

    hedged: bool = False
    published: date | None = None
    subject: str | None = None

    @classmethod
    def of(cls, hedged, published: str | None, subject: str | None = None) -> "Context":
        """The context of a stored claim: its hedged flag, its article's YYYY-MM-DD date, if valid,
        and its resolved subject."""
        try:
            day = date.fromisoformat(published[:10]) if published else None
        except ValueError:
            day = None
        return cls(bool(hedged), day, subject or None)


def relate(a: str, b: str, context_a: Context | None = None, context_b: Context | None = None) -> Relation:
    """How claim `a` relates to claim `b`: the label is the same whichever comes first.

    The pair is put in one order (the longer claim first) before anything is compared; the
    conflicts come back as (a's words, b's words). With contexts, a hedged claim never agrees
    with one that asserts the same thing (it is related), and days and years told relative to an
    article's date are compared as dates.
    """
    context_a, context_b = context_a or Context(), context_b or Context()
    dated_a, dated_b = context_a.published, context_b.published
    (a, named_a), (b, named_b) = _with_subject(a, context_a.subject), _with_subject(b, context_b.subject)
    relation = _relate_in_order(b, a, dated_b, dated_a).flipped() if _comes_first(b, a) \
        else _relate_in_order(a, b, dated_a, dated_b)
    people = _different_people(a, named_a, b, named_b) or _different_people(b, named_b, a, named_a)
    if people and relation.label in ("agree", "contradict"):  # "he" is Jones here, Smith there
        return Relation("related", relation.score, (f"about different people: {people[0]!r} and {people[1]!r} "
                                                    "('he' or 'she' read as whom the article names before)",))
    hedged_a, hedged_b = context_a.hedged, context_b.hedged
    if relation.label == "agree" and hedged_a != hedged_b:
        return Relation("related", relation.score, relation.reasons + (
            "one side is hedged, the other asserts it: related, not corroboration",), relation.conflicts)
    return relation


_OPENING_PRONOUN = re.compile(r"(?:he|she)\b", re.IGNORECASE)


def _with_subject(text: str, subject: str | None) -> tuple[str, str | None]:
    """The claim with its opening "he" or "she" replaced by whom it stands for, and that name
    (None when nothing was replaced)."""
    if subject and _OPENING_PRONOUN.match(text):
        return subject + text[_OPENING_PRONOUN.match(text).end():], subject
    return text, None


def _different_people(text: str, named: str | None, other: str, other_named: str | None) -> tuple[str, str] | None:
    """(the name a "he" of `text` stands for, the other claim's subject) when the other claim opens
    with someone else and never mentions the first ("he" = Tom Jones / "Ann Smith was charged")."""
    if not named:
        return None
    opening = other_named or (profile(other).slot_names.get(SUBJECT) or (None,))[0]
    words, others = set(named.lower().split()), set(re.findall(r"[\w'’-]+", other.lower()))
    if opening and words.isdisjoint(others) and words.isdisjoint(opening.lower().split()):
        return named, opening
    return None


def _comes_first(x: str, y: str) -> bool:
    """The order relate compares a pair in: the longer claim first, then by text."""
    return (len(x), x) > (len(y), y)


@lru_cache(maxsize=50_000)
def _relate_in_order(a: str, b: str, published_a: date | None = None, published_b: date | None = None) -> Relation:
    """relate() for a pair already in order. Cached: wire copy repeats the same sentences, and
    a repeated pair costs nothing the second time."""
    pa, pb = profile(a, published_a), profile(b, published_b)
    keys_a, keys_b = pa.keys, pb.keys
    if not keys_a or not keys_b:
        return Relation("unrelated", 0.0, ("no content words to compare",))
    set_a, set_b = pa.key_set, pb.key_set
    said_a, said_b = _shared(pa, pb), _shared(pb, pa)  # what each says that the other says
    shared = said_a | said_b
    dice = (len(said_a) + len(said_b)) / (len(set_a) + len(set_b))
    similarity = _similarity(pa, pb)
    coverage = len(said_b) / len(set_b)
    score = round(max(dice, min(similarity, coverage + 0.1)), 3)
    if len(said_a) < MIN_SHARED_FOR_RELATED and dice < MIN_DICE_FOR_RELATED:
        return Relation("unrelated", score, (f"share {len(said_a)} content word(s)",))

    elsewhere = another_time(pa, pb) or another_time(pb, pa)
    if elsewhere:
        return Relation("unrelated", score, (f"look-alike: one claim is set in {elsewhere!r}, the other "
                                             "gives no such time (another event?)",))
    series = other_members(pa, pb)
    if series:
        return Relation("unrelated", score, (f"look-alike: other members of a series ({series})",))
    other = another_one(pa, pb)
    if other:
        return Relation("unrelated", score, (f"look-alike: one claim speaks of another ({other!r})",))
    # Sharing a number and a word is not enough ("two suspects were arrested" / "two officers were wounded"):
    # most of what one claim says, or two words in the same spelling that are not numbers (a name once)
    covered = max(coverage, len(said_a) / len(set_a)) > AGREE_MIN_COVERAGE or _words_alike(pa, pb) >= 2
    entailed = any(len(said) / len(own) >= ENTAILED_COVERAGE and len(own) >= 3
                   for said, own in ((said_a, set_a), (said_b, set_b)))
    # A count, sum, clock time or day both give, with a word beside it both use ("spire" ... "7:50 p.m."
    # / "8pm"): the claims are compared on that detail however few words they share.
    fits, clashes = details(pa, pb, shared)
    one_slot = one_slot_apart(pa, pb)
    if similarity < CONFLICT_SIMILARITY and not (covered or entailed or fits or clashes or one_slot):  # can neither contradict nor agree
        return Relation("related", score, (f"same subject ({len(shared)} shared words), too little of "
                                           "either claim in the other to agree",))
    conflicts, reasons, kinds = conflicts_between(pa, pb, shared, one_slot)
    values = _features(a, b, pa, pb, (said_a, said_b), kinds, similarity, (fits, clashes))
    dated_apart, kinds = DATED_APART in kinds, kinds - {DATED_APART}
    # the contradiction model is asked only where a contradiction may stand
    contradicts = models()["contradict"].probability(values) if similarity >= CONFLICT_SIMILARITY else 0.0
    # Numbers, names, dates and opposite outcomes are taken at their word, and so is a negation
    # between claims otherwise the same; with no such signal the model must be sure.
    apart = False  # another day in claims too loosely alike for that to contradict: not one proposition either
    if similarity < DETAIL_CONFLICT_SIMILARITY:
        apart = "date" in kinds
        # names and days differ in loosely related claims all the time, not in claims the same but for names
        kinds = kinds - {"date"} - (set() if one_slot else {"name"})
    if similarity < SAME_BUT_NEGATED and not denies_the_act(pa, pb):
        # a negation is common in claims that agree ("failed to" / "did not"); a refutation
        # ("hoax", "fabricated") stays: it calls the other claim false
        kinds = kinds - {"negation"}
    if similarity < CONFLICT_SIMILARITY:  # about different things unless a telling detail clashes
        kinds = (kinds & {"number", "time"} if clashes else set()) | (kinds & {"name", "antonym"} if one_slot else set())
    looser = looser_counts(pa, pb)  # figures that differ but fit are no contradiction the model may find
    # the model alone makes no contradiction of claims that share a single word: the same proposition comes first
    if kinds or (contradicts >= CONTRADICT_PROBABILITY and not looser and len(shared) >= MIN_SHARED_FOR_RELATED):
        why = tuple(reasons) or (f"contradiction model {contradicts:.2f}",)
        return Relation("contradict", round(max(score, contradicts), 3), why, tuple(conflicts))
    likely = models()["agree"].probability(values)
    if pb.rumoured != pa.rumoured and (likely < SURE_AGREE_PROBABILITY or pa.relays or pb.relays):
        return Relation("related", score, (f"same subject ({len(shared)} shared words), only one side reports "
                                           "it as a rumour or possibility",))
    if looser:
        return Relation("related", score, (f"same subject, figures that differ but fit: {looser}",))
    if dated_apart:
        return Relation("related", score, ("same subject, but a passage whose years are not the claim's",))
    if apart:
        return Relation("related", score, ("same subject, but another day",))
    polarity = same_polarity(pa, pb)
    unsaid = len(set_b - said_b - pb.value_keys)  # what the shorter says beyond the other and its figures
    if fits and not clashes and polarity and unsaid <= DETAIL_AGREE_UNSAID \
            and (likely >= DETAIL_AGREE_PROBABILITY or not unsaid):
        x, y = fits[0]
        return Relation("agree", max(score, 0.8), (f"the same detail on both sides: {x.written!r} / {y.written!r}, "
                                                   "nothing that conflicts",))
    # The model alone does not make an agreement of claims with a negation on one side only
    # ("there were no wounded" / "the worker who was hit survived"); one saying all the other
    # says does ("The two men, whose names were not released, had ..." / "The two men had ...").
    # claims that share nothing but names ("Charlie Hebdo") need a surer model
    bar = AGREE_PROBABILITY if shared - pa.names - pb.names else NAMES_ONLY_AGREE_PROBABILITY
    if entailed or (likely >= bar and covered and polarity):
        why = "one says all the other says" if entailed else f"agree {likely:.2f}"
        return Relation("agree", round(max(score, likely), 3),
                        (f"similarity {similarity:.2f}, {coverage:.0%} of the shorter claim's words in the other, {why}",))
    return Relation("related", score, (f"same subject ({len(shared)} shared words), agree only {likely:.2f}",))


def features(a: str, b: str) -> dict[str, float]:
    """The numbers the relation models weigh, all roughly in 0..1, named (pair put in relate's order)."""
    if _comes_first(b, a):
        a, b = b, a
    pa, pb = profile(a), profile(b)
    said = _shared(pa, pb), _shared(pb, pa)
    shared = said[0] | said[1]
    found = details(pa, pb, shared)
    kinds = conflicts_between(pa, pb, shared, one_slot_apart(pa, pb))[2]
    return _features(a, b, pa, pb, said, kinds, _similarity(pa, pb), found)


def _similarity(pa: Profile, pb: Profile) -> float:
    """rapidfuzz's token-set ratio of the two claims' content words, in 0..1."""
    return fuzz.token_set_ratio(" ".join(pa.keys), " ".join(pb.keys)) / 100


def _features(a: str, b: str, pa: Profile, pb: Profile, said: tuple[set, set], kinds: set[str],
              similarity: float, found: tuple[list, list]) -> dict[str, float]:
    """The model features; `said` is what each claim says that the other says (_shared)."""
    keys_a, keys_b = pa.keys, pb.keys
    set_a, set_b = pa.key_set or {""}, pb.key_set or {""}
    said_a, said_b = said
    bigrams_a, bigrams_b = set(zip(keys_a, keys_a[1:])), set(zip(keys_b, keys_b[1:]))
    joined_a, joined_b = " ".join(keys_a), " ".join(keys_b)
    values = {
        "set_similarity": similarity,
        "sort_similarity": fuzz.token_sort_ratio(joined_a, joined_b) / 100,
        "partial_similarity": fuzz.partial_ratio(joined_a, joined_b) / 100,
        "text_ratio": fuzz.ratio(a.lower(), b.lower()) / 100,
        "dice": (len(said_a) + len(said_b)) / (len(set_a) + len(set_b)),
        "coverage_a": len(said_a) / len(set_a),
        "coverage_b": len(said_b) / len(set_b),
        "fuzzy_coverage_a": _fuzzy_coverage(set_a, set_b, said_a),
        "fuzzy_coverage_b": _fuzzy_coverage(set_b, set_a, said_b),
        "unmatched_a": min(10, len(set_a) - len(said_a)) / 10,
        "unmatched_b": min(10, len(set_b) - len(said_b)) / 10,
        "length_ratio": min(len(set_a), len(set_b)) / max(len(set_a), len(set_b)),
        "length_difference": min(20, abs(len(pa.words) - len(pb.words))) / 20,
        "log_length_a": math.log1p(len(pa.key_set)) / 4,
        "log_length_b": math.log1p(len(pb.key_set)) / 4,
        "bigram_dice": 2 * len(bigrams_a & bigrams_b) / max(1, len(bigrams_a) + len(bigrams_b)),
        "unmatched_numbers": min(3, len(pa.numbers ^ pb.numbers)) / 3,
        "numbers_equal": float(bool(pa.numbers) and pa.numbers == pb.numbers),
        "numbers_disjoint": float(bool(pa.numbers) and bool(pb.numbers) and not pa.numbers & pb.numbers),
        "names_unmatched": min(5, len(pa.names ^ pb.names)) / 5,
        "negated_a": float(pa.negated), "negated_b": float(pb.negated),
        "negation_one_side": float(pa.negated != pb.negated),
        "hedged_a": float(pa.hedged), "hedged_b": float(pb.hedged),
        "hedge_one_side": float(pa.hedged != pb.hedged),
        "refuted_b": float(pb.refuted),
        "question": float(pb.question),
        "details_fit": min(2, len(found[0])) / 2,
        "details_clash": min(2, len(found[1])) / 2,
    }
    for n, (grams_a, grams_b) in enumerate(zip(pa.grams, pb.grams), start=1):
        common = len(grams_a & grams_b)
        values[f"words{n}_of_a"] = common / max(1, len(grams_a))
        values[f"words{n}_of_b"] = common / max(1, len(grams_b))
    values.update({f"conflict_{kind}": 1.0 for kind in kinds})
    return values



def _shared(pa: Profile, pb: Profile) -> set[str]:
    """The keys of a that b says too, in its own words or in a word WordNet relates
    ("capsized" / "overturned", "killed" / "died")."""
    set_a, set_b = pa.key_set, pb.key_set
    shared = set_a & set_b
    return shared | {key for key in set_a - shared if not lexical_keys(key).isdisjoint(set_b)}  # both ways


def _words_alike(pa: Profile, pb: Profile) -> int:
    """How many words the two claims write alike, not counting numbers, and a name of several words
    ("the Brennan Bridge") once."""
    same = {key for key in pa.key_set & pb.key_set if not key[0].isdigit()}
    names = [run for run in pb.name_runs if not run.isdisjoint(same)]
    return len(same - pb.names) + len(names)


def _fuzzy_coverage(own: set, other: set, shared: set) -> float:
    """The share of `own` words found in `other`, counting near spellings ("Mahalingam")."""
    rest = list(other - shared)
    near = sum(1 for word in own - shared
               if rest and process.extractOne(word, rest, scorer=fuzz.ratio, score_cutoff=80))
    return (len(shared) + near) / len(own)


@lru_cache(maxsize=1)
def models() -> dict[str, BoostedTrees]:
    """The "agree" and "contradict" models shipped with the package."""
    data = json.loads(resources.files("factcheck.data").joinpath("relate_model.json").read_text("utf-8"))
    return {name: BoostedTrees(model) for name, model in data.items()}


