"""Train the relation models shipped in factcheck/data/relate_model.json.

    python scripts/train_relate.py > factcheck/data/relate_model.json

Two logistic regressions over the features of factcheck.matching (similarities, coverage,
negation, hedges, and which contradiction signals fired), fitted by gradient descent on the
labelled pairs in ../shared/data/pairs/ (training splits only):
  agree       MSRP paraphrase, RTE-3 entailment and Emergent "for" against everything else;
  contradict  RTE-3 contradiction and Emergent "against" against everything else (MSRP pairs
              are all negatives here: none of them is labelled a contradiction).
Only the weights are written.  The test splits are held back and scored separately.
"""
import json
import math
import sys
from pathlib import Path

from factcheck.matching import CONFLICT_KINDS, FEATURES, conflict_kinds, features

PAIRS = Path(__file__).resolve().parents[2] / "shared" / "data" / "pairs"
NAMES = ("bias",) + FEATURES + tuple(f"conflict_{kind}" for kind in CONFLICT_KINDS)
STEPS = 2000
LEARNING_RATE = 3.0
L2 = 1e-3


def fit(examples: list[tuple[list[float], float]]) -> dict[str, float]:
    weights = [0.0] * len(NAMES)
    for _ in range(STEPS):
        gradient = [0.0] * len(weights)
        for x, y in examples:
            p = 1 / (1 + math.exp(-sum(w * v for w, v in zip(weights, x))))
            for k, v in enumerate(x):
                gradient[k] += (p - y) * v
        weights = [w - LEARNING_RATE * (g / len(examples) + L2 * w) for w, g in zip(weights, gradient)]
    return {name: round(w, 4) for name, w in zip(NAMES, weights)}


def main() -> None:
    rows = []
    for name in ("msrp", "rte3", "emergent"):
        lines = (PAIRS / f"{name}.train.jsonl").read_text(encoding="utf-8").splitlines()
        for line in lines[1:]:
            row = json.loads(line)
            values = features(row["a"], row["b"])
            values.update({f"conflict_{kind}": 1.0 for kind in conflict_kinds(row["a"], row["b"])})
            rows.append(([1.0] + [values.get(n, 0.0) for n in NAMES[1:]], row["gold"]))
    model = {label: fit([(x, 1.0 if gold == label else 0.0) for x, gold in rows])
             for label in ("agree", "contradict")}
    json.dump(model, sys.stdout, indent=1)
    print()
    print(f"{len(rows)} pairs", file=sys.stderr)


if __name__ == "__main__":
    main()
