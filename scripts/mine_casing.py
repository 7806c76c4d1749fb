"""Mine the common-word table shipped in factcheck/data/common_words.json from PolNeAR train.

    python scripts/mine_casing.py [--data ../shared/data/polnear] > factcheck/data/common_words.json

A word is common (a noun or adjective, not a name) when, inside a sentence, it is written in
lower case at least MIN_LOWER times and at least LOWER_RATIO times as often as capitalised.
The extractor uses the table to tell a capitalised first word ("Engineers said", "Others
said") from a name ("Rubio said").  Only the words are kept: no text of the corpus.  Only the
train split is read; dev is for measuring.
"""
import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

MIN_LOWER = 3
LOWER_RATIO = 4
WORD = re.compile(r"[A-Za-z]+(?:[’'-][A-Za-z]+)*")
SENTENCE_OPENERS = re.compile(r"(?:^|[.!?:;\"“”‘’(\n—–-]\s*)$")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared/data/polnear"))
    args = parser.parse_args()
    sys.path.insert(0, str(Path(args.data).resolve().parents[1] / "eval"))
    import polnear  # the shared scorer reads the corpus; reuse its reader

    lower, capital = Counter(), Counter()
    for article in polnear.load_split(Path(args.data), "train"):
        text = article.text
        for match in WORD.finditer(text):
            word = match.group()
            if SENTENCE_OPENERS.search(text[max(0, match.start() - 3):match.start()]):
                continue  # a capital after a full stop or a quote says nothing about the word
            if word.islower():
                lower[word] += 1
            elif word[0].isupper() and word[1:].islower():
                capital[word.lower()] += 1
    common = sorted(w for w, n in lower.items() if n >= MIN_LOWER and n >= LOWER_RATIO * capital[w])
    json.dump(common, sys.stdout, indent=0)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
