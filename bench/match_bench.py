"""Matching benchmark: how matching one new article grows with the store, `relate` speed, `compare`.

    python bench/match_bench.py                      # stores of 10k, 100k and 1M claims (a few minutes)
    python bench/match_bench.py --sizes 10000 --quick  # the smoke run CI does

`relate` speed is printed twice, in CPU time: over rounds of 2,000 pairs of generated claims, and over the labelled pairs of
the reports corpus (../shared/data/reports, real copy, every pair about one event) when it is there.

The store is filled with generated articles (link=False, so filling is fast): each sentence is
built from 16 event templates with a subject (an office or a minister), a verb, a number, an
object, a day and two of 3,000 made-up town names, drawn at random (fixed seed), so claims share
their common words the way news does while their names tell events apart.  At each size it
ingests 5 new 30-claim articles with linking on (FTS5 candidates, rapidfuzz filter, `relate`)
and reports the mean time, and it compares two new 60-claim articles 5 times (2 with --quick),
reporting the first timing and the median.  Candidate recall: the first 30 claims stored are told
again at each size in other words, by other sources, in another order ("Police in X said 12
people were arrested in Y." / "12 people were detained in Y, the mayor told reporters."), and
it counts how many of the retold claims get linked to their original, the oldest in the store.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT.parent / "shared" / "data" / "reports" / "gold" / "relations.jsonl"
sys.path.insert(0, str(ROOT))

from factcheck import Store, relate  # noqa: E402

SUBJECTS = ["Police", "The interior ministry", "Witnesses", "Local media", "The prosecutor", "Officials",
            "The mayor", "Firefighters", "The army", "Doctors", "Investigators", "The government",
            "Residents", "The company", "The union", "Protesters", "The court", "Rescuers"]
VERBS = ["said", "told reporters", "confirmed", "reported", "announced", "denied"]
EVENTS = ["{n} people were arrested", "{n} people were injured", "{n} people died", "the suspect fled in a {car}",
          "the building was evacuated", "{n} shops were closed", "the road was blocked for {n} hours",
          "a fire broke out near the {place}", "the vote was postponed until {day}",
          "{n} soldiers were deployed to the {place}", "the bridge was not damaged",
          "the prices rose by {n} percent", "{n} flights were cancelled", "the talks collapsed on {day}",
          "the hostages were freed on {day}", "{n} tonnes of aid arrived at the {place}"]
CARS = ["Renault Clio", "Peugeot", "Citroen", "Ford Focus", "Volkswagen Golf", "Fiat Panda", "Toyota Yaris"]
PLACES = ["station", "stadium", "airport", "harbour", "border", "hospital", "market", "cathedral", "school",
          "parliament", "museum", "factory", "prison", "embassy", "university", "mosque", "bank"]
WORDING = {"arrested": "detained", "injured": "wounded", "died": "were killed", "fled": "escaped",
           "evacuated": "cleared", "closed": "shut", "blocked": "closed", "broke out": "started",
           "postponed": "delayed", "deployed": "sent", "rose": "increased", "cancelled": "called off",
           "collapsed": "broke down", "freed": "released", "arrived at": "reached"}
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SYLLABLES = ["ba", "ro", "ville", "mon", "tre", "sur", "la", "gne", "cha", "teau", "pi", "er", "lan",
             "bo", "ux", "mar", "seil", "nan", "tes", "gre", "no", "ble", "vi", "chy", "an", "gers"]


def _names(rng: random.Random, count: int) -> list[str]:
    """Made-up proper names: news claims carry many, and they are what tells events apart."""
    return sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                   for _ in range(count)})


TOWNS = _names(random.Random(3), 3000)
PEOPLE = _names(random.Random(5), 3000)


def parts(rng: random.Random) -> tuple[str, str, str, str, str]:
    """(subject, its town, verb, event, where the event happened) of one generated sentence."""
    event = rng.choice(EVENTS).format(n=rng.randint(2, 400), car=rng.choice(CARS), place=rng.choice(PLACES),
                                      day=rng.choice(DAYS))
    subject = rng.choice(SUBJECTS + [f"Minister {name}" for name in rng.sample(PEOPLE, 3)])
    return subject, rng.choice(TOWNS), rng.choice(VERBS), event, rng.choice(TOWNS)


def told(subject: str, town: str, verb: str, event: str, where: str) -> str:
    """The sentence of these parts, as the first outlet tells it."""
    return f"{subject} in {town} {verb} {event} in {where}."


def sentence(rng: random.Random) -> str:
    return told(*parts(rng))


def retold(rng: random.Random, subject: str, town: str, verb: str, event: str, where: str) -> str:
    """The same event as another outlet tells it: other words, another source, another order."""
    for word, other in WORDING.items():
        event = event.replace(word, other)
    source = rng.choice([s for s in SUBJECTS if s != subject])
    return f"{event[0].upper()}{event[1:]} in {where}, {source.lower()} {rng.choice(VERBS)}."


def article(rng: random.Random, claims: int, number: int) -> dict:
    lines = [f"Dispatch {number}"] + [sentence(rng) for _ in range(claims)]
    return {"text": "\n".join(lines) + "\n", "name": f"dispatch-{number}", "link": False}


def timed(action) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def cpu_timed(action) -> float:
    """CPU seconds of `action`: other sessions on a shared machine count as little as they can."""
    began = time.process_time()
    action()
    return time.process_time() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="store sizes in claims")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    rng = random.Random(11)
    repeats = 2 if args.quick else 5

    loading = timed(lambda: relate("The ferry sank at dawn", "The boat capsized at dawn"))  # models, WordNet
    rounds = [[(sentence(rng), sentence(rng)) for _ in range(2000)] for _ in range(3)]  # new pairs each round
    seconds = min(cpu_timed(lambda: [relate(a, b) for a, b in pairs]) for pairs in rounds)
    print(f"relate: {2000 / seconds:,.0f} pairs per CPU s, best of 3 rounds of 2,000 new pairs (the first call, which loads the models and "
          f"word lists once per process: {loading * 1000:,.0f} ms)")
    if LABELLED.exists():  # real copy: the hard pairs, all about one event, few leave at the first exit
        labelled = [(row["a"]["text"], row["b"]["text"])
                    for row in map(json.loads, LABELLED.read_text(encoding="utf-8").splitlines())]
        seconds = cpu_timed(lambda: [relate(a, b) for a, b in labelled])
        print(f"relate on the {len(labelled)} labelled pairs of the reports corpus, first time each: "
              f"{len(labelled) / seconds:,.0f} pairs per CPU s")

    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.db")
        planted = [parts(rng) for _ in range(30)]  # the oldest claims, told again at each size
        originals = store.ingest("Dispatch 0\n" + "\n".join(told(*p) for p in planted),
                                 name="planted", link=False)
        stored, number = originals.claims, 1
        for size in (int(s) for s in args.sizes.split(",")):
            began = time.perf_counter()
            while stored < size:
                batch = [article(rng, 30, number + k) for k in range(200)]
                number += len(batch)
                stored += sum(r.claims for r in store.ingest_many(batch))
            fill = time.perf_counter() - began
            new = [dict(article(rng, 30, number + k), link=True) for k in range(repeats)]
            number += repeats
            match_s = sum(timed(lambda a=a: store.ingest(**a)) for a in new) / repeats
            compares = []
            for _ in range(repeats):  # each time two new articles: nothing of them is cached yet
                first = store.ingest(**article(rng, 60, number))
                second = store.ingest(**article(rng, 60, number + 1))
                number += 2
                compares.append(timed(lambda: store.compare(first.article_id, second.article_id)))
            again = store.ingest("Report\n" + "\n".join(retold(rng, *p) for p in planted) + "\n",
                                 name=f"retold-{number}")
            number += 1
            found = {link["claim_id"] for link in store.links(again.article_id)
                     if link["other_article"] == originals.article_id}
            links = store.db.execute("SELECT count(*) FROM links").fetchone()[0]
            print(f"{stored:>9,} claims (filled in {fill:5.1f} s): ingest + match a 30-claim article "
                  f"{match_s * 1000:6.0f} ms; compare two 60-claim articles {compares[0] * 1000:5.0f} ms "
                  f"first, median of {repeats} {statistics.median(compares) * 1000:5.0f} ms; {links:,} links stored; "
                  f"the oldest 30 claims told again in other words: {len(found)} of {again.claims} linked to them")
        store.close()
    print(f"peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
