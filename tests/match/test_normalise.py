"""normalise.words: what each word of a claim reads as."""
import pytest

from factcheck.match.normalise import words

CASES = [
    # text, word index, (key, number, capitalised, after_break, written)
    ("Twelve people died", 0, ("12", 12.0, False, False, "twelve")),           # the first word is never "capitalised"
    ("The Mayor spoke", 1, ("mayor", None, True, False, "mayor")),
    ("Michigan's governor", 0, ("michigan", None, False, False, "michigan's")),  # possessive dropped from the key
    ("It flew an A320 jet", 4, ("320", None, False, False, "320")),            # glued to letters: no count
    ("the 9/11 attacks", 1, ("9", None, False, False, "9")),
    ("he said: 40 left", 2, ("40", 40.0, False, True, "40")),                   # a colon stands before it
    ("fifty-seven were hurt", 0, ("57", 57.0, False, False, "fifty-seven")),
    ("up 4 per cent", 2, ("percent", None, False, False, "cent")),            # "per cent" is one word
]


@pytest.mark.parametrize("text, index, expected", CASES)
def test_words_read(text, index, expected):
    word = words(text)[index]
    assert (word.key, word.number, word.capitalised, word.after_break, word.written) == expected


def test_a_word_reads_the_same_wherever_it_stands():
    glued, counted = words("an A320 jet"), words("320 jets and 320 cars")
    assert glued[2].number is None and counted[0].number == counted[3].number == 320.0
    assert [w.key for w in words("They fled.")] == [w.key for w in words("they fled")]
