"""Normalising claim text for comparison: words, numbers, stems, synonyms, stop words.

Only derived strings are normalised; the stored text and its offsets are never touched.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from . import quantity_words

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TOKEN = re.compile(rf"(?i:(?:{_TENS})-(?:{_UNITS}))\b|(?<![\w.])\.\d+|\d+(?:[.,]\d+)*|[A-Za-zÀ-ÿ]+(?:['’][a-z]+)?|[?%]")

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
    "dozen": 12, "dozens": 24, "single": 1, "pair": 2, "couple": 2, "both": 2, "once": 1, "twice": 2,
}
STOP_WORDS = frozenset("""
a an the this that these those of in on at to for from by with as and or but if so than then
is are was were be been being has have had do does did will would shall should can could may
might must it its it's he she they we i you him her them us me my our your their his hers
which who whom whose what when where how there here also just about into over after before
during while said says say told according reported reportedly some any all such very more most
around up out off per via near least almost roughly approximately
""".split())
NEGATIONS = frozenset("""
not no never none nobody nothing neither nor n't cannot isn't aren't wasn't weren't
don't doesn't didn't won't wouldn't hasn't haven't hadn't can't couldn't shouldn't
dont doesnt didnt wont wouldnt hasnt havent hadnt cant couldnt shouldnt isnt arent wasnt werent
""".split())
# Words for one thing in news copy; each group maps to its first word.
SYNONYM_GROUPS = """
gunman shooter attacker assailant gunmen shooters attackers assailants killer killers
flee fled escape escaped escapes flees
kill killed kills slay slain murder murdered
die died dead dies death deaths fatality fatalities
policeman policewoman police policemen policewomen cop cops
officer officers
car vehicle auto
arrest arrested arrests detain detained held
wear wore worn wearing
vest jacket
say said state stated tell told
buy bought purchase purchased acquire acquired
rise rose increase increased climb climbed grow grew
fall fell drop dropped decrease decreased decline declined
percent %
big large huge major
start begin began started launch launched
end ended finish finished
child children kid kids
people persons
fire fires blaze blazes flames inferno
firefighter firefighters fireman firemen
fight fought battle battled tackle tackled
injure injured injuries injury hurt wound wounded wounding
bomb bombs blast blasts explosion explosions
explode exploded detonate detonated
collapse collapsed topple toppled
postpone postponed delay delayed
flat flats apartment apartments
storey storeys story floor floors
rescue rescued save saved
visit visited
boat vessel ship ferry
capsize capsized overturn overturned
doctor doctors physician physicians
hospital hospitals hospitalised hospitalized
likely expected expect expects probably probable
proceed proceeds proceeded proceeding
earthquake earthquakes quake quakes tremor tremors
unemployment jobless joblessness
company companies firm firms
mobile cellphone cellular phone phones
free freed frees freeing release released releases releasing
ceasefire ceasefires truce truces armistice
""".strip().splitlines()
ANTONYMS = [
    ("die", "survive"), ("die", "alive"), ("kill", "survive"), ("confirm", "deny"),
    ("arrest", "release"), ("arrest", "free"), ("win", "lose"), ("won", "lost"), ("rise", "fall"),
    ("accept", "reject"), ("approve", "reject"), ("guilty", "innocent"), ("true", "false"),
    ("open", "close"), ("increase", "decrease"), ("support", "oppose"), ("allow", "ban"),
    ("pass", "fail"), ("success", "failure"), ("real", "fake"), ("real", "hoax"),
    ("male", "female"), ("man", "woman"), ("up", "down"),
    ("resign", "stay"), ("present", "absent"), ("include", "exclude"), ("legal", "illegal"),
    ("reopen", "shut"), ("reopen", "close"), ("open", "shut"),
    ("survive", "destroy"), ("survive", "shatter"), ("survive", "collapse"),  # of a building, a window
    ("intact", "destroy"), ("intact", "shatter"), ("intact", "collapse"),
    ("profit", "loss"), ("gain", "loss"), ("surplus", "deficit"),  # of accounts
    ("cancel", "proceed"), ("postpone", "proceed"),  # "the strike was called off" / "went ahead"
    ("takeoff", "landing"), ("sink", "afloat"),
    ("guilty", "clear"),  # "cleared of manslaughter"
    ("deliberate", "accident"), ("flee", "stay"),
    ("cut", "create"), ("cut", "add"),  # jobs
    ("bail", "custody"), ("release", "remand"),  # "released on bail" / "remanded in custody"
]
# Verbs with a particle that say what one word says ("the bomb went off" = "exploded"): the forms of
# the verb, the particle right after it, and the word whose key the verb then takes.
PHRASAL_VERBS = """
go goes going went gone | off | explode
blow blows blowing blew blown | up | explode
break breaks breaking broke broken | out | start
bring brings bringing brought | down | topple
come comes coming came | down | collapse
shut shuts shutting | down | close
call calls calling called | off | cancel
put puts putting | off | postpone
step steps stepping stepped | down | resign
turn turns turning turned | down | reject
pull pulls pulling pulled | out | withdraw
carry carries carrying carried | out | conduct
bring brings bringing brought | out | emerge
come comes coming came | out | emerge
get gets getting got | out | escape
go goes going went gone | up | rise
go goes going went gone | to | visit
go goes going went gone | ahead | proceed
look looks looking looked | into | investigate
track tracks tracking tracked | down | find
pass passes passing passed | away | die
wipe wipes wiping wiped | out | destroy
burn burns burning burned burnt | down | destroy
rule rules ruling ruled | out | exclude
touch touches touching touched | down | land
""".strip().splitlines()
PHRASAL_REACH = 10  # words between a verb and its particle: "brought the last four boys and their coach out"
WEEKDAYS = frozenset(quantity_words.WEEKDAYS)
MONTHS = frozenset("january february march april may june july august september october "
                   "november december".split())
DATE_WORDS = WEEKDAYS | MONTHS | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())


_BREAKS = frozenset(',;:"“”()[]—–')
_GAP_AND_TOKEN = re.compile(rf"(.*?)({_TOKEN.pattern})", re.DOTALL)  # what stands before each token, and the token


class Word(NamedTuple):
    """One word of a claim: as written, and its comparable key. (A NamedTuple: a claim is
    normalised once per text, but its words are many, and a tuple is the cheapest to build.)"""

    text: str
    key: str
    number: float | None
    capitalised: bool
    after_break: bool = False  # punctuation (, ; : quotes, brackets, dashes) stands before it
    written: str = ""          # lower-cased as written, possessive kept: "didn't", "notes", "iraq's"


def words(text: str) -> list[Word]:
    """The comparable words of a text: numbers read ("twelve" = 12), stems, synonyms merged."""
    out, end = [], 0
    for position, (gap, raw) in enumerate(_GAP_AND_TOKEN.findall(text)):
        start = end + len(gap)
        end = start + len(raw)
        word = _word(raw, position > 0 and raw[0].isupper(), gap != " " and not _BREAKS.isdisjoint(gap))
        if word.written == "cent" and out and out[-1].key == "per":
            out.pop()  # "per cent" is "percent"
            word = word._replace(key=key_of("percent"))
        elif word.number is not None and _glued(text, start, end):
            word = word._replace(number=None, key=key_of(word.written))
        out.append(word)
    _join_phrasal_verbs(out)
    _mark_refuting_phrases(out)
    return out


def _mark_refuting_phrases(ws: list[Word]) -> None:
    """Write the phrases that call a report false as the word that says it: "shoots down the
    congressman's claims" as "debunks", a "Pants on Fire" rating as "false" (negation.REFUTATIONS)."""
    for k, w in enumerate(ws):
        if w.written in _SHOOT and k + 1 < len(ws) and ws[k + 1].written == "down" \
                and any(v.key in _CLAIM_NOUNS for v in ws[k + 2:k + 2 + PHRASAL_REACH // 2]):
            ws[k] = w._replace(written="debunks")
        elif w.written == "pants" and [v.written for v in ws[k + 1:k + 3]] == ["on", "fire"]:
            ws[k] = w._replace(written="false")


def _join_phrasal_verbs(ws: list[Word]) -> None:
    """Give a verb whose particle follows in its clause ("went off", "brought the boys out") the key
    of the word the two say (PHRASAL_VERBS); the particle keeps its own."""
    for k, verb in enumerate(ws):
        if verb.written not in _PHRASAL_FORMS:
            continue
        for other in ws[k + 1:k + 1 + PHRASAL_REACH]:
            if other.after_break:
                break
            phrasal = _PHRASAL.get((verb.written, other.written))
            if phrasal:
                ws[k] = verb._replace(key=phrasal)
                break


@lru_cache(maxsize=100_000)
def _word(raw: str, capitalised: bool, after_break: bool) -> Word:
    """One token read standing alone. Cached, and so shared by every claim that writes it: words are
    few, and a claim held for matching then costs the garbage collector little."""
    lower = written = raw.lower().replace("’", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]  # possessive: "Michigan's" is "Michigan"
    number = _number(lower)
    key = key_of(lower) if number is None else _format_number(number)
    return Word(raw, key, number, capitalised, after_break, written)


def _glued(text: str, start: int, end: int) -> bool:
    """Whether digits are part of a longer token: "A320", "F-16", "5/8", "9/11" are not counts."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return text[start].isdigit() and (before.isalpha() or before in "-/" or after.isalpha() or after == "/")


def _number(lower: str) -> float | None:
    """The value of a number as written: "1,200", "1,2" (a decimal comma), ".85", "fifty-seven"."""
    if lower[0].isdigit() or lower[0] == ".":
        if "," in lower and "." not in lower and any(len(group) != 3 for group in lower.split(",")[1:]):
            lower = lower.replace(",", ".")  # "1,2 million": not a thousands separator
        try:
            return float(lower.replace(",", ""))
        except ValueError:
            return None
    if "-" in lower:
        tens, units = lower.split("-")
        return float(NUMBER_WORDS[tens] + NUMBER_WORDS[units])
    value = NUMBER_WORDS.get(lower)
    return float(value) if value is not None else None


def _format_number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


@lru_cache(maxsize=50_000)
def key_of(lower: str) -> str:
    """The comparable key of a lower-cased word: its synonym group's first word, or its stem."""
    if lower in NEGATIONS or lower in STOP_WORDS:
        return lower
    synonym = _SYNONYMS.get(lower)
    if synonym:
        return synonym
    stem = stem_word(lower)
    return _SYNONYMS.get(stem) or _STEM_SYNONYMS.get(stem, stem)


def stem_word(word: str) -> str:
    """A light suffix stripper: enough to equate "arrests", "arrested" and "arresting"."""
    for suffix, keep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""),
                         ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: len(word) - len(suffix)] + keep
            if suffix in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2]:
                base = base[:-1]  # "stopped" -> "stop"
            return _drop_final_e(base)
    return _drop_final_e(word)


def _drop_final_e(stem: str) -> str:
    """"survive" and "surviv(ed)" meet at "surviv"."""
    return stem[:-1] if stem.endswith("e") and len(stem) > 4 else stem


_SYNONYMS = {w: group.split()[0] for group in SYNONYM_GROUPS for w in group.split()}
# The stems of the group words, so that other forms find the group ("injuring", "toppling"); a short
# stem says too little ("stat" is "states" too).
_STEM_SYNONYMS = {stem_word(w): group.split()[0] for group in SYNONYM_GROUPS for w in group.split()
                  if len(stem_word(w)) >= 5}
_PHRASAL = {(form, particle.strip()): key_of(word.strip()) for forms, particle, word in
            (line.split("|") for line in PHRASAL_VERBS) for form in forms.split()}
_SHOOT = frozenset("shoot shoots shooting shot".split())
_CLAIM_NOUNS = frozenset(key_of(w) for w in "claim assertion report rumour rumor story idea theory".split())
_PHRASAL_FORMS = frozenset(form for form, _ in _PHRASAL)
_GROUPS = {w: group.split() for group in SYNONYM_GROUPS for w in group.split()}
_ANTONYM_KEYS = {}
for _left, _right in ANTONYMS:
    for _a, _b in ((_left, _right), (_right, _left)):
        _ANTONYM_KEYS.setdefault(key_of(_a), set()).add(key_of(_b))


def antonym_keys(key: str) -> frozenset[str]:
    """Keys of words with the opposite meaning ("die" -> {"survive", "alive", ...}): ANTONYMS above and
    WordNet's (factcheck/data/lexical_relations.json)."""
    return _lexical()[0].get(key, frozenset())


def lexical_keys(key: str) -> frozenset[str]:
    """Keys of words WordNet relates to a word's key in their common senses: synonyms ("capsize" ->
    "turtle"), broader and narrower words ("boat" <-> "vessel", "capsize" <-> "overturn") and what a verb
    causes, both ways ("kill" <-> "die"): every relation holds both ways.  The key itself, its antonyms, stop words and negations are left out."""
    return _lexical()[1].get(key, frozenset())


@lru_cache(maxsize=1)
def _lexical() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """The antonym and related-word maps, key -> keys, built on first use from
    lexical_relations.json (scripts/build_lexical_relations.py) and the hand lists above."""
    data = json.loads(resources.files("factcheck.data").joinpath("lexical_relations.json").read_text("utf-8"))
    # Irregular forms ("uphold" -> "upheld"), but not those a synonym group above places ("held": arrest).
    forms = {group[0]: [w for w in group[1:] if w not in _SYNONYMS] for group in data["forms"]}

    def keys(word: str) -> set[str]:
        found = {key_of(w) for w in (word, *forms.get(word, ()))}
        return {k for k in found if k not in STOP_WORDS and k not in NEGATIONS}

    antonyms = {key: set(opposites) for key, opposites in _ANTONYM_KEYS.items()}
    for left, right in data["antonyms"]:
        for a, b in ((left, right), (right, left)):
            for key in keys(a):
                antonyms.setdefault(key, set()).update(keys(b))
    related: dict[str, set[str]] = {}

    def link(sources: set[str], targets: set[str]) -> None:
        for key in sources:
            related.setdefault(key, set()).update(targets)

    for group in data["synonyms"]:
        every = set().union(*map(keys, group))
        link(every, every)
    for broader, *narrower in data["hypernyms"]:
        up, down = keys(broader), set().union(*map(keys, narrower))
        link(up, down)
        link(down, up)
    for verb, result in data["causes"]:
        link(keys(verb), keys(result))
        link(keys(result), keys(verb))  # both ways, as the rest: "were killed" and "died" say one thing
    return ({key: frozenset(v - {key}) for key, v in antonyms.items() if v - {key}},
            {key: frozenset(v - {key} - antonyms.get(key, set())) for key, v in related.items()
             if v - {key} - antonyms.get(key, set())})


def synonyms(word: str) -> list[str]:
    """The other words of `word`'s synonym group ("fled" -> "flee", "escape", ...)."""
    group = _GROUPS.get(word.lower())
    return [w for w in group if w != word.lower()] if group else []


def content_keys(ws: list[Word]) -> list[str]:
    """The keys that carry meaning: no stop words, negations or punctuation."""
    return [w.key for w in ws if w.key not in STOP_WORDS and w.key not in NEGATIONS and w.key != "?"]
