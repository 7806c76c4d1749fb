import pytest

from factcheck import extract


@pytest.mark.parametrize("text, expected", [
    ("A landslide blocked the mountain road, which had reopened on Friday.",
     ["A landslide blocked the mountain road", "which had reopened on Friday"]),
    ("The storm hit the coast overnight, killing four people.",
     ["The storm hit the coast overnight", "killing four people"]),
    ("Flooding swept the valley, leaving more than 200 homes without power.",
     ["Flooding swept the valley", "leaving more than 200 homes without power"]),
    # manner, a preposition, a restrictive relative: one claim
    ("The pilot landed the plane, wearing an oxygen mask.", ["The pilot landed the plane, wearing an oxygen mask"]),
    ("Nine people were hurt, including two children.", ["Nine people were hurt, including two children"]),
    ("The man who drove the lorry was arrested.", ["The man who drove the lorry was arrested"]),
])
def test_comment_clauses_with_a_fact_of_their_own_are_claims_of_their_own(text, expected):
    assert [c.text for c in extract(text).claims] == expected
