"""Boosted decision trees, as shipped in factcheck/data/relate_model.json.

A model is {"features": [names], "base": log-odds, "trees": [tree, ...]}; a tree is either a
leaf (a number added to the log-odds) or [feature index, threshold, left, right], where a value
at or below the threshold goes left.  `scripts/train_relate.py` fits them.
"""
from __future__ import annotations

import math

_NEVER = math.inf  # the threshold of a padding split: every value goes left


class BoostedTrees:
    """A binary classifier: the probability that a pair of claims is in the model's class."""

    def __init__(self, model: dict):
        self.features = tuple(model["features"])
        self.base = float(model["base"])
        self.depth = max(map(_depth, model["trees"]), default=0)
        # Each tree as a complete binary tree in heap order (children of i at 2i+1 and 2i+2),
        # shallower branches padded, so walking one is a few index sums.
        self.trees = [_complete(tree, self.depth) for tree in model["trees"]]

    def probability(self, values: dict[str, float]) -> float:
        """The probability for these feature values (a missing feature counts as 0)."""
        row = [values.get(name, 0.0) for name in self.features]
        inner = 2 ** self.depth - 1
        z = self.base
        for features, thresholds, leaves in self.trees:
            i = 0
            while i < inner:
                i = 2 * i + (2 if row[features[i]] > thresholds[i] else 1)
            z += leaves[i - inner]
        return 1.0 / (1.0 + math.exp(-z))


def _depth(tree) -> int:
    return 1 + max(_depth(tree[2]), _depth(tree[3])) if isinstance(tree, list) else 0


def _complete(tree, depth: int) -> tuple[tuple, tuple, tuple]:
    features = [0] * (2 ** depth - 1)
    thresholds = [_NEVER] * (2 ** depth - 1)
    leaves = [0.0] * (2 ** depth)

    def place(node, i: int, level: int) -> None:
        if level == depth:
            leaves[i - len(features)] = node
        elif isinstance(node, list):
            features[i], thresholds[i] = node[0], node[1]
            place(node[2], 2 * i + 1, level + 1)
            place(node[3], 2 * i + 2, level + 1)
        else:  # a leaf above the bottom: both ways lead to it
            place(node, 2 * i + 1, level + 1)
            place(node, 2 * i + 2, level + 1)

    place(tree, 0, 0)
    return tuple(features), tuple(thresholds), tuple(leaves)
