"""WordNet's relations in normalise: antonym_keys and lexical_keys, looked up by word keys."""
import pytest

from factcheck.match.normalise import antonym_keys, key_of, lexical_keys


def key(word: str) -> str:
    return key_of(word.lower())


@pytest.mark.parametrize("word, opposite", [
    ("upheld", "overturned"),      # hand-written news pair
    ("uphold", "overturn"),
    ("guilty", "acquitted"),
    ("convicted", "acquitted"),
    ("stable", "critical"),        # a patient's condition
    ("inside", "outside"),
    ("stayed", "left"),
    ("found", "missing"),
    ("ascend", "descend"),         # WordNet
    ("armed", "unarmed"),
    ("married", "unmarried"),
    ("employed", "unemployed"),
    ("confirmed", "unconfirmed"),
    ("early", "late"),
    ("died", "alive"),             # the hand list in normalise.py still counts
    ("survived", "shattered"),     # a building or a window that survived or did not
    ("intact", "destroyed"),
    ("profit", "loss"),            # of accounts
    ("cancelled", "proceeded"),    # "called off" / "went ahead"
])
def test_antonyms_both_ways(word, opposite):
    assert key(opposite) in antonym_keys(key(word))
    assert key(word) in antonym_keys(key(opposite))


@pytest.mark.parametrize("word, other", [
    ("sold", "bought"),            # one deal seen from both sides: left out
    ("before", "after"),           # stop words: no antonyms from WordNet
    ("arrested", "stay"),          # "arrest" = "stay" (of execution) is a rare sense
])
def test_not_antonyms(word, other):
    assert key(other) not in antonym_keys(key(word))


def linked(a: str, b: str) -> bool:
    """Whether b's key is a's or one lexical_keys gives for a's."""
    return key(a) == key(b) or key(b) in lexical_keys(key(a))


@pytest.mark.parametrize("word, other", [
    ("capsized", "overturned"),    # capsize: a kind of overturn
    ("overturned", "upended"),
    ("vessel", "boat"),            # boat: a kind of vessel (its second sense)
    ("yacht", "vessel"),
    ("warship", "ship"),
    ("killed", "died"),            # kill causes die
    ("assassinated", "killed"),
    ("arrested", "apprehended"),   # synonyms in their first senses
    ("frightened", "scared"),
    ("chuckled", "chortled"),
])
def test_lexical_links(word, other):
    assert linked(word, other)


def test_every_relation_goes_both_ways():
    # causes too: "three were killed" and "three died" say one thing, whichever claim comes first
    assert key("boat") in lexical_keys(key("yacht")) and key("yacht") in lexical_keys(key("boat"))
    assert key("die") in lexical_keys(key("kill")) and key("kill") in lexical_keys(key("die"))


@pytest.mark.parametrize("word, other", [
    ("killed", "defeated"),        # "kill a motion": kill's second sense, seldom used
    ("arrested", "halted"),        # "arrest" = stop: rare next to the police sense
    ("court", "woo"),              # "court" is seldom the verb
    ("crashed", "flaming"),        # "crashing" the intensifier ("a crashing bore")
    ("bank", "money"),             # never related in WordNet directly
])
def test_polysemy_does_not_link(word, other):
    assert not linked(word, other)
    assert not linked(other, word)


def test_lookups_are_frozen_and_leave_out_the_key_and_stop_words():
    related = lexical_keys(key("boat"))
    assert isinstance(related, frozenset) and isinstance(antonym_keys(key("guilty")), frozenset)
    assert key("boat") not in related
    assert not (related | antonym_keys(key("inside"))) & {"in", "out", "the", "not"}
    assert lexical_keys("qqqq") == frozenset() and antonym_keys("qqqq") == frozenset()
