"""Score the extractor on a PolNeAR split in-process (fast), with the shared scorer's rules.

    python scripts/score_polnear.py dev [--show-misses N]

The official figure comes from `python ../shared/eval/polnear.py run dev -- factcheck extract - --json`,
which runs the CLI once per article; this script gives the same scores without the start-up cost.
"""
import argparse
import sys
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(SHARED / "eval"))

import polnear  # noqa: E402

from factcheck import extract  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("split", choices=("train", "dev"))
    parser.add_argument("--show-misses", type=int, default=0)
    args = parser.parse_args()
    articles = polnear.load_split(polnear.locate_data(None), args.split)
    predictions, problems = {}, Counter()
    for article in articles:
        claims = [c.to_dict() for c in extract(article.text).claims]
        predictions[article.stem] = polnear.attributions_from_claims(claims, article.text, problems)
    misses = {"missed": [], "spurious": []} if args.show_misses else None
    results = polnear.score(articles, predictions, misses)
    polnear.print_scores(args.split, articles, results)
    if problems:
        print(dict(problems))
    if misses:
        polnear.print_misses(misses, args.show_misses)


if __name__ == "__main__":
    main()
