"""Two reports side by side: aligned claims that agree or contradict, and what only one reports."""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .relate import Context, Relation, relate

MIN_PAIR_SIMILARITY = 30  # rapidfuzz token-set ratio below which two claims are not compared
ORDER = {"contradict": 0, "agree": 1, "related": 2}


@dataclass(frozen=True)
class Pair:
    """A claim of A aligned with a claim of B."""

    a: dict
    b: dict
    relation: Relation


@dataclass
class Comparison:
    """The outcome of comparing article A with article B."""

    a: dict
    b: dict
    pairs: list[Pair] = field(default_factory=list)
    only_a: list[dict] = field(default_factory=list)
    only_b: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSON form: both articles, the aligned pairs, and what only one side reports."""
        return {
            "a": self.a, "b": self.b,
            "pairs": [{"a": p.a, "b": p.b, **p.relation.to_dict()} for p in self.pairs],
            "only_a": self.only_a, "only_b": self.only_b,
        }


def compare_claims(article_a: dict, claims_a: list[dict], article_b: dict, claims_b: list[dict],
                   rejected: set[tuple[int, int]] = frozenset()) -> Comparison:
    """Align the claims of two articles one to one, strongest relations first. Pairs of claim
    ids in `rejected` (either order: a person said they do not relate) are never aligned."""
    result = Comparison(article_a, article_b)
    if not claims_a or not claims_b:
        result.only_a, result.only_b = list(claims_a), list(claims_b)
        return result
    texts_b = [c["text"] for c in claims_b]
    scored = []
    for i, claim in enumerate(claims_a):
        for _, _, j in process.extract(claim["text"], texts_b, scorer=fuzz.token_set_ratio,
                                       score_cutoff=MIN_PAIR_SIMILARITY, limit=None):
            if tuple(sorted((claim["id"], claims_b[j]["id"]))) in rejected:
                continue
            relation = relate(claim["text"], texts_b[j],
                              Context.of(claim.get("hedged"), article_a.get("published"), claim.get("subject")),
                              Context.of(claims_b[j].get("hedged"), article_b.get("published"),
                                         claims_b[j].get("subject")))
            if relation.label in ORDER:
                scored.append((-relation.score, ORDER[relation.label], i, j, relation))
    used_a, used_b = set(), set()
    for _, _, i, j, relation in sorted(scored, key=lambda s: s[:4]):  # the closest pairs first
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            result.pairs.append(Pair(claims_a[i], claims_b[j], relation))
    result.pairs.sort(key=lambda p: (ORDER[p.relation.label], p.a["start"]))
    result.only_a = [c for i, c in enumerate(claims_a) if i not in used_a]
    result.only_b = [c for j, c in enumerate(claims_b) if j not in used_b]
    return result
