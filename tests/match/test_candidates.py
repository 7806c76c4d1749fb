"""linking: the index query finds the claims that say the same thing, and the word counts it ranks words by."""
from factcheck import Store
from factcheck.match.candidates import query_for
from factcheck.store.links import Frequencies


def test_word_counts_are_read_again_once_the_store_has_grown():
    store = Store(":memory:")
    store.ingest("Police said the gunman fled in a Renault Clio car.", name="a")
    counts = Frequencies(store.db)
    assert counts("renault") == 1 and not counts.stale()
    text = "\n".join(f"Officials said {n} people were evacuated from the station." for n in range(40))
    list(store.ingest_many({"text": f"Dispatch {k}\n{text}\n", "link": False} for k in range(30)))
    assert counts.stale() and counts("renault") == 1  # what it read stays until it is replaced


def test_word_counts_cover_short_numbers_and_forget_words_not_yet_stored():
    store = Store(":memory:")
    store.ingest("Police said 86 people were arrested in Nanble.", name="a", link=False)
    counts = Frequencies(store.db)
    assert counts("86") == 1 and counts("villegers") == 0
    store.ingest("Police said the suspect fled to Villegers.", name="b", link=False)
    counts.forget_unseen()  # as linking does before each article
    assert counts("villegers") == 1 and counts("86") == 1  # the next article of a batch finds the first


def test_an_old_claim_is_found_when_told_again_in_other_words():
    store = Store(":memory:")
    store.ingest("Police said 243 people were arrested in Anpiba.", name="original", link=False)
    towns = [f"Town{chr(97 + k // 26)}{chr(97 + k % 26)}" for k in range(300)]
    text = "\n".join(f"Officials said {n + 2} people were arrested in {town}." for n, town in enumerate(towns))
    store.ingest(f"Dispatch\n{text}\n", name="newer", link=False)  # 300 newer claims of arrests
    retold = store.ingest("243 people were detained in Anpiba, the mayor told reporters.", name="retold")
    # "detained" is asked for with "arrested", so it is as common as "arrested", not rare
    assert 1 in {link["other_article"] for link in store.links(retold.article_id)}


def test_the_index_is_not_asked_for_the_two_halves_of_one_name():
    store = Store(":memory:")
    query = query_for("The suspect escaped in a Toyota Yaris in Villegers", Frequencies(store.db))
    assert '("villegers")' in query and '("toyota") AND ("yaris")' not in query \
        and '("yaris") AND ("toyota")' not in query
