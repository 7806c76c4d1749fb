"""The frame gate: which frames it judges, and the trained behaviour of its shipped weights."""
import pytest

from factcheck import extract
from factcheck.extract import frame_gate
from factcheck.extract.frames import candidate_frames
from factcheck.extract.tokens import Tokens


def _candidates(text: str):
    return [(text[f.cue[0]:f.cue[1]], sure) for f, sure, _ in candidate_frames(Tokens(text), 0, len(text))[0]]


@pytest.mark.parametrize("text, expected", [
    # a rule's frame over a clause or a quotation is sure: it gives claims their source
    ("Officials said the dam held overnight.", [("said", True)]),
    ('"We were lucky," said the harbour master.', [("said", True)]),
    # a noun-phrase content is for the gate to judge
    ("The ministry announced a review of the rail timetable.", [("announced", False)]),
])
def test_which_frames_the_gate_judges(text, expected):
    assert _candidates(text) == expected


def test_no_weights_keep_every_frame(monkeypatch):
    monkeypatch.setattr(frame_gate, "_weights", lambda: {})
    assert [f.kind for f in extract("Police said the driver declared a medical emergency.").frames] == [
        "clause", "noun_phrase"]


def test_shipped_weights_load():
    weights = frame_gate._weights()
    assert "bias" in weights and len(weights) > 1000


@pytest.mark.parametrize("text, cues", [
    ("Police said the mayor announced a public inquiry.", ["said", "announced"]),
    ("The storm is known as the worst in a decade.", []),  # the gate drops "is known [as ...]"
])
def test_shipped_gate_keeps_and_drops(text, cues):
    assert [f.cue.text for f in extract(text).frames] == cues


def test_a_weak_cue_gets_a_frame_only_for_the_gate(monkeypatch):
    # "thinks" is too unlikely a cue here for a sure frame, even over a clause
    text = "The board thinks the port will reopen soon."
    assert _candidates(text) == [("thinks", False)]
    monkeypatch.setattr(frame_gate, "_weights", lambda: {})
    found = extract(text)
    assert [f.cue.text for f in found.frames] == ["thinks"]
    assert [(c.text, c.attribution.source) for c in found.claims] == [("the port will reopen soon", "The board")]


@pytest.mark.parametrize("text, cues", [
    # a verb group that takes in the cue before it is no second frame
    ("She declined to comment on the ferry contract.", ["declined"]),
    ("The union refused to comment on the pay offer.", ["refused"]),
])
def test_one_frame_per_cue(text, cues):
    assert [text[f.cue[0]:f.cue[1]] for f, _, _ in candidate_frames(Tokens(text), 0, len(text))[0]] == cues
