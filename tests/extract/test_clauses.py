import pytest

from factcheck import extract, split_sentences
from factcheck.extract import clauses


@pytest.mark.parametrize("text, expected", [
    ("A landslide blocked the mountain road, which had reopened on Friday.",
     ["A landslide blocked the mountain road", "which had reopened on Friday"]),
    ("The storm hit the coast overnight, killing four people.",
     ["The storm hit the coast overnight", "killing four people"]),
    ("The gale brought down lines across the valley, cutting power to 2,000 farms.",
     ["The gale brought down lines across the valley", "cutting power to 2,000 farms"]),
    ("The walkout shut the ferry terminal, stranding hundreds of lorry drivers.",
     ["The walkout shut the ferry terminal", "stranding hundreds of lorry drivers"]),
    ("Flooding swept the valley, leaving more than 200 homes without power.",
     ["Flooding swept the valley", "leaving more than 200 homes without power"]),
    # manner, a preposition, a restrictive relative: one claim
    ("The pilot landed the plane, wearing an oxygen mask.", ["The pilot landed the plane, wearing an oxygen mask"]),
    ("Nine people were hurt, including two children.", ["Nine people were hurt, including two children"]),
    ("The man who drove the lorry was arrested.", ["The man who drove the lorry was arrested"]),
])
def test_comment_clauses_with_a_fact_of_their_own_are_claims_of_their_own(text, expected):
    assert [c.text for c in extract(text).claims] == expected


@pytest.mark.parametrize("text, expected", [
    # coordinated main clauses, whatever opens the second subject
    ("Forty volunteers searched the woods, and one of them found the dog.",
     ["Forty volunteers searched the woods", "one of them found the dog"]),
    ("The bridge held, but dozens of cars were trapped on it.",
     ["The bridge held", "dozens of cars were trapped on it"]),
    ("The shop opened at nine, and by noon the shelves were empty.",
     ["The shop opened at nine", "by noon the shelves were empty"]),
    # a second verb phrase of one subject, when each half can be checked alone
    ("The roof caved in on Tuesday and injured two workers inside.",
     ["The roof caved in on Tuesday", "injured two workers inside"]),
    ("The lorry was stopped near the border but was later released.",
     ["The lorry was stopped near the border", "was later released"]),
    # gapping, outcomes joined by "and", shares of a count, "when" clauses
    ("Six patients were moved on Friday and six more on Saturday.",
     ["Six patients were moved on Friday", "six more on Saturday"]),
    ("The blast shook the market, killing two people and injuring 30.",
     ["The blast shook the market", "killing two people", "injuring 30"]),
    ("Fifty people were treated, 12 of them in intensive care.",
     ["Fifty people were treated", "12 of them in intensive care"]),
    ("Two men were hurt when a crane toppled onto the road.",
     ["Two men were hurt", "a crane toppled onto the road"]),
    # what stays whole: noun phrases joined by "and", a short pair of verbs
    ("The mayor and the fire chief visited the site.", ["The mayor and the fire chief visited the site"]),
    ("Fans cheered and sang.", ["Fans cheered and sang"]),
])
def test_joined_clauses_are_claims_of_their_own(text, expected):
    assert [c.text for c in extract(text).claims] == expected


def test_a_quotation_is_split_only_at_its_main_clauses():
    text = '"The water rose fast, and nobody could get out," said Ann Lee. "We ran upstairs and waited."'
    assert [c.text for c in extract(text).claims] == [
        "The water rose fast", "nobody could get out", "We ran upstairs and waited"]


def test_a_verb_with_a_particle_is_no_cue_unless_the_verb_is_one():
    claims = extract("The fire broke out in the basement.").claims
    assert [(c.text, c.attribution.cue) for c in claims] == [("The fire broke out in the basement", None)]
    pointed = extract("The minister pointed out that the road was closed.").claims
    assert pointed[0].attribution.cue.startswith("pointed") and pointed[0].text == "the road was closed"


@pytest.mark.parametrize("text, expected", [
    ("The ferry left at 9 p.m. The crew said nothing.", ["The ferry left at 9 p.m.", "The crew said nothing."]),
    ("The ferry left at 9 p.m. Monday.", ["The ferry left at 9 p.m. Monday."]),
    ("The ferry left at 9 p.m. GMT from the pier.", ["The ferry left at 9 p.m. GMT from the pier."]),
])
def test_a_clock_abbreviation_ends_a_sentence_before_a_new_one(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize("text", [
    "The dam held, and the water fell; engineers - two of them - checked it.",
    "Crews worked while it rained, whereas others slept but woke when the siren went.",
    "The storm hit, after the warning, killing two people and injuring four, which was the worst.",
    "The road stayed shut – or so it seemed — until noon, 20 of them still stuck.",
    "Nothing here joins anything",
])
def test_joins_skip_only_patterns_that_cannot_match(text):
    # _joins skips a pattern's scan when the text lacks its fixed characters: never a join lost
    every = [(m.span(), kind) for pattern, kind in (
        (clauses._COORDINATOR, "coordinator"), (clauses._HARD_BREAK, "hard"), (clauses._WHEN, "when"),
        (clauses._ADDED_CLAUSE, "added"), (clauses._AND_OUTCOME, "added")) for m in pattern.finditer(text)]
    assert [(m.span(), kind) for m, kind in clauses._joins(text, 0, len(text))] == every
