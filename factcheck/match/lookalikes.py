"""Look-alikes: claims that share words but speak of another event (another year, "last month")
or of other members of a series ("the first four" / "the last four")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .normalise import DATE_WORDS, STOP_WORDS, WEEKDAYS

if TYPE_CHECKING:
    from .claim_profile import Profile

ORDINALS = frozenset("first second third fourth fifth last final".split())  # as written: "seconds" is time
_SEPARATE = frozenset(("separate", "different", "unrelated"))  # "in a separate incident"
_INCIDENTS = frozenset(("incident", "attack", "case", "development"))
MAX_OPENING_WORDS = 4  # "In a separate incident": the words a claim opens with
PAST_SPANS = frozenset("month year week decade summer winter spring autumn".split())


def another_time(pa: Profile, pb: Profile) -> str | None:
    """The year or "last month" claim a is set in, when b gives no time of that kind: "In 1972,
    a fire destroyed the roof" is likely another fire than "the roof was destroyed". None when
    both give a time ("began in 1163" / "850 years ago"; "last week" / "on Oct. 23", though a
    weekday is no time of another year: the slot check's business), or when both name the same
    participant ("Mozart was born in Salzburg in 1756" / "Mozart was born in Salzburg": the same
    person's story, not another event)."""
    mark = _past_marker(pa)
    if not mark or _past_marker(pb, days=True) or _counts_years(pb.words) or shared_names(pa, pb):
        return None
    relative = not any(c.isdigit() for c in mark)  # "last month", not a year
    return None if relative and any(v.kind in ("date", "day") for v in pb.values) else mark


def other_members(pa: Profile, pb: Profile) -> str | None:
    """"'first' vs 'last'" when the claims single out different members of a series ("the first four
    boys" / "the last four boys"): look-alikes, not one proposition."""
    own_a, own_b = ({w.written for w in p.words} & ORDINALS for p in (pa, pb))
    if own_a and own_b and own_a.isdisjoint(own_b) and not (own_a <= _placed(pa) and own_b <= _placed(pb)):
        return f"{min(own_a)!r} vs {min(own_b)!r}"
    return None


def another_one(pa: Profile, pb: Profile) -> str | None:
    """The words that open one claim with another thing of the kind the other tells ("Another bomb
    exploded", "In a separate incident, ..."), when only one claim has them: look-alikes. Not
    "threatening another student" or "another death hoax" later in a claim."""
    marks = [_another(p, other) for p, other in ((pa, pb), (pb, pa))]
    return (marks[0] or marks[1]) if (marks[0] is None) != (marks[1] is None) else None


def _another(p: Profile, other: Profile) -> str | None:
    ws = p.words
    for k, w in enumerate(ws[:MAX_OPENING_WORDS]):
        marked = w.written == "another" or w.written in _SEPARATE and k and ws[k - 1].written in ("a", "an")
        if marked and k + 1 < len(ws) and ws[k + 1].number is None and not ws[k + 1].capitalised \
                and (ws[k + 1].key in other.key_set or ws[k + 1].written in _INCIDENTS):  # not "another 35 cases": more
            return f"{w.text} {ws[k + 1].text}"
    return None


def _placed(p: Profile) -> set[str]:
    """The ordinals that place the event ("on the third floor"): values to compare, not members."""
    return {v.written.split()[0].lower() for v in p.values if v.kind == "ordinal"}


def _past_marker(p: Profile, days: bool = False) -> str | None:
    """The first year the claim gives (quantities.py tells "in 1972" from "1850 GMT"), or "last month"
    (with `days`, "last Thursday" too: a time of its own, though not one that marks another event)."""
    four_digits = any(w.number is not None and 1000 <= w.number < 2100 for w in p.words)  # spare most claims
    year = next((v.written for v in p.values if v.kind == "year" and v.what != "birth"), None) if four_digits else None
    if year:
        return year
    ws = p.words
    for k, w in enumerate(ws[:-1]):
        if w.key == "last" and (ws[k + 1].key in PAST_SPANS or (days and ws[k + 1].key in WEEKDAYS)):
            return f"{w.text} {ws[k + 1].text}"
    return None


def shared_names(pa: Profile, pb: Profile) -> bool:
    """Whether both claims name someone or something alike: a capitalised word on both sides that
    is no stop word, day or month."""
    return bool((pa.names & pb.names) - STOP_WORDS - DATE_WORDS)


def _counts_years(ws) -> bool:
    """ "43 years old", "850 years ago", "a 38-year-old": a time told as a span of years."""
    return any(w.key.startswith("year") for w in ws)
