"""How two claims relate: agree, contradict, related (same subject, other facts) or unrelated.

`relate(a, b)` compares normalised words (textnorm) with rapidfuzz, then looks for the signals
of a contradiction: different numbers for the same thing, a negation or a refutation on one
side only, opposite outcomes (died / survived), a different name in the same slot, a different
day or month.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from .textnorm import MONTHS, NEGATIONS, STOP_WORDS, WEEKDAYS, Word, antonym_keys, content_keys, words

RELATIONS = ("agree", "contradict", "related", "unrelated")
REFUTATIONS = frozenset("hoax hoaxes fake false debunk debunked debunks untrue myth nope deny denied "
                        "denies denying misleading baseless".split())
HEDGES = frozenset("could may might reportedly allegedly alleged claim claims claimed claiming rumor "
                   "rumour rumors rumours rumored rumoured possibly apparently purportedly perhaps report "
                   "reports reported source sources probably likely unconfirmed ?".split())
MIN_SHARED_FOR_RELATED = 2      # content words two claims share before they are about the same thing
MIN_DICE_FOR_RELATED = 0.25
AGREE_MIN_COVERAGE = 0.5        # and more than this share of one claim's words must be in the other
CONTRADICT_PROBABILITY = 0.2    # the contradiction model's probability needed on top of a signal
AGREE_PROBABILITY = 0.38        # the agreement model's probability above which b agrees with a
NAME_CONFLICT_SIMILARITY = 0.7  # a different name in the same place counts only between claims this alike
SAME_BUT_NEGATED = 0.8          # a negation between claims this alike is a contradiction outright
CONFLICT_SIMILARITY = 0.5       # claims less alike than this are about different things: no conflict


@dataclass(frozen=True)
class Profile:
    """What relate needs of one claim, computed once per text."""

    words: tuple
    keys: tuple
    key_set: frozenset
    negated: bool
    hedged: bool
    question: bool
    numbers: frozenset


@lru_cache(maxsize=20_000)
def profile(text: str) -> Profile:
    """The comparable form of a claim (cached: a claim meets many candidates)."""
    ws = tuple(words(text))
    keys = tuple(content_keys(list(ws)))
    return Profile(ws, keys, frozenset(keys), _has(ws, NEGATIONS) or _has(ws, REFUTATIONS),
                   _has(ws, HEDGES), any(w.text == "?" for w in ws),
                   frozenset(w.number for w in ws if w.number is not None))


@dataclass(frozen=True)
class Relation:
    """The relation of claim a to claim b, how sure (0..1), and why."""

    label: str
    score: float
    reasons: tuple[str, ...] = ()
    conflicts: tuple[tuple[str, str], ...] = ()  # (a's words, b's words)

    def to_dict(self) -> dict:
        """The JSON form."""
        return {"label": self.label, "score": round(self.score, 3), "reasons": self.reasons,
                "conflicts": [list(c) for c in self.conflicts]}


@lru_cache(maxsize=50_000)
def relate(a: str, b: str) -> Relation:
    """How claim `a` relates to claim `b` (b is read as the claim to check against a).

    Cached: wire copy repeats the same sentences, and a repeated pair costs nothing the second time.
    """
    pa, pb = profile(a), profile(b)
    keys_a, keys_b = pa.keys, pb.keys
    if not keys_a or not keys_b:
        return Relation("unrelated", 0.0, ("no content words to compare",))
    set_a, set_b = pa.key_set, pb.key_set
    shared = set_a & set_b
    dice = 2 * len(shared) / (len(set_a) + len(set_b))
    similarity = fuzz.token_set_ratio(" ".join(keys_a), " ".join(keys_b)) / 100
    coverage = len(shared) / len(set_b)
    score = round(max(dice, min(similarity, coverage + 0.1)), 3)
    if len(shared) < MIN_SHARED_FOR_RELATED and dice < MIN_DICE_FOR_RELATED:
        return Relation("unrelated", score, (f"share {len(shared)} content word(s)",))

    conflicts, reasons, kinds = _conflicts(pa, pb, shared)
    values = features(a, b)
    values.update({f"conflict_{kind}": 1.0 for kind in kinds})
    # Numbers, names, dates and opposite outcomes are taken at their word, and so is a negation
    # between claims that are otherwise the same; any other one-sided negation is common in
    # claims that agree, so the contradiction model must back it.
    if similarity < NAME_CONFLICT_SIMILARITY:
        kinds_weighed = kinds - {"name"}  # names differ in loosely related claims all the time
    else:
        kinds_weighed = kinds
    strong = kinds_weighed - {"negation"} or (kinds if similarity >= SAME_BUT_NEGATED else set())
    if similarity >= CONFLICT_SIMILARITY and (strong or (
            "negation" in kinds and probability("contradict", values) >= CONTRADICT_PROBABILITY)):
        return Relation("contradict", score, tuple(reasons), tuple(conflicts))
    hedged = pb.hedged and not pa.hedged
    likely = probability("agree", values)
    covered = max(coverage, len(shared) / len(set_a)) > AGREE_MIN_COVERAGE
    if likely >= AGREE_PROBABILITY and covered and not hedged:
        return Relation("agree", max(score, likely),
                        (f"similarity {similarity:.2f}, {coverage:.0%} of b's words in a, agree {likely:.2f}",))
    why = "b only reports or hedges it" if hedged else f"agree only {likely:.2f}"
    return Relation("related", score, (f"same subject ({len(shared)} shared words), {why}",))


FEATURES = ("set_similarity", "sort_similarity", "text_ratio", "dice", "coverage_a", "coverage_b",
            "length_ratio", "bigram_dice", "unmatched_numbers", "negation_one_side", "hedge_one_side",
            "question")


def features(a: str, b: str) -> dict:
    """The numbers the relation models weigh, all roughly in 0..1."""
    pa, pb = profile(a), profile(b)
    keys_a, keys_b = pa.keys, pb.keys
    set_a, set_b = pa.key_set or {""}, pb.key_set or {""}
    shared = set_a & set_b
    bigrams_a, bigrams_b = set(zip(keys_a, keys_a[1:])), set(zip(keys_b, keys_b[1:]))
    joined_a, joined_b = " ".join(keys_a), " ".join(keys_b)
    return {
        "set_similarity": fuzz.token_set_ratio(joined_a, joined_b) / 100,
        "sort_similarity": fuzz.token_sort_ratio(joined_a, joined_b) / 100,
        "text_ratio": fuzz.ratio(a.lower(), b.lower()) / 100,
        "dice": 2 * len(shared) / (len(set_a) + len(set_b)),
        "coverage_a": len(shared) / len(set_a),
        "coverage_b": len(shared) / len(set_b),
        "length_ratio": min(len(set_a), len(set_b)) / max(len(set_a), len(set_b)),
        "bigram_dice": 2 * len(bigrams_a & bigrams_b) / max(1, len(bigrams_a) + len(bigrams_b)),
        "unmatched_numbers": min(3, len(pa.numbers ^ pb.numbers)) / 3,
        "negation_one_side": float(pa.negated != pb.negated),
        "hedge_one_side": float(pa.hedged != pb.hedged),
        "question": float(pb.question),
    }


CONFLICT_KINDS = ("number", "negation", "antonym", "name", "date")


def conflict_kinds(a: str, b: str) -> set[str]:
    """Which contradiction signals fire between two claims (for training the models)."""
    pa, pb = profile(a), profile(b)
    return _conflicts(pa, pb, pa.key_set & pb.key_set)[2]


@lru_cache(maxsize=1)
def _weights() -> dict[str, dict[str, float]]:
    return json.loads(resources.files("factcheck.data").joinpath("relate_model.json").read_text("utf-8"))


def probability(model: str, values: dict) -> float:
    """The "agree" or "contradict" model's probability for these feature values (logistic regression)."""
    weights = _weights().get(model, {})
    z = weights.get("bias", 0.0) + sum(weights.get(name, 0.0) * value for name, value in values.items())
    return 1.0 / (1.0 + math.exp(-z))


def _has(ws, vocabulary: frozenset) -> bool:
    """Whether any word, as written (lower-cased), is in the vocabulary ("notes" is not "not")."""
    return any(w.text.lower().replace("’", "'") in vocabulary for w in ws)


def _conflicts(pa: Profile, pb: Profile, shared: set[str]):
    """(conflicts, reasons, kinds): the contradiction signals between two related claims."""
    words_a, words_b = pa.words, pb.words
    conflicts: list[tuple[str, str]] = []
    reasons: list[str] = []
    kinds: set[str] = set()
    for left, right, why in _number_conflicts(words_a, words_b):
        conflicts.append((left, right))
        reasons.append(why)
        kinds.add("number")
    negated_a, negated_b = pa.negated, pb.negated
    if negated_a != negated_b:
        marker = _first(words_a if negated_a else words_b, NEGATIONS | REFUTATIONS)
        conflicts.append((marker, "") if negated_a else ("", marker))
        reasons.append(f"negation on one side only: {marker!r}")
        kinds.add("negation")
    keys_b = {w.key: w for w in words_b}
    for w in words_a:
        for opposite in antonym_keys(w.key):
            if opposite in keys_b:
                conflicts.append((w.text, keys_b[opposite].text))
                reasons.append(f"opposite outcomes: {w.text!r} vs {keys_b[opposite].text!r}")
                kinds.add("antonym")
    for left, right in _slot_conflicts(words_a, words_b, shared):
        conflicts.append((left, right))
        reasons.append(f"different name in the same place: {left!r} vs {right!r}")
        kinds.add("name")
    for vocabulary, what in ((WEEKDAYS, "day"), (MONTHS, "month")):
        days_a = {w.key for w in words_a if w.key in vocabulary}
        days_b = {w.key for w in words_b if w.key in vocabulary}
        if days_a and days_b and not days_a & days_b:
            conflicts.append((", ".join(sorted(days_a)), ", ".join(sorted(days_b))))
            reasons.append(f"different {what}")
            kinds.add("date")
    return conflicts, reasons, kinds


def _first(ws, vocabulary: frozenset) -> str:
    return next(w.text for w in ws if w.text.lower().replace("’", "'") in vocabulary)


def _number_conflicts(words_a: list[Word], words_b: list[Word]):
    """Numbers that count the same thing differently: "12 people" vs "11 people"."""
    counted_a, counted_b = _counted(words_a), _counted(words_b)
    for thing, value_a in counted_a.items():
        value_b = counted_b.get(thing)
        if value_b is not None and value_b[0] != value_a[0]:
            yield value_a[1], value_b[1], f"numbers differ for {thing!r}: {value_a[1]} vs {value_b[1]}"


def _counted(ws: list[Word]) -> dict[str, tuple[float, str]]:
    """{the word a number counts or follows: (value, as written)}."""
    found = {}
    content = [w for w in ws if w.key not in ("a", "the")]
    for k, w in enumerate(content):
        if w.number is None or _in_range(content, k):
            continue
        for neighbour in content[k + 1:k + 3] + content[max(0, k - 1):k]:
            if neighbour.number is None and neighbour.key not in NEGATIONS and len(neighbour.key) > 2:
                found.setdefault(neighbour.key, (w.number, w.text))
                break
    return found


def _in_range(content: list[Word], k: int) -> bool:
    """Whether the number at k is one end of a range or an approximation ("three to four")."""
    before = content[k - 1].key if k > 0 else ""
    after = content[k + 1].key if k + 1 < len(content) else ""
    after2 = content[k + 2] if k + 2 < len(content) else None
    return (before in ("to", "or", "and", "between", "about", "nearly", "almost", "some", "approximately")
            or (after in ("to", "or", "and") and after2 is not None and after2.number is not None))


def _slot_conflicts(words_a: list[Word], words_b: list[Word], shared: set[str]):
    """Names that stand in the same place: "fled in a Renault Clio" vs "escaped in a Peugeot"."""
    names_a, names_b = _names(words_a), _names(words_b)
    all_a, all_b = {w.key for w in words_a}, {w.key for w in words_b}
    for slot, (text_a, key_a) in names_a.items():
        if slot not in names_b or slot not in shared:
            continue
        text_b, key_b = names_b[slot]
        # A name the other claim mentions anywhere is no conflict ("New Charing Cross Hospital").
        if not set(key_a.split()) & all_b and not set(key_b.split()) & all_a:
            yield text_a, text_b


def _names(ws: list[Word]) -> dict[str, tuple[str, str]]:
    """{the content word before a name: (the name as written, its key)} for capitalised runs."""
    names, k = {}, 0
    while k < len(ws):
        if ws[k].capitalised and ws[k].number is None:
            end = k
            while end + 1 < len(ws) and ws[end + 1].capitalised:
                end += 1
            gap = 0
            while gap < k and ws[k - 1 - gap].key in STOP_WORDS:
                gap += 1
            before = ws[k - 1 - gap].key if gap < k and gap <= 2 else None  # "fled in a Renault"
            if before is not None and ws[k - 1 - gap].number is None:
                run = ws[k:end + 1]
                names[before] = (" ".join(w.text for w in run), " ".join(w.key for w in run))
            k = end + 1
        else:
            k += 1
    return names
