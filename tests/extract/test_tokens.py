import pytest

from factcheck.extract.tokens import Tokens


@pytest.mark.parametrize("text, expected", [
    ("Police said he fled.", ["Police", "said", "he", "fled", "."]),
    ("Mr. Valls didn't say", ["Mr.", "Valls", "didn't", "say"]),
    ("the U.S. Air Force", ["the", "U.S.", "Air", "Force"]),
    ("a so-called “vest”", ["a", "so-called", "“", "vest", "”"]),
    ("at 9.45pm, 1,200 homes", ["at", "9.45pm", ",", "1", ",", "200", "homes"]),
])
def test_tokens_split_words_and_marks(text, expected):
    assert [t.text for t in Tokens(text).all] == expected


def test_every_token_points_into_the_text_with_its_facts():
    text = "  Twelve people died in 2015, Valls said.\n"
    tokens = Tokens(text)
    for t in tokens.all:
        assert text[t.start:t.end] == t.text and t.lower == t.text.lower()
    by_text = {t.text: t for t in tokens.all}
    assert by_text["2015"].number == 2015.0 and by_text["Twelve"].number is None
    assert by_text["Valls"].capitalised and not by_text["people"].capitalised
    assert not by_text[","].is_word and by_text["died"].is_word


def test_between_gives_the_tokens_that_begin_in_a_stretch():
    text = "One two three. Four five."
    tokens = Tokens(text)
    assert [t.text for t in tokens.between(4, 14)] == ["two", "three", "."]
    assert [t.text for t in tokens.words(4, 14)] == ["two", "three"]
    assert tokens.between(15, 15) == []
