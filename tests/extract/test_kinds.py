"""Kinds of source, back-references and hedges, each construction in a sentence of our own."""
import pytest

from factcheck import extract
from factcheck.extract.kinds import source_kind
from factcheck.extract.names import canonical_name


@pytest.mark.parametrize("mention, descriptor, kind", [
    ("a spokeswoman for the water board", "", "official_body"),
    ("a spokesman for the clinic", "", "official_body"),
    ("survivors", "", "witness"),
    ("Residents", "", "witness"),
    ("a lifeguard", "", "witness"),
    ("a tram driver", "", "witness"),
    ("one Danish tourist", "", "witness"),
    ("Economists", "", "anonymous"),
    ("Engineers", "", "anonymous"),
    ("Others", "", "anonymous"),
    ("a structural engineer", "", "anonymous"),
    ("A Town Hall official", "", "anonymous"),
    ("The Bureau of Reclamation", "", "official_body"),
    ("the Harbour Fire Service", "", "official_body"),
    ("Organisers of the regatta", "", "official_body"),
    ("the port authority", "", "official_body"),
    ("the airline", "", "official_body"),
    ("The carmaker", "", "official_body"),
    ("the minister", "", "official_body"),
    ("Kestrel, the company that built the bridge", "", "official_body"),
    ("The company, Kestrel Holdings", "", "official_body"),  # the body noun first, then its name
    ("documents seen by the Courier", "", "document"),
    ("A register kept by the parish", "", "document"),
    ("the regional news agency", "", "media"),
    ("the state forestry agency", "", "official_body"),
    ("Mayor Ines Varga", "", "named_person"),
    ("Vermont Sen. Ada Pruitt", "", "named_person"),
    ("Oskar Lind, a senior transport ministry official", "", "named_person"),
    ("Oskar Lind", ", a lawyer with the Open Roads Trust", "named_person"),
    ("Petra Holm", ", 41, a baker from the old quarter", "witness"),
    ("Petra Holm, 41", "", "witness"),
    ("Jonas Berg, who lives two doors from the mill", "", "witness"),
    ("Jonas Berg", ", 58, whose house stands by the river", "witness"),  # a house, not the House
    ("Jonas Berg", ", a member of the House", "named_person"),
    ("Mr Berg, who chairs the scrutiny committee", "", "named_person"),  # a relative clause, no appositive body
    ("47, a ferry passenger who was on deck", "", "witness"),
    # a title of office before "of", with no article, then the office holder's name
    ("Secretary of Transport Ada Pruitt", "", "named_person"),
    ("Director of Public Health Nils C. Ekdahl", "", "named_person"),
    ("the mayor of Port Elms", "", "official_body"),
    ("Mr. Lind of the Open Roads Trust", "", "named_person"),
    # a tag in brackets after the source: a party and state, an acronym
    ("Sen. Ada Pruitt (D-Vt.)", "", "named_person"),
    ("the Office for Road Safety (ORS)", "", "official_body"),
])
def test_source_kind(mention, descriptor, kind):
    assert source_kind(mention, descriptor) == kind


@pytest.mark.parametrize("mention, kind, name", [
    ("Vermont Sen. Ada Pruitt", "named_person", "Ada Pruitt"),
    ("GOP hopeful Ada Pruitt", "named_person", "Ada Pruitt"),
    ("Senator Ada Pruitt", "named_person", "Ada Pruitt"),
    ("Governor Nils Ekdahl, who closed the schools on Monday", "named_person", "Nils Ekdahl"),
    ("Ekdahl’s", "named_person", "Ekdahl"),
    ("Sheriff Tove Rask", "named_person", "Tove Rask"),
    ("Petra Holm, 41, a baker", "witness", "Petra Holm"),
    ("Holm's lawyer, Ines Varga", "named_person", "Ines Varga"),  # the possessor names someone else
    ("Trump's campaign manager, Corey Lewandowski", "named_person", "Corey Lewandowski"),
    ("DOVER - Ada Pruitt", "named_person", "Ada Pruitt"),
    ("The Bureau of Reclamation, which runs the dams", "official_body", "The Bureau of Reclamation"),
    ("one ranger at the gate who saw the car", "anonymous", "one ranger at the gate"),
    ("Ekdahl's campaign", "official_body", "Ekdahl campaign"),
    ("Secretary of Transport Ada Pruitt", "named_person", "Ada Pruitt"),
    ("Director of Public Health Nils C. Ekdahl", "named_person", "Nils C. Ekdahl"),
    ("Speaker of the Assembly Rep. Ada Pruitt (D-Vt.)", "named_person", "Ada Pruitt"),
    ("the Office for Road Safety (ORS)", "official_body", "the Office for Road Safety"),
])
def test_canonical_name(mention, kind, name):
    assert canonical_name(mention, kind) == name


def _claims(text):
    return {c.text: c.attribution for c in extract(text).claims}


@pytest.mark.parametrize("text, claim, source, kind", [
    # a back-reference to a body named before
    ("Harlow Mills Ltd said it would shut two plants. The company said 300 jobs would go.",
     "300 jobs would go", "Harlow Mills Ltd", "official_body"),
    # a company called by what it makes or does
    ("Harlow Mills Ltd cut its forecast. The biscuit maker said two plants would close.",
     "two plants would close", "Harlow Mills Ltd", "official_body"),
    # an unnamed office holder after the person was named
    ("Mayor Ines Varga toured the flooded streets. The mayor said the pumps had failed overnight.",
     "the pumps had failed overnight", "Mayor Ines Varga", "named_person"),
    # an unnamed official named again
    ("A senior official said the dam had held. The official added that the spillway was open.",
     "the spillway was open", "A senior official", "anonymous"),
    # a body's noun is not a person's, even when the person's title holds it
    ("Oskar Lind, a deputy at the transport ministry, said the line was closed. "
     "The ministry said buses would run instead.", "buses would run instead", "The ministry", "official_body"),
    # a bare surname keeps the kind its full mention was given
    ('"The water came in through the floor," said Petra Holm, 41, a baker from the old quarter. '
     "Holm said the shop had been open for ten years.",
     "the shop had been open for ten years", "Petra Holm", "witness"),
])
def test_back_references(text, claim, source, kind):
    attribution = _claims(text)[claim]
    assert (attribution.source, attribution.kind) == (source, kind)


@pytest.mark.parametrize("text, claim, subject", [
    # the claim's source, a person named
    ("Ann Smith said she would appeal the ruling.", "she would appeal the ruling", "Ann Smith"),
    # the writer's claim: the person the previous sentence names first
    ("Police arrested Tom Jones at the harbour. He was charged with arson.", "He was charged with arson",
     "Tom Jones"),
    # a surname alone stands for the person named in full before
    ("Tom Jones, a fisherman, was arrested on Monday. Officers said Jones resisted. He was charged with arson.",
     "He was charged with arson", "Tom Jones"),
    # a quotation's "he" is someone else, not its speaker
    ('"He lied to the court," said Ann Smith.', "He lied to the court", None),
    # a role is no one a "he" can be read as
    ("Witnesses said he fled on foot.", "he fled on foot", None),
    # a thing after an article is no one, even when a gap parts it from the article ("The  Renault")
    ("The  Renault Clio was found near Leeds. He fled on foot.", "He fled on foot", None),
    # a claim that names its own subject has none to resolve
    ("Ann Smith spoke first. Tom Jones was charged with arson.", "Tom Jones was charged with arson", None),
])
def test_he_and_she_opening_a_claim(text, claim, subject):
    [found] = [c for c in extract(text).claims if c.text == claim]
    assert found.subject == subject


def test_back_reference_keeps_the_words_as_written():
    text = "Harlow Mills Ltd said it would shut two plants. The company said 300 jobs would go."
    attribution = _claims(text)["300 jobs would go"]
    assert attribution.source_span.text == "The company"
    assert text[attribution.source_span.start:attribution.source_span.end] == "The company"


def test_who_is_never_a_source():
    text = "Nobody spoke to Tove Rask, who said the road was closed at noon."
    for claim in extract(text).claims:
        assert claim.attribution.source not in ("who", "Who")


@pytest.mark.parametrize("text, claim, hedged", [
    ("Officials fear more houses will be lost.", "more houses will be lost", True),
    ("Rangers believe the fire was started by a campfire.", "the fire was started by a campfire", True),
    ("Detectives suspect the van was stolen, police said.", "Detectives suspect the van was stolen", True),
    ("The council said it expects the road to reopen in June.", "it expects the road to reopen in June", True),
    ("The owner could not be reached for comment.", "The owner could not be reached for comment", False),
    ("There was nothing the crew could do, the captain said.", "There was nothing the crew could do", False),
    ("The wall could collapse, engineers said.", "The wall could collapse", True),
    ("Theresa May visited the site on Friday.", "Theresa May visited the site on Friday", False),
    ("Police said the cause was not yet known.", "the cause was not yet known", True),
    # a measured risk is no hedge; "the most likely cause" is one
    ("Night nurses were 18 percent more likely to fall ill.", "Night nurses were 18 percent more likely to fall ill", False),
    ("Smokers were twice as likely to die.", "Smokers were twice as likely to die", False),
    ("An accident was the most likely cause.", "An accident was the most likely cause", True),
    # appearing in court or on air is a presence; appearing to be something is a hedge
    ("Tom Hale appeared before magistrates on Monday.", "Tom Hale appeared before magistrates on Monday", False),
    ("The mayor appeared on local television.", "The mayor appeared on local television", False),
    ("The dam appeared to be cracking.", "The dam appeared to be cracking", True),
    ("The players never stopped believing, the coach said.", "The players never stopped believing", False),
    ("Some residents slept in their cars, fearing more tremors.", "Some residents slept in their cars, fearing more tremors",
     False),
])
def test_hedges(text, claim, hedged):
    assert _claims(text)[claim].hedged is hedged


@pytest.mark.parametrize("text, claim, source, relay", [
    # a trailing source passes on what an inner source believes
    ("Rangers believe the blaze began near the car park, a park official said.",
     "the blaze began near the car park", "Rangers", "a park official"),
    # a source told to an outlet: the outlet relays it
    ("Eva Lind told the Harbour Courier that the pier had been shut since May.",
     "the pier had been shut since May", "Eva Lind", "Harbour Courier"),
])
def test_relays(text, claim, source, relay):
    attribution = _claims(text)[claim]
    assert (attribution.source, attribution.relayed_by) == (source, relay)


def test_a_leading_source_does_not_swallow_the_trailing_one():
    text = "Rangers believe the blaze began near the car park, a park official said."
    assert "the blaze began near the car park" in _claims(text)
