"""The checkable values in one claim text, each as an interval, and whether two can both be true.

`values(text)` reads counts, money, years, ages, clock times, parts of day, weekdays, dates, scores and
places in a series, and `compatible.conflict(x, y)` says whether two values of one kind exclude each
other. By kind, `low`/`high` hold:
- count: the number; `what` is the thing counted or unit ("person", "storey", "percent"), None when
  no noun follows ("injuring 140") or the count is a part ("40 of them").
- money: the amount; `what` "EUR", "USD", ... age: the number. day: the weekday, 0 = Monday.
- year: the number; `what` "attributive" for a year that dates a thing ("the 1974 block"), "birth" for
  "born in 1965" and for an age once `published` gives the year ("52" in 2017: 1964-65), else None.
- clock: minutes since midnight; `what` None, "12h" when no a.m./p.m. says which ("at 7:50"), or "UTC".
- part_of_day: minutes since midnight of its day (night runs past 1440); `what` is that day ("sunday",
  "yesterday"; a weekday once `published` resolves it) or None.
- date: month * 100 + day (15 April = 415; "April" alone = 401..430); `what` the year or None.
- tally: a score or vote, the larger side first: 1000 * larger + smaller ("won 2-1" = 2001, "by 51 votes to 49").
- ordinal: a place in a series after "on/in/at/from the" ("on the third floor"); `what` the thing ("storey").
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .quantity_words import (ALIASES, CLOCK_QUALIFIERS, CURRENCY_SIGNS, CURRENCY_WORDS, DAY_OFFSETS,
                             DETERMINERS, FUNCTION, IRREGULAR_PLURALS, MONTHS, MONTH_DAYS, ORDINAL_WORDS,
                             NAME_SAFE, PARTITIVE, PARTS, PAST_MINUTES, QUALIFIERS, SCALES,
                             SKIP_BEFORE_NOUN, TIME_WORDS, UNITS, VAGUE, WEEKDAYS, WORD_NUMBERS,
                             YEAR_WORDS, TEEN_WORDS, TEN_WORDS, UNIT_WORDS)


@dataclass(frozen=True)
class Value:
    """One checkable value: the interval [low, high] the text allows, and where it is written."""
    kind: str        # count, money, year, age, clock, day, date, part_of_day
    what: str | None
    low: float
    high: float
    exact: bool      # one value, unhedged: "12", not "about 12" or "at least 12"
    written: str     # text[start:end], for reasons shown to a person
    start: int
    end: int


# --- patterns -----------------------------------------------------------------------------------
_WORDNUM = rf"(?:{'|'.join(TEN_WORDS)})(?:[-\s](?:{'|'.join(UNIT_WORDS)}))?|{'|'.join(TEEN_WORDS + UNIT_WORDS)}"
_VAGUE = "|".join(sorted(VAGUE, key=len, reverse=True)).replace(" ", r"\s+")
_SCALE = r"hundred|thousand|million|billion|trillion|dozen"
NUMBER = re.compile(rf"""(?<![\w.,/#:])(?<![A-Za-z]-)
    (?:(?P<cur>(?:US|A|C)\$|[$€£¥])\s?)?
    (?:(?P<vague>{_VAGUE})
     |(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?P<word>{_WORDNUM})|an?(?=\s+(?:{_SCALE})\b))
      (?:(?P<suffix>bn|mn|m|k|tn)|\s*(?P<scale>(?:{_SCALE})(?:\s+(?:{_SCALE}))?))?)
    (?P<plus>\+)?(?!\w)""", re.I | re.X)
WORD = re.compile(r"[(\[\"'“‘]*([^\s()\[\]\"'“”‘’,;]+)\S*")
RANGE_SEP = re.compile(r"\s*(-|–|—|to|and|or)\s*", re.I)
WORD_AFTER = re.compile(r"(?:\s+|-|(?=%))(%|[A-Za-z]+(?:['’][A-Za-z]+)?)")
OR_AFTER = re.compile(r"\s+(or more|or so|or fewer|or less|plus)\b", re.I)
_HOURS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
CLOCK = re.compile(rf"""(?<![\w.:,])(?:
    (?P<h>\d{{1,2}})(?:[:.](?P<m>[0-5]\d))?\s?(?P<ampm>[ap])\.?\s?m\b\.?
   |(?P<h24>[0-2]\d)(?P<m24>[0-5]\d)(?=\s?(?:GMT|UTC|hrs\b))
   |(?P<hb>\d{{1,2}})(?P<sep>[:.])(?P<mb>[0-5]\d)(?![\d:])
   |(?P<rel>(?:a\s+)?quarter|half|five|ten|twenty|twenty-five)\s+(?P<dir>past|to|after)\s+(?P<hr>{_HOURS}|\d{{1,2}})\b
   |(?P<named>noon|midday|midnight))
  (?P<zone>\s?\(?(?:GMT|UTC)\b|\s(?:local\s+time|BST|CET|CEST|EST|EDT|ET|PT|PST|PDT)\b)?""", re.I | re.X)
HALF_DAY_AFTER = re.compile(r"\s*(?:on \w+day |in the |at |this |\w+day )(morning|afternoon|evening|night)\b", re.I)
_WD = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
PART = re.compile(rf"""\b(?:
    (?:(?P<mod>early|late|mid)[\s-]+(?:on\s+|in\s+the\s+)?)?(?:(?P<day>{_WD}|yesterday|today|tomorrow|this|last)\s+)?
    (?:(?P<mod2>early|late|mid)(?:\s+|-))?
    (?P<part>morning|afternoon|evening|night|overnight|small\s+hours|early\s+hours|dawn|daybreak|dusk|nightfall)\b
    (?:\s+of\s+(?P<day2>{_WD}))?
   |(?P<edge>early|late)\s+(?:on\s+)?(?P<day3>{_WD}|yesterday|today)\b(?!['’]s)
   |(?P<tonight>tonight))""", re.I | re.X)
WEEKDAY = re.compile(rf"\b({_WD})(?:['’]s)?\b")
RELATIVE_YEAR = re.compile(r"\b(last|this|next)\s+year\b", re.I)
AGO = re.compile(r"\s+ago\b", re.I)
RELATIVE_DAY = re.compile(r"\b(yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening))\b", re.I)
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
        r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")
_DATE_PRE = "in|since|until|by|during|from|last|next|this|of|early|mid|late"
_YEAR = r"(?:,?\s+(?P<y{0}>(?:1\d|20)\d\d)\b)?"
DATE = re.compile(rf"""\b(?:
    (?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MON}){_YEAR.format(1)}
   |(?P<m2>{_MON})\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?![.,:]\d){_YEAR.format(2)}
   |(?P<pre>(?i:{_DATE_PRE}))[\s-]+(?P<m3>{_MON}){_YEAR.format(3)}
   |(?P<m4>{_MON})\s+(?P<y4>(?:1\d|20)\d\d)\b)""", re.X)

TALLY = re.compile(r"""(?<![\w.,/#:–-])(?:(?P<a>\d{1,3})\s?[-–]\s?(?P<b>\d{1,3})(?![\w.,/:%–-]|\s?(?:percent|per\s+cent)\b)
    |(?P<va>\d{1,3})\s+votes?\s+to\s+(?P<vb>\d{1,3})\b)""", re.I | re.X)

ORDINAL = re.compile(rf"""\b(?:on|in|at|from|to|into)\s+the\s+
    (?P<n>\d{{1,3}}(?:st|nd|rd|th)|{'|'.join(ORDINAL_WORDS)})\s+(?P<what>[A-Za-z]+)""", re.I | re.X)

ORDINAL_STARTS = frozenset(ORDINAL_WORDS)
_NUMBERED = re.compile(r"\d(?:st|nd|rd|th)\b", re.I)
TOKEN = re.compile(r"([a-z]+)|\d+|[$€£¥]")
NUMBER_STARTS = frozenset(["#", "us", "c", *WORD_NUMBERS, *(v.split()[0] for v in VAGUE)])
CLOCK_STARTS = frozenset(["#", "quarter", "half", "noon", "midday", "midnight", *WORD_NUMBERS])
DATE_STARTS = frozenset(["#", *re.findall(r"[a-z]+", _MON.lower()), *_DATE_PRE.split("|")])
PART_STARTS = frozenset(["early", "late", "mid", "small", "tonight", *WEEKDAYS, *DAY_OFFSETS, *PARTS])
ANY_START = NUMBER_STARTS | CLOCK_STARTS | DATE_STARTS | PART_STARTS | ORDINAL_STARTS


# --- reading ------------------------------------------------------------------------------------
def values(text: str, published: date | None = None) -> list[Value]:
    """Every checkable value in `text`, in reading order; `published` (the article's date) resolves
    "yesterday", "last year", "850 years ago" and the like."""
    out: list[Value] = []
    taken: list[tuple[int, int]] = []
    tokens = [(m.start(), w) for m in TOKEN.finditer(text.lower()) if (w := m.group(1) or "#") in ANY_START]
    for read in (_dates, _clocks, _days, _tallies, _ordinals, _counts, _years_from_now):  # "#" is a digit or sign; digits a date or clock read are no count
        read(text, published, out, taken, tokens)
    return sorted(out, key=lambda v: (v.start, v.end))


def _scan(pattern: re.Pattern, text: str, tokens, starts: frozenset) -> list[re.Match]:
    """What pattern.finditer finds, trying only the tokens that can begin a match: far cheaper."""
    found: list[re.Match] = []
    for i, word in tokens:
        if word in starts and (not found or i >= found[-1].end()) and (m := pattern.match(text, i)):
            found.append(m)
    return found


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether text[start:end] overlaps a stretch another reader took (a date's or a clock's digits)."""
    return any(s < end and start < e for s, e in taken)


def _value(text, kind, what, low, high, exact, start, end) -> Value:
    return Value(kind, what, float(low), float(high), exact, text[start:end], start, end)


def _qualifier(text: str, start: int, table: dict) -> tuple[str | None, list[str], list[int]]:
    """The longest key of `table` the words just before `start` end with, and the last four words
    (lower-cased) and where each begins; no words when no space parts them from `start`."""
    found = list(WORD.finditer(text, max(0, start - 40), start))[-4:] if start and text[start - 1].isspace() else []
    words = [w.group(1).lower() for w in found]
    key = next((k for n in (3, 2, 1) if len(words) >= n and (k := " ".join(words[-n:])) in table), None)
    return key, words, [w.start(1) for w in found]


def _dates(text, published, out, taken, tokens) -> None:
    for m in _scan(DATE, text, tokens, DATE_STARTS):
        i = next(k for k in "1234" if m.group(f"m{k}"))
        month, year = MONTHS.index(m.group(f"m{i}")[:3].lower()) + 1, m.group(f"y{i}")
        day, days = int(m.group(f"d{i}") or 0) if i in "12" else 0, MONTH_DAYS[month - 1]
        if i in "12" and not 1 <= day <= days:
            continue
        pre = (m.group("pre") or "").lower()
        first, last = (day, day) if day else {"early": (1, 10), "mid": (11, 20), "late": (21, days)}.get(pre, (1, days))
        start = m.start("m3") if i == "3" and pre not in ("early", "mid", "late") else m.start()
        out.append(_value(text, "date", year, month * 100 + first, month * 100 + last, bool(day), start, m.end()))
        taken.append((m.start(), m.end()))
        if year:
            out.append(_value(text, "year", None, int(year), int(year), True, m.start(f"y{i}"), m.end(f"y{i}")))


def _clocks(text, published, out, taken, tokens) -> None:
    for m in _scan(CLOCK, text, tokens, CLOCK_STARTS):
        g, (key, before, starts) = m.group, _qualifier(text, m.start(), CLOCK_QUALIFIERS)
        after_time_word = bool(before) and before[-1] in TIME_WORDS
        zone = "UTC" if g("zone") and re.search("GMT|UTC", g("zone"), re.I) else None
        if g("h"):
            t, sure = int(g("h")) % 12 * 60 + int(g("m") or 0) + (720 if g("ampm").lower() == "p" else 0), True
        elif g("h24"):
            t, sure = int(g("h24")) * 60 + int(g("m24")), True
        elif g("hb"):
            if int(g("hb")) > 23 or (g("sep") == "." and not zone and not after_time_word):
                continue  # "2.50" is a decimal unless a time word or a zone says otherwise
            t, sure = int(g("hb")) * 60 + int(g("mb")), int(g("hb")) > 12 or g("hb").startswith("0")
        elif g("named"):
            t, sure = (0 if g("named").lower() == "midnight" else 720), True
        elif not after_time_word:
            continue  # "ten to four" is a time only after "at", "about" and the like
        else:
            hour, minutes = g("hr"), PAST_MINUTES[g("rel").lower().split()[-1]]
            t = (int(hour) if hour.isdigit() else _HOURS.split("|").index(hour.lower()) + 1) % 12 * 60
            t, sure = t + (-minutes if g("dir").lower() == "to" else minutes), False
        if not sure and (later := HALF_DAY_AFTER.match(text, m.end())):  # "at 7:50 in the evening"
            part, sure = later.group(1).lower(), True
            t += 720 if part in ("afternoon", "evening") or (part == "night" and t >= 360) else 0
        low, high = CLOCK_QUALIFIERS.get(key, (0, 0))
        out.append(_value(text, "clock", zone or (None if sure else "12h"), t + low, t + high, not key,
                          starts[-len(key.split())] if key else m.start(), m.end()))
        taken.append((m.start(), m.end()))


def _tallies(text, published, out, taken, tokens) -> None:
    """Scores and votes, "2-1", "51-49", "by 51 votes to 49": a range runs upwards ("10-12 people")."""
    for m in _scan(TALLY, text, tokens, frozenset("#")):
        larger, smaller = int(m.group("a") or m.group("va")), int(m.group("b") or m.group("vb"))
        model = larger >= 100 and smaller and smaller % 100 == 0  # "a 747-400"
        if larger >= smaller and not model and not _qualifier(text, m.start(), QUALIFIERS)[0] \
                and not _overlaps(taken, *m.span()):  # "nearly 2-1" is a ratio
            code = larger * 1000 + smaller
            out.append(_value(text, "tally", None, code, code, True, m.start(), m.end()))
            taken.append(m.span())


def _ordinals(text, published, out, taken, tokens) -> None:
    """"on the third floor", "in the 89th minute": a place in a series, of the thing named after it."""
    if not any(word in ORDINAL_STARTS for _, word in tokens) and not _NUMBERED.search(text):
        return  # most claims: no ordinal word and no "10th"
    for m in ORDINAL.finditer(text):
        n = m.group("n").lower()
        rank = int(n[:-2]) if n[0].isdigit() else ORDINAL_WORDS.index(n) + 1
        what = m.group("what").lower()
        out.append(_value(text, "ordinal", UNITS.get(what, _key(what)), rank, rank, True, m.start("n"), m.end()))
        taken.append((m.start("n"), m.end()))


def _days(text, published, out, taken, tokens) -> None:
    for m in _scan(WEEKDAY, text, tokens, PART_STARTS):
        day = WEEKDAYS.index(m.group(1).lower())
        out.append(_value(text, "day", None, day, day, True, m.start(), m.end()))
    for m in _scan(PART, text, tokens, PART_STARTS):
        g = m.group
        if g("tonight"):
            day, (low, high) = "today", (1080, 1799)
        elif g("edge"):  # "early Friday" is its small hours, "late Monday" its evening
            day, (low, high) = g("day3"), ((0, 419) if g("edge").lower() == "early" else (1140, 1439))
        else:
            day, (low, high) = g("day") or g("day2"), PARTS[" ".join(g("part").lower().split())]
            mod, half = (g("mod") or g("mod2") or "").lower(), (high - low) // 2
            low, high = {"early": (low, low + half), "late": (low + half + 1, high),
                         "mid": (low + half // 2, high - half // 2)}.get(mod, (low, high))
        day = {"this": "today", "last": "yesterday"}.get((day or "").lower(), (day or "").lower()) or None
        if published and day in DAY_OFFSETS:
            day = WEEKDAYS[(published + timedelta(days=DAY_OFFSETS[day])).weekday()]
        out.append(_value(text, "part_of_day", day, low, high, False, m.start(), m.end()))
    for m in _scan(RELATIVE_DAY, text, tokens, PART_STARTS) if published else ():  # else no day to name
        when = published + timedelta(days=DAY_OFFSETS[m.group(1).lower().split()[0]])
        code = when.month * 100 + when.day
        out += [_value(text, "day", None, when.weekday(), when.weekday(), True, m.start(), m.end()),
                _value(text, "date", str(when.year), code, code, True, m.start(), m.end())]


def _years_from_now(text, published, out, taken, tokens) -> None:
    """ "last year", "this year", "next year": a year once the article's date is known."""
    for m in RELATIVE_YEAR.finditer(text) if published else ():
        year = published.year + {"last": -1, "this": 0, "next": 1}[m.group(1).lower()]
        out.append(_value(text, "year", None, year, year, True, m.start(), m.end()))


def _figure(m) -> tuple[float | None, float, float, bool]:
    """(nominal, low, high, scaled) of one written figure; nominal is None for "dozens"."""
    g = m.group
    if g("vague"):
        return None, *VAGUE[" ".join(g("vague").lower().split())], False
    if g("digits"):
        digits = g("digits").replace(",", "")
        n, step = float(digits), 10.0 ** -len(digits.partition(".")[2])
    else:
        n, step = float(sum(WORD_NUMBERS[w] for w in (g("word") or "a").lower().replace("-", " ").split())), 1.0
    scale = math.prod(SCALES[w] for w in (g("scale") or "").lower().split() + [(g("suffix") or "").lower()] if w)
    if (g("suffix") or "").lower() == "m" and not g("cur"):
        scale = 1.0  # "100m" without a currency is metres
    # "2.5 million" is rounded; a quarter of its last digit either way keeps "12" and "13 million" apart
    slack = step * scale / 4 if scale >= 1e6 else 0.0
    return n * scale, n * scale - slack, n * scale + slack, scale >= 1e6


def _bounded(nominal, low, high, qualifier) -> tuple[float, float]:
    if nominal is None or qualifier in (None, "range"):
        return low, high
    spread = max(1.0, 0.15 * nominal)  # "about 400" allows 340..460, "about 6" allows 5..7
    return {"approx": (min(low, nominal - spread), max(high, nominal + spread)), "ge": (nominal, math.inf),
            "gt": (math.nextafter(nominal, math.inf), math.inf), "le": (0.0, nominal),
            "lt": (0.0, math.nextafter(nominal, 0))}[qualifier]


def _counts(text, published, out, taken, tokens) -> None:
    pos = 0  # past the second figure of a range
    for m in _scan(NUMBER, text, tokens, NUMBER_STARTS):
        start, end = m.span()
        if start < pos or _overlaps(taken, start, end) or (beside := _beside(text, m)) == "name":
            continue
        nominal, low, high, scaled = _figure(m)
        currency = CURRENCY_SIGNS.get((m.group("cur") or "").lower())
        qualifier_words, before, starts = _qualifier(text, start, QUALIFIERS)
        n = len(qualifier_words.split()) if qualifier_words else 0
        qualifier = QUALIFIERS.get(qualifier_words)
        aged = len(before) > n and before[-n - 1] in ("aged", "age", "ages")
        if qualifier_words != "from" and (sep := RANGE_SEP.match(text, end)) and (
                second := NUMBER.match(text, sep.end())):  # "20 to 30"; "from 20 to 30" is a change, two values
            nominal2, low2, high2, scaled2 = _figure(second)
            if scaled2 and not scaled and nominal is not None and second.group("digits"):  # "2 to 3 million"
                factor = nominal2 / float(second.group("digits").replace(",", ""))
                nominal, low, high = nominal * factor, low * factor, high * factor
            if (None not in (nominal, nominal2) and nominal < nominal2
                    and (sep.group(1).lower() != "and" or qualifier_words == "between")):
                nominal, low, high, end = None, min(low, low2), max(high, high2), second.end()
                pos, scaled = end, scaled or scaled2
                currency = currency or CURRENCY_SIGNS.get((second.group("cur") or "").lower())
        if tail := OR_AFTER.match(text, end):
            qualifier, end = QUALIFIERS[tail.group(1).lower()], tail.end()
        elif m.group("plus"):
            qualifier = "ge"
        low, high = _bounded(nominal, low, high, qualifier)
        kind, what, thing_end = _thing(text, end, nominal != 1, scaled)
        if (m.group("suffix") or "").lower() == "m" and not currency:
            kind, what, thing_end = "count", "metre", end
        if currency:
            kind, what, thing_end = "money", currency, thing_end if kind == "money" else end
        elif aged or beside == "age":
            kind, what = "age", None
        elif (len(digits := m.group("digits") or "") == 4 and digits.isdigit() and low == high == int(digits)
              and not currency and 1000 <= low <= 2099
              and (year := _year_role(text, end, before, low, what))):
            kind, what, thing_end = "year", year if year != "event" else None, end
            what = "birth" if what is None and before[-2:] == ["born", "in"] else what  # dates a person, not the event
        elif kind == "count" and what is None and m.group("word") and nominal == 1:
            continue  # "one of them", "no one": not a figure anyone checks
        first = starts[-n - aged] if qualifier_words or aged else start
        exact = qualifier in (None, "range") and low == high
        out.append(_value(text, kind, what, low, high, exact, first, thing_end))
        if published and kind == "age" and math.isfinite(high):  # "Smith, 52," in 2017: born in 1964 or 1965
            out.append(_value(text, "year", "birth", published.year - high - 1, published.year - low, False, first,
                              thing_end))
        if published and kind == "count" and what == "year" and (ago := AGO.match(text, thing_end)):
            out.append(_value(text, "year", None, published.year - high, published.year - low, exact, first,
                              ago.end()))  # "more than 850 years ago", in an article of 2019: before 1169


def _year_role(text: str, end: int, before: list[str], figure: float, what: str | None) -> str | None:
    """"event" for a four-digit figure that dates what a claim tells ("in 1974"), "attributive" for
    one that dates a thing ("the 1974 block", "a 2009 blaze"), None for a count ("the 2000 runners")."""
    if before and before[-1] in DETERMINERS and what is not None:
        noun = WORD_AFTER.match(text, end)
        word = noun.group(1).lower() if noun else ""
        return "attributive" if 1900 <= figure <= 2099 and word.isalpha() and not _plural(word) \
            and word not in UNITS else None
    return "event" if (before and before[-1] in YEAR_WORDS) or (figure >= 1900 and what is None) else None


def _beside(text: str, m) -> str | None:
    """"name" for a figure in a name ("Boeing 737"), "age" for one after a name ("Ann Lee, 38, said")."""
    s, e, digits = m.start(), m.end(), m.group("digits") or ""
    prev = (text[max(0, s - 30):s].split() or [" "])[-1] if s and text[s - 1].isspace() else " "
    if prev.lower() in ("no.", "number", "#") or (prev[0].isupper() and prev[-1] not in ",;:"
                                                   and prev.lower().strip("\"'“‘(") not in NAME_SAFE):
        return "name"  # a capitalised word before a figure names it, unless a qualifier or the like
    if (digits.isdigit() and 0 < int(digits) <= 110 and text[s - 2:s] == ", " and prev[0].isupper()
            and text[e:e + 1] in ("", ",", ")")):
        return "age"
    return None


def _thing(text: str, end: int, plural: bool, scaled: bool) -> tuple[str, str | None, int]:
    """(kind, what, where its words end) for the thing counted, read from the words after a figure."""
    words, ends = [], []
    while len(words) < 4 and (w := WORD_AFTER.match(text, ends[-1] if ends else end)):
        words.append(w.group(1).lower())
        ends.append(w.end())
    i = 1 if words[:1] == ["of"] else 0  # "dozens of people" counts people; "40 of them" is a part
    while i < len(words) and words[i] in SKIP_BEFORE_NOUN:
        i += 1
    if i >= len(words) or (i and (words[i] in PARTITIVE or words[i].endswith("ed"))):  # "four more followed"
        return "count", None, end
    w, following = words[i], (words[i + 1] if i + 1 < len(words) else "")
    if w == "per" and following == "cent":
        return "count", "percent", ends[i + 1]
    if w in FUNCTION:
        return "count", None, end
    if w in CURRENCY_WORDS or (w in ("pound", "pounds") and (scaled or following == "sterling")):
        return "money", CURRENCY_WORDS.get(w, "GBP"), ends[i]
    if w in ("year", "years") and following == "old":
        return "age", None, ends[i + 1]
    if w in UNITS:
        return "count", UNITS[w], ends[i]
    if plural and not _plural(w):  # "two bell towers" counts towers
        nouns = words[i + 1:i + 3]
        nouns = nouns[:next((k for k, n in enumerate(nouns) if n in FUNCTION), len(nouns))]
        if heads := [k for k, n in enumerate(nouns) if _plural(n)]:
            i, w = i + 1 + heads[0], nouns[heads[0]]
    return "count", _key(w), ends[i]


def _plural(word: str) -> bool:
    return word in IRREGULAR_PLURALS or (len(word) > 3 and word[-1] == "s"
                                         and word[-2:] not in ("ss", "us", "is", "'s", "’s"))


def _key(word: str) -> str:
    """One lower-case, roughly singular key per counted thing: "firefighters" -> "firefighter"."""
    if word in ALIASES or word in UNITS or not _plural(word):
        return ALIASES.get(word) or UNITS.get(word) or word
    return (word[:-3] + "y" if word.endswith("ies") and len(word) > 4
            else word[:-2] if word.endswith(("ches", "shes", "xes", "sses")) else word[:-1])
