"""Concurrency benchmark: ingesters and reviewers on one database at once (issue 12, acceptance 4).

    python bench/concurrency_bench.py                          # 4 ingesters over PolNeAR train, 4 reviewers
    python bench/concurrency_bench.py --ingesters 2 --reviewers 2 --limit 80   # a quick run

PolNeAR train (../shared/data/polnear/train/text, 840 articles) is split into one folder per
ingester (every n-th file). A fresh database gets the seed report (seeds/montrouge.txt) so that
reviewers have claims to judge; then every ingester runs `factcheck ingest FOLDER` and every
reviewer runs `factcheck verify CLAIM --status ... --note ...` in a loop, each call a process of
its own as a person's would be, until the last ingester is done. Printed: each process's
throughput and slowest call, every error line, and whether every article and every verdict
is stored.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from factcheck.store.storage import content_hash

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
FACTCHECK = [sys.executable, "-m", "factcheck"]
STATUSES = ("verified", "disputed", "false", "misleading")


def split(paths: list[Path], parts: int, into: Path) -> list[Path]:
    """Copy every `parts`-th file into one folder per part; the folders."""
    folders = [into / f"part{k}" for k in range(parts)]
    for folder in folders:
        folder.mkdir()
    for n, path in enumerate(paths):
        shutil.copy(path, folders[n % parts] / path.name)
    return folders


class Reviewer(threading.Thread):
    """Records verdicts on claims in a loop, one `factcheck verify` process per verdict."""

    def __init__(self, number: int, claims: list[int], env: dict, done: threading.Event) -> None:
        super().__init__()
        self.number, self.claims, self.env, self.done = number, claims, env, done
        self.recorded: list[tuple[int, str]] = []  # (claim id, note) of every call that succeeded
        self.errors: list[str] = []
        self.slowest = 0.0
        self.seconds = 0.0

    def run(self) -> None:
        started = time.monotonic()
        round_ = 0
        while not self.done.is_set():
            round_ += 1
            claim = self.claims[(self.number + round_) % len(self.claims)]
            note = f"reviewer {self.number} round {round_}"
            status = STATUSES[round_ % len(STATUSES)]
            began = time.monotonic()
            result = subprocess.run([*FACTCHECK, "verify", str(claim), "--status", status, "--note", note],
                                    env=self.env, capture_output=True, text=True)
            self.slowest = max(self.slowest, time.monotonic() - began)
            if result.returncode == 0:
                self.recorded.append((claim, note))
            else:
                self.errors.append(result.stderr.strip() or f"exit {result.returncode}")
        self.seconds = time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ingesters", type=int, default=4)
    parser.add_argument("--reviewers", type=int, default=4)
    parser.add_argument("--limit", type=int, default=None, help="At most this many PolNeAR articles.")
    args = parser.parse_args()
    paths = sorted(POLNEAR.glob("*.txt"))[:args.limit]
    if not paths:
        sys.exit(f"{POLNEAR} not found")
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        db = work / "claims.db"
        env = {**os.environ, "FACTCHECK_DB": str(db), "FACTCHECK_REVIEWER": "bench"}
        subprocess.run([*FACTCHECK, "ingest", str(ROOT / "seeds" / "montrouge.txt")], env=env, check=True,
                       capture_output=True)
        claims = [row[0] for row in sqlite3.connect(db).execute("SELECT id FROM claims ORDER BY id")]
        folders = split(paths, args.ingesters, work)
        print(f"{len(paths)} PolNeAR train articles in {args.ingesters} folders; {args.reviewers} reviewers "
              f"judging the {len(claims)} claims of the seed; one database, {os.cpu_count()} cores")
        done = threading.Event()
        reviewers = [Reviewer(k, claims, env, done) for k in range(args.reviewers)]
        started = time.monotonic()
        ingesters = [subprocess.Popen([*FACTCHECK, "ingest", str(folder)], env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True) for folder in folders]
        for reviewer in reviewers:
            reviewer.start()
        finished = []
        for process in ingesters:
            out, err = process.communicate()
            finished.append((time.monotonic() - started, process.returncode, err))
        done.set()
        for reviewer in reviewers:
            reviewer.join()
        wall = time.monotonic() - started
        errors = 0
        for folder, (seconds, code, err) in zip(folders, finished):
            count = len(list(folder.iterdir()))
            problems = [line for line in err.splitlines()
                        if line.startswith(("error:", "skipped:", "Traceback")) or "database is locked" in line]
            errors += len(problems) + (code != 0)
            print(f"ingester {folder.name}: {count} articles in {seconds:.1f} s = {count / seconds:.1f} "
                  f"articles/s, exit {code}, {len(problems)} error line(s)")
            for line in problems[:5]:
                print(f"    {line}")
        for reviewer in reviewers:
            errors += len(reviewer.errors)
            rate = len(reviewer.recorded) / reviewer.seconds if reviewer.seconds else 0
            print(f"reviewer {reviewer.number}: {len(reviewer.recorded)} verdicts in {reviewer.seconds:.1f} s = "
                  f"{rate:.1f} verdicts/s (one process each), slowest call {reviewer.slowest:.2f} s, "
                  f"{len(reviewer.errors)} error(s)")
            for line in reviewer.errors[:5]:
                print(f"    {line}")
        check = sqlite3.connect(db)
        stored = {row[0] for row in check.execute("SELECT content_hash FROM articles")}
        missing = [p.name for p in paths if content_hash(p.read_text(encoding="utf-8")) not in stored]
        notes = {(row[0], row[1]) for row in check.execute("SELECT claim_id, note FROM verifications")}
        recorded = [r for reviewer in reviewers for r in reviewer.recorded]
        lost = [r for r in recorded if r not in notes]
        links = check.execute("SELECT count(*) FROM links").fetchone()[0]
        integrity = check.execute("PRAGMA integrity_check").fetchone()[0]
        locked = sum("locked" in line for _, _, err in finished for line in err.splitlines()) + \
            sum("locked" in e for reviewer in reviewers for e in reviewer.errors)
        print(f"all {wall:.1f} s: {len(paths) - len(missing)}/{len(paths)} articles stored"
              f"{' (missing: ' + ', '.join(missing[:5]) + ')' if missing else ''}, "
              f"{len(recorded) - len(lost)}/{len(recorded)} verdicts stored, {links} links, "
              f"{errors} error(s), {locked} 'database is locked', integrity {integrity}")
        print(f"load average at the end (other work on the machine slows every process): "
              f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}")
        print("every article and every verdict stored" if not missing and not lost and not errors
              else "NOT every article and verdict stored without error")
        sys.exit(1 if missing or lost or errors else 0)


if __name__ == "__main__":
    main()
