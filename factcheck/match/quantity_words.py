"""The words quantities.py reads values with: number words, scales, units, the things counted,
qualifiers ("at least", "about"), parts of the day, weekdays and months."""
from __future__ import annotations


def _table(spec: str, sep: str | None = None) -> dict[str, str]:
    """{word: key} from lines "key: word word ..."."""
    return {w.strip(): k for line in spec.strip().splitlines() for k, _, ws in [line.partition(": ")]
            for w in ws.split(sep)}


UNIT_WORDS = "one two three four five six seven eight nine".split()
TEEN_WORDS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TEN_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                 "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
WORD_NUMBERS = ({w: n for n, w in enumerate(["zero"] + UNIT_WORDS + TEEN_WORDS)}
                | {w: 20 + 10 * i for i, w in enumerate(TEN_WORDS)} | {"a": 1, "an": 1})
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12,
          "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12}
# Plurals of round numbers say "many", not a figure; the bounds leave room for loose usage.
VAGUE = {"dozens": (20, 149), "scores": (40, 199), "hundreds": (150, 1999), "thousands": (1500, 19999),
         "tens of thousands": (15e3, 2e5 - 1), "hundreds of thousands": (15e4, 2e6 - 1),
         "millions": (15e5, 2e7 - 1), "tens of millions": (15e6, 2e8 - 1), "hundreds of millions": (15e7, 2e9 - 1)}
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "a$": "AUD", "c$": "CAD"}
CURRENCY_WORDS = _table("EUR: euro euros eur\nUSD: dollar dollars usd\nGBP: sterling gbp\nJPY: yen\nCNY: yuan")
UNITS = _table("percent: % percent pc\nstorey: storey storeys story stories floor floors\nlb: lb lbs pound pounds\n"
               "kg: kg kgs kilo kilos kilogram kilograms kilogramme kilogrammes\nmetre: metre metres meter meters\n"
               "km: km kms kilometre kilometres kilometer kilometers\nfoot: ft foot feet\nmile: mile miles\n"
               "hour: hr hrs\nminute: min mins\nyear: yr yrs")
# One key for the words news copy uses for one counted thing.
ALIASES = _table("person: people persons\nchild: children\nman: men\nwoman: women\ndeath: dead deaths fatalities\n"
                 "apartment: flat flats\npolice: police\nstaff: staff\nseries: series\nspecies: species")
IRREGULAR_PLURALS = frozenset("people children men women police staff feet".split())
SKIP_BEFORE_NOUN = frozenset("more other others additional further extra new".split())
PARTITIVE = frozenset("the them those these its their his her our us you which whom whose this that".split())
FUNCTION = frozenset("""a an the and or but nor of in on at to from for by with as than that which who whom
whose were was is are be been being have has had will would could should may might can must do does did not no
so if when while after before since until during about over under into onto per each every this these those it
its they them he she we you i his her our their there here apiece ago later earlier""".split())
QUALIFIERS = _table("""
ge: at least|no fewer than|no less than|not less than|a minimum of|or more|plus
gt: more than|over|well over|in excess of|upwards of
le: up to|at most|as many as|as much as|no more than|not more than|a maximum of|or fewer|or less
lt: fewer than|less than|under|below
approx: about|around|some|roughly|approximately|nearly|almost|close to|an estimated|estimated
approx: just over|just under|circa|or so
range: between|from""", "|")
YEAR_WORDS = frozenset("in since until till by from of during before after the early late mid spring summer "
                       "autumn fall winter year".split())
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
DETERMINERS = frozenset("the a an its their his her our this that".split())
NAME_SAFE = FUNCTION | YEAR_WORDS | frozenset(WEEKDAYS + [q.split()[0] for q in QUALIFIERS] + ["only", "all"])
# Minutes since midnight; each part ends a minute before the next begins, so they exclude each other.
PARTS = {"morning": (300, 719), "afternoon": (720, 1079), "evening": (1080, 1379), "night": (1260, 1799),
         "overnight": (1260, 1799), "early hours": (0, 359), "small hours": (0, 359), "dawn": (300, 479),
         "daybreak": (300, 479), "dusk": (1020, 1259), "nightfall": (1020, 1259)}
CLOCK_QUALIFIERS = {k: v for v, ks in {
    (-30, 0): "shortly before|soon before", (-15, 0): "just before|nearly|almost", (-360, 0): "before|by",
    (0, 30): "shortly after|soon after|shortly past", (0, 15): "just after|just past|just gone", (0, 360): "after",
    (-15, 15): "about|around|approximately|roughly|circa"}.items() for k in ks.split("|")}
TIME_WORDS = frozenset("at around about by until till before after from since approximately roughly circa".split())
PAST_MINUTES = {"quarter": 15, "half": 30, "five": 5, "ten": 10, "twenty": 20, "twenty-five": 25}
DAY_OFFSETS = {"yesterday": -1, "last": -1, "today": 0, "tonight": 0, "this": 0, "tomorrow": 1}
