"""The cue model's fast score is the sum of its features' weights, added in their order."""
from factcheck.extract.cue_model import _weights, cue_score, features
from factcheck.extract.tokens import Tokens

TEXTS = [
    "Officials said on Tuesday that the fire was out.",
    '"We will rebuild," Macron told reporters, and the ministry confirmed it.',
    "The report found no sign of foul play, according to police.",
    "Said",
]


def test_cue_score_sums_the_features_weights():
    weights = _weights()
    for text in TEXTS:
        tokens = Tokens(text).all
        for i in range(len(tokens)):
            assert cue_score(tokens, i) == sum(weights.get(f, 0.0) for f in features(tokens, i))
