"""Arbitrary text never breaks the pipeline, and every span it reports indexes the text."""
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import extract, split_sentences

NEWSY = st.lists(st.sampled_from([
    "Police said", "the minister", ",", ".", "“", "”", '"', "according to", "Reuters", "told",
    "and", "a man", "fled", "\n", "\n\n", "Mr.", "U.S.", "- though", "calling them", "(", ")",
    "who said", "Witnesses", "said", ":", ";", "he", "had not", "12", " ",
]), max_size=40).map(" ".join)


def _check(text: str) -> None:
    extraction = extract(text)
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
    for claim in extraction.claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start:claim.end] == claim.text
        for span in (claim.attribution.source_span, claim.attribution.cue_span):
            if span is not None:
                assert 0 <= span.start < span.end <= len(text)
                assert text[span.start:span.end] == span.text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text(text):
    _check(text)


@settings(max_examples=300, deadline=None)
@given(NEWSY)
def test_news_like_text(text):
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text())
def test_relate_never_fails_on_any_text(a, b):
    from factcheck import relate
    from factcheck.match.relate import RELATIONS
    relation = relate(a, b)
    assert relation.label in RELATIONS
    assert 0.0 <= relation.score <= 1.0


@settings(max_examples=200, deadline=None)
@given(NEWSY, NEWSY)
def test_relate_on_news_like_text(a, b):
    from factcheck import relate
    assert relate(a, b).label in ("agree", "contradict", "related", "unrelated")
