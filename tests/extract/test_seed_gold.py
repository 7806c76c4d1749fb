"""The seed article comes out as ../shared/seeds/montrouge.gold.jsonl says, every sentence."""
from factcheck import extract


def _claims_by_sentence(extraction):
    by_start = {}
    for claim in extraction.claims:
        sentence = extraction.sentences[claim.sentence]
        by_start.setdefault(sentence.start, []).append(claim)
    return by_start


def test_seed_copy_matches_shared(seed_text):
    from conftest import needs_shared
    assert seed_text == needs_shared("seeds", "montrouge.txt").read_text(encoding="utf-8")


def test_every_gold_sentence_attribution(seed_text, seed_gold):
    extraction = extract(seed_text)
    by_start = _claims_by_sentence(extraction)
    for gold in (g for g in seed_gold if "sentence_starts_with" in g):
        claims = by_start.get(gold["offset"])
        assert claims, f"no claim in sentence at {gold['offset']}"
        assert seed_text[gold["offset"]:].startswith(gold["sentence_starts_with"])
        attributed = {(c.attribution.source_span and (c.attribution.source_span.start, c.attribution.source_span.end),
                       c.attribution.cue_span and (c.attribution.cue_span.start, c.attribution.cue_span.end),
                       c.attribution.kind)
                      for c in claims if c.attribution.kind != "unattributed"}
        if gold["kind"] == "unattributed":
            assert attributed == set(), gold["sentence_starts_with"]
        else:
            expected = {(tuple(gold["source_span"]), tuple(gold["cue_span"]), gold["kind"])}
            assert attributed == expected, gold["sentence_starts_with"]
            claim = next(c for c in claims if c.attribution.kind != "unattributed")
            assert claim.attribution.source_span.text == gold["source"]
            assert claim.attribution.cue == gold["cue"]
            if "relayed_by" in gold:
                assert claim.attribution.relayed_by == gold["relayed_by"]
            if gold.get("quoted"):
                assert claim.attribution.quoted
        if gold.get("hedged"):
            assert all(c.attribution.hedged for c in claims)


def test_non_claims_are_recognised(seed_text, seed_gold):
    extraction = extract(seed_text)
    kinds = {(s.start, s.end): s.kind for s in extraction.sentences}
    claim_spans = [(c.start, c.end) for c in extraction.claims]
    for gold in (g for g in seed_gold if "non_claim" in g):
        start, end = gold["span"]
        assert kinds[(start, end)] == gold["type"]
        assert not any(s < end and start < e for s, e in claim_spans)


def test_reporting_frame_is_not_part_of_the_claim(seed_text):
    texts = [c.text for c in extract(seed_text).claims]
    assert "Seven people have already been arrested in the ongoing investigation" in texts
    assert "the shooter fled in a Renault Clio car" in texts


def test_joined_clauses_give_one_claim_each(seed_text):
    texts = [c.text for c in extract(seed_text).claims]
    assert "A car stopped" in texts
    # a second verb phrase of one subject is a claim of its own (the reports corpus convention)
    assert "a man got out" in texts
    assert "shot at them before fleeing" in texts
    assert "the government reinforced its anti-terrorism laws last year" in texts


def test_offsets_index_the_text(seed_text):
    extraction = extract(seed_text)
    for claim in extraction.claims:
        assert seed_text[claim.start:claim.end] == claim.text
        for span in (claim.attribution.source_span, claim.attribution.cue_span):
            if span:
                assert seed_text[span.start:span.end] == span.text
