"""Extraction benchmark on real copy: articles/s and words/s of `extract`, nothing stored.

    python bench/extract_bench.py                        # PolNeAR dev + the reports corpus + seeds
    python bench/extract_bench.py --reference ../old     # and an older checkout, timed in the same run
    python bench/extract_bench.py --quick                # one round: the smoke run
    python bench/extract_bench.py --linearity            # seconds per MB from 250 KB to 5 MB

The texts are the real articles in ../shared/data (PolNeAR dev, the multi-report corpus) and
seeds/; only the seeds when ../shared is absent.  Each round extracts every text once; the
figure is the best of the rounds, in CPU time (time.process_time) so that other sessions on a
shared machine count as little as they can.  With --reference, the other checkout's `extract`
runs in a subprocess, rounds alternating with this one, and the ratio of the two is printed.
--linearity times texts of growing size (real copy repeated, and generated worst cases: cues
back to back in one sentence, short attributed sentences, chains of joins) and prints CPU seconds per MB at each size: flat figures mean time linear in the text.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def corpus() -> list[str]:
    """The real articles this benchmark reads."""
    paths = sorted(glob.glob(str(SHARED / "data" / "polnear" / "dev" / "**" / "*.txt"), recursive=True))
    paths += sorted(glob.glob(str(SHARED / "data" / "reports" / "articles" / "*.txt")))
    paths += sorted(glob.glob(str(ROOT / "seeds" / "*.txt")))
    return [Path(p).read_text(encoding="utf-8") for p in paths]


def one_round() -> float:
    """CPU seconds to extract every text once, in this process (imports `factcheck` from sys.path)."""
    from factcheck import extract
    texts = corpus()
    started = time.process_time()
    for text in texts:
        extract(text)
    return time.process_time() - started


def reference_round(checkout: str) -> float:
    """CPU seconds for one round of the checkout at `checkout`, in a fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": str(Path(checkout).resolve())}
    code = (f"import sys; sys.path.insert(0, {str(ROOT / 'bench')!r}); import extract_bench as b; "
            "b.one_round(); print(b.one_round())")  # the first round warms caches, as here
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=checkout, capture_output=True, text=True,
                         check=True)
    return float(out.stdout.split()[-1])


LINEARITY_SIZES_KB = (250, 500, 1000, 2000, 5000)
WORST_CASES = {"real copy": None, "he said (one sentence)": "he said ", "short attributed sentences":
               "She said it rained. ", "chained joins": "and the water rose and "}


def linearity(sizes_kb=LINEARITY_SIZES_KB) -> dict[str, dict[int, float]]:
    """CPU seconds per MB of `extract` for each worst case at each size."""
    from factcheck import extract
    real = "\n\n".join(corpus())
    figures: dict[str, dict[int, float]] = {}
    for name, unit in WORST_CASES.items():
        unit = unit or real
        figures[name] = {}
        for kb in sizes_kb:
            size = kb * 1024
            text = (unit * (size // len(unit) + 1))[:size]
            started = time.process_time()
            extract(text)
            figures[name][kb] = round((time.process_time() - started) / (size / 2**20), 3)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--reference", help="another factcheck checkout to time in the same run")
    parser.add_argument("--quick", action="store_true", help="one round: the smoke run")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--linearity", action="store_true", help="seconds per MB from 250 KB to 5 MB")
    args = parser.parse_args()
    if args.linearity:
        sys.path.insert(0, str(ROOT))
        figures = linearity()
        if args.json:
            print(json.dumps(figures))
            return
        for name, by_size in figures.items():
            print(f"{name:28} " + "  ".join(f"{kb} KB: {spm:.2f} s/MB" for kb, spm in by_size.items()), flush=True)
        return
    rounds = 1 if args.quick else args.rounds
    texts = corpus()
    words = sum(len(t.split()) for t in texts)
    sys.path.insert(0, str(ROOT))
    one_round()  # warm: lexicon and model loading are not extraction
    ours, theirs = [], []
    for _ in range(rounds):
        ours.append(one_round())
        if args.reference:
            theirs.append(reference_round(args.reference))
    best = min(ours)
    figures = {"articles": len(texts), "words": words, "articles_per_s": round(len(texts) / best, 1),
               "words_per_s": round(words / best)}
    if theirs:
        figures["reference_articles_per_s"] = round(len(texts) / min(theirs), 1)
        figures["speedup"] = round(min(theirs) / best, 3)
    if args.json:
        print(json.dumps(figures))
        return
    print(f"extract: {len(texts)} real articles, {words:,} words; best of {rounds} rounds: "
          f"{figures['articles_per_s']:,} articles per CPU s, {figures['words_per_s']:,} words per CPU s")
    if theirs:
        print(f"reference {args.reference}: {figures['reference_articles_per_s']:,} articles/s; "
              f"this checkout is {figures['speedup']:.2f}x its speed")


if __name__ == "__main__":
    main()
