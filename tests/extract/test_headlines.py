"""Frames in headlines: never claims, but the attributions they make are listed."""
import pytest

from factcheck import extract

BODY = "\n\nThe port reopened on Monday after the storm.\n"


def _frames(headline: str):
    found = extract(headline + BODY)
    assert found.sentences[0].kind == "headline"
    assert all(c.start >= len(headline) for c in found.claims)  # a headline is no claim
    return [(f.source.text if f.source else None, f.cue.text, [found.text[s:e] for s, e in f.content])
            for f in found.frames if f.sentence == 0]


@pytest.mark.parametrize("headline, frames", [
    ("Harbour master: ferry lanes will reopen on Monday",
     [("Harbour master", ":", ["ferry lanes will reopen on Monday"])]),
    ("Dr. Ana Ruiz: the new ward is ready",
     [("Dr. Ana Ruiz", ":", ["the new ward is ready"])]),
    # no speaker before the colon: too long a stretch, or nothing after it
    ("The storm that flooded half of the valley last week: a timeline", []),
    ("Update: none", []),
    # a kicker is the newsroom's label, not a speaker
    ("BREAKING: the dam on the upper river has failed", []),
    ("The Latest: rescuers reach the last village", []),
])
def test_a_speaker_before_a_colon(headline, frames):
    assert _frames(headline) == frames


def test_a_headline_verb_of_saying_is_a_frame():
    frames = _frames("Mayor says the bridge will stay shut until spring")
    assert [(source, cue) for source, cue, _ in frames] == [("Mayor", "says")]


@pytest.mark.parametrize("headline, frames", [
    ("Harbour Master Says Ferry Lanes Will Reopen On Monday",
     [("Harbour Master", "Says", ["Ferry Lanes Will Reopen On Monday"])]),
    ("Ana Ruiz Warns The New Ward Is Not Ready",
     [("Ana Ruiz", "Warns", ["The New Ward Is Not Ready"])]),
    # title case with no reporting verb near the start: nobody is cited
    ("Rescuers Reach The Last Village Before Nightfall", []),
])
def test_title_case_headline_with_a_speaker_and_a_reporting_verb(headline, frames):
    assert _frames(headline) == frames
