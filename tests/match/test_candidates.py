"""Linking: a new article's claims are related to the claims of its story, and of the articles of
other stories most alike it; nothing else is compared."""
from hypothesis import given, settings, strategies as st

from factcheck import Store
from factcheck.match.candidates import Pool
from factcheck.store.stories import LINK_ARTICLES, OUTSIDE_ARTICLES, StoryPlan, Stories

ARRESTS = "Police said 243 people were arrested in Anpiba on Friday after the riots near the Vardell stadium."
RETOLD = "243 people were detained in Anpiba, the mayor told reporters after the Vardell stadium riots."


def linked_articles(store, article_id):
    return {link["other_article"] for link in store.links(article_id)}


def test_a_claim_told_again_in_other_words_is_linked_inside_its_story():
    store = Store(":memory:")
    first = store.ingest(f"Riots in Anpiba\n{ARRESTS}\n").article_id
    second = store.ingest(f"Anpiba riots\n{RETOLD}\n").article_id
    assert store.story_of(first) == store.story_of(second)
    assert linked_articles(store, second) == {first}


def test_an_alike_article_of_another_story_is_still_linked():
    store = Store(":memory:")
    first = store.ingest(f"Riots in Anpiba\n{ARRESTS}\n", published="2026-03-06").article_id
    # a week and more later: another story, yet the same names and numbers
    later = store.ingest(f"Anpiba riots\n{RETOLD}\n", published="2026-03-20").article_id
    assert store.story_of(first) != store.story_of(later)
    assert linked_articles(store, later) == {first}


def test_claims_of_unrelated_stories_are_not_compared():
    store = Store(":memory:")
    store.ingest(f"Riots in Anpiba\n{ARRESTS}\nThe man fled on foot, police said.\n")
    other = store.ingest("Budget vote in Lyon\nThe council approved the budget for Lyon cycle lanes.\n"
                         "The man fled on foot, witnesses said.\n").article_id
    assert linked_articles(store, other) == set()  # the same words, but nothing says it is the same event


def test_the_articles_compared_are_bounded(tmp_path):
    store = Store(tmp_path / "claims.db")
    text = "\n".join(f"Officials said {n + 20} people were evacuated from the Vardell stadium in Anpiba." for n in range(5))
    ids = [r.article_id for r in store.ingest_many(
        {"text": f"Dispatch {k} from Anpiba\n{text}\nThe count rose to {k + 300}.\n", "link": False} for k in range(40))]
    story = store.story_of(ids[0])
    assert all(store.story_of(a) == story for a in ids)
    stories = Stories(store.db)
    inside, outside = stories.link_articles(story, StoryPlan(story, []))
    assert len(inside) == LINK_ARTICLES and set(inside) <= set(ids) and outside == []
    alike = [(a, None) for a in range(1000, 1010)]
    assert [len(found) for found in stories.link_articles(story, StoryPlan(story, alike))] == [LINK_ARTICLES, OUTSIDE_ARTICLES]


# -- Pool.closest against a plain count -------------------------------------------------------

WORDS = ["Anpiba", "riots", "stadium", "Vardell", "243", "arrested", "detained", "police", "mayor",
         "killed", "died", "fled", "budget", "Lyon", "council", "seven", "people", "Friday"]


def closest_by_counting(pool_rows, outside_rows, text):
    """What Pool.closest is meant to give, counted claim by claim: the claims sharing most keys
    (a claim of another story: two, and a name or number), ties by rapidfuzz then age."""
    from rapidfuzz import fuzz

    from factcheck.match.candidates import CANDIDATES_PER_CLAIM, _reach, claim_keys
    rows = pool_rows + outside_rows
    keys, names = claim_keys(text)
    shared = {}
    for index, (_, other, _) in enumerate(rows):
        other_keys = claim_keys(other)[0]
        n = sum(1 for key in keys if not other_keys.isdisjoint(_reach(key)))
        inside = index < len(pool_rows)
        if n >= 1 and (inside or (n >= 2 and not names.isdisjoint(other_keys))):
            shared[index] = n
    ranked = sorted(shared, key=lambda i: (-shared[i], -fuzz.token_set_ratio(text, rows[i][1]), i))
    if len(ranked) > CANDIDATES_PER_CLAIM:
        last = shared[ranked[CANDIDATES_PER_CLAIM - 1]]
        ranked = [i for i in ranked if shared[i] > last] + [i for i in ranked if shared[i] == last]
    return [rows[i] for i in sorted(ranked[:CANDIDATES_PER_CLAIM])]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=7), min_size=0, max_size=40),
       st.integers(min_value=0, max_value=12),
       st.lists(st.sampled_from(WORDS), min_size=0, max_size=8))
def test_the_closest_claims_are_those_sharing_most_keys(claims, outside, words):
    rows = [(n, " ".join(ws), 0) for n, ws in enumerate(claims)]
    inside, others = rows[:max(0, len(rows) - outside)], rows[max(0, len(rows) - outside):]
    text = " ".join(words)
    assert Pool(inside, others).closest(text) == closest_by_counting(inside, others, text)
