"""Train the agreement model shipped in factcheck/data/agree_model.json.

    python scripts/train_agree.py > factcheck/data/agree_model.json

A logistic regression over factcheck.matching.FEATURES, fitted by gradient descent on the
labelled pairs in ../shared/data/pairs/ (training splits only: MSRP paraphrase, RTE-3
entailment and Emergent "for" count as agreement; everything else does not).  Only the
weights are written.  The test splits are held back and scored separately.
"""
import json
import math
import sys
from pathlib import Path

from factcheck.matching import FEATURES, features

PAIRS = Path(__file__).resolve().parents[2] / "shared" / "data" / "pairs"
STEPS = 2000
LEARNING_RATE = 3.0
L2 = 1e-3


def main() -> None:
    examples = []
    for name in ("msrp", "rte3", "emergent"):
        lines = (PAIRS / f"{name}.train.jsonl").read_text(encoding="utf-8").splitlines()
        for line in lines[1:]:
            row = json.loads(line)
            values = features(row["a"], row["b"])
            examples.append(([1.0] + [values[f] for f in FEATURES], 1.0 if row["gold"] == "agree" else 0.0))
    weights = [0.0] * (len(FEATURES) + 1)
    for _ in range(STEPS):
        gradient = [0.0] * len(weights)
        for x, y in examples:
            p = 1 / (1 + math.exp(-sum(w * v for w, v in zip(weights, x))))
            for k, v in enumerate(x):
                gradient[k] += (p - y) * v
        weights = [w - LEARNING_RATE * (g / len(examples) + L2 * w) for w, g in zip(weights, gradient)]
    model = {"bias": round(weights[0], 4), **{f: round(w, 4) for f, w in zip(FEATURES, weights[1:])}}
    json.dump(model, sys.stdout, indent=1)
    print()
    print(f"{len(examples)} pairs", file=sys.stderr)


if __name__ == "__main__":
    main()
