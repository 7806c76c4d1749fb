"""Quotations signed with a dash and a name after them: pull quotes, reader responses."""
import pytest

from factcheck import extract

BODY = "Readers answer\n\nReaders wrote in after the vote on Tuesday.\n\n"  # a headline, then the body

SIGNED = [
    # (text, the claim texts given to the signer, the signer as written, the dash)
    ('"Nobody warned us about the flood." ― Mara Quist', ["Nobody warned us about the flood"], "Mara Quist", "―"),
    ('“The ferry left late. It was full.” — Jon de la Rosa.', ["The ferry left late", "It was full"],
     "Jon de la Rosa", "—"),
    ('"The levy passed by six votes."  - Councillor Ames, Dunmore.', ["The levy passed by six votes"],
     "Councillor Ames", "-"),
    ('"Rents doubled in a year." -- Priya N. Rao\nThe council met on Monday.', ["Rents doubled in a year"],
     "Priya N. Rao", "--"),
]


@pytest.mark.parametrize("text, claims, source, cue", SIGNED)
def test_a_signed_quotation_is_the_signers(text, claims, source, cue):
    found = extract(BODY + text)
    signed = [c for c in found.claims if c.attribution.kind != "unattributed"]
    assert [c.text for c in signed] == claims
    assert {(c.attribution.source_span.text, c.attribution.cue) for c in signed} == {(source, cue)}
    frame = next(f for f in found.frames if f.cue.text == cue)
    assert frame.source.text == source


UNSIGNED = [
    "The party ― the party of the open door ― won the seat.",  # a dash inside running text
    'He called it "a disgrace" — Then he left the room.',       # a sentence, not a name, after the dash
    'She answered "no" - the board disagreed.',                  # lower case after the dash
    '"Yes" ― Mara Quist',                                        # one word is no quotation to sign
]


@pytest.mark.parametrize("text", UNSIGNED)
def test_a_dash_without_a_signature_gives_no_frame(text):
    assert not [f for f in extract(BODY + text).frames if f.cue.text in "―—-"]


def test_the_next_quotation_does_not_inherit_the_signer():
    found = extract(BODY + '"The dam held for an hour." ― Mara Quist\n\n"Then it broke."')
    assert found.claims[-1].text == "Then it broke"
    assert found.claims[-1].attribution.source is None
