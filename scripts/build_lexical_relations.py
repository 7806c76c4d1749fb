"""Build factcheck/data/lexical_relations.json from WordNet 3.0's data files.

    apt-get install -y wordnet-base          # the Debian package: /usr/share/wordnet/{data,index}.*
    python scripts/build_lexical_relations.py [--wordnet /usr/share/wordnet] [--out FILE] [--show]

Standard library only.  The output (sorted, deterministic; read by factcheck.match.normalise) holds:

  "antonyms"   [a, b] pairs of single lower-case words (a < b) from WordNet's antonym pointers ("!")
               in all four parts of speech, adjective satellites included where WordNet gives a
               satellite an antonym of its own; plus NEWS_ANTONYMS below, pairs news copy uses that
               WordNet lacks.  An antonym counts only if it holds in one of the first ANTONYM_SENSES
               senses of each word (index.* list senses most frequent first), so that a rare sense does
               not oppose two common words.
  "synonyms"   groups of single words sharing a synset that is one of the common senses (below) of
               each member and the first sense of one at least (so polysemy does not join unrelated
               words); synsets of more than MAX_SYNSET lemmas, words shorter than MIN_LETTERS letters
               and plant names are left out.
  "hypernyms"  [broader, word, word, ...]: nouns and verbs whose first sense has as its direct
               hypernym ("@") a common sense of `broader` (vessel: boat, ship; overturn: capsize);
               broader synsets of more than MAX_SYNSET lemmas or with more than MAX_HYPONYMS direct
               hyponyms (too general: "move", "change") and plant names are left out.
  "causes"     [verb, result] pairs from the cause pointers (">") between verbs' first senses
               (kill -> die): the cause is the first sense of `verb`, the result among the first SENSES
               senses of `result`.
  "forms"      [base, form, ...]: irregular forms of the words above (WordNet's *.exc files), so that
               "upheld" or "men" find the relations of "uphold" and "man".

"Common senses": the first sense of a word (index.* order), and its second (for antonyms up to its
third) if WordNet's tagged corpus (cntlist.rev) counts it at least SHARE as often as the first; none
in a part of speech the word is seldom tagged as ("court" the verb, woo); and, but for antonyms, none
of an -ing / -ed word that is far more often its verb ("crashing" = "flaming", "firing" = "fire").

--show prints the counts and a few hand-checked words.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

POS = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SENSES = 2            # senses of a word that count for synonyms and for broader words / results
ANTONYM_SENSES = 3    # senses of a word in which an antonym counts
SHARE = 0.3           # a later sense counts if tagged at least this share as often as the first
MAX_SYNSET = 8        # bigger synsets are loose groupings, not synonyms
MAX_HYPONYMS = 40     # hypernyms with more direct hyponyms are too general to stand for a word
MIN_LETTERS = 3
PLANTS = 20           # lexicographer file noun.plant: botany's taxonomy, of no use in news
WORD = re.compile(r"[a-z]+")

# Opposites news copy relies on that WordNet does not give as antonyms (hand-written).
NEWS_ANTONYMS = [
    ("guilty", "acquitted"), ("convicted", "acquitted"), ("convict", "acquit"), ("guilty", "acquittal"),
    ("conviction", "acquittal"), ("sentenced", "acquitted"), ("charged", "cleared"),
    ("jailed", "released"), ("detained", "released"), ("upheld", "overturned"), ("uphold", "overturn"),
    ("upheld", "reversed"), ("upheld", "quashed"), ("affirmed", "overturned"), ("reopened", "closed"),
    ("reopen", "close"), ("open", "shut"), ("stable", "critical"), ("inside", "outside"),
    ("indoors", "outdoors"), ("arrived", "left"), ("arrive", "depart"), ("stay", "leave"),
    ("stayed", "left"), ("evacuated", "stayed"), ("opposite", "same"), ("survived", "died"),
    ("survivor", "victim"), ("alive", "dead"), ("rescued", "trapped"), ("freed", "trapped"),
    ("found", "missing"), ("located", "missing"), ("injured", "unharmed"), ("injured", "uninjured"),
    ("wounded", "unhurt"), ("sank", "floated"), ("sunk", "afloat"), ("erupted", "dormant"),
    ("confirmed", "denied"), ("confirm", "deny"), ("admitted", "denied"), ("admit", "deny"),
    ("accepted", "declined"), ("true", "untrue"), ("authentic", "fake"), ("authentic", "forged"),
    ("genuine", "fake"), ("rose", "fell"), ("risen", "fallen"), ("gained", "lost"), ("won", "lost"),
    ("surged", "plunged"), ("soared", "plummeted"), ("raised", "lowered"), ("raised", "cut"),
    ("hike", "cut"), ("increase", "cut"), ("higher", "lower"), ("majority", "minority"),
    ("hired", "fired"), ("passed", "rejected"), ("approved", "vetoed"), ("signed", "vetoed"),
    ("lifted", "imposed"), ("lift", "impose"), ("banned", "allowed"), ("banned", "legalised"),
    ("banned", "legalized"), ("resumed", "suspended"), ("resume", "suspend"), ("peaceful", "violent"),
    ("north", "south"), ("east", "west"), ("northern", "southern"), ("eastern", "western"),
]
# WordNet antonyms left out: two sides of one event ("X sold it to Y" is "Y bought it from X"), and
# opposites of a sense other than the one news mostly means ("floor" the storey / "ceiling", "last
# week" / "first", "he left" / "right", "presented" / "past").
NOT_ANTONYMS = {
    ("buy", "sell"), ("borrow", "lend"), ("employee", "employer"), ("export", "import"), ("child", "parent"),
    ("attack", "defend"), ("answer", "question"), ("ceiling", "floor"), ("back", "front"), ("lie", "sit"),
    ("lie", "stand"), ("sit", "stand"), ("ride", "walk"), ("common", "individual"), ("let", "prevent"),
    ("other", "same"), ("first", "last"), ("left", "right"), ("past", "present"), ("future", "present"),
}


def lemma(raw: str) -> str:
    """A lemma as a lower-case word: "turn_over" stays multi-word, "able(a)" loses its marker."""
    return re.sub(r"\(.*\)$", "", raw).lower()


def single(word: str) -> bool:
    return bool(WORD.fullmatch(word))


def read_data(wordnet: Path) -> dict:
    """(pos letter, offset) -> {"words": [...], "pointers": [(symbol, key, source, target)], "type": ss_type,
    "file": lexicographer file number}."""
    synsets = {}
    for pos, name in POS.items():
        with open(wordnet / f"data.{name}", encoding="latin-1") as handle:
            for line in handle:
                if line.startswith(" "):
                    continue  # licence header
                fields = line.split(" | ", 1)[0].split()
                offset, ss_type = fields[0], fields[2]
                w_cnt = int(fields[3], 16)
                words = [lemma(fields[4 + 2 * k]) for k in range(w_cnt)]
                at = 4 + 2 * w_cnt
                p_cnt = int(fields[at])
                pointers = []
                for k in range(p_cnt):
                    symbol, target, target_pos, st = fields[at + 1 + 4 * k: at + 5 + 4 * k]
                    target_pos = "a" if target_pos == "s" else target_pos
                    pointers.append((symbol, (target_pos, target), int(st[:2], 16), int(st[2:], 16)))
                synsets[(pos, offset)] = {"words": words, "pointers": pointers, "type": ss_type,
                                          "file": int(fields[1])}
    return synsets


def read_senses(wordnet: Path) -> dict:
    """(pos letter, lemma) -> synset offsets, most frequent sense first."""
    senses = {}
    for pos, name in POS.items():
        with open(wordnet / f"index.{name}", encoding="latin-1") as handle:
            for line in handle:
                if line.startswith(" "):
                    continue
                fields = line.split()
                synset_cnt, p_cnt = int(fields[2]), int(fields[3])
                senses[(pos, fields[0].lower())] = fields[6 + p_cnt: 6 + p_cnt + synset_cnt]
    return senses


def read_counts(wordnet: Path) -> dict:
    """(pos letter, lemma, sense rank from 0) -> how often the sense is tagged in WordNet's corpus (cntlist.rev)."""
    counts = {}
    path = wordnet / "cntlist.rev"
    if path.exists():
        for line in path.read_text(encoding="latin-1").splitlines():
            key, number, count = line.split()
            word, _, rest = key.partition("%")
            pos = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}[rest[0]]  # 5: adjective satellite
            counts[(pos, word.lower(), int(number) - 1)] = int(count)
    return counts


class Senses:
    """Which senses of a word are common: the first, and the next ones (up to `limit`) if the
    corpus counts at least SHARE of the first sense's tags for them (untagged words: the first only);
    none in a part of speech the word is seldom tagged as, if it is tagged as another."""

    def __init__(self, senses: dict, counts: dict):
        self.senses, self.counts = senses, counts
        self.by_pos = defaultdict(int)  # (pos, lemma) -> tags over all its senses
        for (pos, word, _), count in counts.items():
            self.by_pos[(pos, word)] += count

    def main_pos(self, pos: str, word: str) -> bool:
        """Whether `word` is common as this part of speech: "court" the noun, not the verb (woo)."""
        most = max(self.by_pos.get((other, word), 0) for other in POS)
        return most == 0 or self.by_pos.get((pos, word), 0) >= SHARE * most

    def rank(self, pos: str, word: str, offset: str) -> int:
        """Which sense of `word` the synset is (0 = most frequent); a large number if none."""
        try:
            return self.senses[(pos, word)].index(offset)
        except (KeyError, ValueError):
            return 1_000

    def participle(self, pos: str, word: str) -> bool:
        """Whether `word` is a verb's -ing / -ed form listed as another part of speech but seldom
        tagged as it: "crashing" (= "bally", "flaming") is no sense of "crash" that news means."""
        if pos == "v" or not word.endswith(("ing", "ed")):
            return False
        stem = word[:-3] if word.endswith("ing") else word[:-2]
        for base in (stem, stem + "e", stem[:-1], word[:-1]):
            verb = self.by_pos.get(("v", base), 0)
            if ("v", base) in self.senses and base != word:
                tags = sum(self.by_pos.get((other, word), 0) for other in POS)
                return tags < SHARE * verb if verb else False
        return False

    def first(self, pos: str, word: str, offset: str) -> bool:
        return self.common(pos, word, offset, 1)

    def common(self, pos: str, word: str, offset: str, limit: int = 2, participles: bool = False) -> bool:
        k = self.rank(pos, word, offset)
        if not self.main_pos(pos, word) or (not participles and self.participle(pos, word)):
            return False
        if k == 0:
            return True
        if k >= limit:
            return False
        first = self.counts.get((pos, word, 0), 0)
        return first > 0 and self.counts.get((pos, word, k), 0) >= SHARE * first


def antonyms(synsets: dict, senses: Senses) -> set:
    pairs = set()
    for (pos, offset), synset in synsets.items():
        for symbol, target, source, goal in synset["pointers"]:
            if symbol != "!" or not source or not goal:
                continue  # antonyms are lexical: between two words, not two synsets
            a = synset["words"][source - 1]
            b = synsets[target]["words"][goal - 1]
            if a != b and single(a) and single(b) and senses.common(pos, a, offset, ANTONYM_SENSES, True) \
                    and senses.common(target[0], b, target[1], ANTONYM_SENSES, True):
                pairs.add(tuple(sorted((a, b))))
    pairs -= NOT_ANTONYMS
    for a, b in NEWS_ANTONYMS:
        pairs.add(tuple(sorted((a, b))))
    return pairs


def usable(word: str) -> bool:
    return single(word) and len(word) >= MIN_LETTERS


def synonyms(synsets: dict, senses: Senses) -> set:
    groups = set()
    for (pos, offset), synset in synsets.items():
        if len(synset["words"]) > MAX_SYNSET or (pos == "n" and synset["file"] == PLANTS):
            continue
        members = {w for w in synset["words"] if usable(w) and senses.common(pos, w, offset, SENSES)}
        if len(members) > 1 and any(senses.first(pos, w, offset) for w in members):
            groups.add(tuple(sorted(members)))
    return groups


def hypernyms(synsets: dict, senses: Senses) -> dict:
    """broader word -> the words whose first sense is directly below one of its common senses."""
    hyponym_count = defaultdict(int)
    for synset in synsets.values():
        for symbol, target, _, _ in synset["pointers"]:
            if symbol in ("@", "@i"):
                hyponym_count[target] += 1
    below = defaultdict(set)
    for (pos, offset), synset in synsets.items():
        if pos not in "nv" or (pos == "n" and synset["file"] == PLANTS):
            continue
        narrower = [w for w in synset["words"] if usable(w) and senses.first(pos, w, offset)]
        for symbol, target, _, _ in synset["pointers"]:
            broader = synsets[target]
            if symbol != "@" or not narrower or len(broader["words"]) > MAX_SYNSET \
                    or hyponym_count[target] > MAX_HYPONYMS:
                continue
            for other in broader["words"]:
                if usable(other) and senses.common(pos, other, target[1], SENSES):
                    below[other].update(w for w in narrower if w != other)
    return {word: words for word, words in below.items() if words}


def causes(synsets: dict, senses: Senses) -> set:
    pairs = set()
    for (pos, offset), synset in synsets.items():
        if pos != "v":
            continue
        for symbol, target, source, goal in synset["pointers"]:
            if symbol != ">":
                continue
            verbs = [synset["words"][source - 1]] if source else synset["words"]
            results = [synsets[target]["words"][goal - 1]] if goal else synsets[target]["words"]
            for verb in verbs:
                if not usable(verb) or not senses.first("v", verb, offset):
                    continue
                for result in results:
                    if usable(result) and result != verb and senses.common("v", result, target[1], SENSES):
                        pairs.add((verb, result))
    return pairs


def forms(wordnet: Path, senses: dict, used: set) -> dict:
    """base -> its irregular forms (*.exc: "uphold" -> "upheld", "sink" -> "sank", "sunk") for the words used,
    leaving out forms that are words of that part of speech themselves ("wound", "found", "fell")."""
    out = defaultdict(set)
    for pos, name in (("n", "noun"), ("v", "verb"), ("a", "adj")):
        for line in (wordnet / f"{name}.exc").read_text(encoding="latin-1").splitlines():
            form, *bases = line.split()
            for base in bases:
                if base in used and single(form) and (pos, form) not in senses and form != base:
                    out[base].add(form)
    return out


def build(wordnet: Path) -> dict:
    synsets = read_data(wordnet)
    index = read_senses(wordnet)
    senses = Senses(index, read_counts(wordnet))
    below = hypernyms(synsets, senses)
    relations = {
        "antonyms": sorted(list(p) for p in antonyms(synsets, senses)),
        "synonyms": sorted(list(g) for g in synonyms(synsets, senses)),
        "hypernyms": [[word, *sorted(below[word])] for word in sorted(below)],  # broader word first
        "causes": sorted(list(p) for p in causes(synsets, senses)),
    }
    used = {w for entries in relations.values() for entry in entries for w in entry}
    irregular = forms(wordnet, index, used)
    return {
        "source": "WordNet 3.0, Copyright 2006 by Princeton University, used under the WordNet 3.0 licence "
                  "(https://wordnet.princeton.edu/license-and-commercial-use); built by "
                  "scripts/build_lexical_relations.py",
        **relations,
        "forms": [[base, *sorted(irregular[base])] for base in sorted(irregular)],  # base first
    }


CHECKS = ["capsize", "overturn", "boat", "vessel", "detain", "arrest", "kill", "stable", "critical",
          "bank", "plant", "fire", "shot", "charge", "sentence", "left", "court", "strike"]


def show(data: dict) -> None:
    for name in ("antonyms", "synonyms", "hypernyms", "causes"):
        print(f"{name}: {len(data[name])}")
    print("hypernym links:", sum(len(g) - 1 for g in data["hypernyms"]))
    for word in CHECKS:
        print(f"{word}:")
        print("  antonyms ", sorted({b if a == word else a for a, b in data["antonyms"] if word in (a, b)}))
        print("  synonyms ", [g for g in data["synonyms"] if word in g])
        print("  broader  ", sorted(g[0] for g in data["hypernyms"] if word in g[1:]))
        print("  narrower ", [g[1:] for g in data["hypernyms"] if g[0] == word][0][:20]
              if any(g[0] == word for g in data["hypernyms"]) else [])
        print("  causes   ", sorted(b for a, b in data["causes"] if a == word))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"), help="WordNet's dict directory")
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parent.parent / "factcheck" / "data" / "lexical_relations.json")
    parser.add_argument("--show", action="store_true", help="print counts and a few checked words")
    args = parser.parse_args()
    data = build(args.wordnet)
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=True)
    args.out.write_text(text.replace('],["', '],\n["') + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(text) / 1e6:.2f} MB)")
    if args.show:
        show(data)


if __name__ == "__main__":
    main()
