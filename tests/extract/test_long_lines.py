"""Text with no sentence end for megabytes: cut into bounded sentences, offsets exact, in linear time."""
from factcheck.extract import extract
from factcheck.extract.segment import MAX_SENTENCE_CHARS, split_sentences


def test_a_sentence_with_no_end_is_cut_at_spaces_within_the_limit():
    text = "police cars parked near the old station " * 500  # 20,000 characters, no full stop
    sentences = split_sentences(text)
    assert len(sentences) >= len(text) // MAX_SENTENCE_CHARS
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start:s.end] == s.text and s.text == s.text.strip() for s in sentences)
    assert " ".join(s.text for s in sentences).split() == text.split()  # no word lost or split


def test_a_word_longer_than_the_limit_is_cut_and_nothing_is_lost():
    text = "x" * (3 * MAX_SENTENCE_CHARS + 5)
    sentences = split_sentences(text)
    assert "".join(s.text for s in sentences) == text


def test_sentences_of_normal_length_are_not_cut():
    text = "Police said the man fled on foot, " + "and the car stopped, " * 80 + "witnesses said."
    assert len(text) < MAX_SENTENCE_CHARS
    assert [s.text for s in split_sentences(text)] == [text]


def test_a_clock_time_on_a_long_line_still_ends_a_sentence_or_not():
    text = "The shop closed at 5 p.m. Monday, police said. It opened at 9 a.m. The mayor came."
    assert [s.text for s in split_sentences(text)] == [
        "The shop closed at 5 p.m. Monday, police said.", "It opened at 9 a.m.", "The mayor came."]


def test_many_cues_in_one_endless_line_keep_their_claims_and_offsets():
    text = ("police cars parked near the old station " * 40 + "officials said ") * 60
    found = extract(text)
    assert found.claims and all(text[c.start:c.end] == c.text for c in found.claims)
    attributed = [c for c in found.claims if c.attribution.source]
    assert attributed and all(c.attribution.cue == "said" and "officials" in c.attribution.source for c in attributed)
    # text before a leading "officials said" with no comma is the writer's, kept, never dropped
    assert all(c.attribution.kind == "unattributed" for c in found.claims if not c.attribution.source)
