"""relate(): agreement, contradiction and their reasons; compare() on the seed reports."""
import glob

import pytest

from factcheck import Store, relate
from conftest import ROOT

CASES = [
    ("Twelve people were killed", "Eleven people died in the attack", "contradict", ("Twelve people", "Eleven people")),
    ("Witnesses said the shooter fled in a Renault Clio car", "the gunman escaped in a Peugeot",
     "contradict", ("Renault Clio", "Peugeot")),
    ("He had fought in Syria before the attack", "He had not fought in Syria before the attack", "contradict", None),
    ("The policewoman died in hospital", "The policewoman survived in hospital", "contradict", ("died", "survived")),
    ("The attack happened on Wednesday in Paris", "The attack happened on Thursday in Paris", "contradict", None),
    ("The gunman wore a bullet-proof vest", "the attacker wore a bullet-proof vest", "agree", None),
    ("a dozen people were arrested", "12 people were arrested", "agree", None),
    ("The weather in Paris was cold", "Seven people were arrested in Lyon", "unrelated", None),
    # a negation counts only where it bears on what the other claim says, in whatever words
    ("The two men, whose names were not released, had Pakistani passports", "The two men had Pakistani passports",
     "agree", None),
    ("Carlson said he would not recuse himself from the case", "Carlson refused to recuse himself from the case",
     "agree", None),
    ("Carlson recused himself from the case", "Carlson refused to recuse himself from the case", "contradict", None),
    # a negation on one side of loosely alike claims (two incidents of the seed reports): no agreement
    ("there were no wounded", "A municipal worker who was hit in the shooting survived", "related", None),
    ("No, Banksy has not been arrested", "Street artist Banksy was arrested", "contradict", None),
    ("Street artist Banksy was arrested", "Banksy arrest story is a hoax", "contradict", None),
    # a claim with a "not" of its own is still refuted as a whole
    ("ESPN planned a domestic violence panel that didn't include any women",
     "That ESPN domestic violence panel isn't real", "contradict", None),
    # no conflict: a model name, one place spelt two ways, both outcomes on both sides, figures both give
    ("The airline will fly 40 Airbus A320 jets next year", "The airline will fly 40 jets next year", "agree", None),
    ("Kurdish fighters pushed back the militants in Kobane", "Kurdish fighters pushed back the militants in Kobani",
     "agree", None),
    ("Doctors said one boy may die and may be brain damaged if he survives",
     "Doctors said one boy may die, and may be brain damaged if he survives", "agree", None),
    ("The injured dropped to 2.92 million in 2002 from 3.03 million",
     "The injured fell from 3.03 million in 2001 to 2.92 million in 2002", "agree", None),
    # one claim saying all the other says, and more, agrees with it
    ("The gunman wore a bullet-proof vest and fled in a Renault Clio", "the gunman wore a bullet-proof vest", "agree", None),
    ("The gunman wore a bullet-proof vest", "the attacker had been wearing a bullet-proof vest, police sources said",
     "agree", None),
]


# Each of these once raised a false conflict; the same facts stated two ways are no contradiction.
NO_CONFLICT = [
    ("Fifty-seven senators, including 24 Republicans, have signed the letter",
     "Of those who signed the letter, 57 are senators, including 24 Republicans"),  # number words
    ("Wyeth estimates that 1.2 million women still take the pills", "Wyeth estimates that 1,2 million women still take the pills"),
    ("An episode is declared when ozone reaches .20 parts per million", "An episode is declared when ozone reaches 0.20 parts per million"),
    ("Maddox, 87, cracked two ribs when he fell",  # an age and a year, not counts of cracks
     "Maddox, who had battled cancer since 1983, cracked two ribs when he fell"),
    ("Florida's primary isn't until March 9", "Florida's primary will be on March 9"),  # not a negation
    ("Company spokesman Jack Ferry would not comment on its status", "Company spokesman Jack Ferry declined comment on its status"),
    ("Brian Florence died of heart failure in Alexandria", "Brian Florence died in Alexandria"),
    ("Wal-Mart has expanded its policy to protect gay employees, officials said Tuesday",  # reporting days
     "Wal-Mart has expanded its policy to protect gay employees, officials said Wednesday"),
    ("SSE will sell the assets to fellow British utility International Power",
     "SSE will sell the assets to fellow UK utility International Power"),  # one country, two names
    ("Ridge said no actual explosives will be used in the exercise",  # "no real X" refutes nothing
     "Ridge said no real explosives will be used in the exercise"),
    ("Al-Hassan called the charges baseless", "Al-Hassan dismissed the charges"),  # both say no
    ("United Airlines plans to offer e-mail on all domestic flights",  # the first word is part of the name
     "United Airways plans to offer e-mail on all domestic flights"),
    ("The case was heard under the Americans with Disabilities Act",  # a name with "with" in it
     "The case was heard under the ADA"),
    ("A Michigan pizza delivery driver received a 2,084 dollar tip",  # a rounded figure
     "A Michigan pizza delivery driver received a 2,000 dollar tip"),
    ("The woman says surgery gave her a third breast",  # a hoax refuted is a claim upheld
     "The woman says surgery gave her a third breast, and it is no hoax"),
    ("Apple will hold a media event in February", "Apple may or may not hold a media event in February"),
    ("The plumber saw his company truck used by fighters in Syria",
     "The plumber has no idea how fighters in Syria saw his company truck"),
]


@pytest.mark.parametrize("a, b", NO_CONFLICT)
def test_no_false_conflict(a, b):
    relation = relate(a, b)
    assert relation.label != "contradict" and not relation.conflicts, relation


def test_percent_written_three_ways_is_one_word():
    from factcheck.match.normalise import words
    keys = {tuple(w.key for w in words(text)) for text in ("4 per cent", "4%", "4 percent", "four percent")}
    assert keys == {("4", "percent")}


def test_may_the_verb_is_no_month_and_may_the_month_no_rumour():
    assert not relate("Officials may close the road next week", "Officials will close the road in June").conflicts
    assert relate("The road was closed on May 3", "The road was closed on June 3").label == "contradict"
    assert "b only reports" not in relate("27 troops have been killed since Bush spoke",
                                          "27 troops have been killed since May 1").reasons[0]


def test_figures_rounded_far_apart_still_conflict():
    assert relate("2,000 people marched in the city", "1,500 people marched in the city").label == "contradict"


def test_the_day_of_the_event_still_counts():
    relation = relate("Officials said the attack happened on Tuesday", "Officials said the attack happened on Wednesday")
    assert relation.label == "contradict"


@pytest.mark.parametrize("a, b, label, conflict", CASES)
def test_relate(a, b, label, conflict):
    relation = relate(a, b)
    assert relation.label == label, relation
    assert 0.0 <= relation.score <= 1.0 and relation.reasons
    assert relation.score == round(relation.score, 3)  # a confidence as people read it, not 0.8134203824
    if conflict:
        assert conflict in relation.conflicts


def test_a_price_is_money_not_a_count_of_the_name_after_it():
    relation = relate("Freddie Mac shares were down 16 percent at $50.18 on the Nasdaq",
                      "Freddie Mac shares were down 16 percent at $52 on the Nasdaq")
    assert relation.conflicts == (("$50.18", "$52"),) and "Nasdaq" not in " ".join(relation.reasons)


def test_claims_about_different_things_that_share_words_are_not_agreement():
    assert relate("two suspects were arrested", "two officers were wounded").label != "agree"
    assert relate("Police said two suspects were arrested", "Police said two officers were wounded").label != "agree"


def test_reported_rumour_is_not_agreement():
    assert relate("Apple will release a new watch", "Apple could reportedly release a new watch").label == "related"


def test_a_possibility_the_model_is_sure_of_still_agrees():
    # "could face" is the penalty the law sets, the same as "faces": a word of possibility alone
    # does not keep two claims that otherwise say one thing apart
    relation = relate("The suspect could face life in prison if convicted", "The suspect faces life in prison if convicted")
    assert relation.label == "agree"


# A word that says no ("avoid", "declined") stands for the other side's "not": the claims may agree.
@pytest.mark.parametrize("a, b, label", [
    ("The mayor urged residents to stay indoors and avoid the river banks",
     "The mayor asked residents to stay at home and not go near the river banks", "agree"),
    ("The mayor urged residents to stay indoors and visit the river banks",
     "The mayor asked residents to stay at home and not go near the river banks", "contradict"),
])
def test_a_word_that_says_no_answers_not(a, b, label):
    assert relate(a, b).label == label


# A word that calls the other claim false ("fabricated", "unfounded") contradicts it even between
# claims worded apart, as a plain "not" does not; in a passage many times longer it may be about
# anything in it, and counts as a plain negation.
@pytest.mark.parametrize("a, b, label, reason", [
    ("The mayor resigned after the flood inquiry", "Reports that the mayor quit over the flood inquiry are fabricated",
     "contradict", "called false on one side only: 'fabricated'"),
    ("Police found a second bomb near the station", "Claims of a second bomb near the station are unfounded",
     "contradict", "called false on one side only: 'unfounded'"),
    ("The satirical weekly printed the cartoon on Wednesday", "The weekly printed the cartoon on Wednesday",
     "agree", None),  # a satirical paper is no refutation
    # phrases that call a report false, and a refuting verb's refuting object
    ("Wolves were seen on the ring road", "Rangers shoot down claims that wolves were seen on the ring road",
     "contradict", "called false on one side only: 'shoot'"),
    ("Wolves were seen on the ring road", "Pants on Fire: a post says wolves were seen on the ring road",
     "contradict", "called false on one side only: 'Pants'"),
    ("Wolves were seen on the ring road", "Rangers debunk the hoax that wolves were seen on the ring road",
     "contradict", "called false on one side only: 'debunk'"),
    ("Fighter jets shot down a drone over the ring road", "A drone was shot down over the ring road",
     "agree", None),  # shooting down a drone calls nothing false
])
def test_a_refutation_calls_the_other_claim_false(a, b, label, reason):
    relation = relate(a, b)
    assert relation.label == label
    if reason:
        assert reason in relation.reasons


def test_the_model_alone_makes_no_contradiction_of_claims_sharing_one_word():
    relation = relate("the shooter fled in a Renault Clio car", "The attacker had not fought in Syria")
    assert relation.label != "contradict"


@pytest.fixture(scope="module")
def seeded_store():
    store = Store(":memory:")
    for path in sorted(glob.glob(str(ROOT / "seeds" / "*.txt"))):
        store.ingest(open(path, encoding="utf-8").read(), name=path)
    return store


def _pairs(comparison, label):
    return {(p.a["text"], p.b["text"]) for p in comparison.pairs if p.relation.label == label}


def test_seed_reports_planted_contradictions(seeded_store):
    wire = seeded_store.compare(1, 3)  # montrouge vs the wire report
    contradictions = _pairs(wire, "contradict")
    assert ("the shooter fled in a Renault Clio car", "the gunman escaped in a Peugeot") in contradictions
    assert ("Seven people have already been arrested in the ongoing investigation",
            "nine people had been arrested overnight") in contradictions
    assert any("12 people" in a and b.startswith("Eleven people") for a, b in contradictions)
    assert any("did not appear to fit" in a and "was linked" in b for a, b in contradictions)


def test_seed_reports_planted_agreements_and_no_false_ones(seeded_store):
    evening = seeded_store.compare(1, 2)  # montrouge vs the evening report
    agreements = _pairs(evening, "agree")
    assert ("the shooter fled in a Renault Clio car", "the shooter fled in a Renault Clio") in agreements
    assert any("bullet-proof vest" in a and "bullet-proof vest" in b for a, b in agreements)
    assert any("kebab shop" in a and "kebab shop" in b for a, b in agreements)
    assert any("Seven people" in a and "seven people" in b for a, b in agreements)
    for a, b in agreements | _pairs(seeded_store.compare(1, 3), "agree"):
        assert "manhunt" not in a, (a, b)  # a manhunt is not the release of photographs


def test_corroboration_counts_independent_sources(seeded_store):
    claims = {c["text"]: c for c in seeded_store.corroboration(1)}
    vest = claims["he had been wearing a bullet-proof vest"]
    # "police sources" in both other reports are one source, not two
    assert vest["agree_articles"] == 2 and vest["agree_sources"] == 1
    assert claims["the shooter fled in a Renault Clio car"]["contradict_articles"] == 1


def test_links_follow_articles(seeded_store):
    assert seeded_store.links(1)
    store = Store(":memory:")
    store.ingest("Police said the gunman fled in a Renault Clio car.", name="a")
    store.ingest("The interior ministry said the gunman fled in a Peugeot car.", name="b")
    assert [l["relation"] for l in store.links(1)] == ["contradict"]
    store.delete_article(2)
    assert store.links(1) == []


def test_compare_with_itself_is_refused(seeded_store):
    from factcheck.errors import FactcheckError
    with pytest.raises(FactcheckError):
        seeded_store.compare(1, 1)


def test_compare_with_an_empty_side():
    store = Store(":memory:")
    store.ingest("Kebab shop explosion\n", name="heading only")
    store.ingest("Police said the gunman fled.", name="b")
    comparison = store.compare(1, 2)
    assert comparison.pairs == [] and len(comparison.only_b) == 1
