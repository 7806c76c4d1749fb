"""How two claims relate: agree, contradict, related (same subject, other facts) or unrelated.

`relate(a, b)` compares normalised words (textnorm) with rapidfuzz, then looks for the signals
of a contradiction: different numbers for the same thing, a negation or a refutation on one
side only, opposite outcomes (died / survived), a different name in the same slot, a different
day or month.  Two boosted-tree models (trees.py, fitted by scripts/train_relate.py) weigh the
similarities and signals where no rule decides.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

from .normalise import MONTHS, NEGATIONS, STOP_WORDS, WEEKDAYS, Word, antonym_keys, content_keys, words
from .trees import BoostedTrees

RELATIONS = ("agree", "contradict", "related", "unrelated")
REFUTATIONS = frozenset("hoax hoaxes fake false debunk debunked debunks untrue myth nope deny denied "
                        "denies denying misleading baseless".split())
RUMOURS = frozenset("could may might reportedly allegedly alleged claim claims claimed claiming rumor "
                    "rumour rumors rumours rumored rumoured possibly apparently purportedly perhaps "
                    "unconfirmed ?".split())  # b only relays it: never agreement
NEGATIVE_VERBS = frozenset("fail fails failed failing failure refuse refuses refused refusing refusal decline "
                           "declines declined declining unable".split())  # negate when followed by "to"
# Words that say no without negating a clause: the other side's "not" is then no conflict
# ("declined comment" / "would not comment", "dismissed the charges" / "called them baseless").
DENIALS = NEGATIVE_VERBS | frozenset("dismiss dismissed dismisses dismissing reject rejected rejects rejecting "
                                     "unless".split())
PRIVATIVES = frozenset("without lack lacks lacked lacking absence".split())
HEDGES = RUMOURS | frozenset("report reports reported source sources probably likely".split())
MIN_SHARED_FOR_RELATED = 2      # content words two claims share before they are about the same thing
MIN_DICE_FOR_RELATED = 0.25
CONTRADICT_PROBABILITY = 0.4    # the contradiction model's probability for a contradiction with no signal
AGREE_PROBABILITY = 0.5         # the agreement model's probability above which b agrees with a
AGREE_MIN_COVERAGE = 0.5        # ... if more than this share of one claim's words is in the other
ENTAILED_COVERAGE = 0.8         # claims agree, whatever the model says, if one has this share of the other's words
DETAIL_CONFLICT_SIMILARITY = 0.7  # a different name in the same place or day counts only between claims this alike
SAME_BUT_NEGATED = 0.7          # a negation between claims this alike is a contradiction outright
TRUTH_WORDS = frozenset("true real so correct accurate".split())
NEGATION_SCOPE = 8              # words after "not" it can bear on
NAME_LINKS = frozenset("of with for and de".split())  # small words inside names
SLOT_LINKS = frozenset("a an the in on at by to for from of with into as".split())
DATE_WORDS = WEEKDAYS | MONTHS | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
SPEECH_KEYS = frozenset(w.key for w in words("said says told announced reported stated added"))
CONFLICT_SIMILARITY = 0.5       # claims less alike than this are about different things: no conflict


@dataclass(frozen=True)
class Profile:
    """What relate needs of one claim, computed once per text."""

    words: tuple
    keys: tuple
    key_set: frozenset
    names: frozenset     # keys of capitalised words
    negated: bool
    hedged: bool
    rumoured: bool
    refuted: bool
    question: bool
    numbers: frozenset

    # Computed on first use: most candidate pairs leave relate at the "unrelated" exit.
    @cached_property
    def grams(self) -> tuple:
        """The sets of 1-, 2- and 3-word sequences of all word keys."""
        every = [w.key for w in self.words]
        return tuple(frozenset(zip(*(every[k:] for k in range(n)))) for n in (1, 2, 3))

    @cached_property
    def all_keys(self) -> frozenset:
        """The keys of every word, stop words included."""
        return frozenset(w.key for w in self.words)

    @cached_property
    def refutation(self) -> Word | None:
        """The word with which the claim calls something false ("hoax", "not true", "isn't real")."""
        ws = self.words
        for k, w in enumerate(ws):
            if w.written in REFUTATIONS or (w.written in NEGATIONS and k + 1 < len(ws)
                                            and ws[k + 1].key in TRUTH_WORDS and _ends_clause(ws, k + 2)):
                return w
        return None

    @cached_property
    def declines(self) -> bool:
        """Whether a word that says no ("declined", "dismissed", "unless") stands anywhere."""
        return any(w.written in DENIALS for w in self.words)

    @cached_property
    def counted(self) -> dict[str, tuple[float, str]]:
        """{the word a number counts or follows: (value, as written)}."""
        return _counted(self.words)

    @cached_property
    def slot_names(self) -> dict[str, tuple[str, str]]:
        """{the content word before a name: (the name as written, its key)}."""
        return _names(self.words)


@lru_cache(maxsize=20_000)
def profile(text: str) -> Profile:
    """The comparable form of a claim (cached: a claim meets many candidates)."""
    ws = tuple(words(text))
    keys = tuple(content_keys(list(ws)))
    # as written, lower-cased ("notes" is not "not"); the month May is no "may"
    written = {w.written for k, w in enumerate(ws) if not _month_may(ws, k)}
    return Profile(ws, keys, frozenset(keys), frozenset(w.key for w in ws if w.capitalised),
                   next(_negations(ws), None) is not None, not HEDGES.isdisjoint(written),
                   not RUMOURS.isdisjoint(written), not REFUTATIONS.isdisjoint(written), "?" in written,
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
    similarity = _similarity(pa, pb)
    coverage = len(shared) / len(set_b)
    score = round(max(dice, min(similarity, coverage + 0.1)), 3)
    if len(shared) < MIN_SHARED_FOR_RELATED and dice < MIN_DICE_FOR_RELATED:
        return Relation("unrelated", score, (f"share {len(shared)} content word(s)",))

    conflicts, reasons, kinds = _conflicts(pa, pb, shared)
    values = _features(a, b, pa, pb, kinds, similarity)
    contradicts = models()["contradict"].probability(values)
    # Numbers, names, dates and opposite outcomes are taken at their word, and so is a negation
    # between claims otherwise the same; with no such signal the model must be sure.
    if similarity < DETAIL_CONFLICT_SIMILARITY:
        kinds = kinds - {"name", "date"}  # names and days differ in loosely related claims all the time
    if similarity < SAME_BUT_NEGATED:
        kinds = kinds - {"negation"}  # a negation is common in claims that agree ("failed to" / "did not")
    if (similarity >= CONFLICT_SIMILARITY and kinds) or contradicts >= CONTRADICT_PROBABILITY:
        why = tuple(reasons) or (f"contradiction model {contradicts:.2f}",)
        return Relation("contradict", max(score, contradicts), why, tuple(conflicts))
    if pb.rumoured and not pa.rumoured:
        return Relation("related", score, (f"same subject ({len(shared)} shared words), b only reports or hedges it",))
    likely = models()["agree"].probability(values)
    # Sharing a number and a word is not enough ("two suspects were arrested" / "two officers were wounded").
    covered = max(coverage, len(shared) / len(set_a)) > AGREE_MIN_COVERAGE \
        or sum(1 for key in shared if not key[0].isdigit()) >= 2
    entailed = any(len(shared) / len(own) >= ENTAILED_COVERAGE and len(own) >= 3 for own in (set_a, set_b))
    if entailed or (likely >= AGREE_PROBABILITY and covered):
        why = "one says all the other says" if entailed else f"agree {likely:.2f}"
        return Relation("agree", max(score, likely),
                        (f"similarity {similarity:.2f}, {coverage:.0%} of b's words in a, {why}",))
    return Relation("related", score, (f"same subject ({len(shared)} shared words), agree only {likely:.2f}",))


def features(a: str, b: str) -> dict[str, float]:
    """The numbers the relation models weigh, all roughly in 0..1, named."""
    pa, pb = profile(a), profile(b)
    return _features(a, b, pa, pb, _conflicts(pa, pb, pa.key_set & pb.key_set)[2], _similarity(pa, pb))


def _similarity(pa: Profile, pb: Profile) -> float:
    """rapidfuzz's token-set ratio of the two claims' content words, in 0..1."""
    return fuzz.token_set_ratio(" ".join(pa.keys), " ".join(pb.keys)) / 100


def _features(a: str, b: str, pa: Profile, pb: Profile, kinds: set[str], similarity: float) -> dict[str, float]:
    keys_a, keys_b = pa.keys, pb.keys
    set_a, set_b = pa.key_set or {""}, pb.key_set or {""}
    shared = set_a & set_b
    bigrams_a, bigrams_b = set(zip(keys_a, keys_a[1:])), set(zip(keys_b, keys_b[1:]))
    joined_a, joined_b = " ".join(keys_a), " ".join(keys_b)
    values = {
        "set_similarity": similarity,
        "sort_similarity": fuzz.token_sort_ratio(joined_a, joined_b) / 100,
        "partial_similarity": fuzz.partial_ratio(joined_a, joined_b) / 100,
        "text_ratio": fuzz.ratio(a.lower(), b.lower()) / 100,
        "dice": 2 * len(shared) / (len(set_a) + len(set_b)),
        "coverage_a": len(shared) / len(set_a),
        "coverage_b": len(shared) / len(set_b),
        "fuzzy_coverage_a": _fuzzy_coverage(set_a, set_b, shared),
        "fuzzy_coverage_b": _fuzzy_coverage(set_b, set_a, shared),
        "unmatched_a": min(10, len(set_a) - len(shared)) / 10,
        "unmatched_b": min(10, len(set_b) - len(shared)) / 10,
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
    }
    for n, (grams_a, grams_b) in enumerate(zip(pa.grams, pb.grams), start=1):
        common = len(grams_a & grams_b)
        values[f"words{n}_of_a"] = common / max(1, len(grams_a))
        values[f"words{n}_of_b"] = common / max(1, len(grams_b))
    values.update({f"conflict_{kind}": 1.0 for kind in kinds})
    return values


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


def _conflicts(pa: Profile, pb: Profile, shared: set[str]):
    """(conflicts, reasons, kinds): the contradiction signals between two related claims."""
    words_a, words_b = pa.words, pb.words
    conflicts: list[tuple[str, str]] = []
    reasons: list[str] = []
    kinds: set[str] = set()
    for left, right, why in _number_conflicts(pa, pb):
        conflicts.append((left, right))
        reasons.append(why)
        kinds.add("number")
    negated_a, negated_b = pa.negated, pb.negated
    # "would not comment" / "declined comment": a negative verb on the other side negates too.
    if negated_a != negated_b and not (pb if negated_a else pa).declines:
        negated, other = (words_a, pb) if negated_a else (words_b, pa)
        bearing = [k for k in _negations(negated) if _in_scope(negated, k, other.key_set)]
        if bearing:
            marker = negated[bearing[0]].text
            conflicts.append((marker, "") if negated_a else ("", marker))
            reasons.append(f"negation on one side only: {marker!r}")
            kinds.add("negation")
    elif negated_a and negated_b and (pa.refutation is None) != (pb.refutation is None) \
            and not (pa if pb.refutation else pb).declines:
        # "... panel that didn't include any women" / "That panel isn't real": a claim with a
        # "not" of its own is still refuted as a whole.
        marker = (pb.refutation or pa.refutation).text
        conflicts.append(("", marker) if pb.refutation else (marker, ""))
        reasons.append(f"refuted on one side only: {marker!r}")
        kinds.add("negation")
    keys_b = {w.key: w for w in words_b}
    for w in words_a:
        if w.key in keys_b:
            continue  # both sides use the word: "may die ... if they survive" on each side
        for opposite in antonym_keys(w.key):
            if opposite in keys_b and opposite not in pa.all_keys:
                conflicts.append((w.text, keys_b[opposite].text))
                reasons.append(f"opposite outcomes: {w.text!r} vs {keys_b[opposite].text!r}")
                kinds.add("antonym")
    for left, right in _slot_conflicts(pa, pb, shared):
        conflicts.append((left, right))
        reasons.append(f"different name in the same place: {left!r} vs {right!r}")
        kinds.add("name")
    for vocabulary, what in ((WEEKDAYS, "day"), (MONTHS, "month")):
        days_a = _dates(words_a, vocabulary)
        days_b = _dates(words_b, vocabulary)
        if days_a and days_b and not days_a & days_b:
            conflicts.append((", ".join(sorted(days_a)), ", ".join(sorted(days_b))))
            reasons.append(f"different {what}")
            kinds.add("date")
    return conflicts, reasons, kinds


def _month_may(ws, k: int) -> bool:
    """Whether the word at k is the month May ("on May 7", "in May"), not the verb ("may die")."""
    if ws[k].written != "may":
        return False
    beside = [ws[j] for j in (k - 1, k + 1) if 0 <= j < len(ws)]
    return (ws[k].capitalised and not _title_case(ws)) or any(w.number is not None for w in beside)


def _title_case(ws) -> bool:
    """Whether most words are capitalised ("Apple May Or May Not Hold An Event"): capitals mark nothing."""
    return sum(w.capitalised for w in ws) * 2 > len(ws)


def _dates(ws, vocabulary: frozenset) -> set[str]:
    """The days (or months) a claim's events happened on: not the day it was said ("said Tuesday")."""
    found = set()
    for k, w in enumerate(ws):
        if w.key in vocabulary and (w.key != "may" or _month_may(ws, k)):
            before = [v.key for v in ws[max(0, k - 2):k] if v.key != "on"][-1:]
            if not before or before[0] not in SPEECH_KEYS or w.after_break:
                found.add(w.key)
    return found


def _negations(ws):
    """Where the words that negate a claim are: "not", "denied", "refused (to)", "without"."""
    cancelled = set()
    for k, w in enumerate(ws):
        lower = w.written
        if k in cancelled or (lower in NEGATIONS and _idiom(ws, k)):
            continue
        if lower in NEGATIONS or lower in REFUTATIONS:
            # "no hoax", "denies hoax claims": a refutation refuted affirms
            refuted = next((j for j in range(k + 1, min(len(ws), k + 4)) if ws[j].written in REFUTATIONS
                            and not any(v.after_break for v in ws[k + 1:j + 1])), None)
            if refuted is not None:
                cancelled.add(refuted)
                continue
        if lower in NEGATIONS or lower in REFUTATIONS or lower in PRIVATIVES:
            yield k
        elif lower in NEGATIVE_VERBS and k + 1 < len(ws) and ws[k + 1].written == "to":
            yield k  # "refused to recuse himself" negates as "would not recuse himself" does


def _ends_clause(ws, k: int) -> bool:
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


def _in_scope(ws, k: int, other_keys: frozenset) -> bool:
    """Whether the negation at k bears on something the other claim says: a refutation ("hoax",
    "denied", a bare "No,", "not true") bears on the whole claim, any other negation on the words
    after it up to the next punctuation ("whose names were not released, ..." is about names)."""
    following = ws[k + 1] if k + 1 < len(ws) else None
    if ws[k].written in REFUTATIONS or following is None or following.after_break \
            or (following.key in TRUTH_WORDS and _ends_clause(ws, k + 2)):
        return True  # "hoax", "No, ...", "... Probably Not", "not true"
    for w in ws[k + 1:k + 1 + NEGATION_SCOPE]:
        if w.after_break:
            break
        if w.key in other_keys:
            return True
    return False


def _number_conflicts(pa: Profile, pb: Profile):
    """Numbers that count the same thing differently: "12 people" vs "11 people"."""
    for thing, value_a in pa.counted.items():
        value_b = pb.counted.get(thing)
        # A figure the other side also gives elsewhere is no conflict ("from 3.03 million to 2.92").
        if value_b is not None and value_b[0] != value_a[0] and not _rounds_to(value_a[0], value_b[0]) \
                and value_b[0] not in pa.numbers and value_a[0] not in pb.numbers:
            yield value_a[1], value_b[1], f"numbers differ for {thing!r}: {value_a[1]} vs {value_b[1]}"


def _rounds_to(x: float, y: float) -> bool:
    """Whether one figure is the other rounded: "2,000" for 2,084, "300" for 296, "4" for 4.4."""
    rough, exact = sorted((x, y), key=_significant_digits)
    digits = _significant_digits(rough)
    return digits < _significant_digits(exact) and float(f"{exact:.{digits}g}") == rough \
        and abs(x - y) <= 0.1 * max(abs(x), abs(y))


def _significant_digits(value: float) -> int:
    return len(f"{value:.12g}".replace(".", "").replace("-", "").strip("0")) or 1


def _counted(ws: tuple[Word, ...]) -> dict[str, tuple[float, str]]:
    """Profile.counted, from the words: each number and the content word next to it."""
    found = {}
    content = [w for w in ws if w.key not in ("a", "the")]
    for k, w in enumerate(content):
        if w.number is None or _in_range(content, k):
            continue
        following = []
        for neighbour in content[k + 1:k + 3]:
            if neighbour.after_break:
                break  # "Maddox, 87, cracked two ribs": the age counts no cracks
            following.append(neighbour)
        preceding = content[max(0, k - 1):k] if not w.after_break else []
        for neighbour in following + preceding:
            if neighbour.number is None and neighbour.key not in NEGATIONS and neighbour.key not in STOP_WORDS \
                    and len(neighbour.key) > 2:
                if not neighbour.capitalised:  # "$8.07 on the Nasdaq", "0240 GMT": no count of a name
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


def _slot_conflicts(pa: Profile, pb: Profile, shared: set[str]):
    """Names that stand in the same place: "fled in a Renault Clio" vs "escaped in a Peugeot"."""
    for slot, (text_a, key_a) in pa.slot_names.items():
        if slot not in pb.slot_names or slot not in shared:
            continue
        text_b, key_b = pb.slot_names[slot]
        # A name the other claim mentions anywhere is no conflict ("New Charing Cross Hospital").
        if pb.all_keys.isdisjoint(key_a.split()) and pa.all_keys.isdisjoint(key_b.split()) \
                and not same_name(text_a, text_b):
            yield text_a, text_b


def same_name(x: str, y: str) -> bool:
    """Whether two names may be one: spellings ("Kobane", "Kobani"), forms ("Korea", "Korean"),
    short forms ("Jan", "January") and initials ("US", "U S"; "NY", "New York")."""
    x, y = x.lower(), y.lower()
    if _ALIASES.get(x.replace(" ", ""), x) == _ALIASES.get(y.replace(" ", ""), y):
        return True
    squeezed_x, squeezed_y = x.replace(" ", ""), y.replace(" ", "")
    initials_x = "".join(part[0] for part in x.split() if part not in NAME_LINKS)
    initials_y = "".join(part[0] for part in y.split() if part not in NAME_LINKS)
    shorter, longer = sorted((squeezed_x, squeezed_y), key=len)
    return (fuzz.ratio(squeezed_x, squeezed_y) >= 75 or longer.startswith(shorter)
            or squeezed_x == initials_y or squeezed_y == initials_x
            or _acronym(squeezed_x, initials_y) or _acronym(squeezed_y, initials_x))


# One country under the names news copy gives it ("UK", "Britain", "British").
_ALIASES = {name.replace(" ", ""): group.split(",")[0] for group in (
    "uk,u k,britain,british,great britain,united kingdom",
    "us,u s,usa,america,american,americans,united states",
    "un,u n,united nations", "eu,e u,european union,europe", "russia,russian,moscow",
    "china,chinese,beijing", "netherlands,dutch,holland") for name in group.split(",")}


def _acronym(word: str, initials: str) -> bool:
    """Whether a word and a name's initials begin alike ("CHOGM", "Commonwealth Heads ...")."""
    return len(initials) >= 2 and (word.startswith(initials) or initials.startswith(word))


def _names(ws: tuple[Word, ...]) -> dict[str, tuple[str, str]]:
    """Profile.slot_names, from the capitalised runs of words."""
    names, k = {}, 0
    if _title_case(ws):
        return names  # Title Case Headline: capitals mark no names
    while k < len(ws):
        if ws[k].capitalised and ws[k].number is None:
            end = k
            while end + 1 < len(ws) and not ws[end + 1].after_break:
                if ws[end + 1].capitalised:
                    end += 1
                elif ws[end + 1].key in NAME_LINKS and end + 2 < len(ws) and ws[end + 2].capitalised \
                        and not ws[end + 2].after_break:
                    end += 2  # "Americans with Disabilities Act", "University of California"
                else:
                    break
            gap = 0
            while gap < k and ws[k - 1 - gap].key in SLOT_LINKS and not ws[k - gap].after_break:
                gap += 1
            # "fled in a Renault": the word before, over at most two articles or prepositions,
            # with no punctuation between ("the war," Lieberman said: no slot).
            joined = gap < k and gap <= 2 and not ws[k - gap].after_break
            if k == 1 and ws[0].text[:1].isupper() and ws[0].key not in STOP_WORDS and not ws[1].after_break:
                joined = False  # "United Airlines plans ...": the first word is part of the name
            before = ws[k - 1 - gap].key if joined else None
            run = ws[k:end + 1]
            dated = any(w.key in DATE_WORDS for w in run)  # days and months: the date check's business
            possessive = run[-1].written.endswith("'s")  # "Iraq's council": a modifier
            if before is not None and ws[k - 1 - gap].number is None and not dated and not possessive:
                names[before] = (" ".join(w.text for w in run), " ".join(w.key for w in run))
            k = end + 1
        else:
            k += 1
    return names
