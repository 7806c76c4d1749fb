"""Attribution shapes, table-driven: (text, expected source as written, cue, kind)."""
import pytest

from factcheck import extract

CASES = [
    ("Witnesses said the shooter fled in a Renault Clio car.", "Witnesses", "said", "witness"),
    ("Seven people have been arrested, prime minister Manuel Valls said.",
     "prime minister Manuel Valls", "said", "named_person"),
    ("The attack, the minister said, was planned for weeks.", "the minister", "said", "official_body"),
    ('"We will not give in," said Anne Hidalgo, the mayor of Paris.',
     "Anne Hidalgo, the mayor of Paris", "said", "named_person"),
    ("According to police sources, the gunman wore a vest.", "police sources", "According to", "anonymous"),
    ("The interior ministry told AFP that the gunman had escaped.", "The interior ministry", "told", "official_body"),
    ("A study published on Monday found that most readers trust local news.",
     "A study published on Monday", "found", "document"),
    ("Local media said there were no wounded.", "Local media", "said", "media"),
    ("The officer had been called to a road accident with a colleague, the mayor of Montrouge, "
     "Pierre Brossollette, told AFP.", "the mayor of Montrouge, Pierre Brossollette", "told", "named_person"),
    # a relative or participial clause full of commas, places and times between the name and the cue
    ("Ruth Okafor, who lost her shop in the flood in Dunmore, Ohio, in March 2019, said the levee was never repaired.",
     "Ruth Okafor, who lost her shop in the flood in Dunmore, Ohio, in March 2019", "said", "named_person"),
    # a participial aside describes the subject: it is no part of the source as written
    ("Mayor Alan Reese, facing a close race in Dunmore, a river town, said the bridge would reopen.",
     "Mayor Alan Reese", "said", "named_person"),
    # "said" after a comma with a clause after it: what was said, not an inverted speaker
    ("Tom Adler, chairman of the county board, said his office received forty complaints.",
     "Tom Adler, chairman of the county board", "said", "named_person"),
    # a verb joined by "and" takes the subject of its own clause, not the sentence's first words
    ("The crowd cheered, and when Mayor Alan Reese opened the bridge and said it was safe, a siren wailed.",
     "Mayor Alan Reese", "said", "named_person"),
    ("Hours later the council reversed its vote and said the levy would be dropped.",
     "the council", "said", "official_body"),
    ("Ruth Okafor thanked the crews, then said the road would reopen.", "Ruth Okafor", "said", "named_person"),
    ("Ruth Okafor was quick to thank the crews after they reached the farm and said the road would reopen.",
     "Ruth Okafor", "said", "named_person"),
    # "issued a statement saying": one frame, whatever stands between the verb and "saying"
    ("The council issued a statement saying that the pool would reopen.",
     "The council", "issued a statement saying", "official_body"),
    ("The ministry released a brief statement on Friday saying the bridge was safe.",
     "The ministry", "released a brief statement on Friday saying", "official_body"),
    # a day after the cue is when it was said, not a speaker after it
    ("Ruth Okafor, who is standing for mayor, said Wednesday she would rebuild.",
     "Ruth Okafor, who is standing for mayor", "said", "named_person"),
    # a contracted negation is part of the verb group, not of the source
    ("The mayor hasn't said whether the bridge will reopen.", "The mayor", "hasn't said", "official_body"),
    ("Police can’t confirm that the driver was armed.", "Police", "can’t confirm", "official_body"),
    # a sentence opened by "And then" has its subject after them; a preposition never opens a source
    ("And then the mayor went on the radio, saying the bridge was safe.", "the mayor", "saying", "official_body"),
    ("The advert cuts to footage of Okafor saying the bakery will reopen.", "Okafor", "saying", "named_person"),
    # an appositive or a relative clause with commas or verbs of its own, between the name and the cue
    ("Ruth Okafor, a baker who has run the shop for decades, said the flood was the worst she had seen.",
     "Ruth Okafor, a baker who has run the shop for decades", "said", "witness"),
    ("Mr. Hale, whose son, Tom, was rescued, said the port would reopen.",
     "Mr. Hale, whose son, Tom, was rescued", "said", "named_person"),
    ("Maria Okonkwo, 44, of Lagos, who was among those polled, said in a follow-up interview that the lines "
     "had been long.", "Maria Okonkwo, 44, of Lagos, who was among those polled", "said", "witness"),
    # an age after the name, then an appositive, after a quotation or a clause: the name opens the source
    ('"The water rose in minutes," Ines Marr, 47, a ferry pilot, told reporters.',
     "Ines Marr, 47, a ferry pilot", "told", "witness"),
    ("The water rose in minutes, Ines Marr, 47, who pilots the ferry, told reporters.",
     "Ines Marr, 47, who pilots the ferry", "told", "witness"),
    # a tag in brackets after the name is part of the source, before the cue or after a clause
    ("The levy will fail, Sen. Ada Pruitt (D-Vt.) said on Thursday.", "Sen. Ada Pruitt (D-Vt.)", "said",
     "named_person"),
    ("Sen. Ada Pruitt (D-Vt.) said the levy would fail.", "Sen. Ada Pruitt (D-Vt.)", "said", "named_person"),
    # the words that keep a source anonymous are part of the source
    ("An official who asked not to be named said the talks had failed.",
     "An official who asked not to be named", "said", "anonymous"),
    ("A ministry official who was not authorized to speak publicly told reporters the talks had failed.",
     "A ministry official who was not authorized to speak publicly", "told", "anonymous"),
    # the source tagger never names a comma as the speaker
    ("Okafor, who was away in Leeds this week, said in an interview that the bakery would reopen.",
     "Okafor, who was away in Leeds this week", "said", "named_person"),
]


@pytest.mark.parametrize("text, source, cue, kind", CASES)
def test_attribution_shapes(text, source, cue, kind):
    attributed = [c for c in extract(text).claims if c.attribution.kind != "unattributed"]
    assert attributed, text
    attribution = attributed[0].attribution
    assert (attribution.source_span.text, attribution.cue, attribution.kind) == (source, cue, kind)


def test_relayed_by_outlet():
    claim = extract("One officer told Reuters the man did not fit the description.").claims[0]
    assert claim.attribution.relayed_by == "Reuters"
    assert claim.text == "the man did not fit the description"


def test_pronoun_resolves_to_the_last_person_cited():
    text = "Manuel Valls said seven people were arrested. He said more arrests were likely."
    second = extract(text).claims[-1].attribution
    assert second.source_span.text == "He"
    assert second.source == "Manuel Valls" and second.kind == "named_person"


def test_unsourced_cue_is_hedged():
    claims = extract("The minister is expected to resign on Friday.").claims
    assert claims and all(c.attribution.hedged for c in claims)
    assert claims[0].attribution.cue == "is expected" and claims[0].attribution.source_span is None


RAISED = [
    # (sentence, the sourceless cue as written, or None where no frame may be read)
    ("The levy is not expected to pass before May.", "is not expected"),
    ("The bridge is widely expected to reopen on Monday.", "is widely expected"),
    ("The count seemed like a formality by noon.", "seemed"),
    ("It appears that the pump failed first.", "appears"),
    ("It appears, though, that nobody checked the valve.", "appears"),
    ("The insurer is reportedly weighing a sale of the unit.", "reportedly"),
    ("The mayor appeared on local radio on Tuesday.", None),
    ("The chief appeared before the committee in March.", None),
    ("The win puts Rovers two points clear.", None),  # "as she put it", "put the toll at 40" are cues
]


@pytest.mark.parametrize("text, cue", RAISED)
def test_raising_cues_have_no_source(text, cue):
    frames = extract(text).frames
    if cue is None:
        assert not frames
    else:
        assert [(f.cue.text, f.source) for f in frames] == [(cue, None)]


# A sourceless cue leaves one claim, hedged, its words included; "It appears that" leaves what follows it.
@pytest.mark.parametrize("text, claim", [
    ("The levy is not expected to pass before May.", "The levy is not expected to pass before May"),
    ("The dam appeared to be cracking.", "The dam appeared to be cracking"),
    ("The insurer is reportedly weighing a sale of the unit.", "The insurer is reportedly weighing a sale of the unit"),
    ("It appears that the pump failed first.", "the pump failed first"),
])
def test_a_sourceless_cue_leaves_one_hedged_claim(text, claim):
    assert [(c.text, c.attribution.hedged) for c in extract(text).claims] == [(claim, True)]


def test_raising_cue_beside_a_cited_speaker_is_kept_unless_inside_their_words():
    beside = extract("The mayor seemed to welcome the plan on Monday, in which she said the bridge would reopen.")
    assert sorted((f.cue.text, f.source and f.source.text) for f in beside.frames) == [("said", "she"), ("seemed", None)]
    inside = extract("The mayor said the plan seemed to work.")
    assert [(f.cue.text, f.source.text) for f in inside.frames] == [("said", "The mayor")]


def test_reporting_verb_inside_a_quotation_is_the_quoted_speaker_s():
    text = '"I think we will win," Ms Dupont said.'
    attributed = {(c.attribution.source_span.text, c.attribution.cue) for c in extract(text).claims
                  if c.attribution.source_span}
    assert attributed == {("Ms Dupont", "said")}


def test_plain_narration_has_no_attribution():
    text = "Islamist militants have repeatedly threatened France with attacks over its military strikes."
    assert all(c.attribution.kind == "unattributed" for c in extract(text).claims)


def test_colon_cue_with_content_in_the_next_sentence():
    text = "Cruz continued:\n“You look at the questions and you see the bias.”\nThe debate ended at ten."
    claims = extract(text).claims
    assert [(c.attribution.source, c.attribution.cue) for c in claims[:-1]] == [("Cruz", "continued")]
    assert claims[-1].attribution.kind == "unattributed"


@pytest.mark.parametrize("text, claim", [
    ("Ruth Okafor said Wednesday she would rebuild the bakery.", "she would rebuild the bakery"),
    ("The mayor said Tuesday night the bridge would reopen.", "the bridge would reopen"),
    ("He said today is the busiest day of the year.", "today is the busiest day of the year"),  # the day is the subject
])
def test_the_day_something_was_said_is_not_what_was_said(text, claim):
    assert [c.text for c in extract(text).claims] == [claim]


# Whom it was told to is not what was told: a spoken-to object in lower case before "that".
@pytest.mark.parametrize("text, content", [
    ("Police told residents that the water was safe to drink.", "the water was safe to drink"),
    ("The mayor assured the stranded families that buses were on the way.", "buses were on the way"),
    ("The coach told the players that training was cancelled.", "training was cancelled"),
    ("She told him that the ferry had left.", "the ferry had left"),
])
def test_a_spoken_to_object_is_not_content(text, content):
    claim = extract(text).claims[0]
    assert claim.text == content
    assert claim.attribution.kind != "unattributed"


@pytest.mark.parametrize("text", ["The mayor said she told the", "Police told a", "He told"])
def test_a_sentence_ending_on_a_tell_verb_and_its_article(text):
    extract(text)  # the object's article is the last token: nothing after it to read


def test_a_second_that_clause_loses_its_that():
    text = "The minister told reporters that 30 people had been rescued and that the search was continuing."
    assert [c.text for c in extract(text).claims] == ["30 people had been rescued", "the search was continuing"]
    kept = "Crews tried the pumps, and that did not work."
    assert [c.text for c in extract(kept).claims][-1].startswith("that")


def test_according_to_keeps_the_anonymity_it_was_given():
    [claim] = extract("The toll will rise, according to a local official, who asked not to be named.").claims
    assert (claim.text, claim.attribution.source) == ("The toll will rise", "a local official, who asked not to be named")


# After "told", "informed" or "assured" the object is the one spoken to, even with no "that": before
# a clause, and after a quotation before a place or time ending the sentence; it is never an outlet
# unless it names one. (claims, each with its source and relay)
@pytest.mark.parametrize("text, claims", [
    ("Ines Marr told police she heard two shots.", [("she heard two shots", "Ines Marr", None)]),
    ('"We are cutting costs," Ines Marr told analysts on a conference call.',
     [("We are cutting costs", "Ines Marr", None)]),
    ("Ines Marr told Reuters she heard two shots.", [("she heard two shots", "Ines Marr", "Reuters")]),
    ("Ines Marr told a local radio station that she heard two shots.",
     [("she heard two shots", "Ines Marr", "a local radio station")]),
    # an introduction that names the outlet spoken to relays the claim too
    ("In an interview with Radio Kerrow on Sunday, Ines Marr said she heard two shots.",
     [("she heard two shots", "Ines Marr", "Radio Kerrow")]),
    ("Speaking to the Courier, Ines Marr said she heard two shots.", [("she heard two shots", "Ines Marr", "Courier")]),
    # the thing told, not whom it was told to
    ("Ines Marr told the story of a flood that nearly took the town.",
     [("the story of a flood that nearly took the town", "Ines Marr", None)]),
])
def test_whom_it_was_told_to(text, claims):
    found = [(c.text, c.attribution.source, c.attribution.relayed_by) for c in extract(text).claims]
    assert found == claims


def _first_source(text: str) -> str:
    """The source, as written, of the first frame extract finds in `text`."""
    source = extract(text).frames[0].source
    return text[source.start:source.end]


# A clause that opens with "until", "after", "before", "since" or "unless" starts its subject afresh:
# the source is the subject of the reporting verb, not the main clause before it.
@pytest.mark.parametrize("text, source", [
    ("The talks stalled until the mediator said both sides had agreed.", "the mediator"),
    ("Prices rose after the minister said taxes would fall.", "the minister"),
    ("Markets slid before the central bank said rates would rise.", "the central bank"),
    ("The road stays shut unless engineers say the bridge is sound.", "engineers"),
    ("Nothing has moved since the council said the plan was dead.", "the council"),
])
def test_a_subordinate_clause_opens_the_source(text, source):
    assert _first_source(text) == source


# The day told between a source and its verb is neither ("Mayor Ruiz on Monday said"), unless it
# belongs to the word before it: a participle ("a report published Monday"), a name ("Super Tuesday").
@pytest.mark.parametrize("text, source", [
    ("Mayor Lena Ruiz on Monday said the dam would hold.", "Mayor Lena Ruiz"),
    ("The harbour master yesterday said the port would reopen.", "The harbour master"),
    ("The county board late on Tuesday night said the levy would pass.", "The county board"),
    ("A report published Monday said the dam would hold.", "A report published Monday"),
    ("The polls on Super Tuesday showed the race was close.", "The polls on Super Tuesday"),
])
def test_a_day_between_source_and_verb_is_no_part_of_the_source(text, source):
    assert _first_source(text) == source


@pytest.mark.parametrize("text, source", [
    # a name goes on after a capital or "a": the source is the whole report
    ("Costs ran past $9 million, according to a State Audit Office review released on Friday.",
     "a State Audit Office review released on Friday"),
    # a relative clause after the source describes it: no claim of its own
    ("The levee held, according to engineers who inspected it overnight.", "engineers who inspected it overnight"),
])
def test_according_to_takes_the_whole_source(text, source):
    assert _first_source(text) == source
    assert len(extract(text).claims) == 1


def test_who_after_a_described_source_stands_for_it():
    claims = extract("The levee held, according to the county engineer, who said the pumps were working.").claims
    assert [c.attribution.source for c in claims] == ["the county engineer", "the county engineer"]
    assert claims[1].attribution.relayed_by is None


def test_no_one_relays_themselves():
    claims = extract("The levee held, said the county engineer, who added that the pumps were working.").claims
    assert all(c.attribution.relayed_by is None for c in claims if c.attribution)


def test_a_contracted_pronoun_is_a_pronoun():
    text = "Mayor Ana Ruiz said the levee held. She’s predicting the river will fall by Friday."
    assert extract(text).claims[-1].attribution.source == "Mayor Ana Ruiz"


def test_a_determiner_alone_is_no_source():
    text = "A quick trip to Flint, Mich., to highlight the water crisis there came two days before the vote."
    assert all(not c.attribution or c.attribution.source not in ("A", "a") for c in extract(text).claims)


def test_an_interview_s_turns_name_the_interviewer_and_the_person_interviewed():
    text = ("Q&A with Harbour Master Ines Calder.\n\nHarbour Master Ines Calder spoke to us on Friday.\n\n"
            "Q: You closed the port for three days last week.\n\nA: We had no choice. The swell broke the north mole.\n")
    claims = extract(text).claims
    speakers = {c.text: c.attribution.source for c in claims if c.attribution and c.attribution.kind != "unattributed"}
    assert speakers["You closed the port for three days last week"] == "the interviewer"
    assert speakers["We had no choice"] == speakers["The swell broke the north mole"] == "Harbour Master Ines Calder"


@pytest.mark.parametrize("text, source", [
    ("The club won its case before the Regional Board of Appeals, which ruled that the ground was safe.",
     "Regional Board of Appeals"),
    ("The audit, which found that the ground was unsafe, was never published.", "The audit"),
])
def test_which_stands_for_the_body_or_thing_before_it(text, source):
    claim = next(c for c in extract(text).claims if c.attribution and c.attribution.kind != "unattributed")
    assert claim.attribution.source == source


def test_a_title_case_heading_names_no_one():
    from factcheck.extract.sources import PronounResolver
    from factcheck.extract.tokens import Tokens
    heading, sentence = "Maria Ekdahl Hits Back On Harbour Levy For Fishermen", "Maria Ekdahl spoke on Monday."
    tokens = Tokens(heading + "\n" + sentence)
    resolver = PronounResolver()
    resolver.notice_names(tokens.between(0, len(heading)))  # a live blog's heading
    assert resolver.resolve("She", "anonymous") == (None, "anonymous")
    resolver.notice_names(tokens.between(len(heading) + 1, len(tokens.text)))
    assert resolver.resolve("She", "anonymous") == ("Maria Ekdahl", "named_person")


@pytest.mark.parametrize("sentence", ["But I’m not worried about the levy.", "In May the harbour reopened."])
def test_small_words_and_pronouns_make_no_name(sentence):
    text = f"Harbour levy vote\n\n{sentence}\n\nHe said the levy would pass."
    assert extract(text).claims[-1].attribution.source is None  # "I’m" or "In May" is no one "he" stands for


# "..., the paper reported, citing a port official": the cited source says it, the paper relays it.
@pytest.mark.parametrize("text, source, relay", [
    ("The ferry had been overloaded, the Gazette reported, citing a port official.", "a port official", "the Gazette"),
    ("The Gazette said the ferry had been overloaded, citing port records.", "port records", "The Gazette"),
    ("State radio said 40 people had died, citing police in the province.", "police in the province", "State radio"),
    ("The agency reported, citing two port officials, that the ferry had been overloaded.", "two port officials",
     "The agency"),  # between the cue and "that"
])
def test_a_cited_source_is_relayed_by_the_report(text, source, relay):
    claims = extract(text).claims
    assert [(c.attribution.source, c.attribution.relayed_by, c.attribution.cue) for c in claims] == \
        [(source, relay, "citing")]


@pytest.mark.parametrize("text, claims", [
    ("The ferry sank at night, the Gazette reported, citing Ana Ruiz, the harbour master.",
     [("The ferry sank at night", "Ana Ruiz, the harbour master")]),  # the appositive is the source's
    ("The ferry sank, the Gazette reported, citing Ana Ruiz, the harbour master, who saw it.",
     [("The ferry sank", "Ana Ruiz")]),  # so is what describes her
])
def test_what_describes_a_cited_source_is_no_claim(text, claims):
    assert [(c.text, c.attribution.source) for c in extract(text).claims] == claims


def test_a_report_citing_a_source_is_still_a_frame():
    cues = [f.cue.text for f in extract("The ferry had been overloaded, the Gazette reported, citing a port official.").frames]
    assert sorted(cues) == ["citing", "reported"]


def test_citing_a_reason_is_no_source():
    claim = extract("“It is a reflection of anger,” the senator said, citing low wages and unemployment.").claims[0]
    assert (claim.attribution.source, claim.attribution.cue) == ("the senator", "said")


def test_citing_a_reason_stays_in_its_claim():
    claims = extract("The harbour board closed the port, citing safety concerns.").claims
    assert [c.text for c in claims] == ["The harbour board closed the port, citing safety concerns"]


# A participial aside between a subject and its verb describes the subject: the source is the
# subject alone, the aside is neither source nor claim, and a participle of saying inside it
# governs only the aside.  A participle that qualifies a noun ("ranking member") or lists members
# ("including ...") is no aside.
@pytest.mark.parametrize("text, claims", [
    ("The harbour master, speaking at a briefing, said the ferry was overloaded.",
     [("the ferry was overloaded", "The harbour master", "said")]),
    ("Ana Ruiz, writing in the Gazette, argues that the levee was never repaired.",
     [("the levee was never repaired", "Ana Ruiz", "argues")]),
    ("Two inspectors, speaking on condition of anonymity because the report is not public, said the dam had cracks.",
     [("the dam had cracks", "Two inspectors", "said")]),
    ("Sen. Ada Moss (D-Ore.), facing a recall vote in the spring, noted that the bridge had closed.",
     [("the bridge had closed", "Sen. Ada Moss", "noted")]),
    ("The mayor, later claiming that 3,000 homes had flooded, said the levy would rise.",
     [("3,000 homes had flooded", "The mayor", "claiming"), ("the levy would rise", "The mayor", "said")]),
    ("Ana Ruiz, speaking on local radio, called the ferry a wreck, and said the crew had been warned.",
     [("Ana Ruiz, speaking on local radio, called the ferry a wreck", None, None),
      ("the crew had been warned", "Ana Ruiz", "said")]),
    ("Ana Ruiz, recalling her years at the port, described the ferry as unsafe.",
     [("Ana Ruiz, recalling her years at the port, described the ferry as unsafe", None, None)]),
    ("Tom Adler, ranking member of the harbour board, said the ferry was overloaded.",
     [("the ferry was overloaded", "Tom Adler, ranking member of the harbour board", "said")]),
    ("Several officials, including the harbour master, said the ferry was overloaded.",
     [("the ferry was overloaded", "Several officials, including the harbour master", "said")]),
])
def test_a_participial_aside_describes_the_subject(text, claims):
    assert [(c.text, c.attribution.source, c.attribution.cue) for c in extract(text).claims] == claims


# A verb joined by "and" after a noun-phrase object is the subject's second predicate: the first
# stays the writer's, whole, and the day between the subject and its verb is no part of the source.
@pytest.mark.parametrize("text, claims", [
    ("The mayor criticized the council's budget and said it would not pass.",
     [("The mayor criticized the council's budget", None), ("it would not pass", "The mayor")]),
    ("Sen. Ada Moss on Tuesday praised the harbour crews and said the port would reopen.",
     [("Sen. Ada Moss on Tuesday praised the harbour crews", None), ("the port would reopen", "Sen. Ada Moss")]),
])
def test_a_second_predicate_after_a_noun_phrase(text, claims):
    assert [(c.text, c.attribution.source) for c in extract(text).claims] == claims


# What a cue inside a relative clause governs ends with the clause: the main clause after it is
# the writer's ("The mayor, who said ..., resigned").
@pytest.mark.parametrize("text, claims", [
    ("The mayor, who said the bridge was safe, resigned on Monday.",
     [("the bridge was safe", "The mayor"), ("resigned on Monday", None)]),
    ("Ana Ruiz, who opened the port in late May and said it would stay open, left the board.",
     [("Ana Ruiz, who opened the port in late May", None), ("it would stay open", "Ana Ruiz"),
      ("left the board", None)]),
])
def test_a_relative_clause_ends_what_its_cue_governs(text, claims):
    assert [(c.text, c.attribution.source) for c in extract(text).claims] == claims


# Joined subjects are one source, whole; a word that links the sentence to the last one is no claim.
@pytest.mark.parametrize("text, source", [
    ("Smith and Jones said the bridge was safe.", "Smith and Jones"),
    ("Ruiz, Adler and Okafor say the port will reopen.", "Ruiz, Adler and Okafor"),
    ("The mayor and the governor said the bridge was safe.", "The mayor and the governor"),
    ("In a statement, Smith and Jones said the bridge was safe.", "Smith and Jones"),
    ("The bridge collapsed and police said it was old.", "police"),  # a verb before "and": two clauses
    ("He met the mayor and aides said the visit went well.", "aides"),
])
def test_joined_subjects_are_one_source(text, source):
    claim = extract(text).claims[-1]
    assert claim.attribution.source == source


@pytest.mark.parametrize("text", ["But police said the bridge was safe.", "And then the mayor said the bridge was safe."])
def test_a_linking_word_before_the_source_is_no_claim(text):
    assert [c.text for c in extract(text).claims] == ["the bridge was safe"]


# Two apostrophes stand for a quotation mark in some archives' copy: they are not part of the claim.
@pytest.mark.parametrize("text, claim", [
    ("''The levee held,'' Mr. Lane said.", ("The levee held", "Mr. Lane")),
    ("Mr. Lane said, ''The levee held.''", ("The levee held", "Mr. Lane")),
    ("''The levee held.'' Mr. Lane said.", ("The levee held", "Mr. Lane")),
])
def test_doubled_apostrophes_are_quotation_marks(text, claim):
    assert [(c.text, c.attribution.source) for c in extract(text).claims] == [claim]


# A quotation over several sentences whose speaker is named only after it closes: every sentence
# of it is the speaker's, and the frame's content holds them all.
def test_a_speaker_named_at_the_end_of_a_long_quotation_owns_all_of_it():
    text = "“The levee held. The water is falling,” Mr. Lane said. “We are safe.” Nobody answered."
    found = extract(text)
    assert [(c.text, c.attribution.source) for c in found.claims] == [
        ("The levee held", "Mr. Lane"), ("The water is falling", "Mr. Lane"), ("We are safe", "Mr. Lane"),
        ("Nobody answered", None)]
    start, _ = found.frames[0].content[0]
    assert text[start:].startswith("“The levee held.")


def test_a_closed_quotation_before_a_new_sentence_keeps_its_own_voice():
    claims = extract("“The levee held.” The water is falling, Mr. Lane said.").claims
    assert [(c.text, c.attribution.source) for c in claims] == [("The levee held", None),
                                                              ("The water is falling", "Mr. Lane")]


# An inverted speaker given a role before the name and an age after it: the age and what follows it
# describe the speaker, and are no claim.
@pytest.mark.parametrize("text, source", [
    ('"We had no warning at all," said resident Tom Hale, 62, who lives below the dam.', "resident Tom Hale"),
    ('"We had no warning," said Tom Hale, 62, an engineer.', "Tom Hale"),
    ('"We had no warning," said fire chief Ann Lee.', "fire chief Ann Lee"),
])
def test_an_inverted_speaker_with_a_role_and_an_age(text, source):
    claims = extract(text).claims
    assert [(c.text, c.attribution.source) for c in claims] == [(claims[0].text, source)]
    assert claims[0].text.startswith("We had no warning")


def test_the_words_of_a_frame_reported_inside_another_are_no_claim():
    """The inner claim is relayed by the outer source: that says who says the inner source said so."""
    claims = extract("Police believe the ferry was overloaded, according to a person familiar with the inquiry.").claims
    assert [(c.text, c.attribution.source, c.attribution.relayed_by) for c in claims] == [
        ("the ferry was overloaded", "Police", "a person familiar with the inquiry")]


def test_a_second_predicate_after_a_relative_clause_takes_the_main_subject():
    """"X, who ..., promised A and said B": B is X's; a noun-phrase frame ("promised an inquiry") relays nothing."""
    claims = extract("The prime minister, Kari Dahl, who visited the scene last night, promised an inquiry "
                     "and said the state would pay.").claims
    assert (claims[-1].text, claims[-1].attribution.source, claims[-1].attribution.relayed_by) == \
        ("the state would pay", "Kari Dahl", None)


@pytest.mark.parametrize("text, claims", [
    # "it" with "is clear", "was reported": nobody is cited, the claim is hedged, "It" is no claim
    ("It was not immediately clear whether talks would resume.", [("talks would resume", None, True)]),
    ("It is necessary to show that the plan works.", [("It is necessary to show that the plan works", None, False)]),
])
def test_an_impersonal_it_cites_nobody(text, claims):
    assert [(c.text, c.attribution.source, c.attribution.hedged) for c in extract(text).claims] == claims


@pytest.mark.parametrize("text, claim, source", [
    ("Trains stopped, the operators' association said.", "Trains stopped", "the operators' association"),
    ("'Trains stopped,' the union said.", "Trains stopped", "the union"),          # single quotation marks
    ("‘Trains stopped,’ the union said.", "Trains stopped", "the union"),
    ("Rail bosses, meanwhile, insist that the deal must change.", "the deal must change", "Rail bosses"),
    ("The union, too, said trains stopped.", "trains stopped", "The union"),
])
def test_possessives_single_quotes_and_linking_adverbs(text, claim, source):
    assert [(c.text, c.attribution.source) for c in extract(text).claims] == [(claim, source)]


def test_he_after_one_person_named_by_a_role_is_that_person():
    text = 'A spokesman for the union said pay was low. "Our members cannot pay their bills," he said.'
    assert [c.attribution.source for c in extract(text).claims] == ["A spokesman for the union"] * 2


def test_a_subject_before_a_second_verb_keeps_no_comma():
    frames = extract("The transport secretary, Helen Marsh, said the strike was wrong and urged both sides to talk.").frames
    assert [(f.cue.text, f.source.text) for f in frames] == [("said", "The transport secretary, Helen Marsh"),
                                                              ("urged", "Helen Marsh")]


@pytest.mark.parametrize("text, claims", [
    # a relative clause with a cue of its own after an inverted speaker: both claims are the speaker's
    ('"The levee held," said the mayor, who added that the water fell.',
     [("The levee held", "the mayor", "said"), ("the water fell", "the mayor", "added")]),
    # one without a cue describes the speaker, as an adjunct after a trailing cue does not speak
    ('"We waited five years," said Maria Flores, whose brother died in the blaze.',
     [("We waited five years", "Maria Flores, whose brother died in the blaze", "said")]),
    ('"This is what we said," Stone said in an interview.', [("This is what we said", "Stone", "said")]),
    ('"It can only show a link," said Peter Wallis, a doctor at the clinic who was not involved in the study.',
     [("It can only show a link", "Peter Wallis, a doctor at the clinic who was not involved in the study", "said")]),
    ('"It held," said Tom Adler, the engineer, who added that it was safe.',
     [("It held", "Tom Adler, the engineer", "said"), ("it was safe", "Tom Adler", "added")]),
    ("Relatives of the victims, several of whom attended the hearing, said they were devastated.",
     [("they were devastated", "Relatives of the victims, several of whom attended the hearing", "said")]),
])
def test_what_follows_a_speaker_describes_them_or_speaks_for_itself(text, claims):
    assert [(c.text, c.attribution.source, c.attribution.cue) for c in extract(text).claims] == claims


def test_a_possessor_before_a_role_is_someone_else():
    """"Lam's attorney, Rebecca Stone" is Rebecca Stone, not the Victor Lam named before."""
    claims = extract("Victor Lam was convicted. Lam's attorney, Rebecca Stone, said her client was innocent.").claims
    assert claims[-1].attribution.source == "Lam's attorney, Rebecca Stone"
