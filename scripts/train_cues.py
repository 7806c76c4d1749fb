"""Train the cue-word model shipped in factcheck/data/cue_model.json on PolNeAR train.

    python scripts/train_cues.py [--data ../shared/data/polnear] [--epochs 6] > factcheck/data/cue_model.json

An averaged perceptron over the features of factcheck.extract.cue_model.features, trained on every
candidate word (factcheck.extract.cues.training_candidates) of the train split,
labelled by whether the word lies in a gold cue span.  Only feature strings and weights are
written.  Dev is never read: it is for measuring.
"""
import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from factcheck.extract.cues import training_candidates
from factcheck.extract.cue_model import features
from factcheck.extract.lexicon import cue_rate

MIN_WEIGHT = 0.02
WORD = re.compile(r"\w+(?:[’'.-]\w+)*")  # scripts/mine_cues.py's words


def article_counts(article) -> tuple[Counter, Counter]:
    """How often each word of the article is (part of) a gold cue, and how often it occurs,
    counted as scripts/mine_cues.py counts them."""
    words = list(WORD.finditer(article.text))
    cue_positions = {w.start() for gold in article.attributions for start, end in gold["cue"] or ()
                     for w in words if start <= w.start() < end}
    seen = Counter(w.group().lower() for w in words)
    return Counter(w.group().lower() for w in words if w.start() in cue_positions), seen


def held_out_rate(as_cue_all: Counter, seen_all: Counter, as_cue: Counter, seen: Counter):
    """The cue rate of a word as mined from every other article: the model learns how far the
    rate of a word it meets in new text can be trusted, not the rate its own article set."""
    def rate(word: str) -> float:
        if cue_rate(word) == 0.0 or word not in seen_all:
            return cue_rate(word)
        others = seen_all[word] - seen[word]
        return (as_cue_all[word] - as_cue[word]) / others if others else 0.0
    return rate


def held_out_rates(articles):
    """For each article, the cue-rate function that leaves its own counts out (held_out_rate)."""
    counts = [article_counts(article) for article in articles]
    as_cue_all, seen_all = Counter(), Counter()
    for as_cue, seen in counts:
        as_cue_all.update(as_cue)
        seen_all.update(seen)
    return [held_out_rate(as_cue_all, seen_all, as_cue, seen) for as_cue, seen in counts]


def averaged_perceptron(examples, epochs: int) -> dict[str, float]:
    """Weights of an averaged perceptron over (features, +1 or -1) examples, tiny ones dropped."""
    weights, totals, stamps = defaultdict(float), defaultdict(float), defaultdict(int)
    step = 0
    rng = random.Random(1)
    for _ in range(epochs):
        rng.shuffle(examples)
        for feats, label in examples:
            step += 1
            if label * sum(weights[f] for f in feats) <= 0:
                for f in feats:  # lazy averaging: add the weight's time at its old value
                    totals[f] += (step - stamps[f]) * weights[f]
                    stamps[f] = step
                    weights[f] += label
    return kept_averages(weights, totals, stamps, step)


def kept_averages(weights: dict, totals: dict, stamps: dict, step: int) -> dict[str, float]:
    """The averaged weights of a lazily averaged perceptron after `step` steps, tiny ones dropped."""
    averaged = {}
    for f, w in weights.items():
        value = (totals[f] + (step - stamps[f]) * w) / step
        if abs(value) >= MIN_WEIGHT:
            averaged[f] = round(value, 3)
    return averaged


def load_train(data: str):
    """The train split's articles, read by the shared scorer's reader."""
    sys.path.insert(0, str(Path(data).resolve().parents[1] / "eval"))
    import polnear
    return polnear.load_split(Path(data), "train")


def cue_examples(articles) -> list:
    """(features, +1 or -1) for every candidate word of the articles: is it in a gold cue?"""
    examples = []
    for article, rate in zip(articles, held_out_rates(articles)):
        cue_spans = [span for gold in article.attributions for span in gold["cue"] or ()]
        for tokens, i in training_candidates(article.text):
            label = any(start <= tokens[i].start < end for start, end in cue_spans)
            examples.append((features(tokens, i, rate), 1.0 if label else -1.0))
    return examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared/data/polnear"))
    parser.add_argument("--epochs", type=int, default=6)
    args = parser.parse_args()
    examples = cue_examples(load_train(args.data))
    print(f"{len(examples)} candidates, {sum(y > 0 for _, y in examples)} cues", file=sys.stderr)
    averaged = averaged_perceptron(examples, args.epochs)
    json.dump(averaged, sys.stdout, separators=(",", ":"), sort_keys=True)
    print()
    print(f"{len(averaged)} features kept", file=sys.stderr)


if __name__ == "__main__":
    main()
