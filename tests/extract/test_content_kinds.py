"""Frames apart from a claim's source: a noun-phrase or action content is listed as a frame but
leaves the claim in the writer's voice; clauses and quotations give the claim its source."""
import json

import pytest
from typer.testing import CliRunner

from factcheck import extract
from factcheck.present.cli import app

# (sentence, the frame's cue, its content kind): the claim is the whole sentence, the writer's.
WRITER_STATES_AN_ACT = [
    ("The council declared a flood emergency on Monday.", "declared", "noun_phrase"),
    ("The minister announced an independent review of the contract.", "announced", "noun_phrase"),
    ("Detectives released a sketch of the driver.", "released", "noun_phrase"),
    ("Shareholders rejected the merger.", "rejected", "noun_phrase"),
    ("The coach declined to comment.", "declined", "action"),
    ("The judge ordered a new hearing.", "ordered", "noun_phrase"),
    ("The fire chief urged drivers to avoid the bridge.", "urged", "action"),
    ("The company promised to repay every customer.", "promised", "action"),
    # a verb after "before" or "after" is another clause's, not the object's
    ("The mayor announced an inquiry hours after the bridge collapsed.", "announced", "noun_phrase"),
]


@pytest.mark.parametrize("text, cue, kind", WRITER_STATES_AN_ACT)
def test_an_act_stays_in_the_writer_s_voice(text, cue, kind):
    found = extract(text)
    assert [c.text for c in found.claims] == [text.rstrip(".")]
    assert found.claims[0].attribution.kind == "unattributed"
    assert [(f.cue.text, f.kind, f.proposition) for f in found.frames] == [(cue, kind, False)]


# (sentence, the claim's source, its cue): a proposition is the source's.
SOURCE_ASSERTS = [
    ("Officials said the dam was holding.", "Officials", "said"),
    ("The minister announced that the review would start in May.", "The minister", "announced"),
    ("A spokesman said about 40 homes were still without power.", "A spokesman", "said"),
    ('The mayor wrote on Facebook: "The roads are closed."', "The mayor", "wrote"),
    ("Satellite images showed a column of smoke over the port.", "Satellite images", "showed"),
]


@pytest.mark.parametrize("text, source, cue", SOURCE_ASSERTS)
def test_a_proposition_is_the_source_s(text, source, cue):
    found = extract(text)
    attributed = [c for c in found.claims if c.attribution.source_span]
    assert attributed, text
    assert (attributed[0].attribution.source_span.text, attributed[0].attribution.cue) == (source, cue)
    assert any(f.proposition and f.cue.text == cue for f in found.frames)


def test_a_clause_before_and_police_said_is_kept():
    found = extract("The roof gave way, and police said nobody was inside.")
    assert [(c.text, c.attribution.source_span and c.attribution.source_span.text) for c in found.claims] == [
        ("The roof gave way", None), ("nobody was inside", "police")]


def test_a_second_verb_reporting_an_act_is_the_writer_s():
    found = extract("She said the school would reopen and announced a fund for the families.")
    assert [(c.text, c.attribution.kind) for c in found.claims] == [
        ("the school would reopen", "anonymous"), ("announced a fund for the families", "unattributed")]


def test_an_outer_source_takes_a_clause_that_reports_an_act():
    # (the frame gate keeps "announced [an inquiry]" as a frame; it judges "declared [an
    # emergency]" no attribution in PolNeAR's sense, but the claim is the police's either way)
    found = extract("Police said the mayor announced a public inquiry.")
    assert [(c.text, c.attribution.cue) for c in found.claims] == [
        ("the mayor announced a public inquiry", "said")]
    assert [f.kind for f in found.frames] == ["clause", "noun_phrase"]
    found = extract("Police said the driver declared a medical emergency.")
    assert [(c.text, c.attribution.cue) for c in found.claims] == [
        ("the driver declared a medical emergency", "said")]


@pytest.mark.parametrize("text, claim, source", [
    ("The fire, officials said, started in a storeroom.", "The fire, officials said, started in a storeroom",
     "officials"),
    ("The two climbers, said Ana Ruiz, had run out of water.",
     "The two climbers, said Ana Ruiz, had run out of water", "Ana Ruiz"),
])
def test_an_interrupted_attribution_is_one_claim_over_the_whole_stretch(text, claim, source):
    found = extract(text)
    assert [c.text for c in found.claims] == [claim]
    assert found.claims[0].attribution.source_span.text == source
    assert text[found.claims[0].start:found.claims[0].end] == claim
    assert len(found.frames[0].content) == 2  # PolNeAR's discontinuous content stays two pieces


def test_a_quotation_that_goes_on_joins_the_frame_content():
    text = '"We saw the water rise," said Ola Berg. "It came in minutes."'
    found = extract(text)
    assert [c.attribution.source_span.text for c in found.claims] == ["Ola Berg", "Ola Berg"]
    (frame,) = found.frames
    assert [text[s:e] for s, e in frame.content][-1] == "It came in minutes"


def test_extract_json_frames_adds_one_line_per_frame():
    text = "The board rejected the budget. The police said the figures were sound."
    result = CliRunner().invoke(app, ["extract", "-", "--json", "--frames"], input=text)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    frames = [line["frame"] for line in lines if "frame" in line]
    claims = [line for line in lines if "frame" not in line]
    assert [c["attribution"]["kind"] for c in claims] == ["unattributed", "official_body"]
    assert [(f["cue_text"], f["kind"]) for f in frames] == [("rejected", "noun_phrase"), ("said", "clause")]
    assert all(text[f["cue"][0]:f["cue"][1]] == f["cue_text"] for f in frames)


def test_frames_needs_json():
    result = CliRunner().invoke(app, ["extract", "-", "--frames"], input="x")
    assert result.exit_code == 2
