"""BoostedTrees: the shipped tree format, walked to the right leaves."""
import math

from factcheck.match.trees import BoostedTrees

MODEL = {
    "features": ["x", "y"],
    "base": 0.5,
    "trees": [
        [0, 0.3, -1.0, [1, 0.7, 0.25, 2.0]],  # x <= 0.3 -> -1; else y <= 0.7 -> 0.25 else 2
        0.1,                                  # a tree that is one leaf
    ],
}


def logistic(z):
    return 1 / (1 + math.exp(-z))


def test_each_branch_reaches_its_leaf():
    trees = BoostedTrees(MODEL)
    assert math.isclose(trees.probability({"x": 0.3, "y": 0.9}), logistic(0.5 - 1.0 + 0.1))
    assert math.isclose(trees.probability({"x": 0.31, "y": 0.7}), logistic(0.5 + 0.25 + 0.1))
    assert math.isclose(trees.probability({"x": 0.9, "y": 0.71}), logistic(0.5 + 2.0 + 0.1))


def test_missing_features_count_as_zero():
    assert math.isclose(BoostedTrees(MODEL).probability({}), logistic(0.5 - 1.0 + 0.1))


def test_a_model_that_is_not_numbers_is_refused():
    import pytest
    for bad in ([0, "__import__('os')", 1.0, 2.0], ["x", 0.5, 1.0, 2.0], [5, 0.5, 1.0, 2.0], float("nan")):
        with pytest.raises(ValueError):
            BoostedTrees({"features": ["x", "y"], "base": 0.0, "trees": [bad]})
