"""The learned source tagger: its decoding, its shipped weights, and the frames it gives."""
import pytest

from factcheck import extract
from factcheck.extract import source_model
from factcheck.extract.learned_frames import learned_frame, second_opinion
from factcheck.extract.phrases import sentence_run
from factcheck.extract.source_model import SentenceFacts, best_segment, learned_source
from factcheck.extract.tokens import Tokens


@pytest.mark.parametrize("scores, expected", [
    ([], (0.0, 0, 0)),
    ([-1.0, -2.0], (0.0, 0, 0)),               # nothing scores above zero: no source
    ([2.0], (2.0, 0, 1)),
    ([-1.0, 3.0, -0.5, 2.0, -4.0], (4.5, 1, 4)),  # a weak comma inside a name stays in it
    ([1.0, -5.0, 2.0], (2.0, 2, 3)),             # a gap too costly: the better side alone
])
def test_best_segment(scores, expected):
    assert best_segment(scores, 0) == expected


def test_best_segment_shifts_by_offset():
    assert best_segment([1.0, 1.0], 10) == (2.0, 10, 12)


def _source_of(sentence: str, cue: str = "said") -> str | None:
    run = sentence_run(Tokens(sentence).all)
    i = next(k for k, t in enumerate(run) if t.lower == cue)
    found = learned_source(run, SentenceFacts(run), i, i)
    return sentence[run[found[0]].start:run[found[1] - 1].end] if found else None


@pytest.mark.parametrize("sentence, source", [
    ("Maria Okonkwo, 44, of Lagos, who was among those polled, said the lines had been long.",
     "Maria Okonkwo, 44, of Lagos, who was among those polled,"),
    ('"The water came up so fast," said retired ferry pilot Anders Lund.', "Anders Lund"),
    ("Nearly half of the farmers surveyed said they would plant less wheat.", "Nearly half of the farmers surveyed"),
])
def test_shipped_weights_find_the_source(sentence, source):
    assert source_model._weights(), "data/source_model.json holds no weights"
    assert _source_of(sentence) == source


@pytest.mark.parametrize("sentence, source", [
    ("Two-thirds of the nurses in the northern district - and most of the doctors - said that the new rota "
     "could not work.", "most of the doctors -"),
])
def test_frames_no_rule_shape_fits_take_the_learned_source(sentence, source):
    frames = extract(sentence).frames
    assert [(f.source.text if f.source else None, f.cue.text) for f in frames] == [(source, "said")]
    content = frames[0].content[0]
    assert sentence[content[0]:content[1]].endswith("could not work." if "rota" in sentence else "had been long.")


@pytest.mark.parametrize("sentence", [
    "The harbour board said - but not in writing.",
    "Later the harbour board said - though nobody asked.",
])
def test_learned_frame_content_never_empty(sentence):
    # a concessive dash right after the cue leaves no content after it: never an empty range
    run = sentence_run(Tokens(sentence).all)
    i = next(k for k, t in enumerate(run) if t.lower == "said")
    frame = learned_frame(run, i, SentenceFacts(run))
    assert frame is None or all(start < end for start, end in frame.content)


@pytest.mark.parametrize("sentence, cue, rule_source, source", [
    # the rule stopped at the wrong phrase; the tagger's source shares no word with it
    ("Okafor concluded by making it clear to the panel that the budget could not grow.", "clear",
     "by making it", ("Okafor", "replaced")),
    # a source after the cue ("said Ana Ruiz") stays as the rule read it
    ('"We have no more boats," said Ana Ruiz, the harbour master.', "said", "Ana Ruiz", ("Ana Ruiz", "after")),
    # a rule source that shares words with the tagger's stays
    ("The head of the rowing club said the race would go ahead.", "said", "the rowing club",
     ("the rowing club", "agrees")),
])
def test_second_opinion_on_a_rule_source(sentence, cue, rule_source, source):
    run = sentence_run(Tokens(sentence).all)
    i = [t.text for t in run].index(cue)
    start = sentence.index(rule_source)
    found, view = second_opinion(run, i, SentenceFacts(run), (start, start + len(rule_source)))
    assert (sentence[found[0]:found[1]], view) == source


@pytest.mark.parametrize("shared", [False, True])
def test_token_scores_add_the_weights_of_the_features_in_their_order(shared):
    # token_scores reads the weights in groups, kept across sentences; training (which sums
    # features()) must score exactly the same, to the last bit
    sentence = ('"The dam held," Mayor Ana Ruiz, 52, told reporters on Tuesday, but engineers '
                'who inspected it said the spillway, built in 1961, had cracked.')
    run = sentence_run(Tokens(sentence).all)
    facts = SentenceFacts(run)
    weights = source_model._weights()
    parts = source_model._parts_for(weights) if shared else None
    for cue in ("told", "said"):
        i = [t.text for t in run].index(cue)
        for indices in (range(max(0, i - 30), i), range(i + 1, min(len(run), i + 31))):
            expected = [_added(weights, source_model.features(run, facts, i, i, j)) for j in indices]
            token_part = [_added(weights, source_model.token_features(run, j, "L" if j < i else "R"))
                          for j in indices]
            cue_part = [_added(weights, source_model.cue_features(run, facts, i, i, j, "L" if j < i else "R"))
                        for j in indices]
            scores = source_model.token_scores(run, facts, i, i, indices, weights, {}, parts)
            assert scores == [a + b for a, b in zip(token_part, cue_part)]
            assert scores == pytest.approx(expected)


def _added(weights: dict, feats: list[str]) -> float:
    total = 0.0
    for f in feats:
        total += weights.get(f, 0.0)
    return total
