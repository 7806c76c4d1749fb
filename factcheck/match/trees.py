"""Boosted decision trees, as shipped in factcheck/data/relate_model.json.

A model is {"features": [names], "base": log-odds, "trees": [tree, ...]}; a tree is either a
leaf (a number added to the log-odds) or [feature index, threshold, left, right], where a value
at or below the threshold goes left.  `scripts/train_relate.py` fits them.

Walking 200 trees node by node in Python costs about 25 µs a pair, so the trees are turned
once into one Python expression (a sum of nested conditionals) and compiled: about 5 µs.
Only numbers from the model go into that expression, each checked to be a number first.
"""
from __future__ import annotations

import math


class BoostedTrees:
    """A binary classifier: the probability that a pair of claims is in the model's class."""

    def __init__(self, model: dict):
        self.features = tuple(model["features"])
        terms = [_number(model["base"])] + [_expression(tree, len(self.features)) for tree in model["trees"]]
        self._margin = eval(compile(f"lambda r: {' + '.join(terms)}", "<relate model>", "eval"))

    def probability(self, values: dict[str, float]) -> float:
        """The probability for these feature values (a missing feature counts as 0)."""
        z = self._margin([values.get(name, 0.0) for name in self.features])
        return 1.0 / (1.0 + math.exp(-z))


def _expression(tree, width: int) -> str:
    """One tree as a conditional expression over the row `r`."""
    if not isinstance(tree, list):
        return _number(tree)
    feature, threshold, left, right = tree
    if not isinstance(feature, int) or not 0 <= feature < width:
        raise ValueError(f"tree splits on feature {feature!r}, not one of {width}")
    return f"({_expression(left, width)} if r[{feature}] <= {_number(threshold)} else {_expression(right, width)})"


def _number(value) -> str:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"model holds {value!r}, not a finite number")
    return repr(number)
