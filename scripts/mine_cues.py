"""Mine the cue-word table shipped in factcheck/data/cue_words.json from PolNeAR train.

    python scripts/mine_cues.py [--data ../shared/data/polnear] > factcheck/data/cue_words.json

For each lower-cased word that is part of a gold cue at least MIN_COUNT times, it records
how often it is a cue and how often it occurs at all, so the extractor can weigh how
likely a word is to introduce an attribution; every form of the core verbs seen in train
is recorded too, so that a rare cue use of a noun-like form ("states") does not get the
floor meant for unseen verbs.  Only words and counts are kept: no text
of the corpus.  Only the train split is read; dev is for measuring.
"""
import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from factcheck.extract.lexicon import core_verb_forms

MIN_COUNT = 3
MIN_RATE = 0.02
WORD = re.compile(r"\w+(?:[’'.-]\w+)*")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared/data/polnear"))
    args = parser.parse_args()
    sys.path.insert(0, str(Path(args.data).resolve().parents[1] / "eval"))
    import polnear  # the shared scorer reads the corpus; reuse its reader

    articles = polnear.load_split(Path(args.data), "train")
    as_cue, seen = Counter(), Counter()
    for article in articles:
        words = list(WORD.finditer(article.text))
        seen.update(w.group().lower() for w in words)
        cue_positions = set()
        for gold in article.attributions:
            for start, end in gold["cue"] or ():
                cue_positions.update(w.start() for w in words if start <= w.start() < end)
        as_cue.update(w.group().lower() for w in words if w.start() in cue_positions)
    table = {word: [count, seen[word]] for word, count in sorted(as_cue.items())
             if count >= MIN_COUNT and count / seen[word] >= MIN_RATE}
    for form in core_verb_forms():  # their real rate, however low ("states" is mostly a noun)
        if seen[form]:
            table[form] = [as_cue[form], seen[form]]
    json.dump(table, sys.stdout, indent=0, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
