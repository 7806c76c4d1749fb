"""Revisions: which claims of an article's new text are claims of its old text.

A claim whose text is unchanged is kept (its id and verdicts stay, wherever it moved); a gone
claim and a new one that read almost the same are one claim reworded (`changed`); the rest
appeared or went. Re-extracting the same text also brings back, with its id, a claim an
earlier re-extraction retired, when the new extraction finds its text again (`revived`).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

REWORDED = 75  # rapidfuzz ratio (0-100) from which a gone claim and a new one are one claim reworded


@dataclass(frozen=True)
class Reconciliation:
    """Old claims (by id) against new claims (by position in the new extraction)."""

    kept: list[tuple[int, int]]      # (old id, new position): same text
    changed: list[tuple[int, int]]   # (old id, new position): reworded
    appeared: list[int]              # new positions that are no old claim
    went: list[int]                  # old ids that are no new claim
    revived: list[tuple[int, int]] = field(default_factory=list)  # (retired id, new position): same text

    def counts(self) -> dict[str, int]:
        """How many claims were kept (revived ones too: their ids stay), changed, appeared and went."""
        return {"kept": len(self.kept) + len(self.revived), "changed": len(self.changed),
                "appeared": len(self.appeared), "went": len(self.went)}


def reconcile(old: list[tuple[int, str]], new: list[str],
              dormant: list[tuple[int, str]] = ()) -> Reconciliation:
    """Pair old claims `(id, text)` with new claim texts: same texts first, in order of
    appearance, then `dormant` claims (retired from the same text) with the same text, then the
    most alike of the old claims and the rest (ratio >= REWORDED)."""
    waiting: dict[str, list[int]] = defaultdict(list)
    for position, text in enumerate(new):
        waiting[text].append(position)
    kept, gone = [], []
    for claim_id, text in old:
        if waiting[text]:
            kept.append((claim_id, waiting[text].pop(0)))
        else:
            gone.append((claim_id, text))
    revived = [(claim_id, waiting[text].pop(0)) for claim_id, text in dormant if waiting.get(text)]
    fresh = sorted(p for positions in waiting.values() for p in positions)
    scored = sorted(((fuzz.ratio(text, new[p], processor=default_process), claim_id, p)
                     for claim_id, text in gone for p in fresh), key=lambda s: (-s[0], s[1], s[2]))
    changed, paired_old, paired_new = [], set(), set()
    for score, claim_id, position in scored:
        if score < REWORDED:
            break
        if claim_id not in paired_old and position not in paired_new:
            changed.append((claim_id, position))
            paired_old.add(claim_id)
            paired_new.add(position)
    return Reconciliation(
        kept=kept, changed=sorted(changed, key=lambda c: c[1]),
        appeared=[p for p in fresh if p not in paired_new],
        went=[claim_id for claim_id, _ in gone if claim_id not in paired_old], revived=revived)
