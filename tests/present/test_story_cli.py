"""`factcheck story`: the seed reports' planted agreements and contradictions, 80 columns, --json."""
import json

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from factcheck.present.cli import app
from conftest import ROOT

runner = CliRunner()
OUTLETS = {"montrouge": "Reuters", "report-evening": "Evening Standard", "report-wire": "Agence France-Presse"}


def run(*args, columns=80):
    return runner.invoke(app, list(args), env={"COLUMNS": str(columns)})


@pytest.fixture
def seeded(db_path):
    for name, outlet in OUTLETS.items():
        assert run("ingest", str(ROOT / "seeds" / f"{name}.txt"), "--outlet", outlet).exit_code == 0
    return db_path


def story_json(*args):
    result = run("story", "1", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def holding(propositions, words):
    """The proposition holding the claim that contains `words`."""
    found = [p for p in propositions if any(words in c["text"] for c in p["claims"])]
    assert len(found) == 1, words
    return found[0]


# What the seed reports were written to say: the same fact in other words, and versions that conflict.
AGREEMENTS = [
    ("bullet-proof vest", "the gunman wore a bullet-proof vest", "the attacker wore a bullet-proof vest"),
    ("A policewoman shot near Paris has died", "A policewoman was shot dead", "A municipal policewoman died"),
    ("the policewoman and a colleague went to the site", "The officer had been called to a road accident"),
    ("the window of a kebab shop", "A window of a kebab shop"),
    ("the shooter fled in a Renault Clio car", "the shooter fled in a Renault Clio"),
    ("12 people, including two police officers", "Twelve people were killed"),
    ("Seven people have already been arrested", "seven people were being held"),
]
CONTRADICTIONS = [
    ("the shooter fled in a Renault Clio car", "the gunman escaped in a Peugeot"),
    ("Twelve people were killed", "Eleven people were killed"),
    ("seven people were being held", "nine people had been arrested"),
    ("did not appear to fit the bill", "the gunman was linked to the Charlie Hebdo attackers"),
]


def test_the_seed_reports_give_the_planted_agreements_and_contradictions(seeded):
    found = story_json()
    assert {a["outlet"] for a in found["story"]["articles"]} == set(OUTLETS.values())
    propositions = found["propositions"]
    for words in AGREEMENTS:
        together = {holding(propositions, w)["id"] for w in words}
        assert len(together) == 1, words
        assert holding(propositions, words[0])["articles"] == len(words)
    for one, other in CONTRADICTIONS:
        a, b = holding(propositions, one), holding(propositions, other)
        assert b["id"] in a["contradicts"] and a["id"] in b["contradicts"]
        assert abs(a["id"] - b["id"]) == 1  # read together
    first_agreement = next(p["id"] for p in propositions if not p["contradicts"])
    assert all(p["contradicts"] for p in propositions if p["id"] < first_agreement)  # contradictions first
    only = story_json("--only", "contradictions")["propositions"]
    assert only and all(p["contradicts"] for p in only)
    assert {c["id"] for p in propositions for c in p["claims"]} == \
        {c["id"] for c in json.loads(run("claims", "--json").stdout)}  # every claim in one proposition


def test_the_story_shows_one_column_per_outlet_within_80_columns(seeded):
    result = run("story", "1")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    header = next(line for line in lines if "Reuters" in line and "Agence France-Presse" in line)
    assert header.index("Reuters") < header.index("Evening Standard") < header.index("Agence France-Presse")
    clio = next(n for n, line in enumerate(lines) if "the shooter fled" in line)
    assert lines[clio].count("the shooter") == 2  # one proposition: Reuters and the Evening Standard side by side
    assert "— Witnesses" in lines[clio + 2] or "— Witnesses" in lines[clio + 3]
    assert any("Peugeot" in line for line in lines[clio + 3:clio + 8])  # the conflicting version next


def test_more_outlets_than_fit_make_one_line_per_outlet_in_each_proposition(seeded):
    for n, outlet in enumerate(["Le Monde", "The Guardian"]):
        text = (ROOT / "seeds" / "report-evening.txt").read_text(encoding="utf-8") + f"\nUpdate {n}.\n"
        assert runner.invoke(app, ["ingest", "-", "--outlet", outlet], input=text).exit_code == 0
    narrow = run("story", "1").stdout.splitlines()
    assert max(cell_len(line) for line in narrow) <= 80
    assert not any("Reuters" in line and "Le Monde" in line for line in narrow)  # not as columns
    vest = [line for line in narrow if "bullet-proof" in line]
    assert len(vest) == 5 and sum("Le Monde" in line for line in vest) == 1
    wide = run("story", "1", columns=130).stdout.splitlines()
    assert max(cell_len(line) for line in wide) <= 130
    assert any("Reuters" in line and "The Guardian" in line for line in wide)  # there, they fit


def test_story_errors(seeded):
    assert run("story", "9").exit_code == 1 and "no story with id 9" in run("story", "9").output
    assert run("story", "x").exit_code == 2
