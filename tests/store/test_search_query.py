"""Search queries: what a person types becomes a quoted FTS5 query, or a message; never a crash."""
import pytest
from hypothesis import given, settings, strategies as st

from factcheck import Store
from factcheck.store.search_query import SearchSyntaxError, fts_query, word_forms
from conftest import SEED

STORE = Store(":memory:")
STORE.ingest(SEED.read_text(encoding="utf-8"), name="montrouge")


@pytest.mark.parametrize("query, expected", [
    ("vest", '"vest"'),
    ("bullet-proof vest", '"bullet-proof" AND "vest"'),
    ('"bullet-proof vest"', '"bullet-proof vest"'),
    ("polic*", '"polic"*'),
    ("Renault OR Peugeot", '"Renault" OR "Peugeot"'),
    ("vest NOT (attacker OR gunman)", '"vest" NOT ( "attacker" OR "gunman" )'),
    ("policewomen", '("policewomen" OR "policewoman")'),
    ('"two policemen"', '("two policemen" OR "two policeman")'),
    ("text:vest ^NEAR", '"text:vest" AND "^NEAR"'),
    ('vest "Renault Clio"', '"vest" AND "Renault Clio"'),
])
def test_queries_become_quoted_fts5(query, expected):
    assert fts_query(query) == expected


@pytest.mark.parametrize("query, message", [
    ('"vest', "never closed"), ("NOT vest", "needs a word before it"), ("vest AND", "needs a word after it"),
    ("(vest", "never closed"), ("vest)", "closes no"), ("( )", "holds no words"), ("", "nothing to search for"),
    ("- *", "nothing to search for"), ("vest OR NOT gun", "after OR needs a word before it"),
])
def test_malformed_queries_say_what_is_wrong(query, message):
    with pytest.raises(SearchSyntaxError, match=message):
        fts_query(query)


def test_irregular_forms_both_ways_but_not_for_look_alikes():
    assert word_forms("policewoman") == ["policewoman", "policewomen"]
    assert word_forms("fled") == ["fled", "flee"]
    assert word_forms("Oman") == ["Oman"] and word_forms("German") == ["German"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list('a "()*-:^') + [" OR ", " NOT ", " AND ", "vest", "polic"]), max_size=12).map("".join)
       | st.text(max_size=30))
def test_any_query_gives_hits_or_a_message(query):
    try:
        hits = STORE.search(query)
    except SearchSyntaxError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert isinstance(hits, list)
