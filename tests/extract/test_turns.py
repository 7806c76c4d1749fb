"""Speaker labels that open a paragraph of a transcript or an interview: "HALE: ...", "Q: ..."."""
import pytest

from factcheck import extract

INTERVIEW = """The mayor spoke to us on Friday.

Q: Will the bridge reopen this year? Some residents doubt it.

A: It will reopen in May. The repairs are nearly done.

RUTH OKAFOR: The bakery stays open through the works. We have never closed.

Okafor said the flood was the worst she had seen.
"""


def _claims(text):
    return [(c.text, c.attribution.source) for c in extract(text).claims]


def test_a_label_gives_its_paragraph_to_the_speaker():
    claims = _claims(INTERVIEW)
    assert ("It will reopen in May", "A") in claims
    assert ("The repairs are nearly done", "A") in claims  # the turn goes on to the end of its paragraph
    assert ("The bakery stays open through the works", "RUTH OKAFOR") in claims
    assert ("We have never closed", "RUTH OKAFOR") in claims
    # a new paragraph without a label is no longer the speaker's turn: its claim has its own frame
    last = extract(INTERVIEW).claims[-1]
    assert (last.text, last.attribution.cue) == ("the flood was the worst she had seen", "said")


def test_a_turn_is_a_frame_with_the_colon_as_cue():
    frames = [(f.source.text, f.cue.text) for f in extract(INTERVIEW).frames if f.cue.text == ":"]
    assert frames == [("Q", ":"), ("A", ":"), ("RUTH OKAFOR", ":")]


@pytest.mark.parametrize("text", [
    "The plan had three parts: a levy, a loan and a grant.",        # lower-case words before the colon
    "Update: The road reopened after the crash on Monday.",          # a newsroom label, no speaker
    "Clinton: 547.",                                                 # a tally, not a turn
    "Then the mayor added the last item. Okafor: The bakery stays open.",  # not where a paragraph opens
])
def test_not_a_turn(text):
    assert not [f for f in extract(text).frames if f.cue.text == ":"]
