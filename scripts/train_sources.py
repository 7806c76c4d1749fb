"""Train the source tagger shipped in factcheck/data/source_model.json on PolNeAR train.

    python scripts/train_sources.py [--data ../shared/data/polnear] [--epochs 5] > factcheck/data/source_model.json

For every gold attribution of the train split whose cue lies in one sentence, the tagger
(factcheck.extract.source_model) is asked for the cue's source; a structured averaged perceptron
moves the weights of the tokens it got wrong (in its stretch but not the gold source, or the other
way round).  Only feature strings and weights are written.  Dev is never read: it is for measuring.
"""
import argparse
import json
import random
import sys
from bisect import bisect_right
from collections import defaultdict
from pathlib import Path

from train_cues import kept_averages, load_train

from factcheck.extract.phrases import sentence_run
from factcheck.extract.segment import split_sentences
from factcheck.extract.source_model import WINDOW, SentenceFacts, decode, features
from factcheck.extract.tokens import Tokens


def examples_of(article):
    """(tokens, facts, first, last, gold (start, end) or None) for each usable gold attribution."""
    tokens_of = Tokens(article.text)
    sentences = [s for s in split_sentences(article.text)]
    starts = [s.start for s in sentences]
    runs = {}
    for gold in article.attributions:
        if not gold["cue"]:
            continue
        k = bisect_right(starts, gold["cue"][0][0]) - 1
        if k < 0 or not sentences[k].start <= gold["cue"][-1][1] <= sentences[k].end:
            continue
        if k not in runs:
            run = sentence_run(tokens_of.between(sentences[k].start, sentences[k].end))
            runs[k] = (run, SentenceFacts(run))
        run, facts = runs[k]
        cue = [j for j, t in enumerate(run) if any(s <= t.start < e for s, e in gold["cue"])]
        if not cue:
            continue
        first, last = cue[0], cue[-1]
        target = None
        if gold["source"]:
            inside = [j for j, t in enumerate(run) if any(s <= t.start < e for s, e in gold["source"])]
            if not inside or gold["source"][0][0] < sentences[k].start or gold["source"][-1][1] > sentences[k].end:
                continue  # a source in another sentence: not the tagger's to find
            start, end = inside[0], inside[-1] + 1
            if not (end <= first and first - start <= WINDOW or start > last and end - last - 1 <= WINDOW):
                continue  # around the cue or too far: the tagger reads one side at a time
            target = (start, end)
        yield run, facts, first, last, target


def fit(examples, epochs: int) -> dict[str, float]:
    """Structured averaged perceptron weights over examples_of's examples, tiny ones dropped."""
    weights, totals, stamps = defaultdict(float), defaultdict(float), defaultdict(int)
    step = 0
    rng = random.Random(1)

    def move(feats, by):
        for f in feats:  # lazy averaging: add the weight's time at its old value
            totals[f] += (step - stamps[f]) * weights[f]
            stamps[f] = step
            weights[f] += by

    for epoch in range(epochs):
        rng.shuffle(examples)
        wrong = 0
        for run, facts, first, last, target in examples:
            step += 1
            guess = decode(run, facts, first, last, weights, WINDOW)
            if guess == target:
                continue
            wrong += 1
            gold_set = set(range(*target)) if target else set()
            guess_set = set(range(*guess)) if guess else set()
            for j in gold_set - guess_set:
                move(features(run, facts, first, last, j), 1.0)
            for j in guess_set - gold_set:
                move(features(run, facts, first, last, j), -1.0)
        print(f"epoch {epoch + 1}: {wrong} of {len(examples)} wrong", file=sys.stderr)
    return kept_averages(weights, totals, stamps, step)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared/data/polnear"))
    parser.add_argument("--epochs", type=int, default=5)
    args = parser.parse_args()
    examples = [e for article in load_train(args.data) for e in examples_of(article)]
    print(f"{len(examples)} cues, {sum(e[4] is not None for e in examples)} with a source", file=sys.stderr)
    averaged = fit(examples, args.epochs)
    json.dump(averaged, sys.stdout, separators=(",", ":"), sort_keys=True)
    print()
    print(f"{len(averaged)} features kept", file=sys.stderr)


if __name__ == "__main__":
    main()
