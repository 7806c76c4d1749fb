"""quantities: reading counts, money, ages, years, times, parts of day, days and dates, and conflicts."""
import math
from datetime import date

import pytest
from hypothesis import given, strategies as st

from factcheck.match.compatible import conflict
from factcheck.match.quantities import Value, values

TUESDAY = date(2019, 4, 16)


def first(text: str, kind: str, published: date | None = None) -> Value:
    found = [v for v in values(text, published) if v.kind == kind]
    assert found, f"no {kind} in {text!r}: {values(text, published)}"
    return found[0]


def verdict(a: str, b: str, published: date | None = None) -> bool | None:
    """True if some pair of values of one kind clashes, False if some pair compares, else None."""
    results = {conflict(x, y) for x in values(a, published) for y in values(b, published)}
    return True if True in results else False if False in results else None


COUNTS = [
    ("Twelve people were killed", "person", 12, 12, True),
    ("Fifty-two passengers were on board", "passenger", 52, 52, True),
    ("about 400 firefighters were sent", "firefighter", 340, 460, False),
    ("some 250 volunteers turned up", "volunteer", 212.5, 287.5, False),
    ("nearly 200 homes lost power", "home", 170, 230, False),
    ("almost 30 cars were towed", "car", 25.5, 34.5, False),
    ("around 6 tanks rolled in", "tank", 5, 7, False),
    ("at least 20 people were hurt", "person", 20, math.inf, False),
    ("over 100 patients were seen", "patient", 100, math.inf, False),
    ("up to 50 people may be missing", "person", 0, 50, False),
    ("between 20 and 30 people gathered", "person", 20, 30, False),
    ("20 to 30 people gathered", "person", 20, 30, False),
    ("20-30 people gathered", "person", 20, 30, False),
    ("a dozen eggs broke", "egg", 12, 12, True),
    ("dozens of protesters marched", "protester", 20, 149, False),
    ("hundreds of residents fled", "resident", 150, 1999, False),
    ("1,200 workers walked out", "worker", 1200, 1200, True),
    ("2.5 million visitors came", "visitor", 2.475e6, 2.525e6, False),
    ("the two bell towers stood", "tower", 2, 2, True),
    ("three injured firefighters", "firefighter", 3, 3, True),
    ("40 percent of voters", "percent", 40, 40, True),
    ("40 per cent of voters", "percent", 40, 40, True),
    ("40% of voters", "percent", 40, 40, True),
    ("a 27-storey block", "storey", 27, 27, True),
    ("the block has 24 floors", "storey", 24, 24, True),
    ("a 24-story tower", "storey", 24, 24, True),
    ("each lost 4 kilograms", "kg", 4, 4, True),
    ("each lost 9 pounds", "lb", 9, 9, True),
    ("120 flats", "apartment", 120, 120, True),
    ("2000 people marched", "person", 2000, 2000, True),
]


@pytest.mark.parametrize("text, what, low, high, exact", COUNTS)
def test_counts(text, what, low, high, exact):
    v = first(text, "count")
    assert (v.what, v.low, v.high, v.exact) == (what, pytest.approx(low), pytest.approx(high), exact)


def test_strict_bounds_leave_out_the_figure():
    more, fewer = first("more than 140 people", "count"), first("fewer than 10 people", "count")
    assert 140 < more.low < 140.001 and more.high == math.inf
    assert fewer.low == 0 and 9.999 < fewer.high < 10


@pytest.mark.parametrize("text, what, low, high", [
    ("pledged €100m to rebuild", "EUR", 99.75e6, 100.25e6),
    ("pledged 100 million euros", "EUR", 99.75e6, 100.25e6),
    ("it cost $11 million", "USD", 10.75e6, 11.25e6),
    ("a fine of £5,000", "GBP", 5000, 5000),
    ("an 8.6 million pound project", "GBP", 8.575e6, 8.625e6),
])
def test_money(text, what, low, high):
    v = first(text, "money")
    assert (v.what, v.low, v.high) == (what, pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("text, low, high", [
    ("the man, aged 38, was arrested", 38, 38),
    ("a 38-year-old man was arrested", 38, 38),
    ("the building is 43 years old", 43, 43),
    ("Jane Doe, 41, said she saw it", 41, 41),
    ("the children, aged 9 to 12, were safe", 9, 12),
])
def test_ages(text, low, high):
    v = first(text, "age")
    assert (v.low, v.high) == (low, high)
    assert not [c for c in values(text) if c.kind == "count"]


@pytest.mark.parametrize("text, year", [("it opened in 2016", 2016), ("the 1974 building", 1974),
                                        ("work began in 1163", 1163), ("2016 was a hard year", 2016)])
def test_years(text, year):
    v = first(text, "year")
    assert (v.low, v.high, v.written) == (year, year, str(year))


@pytest.mark.parametrize("text", ["one of them was hurt", "no one was hurt", "the Boeing 737 landed",
                                  "he lives at No. 10", "it was the 3rd attempt"])
def test_no_counts_in_names_parts_or_ordinals(text):
    assert [v for v in values(text) if v.kind == "count"] == []


@pytest.mark.parametrize("text, tally", [
    ("the hosts won 4-0", 4000), ("passed by 60 votes to 38", 60038), ("a 52–48 split", 52048),
    ("lost 1-2 at home", None),  # a range runs upwards: no tally ("8-10 people")
    ("the jury voted nearly 2-1 to convict", None),  # a ratio
    ("the 747-400 landed", None),  # a model
])
def test_tallies(text, tally):
    assert [v.low for v in values(text) if v.kind == "tally"] == ([tally] if tally else [])


def test_a_decimal_is_no_time_without_a_time_word():
    assert [v.kind for v in values("shares fell 2.50")] == ["count"]
    assert [v.kind for v in values("shares fell at 2.50")] == ["clock"]


CLOCKS = [
    ("at 6:50 p.m.", None, 1130, 1130),
    ("at 7 p.m.", None, 1140, 1140),
    ("by 8pm", None, 840, 1200),
    ("at 21:40", None, 1300, 1300),
    ("at 9.45pm", None, 1305, 1305),
    ("at 22.30", None, 1350, 1350),
    ("at 10:30 p.m.", None, 1350, 1350),
    ("shortly before 7 p.m.", None, 1110, 1140),
    ("shortly after 9 p.m.", None, 1260, 1290),
    ("at about 8 a.m.", None, 465, 495),
    ("at around midnight", None, -15, 15),
    ("at noon", None, 720, 720),
    ("at 7:50", "12h", 470, 470),
    ("at 7:50 in the evening", None, 1190, 1190),
    ("at about ten to four", "12h", 215, 245),
    ("at about ten to four on Monday afternoon", None, 935, 965),
    ("at 1850 GMT", "UTC", 1130, 1130),
]


@pytest.mark.parametrize("text, what, low, high", CLOCKS)
def test_clocks(text, what, low, high):
    v = first(text, "clock")
    assert (v.what, v.low, v.high) == (what, low, high)


@pytest.mark.parametrize("text, what, low, high", [
    ("on Sunday evening", "sunday", 1080, 1379),
    ("in the morning", None, 300, 719),
    ("it burned overnight", None, 1260, 1799),
    ("early Friday", "friday", 0, 419),
    ("late on Monday", "monday", 1140, 1439),
    ("early on Tuesday morning", "tuesday", 300, 509),
    ("tonight", "today", 1080, 1799),
])
def test_parts_of_day(text, what, low, high):
    v = first(text, "part_of_day")
    assert (v.what, v.low, v.high) == (what, low, high)


def test_relative_days_resolve_only_with_a_publication_date():
    assert [v.kind for v in values("it happened yesterday")] == []
    day, when = first("it happened yesterday", "day", TUESDAY), first("it happened yesterday", "date", TUESDAY)
    assert (day.low, when.low, when.what) == (0, 415, "2019")
    assert first("last night", "part_of_day", TUESDAY).what == "monday"
    assert first("yesterday afternoon", "part_of_day").what == "yesterday"


def test_an_age_gives_a_year_of_birth_once_the_article_is_dated():
    assert [v.kind for v in values("Ada Lind, 52, said")] == ["age"]
    born = [v for v in values("Ada Lind, 52, said", date(2017, 6, 14)) if v.kind == "year"]
    assert [(v.what, v.low, v.high) for v in born] == [("birth", 1964, 1965)]
    assert [(v.kind, v.what) for v in values("she was born in 1990")] == [("year", "birth")]


@pytest.mark.parametrize("text, low, high, year", [
    ("on 3 May", 503, 503, None), ("on May 4", 504, 504, None), ("April 15, 2019", 415, 415, "2019"),
    ("15 April 2019", 415, 415, "2019"), ("June 14", 614, 614, None), ("in mid-April", 411, 420, None),
    ("on the 4th of July", 704, 704, None),
])
def test_dates(text, low, high, year):
    v = first(text, "date")
    assert (v.low, v.high, v.what) == (low, high, year)


def test_weekdays_and_non_dates():
    assert first("Monday's attack", "day").low == 0
    assert [v.kind for v in values("May God help us")] == []
    assert "date" not in [v.kind for v in values("on 31 February")]


CONFLICTS = [
    # counts
    ("About 400 firefighters fought the fire", "250 firefighters fought the fire", True),
    ("About 400 firefighters fought the fire", "some 420 firefighters fought it", False),
    ("12 people died", "6 people died", True),
    ("Twelve people died", "12 people died", False),
    ("a dozen people were arrested", "12 people were arrested", False),
    ("at least 20 people were hurt", "at least 80 people were hurt", False),
    ("at least 30 people were hurt", "41 people were hurt", False),
    ("at least 30 people were hurt", "25 people were hurt", True),
    ("more than 140 people were hurt", "140 people were hurt", True),
    ("more than 140 people were hurt", "141 people were hurt", False),
    ("up to 50 people were hurt", "fewer than 10 people were hurt", False),
    ("fewer than 10 people were hurt", "10 people were hurt", True),
    ("under 10 people were hurt", "at least 12 people were hurt", True),
    ("between 20 and 30 people gathered", "25 people gathered", False),
    ("20-30 people gathered", "35 people gathered", True),
    ("dozens of people fled", "40 people fled", False),
    ("dozens of people fled", "hundreds of people fled", True),
    ("12 people were hurt", "6 cars were hit", None),
    ("12 were hurt", "6 were hurt", None),
    ("a 27-storey tower", "the tower has 24 storeys", True),
    ("a 24-storey tower", "a 24-story tower", False),
    ("the block has 120 flats", "the block has 120 apartments", False),
    ("2.5 million visitors a year", "2.52 million visitors a year", False),
    ("2.5 million visitors a year", "3 million visitors a year", True),
    ("12 million visitors a year", "13 million visitors a year", True),
    ("€100m was pledged", "100 million euros was pledged", False),
    ("100 million euros was pledged", "$113 million was pledged", None),
    ("it cost $11 million", "it cost about $10 million", False),
    ("more than 600 million euros", "500 million euros", True),
    ("40 percent of voters", "40% of voters", False),
    # places in a series
    ("it broke out on the third floor", "it broke out on the 7th floor", True),
    ("it broke out on the third floor", "it broke out on the 3rd floor", False),
    ("he scored in the 89th minute", "it broke out on the third floor", None),
    # scores and votes
    ("the visitors won 3-1", "the visitors won 2-1", True),
    ("the visitors won 3-1", "a 3–1 win for the visitors", False),
    ("the motion passed 214-198", "the motion passed by 214 votes to 198", False),
    ("the motion passed 214-198", "the motion passed 216-196", True),
    # ages and years
    ("a 38-year-old diver", "the diver, aged 38", False),
    ("Jane Doe, 41, said", "the 43-year-old said", True),
    ("children aged 11 to 16", "a child aged 17", True),
    ("it opened in 2016", "it opened in 2015", True),
    # a year before a noun dates that thing, which need not be what the other claim dates
    ("it opened in 2016", "the 2016 opening", None),
    ("the 1974 block was refurbished", "it was refurbished in 2016", None),
    ("the 2016 refurbishment", "the 2014 refurbishment", True),
    ("the 2000 runners finished", "2000 runners finished", False),  # a count, not a year
    # clock times
    ("it began at about 6:50 p.m.", "it began shortly before 7 p.m.", False),
    ("it fell at 7:50 p.m.", "it fell shortly after 9 p.m.", True),
    ("it fell at 10:20 p.m.", "it fell at 9.45pm", True),
    ("it began at 22.30", "it began at 10:30 p.m.", False),
    ("it began at 7:50", "it began at 7:50 p.m.", False),
    ("it began at 7:50", "it began shortly after 9 p.m.", True),
    ("it began around midnight", "it began at 11:55 p.m.", False),
    ("it began before 1 a.m.", "it began at 11:30 p.m.", False),
    ("it began at 8 a.m.", "it began at 8 p.m.", True),
    ("it began at 2:50 p.m.", "it began at 1850 GMT", None),
    ("at about ten to four in the afternoon", "at 3:50 p.m.", False),
    # parts of day and days
    ("on Sunday evening", "on Sunday morning", True),
    ("on Sunday evening", "on Sunday night", False),
    ("it burned overnight", "in the early hours", False),
    ("in the morning", "in the afternoon", True),
    ("early Friday", "on Friday morning", False),
    ("late on Monday", "on Monday morning", True),
    ("on Monday", "on Tuesday", True),
    ("Monday's attack", "the attack on Monday", False),
    ("on Monday", "12 people were hurt", None),
    # dates
    ("on 3 May", "on May 4", True),
    ("April 15, 2019", "15 April 2019", False),
    ("April 15, 2019", "April 15, 2018", True),
    ("June 14", "June 14, 2017", False),
    ("in mid-April", "on April 15", False),
    ("in early April", "on April 15", True),
]


@pytest.mark.parametrize("a, b, expected", CONFLICTS)
def test_conflict(a, b, expected):
    assert verdict(a, b) is expected
    assert verdict(b, a) is expected  # the relation is symmetric


@pytest.mark.parametrize("a, b, expected", [("it happened yesterday", "on Monday", False),
                                            ("it happened yesterday", "on Sunday", True),
                                            ("last night", "on Monday night", False)])
def test_conflict_with_a_publication_date(a, b, expected):
    assert verdict(a, b, TUESDAY) is expected


@given(st.text())
def test_never_crashes_and_offsets_hold(text):
    found = values(text)
    for v in found:
        assert text[v.start:v.end] == v.written and v.low <= v.high
    for x in found:
        for y in found:
            assert conflict(x, y) in (True, False, None)
