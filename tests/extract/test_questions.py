"""A question put to someone is a frame whose content is the question; the one asked is no source."""
import pytest

from factcheck import extract

BODY = "Council notes\n\nThe port reopened on Monday after the storm.\n\n"  # a headline, then the body


def _frames(sentence: str):
    found = extract(BODY + sentence)
    return [(f.cue.text, f.source.text if f.source else None, [found.text[s:e] for s, e in f.content])
            for f in found.frames]


@pytest.mark.parametrize("sentence, frame", [
    ("When asked about the levy, the mayor said the count was fair.", ("asked about", None, ["the levy"])),
    ("Asked what went wrong, the engineer said the pump failed.", ("Asked", None, ["what went wrong"])),
    ("Okafor was asked by host Dana Wells whether she would run again.",
     ("was asked", "host Dana Wells", ["Okafor", "whether she would run again."])),
    ("The chief was repeatedly asked to resign.", ("was repeatedly asked", None, ["The chief", "to resign."])),
])
def test_a_question_put_to_someone(sentence, frame):
    assert frame in _frames(sentence)


@pytest.mark.parametrize("sentence, source", [
    ("Lena Ortiz, a council member, asked the minister whether he had a plan.", "Lena Ortiz, a council member"),
    ("The mayor asked residents to stay indoors.", "The mayor"),
])
def test_the_asker_is_the_source(sentence, source):
    assert [f[1] for f in _frames(sentence) if f[0] == "asked"] == [source]


def test_a_question_gives_no_claim_its_attribution():
    claims = extract(BODY + "Asked about the levy, the mayor said the count was fair.").claims
    assert [(c.text, c.attribution.source) for c in claims[1:]] == [("the count was fair", "the mayor")]
