"""Ingest benchmark: a generated corpus into a fresh database; articles/s, claims/s, peak memory.

    python bench/ingest_bench.py                 # 5,000 articles of about 500 words
    python bench/ingest_bench.py --articles 300 --quick   # the smoke run CI does

Articles are generated from the seed reports (seeds/): sentences are drawn at random
(fixed seed) and numbers and names varied, so every article is distinct text of about
500 words.  It times `extract` alone over the same articles first, so the split between
NLP and storage is visible, and it reports the process's resident memory at each fifth of
the corpus (and its peak) to show whether it stays flat as the corpus grows.  The main run
ingests with matching off (`link=False`); a second run ingests the first 1,000 articles with
matching on, as `factcheck ingest` does.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import resource
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck import extract, split_sentences  # noqa: E402
from factcheck.store.storage import Store  # noqa: E402

LINKED_ARTICLES = 1000  # articles ingested again with matching on
NAMES = ["Pierre Brossollette", "Manuel Valls", "Anne Hidalgo", "Bernard Cazeneuve", "Marine Dupont"]


def sentence_pool() -> list[str]:
    """Every sentence of the seed reports."""
    pool = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        pool += [s.text for s in split_sentences(text) if s.kind == "sentence"]
    return pool


def generate(count: int, words: int = 500, seed: int = 7):
    """`count` distinct articles of about `words` words drawn from the seed sentences, one at a time.

    A generator, so the corpus itself is never held in memory and what is measured is the store's.
    """
    rng = random.Random(seed)
    pool = sentence_pool()
    for n in range(count):
        lines, size = [f"Report number {n} on the attacks"], 0
        while size < words:
            sentence = rng.choice(pool).replace("Seven", str(rng.randint(2, 40)))
            sentence = sentence.replace("Manuel Valls", rng.choice(NAMES))
            lines.append(sentence)
            size += len(sentence.split())
        yield "\n".join(lines) + "\n"


def resident_mb() -> float:
    """The process's resident memory now (Linux /proc), in MB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--quick", action="store_true", help="a smoke run: no memory tracing")
    args = parser.parse_args()
    count = args.articles
    words = sum(len(a.split()) for a in generate(count))
    print(f"corpus: {count:,} generated articles, {words / count:.0f} words each on average")

    began = time.perf_counter()
    claims = sum(len(extract(text).claims) for text in generate(count))
    extract_s = time.perf_counter() - began
    print(f"extract only (generation included): {count / extract_s:,.0f} articles/s, "
          f"{claims / extract_s:,.0f} claims/s")

    trace = not args.quick
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.db")
        began = time.perf_counter()
        stored = 0
        fifth = max(1, count // 5)
        articles = ({"text": text, "name": f"bench-{n}", "link": False} for n, text in enumerate(generate(count), 1))
        for n, result in enumerate(store.ingest_many(articles), 1):
            stored += result.claims
            if trace and n % fifth == 0:
                print(f"  after {n:6,} articles: resident memory {resident_mb():6.1f} MB")
        ingest_s = time.perf_counter() - began
        store.close()
    print(f"ingest end to end, no matching (generation included): {count / ingest_s:,.0f} articles/s, "
          f"{stored / ingest_s:,.0f} claims/s ({ingest_s:.1f} s; storage is {100 * (1 - extract_s / ingest_s):.0f}% of it)")

    linked = min(count, LINKED_ARTICLES)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.db")
        began = time.perf_counter()
        links = sum(1 for _ in store.ingest_many({"text": t} for t in generate(linked)))
        linked_s = time.perf_counter() - began
        links = store.db.execute("SELECT count(*) FROM links").fetchone()[0]
        store.close()
    print(f"ingest with matching on (the default), first {linked:,} articles: {linked / linked_s:,.0f} articles/s, "
          f"{links:,} links (every claim here has hundreds of near-copies: the worst case for matching)")
    print(f"peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
