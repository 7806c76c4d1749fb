"""Train the relation models shipped in factcheck/data/relate_model.json.

    pip install -e '.[train]'
    python scripts/train_relate.py > factcheck/data/relate_model.json
    python scripts/train_relate.py --cv          # grouped 5-fold cross-validation, nothing written
    python scripts/train_relate.py --cv --repeats 3 --errors wrong.jsonl

Two boosted-tree classifiers over factcheck.match.relate.features (similarities, coverage, word
n-gram overlap, numbers, names, negation, hedges, which contradiction signals fired), fitted by
gradient boosting on the labelled pairs in ../shared/data/pairs/ (training splits only):
  agree       MSRP paraphrase, RTE-3 entailment and Emergent "for" against everything else;
  contradict  RTE-3 contradiction and Emergent "against" against everything else (MSRP pairs
              are negatives: none is labelled a contradiction).
--cv fits on four fifths and runs factcheck.relate, with those models, on the fifth left out
(Emergent folds keep every headline of one claim together, RTE-3 every hypothesis of one text),
so the figures it prints come from pairs the models did not see.  The test splits are held back.
One run moves by about 0.005 with the folds and the boosting seed: --repeats N prints the mean
of N runs; compare changes by that.
"""
import argparse
import importlib
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

matching = importlib.import_module("factcheck.match.relate")  # the module: the package exports the function
from factcheck.match.trees import BoostedTrees

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
import pairs  # noqa: E402  the scorer's own loading and P/R/F1, so --cv counts as it does

DATASETS = ("msrp", "rte3", "emergent", "reports")
REPORTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "reports" / "gold" / "relations.jsonl"
REPORTS_WEIGHT = 3  # each reports pair counts this many times in fitting: the task's own data, 175 pairs
FOUR_WAY = {"classes": ["agree", "contradict", "related", "unrelated"],
            "collapse": {label: label for label in ("agree", "contradict", "related", "unrelated")}}
ROUNDS, DEPTH, RATE, L2, MIN_LEAF, SUBSAMPLE, BINS = 200, 3, 0.1, 1.0, 20, 0.8, 32


def load() -> tuple[list[dict], dict[str, dict]]:
    """Every training pair (with its dataset and CV group), and each dataset's header."""
    rows, heads = [], {}
    for name in DATASETS:
        heads[name], found = (FOUR_WAY, _reports()) if name == "reports" else pairs.load(name, None)
        for number, row in enumerate(found):
            row["dataset"] = name
            row["group"] = f"{name}:{row.get('event') or (row['a'] if name != 'msrp' else number)}"
            rows.append(row)
    return rows, heads


def _reports() -> list[dict]:
    """The labelled cross-report pairs of the reports corpus; a CV group is one event."""
    found = []
    for line in REPORTS.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        gold = "unrelated" if pair["relation"] == "unrelated_lookalike" else pair["relation"]
        found.append({"a": pair["a"]["text"], "b": pair["b"]["text"], "gold": gold,
                      "event": pair["a"]["article"].split("_")[0]})
    return found


def weighted(indices: list[int], rows: list[dict]) -> list[int]:
    """The rows to fit on, each reports pair repeated REPORTS_WEIGHT times."""
    return [i for i in indices for _ in range(REPORTS_WEIGHT if rows[i]["dataset"] == "reports" else 1)]


def boost(x: np.ndarray, y: np.ndarray, seed: int = 0) -> tuple[float, list]:
    """Gradient boosting of depth-limited regression trees on the logistic loss (Newton leaves)."""
    rng = np.random.RandomState(seed)
    n, d = x.shape
    cuts = [np.unique(np.quantile(x[:, j], np.linspace(0, 1, BINS + 1)[1:-1])) for j in range(d)]
    binned = np.stack([np.searchsorted(cuts[j], x[:, j]) for j in range(d)], axis=1)  # x <= cut[b]: bin <= b
    prior = min(max(y.mean(), 1e-6), 1 - 1e-6)
    base = float(np.log(prior / (1 - prior)))
    margin = np.full(n, base)
    trees = []

    def grow(rows: np.ndarray, g: np.ndarray, h: np.ndarray, level: int):
        total_g, total_h = g[rows].sum(), h[rows].sum()
        best_gain, best = 0.0, None
        if level < DEPTH and len(rows) >= 2 * MIN_LEAF:
            for j in range(d):
                size = len(cuts[j]) + 1
                left_g = np.cumsum(np.bincount(binned[rows, j], weights=g[rows], minlength=size))[:-1]
                left_h = np.cumsum(np.bincount(binned[rows, j], weights=h[rows], minlength=size))[:-1]
                left_n = np.cumsum(np.bincount(binned[rows, j], minlength=size))[:-1]
                if not len(left_n):
                    continue
                gain = (left_g ** 2 / (left_h + L2) + (total_g - left_g) ** 2 / (total_h - left_h + L2)
                        - total_g ** 2 / (total_h + L2))
                gain[(left_n < MIN_LEAF) | (len(rows) - left_n < MIN_LEAF)] = -1.0
                k = int(np.argmax(gain))
                if gain[k] > best_gain:
                    best_gain, best = gain[k], (j, k)
        if best is None:
            return round(float(-total_g / (total_h + L2) * RATE), 5)
        j, k = best
        goes_left = binned[rows, j] <= k
        return [j, float(cuts[j][k]), grow(rows[goes_left], g, h, level + 1),
                grow(rows[~goes_left], g, h, level + 1)]

    for _ in range(ROUNDS):
        p = 1 / (1 + np.exp(-margin))
        tree = grow(np.flatnonzero(rng.rand(n) < SUBSAMPLE), p - y, p * (1 - p), 0)
        trees.append(tree)
        margin += [_leaf(tree, row) for row in x]
    return base, trees


def _leaf(tree, row) -> float:
    while isinstance(tree, list):
        tree = tree[2] if row[tree[0]] <= tree[1] else tree[3]
    return tree


def fit(rows: list[dict], values: list[dict], names: list[str], seed: int = 0) -> dict:
    x = np.array([[v.get(name, 0.0) for name in names] for v in values])
    fitted = {}
    for label in ("agree", "contradict"):
        base, trees = boost(x, np.array([row["gold"] == label for row in rows], dtype=float), seed)
        fitted[label] = {"features": names, "base": round(base, 5), "trees": trees}
    return fitted


def cross_validate(rows: list[dict], heads: dict, values: list[dict], names: list[str], seed: int,
                   errors=None, folds: int = 5) -> list[str]:
    """relate()'s label for every pair, each from models fitted on the folds without its group."""
    rng = np.random.RandomState(seed)
    groups = sorted({row["group"] for row in rows})
    fold_of = {group: k % folds for k, group in enumerate(rng.permutation(groups))}
    predicted = [""] * len(rows)
    shipped = matching.models
    try:
        for k in range(folds):
            inside = weighted([i for i, row in enumerate(rows) if fold_of[row["group"]] != k], rows)
            fitted = fit([rows[i] for i in inside], [values[i] for i in inside], names, seed)
            trees = {label: BoostedTrees(model) for label, model in fitted.items()}
            matching.models = lambda: trees  # relate() reads the models through this name
            matching._relate_in_order.cache_clear()
            for i, row in enumerate(rows):
                if fold_of[row["group"]] == k:
                    relation = matching.relate(row["a"], row["b"])
                    predicted[i] = relation.label
                    if errors and heads[row["dataset"]]["collapse"][relation.label] != row["gold"]:
                        print(json.dumps({**row, "predicted": relation.label, "score": relation.score,
                                          "reasons": relation.reasons}), file=errors)
    finally:
        matching.models = shipped
        matching._relate_in_order.cache_clear()
    return predicted


def report(rows: list[dict], heads: dict, runs: list[list[str]]) -> None:
    """Accuracy and P/R/F1 per dataset, as the scorer counts them, averaged over the runs."""
    for name in DATASETS:
        collapse = heads[name]["collapse"]
        labels = [label for label in ("agree", "contradict") if label in heads[name]["classes"]]
        figures = []
        for predicted in runs:
            counts = Counter((row["gold"], collapse[label]) for row, label in zip(rows, predicted)
                             if row["dataset"] == name)
            total = sum(counts.values())
            figures.append([sum(v for (g, p), v in counts.items() if g == p) / total]
                           + [x for label in labels for x in pairs.prf(counts, label)])
        mean = np.mean(figures, axis=0)
        parts = [f"{name:9s} n={total:5d} acc={mean[0]:.3f}"]
        for k, label in enumerate(labels):
            parts.append(f"{label} P/R/F1=" + "/".join(f"{x:.3f}" for x in mean[1 + 3 * k:4 + 3 * k]))
        print("  ".join(parts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cv", action="store_true", help="cross-validate instead of writing the models")
    parser.add_argument("--repeats", type=int, default=1, metavar="N",
                        help="with --cv, average N runs with different folds and boosting seeds")
    parser.add_argument("--errors", type=argparse.FileType("w"), metavar="FILE",
                        help="with --cv, write each pair predicted wrongly as a JSON line")
    args = parser.parse_args()
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    rows, heads = load()
    values = [matching.features(row["a"], row["b"]) for row in rows]
    names = sorted(set().union(*values))
    if args.cv:
        report(rows, heads, [cross_validate(rows, heads, values, names, seed, args.errors)
                             for seed in range(args.repeats)])
        return
    every = weighted(list(range(len(rows))), rows)
    json.dump(fit([rows[i] for i in every], [values[i] for i in every], names), sys.stdout, separators=(",", ":"))
    print()
    print(f"{len(rows)} pairs, {len(names)} features", file=sys.stderr)


if __name__ == "__main__":
    main()
