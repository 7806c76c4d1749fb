"""The slots of two claims that can conflict: numbers, days and months, names in the same
place, negation in scope (negation.py), antonymous outcomes. Pure functions over normalised words; `relate`
calls `conflicts` once it knows two claims are about the same thing.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .opposed import all_against_part, by_oneself_or_another, opposite_sides
from .lookalikes import shared_names
from .negation import REFUTATIONS, in_scope, negations, scope
from .name_forms import NAME_LINKS, SUFFIX_WORDS, same_name, same_person
from .compatible import conflict, overlap
from .normalise import DATE_WORDS, MONTHS, STOP_WORDS, WEEKDAYS, Word, antonym_keys, key_of, words

if TYPE_CHECKING:
    from .claim_profile import Profile

PASSAGE_RATIO = 3  # a side with this many times the other's words is a passage: its "hoax" may be about anything in it
TIME_KINDS = frozenset("clock part_of_day date year".split())  # quantities kinds that are times
# Values that pin a proposition down: a count of a named thing, a sum, a clock time, a calendar day,
# an age. Weekdays and years are left out: every report of one event gives the same few.
TELLING_KINDS = frozenset("count money clock date age tally ordinal".split())
DATED_APART = "dated_apart"  # a passage and a claim whose years differ: neither contradiction nor agreement
SUBJECT = "<subject>"  # the slot of a name that opens a claim
SAME_PREDICATE_SHARE = 0.75  # share of the smaller claim's other words the two must have in common
SLOT_LINKS = frozenset("a an the in on at by to for from of with into as".split())
PLACE = "<place>"  # the slot of a name after a preposition of place, whatever the word before it
PLACE_PREPOSITIONS = frozenset("in at to from near into".split())
SPEECH_KEYS = frozenset(w.key for w in words("said says told announced reported stated added"))


def conflicts_between(pa: Profile, pb: Profile, shared: set[str], one_slot: bool):
    """(conflicts, reasons, kinds): the contradiction signals between two related claims; `one_slot`
    is one_slot_apart(pa, pb), which the caller has found already."""
    words_a, words_b = pa.words, pb.words
    conflicts: list[tuple[str, str]] = []
    reasons: list[str] = []
    kinds: set[str] = set()
    for left, right, why, kind in _value_conflicts(pa, pb):
        if kind == DATED_APART:  # no contradiction, and no agreement either
            kinds.add(kind)
            continue
        conflicts.append((left, right))
        reasons.append(why)
        kinds.add(kind)
    negated_a, negated_b = pa.negated, pb.negated
    if not same_polarity(pa, pb):
        (negated, own), other = ((words_a, pa), pb) if negated_a else ((words_b, pb), pa)
        bearing = [k for k in negations(negated) if in_scope(negated, k, other.key_set, own.all_keys)]
        if bearing:
            marker = negated[bearing[0]]
            conflicts.append((marker.text, "") if negated_a else ("", marker.text))
            if marker.written in REFUTATIONS and not _passage(own, other):
                reasons.append(f"called false on one side only: {marker.text!r}")
                kinds.add("refutation")
            else:
                reasons.append(f"negation on one side only: {marker.text!r}")
                kinds.add("negation")
    elif negated_a and negated_b and (pa.refutation is None) != (pb.refutation is None) \
            and not (pa if pb.refutation else pb).declines:
        # "... panel that didn't include any women" / "That panel isn't real": a claim with a
        # "not" of its own is still refuted as a whole.
        refuting, other = (pb, pa) if pb.refutation else (pa, pb)
        marker = refuting.refutation.text
        conflicts.append(("", marker) if pb.refutation else (marker, ""))
        reasons.append(f"refuted on one side only: {marker!r}")
        kinds.add("negation" if _passage(refuting, other) else "refutation")
    keys_b = {w.key: k for k, w in enumerate(words_b)}
    for i, w in enumerate(words_a):
        if w.key in keys_b:
            continue  # both sides use the word: "may die ... if they survive" on each side
        for opposite in antonym_keys(w.key):
            j = keys_b.get(opposite)
            # "were not injured" / "escaped unharmed": an opposite denied on one side says the same
            if j is not None and opposite not in pa.all_keys and (i in pa.denied) == (j in pb.denied):
                conflicts.append((w.text, words_b[j].text))
                reasons.append(f"opposite outcomes: {w.text!r} vs {words_b[j].text!r}")
                kinds.add("antonym")
    subject_a, subject_b = pa.slot_names.get(SUBJECT), pb.slot_names.get(SUBJECT)
    if subject_a and subject_b and _same_predicate(pa, pb) and _different_subjects(*subject_a, *subject_b, pa, pb):
        conflicts.append((subject_a[0], subject_b[0]))
        reasons.append(f"the same thing done by another: {subject_a[0]!r} vs {subject_b[0]!r}")
        kinds.add("subject")
    for left, right in _slot_conflicts(pa, pb, shared | _bare_slots(pa, pb) if one_slot else shared):
        conflicts.append((left, right))
        reasons.append(f"different name in the same place: {left!r} vs {right!r}")
        kinds.add("name")
    for left, right in opposite_sides(pa, pb):
        conflicts.append((left, right))
        reasons.append(f"opposite sides: {left!r} vs {right!r}")
        kinds.add("antonym")
    agents = by_oneself_or_another(pa, pb)
    if agents:
        conflicts.append(agents)
        reasons.append(f"done by oneself on one side, by another on the other: {agents[0]!r} vs {agents[1]!r}")
        kinds.add("antonym")
    for left, right in all_against_part(pa, pb):
        conflicts.append((left, right))
        reasons.append(f"all against part: {left!r} vs {right!r}")
        kinds.add("number")
    for vocabulary, what in ((WEEKDAYS, "day"), (MONTHS, "month")):
        days_a = _dates(words_a, vocabulary)
        days_b = _dates(words_b, vocabulary)
        if days_a and days_b and not days_a & days_b:
            conflicts.append((", ".join(sorted(days_a)), ", ".join(sorted(days_b))))
            reasons.append(f"different {what}")
            kinds.add("date")
    return conflicts, reasons, kinds


def same_polarity(pa: Profile, pb: Profile) -> bool:
    """Whether both claims are negated or neither; a word that says no stands for the other side's
    "not" ("would not comment" / "declined comment", "not gather" / "avoid crowds")."""
    return pa.negated == pb.negated or (pb if pa.negated else pa).declines


def denies_the_act(pa: Profile, pb: Profile) -> bool:
    """Whether one claim negates what the other says of the same participant: the first content
    word a negation bears on is one the other writes in lower case, in claims that name someone
    alike ("Banksy has not been arrested" / "street artist Banksy was arrested", but not "Banksy
    did not speak at the gallery" / "Banksy was arrested at the gallery")."""
    if same_polarity(pa, pb) or not shared_names(pa, pb):
        return False
    negated, other = (pa, pb) if pa.negated else (pb, pa)
    plain = {w.key for w in other.words if not w.capitalised and w.key not in STOP_WORDS}
    ws = negated.words
    for k in negations(ws):
        first = next((ws[j] for j in scope(ws, k) if ws[j].key not in STOP_WORDS), None)  # its first content word
        if first is not None and first.key in plain:
            return True
    return False


def month_may(ws, k: int) -> bool:
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
        if w.key in vocabulary and (w.key != "may" or month_may(ws, k)):
            before = [v.key for v in ws[max(0, k - 2):k] if v.key != "on"][-1:]
            if not before or before[0] not in SPEECH_KEYS or w.after_break:
                found.add(w.key)
    return found


def _passage(own: Profile, other: Profile) -> bool:
    """Whether `own` is a passage beside the one claim `other`: its refutation may refute anything in it."""
    return len(own.key_set) >= PASSAGE_RATIO * len(other.key_set)


def _value_conflicts(pa: Profile, pb: Profile):
    """(a's words, b's words, why, kind) for each slot (what is counted, the clock, the date) in
    which the two claims' values cannot both be true. A slot with one pair of values that fits
    holds no conflict ("from 3.03 million to 2.92 million" / "2.92 million"), nor does a figure
    that is the other rounded ("2,000" / "2,084"). A passage's years date its many events, not
    the one the short claim dates ("Argentina, in 1994, 12 years after the war" / "The war was in 1982"):
    such a slot comes back as DATED_APART."""
    slots: dict[tuple, list] = {}
    for x in pa.values:
        for y in pb.values:
            # weekday names: the date check below; a day told relative to the article's date here
            clash = conflict(x, y) if x.kind != "day" or _relative_day(pa, x) or _relative_day(pb, y) else None
            if clash is not None:
                if clash and x.exact and y.exact and x.kind in ("count", "money") and _rounds_to(x.low, y.low):
                    clash = False
                slots.setdefault((x.kind, x.what), []).append((clash, x, y))
    passage = _passage(pa, pb) or _passage(pb, pa)
    for (kind, what), outcomes in slots.items():
        if all(clash for clash, _, _ in outcomes):
            _, x, y = outcomes[0]
            slot = f"{kind} of {what}" if what and kind in ("count", "money", "year") and what != "attributive" \
                else f"which {what}" if kind == "ordinal" else kind.replace("_", " ")
            yield x.written, y.written, f"{slot} differs: {x.written!r} vs {y.written!r}", \
                DATED_APART if kind == "year" and passage else "time" if kind in TIME_KINDS else "number"


def details(pa: Profile, pb: Profile, shared: set[str]) -> tuple[list, list]:
    """(fits, clashes): for each telling slot both claims fill (TELLING_KINDS, one thing counted),
    a pair of values that can both be true, or, when none can, the first pair that cannot. When the
    claims share no word (`shared`) beside their values, only the exact figures of one thing, ten or
    more, count ("120 flats" / "120 apartments")."""
    slots: dict[tuple, list] = {}
    for x in pa.values:
        if not _telling_value(x):
            continue
        for y in pb.values:
            clash = conflict(x, y) if _telling_value(y) else None
            if clash is not None:
                slots.setdefault((x.kind, x.what), []).append((clash, x, y))
    fits, clashes = [], []
    for outcomes in slots.values():
        fitting = [(x, y) for clash, x, y in outcomes if not clash]
        fits.extend(fitting[:1])
        if not fitting:
            clashes.append(outcomes[0][1:])
    if shared - pa.value_keys - pb.value_keys:
        return fits, clashes
    return [(x, y) for x, y in fits if x.kind in ("count", "money") and x.exact and y.exact and x.low >= 10], []


def _telling_value(v) -> bool:
    return v.kind in TELLING_KINDS and not (v.kind in ("count", "money") and v.what is None) \
        and not (v.kind == "date" and not v.exact)


def _relative_day(p: Profile, v) -> bool:
    """Whether a day value is told relative to the article's date ("yesterday", "last night"), and is
    the day something happened, not the day it was said ("police said yesterday")."""
    before = p.text[:v.start].split()[-1:]
    named = any(v.written.lower().startswith(day) for day in WEEKDAYS)  # "Thursday", "Thursday's"
    return not named and not (before and key_of(before[0].lower()) in SPEECH_KEYS)


def looser_counts(pa: Profile, pb: Profile) -> str | None:
    """Two different figures for one count that both may be true ("at least 20" / "at least 80",
    "more than 140" / "more than 100"): the claims are related, not the same proposition."""
    for x in pa.values:
        for y in pb.values:
            if x.kind != "count" or y.kind != "count" or _same_figure(x, y) or x.exact and y.exact:
                continue
            # "more than 140 were hurt" / "more than 100 were hurt": nothing counted named on either side
            unnamed = x.what is None and y.what is None and overlap(x, y)
            if unnamed or x.what and conflict(x, y) is False:
                return f"{x.written!r} and {y.written!r} can both be true"
    return None


def _same_figure(x, y) -> bool:
    """Whether two counts give one figure, qualified or not: "10 percent" / "some 10 percent" (one
    middle), "61" / "at least 61" (one end)."""
    ends = {x.low, x.high} & {y.low, y.high}
    return bool(ends - {math.inf, -math.inf}) or math.isfinite(x.high + y.high) and x.low + x.high == y.low + y.high


def _rounds_to(x: float, y: float) -> bool:
    """Whether one figure is the other rounded: "2,000" for 2,084, "300" for 296, "4" for 4.4."""
    rough, exact = sorted((x, y), key=_significant_digits)
    digits = _significant_digits(rough)
    return digits < _significant_digits(exact) and float(f"{exact:.{digits}g}") == rough \
        and abs(x - y) <= 0.1 * max(abs(x), abs(y))


def _significant_digits(value: float) -> int:
    return len(f"{value:.12g}".replace(".", "").replace("-", "").strip("0")) or 1


def _names_a_subject(run, k: int) -> bool:
    """Whether a capitalised run opening a claim is a name: after "The", or two words or an
    acronym at the very start ("Rescuers brought ..." opens with a capital, not a name)."""
    if all(w.key in STOP_WORDS for w in run):
        return False  # "He", "They"
    return k > 0 or len(run) >= 2 or (run[0].text.isupper() and len(run[0].text) >= 2)


def _same_predicate(pa: Profile, pb: Profile) -> bool:
    """Whether, names aside, the two claims say the same thing ("... took charge of the inquiry")."""
    rest_a, rest_b = pa.key_set - pa.names, pb.key_set - pb.names
    if not rest_a or not rest_b:
        return False
    return len(rest_a & rest_b) / min(len(rest_a), len(rest_b)) >= SAME_PREDICATE_SHARE


def one_slot_apart(pa: Profile, pb: Profile) -> bool:
    """Whether, names aside, the two claims use the same words but for at most one opposite on each
    side ("He was born in Kenya" / "... in Hawaii", "The fire was started deliberately" / "The fire
    was an accident"): what differs then stands in one slot however short the claims."""
    rest_a, rest_b = pa.plain_keys, pb.plain_keys
    common = rest_a & rest_b
    only_a, only_b = rest_a - common, rest_b - common
    if not common or len(only_a) != len(only_b) or len(only_a) > 1:
        return False
    return not only_a or not antonym_keys(next(iter(only_a))).isdisjoint(only_b)


def _different_subjects(text_a: str, key_a: str, text_b: str, key_b: str, pa: Profile, pb: Profile) -> bool:
    """Two subjects are different bodies or people when their heads differ and neither claim
    mentions the other's head ("the state police" vs "the FBI"; not "Ed Davis" vs "Edward Davis")."""
    head_a, head_b = key_a.split()[-1], key_b.split()[-1]
    return (head_a[:3] != head_b[:3] and head_a not in pb.all_keys and head_b not in pa.all_keys
            and not same_name(text_a, text_b))  # "Airlines" / "Airways" may be a slip of the pen


def _bare_slots(pa: Profile, pb: Profile) -> set[str]:
    """The slots after a small word ("were all British" / "were all German"), which in claims the same
    but for their names compare as slots after a shared word do."""
    return {slot for slot in pa.slot_names.keys() & pb.slot_names.keys() if slot in STOP_WORDS}


def _slot_conflicts(pa: Profile, pb: Profile, shared: set[str]):
    """Names that stand in the same place: "fled in a Renault Clio" vs "escaped in a Peugeot"."""
    for slot, (text_a, key_a) in pa.slot_names.items():
        if slot == SUBJECT or slot not in pb.slot_names or slot not in shared and slot != PLACE:
            continue
        text_b, key_b = pb.slot_names[slot]
        # A name the other claim mentions anywhere is no conflict ("New Charing Cross Hospital"); two
        # names with a word in common and one apart are ("Chiang Rai" / "Chiang Mai"). Two places
        # after different words conflict only so ("in Chiang Mai" / "to Chiang Rai Hospital").
        parts_a, parts_b = set(_telling(key_a)), set(_telling(key_b))
        apart = pb.all_keys.isdisjoint(parts_a) and pa.all_keys.isdisjoint(parts_b) and slot != PLACE
        kin = bool(parts_a & parts_b) and not (parts_a <= parts_b or parts_b <= parts_a) \
            and not (pb.all_keys.issuperset(parts_a) or pa.all_keys.issuperset(parts_b))
        if (apart or kin) and not same_name(text_a, text_b) and not same_person(text_a, text_b):
            yield text_a, text_b


def _as_written(run) -> str:
    """A name's words joined as written: a glued number without a space ("Airbus A330")."""
    return "".join(("" if k and w.number is None and w.text[0].isdigit() else " " if k else "") + w.text
                   for k, w in enumerate(run))


def _telling(key: str) -> list[str]:
    """The parts of a name's key that can tell it apart: not "a" of "A330", not "the", not "Inc"."""
    return [part for part in key.split() if part not in STOP_WORDS and part not in SUFFIX_WORDS]


def slot_names(ws: tuple[Word, ...]) -> dict[str, tuple[str, str]]:
    """Profile.slot_names, from the capitalised runs of words."""
    names, k = {}, 0
    if _title_case(ws):
        return names  # Title Case Headline: capitals mark no names
    while k < len(ws):
        if ws[k].capitalised and ws[k].number is None:
            end = k
            while end + 1 < len(ws) and not ws[end + 1].after_break:
                if ws[end + 1].capitalised or (ws[end + 1].number is None and ws[end + 1].text[0].isdigit()):
                    end += 1  # a glued number is part of the name: "A330", "F-16"
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
            opening = gap == k  # nothing but "The" before it: the name opens the claim
            if k == 1 and ws[0].text[:1].isupper() and ws[0].key not in STOP_WORDS and not ws[1].after_break:
                joined, opening, k = False, True, 0  # "United Airlines plans ...": the first word is part of the name
            before = ws[k - 1 - gap].key if joined else None
            run = ws[k:end + 1]
            dated = any(w.key in DATE_WORDS for w in run)  # days and months: the date check's business
            possessive = run[-1].written.endswith("'s")  # "Iraq's council": a modifier
            if before is not None and ws[k - 1 - gap].number is None and not dated and not possessive:
                names[before] = (_as_written(run), " ".join(w.key for w in run))
                if ws[k - 1].key in PLACE_PREPOSITIONS:  # "taken to Chiang Rai", "in hospital in Chiang Mai"
                    names.setdefault(PLACE, names[before])
            elif opening and not dated and not possessive and _names_a_subject(run, k):
                names[SUBJECT] = (_as_written(run), " ".join(w.key for w in run))
            k = end + 1
        else:
            k += 1
    return names
