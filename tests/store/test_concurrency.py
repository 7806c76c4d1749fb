"""Several processes on one database at once: ingesters and reviewers, nothing lost, never locked."""
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from factcheck import Store
from factcheck.errors import StoreError
from factcheck.store import database
from conftest import ROOT

INGESTERS, REVIEWERS, ARTICLES_EACH, VERDICTS_EACH = 2, 2, 6, 6


def write_articles(folder, count, seed):
    """`count` distinct reports of the Montrouge shooting, sentences of the seeds shuffled and
    numbers varied, so that they join one story and their claims are linked."""
    rng = random.Random(seed)
    lines = [line for path in sorted((ROOT / "seeds").glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines()[1:] if len(line.split()) > 5]
    folder.mkdir()
    for n in range(count):
        chosen = rng.sample(lines, 12)
        body = "\n".join(line.replace("Seven", str(rng.randint(2, 40))) for line in chosen)
        (folder / f"report-{seed}-{n}.txt").write_text(f"Report {seed}-{n} on the Montrouge shooting\n\n{body}\n",
                                                       encoding="utf-8")
    return count


def test_ingesters_and_reviewers_at_once_lose_nothing_and_never_see_a_lock(tmp_path, seed_text):
    db = tmp_path / "claims.db"
    with Store(db) as store:
        store.ingest(seed_text, title="montrouge")
        claim_ids = [c["id"] for c in store.claims()]
    folders = [tmp_path / f"in{k}" for k in range(INGESTERS)]
    expected = sum(write_articles(folder, ARTICLES_EACH, k) for k, folder in enumerate(folders))
    env = {**os.environ, "FACTCHECK_DB": str(db), "FACTCHECK_REVIEWER": "tester"}
    factcheck = [sys.executable, "-m", "factcheck"]
    started = time.monotonic()
    processes = [subprocess.Popen([*factcheck, "ingest", str(folder)], env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for folder in folders]
    loop = ("for i in $(seq {n}); do {cmd} verify {claim} --status verified --note \"reviewer {k} round $i\" "
            "|| echo \"verify failed at round $i\" >&2; done")
    processes += [subprocess.Popen(["bash", "-c", loop.format(n=VERDICTS_EACH, cmd=" ".join(factcheck),
                                                              claim=claim_ids[k], k=k)],
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                  for k in range(REVIEWERS)]
    outputs = [p.communicate(timeout=120) for p in processes]
    elapsed = time.monotonic() - started
    for process, (_, err) in zip(processes, outputs):
        assert process.returncode == 0, err
        assert "locked" not in err and "error:" not in err and "failed" not in err, err
    with Store(db) as store:
        assert len(store.articles()) == 1 + expected
        stored = {a["title"] for a in store.articles()}
        assert {f"Report {k}-{n} on the Montrouge shooting" for k in range(INGESTERS)
                for n in range(ARTICLES_EACH)} <= stored
        for k in range(REVIEWERS):
            notes = [h["note"] for h in store.history(claim_ids[k])]
            assert notes == [f"reviewer {k} round {i}" for i in range(1, VERDICTS_EACH + 1)]
        assert len(store.stories()) == 1 and store.stories()[0]["agree"] > 0
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert elapsed < 60, f"took {elapsed:.0f} s"


def hold_write_lock(path, seconds):
    """Another process's writer: takes the write lock and keeps it for `seconds` (in a thread)."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")

    def release():
        time.sleep(seconds)
        other.execute("ROLLBACK")
        other.close()
    thread = threading.Thread(target=release)
    thread.start()
    return thread


def test_a_write_waits_for_another_writer_then_goes_through(tmp_path, seed_text, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.3)
    with Store(tmp_path / "claims.db") as store:
        claim = store.ingest(seed_text).article_id and store.claims()[0]["id"]
        holder = hold_write_lock(tmp_path / "claims.db", 0.4)  # longer than one busy timeout, shorter than two
        store.verify([claim], "verified", note="after the wait")
        holder.join()
        assert [h["note"] for h in store.history(claim)] == ["after the wait"]


def test_a_write_kept_out_too_long_says_so_and_writes_nothing(tmp_path, seed_text, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.1)
    with Store(tmp_path / "claims.db") as store:
        store.ingest(seed_text)
        claim = store.claims()[0]["id"]
        holder = hold_write_lock(tmp_path / "claims.db", 1.0)
        with pytest.raises(StoreError, match="other processes kept writing to it for 0.2 s; nothing was written"):
            store.verify([claim], "verified", note="never")
        holder.join()
        assert store.history(claim) == []
        store.verify([claim], "verified", note="later")  # the connection is still usable
        assert [h["note"] for h in store.history(claim)] == ["later"]
