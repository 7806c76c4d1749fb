"""News furniture: datelines, bylines, credit lines and standfirsts hold no claims, and what they
say is kept as the article's furniture. Every sentence here is made up for these tests."""
import pytest

from factcheck import extract
from factcheck.extract.furniture import byline_parts, contributors, dateline, is_credit, same_outlet
from factcheck.extract.segment import split_sentences
from factcheck.model import FURNITURE_KINDS

HEADLINE = "Floods close the valley road\n\n"


@pytest.mark.parametrize("opening, place, wire", [
    ("RIVERTON, Oregon (AP) —", "RIVERTON, Oregon", "AP"),
    ("PARIS, April 15 (Meridian) -", "PARIS", "Meridian"),
    ("KINGSTON, Jamaica, Feb. 3 (Reuters) -", "KINGSTON, Jamaica", "Reuters"),
    ("DUBLIN, 12 March (Reuters) -", "DUBLIN", "Reuters"),
    ("ST. PAUL, Minn. --", "ST. PAUL, Minn.", None),
    ("NEW ORLEANS —", "NEW ORLEANS", None),
    ("SALT LAKE CITY, Utah, Oct. 9, 2021 (UPI) —", "SALT LAKE CITY, Utah", "UPI"),
    ("Lisbon (AFP) –", "Lisbon", "AFP"),
    ("HAMBURG (dpa) -", "HAMBURG", "dpa"),
    ("WASHINGTON ―", "WASHINGTON", None),
    ("GENEVA, Tuesday (Meridian) -", "GENEVA", "Meridian"),
])
def test_a_dateline_is_cut_off_the_first_sentence(opening, place, wire):
    text = HEADLINE + f"{opening} Water rose over the levee on Sunday, the county sheriff said.\n"
    found = extract(text)
    datelines = [s for s in found.sentences if s.kind == "dateline"]
    assert [s.text for s in datelines] == [opening]
    first = found.claims[0]
    assert first.start >= datelines[0].end and first.text.startswith("Water rose")
    assert all(c.attribution.source_span.start > datelines[0].end for c in found.claims if c.attribution.source_span)
    assert (found.furniture.dateline_place, found.furniture.wire) == (place, wire)


def test_a_dash_without_space_after_an_em_dash_is_still_a_dateline():
    found = extract("BOSTON—Crews worked through the night to clear the rail line.\n")
    assert found.sentences[0].kind == "dateline" and found.claims[0].text.startswith("Crews worked")


@pytest.mark.parametrize("line, first", [
    ("NASA engineers said the launch - once set for May - would slip.", True),
    ("The FBI - not the local police - led the search.", True),
    ("WINSTON-SALEM officials opened the shelter at noon.", True),
    ("CHEAP FLIGHTS — The airline cut fares on Monday.", False),           # a bare one only opens the body
    ("STORM WARNINGS, BUT NO RAIN - Forecasters were puzzled on Friday.", True),
    ("TRANSCRIPT: The senator took questions for an hour.", True),
    ("A — B said the two men had left.", True),
    ("MIAMI — and then the storm turned north.", True),                  # no sentence follows the dash
])
def test_not_a_dateline(line, first):
    assert dateline(line, first) is None


def test_a_later_dateline_needs_more_than_a_place():
    text = "Markets steady after the vote.\n\nTraders were calm on Monday.\n\nTOKYO (Meridian) - Shares rose 2 percent.\n"
    kinds = [s.kind for s in split_sentences(text)]
    assert kinds.count("dateline") == 1


@pytest.mark.parametrize("line, names, affiliation", [
    ("By Jane Doe", "Jane Doe", None),
    ("BY JANE DOE AND OMAR FARUK", "JANE DOE AND OMAR FARUK", None),
    ("By Jane Doe and Omar Faruk, Reuters", "Jane Doe and Omar Faruk", "Reuters"),
    ("By Ana Lima, Kai Berg and Li Wei", "Ana Lima, Kai Berg and Li Wei", None),
    ("By Maria de la Cruz in Lima", "Maria de la Cruz", None),
    ("Jane Doe, The Associated Press", "Jane Doe", "The Associated Press"),
    ("Jane Doe | Staff Writer", "Jane Doe", "Staff Writer"),
    ("By TOM HALE, Associated Press Writer", "TOM HALE", "Associated Press Writer"),
])
def test_bylines(line, names, affiliation):
    assert byline_parts(line) == (names, affiliation)


@pytest.mark.parametrize("line", [
    "By Monday morning the river had crested.",
    "By contrast the northern districts stayed dry",
    "Paris, France",
    "By far the largest donor was the city",
])
def test_not_a_byline(line):
    assert byline_parts(line) is None


@pytest.mark.parametrize("line", [
    "(Reporting by Ana Silva in Lisbon; Additional reporting by Tom Black; Editing by Ruth Green)",
    "(Reporting by Ana Silva and Kai Berg in Oslo, Li Wei in Beijing; Writing by Tom Black; Editing by Ruth Green.)",
    "Writing by Ana Silva; editing by Tom Black",
    "Additional reporting by Kemal Arslan in Ankara",
    "--additional reporting by Kemal Arslan.",
    "The Associated Press contributed to this report.",
    "Staff writer Omar Haddad contributed reporting.",
    "Associated Press writers Li Wei and Sam Cole contributed to this story.",
    "Associated Press writers Li Wei in Hanoi and Sam Cole in Manila contributed to this report.",
    "Reuters contributed to this report.",
    "Nadia Petrova contributed.",
    "Contributing: Nadia Petrova and Sam Cole, The Courier.",
    "Hale reported from Denver. Staff writer Omar Haddad contributed reporting from Boise.",
    "Information from Reuters was used in this report.",
    "This story includes reporting from The Associated Press.",
    "Follow Jane Doe on Twitter @janedoe.",
    "Copyright 2020 The Associated Press. All rights reserved.",
    "Photo: Jane Doe/Meridian",
    "Meridian/PA",
])
def test_credit_lines(line):
    assert is_credit(line)


@pytest.mark.parametrize("line", [
    "Donors contributed $5 million to the relief fund.",
    "Reporting by the local paper suggested the plant would close.",
    "Residents contributed to the cleanup effort.",
    "Hale reported from Denver.",                        # a credit only beside a contributor
    "Contributing: the cost of fuel and a late frost.",
    "The mayor said editing by the council had weakened the bill.",
])
def test_not_a_credit_line(line):
    assert not is_credit(line)


@pytest.mark.parametrize("line, wire", [
    ("The Associated Press contributed to this report.", "The Associated Press"),
    ("Associated Press writer Li Wei contributed from Reno.", "Associated Press"),
    ("Staff writer Omar Haddad contributed reporting.", None),
    ("Nadia Petrova and Sam Cole contributed.", None),
    ("Reuters contributed to this report.", "Reuters"),
    ("AFP correspondent Li Wei contributed from Hanoi.", "AFP"),
    ("Berlin correspondent Li Wei contributed.", None),
])
def test_the_wire_of_a_contributor_line(line, wire):
    assert contributors(line) is not None
    assert extract(f"Rain fell all day.\n\n{line}\n").furniture.wire == wire


STANDARD = ("Storm batters the coast\n"
            "Thousands lose power as winds of up to 90mph tear through coastal towns and the rail line is shut for days\n"
            "By Ana Lima\n\n"
            "The storm made landfall on Tuesday evening.\n\n"
            "Additional reporting by Kai Berg\n")
STANDFIRST = ("Storm batters the coast\n"
              "Thousands lose power as winds tear through coastal towns.\n"
              "Ana Lima, Meridian\n\n"
              "The storm made landfall on Tuesday evening.\n")


@pytest.mark.parametrize("byline, wire", [
    ("By Ana Lima, Reuters", "Reuters"),
    ("By Ana Lima, Paris correspondent", None),
    ("By Ana Lima, Associated Press Writer", "Associated Press"),
    ("Ana Lima | Staff Writer", None),
])
def test_the_wire_of_a_byline(byline, wire):
    found = extract(f"Storm batters the coast\n{byline}\n\nThe storm made landfall on Tuesday evening.\n")
    assert (found.furniture.byline, found.furniture.wire) == ("Ana Lima", wire)


@pytest.mark.parametrize("text, kinds, furniture", [
    (STANDARD, ["headline", "subheading", "byline", "sentence", "credit"], ("Ana Lima", None, None)),
    (STANDFIRST, ["headline", "subheading", "byline", "sentence"], ("Ana Lima", None, "Meridian")),
])
def test_headings_above_the_body_are_furniture(text, kinds, furniture):
    found = extract(text)
    assert [s.kind for s in found.sentences] == kinds
    assert [c.text for c in found.claims] == ["The storm made landfall on Tuesday evening"]
    assert (found.furniture.byline, found.furniture.dateline_place, found.furniture.wire) == furniture


@pytest.mark.parametrize("line", ["___", "___.", "* * *", "ABSTRACT.", "Getty.", "Advertisement:", "9:10 p.m.",
                                  "11 a.m.:", '<embed id="75"></embed>.'])
def test_a_rule_or_a_one_word_label_in_the_body_is_no_claim(line):
    text = f"Storm batters the coast\n\nThe storm made landfall on Tuesday.\n\n{line}\n\nCrews restored power.\n"
    found = extract(text)
    assert [s.kind for s in found.sentences] == ["headline", "sentence", "label", "sentence"]
    assert [c.text for c in found.claims] == ["The storm made landfall on Tuesday", "Crews restored power"]


@pytest.mark.parametrize("line", ["WHAT THE PORT SAYS.", "THE TOTAL", "ON THE BLOG."])
def test_a_short_line_in_capitals_is_a_heading(line):
    text = f"Storm batters the coast\n\nThe storm made landfall on Tuesday.\n\n{line}\n\nCrews restored power.\n"
    assert [s.kind for s in extract(text).sentences] == ["headline", "sentence", "subheading", "sentence"]


def test_a_long_line_without_a_full_stop_in_the_body_is_still_a_sentence():
    text = ("Storm batters the coast\n\nThe storm made landfall on Tuesday evening.\n\n"
            "Crews worked through the night to restore power to more than 3,000 homes along the coast road\n")
    found = extract(text)
    assert found.sentences[-1].kind == "sentence" and found.claims[-1].text.startswith("Crews worked")


def test_a_credit_at_the_end_of_the_last_paragraph_is_cut_off():
    text = "Shares fell 3 percent, the exchange said. (Reporting by Ana Silva; Editing by Tom Black)\n"
    found = extract(text)
    assert [s.kind for s in found.sentences] == ["sentence", "credit"]
    assert [c.text for c in found.claims] == ["Shares fell 3 percent"]


WIRE_COPY = ("LAGOS — \"The water came in minutes,\" Musa Bello, a fisherman, told {told}.\n\n"
             "{credit}\n")


@pytest.mark.parametrize("told, credit, relayed_by", [
    ("The Associated Press", "The Associated Press contributed to this report.", None),
    ("The Associated Press", "Associated Press writer Li Wei contributed from Abuja.", None),
    ("Reuters", "(Reporting by Ana Silva; Editing by Tom Black)", "Reuters"),  # no wire named: a relay
    ("Channels TV", "The Associated Press contributed to this report.", "Channels TV"),
])
def test_told_the_wire_that_carries_the_report_is_no_relay(told, credit, relayed_by):
    found = extract(WIRE_COPY.format(told=told, credit=credit))
    attribution = found.claims[0].attribution
    assert attribution.source == "Musa Bello, a fisherman" or "Musa Bello" in (attribution.source or "")
    assert attribution.relayed_by == relayed_by


def test_told_the_wire_of_the_dateline_is_no_relay():
    found = extract("ACCRA (Reuters) - The port will reopen on Friday, a harbour official told Reuters.\n")
    assert found.furniture.wire == "Reuters"
    assert found.claims[0].attribution.relayed_by is None and found.claims[0].attribution.source


@pytest.mark.parametrize("one, other, same", [
    ("The Associated Press", "AP", True),
    ("Associated Press", "The Associated Press", True),
    ("Reuters", "Reuters Health", True),
    ("Agence France-Presse", "AFP", True),
    ("Reuters", "The Associated Press", False),
    ("BFM TV", "AFP", False),
    (None, "AP", False),
])
def test_same_outlet(one, other, same):
    assert same_outlet(one, other) is same


def test_no_claim_overlaps_the_furniture():
    text = ("Storm batters the coast\n"
            "Thousands lose power as winds of up to 90mph tear through coastal towns and the rail line is shut for days\n"
            "By Ana Lima\n\n"
            "PORTLAND, Maine (Meridian) - The storm made landfall on Tuesday evening, forecasters said.\n\n"
            "Nadia Petrova contributed to this report.\n")
    found = extract(text)
    furniture = [s for s in found.sentences if s.kind in FURNITURE_KINDS]
    assert len(furniture) == 5
    for claim in found.claims:
        assert not any(s.start < claim.end and claim.start < s.end for s in furniture)
