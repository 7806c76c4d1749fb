"""Train the frame gate shipped in factcheck/data/frame_gate.json on PolNeAR train.

    python scripts/train_frame_gate.py [--data ../shared/data/polnear] [--epochs 6] > factcheck/data/frame_gate.json

The gate (factcheck.extract.frame_gate) judges the frames that the cue and source models help
find, so it must see frames as found in text those models never saw: train is cut in two halves,
the cue model (train_cues.py) and the source tagger (train_sources.py) are trained on one half,
and every frame they find in the other half is an example, labelled by whether it matches a gold
attribution (cues and sources overlapping, the scorer's rule).  An averaged perceptron learns from
the examples of both halves; its threshold (folded into the bias weight) is the one that gives the
best F1 on each half under a gate trained on the other.  Only feature strings and weights are
written.  Dev is never read.
"""
import argparse
import json
import sys
from contextlib import contextmanager
from pathlib import Path

import train_cues
import train_sources

from factcheck.extract import cue_model, source_model
from factcheck.extract.frames import candidate_frames
from factcheck.extract.segment import split_sentences
from factcheck.extract.tokens import Tokens


@contextmanager
def models(cue_weights: dict, source_weights: dict):
    """The extractor with these cue and source weights in place of the shipped ones."""
    shipped = cue_model._weights, source_model._weights
    cue_model._weights, source_model._weights = (lambda: cue_weights), (lambda: source_weights)
    try:
        yield
    finally:
        cue_model._weights, source_model._weights = shipped


def gate_examples(article, polnear) -> tuple[list, int, int]:
    """(features, +1 or -1) for every frame the gate judges in the article with the models now in
    place, labelled by the shared scorer's own matching rule; and how many of the sure frames
    (never judged) are right, out of how many."""
    text = article.text
    scorer_tokens = polnear.Tokens(text)
    gold = [polnear.keyed(g, scorer_tokens) for g in article.attributions]
    tokens = Tokens(text)
    examples, sure_right, sure = [], 0, 0
    for sentence in split_sentences(text):
        if sentence.kind != "sentence":
            continue
        for frame, is_sure, feats in candidate_frames(tokens, sentence.start, sentence.end)[0]:
            found = polnear.keyed({"cue": (frame.cue,), "source": (frame.source,) if frame.source else None},
                                  scorer_tokens)
            right = any(polnear.attribution_match(g, found) for g in gold)
            if is_sure:
                sure_right, sure = sure_right + right, sure + 1
            else:
                examples.append((feats, 1.0 if right else -1.0))
    return examples, sure_right, sure


def best_threshold(weights: dict, examples: list, gold: int, sure_right: int, sure: int) -> float:
    """The score above which keeping a frame gives the best F1 on examples the weights never saw:
    true positives are the right frames kept, the sure ones included, out of `gold` attributions."""
    scored = sorted((sum(weights.get(f, 0.0) for f in feats), label > 0) for feats, label in examples)
    right = sure_right + sum(r for _, r in scored)
    kept = sure + len(scored)
    best, threshold = -1.0, scored[0][0] - 1 if scored else 0.0
    for score, is_right in scored:  # threshold just below `score`: it and all above are kept
        f1 = 2 * right / (gold + kept) if gold + kept else 0.0
        if f1 > best:
            best, threshold = f1, score
        right -= is_right
        kept -= 1
    return threshold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared/data/polnear"))
    parser.add_argument("--epochs", type=int, default=6)
    args = parser.parse_args()
    articles = train_cues.load_train(args.data)
    import polnear  # on the path now: the shared scorer's matching labels the frames
    halves = [articles[0::2], articles[1::2]]
    examples, sure = [[], []], [(0, 0), (0, 0)]
    for k, half in enumerate(halves):
        other = halves[1 - k]
        cue_weights = train_cues.averaged_perceptron(train_cues.cue_examples(other), 6)
        source_weights = train_sources.fit([e for a in other for e in train_sources.examples_of(a)], 5)
        with models(cue_weights, source_weights):
            for article in half:
                judged, right, count = gate_examples(article, polnear)
                examples[k] += judged
                sure[k] = (sure[k][0] + right, sure[k][1] + count)
    gold = [sum(len(a.attributions) for a in half) for half in halves]
    # the threshold: the best for each half under a gate trained on the other half, averaged
    thresholds = [best_threshold(train_cues.averaged_perceptron(list(examples[1 - k]), args.epochs),
                                 examples[k], gold[k], *sure[k]) for k in (0, 1)]
    print(f"{len(examples[0]) + len(examples[1])} frames, thresholds {thresholds}", file=sys.stderr)
    averaged = train_cues.averaged_perceptron(examples[0] + examples[1], args.epochs)
    averaged["bias"] = round(averaged.get("bias", 0.0) - sum(thresholds) / 2, 3)  # keep: score >= 0
    json.dump(averaged, sys.stdout, separators=(",", ":"), sort_keys=True)
    print()
    print(f"{len(averaged)} features kept", file=sys.stderr)


if __name__ == "__main__":
    main()
