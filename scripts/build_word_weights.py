"""Build factcheck/data/word_weights.json: how rare each word key is in news copy (PolNeAR train).

    python scripts/build_word_weights.py [--data ../shared/data/polnear] > factcheck/data/word_weights.json

Counts, for every comparable word key (factcheck.match.normalise.content_keys), the number of
train articles it appears in; keys seen in fewer than MIN_DOCUMENTS articles are left out (the
reader takes them as rarer than any kept key).  relate weighs the words two claims share by
these counts (inverse document frequency): sharing "spire" says more than sharing "people".
Only counts of keys are kept, no text of the corpus; only the train split is read.
"""
import argparse
import json
from collections import Counter
from pathlib import Path

from factcheck.match.normalise import content_keys, words

MIN_DOCUMENTS = 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared/data/polnear"))
    args = parser.parse_args()
    paths = sorted((Path(args.data) / "train" / "text").glob("*.txt"))
    counts = Counter()
    for path in paths:
        counts.update(set(content_keys(words(path.read_text(encoding="utf-8")))))
    kept = {key: n for key, n in sorted(counts.items()) if n >= MIN_DOCUMENTS}
    print(json.dumps({"source": "PolNeAR train, articles per word key (scripts/build_word_weights.py)",
                      "documents": len(paths), "counts": kept}, separators=(",", ":"), ensure_ascii=False))


if __name__ == "__main__":
    main()
