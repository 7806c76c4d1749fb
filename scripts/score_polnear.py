"""Score the extractor on a PolNeAR split in-process (fast), with the shared scorer's rules.

    python scripts/score_polnear.py dev [--show-misses N] [--claims]

The official figure comes from `python ../shared/eval/polnear.py run dev -- factcheck extract - --json --frames`,
which runs the CLI once per article; this script gives the same scores without the start-up cost.
PolNeAR is scored on frames (every attribution relation found, noun-phrase contents included);
--claims scores the attributions the claims carry instead, through the scorer's adapter.
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
    parser.add_argument("--claims", action="store_true", help="score the claims' attributions, not the frames")
    args = parser.parse_args()
    articles = polnear.load_split(polnear.locate_data(None), args.split)
    predictions, problems = {}, Counter()
    for article in articles:
        found = extract(article.text)
        lines = [c.to_dict() for c in found.claims]
        if not args.claims:
            lines += [{"frame": f.to_dict()} for f in found.frames]  # the scorer then reads only these
        predictions[article.stem] = polnear.attributions_from_claims(lines, article.text, problems)
    misses = {"missed": [], "spurious": []} if args.show_misses else None
    results = polnear.score(articles, predictions, misses)
    polnear.print_scores(args.split, articles, results)
    if problems:
        print(dict(problems))
    if misses:
        polnear.print_misses(misses, args.show_misses)


if __name__ == "__main__":
    main()
