"""normalise.words: what each word of a claim reads as."""
import pytest

from factcheck.match.normalise import content_keys, words

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


@pytest.mark.parametrize("phrasal, verb, single", [
    ("The second device went off near the stand", "went", "exploded"),
    ("Fire broke out in the kitchen", "broke", "started"),
    ("The storm brought down the church steeple", "brought", "toppled"),
    ("Divers brought the last three miners out", "brought", "emerged"),  # the object stands between
    ("The club called off the final", "called", "cancelled"),
    ("The minister stepped down on Friday", "stepped", "resigned"),
    ("Police shut down the bridge", "shut", "closed"),
    ("The president went to the scene", "went", "visited"),
    ("The march went ahead on Sunday", "went", "proceeded"),
])
def test_a_verb_and_its_particle_read_as_one_word(phrasal, verb, single):
    key = next(w.key for w in words(phrasal) if w.written == verb)
    assert key == words(single)[0].key


@pytest.mark.parametrize("text, verb", [
    ("He went home, then off to work", "went"),             # a break stands between them
    ("The bomb squad went in", "went"),                     # no such phrasal
    ("They brought the documents to the court", "brought"),
])
def test_a_verb_without_its_particle_keeps_its_key(text, verb):
    assert next(w.key for w in words(text) if w.written == verb) == verb


def test_approximators_are_no_content_words():
    assert content_keys(words("at least 12 died, almost 40 hurt, roughly 3 missing")) == \
        ["12", "die", "40", "injure", "3", "mis"]


@pytest.mark.parametrize("form, group_word", [
    ("injuring", "injured"), ("toppling", "collapsed"), ("detonating", "exploded"), ("person", "people"),
])
def test_other_forms_find_their_synonym_group(form, group_word):
    assert words(form)[0].key == words(group_word)[0].key


@pytest.mark.parametrize("one, other", [("expected", "likely"), ("expects", "probably"), ("quake", "earthquake"),
                                        ("jobless", "unemployment"), ("firm", "company")])
def test_words_of_one_likelihood_share_a_key(one, other):
    """"The toll is expected to rise" says what "the toll is likely to rise" says; news synonyms."""
    assert words(one)[0].key == words(other)[0].key


def test_a_short_stem_finds_no_group():
    assert words("states")[0].key != words("stated")[0].key  # "stat": the United States say nothing
