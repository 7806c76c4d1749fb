"""Ingest benchmark: real copy end to end against pySBD, and memory as a generated store grows.

    python bench/ingest_bench.py                       # PolNeAR train, then 1,000 and 10,000 generated articles
    python bench/ingest_bench.py --sizes 1000,10000,100000   # the full memory run (hours on a slow core)
    python bench/ingest_bench.py --real 40 --sizes 200   # the smoke run CI does

Real copy: `factcheck ingest FOLDER` (matching on, the default) runs as a user runs it, in a
subprocess on a fresh database, over PolNeAR train (../shared/data/polnear/train/text, 840
articles of about 800 words); in the same run pySBD segments the same texts (sentences only,
the reference the speed floor is set against), and the ratio of the two is printed, by the wall
clock and by CPU time (steadier when other work shares the machine).  pySBD is
the `bench` extra (`pip install '.[bench]'`); without it the ratio is left out.

Generated: articles built from the seed reports (seeds/), sentences drawn at random (fixed
seed) and numbers and names varied, so every article is distinct text of about 500 words, are
ingested with matching on into one store; the resident memory is printed at each size.
"""
from __future__ import annotations

import argparse
import sqlite3
import subprocess
import random
import sys
import tempfile
import time
import resource
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck import split_sentences  # noqa: E402
from factcheck.store.storage import Store  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
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


def _children_cpu() -> float:
    """CPU seconds (user and system) of the finished subprocesses: on a shared machine a steadier
    measure than the wall clock, for the ingest and pySBD alike."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def real_copy(limit: int | None) -> None:
    """`factcheck ingest` of PolNeAR train against pySBD's segmentation of the same texts."""
    if limit == 0:
        return
    paths = sorted(POLNEAR.glob("*.txt"))[:limit]
    if not paths:
        print(f"real copy: {POLNEAR} not found, skipped")
        return
    texts = [p.read_text(encoding="utf-8") for p in paths]
    words = sum(len(t.split()) for t in texts)
    print(f"real copy: {len(texts):,} PolNeAR train articles, {words / len(texts):.0f} words each on average")
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "articles"
        corpus.mkdir()
        for path, text in zip(paths, texts):
            (corpus / path.name).write_text(text, encoding="utf-8")
        began, cpu_before = time.perf_counter(), _children_cpu()
        subprocess.run([sys.executable, "-m", "factcheck", "--db", str(Path(folder) / "bench.db"),
                        "ingest", str(corpus)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ingest_rate = len(texts) / (time.perf_counter() - began)
        ingest_cpu_rate = len(texts) / (_children_cpu() - cpu_before)
        db = sqlite3.connect(Path(folder) / "bench.db")
        claims, links, stories = (db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                                  for t in ("claims", "links", "stories"))
        db.close()
    print(f"  factcheck ingest (matching on, process start included): {ingest_rate:,.1f} articles/s "
          f"({ingest_cpu_rate:,.1f} per CPU second); {claims:,} claims, {links:,} links, {stories:,} stories")
    try:
        import pysbd
    except ImportError:
        print("  pySBD not installed (pip install '.[bench]'): no reference ratio")
        return
    segmenter = pysbd.Segmenter(language="en", clean=False)
    began, cpu_before = time.perf_counter(), time.process_time()
    for text in texts:
        segmenter.segment(text)
    reference = len(texts) / (time.perf_counter() - began)
    reference_cpu = len(texts) / (time.process_time() - cpu_before)
    print(f"  pySBD segmentation alone, same texts: {reference:,.1f} articles/s ({reference_cpu:,.1f} per CPU "
          f"second); factcheck ingest / pySBD = {ingest_rate / reference:.2f} (floor 2.5), "
          f"by CPU time {ingest_cpu_rate / reference_cpu:.2f}")


def generated(sizes: list[int]) -> None:
    """Resident memory as one store grows to each size, ingesting with matching on."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.db")
        began, done, claims = time.perf_counter(), 0, 0
        articles = ({"text": text, "name": f"bench-{n}"} for n, text in enumerate(generate(max(sizes)), 1))
        for result in store.ingest_many(articles):
            done += 1
            claims += result.claims
            if done in sizes:
                elapsed = time.perf_counter() - began
                print(f"generated: {done:7,} articles ({claims:,} claims) stored, matching on: "
                      f"{done / elapsed:,.1f} articles/s so far, resident memory {resident_mb():6.1f} MB")
        store.close()
    print(f"peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6:.1f} MB (floor 300)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real", type=int, default=None, help="PolNeAR train articles to ingest (default all; 0: none)")
    parser.add_argument("--sizes", default="1000,10000", help="generated store sizes at which memory is printed")
    args = parser.parse_args()
    real_copy(args.real)
    generated(sorted(int(s) for s in args.sizes.split(",")))


if __name__ == "__main__":
    main()
