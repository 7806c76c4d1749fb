"""Conflicts of side and share, beside the slot rules of slots.py: "for" against "against" ("voted
for" / "voted against"), all against part ("All residents" / "Half of the residents"), and an act one side
says someone did to themselves and the other that another did ("shot himself" / "was shot by police")."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .claim_profile import Profile

_REFLEXIVES = frozenset("himself herself themselves itself".split())
_WHOLE = frozenset("all every".split())
_PART = frozenset("half most some few several".split())
_QUANTIFIED_LINKS = frozenset("of the its their his her".split())


def by_oneself_or_another(pa: Profile, pb: Profile) -> tuple[str, str] | None:
    """(a's words, b's words) when one claim has the act done to oneself ("shot himself") and the
    other has it done by someone ("was shot by police"), the same verb on both sides."""
    for own, other, flip in ((pa, pb, False), (pb, pa, True)):
        ws = own.words
        for k in range(1, len(ws)):
            if ws[k].written not in _REFLEXIVES or ws[k - 1].key not in other.key_set:
                continue
            agent = _agent_after(other, ws[k - 1].key)
            if agent and not any(w.written in _REFLEXIVES for w in other.words):
                found = (f"{ws[k - 1].text} {ws[k].text}", agent)
                return found[::-1] if flip else found
    return None


def _agent_after(p: Profile, verb: str) -> str | None:
    """"by police" after the verb `verb` in a passive ("was shot by police"), as written."""
    ws = p.words
    for j in range(len(ws) - 2):
        if ws[j].key == verb and ws[j + 1].written == "by":
            return f"{ws[j].text} by {ws[j + 2].text}"
    return None


def all_against_part(pa: Profile, pb: Profile):
    """"All residents were evacuated" / "Half of the residents were evacuated": all of one thing
    on one side, part of it on the other."""
    return _apart(pa.shares, pb.shares)


def quantified_shares(ws) -> dict[str, tuple[bool, str]]:
    """Profile.shares: {the key of a noun a quantifier counts: (whether it is all of it, the quantifier as written)}."""
    found = {}
    for k, word in enumerate(ws):
        whole = word.written in _WHOLE
        if not (whole or word.written in _PART):
            continue
        j = k + 1
        while j < len(ws) and not ws[j].after_break and (ws[j].written in _QUANTIFIED_LINKS or ws[j].number is not None):
            j += 1  # "half of the 40 residents", "all 13 boys"
        if j < len(ws) and not ws[j].after_break:
            found.setdefault(ws[j].key, (whole, word.text))
    return found


def opposite_sides(pa: Profile, pb: Profile):
    """"voted for the bill" / "voted against the bill": the same word, then "for" on one side and
    "against" on the other (both are stop words, so nothing else compares them)."""
    return _apart(pa.sides, pb.sides)


def sides_taken(ws) -> dict[str, tuple[str, str]]:
    """Profile.sides: {the key of the word before "for" or "against": (which, the two words as written)}."""
    return {ws[k - 1].key: (ws[k].written, f"{ws[k - 1].text} {ws[k].text}")
            for k in range(1, len(ws)) if ws[k].written in ("for", "against") and not ws[k].after_break}


def _apart(found_a: dict, found_b: dict):
    """(a's words, b's words) for each key both claims mark, {key: (mark, words)}, with different marks."""
    for key in found_a.keys() & found_b.keys():
        (mark_a, text_a), (mark_b, text_b) = found_a[key], found_b[key]
        if mark_a != mark_b:
            yield text_a, text_b
